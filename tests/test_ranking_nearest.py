"""A question asked alone quotes the cited sentence nearest it encoded on its own when that
sentence's cosine clearly leads the best-scoring one's (session 30): `bot.answer.
OWN_SENTENCE_LEAD`, `OWN_SENTENCE_RATIO`, with `bot.retrieval.OWN_SENTENCE_COSINES`."""

import dataclasses

import pytest

import bot.answer
import bot.retrieval
from bot.answer import _choice_scores, _nearest_on_its_own
from bot.service import AnswerService


def _rule(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(bot.answer, "OWN_SENTENCE_LEAD", 0.2 if on else None)
    monkeypatch.setattr(bot.retrieval, "OWN_SENTENCE_COSINES", on)


def test_off_in_the_bot() -> None:
    # Measured, not taken: two held-out sets lost a first place (docs/quality-log.md).
    assert bot.answer.OWN_SENTENCE_LEAD is None
    assert bot.answer.OWN_SENTENCE_RATIO == 0.9  # the ratio measured, read when the lead is set
    assert not bot.retrieval.OWN_SENTENCE_COSINES


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        # tuning-extra-25.jsonl: MaxSim matched "bezos" and "ready" in the opening.
        (
            "what's everyone doing while bezos gets ready",
            "As Bezos gears up to challenge Tesla, the world watches closely.",
        ),
        # tuning-extra-17.jsonl: "the space one" is the rivalry's first chapter; the quote was
        # "more than a clash of egos".
        (
            "Does the author think this new round of competition matters more than the space one?",
            "Their rivalry first gained public attention",
        ),
        # tuning-extra-12.jsonl: the delivery network, not Tesla's devoted customers.
        (
            "Why might Amazon be able to get the vehicles to buyers quicker than everyone else?",
            "In addition, Amazon’s supply chain expertise and distribution infrastructure",
        ),
    ],
)
def test_the_sentence_nearest_on_its_own_is_quoted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, quoted: str
) -> None:
    _rule(monkeypatch, on=False)
    without = service.ask(question)
    assert not without.answer.startswith(quoted), without.answer
    _rule(monkeypatch, on=True)
    answer = service.ask(question)
    assert answer.answer.startswith(quoted), answer.answer
    assert quoted in answer.citations[0].text  # the passage quoted is cited first
    assert answer.outcome == without.outcome == "answered"


def test_a_follow_up_quotes_as_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Quoted in a conversation (no `alone`), the best-scoring sentence is quoted: unchanged.
    history = ["what's the ai integration"]
    question = "and what's everyone doing while bezos gets ready"
    _rule(monkeypatch, on=False)
    before = service.ask(question, history=history)
    _rule(monkeypatch, on=True)
    after = service.ask(question, history=history)
    assert after.answer == before.answer
    assert [c.text for c in after.citations] == [c.text for c in before.citations]


def test_only_a_clear_lead_within_the_ratio_moves_the_quote(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rule(monkeypatch, on=True)
    query = "what's everyone doing while bezos gets ready"
    hits, _ = service.retriever.answer_search(
        query, service.embedder.encode_query(query), 3, alone=True
    )
    candidates = [(n, i) for n, h in enumerate(hits, 1) for i in range(len(h.sentence_scores))]
    chosen_by = _choice_scores(hits)  # as a question asked alone chooses its quote
    scores = {ni: chosen_by[ni[0] - 1][ni[1]] for ni in candidates}
    best = max(candidates, key=scores.__getitem__)
    own = {ni: hits[ni[0] - 1].own_cosines[ni[1]] for ni in candidates}
    nearest = max(candidates, key=own.__getitem__)
    assert nearest != best and own[nearest] - own[best] >= 0.2

    def score(ni: tuple[int, int]) -> float:
        return scores[ni]

    ratio = score(nearest) / score(best)
    monkeypatch.setattr(bot.answer, "OWN_SENTENCE_RATIO", ratio - 0.01)
    assert _nearest_on_its_own(hits, candidates, best, score) == nearest
    monkeypatch.setattr(bot.answer, "OWN_SENTENCE_RATIO", ratio + 0.01)  # scores too far under
    assert _nearest_on_its_own(hits, candidates, best, score) == best
    monkeypatch.setattr(bot.answer, "OWN_SENTENCE_RATIO", 0.0)
    monkeypatch.setattr(bot.answer, "OWN_SENTENCE_LEAD", own[nearest] - own[best] + 0.01)
    assert _nearest_on_its_own(hits, candidates, best, score) == best  # the lead too small
    # Hits whose cosines were not read (a follow-up's) keep the best-scoring sentence.
    unread = [dataclasses.replace(h, own_cosines=()) for h in hits]
    monkeypatch.setattr(bot.answer, "OWN_SENTENCE_LEAD", 0.0)
    assert _nearest_on_its_own(unread, candidates, best, score) == best

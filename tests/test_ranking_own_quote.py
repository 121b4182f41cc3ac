"""A question asked alone chooses its quote with each cited sentence encoded on its own (session
29): `bot.answer.QUOTE_OWN_WEIGHT`, `bot.retrieval.OWN_SENTENCE_COSINES`, beside session 28's
re-ranking by the best such sentence (`bot.retrieval.SENTENCE_ALONE_WEIGHT`)."""

import dataclasses

import pytest

import bot.answer
import bot.retrieval
from bot.answer import _choice_scores, _own_cosines
from bot.service import AnswerService

# The rule as measured (docs/quality-log.md, "Sentences on their own in the quote (session 29)").
QUOTE_WEIGHT = 1.0
SENTENCE_WEIGHT = 2.0


def _rule(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(bot.answer, "QUOTE_OWN_WEIGHT", QUOTE_WEIGHT if on else 0.0)
    monkeypatch.setattr(bot.retrieval, "OWN_SENTENCE_COSINES", on)
    monkeypatch.setattr(bot.retrieval, "SENTENCE_ALONE_WEIGHT", SENTENCE_WEIGHT if on else 0.0)


def test_off_in_the_bot() -> None:
    # Measured, not taken: held out fell on `quality-holdout` (docs/quality-log.md).
    assert bot.answer.QUOTE_OWN_WEIGHT == 0.0
    assert not bot.retrieval.OWN_SENTENCE_COSINES
    assert bot.retrieval.SENTENCE_ALONE_WEIGHT == 0.0


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        # tuning-extra-19.jsonl: the sentence saying why ("business logic") over the intro's
        # "As the world's appetite for sustainable transportation grows".
        (
            "does the ev move make sense for jeff money-wise or is it purely a green thing",
            "For Jeff Bezos, entering the electric vehicle space aligns with both",
        ),
        # tuning-extra-27.jsonl: an idiom the article words otherwise; MaxSim matched its chat
        # words in the conclusion ("If Bezos succeeds, …").
        (
            "are we at the tail end of the electric car boom or what",
            "The electric vehicle revolution is only just beginning.",
        ),
        # tuning-extra-16.jsonl: the growth countries' sentence was quoted for the place.
        (
            "so the cars get physically made where, like which part of the country",
            "The project is rumored to be headquartered",
        ),
    ],
)
def test_the_sentence_on_its_own_chooses_the_quote(
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
    # Quoted in a conversation, the answer chooses on its whole score (no `alone`): unchanged.
    history = ["what will amazon's cars be like"]
    question = "and does the ev move make sense for jeff money-wise?"
    _rule(monkeypatch, on=False)
    before = service.ask(question, history=history)
    monkeypatch.setattr(bot.answer, "QUOTE_OWN_WEIGHT", QUOTE_WEIGHT)
    monkeypatch.setattr(bot.retrieval, "OWN_SENTENCE_COSINES", True)
    after = service.ask(question, history=history)
    assert after.answer == before.answer
    assert [c.text for c in after.citations] == [c.text for c in before.citations]


def test_the_cosines_count_only_when_read_for_every_sentence(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rule(monkeypatch, on=True)
    retriever = service.retriever
    query = "are we at the tail end of the electric car boom or what"
    vector = service.embedder.encode_query(query)
    hits, _ = retriever.answer_search(query, vector, 3, alone=True)
    assert all(len(h.own_cosines) == len(h.sentence_scores) for h in hits)
    with_cosines = _choice_scores(hits)
    # A hit whose cosines were not read (a follow-up's) counts none of them.
    unread = [dataclasses.replace(h, own_cosines=()) for h in hits]
    assert all(set(_own_cosines(h)) == {0.0} for h in unread)
    assert _choice_scores(unread) != with_cosines
    monkeypatch.setattr(bot.answer, "QUOTE_OWN_WEIGHT", 0.0)
    assert _choice_scores(hits) == _choice_scores(unread)
    # Not searched alone, no cosines are read.
    searched, _ = retriever.answer_search(query, vector, 3, alone=False)
    assert all(h.own_cosines == () for h in searched)

"""A question asked alone cites last the best passage not cited yet of the answer's re-ranking
with each passage's sentences encoded on their own (session 30): `bot.retrieval.
FURTHER_CITATIONS_WEIGHT`, `bot.answer.FURTHER_CITATIONS`. The quote, the passage cited first
and the outcome are chosen as without it."""

import dataclasses

import pytest

import bot.retrieval
from bot.answer import Quote, _with_further_citations
from bot.service import AnswerService

# The rule as measured (docs/quality-log.md, "Further citations by sentences on their own
# (session 30)").
WEIGHT = 2.0


def _rule(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(bot.retrieval, "FURTHER_CITATIONS_WEIGHT", WEIGHT if on else 0.0)


def test_off_in_the_bot() -> None:
    # Measured, not taken: two held-out sets' top 3 fell by one (docs/quality-log.md).
    assert bot.retrieval.FURTHER_CITATIONS_WEIGHT == 0.0


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # tuning-extra-27.jsonl: an idiom the article words otherwise; the passage saying it was
        # fourth in the ranking, its one sentence nearest the question.
        (
            "are we at the tail end of the electric car boom or what",
            "The electric vehicle revolution is only just beginning",
        ),
        # tuning-extra-28.jsonl: "a lot to lose" for "the stakes incredibly high".
        ("is there a lot to lose here for everyone", "This makes the stakes incredibly high"),
    ],
)
def test_the_sentence_on_its_own_brings_the_passage_into_the_citations(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, expected: str
) -> None:
    _rule(monkeypatch, on=False)
    without = service.ask(question)
    assert not any(expected in c.text for c in without.citations), without.citations
    _rule(monkeypatch, on=True)
    answer = service.ask(question)
    assert any(expected in c.text for c in answer.citations[:3])
    # The quote, its passage cited first, the outcome and the number of citations as without it.
    assert answer.answer == without.answer
    assert answer.citations[0].text == without.citations[0].text
    assert answer.outcome == without.outcome
    assert len(answer.citations) == len(without.citations)


def test_only_a_question_searched_as_asked_carries_further_passages(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rule(monkeypatch, on=True)
    retriever = service.retriever
    query = "are we at the tail end of the electric car boom or what"
    vector = service.embedder.encode_query(query)
    hits, _ = retriever.answer_search(query, vector, 3, alone=True)
    assert len(hits[0].further) == 3
    assert all(h.further == () for h in hits[1:])
    searched, _ = retriever.answer_search(query, vector, 3, alone=False)  # a follow-up's context
    assert all(h.further == () for h in searched)
    _rule(monkeypatch, on=False)
    off, _ = retriever.answer_search(query, vector, 3, alone=True)
    assert all(h.further == () for h in off)


def test_the_quoted_passages_stay_and_the_quotes_are_renumbered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rule(monkeypatch, on=False)
    retriever = service.retriever
    query = "what does tesla face from rivals"
    hits, _ = retriever.answer_search(query, service.embedder.encode_query(query), 6)
    first, second, third, *others = hits
    quotes = (Quote("a", 1), Quote("b", 3))  # the first and the third quoted
    carrying = [dataclasses.replace(first, further=(second, others[0])), second, third]
    cited, renumbered = _with_further_citations(carrying, quotes)
    # Both quoted passages kept, in their order; the last place goes to a further passage not
    # cited yet (the second is one, and was not quoted: it comes only after the quoted ones).
    assert [h.passage.id for h in cited] == [
        first.passage.id,
        third.passage.id,
        second.passage.id,
    ]
    assert renumbered == (Quote("a", 1), Quote("b", 2))
    # One quoted passage: the one before the last kept, the last taken by the first further
    # passage not cited yet.
    carrying = [dataclasses.replace(first, further=(others[0], second)), second, third]
    cited, renumbered = _with_further_citations(carrying, (Quote("a", 1),))
    assert [h.passage.id for h in cited] == [
        first.passage.id,
        second.passage.id,
        others[0].passage.id,
    ]
    assert renumbered == (Quote("a", 1),)
    # No hit carrying further passages: the hits as they are.
    plain = [first, second, third]
    assert _with_further_citations(plain, quotes) == (plain, quotes)

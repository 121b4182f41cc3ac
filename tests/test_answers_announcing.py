"""A question asked alone whose quote opens with a short sentence announcing the next ("However,
Tesla is not without its vulnerabilities. Production delays, …") cites first the passage the quote
opens with, not the one holding the sentence it announces (session 31):
`bot.answer.ANNOUNCING_PASSAGE_FIRST`. A follow-up cites as before."""

import pytest

import bot.answer
from bot.answer import compose_answer
from bot.chunking import Passage, split_sentences
from bot.retrieval import Hit
from bot.service import AnswerService


def _hit(article: str, start: int, end: int, scores: tuple[float, ...], fused: float) -> Hit:
    spans = tuple(split_sentences(article, start, end))
    passage = Passage(f"p{start}", "doc", None, start, end, article[start:end], spans)
    return Hit(passage, score=fused, dense=0.5, lexical=0.0, sentence_scores=scores)


FIRST = "Tesla is the king. However, Tesla is not without its vulnerabilities."
SECOND = "Production delays have hurt it. Rivals chip away at its share."
ARTICLE = f"{FIRST}\n\n{SECOND}"
LATER = len(FIRST) + 2


def test_on_in_the_bot() -> None:
    assert bot.answer.ANNOUNCING_PASSAGE_FIRST is True


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("alone", [True, False])
def test_the_announcing_sentence_s_passage_is_cited_first_when_asked_alone(
    monkeypatch: pytest.MonkeyPatch, on: bool, alone: bool
) -> None:
    monkeypatch.setattr(bot.answer, "ANNOUNCING_PASSAGE_FIRST", on)
    # The re-ranking puts the announced sentence's passage first; the best sentence announces.
    hits = [
        _hit(ARTICLE, LATER, len(ARTICLE), (0.59, 0.3), fused=2.8),
        _hit(ARTICLE, 0, len(FIRST), (0.3, 0.68), fused=1.9),
    ]
    answer = compose_answer("is tesla bulletproof?", hits, {}, min_score=0.1, alone=alone)
    # The same quote either way, in the article's order.
    assert answer.answer == (
        "However, Tesla is not without its vulnerabilities. Production delays have hurt it."
    )
    assert answer.citations[0].text == (FIRST if on and alone else SECOND)
    # Each quoted sentence still points at the passage holding it.
    for quote in answer.quotes:
        assert quote.text in answer.citations[quote.citation - 1].text


def test_a_quote_opening_with_the_announced_sentence_keeps_its_passage_first() -> None:
    # The long sentence is the best: nothing announces, its passage is cited first.
    hits = [
        _hit(ARTICLE, 0, len(FIRST), (0.3, 0.4), fused=2.8),
        _hit(ARTICLE, LATER, len(ARTICLE), (0.7, 0.3), fused=1.9),
    ]
    answer = compose_answer("what has hurt tesla?", hits, {}, min_score=0.1, alone=True)
    assert answer.answer.startswith("Production delays have hurt it.")
    assert answer.citations[0].text == SECOND


@pytest.mark.parametrize("on", [True, False])
def test_tesla_s_vulnerabilities_cite_the_tesla_paragraph_first(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    # tuning-extra-29.jsonl: quoted the announcing sentence and "Production delays, …", and cited
    # the "Production delays" paragraph first.
    monkeypatch.setattr(bot.answer, "ANNOUNCING_PASSAGE_FIRST", on)
    answer = service.ask("is tesla bulletproof or nah")
    assert answer.answer.startswith("However, Tesla is not without its vulnerabilities.")
    assert "Production delays" in answer.answer
    first = answer.citations[0].text
    assert ("Tesla is not without its vulnerabilities" in first) is on
    assert first.startswith("Production delays") is not on

"""What the article attributes its claims to (bot/attributions.py)."""

from __future__ import annotations

import pytest

import bot.attributions
from bot.service import AnswerService


@pytest.mark.parametrize(
    "question",
    ["does the article cite any sources?", "what evidence does the article give?",
     "what sources does the article cite?", "is there any evidence?",
     "what is the article based on?", "does the author back it up with any evidence?",
     "who are the article's sources?"],
)  # fmt: skip
def test_a_question_about_the_articles_sources_is_read_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.attributions.asks_for_attributions(question)
    monkeypatch.setattr(bot.attributions, "ATTRIBUTED_30", False)
    assert not bot.attributions.asks_for_attributions(question)


@pytest.mark.parametrize(
    "question",
    ["what sources do you use?", "where does the article come from?", "what evidence is there"
     " that amazon will win?", "does the article cite any sources about rivian?", "source?"],
)  # fmt: skip
def test_other_questions_about_sources_are_not_read(question: str) -> None:
    assert not bot.attributions.asks_for_attributions(question)


def test_the_sentences_attributing_a_claim_are_quoted_in_order(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("does the article cite any sources?")
    assert answer.outcome == "answered" and answer.reply is None and answer.citations
    quoted = [q.text for q in answer.quotes]
    assert 2 <= len(quoted) <= bot.attributions.QUOTED
    assert any(q.startswith("According to industry sources") for q in quoted)
    assert any("industry insiders report" in q for q in quoted)
    index = service.retriever.index
    (doc_id,) = index.article_rows
    order = [s for _, s in bot.attributions.article_sentences(index, doc_id)]
    assert [order.index(q) for q in quoted] == sorted(order.index(q) for q in quoted)
    monkeypatch.setattr(bot.attributions, "ATTRIBUTED_30", False)
    assert [q.text for q in service.ask("does the article cite any sources?").quotes] != quoted

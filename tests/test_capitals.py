"""A question typed in capitals is read as the same question in lower case (bot.service)."""

from __future__ import annotations

import pytest

import bot.service
from bot.service import AnswerService, unshouted


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("WHO IS RIVIAN", "who is rivian"),
        ("WHERE WILL AMAZON BUILD FACTORIES?", "where will amazon build factories?"),
        ("Who is Rivian?", "Who is Rivian?"),  # written with care: names kept
        ("AWS?", "AWS?"),  # one word in capitals is an acronym
        ("what does AWS do", "what does AWS do"),
    ],
)
def test_only_a_question_all_in_capitals_is_lowered(text: str, read: str) -> None:
    assert unshouted(text) == read


@pytest.mark.parametrize(
    "question", ["WHO IS RIVIAN", "WHERE WILL AMAZON BUILD FACTORIES?", "IS AMAZON MAKING AN EV"]
)
def test_a_shouted_question_is_answered_as_asked_in_lower_case(
    service: AnswerService, question: str
) -> None:
    shouted, lowered = service.ask(question), service.ask(question.lower())
    assert (shouted.outcome, shouted.answer) == (lowered.outcome, lowered.answer)


def test_without_the_rule_capitals_are_read_as_names(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert service.ask("WHO IS RIVIAN").outcome == "answered"
    monkeypatch.setattr(bot.service, "UNSHOUTED", False)
    assert service.ask("WHO IS RIVIAN").outcome == "partial"

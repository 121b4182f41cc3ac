"""The label is judged on the question inside a polite or indirect frame (bot/asked_clause.py)."""

from __future__ import annotations

import pytest

import bot.asked_clause
from bot.asked_clause import embedded_question
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "inside"),
    [
        ("do you know when amazon's car launches?", "when amazon's car launches?"),
        ("does the article say how much it costs?", "how much it costs?"),
        ("so, can you tell me where the factories are?", "where the factories are?"),
        ("does it mention who runs the project?", "who runs the project?"),
        ("i wonder what tesla will do", "what tesla will do"),
    ],
)
def test_the_frame_is_taken_off(question: str, inside: str) -> None:
    assert embedded_question(question) == inside


@pytest.mark.parametrize(
    "question",
    [
        "does the article say amazon is making cars?",  # no question word: the frame asks
        "do you know rivian?",
        "when does amazon's car launch?",
        "tell me about the factories",
    ],
)
def test_without_a_question_word_after_it_nothing_is_taken_off(question: str) -> None:
    assert embedded_question(question) == question


PAIRS = [
    ("do you know when amazon's car launches?", "when does amazon's car launch?"),
    ("does the article say how much the amazon ev costs?", "how much does the amazon ev cost?"),
    ("does it mention who runs the project?", "who runs the project?"),
]


@pytest.mark.parametrize(("framed", "direct"), PAIRS)
def test_a_framed_question_is_labelled_as_asked_directly(
    service: AnswerService, framed: str, direct: str
) -> None:
    answer = service.ask(framed)
    assert answer.question == framed
    assert answer.outcome == service.ask(direct).outcome == "partial"


def test_without_the_rule_the_frame_hides_the_kind_asked(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.asked_clause, "EMBEDDED_QUESTION", False)
    assert service.ask(PAIRS[0][0]).outcome == "answered"

"""The asker's count of what is asked taken out of the question (bot/assumed_count.py)."""

from __future__ import annotations

import pytest

import bot.assumed_count
from bot.assumed_count import without_assumed_count
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "read"),
    [("what are the three weaknesses?", "what are the weaknesses?"),
     ("what are tesla's three weaknesses?", "what are tesla's weaknesses?"),
     ("what are its 4 main advantages?", "what are its main advantages?")],
)  # fmt: skip
def test_a_count_before_a_plural_is_taken_out_and_not_without_the_rule(
    question: str, read: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_assumed_count(question) == read
    monkeypatch.setattr(bot.assumed_count, "COUNT_ASSUMED_31", False)
    assert without_assumed_count(question) == question


@pytest.mark.parametrize(
    "question",
    ["where did the two billionaires first compete?", "what happened in the 21st century",
     "the three of them", "is the 2040 goal real", "what are the first two sections?"],
)  # fmt: skip
def test_two_or_a_count_before_no_plural_stays(question: str) -> None:
    assert without_assumed_count(question) == question


def test_the_listed_things_asked_with_a_count_are_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = service.ask("what are tesla's weaknesses?")
    counted = service.ask("what are tesla's three weaknesses?")
    assert counted.outcome == "answered" and counted.quotes == plain.quotes
    monkeypatch.setattr(bot.assumed_count, "COUNT_ASSUMED_31", False)
    assert service.ask("what are tesla's three weaknesses?").outcome != "answered"

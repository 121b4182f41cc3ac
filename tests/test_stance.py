"""The bot's own opinion asked ("what's your opinion?", "which side are you on?"): a reply that
it takes no side and quotes the sources (bot/stance.py), never a search."""

from __future__ import annotations

import pytest

import bot.stance
from bot.service import AnswerService
from bot.stance import NO_STANCE, asks_bots_view


@pytest.mark.parametrize(
    "question",
    ["what's your opinion", "what do you think?", "what's your take on this",
     "do you have an opinion on the rivalry", "which side are you on", "are you biased?",
     "whats ur opinion on musk", "team musk or team bezos?", "are you on bezos's side"],
)  # fmt: skip
def test_the_bots_view_asked_is_read_by_its_form(question: str) -> None:
    assert asks_bots_view(question)


@pytest.mark.parametrize(
    "question",
    ["what do you think about tesla's weaknesses", "what do you think of amazon's plan",
     "who do you think will win", "what does musk think about bezos",
     "what's the author's opinion", "is the amazon ev biased toward luxury"],
)  # fmt: skip
def test_a_question_with_a_topic_of_its_own_is_no_such_request(question: str) -> None:
    assert not asks_bots_view(question)


def test_the_reply_says_the_bot_takes_no_side(service: AnswerService) -> None:
    answer = service.ask("what's your opinion on the rivalry?", ["who is rivian?"])
    assert answer.reply == "stance" and answer.answer == NO_STANCE
    assert not answer.quotes and not answer.citations


def test_without_the_rule_the_question_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.stance, "STANCE_26", False)
    assert not asks_bots_view("what's your opinion")
    assert service.ask("what's your opinion").reply != "stance"

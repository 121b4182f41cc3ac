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


@pytest.mark.parametrize(
    "question",
    ["write me a haiku about the rivalry", "can you compose a poem about musk?",
     "write a tweet about amazon's ev plans", "could you make up a short story about bezos"],
)  # fmt: skip
def test_a_request_to_write_is_read_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.stance.asks_bot_to_write(question)
    monkeypatch.setattr(bot.stance, "WRITING_27", False)
    assert not bot.stance.asks_bot_to_write(question)


@pytest.mark.parametrize(
    "question", ["what did musk write on twitter", "give me the story", "who wrote the article"]
)
def test_a_question_about_writing_is_no_request_to_write(question: str) -> None:
    assert not bot.stance.asks_bot_to_write(question)


def test_a_request_to_write_gets_the_reply_that_the_bot_only_quotes(
    service: AnswerService,
) -> None:
    answer = service.ask("write me a haiku about the rivalry")
    assert answer.reply == "stance" and answer.answer == bot.stance.NO_WRITING
    assert answer.outcome == "refused" and not answer.quotes


@pytest.mark.parametrize(
    "question",
    ["do you like elon?", "do you prefer tesla or amazon?", "are you a fan of musk?",
     "would you personally support bezos?"],
)  # fmt: skip
def test_asking_whom_the_bot_likes_is_its_view_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_bots_view(question)
    monkeypatch.setattr(bot.stance, "LIKES_29", False)
    assert not asks_bots_view(question)


@pytest.mark.parametrize(
    "question", ["do you like the prime integration idea?", "do customers like tesla?"]
)
def test_liking_a_topic_or_others_liking_is_searched(question: str) -> None:
    assert not asks_bots_view(question)


@pytest.mark.parametrize(
    "question",
    ["i think tesla will win, agree?", "do you agree?", "agree?", "wouldn't you agree",
     "bezos will crush musk, you agree with me?", "you're biased", "ur biased towards tesla",
     "you are a tesla fanboy", "this bot is one-sided"],
)  # fmt: skip
def test_asking_the_bot_to_agree_or_calling_it_biased_is_its_view_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_bots_view(question)
    monkeypatch.setattr(bot.stance, "AGREE_30", False)
    assert not asks_bots_view(question)


@pytest.mark.parametrize(
    "question",
    ["does amazon agree to the deal?", "will panasonic agree?", "who agreed to the partnership?",
     "are analysts biased towards tesla?", "is the market biased"],
)  # fmt: skip
def test_others_agreeing_or_biased_is_searched(question: str) -> None:
    assert not asks_bots_view(question)


def test_agree_after_an_answer_gets_the_stance_reply(service: AnswerService) -> None:
    answer = service.ask("i think tesla will win, agree?", ["who will win?"])
    assert answer.reply == "stance" and answer.answer == bot.stance.NO_STANCE

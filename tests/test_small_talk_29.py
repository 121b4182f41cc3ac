"""Session 29's small-talk rules (`benchmarks/quality.py --talk-29`): smalltalk-tuning-13's missed
kinds widened ("coolness, ta v much", "okie dokie then"), hand-probed forms ("hold on", "stop",
"maybe", "merry christmas", "are you sentient?"), and those forms taken off before a question.
Each is checked with its rule off too."""

from __future__ import annotations

import time

import pytest

import bot.small_talk
import bot.small_talk_forms
from bot.service import AnswerService
from bot.small_talk import small_talk, without_greeting
from bot.unclear import after_answer

FORMS = [
    ("coolness, ta v much", "thanks"),
    ("coolness", "thanks"),
    ("sweetness!", "thanks"),
    ("cool bananas", "thanks"),
    ("ta v much", "thanks"),
    ("thanks v v much bot", "thanks"),
    ("thx v much", "thanks"),
    ("cheers muchly", "thanks"),
    ("thank you ever so much", "thanks"),
    ("ty ever so", "thanks"),
    ("okie dokie then", "thanks"),
    ("right then", "thanks"),
    ("fine then.", "thanks"),
    ("cool then", "thanks"),
    ("thanks then!", "thanks"),
    ("bye then", "thanks"),
    ("see you then", "thanks"),
]


@pytest.mark.parametrize(("message", "kind"), FORMS)
def test_session_29_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_29", False)
    assert small_talk(message) is None


MORE_FORMS = [
    ("hold on", "thanks"),
    ("one sec", "thanks"),
    ("gimme a minute", "thanks"),
    ("let me think", "thanks"),
    ("stop", "thanks"),
    ("please stop", "thanks"),
    ("cancel that", "thanks"),
    ("shut up bot", "thanks"),
    ("maybe", "thanks"),
    ("not sure", "thanks"),
    ("i didn't know that", "thanks"),
    ("wake up", "greeting"),
    ("anyone awake?", "greeting"),
    ("merry christmas!", "greeting"),
    ("happy thanksgiving everyone", "greeting"),
    ("happy new year bot", "greeting"),
    ("are you sentient?", "help"),
    ("do you have feelings?", "help"),
    ("how do you feel?", "help"),
    ("tell me a joke", "help"),
    ("can you tell jokes?", "help"),
]


@pytest.mark.parametrize(("message", "kind"), MORE_FORMS)
def test_hand_probed_session_29_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_29", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "what then?",
        "and then?",
        "so then",
        "since then",
        "what happened then",
        "who leads then",
        "what about amazon then",
        "the then ceo",
        "why then",
        "can tesla stop amazon?",
        "will amazon cancel the project?",
        "maybe amazon wins?",
        "what are amazon's plans for the holidays?",
        "is tesla smart to cut prices?",
        "does amazon have a factory?",
        "tell me a story about tesla",
        "what feelings do customers have about tesla?",
    ],
)
def test_questions_holding_the_session_29_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


OPENED = [
    ("coolness, ta v much. who is rivian?", "Who is rivian?"),
    ("right then, who is rivian?", "Who is rivian?"),
    ("fine then: who leads?", "Who leads?"),
    ("one sec, where are the factories?", "Where are the factories?"),
    ("merry christmas! who is rivian?", "Who is rivian?"),
    ("sweetness, who leads?", "Who leads?"),
    ("cool then. who leads?", "Who leads?"),  # was ". who leads?": the mark left in
]


@pytest.mark.parametrize(("message", "question"), OPENED)
def test_session_29_forms_are_taken_off_before_a_question_and_not_with_the_rule_off(
    message: str, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(message) == question
    monkeypatch.setattr(bot.small_talk, "OPENERS_29", False)
    assert without_greeting(message) != question


@pytest.mark.parametrize(
    "phrase",
    [
        "then ",
        "ok then ",
        "right then ",
        "coolness ",
        "ta v much ",
        "ta very much ",
        "thanks very much indeed ",
        "thanks v much indeed ",
        "hold on ",
        "wait ",
        "one sec ",
        "merry christmas ",
    ],
)
def test_a_long_run_of_the_session_29_phrases_is_read_in_one_pass(phrase: str) -> None:
    started = time.perf_counter()
    for text in (phrase * 60 + "x", phrase * 60 + "who leads?", "who leads? " + phrase * 60):
        assert without_greeting(text)
        small_talk(text, lambda term: False)
        after_answer(text, ("who leads?",))
    assert time.perf_counter() - started < 5


def test_the_service_replies_to_the_tuning_misses_alone_and_after_an_answer(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    for message in ("coolness, ta v much", "okie dokie then"):
        assert service.ask(message).reply == "thanks"
        assert service.ask(message, ["who is rivian?"]).reply == "thanks"
    told = service.ask("hold on", ["who is rivian?"])
    assert told.reply == "thanks" and told.answer.startswith("All right!")
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_29", False)
    assert service.ask("okie dokie then").reply is None


def test_the_service_searches_the_question_after_a_session_29_opener(
    service: AnswerService,
) -> None:
    plain = service.ask("who is rivian?")
    opened = service.ask("coolness, ta v much. who is rivian?")
    assert opened.reply is None and opened.answer == plain.answer

"""Greetings, thanks and help (bot/small_talk.py): detected only on the whole message, answered
with a short reply built from the index, kept out of the query log; questions are unaffected."""

from __future__ import annotations

import io
import json

import pytest

from bot.answer import REFUSAL, Answer
from bot.service import AnswerService
from bot.small_talk import reply, small_talk, without_greeting
from bot.terminal import chat, render_json, render_text

TITLE = "Bezos vs. Musk: the EV rivalry"  # the shipped article's title, as its front matter has it


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("hi there", "greeting"),
        ("Hello!", "greeting"),
        ("hey evbot", "greeting"),
        ("Good morning, everyone", "greeting"),
        ("hi, how are you?", "greeting"),
        ("how are you doing today", "greeting"),
        ("Hello? Anyone?", "greeting"),
        ("thanks!", "thanks"),
        ("Thank you so much for the help.", "thanks"),
        ("thanks, that's all for now", "thanks"),
        ("thanks, that helps", "thanks"),
        ("ok great, thanks", "thanks"),
        ("ok thanks bye", "thanks"),
        ("cheers", "thanks"),
        ("bye!", "thanks"),
        ("help", "help"),
        ("Help?", "help"),
        ("what can you do?", "help"),
        ("What can I ask you?", "help"),
        ("hi, what can you do?", "help"),
        ("how does this work?", "help"),
        ("who are you?", "help"),
    ],
)
def test_small_talk_is_the_whole_message(message: str, kind: str) -> None:
    assert small_talk(message) == kind


@pytest.mark.parametrize(
    "message",
    [
        "hi, where will amazon build factories?",
        "hello, who is Amazon partnering with on batteries?",
        "thanks, and the batteries?",
        "thanks to what did Tesla get ahead?",
        "thanks for the answer about the batteries",
        "how can Amazon help the environment?",
        "help me understand Amazon's battery strategy",
        "can you help me with the Tesla pricing question?",
        "what can Tesla do against Amazon?",
        "what do you know about Rivian?",
        "who is Elon Musk?",
        "what's the capital of australia",
        "hi hello there what about Tesla's factories",
        "Hi-tech batteries?",
    ],
)
def test_questions_are_not_small_talk(message: str) -> None:
    assert small_talk(message) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hi, where will amazon build factories?", "Where will amazon build factories?"),
        ("Hello evbot: who is Amazon partnering with?", "Who is Amazon partnering with?"),
        ("hey what about Tesla?", "What about Tesla?"),
        ("hi!", "hi!"),  # nothing but a greeting: small talk's to answer, not taken off
        ("hi, thanks", "hi, thanks"),
        ("thanks, and the batteries?", "thanks, and the batteries?"),  # only a greeting goes
        ("high prices at Tesla?", "high prices at Tesla?"),
        ("hey Tesla fans love it", "hey Tesla fans love it"),  # no punctuation, no question word
    ],
)
def test_a_greeting_before_a_question_is_taken_off(question: str, expected: str) -> None:
    assert without_greeting(question) == expected


def test_replies_name_the_sources_and_never_the_refusal() -> None:
    sections = ["Origins", "Partnerships", "Musk's Response", "Conclusion"]
    hello = reply("greeting", "hi", ["A title"], sections)
    assert "“A title”" in hello and "“Origins”, “Partnerships” and “Musk's Response”" in hello
    assert "Conclusion" not in hello  # a few headings, not all
    assert reply("thanks", "thanks!", ["A title"], []).startswith("You're welcome!")
    assert reply("thanks", "bye", ["A title"], []).startswith("Goodbye!")
    helping = reply("help", "help", ["A", "B", "C", "D"], sections)
    assert "quotes" in helping and "cites" in helping and "don't cover" in helping
    assert "“A”, “B”, “C” and 1 more" in helping and "“Origins”" in helping
    assert REFUSAL not in hello + helping


def test_the_service_replies_to_small_talk_and_logs_no_question(service: AnswerService) -> None:
    before = service.query_log.stats()["questions"]
    hello = service.ask("hi there")
    assert (hello.reply, hello.outcome, hello.refused) == ("greeting", "refused", True)
    assert TITLE in hello.answer and "“Why Electric Vehicles?”" in hello.answer
    assert not hello.citations and not hello.quotes
    thanks = service.ask("thanks, that's all for now")  # off_topic's CLOSING_REMARK refuses it
    assert thanks.reply == "thanks" and thanks.answer.startswith("You're welcome!")
    helping = service.ask("what can you do?")
    assert helping.reply == "help" and "cites" in helping.answer
    assert service.query_log.stats()["questions"] == before  # not a question the sources lack
    answered = service.ask("hi, who is Amazon partnering with on batteries?")
    assert answered.reply is None and answered.outcome == "answered"
    assert answered.question == "Who is Amazon partnering with on batteries?"
    assert any("Panasonic" in q.text for q in answered.quotes)
    assert service.query_log.stats()["questions"] == before + 1
    refused = service.ask("What's the capital of France?")
    assert refused.reply is None and refused.answer == REFUSAL


def test_ask_json_keeps_the_outcome_set_and_says_which_reply() -> None:
    hello = Answer("a" * 32, "hi", "Hello! <@U1>", True, outcome="refused", reply="greeting")
    data = json.loads(render_json(hello))
    assert (data["outcome"], data["reply"]) == ("refused", "greeting")
    assert render_text(hello) == "Hello! <@U1>"  # the terminal prints text as it is
    assert json.loads(render_json(Answer("b" * 32, "q", REFUSAL, True)))["reply"] is None


class _RecordingService:
    """Answers small talk to "hi" and records the history each question was asked with."""

    def __init__(self) -> None:
        self.histories: list[list[str]] = []

    def ask(self, question: str, history: list[str], **_: object) -> Answer:
        self.histories.append(list(history))
        kind = small_talk(question)
        return Answer("c" * 32, question, "reply", True, outcome="refused", reply=kind)


def test_the_terminal_keeps_small_talk_out_of_the_conversation() -> None:
    service = _RecordingService()
    out = io.StringIO()
    chat(service, as_json=False, stdin=io.StringIO("hi\nwho?\nand when?\n"), stdout=out)  # type: ignore[arg-type]
    assert service.histories == [[], [], ["who?"]]

"""A question naming a line of the text quotes that line (session 27)."""

import pytest

import bot.answer
import bot.retrieval
from bot.named_part import named_line, named_part
from bot.service import AnswerService

FIRST_LINE = "In the ever-evolving landscape of technological innovation"
LAST_LINE = "Buckle up—it’s going to be an electrifying ride."


@pytest.mark.parametrize(
    "question",
    [
        "what does the opening line say about tesla",
        # tuning-extra-26.jsonl: the opening's third sentence was quoted.
        "ok so how does the writer set the scene at the very start",
    ],
)
def test_the_opening_line_named_is_quoted(service: AnswerService, question: str) -> None:
    answer = service.ask(question)
    assert answer.answer.startswith(FIRST_LINE), answer.answer
    assert FIRST_LINE in answer.citations[0].text


def test_the_closing_line_named_is_quoted(service: AnswerService) -> None:
    # The close is three passages: its last is cited first, then its last sentence quoted.
    answer = service.ask("what does the closing line say about consumers")
    assert LAST_LINE in answer.answer, answer.answer
    assert LAST_LINE in answer.citations[0].text


@pytest.mark.parametrize("switch", ["NAMED_LINE", "NAMED_LINE_RATIO"])
def test_without_either_half_another_sentence_was_quoted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, switch: str
) -> None:
    if switch == "NAMED_LINE":
        monkeypatch.setattr(bot.retrieval, "NAMED_LINE", False)
    else:
        monkeypatch.setattr(bot.answer, "NAMED_LINE_RATIO", 0.0)
    answer = service.ask("what does the closing line say about consumers")
    assert LAST_LINE not in answer.answer, answer.answer


def test_without_the_rule_the_opening_line_was_not_quoted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.answer, "NAMED_LINE_RATIO", 0.0)
    answer = service.ask("what does the opening line say about tesla")
    assert not answer.answer.startswith(FIRST_LINE), answer.answer


def test_a_question_in_a_conversation_is_quoted_as_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is musk"]
    asked = service.ask("what does the opening line say about tesla", history=history)
    monkeypatch.setattr(bot.answer, "NAMED_LINE_RATIO", 0.0)
    again = service.ask("what does the opening line say about tesla", history=history)
    assert asked.answer == again.answer


@pytest.mark.parametrize(
    ("question", "line", "part"),
    [
        ("whats the opening line say about rivalries in tech", "opening", "opening"),
        ("what is the first sentence of the article", "opening", "opening"),
        ("how does the writer set the scene at the very start", "opening", "opening"),
        ("what does the writer promise readers at the very end", "close", "close"),
        ("ok new q, what's the final line", "close", "close"),
        ("what are the last words of the article", "close", "close"),
        # The part without a line, or a start said of the rivalry.
        ("what does the intro say about tesla", None, "opening"),
        ("how does the conclusion frame the rivalry?", None, "close"),
        ("what happened at the very start of their rivalry", None, None),
        ("were they rivals from the very start", None, None),
        ("do the first line and the last line agree", None, None),
    ],
)
def test_the_line_named(question: str, line: str | None, part: str | None) -> None:
    assert named_line(question) == line
    assert named_part(question) == part

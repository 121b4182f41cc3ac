"""Chat spellings of common words written out in a question searched alone (session 26)."""

import pytest

import bot.retrieval
from bot.lexical import spelled_out
from bot.service import AnswerService

LOGIC = "aligns with both environmental values and business logic"


def test_a_question_in_chat_spellings_is_searched_spelled_out(service: AnswerService) -> None:
    # tuning-extra-24.jsonl: "y" and "w" matched nothing the sources write.
    answer = service.ask("y would bezos bother w cars, what's the logic")
    assert LOGIC in answer.answer, answer.answer
    assert answer.question == "y would bezos bother w cars, what's the logic"


def test_without_the_rule_another_passage_was_quoted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.retrieval, "CHAT_SHORTHAND", False)
    answer = service.ask("y would bezos bother w cars, what's the logic")
    assert LOGIC not in answer.answer, answer.answer


def test_a_spelled_out_question_is_answered_not_labelled(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "ppl" read as a word no passage mentions labelled the answer partial.
    question = "what raw materials are ppl worried about for these cars"
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(bot.retrieval, "CHAT_SHORTHAND", False)
    assert service.ask(question).outcome == "partial"


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("what are ppl worried about", "what are people worried about"),
        ("y would bezos bother w cars", "why would bezos bother with cars"),
        ("what kinda stuff will the cars have", "what kind of stuff will the cars have"),
        ("amazon w/ panasonic b4 2030?", "amazon with panasonic before 2030?"),
        ("Y is musk worried", "why is musk worried"),
        # Inside a word, an abbreviation, a contraction: as asked.
        ("what about U.S. sales", None),
        ("y'all think musk wins", None),
        ("what will rivian do", None),
        ("where r the cars made", None),
        # "y" opens a question as "why"; elsewhere it is a name.
        ("model y towing capacity?", None),
    ],
)
def test_the_spellings_written_out(question: str, written: str | None) -> None:
    assert spelled_out(question) == written

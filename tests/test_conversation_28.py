"""Session 28's conversation rule (bot.conversation.UNFINISHED_KEEPS_CONTEXT): a question that
leaves its clause to the question before and has no verb of its own ("in what industry?") is only
the end of that question, so it keeps its context whatever the margins say."""

import pytest

import bot.conversation
from bot.conversation import is_unfinished
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread, searched_after


@pytest.mark.parametrize(
    "question",
    ["in what industry?", "by how much?", "under which conditions", "anything else besides price?"],
)
def test_an_unfinished_question_is_read(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """A preposition and a question word, or "else" after one, with no verb: unfinished; off,
    no question is."""
    monkeypatch.setattr(bot.conversation, "UNFINISHED_KEEPS_CONTEXT", True)
    assert is_unfinished(question)
    monkeypatch.setattr(bot.conversation, "UNFINISHED_KEEPS_CONTEXT", False)
    assert not is_unfinished(question)


@pytest.mark.parametrize(
    "question",
    [
        "in which states will the factories be built?",
        "by what year does amazon want to be carbon neutral",
        "what else would it hook into?",
        "where will the factories be?",
    ],
)
def test_a_question_with_its_own_verb_is_not_unfinished(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    """A full question opening with a preposition has its verb: it is decided by evidence."""
    monkeypatch.setattr(bot.conversation, "UNFINISHED_KEEPS_CONTEXT", True)
    assert not is_unfinished(question)


def test_in_what_industry_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 28 (UNFINISHED_KEEPS_CONTEXT). "in what industry?" after a question on when the
    Bezos and Musk rivalry was first noticed: alone it matches the intro's "EV industry" better
    than the context's first passage, so the margin searched it alone and the intro's sentence was
    quoted; kept in context, the answer says it was the commercial space industry."""
    first, second = "when was the bezos musk thing first noticed", "in what industry?"
    monkeypatch.setattr(bot.conversation, "UNFINISHED_KEEPS_CONTEXT", True)
    assert searched_after(service, first, second) != second
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "commercial space industry" in answer.answer
    monkeypatch.setattr(bot.conversation, "UNFINISHED_KEEPS_CONTEXT", False)
    assert searched_after(service, first, second) == second
    assert "commercial space industry" not in asked_in_a_thread(service, first, second)[1].answer

"""Session 28's conversation rules (bot.conversation.UNFINISHED_KEEPS_CONTEXT, LABEL_SHORTHAND): a
question that leaves its clause to the question before and has no verb of its own ("in what
industry?") keeps its context whatever the margins say, and a topic label in chat shorthand
("different q —", "unrelated but") is taken off as the others are."""

import pytest

import bot.conversation
from bot.conversation import is_follow_up, is_unfinished, topic_label
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


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("different q — where do the factories go", "different q — "),
        ("ok totally different q: who runs tesla", "ok totally different q: "),
        ("unrelated but who runs tesla", "unrelated but "),
        ("totally unrelated, who runs tesla", "totally unrelated, "),
    ],
)
def test_a_label_in_chat_shorthand_is_read(
    monkeypatch: pytest.MonkeyPatch, question: str, label: str
) -> None:
    """Session 28 (LABEL_SHORTHAND): "q" for question, "unrelated but" and "totally unrelated"
    announce a new topic as "different question:" does; off, they are no label."""
    monkeypatch.setattr(bot.conversation, "LABEL_SHORTHAND", True)
    assert topic_label(question) == label and not is_follow_up(question)
    monkeypatch.setattr(bot.conversation, "LABEL_SHORTHAND", False)
    assert topic_label(question) is None


@pytest.mark.parametrize(
    "question", ["unrelated to price, is it cheaper", "what's the q about", "different cars?"]
)
def test_no_label_is_read_in_a_question(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """ "unrelated" without "but" or a mark after it, and "q" not after a label's adjective,
    announce nothing."""
    monkeypatch.setattr(bot.conversation, "LABEL_SHORTHAND", True)
    assert topic_label(question) is None


def test_the_closing_line_after_a_shorthand_label_is_quoted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 28 (LABEL_SHORTHAND). "unrelated but what is the last line of the article" after a
    question on Musk: the label was searched as part of the question and the opening quoted; taken
    off, the closing line is."""
    first, second = "how might musk react", "unrelated but what is the last line of the article"
    monkeypatch.setattr(bot.conversation, "LABEL_SHORTHAND", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert "electrifying ride" in answer.answer
    monkeypatch.setattr(bot.conversation, "LABEL_SHORTHAND", False)
    assert "electrifying ride" not in asked_in_a_thread(service, first, second)[1].answer

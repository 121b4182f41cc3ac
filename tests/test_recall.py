"""Questions about the asker's own questions are answered from the conversation (bot/recall.py)."""

from __future__ import annotations

import pytest

import bot.recall
from bot.recall import recall_asked, recalled, returned_to, with_returns
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("text", "which"),
    [("what was my first question?", "first"), ("what did i just ask?", "last"),
     ("remind me, what was my last question?", "last"), ("what was my question again?", "last"),
     ("what have i asked so far?", "all"), ("what were my questions?", "all"),
     ("list my questions", "all"), ("wait, what did i ask?", "last")],
)  # fmt: skip
def test_the_questions_asked_about_are_read_and_not_without_the_rule(
    text: str, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert recall_asked(text) == which
    monkeypatch.setattr(bot.recall, "RECALL_27", False)
    assert recall_asked(text) is None


@pytest.mark.parametrize(
    "text", ["what was musk's first question to bezos", "what did amazon ask panasonic"]
)
def test_a_question_about_others_questions_is_searched(text: str) -> None:
    assert recall_asked(text) is None


def test_the_reply_names_the_questions_from_the_history() -> None:
    history = ["who is musk?", "who is rivian?"]
    assert recalled("first", history) == "Your first question was: “who is musk?”"
    assert recalled("last", history) == "You asked: “who is rivian?”"
    assert recalled("all", history) == "You asked: “who is musk?”; “who is rivian?”"
    many = [f"question {n}?" for n in range(8)]
    assert recalled("all", many).startswith("Your last 5 questions: “question 3?”")
    assert recalled("last", []) == "You haven't asked me anything yet in this conversation."


def test_a_question_about_the_questions_is_a_reply_and_an_aside(service: AnswerService) -> None:
    history = ["who is rivian?", "thanks", "what did i ask?"]
    answer = service.ask("what was my first question?", history[:1])
    assert answer.reply == "recall" and answer.answer == "Your first question was: “who is rivian?”"
    alone = service.ask("what do they make?", history[:1])
    after = service.ask("what do they make?", history)  # read in "who is rivian?", not the reply
    assert after.quotes == alone.quotes


@pytest.mark.parametrize(
    "text", ["go back", "the previous answer", "show me the previous one", "back one please"]
)
def test_the_previous_answer_asked_for_is_read_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.recall.asks_previous_answer(text)
    monkeypatch.setattr(bot.recall, "PREVIOUS_27", False)
    assert not bot.recall.asks_previous_answer(text)


@pytest.mark.parametrize("text", ["go back to the factories", "what was tesla's previous ceo"])
def test_a_question_naming_more_is_no_request_for_the_previous_answer(text: str) -> None:
    assert not bot.recall.asks_previous_answer(text)


def test_going_back_answers_the_question_before_the_last(service: AnswerService) -> None:
    first = service.ask("who is rivian?")
    back = service.ask("go back", ["who is rivian?", "who is musk?"])
    assert back.quotes == first.quotes and back.question == "go back"
    alone = service.ask("go back", ["who is rivian?"])
    assert alone.reply == "recall" and alone.answer == bot.recall.NO_PREVIOUS


def test_a_go_back_in_the_history_reads_as_the_question_gone_back_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    history = ["go back", "who is rivian?", "where are the factories?", "go back", "go back"]
    # the first has nothing to go back to; the second shows Rivian again, the third the factories
    assert with_returns(history) == [
        "who is rivian?",
        "where are the factories?",
        "who is rivian?",
        "where are the factories?",
    ]
    monkeypatch.setattr(bot.recall, "RETURNS_28", False)
    assert with_returns(history) == history


def test_a_follow_up_after_going_back_reads_the_question_gone_back_to(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is rivian?", "where are the factories?", "go back"]
    assert "Rivian" in service.ask("go back", history[:2]).answer
    assert "Rivian" in service.ask("what do they make?", history).answer
    monkeypatch.setattr(bot.recall, "RETURNS_28", False)
    assert "Rivian" not in service.ask("what do they make?", history).answer


@pytest.mark.parametrize(
    "text",
    ["what have we talked about?", "summarize our conversation", "recap the chat",
     "what have we discussed so far?", "what were we talking about?"],
)  # fmt: skip
def test_the_conversation_asked_about_lists_the_questions_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert recall_asked(text) == "all"
    monkeypatch.setattr(bot.recall, "CONVERSATION_28", False)
    assert recall_asked(text) is None


def test_summarize_our_conversation_names_its_questions(service: AnswerService) -> None:
    answer = service.ask("summarize our conversation", ["who is rivian?", "where is the hq?"])
    assert answer.reply == "recall"
    assert answer.answer == "You asked: “who is rivian?”; “where is the hq?”"


@pytest.mark.parametrize(
    ("text", "at"),
    [("back to the first question", 0), ("let's go back to rivian", 0),
     ("what did you say first?", 0), ("go back to the factories please", 1),
     ("can we return to rivian", 0), ("back to the start", 0)],
)  # fmt: skip
def test_going_back_to_a_question_named_is_read_and_not_without_the_rule(
    text: str, at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is rivian?", "where are the factories?", "what is prime integration?"]
    assert returned_to(text, history) == at
    monkeypatch.setattr(bot.recall, "RETURN_TO_29", False)
    assert returned_to(text, history) is None


@pytest.mark.parametrize(
    "text", ["go back to tesla", "go back", "back to basics", "who is rivian?"]
)
def test_going_back_to_nothing_asked_is_not_read(text: str) -> None:
    assert returned_to(text, ["who is rivian?", "where are the factories?"]) is None


def test_the_question_gone_back_to_is_answered_again_and_read_by_a_follow_up(
    service: AnswerService,
) -> None:
    history = ["who is rivian?", "where are the factories?"]
    first = service.ask(history[0])
    back = service.ask("go back to rivian", history)
    assert back.quotes == first.quotes and back.question == "go back to rivian"
    after = [*history, "go back to rivian"]
    assert with_returns(after)[-1] == "who is rivian?"


@pytest.mark.parametrize(("text", "at"), [("back to the factory", 1), ("go back to whoever", None)])
def test_a_question_gone_back_to_is_named_in_any_form_of_its_words(
    text: str, at: int | None
) -> None:
    assert returned_to(text, ["who is rivian?", "where are the factories?"]) == at


@pytest.mark.parametrize(
    ("message", "which"),
    [("do you remember what i said?", "all"), ("do you remember my first question?", "first"),
     ("what did i just say?", "last"), ("u remember my question?", "last"),
     ("do you remember our conversation?", "all"), ("can you recall what we talked about?", "all")],
)  # fmt: skip
def test_remembering_asked_is_read_and_not_without_the_rule(
    message: str, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.recall.recall_asked(message) == which
    monkeypatch.setattr(bot.recall, "REMEMBER_31", False)
    assert bot.recall.recall_asked(message) is None


def test_remembering_asked_lists_the_questions(service: AnswerService) -> None:
    history = ["who is rivian?", "where are the factories?"]
    said = service.ask("do you remember what i said?", history)
    assert (
        said.reply == "recall"
        and said.answer == "You asked: “who is rivian?”; “where are the factories?”"
    )
    assert service.ask("do you remember what i said?").answer.startswith("You haven't asked")

"""The asker's introduction before a question is left out of the search (bot/preamble.py)."""

from __future__ import annotations

import pytest

import bot.preamble
from bot.preamble import without_preamble
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("text", "question"),
    [("I'm a journalist writing about EVs. Can you tell me what Amazon is planning?",
      "Can you tell me what Amazon is planning?"),
     ("I'm an investor. Should I be worried about my Tesla shares?",
      "Should I be worried about my Tesla shares?"),
     ("Hi, I'm new here. who is rivian?", "who is rivian?"),
     ("My editor wants a quote. I work for a paper. Who are Amazon's partners?",
      "Who are Amazon's partners?")],
)  # fmt: skip
def test_the_question_after_the_askers_introduction_is_read_alone(
    text: str, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_preamble(text) == question
    monkeypatch.setattr(bot.preamble, "PREAMBLE_27", False)
    assert without_preamble(text) == text


@pytest.mark.parametrize(
    "text",
    ["I think Tesla will win. What does the article say?",
     "I heard Amazon is buying Tesla. Is that true?",
     "I'm an investor. any idea?", "Tesla is doomed. why?", "who is rivian?",
     "I'm curious, who is rivian? And where are they based?"],
)  # fmt: skip
def test_a_sentence_holding_the_topic_keeps_the_message_whole(text: str) -> None:
    assert without_preamble(text) == text


def test_the_introduced_question_is_answered_as_asked_alone(service: AnswerService) -> None:
    alone = service.ask("Should I be worried about my Tesla shares?")
    introduced = service.ask("I'm a retired teacher. Should I be worried about my Tesla shares?")
    assert introduced.quotes == alone.quotes
    assert introduced.question == "Should I be worried about my Tesla shares?"  # as read


@pytest.mark.parametrize(
    ("text", "asked"),
    [("tell me who rivian is", "who is rivian?"), ("do you know who rivian is?", "who is rivian?"),
     ("can you tell me who leads?", "who leads?"), ("any idea who rivian is?", "who is rivian?"),
     ("i wonder what amazon's plan is", "what is amazon's plan?"),
     ("do you know where the factories are?", "where are the factories?"),
     ("tell me how big the team is", "how big is the team?"),
     ("hey, can you tell me what is prime integration?", "what is prime integration?")],
)  # fmt: skip
def test_a_question_embedded_in_a_request_is_asked_directly_and_not_without_the_rule(
    text: str, asked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.preamble.asked_directly(text) == asked
    monkeypatch.setattr(bot.preamble, "EMBEDDED_30", False)
    assert bot.preamble.asked_directly(text) == text


@pytest.mark.parametrize(
    "text",
    ["tell me about rivian", "do you know rivian?", "tell me what the article says",
     "i wonder why bezos is doing this", "who is rivian?", "what do you know about tesla?"],
)  # fmt: skip
def test_a_request_embedding_no_direct_question_is_left_as_it_is(text: str) -> None:
    assert bot.preamble.asked_directly(text) == text


def test_an_embedded_question_is_answered_as_asked_directly(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = service.ask("who is rivian?")
    embedded = service.ask("do you know who rivian is?")
    assert embedded.outcome == "answered" and embedded.quotes == direct.quotes
    monkeypatch.setattr(bot.preamble, "EMBEDDED_30", False)
    assert service.ask("do you know who rivian is?").quotes != direct.quotes

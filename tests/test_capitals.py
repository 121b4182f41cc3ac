"""A question typed in capitals is read as the same question in lower case, and a link pasted
into one is no part of it (bot.service)."""

from __future__ import annotations

import pytest

import bot.service
from bot.service import AnswerService, unshouted, without_links


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("WHO IS RIVIAN", "who is rivian"),
        ("WHERE WILL AMAZON BUILD FACTORIES?", "where will amazon build factories?"),
        ("Who is Rivian?", "Who is Rivian?"),  # written with care: names kept
        ("AWS?", "AWS?"),  # one word in capitals is an acronym
        ("what does AWS do", "what does AWS do"),
    ],
)
def test_only_a_question_all_in_capitals_is_lowered(text: str, read: str) -> None:
    assert unshouted(text) == read


@pytest.mark.parametrize(
    "question", ["WHO IS RIVIAN", "WHERE WILL AMAZON BUILD FACTORIES?", "IS AMAZON MAKING AN EV"]
)
def test_a_shouted_question_is_answered_as_asked_in_lower_case(
    service: AnswerService, question: str
) -> None:
    shouted, lowered = service.ask(question), service.ask(question.lower())
    assert (shouted.outcome, shouted.answer) == (lowered.outcome, lowered.answer)


def test_without_the_rule_capitals_are_read_as_names(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert service.ask("WHO IS RIVIAN").outcome == "answered"
    monkeypatch.setattr(bot.service, "UNSHOUTED", False)
    assert service.ask("WHO IS RIVIAN").outcome == "partial"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("who is rivian https://example.com/foo", "who is rivian"),
        ("see <https://example.com/a?b=c> where are they?", "see where are they?"),
        ("www.example.com", "www.example.com"),  # nothing but a link: asked as written
    ],
)
def test_links_pasted_into_a_question_are_no_words_of_it(text: str, read: str) -> None:
    assert without_links(text) == read


def test_a_question_with_a_link_is_answered_as_without_it(service: AnswerService) -> None:
    answer = service.ask("who is rivian https://example.com/foo")
    assert answer.answer == service.ask("who is rivian").answer
    assert answer.outcome == "answered"


def test_a_greeting_before_a_shouted_question_is_no_part_of_the_shouting(
    service: AnswerService,
) -> None:
    quiet = service.ask("who is rivian")
    greeted = service.ask("hey, WHO IS RIVIAN")
    assert greeted.outcome == quiet.outcome == "answered"
    assert greeted.answer == quiet.answer

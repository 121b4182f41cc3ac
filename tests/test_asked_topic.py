"""A request for what the sources hold on a topic ("tell me about lucid") is covered when the
sources write the topic, though its vector falls under the cosine floor (bot/asked_topic.py)."""

from __future__ import annotations

import pytest

import bot.asked_topic
from bot.asked_topic import (
    mentioned_topic,
    requested_topic,
    searched_topic,
    sources_write_topic,
)
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("tell me about lucid", "lucid"),
        ("what do you know about lucid?", "lucid"),
        ("what do the sources say about lucid", "lucid"),
        ("what does it say about 2040?", "2040"),
        ("what is said about lucid", "lucid"),
        ("what do you have on panasonic", "panasonic"),
        ("ok, can you tell me a bit about rivian?", "rivian"),
        ("info on lucid motors", "lucid motors"),
        ("what does musk say about bezos", None),
        ("why did amazon invest in rivian", None),
    ],
)
def test_the_topic_is_what_follows_the_request(question: str, topic: str | None) -> None:
    assert requested_topic(question) == topic


def test_a_topic_is_one_or_two_words_the_sources_write() -> None:
    written = {"lucid", "motors", "amazon"}.__contains__
    assert sources_write_topic("lucid motors", written)
    assert not sources_write_topic("the amazon river", written)  # "river" is not theirs
    assert not sources_write_topic("amazon lucid motors", written)  # a question of its own
    assert not sources_write_topic("it", written)  # nothing named


@pytest.mark.parametrize(
    "question",
    ["tell me about lucid", "what do you know about lucid", "what does it say about 2040"],
)
def test_a_written_topic_is_answered(question: str, service: AnswerService) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered"
    assert "Lucid" in answer.answer or "2040" in answer.answer


@pytest.mark.parametrize(
    "question", ["tell me about the amazon river", "what do you know about cooking"]
)
def test_a_topic_the_sources_do_not_write_is_refused(question: str, service: AnswerService) -> None:
    assert service.ask(question).outcome == "refused"


def test_without_the_rule_the_request_falls_under_the_floor(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.asked_topic, "TOPIC_REQUESTS", False)
    assert service.ask("tell me about lucid").outcome == "refused"


@pytest.mark.parametrize(
    ("question", "topic"),
    [("is ford mentioned in the article?", "ford"), ("does the article talk about batteries?",
      "batteries"), ("does it mention lucid?", "lucid"), ("is there anything about self-driving?",
      "self-driving"), ("hey, anything about nvidia in there?", "nvidia"),
     ("is rivian discussed anywhere", "rivian")],
)  # fmt: skip
def test_asking_whether_a_thing_is_mentioned_names_it(question: str, topic: str) -> None:
    assert mentioned_topic(question) == topic


@pytest.mark.parametrize(
    "question", ["is amazon building a car?", "does tesla mention batteries", "is ford electric?"]
)
def test_a_question_of_another_form_names_no_mentioned_thing(question: str) -> None:
    assert mentioned_topic(question) is None


def test_in_a_conversation_the_text_must_be_named() -> None:
    assert mentioned_topic("anything on batteries?", in_conversation=True) is None
    assert mentioned_topic("does the article mention lucid?", in_conversation=True) == "lucid"


def test_whether_a_thing_is_mentioned_is_searched_as_the_thing(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("is ford mentioned in the article?")
    assert "Ford’s electric F-150" in answer.answer
    monkeypatch.setattr(bot.asked_topic, "MENTIONS_26", False)
    assert "Ford’s electric F-150" not in service.ask("is ford mentioned in the article?").answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [("search for nvidia", "nvidia"), ("quote the part about rivian", "rivian"),
     ("find the sentence about lithium", "lithium"), ("show me everything about prime", "prime"),
     ("search the article for cobalt", "cobalt"), ("look up panasonic", "panasonic"),
     ("can you find me the passage on fulfillment centers?", "fulfillment centers"),
     ("find the part where the article mentions texas", "texas")],
)  # fmt: skip
def test_a_search_command_names_its_thing_and_not_without_the_rule(
    question: str, topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.asked_topic.searched_topic(question) == topic
    monkeypatch.setattr(bot.asked_topic, "SEARCH_27", False)
    assert bot.asked_topic.searched_topic(question) is None


@pytest.mark.parametrize(
    "question", ["why did amazon search for partners", "find out who wins", "show me the sections"]
)
def test_a_question_of_another_form_is_no_search_command(question: str) -> None:
    assert bot.asked_topic.searched_topic(question) is None


def test_a_search_command_is_searched_as_its_thing_in_a_conversation_too(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = service.ask("nvidia")
    for history in ([], ["who is musk?"]):
        answer = service.ask("search for nvidia", history, conversation=f"s{len(history)}")
        assert answer.outcome == "answered" and answer.quotes == alone.quotes
    monkeypatch.setattr(bot.asked_topic, "SEARCH_27", False)
    assert service.ask("search for nvidia").quotes != alone.quotes


def test_a_search_for_a_thing_the_sources_never_write_says_so(service: AnswerService) -> None:
    answer = service.ask("search for toyota")
    assert answer.outcome == "refused" and answer.answer == "The sources don't mention “toyota”."


@pytest.mark.parametrize(
    ("question", "topic"),
    [("what did you say about rivian earlier?", "rivian"),
     ("remind me what you said about the factories", "the factories"),
     ("what did you tell me about nvidia before?", "nvidia")],
)  # fmt: skip
def test_what_was_said_about_a_thing_is_that_thing_searched_and_not_without_the_rule(
    question: str, topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.asked_topic.searched_topic(question) == topic
    monkeypatch.setattr(bot.asked_topic, "SAID_BEFORE_28", False)
    assert bot.asked_topic.searched_topic(question) is None


def test_what_was_said_about_a_thing_earlier_quotes_it_again(service: AnswerService) -> None:
    history = ["who is rivian?", "where are the factories?"]
    answer = service.ask("what did you say about rivian earlier?", history, conversation="said")
    assert answer.outcome == "answered" and "Rivian" in answer.answer
    assert bot.asked_topic.searched_topic("what did musk say about bezos?") is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [("give me the exact words about prime", "prime"),
     ("copy the paragraph about partnerships", "partnerships"),
     ("what's the exact quote about the crown?", "the crown"),
     ("what exactly does it say about texas?", "texas"),
     ("does the article say anything about china?", "china")],
)  # fmt: skip
def test_more_search_forms_name_their_thing_and_not_without_the_rule(
    question: str, topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.asked_topic.searched_topic(question) == topic
    monkeypatch.setattr(bot.asked_topic, "SEARCH_28", False)
    assert bot.asked_topic.searched_topic(question) is None


def test_a_thing_the_sources_never_write_asked_so_is_said_to_be_unmentioned(
    service: AnswerService,
) -> None:
    answer = service.ask("does it say anything about china?")
    assert answer.reply == "search" and answer.answer == "The sources don't mention “china”."
    assert "Texas" in service.ask("what exactly does it say about texas?").answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [("what's the takeaway for investors?", "investors"),
     ("key lessons for consumers?", "consumers"),
     ("what are the main takeaways for tesla from the article?", "tesla")],
)  # fmt: skip
def test_a_takeaway_for_someone_is_searched_as_them_and_not_without_the_rule(
    question: str, topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert searched_topic(question) == topic
    monkeypatch.setattr(bot.asked_topic, "TAKEAWAY_29", False)
    assert searched_topic(question) is None


def test_the_takeaway_for_investors_quotes_what_the_text_says_of_them(
    service: AnswerService,
) -> None:
    answer = service.ask("what's the takeaway for investors?")
    assert answer.outcome == "answered" and "For investors" in answer.answer

"""The dates an article names are answered by the sentences naming them (bot/dates_named.py)."""

from __future__ import annotations

import pytest

import bot.dates_named
from bot.dates_named import asks_for_dates, asks_for_numbers
from bot.service import AnswerService


@pytest.mark.parametrize(
    "question",
    ["give me a timeline", "what are the key dates?", "what dates does the article mention?",
     "timeline?", "list the dates", "the important dates in the article please"],
)  # fmt: skip
def test_a_request_for_the_dates_is_read_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_dates(question)
    monkeypatch.setattr(bot.dates_named, "DATES_27", False)
    assert not asks_for_dates(question)


@pytest.mark.parametrize(
    "question",
    ["what's the timeline for the amazon car?", "when is the launch date", "dates musk gave"],
)
def test_a_date_asked_of_a_topic_is_searched(question: str) -> None:
    assert not asks_for_dates(question)


def test_the_dates_are_the_sentences_naming_a_year(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("what are the key dates?")
    assert answer.outcome == "answered" and answer.quotes
    assert all(any(y in q.text for y in ("19", "20")) for q in answer.quotes)
    assert "2040" in answer.answer and answer.quoted_from(1) is not None
    monkeypatch.setattr(bot.dates_named, "DATES_27", False)
    assert service.ask("what are the key dates?").outcome == "refused"


@pytest.mark.parametrize(
    "question",
    ["what are the key numbers?", "any statistics?", "what numbers are in the article?",
     "what figures does the article give?", "show me the stats"],
)  # fmt: skip
def test_the_numbers_asked_for_are_read_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_numbers(question) and not asks_for_dates(question)
    monkeypatch.setattr(bot.dates_named, "NUMBERS_28", False)
    assert not asks_for_numbers(question)


def test_the_years_mentioned_are_the_dates_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert asks_for_dates("what years are mentioned?")
    assert not asks_for_numbers("what years are mentioned?")
    assert not asks_for_numbers("any numbers on sales?")  # a topic: searched
    monkeypatch.setattr(bot.dates_named, "NUMBERS_28", False)
    assert not asks_for_dates("what years are mentioned?")


def test_the_numbers_are_the_sentences_naming_one(service: AnswerService) -> None:
    answer = service.ask("what are the key numbers?")
    quoted = [q.text for q in answer.quotes]
    assert any("2040" in q for q in quoted) and any("21st century" in q for q in quoted)
    assert all(any(c.isdigit() for c in q) for q in quoted)


def test_more_after_the_dates_or_numbers_goes_on_then_says_that_is_all(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    for asked in ("what are the key dates?", "what are the key numbers?"):
        more = service.ask("tell me more", [asked])  # the shipped article names fewer than five
        assert more.answer == "That's all the sources say about it."
    monkeypatch.setattr(bot.dates_named, "MORE_28", False)
    assert service.ask("tell me more", ["what are the key dates?"]).answer != (
        "That's all the sources say about it."
    )


@pytest.mark.parametrize(
    ("question", "numbers"),
    [("what numbers appear in the article?", True), ("are there any figures?", True),
     ("does the article give any stats?", True), ("does it cite any statistics at all?", True),
     ("are there any dates in the article?", False)],
)  # fmt: skip
def test_numbers_asked_in_other_words_are_read_and_not_without_the_rule(
    question: str, numbers: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_numbers(question) is numbers and asks_for_dates(question) is not numbers
    monkeypatch.setattr(bot.dates_named, "NUMBERS_29", False)
    assert not asks_for_numbers(question) and not asks_for_dates(question)


def test_a_question_about_a_number_asks_for_no_list(service: AnswerService) -> None:
    assert not asks_for_numbers("what numbers are there in tesla's sales?")
    figures = service.ask("are there any figures?")
    assert figures.outcome == "answered" and "2040" in figures.answer


@pytest.mark.parametrize(
    ("question", "year"),
    [("what happens in 2040?", "2040"), ("anything about 2030?", "2030"),
     ("what about 2040?", "2040"), ("what was planned for 2040", "2040")],
)  # fmt: skip
def test_a_year_asked_alone_is_read_and_not_without_the_rule(
    question: str, year: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.dates_named.asked_year(question) == year
    monkeypatch.setattr(bot.dates_named, "YEAR_ASKED_29", False)
    assert bot.dates_named.asked_year(question) is None


def test_a_year_asked_quotes_the_sentences_naming_it(service: AnswerService) -> None:
    assert bot.dates_named.asked_year("what happens in 2040 for tesla?") is None
    named = service.ask("what happens in 2040?")
    assert named.outcome == "answered" and "carbon-neutral by 2040" in named.answer
    none = service.ask("anything about 2030?")
    assert none.outcome == "refused" and none.answer == "The sources don't mention 2030."

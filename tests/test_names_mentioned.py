"""The people or places an article names are read from its text (bot/names_mentioned.py)."""

from __future__ import annotations

import pytest

import bot.names_mentioned
from bot.names_mentioned import asked_names, names_in_text
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "kind"),
    [("who is mentioned in the article?", "people"), ("list all the people mentioned", "people"),
     ("what people are named?", "people"), ("who is in the article?", "people"),
     ("what places are mentioned?", "places"), ("which states are mentioned?", "states"),
     ("which cities does the article mention?", "cities")],
)  # fmt: skip
def test_a_list_of_names_asked_is_read_and_not_without_the_rule(
    question: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asked_names(question) == kind
    monkeypatch.setattr(bot.names_mentioned, "NAMES_MENTIONED_28", False)
    assert asked_names(question) is None


@pytest.mark.parametrize(
    "question",
    ["who is mentioned as amazon's partner?", "who gets mentioned the most?",
     "what places will the cars be sold in?", "who is musk?"],
)  # fmt: skip
def test_a_question_about_a_name_is_no_list_asked(question: str) -> None:
    assert asked_names(question) is None


def test_names_are_read_once_each_in_the_order_they_appear() -> None:
    text = "Elon Musk met Jeff Bezos in Texas. Then Elon Musk flew to Europe and Texas again."
    assert names_in_text(text, "people") == ["Elon Musk", "Jeff Bezos"]
    assert names_in_text(text, "places") == ["Texas", "Europe"]
    assert names_in_text(text, "states") == ["Texas"]


def test_the_people_and_places_of_the_shipped_article_are_listed(service: AnswerService) -> None:
    people = service.ask("who is mentioned in the article?")
    assert people.reply == "article" and people.outcome == "answered"
    assert people.answer.endswith("names these people: Jeff Bezos, Elon Musk.")
    places = service.ask("what places are mentioned?")
    assert places.answer.endswith("names these places: California, Texas, Michigan, Europe, Asia.")
    assert service.ask("which cities are mentioned?").outcome == "refused"  # it names none


def test_a_name_pointed_at_after_the_names_is_searched_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is mentioned in the article?"]
    second = service.ask("what about the second?", history)
    assert second.question == "what about the second?"
    assert second.quotes == service.ask("tell me about Elon Musk").quotes
    assert service.ask("the ninth one", history).answer == "The answer before names 2."
    monkeypatch.setattr(bot.names_mentioned, "NAMES_POINTED_29", False)
    assert service.ask("what about the second?", history).quotes != second.quotes


def test_how_many_names_are_mentioned_is_counted_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.names_mentioned.counted_names("how many places are mentioned?") == "places"
    counted = service.ask("how many people are mentioned?")
    assert counted.answer.endswith("names 2 people: Jeff Bezos, Elon Musk.")
    assert bot.names_mentioned.counted_names("how many people work on the team?") is None
    monkeypatch.setattr(bot.names_mentioned, "COUNTED_29", False)
    assert bot.names_mentioned.counted_names("how many places are mentioned?") is None

"""Session 30's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 30)"): "what fraction of …" asks a number and a country is not taken for the US state
sharing its code ("canada" is no "california"), both on; "Countries in Europe and Asia" holds the
countries asked, and an intent noun narrowed by the sources' own words ("amazon's ev plan") names
nothing they lack, both measured and shipped off (each test turns its reading on)."""

import pytest

from bot import lookups, question_kind, unsaid
from bot.lookups import places_within
from bot.question_kind import asked_kind, holds
from bot.service import AnswerService
from bot.unsaid import unmentioned_attribute
from bot.unwritten_things import unwritten_regions


@pytest.fixture
def countries_by_continent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(question_kind, "COUNTRIES_BY_CONTINENT_30", True)


@pytest.fixture
def intent_narrowed_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unsaid, "INTENT_NARROWED_WRITTEN_30", True)


BATTLEGROUNDS = "Countries in Europe and Asia are likely to be key battlegrounds in this war."
# The stemmed words a stand-in index writes: "california" and "texas" are written, Canada is not.
WRITTEN = {"california", "texa", "europ", "asia"}


@pytest.mark.parametrize(
    "question",
    [
        "what fraction of new car sales in the us are evs",
        "what proportion of buyers want one?",
        "what's the ratio of evs to gas cars",
        "what is the rough fraction of buyers who want one",
    ],
)
def test_a_fraction_asks_a_number(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_kind(question) == "number"
    monkeypatch.setattr(question_kind, "FRACTION_NUMBER_30", False)
    assert asked_kind(question) != "number"


@pytest.mark.parametrize(
    "question", ["what fractions of the article are about musk?", "what rationale does bezos give"]
)
def test_no_fraction_read(question: str) -> None:
    assert asked_kind(question) is None


def test_a_fraction_not_given_is_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    question = "what fraction of new car sales in the us are evs"
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "the number", answer.answer
    assert answer.quotes and answer.citations  # the closest passage is still shown
    monkeypatch.setattr(question_kind, "FRACTION_NUMBER_30", False)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    "question", ["what countries will be battlegrounds?", "which countries matter most here"]
)
@pytest.mark.usefixtures("countries_by_continent")
def test_countries_named_by_their_continent_are_held(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) == "place"
    assert holds("place", BATTLEGROUNDS, question, of_the_kind_asked=True)
    monkeypatch.setattr(question_kind, "COUNTRIES_BY_CONTINENT_30", False)
    assert not holds("place", BATTLEGROUNDS, question, of_the_kind_asked=True)


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        # One country asked: a continent does not say which.
        ("which country gets the cars first", BATTLEGROUNDS),
        # The continent is the question's own ("european").
        ("which european countries get the cars first", BATTLEGROUNDS),
        # A continent named without the countries in it answers no "which countries".
        ("which countries will get the cars", "Demand in Europe and Asia is growing."),
    ],
)
@pytest.mark.usefixtures("countries_by_continent")
def test_countries_not_held_by_a_continent(question: str, quote: str) -> None:
    assert not holds("place", quote, question, of_the_kind_asked=True)


@pytest.mark.usefixtures("countries_by_continent")
def test_what_countries_will_be_battlegrounds_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    question = "what countries will be battlegrounds?"
    answer = service.ask(question)
    assert answer.outcome == "answered", answer.missing
    assert "Europe and Asia" in answer.answer
    monkeypatch.setattr(question_kind, "COUNTRIES_BY_CONTINENT_30", False)
    assert service.ask(question).outcome == "partial"


@pytest.mark.parametrize(
    "question",
    ["what is amazon's ev plan", "what's bezos's ev strategy?", "what is amazon's pricing plan"],
)
@pytest.mark.usefixtures("intent_narrowed_written")
def test_an_intent_noun_narrowed_by_written_words_names_nothing_unsaid(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    passage = "Bezos aims to disrupt Tesla's pricing model with a new EV."
    assert unmentioned_attribute(question, passage) == []
    monkeypatch.setattr(unsaid, "INTENT_NARROWED_WRITTEN_30", False)
    assert unmentioned_attribute(question, passage) != []


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("what is amazon's ipo plan", ["ipo plan"]),  # a word no passage writes narrows it
        ("what is tesla's profit margin", ["profit margin"]),  # no intent noun
    ],
)
@pytest.mark.usefixtures("intent_narrowed_written")
def test_other_attributes_still_unsaid(question: str, missing: list[str]) -> None:
    passage = "Bezos aims to disrupt Tesla's pricing model with a new EV."
    assert unmentioned_attribute(question, passage) == missing


@pytest.mark.usefixtures("intent_narrowed_written")
def test_amazons_ev_plan_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    assert service.ask("what is amazon's ev plan").outcome == "answered"
    monkeypatch.setattr(unsaid, "INTENT_NARROWED_WRITTEN_30", False)
    assert service.ask("what is amazon's ev plan").missing == "anything about ev plan"


@pytest.mark.parametrize(
    ("country", "state"),
    [("Canada", "california"), ("India", "indiana"), ("Germany", "delaware")],
)
def test_a_country_holds_no_state_sharing_its_code(
    monkeypatch: pytest.MonkeyPatch, country: str, state: str
) -> None:
    assert state not in places_within(country)
    monkeypatch.setattr(lookups, "REGIONS_BY_KIND_30", False)
    assert state in places_within(country)


@pytest.mark.parametrize(
    ("region", "inside"),
    [("United States", "texas"), ("Asia", "china"), ("Europe", "germany"), ("Texas", "texas")],
)
def test_a_region_holds_what_is_inside_it(region: str, inside: str) -> None:
    assert inside in places_within(region)


def test_canada_is_not_written_by_california(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "is the amazon car available in canada"
    assert unwritten_regions(question, WRITTEN.__contains__) == ["Canada"]
    assert unwritten_regions("is it sold in the united states", WRITTEN.__contains__) == []
    monkeypatch.setattr(lookups, "REGIONS_BY_KIND_30", False)
    assert unwritten_regions(question, WRITTEN.__contains__) == []


def test_available_in_canada_is_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    answer = service.ask("is the amazon car available in canada")
    assert answer.outcome == "partial" and answer.missing == "anything about Canada"
    monkeypatch.setattr(lookups, "REGIONS_BY_KIND_30", False)
    assert service.ask("is the amazon car available in canada").outcome == "answered"

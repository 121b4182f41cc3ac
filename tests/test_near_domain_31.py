"""Session 31's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 31)"): "where in texas …" wants a place inside Texas (`finer`); "exactly how many …"
asks as "how many …" does (`exact`); money put into a venture is an amount (`putting`); the
adjective of "how big / how old …" is the question's form, not a word the sources must write
(`degree`). Each test turns its reading off to show it can fail."""

import pytest

import bot.source_terms
from bot import question_kind
from bot.lookups import places_inside
from bot.question_kind import asked_kind, holds, region_narrowed
from bot.service import AnswerService

FACTORIES = (
    "The project is rumored to be headquartered in a research facility in California, with "
    "production lines expected to be constructed in Texas and Michigan."
)


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("where in texas will the factory be", "Texas"),
        ("whereabouts in texas is the production line", "Texas"),
        ("where exactly in california is the lab?", "California"),
        ("so where in the united states will they build", "United States"),
    ],
)
def test_where_in_a_region_is_read(question: str, region: str) -> None:
    assert region_narrowed(question) == region


@pytest.mark.parametrize(
    "question",
    [
        "where in the article is musk mentioned",  # no region
        "where will the factories be",  # no "in <region>"
        "where in the world will the ev war be fought",  # "world" is no region
        "which city in texas is the factory in",  # read by the kind of place asked
    ],
)
def test_other_questions_name_no_region_narrowed(question: str) -> None:
    assert region_narrowed(question) is None


@pytest.mark.parametrize(
    ("region", "inside", "outside"),
    [
        ("Texas", "austin", "california"),
        ("United States", "texas", "canada"),
        ("Germany", "berlin", "germany"),  # not itself
        ("Europe", "germany", "texas"),
    ],
)
def test_places_inside_a_region(region: str, inside: str, outside: str) -> None:
    assert inside in places_inside(region)
    assert outside not in places_inside(region)


def test_a_place_outside_the_region_asked_is_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "where in texas will the factory be"
    assert asked_kind(question) == "place"
    assert not holds("place", FACTORIES, question, of_the_kind_asked=True)
    assert holds("place", "The plant will be built near Austin.", question, of_the_kind_asked=True)
    # The United States holds Texas and Michigan: that answers "where in the united states".
    assert holds("place", FACTORIES, "where in the united states will they build", True)
    monkeypatch.setattr(question_kind, "FINER_PLACE_31", False)
    assert holds("place", FACTORIES, question, of_the_kind_asked=True)


def test_where_in_texas_is_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    question = "where in texas will the factory be"
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "where", answer.answer
    assert "Texas" in answer.answer and answer.citations  # the closest passage is still shown
    monkeypatch.setattr(question_kind, "FINER_PLACE_31", False)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("exactly how many warehouses does amazon run", "number"),
        ("precisely how much is amazon spending", "amount"),
        ("just how big is the team", "number"),
    ],
)
def test_exactly_how_asks_as_how_does(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, "EXACTLY_HOW_31", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "how much is jeff personally putting into the ev startup",
        "how much is bezos pumping into it",
        "how much is amazon betting on evs",
    ],
)
def test_money_put_into_a_venture_is_an_amount(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) == "amount"
    monkeypatch.setattr(question_kind, "PUT_INTO_AMOUNT_31", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    ["how much effort is musk putting into this", "how much thought went into putting it in"],
)
def test_effort_put_in_is_no_amount(question: str) -> None:
    assert asked_kind(question) != "amount"


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("exactly how many warehouses does amazon run", "the number"),
        ("how much is jeff personally putting into the ev startup", "the amount"),
    ],
)
def test_the_fresh_near_domain_questions_are_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, missing: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == missing, answer.answer
    monkeypatch.setattr(question_kind, "EXACTLY_HOW_31", False)
    monkeypatch.setattr(question_kind, "PUT_INTO_AMOUNT_31", False)
    assert service.ask(question).outcome == "answered"


def test_how_big_is_the_team_shows_the_closest_passage(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    answer = service.ask("how big is the team")
    assert answer.outcome == "partial" and answer.missing == "the number", answer.answer
    assert "team" in answer.answer
    monkeypatch.setattr(bot.source_terms, "HOW_DEGREE_GRAMMAR_31", False)
    assert service.ask("how big is the team").outcome == "refused"


@pytest.mark.parametrize(
    "question", ["how old is the universe", "how big is the amazon rainforest"]
)
def test_how_big_with_an_unwritten_word_stays_refused(
    service: AnswerService, question: str
) -> None:
    assert service.ask(question).outcome == "refused"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("exactly when will the first car ship", "date"),
        ("exactly where will they build it", "place"),
        ("precisely who runs the ev project", "person"),
    ],
)
def test_exactly_before_another_wh_word(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, "EXACTLY_HOW_31", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    ["what is the number of engineers on the team", "whats the total number of warehouses"],
)
def test_the_number_of_asks_a_number(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_kind(question) == "number"
    monkeypatch.setattr(question_kind, "NUMBER_OF_31", False)
    assert asked_kind(question) is None


def test_the_number_one_asks_no_number() -> None:
    assert asked_kind("what is the number one threat to tesla") is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("so like how many engineers are on the team", "number"),
        ("like when does it launch", "date"),
    ],
)
def test_a_chat_like_before_a_wh_word(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, "CHAT_LIKE_31", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize("question", ["like what?", "like what, concretely?"])
def test_like_what_is_left_as_it_is(question: str) -> None:
    assert question_kind.label_text(question) == question_kind.question_text(question)

"""Session 29's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 29)"): "how much is amazon investing?" asks an amount, "who leads the ev market?" is
answered by any name, "is amazon buying tesla?" claims a dealing the sources never write, an
address asks a place finer than a state, "what stake …" a number, "who did bezos hire to run …" a
person, "where's tesla's soft underbelly" no place, "which airports …" places on the map, and a
choice between two things the sources never write ("the bay area or LA") what they don't say."""

import functools

import pytest

from bot import question_kind, unsaid
from bot.question_kind import asked_kind, holds
from bot.service import AnswerService
from bot.unsaid import unwritten_choice, unwritten_claim_verb, unwritten_made_thing

# The words a stand-in index writes: a verb or a thing is unwritten when no passage holds it.
WRITTEN = {"amazon", "tesla", "invest", "invested", "rivian", "build", "is", "california"}
WRITTEN |= {"batteri", "vehicl", "panason"}
# Sentences writing the names a plain claim may act on.
NAMED = functools.partial(
    unsaid._written_as_name, texts=["Amazon invested in Rivian.", "Bezos and Musk lead Tesla."]
)


def passages_with(word: str) -> int:
    return 3 if word in WRITTEN else 0


@pytest.mark.parametrize(
    "question",
    [
        "how much is amazon investing?",
        "how much is bezos spending on this?",
        "how much are they investing in the project?",
        "how much has tesla been paying?",
    ],
)
def test_how_much_before_a_verb_of_paying_asks_an_amount(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) == "amount"
    monkeypatch.setattr(question_kind, "SPENDING_AMOUNT_29", False)
    monkeypatch.setattr(question_kind, "MONEY_AFTER_HOW_MUCH", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "who leads the ev market?",
        "who leads the electric vehicle industry right now?",
        "who leads in evs",
        "who leads the pack",
    ],
)
def test_who_leads_a_market_asks_no_person(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    # "Tesla remains the undisputed king …" answers it: a company's name, no person's.
    assert asked_kind(question) is None
    monkeypatch.setattr(question_kind, "MARKET_LEADER_29", False)
    assert asked_kind(question) == "person"


@pytest.mark.parametrize(
    "question", ["who leads tesla", "who leads the amazon ev design team?", "who runs the market"]
)
def test_who_leads_a_company_or_team_still_asks_a_person(question: str) -> None:
    assert asked_kind(question) == "person"


def test_who_leads_the_ev_market_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    answer = service.ask("who leads the ev market?")
    assert answer.outcome == "answered", answer.missing
    assert "Tesla" in answer.answer
    monkeypatch.setattr(question_kind, "MARKET_LEADER_29", False)
    assert service.ask("who leads the ev market?").outcome == "partial"


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("is amazon buying tesla?", "whether amazon is buying tesla"),
        ("is bezos suing musk?", "whether bezos is suing musk"),
        ("did amazon acquire rivian?", "whether amazon did acquire rivian"),
    ],
)
def test_a_plain_claim_on_a_name_whose_verb_no_passage_writes(
    monkeypatch: pytest.MonkeyPatch, question: str, claim: str
) -> None:
    assert unwritten_claim_verb(question, passages_with, NAMED) == [claim]
    monkeypatch.setattr(unsaid, "PLAIN_CLAIM_ON_A_NAME_29", False)
    assert unwritten_claim_verb(question, passages_with, NAMED) == []


@pytest.mark.parametrize(
    "question",
    [
        "is amazon doing this solo?",  # the asker's idiom on a thing, no name dealt with
        "has tesla lost market share?",
        "is amazon investing in rivian?",  # the sources write the verb
        "is amazon buying batteries?",  # no name after the verb
        "is bezos targeting tesla?",  # no dealing: the asker's word for "designed to rival"
    ],
)
def test_no_plain_claim_read(question: str) -> None:
    assert unwritten_claim_verb(question, passages_with, NAMED) == []


@pytest.mark.parametrize(
    ("question", "module", "flag", "missing"),
    [
        ("how much is amazon investing?", question_kind, "SPENDING_AMOUNT_29", "the amount"),
        (
            "is amazon buying tesla?",
            unsaid,
            "PLAIN_CLAIM_ON_A_NAME_29",
            "anything about whether amazon is buying tesla",
        ),
        (
            "whats the exact address of the california lab",
            question_kind,
            "ADDRESS_PLACE_29",
            "where",
        ),
        ("what stake in rivian does amazon hold", question_kind, "STAKE_NUMBER_29", "the number"),
        (
            "who did bezos hire to run the car division day to day",
            question_kind,
            "HIRED_PERSON_29",
            "who",
        ),
        (
            "Which airports will get Amazon charging stations?",
            question_kind,
            "AIRPORTS_29",
            "where",
        ),
        (
            "is the amazon ev lab in the bay area or down in LA",
            unsaid,
            "UNWRITTEN_CHOICE_29",
            "anything about bay area or la",
        ),
    ],
)
def test_what_the_sources_lack_is_labelled(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    question: str,
    module: object,
    flag: str,
    missing: str,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == missing, answer.answer
    assert answer.quotes and answer.citations  # the closest passage is still shown
    monkeypatch.setattr(module, flag, False)
    assert service.ask(question).outcome == "answered"


def test_an_address_is_no_state_or_city() -> None:
    question = "what's the street address of the california lab?"
    assert asked_kind(question) == "place"
    assert not holds("place", "It is headquartered in California, near Texas.", question, True)
    assert holds("place", "It sits at 410 Terry Avenue in Seattle.", question, True)


@pytest.mark.parametrize(
    "question",
    ["what stake in rivian does amazon own", "what size of stake does amazon have in rivian"],
)
def test_a_stake_asks_a_number(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_kind(question) == "number"
    monkeypatch.setattr(question_kind, "STAKE_NUMBER_29", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize("question", ["what's at stake?", "what stakes are highest"])
def test_what_is_at_stake_asks_no_number(question: str) -> None:
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "who did bezos hire to run the car division",
        "who has amazon tapped to head the ev unit",
        "who did amazon pick to lead the project?",
    ],
)
def test_hired_for_a_post_asks_a_person(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_kind(question) == "person"
    monkeypatch.setattr(question_kind, "HIRED_PERSON_29", False)
    assert asked_kind(question) is None


def test_hired_for_no_post_asks_no_person() -> None:
    # Answered by "a team of automotive experts, software engineers …": no one's name.
    assert asked_kind("who has bezos hired for the car project") is None


@pytest.mark.parametrize(
    "question",
    [
        "where's tesla's soft underbelly",
        "where does amazon have the edge?",
        "where are tesla's weak spots",
        "where is tesla vulnerable?",
        "where is tesla's achilles heel",
    ],
)
def test_where_a_weak_or_strong_point_is_asks_no_place(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) is None
    monkeypatch.setattr(question_kind, "FIGURATIVE_WHERE_29", False)
    assert asked_kind(question) == "place"


def test_where_a_soft_underbelly_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    assert service.ask("where's tesla's soft underbelly").outcome == "answered"
    monkeypatch.setattr(question_kind, "FIGURATIVE_WHERE_29", False)
    assert service.ask("where's tesla's soft underbelly").outcome == "partial"


def test_airports_are_places_on_the_map() -> None:
    question = "which airports will get amazon charging stations?"
    assert asked_kind(question) == "place"
    assert not holds("place", "Bezos may build charging stations.", question, True)
    assert holds("place", "Chargers will open at airports in Denver.", question, True)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("is the amazon ev lab in the bay area or down in la", ["bay area or la"]),
        ("is the cali lab in la or the bay area", ["la or bay area"]),
        ("will bezos go with lfp or nickel cells", ["lfp or nickel cells"]),
    ],
)
def test_a_choice_of_things_no_passage_writes(
    monkeypatch: pytest.MonkeyPatch, question: str, missing: list[str]
) -> None:
    assert unwritten_choice(question, WRITTEN.__contains__) == missing
    monkeypatch.setattr(unsaid, "UNWRITTEN_CHOICE_29", False)
    assert unwritten_choice(question, WRITTEN.__contains__) == []


@pytest.mark.parametrize(
    "question",
    [
        "is the lab in california or the bay area",  # the sources write one of them
        "is elon just gonna roll over or fight",  # deeds, no things
        "is everybody keeping an eye on this or nah",
        "is it true or not",
    ],
)
def test_no_unwritten_choice_read(question: str) -> None:
    assert unwritten_choice(question, WRITTEN.__contains__) == []


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("what kind of battery cells does panasonic make", ["battery cells"]),
        ("what battery cells does panasonic make for tesla", ["battery cells"]),
        ("which chips will nvidia supply", ["chips"]),
    ],
)
def test_a_product_made_that_no_passage_writes(
    monkeypatch: pytest.MonkeyPatch, question: str, missing: list[str]
) -> None:
    assert unwritten_made_thing(question, WRITTEN.__contains__) == missing
    monkeypatch.setattr(unsaid, "MADE_THING_UNWRITTEN_29", False)
    assert unwritten_made_thing(question, WRITTEN.__contains__) == []


@pytest.mark.parametrize(
    "question",
    [
        "what kind of vehicles does rivian make?",  # the sources write "vehicles"
        "what batteries will panasonic supply",
        "what does panasonic make?",  # no product named
    ],
)
def test_no_unwritten_product_read(question: str) -> None:
    assert unwritten_made_thing(question, WRITTEN.__contains__) == []


def test_a_product_made_that_the_sources_never_write_is_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    question = "what sort of battery cells will panasonic build for amazon?"
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "anything about battery cells"
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid, "MADE_THING_UNWRITTEN_29", False)
    assert service.ask(question).outcome == "answered"

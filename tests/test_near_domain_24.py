"""Session 24's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 24)"): places and things the sources never write, "how much" of a thing put into
something, a person in charge in chat's words, and a statement that asks for no kind."""

import pytest

from bot import question_kind, unwritten_things
from bot.lookups import places_within, regions_in
from bot.question_kind import asked_kind
from bot.service import AnswerService
from bot.unwritten_things import unwritten_regions, unwritten_thing_had

# Stems the sources write, as the index holds them (a stand-in for `LexicalIndex.holds`).
WRITTEN = {"amazon", "ev", "europ", "asia", "texa", "michigan", "california", "space", "influenc"}


# Measured and left off in the bot (`much`, `boss`): their tests turn them on.
OFF_IN_BOT = {"HOW_MUCH_UNWRITTEN", "CHAT_ROLE_ASKS_PERSON"}


def written(term: str) -> bool:
    return term in WRITTEN


def test_regions_read_in_any_case() -> None:
    assert regions_in("what about china") == ["China"]
    assert regions_in("sold in new mexico or mexico?") == ["New Mexico", "Mexico"]
    # Cities are no regions: their names are everyday words too.
    assert regions_in("nice one, what about the hub") == []
    assert "texas" in places_within("United States")
    assert places_within("Texas") == ["texas"]


@pytest.mark.parametrize(
    ("text", "unwritten"),
    [
        ("what about china", ["China"]),
        ("will it be sold in japan or india", ["Japan", "India"]),
        # Written, or written as a place inside it (Texas and Michigan are in the United States).
        ("what about europe", []),
        ("where in the united states will the factories be", []),
        ("what about texas", []),
    ],
)
def test_unwritten_regions(
    monkeypatch: pytest.MonkeyPatch, text: str, unwritten: list[str]
) -> None:
    assert unwritten_regions(text, written) == unwritten
    monkeypatch.setattr(unwritten_things, "UNWRITTEN_REGION", False)
    assert unwritten_regions(text, written) == []


@pytest.mark.parametrize(
    ("text", "flag", "unwritten"),
    [
        ("how much cargo space does the amazon ev have", "HOW_MUCH_UNWRITTEN", ["cargo space"]),
        ("does the amazon ev have a slogan", "HAS_A_THING", ["slogan"]),
    ],
)
def test_unwritten_thing_had(
    monkeypatch: pytest.MonkeyPatch, text: str, flag: str, unwritten: list[str]
) -> None:
    # Both off in the bot (measured: `much` labelled one more held-out in-domain answer).
    monkeypatch.setattr(unwritten_things, "HOW_MUCH_UNWRITTEN", True)
    monkeypatch.setattr(unwritten_things, "HAS_A_THING", True)
    assert unwritten_thing_had(text, written) == unwritten
    monkeypatch.setattr(unwritten_things, flag, False)
    assert unwritten_thing_had(text, written) == []


@pytest.mark.parametrize(
    "text",
    [
        # A thing the sources write, answered in their words ("nearly unmatched").
        "how much influence does amazon have",
        # "other options" asks whether a thing exists (no "a / an / any").
        "do tesla buyers have other options",
    ],
)
def test_thing_had_not_read(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(unwritten_things, "HOW_MUCH_UNWRITTEN", True)
    monkeypatch.setattr(unwritten_things, "HAS_A_THING", True)
    assert unwritten_thing_had(text, written) == []


@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        ("how much cobalt goes into a single tesla battery pack", "HOW_MUCH_GOES_INTO", "number"),
        ("how much lithium is in a tesla battery", "HOW_MUCH_GOES_INTO", "number"),
        (
            "who's the boss of bezos's car outfit, like the actual exec name",
            "CHAT_ROLE_ASKS_PERSON",
            "person",
        ),
    ],
)
def test_session_24_kinds(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, kind: str
) -> None:
    monkeypatch.setattr(question_kind, "CHAT_ROLE_ASKS_PERSON", True)  # off in the bot
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, rule, False)
    assert asked_kind(question) is None


def test_a_joined_wh_clause_asks_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "what's the california lab actually called and what city is it in"
    assert asked_kind(question) == "place"
    assert asked_kind("what does amazon plan and when will it launch") == "date"
    # A first clause with a kind of its own keeps it; "and" between names joins no clause.
    assert asked_kind("how many factories and where will they be") == "number"
    assert asked_kind("who are bezos and musk") is None
    monkeypatch.setattr(question_kind, "AND_CLAUSE_KIND", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question", ["I heard musk might cut prices", "i read that tesla will lower prices"]
)
def test_a_statement_asks_no_amount(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_kind(question) is None
    monkeypatch.setattr(question_kind, "FRAGMENT_NOT_STATED", False)
    assert asked_kind(question) == "amount"


@pytest.mark.parametrize(
    "question",
    [
        # A fragment without a verb before its kind noun is read as before.
        "amazon ev release date",
        "tesla 2023 delivery numbers?",
        # A question word before the auxiliary: a question, not a statement.
        "hello, who is tesla's ceo per the article",
        "how much influence does amazon have",
    ],
)
def test_session_24_kinds_unchanged(question: str) -> None:
    before = {"amazon ev release date": "date", "tesla 2023 delivery numbers?": "number"}
    before["hello, who is tesla's ceo per the article"] = "person"
    assert asked_kind(question) == before.get(question)


# Near-domain questions presented as answered at the session 24 baseline: partial with session
# 24's readings, answered without each one's (tuning-extra-5, -17 and -23, and the lead's probes).
@pytest.mark.parametrize(
    ("question", "module", "rule"),
    [
        ("How much cargo space does the Amazon EV have?", unwritten_things, "HOW_MUCH_UNWRITTEN"),
        (
            "how much cobalt goes into a single tesla battery pack",
            question_kind,
            "HOW_MUCH_GOES_INTO",
        ),
        (
            "who's the boss of bezos's car outfit, like the actual exec name",
            question_kind,
            "CHAT_ROLE_ASKS_PERSON",
        ),
        (
            "what's the california lab actually called and what city is it in",
            question_kind,
            "AND_CLAUSE_KIND",
        ),
        ("what about china", unwritten_things, "UNWRITTEN_REGION"),
        ("will it be sold in china", unwritten_things, "UNWRITTEN_REGION"),
    ],
)
def test_session_24_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    question: str,
    module: object,
    rule: str,
) -> None:
    if rule in OFF_IN_BOT:
        monkeypatch.setattr(module, rule, True)
    # Session 28's "how much range …" reads "how much cargo space" too: session 24's rule alone.
    monkeypatch.setattr(question_kind, "HOW_MUCH_MEASURE_28", False)
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(module, rule, False)
    assert service.ask(question).outcome == "answered"


def test_a_statement_is_answered(monkeypatch: pytest.MonkeyPatch, service: AnswerService) -> None:
    """ "I heard musk might cut prices" quotes the price cuts, with no "the amount" label."""
    answer = service.ask("I heard musk might cut prices")
    assert answer.outcome == "answered" and "price cuts" in answer.answer
    monkeypatch.setattr(question_kind, "FRAGMENT_NOT_STATED", False)
    assert service.ask("I heard musk might cut prices").outcome == "partial"


def test_a_region_label_names_it(service: AnswerService) -> None:
    assert service.ask("what about china").missing == "anything about China"

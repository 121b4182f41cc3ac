"""Session 25's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 25)"): a chat word before a wh-question, obstacle and effect nouns that name no attribute,
a team's size, a date noun, a fragment naming a number, how much of a company someone owns, a
person's measure the sources never compare by, and a person's view asked."""

import pytest

from bot import question_kind, unsaid
from bot.question_kind import asked_kind, label_text
from bot.service import AnswerService
from bot.unsaid import unmentioned_attribute


def test_chat_openers_before_a_wh_word(monkeypatch: pytest.MonkeyPatch) -> None:
    assert label_text("Wait so how much does the amazon car cost") == (
        "how much does the amazon car cost"
    )
    assert asked_kind("hmm, who runs the amazon ev team?") == "person"
    assert asked_kind("wait so how much does the amazon car cost") == "amount"
    # Only before a question word: "right now, who leads?" keeps its "right now".
    assert label_text("right now, who leads?") == "right now, who leads?"
    assert label_text("wait, is it out yet?") == "wait, is it out yet?"
    # The quote's kind is read as typed (label only).
    assert asked_kind("wait so how much does the amazon car cost", for_label=False) is None
    monkeypatch.setattr(question_kind, "CHAT_OPENERS_25", False)
    assert asked_kind("wait so how much does the amazon car cost") is None
    assert asked_kind("hmm, who runs the amazon ev team?") is None


@pytest.mark.parametrize(
    "question",
    [
        "what's the big hurdle for amazon here given it's an online shop",
        "what's the impact on the environment",
        "what are the challenges for amazon",
    ],
)
def test_obstacles_and_effects_name_no_attribute(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    passage = "Critics have pointed to the carbon footprint of battery production."
    assert unmentioned_attribute(question, passage) == []
    monkeypatch.setattr(unsaid, "JUDGING_NOUNS_25", False)
    assert unmentioned_attribute(question, passage) != []


def test_a_measured_attribute_is_still_asked_for() -> None:
    passage = "Its vehicles are known for high performance."
    assert unmentioned_attribute("what's the horsepower of the amazon ev", passage) == [
        "horsepower"
    ]


@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        ("how big is amazon's ev team", "TEAM_SIZE_25", "number"),
        ("how large is the staff at the california lab?", "TEAM_SIZE_25", "number"),
        ("what's the launch date for the amazon car", "DATE_NOUNS_25", "date"),
        ("what is the amazon ev deadline", "DATE_NOUNS_25", "date"),
        ("exact number of amazon warehouses globally?", "FRAGMENT_NUMBER_25", "number"),
        ("headcount of the amazon car division?", "FRAGMENT_NUMBER_25", "number"),
        ("tesla's market share as a number pls", "FRAGMENT_CHAT_AFTER_25", "number"),
        ("how much of rivian does amazon own", "OWNED_SHARE_25", "number"),
    ],
)
def test_session_25_kinds(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, rule, False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        # How big a thing is that no head count measures.
        "how big has their personal rivalry become?",
        "how big a deal are these two guys in business",
        # "how much" before a clause of its own.
        "how much is known about the car?",
        # A number that narrows the next noun ("number plates") is no number asked.
        "amazon car number plates",
    ],
)
def test_session_25_kinds_not_read(question: str) -> None:
    assert asked_kind(question) is None


def test_whats_read_as_typed_by_default() -> None:
    """Off in the bot: read as "what's", "whats the general vibe of the intro" asks for an
    attribute named "general vibe" (an in-domain question of the tuning sets)."""
    assert label_text("whats the general vibe of the intro") == (
        "whats the general vibe of the intro"
    )


@pytest.mark.parametrize(
    ("question", "module", "rule"),
    [
        ("wait so how much does the amazon car cost", question_kind, "CHAT_OPENERS_25"),
        ("how big is amazon's ev team", question_kind, "TEAM_SIZE_25"),
        ("how much of rivian does amazon own", question_kind, "OWNED_SHARE_25"),
        ("exact number of amazon warehouses globally?", question_kind, "FRAGMENT_NUMBER_25"),
    ],
)
def test_session_25_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    question: str,
    module: object,
    rule: str,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(module, rule, False)
    assert service.ask(question).outcome == "answered"


def test_an_effect_question_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    """The environmental section answers it in its own words."""
    question = "what's the impact on the environment"
    answer = service.ask(question)
    assert answer.outcome == "answered" and "environmental" in answer.answer
    monkeypatch.setattr(unsaid, "JUDGING_NOUNS_25", False)
    assert service.ask(question).outcome == "partial"


# Stems the sources write, as the index holds them (a stand-in for `LexicalIndex.holds`): "rich"
# of "resource-rich", never "richer" nor "richest".
WRITTEN = {"bezo", "musk", "rich", "older"}


@pytest.mark.parametrize(
    ("question", "unsaid_part"),
    [
        ("is bezos richer than musk?", ["who is richer"]),
        ("is musk wealthier than bezos rn", ["who is wealthier"]),
        # The sources compare by it ("older" written): they may say it.
        ("is bezos older than musk", []),
        # No measure of a person.
        ("will amazon's cars be cheaper than a tesla", []),
    ],
)
def test_a_person_measure_the_sources_never_compare(
    monkeypatch: pytest.MonkeyPatch, question: str, unsaid_part: list[str]
) -> None:
    assert unsaid.uncompared_measure(question, WRITTEN.__contains__) == unsaid_part
    monkeypatch.setattr(unsaid, "PERSON_MEASURE_25", False)
    assert unsaid.uncompared_measure(question, WRITTEN.__contains__) == []


def test_a_view_asked_of_a_named_person(monkeypatch: pytest.MonkeyPatch) -> None:
    cited = "The battle between Elon Musk and Jeff Bezos is more than a clash of egos."
    speculating = "The battle between Bezos and Musk is more than a clash of egos."
    question = "what does musk think about bezos"
    assert unsaid.unreported_words(question, speculating, cited) == ["what musk thinks"]
    # A quote reporting a view or words answers it.
    assert unsaid.unreported_words(question, "Musk believes the rivalry helps.", cited) == []
    assert unsaid.unreported_words(question, 'Musk said "bring it on".', cited) == []
    # Not a person: "fans", "wall street" (answered in the sources' words).
    assert unsaid.unreported_words("what do fans think of tesla", speculating, cited) == []
    monkeypatch.setattr(unsaid, "VIEW_ASKED_25", False)
    assert unsaid.unreported_words(question, speculating, cited) == []


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("is bezos richer than musk?", "PERSON_MEASURE_25"),
        ("what does musk think about bezos", "VIEW_ASKED_25"),
    ],
)
def test_session_25_unsaid_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid, rule, False)
    assert service.ask(question).outcome == "answered"

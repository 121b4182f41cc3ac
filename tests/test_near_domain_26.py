"""Session 26's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 26)"): "how much" before a verb of earning or selling (an amount) or of weighing (a
number), "who is leading the project" (a person), a noun naming what someone intends ("amazon's
plan"), a count or a judging noun ("what three things", "what edge") that ask nothing by name, and
a lower-case company the sources never write ("partnering with lg", "what about gm")."""

import pytest

from bot import lower_case_names, question_kind, unsaid
from bot.lower_case_names import unwritten_lower_case_name
from bot.question_kind import asked_kind
from bot.service import AnswerService
from bot.unsaid import (
    asked_focus,
    unknown_named_thing,
    unmentioned_attribute,
    without_intent_noun,
)


@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        ("how much does bezos earn", "EARNED_AMOUNT_26", "amount"),
        ("how much do amazon ev engineers make?", "EARNED_AMOUNT_26", "amount"),
        ("how much does tesla make a year", "EARNED_AMOUNT_26", "amount"),
        ("how much will the amazon car sell for", "EARNED_AMOUNT_26", "amount"),
        ("how much is the amazon ev going for", "EARNED_AMOUNT_26", "amount"),
        ("how much does the amazon ev weigh", "WEIGHED_NUMBER_26", "number"),
        ("how much can it tow?", "WEIGHED_NUMBER_26", "number"),
        ("who is leading the project at amazon", "LEADING_A_BODY_26", "person"),
        ("who's leading amazon's car team", "LEADING_A_BODY_26", "person"),
    ],
)
def test_session_26_kinds(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    # For the label only: the quote's kind is read as before.
    assert asked_kind(question, for_label=False) is None
    monkeypatch.setattr(question_kind, rule, False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        # "make" in a phrase that asks for no amount.
        "how much does it make a difference",
        "how much does that make sense",
        # A noun between "how much" and the verb: a quantity of it, not money.
        "how much progress has amazon made",
        # Leading a race or a market: who is ahead, a company as often as a person.
        "who's been leading it",
        "who is leading the ev race",
        "who is leading the charge",
    ],
)
def test_session_26_kinds_not_read(question: str) -> None:
    assert asked_kind(question) is None


def test_an_intent_noun_asks_nothing_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    passage = "Bezos has set his sights on a new venture; this supports the carbon mission."
    assert unmentioned_attribute("what is amazon's plan", passage) == []
    assert unmentioned_attribute("what's bezos's vision", passage) == []
    # Narrowed, it still asks by name.
    assert unmentioned_attribute("what's the payment plan for the amazon ev", passage) == [
        "payment plan"
    ]
    assert without_intent_noun("game plan") == ""
    assert without_intent_noun("pricing strategy") == "pricing strategy"
    monkeypatch.setattr(unsaid, "INTENT_NOUNS_26", False)
    assert unmentioned_attribute("what is amazon's plan", passage) == ["plan"]
    assert unmentioned_attribute("what's bezos's vision", passage) == ["vision"]


# Stems the sources write, as the index holds them (a stand-in for `LexicalIndex.holds`).
WRITTEN = {"amazon", "bezo", "panason", "nvidia", "rivian", "batteri", "cell"}


@pytest.mark.parametrize(
    ("question", "unsaid_part"),
    [
        ("is amazon partnering with lg?", ["lg"]),
        ("i read that amazon is partnering with lg, true?", ["lg"]),
        ("is bezos teaming up with gm", ["gm"]),
        ("is amazon buying cells from catl", ["catl"]),
        ("does amazon use byd batteries", ["byd"]),
        ("what about gm", ["gm"]),
        ("how about byd?", ["byd"]),
        # The sources write the partner: they may say it.
        ("is amazon partnering with panasonic?", []),
        # English words and chat words name no company.
        ("is amazon partnering with others", []),
        ("is amazon working with them rn", []),
        ("is amazon working with tbh anyone", []),
    ],
)
def test_a_lower_case_company_the_sources_never_write(
    monkeypatch: pytest.MonkeyPatch, question: str, unsaid_part: list[str]
) -> None:
    assert unwritten_lower_case_name(question, WRITTEN.__contains__) == unsaid_part
    assert unknown_named_thing(question, WRITTEN.__contains__) == unsaid_part
    monkeypatch.setattr(lower_case_names, "LOWER_CASE_NAMES_26", False)
    assert unwritten_lower_case_name(question, WRITTEN.__contains__) == []


@pytest.mark.parametrize(
    ("question", "module", "rule"),
    [
        ("how much does bezos earn", question_kind, "EARNED_AMOUNT_26"),
        ("how much does the amazon ev weigh", question_kind, "WEIGHED_NUMBER_26"),
        ("who is leading the project at amazon", question_kind, "LEADING_A_BODY_26"),
        ("is amazon partnering with lg?", lower_case_names, "LOWER_CASE_NAMES_26"),
        ("is bezos teaming up with gm", lower_case_names, "LOWER_CASE_NAMES_26"),
        ("what about gm", lower_case_names, "LOWER_CASE_NAMES_26"),
    ],
)
def test_session_26_near_domain_questions_labelled(
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


@pytest.mark.parametrize("question", ["tell me about amazon's plan", "what is amazon's plan"])
def test_a_plan_asked_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str
) -> None:
    """The sources tell the plan in their own words ("a new venture", "this mission")."""
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(unsaid, "INTENT_NOUNS_26", False)
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "anything about plan"


@pytest.mark.parametrize(
    ("question", "rule", "off"),
    [
        ("what three things does bezos bring to the table", "FOCUS_COUNTED_26", "three things"),
        ("what few things could amazon bring", "FOCUS_COUNTED_26", "few things"),
        ("what edge does amazon have over tesla", "FOCUS_JUDGED_26", "edge"),
        ("what main drawbacks does tesla have", "FOCUS_JUDGED_26", "drawbacks"),
    ],
)
def test_a_count_or_a_judging_noun_names_no_thing(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, off: str
) -> None:
    assert asked_focus(question) is None
    monkeypatch.setattr(unsaid, rule, False)
    assert asked_focus(question) == off


def test_a_thing_asked_for_by_name_is_still_read() -> None:
    assert asked_focus("what warranty will amazon offer") == "warranty"
    assert asked_focus("what battery issues will it have?") == "battery issues"
    assert asked_focus("what two warranties will amazon offer") == "warranties"
    assert asked_focus("which dealerships will sell the amazon ev") == "dealerships"


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("what three things does bezos bring to the table", "FOCUS_COUNTED_26"),
        ("what edge does amazon have over tesla", "FOCUS_JUDGED_26"),
    ],
)
def test_a_count_or_a_judging_noun_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    """Its quote answers in the sources' own words ("unique advantages")."""
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(unsaid, rule, False)
    assert service.ask(question).outcome == "partial"

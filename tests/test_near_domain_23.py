"""Session 23's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 23)"): kinds asked in forms the earlier readings left unread, and a comparison of two
doers whose compared things were read as whole clauses."""

import json
from pathlib import Path

import pytest

from bot import question_kind, unsaid
from bot.lexical import terms
from bot.question_kind import asked_kind, holds
from bot.service import AnswerService
from bot.unsaid import unmentioned_compared

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        (
            "how much of his own money has bezos put into the ev venture",
            "MONEY_AFTER_HOW_MUCH",
            "amount",
        ),
        ("who's running the self driving team at amazon's car unit", "ROLE_PROGRESSIVE", "person"),
        ("who is currently overseeing the battery work", "ROLE_PROGRESSIVE", "person"),
        ("what's the 0 to 60 on the amazon car", "SPRINT_ASKS_TIME", "number"),
        ("zero-to-sixty time for jeff's car?", "SPRINT_ASKS_TIME", "number"),
        ("what did amazon pay for its piece of rivian", "PAID_FOR_A_STAKE", "amount"),
        ("what's bezos' net worth", "S_APOSTROPHE_POSSESSIVE", "amount"),
        ("what town in texas did amazon pick for the assembly plant", "SETTLEMENT_ASKS", "place"),
        ("ford lightning base trim, what's it go for", "PRICE_IDIOMS", "amount"),
        ("what will the amazon car sell for", "PRICE_IDIOMS", "amount"),
        ("range per charge on jeff's car? epa miles pls", "RANGE_FRAGMENT", "number"),
        ("Which engineer leads Amazon's autonomous driving team?", "ROLE_PERSON_NOUN", "person"),
    ],
)
def test_session_23_kinds(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    # Label only: the quote is chosen as before.
    assert asked_kind(question, for_label=False) is None
    monkeypatch.setattr(question_kind, "PUT_INTO_AMOUNT_31", False)  # "put into": session 31's
    monkeypatch.setattr(question_kind, rule, False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        # Who is ahead: a company (conversations-tuning-17), not who holds a role.
        "who's been leading it",
        # What a buyer paid for in general asks what it bought (session 22's probe).
        "what did amazon pay for before the ev plan",
        # "how much" with no money named.
        "how much of the market does tesla still hold",
        # A plural's possessive before no noun the kinds read.
        "what are the two billionaires' companies known for",
        # A person goes for a choice or an aim; "having going for it" names strengths.
        "what will bezos go for",
        "what's amazon going for here",
        "what does tesla have going for it in the loyalty fight",
        # A range the fragment's next noun narrows; a question word reads its own kind.
        "range anxiety?",
        "what are teslas actually good at, speed? range?",
        # Companies, not people, lead markets and own rivals (session 22's probes).
        "which carmaker leads the ev market",
        "which rival owns blue origin",
    ],
)
def test_session_23_kinds_not_read(question: str) -> None:
    assert asked_kind(question) is None


def test_a_sprint_is_timed_in_seconds() -> None:
    """ "the 0 to 60" is not answered by a year or by its own figures, but by a time."""
    question = "what's the 0 to 60 on the amazon car"
    assert not holds("number", "Amazon pledged to be carbon-neutral by 2040.", question, True)
    assert not holds("number", "It goes from 0 to 60 quickly.", question, True)
    assert holds("number", "It goes from 0 to 60 in 3.5 seconds.", question, True)


NAMED = {"amazon", "car", "tesla", "lucid", "motor", "brand", "ppl"}


def named(term: str) -> bool:
    return term in NAMED


@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        # Doers compared: the clause's subject, and the incumbents pointed at rather than named.
        (
            "Could Amazon get cars into customers' hands quicker than traditional carmakers?",
            [],
            ["amazon get cars into customers' hands", "traditional carmakers"],
        ),
        (
            "would amazon be able to get cars to ppl quicker than other brands",
            [],
            ["amazon be able to get cars to ppl"],
        ),
        # Things compared by name are read as before.
        ("is a model 3 quicker than a lucid air?", ["model 3", "lucid air"], None),
        ("is the amazon car better than a hyundai ioniq 5", ["hyundai ioniq 5"], None),
    ],
)
def test_compared_doers(
    monkeypatch: pytest.MonkeyPatch, question: str, on: list[str], off: list[str] | None
) -> None:
    assert terms(["cars"]) == [["car"]]  # the index's stems, as `named` holds them
    assert unmentioned_compared(question, "", named) == on
    monkeypatch.setattr(unsaid, "COMPARED_DOERS", False)
    assert unmentioned_compared(question, "", named) == (on if off is None else off)


# Tuning near-domain questions presented as answered at the session 23 baseline (main 1fe2e3a):
# partial with session 23's readings, answered without each one's.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("how much of his own money has bezos put into the ev venture", "MONEY_AFTER_HOW_MUCH"),
        ("who's running the self driving team at amazon's car unit", "ROLE_PROGRESSIVE"),
        ("what's the 0 to 60 on the amazon car", "SPRINT_ASKS_TIME"),
        ("what did amazon pay for its piece of rivian", "PAID_FOR_A_STAKE"),
        ("what town in texas did amazon pick for the assembly plant", "SETTLEMENT_ASKS"),
        ("ford lightning base trim, what's it go for", "PRICE_IDIOMS"),
        ("range per charge on jeff's car? epa miles pls", "RANGE_FRAGMENT"),
        ("Which engineer leads Amazon's autonomous driving team?", "ROLE_PERSON_NOUN"),
    ],
)
def test_session_23_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(question_kind, "PUT_INTO_AMOUNT_31", False)  # "put into": session 31's
    monkeypatch.setattr(question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


# Tuning in-domain questions labelled partial at the session 23 baseline: answered with
# `COMPARED_DOERS`, partial without it.
@pytest.mark.parametrize(
    "question",
    [
        "Could Amazon get cars into customers' hands quicker than traditional carmakers?",
        "would amazon be able to get cars to ppl quicker than other brands",
    ],
)
def test_doers_compared_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str
) -> None:
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(unsaid, "COMPARED_DOERS", False)
    assert service.ask(question).outcome == "partial"


def test_blind_tuning_extra_22_floor(service: AnswerService) -> None:
    """The blind tuning-extra-22 at the session 23 baseline: near-domain not presented as answered
    8 of 12, 11 with session 23's readings (its misses were read before they were written);
    in-domain labelled or refused 2 of 25, 1 (a refusal) with them."""
    near = [q for q in rows("tuning-extra-22.jsonl") if q.get("kind") == "near-domain"]
    assert len(near) == 12
    assert sum(service.ask(q["question"]).outcome != "answered" for q in near) >= 10
    in_domain = [q for q in rows("tuning-extra-22.jsonl") if not q.get("refuse")]
    assert sum(service.ask(q["question"]).outcome != "answered" for q in in_domain) <= 1

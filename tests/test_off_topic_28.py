"""Session 28's off-topic readings (bot/off_topic.py): a question of its own under the floor whose
words are mostly ones the sources never use is refused, so a thread cannot make it a follow-up
("how to fold a paper boat that floats far": "far" a word of theirs; `OWN_QUESTION_FOREIGN_WEAK`),
while a follow-up's fragment ("and the opposite case?") is read as before; a name of the sources
that is a unit, before the noun "unit", is the unit ("the tesla unit": `UNIT_BEFORE_NOUN`)."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import name_as_unit, off_topic, own_question_foreign
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "bezos", "jeff", "nvidia"}
SOURCES = NAMES | {"far", "years", "price", "supply", "chain", "battery", "cars"}
# Each word's best token match in the sources (made up, near what the shipped article gives).
MATCHES = {
    "fold": 0.29, "paper": 0.19, "boat": 0.26, "floats": 0.24, "wrote": 0.23,
    "solitude": 0.27, "hundred": 0.41, "overclock": 0.23, "gpu": 0.26, "frying": 0.27,
    "opposite": 0.31, "case": 0.14, "doing": 0.39, "solo": 0.30, "intro": 0.30, "say": 0.33,
    "cantaloupe": 0.25, "thing": 0.27, "same": 0.58, "muskmelon": 0.65, "angle": 0.24,
}  # fmt: skip
# Each question's best cosine with a passage (made up, as the shipped article gives them).
COSINES = {
    "how to fold a paper boat that floats far": 0.08,
    "who wrote one hundred years of solitude": 0.02,
    "is cantaloupe the same thing as muskmelon": 0.21,
    "is cantaloupe the same thing as muskmelon, like in cars": 0.24,
}


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how to fold a paper boat that floats far", True),  # 4 foreign words, "far" theirs
        ("is cantaloupe the same thing as muskmelon", True),  # "same" matches over 0.4
        ("how to overclock an nvidia gpu without frying it", True),  # "it": the gpu
        ("who wrote one hundred years of solitude", True),  # "hundred" 0.41: not counted
        ("and the opposite case?", False),  # a fragment: a follow-up's
        ("so what's the supply chain angle", False),  # opens with "so"
        ("is jeff doing this solo", False),  # "this": the matter in hand
        ("what does the intro say", False),  # asks what the text says
        ("who wrote the price", False),  # one such word
        ("how does the boat price cars", False),  # as many words of theirs
    ],
)
def test_a_question_of_its_own_in_words_the_sources_never_use(
    question: str, expected: bool
) -> None:
    assert own_question_foreign(question, holds, MATCHES.get) is expected


def refused(question: str) -> bool:
    return off_topic(
        question, holds, named, best_cosine=COSINES.__getitem__, word_match=MATCHES.get
    )


@pytest.mark.parametrize(
    "question",
    ["how to fold a paper boat that floats far", "who wrote one hundred years of solitude"],
)
def test_it_is_refused_under_the_floor_only_with_the_rule_on(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "OWN_QUESTION_FOREIGN_WEAK", None)
    monkeypatch.setattr(bot.off_topic, "INSTRUCTIONS_ASKED", False)  # session 31's: "how to"
    assert not refused(question)


def test_it_is_refused_only_under_the_cosine(monkeypatch: pytest.MonkeyPatch) -> None:
    assert refused("is cantaloupe the same thing as muskmelon")  # 0.21
    assert not refused("is cantaloupe the same thing as muskmelon, like in cars")  # 0.24
    monkeypatch.setattr(bot.off_topic, "OWN_QUESTION_FOREIGN_WEAK", 0.2)
    assert not refused("is cantaloupe the same thing as muskmelon")


@pytest.mark.parametrize(
    "question",
    ["how to fold a paper boat that floats far", "is honeydew the same thing as a melon"],
)
def test_an_off_topic_question_in_a_thread_is_refused_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    history = ["who is musk"]
    assert service.ask(question).outcome == "refused"  # alone: under the floor
    assert service.ask(question, history).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "OWN_QUESTION_FOREIGN_WEAK", None)
    monkeypatch.setattr(bot.off_topic, "INSTRUCTIONS_ASKED", False)  # session 31's: "how to"
    assert service.ask(question).outcome == "refused"
    assert service.ask(question, history).outcome != "refused"  # searched as a follow-up


def test_a_follow_up_fragment_in_a_thread_is_not_refused_over_the_shipped_article(
    service: AnswerService,
) -> None:
    history = ["what are tesla's weaknesses"]
    assert service.ask("and its strengths?", history).outcome != "refused"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is the tesla unit used for in physics", True),
        ("how many tesla units is a fridge magnet", True),
        ("what's tesla's unit count", False),  # a possessive: the company's own
        ("is the amazon unit growing", False),  # no unit of measurement
    ],
)
def test_a_name_before_the_noun_unit_is_the_unit(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    assert name_as_unit(question, named, lambda word: word == "tesla") is expected
    monkeypatch.setattr(bot.off_topic, "UNIT_BEFORE_NOUN", False)
    assert not name_as_unit(question, named, lambda word: word == "tesla")


def test_the_tesla_unit_is_refused_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "what does the tesla unit measure in science"
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "UNIT_BEFORE_NOUN", False)
    assert service.ask(question).outcome != "refused"  # 0.33 over the floor

"""Session 29's off-topic readings (bot/off_topic.py): the asker's own thing named with words of the
sources before a head they never use is the asker's errand ("how do i lower my electricity bill in
summer": `ASKERS_COMPOUND_MATCH`), and the "it" of "is it safe to swim …" or "how cold does it get"
points at nothing said, so such a question of its own is read as one in a thread too
(`EXPLETIVE_IT`)."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import askers_named_thing, off_topic, own_question_foreign

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "bezos"}
SOURCES = NAMES | {"electricity", "car", "near", "order", "sell", "price", "battery", "ev"}
# Each word's best token match in the sources (made up, near what the shipped article gives).
MATCHES = {
    "lower": 0.67, "electricity": 0.67, "bill": 0.41, "summer": 0.34, "account": 0.25,
    "work": 0.48, "car": 0.77, "somehow": 0.39, "oil": 0.30, "change": 0.55, "safe": 0.52,
    "swim": 0.23, "river": 0.25, "manaus": 0.29, "near": 0.37, "amazon": 0.78, "cold": 0.15,
    "mars": 0.47, "night": 0.18, "crack": 0.30, "knuckles": 0.21, "likely": 0.40, "cheap": 0.61,
    "sell": 0.64, "ev": 0.92, "cancel": 0.30, "order": 0.33, "get": 0.40, "faster": 0.45,
}  # fmt: skip
# Each question's best cosine with a passage (made up, as the shipped article gives them).
COSINES = {
    "how do i lower my electricity bill in summer": 0.25,
    "would my amazon account work with the car somehow": 0.38,
    "is it safe to swim in the amazon river near manaus": 0.17,
}


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


def best_cosine(text: str) -> float:
    return COSINES.get(text, 0.0)  # a question with a word left out: no pull toward the sources


def refused(question: str) -> bool:
    return off_topic(question, holds, named, best_cosine=best_cosine, word_match=MATCHES.get)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do i lower my electricity bill in summer", True),  # "electricity" is theirs
        ("how often should i change my car oil", False),  # "car" 0.77: the sources' own thing
        ("how do i cancel my amazon ev order", False),  # "ev" 0.92: the sources' own thing
        ("will i get my electricity faster", False),  # no noun after the sources' prose
        ("would my amazon account work with the car somehow", False),  # names the car
        ("how do i lower my electricity", False),  # no head they never use
    ],
)
def test_the_askers_thing_named_with_words_of_the_sources(question: str, expected: bool) -> None:
    assert askers_named_thing(question, holds, named, MATCHES.get) is expected


def test_the_askers_compound_is_refused_only_with_the_rule_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "how do i lower my electricity bill in summer"
    assert refused(question)
    assert not refused("would my amazon account work with the car somehow")
    monkeypatch.setattr(bot.off_topic, "ASKERS_COMPOUND_MATCH", None)
    monkeypatch.setattr(bot.off_topic, "ASKERS_HOW_TO_WEAK", None)  # session 31's: "how do i"
    assert not refused(question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is it safe to swim in the amazon river near manaus", True),  # the clause after "it"
        ("how cold does it get on mars at night", True),  # the weather
        ("is it bad to crack my knuckles", True),
        ("is it likely to sell", False),  # the thing said before is likely to
        ("is it tied to the price", False),  # a verb's participle, no adjective
        ("is it safe to swim in it", False),  # a second "it" points
    ],
)
def test_an_it_pointing_at_nothing_said(question: str, expected: bool) -> None:
    words = [word for word, _ in bot.off_topic._words(question)]
    assert bot.off_topic._expletive_it(words) is expected


def test_a_question_of_its_own_with_an_expletive_it_is_read_only_with_the_rule_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "is it safe to swim in the amazon river near manaus"
    assert own_question_foreign(question, holds, MATCHES.get)
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "EXPLETIVE_IT", False)
    assert not own_question_foreign(question, holds, MATCHES.get)
    assert not refused(question)

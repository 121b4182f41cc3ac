"""Session 30's off-topic readings (bot/off_topic.py): the "it" of the weather, the time and a span
("is it going to rain tomorrow", "how long does it take to boil an egg") and the "this" of "this
weekend" point at nothing said, so such a question of its own is read as one in a thread too
(`DUMMY_IT`); a name modifying a word the sources never use, beside words of their prose only in
another sense, is refused when that word pulls the question away ("how do amazon parrots learn to
talk": `MODIFIER_PROSE_MATCH`, `PLURAL_SUBJECT_LOW_COSINE`); the asker asking how to do an errand
naming only names of the sources and a word they never use is refused ("how do i get a job at
amazon": `ASKERS_HOW_TO`)."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import (
    askers_how_to,
    name_modifier_beside_other_sense,
    off_topic,
    own_question_foreign,
)

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "bezos", "prime"}
SOURCES = NAMES | {"learn", "talk", "take", "crown", "ev", "sales", "charge", "far", "go", "win"}
# Each word's best token match in the sources (made up, near what the shipped article gives).
MATCHES = {
    "amazon": 0.83, "parrots": 0.31, "learn": 0.48, "talk": 0.53, "ev": 0.92, "sales": 0.81,
    "rain": 0.28, "tomorrow": 0.37, "snow": 0.19, "weekend": 0.39, "sunny": 0.24, "miami": 0.31,
    "time": 0.32, "tokyo": 0.23, "paris": 0.32, "rome": 0.19, "boil": 0.15, "egg": 0.18,
    "take": 0.26, "crown": 0.67, "fitted": 0.23, "dentist": 0.29, "charge": 0.74, "cheap": 0.61,
    "tesla": 0.90, "fans": 0.30, "feel": 0.34, "job": 0.34, "cancel": 0.24, "prime": 0.78,
    "know": 0.45, "win": 0.41, "contact": 0.39,
}  # fmt: skip
# Each question's best cosine with a passage (made up, as the shipped article gives them); a
# question with a word left out scores its own entry or 0.
COSINES = {
    "how do amazon parrots learn to talk": 0.353,
    "how do amazon learn to talk": 0.438,  # "parrots" left out: it pulled the question away
    "how do amazon parrots affect ev sales": 0.40,
    "how do amazon affect ev sales": 0.45,
    "how do tesla fans learn to talk": 0.43,
    "how do tesla learn to talk": 0.58,
    "is it going to rain tomorrow": 0.167,
    "will it snow this weekend": 0.177,
    "how long does it take to get a crown fitted at the dentist": 0.022,
}


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


def best_cosine(text: str) -> float:
    return COSINES.get(text, 0.0)


def refused(question: str) -> bool:
    return off_topic(question, holds, named, best_cosine=best_cosine, word_match=MATCHES.get)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is it going to rain tomorrow", True),  # the weather
        ("will it snow this weekend", True),
        ("is it raining in london", True),
        ("it's raining cats and dogs in seattle", True),
        ("is it sunny in miami right now", True),
        ("what time is it in tokyo", True),  # the time
        ("how far is it from paris to rome", True),  # a span
        ("how long does it take to boil an egg", True),
        ("is it going to be cheap", False),  # the car said before
        ("how far will it go", False),  # its range
        ("how long is it", False),  # the section said before
    ],
)
def test_the_it_of_the_weather_the_time_and_a_span_points_at_nothing(
    question: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = [word for word, _ in bot.off_topic._words(question)]
    assert bot.off_topic._expletive_it(words) is expected
    monkeypatch.setattr(bot.off_topic, "DUMMY_IT", False)
    assert not bot.off_topic._expletive_it(words)  # none of them read before


@pytest.mark.parametrize(
    "question",
    [
        "is it going to rain tomorrow",
        "will it snow this weekend",  # "this weekend" is now's, nothing said before
        "how long does it take to get a crown fitted at the dentist",  # "take": the span's frame
    ],
)
def test_a_question_of_its_own_with_a_dummy_it_is_read_only_with_the_rule_on(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert own_question_foreign(question, holds, MATCHES.get)
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "DUMMY_IT", False)
    assert not own_question_foreign(question, holds, MATCHES.get)
    assert not refused(question)


def test_a_follow_up_about_the_car_keeps_its_it() -> None:
    assert not own_question_foreign("is it going to be cheap", holds, MATCHES.get)
    assert not own_question_foreign("how long does it take to charge", holds, MATCHES.get)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do amazon parrots learn to talk", True),  # "learn", "talk" theirs in another sense
        ("how do amazon parrots affect ev sales", False),  # "ev sales" 0.81-0.92: their own sense
        ("how do tesla fans learn to talk", False),  # only after a plural verb, 0.43 over 0.4
    ],
)
def test_a_name_modifying_a_word_beside_prose_in_another_sense(
    question: str, expected: bool
) -> None:
    found = name_modifier_beside_other_sense(question, holds, named, best_cosine, MATCHES.get)
    assert found is expected


def test_a_modified_word_that_does_not_pull_keeps_the_question() -> None:
    def no_pull(text: str) -> float:
        return 0.353  # the question without "parrots" no nearer the sources

    question = "how do amazon parrots learn to talk"
    assert not name_modifier_beside_other_sense(question, holds, named, no_pull, MATCHES.get)


def test_the_name_beside_prose_in_another_sense_is_refused_only_with_the_rule_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "how do amazon parrots learn to talk"
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "MODIFIER_PROSE_MATCH", None)
    assert not refused(question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do i get a job at amazon", True),  # "job" 0.34: the asker's errand
        ("how do i cancel amazon prime", True),
        ("how do i charge my tesla", False),  # "charge" is a word of theirs
        ("how can i order the amazon ev", False),  # the sources' own car
        ("how do i know if amazon will win", False),  # "know" 0.45 matches them, "win" theirs
        ("how would i get a job at amazon", False),  # a hypothetical, no instructions asked
        ("how do i get one at amazon", False),  # "one" points at something said
    ],
)
def test_the_askers_how_to_naming_only_names_of_the_sources(question: str, expected: bool) -> None:
    assert askers_how_to(question, holds, named, MATCHES.get) is expected


def test_the_askers_how_to_is_refused_only_with_the_rule_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "how do i get a job at amazon"

    def high(text: str) -> float:
        return 0.437  # over the cosine gates of the other asker rules

    assert off_topic(question, holds, named, best_cosine=high, word_match=MATCHES.get)
    monkeypatch.setattr(bot.off_topic, "ASKERS_HOW_TO", False)
    assert not off_topic(question, holds, named, best_cosine=high, word_match=MATCHES.get)

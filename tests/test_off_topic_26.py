"""Session 26's off-topic readings (bot/off_topic.py): a name after a plural verb refusing only a
weak question ("how do tesla fans feel" answered); a first name named in full as the subject of an
auxiliary whoever else the question names ("does jeff goldblum like elon" refused); a weak
question using no word of the sources ("is a kindle unlimited subscription worth it for kids");
two such words set side by side ("crocodile vs alligator whats the difference")."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import (
    compared_foreign,
    dictionary_word,
    name_as_modifier,
    names_nothing_foreign,
    other_surname,
)
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "bezos", "elon", "jeff"}
SOURCES = NAMES | {"car", "decide", "market", "cars"}
# Each word's best token match in the sources (the model's reading, here made up, near what the
# shipped article gives).
MATCHES = {
    "kindle": 0.26, "unlimited": 0.31, "subscription": 0.26, "worth": 0.50, "kids": 0.22,
    "crocodile": 0.23, "alligator": 0.27, "difference": 0.60, "whats": 0.38, "rockets": 0.45,
    "lidar": 0.30, "wins": 0.39, "thing": 0.36, "fans": 0.30, "feel": 0.34, "oxen": 0.31,
    "live": 0.38,
}  # fmt: skip
# Each text's best cosine with a passage (made up, as the shipped article gives them).
COSINES = {
    "how do tesla fans feel": 0.43,
    "how do tesla feel": 0.58,
    "where do musk oxen live": 0.29,
}


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


def modifier(question: str) -> bool:
    return name_as_modifier(question, holds, named, COSINES.__getitem__, MATCHES.get)


@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        ("how do tesla fans feel", False, True),  # 0.43: the company's own people
        ("where do musk oxen live", True, True),  # 0.29: weak, refused either way
    ],
)
def test_a_name_after_a_plural_verb_refuses_only_a_weak_question(
    monkeypatch: pytest.MonkeyPatch, question: str, on: bool, off: bool
) -> None:
    assert modifier(question) is on
    monkeypatch.setattr(bot.off_topic, "PLURAL_SUBJECT_WEAK", False)
    assert modifier(question) is off


@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        ("does jeff goldblum like elon", True, False),  # the subject named in full
        ("did jeff goldblum ever meet elon", False, False),  # no bare verb after the surname
        ("does jeff lowkey like elon", False, False),  # a chat word, no surname
        ("jeff lowkey scared of elon?", False, False),
    ],
)
def test_a_first_name_named_in_full_as_the_subject_is_another_person(
    monkeypatch: pytest.MonkeyPatch, question: str, on: bool, off: bool
) -> None:
    def surname() -> bool:
        first = {"jeff", "elon"}.__contains__
        return other_surname(question, holds, first, named, dictionary_word, first)

    assert surname() is on
    monkeypatch.setattr(bot.off_topic, "RIVAL_NOT_SUBJECT", False)
    assert surname() is off


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is a kindle unlimited subscription worth it for kids", True),
        ("what decides who wins this thing", False),  # in-domain: 2 words under 0.4 here
        ("is it worth it for kids", False),  # "it" points at something said before
        ("is a kindle subscription worth it for amazon", False),  # a word of the sources
        ("lol kindle unlimited subscription tho", False),  # chat words are no topic
    ],
)
def test_a_question_using_no_word_of_the_sources(question: str, expected: bool) -> None:
    assert names_nothing_foreign(question, holds, MATCHES.get) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("crocodile vs alligator whats the difference", True),
        ("a crocodile versus an alligator", True),
        ("rockets vs cars which matters more", False),  # "cars": a word of the sources
        ("lidar vs tesla", False),  # a name of the sources compared
        ("lidar vs cameras, what does musk think", False),  # a name of the sources asked about
    ],
)
def test_two_words_the_sources_never_use_set_side_by_side(question: str, expected: bool) -> None:
    assert compared_foreign(question, holds, named, MATCHES.get) is expected


@pytest.mark.parametrize(
    ("rule", "question"),
    [
        ("RIVAL_NOT_SUBJECT", "does jeff goldblum like elon"),
        ("NAMES_NOTHING_FOREIGN", "is a kindle unlimited subscription worth it for kids"),
        ("COMPARED_FOREIGN", "crocodile vs alligator whats the difference"),
    ],
)
def test_each_rule_refuses_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, rule: str, question: str
) -> None:
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, rule, False)
    assert service.ask(question).outcome != "refused"


def test_the_companys_fans_are_answered_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests/data/conversations-tuning-22.jsonl's first turn, refused by `NAME_AS_MODIFIER` before.
    question = "how do tesla fans feel"
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(bot.off_topic, "PLURAL_SUBJECT_WEAK", False)
    assert service.ask(question).outcome == "refused"

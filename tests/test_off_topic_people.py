"""Another person of a name the sources use: named in full wherever the question names them, or
joined to the name, is refused; a first name a letter from the sources' own is a typo, no other
person; a question naming the sources' other person is about their own people, whatever word
follows the first name (bot/off_topic.py; docs/quality-log.md, "Off-topic questions (session
23)")."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.name_sense import first_names_of_people
from bot.off_topic import (
    dictionary_word,
    other_surname,
    person_anywhere,
    person_as_subject,
    person_joined,
    person_never_named,
)
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
SOURCES = {"amazon", "tesla", "musk", "bezos", "elon", "jeff", "blue", "ford", "table", "weak"}
NAMES = {"amazon", "tesla", "musk", "bezos", "elon", "jeff", "blue", "ford"}
# gender-guesser reads each of these as a first name ("beat" is Swiss, "sky" English, "ya" and
# "uh" too).
FIRST_NAMES = {"nikola", "edison", "elon", "jeff", "jef", "elom", "beat", "sky", "ya", "uh"}
DICTIONARY = {"beat", "sky", "table", "weak", "blue"}


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def anywhere(question: str) -> bool:
    return person_anywhere(
        question, holds, FIRST_NAMES.__contains__, NAMES.__contains__, DICTIONARY.__contains__
    )


def joined(question: str) -> bool:
    return person_joined(
        question, holds, FIRST_NAMES.__contains__, NAMES.__contains__, DICTIONARY.__contains__
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # tests/data/offtopic-tuning-11.jsonl: "how many patents" stands between "how" and "did".
        ("how many patents did nikola tesla end up with", True),
        ("any good books about nikola tesla", True),
        ("how did elon musk react", False),  # the sources' own Elon
        ("did jef bezos start this", False),  # "jef": a letter from "jeff", a typo
        # tests/data/tuning-extra-17.jsonl: "beat" is a first name and a word of English.
        ("what is amazon bringing to the table to beat tesla's weak spots", False),
        ("why is the sky blue", False),  # "sky" likewise
        ("does tesla nikola", False),  # the name first
    ],
)
def test_a_person_named_in_full_anywhere(question: str, expected: bool) -> None:
    assert anywhere(question) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("did tesla and edison really hate each other", True),  # offtopic-tuning-10
        ("what was the deal between tesla and edison with ac vs dc", True),  # offtopic-tuning-11
        ("edison vs tesla, who was smarter", True),
        ("musk and bezos, who wins", False),  # both the sources' own
        ("tesla and ford, which is bigger", False),  # "ford" no first name
        ("tesla and elom", False),  # a letter from "elon": a typo
        ("tesla and nikola", True),
        ("and edison", False),  # no name of the sources joined
        ("ya and bezos?", False),  # chat alone to the bot, though gender-guesser knows "ya"
        ("uh and bezos?", False),  # too short for a first name of another person
    ],
)
def test_a_name_joined_to_another_first_name(question: str, expected: bool) -> None:
    assert joined(question) is expected


@pytest.mark.parametrize(
    "question",
    ["did tesla and edison really hate each other", "what was the deal between tesla and edison"],
)
def test_a_name_joined_to_another_person_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    # tests/data/offtopic-tuning-10 and -11: answered over the floor before `PERSON_JOINED`.
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "PERSON_JOINED", False)
    assert service.ask(question).outcome == "answered"


def test_a_person_named_in_full_anywhere_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Off in sessions 23-24 (a held-out conversation turn, counts only); on again in session 25.
    question = "how many patents did nikola tesla end up with"
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "PERSON_ANYWHERE", False)
    assert service.ask(question).outcome == "partial"


@pytest.mark.parametrize("typos", [True, False])
def test_a_first_name_a_letter_from_the_sources_is_a_typo(
    monkeypatch: pytest.MonkeyPatch, typos: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "PERSON_TYPOS", typos)
    first_name = FIRST_NAMES.__contains__
    subject = person_as_subject("how did elom musk react", holds, first_name, NAMES.__contains__)
    assert subject is not typos
    assert person_never_named("who is jef bezos", holds, first_name) is not typos
    assert person_never_named("who was nikola tesla", holds, first_name)  # no typo: always


def test_a_misspelt_first_name_of_the_sources_is_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A chat user's typo; refused as another Jeff before `PERSON_TYPOS`.
    question = "did jef bezos start this"
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(bot.off_topic, "PERSON_TYPOS", False)
    assert service.ask(question).outcome == "refused"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("jeff lowkey scared of elon?", False),  # chat after "jeff", Elon beside him
        ("jeff deadass gonna beat elon", False),
        ("jeff lowkey scared?", True),  # no reader tells "lowkey" from a surname
        ("how tall is jeff goldblum", True),  # another Jeff
    ],
)
def test_a_question_naming_the_sources_other_person_is_about_theirs(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "CHAT_WORDS_NO_SURNAME", False)  # session 24's reads them

    def surname(rival: bool) -> bool:
        monkeypatch.setattr(bot.off_topic, "RIVAL_NAMED", rival)
        theirs = {"jeff", "elon"}.__contains__
        first, named = FIRST_NAMES.__contains__, NAMES.__contains__
        return other_surname(question, holds, first, named, dictionary_word, theirs)

    assert surname(rival=True) is expected
    assert surname(rival=False)  # read as another surname before `RIVAL_NAMED`


def test_the_people_the_sources_name_in_full(service: AnswerService) -> None:
    assert first_names_of_people(service.retriever) == {"jeff", "elon"}


def test_chat_after_a_first_name_beside_the_other_person_is_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "jeff lowkey scared of elon?"
    monkeypatch.setattr(bot.off_topic, "CHAT_WORDS_NO_SURNAME", False)  # session 24's reads it
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(bot.off_topic, "RIVAL_NAMED", False)
    assert service.ask(question).outcome == "refused"

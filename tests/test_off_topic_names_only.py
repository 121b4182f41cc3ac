"""Session 24's off-topic readings (bot/off_topic.py): anyone's question whose only words of the
sources are names, with words they never use that match their tokens badly, refused when weak as a
whole; a pointing word after a word naming something no bar to the asker's errand; a chat word
after a first name no surname, however written; a capitalised surname another person's whoever
else the question names."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import askers_own, dictionary_word, off_topic, other_surname
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "alexa", "prime", "elon", "jeff", "bezos", "rivian"}
SOURCES = NAMES | {"two", "once", "watch", "mostly", "car", "order"}
# Each unknown word's best token match in the sources (the model's reading, here made up).
MATCHES = {
    "run": 0.28, "kitchen": 0.23, "timers": 0.27, "two": 0.41, "once": 0.40,
    "video": 0.27, "worth": 0.48, "anime": 0.21, "mostly": 0.32, "watch": 0.57,
    "whole": 0.40, "thing": 0.32, "solo": 0.43, "doing": 0.40,
    "article": 0.27, "say": 0.39, "temperament": 0.41, "writer": 0.30,
}  # fmt: skip


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


def names_only(question: str, matches: dict[str, float] = MATCHES) -> bool:
    """`askers_own`'s reading of anyone's question, at session 24's shipped figures."""
    return askers_own(
        question,
        holds,
        named,
        matches.get,
        first_person=False,
        unknown_least=3,
        foreign_match=0.4,
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # tests/data/offtopic-tuning-13.jsonl: "run", "kitchen", "timers" far from the sources.
        ("can alexa run two kitchen timers at once", True),
        ("is jeff doing this whole thing solo", False),  # "this" points at the sources' plan
        ("what does the writer say about jeff's temperament", False),  # names the text
        ("is jeff nervous", False),  # one word the sources never use
    ],
)
def test_a_question_with_only_names_of_the_sources(question: str, expected: bool) -> None:
    assert names_only(question) is expected


def test_words_the_sources_write_in_another_form_are_theirs() -> None:
    near = dict(MATCHES, kitchen=0.7)  # the model reads "kitchen" as one of their words
    assert not names_only("can alexa run two kitchen timers at once", near)
    assert not names_only("can alexa run two kitchen timers at once", {})  # not read


@pytest.mark.parametrize(("cosine", "expected"), [(0.30, True), (0.40, False)])
def test_only_a_weak_question_is_refused_by_its_names(
    monkeypatch: pytest.MonkeyPatch, cosine: float, expected: bool
) -> None:
    question = "can alexa run two kitchen timers at once"
    monkeypatch.setattr(bot.off_topic, "NAMES_ONLY_WEAK", 0.33)

    def asked() -> bool:
        return off_topic(
            question, holds, named, best_cosine=lambda text: cosine, word_match=MATCHES.get
        )

    assert asked() is expected
    monkeypatch.setattr(bot.off_topic, "NAMES_ONLY_WEAK", None)
    assert not asked()  # not read


def test_a_weak_question_with_only_names_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "can alexa run two kitchen timers at once"  # 0.30 with the shipped article
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "NAMES_ONLY_WEAK", None)
    assert service.ask(question).outcome != "refused"


@pytest.mark.parametrize("pointing", [True, False])
def test_a_pointing_word_after_the_thing_it_points_at(
    monkeypatch: pytest.MonkeyPatch, pointing: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "POINTING_AFTER_CONTENT", pointing)
    # "it" of "worth it" is Prime Video, named before it in the question itself.
    errand = "is prime video worth it if i mostly watch anime"
    assert askers_own(errand, holds, named, MATCHES.get) is pointing
    # "it" before anything named points at something said before: the car.
    assert not askers_own("will it connect to my amazon order", holds, named, MATCHES.get)


@pytest.mark.parametrize("chat", [True, False])
def test_a_chat_word_after_a_first_name_is_no_surname(
    monkeypatch: pytest.MonkeyPatch, chat: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "CHAT_WORDS_NO_SURNAME", chat)
    first = {"elon", "jeff"}.__contains__
    assert other_surname("elon imo will win", holds, first, named, dictionary_word) is not chat
    assert other_surname("how tall is jeff goldblum", holds, first, named, dictionary_word)


def test_a_chat_word_after_a_first_name_is_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "elon imo will win"
    assert service.ask(question).outcome == "answered"
    monkeypatch.setattr(bot.off_topic, "CHAT_WORDS_NO_SURNAME", False)
    assert service.ask(question).outcome == "refused"


def test_a_chat_word_is_no_surname_however_written(monkeypatch: pytest.MonkeyPatch) -> None:
    first = {"elon", "jeff"}.__contains__
    theirs = {"elon", "jeff"}.__contains__
    question = "Elon IMO will win"  # capitalised as a surname would be

    def surname() -> bool:
        return other_surname(question, holds, first, named, dictionary_word, theirs)

    assert not surname()
    monkeypatch.setattr(bot.off_topic, "CHAT_WORDS_NO_SURNAME", False)
    assert surname()


@pytest.mark.parametrize("case", [True, False])
def test_a_capitalised_surname_beside_the_other_person(
    monkeypatch: pytest.MonkeyPatch, case: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "RIVAL_AFTER_CASE", case)
    # Session 26's `RIVAL_NOT_SUBJECT` reads "jeff goldblum" as the subject named in full.
    monkeypatch.setattr(bot.off_topic, "RIVAL_NOT_SUBJECT", False)
    first = {"elon", "jeff"}.__contains__
    theirs = {"elon", "jeff"}.__contains__

    def surname(question: str) -> bool:
        return other_surname(question, holds, first, named, dictionary_word, theirs)

    assert surname("Does Jeff Goldblum like Elon?") is case  # written as a surname
    assert not surname("does jeff goldblum like elon")  # no case to read: Elon's rival, maybe
    assert not surname("Is Jeff Bezoz scared of Elon?")  # a typo of a name of the sources

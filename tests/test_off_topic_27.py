"""Session 27's off-topic readings (bot/off_topic.py): a name of the sources after "a" / "an"
before a word they never use, beside words of their prose ("best way to clean a tesla coil for a
science fair": `INDEFINITE_KIND_WEAK`); a question using no word of the sources refused whatever
its pointing words when it is under the floor, so a thread cannot make it a follow-up ("is it bad
to let my dog sleep in my bed": `POINTING_FOREIGN_WEAK`)."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import indefinite_kind, names_nothing_foreign, off_topic
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "bezos", "elon", "jeff", "prime"}
SOURCES = NAMES | {"car", "cars", "clean", "way", "model", "mean", "build", "battery"}
# Each word's best token match in the sources (the model's reading, here made up, near what the
# shipped article gives).
MATCHES = {
    "coil": 0.30, "science": 0.33, "fair": 0.27, "best": 0.35, "small": 0.25, "win": 0.41,
    "bad": 0.30, "let": 0.35, "dog": 0.17, "sleep": 0.20, "bed": 0.22, "money": 0.30,
    "side": 0.33, "owner": 0.45, "member": 0.30, "faster": 0.45,
}  # fmt: skip
# Each question's best cosine with a passage (made up, as the shipped article gives them).
COSINES = {
    "best way to clean a tesla coil for a science fair": 0.34,
    "best way to clean a tesla for a science fair": 0.44,  # "coil" pulls it away: +0.10
    "i'm a prime member, will i get my car faster?": 0.39,
    "i'm a prime , will i get my car faster?": 0.38,  # "member" pulls it to the sources
    "what would a bezos win mean for cars": 0.55,
    "is it bad to let my dog sleep in my bed": 0.06,
    "and the money side of it?": 0.22,
    "how is it bad to let my dog sleep in my bed at amazon": 0.10,
}


@pytest.fixture(autouse=True)
def _without_session_29s_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 27's readings as measured: "it" of "is it bad to let my dog …" pointing
    (session 29's `EXPLETIVE_IT` reads it as pointing at nothing, test_off_topic_29)."""
    monkeypatch.setattr(bot.off_topic, "EXPLETIVE_IT", False)


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("best way to clean a tesla coil for a science fair", True),
        ("i'm a prime member, will i get my car faster?", True),  # the kind's form: see the pull
        ("how do i build a small tesla coil", True),  # past a word the sources never use
        ("what would a bezos win mean for cars", False),  # "win" matches them over 0.4
        ("is a tesla model cheaper", False),  # "model": a word of the sources
        ("is a tesla battery any good", False),
        ("does a tesla's coil last", False),  # possessive: the company's own
        ("should i buy a tesla", False),  # nothing after the name
        ("would a tesla owner switch", False),  # "owner" 0.45: not foreign enough
    ],
)
def test_a_name_after_an_indefinite_article_names_a_kind_of_thing(
    question: str, expected: bool
) -> None:
    assert (indefinite_kind(question, holds, named, MATCHES.get) is not None) is expected


def refused_by_kind(question: str) -> bool:
    return off_topic(
        question, holds, named, best_cosine=COSINES.__getitem__, word_match=MATCHES.get
    )


def test_the_kind_is_refused_beside_prose_only_under_the_cosine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "best way to clean a tesla coil for a science fair"
    assert refused_by_kind(question)
    monkeypatch.setattr(bot.off_topic, "INDEFINITE_KIND_WEAK", 0.3)  # 0.34 is over it
    assert not refused_by_kind(question)
    monkeypatch.setattr(bot.off_topic, "INDEFINITE_KIND_WEAK", None)
    assert not refused_by_kind(question)


def test_the_kind_is_refused_only_when_its_word_pulls_the_question_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not refused_by_kind("i'm a prime member, will i get my car faster?")  # the sources'
    monkeypatch.setattr(bot.off_topic, "INDEFINITE_KIND_PULL", 0.12)  # "coil" pulls +0.10
    assert not refused_by_kind("best way to clean a tesla coil for a science fair")


@pytest.mark.parametrize(
    ("question", "pointing_read", "expected"),
    [
        ("is it bad to let my dog sleep in my bed", True, False),  # "it" opens it
        ("is it bad to let my dog sleep in my bed", False, True),
        ("and the money side of it?", False, False),  # two such words: a follow-up's
        ("is it bad to let my dog sleep in my amazon bed", False, False),  # a name of theirs
    ],
)
def test_a_question_using_no_word_of_the_sources_whatever_it_points_at(
    question: str, pointing_read: bool, expected: bool
) -> None:
    found = names_nothing_foreign(
        question, holds, MATCHES.get, least=3, pointing_read=pointing_read
    )
    assert found is expected


@pytest.mark.parametrize(
    ("question", "on"),
    [
        ("is it bad to let my dog sleep in my bed", True),
        ("and the money side of it?", False),
    ],
)
def test_pointing_words_keep_no_question_under_the_floor_from_being_refused(
    monkeypatch: pytest.MonkeyPatch, question: str, on: bool
) -> None:
    monkeypatch.setattr(bot.off_topic, "INDEFINITE_KIND_WEAK", None)

    def refused() -> bool:
        return off_topic(
            question, holds, named, best_cosine=COSINES.__getitem__, word_match=MATCHES.get
        )

    assert refused() is on
    monkeypatch.setattr(bot.off_topic, "POINTING_FOREIGN_WEAK", None)
    assert not refused()


def test_a_kind_of_thing_named_after_a_name_is_refused_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "what's the best way to clean a tesla coil for a school fair"
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "INDEFINITE_KIND_WEAK", None)
    assert service.ask(question).outcome != "refused"


def test_an_off_topic_question_in_a_thread_is_refused_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "is it bad to let my cat sleep on my pillow at night"
    history = ["who is musk"]
    assert service.ask(question).outcome == "refused"  # alone: under the floor
    assert service.ask(question, history).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "POINTING_FOREIGN_WEAK", None)
    assert service.ask(question).outcome == "refused"
    assert service.ask(question, history).outcome != "refused"

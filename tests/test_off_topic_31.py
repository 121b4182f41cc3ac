"""Session 31's off-topic readings (bot/off_topic.py): a name and a word the dictionary reads as a
noun among other readings, after "is" / "does" and before a word of the predicate, are a compound
subject ("what does musk oil smell like", "is prime video worth it": `COMPOUND_OTHER_READINGS`);
a question asking only the time or the date now is refused whatever was said before it ("what day
is it today": `ASKS_NOW`); the asker's "how do i …" with a word the sources never use is refused
under `ASKERS_HOW_TO_WEAK` whatever words of their prose stand beside it ("how do i return
something i ordered on amazon"), and so are instructions asked as "how to …" or "best way to …"
(`INSTRUCTIONS_ASKED`)."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import askers_how_to, asks_now, off_topic
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "prime", "jeff", "rivian"}
SOURCES = NAMES | {"fit", "solo", "day", "like", "make", "ev", "ordered", "order", "cloud"} | {
    "batteries", "lithium", "long", "beat", "store",
}  # fmt: skip
# Each word's best token match in the sources (made up, near what the shipped article gives).
MATCHES = {
    "musk": 0.84, "oil": 0.31, "smell": 0.24, "prime": 0.88, "video": 0.32, "worth": 0.48,
    "netflix": 0.35, "anime": 0.19, "doing": 0.41, "solo": 0.62, "fit": 0.66, "day": 0.68,
    "return": 0.35, "something": 0.45, "ordered": 0.72, "amazon": 0.77, "certified": 0.28,
    "aws": 0.76, "cloud": 0.75, "practitioner": 0.40, "order": 0.61, "ev": 0.92,
    "whats": 0.30, "best": 0.32, "way": 0.37, "store": 0.37, "lithium": 0.87, "batteries": 0.76,
    "winter": 0.41, "aa": 0.38, "term": 0.39, "tesla": 0.90, "beat": 0.45,
}  # fmt: skip
# Each question's best cosine with a passage (made up, as the shipped article gives them); a
# question with a word left out scores its own entry or 0.
COSINES = {
    "what does musk oil smell like": 0.312,
    "is prime video worth it compared to netflix": 0.293,
    "is prime video worth it for anime": 0.276,
    "is jeff doing this solo": 0.36,
    "how does prime fit in": 0.30,
    "what day is it today": 0.12,
    "how do i return something i ordered on amazon": 0.261,
    "how do i get certified in aws cloud practitioner": 0.292,
    "how can i order an amazon ev": 0.47,
    "how do i order one on amazon": 0.30,
    "whats the best way to store lithium batteries over winter": 0.324,
    "best way to store aa batteries long term": 0.245,
    "what's the best way for amazon to beat tesla": 0.52,
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
    "question",
    [
        "what does musk oil smell like",  # "oil" a verb too by the dictionary
        "is prime video worth it compared to netflix",  # "video" an adjective and a verb too
        "is prime video worth it for anime",
    ],
)
def test_a_name_and_a_noun_of_other_readings_as_a_subject_are_a_compound(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "COMPOUND_OTHER_READINGS", False)
    assert not refused(question)


@pytest.mark.parametrize(
    "question",
    [
        "is jeff doing this solo",  # "doing": the name's own verb
        "how does prime fit in",  # "in" after it: the name is the subject of "fit"
        "can jeff fix that",  # no singular auxiliary before the name
        "how tall is jeff bridges",  # no word of a predicate after it
    ],
)
def test_a_name_before_its_own_verb_is_no_compound(question: str) -> None:
    words = bot.off_topic._words(question)
    at = next(i for i, (word, _) in enumerate(words) if word in NAMES)
    assert not bot.off_topic._subject_compound(words, at)
    assert not refused(question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what day is it today", True),
        ("What time is it right now?", True),
        ("what's today's date", True),
        ("whats the date today", True),
        ("what year is it", True),
        ("which day is today", True),
        ("what's the date?", False),  # may ask the date of something said before
        ("what year did amazon pledge", False),
        ("what day is it in the article", False),
    ],
)
def test_a_question_asking_only_the_time_or_date_now(question: str, expected: bool) -> None:
    assert asks_now(question) is expected


def test_the_date_now_is_refused_only_with_the_rule_on(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "what day is it today"  # "day" a word of theirs: no other rule reads it
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "ASKS_NOW", False)
    assert not refused(question)


@pytest.mark.parametrize(
    "question",
    [
        "how do i return something i ordered on amazon",  # "ordered" a word of their prose
        "how do i get certified in aws cloud practitioner",  # "cloud" too
    ],
)
def test_the_askers_how_to_beside_prose_is_refused_only_with_the_rule_on(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not askers_how_to(question, holds, named, MATCHES.get)  # session 30's: names only
    assert askers_how_to(question, holds, named, MATCHES.get, names_only=False)
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "ASKERS_HOW_TO_WEAK", None)
    assert not refused(question)


@pytest.mark.parametrize(
    "question",
    [
        "how can i order an amazon ev",  # the sources' own car, over the cosine gate
        "how do i order one on amazon",  # "one" points at something said
    ],
)
def test_the_askers_how_to_about_the_sources_own_thing_stays(question: str) -> None:
    assert not refused(question)


@pytest.mark.parametrize(
    "question",
    [
        "whats the best way to store lithium batteries over winter",  # "winter" 0.41, "way" 0.37
        "best way to store aa batteries long term",
    ],
)
def test_instructions_asked_by_anyone_are_refused_only_with_the_rule_on(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert refused(question)
    monkeypatch.setattr(bot.off_topic, "INSTRUCTIONS_ASKED", False)
    assert not refused(question)


def test_the_best_way_for_a_name_of_the_sources_is_no_instruction() -> None:
    assert not refused("what's the best way for amazon to beat tesla")


def test_the_askers_how_to_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """shipped-questions' near-domain "how do i set a timer with alexa" (0.32): refused by the
    rule; labelled partial, the timer missing, with it off (as tests/test_answers.py had it). The
    in-domain how-tos naming the sources' car stay."""
    for kept in ("how can i order an amazon ev?", "how do i link my amazon account to the car"):
        assert service.ask(kept).outcome != "refused"
    question = "how do i set a timer with alexa"
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "ASKERS_HOW_TO_WEAK", None)
    answer = service.ask(question)
    assert answer.outcome == "partial"
    assert "timer" in (answer.partial_label or "")
    assert answer.quotes and answer.citations


def test_the_rules_over_the_shipped_article_alone_and_in_a_thread(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "what does musk oil smell like" (offtopic-tuning-20) was answered alone; "what day is it
    today" after an answer (refused alone, under the floor)."""
    history = ["What weaknesses does Tesla have?"]
    assert service.ask("what does musk oil smell like").outcome == "refused"
    assert service.ask("what day is it today", history).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, "COMPOUND_OTHER_READINGS", False)
    monkeypatch.setattr(bot.off_topic, "ASKS_NOW", False)
    assert service.ask("what does musk oil smell like").outcome != "refused"
    assert service.ask("what day is it today", history).outcome != "refused"

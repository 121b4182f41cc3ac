"""Session 25's off-topic readings (bot/off_topic.py): a name of the sources called a kind of thing
they never write ("the band tesla"); session 13's measure forms and session 23's person named
anywhere, on again."""

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import name_called_other_kind
from bot.service import AnswerService

# A tiny index's vocabulary (stemmed as the lexical index stems it) and the words it writes only
# as names.
NAMES = {"amazon", "tesla", "musk", "rivian", "blue", "lucid"}
SOURCES = NAMES | {"car", "clean", "famous", "automakers", "compete", "air"}
# Each unknown word's best token match in the sources (the model's reading, here made up).
MATCHES = {
    "band": 0.19, "rock": 0.29, "river": 0.27, "sky": 0.30, "carmaker": 0.61,
    "song": 0.20, "whole": 0.35, "touring": 0.30,
}  # fmt: skip


def holds(term: str) -> bool:
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what's the band tesla's most famous song", True),
        ("is the rock band tesla still touring", True),  # "rock" of the kind's own words
        ("is the river amazon wider than the nile", True),
        ("why is the sky blue", True),  # "Blue" of the sources' "Blue Origin"
        ("how does the carmaker tesla compete", False),  # "carmaker" is their "automakers"
        ("does the whole amazon plan work", False),  # "whole" is an adjective, no kind
        ("does the article mention lucid", False),  # the text asked about
        ("band tesla songs", False),  # no article: no kind named
    ],
)
def test_a_name_called_a_kind_of_thing_the_sources_never_write(
    question: str, expected: bool
) -> None:
    assert name_called_other_kind(question, holds, named, MATCHES.get) is expected


@pytest.mark.parametrize(
    ("rule", "question"),
    [
        ("NAME_CALLED_OTHER_KIND", "what's the band tesla's most famous song"),  # 0.58 alone
        ("NAME_CALLED_OTHER_KIND", "is the river amazon wider than the nile"),
        ("MEASURE_FORMS", "where does musk fragrance come from"),
        ("PERSON_ANYWHERE", "how many patents did nikola tesla end up with"),
    ],
)
def test_each_rule_refuses_over_the_shipped_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, rule: str, question: str
) -> None:
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, rule, False)
    # Session 30's reading refuses "musk fragrance" too once "come" is read as a word of theirs.
    monkeypatch.setattr(bot.off_topic, "MODIFIER_PROSE_MATCH", None)
    assert service.ask(question).outcome != "refused"


@pytest.mark.parametrize(
    "question",
    [
        "how does the carmaker tesla compete",
        "should i buy a tesla or wait for the amazon car",
        "i'm a prime member, will i get my car faster?",
    ],
)
def test_the_sources_own_names_are_not_refused(service: AnswerService, question: str) -> None:
    assert service.ask(question).outcome != "refused"

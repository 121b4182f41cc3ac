"""Questions asking whether the sources mention a thing ("any mention of toyota?"): labelled
partial when no passage holds a word of it, answered when the sources write it."""

import pytest

import bot.asked_topic
import bot.unsaid
from bot.service import AnswerService
from bot.unsaid import mentioned_name


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("any mention of toyota?", "toyota"),
        ("does it talk about volkswagen", "volkswagen"),
        ("is hyundai in there?", "hyundai"),
        ("does the piece mention china at all?", "china"),
        ("is there anything about nvidia in there", "nvidia"),
        ("Is the Cybertruck mentioned at all?", "cybertruck"),
        ("what does amazon plan", None),
        ("what about china?", None),
    ],
)
def test_the_thing_asked_after_is_read_from_the_frame(question: str, name: str | None) -> None:
    assert mentioned_name(question) == name


@pytest.mark.parametrize(
    "question", ["any mention of toyota?", "does it talk about volkswagen", "is hyundai in there?"]
)
def test_a_thing_the_sources_never_write_is_labelled(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial"
    assert answer.missing is not None and mentioned_name(question) in answer.missing
    monkeypatch.setattr(bot.unsaid, "MENTION_UNKNOWN", False)
    assert service.ask(question).outcome != "partial"  # a passage at random, presented as answered


def test_a_thing_the_sources_write_is_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("any mention of lucid")
    assert answer.outcome == "answered"
    assert "Lucid" in answer.answer
    monkeypatch.setattr(bot.unsaid, "MENTION_UNKNOWN", False)
    # session 26's rule asks it as "lucid" alone, answered too: off, the frame is under the floor
    monkeypatch.setattr(bot.asked_topic, "MENTIONS_26", False)
    assert service.ask("any mention of lucid").outcome == "refused"  # under the cosine floor


@pytest.mark.parametrize(
    ("question", "thing"),
    [("does the article mention china?", "china"), ("is china mentioned?", "china")],
)  # fmt: skip
def test_a_mention_refused_of_words_the_sources_never_write_is_told_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, thing: str
) -> None:
    told = service.ask(question)
    assert told.outcome == "refused" and not told.quotes
    assert told.answer == f"The sources don't mention “{thing}”."
    monkeypatch.setattr(bot.asked_topic, "UNWRITTEN_MENTION_31", False)
    assert service.ask(question).answer == "The sources I have don't cover that question."


def test_a_mention_asked_of_words_the_sources_write_is_still_searched(
    service: AnswerService,
) -> None:
    lithium = service.ask("does the article mention lithium?")
    assert lithium.outcome == "answered" and "lithium" in lithium.quotes[0].text
    river = service.ask("is the amazon river mentioned?")  # "amazon" is theirs: not told "no"
    assert "don't mention" not in river.answer

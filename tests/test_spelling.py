"""A word one typo from a word of the sources is read as that word (bot/spelling.py)."""

from __future__ import annotations

import pytest

import bot.service
import bot.spelling
from bot.service import AnswerService
from bot.spelling import is_english_word, one_edit_away, spelled_as_the_sources

SOURCES = frozenset({"rivian", "panasonic", "neutral", "green", "jeff", "when", "where", "tesla"})
NAMES = frozenset({"rivian", "panasonic", "jeff", "tesla", "rivien"})


def _spelled(text: str) -> str:
    return spelled_as_the_sources(
        text, SOURCES.__contains__, lambda: SOURCES, is_english_word, NAMES.__contains__
    )


def test_one_edit_covers_the_four_kinds_of_typo() -> None:
    edits = set(one_edit_away("rivain"))
    assert {"rivian", "rivan", "rivaing", "rivaim"} <= edits  # swapped, deleted, added, changed
    assert "rivain" not in set(one_edit_away("xxxxxx"))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("who is rivain", "who is rivian"), ("who is panasonc?", "who is panasonic?"),
     ("Rivain's trucks", "Rivian's trucks")],
)  # fmt: skip
def test_a_typo_of_a_word_of_the_sources_is_read_as_it(typed: str, meant: str) -> None:
    assert _spelled(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["wher are they",  # too short: one edit from "when" and "where"
     "greek myths",  # an English word, one edit from "green"
     "jeffs car", "teslas",  # an ending after a word of the sources
     "who is rovoan",  # more than one edit from every word of the sources
     "carbon nuetral"],  # one edit from a word of their prose, not a name
)  # fmt: skip
def test_a_word_that_may_be_meant_is_left_as_typed(typed: str) -> None:
    assert _spelled(typed) == typed


def test_two_words_of_the_sources_one_edit_away_leave_the_typo() -> None:
    both = SOURCES | {"rivien"}
    spelled = spelled_as_the_sources(
        "rivin", both.__contains__, lambda: both, is_english_word, NAMES.__contains__
    )
    assert spelled == "rivin"
    assert _spelled("rivin") == "rivian"


def test_a_misspelt_name_is_answered(service: AnswerService) -> None:
    answer = service.ask("who is rivain")
    assert answer.outcome == "answered" and "Rivian" in answer.answer


def test_without_the_rule_the_typo_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.spelling, "SPELLING", False)
    assert service.ask("who is rivain").refused


@pytest.mark.parametrize(
    ("typed", "read"),
    [("whos rivian", "who's rivian"), ("Wheres the hq", "Where's the hq"),
     ("why doesnt tesla worry", "why doesn't tesla worry"), ("its price", "its price"),
     ("well, were they partners", "well, were they partners"), ("whose cars", "whose cars")],
)  # fmt: skip
def test_a_contraction_typed_without_its_apostrophe_is_read_with_it(typed: str, read: str) -> None:
    assert bot.spelling.with_apostrophes(typed) == read


def test_whos_is_answered_as_whos(service: AnswerService) -> None:
    typed = service.ask("whos rivian")
    assert typed.outcome == "answered"
    assert typed.citations == service.ask("who's rivian").citations


def test_without_the_rule_whos_is_a_word_the_sources_lack(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.spelling, "APOSTROPHES", False)
    assert service.ask("whos rivian").outcome == "refused"


@pytest.mark.parametrize(
    ("text", "meant"),
    [("summarize teh article", "summarize the article"),
     ("waht are the sections", "what are the sections"),
     ("can u giv me a summry", "can u give me a summary"),
     ("whats the titel", "whats the title")],
)  # fmt: skip
def test_a_request_words_typo_is_read_as_the_request_word(text: str, meant: str) -> None:
    assert bot.spelling.request_respelt(text, lambda _: False) == meant


def test_a_word_of_the_sources_or_no_request_word_is_left_as_typed() -> None:
    assert bot.spelling.request_respelt("summarize teh batteries", {"teh"}.__contains__) == (
        "summarize teh batteries"
    )
    assert bot.spelling.request_respelt("what are the sectors", lambda _: False) == (
        "what are the sectors"
    )


def test_a_request_with_a_typo_is_answered_as_the_request_and_searched_as_typed(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = service.ask("waht are the sections")
    assert listed.reply == "sections" and listed.question == "waht are the sections"
    assert service.ask("summarize teh article").answer == service.ask("tl;dr").answer
    monkeypatch.setattr(bot.spelling, "REQUEST_TYPOS_26", False)
    assert service.ask("waht are the sections").reply != "sections"


@pytest.mark.parametrize(
    ("text", "meant"),
    [("hw many times is tesla mentioned", "how many times is tesla mentioned"),
     ("wat does ev stand for", "what does ev stand for"),
     ("whos the author", "who's the author")],
)  # fmt: skip
def test_chat_spellings_of_request_words_are_written_out_and_not_without_the_rule(
    text: str, meant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.spelling.request_respelt(text, lambda _: False) == meant
    monkeypatch.setattr(bot.spelling, "REQUEST_SHORTHAND_28", False)
    assert bot.spelling.request_respelt(text, lambda _: False) != meant


def test_an_english_word_is_no_typo_of_a_request_word() -> None:
    assert bot.spelling.request_respelt("how many sections", lambda _: False) == "how many sections"


def test_a_mention_count_asked_in_chat_spelling_is_counted(service: AnswerService) -> None:
    answer = service.ask("hw many times is tesla mentioned")
    assert answer.reply == "article" and "17 times" in answer.answer


def test_a_typo_of_a_name_the_sources_write_in_capitals_is_respelt_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    right = service.ask("which sections talk about nvidia?").answer
    assert service.ask("which sections talk about nvida?").answer == right
    quoted = service.ask("what does the article say about nvida?")
    assert quoted.outcome == "answered" and "NVIDIA" in quoted.quotes[0].text
    monkeypatch.setattr(bot.service, "NAMES_IN_CAPITALS_31", False)
    assert service.ask("which sections talk about nvida?").answer != right


def test_a_typo_of_a_prose_word_both_readings_agree_on_is_respelt_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    right = service.ask("where will the factories be").quotes
    assert service.ask("where will the factoris be").quotes == right
    listed = service.ask("what are the innovations").quotes
    assert service.ask("what are the inovations").quotes == listed
    monkeypatch.setattr(bot.spelling, "PROSE_TYPOS_31", False)
    assert service.ask("where will the factoris be").quotes != right
    assert bot.spelling.prose_typo("factoris", lambda word: {word[:6]}) is None

"""The sentences behind a reply counting or naming the article's words (bot/reply_shown.py)."""

from __future__ import annotations

import re

import pytest

import bot.article_requests
import bot.overview
import bot.reply_shown
from bot.more import NOTHING_MORE
from bot.service import AnswerService


@pytest.mark.parametrize(
    "text",
    ["show me", "ok show me them", "where?", "where exactly?", "what do they say?",
     "what does it say about it?", "can i see them?", "read it to me", "quote them please",
     "let me see"],
)  # fmt: skip
def test_a_request_to_see_is_read(text: str) -> None:
    assert bot.reply_shown.asks_to_see(text)


@pytest.mark.parametrize(
    "text",
    ["show me the factories", "where is the hq?", "what does tesla say?", "read the article",
     "where will they build it?", "which ones are electric?"],
)  # fmt: skip
def test_a_question_of_its_own_is_no_request_to_see(text: str) -> None:
    assert not bot.reply_shown.asks_to_see(text)


def _naming(service: AnswerService, word: str) -> list[str]:
    """The article's sentences naming `word` as a whole word, in order."""
    index = service.retriever.index
    (doc_id,) = index.article_rows
    found = re.compile(rf"\b{word}(?:s|'s|’s)?\b", re.IGNORECASE)
    seen = dict.fromkeys(
        s for row in index.article_rows[doc_id] for s in index.passages[row].sentence_texts()
    )
    return [s for s in seen if found.search(s)]


def test_show_me_after_a_count_of_mentions_quotes_them_a_few_at_a_time(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    naming = _naming(service, "tesla")
    assert len(naming) > 2 * bot.reply_shown.QUOTED  # three pages at least
    history = ["how many times is tesla mentioned?"]
    first = service.ask("where?", history)
    assert [q.text for q in first.quotes] == naming[: bot.reply_shown.QUOTED]
    assert first.outcome == "answered" and first.citations
    history.append("where?")
    second = service.ask("tell me more", history)
    assert [q.text for q in second.quotes] == naming[bot.reply_shown.QUOTED : 2 * 5]
    monkeypatch.setattr(bot.reply_shown, "SHOWN_30", False)
    assert [q.text for q in service.ask("where?", history[:1]).quotes] != first.quotes


def test_more_after_the_sections_naming_a_thing_quotes_the_sentences_naming_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["which sections talk about nvidia?"]
    shown = service.ask("what does it say?", history)
    assert [q.text for q in shown.quotes] == _naming(service, "nvidia")
    assert [q.text for q in service.ask("tell me more", history).quotes] == _naming(
        service, "nvidia"
    )
    assert service.ask("more", [*history, "tell me more"]).answer == NOTHING_MORE
    monkeypatch.setattr(bot.reply_shown, "SHOWN_30", False)
    assert service.ask("what does it say?", history).outcome == "refused"


def test_more_after_the_names_quotes_the_first_sentence_naming_each(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = service.ask("tell me more", ["who is mentioned in the article?"])
    quoted = " ".join(q.text for q in people.quotes)
    assert "Jeff Bezos" in quoted and "Elon Musk" in quoted
    places = service.ask("show me", ["what places are mentioned?"])
    quoted = " ".join(q.text for q in places.quotes)
    assert all(p in quoted for p in ("California", "Texas", "Michigan", "Europe", "Asia"))
    assert len(places.quotes) < 5  # the first sentence naming each, not every one
    monkeypatch.setattr(bot.reply_shown, "SHOWN_30", False)
    assert service.ask("tell me more", ["who is mentioned in the article?"]).outcome == "refused"


def test_more_or_show_me_after_a_parts_length_quotes_that_part(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = service.ask("what does the article open with?")
    intro = service.ask("show me", ["how long is the intro?"])
    assert intro.quotes and opening.quotes[0].text.startswith(intro.quotes[0].text)
    assert service.ask("tell me more", ["how long is the intro?"]).quotes == intro.quotes
    conclusion = service.ask("show me", ["how long is the conclusion?"])
    assert conclusion.quotes == service.ask("tell me more", ["how long is the conclusion?"]).quotes
    assert conclusion.quotes[0].text.startswith("The entry of Jeff Bezos")
    heading = service.ask("show me", ["what's the first section called?"])
    assert heading.quotes == service.ask("what's section 1 about?").quotes
    monkeypatch.setattr(bot.reply_shown, "SHOWN_30", False)
    assert service.ask("show me", ["how long is the intro?"]).quotes != intro.quotes


def test_show_me_after_an_answer_is_not_read_here(service: AnswerService) -> None:
    assert bot.reply_shown.to_see_as_more("show me", ["who is rivian?"]) is None
    assert bot.reply_shown.to_see_as_more("where?", ["what are the sections?"]) is None


def test_show_me_after_a_count_of_nothing_says_so(service: AnswerService) -> None:
    where = service.ask("where?", ["how many times is toyota mentioned?"])
    assert where.answer == "The article doesn't mention “toyota”." and not where.quotes
    cities = service.ask("show me", ["what cities are mentioned?"])
    assert cities.answer == "The article names no cities."


def test_where_after_a_count_asked_with_a_typo_reads_the_count(service: AnswerService) -> None:
    typed_right = service.ask("where?", ["how many times is tesla mentioned?"])
    assert service.ask("where?", ["how many times is tesla mentiond?"]).quotes == typed_right.quotes


def test_where_after_a_count_of_a_misspelt_name_shows_the_name_respelt_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = ["how many times is tesal mentioned?"]
    right = service.ask("where?", ["how many times is tesla mentioned?"])
    assert right.outcome == "answered" and right.quotes
    for said in ("where?", "show me", "tell me more"):
        assert service.ask(said, typed).quotes == right.quotes
    monkeypatch.setattr(bot.article_requests, "NAMES_RESPELT_31", False)
    assert service.ask("where?", typed).outcome == "refused"


def test_show_me_after_mentions_compared_or_a_parts_mention_quotes_them_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    most = service.ask("show me", ["which section mentions tesla the most?"])
    assert most.outcome == "answered" and most.quotes
    assert {c.section for c in most.citations} == {"The Competitive Landscape"}
    assert all("Tesla" in q.text for q in most.quotes)
    part = service.ask("show me", ["does the conclusion mention musk?"])
    assert (part.citations[0].section or "").startswith("Conclusion")
    elsewhere = service.ask("show me", ["does the conclusion mention rivian?"])  # named elsewhere
    assert elsewhere.quotes and "Rivian" in elsewhere.quotes[0].text
    either = service.ask("where?", ["who is mentioned more, bezos or musk?"])
    assert either.quotes and all(("Bezos" in q.text) or ("Musk" in q.text) for q in either.quotes)
    neither = service.ask("where?", ["who is mentioned more, toyota or honda?"])
    assert neither.answer == "The article doesn't mention “toyota” or “honda”."
    monkeypatch.setattr(bot.reply_shown, "SHOWN_31", False)
    assert service.ask("show me", ["which section mentions tesla the most?"]).outcome == "refused"


def test_more_after_what_the_title_names_goes_on_with_the_overview(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    tour = service.ask("tell me more", ["tl;dr"]).quotes
    asked = ["what can you tell me about the ev rivalry?"]
    assert service.ask("tell me more", asked).quotes == tour
    monkeypatch.setattr(bot.overview, "TITLE_ASKED_31", False)
    assert service.ask("tell me more", asked).quotes != tour

"""Questions about the articles themselves ("who wrote this?", "source?"), answered from their
front matter (bot/about_article.py), never by a passage search."""

from __future__ import annotations

import pytest

import bot.about_article
from bot.about_article import asks_about_article, front_matter_follow_up
from bot.discord.render import answer_embed
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.terminal import render_text
from tests.corpus_service import service_over


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("who wrote this?", "author"),
        ("who's the author", "author"),
        ("who wrote the article", "author"),
        ("when was this article published?", "published"),
        ("how old is this article", "published"),
        ("when is this from", "published"),
        ("what's the title of the article", "title"),
        ("what's the headline", "title"),
        ("what's the source of this article", "source"),
        ("where does the article get its info", "source"),
        ("source?", "source"),
        ("is there a link to the original", "source"),
        ("what articles do you have", "articles"),
    ],
)
def test_questions_about_the_articles_are_read_by_their_form(question: str, field: str) -> None:
    assert asks_about_article(question) == field


@pytest.mark.parametrize(
    "question",
    [
        "what does the author think about tesla",  # the writer's view: in the text
        "where does amazon get its batteries",
        "is there a link between tesla and amazon",
        "what are the sources of tesla's lead",
        "what's the amazon brand called",  # the car's name, not the article's
        "who wrote about the factories",
        "when was the car released",
    ],
)
def test_a_question_naming_a_topic_is_searched(question: str) -> None:
    assert asks_about_article(question) is None


ROBOTAXI = """---
title: "Robotaxi fleets"
author: "Ada Writer"
published: "2026-03-01"
url: "https://example.com/news/robotaxi_fleets"
source: "Example News"
---

Robotaxi fleets are expanding in three cities this spring. Operators say the cars drive better.
"""
CHARGERS = """---
title: "Charger networks"
---

Charger networks keep growing along the highways. Fast chargers now reach rural towns.
"""


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    root = tmp_path_factory.mktemp("about-articles")
    return service_over(root, embedder, {"robotaxi.md": ROBOTAXI, "chargers.md": CHARGERS})


def test_the_front_matter_answers_and_a_field_it_lacks_is_said_unknown(
    two_articles: AnswerService,
) -> None:
    answer = two_articles.ask("who wrote this?")
    assert answer.outcome == "answered"
    assert "“Robotaxi fleets” is by Ada Writer." in answer.answer
    assert "“Charger networks” doesn't name its author." in answer.answer
    assert answer.reply == "article" and not answer.quotes


def test_in_a_conversation_the_article_talked_about_is_the_one_asked_about(
    two_articles: AnswerService,
) -> None:
    about_chargers = ["how far do the fast chargers reach?"]
    answer = two_articles.ask("who wrote it?", about_chargers, conversation="c1")
    assert answer.outcome == "refused"  # the front matter lacks it: nothing is guessed
    assert answer.answer == "“Charger networks” doesn't name its author."
    about_robotaxis = ["how many cities have robotaxi fleets?"]
    answer = two_articles.ask("source?", about_robotaxis, conversation="c2")
    assert answer.outcome == "answered"
    assert "Example News (https://example.com/news/robotaxi_fleets)" in answer.answer
    answer = two_articles.ask("when was this published?", about_robotaxis, conversation="c2")
    assert answer.answer == "“Robotaxi fleets” was published on 2026-03-01."


def test_the_articles_held_are_listed_latest_first(two_articles: AnswerService) -> None:
    answer = two_articles.ask("what articles do you have?")
    assert answer.answer == "I answer from 2 articles: “Robotaxi fleets”, “Charger networks”."


def test_a_reply_renders_as_its_text_alone_with_links_whole(two_articles: AnswerService) -> None:
    answer = two_articles.ask("source?", ["how many cities have robotaxi fleets?"])
    assert render_text(answer) == answer.answer  # no "Sources:" block of quotes
    embed = answer_embed(answer)
    assert "https://example.com/news/robotaxi_fleets" in (embed.description or "")
    assert not embed.fields


def test_without_the_rule_the_question_is_searched(
    two_articles: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.about_article, "ABOUT_ARTICLE", False)
    answer = two_articles.ask("who wrote this?")
    assert answer.reply is None
    assert "Ada Writer" not in answer.answer


@pytest.mark.parametrize(
    ("question", "field"),
    [("how many articles do you have", "articles"), ("how up to date are you", "freshness"),
     ("is this info current?", "freshness"), ("when was the index built", "freshness"),
     ("what's your knowledge cutoff", "freshness")],
)  # fmt: skip
def test_how_many_and_how_recent_are_read_by_their_form(question: str, field: str) -> None:
    assert asks_about_article(question) == field


@pytest.mark.parametrize("question", ["is tesla up to date", "how current is tesla's tech"])
def test_how_recent_a_topic_is_is_searched(question: str) -> None:
    assert asks_about_article(question) is None


def test_how_recent_says_when_indexed_and_the_latest_published(
    two_articles: AnswerService,
) -> None:
    answer = two_articles.ask("how up to date are you?")
    built = two_articles.retriever.index.manifest["built_at"][:10]
    assert answer.answer == (
        f"The sources were last indexed on {built}; the latest article, “Robotaxi fleets”, was "
        "published on 2026-03-01."
    )
    assert answer.outcome == "answered" and answer.reply == "article"
    counted = two_articles.ask("how many articles do you have?")
    assert counted.answer == "I answer from 2 articles: “Robotaxi fleets”, “Charger networks”."


def test_without_the_rule_how_recent_is_searched(
    two_articles: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.about_article, "FRESHNESS", False)
    assert asks_about_article("how up to date are you") is None
    assert two_articles.ask("how many articles do you have?").reply != "article"


@pytest.mark.parametrize(
    ("question", "field"),
    [("how long is the article?", "length"), ("what's the word count", "length"),
     ("how many words is it", "length"), ("who published it?", "source"),
     ("what's the publisher", "source"), ("which website is this from", "source")],
)  # fmt: skip
def test_how_long_and_who_published_are_read_by_their_form(question: str, field: str) -> None:
    assert asks_about_article(question) == field


@pytest.mark.parametrize(
    "question", ["how long is tesla's lead", "who published the roadster", "how long is the range"]
)
def test_how_long_a_topic_is_is_searched(question: str) -> None:
    assert asks_about_article(question) is None


def test_how_long_counts_each_articles_words(two_articles: AnswerService) -> None:
    answer = two_articles.ask("how long is the article?")
    assert answer.reply == "article" and answer.outcome == "answered"
    # 15 and 13 words; neither has a section heading
    assert "“Robotaxi fleets” is 15 words long." in answer.answer
    assert "“Charger networks” is 13 words long." in answer.answer
    about_chargers = ["how far do the fast chargers reach?"]
    one = two_articles.ask("what's the word count?", about_chargers, conversation="c3")
    assert one.answer == "“Charger networks” is 13 words long."


def test_how_long_rounds_a_long_article_and_counts_its_sections() -> None:
    assert (
        bot.about_article.length_line("“A”", 1357, 10)
        == "“A” is about 1,360 words long, in 10 sections."
    )


def test_without_the_rule_how_long_is_searched(
    two_articles: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.about_article, "LENGTH_26", False)
    assert asks_about_article("how long is the article?") is None
    assert asks_about_article("who published it?") is None
    assert two_articles.ask("what's the word count?").reply != "article"


@pytest.mark.parametrize(
    ("question", "field"),
    [("how reliable are your sources?", "trust"), ("can i trust this?", "trust"),
     ("is this article reliable?", "trust"), ("how accurate are your answers?", "trust"),
     ("where does your info come from?", "source"),
     ("where do you get your information?", "source")],
)  # fmt: skip
def test_how_far_the_sources_can_be_trusted_is_read_and_not_without_the_rule(
    question: str, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_article(question) == field
    monkeypatch.setattr(bot.about_article, "TRUST_27", False)
    assert asks_about_article(question) != field


@pytest.mark.parametrize(
    "question", ["is tesla reliable?", "how reliable are tesla's cars?", "can i trust musk?"]
)
def test_trust_in_a_topic_of_the_sources_is_searched(question: str) -> None:
    assert asks_about_article(question) is None


def test_trust_is_answered_with_the_source_and_how_to_check(two_articles: AnswerService) -> None:
    about_chargers = ["how far do the fast chargers reach?"]
    answer = two_articles.ask("can i trust this?", about_chargers, conversation="c9")
    assert answer.reply == "article"
    assert "quotes and cites the passages" in answer.answer
    assert answer.answer.count("I can't vouch") == 1


@pytest.mark.parametrize(
    "question",
    ["can you give me the full text?", "print the whole article", "send me the article",
     "where can i read the full article?", "paste the entire article"],
)  # fmt: skip
def test_the_whole_text_asked_for_is_read_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_article(question) == "full"
    monkeypatch.setattr(bot.about_article, "FULL_TEXT_27", False)
    assert asks_about_article(question) != "full"


def test_the_whole_text_is_told_how_to_read_it_here(two_articles: AnswerService) -> None:
    about_chargers = ["how far do the fast chargers reach?"]
    answer = two_articles.ask("send me the article", about_chargers, conversation="c10")
    assert answer.reply == "article" and answer.outcome == "answered"
    assert answer.answer.startswith("I quote the article part by part rather than whole.")
    assert "what are the sections?" in answer.answer
    assert two_articles.ask("send me the article about robotaxis").reply != "article"


@pytest.mark.parametrize(
    "question", ["how sure are you?", "what's your confidence?", "how confident are you"]
)
def test_how_sure_the_bot_is_asked_alone_gets_the_trust_reply_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_article(question) == "trust"
    assert asks_about_article("how sure are you that amazon will win?") is None  # a question
    monkeypatch.setattr(bot.about_article, "CONFIDENCE_28", False)
    assert asks_about_article(question) is None


def test_a_bare_when_or_where_after_the_front_matter_asks_its_date_or_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert front_matter_follow_up("when?", "who wrote it?") == "published"
    assert front_matter_follow_up("and where?", "who wrote it?") == "source"
    assert front_matter_follow_up("by whom?", "when was it published?") == "author"
    assert front_matter_follow_up("when?", "who is rivian?") is None  # no front matter before
    assert asks_about_article("where was it published?") == "source"
    monkeypatch.setattr(bot.about_article, "FRONT_MATTER_28", False)
    assert front_matter_follow_up("when?", "who wrote it?") is None
    assert asks_about_article("where was it published?") is None


def test_the_reading_time_asked_is_told_with_the_length(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("how long would it take to read?")
    assert answer.answer.endswith("It takes about 5 minutes to read.")  # about 1,300 words
    assert "minutes" not in service.ask("how long is the article?").answer
    for history in (["who wrote it?"], ["who is rivian?", "who wrote it?"]):
        # the question about the front matter is an aside: "when?" is read before it leaves
        assert service.ask("when?", history).answer.endswith("doesn't give its publication date.")
    monkeypatch.setattr(bot.about_article, "FRONT_MATTER_28", False)
    assert "minutes" not in service.ask("how long would it take to read?").answer


@pytest.mark.parametrize(
    ("question", "field"),
    [("is this article recent?", "freshness"), ("is the article outdated?", "freshness"),
     ("is this piece new", "freshness"), ("is that still true?", "freshness"),
     ("are there other articles?", "articles"),
     ("do you have any other sources?", "articles"), ("are there more stories?", "articles")],
)  # fmt: skip
def test_freshness_and_other_articles_asked_so_are_read_and_not_without_the_rule(
    question: str, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_article(question) == field
    monkeypatch.setattr(bot.about_article, "FRONT_MATTER_29", False)
    assert asks_about_article(question) != field


def test_other_articles_about_a_topic_are_searched() -> None:
    assert asks_about_article("are there other articles about rivian?") is None

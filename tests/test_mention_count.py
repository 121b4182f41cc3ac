"""How many times the article names a thing is counted in its text (bot/mention_count.py)."""

from __future__ import annotations

import re

import pytest

import bot.mention_count
from bot.mention_count import counted_thing, mentions_in
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "thing"),
    [("how many times is tesla mentioned?", "tesla"),
     ("how often does the article mention amazon?", "amazon"),
     ('how many times does the article say "bezos"?', "bezos"),
     ("how many mentions of rivian are there?", "rivian"),
     ("how often is battery mentioned in the article", "battery"),
     ("count the mentions of blue origin", "blue origin")],
)  # fmt: skip
def test_the_thing_counted_is_read_and_not_without_the_rule(
    question: str, thing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert counted_thing(question) == thing
    monkeypatch.setattr(bot.mention_count, "MENTION_COUNT_27", False)
    assert counted_thing(question) is None


@pytest.mark.parametrize(
    "question",
    ["how many times has musk mentioned amazon on twitter?", "how many cars does tesla sell?",
     "how often is the amazon ev mentioned by analysts in the news"],
)  # fmt: skip
def test_a_count_of_something_else_is_no_mention_count(question: str) -> None:
    assert counted_thing(question) is None


def test_mentions_are_whole_words_with_plurals_and_possessives() -> None:
    sentences = ["Tesla’s lead and Tesla's brand.", "Teslas everywhere; no teslathon.", "TESLA"]
    assert mentions_in(sentences, "tesla") == 4


def test_the_count_is_the_article_text_s(service: AnswerService) -> None:
    index = service.retriever.index
    sentences = {
        (p.doc_id, span): text
        for p in index.passages
        for span, text in zip(p.sentences, p.sentence_texts(), strict=True)
    }
    expected = mentions_in(list(sentences.values()), "rivian")
    answer = service.ask("how many times is rivian mentioned?")
    assert answer.reply == "article" and answer.outcome == "answered"
    times = "once" if expected == 1 else f"{expected} times"
    assert f"mentions “rivian” {times}" in answer.answer
    never = service.ask("how many times is toyota mentioned?")
    assert never.outcome == "refused" and "doesn't mention “toyota”" in never.answer


@pytest.mark.parametrize(
    ("question", "thing"),
    [("which sections talk about amazon?", "amazon"),
     ("how many sections mention tesla?", "tesla"),
     ("in which sections is nvidia mentioned?", "nvidia"),
     ("what sections cover the environment?", "environment")],
)  # fmt: skip
def test_the_sections_naming_a_thing_asked_are_read_and_not_without_the_rule(
    question: str, thing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.mention_count.sections_naming_asked(question) == thing
    monkeypatch.setattr(bot.mention_count, "SECTIONS_NAMING_29", False)
    assert bot.mention_count.sections_naming_asked(question) is None


def test_one_section_asked_for_is_left_to_the_search() -> None:
    assert bot.mention_count.sections_naming_asked("which section mentions nvidia?") is None


def test_a_thing_is_named_in_any_of_its_forms() -> None:
    sentences = ["Their environmental records have faced scrutiny."]
    assert bot.mention_count.names_thing(sentences, "environment")
    assert not bot.mention_count.names_thing(sentences, "toyota")


def test_the_sections_naming_a_thing_are_listed_from_the_text(service: AnswerService) -> None:
    nvidia = service.ask("which sections talk about nvidia?")
    assert nvidia.reply == "article" and nvidia.outcome == "answered"
    assert nvidia.answer.endswith(
        "mentions “nvidia” in 1 of its 10 sections: Strategic Partnerships and Investments."
    )
    assert "in all 10 of its sections" in service.ask("how many sections mention tesla?").answer
    toyota = service.ask("which sections discuss toyota?")
    assert toyota.outcome == "refused" and toyota.answer.endswith("doesn't mention “toyota”.")


def _count(service: AnswerService, word: str, heading: str | None = None) -> int:
    """How many times the shipped article names `word` (in the section `heading`), counted here
    from its sentences as a reader would."""
    index = service.retriever.index
    (doc_id,) = index.manifest["articles"]
    by_section = bot.mention_count.sentences_by_section(index, doc_id)
    chosen = [by_section[heading]] if heading is not None else list(by_section.values())
    pattern = re.compile(rf"\b{word}(?:s|es|'s|’s)?\b", re.IGNORECASE)
    return sum(len(pattern.findall(s)) for group in chosen for s in group)


@pytest.mark.parametrize(
    "question",
    ["who is mentioned more, bezos or musk?", "how many times is bezos mentioned vs musk?",
     "is bezos mentioned more than musk?"],
)  # fmt: skip
def test_two_things_mentions_compared_are_both_counted_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    bezos, musk = _count(service, "bezos"), _count(service, "musk")
    answer = service.ask(question)
    assert answer.outcome == "answered" and answer.reply == "article"
    assert f"“bezos” {bezos} times and “musk” {musk} times" in answer.answer
    more = "bezos" if bezos > musk else "musk"
    assert answer.answer.endswith(f"“{more}” more often.")
    monkeypatch.setattr(bot.mention_count, "COMPARED_31", False)
    assert "more often" not in service.ask(question).answer


def test_the_section_mentioning_a_thing_most_is_told_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = service.retriever.index
    (doc_id,) = index.manifest["articles"]
    headings = [h for h in bot.mention_count.sentences_by_section(index, doc_id) if h]
    counts = {h: _count(service, "tesla", h) for h in headings}
    top = max(counts, key=lambda h: counts[h])
    answer = service.ask("which section mentions tesla the most?").answer
    assert f"the section “{top}”: {counts[top]} times" in answer
    rivian = service.ask("in which section does rivian come up most?").answer
    assert rivian.endswith("comes up only in the section “Why Electric Vehicles?”: once.")
    assert service.ask("which section mentions toyota the most?").outcome == "refused"
    monkeypatch.setattr(bot.mention_count, "COMPARED_31", False)
    assert "comes up" not in service.ask("which section mentions tesla the most?").answer


def test_a_part_asked_whether_it_mentions_a_thing_is_counted_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    no = service.ask("does the conclusion mention rivian?")
    assert no.outcome == "refused" and no.answer.endswith("doesn't mention “rivian”.")
    assert service.ask("is rivian in the conclusion?").answer == no.answer
    yes = service.ask("is rivian mentioned in section 2?")
    assert yes.answer == "The section “Why Electric Vehicles?” mentions “rivian” once."
    assert service.ask("does the opening mention musk?").answer.startswith("The opening mentions")
    for other in ("is tesla in trouble?", "does the article mention lithium?"):
        assert service.ask(other).reply is None  # no part named: searched
    monkeypatch.setattr(bot.mention_count, "COMPARED_31", False)
    assert service.ask("does the conclusion mention rivian?").answer != no.answer

"""The article's paragraphs, read by their place and counted (bot/paragraphs.py)."""

from __future__ import annotations

import re

import pytest

import bot.about_article
import bot.paragraphs
import bot.request_words
from bot.more import NOTHING_MORE
from bot.section_parts import OPENING, WHOLE_TEXT
from bot.sections import SectionRequest
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "asked"),
    [("what's paragraph 3?", (3, WHOLE_TEXT)),
     ("what does the second paragraph say?", (2, WHOLE_TEXT)),
     ("read me the first paragraph", (1, WHOLE_TEXT)),
     ("what's the last paragraph of the article?", (-1, WHOLE_TEXT)),
     ("the first paragraph of the conclusion", (1, SectionRequest(place=-1))),
     ("sum up the 3rd paragraph of the partnerships section",
      (3, SectionRequest(("partnerships",)))),
     ("what's the second paragraph of the intro?", (2, OPENING))],
)  # fmt: skip
def test_a_paragraph_asked_by_its_place_is_read_and_not_without_the_rule(
    question: str, asked: tuple[int, SectionRequest | str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.paragraphs.asks_nth_paragraph(question) == asked
    monkeypatch.setattr(bot.paragraphs, "PARAGRAPHS_30", False)
    assert bot.paragraphs.asks_nth_paragraph(question) is None


@pytest.mark.parametrize(
    "question",
    ["what's the main paragraph about tesla?", "which paragraph mentions rivian?",
     "the first paragraph of the rivalry between them", "paragraph"],
)  # fmt: skip
def test_a_paragraph_not_asked_by_its_place_is_not_read(question: str) -> None:
    assert bot.paragraphs.asks_nth_paragraph(question) is None


def test_paragraphs_end_at_line_breaks_and_headings(service: AnswerService) -> None:
    index = service.retriever.index
    (doc_id,) = index.article_rows
    paragraphs = bot.paragraphs.article_paragraphs(index, doc_id)
    text = (service.settings.corpus_dir / f"{doc_id}.md").read_text().split("---", 2)[2]
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    written = [b for b in blocks if not b.startswith("#")]  # the headings are not paragraphs
    assert len(paragraphs) == len(written)
    for paragraph, block in zip(paragraphs, written, strict=True):
        plain = re.sub(r"^[-–*] ", "", block.replace("**", ""))  # the markup the index drops
        assert " ".join(sentence for _, sentence in paragraph) == " ".join(plain.split())


def test_a_paragraph_is_quoted_whole_and_more_reads_the_next(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = service.retriever.index
    (doc_id,) = index.article_rows
    paragraphs = bot.paragraphs.article_paragraphs(index, doc_id)
    second = service.ask("what does the second paragraph say?")
    assert [q.text for q in second.quotes] == [s for _, s in paragraphs[1]]
    assert second.outcome == "answered" and second.citations
    history = ["what does the second paragraph say?"]
    third = service.ask("tell me more", history)
    assert [q.text for q in third.quotes] == [s for _, s in paragraphs[2]]
    last = service.ask("what's the last paragraph?")
    assert [q.text for q in last.quotes] == [s for _, s in paragraphs[-1]]
    assert service.ask("tell me more", ["what's the last paragraph?"]).answer == NOTHING_MORE
    assert service.ask("and the third?", history).quotes == third.quotes
    assert service.ask("what about paragraph 3?", history).quotes == third.quotes
    past = service.ask("what's paragraph 400?")
    assert past.answer == f"The article has {len(paragraphs)} paragraphs."
    monkeypatch.setattr(bot.paragraphs, "PARAGRAPHS_30", False)
    assert [q.text for q in service.ask("what does the second paragraph say?").quotes] != [
        s for _, s in paragraphs[1]
    ]


def test_paragraphs_and_sentences_are_counted_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = service.retriever.index
    (doc_id,) = index.article_rows
    paragraphs = bot.paragraphs.article_paragraphs(index, doc_id)
    counted = service.ask("how many paragraphs are there?")
    assert counted.answer.endswith(f" It has {len(paragraphs)} paragraphs.")
    sentences = sum(len(p) for p in paragraphs)
    assert service.ask("how many sentences are in the article?").answer.endswith(
        f" It has {sentences} sentences."
    )
    monkeypatch.setattr(bot.about_article, "PARTS_COUNTED_30", False)
    assert "paragraphs" not in service.ask("how many paragraphs are there?").answer


@pytest.mark.parametrize(
    ("question", "places"),
    [("give me the first two paragraphs", (1, 2)), ("paragraphs 2 and 3", (2, 3)),
     ("read me paragraphs 4-6", (4, 5, 6)), ("the last two paragraphs", (-2, -1)),
     ("what do the first three paragraphs say?", (1, 2, 3))],
)  # fmt: skip
def test_several_paragraphs_are_read_and_not_without_the_rule(
    question: str, places: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.paragraphs.asks_several_paragraphs(question) == places
    monkeypatch.setattr(bot.paragraphs, "PARAGRAPHS_30", False)
    assert bot.paragraphs.asks_several_paragraphs(question) is None


def test_several_paragraphs_are_quoted_in_order(service: AnswerService) -> None:
    index = service.retriever.index
    (doc_id,) = index.article_rows
    paragraphs = bot.paragraphs.article_paragraphs(index, doc_id)
    answer = service.ask("give me the first two paragraphs")
    assert [q.text for q in answer.quotes] == [s for p in paragraphs[:2] for _, s in p]
    last = service.ask("the last two paragraphs")
    assert [q.text for q in last.quotes] == [s for p in paragraphs[-2:] for _, s in p]
    past = service.ask("paragraphs 30 to 35").answer
    assert past == f"The article has {len(paragraphs)} paragraphs."


def test_the_paragraph_before_or_after_the_one_asked_is_read_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = service.retriever.index
    (doc_id,) = index.article_rows
    paragraphs = bot.paragraphs.article_paragraphs(index, doc_id)
    fifth = ["what's paragraph 5?"]
    before = service.ask("the paragraph before", fifth)
    assert [q.text for q in before.quotes] == [s for _, s in paragraphs[3]]
    after = service.ask("next paragraph", fifth)
    assert [q.text for q in after.quotes] == [s for _, s in paragraphs[5]]
    last = service.ask("previous paragraph", ["what's the last paragraph?"])
    assert [q.text for q in last.quotes] == [s for _, s in paragraphs[-2]]
    first = service.ask("the paragraph before", ["what's paragraph 1?"])
    assert first.answer == "That is the first paragraph."
    assert service.ask("next paragraph", ["the last paragraph"]).answer == (
        "That is the last paragraph."
    )
    assert bot.paragraphs.asks_nth_paragraph("previous paragraph", "who is rivian?") is None
    monkeypatch.setattr(bot.paragraphs, "PARAGRAPHS_30", False)
    assert service.ask("the paragraph before", fifth).quotes != before.quotes


def test_a_typo_in_a_part_word_is_read_as_typed_right_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = service.ask("how many paragraphs are there?").answer
    assert service.ask("how many paragrahs are there?").answer == counted
    heading = service.ask("what's the first section called?").answer
    assert service.ask("waht's the frist section called?").answer == heading
    second = service.ask("what does the second paragraph say?").quotes
    assert service.ask("what does the secnd paragraph say?").quotes == second
    monkeypatch.setattr(bot.request_words, "PARTS_TYPOS_30", False)
    assert service.ask("how many paragrahs are there?").answer != counted
    assert service.ask("waht's the frist section called?").answer != heading

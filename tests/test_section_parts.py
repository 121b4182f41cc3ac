"""Parts of the text asked for by their size or place (bot/section_parts.py)."""

from __future__ import annotations

import pytest

import bot.section_parts
from bot.more import NOTHING_MORE
from bot.sections import SectionRequest
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "asked"),
    [("how long is the conclusion?", SectionRequest(place=-1)),
     ("how long is the last section?", SectionRequest(place=-1)),
     ("how many words is the intro?", bot.section_parts.OPENING),
     ("how many words are in the introduction?", bot.section_parts.OPENING),
     ("how long is section 3?", SectionRequest(place=3)),
     ("how long is the partnerships section?", SectionRequest(("partnerships",))),
     ("what's the length of the environmental section?", SectionRequest(("environmental",)))],
)  # fmt: skip
def test_a_named_sections_length_is_read_and_not_without_the_rule(
    question: str, asked: SectionRequest | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.section_parts.asks_section_length(question) == asked
    monkeypatch.setattr(bot.section_parts, "SECTION_LENGTH_29", False)
    assert bot.section_parts.asks_section_length(question) is None


@pytest.mark.parametrize(
    "question",
    ["how long is the rivalry?", "how long is the article?", "how long will the battery last?",
     "how many words does musk use?", "how big is the team?"],
)  # fmt: skip
def test_a_length_asked_of_no_section_is_not_a_sections_length(question: str) -> None:
    assert bot.section_parts.asks_section_length(question) is None


def test_a_sections_length_is_counted_from_its_sentences(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = service.ask("summarize the section on partnerships")
    partnerships = service.ask("how long is the partnerships section?")
    assert partnerships.reply == "sections" and partnerships.outcome == "answered"
    assert "“Strategic Partnerships and Investments”" in partnerships.answer
    sentences = int(partnerships.answer.split(" in ")[-1].split()[0])
    assert sentences >= len(listed.quotes)  # the summary quotes its first sentences
    conclusion = service.ask("how long is the conclusion?").answer
    assert conclusion.startswith("The section “Conclusion: A Rivalry")
    assert service.ask("how long is the intro?").answer.startswith("The opening")
    assert service.ask("how long is section 12?").answer == "The article has 10 sections."
    monkeypatch.setattr(bot.section_parts, "SECTION_LENGTH_29", False)
    assert service.ask("how long is the partnerships section?").reply != "sections"


def test_a_length_pointing_at_the_section_before_is_that_sections(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["summarize the section on partnerships"]
    that = service.ask("how long is that section?", history)
    assert that.reply == "sections" and "“Strategic Partnerships and Investments”" in that.answer
    second = service.ask("how long is it?", ["what's section 2 about?"]).answer
    assert second.startswith("The section “Why Electric Vehicles?”")
    third = service.ask("how long is the third one?", ["what are the sections?"]).answer
    assert third.startswith("The section “Inside Bezos’ Electric Vehicle Vision”")
    assert service.ask("how long is it?").reply == "article"  # alone: the article's length
    monkeypatch.setattr(bot.section_parts, "SECTION_LENGTH_29", False)
    assert service.ask("how long is that section?", history).reply != "sections"


@pytest.mark.parametrize(
    ("question", "asked"),
    [("what's the third sentence of the article?", (3, bot.section_parts.WHOLE_TEXT)),
     ("show me the 5th sentence", (5, bot.section_parts.WHOLE_TEXT)),
     ("what's the first line of the conclusion?", (1, SectionRequest(place=-1))),
     ("the last sentence of the partnerships section", (-1, SectionRequest(("partnerships",)))),
     ("the second sentence of the intro", (2, bot.section_parts.OPENING))],
)  # fmt: skip
def test_a_sentence_asked_by_its_place_is_read_and_not_without_the_rule(
    question: str, asked: tuple[int, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.section_parts.asks_nth_sentence(question) == asked
    monkeypatch.setattr(bot.section_parts, "NTH_SENTENCE_29", False)
    assert bot.section_parts.asks_nth_sentence(question) is None


def test_a_sentence_asked_by_its_place_is_quoted_in_the_texts_order(
    service: AnswerService,
) -> None:
    opening = service.ask("what's the opening paragraph?")
    first = service.ask("what's the first sentence of the article?")
    assert len(first.quotes) == 1 and opening.answer.startswith(first.quotes[0].text)
    second = service.ask("what's the second sentence of the article?").quotes[0].text
    assert second in opening.answer and second != first.quotes[0].text
    conclusion = service.ask("what's the first line of the conclusion?")
    assert conclusion.citations[0].section.startswith("Conclusion")
    assert service.ask("the last sentence").answer.startswith("Buckle up")
    assert service.ask("what is the 200th sentence?").answer.startswith("That part has")
    missing = service.ask("the first line of the battery section")
    assert missing.answer == "No section heading of the article names “battery”."


@pytest.mark.parametrize(
    ("question", "asked"),
    [("what are the first three sections?", ((1, 2, 3), False)),
     ("list the last two sections", ((-2, -1), False)),
     ("summarize sections 1 and 2", ((1, 2), True)),
     ("what are sections 2 to 4 about?", ((2, 3, 4), True)),
     ("sections 3-5?", ((3, 4, 5), False)),
     ("what's the difference between section 2 and section 3?", ((2, 3), True))],
)  # fmt: skip
def test_several_sections_asked_by_place_are_read_and_not_without_the_rule(
    question: str, asked: tuple[tuple[int, ...], bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.section_parts.asks_several_sections(question) == asked
    monkeypatch.setattr(bot.section_parts, "SEVERAL_SECTIONS_29", False)
    assert bot.section_parts.asks_several_sections(question) is None


def test_several_sections_asking_anything_else_are_not_read() -> None:
    assert (
        bot.section_parts.asks_several_sections("how are the first two sections about tesla")
        is None
    )


def test_several_sections_are_listed_or_quoted_in_order(service: AnswerService) -> None:
    first = service.ask("what are the first three sections?")
    assert first.answer.startswith("Sections 1. The Origins of the Rivalry; 2. Why Electric")
    quoted = service.ask("summarize sections 1 and 2")
    assert [c.section for c in quoted.citations] == [
        "The Origins of the Rivalry", "Why Electric Vehicles?"
    ]  # fmt: skip
    assert service.ask("summarize sections 9 and 12").answer == "The article has 10 sections."


def test_more_after_a_sections_length_or_several_sections_reads_them_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    length = ["how long is the conclusion?"]
    conclusion = service.ask("tell me more", length)
    assert conclusion.citations[0].section.startswith("Conclusion")
    several = ["what are the first two sections?"]
    first = service.ask("tell me more", several)
    second = service.ask("tell me more", [*several, "tell me more"])
    assert [first.citations[0].section, second.citations[0].section] == [
        "The Origins of the Rivalry", "Why Electric Vehicles?"
    ]  # fmt: skip
    monkeypatch.setattr(bot.section_parts, "MORE_OF_PARTS_29", False)
    assert service.ask("tell me more", length).quotes != conclusion.quotes


def test_more_or_another_place_after_a_sentence_by_its_place_reads_on(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["what's the third sentence of the article?"]
    fourth = service.ask("and the fourth?", history)
    assert fourth.quotes == service.ask("what's the fourth sentence of the article?").quotes
    more = service.ask("tell me more", history)
    assert more.quotes[0] == fourth.quotes[0] and len(more.quotes) == 3
    assert service.ask("tell me more", ["the last sentence"]).answer == NOTHING_MORE
    monkeypatch.setattr(bot.section_parts, "MORE_OF_PARTS_29", False)
    assert service.ask("tell me more", history).quotes != more.quotes


@pytest.mark.parametrize(
    ("question", "asked"),
    [("what's the first section called?", SectionRequest(place=1)),
     ("what is section 3 called?", SectionRequest(place=3)),
     ("what's the name of the last section?", SectionRequest(place=-1)),
     ("what is the title of section 2?", SectionRequest(place=2)),
     ("the heading of the partnerships section?", SectionRequest(("partnerships",))),
     ("what's the intro called?", bot.section_parts.OPENING)],
)  # fmt: skip
def test_a_sections_heading_asked_is_read_and_not_without_the_rule(
    question: str, asked: SectionRequest | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.section_parts.asks_heading(question) == asked
    monkeypatch.setattr(bot.section_parts, "HEADING_NAMED_30", False)
    assert bot.section_parts.asks_heading(question) is None


@pytest.mark.parametrize(
    "question",
    ["what's the article called?", "what is amazon's ev brand called?", "what is the project "
     "called?", "what's the name of the ceo?", "what's the rivalry called?"],
)  # fmt: skip
def test_a_name_asked_of_no_section_is_not_a_heading(question: str) -> None:
    assert bot.section_parts.asks_heading(question) is None


def test_a_sections_heading_is_told_from_the_headings(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = service.ask("what are the sections?").answer
    headings = listed.split(": ", 1)[1].rstrip(".").split("; ")
    third = service.ask("what is section 3 called?")
    assert third.reply == "sections" and third.outcome == "answered"
    assert third.answer == f"Section 3 is “{headings[2]}”."
    last = service.ask("what's the name of the last section?").answer
    assert last == f"Section {len(headings)} is “{headings[-1]}”."
    pointed = service.ask("what's the third one called?", ["what are the sections?"]).answer
    assert pointed == third.answer
    assert service.ask("what's section 12 called?").answer == "The article has 10 sections."
    assert service.ask("what's the intro called?").answer.startswith("The opening has no heading")
    monkeypatch.setattr(bot.section_parts, "HEADING_NAMED_30", False)
    assert service.ask("what is section 3 called?").answer != third.answer


def test_another_place_after_a_heading_or_a_section_is_that_one_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = service.ask("and the second?", ["what's the first section called?"]).answer
    assert second == "Section 2 is “Why Electric Vehicles?”."
    last = service.ask("what about the last one?", ["what's the first section called?"]).answer
    assert last.startswith("Section 10 is “Conclusion")
    third = service.ask("what's section 3 about?")
    for asked in ("and the third?", "what about section 3?", "and the 3rd one?"):
        assert service.ask(asked, ["what's section 2 about?"]).quotes == third.quotes
    assert bot.section_parts.another_section("and the third?", "what are the sections?") is None
    assert bot.section_parts.another_section("and the third?", "who is rivian?") is None
    monkeypatch.setattr(bot.section_parts, "ANOTHER_SECTION_30", False)
    assert service.ask("and the third?", ["what's section 2 about?"]).quotes != third.quotes
    monkeypatch.setattr(bot.section_parts, "HEADING_NAMED_30", False)
    assert service.ask("and the second?", ["what's the first section called?"]).answer != second


@pytest.mark.parametrize(
    ("question", "asked"),
    [("how does section 3 end?", (-1, SectionRequest(place=3))),
     ("how does the partnerships section wrap up?", (-1, SectionRequest(("partnerships",)))),
     ("what's the opening line of the conclusion?", (1, SectionRequest(place=-1))),
     ("the closing line of the intro", (-1, bot.section_parts.OPENING))],
)  # fmt: skip
def test_how_a_part_opens_or_ends_is_its_first_or_last_sentence_and_not_without_the_rule(
    question: str, asked: tuple[int, SectionRequest | str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.section_parts.asks_nth_sentence(question) == asked
    monkeypatch.setattr(bot.section_parts, "PART_ENDS_30", False)
    assert bot.section_parts.asks_nth_sentence(question) != asked


@pytest.mark.parametrize(
    "question", ["how does the article end?", "how does tesla end up?", "how does the rivalry end?"]
)
def test_how_the_text_or_a_topic_ends_is_no_parts_sentence(question: str) -> None:
    assert bot.section_parts.asks_nth_sentence(question) is None


def test_how_a_part_opens_quotes_its_first_sentences_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.section_parts.asks_how_part_opens("how does the conclusion open") == (
        SectionRequest(place=-1)
    )
    assert bot.section_parts.asks_how_part_opens("how does the intro start?") == (
        bot.section_parts.OPENING
    )
    assert bot.section_parts.asks_how_part_opens("how does the article start?") is None
    inside = service.ask("what's section 10 about?").quotes
    assert service.ask("how does the conclusion open").quotes == inside
    partnerships = service.ask("how does the partnerships section begin?")
    assert partnerships.citations[0].section == "Strategic Partnerships and Investments"
    last = service.ask("what's the last sentence of section 3?").quotes
    assert service.ask("how does section 3 end?").quotes == last
    monkeypatch.setattr(bot.section_parts, "PART_ENDS_30", False)
    assert service.ask("how does the conclusion open").quotes != inside
    assert service.ask("how does section 3 end?").quotes != last


def test_a_part_summed_after_its_length_or_heading_is_its_first_sentence_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    conclusion = service.ask("what's the conclusion?").quotes[0].text
    first = service.ask("summarize it", ["how long is the conclusion?"])
    assert first.outcome == "answered" and first.reply is None
    assert len(first.quotes) == 1 and conclusion.startswith(first.quotes[0].text)
    section_1 = service.ask("what's section 1 about?").quotes[0].text
    for said in ("summarize it", "in short?"):
        summed = service.ask(said, ["what's the first section called?"]).quotes
        assert len(summed) == 1 and section_1.startswith(summed[0].text)
    intro = service.ask("summarize it", ["how long is the intro?"]).quotes[0].text
    assert intro.startswith("In the ever-evolving landscape")
    monkeypatch.setattr(bot.section_parts, "SUMMED_31", False)
    repeated = service.ask("summarize it", ["how long is the conclusion?"])
    assert repeated.reply == "sections" and not repeated.quotes


def test_the_very_first_or_last_sentence_is_that_sentence_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = service.ask("what's the last sentence?").quotes
    assert service.ask("what's the very last sentence?").quotes == last
    first = service.ask("the first sentence of the conclusion").quotes
    assert service.ask("the very first sentence of the conclusion").quotes == first
    monkeypatch.setattr(bot.section_parts, "VERY_31", False)
    assert bot.section_parts.asks_nth_sentence("what's the very last sentence?") is None

"""Requests about the article's sections are answered from its headings (bot/sections.py)."""

from __future__ import annotations

import pytest

import bot.request_words
import bot.sections
from bot.more import NOTHING_MORE
from bot.sections import SectionRequest, asks_about_sections, section_answer, section_topic
from bot.service import AnswerService

HEADINGS = (
    "The Origins of the Rivalry", "Why Electric Vehicles?",
    "Strategic Partnerships and Investments", "Elon Musk’s Response",
    "Conclusion: A Rivalry That Could Transform the World",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "words"),
    [("summarize the section on partnerships", ("partnerships",)),
     ("give me the gist of the environmental part", ("environmental",)),
     ("what's in the market implications section", ("market", "implications")),
     ("tell me about the musk part", ("musk",)),
     ("what are the section headings", ()), ("how many sections does the article have", ()),
     ("table of contents pls", ())],
)  # fmt: skip
def test_section_requests_are_read_by_their_form(text: str, words: tuple[str, ...]) -> None:
    assert asks_about_sections(text) == SectionRequest(words)


@pytest.mark.parametrize(
    "text",
    ["what part does nvidia play", "what's bezos's part in this", "which part of the market is "
     "growing", "who is rivian", "what are tesla's weaknesses"],
)  # fmt: skip
def test_a_part_played_is_no_section(text: str) -> None:
    assert asks_about_sections(text) is None


def test_a_section_is_quoted_from_its_start(service: AnswerService) -> None:
    answer = service.ask("summarize the section on partnerships")
    assert answer.outcome == "answered"
    assert answer.answer.startswith("Bezos isn’t going it alone.")
    assert {c.section for c in answer.citations} == {"Strategic Partnerships and Investments"}
    assert all(q.text in answer.citations[q.citation - 1].text for q in answer.quotes)


def test_without_the_rule_the_request_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.sections, "SECTIONS", False)
    answer = service.ask("summarize the section on partnerships")
    assert not answer.answer.startswith("Bezos isn’t going it alone.")


def test_the_headings_are_listed(service: AnswerService) -> None:
    answer = service.ask("what are the sections?")
    assert answer.reply == "sections" and answer.outcome == "answered"
    assert answer.answer.startswith("The article has 10 sections: ")
    assert all(heading in answer.answer for heading in HEADINGS)


def test_more_goes_on_through_the_section_then_stops(service: AnswerService) -> None:
    asked = ["tell me about the competitive landscape section"]
    said = [service.ask(asked[0]).answer]
    for _ in range(3):
        answer = service.ask("tell me more", asked)
        asked.append("tell me more")
        said.append(answer.answer)
        assert {c.section for c in answer.citations} <= {"The Competitive Landscape"}
    assert said[1].startswith("However, Tesla is not without its vulnerabilities.")
    assert len(set(said)) == len(said)  # each request quotes what the ones before did not
    assert said[-1] == NOTHING_MORE


def test_a_heading_nobody_wrote_is_searched(service: AnswerService) -> None:
    index = service.retriever.index
    doc_ids = list(index.manifest["articles"])
    request = asks_about_sections("summarize the section on pizza")
    assert request == SectionRequest(("pizza",))
    assert section_answer("q", request, index, doc_ids, None) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [("what's the first section about", 1), ("what's section 3 about", 3),
     ("summarize the second section", 2), ("the 4th section?", 4),
     ("the first part of the article", 1)],
)  # fmt: skip
def test_a_section_named_by_its_place_is_read(text: str, place: int) -> None:
    assert asks_about_sections(text) == SectionRequest(place=place)


def test_a_section_by_its_place_is_quoted_as_by_its_heading(service: AnswerService) -> None:
    by_place = service.ask("what's section 5 about")
    by_heading = service.ask("summarize the section on partnerships")
    assert by_place.outcome == "answered"
    assert {c.section for c in by_place.citations} == {"Strategic Partnerships and Investments"}
    assert by_place.answer == by_heading.answer


def test_the_nth_one_after_the_headings_is_that_section(service: AnswerService) -> None:
    answer = service.ask("the 4th one?", ["what are the sections?"])
    assert {c.section for c in answer.citations} == {"The Competitive Landscape"}
    last = service.ask("the last one", ["what are the sections?"])
    assert {c.section for c in last.citations} == {HEADINGS[-1]}


def test_before_session_27_a_place_past_the_last_section_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.sections, "PAST_THE_LAST_27", False)
    index = service.retriever.index
    doc_ids = list(index.manifest["articles"])
    assert section_answer("section 12?", SectionRequest(place=12), index, doc_ids, None) is None


def test_without_the_rule_a_place_is_no_section(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.sections, "BY_PLACE", False)
    assert asks_about_sections("what's section 3 about") is None
    answer = service.ask("the 4th one?", ["what are the sections?"])
    assert {c.section for c in answer.citations} != {"The Competitive Landscape"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [("which section mentions rivian", "rivian"),
     ("which part of the article talks about batteries", "batteries"),
     ("where in the article is prime integration discussed", "prime integration"),
     ("in which section does the article discuss the environment", "the environment"),
     ("which part does nvidia play", None), ("where is the hq", None),
     ("where does amazon get its batteries", None)],
)  # fmt: skip
def test_which_section_speaks_of_a_topic_is_read(text: str, topic: str | None) -> None:
    assert section_topic(text) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [("which paragraph mentions rivian?", "rivian"), ("what sentence talks about prime?", "prime"),
     ("which line mentions lucid", "lucid"), ("which paragraph is the longest?", None)],
)  # fmt: skip
def test_which_paragraph_speaks_of_a_topic_is_read_and_not_without_the_rule(
    text: str, topic: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert section_topic(text) == topic
    monkeypatch.setattr(bot.sections, "WHICH_PARAGRAPH_30", False)
    assert section_topic(text) is None


def test_which_section_is_answered_as_its_topic(service: AnswerService) -> None:
    answer = service.ask("which section mentions rivian")
    alone = service.ask("rivian")
    assert answer.outcome == "answered" and answer.question == "which section mentions rivian"
    assert answer.answer == alone.answer
    assert answer.citations[0].section == alone.citations[0].section


def test_which_section_says_that_is_where_the_answer_before_came_from(
    service: AnswerService,
) -> None:
    history = ["what is rivian"]
    before = service.ask(history[0])
    answer = service.ask("which section mentions that?", history)
    assert answer.outcome == "answered" and answer.answer == before.answer


def test_without_the_rule_which_section_is_searched_whole(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.sections, "WHICH_SECTION", False)
    assert section_topic("which section mentions rivian") is None
    assert service.ask("which section mentions rivian").outcome == "refused"


@pytest.mark.parametrize(
    "text", ["the one on the environment", "tell me about the one about the environment"]
)
def test_the_one_on_a_heading_after_the_headings_is_that_section(
    service: AnswerService, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask(text, ["what are the sections?"])
    assert {c.section for c in answer.citations} == {"Environmental and Ethical Considerations"}
    assert answer.answer.startswith("Both Tesla and Amazon have made strong public commitments")
    monkeypatch.setattr(bot.sections, "ONE_ON_26", False)
    assert not service.ask(text, ["what are the sections?"]).answer.startswith("Both Tesla")


@pytest.mark.parametrize(
    "text",
    ["which one is about the environment?", "which one talks about the environment",
     "the one that covers ethics", "and which part deals with the environment?"],
)  # fmt: skip
def test_which_one_is_about_a_heading_after_the_headings_is_that_section(
    service: AnswerService, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask(text, ["what are the sections?"])
    assert {c.section for c in answer.citations} == {"Environmental and Ethical Considerations"}
    monkeypatch.setattr(bot.sections, "ONE_ON_27", False)
    assert not bot.sections.after_listing(text, "what are the sections?").startswith("the section")


def test_which_one_judging_the_sections_is_no_section_request() -> None:
    listed = "what are the sections?"
    assert bot.sections.after_listing("which one is the biggest?", listed) == (
        "which one is the biggest"
    )


def test_the_one_on_without_the_headings_before_is_no_section() -> None:
    assert bot.sections.after_listing("the one on the environment", "who is rivian?") == (
        "the one on the environment"
    )


@pytest.mark.parametrize(
    ("history", "section"),
    [(["what's the first section about"], "Why Electric Vehicles?"),
     (["what's section 2 about", "next"], "The Competitive Landscape"),
     (["summarize the section on partnerships"], "Market Implications and Global Reach")],
)  # fmt: skip
def test_next_after_a_section_is_the_section_after_it(
    service: AnswerService, history: list[str], section: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert {c.section for c in service.ask("next", history).citations} == {section}
    assert {c.section for c in service.ask("and the next one?", history).citations} == {section}
    monkeypatch.setattr(bot.sections, "NEXT_SECTION_26", False)
    assert {c.section for c in service.ask("next", history).citations} != {section}


def test_next_after_the_last_section_says_so(service: AnswerService) -> None:
    answer = service.ask("next section", ["what's the conclusion?"])
    assert answer.reply == "sections" and answer.answer.startswith("That was the last of")


@pytest.mark.parametrize("history", [["who is rivian?"], ["what are the sections?"], []])
def test_next_after_no_section_is_no_section_request(history: list[str]) -> None:
    assert bot.sections.next_section("next", history, lambda _: False) is None


def test_next_after_the_nth_one_or_the_one_on_after_the_headings(service: AnswerService) -> None:
    after_4th = service.ask("next", ["what are the sections?", "the 4th one?"])
    assert {c.section for c in after_4th.citations} == {"Strategic Partnerships and Investments"}
    after_one_on = service.ask("next", ["what are the sections?", "the one on partnerships"])
    assert {c.section for c in after_one_on.citations} == {"Market Implications and Global Reach"}


@pytest.mark.parametrize(
    "text", ["go through them one by one", "summarize each", "start with the first one"]
)
def test_going_through_the_headings_listed_starts_at_the_first_section(
    service: AnswerService, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = ["what are the sections?"]
    assert {c.section for c in service.ask(text, listed).citations} == {HEADINGS[0]}
    assert {c.section for c in service.ask("next", [*listed, text]).citations} == {HEADINGS[1]}
    monkeypatch.setattr(bot.sections, "ONE_ON_26", False)
    assert {c.section for c in service.ask(text, listed).citations} != {HEADINGS[0]}


def test_more_after_the_headings_goes_through_the_sections(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = ["what are the sections?"]
    first = service.ask("tell me more", listed)
    assert {c.section for c in first.citations} == {HEADINGS[0]}
    second = service.ask("more", [*listed, "tell me more"])
    assert {c.section for c in second.citations} == {HEADINGS[1]}
    monkeypatch.setattr(bot.sections, "ONE_ON_26", False)
    assert service.ask("tell me more", listed).reply == "sections"  # the headings again


@pytest.mark.parametrize(
    ("text", "section"),
    [("take me to the environmental part", "Environmental and Ethical Considerations"),
     ("jump to the section on partnerships", "Strategic Partnerships and Investments"),
     ("skip to section 2", "Why Electric Vehicles?")],
)  # fmt: skip
def test_moving_through_the_text_names_a_section_and_not_without_the_rule(
    service: AnswerService, text: str, section: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask(text)
    assert {c.section for c in answer.citations} == {section}
    monkeypatch.setattr(bot.request_words, "NAVIGATE_27", False)
    assert service.ask(text).quotes != answer.quotes


def test_a_section_past_the_last_is_told_how_many_there_are(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = service.retriever.index
    count = len(bot.sections.section_openings(index, list(index.manifest["articles"])))
    answer = service.ask(f"what's in section {count + 1}?")
    assert answer.reply == "sections" and answer.answer == f"The article has {count} sections."
    monkeypatch.setattr(bot.sections, "PAST_THE_LAST_27", False)
    assert service.ask(f"what's in section {count + 1}?").reply != "sections"


@pytest.mark.parametrize(
    ("text", "longest"),
    [("which section is the longest?", True), ("what's the shortest section?", False),
     ("what is the longest part of the article?", True), ("what's the smallest chapter?", False)],
)  # fmt: skip
def test_the_longest_or_shortest_section_is_read_and_not_without_the_rule(
    text: str, longest: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.sections.asks_section_size(text) is longest
    monkeypatch.setattr(bot.sections, "SIZES_27", False)
    assert bot.sections.asks_section_size(text) is None


def test_the_longest_section_is_counted_from_its_sentences(service: AnswerService) -> None:
    index = service.retriever.index
    doc_ids = list(index.manifest["articles"])
    sizes = {}
    for opening in bot.sections.section_openings(index, doc_ids):
        sentences = {t for _, t in bot.sections.to_section_end(index, opening.doc_id, opening.id)}
        sizes[opening.section] = sum(len(t.split()) for t in sentences)
    longest = max(sizes, key=lambda s: sizes[s])
    answer = service.ask("which section is the longest?")
    assert answer.reply == "sections" and answer.outcome == "answered"
    assert answer.answer.startswith(f"The longest section is “{longest}”")
    assert "words" in service.ask("what's the shortest section?").answer


@pytest.mark.parametrize(
    "question",
    ["what are the main themes?", "what topics does the article cover?", "what's covered?",
     "what themes does it explore?", "what does the article cover?"],
)  # fmt: skip
def test_the_topics_asked_for_are_the_headings_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_sections(question) == SectionRequest()
    monkeypatch.setattr(bot.sections, "TOPICS_28", False)
    assert asks_about_sections(question) != SectionRequest()


@pytest.mark.parametrize(
    "question",
    ["what are the key issues for tesla?", "what topics are related to tesla?",
     "what's the main topic?", "what issues does amazon face?"],
)  # fmt: skip
def test_a_topic_named_or_one_topic_asked_is_no_listing(question: str) -> None:
    assert asks_about_sections(question) != SectionRequest()


def test_the_themes_asked_for_list_the_headings(service: AnswerService) -> None:
    answer = service.ask("what are the main themes?")
    assert answer.reply == "sections" and "The Origins of the Rivalry" in answer.answer


@pytest.mark.parametrize(
    ("question", "asked"),
    [("what comes after the partnerships section?", SectionRequest(("partnerships",), after=1)),
     ("what section comes before the conclusion?", SectionRequest(("conclusion",), after=-1)),
     ("which section follows the competitive landscape?",
      SectionRequest(("competitive", "landscape"), after=1)),
     ("what comes after section 3?", SectionRequest(place=3, after=1))],
)  # fmt: skip
def test_the_section_after_or_before_one_named_is_read_and_not_without_the_rule(
    question: str, asked: SectionRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_sections(question) == asked
    monkeypatch.setattr(bot.sections, "RELATIVE_28", False)
    assert asks_about_sections(question) != asked


@pytest.mark.parametrize(
    ("question", "heading"),
    [("what comes after the partnerships section?", "Market Implications and Global Reach"),
     ("what section comes before the conclusion?", "The Future of the EV Industry"),
     ("what's the section after the origins section?", "Why Electric Vehicles?")],
)  # fmt: skip
def test_the_section_after_or_before_is_quoted(
    service: AnswerService, question: str, heading: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered" and answer.citations[0].section == heading


def test_before_the_first_or_after_the_last_section_says_so(service: AnswerService) -> None:
    assert service.ask("what comes before the first section?").answer == (
        "That is the article's first section."
    )
    assert (
        "last of the article's 10 sections"
        in service.ask("what comes after the conclusion?").answer
    )


@pytest.mark.parametrize(
    ("history", "step", "heading"),
    [(["what's section 3 about?"], "previous section", "Why Electric Vehicles?"),
     (["what's section 3 about?"], "the one before?", "Why Electric Vehicles?"),
     (["what's section 3 about?"], "go back a section", "Why Electric Vehicles?"),
     (["summarize the partnerships section"], "and the one after?",
      "Market Implications and Global Reach"),
     (["what's section 3 about?", "next"], "previous section",
      "Inside Bezos’ Electric Vehicle Vision")],
)  # fmt: skip
def test_a_step_back_or_on_after_a_section_is_that_section_and_not_without_the_rule(
    service: AnswerService,
    history: list[str],
    step: str,
    heading: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert service.ask(step, history).citations[0].section == heading
    monkeypatch.setattr(bot.sections, "STEPS_28", False)
    stepped = service.ask(step, history)
    assert not stepped.citations or stepped.citations[0].section != heading


def test_a_step_back_from_the_first_section_says_so(service: AnswerService) -> None:
    answer = service.ask("previous section", ["what's section 1 about?"])
    assert answer.answer == "That is the article's first section."


def test_next_after_the_section_after_one_named_goes_one_further(service: AnswerService) -> None:
    history = ["what comes after the partnerships section?"]
    answer = service.ask("next", history)
    assert answer.citations[0].section == "Environmental and Ethical Considerations"


@pytest.mark.parametrize(
    "question",
    ["summarize each section", "give me a summary of every section", "one line per section",
     "summarize section by section", "what does each section say?", "what do the sections cover?"],
)  # fmt: skip
def test_every_section_asked_at_once_is_read_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.sections.asks_for_each_section(question)
    monkeypatch.setattr(bot.sections, "EACH_SECTION_28", False)
    assert not bot.sections.asks_for_each_section(question)


@pytest.mark.parametrize(
    "question",
    ["what does the section say?", "summarize the section on partnerships",
     "go through the sections one by one", "what does each section say about tesla?"],
)  # fmt: skip
def test_one_section_or_a_walk_through_is_not_every_section_at_once(question: str) -> None:
    assert not bot.sections.asks_for_each_section(question)


def test_each_section_is_quoted_by_its_first_sentence_in_order(service: AnswerService) -> None:
    answer = service.ask("summarize each section")
    assert [c.section for c in answer.citations][:2] == [
        "The Origins of the Rivalry", "Why Electric Vehicles?"
    ]  # fmt: skip
    assert len(answer.quotes) == 10  # one per section


@pytest.mark.parametrize(
    "question", ["what else does the article cover?", "what other topics are there?"]
)
def test_what_else_the_article_covers_is_its_headings_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_about_sections(question) == SectionRequest()
    monkeypatch.setattr(bot.sections, "TOPICS_29", False)
    assert asks_about_sections(question) is None


@pytest.mark.parametrize(
    "question", ["what's the structure of the article?", "how is the article organized?"]
)
def test_the_articles_structure_asked_is_its_headings(question: str) -> None:
    assert asks_about_sections(question) == SectionRequest()


@pytest.mark.parametrize(
    ("before", "question", "longest"),
    [("what are the sections?", "which is the longest?", True),
     ("how many sections are there?", "and the shortest?", False),
     ("which section is the longest?", "and the shortest?", False)],
)  # fmt: skip
def test_which_is_the_longest_after_the_headings_is_a_sections_size_and_not_without_the_rule(
    before: str, question: str, longest: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.sections.asks_section_size(question, before) is longest
    assert bot.sections.asks_section_size(question, "who is rivian?") is None
    monkeypatch.setattr(bot.sections, "SIZES_29", False)
    assert bot.sections.asks_section_size(question, before) is None


@pytest.mark.parametrize("question", ["how is it organized?", "what's the structure of the deal?"])
def test_a_structure_asked_of_anything_but_the_text_is_searched(question: str) -> None:
    assert asks_about_sections(question) is None


def test_previous_right_after_a_section_is_the_one_before_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = service.ask("what's section 1 about?").quotes
    for said in ("previous", "go back", "the one before?"):
        assert service.ask(said, ["what's the second section?"]).quotes == first
    rivian = service.ask("who is rivian?").quotes
    history = ["who is rivian?", "what's in section 2?"]
    assert service.ask("previous", history).quotes == first  # the section before
    assert service.ask("previous answer", history).quotes == rivian  # the answer before
    assert service.ask("go back", history).quotes == rivian
    monkeypatch.setattr(bot.sections, "PREVIOUS_SECTION_31", False)
    assert service.ask("previous", ["what's the second section?"]).outcome == "refused"
    assert service.ask("previous", history).quotes == rivian

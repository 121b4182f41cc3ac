"""A reply pointing into the answer before ("source 2?", "the second one?") is answered from it
(bot/pointed.py)."""

from __future__ import annotations

import pytest

import bot.pointed
import bot.pointed_requests
from bot.pointed import Pointer, counted_listed, points_at, several_items
from bot.service import AnswerService

FEATURES = "what are the key features of the amazon ev?"


@pytest.mark.parametrize(
    ("text", "pointer"),
    [("what does source 2 say?", Pointer("citation", 2)), ("[3]?", Pointer("citation", 3)),
     ("show me the first citation", Pointer("citation", 1)),
     ("the second one?", Pointer("item", 2)),
     ("tell me more about the 3rd one", Pointer("item", 3)),
     ("the last one", Pointer("item", -1)), ("what about #4", Pointer("item", 4))],
)  # fmt: skip
def test_pointers_are_read_by_their_form(text: str, pointer: Pointer) -> None:
    assert points_at(text) == pointer


@pytest.mark.parametrize(
    "text", ["who came first?", "what was the second factory state", "is tesla number 1"]
)
def test_a_reply_naming_something_else_points_at_nothing(text: str) -> None:
    assert points_at(text) is None


def test_a_list_item_is_answered_from_the_list_before(service: AnswerService) -> None:
    answer = service.ask("the second one?", [FEATURES])
    assert answer.answer.startswith("Autonomous Driving:")
    assert [c.n for c in answer.citations] == [1] and answer.quotes[0].citation == 1
    assert answer.answer in answer.citations[0].text
    last = service.ask("the last one", [FEATURES])
    assert last.answer.startswith("Affordable Luxury:")


def test_a_citation_is_answered_by_its_passage(service: AnswerService) -> None:
    before = service.ask("where will the factories be built?")
    answer = service.ask("what does source 2 say?", ["where will the factories be built?"])
    assert answer.answer == before.citations[1].text
    assert answer.citations[0].passage_id == before.citations[1].passage_id


def test_a_pointer_past_the_answer_before_says_so(service: AnswerService) -> None:
    past = service.ask("what does source 9 say?", ["who is rivian?"])
    cited = len(service.ask("who is rivian?").citations)
    assert past.refused and past.answer == f"The answer before cites {cited} sources."
    # no list in the answer before: "the second one" is searched as asked
    searched = service.ask("the second one?", ["who is rivian?"])
    assert not searched.answer.startswith("Autonomous Driving:")


def test_without_the_rule_a_pointer_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.pointed, "POINTED", False)
    assert not service.ask("the second one?", [FEATURES]).answer.startswith("Autonomous Driving:")


def test_the_answer_pointed_into_is_read_as_it_was_answered(service: AnswerService) -> None:
    # the message before is read again as ask read it: greeting off, capitals lowered
    answer = service.ask("the second one?", ["hey, WHAT ARE THE KEY FEATURES OF THE AMAZON EV?"])
    assert answer.answer.startswith("Autonomous Driving:")


ORIGIN_REPLIES = [
    "who said that?", "says who?", "where did you get that?", "how do you know?",
    "why do u say that", "what section is that from?", "which part of the article is that from",
    "is that really in the article?", "wait, where is that from", "according to who?",
    "can you quote the exact sentence?", "which section mentions that?",
]  # fmt: skip


@pytest.mark.parametrize("text", ORIGIN_REPLIES)
def test_asking_where_the_answer_came_from_points_at_its_origin(text: str) -> None:
    assert points_at(text) == Pointer("origin", 0)


@pytest.mark.parametrize(
    "text",
    ["who said bezos is calculated", "where did you get the battery info", "how do you know musk",
     "why do you say tesla will lose"],
)  # fmt: skip
def test_asking_where_something_named_came_from_is_searched(text: str) -> None:
    assert points_at(text) is None


def test_the_origin_is_the_answer_before_cited_by_its_quoted_passages(
    service: AnswerService,
) -> None:
    question = "who makes the batteries"
    before = service.ask(question)
    answer = service.ask("who said that?", [question])
    assert answer.outcome == "answered" and answer.answer == before.answer
    assert [c.passage_id for c in answer.citations] == [
        c.passage_id for c in before.quoted_passages
    ]
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert all(answer.quoted_from(q.citation) for q in answer.quotes)
    assert answer.citations[0].section  # what "which section?" is answered by


def test_without_the_rule_the_origin_question_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.pointed, "ORIGIN", False)
    assert points_at("who said that?") is None
    assert service.ask("who said that?", ["what is rivian"]).outcome == "refused"


@pytest.mark.parametrize(
    ("text", "at"),
    [("can you cite that", "origin"), ("cite your sources", "origin"), ("citation?", "origin"),
     ("where in the article?", "origin"), ("where is that in the article", "origin"),
     ("show me the full passage", "passage"), ("give me the whole paragraph", "passage"),
     ("full context?", "passage")],
)  # fmt: skip
def test_session_26_pointers_are_read_and_not_without_their_rule(
    text: str, at: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pointer = points_at(text)
    assert pointer is not None and pointer.at == at
    monkeypatch.setattr(bot.pointed, "ORIGIN_26", False)
    assert points_at(text) is None


@pytest.mark.parametrize(
    "text", ["cite tesla", "where in the article is rivian mentioned", "show me the full list"]
)
def test_a_session_26_pointer_naming_something_is_searched(text: str) -> None:
    assert points_at(text) is None


def test_the_full_passage_is_the_first_quoted_passage_whole(service: AnswerService) -> None:
    question = "who is rivian?"
    before = service.ask(question)
    whole = service.ask("show me the full passage", [question])
    first = before.quoted_passages[0]
    assert whole.answer == first.text and len(whole.answer) > len(before.answer)
    assert [c.passage_id for c in whole.citations] == [first.passage_id]
    cited = service.ask("can you cite that?", [question])
    assert cited.answer == before.answer
    assert [c.passage_id for c in cited.citations] == [c.passage_id for c in before.quoted_passages]


@pytest.mark.parametrize(
    ("text", "n"),
    [("summarize the third one", 3), ("the 8th one", 8), ("5", 5), ("10?", 10),
     ("what does the 2nd one cover?", 2), ("sum up the tenth one", 10)],
)  # fmt: skip
def test_session_27_items_are_read_and_not_without_the_rule(
    text: str, n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert points_at(text) == Pointer("item", n)
    monkeypatch.setattr(bot.pointed, "POINTED_27", False)
    assert points_at(text) != Pointer("item", n)


@pytest.mark.parametrize("text", ["summarize tesla's third quarter", "5 reasons", "2021"])
def test_a_session_27_item_naming_something_is_searched(text: str) -> None:
    assert points_at(text) is None


def test_before_session_27_a_bare_number_points_at_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.pointed, "POINTED_27", False)
    assert points_at("2") is None


def test_a_bare_number_after_the_headings_is_that_section(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = ["what are the sections?"]
    fifth = service.ask("5", listed)
    assert {c.section for c in fifth.citations} == {"Strategic Partnerships and Investments"}
    summarized = service.ask("summarize the third one", listed)
    assert {c.section for c in summarized.citations} == {"Inside Bezos’ Electric Vehicle Vision"}
    assert service.ask("5", ["who is musk?"]).outcome == "refused"  # no list before: searched
    monkeypatch.setattr(bot.pointed, "POINTED_27", False)
    assert service.ask("5", listed).outcome == "refused"


@pytest.mark.parametrize(
    ("text", "n", "things"),
    [("what's the second innovation?", 2, "innovations"), ("the last key innovation?", -1,
      "key innovations"), ("what is the 3rd feature", 3, "features"),
     ("tell me about the first factory", 1, "factories")],
)  # fmt: skip
def test_the_nth_of_a_kind_asked_first_is_read_and_not_without_the_rule(
    text: str, n: int, things: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.pointed.nth_listed(text) == (Pointer("item", n), things)
    monkeypatch.setattr(bot.pointed, "NTH_LISTED_27", False)
    assert bot.pointed.nth_listed(text) is None


@pytest.mark.parametrize(
    "text", ["what's the second time?", "what was the first space race", "the second one?"]
)
def test_the_nth_of_no_kind_is_not_read(text: str) -> None:
    assert bot.pointed.nth_listed(text) is None


def test_the_nth_innovation_is_that_item_of_the_innovations_list(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = service.ask("the second one?", ["what are the innovations?"])
    assert second.answer.startswith("Autonomous Driving")
    asked = service.ask("what's the second innovation?")
    assert asked.quotes == second.quotes and asked.citations == second.citations
    past = service.ask("what's the 5th innovation?")
    assert past.answer == "The list holds 4 innovations." and past.reply == "citations"
    after = service.ask("the 5th one?", ["what are the innovations?"])
    assert after.answer == "The list holds 4 items."
    monkeypatch.setattr(bot.pointed, "NTH_LISTED_27", False)
    assert not service.ask("what's the second innovation?").answer.startswith("Autonomous")


@pytest.mark.parametrize(
    ("text", "items"),
    [("tell me about the third and fourth ones", [3, 4]), ("the first two", [1, 2]),
     ("the first and the last", [1, -1]), ("the 2nd, 3rd and 4th", [2, 3, 4])],
)  # fmt: skip
def test_several_items_are_read_and_not_without_the_rule(
    text: str, items: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.pointed.several_items(text) == items
    monkeypatch.setattr(bot.pointed, "SEVERAL_ITEMS_27", False)
    assert bot.pointed.several_items(text) is None


@pytest.mark.parametrize(
    "text", ["the second one?", "the first two factories in texas", "first and foremost, who wins"]
)
def test_one_item_or_a_topic_is_not_several_items(text: str) -> None:
    assert bot.pointed.several_items(text) is None


def test_several_items_after_a_list_or_the_headings_are_each_quoted(
    service: AnswerService,
) -> None:
    listed = ["what are the innovations?"]
    first = service.ask("the first one?", listed)
    last = service.ask("the last one?", listed)
    both = service.ask("the first and the last", listed)
    assert both.quotes[0].text == first.quotes[0].text
    assert both.quotes[-1].text == last.quotes[-1].text and both.outcome == "answered"
    sections = service.ask("tell me about the third and fourth ones", ["what are the sections?"])
    assert [c.section for c in sections.citations] == [
        "Inside Bezos’ Electric Vehicle Vision",
        "The Competitive Landscape",
    ]


def test_where_is_that_from_after_an_answer_is_its_origin_not_the_front_matter(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "what's prime integration?"
    before = service.ask(question)
    origin = service.ask("where is that from?", [question])
    assert origin.reply is None and origin.answer == before.answer
    assert service.ask("where is that from?").reply == "article"  # first: the front matter
    monkeypatch.setattr(bot.pointed, "ORIGIN_BEFORE_SOURCE_27", False)
    assert service.ask("where is that from?", [question]).reply == "article"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("how many innovations are there?", "innovations"),
     ("how many key innovations are listed?", "key innovations"),
     ("how many features will the cars have?", "features")],
)  # fmt: skip
def test_how_many_of_a_kind_is_read_and_not_without_the_rule(
    text: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert counted_listed(text) == kind
    monkeypatch.setattr(bot.pointed, "COUNTED_LIST_28", False)
    assert counted_listed(text) is None


@pytest.mark.parametrize(
    "text",
    ["how many sections are there?", "how many times is tesla mentioned?",
     "how many innovations has tesla made since 2010?", "what are the innovations?"],
)  # fmt: skip
def test_other_counts_are_not_read_as_a_list_counted(text: str) -> None:
    assert counted_listed(text) is None


def test_how_many_innovations_is_told_from_the_list_and_searched_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = service.ask("what are the innovations?")
    items = [q.text.split(":")[0] for q in listed.quotes[1:]]
    assert len(items) == 4  # the shipped article lists four, each "Name: …"
    counted = service.ask("how many innovations are there?")
    assert counted.outcome == "answered" and counted.reply == "citations"
    assert counted.answer == f"The sources list 4 innovations: {'; '.join(items)}."
    monkeypatch.setattr(bot.pointed, "COUNTED_LIST_28", False)
    assert service.ask("how many innovations are there?").reply is None


def test_a_count_of_things_listed_nowhere_is_searched(service: AnswerService) -> None:
    assert service.ask("how many factories are there?").reply is None


def test_an_item_after_a_list_counted_is_that_item_of_the_list(service: AnswerService) -> None:
    history = ["how many innovations are there?"]
    counted = service.ask(history[0])
    assert counted.reply == "citations" and not counted.quotes  # the count quotes nothing
    second = service.ask("tell me about the second one", history)
    assert second.answer.startswith("Autonomous Driving:")  # the item of the list it counted


def test_more_after_a_list_counted_quotes_the_list(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    more = service.ask("tell me more", ["how many innovations are there?"])
    assert more.answer.startswith("The vehicles themselves are expected to feature")
    assert [q.text.split(":")[0] for q in more.quotes[1:]] == [
        "Advanced AI Integration", "Autonomous Driving", "Prime Integration", "Affordable Luxury"
    ]  # fmt: skip
    monkeypatch.setattr(bot.pointed, "COUNTED_LIST_28", False)
    assert not service.ask("tell me more", ["how many innovations are there?"]).answer.startswith(
        "The vehicles themselves are expected to feature"
    )


@pytest.mark.parametrize(
    ("text", "at"),
    [("references?", "origin"), ("refs please", "origin"), ("context?", "passage")],
)
def test_a_bare_reference_or_context_after_an_answer_points_at_it_and_not_without_the_rule(
    text: str, at: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert points_at(text) == Pointer(at, 0 if at == "origin" else 1)
    monkeypatch.setattr(bot.pointed, "SOURCE_AFTER_ANSWER_28", False)
    assert points_at(text) != Pointer(at, 0 if at == "origin" else 1)


def test_references_after_an_answer_cite_it_and_source_is_the_front_matter(
    service: AnswerService,
) -> None:
    first = service.ask("who is rivian?")
    after = service.ask("references?", ["who is rivian?"])
    assert after.reply is None and after.quotes == first.quotes
    assert service.ask("source please", ["who is rivian?"]).reply == "article"
    assert points_at("link?") is None


@pytest.mark.parametrize(
    "text",
    ["can you quote it exactly?", "word for word please", "verbatim?", "what's the exact quote?",
     "quote that verbatim", "is that a direct quote?"],
)  # fmt: skip
def test_asking_for_the_exact_words_points_at_the_answer_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert points_at(text) == Pointer("origin", 0)
    monkeypatch.setattr(bot.pointed, "QUOTE_EXACT_29", False)
    assert points_at(text) != Pointer("origin", 0)


def test_the_exact_words_after_an_answer_are_its_quotes_again(service: AnswerService) -> None:
    first = service.ask("who is rivian?")
    exact = service.ask("can you quote it exactly?", ["who is rivian?"])
    assert exact.quotes == first.quotes and exact.reply is None


@pytest.mark.parametrize(
    ("text", "at"),
    [("show me the whole section", "section"), ("the full section please", "section"),
     ("what comes next in the article?", "after"), ("the next sentence?", "after"),
     ("what comes after that?", "after"), ("what's the sentence before that?", "before"),
     ("what came before that?", "before"), ("the previous sentence", "before"),
     ("and after that?", "after"), ("then what?", "after")],
)  # fmt: skip
def test_asking_around_the_answer_is_read_and_not_without_the_rule(
    text: str, at: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert points_at(text) == Pointer(at, 1)  # type: ignore[arg-type]
    monkeypatch.setattr(bot.pointed, "AROUND_29", False)
    assert points_at(text) != Pointer(at, 1)  # type: ignore[arg-type]


def test_what_comes_around_an_answer_is_read_in_the_articles_order(
    service: AnswerService,
) -> None:
    history = ["who is rivian?"]
    first = service.ask(history[0])
    assert "Rivian" in first.answer
    after = service.ask("the next sentence?", history)
    assert len(after.quotes) == 1 and after.quotes[0].text.startswith("However, this new venture")
    before = service.ask("what's the sentence before that?", history)
    assert len(before.quotes) == 1 and "carbon-neutral by 2040" in before.answer
    section = service.ask("show me the whole section", history)
    assert first.quotes[0].text in section.answer and len(section.quotes) > 3
    assert {c.section for c in section.citations} == {first.citations[0].section}
    last = service.ask("what comes next in the article?", ["buckle up?"])
    assert last.answer == "That was the article's last sentence."


def test_a_second_more_after_a_count_is_more_of_the_list_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["how many innovations are there?", "tell me more"]
    counted = service.ask("tell me more", history)
    listed = service.ask("tell me more", ["what are the innovations?"])
    assert counted.quotes == listed.quotes and counted.outcome == listed.outcome
    monkeypatch.setattr(bot.pointed, "COUNTED_MORE_29", False)
    assert service.ask("tell me more", history).quotes != listed.quotes


def test_more_after_the_whole_section_reads_on_in_the_article(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is rivian?", "show me the whole section"]
    section = service.ask(history[1], history[:1])
    more = service.ask("tell me more", history)
    assert more.quotes and more.citations[0].section != section.citations[0].section
    next_one = service.ask("what comes next in the article?", history)
    assert more.quotes == next_one.quotes  # read on from the section's last sentence
    monkeypatch.setattr(bot.pointed, "AROUND_29", False)
    assert service.ask("tell me more", history).quotes != more.quotes


@pytest.mark.parametrize(
    ("text", "items"),
    [("compare the first two", [1, 2]), ("compare the second and fourth", [2, 4]),
     ("contrast the first and third", [1, 3])],
)  # fmt: skip
def test_items_compared_or_explained_after_a_list_are_read_and_not_without_the_rule(
    text: str, items: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert several_items(text) == items
    monkeypatch.setattr(bot.pointed, "POINTED_29", False)
    assert several_items(text) != items


def test_an_item_asked_simply_after_a_list_is_that_item_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["what are the innovations?"]
    third = service.ask("explain the third one simply", history)
    assert third.answer.startswith("Prime Integration:")
    monkeypatch.setattr(bot.pointed, "POINTED_29", False)
    assert not service.ask("explain the third one simply", history).answer.startswith("Prime")


@pytest.mark.parametrize(
    ("text", "counted", "rank"),
    [("how many are there?", True, None), ("how many?", True, None),
     ("how many of them are there?", True, None), ("how many in total?", True, None),
     ("which one is the most important?", False, "which is the most important"),
     ("which is the cheapest?", False, "which is the cheapest"),
     ("what's the best one?", False, "which is the best"),
     ("which one matters most?", False, "which matters most"),
     ("which of them is the most innovative?", False, "which is the most innovative")],
)  # fmt: skip
def test_a_count_or_a_rank_of_a_list_is_read_and_not_without_the_rule(
    text: str, counted: bool, rank: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.pointed.asks_how_many_listed(text) is counted
    assert bot.pointed.rank_asked(text) == rank
    monkeypatch.setattr(bot.pointed, "LIST_ASKED_30", False)
    assert not bot.pointed.asks_how_many_listed(text) and bot.pointed.rank_asked(text) is None


@pytest.mark.parametrize(
    "text", ["how many factories are there?", "which is the latest?", "which car is the best?",
             "which is the most important partnership for amazon?"]
)  # fmt: skip
def test_a_question_of_its_own_is_no_count_or_rank_of_the_list(text: str) -> None:
    assert not bot.pointed.asks_how_many_listed(text) and bot.pointed.rank_asked(text) is None


def test_after_a_list_a_count_is_told_and_a_rank_labelled_as_not_said(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["what are the key innovations?"]
    listed = service.ask(history[0])
    counted = service.ask("how many are there?", history)
    assert counted.reply == "citations" and counted.outcome == "answered"
    assert counted.answer.startswith("The sources list 4 key innovations: Advanced AI Integration")
    ranked = service.ask("which one is the most important?", history)
    assert ranked.outcome == "partial" and ranked.quotes == listed.quotes
    assert ranked.partial_label == (
        "The sources don't say which is the most important; the closest passage:"
    )
    assert service.ask("how many are there?", ["what are the sections?"]).answer.startswith(
        "The article has 10 sections"
    )
    assert service.ask("how many?", ["who is rivian?"]).reply is None  # no list: searched
    monkeypatch.setattr(bot.pointed, "LIST_ASKED_30", False)
    assert service.ask("how many are there?", history).reply is None
    assert service.ask("which one is the most important?", history).quotes != listed.quotes


@pytest.mark.parametrize(
    "text",
    ["show me", "ok show me that", "let me see", "can i see it?", "which article is that from?",
     "what source is it from?", "show me where it says that"],
)  # fmt: skip
def test_show_me_after_an_answer_points_at_its_origin_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert points_at(text) == Pointer("origin", 0)
    monkeypatch.setattr(bot.pointed, "SHOW_ME_30", False)
    assert points_at(text) != Pointer("origin", 0)


@pytest.mark.parametrize("text", ["show me the factories", "where does it say tesla will lose?"])
def test_show_me_naming_a_topic_is_no_pointer(text: str) -> None:
    assert points_at(text) is None


def test_show_me_after_an_answer_shows_its_quotes_cited(service: AnswerService) -> None:
    history = ["who is rivian?"]
    before = service.ask(history[0])
    shown = service.ask("show me", history)
    assert [q.text for q in shown.quotes] == [q.text for q in before.quotes]
    cited = {c.passage_id for c in before.citations}
    assert shown.citations and {c.passage_id for c in shown.citations} <= cited


def test_an_item_after_an_item_points_into_the_same_list_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = service.ask("what are the key innovations?")
    items = [q.text for q in listed.quotes[1:]]
    history = ["what are the key innovations?", "what's the third one?"]
    assert service.ask(history[1], history[:1]).answer == items[2]
    assert service.ask("and the fourth?", history).answer == items[3]
    assert service.ask("the first one?", history).answer == items[0]
    counted = ["how many innovations are there?", "the second one?"]
    assert service.ask("and the third?", counted).answer == items[2]
    monkeypatch.setattr(bot.pointed, "ITEM_AFTER_ITEM_30", False)
    assert service.ask("and the fourth?", history).answer != items[3]


@pytest.mark.parametrize(
    "asked",
    ["show me the passage", "can i see that paragraph?", "the excerpt?",
     "show me the passage please", "ok, let me see the passage"],
)  # fmt: skip
def test_the_passage_asked_after_an_answer_is_read_and_not_without_the_rule(
    asked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert points_at(asked) == Pointer("passage", 1)
    monkeypatch.setattr(bot.pointed, "PASSAGE_SHOWN_31", False)
    assert points_at(asked) != Pointer("passage", 1)


def test_the_passage_shown_after_an_answer_is_the_whole_one_quoted(
    service: AnswerService,
) -> None:
    rivian = service.ask("who is rivian?")
    whole = service.ask("show me the passage", ["who is rivian?"])
    assert whole.outcome == "answered" and whole.citations[0] == rivian.citations[0]
    assert rivian.quotes[0].text in whole.quotes[0].text != rivian.quotes[0].text


def test_more_after_an_item_or_a_source_reads_on_past_it_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = ["what are the key innovations?", "what's the second one?"]
    second = service.ask(listed[1], listed[:1])
    assert second.quotes[0].text.startswith("Autonomous Driving")
    more = service.ask("tell me more", listed)
    assert more.quotes[0].text.startswith("Prime Integration")  # the article read on past it
    sourced = ["who is rivian?", "what does source 1 say?"]
    read_on = service.ask("tell me more", sourced)
    assert read_on.outcome == "answered" and "Rivian" not in read_on.quotes[0].text
    passage = service.ask("tell me more", ["who is rivian?", "show me the passage"])
    assert passage.quotes == read_on.quotes
    monkeypatch.setattr(bot.pointed_requests, "MORE_AFTER_ITEM_31", False)
    assert not service.ask("tell me more", listed).quotes[0].text.startswith("Prime Integration")
    assert service.ask("tell me more", sourced).quotes != read_on.quotes


def test_the_context_asked_after_an_answer_is_its_passage_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = service.ask("show me the passage", ["who is rivian?"]).quotes
    assert service.ask("what's the context?", ["who is rivian?"]).quotes == whole
    monkeypatch.setattr(bot.pointed, "PASSAGE_SHOWN_31", False)
    assert service.ask("what's the context?", ["who is rivian?"]).quotes != whole

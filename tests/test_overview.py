"""Overview requests ("tl;dr?", "summarise the article", "how does it end?"): answered by quoting
how the article opens and how its last section begins, each cited, never by a search."""

import pytest

import bot.more
import bot.overview
import bot.request_words
from bot.embedding import Embedder
from bot.overview import asks_for_overview
from bot.sections import section_openings
from bot.service import AnswerService
from tests.corpus_service import service_over


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("tl;dr?", "both"),
        ("TLDR pls", "both"),
        ("summarise the article", "both"),
        ("can you sum it up for me?", "both"),
        ("give me the gist", "both"),
        ("what are the main points", "both"),
        ("what's this article about?", "both"),
        ("ok, overview please", "both"),
        ("how does the article end", "ending"),
        ("the ending?", "ending"),
        ("what's the conclusion?", "conclusion"),
        ("how does it start?", "opening"),
        ("what's the article's conclusion", "conclusion"),
        ("what's the article's closing line", "ending"),
        ("what's this article mainly about", "both"),
        ("what's the thesis of the piece", "both"),
        ("give me 3 bullet points", "both"),
        ("what should i take away from this", "both"),
        ("what is the author trying to say", "both"),
        ("what's the point of this article", "both"),
        ("bottom line?", "conclusion"),
        ("so what's the verdict", "conclusion"),
        ("what is the most important takeaway", "both"),
        ("what's the most important thing to know", "both"),
        ("what's the biggest takeaway", "both"),
    ],
)
def test_overview_requests_are_read_by_their_form(question: str, part: str) -> None:
    assert asks_for_overview(question) == part


@pytest.mark.parametrize(
    "question",
    [
        "summarise what it says about batteries",
        "what is rivian about",
        "what are the key takeaways for investors",
        "what's the summary of musk's response",
        "how does the article end for tesla",
        "who wrote the article",
        "what does amazon plan",
        "what's the verdict on tesla's stock",
        "what is the point of prime integration",
        "what is musk trying to say",
        "what is the most important thing about the factories",
    ],
)
def test_a_request_naming_a_topic_is_searched(question: str) -> None:
    assert asks_for_overview(question) is None


# Each session's requests, with the part each asks for and the rule that reads it. Session 26's
# (the lead's probes): whether the text is biased is asked what the writer thinks.
LATER_REQUESTS = [
    *[(q, "both", "PHRASINGS_25") for q in [
        "eli5 the whole thing", "explain it like i'm five", "catch me up",
        "give me the short version of the article", "what's the upshot", "key facts please",
        "whats the big picture", "summarize in 3 bullets", "the gist in two bullets please"]],
    *[(q, "conclusion", "VIEWS_25") for q in [
        "what does the author think", "what's the author's opinion", "what's the writer's take",
        "does the article take sides", "what's the article's prediction",
        "which side is the author on"]],
    *[(q, "conclusion", "BIAS_26") for q in [
        "is this article biased?", "is the article biased", "is the article fair to musk",
        "is the article one-sided", "how neutral is the article", "is the writer biased against "
        "amazon?"]],
    *[(q, "both", "PHRASINGS_26") for q in [
        "what are the 3 most important facts", "top 5 points", "the main facts?",
        "top 3 things to know", "what should i know about this", "what do i need to know",
        "explain the article", "what's the story here"]],
    *[(q, "opening", "INTRO_26") for q in [
        "what does the intro say", "the introduction?", "what's in the opening"]],
    # Session 27's: the tone or leaning asked is the bias asked; what it matters for, the close.
    *[(q, "conclusion", "TONE_27") for q in [
        "what is the tone of the article", "is the tone of the article positive or negative?",
        "is the article for or against amazon?", "does the article favor tesla?",
        "is the piece pro-musk?", "what's the article's tone overall",
        "which side does the author favour?"]],
    *[(q, "conclusion", "MATTERS_27") for q in [
        "why does this matter?", "why should i care?", "so what?", "why is this important?",
        "so what then?"]],
    *[(q, "opening", "MATTERS_27") for q in ["give me the background", "what's the backstory?"]],
    *[(q, "both", "PHRASINGS_27") for q in [
        "explain the article to a 10 year old", "tweet-length summary please",
        "summarize in 50 words", "give me the story", "the article in one paragraph"]],
    # Session 28's: what the text says or is for; news or opinion is what the writer thinks.
    *[(q, "both", "PHRASINGS_28") for q in [
        "what does the article say?", "what does it say?", "what is this article?",
        "what's the purpose of the article?", "why was this written?", "too long didn't read",
        "i don't have time to read it, what does it say?", "tell me something interesting",
        "surprise me", "fun fact?", "give me 3 facts", "what's in the article?"]],
    *[(q, "ending", "PHRASINGS_28") for q in [
        "how does the writer sign off, hype-wise?", "how does the author wrap up"]],
    *[(q, "conclusion", "PHRASINGS_28") for q in [
        "is it an opinion piece?", "is this news or opinion?", "is the article an editorial?"]],
    # Session 30's: a list of the points, its form no topic.
    *[(q, "both", "POINTS_30") for q in [
        "list the main points", "summarize the key takeaways", "list the key facts",
        "list the highlights", "what's the article's main claim?",
        "what's the most important sentence?", "give me a random quote"]],
    *[(q, "conclusion", "PART_SUMMED_30") for q in [
        "tl;dr of the conclusion", "what's the gist of the ending?"]],
    *[(q, "opening", "PART_SUMMED_30") for q in [
        "tl;dr of the intro", "recap of the opening"]],
]  # fmt: skip


@pytest.mark.parametrize(("question", "part", "rule"), LATER_REQUESTS)
def test_later_requests_are_read_and_not_without_their_rule(
    question: str, part: str, rule: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_overview(question) == part
    monkeypatch.setattr(bot.overview, rule, False)
    assert asks_for_overview(question) is None


@pytest.mark.parametrize(
    "question",
    ["eli5 the batteries", "catch me up on the factories", "what is the big picture for tesla",
     "what does the author think of musk", "what does the article predict for tesla",
     "what does musk think", "is the article biased towards batteries",
     "what are the main facts about tesla", "summarize musk", "is the article about tesla",
     "top speed of the amazon ev", "what does the intro say about musk",
     "what should i know about tesla", "what is the tone of tesla's response",
     "why does tesla's market share matter", "so what does amazon want",
     "what's the background of the rivalry", "is the article for amazon's batteries",
     "what does the article say about rivian", "what is the purpose of amazon's ev project",
     "what is the article title", "is this news for tesla",
     "how does the writer sign off on tesla?", "what is the plan money-wise?",
     "give me 3 facts about tesla", "tell me something interesting about rivian",
     "list the main points about tesla", "what are the key takeaways for investors?",
     "summary of the conclusion about tesla", "the most important sentence about tesla"],
)  # fmt: skip
def test_a_later_request_naming_a_topic_is_searched(question: str) -> None:
    assert asks_for_overview(question) is None


@pytest.mark.parametrize("question", ["why does this matter?", "so what?", "the background?"])
def test_in_a_conversation_what_it_matters_for_points_at_the_answer_before(question: str) -> None:
    assert asks_for_overview(question, in_conversation=True) is None
    assert asks_for_overview("why does this article matter?", in_conversation=True) == "conclusion"


def test_tldr_quotes_the_opening_and_the_last_section(service: AnswerService) -> None:
    index = service.retriever.index
    answer = service.ask("tl;dr?")
    assert answer.outcome == "answered"
    first = index.passages[0]
    last_section = index.passages[len(index.passages) - 1].section
    assert answer.citations[0].passage_id == first.id
    assert answer.citations[1].section == last_section
    assert answer.citations[1].section != first.section
    assert answer.quotes[0].text.startswith(first.sentence_texts()[0])
    assert answer.quoted_from(2) is not None
    # Logged like any answer: curators see it, buttons can re-ask it.
    assert service.query_log.answer_context(answer.id) is not None


def test_the_ending_quotes_the_last_sentences(service: AnswerService) -> None:
    index = service.retriever.index
    last = index.passages[len(index.passages) - 1]
    answer = service.ask("how does the article end?")
    assert answer.outcome == "answered"
    assert [c.passage_id for c in answer.citations] == [last.id]
    assert answer.answer.endswith(last.sentence_texts()[-1])


def test_the_conclusion_quotes_the_start_of_the_last_section(service: AnswerService) -> None:
    index = service.retriever.index
    rows = range(len(index.passages))
    section = index.passages[rows[-1]].section
    opening = next(index.passages[r] for r in rows if index.passages[r].section == section)
    answer = service.ask("what's the conclusion?")
    assert [c.passage_id for c in answer.citations] == [opening.id]
    assert answer.answer.startswith(opening.sentence_texts()[0])


def test_without_the_rule_a_bare_request_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.overview, "OVERVIEW", False)
    answer = service.ask("give me the gist")
    assert answer.outcome == "refused"  # no passage is similar to "give me the gist"


ROBOTAXI = """---
title: "Robotaxi fleets"
published: "2026-03-01"
---

Robotaxi fleets are expanding in three cities this spring. Operators say the cars drive better.

### Outlook

Regulators will decide next year whether the fleets may grow further.
"""
CHARGERS = """---
title: "Charger networks"
published: "2025-06-01"
---

Charger networks keep growing along the highways. Fast chargers now reach rural towns.

### Outlook

The networks expect to double their stations by the end of the decade.
"""


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    root = tmp_path_factory.mktemp("two-articles")
    return service_over(root, embedder, {"robotaxi.md": ROBOTAXI, "chargers.md": CHARGERS})


def test_with_several_articles_each_latest_lede_is_quoted(two_articles: AnswerService) -> None:
    answer = two_articles.ask("tl;dr")
    assert [c.title for c in answer.citations] == ["Robotaxi fleets", "Charger networks"]
    assert answer.quotes[0].text.startswith("Robotaxi fleets are expanding")


def test_in_a_conversation_the_article_asked_about_is_summed_up(
    two_articles: AnswerService,
) -> None:
    answer = two_articles.ask(
        "sum it up", ["how many stations will the charger networks have?"], conversation="c1"
    )
    assert {c.title for c in answer.citations} == {"Charger networks"}
    assert [c.section for c in answer.citations] == [None, "Outlook"]


@pytest.mark.parametrize("question", ["what's it about?", "how does it end?"])
def test_in_a_conversation_a_pronoun_points_at_what_was_said(question: str) -> None:
    assert asks_for_overview(question) is not None
    assert asks_for_overview(question, in_conversation=True) is None
    assert asks_for_overview("what's this article about?", in_conversation=True) == "both"
    assert asks_for_overview("tl;dr?", in_conversation=True) == "both"


def test_article_rows_hold_each_articles_passages_once_per_build(
    two_articles: AnswerService,
) -> None:
    index = two_articles.retriever.index
    rows = index.article_rows
    assert set(rows) == set(index.manifest["articles"])
    covered = sorted(r for found in rows.values() for r in found)
    assert covered == list(range(len(index.passages)))
    for doc_id, found in rows.items():
        assert found and all(index.passages[r].doc_id == doc_id for r in found)
    assert index.article_rows is rows  # worked out once per loaded build, not per request


def _tour(service: AnswerService) -> tuple[list[str], list[str]]:
    """The passages each "tell me more" after an overview cites first, and the openings of the
    sections the overview did not quote (as many as requests for more run in a row)."""
    index = service.retriever.index
    question = "give me an overview"
    shown = {c.section for c in service.ask(question).citations}
    openings = section_openings(index, [index.passages[0].doc_id])
    skipped = [p.id for p in openings if p.section not in shown][: bot.more.MOST_IN_A_ROW]
    cited: list[str] = []
    for n in range(len(skipped)):
        more = service.ask("tell me more", [question] + ["tell me more"] * n)
        cited.append(more.citations[0].passage_id if more.citations else "")
    return cited, skipped


def test_more_after_an_overview_quotes_the_sections_it_skipped(service: AnswerService) -> None:
    cited, skipped = _tour(service)
    assert len(skipped) > 2  # the tour goes past one section
    assert cited == skipped


def test_more_after_the_conclusion_goes_on_through_it(service: AnswerService) -> None:
    conclusion = service.ask("what's the conclusion?")
    more = service.ask("tell me more", ["what's the conclusion?"])
    assert more.citations[0].section == conclusion.citations[0].section
    assert conclusion.answer.split(". ")[-1] not in more.answer
    assert more.outcome == "answered"


def test_repeat_after_an_overview_shows_it_again(service: AnswerService) -> None:
    overview = service.ask("give me an overview")
    again = service.ask("repeat that", ["give me an overview"])
    assert (again.answer, again.citations) == (overview.answer, overview.citations)


def test_without_the_tour_more_after_an_overview_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.overview, "TOUR", False)
    cited, skipped = _tour(service)
    assert cited != skipped


@pytest.mark.parametrize(
    ("question", "part"),
    [("skip to the conclusion", "conclusion"), ("read the first paragraph", "opening"),
     ("read me the last paragraph", "ending"), ("jump straight to the ending", "ending")],
)  # fmt: skip
def test_moving_through_the_text_is_read_and_not_without_the_rule(
    question: str, part: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_overview(question) == part
    monkeypatch.setattr(bot.request_words, "NAVIGATE_27", False)
    assert asks_for_overview(question) is None


def test_what_does_it_say_in_a_conversation_points_back_unless_it_names_the_text() -> None:
    assert asks_for_overview("what does it say?", in_conversation=True) is None
    assert asks_for_overview("what does the article say?", in_conversation=True) == "both"


@pytest.mark.parametrize(
    ("question", "part"),
    [("what does the article open with?", "opening"), ("what does it start with?", "opening"),
     ("what does the article end on?", "ending"), ("what does it close with?", "ending")],
)  # fmt: skip
def test_what_the_text_opens_or_ends_with_is_read_and_not_without_the_rule(
    question: str, part: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_overview(question) == part
    monkeypatch.setattr(bot.overview, "OPENS_WITH_29", False)
    assert asks_for_overview(question) != part


def test_what_a_company_opens_with_is_no_overview() -> None:
    assert asks_for_overview("what does tesla open with?") is None


@pytest.mark.parametrize(
    "question",
    ["who is the article for?", "who is the target audience?", "who should read this?",
     "target audience?", "what is the intended audience of the article"],
)  # fmt: skip
def test_whom_the_text_is_for_is_its_ending_and_not_without_the_rule(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_overview(question) == "ending"
    monkeypatch.setattr(bot.overview, "AUDIENCE_29", False)
    assert asks_for_overview(question) != "ending"


def test_whom_a_car_is_aimed_at_is_no_overview() -> None:
    assert asks_for_overview("who is the ev aimed at?") is None


@pytest.mark.parametrize(
    ("question", "in_conversation"),
    [("tell me about the article", False), ("fill me in on this piece", False),
     ("tell me everything", False),
     ("tell me about the article", True)],
)  # fmt: skip
def test_the_text_asked_about_whole_is_an_overview_and_not_without_the_rule(
    question: str, in_conversation: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_for_overview(question, in_conversation) == "both"
    monkeypatch.setattr(bot.overview, "ABOUT_TEXT_29", False)
    assert asks_for_overview(question, in_conversation) != "both"


def test_everything_in_a_conversation_is_more_of_what_was_said(service: AnswerService) -> None:
    assert asks_for_overview("tell me everything", in_conversation=True) is None
    more = service.ask("tell me more", ["who is rivian?"])
    assert service.ask("tell me everything", ["who is rivian?"]).quotes == more.quotes


@pytest.mark.parametrize(
    "question",
    ["what can you tell me about the ev rivalry?", "hi! what can you tell me about the ev rivalry?",
     "tell me about bezos vs musk", "what's the deal with bezos and musk?",
     "tell me about the rivalry between bezos and musk", "what's the context?",
     "explain the whole thing"],
)  # fmt: skip
def test_what_the_title_names_asked_is_the_overview_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    overview = service.ask("tl;dr?").quotes
    assert service.ask(question).quotes == overview
    monkeypatch.setattr(bot.overview, "TITLE_ASKED_31", False)
    assert service.ask(question).quotes != overview


@pytest.mark.parametrize(
    "question", ["tell me about musk", "tell me about the ev market", "what is the ev rivalry?"]
)
def test_one_title_word_or_another_topic_is_not_the_overview(question: str) -> None:
    titles = ["Bezos vs. Musk: the EV rivalry"]
    assert not bot.overview.asks_about_title(question, titles, False)
    assert not bot.overview.asks_about_title("what's the context?", titles, True)

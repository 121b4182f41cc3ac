"""Requests for more ("tell me more", "anything else?") read on through the passage quoted last,
then answer the question before past the passages already quoted for it (bot/more.py)."""

from __future__ import annotations

import pytest

import bot.more
from bot.answer import Answer, Citation, Quote
from bot.embedding import Embedder
from bot.more import NOTHING_MORE, asks_for_more, doubts_the_answer, is_request_for_more, read_on
from bot.service import AnswerService
from tests.corpus_service import service_over


@pytest.mark.parametrize(
    "text",
    ["tell me more", "more?", "anything else?", "go on", "and?", "sounds cool, anything else?",
     "what else", "keep going please", "can you elaborate"],
)  # fmt: skip
def test_requests_for_more_are_read_by_their_form(text: str) -> None:
    assert is_request_for_more(text)


@pytest.mark.parametrize(
    "text",
    ["tell me more about the factories", "what else has hurt it besides competition?",
     "besides the minerals, what else", "which regions are buying more and more evs?",
     "does the new one matter more?", "and tesla?"],
)  # fmt: skip
def test_a_request_naming_a_topic_is_no_request_for_more(text: str) -> None:
    assert not is_request_for_more(text)


def test_a_run_of_requests_counts_back_to_the_question() -> None:
    assert asks_for_more("tell me more", []) is None  # nothing before to say more about
    more = asks_for_more("more", ["who is rivian?", "what do they make?", "tell me more"])
    assert more is not None
    assert (more.question, more.history, more.times) == (
        "what do they make?",
        ("who is rivian?",),
        2,
    )


def _quoted(answer: object) -> set[str]:
    return {c.passage_id for c in answer.quoted_passages}  # type: ignore[attr-defined]


def test_more_quotes_passages_not_quoted_before(service: AnswerService) -> None:
    question = "tell me about alexa in the car"
    first = service.ask(question)
    more = service.ask("tell me more", [question])
    again = service.ask("more?", [question, "tell me more"])
    assert more.outcome == "answered" and again.outcome == "answered"
    assert more.question == "tell me more"
    assert _quoted(first) and _quoted(more) and _quoted(again)
    assert not _quoted(first) & _quoted(more)
    assert not (_quoted(first) | _quoted(more)) & _quoted(again)
    assert len(again.citations) <= len(first.citations)  # as many cited, not more


def test_without_the_rule_more_is_searched_as_asked(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.more, "MORE", False)
    question = "tell me about alexa in the car"
    answer = service.ask("more?", [question])
    assert _quoted(answer) == _quoted(service.ask(question))  # the same passage again


ONE_PASSAGE = """---
title: "Charger networks"
---

Charger networks keep growing along the highways. Fast chargers now reach rural towns.
"""


@pytest.fixture(scope="module")
def one_passage(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    root = tmp_path_factory.mktemp("one-passage")
    return service_over(root, embedder, {"chargers.md": ONE_PASSAGE})


def test_when_nothing_is_left_it_says_so(one_passage: AnswerService) -> None:
    question = "are the charger networks growing?"
    assert not one_passage.ask(question).refused
    more = one_passage.ask("anything else?", [question])
    assert more.refused and more.answer == NOTHING_MORE


def test_more_of_a_refused_question_is_refused_as_it_was(service: AnswerService) -> None:
    question = "what's the best pizza topping?"
    assert service.ask(question).refused
    more = service.ask("tell me more", [question])
    assert more.refused and more.answer == service.ask(question).answer != NOTHING_MORE


@pytest.mark.parametrize("doubt", ["are you sure?", "how do you know?", "says who?", "really?"])
def test_a_doubt_shows_the_answer_before_again(service: AnswerService, doubt: str) -> None:
    question = "what is amazon doing?"
    before = service.ask(question)
    again = service.ask(doubt, [question])
    assert again.question == doubt
    assert (again.answer, again.citations) == (before.answer, before.citations)
    after_more = service.ask(doubt, [question, "tell me more"])
    assert after_more.answer == service.ask("tell me more", [question]).answer


def test_a_doubt_of_a_refusal_is_the_refusal(service: AnswerService) -> None:
    question = "what's the weather in paris?"
    assert service.ask("are you sure?", [question]).answer == service.ask(question).answer


def test_without_the_rule_a_doubt_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.more, "DOUBTS", False)
    assert service.ask("are you sure?", ["what is amazon doing?"]).refused


@pytest.mark.parametrize(
    "repeat", ["repeat that", "say that again", "what did you say?", "come again?",
               "can you repeat that please", "show me the answer again"],
)  # fmt: skip
def test_a_request_to_repeat_shows_the_answer_before_again(
    service: AnswerService, repeat: str
) -> None:
    question = "who is rivian?"
    before = service.ask(question)
    again = service.ask(repeat, [question])
    assert (again.answer, again.citations) == (before.answer, before.citations)


def test_without_the_rule_a_request_to_repeat_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.more, "REPEATS", False)
    before = service.ask("who is rivian?")
    assert service.ask("repeat that", ["who is rivian?"]).answer != before.answer


@pytest.mark.parametrize("text", ["repeat the part about the factories", "say it in french"])
def test_a_request_to_repeat_something_named_is_searched(text: str) -> None:
    assert not bot.more.doubts_the_answer(text)


@pytest.mark.parametrize(
    "shorter", ["in one sentence?", "shorter please", "short version?", "can you put that in one "
                "sentence", "make it shorter", "too long", "briefly?"],
)  # fmt: skip
def test_a_request_for_fewer_words_shows_the_first_quoted_sentence(
    service: AnswerService, shorter: str
) -> None:
    question = "why is bezos entering evs?"
    before = service.ask(question)
    assert len(before.quotes) > 1  # something to cut
    short = service.ask(shorter, [question])
    assert short.quotes == before.quotes[:1]
    assert short.answer == before.quotes[0].text
    assert (short.outcome, short.citations) == (before.outcome, before.citations)


def test_a_shortened_list_keeps_its_first_item(service: AnswerService) -> None:
    question = "what are the key features of the amazon ev?"
    before = service.ask(question)
    assert before.quotes[0].text.endswith(":")
    short = service.ask("in one sentence?", [question])
    assert short.quotes == before.quotes[:2]


@pytest.mark.parametrize("question", ["tl;dr?", "eli5 the whole thing"])
def test_a_quote_of_several_sentences_is_cut_to_its_first(
    service: AnswerService, question: str
) -> None:
    before = service.ask(question)
    first = before.quotes[0].text
    short = service.ask("in one sentence?", [question])
    assert len(short.quotes) == 1 and short.quotes[0].citation == before.quotes[0].citation
    assert first.startswith(short.answer) and len(short.answer) < len(first)
    assert short.answer.endswith(".") and short.answer.count(". ") == 0


def test_without_the_rule_a_request_for_fewer_words_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.more, "SHORTER", False)
    question = "why is bezos entering evs?"
    before = service.ask(question)
    assert service.ask("in one sentence?", [question]).quotes != before.quotes[:1]


@pytest.mark.parametrize(
    "text",
    ["in one sentence, who is rivian?", "shorter range than tesla?", "brief me on the factories"],
)
def test_a_request_for_fewer_words_naming_something_is_searched(text: str) -> None:
    assert not bot.more.asks_shorter(text)


@pytest.mark.parametrize(
    "history",
    [["what are the key features of the amazon ev?", "the second one?"],
     ["summarise the section on partnerships"], ["give me an overview", "tell me more"]],
)  # fmt: skip
def test_the_answer_again_is_the_answer_before_however_it_was_found(
    service: AnswerService, history: list[str]
) -> None:
    before = service.ask(history[-1], history[:-1])
    assert before.outcome == "answered"
    again = service.ask("repeat that", history)
    assert (again.answer, again.citations) == (before.answer, before.citations)
    short = service.ask("in one sentence?", history)
    assert short.quotes[0].citation == before.quotes[0].citation
    assert before.quotes[0].text.startswith(short.quotes[0].text)  # its first sentence


def test_a_run_of_requests_past_the_last_says_so_without_searching(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.more, "MOST_IN_A_ROW", 2)
    history = ["who is rivian?", "tell me more", "more"]
    assert asks_for_more("more", history).times == 3  # type: ignore[union-attr]
    answer = service.ask("more", history)
    assert (answer.answer, answer.reply, answer.outcome) == (NOTHING_MORE, "more", "refused")


@pytest.mark.parametrize(
    "simpler",
    ["can you summarize that", "in simpler words", "simpler please", "explain that like i'm 5",
     "i don't understand", "eli5 that", "put it in plain english"],
)  # fmt: skip
def test_a_request_to_put_it_simpler_shows_the_first_quoted_sentence(
    service: AnswerService, simpler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "why is bezos entering evs?"
    before = service.ask(question)
    short = service.ask(simpler, [question])
    assert short.quotes == before.quotes[:1] and short.citations == before.citations
    monkeypatch.setattr(bot.more, "SIMPLER_26", False)
    assert service.ask(simpler, [question]).quotes != before.quotes[:1]


@pytest.mark.parametrize("text", ["explain that", "summarize the article", "rephrase that",
                                  "in simpler words, who is rivian"])  # fmt: skip
def test_a_request_to_put_something_else_simpler_is_not_read(text: str) -> None:
    assert not bot.more.asks_shorter(text)


def test_and_then_asks_for_more(monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_request_for_more("and then?")
    monkeypatch.setattr(bot.more, "SIMPLER_26", False)
    assert not is_request_for_more("and then?")


@pytest.mark.parametrize(
    ("text", "asked"),
    [("briefly, who is rivian?", "who is rivian?"), ("quickly who is rivian", "who is rivian"),
     ("who is rivian, briefly", "who is rivian"), ("in short, what is the rivalry about?",
      "what is the rivalry about?"), ("tl;dr: who wins?", "who wins?")],
)  # fmt: skip
def test_a_question_asked_briefly_is_read_without_its_brevity_words(text: str, asked: str) -> None:
    assert bot.more.asked_briefly(text) == asked


@pytest.mark.parametrize("text", ["briefly?", "in short", "how quickly will amazon build cars"])
def test_brevity_words_alone_or_inside_a_question_are_not_read(text: str) -> None:
    assert bot.more.asked_briefly(text) is None


def test_a_question_asked_briefly_gets_its_first_sentence_and_more_the_rest(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = service.ask("who are amazon's partners?")
    assert len(full.quotes) > 1
    brief = service.ask("briefly, who are amazon's partners?")
    assert brief.quotes == full.quotes[:1] and brief.outcome == "answered"
    rest = service.ask("tell me more", ["briefly, who are amazon's partners?"])
    assert rest.quotes == full.quotes
    assert service.ask("quickly, who is rivian?").outcome == "answered"
    monkeypatch.setattr(bot.more, "BRIEFLY_26", False)
    assert service.ask("quickly, who is rivian?").outcome == "refused"


@pytest.mark.parametrize(
    ("text", "asked"),
    [("what's amazon's plan in one sentence", "what's amazon's plan"),
     ("explain the plan briefly", "explain the plan"),
     ("who is rivian in a few words?", "who is rivian"),
     ("what's the rivalry about in a nutshell please", "what's the rivalry about")],
)  # fmt: skip
def test_brevity_at_the_end_without_a_comma_is_taken_off(
    text: str, asked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.more.brevity_taken_off(text) == asked
    assert bot.more.asked_briefly(text) is None  # not cut to its first sentence
    monkeypatch.setattr(bot.more, "BRIEFLY_27", False)
    assert bot.more.brevity_taken_off(text) is None


@pytest.mark.parametrize(
    "text", ["briefly", "in a nutshell?", "how did tesla grow so quickly", "is it in short supply"]
)
def test_brevity_alone_or_a_quickly_at_the_end_is_not_taken_off(text: str) -> None:
    assert bot.more.brevity_taken_off(text) is None


def test_a_question_with_brevity_at_the_end_is_answered_as_without_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = service.ask("what's amazon's plan?")
    asked = service.ask("what's amazon's plan in one sentence")
    assert asked.quotes == bare.quotes and asked.question.endswith("in one sentence")
    monkeypatch.setattr(bot.more, "BRIEFLY_27", False)
    assert service.ask("what's amazon's plan in one sentence").quotes != bare.quotes


@pytest.mark.parametrize("text", ["next", "next one", "what's next?", "next please"])
def test_next_after_an_answer_asks_for_more(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_request_for_more(text)
    monkeypatch.setattr(bot.more, "NEXT_26", False)
    assert not is_request_for_more(text)


def test_next_naming_something_is_no_request_for_more() -> None:
    assert not is_request_for_more("what's next for tesla?")
    assert not is_request_for_more("the next generation of cars")


def _answer_quoting(passage: str, *quoted: str) -> Answer:
    citation = Citation(1, "doc", "Deal", "https://e.com/a", "Deal", passage, 0.5, "p1")
    quotes = tuple(Quote(sentence, 1) for sentence in quoted)
    return Answer("a1", "who is rivian?", " ".join(quoted), False, (citation,), quotes)


PASSAGE = (
    "Amazon invested in Rivian. This venture is more direct. It competes with Tesla. "
    "It may launch soon. Nobody knows when."
)


def test_read_on_quotes_the_sentences_after_the_last_quoted_in_its_passage() -> None:
    before = _answer_quoting(PASSAGE, "Amazon invested in Rivian.")
    read = read_on("tell me more", before)
    assert read is not None and read.question == "tell me more"
    assert [q.text for q in read.quotes] == [
        "This venture is more direct.",
        "It competes with Tesla.",
        "It may launch soon.",
    ]  # at most READ_ON sentences
    assert [c.passage_id for c in read.citations] == ["p1"] and read.citations[0].n == 1
    assert read.citations[0].link and "This%20venture" in read.citations[0].link


def test_read_on_finds_nothing_past_a_passage_quoted_to_its_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert (
        read_on("more", _answer_quoting(PASSAGE, "It may launch soon.", "Nobody knows when."))
        is None
    )
    before = _answer_quoting(PASSAGE, "Amazon invested in Rivian.")
    monkeypatch.setattr(bot.more, "READ_ON_28", False)
    assert read_on("tell me more", before) is None


def test_tell_me_more_reads_on_through_the_passage_then_past_it(service: AnswerService) -> None:
    question = "who is rivian?"
    first = service.ask(question)
    assert "Rivian" in first.answer
    more = service.ask("tell me more", [question])
    assert "this new venture appears to be far more direct" in more.answer
    assert _quoted(more) == _quoted(first)  # the same passage, read on
    again = service.ask("more", [question, "tell me more"])
    assert again.outcome == "answered" and not _quoted(again) & _quoted(first)


def test_with_reading_on_off_more_goes_past_the_passage(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.more, "READ_ON_28", False)
    question = "who is rivian?"
    more = service.ask("tell me more", [question])
    assert "this new venture" not in more.answer
    assert not _quoted(more) & _quoted(service.ask(question))


@pytest.mark.parametrize(
    "doubt",
    ["how sure are you?", "what's your confidence level?", "how confident are you about that?",
     "how certain can i be?"],
)  # fmt: skip
def test_how_sure_the_bot_is_after_an_answer_shows_it_again_and_not_without_the_rule(
    service: AnswerService, doubt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "who is rivian?"
    first = service.ask(question)
    again = service.ask(doubt, [question])
    assert again.outcome == "answered" and again.answer == first.answer
    monkeypatch.setattr(bot.more, "CONFIDENCE_28", False)
    assert not bot.more.doubts_the_answer(doubt)
    assert service.ask(doubt, [question]).answer != first.answer


def test_read_on_leaves_an_answer_quoting_several_passages_to_the_search() -> None:
    before = _answer_quoting(PASSAGE, "Amazon invested in Rivian.")
    other = Citation(2, "doc", "Deal", None, "Plants", "Plants in Texas. More soon.", 0.4, "p2")
    several = Answer(
        "a2", "who is rivian and where?", "", False,
        (*before.citations, other), (*before.quotes, Quote("Plants in Texas.", 2)),
    )  # fmt: skip
    assert read_on("tell me more", several) is None


def test_so_after_an_answer_asks_for_more_and_not_without_the_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert is_request_for_more("so?") and is_request_for_more("and so?")
    assert not is_request_for_more("so what?") and not is_request_for_more("so who is rivian?")
    monkeypatch.setattr(bot.more, "SO_28", False)
    assert not is_request_for_more("so?")


@pytest.mark.parametrize(
    "text",
    ["tell me even more", "still more?", "is that all?", "is that it?", "nothing else?",
     "nice, what else should i know?", "anything else i should know?", "what else is important?",
     "can you be more specific?", "be more specific", "specifics?",
     "ok and?", "right so?", "hmm and"],
)  # fmt: skip
def test_more_asked_so_is_a_request_for_more_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert is_request_for_more(text)
    monkeypatch.setattr(bot.more, "MORE_29", False)
    assert not is_request_for_more(text)


@pytest.mark.parametrize("text", ["is there more on rivian?", "is that all amazon plans?"])
def test_asking_whether_there_is_more_of_a_topic_is_searched(text: str) -> None:
    assert not is_request_for_more(text)


def test_is_that_all_after_an_answer_reads_on(service: AnswerService) -> None:
    more = service.ask("tell me more", ["who is rivian?"])
    assert service.ask("is that all?", ["who is rivian?"]).quotes == more.quotes


@pytest.mark.parametrize(
    "text", ["are you sure about that?", "how do you know that for sure?", "are u certain of it"]
)
def test_a_doubt_about_that_is_a_doubt_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert doubts_the_answer(text)
    monkeypatch.setattr(bot.more, "DOUBTS_29", False)
    assert not doubts_the_answer(text)


@pytest.mark.parametrize(
    ("text", "before", "asked"),
    [("any other partners?", "who are amazon's partners?", True),
     ("any others?", "who are amazon's partners?", True),
     ("other partners?", "who are amazon's partners?", True),
     ("any other ev makers?", "who are amazon's partners?", False)],
)  # fmt: skip
def test_others_of_what_was_asked_are_more_and_not_without_the_rule(
    text: str, before: str, asked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (asks_for_more(text, [before]) is not None) is asked
    monkeypatch.setattr(bot.more, "OTHERS_29", False)
    assert asks_for_more(text, [before]) is None


def test_others_asked_twice_read_on_twice(service: AnswerService) -> None:
    history = ["who are amazon's partners?", "any others?"]
    more = asks_for_more("any others?", history)
    assert more is not None and more.times == 2 and more.question == history[0]
    first = service.ask("any other partners?", history[:1])
    assert first.quotes == service.ask("tell me more", history[:1]).quotes


@pytest.mark.parametrize(
    "text",
    ["longer", "longer please", "make it longer", "a longer answer", "details?", "details pls",
     "dig deeper", "give me the full answer", "can you give me the whole answer?"],
)  # fmt: skip
def test_a_longer_answer_asked_is_a_request_for_more_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert is_request_for_more(text)
    monkeypatch.setattr(bot.more, "LONGER_30", False)
    assert not is_request_for_more(text)


@pytest.mark.parametrize(
    "text", ["longer range?", "is the range longer than tesla's?", "details about prime",
             "the details of the deal"]
)  # fmt: skip
def test_a_longer_or_details_naming_a_topic_is_searched(text: str) -> None:
    assert not is_request_for_more(text)


def test_longer_after_an_answer_reads_on(service: AnswerService) -> None:
    more = service.ask("tell me more", ["who is rivian?"])
    assert service.ask("longer please", ["who is rivian?"]).quotes == more.quotes


@pytest.mark.parametrize(
    "text",
    ["did you make that up?", "are you making this up?", "is that made up?", "is this real?",
     "are you hallucinating?", "you made that up", "seriously?", "for real?", "oh really?",
     "no way"],
)  # fmt: skip
def test_asking_whether_the_answer_is_made_up_is_a_doubt_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.more.doubts_the_answer(text)
    monkeypatch.setattr(bot.more, "MADE_UP_30", False)
    assert not bot.more.doubts_the_answer(text)


def test_did_you_make_that_up_after_an_answer_shows_it_again(service: AnswerService) -> None:
    before = service.ask("who is rivian?")
    again = service.ask("did you make that up?", ["who is rivian?"])
    assert again.quotes == before.quotes and again.outcome == "answered"


@pytest.mark.parametrize(
    "text", ["eli5", "eli 5 pls", "dumb it down", "explain like i'm 5", "for dummies"]
)
def test_a_bare_simpler_request_asks_for_fewer_words_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.more.asks_shorter(text)
    monkeypatch.setattr(bot.more, "SIMPLER_30", False)
    assert not bot.more.asks_shorter(text)


def test_eli5_after_an_answer_is_its_first_sentence(service: AnswerService) -> None:
    history = ["what are amazon's advantages?"]
    shorter = service.ask("in one sentence?", history)
    assert service.ask("eli5", history).quotes == shorter.quotes

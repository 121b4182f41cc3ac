"""Several questions in one message are each answered, the answers joined into one
(bot/several_questions.py)."""

from __future__ import annotations

import functools

import pytest

import bot.several_questions
import bot.source_terms
from bot.service import AnswerService
from bot.several_questions import questions_in


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "who is rivian and where are the factories?",
            ["who is rivian", "where are the factories?"],
        ),
        (
            "who is rivian? where will amazon build the factories?",
            ["who is rivian?", "where will amazon build the factories?"],
        ),
        (
            "what are tesla's strengths, and what are its weaknesses?",
            ["what are tesla's strengths", "what are its weaknesses?"],
        ),
    ],
)
def test_several_questions_are_split_by_their_grammar(text: str, parts: list[str]) -> None:
    assert questions_in(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "rivian? what's that",  # a part of one word asks nothing of its own
        "how and why is amazon doing this",
        "great, will the cars drive themselves? then i'm off",  # no question after the mark
        "which companies did amazon invest in and partner with?",
        "what are the risks and opportunities for investors?",
    ],
)
def test_one_question_stays_whole(text: str) -> None:
    assert questions_in(text) == [text]


def test_each_question_is_answered_and_the_citations_numbered_anew(
    service: AnswerService,
) -> None:
    answer = service.ask("who is rivian and where are the factories?")
    assert answer.outcome == "answered"
    assert "Rivian, an electric truck and SUV manufacturer" in answer.answer
    assert "Texas and Michigan" in answer.answer
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert len({c.passage_id for c in answer.citations}) == len(answer.citations)
    quoted = [q.citation for q in answer.quotes]
    assert quoted == sorted(quoted) and quoted[0] == 1  # the quoted passages cited first
    for quote in answer.quotes:
        assert quote.text in answer.citations[quote.citation - 1].text


def test_a_question_the_sources_dont_cover_is_named_in_the_label(service: AnswerService) -> None:
    answer = service.ask("who is rivian and what's the weather in paris?")
    assert answer.outcome == "partial"
    assert answer.partial_label is not None and "what's the weather in paris?" in (
        answer.partial_label
    )
    assert "Rivian" in answer.answer


def test_a_follow_up_of_an_off_topic_question_is_refused_with_it(service: AnswerService) -> None:
    assert service.ask("who was nikola tesla and what did he invent").refused


def test_without_the_rule_the_message_is_searched_whole(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.several_questions, "SEVERAL_QUESTIONS", False)
    answer = service.ask("who is rivian and where are the factories?")
    assert "Texas and Michigan" not in answer.answer


def test_more_after_several_questions_goes_on_for_each(service: AnswerService) -> None:
    question = "who is rivian and where are the factories?"
    first = service.ask(question)
    more = service.ask("tell me more", [question])
    assert more.outcome != "refused"
    quoted = {c.passage_id for c in first.quoted_passages}
    assert quoted and not quoted & {c.passage_id for c in more.quoted_passages}


@pytest.mark.parametrize(
    ("text", "parts"),
    [("i have two questions: who is rivian and where are the factories",
      ["who is rivian", "where are the factories"]),
     ("1) who are the partners 2) where are the factories",
      ["who are the partners?", "where are the factories?"]),
     ("who are the partners\nwhere will amazon build",
      ["who are the partners?", "where will amazon build?"]),
     ("- who is rivian\n- what does nvidia do", ["who is rivian?", "what does nvidia do?"])],
)  # fmt: skip
def test_announced_numbered_or_listed_questions_are_split(text: str, parts: list[str]) -> None:
    assert questions_in(text) == parts


@pytest.mark.parametrize(
    "text",
    ["what is the f-150 - is it electric?", "tesla has 2 problems: 1) delays 2) quality",
     "quick question: who is rivian", "what is tesla 3) model"],
)  # fmt: skip
def test_a_dash_or_number_inside_one_question_splits_nothing(text: str) -> None:
    assert questions_in(text) == [text]


def test_numbered_questions_are_each_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbered = "1) who is rivian 2) where are the factories"
    answer = service.ask(numbered)
    assert "Rivian, an electric truck and SUV manufacturer" in answer.answer
    assert "Texas and Michigan" in answer.answer
    monkeypatch.setattr(bot.several_questions, "NUMBERED_26", False)
    assert questions_in(numbered) == [numbered]
    assert questions_in("i have two questions: who is rivian and where are the factories") == [
        "i have two questions: who is rivian and where are the factories"
    ]


def test_an_opening_conjunction_is_kept_when_the_questions_split() -> None:
    # "and" joins the first question to the conversation (bot.conversation.with_conjunction)
    assert questions_in("and who is rivian? where are they based?") == [
        "and who is rivian?",
        "where are they based?",
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [("who is rivian; who is lucid", ["who is rivian", "who is lucid"]),
     ("who is rivian ; where are the factories?", ["who is rivian", "where are the factories?"])],
)  # fmt: skip
def test_questions_joined_by_a_semicolon_are_split_and_not_without_the_rule(
    text: str, parts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert questions_in(text) == parts
    assert questions_in("who is rivian; thanks") == ["who is rivian; thanks"]  # no question after
    monkeypatch.setattr(bot.several_questions, "SEMICOLON_28", False)
    assert questions_in(text) == [text]


@pytest.mark.parametrize(
    ("text", "parts"),
    [("who is rivian / where is the hq", ["who is rivian", "where is the hq"]),
     ("who is rivian. also, where are the factories",
      ["who is rivian.", "where are the factories"]),
     ("who is rivian. where is the hq.", ["who is rivian.", "where is the hq."])],
)  # fmt: skip
def test_questions_separated_by_a_slash_or_a_full_stop_are_split_and_not_without_the_rule(
    text: str, parts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert questions_in(text) == parts
    monkeypatch.setattr(bot.several_questions, "SEPARATORS_29", False)
    assert questions_in(text) == [text]


@pytest.mark.parametrize(
    "text", ["I am a journalist. what is amazon planning?", "amazon vs tesla / who wins"]
)
def test_a_statement_before_a_question_is_not_split(text: str) -> None:
    assert questions_in(text) == [text]


def test_a_later_question_pointing_at_none_before_it_is_asked_alone_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    lucid = service.ask("who is lucid?")
    both = service.ask("who is rivian and who is lucid?")
    assert "Lucid" in both.answer and lucid.quotes[0].text in both.answer
    opening = service.ask("where are the factories and when do they open?")
    assert bot.several_questions.points_back_in_message("when do they open?")
    assert opening.answer  # "they" keeps the factories as its context
    monkeypatch.setattr(bot.several_questions, "SEPARATORS_29", False)
    assert "Lucid" not in service.ask("who is rivian and who is lucid?").answer


def test_a_short_part_naming_a_thing_is_a_question_of_its_own_and_not_without_the_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = "what's rivian? also, what's nvidia?"
    assert questions_in(asked) == ["what's rivian?", "also, what's nvidia?"]
    assert questions_in("who is rivian? why?") == ["who is rivian? why?"]  # names nothing
    assert questions_in("who is rivian? what's that?") == ["who is rivian? what's that?"]
    monkeypatch.setattr(bot.several_questions, "SHORT_NAMED_31", False)
    assert questions_in(asked) == [asked]


@pytest.mark.parametrize(
    ("asked", "names"),
    [("tell me about rivian, panasonic and nvidia", ["rivian", "panasonic", "nvidia"]),
     ("tell me about rivian, panasonic, and nvidia", ["rivian", "panasonic", "nvidia"]),
     ("compare rivian and lucid", ["rivian", "lucid"])],
)  # fmt: skip
def test_several_rare_names_asked_about_are_each_answered_and_not_without_the_rule(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, asked: str, names: list[str]
) -> None:
    answer = service.ask(asked).answer.lower()
    assert all(name in answer for name in names)
    monkeypatch.setattr(bot.several_questions, "SEVERAL_NAMES_31", False)
    alone = service.ask(asked).answer.lower()
    assert not all(name in alone for name in names)


def test_names_most_passages_hold_stay_one_question(service: AnswerService) -> None:
    weighed = service.ask("compare amazon and tesla")
    assert len(weighed.citations) == len(service.ask("how do amazon and tesla compare?").citations)
    retriever = service.retriever
    topic = functools.partial(bot.source_terms.topic_name, retriever, capitals=True)
    assert not bot.several_questions.names_asked("compare amazon and tesla", topic)
    assert bot.several_questions.names_asked("compare rivian and lucid", topic)

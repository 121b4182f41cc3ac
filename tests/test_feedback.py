"""Replies about the conversation: complaints, questions taken back or put right, and starting
over (bot/feedback.py)."""

from __future__ import annotations

import pytest

import bot.feedback
from bot.feedback import (
    AGAIN,
    SORRY,
    SORRY_NOTED,
    asks_to_start_over,
    is_complaint,
    since_start_over,
    without_asides,
    without_retraction,
)
from bot.service import AnswerService


@pytest.mark.parametrize(
    "text",
    ["that's wrong", "That is not what I asked", "wrong answer", "not helpful", "no, that's "
     "incorrect", "you're wrong lol", "that doesn't answer my question", "this is useless",
     "not what i asked for"],
)  # fmt: skip
def test_complaints_are_read_by_their_form(text: str) -> None:
    assert is_complaint(text)


@pytest.mark.parametrize(
    "text",
    ["is that wrong?", "what's wrong with tesla", "that's wrong about the factories",
     "what went wrong at tesla", "who is rivian"],
)  # fmt: skip
def test_a_question_or_a_complaint_naming_something_is_no_complaint(text: str) -> None:
    assert not is_complaint(text)


@pytest.mark.parametrize(
    ("text", "rest", "taken_back"),
    [("never mind, where are the factories", "where are the factories", True),
     ("nvm. who is panasonic?", "who is panasonic?", True),
     ("forget that - what does musk think", "what does musk think", True),
     ("no, i meant the factories", "the factories", False),
     ("sorry i meant panasonic", "panasonic", False),
     ("never mind", "never mind", False), ("who is rivian", "who is rivian", False)],
)  # fmt: skip
def test_a_question_taken_back_or_put_right_loses_its_opening(
    text: str, rest: str, taken_back: bool
) -> None:
    assert without_retraction(text) == (rest, taken_back)


def test_the_conversation_restarts_after_start_over() -> None:
    assert asks_to_start_over("can we start over please") and asks_to_start_over("new topic")
    assert not asks_to_start_over("when will amazon start production")
    assert since_start_over(["who is rivian", "start over", "hi"]) == ["hi"]
    assert since_start_over(["who is rivian"]) == ["who is rivian"]


def test_a_complaint_gets_an_apology_not_a_search(service: AnswerService) -> None:
    answer = service.ask("that's wrong", ["who is rivian?"])
    assert answer.answer == SORRY and answer.reply == "sorry" and answer.refused
    assert service.ask("start over", ["who is rivian?"]).answer == AGAIN


def test_a_complaint_counts_as_a_not_helpful_vote_on_the_answer_before(
    service: AnswerService,
) -> None:
    conversation = "complaint-thread"
    answered = service.ask("who is rivian?", conversation=conversation, user="u1")
    before = service.query_log.stats()["not_helpful"]
    reply = service.ask("that's wrong", ["who is rivian?"], conversation=conversation, user="u1")
    assert reply.answer == SORRY_NOTED and reply.reply == "sorry"
    assert service.query_log.stats()["not_helpful"] == before + 1
    worst = service.query_log.stats(worst=100)["worst"]
    assert any(w["answer_id"] == answered.id and w["not_helpful"] == 1 for w in worst)


def test_a_complaint_with_nothing_answered_before_is_not_counted(service: AnswerService) -> None:
    before = service.query_log.stats()["not_helpful"]
    reply = service.ask("that's wrong", ["hi"], conversation="nothing-answered", user="u1")
    assert reply.answer == SORRY
    assert service.query_log.stats()["not_helpful"] == before


def test_without_the_rule_a_complaint_is_not_counted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.feedback, "COMPLAINT_VOTES", False)
    service.ask("who is rivian?", conversation="uncounted", user="u1")
    before = service.query_log.stats()["not_helpful"]
    reply = service.ask("that's wrong", ["who is rivian?"], conversation="uncounted", user="u1")
    assert reply.answer == SORRY
    assert service.query_log.stats()["not_helpful"] == before


def test_a_question_taken_back_is_asked_alone(service: AnswerService) -> None:
    alone = service.ask("where will the factories be built?")
    taken_back = service.ask("never mind, where will the factories be built?", ["who is rivian?"])
    assert (taken_back.answer, taken_back.citations) == (alone.answer, alone.citations)


def test_without_the_rules_they_are_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.feedback, "COMPLAINTS", False)
    monkeypatch.setattr(bot.feedback, "RETRACTIONS", False)
    assert service.ask("that's wrong", ["who is rivian?"]).answer != SORRY
    assert service.ask("start over", ["who is rivian?"]).answer != AGAIN
    assert without_retraction("never mind, who is rivian") == ("never mind, who is rivian", False)


@pytest.mark.parametrize(
    ("text", "rest"),
    [("hmm not what i asked. i meant what rivian makes", "what rivian makes"),
     ("that's wrong, where are the factories?", "where are the factories?"),
     ("not helpful!! what does rivian make", "what does rivian make"),
     ("wrong answer - where is the hq", "where is the hq"),
     ("wrong way to think about it?", "wrong way to think about it?")],
)  # fmt: skip
def test_a_complaint_before_a_question_puts_it_right(text: str, rest: str) -> None:
    assert without_retraction(text) == (rest, False)


def test_a_question_after_a_complaint_is_answered_as_put_right(service: AnswerService) -> None:
    history = ["what is rivian"]
    put_right = service.ask("no, i meant what rivian makes", history)
    answer = service.ask("hmm not what i asked. i meant what rivian makes", history)
    assert answer.outcome == "answered"
    assert (answer.answer, answer.citations) == (put_right.answer, put_right.citations)


def test_without_the_rule_the_complaint_is_searched_with_the_question(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.feedback, "COMPLAINT_FIRST", False)
    text = "hmm not what i asked. i meant what rivian makes"
    assert without_retraction(text) == (text, False)
    assert service.ask(text, ["what is rivian"]).outcome == "refused"


def test_a_complaint_before_a_question_counts_against_the_answer_before(
    service: AnswerService,
) -> None:
    conversation = "complaint-first-thread"
    answered = service.ask("what is rivian", conversation=conversation, user="u1")
    before = service.query_log.stats()["not_helpful"]
    text = "hey, that's wrong, what does rivian make?"  # a greeting before it too
    answer = service.ask(text, ["what is rivian"], conversation=conversation, user="u1")
    assert answer.outcome == "answered"
    assert service.query_log.stats()["not_helpful"] == before + 1
    worst = service.query_log.stats(worst=100)["worst"]
    assert any(w["answer_id"] == answered.id and w["not_helpful"] == 1 for w in worst)
    assert not any(w["answer_id"] == answer.id for w in worst)  # the new answer is not voted on


def test_asides_after_a_question_are_left_out_of_the_history() -> None:
    aside = {"thanks", "how long is the article?", "cool"}.__contains__
    history = ["who is rivian?", "thanks", "where are the factories?", "cool"]
    assert without_asides(history, aside) == ["who is rivian?", "where are the factories?"]
    # a conversation opening with asides keeps them: nothing on topic came before
    assert without_asides(["thanks", "cool"], aside) == ["thanks", "cool"]


@pytest.mark.parametrize(
    "aside", ["thanks", "what's your opinion?", "how long is the article?", "are you sure?"],
)  # fmt: skip
def test_a_follow_up_after_an_aside_follows_the_question_before_it(
    service: AnswerService, aside: str
) -> None:
    alone = service.ask("what do they make?", ["who is rivian?"])
    assert "electric truck and SUV manufacturer" in alone.answer
    assert service.ask("what do they make?", ["who is rivian?", aside]).answer == alone.answer


def test_without_the_rule_a_follow_up_reads_the_aside(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.feedback, "ASIDES_26", False)
    answer = service.ask("what do they make?", ["who is rivian?", "thanks"])
    assert "electric truck and SUV manufacturer" not in answer.answer


def test_start_over_is_kept_in_the_conversation_the_query_log_reads_back(
    service: AnswerService,
) -> None:
    conversation = "turns-start-over"
    service.ask("who makes the batteries?", conversation=conversation)
    assert service.ask("start over", ["who makes the batteries?"], conversation=conversation).reply
    history = service.query_log.conversation_questions(conversation)
    assert history == ["who makes the batteries?", "start over"]
    after = service.ask("where are they based?", history, conversation=conversation)
    alone = service.ask("where are they based?")
    assert after.answer == alone.answer


@pytest.mark.parametrize(
    "text",
    ["clear", "forget that", "new question", "different question", "change of subject",
     "clear the context please", "start from scratch", "ok forget everything"],
)  # fmt: skip
def test_session_27_ways_to_start_over_are_read_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.feedback.asks_to_start_over(text)
    monkeypatch.setattr(bot.feedback, "RESET_27", False)
    assert not bot.feedback.asks_to_start_over(text)


@pytest.mark.parametrize("text", ["clear skies for tesla?", "forget that tesla exists", "new cars"])
def test_a_message_naming_more_does_not_start_over(text: str) -> None:
    assert not bot.feedback.asks_to_start_over(text)


_NAMES = {"musk", "bezos", "tesla", "amazon", "rivian", "lucid"}.__contains__


@pytest.mark.parametrize(
    ("before", "text", "corrected"),
    [("who is musk?", "not him, bezos", "who is bezos?"),
     ("who makes tesla's batteries?", "no i meant amazon's", "who makes amazon's batteries?"),
     ("who makes tesla's batteries?", "no i meant amazon", "who makes amazon's batteries?"),
     ("where will tesla build factories?", "sorry, i meant amazon",
      "where will amazon build factories?"),
     ("what does rivian make?", "wrong company, i meant lucid", "what does lucid make?")],
)  # fmt: skip
def test_a_correction_naming_a_name_puts_it_in_the_question_before(
    before: str, text: str, corrected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.feedback.corrected_question(text, before, _NAMES) == corrected
    monkeypatch.setattr(bot.feedback, "CORRECTIONS_27", False)
    assert bot.feedback.corrected_question(text, before, _NAMES) is None


@pytest.mark.parametrize(
    ("before", "text"),
    [("who is musk?", "i meant where are the factories"),  # a question, not a name
     ("how will musk respond to bezos?", "i meant amazon"),  # two names before: which?
     ("what are the innovations?", "i meant rivian"),  # no name before
     ("who is musk?", "i meant musk"), ("who is musk?", "i meant the ceo")],
)  # fmt: skip
def test_a_correction_without_one_name_to_replace_is_read_as_before(before: str, text: str) -> None:
    assert bot.feedback.corrected_question(text, before, _NAMES) is None


def test_the_corrected_question_is_asked_alone(service: AnswerService) -> None:
    alone = service.ask("what does lucid make?")
    corrected = service.ask("wrong company, i meant lucid", ["what does rivian make?"])
    assert corrected.quotes == alone.quotes and "Lucid" in corrected.answer


@pytest.mark.parametrize(
    "text",
    ["you didn't answer my question", "try again", "nice try", "that's not the answer",
     "wrong answer, try again", "not quite"],
)  # fmt: skip
def test_session_27_complaints_are_read_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.feedback.is_complaint(text)
    monkeypatch.setattr(bot.feedback, "COMPLAINTS_27", False)
    assert not bot.feedback.is_complaint(text)


@pytest.mark.parametrize("text", ["try again later, tesla", "is that not it for amazon?"])
def test_a_complaint_naming_more_is_no_complaint(text: str) -> None:
    assert not bot.feedback.is_complaint(text)


@pytest.mark.parametrize(
    "text",
    ["you're useless", "you suck lol", "terrible answer", "this is pointless",
     "what a waste of time", "so unhelpful", "👎", "meh", "thumbs down"],
)  # fmt: skip
def test_an_insult_or_a_verdict_on_the_answer_is_a_complaint_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert is_complaint(text)
    monkeypatch.setattr(bot.feedback, "COMPLAINTS_28", False)
    if text != "so unhelpful":  # "unhelpful" alone was one before
        assert not is_complaint(text)


@pytest.mark.parametrize("text", ["that sucks", "that's bad", "is that bad?", "terrible news"])
def test_a_reaction_to_what_was_quoted_is_no_complaint(text: str) -> None:
    assert not is_complaint(text)


def test_a_thumbs_down_after_an_answer_is_a_vote_not_small_talk(service: AnswerService) -> None:
    assert service.ask("👎", ["who is rivian?"]).reply == "sorry"
    assert service.ask("👍", ["who is rivian?"]).reply != "sorry"


@pytest.mark.parametrize(
    "text", ["can you try again?", "could you try again please", "give it another go", "try harder"]
)
def test_asking_to_try_again_is_a_complaint_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert is_complaint(text)
    monkeypatch.setattr(bot.feedback, "COMPLAINTS_29", False)
    assert not is_complaint(text)

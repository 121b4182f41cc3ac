"""Session 27's small talk (bot/unclear.py and bot/small_talk.py, `--talk-27`): forms no older
phrase reads (`CHAT_FORMS_27`), a bare "what?" after an answer told it was unclear (`WHAT_27`), and
a greeting to the bot by a pet name taken off before a question with no mark, session 27's forms
before a mark (`OPENERS_27`). Each is read with its rule on and not with it off; questions holding
the same words stay questions."""

from __future__ import annotations

import time

import pytest

import bot.small_talk
import bot.small_talk_forms
import bot.unclear
from bot.service import AnswerService
from bot.small_talk import small_talk, without_greeting
from bot.unclear import after_answer


@pytest.mark.parametrize(
    "message",
    [
        "what?",
        "what",
        "WHAT??",
        "whaaat?!",
        "wat?",
        "wut",
        "wha?",
        "wait what?",
        "sorry, what?",
        "lol what",
        "umm what?",
        "wtf",
        "what the heck?",
    ],
)
def test_a_bare_what_after_an_answer_is_told_it_was_unclear(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert after_answer(message, ("who is musk?",)) == "unclear"
    assert after_answer(message, ()) == "help"  # nothing said yet: what the bot answers
    monkeypatch.setattr(bot.unclear, "WHAT_27", False)
    assert after_answer(message, ("who is musk?",)) is None
    assert after_answer(message, ()) is None


@pytest.mark.parametrize(
    "message",
    [
        "so what?",  # a doubt of its own
        "what now?",  # the next step
        "what was that?",  # asked to hear it again (bot.more's REPEATS)
        "what's that?",
        "what about bezos?",
        "what else?",
        "whatever",
        "wait, what about bezos?",
        "what the article says about tesla?",
    ],
)
def test_what_with_more_words_is_no_unclear_reply(message: str) -> None:
    assert after_answer(message, ("who is musk?",)) is None


def test_the_service_tells_what_after_an_answer_it_was_unclear(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "who is musk? → what?" quoted the same sentence again."""
    first = service.ask("who is musk?")
    told = service.ask("what?", ["who is musk?"])
    assert told.reply == "unclear" and "another way" in told.answer and not told.quotes
    # Each way on it names works after it ("in simpler words": the first quoted sentence alone).
    assert "in simpler words" in told.answer and "tell me more" in told.answer
    simpler = service.ask("in simpler words", ["who is musk?", "what?"])
    assert simpler.quotes and first.answer.startswith(simpler.answer.rstrip("…"))
    monkeypatch.setattr(bot.unclear, "WHAT_27", False)
    again = service.ask("what?", ["who is musk?"])
    assert again.reply is None and again.answer == first.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hey botty who leads", "Who leads"),
        ("hi there robot where will amazon build?", "Where will amazon build?"),
        ("hello chatbot is tesla ahead?", "Is tesla ahead?"),
        ("hai botty what is rivian", "What is rivian"),
    ],
)
def test_a_greeting_to_the_bot_by_a_pet_name_is_taken_off_with_no_mark(
    question: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(question) == expected
    monkeypatch.setattr(bot.small_talk, "OPENERS_27", False)
    monkeypatch.setattr(bot.small_talk_forms, "VOCATIVE_31", False)  # session 31
    assert without_greeting(question) != expected


@pytest.mark.parametrize(
    "question",
    [
        "hey robot arms who makes them",
        "hey botty",
        "hi botty!",
        "hey stranger things fans",
        "hello hello",
        "hey so",
        "pardon me",
    ],
)
def test_a_pet_name_opens_no_question_without_a_question_word_after_it(question: str) -> None:
    assert not without_greeting(question).lower().startswith(("who", "what"))


def test_the_service_answers_hey_botty_who_leads_as_who_leads(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "hey botty who leads" was searched as "Botty who leads" and refused."""
    alone = service.ask("who leads")
    greeted = service.ask("hey botty who leads")
    assert not greeted.refused and greeted.answer == alone.answer
    monkeypatch.setattr(bot.small_talk, "OPENERS_27", False)
    monkeypatch.setattr(bot.small_talk_forms, "VOCATIVE_31", False)  # session 31
    assert service.ask("hey botty who leads").refused


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("well howdy there, chatbot", "greeting"),
        ("oh hello there botty", "greeting"),
        ("hullo hullo", "greeting"),
        ("wotcha mate", "greeting"),
        ("hey ya", "greeting"),
        ("fair dos", "thanks"),
        ("fair play to you", "thanks"),
        ("okie dokie artichokie", "thanks"),
        ("have a lovely evening", "thanks"),
        ("enjoy the rest of your day", "thanks"),
        ("you're a lifesaver honestly", "thanks"),
        ("absolute legend tbh", "thanks"),
        ("thanks, you're a genius", "thanks"),
        ("what a hero", "thanks"),
    ],
)
def test_session_27_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_27", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "have a look at tesla's factories",
        "what a legend elon is, right?",
        "legend says musk started it",
        "who is the hero of the ev race",
        "enjoy the ride in a rivian?",
        "fair play rules for amazon?",
    ],
)
def test_questions_holding_session_27_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hullo, who leads?", "Who leads?"),
        ("wotcha! where will amazon build?", "Where will amazon build?"),
        ("fair dos, but who leads?", "Who leads?"),
        ("hello hello who leads", "Who leads"),
        ("yo yo who leads", "Who leads"),
        ("hey so who leads", "Who leads"),
        ("pardon, who leads?", "Who leads?"),
        ("apologies, who leads?", "Who leads?"),
        ("hey ya who leads", "Who leads"),
        ("okie dokie what about rivian", "What about rivian"),
    ],
)
def test_session_27_forms_are_taken_off_before_a_question_and_not_with_the_rule_off(
    question: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(question) == expected
    monkeypatch.setattr(bot.small_talk, "OPENERS_27", False)
    assert without_greeting(question) != expected


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("ahoy matey", "greeting"),
        ("that's everything", "thanks"),
        ("that'll do", "thanks"),
        ("that will do, thanks", "thanks"),
        ("all sorted", "thanks"),
        ("we're good", "thanks"),
        ("good to go", "thanks"),
        ("well explained", "thanks"),
        ("nicely done", "thanks"),
        ("great explanation", "thanks"),
        ("clear answer, thanks", "thanks"),
        ("short and sweet", "thanks"),
        ("thanks once again", "thanks"),
        ("bless you", "thanks"),
    ],
)
def test_the_hand_probed_session_27_forms_are_replied_to_and_not_with_their_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each was searched: refused, or ("that'll do" after an answer) quoted as a follow-up."""
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk, "MORE_FORMS_27", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "is that everything?",
        "that'll do what for amazon?",
        "are we good on batteries?",
        "is it good to go for tesla?",
        "give me a short and sweet summary",
        "great explanation of the rivalry please",
    ],
)
def test_questions_holding_the_hand_probed_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


def test_the_service_replies_to_thatll_do_after_an_answer(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probed by hand: "who is musk? → that'll do" quoted "If Bezos succeeds, …" as a follow-up."""
    assert service.ask("that'll do", ["who is musk?"]).reply == "thanks"
    monkeypatch.setattr(bot.small_talk, "MORE_FORMS_27", False)
    assert service.ask("that'll do", ["who is musk?"]).reply is None


# A hang, not a slow answer, is what fails here: a phrase read two ways splits a run every way.
@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "phrase",
    [
        "hullo ",
        "well howdy there, ",
        "hey there botty ",
        "fair dos ",
        "okie dokie artichokie ",
        "have a lovely evening ",
        "you're a lifesaver honestly ",
        "legend ",
        "thanks legend tbh ",
        "what? ",
        "wait what? ",
        "great answer ",
        "thanks again ",
        "we're good ",
        "well explained ",
        "sorry, what ",
        "hello ",
        "hey so ",
        "pardon, ",
        "okie dokie ",
        "you're a lifesaver, ",
        "hey ya ",
        "hey ya, ",
        "nice one ",
        "legend, ",
        "sorry to bother you again, ",
        "hullo there botty, ",
        "okie dokie, ",
        "fair play to you, ",
        "will do boss ",
        "right you are ",
    ],
)
def test_a_long_run_of_the_session_27_phrases_is_read_in_one_pass(phrase: str) -> None:
    started = time.perf_counter()
    for text in (phrase * 60 + "x", phrase * 60 + "who leads?", "who leads? " + phrase * 60):
        assert without_greeting(text)
        small_talk(text, lambda term: False)
        after_answer(text, ("who leads?",))
    assert time.perf_counter() - started < 5

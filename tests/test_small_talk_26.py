"""Session 26's small talk (bot/small_talk.py and bot/unclear.py, `--talk-26`): forms no older
phrase reads (`CHAT_FORMS_26`, `MORE_FORMS_26`), a message of marks alone told what the bot answers
(`MARKS_ALONE`), those forms and a greeting said to someone taken off before a question
(`OPENERS_26`), and "huh?" after an answer told it was unclear (`UNCLEAR`). Each is read with its
rule on and not with it off; questions holding the same words stay questions."""

from __future__ import annotations

import time

import pytest

import bot.small_talk
import bot.small_talk_forms
import bot.unclear
from bot.service import AnswerService
from bot.small_talk import help_asked_first, small_talk, without_greeting
from bot.unclear import after_answer


@pytest.mark.parametrize("message", ["?", "??", "...", "…", "?!", " . "])
def test_marks_alone_ask_what_the_bot_answers_and_are_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "help"
    monkeypatch.setattr(bot.small_talk, "MARKS_ALONE", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    ("message", "kind"), [("👍!", "thanks"), ("🔥🔥!!", "thanks"), ("👋?", "greeting")]
)
def test_marks_after_an_emoji_are_the_emojis_acknowledgement(message: str, kind: str) -> None:
    assert small_talk(message) == kind


@pytest.mark.parametrize("question", ["1?", "ev?", "q3?", "x..."])
def test_a_mark_after_a_letter_or_digit_is_no_mark_alone(question: str) -> None:
    assert small_talk(question) is None


def test_the_service_tells_a_bare_question_mark_what_it_answers(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alone, "?" was searched and refused: "The sources I have don't cover that question."."""
    told = service.ask("?")
    assert told.reply == "help" and "cites" in told.answer and not told.quotes
    monkeypatch.setattr(bot.small_talk, "MARKS_ALONE", False)
    assert service.ask("?").reply is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hi to you who leads", "Who leads"),
        ("hello to everyone what is rivian?", "What is rivian?"),
        ("good morning to you all where will amazon build?", "Where will amazon build?"),
        ("hi to you too is tesla ahead?", "Is tesla ahead?"),
    ],
)
def test_a_greeting_to_someone_is_taken_off_with_no_mark_and_not_with_the_rule_off(
    question: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(question) == expected
    monkeypatch.setattr(bot.small_talk, "OPENERS_26", False)
    assert without_greeting(question) != expected


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("sup sup", "greeting"),
        ("what's up what's up bot", "greeting"),
        ("u absolutely rock", "thanks"),
        ("you're totally the best", "thanks"),
        ("coolio", "thanks"),
        ("righto", "thanks"),
        ("righto, catch ya in a bit", "thanks"),
        ("see you in a sec", "thanks"),
        ("cheers, sorted", "thanks"),
        ("thanks robot", "thanks"),
    ],
)
def test_the_session_26_forms_are_replied_to_and_not_with_their_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_26", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    assert small_talk(message) is None


@pytest.mark.parametrize("message", ["heyyo botty", "hey bottie!", "cheers robot"])
def test_the_bots_pet_names_are_read_by_the_session_26_forms_and_not_with_them_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both tables read a pet name after their own phrases ("hey there botty": `more`'s)."""
    assert small_talk(message) is not None
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_26", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    monkeypatch.setattr(bot.small_talk, "MORE_FORMS_26", False)
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_27", False)  # a pet name after a greeting too
    assert small_talk(message) is None


@pytest.mark.parametrize(
    ("message", "kind", "opening"),
    [
        ("hai", "greeting", "Hello!"),
        ("'ello", "greeting", "Hello!"),
        ("oi oi", "greeting", "Hello!"),
        ("hello stranger", "greeting", "Hello!"),
        ("hey there friend", "greeting", "Hello!"),
        ("u up?", "greeting", "Hello!"),
        ("testing testing", "greeting", "Hello!"),
        ("ur a star", "thanks", "All right!"),
        ("bravo, thanks", "thanks", "You're welcome!"),
        ("top stuff", "thanks", "All right!"),
        ("lolol", "thanks", "All right!"),
        ("ttfn", "thanks", "Goodbye!"),
        ("that'll be all", "thanks", "Goodbye!"),
        ("konnichiwa", "greeting", "Hello!"),
        ("hej", "greeting", "Hello!"),
        ("much thanks", "thanks", "You're welcome!"),
        ("tnx bot", "thanks", "You're welcome!"),
        ("aye aye", "thanks", "All right!"),
        ("mkay", "thanks", "All right!"),
        ("aha, mind blown", "thanks", "All right!"),
        ("til", "thanks", "All right!"),
        ("buh-bye", "thanks", "Goodbye!"),
        ("gotta bounce", "thanks", "Goodbye!"),
        ("stay safe", "thanks", "Goodbye!"),
        ("what's this bot for", "help", "I answer questions"),
        ("hi, what is this bot about?", "help", "I answer questions"),
    ],
)
def test_the_hand_probed_session_26_forms_are_replied_to_and_not_with_their_rule_off(
    message: str, kind: str, opening: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each was searched: refused, or answered ("what's this bot for" quoted the AI passage)."""
    assert small_talk(message) == kind
    assert bot.small_talk.reply(kind, message, ["A title"], []).startswith(opening)
    monkeypatch.setattr(bot.small_talk, "MORE_FORMS_26", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_27", False)  # "hey there friend" too
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "is the robot real?",
        "what does coolio mean",
        "is tesla sorted?",
        "who will rule the ev market",
        "you rule the market?",
        "talk in a bit about rivian",
        "ace of spades?",
        "is tesla lit?",
        "who is the star of the ev race",
        "are you up to date?",
        "testing what?",
        "what is this bot's source?",
        "til when will tesla lead?",
        "is amazon learning something new?",
        "stay safe with evs?",
        "who is kay?",
        "is tesla the best bot ever?",
    ],
)
def test_words_of_the_session_26_forms_leave_a_question_a_question(question: str) -> None:
    assert small_talk(question) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("righto, who leads?", "Who leads?"),
        ("coolio, where are the factories?", "Where are the factories?"),
        ("hey botty, who leads?", "Who leads?"),
        ("thanks robot, who builds the batteries?", "Who builds the batteries?"),
        ("you absolutely rock. and rivian?", "Rivian?"),
        ("hi human, who leads?", "Who leads?"),
        ("ace, what does musk want?", "What does musk want?"),
    ],
)
def test_the_session_26_forms_are_taken_off_a_question_and_kept_with_the_rule_off(
    question: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(question) == expected
    monkeypatch.setattr(bot.small_talk, "OPENERS_26", False)
    monkeypatch.setattr(bot.small_talk_forms, "VOCATIVE_31", False)  # session 31
    assert without_greeting(question) != expected


@pytest.mark.parametrize("message", ["next", "go on", "ok next please"])
def test_a_bare_next_opening_a_conversation_asks_for_help(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: a bare "next" quoted "the next generation of innovation"."""
    assert help_asked_first(message, ()) == "help"
    assert help_asked_first(message, ("who is musk?",)) is None  # more of the answer (bot.more)
    monkeypatch.setattr(bot.small_talk, "MORE_FORMS_26", False)
    assert help_asked_first(message, ()) is None


@pytest.mark.parametrize(
    "message",
    ["huh?", "?", "...", "wdym", "what do you mean?", "i don't follow", "i'm lost", "sorry?"],
)
def test_not_following_the_answer_before_is_told_it_was_unclear(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert after_answer(message, ("who is musk?",)) == "unclear"
    assert after_answer(message, ()) == "help"
    monkeypatch.setattr(bot.unclear, "UNCLEAR", False)
    assert after_answer(message, ("who is musk?",)) is None


@pytest.mark.parametrize(
    "message",
    [
        "huh",  # a reaction, no "?": an acknowledgement
        "i don't get it",  # its first sentence alone (bot.more)
        "what do you mean by gigafactory?",
        "i don't get why amazon wants cars",
        "sorry, who leads?",
        "👍?",
    ],
)
def test_what_names_more_than_not_following_is_no_unclear_reply(message: str) -> None:
    assert after_answer(message, ("who is musk?",)) is None


@pytest.mark.parametrize("message", ["that's wrong", "wrong answer", "not helpful"])
def test_a_complaint_with_no_answer_before_is_told_what_the_bot_answers(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searched, "that's wrong" was refused as a question the sources don't cover."""
    assert after_answer(message, ()) == "help"
    assert after_answer(message, ("who is musk?",)) is None  # a vote on it (bot.feedback)
    monkeypatch.setattr(bot.unclear, "UNCLEAR", False)
    assert after_answer(message, ()) is None


def test_the_service_tells_huh_after_an_answer_it_was_unclear(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "who is musk? → huh?" replied "All right! Ask me again any time"."""
    told = service.ask("huh?", ["who is musk?"])
    assert told.reply == "unclear" and "tell me more" in told.answer and not told.quotes
    assert service.ask("that's wrong").reply == "help"
    monkeypatch.setattr(bot.unclear, "UNCLEAR", False)
    assert service.ask("huh?", ["who is musk?"]).reply == "thanks"
    assert service.ask("that's wrong").reply is None


# A hang, not a slow answer, is what fails here: a phrase read two ways splits a run every way.
@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "phrase",
    [
        "you rock ",
        "you really rock ",
        "you absolutely rock ",
        "coolio ",
        "hey botty ",
        "sup ",
        "catch ya in a bit ",
        "righto, ",
        "hi to you ",
        "thanks robot, ",
        "oi ",
        "hello stranger, ",
        "hey there friend ",
        "lolol ",
        "you are a star ",
        "testing testing ",
        "aye ",
        "aha, ",
        "mind blown ",
        "buh-bye ",
    ],
)
def test_a_long_run_of_the_session_26_phrases_is_read_in_one_pass(phrase: str) -> None:
    for text in (phrase * 60 + "x", phrase * 60 + "who leads?", "who leads? " + phrase * 60):
        assert without_greeting(text)
        small_talk(text, lambda term: False)
        after_answer(text, ("who leads?",))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("run", ["... ", ". ", "?", ", ", "- ", "!! "])
def test_a_message_of_a_long_run_of_marks_is_read_at_once(run: str) -> None:
    """A run of marks is squeezed to one before the phrases read it: 2,000 characters of "... "
    took 11 s, "?" 15 s (each phrase's separators tried the run every way)."""
    text = (run * 2000)[:1990] + "x"
    started = time.perf_counter()
    assert small_talk(text, lambda term: False) is None
    assert small_talk((run * 2000)[:1990]) == "help"
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("thanks!!! bye...", "thanks"),
        ("hi... how are you???", "greeting"),
        ("ok.... cool", "thanks"),
    ],
)
def test_small_talk_with_runs_of_marks_is_read_as_with_one(message: str, kind: str) -> None:
    assert small_talk(message) == kind

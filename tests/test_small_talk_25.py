"""Session 25's small talk (bot/small_talk.py, `--talk-25`): forms no older phrase reads, whole
(`CHAT_FORMS_25`) and before a question (`OPENERS_25`), and a bare "like what?" opening a
conversation told what the bot answers (`BARE_REQUESTS_FIRST`). Each is read with its rule on and
searched with it off; questions holding the same words stay questions."""

from __future__ import annotations

import pytest

import bot.small_talk
import bot.small_talk_forms
from bot.service import AnswerService
from bot.small_talk import help_asked_first, reply, small_talk, without_greeting


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("good morning to all", "greeting"),
        ("hello to you too!", "greeting"),
        ("oh hi", "greeting"),
        ("well hello there", "greeting"),
        ("hello and good morning", "greeting"),
        ("what's cracking", "greeting"),
        ("i'm back", "greeting"),
        ("hope your week has been good", "greeting"),
        ("hope all's well with you", "greeting"),
        ("hey my man", "greeting"),
        ("yo homie, how's it going", "greeting"),
        ("that's all i wanted to know", "thanks"),
        ("i think i'm good, thanks", "thanks"),
        ("signing off, bye", "thanks"),
        ("heading to bed, night all", "thanks"),
        ("that answers my question", "thanks"),
        ("ah, that clears it up. thanks!", "thanks"),
        ("i get it now", "thanks"),
        ("this helped a lot", "thanks"),
        ("thanks, you've been a great help", "thanks"),
        ("you're welcome", "thanks"),
        ("oh well", "thanks"),
        ("you're the goat fr", "thanks"),
        ("say less", "thanks"),
        ("cheers my dude", "thanks"),
        ("what else can i ask?", "help"),
        ("give me some example questions", "help"),
        ("where do i start?", "help"),
    ],
)
def test_the_session_25_small_talk_is_replied_to_and_not_with_its_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_25", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_27", False)  # "well hello there" too
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "good morning to all, who leads?",
        "what's cracking tesla's lead?",
        "is amazon back in the race?",
        "hope your car is cheap?",
        "that's all i needed to know about tesla, and rivian?",
        "what answers my question about batteries",
        "i get it now, but who builds the batteries?",
        "this helped tesla a lot?",
        "is the ev market crazy?",
        "who is the goat of evs?",
        "give me some example of tesla's weaknesses",
        "where do i start an ev company?",
        "what else can amazon do?",
        "my man musk, will he win?",
        "facts about rivian?",
    ],
)
def test_words_of_the_session_25_forms_leave_a_question_a_question(question: str) -> None:
    assert small_talk(question) is None


def test_a_greeting_to_someone_is_no_longer_searched_as_what_follows_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Said "hi to you", the greeting was taken off and "To you" searched (and answered)."""
    assert small_talk("hi to you") == "greeting"
    monkeypatch.setattr(bot.small_talk, "CHAT_FORMS_25", False)
    assert small_talk("hi to you") is None
    assert without_greeting("hi to you") == "To you"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("good evening to you, who leads the ev race?", "Who leads the ev race?"),
        ("wassup my dude, who leads?", "Who leads?"),
        ("hope ur day is going well! where are the factories?", "Where are the factories?"),
        ("thanks homie, and what about rivian?", "What about rivian?"),
        ("got it now. so who builds the batteries?", "Who builds the batteries?"),
        ("that answers it, thanks. and who leads?", "Who leads?"),
        ("aight, when will it launch?", "When will it launch?"),
        ("you're the goat. what does musk want?", "What does musk want?"),
    ],
)
def test_the_session_25_openers_are_taken_off_and_kept_with_their_rule_off(
    question: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(question) == expected
    monkeypatch.setattr(bot.small_talk, "OPENERS_25", False)
    assert without_greeting(question) != expected


@pytest.mark.parametrize(
    "question",
    [
        "forget it, who leads?",  # takes the question before back (bot.feedback)
        "ignore that, where are the factories?",
        "that's all i needed, who leads?",
        "crazy how fast tesla grew, right?",
    ],
)
def test_what_is_no_session_25_opener_stays(question: str) -> None:
    assert without_greeting(question) == question


@pytest.mark.parametrize(
    "message", ["like what?", "now what?", "ok so what now?", "any suggestions?", "Ideas?"]
)
def test_a_bare_request_opening_a_conversation_asks_for_help(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert help_asked_first(message, ()) == "help"
    # After a question it asks for examples of the answer, or what comes next: a follow-up's.
    assert help_asked_first(message, ("what are amazon's advantages?",)) is None
    monkeypatch.setattr(bot.small_talk, "BARE_REQUESTS_FIRST", False)
    assert help_asked_first(message, ()) is None


@pytest.mark.parametrize(
    "question", ["like what does amazon sell?", "now what will musk do?", "any ideas from bezos?"]
)
def test_a_request_with_words_of_its_own_is_a_question(question: str) -> None:
    assert help_asked_first(question, ()) is None


def test_the_service_tells_a_bare_like_what_what_it_answers_and_searches_it_with_the_rule_off(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alone, "like what?" was searched and answered with the article's opening passage."""
    told = service.ask("like what?")
    assert told.reply == "help" and "cites" in told.answer and not told.quotes
    first = "What are Amazon's advantages?"
    assert service.ask("like what?", [first]).reply is None  # examples of the answer before
    monkeypatch.setattr(bot.small_talk, "BARE_REQUESTS_FIRST", False)
    assert service.ask("like what?").reply is None


@pytest.mark.parametrize(
    ("message", "kind", "opening"),
    [
        ("bot?", "greeting", "Hello!"),
        ("evbot?", "greeting", "Hello!"),
        ("grazie mille!", "thanks", "You're welcome!"),
        ("merci beaucoup", "thanks", "You're welcome!"),
        ("ok copy that", "thanks", "All right!"),
        ("affirmative", "thanks", "All right!"),
        ("sounds like a plan, bye", "thanks", "Goodbye!"),
        ("wow that was fast, thanks", "thanks", "You're welcome!"),
        ("10/10", "thanks", "All right!"),
        ("much love", "thanks", "All right!"),
    ],
)
def test_the_hand_probed_session_25_forms_are_replied_to_and_not_with_their_rule_off(
    message: str, kind: str, opening: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They read no set text (the scan): no quality line can show them."""
    assert small_talk(message) == kind
    assert reply(kind, message, ["A title"], []).startswith(opening)
    monkeypatch.setattr(bot.small_talk, "MORE_FORMS_25", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question", ["is the bot fast?", "copy tesla?", "grazie, who leads?", "10/10 for tesla?"]
)
def test_words_of_the_hand_probed_session_25_forms_leave_a_question_a_question(
    question: str,
) -> None:
    assert small_talk(question) is None


# A hang, not a slow answer, is what fails here: a phrase read two ways splits a run every way.
@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "phrase",
    [
        "good evening to you ",
        "hope your day is going well ",
        "aight ",
        "you're the goat fr ",
        "that answers it ",
        "i get it now ",
        "my dude ",
        "off to bed ",
        "oh well ",
        "hello to you, ",
        "thanks homie, ",
        "got it now. ",
        "that helps, ",
        "aight, ",
        "cool story bro ",
        "good evening my dude ",
        "hope all's well ",
        "grazie mille ",
        "copy that ",
        "bot? ",
    ],
)
def test_a_long_run_of_the_session_25_phrases_is_read_in_one_pass(phrase: str) -> None:
    for text in (phrase * 60 + "x", phrase * 60 + "who leads?", "who leads? " + phrase * 60):
        assert without_greeting(text)
        small_talk(text, lambda term: False)

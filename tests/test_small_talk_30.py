"""Session 30's small-talk rules (`benchmarks/quality.py --talk-30`): a question related to the
answer or to ask next asked for ("give me a related question") gets the help reply; the sources
asked for ("what sources do you use?") get the front matter's reply, answered; a closing said as a
question after an answer ("that's it?", "nothing else?") asks whether the sources say more. Each is
checked with its rule off too."""

from __future__ import annotations

import time

import pytest

import bot.closing_asked
import bot.small_talk
import bot.small_talk_forms
from bot.closing_asked import AS_ASKED, closing_asked
from bot.service import AnswerService
from bot.small_talk import reply, small_talk, without_greeting
from bot.unclear import after_answer

FORMS = [
    ("hiya robot pal", "greeting"),
    ("hey bot buddy", "greeting"),
    ("hello my robot friend", "greeting"),
    ("how ya doin today", "greeting"),
    ("hows it goin today", "greeting"),
    ("how you been lately", "greeting"),
    ("thank ya bot, very kind", "thanks"),
    ("thankya", "thanks"),
    ("thanks robo buddy", "thanks"),
    ("how kind of you", "thanks"),
    ("that's very kind of you", "thanks"),
    ("whoops sorry", "thanks"),
    ("oopsie daisy", "thanks"),
    ("sorry, my mistake", "thanks"),
    ("silly me", "thanks"),
    ("have a gr8 evening", "thanks"),
    ("gr8 thanks", "thanks"),
]


@pytest.mark.parametrize(("message", "kind"), FORMS)
def test_session_30_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_30", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    assert small_talk(message) is None


def test_the_replies_to_the_session_30_forms_say_what_was_said() -> None:
    assert reply("thanks", "thank ya bot, very kind", [], []).startswith("You're welcome!")
    assert reply("thanks", "have a gr8 evening", [], []).startswith("Goodbye!")


@pytest.mark.parametrize(
    "question",
    [
        "what kind of cars?",
        "how kind is musk?",
        "is the robot friend of musk real?",
        "how is it going for tesla today?",
        "what was amazon's mistake?",
        "is tesla gr8?",
    ],
)
def test_questions_holding_the_session_30_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


IDEAS = [
    "give me a related question",
    "can you suggest some follow-up questions?",
    "suggest a follow-up",
    "any follow-up questions?",
    "any related questions?",
    "got any other questions i could ask?",
    "what's a good follow-up question?",
    "what would be a good next question?",
    "related questions?",
    "hey bot, any similar questions about this?",
]


@pytest.mark.parametrize("message", IDEAS)
def test_asking_for_a_related_question_gets_the_help_reply_and_is_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "help"
    monkeypatch.setattr(bot.small_talk_forms, "IDEAS_30", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "what questions remain for tesla?",
        "what is the next step for amazon?",
        "what are the related risks?",
        "any other partners?",
        "what are the next questions for regulators?",
        "give me a related fact about rivian",
        "what other companies are mentioned?",
    ],
)
def test_questions_holding_the_ideas_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


SOURCES = ["what sources do you use?", "what are your sources?", "hi, which articles do you have?"]


@pytest.mark.parametrize("message", SOURCES)
def test_the_sources_asked_are_no_small_talk_and_the_help_reply_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) is None
    monkeypatch.setattr(bot.small_talk, "SOURCES_ASKED_30", False)
    assert small_talk(message) == "help"


def test_the_service_names_the_sources_asked_for_as_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = service.ask("what sources do you use?")
    assert told.reply == "article" and told.outcome == "answered"
    assert "Bezos vs. Musk" in told.answer
    monkeypatch.setattr(bot.small_talk, "SOURCES_ASKED_30", False)
    helped = service.ask("what sources do you use?")
    assert helped.reply == "help" and helped.outcome == "refused"


CLOSINGS_ASKED = [
    "that's it?",
    "that’s all?",
    "thats it??",
    "that is it?",
    "wait, that's it?",
    "ok that's all?",
    "nothing else?",
    "nothing more?",
    "no more?",
    "that's all you have?",
    "really? that's it?",
    "that's it then?",
]


@pytest.mark.parametrize("message", CLOSINGS_ASKED)
def test_a_closing_asked_after_an_answer_asks_for_more_and_not_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert closing_asked(message, ["who is rivian?"]) == AS_ASKED
    assert closing_asked(message, []) is None  # nothing answered to have more of
    monkeypatch.setattr(bot.closing_asked, "CLOSING_ASKED_30", False)
    assert closing_asked(message, ["who is rivian?"]) is None


@pytest.mark.parametrize(
    "message",
    [
        "that's it",
        "that's all, thanks",
        "nothing else, bye",
        "that's all for now?",
        "is that it?",  # bot.more reads it already
        "that's it for me?",
        "what's it?",
        "that's it, who leads?",
    ],
)
def test_closings_said_flat_or_other_questions_are_not_read(message: str) -> None:
    assert closing_asked(message, ["who is rivian?"]) is None


def test_the_service_asks_for_more_after_that_is_it_and_says_goodbye_with_the_rule_off(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is rivian?"]
    more = service.ask("is that all?", history)
    for message in ("that's it?", "nothing else?", "wait, that's it?"):
        asked = service.ask(message, history)
        assert asked.reply is None and asked.answer == more.answer
        assert asked.outcome == "answered"
    assert service.ask("that's it", history).reply == "thanks"  # said flat: a goodbye
    assert service.ask("that's it?").reply == "thanks"  # first: nothing to have more of
    monkeypatch.setattr(bot.closing_asked, "CLOSING_ASKED_30", False)
    assert service.ask("that's it?", history).reply == "thanks"


KNEW = [
    "oh wow i had no idea",
    "i had no idea, thanks",
    "that's news to me",
    "learn something new every day",
    "i already knew that",
    "i knew that already",
    "yeah i know",
    "i know right",
    "i owe you one",
    "thanks, i owe you one",
    "this is gold",
    "bless",
]


@pytest.mark.parametrize("message", KNEW)
def test_told_something_new_or_known_is_acknowledged_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "thanks"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_30", False)
    assert small_talk(message) is None


REPHRASE = [
    "can you rephrase that?",
    "rephrase please",
    "could you please reword it",
    "say that another way",
    "put it in other words",
]


@pytest.mark.parametrize("message", REPHRASE)
def test_asked_to_rephrase_after_an_answer_is_unclear_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert after_answer(message, ["who is rivian?"]) == "unclear"
    assert after_answer(message, []) == "help"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_30", False)
    assert after_answer(message, ["who is rivian?"]) is None


@pytest.mark.parametrize(
    "question",
    [
        "i know amazon is big, but who leads?",
        "i had no idea tesla was so big, why?",
        "what did musk know?",
        "what does bezos owe musk?",
        "is this gold?",
        "rephrase the question about rivian",
        "can you rephrase tesla's strategy",
        "how does amazon say it differently?",
    ],
)
def test_questions_holding_the_more_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None
    assert after_answer(question, ["who is rivian?"]) is None


OPENED = [
    ("hey bot buddy, who leads?", "Who leads?"),
    ("oopsie daisy. who leads?", "Who leads?"),
    ("thank ya, very kind. who leads?", "Who leads?"),
    ("how ya doin today? who leads?", "Who leads?"),
    ("oh wow i had no idea. who leads?", "Who leads?"),
    ("that's news to me. who leads?", "Who leads?"),
    ("yeah i know, but who leads?", "Who leads?"),
    ("interesting, i had no idea. where are the factories?", "Where are the factories?"),
]


@pytest.mark.parametrize(("message", "question"), OPENED)
def test_the_acknowledgements_are_taken_off_before_a_question_and_not_with_the_rule_off(
    message: str, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(message) == question
    monkeypatch.setattr(bot.small_talk, "OPENERS_30", False)
    assert without_greeting(message) != question


@pytest.mark.parametrize(
    "question", ["i know who leads?", "i had no idea amazon was big. who leads?"]
)
def test_the_acknowledgements_open_nothing_without_a_mark_or_with_words_of_their_own(
    question: str,
) -> None:
    assert without_greeting(question) == question


def test_the_service_replies_to_the_tuning_misses_alone_and_after_an_answer(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    for message in ("hiya robot pal", "thank ya bot, very kind", "have a gr8 evening"):
        assert service.ask(message).reply is not None
        assert service.ask(message, ["who is rivian?"]).reply is not None
    plain = service.ask("who is rivian?")
    assert service.ask("whoops sorry. who is rivian?").answer == plain.answer
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_30", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    assert service.ask("hiya robot pal").reply is None


def test_the_service_acknowledges_and_explains_after_an_answer(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["who is rivian?"]
    assert service.ask("oh wow i had no idea", history).answer.startswith("All right!")
    assert service.ask("can you rephrase that?", history).reply == "unclear"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_30", False)
    assert service.ask("oh wow i had no idea", history).reply is None
    assert service.ask("can you rephrase that?", history).reply is None


@pytest.mark.parametrize(
    "phrase",
    [
        "that's it ",
        "wait ",
        "related questions ",
        "any ",
        "i know ",
        "rephrase ",
        "whoops ",
        "oops ",
        "sorry ",
        "thank ya ",
        "very kind ",
        "robot pal ",
        "gr8 ",
    ],
)
def test_a_long_run_of_the_session_30_phrases_is_read_in_one_pass(phrase: str) -> None:
    started = time.perf_counter()
    for text in (phrase * 300 + "?", phrase * 300 + "who leads?", "who leads? " + phrase * 300):
        small_talk(text, lambda term: False)
        closing_asked(text, ["who leads?"])
        after_answer(text, ["who leads?"])
    assert time.perf_counter() - started < 5

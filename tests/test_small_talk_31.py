"""Session 31's small-talk rules (`benchmarks/quality.py --talk-31`): the bot asked about in words
no older phrase holds ("which article do you use?", "who is your creator?", "are you ever wrong?")
gets the help reply; the language it reads asked ("what language do you speak?") is told it reads
English; its own taste asked ("what's your favourite car?") gets the no-sides reply. Each is
checked with its rule off too."""

from __future__ import annotations

import pytest

import bot.small_talk_forms
from bot.service import AnswerService
from bot.small_talk import READ_IN_ENGLISH, reply, small_talk, without_greeting
from bot.stance import NO_STANCE

ABOUT = [
    "which article do you use?",
    "what article is this?",
    "which article are you reading?",
    "which article do you have?",
    "what article do you know about?",
    "hey bot, which text do you answer from?",
    "what's in your database?",
    "what data were you trained on?",
    "who is your creator?",
    "who's your developer?",
    "when were you made?",
    "how long have you been around?",
    "what is evbot?",
    "are you ever wrong?",
    "do you make mistakes?",
    "can you be wrong?",
    "are you always right?",
    "do you hallucinate?",
    "say something",
    "talk to me",
    "i'm bored",
    "let's chat",
    "you're dumb",
    "stupid robot",
    "one more thing",
    "awesome, one more thing",
    "ok i have another one",
]


@pytest.mark.parametrize("message", ABOUT)
def test_the_bot_asked_about_gets_the_help_reply_and_is_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "help"
    monkeypatch.setattr(bot.small_talk_forms, "ABOUT_BOT_31", False)
    assert small_talk(message) is None


LANGUAGE = [
    "what language do you speak?",
    "what languages do you know?",
    "which languages can you speak",
    "how many languages do you speak?",
    "do you speak english?",
    "can you understand spanish?",
    "are you multilingual?",
    "what language is the article in?",
    "is the article in english?",
]


@pytest.mark.parametrize("message", LANGUAGE)
def test_the_language_asked_is_told_english_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "language"
    monkeypatch.setattr(bot.small_talk_forms, "LANGUAGE_31", False)
    assert small_talk(message) is None


TASTE = [
    "what's your favourite car?",
    "what is your favorite car?",
    "whats ur fave ev",
    "what's your favorite color?",
    "who's your favourite, musk or bezos?",
    "hey bot, what's your favourite company?",
    "which car would you buy?",
    "which one would you choose?",
    "which do you prefer?",
    "would you buy a tesla?",
    "would you rather own a tesla or an amazon ev?",
    "is that your opinion?",
    "is that what you think?",
]


@pytest.mark.parametrize("message", TASTE)
def test_the_bots_taste_asked_gets_the_no_sides_reply_and_is_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "stance"
    monkeypatch.setattr(bot.small_talk_forms, "TASTE_31", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "which article says amazon will win?",
        "what article mentions rivian?",
        "which text describes the factories?",
        "what is musk's favourite car?",
        "which car will amazon build?",
        "which company would win?",
        "would tesla buy rivian?",
        "who is the creator of tesla?",
        "when was tesla made?",
        "is tesla ever wrong?",
        "what language does musk speak?",
        "what does amazon's database hold?",
        "is the amazon car made in english factories?",
        "what are your sources?",
        "which article is that from?",
        "one more thing: who leads?",
        "do you speak french?",  # asking for another language: bot.language's reply
    ],
)
def test_questions_holding_the_session_31_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


def test_the_replies_say_english_and_take_no_side() -> None:
    told = reply("language", "what language do you speak?", ["An article"], [])
    assert told.startswith(READ_IN_ENGLISH) and "“An article”" in told
    assert reply("stance", "what's your favourite car?", ["An article"], []) == NO_STANCE


def test_the_service_replies_to_the_bot_asked_about_and_searches_with_the_rules_off(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    helped = service.ask("which article do you use?")
    assert helped.reply == "help" and "Bezos vs. Musk" in helped.answer
    told = service.ask("what language do you speak?")
    assert told.reply == "language" and told.answer.startswith(READ_IN_ENGLISH)
    # after an answer too, and the taste: no passage quoted as the bot's favourite
    favourite = service.ask("what's your favourite car?", ["who is rivian?"])
    assert favourite.reply == "stance" and favourite.answer == NO_STANCE
    assert not favourite.citations
    monkeypatch.setattr(bot.small_talk_forms, "ABOUT_BOT_31", False)
    monkeypatch.setattr(bot.small_talk_forms, "LANGUAGE_31", False)
    monkeypatch.setattr(bot.small_talk_forms, "TASTE_31", False)
    assert service.ask("which article do you use?").reply != "help"
    assert service.ask("what language do you speak?").reply is None
    assert service.ask("what's your favourite car?", ["who is rivian?"]).reply is None


FORMS = [
    ("mornin botface", "greeting"),
    ("hello mr bot", "greeting"),
    ("hey botbot", "greeting"),
    ("sup bot-bot", "greeting"),
    ("haha u funny", "thanks"),
    ("lol you so funny", "thanks"),
    ("you the best", "thanks"),
    ("u da man", "thanks"),
    ("ur funny", "thanks"),
    ("nice chatting with ya", "thanks"),
    ("good talking to you", "thanks"),
    ("great chat, thanks", "thanks"),
    ("thanks for the chat", "thanks"),
    ("it was a pleasure", "thanks"),
    ("nice chatting, bye", "thanks"),
]


@pytest.mark.parametrize(("message", "kind"), FORMS)
def test_session_31_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_31", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # "hello mr bot" read as "hello"
    assert small_talk(message) is None


def test_praising_the_talk_says_goodbye(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reply("thanks", "nice chatting with ya", [], []).startswith("Goodbye!")
    assert reply("thanks", "haha u funny", [], []).startswith("All right!")
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_31", False)
    assert reply("thanks", "nice chatting with ya", [], []).startswith("All right!")


@pytest.mark.parametrize(
    "question",
    [
        "you funny how?",
        "is musk funny?",
        "what was musk's chat with bezos?",
        "was the talk with panasonic good?",
        "who is the goat, musk or bezos?",
        "nice talking points from bezos?",
        "good talk about tesla",
        "mr bot, who leads?",
    ],
)
def test_questions_holding_the_session_31_form_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


MORE = [
    ("thanks for your help bot", "thanks"),
    ("thanks for the info buddy", "thanks"),
    ("aww thanks", "thanks"),
    ("aw shucks", "thanks"),
    ("okey doke", "thanks"),
    ("likewise", "thanks"),
    ("how interesting", "thanks"),
    ("seriously cool", "thanks"),
    ("ok that's fair", "thanks"),
    ("that tracks", "thanks"),
    ("you don't say", "thanks"),
    ("gg wp", "thanks"),
    ("10/10 would ask again", "thanks"),
    ("wrong chat sorry", "thanks"),
    ("same old same old", "thanks"),
    ("could be better", "thanks"),
    ("i'm tired", "thanks"),
    ("long day", "thanks"),
    ("hello once more", "greeting"),
    ("guess who's back", "greeting"),
    ("happy friday!", "greeting"),
    ("tgif", "greeting"),
    ("hope you're having a good one", "greeting"),
    ("got a sec?", "greeting"),
    ("you busy?", "greeting"),
    ("question for you", "help"),
    ("i need some info", "help"),
    ("i'm curious", "help"),
    ("what are some example questions?", "help"),
    ("let's talk about something else", "help"),
    ("what do you talk about?", "help"),
    ("are my questions logged?", "limits"),
    ("who can see my questions?", "limits"),
    ("is this private?", "limits"),
    ("delete my data", "limits"),
]


@pytest.mark.parametrize(("message", "kind"), MORE)
def test_session_31_hand_probed_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_31", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # "…, thanks for your help" too
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "how interesting is the amazon ev?",
        "is tesla busy?",
        "what figures does the article give?",
        "what info does the article have about rivian?",
        "is the amazon project private?",
        "who can see tesla's numbers?",
        "was it a long day for musk?",
        "what's amazon's fair share?",
        "thanks, where will the factories be?",
    ],
)
def test_questions_holding_the_hand_probed_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


NAMED = [
    ("bot, thanks", "thanks"),
    ("mate cheers", "thanks"),
    ("ai thanks", "thanks"),
    ("dude, nice", "thanks"),
    ("night bot", "thanks"),
    ("gotta go bot buddy", "thanks"),
    ("cheers mate dude", "thanks"),
    ("ace my dude", "thanks"),
    ("based chatbot", "thanks"),
    ("hey hey my friend", "greeting"),
    ("ello my man", "greeting"),
    ("night again!", "thanks"),
]


@pytest.mark.parametrize(("message", "kind"), NAMED)
def test_small_talk_with_a_name_for_the_bot_is_read_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "bot, who leads?",
        "who is musk's friend",
        "tell me about ai",
        "is ai used?",
        "man, who is rivian?",
        "who is the boss",
        "what about the team",
        "who was musk's buddy",
        "guys where will the factories be",
        "dude where's my car",
        "bot " * 500,
    ],
)
def test_questions_and_names_alone_stay_unread(question: str) -> None:
    assert small_talk(question) is None


SLANG = ["brill", "splendid!", "fire", "bussin", "ta-ra", "thanks, toodles"]


@pytest.mark.parametrize("message", SLANG)
def test_slang_approval_and_leaving_are_small_talk_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "thanks"
    monkeypatch.setattr(bot.small_talk_forms, "SLANG_31", False)
    assert small_talk(message) is None


CALLED = [
    ("bot, who is rivian?", "Who is rivian?"),
    ("evbot: who is rivian?", "Who is rivian?"),
    ("@evbot where will the factories be?", "Where will the factories be?"),
    ("friend, who is rivian?", "Who is rivian?"),
    ("bot who is rivian", "Who is rivian"),
    ("who is rivian, bot?", "who is rivian?"),
    ("who is rivian, my dude?", "who is rivian?"),
    ("who is rivian buddy", "who is rivian"),
    ("where will the factories be, mate?", "where will the factories be?"),
    ("bot, thanks, who is rivian?", "Who is rivian?"),
]


@pytest.mark.parametrize(("question", "asked"), CALLED)
def test_a_name_calling_the_bot_is_taken_off_a_question_and_kept_with_the_rule_off(
    question: str, asked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(question) == asked
    monkeypatch.setattr(bot.small_talk_forms, "VOCATIVE_31", False)
    assert without_greeting(question) != asked


@pytest.mark.parametrize(
    "question",
    [
        "who is musk's buddy",
        "who is bezos's friend",
        "who is the bot",
        "tell me about the chatbot",
        "what is ai",
        "what about the ai",
        "ai stocks?",
        "bot?",
        "thanks bot",
    ],
)
def test_names_that_are_what_is_asked_stay(question: str) -> None:
    assert without_greeting(question) == question


def test_the_service_answers_a_question_with_the_bots_name_as_without_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = service.ask("where will the factories be?")
    for question in ("bot, where will the factories be?", "where will the factories be, mate?"):
        called = service.ask(question)
        assert (called.answer, called.outcome) == (plain.answer, plain.outcome)
    assert service.ask("who is rivian buddy").outcome == service.ask("who is rivian").outcome
    monkeypatch.setattr(bot.small_talk_forms, "VOCATIVE_31", False)
    assert service.ask("bot, where will the factories be?").answer != plain.answer

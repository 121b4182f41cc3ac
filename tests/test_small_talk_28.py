"""Session 28's small talk (`--talk-28`): asking what to ask ("suggest a question", "what questions
should i ask?") gets the help reply (bot/question_ideas.py, `IDEAS_28`); an oath in a question's
question word ("wtf is rivian", "what the hell is rivian") is read without it (bot/oaths.py,
`OATHS_28`); forms probed by hand (`MORE_FORMS_28`) and smalltalk-tuning-12's missed kinds
widened (`CHAT_FORMS_28`) are small talk whole (bot/small_talk_forms.py), and taken off before a
question (`bot.small_talk.OPENERS_28`). Each is read with its rule on and not with it off;
questions holding the same words stay questions."""

from __future__ import annotations

import time

import pytest

import bot.about_bot
import bot.oaths
import bot.question_ideas
import bot.small_talk
import bot.small_talk_forms
from bot.oaths import without_oath
from bot.service import AnswerService
from bot.small_talk import small_talk, without_greeting
from bot.unclear import after_answer

IDEA_REQUESTS = [
    "suggest a question",
    "Suggest a question!",
    "what questions should i ask?",
    "what questions should i ask next?",
    "what should i ask next?",
    "what kind of questions can i ask about this article?",
    "can you suggest some good questions?",
    "recommend a question to ask",
    "suggest something",
    "give me a question to ask",
    "any good questions?",
    "questions?",
    "got any suggestions for questions?",
    "i don't know what to ask",
    "not sure what to ask",
    "im not sure what to ask u",
    "what do people usually ask?",
    "what's a good question to ask?",
    "what's worth asking about?",
    "what would you ask?",
    "help me think of a question",
    "quiz me",
    "hey bot, suggest a question",
    "what questions can you answer?",  # the lead's probe (refused)
]


@pytest.mark.parametrize("message", IDEA_REQUESTS)
def test_asking_what_to_ask_gets_the_help_reply_and_is_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "help"
    monkeypatch.setattr(bot.question_ideas, "IDEAS_28", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "what questions remain for tesla?",
        "what would musk ask?",
        "what questions does the article raise about batteries?",
        "suggest a question about rivian's trucks",  # a topic of the sources named: searched
        "any ideas?",  # after an answer, more of it (bot.small_talk.BARE_REQUESTS_FIRST)
        "suggestions?",
        "what do people think of tesla?",
        "give me a summary",
    ],
)
def test_questions_near_the_idea_requests_stay_questions(question: str) -> None:
    assert small_talk(question) is None


def test_the_service_suggests_topics_for_suggest_a_question(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "suggest a question" quoted a passage at random, "what questions should
    i ask?" was refused; both now get the help reply naming topics, alone and after an answer."""
    for history in ((), ("who is musk?",)):
        for message in ("suggest a question", "what questions should i ask?"):
            told = service.ask(message, history)
            assert told.reply == "help" and "For example, ask about" in told.answer
            assert not told.quotes
    monkeypatch.setattr(bot.question_ideas, "IDEAS_28", False)
    assert service.ask("what questions should i ask?").reply is None


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("wtf is rivian", "what is rivian"),
        ("Wtf is Rivian?", "What is Rivian?"),
        ("wth is rivian?", "what is rivian?"),
        ("what the hell is rivian", "what is rivian"),
        ("Who the heck is Bezos?", "Who is Bezos?"),
        ("how tf did the rivalry start", "how did the rivalry start"),
        ("where on earth will amazon build cars?", "where will amazon build cars?"),
        ("what the fuck does amazon want", "what does amazon want"),
    ],
)
def test_an_oath_in_the_question_word_is_read_out_and_kept_with_the_rule_off(
    question: str, read: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_oath(question) == read
    assert without_greeting(question) == read
    assert without_greeting("hey, " + question) == read[0].upper() + read[1:]
    monkeypatch.setattr(bot.oaths, "OATHS_28", False)
    assert without_oath(question) == question
    assert without_greeting(question) == question


@pytest.mark.parametrize(
    "text",
    [
        "wtf",  # alone: bot.unclear's
        "wtf?",
        "what the hell?",
        "what is the hell of battery mining?",
        "the hell with it, who is musk?",
        "who leads the market?",
    ],
)
def test_an_oath_with_no_question_after_it_is_left_as_it_is(text: str) -> None:
    assert without_oath(text) == text


def test_small_talk_and_unclear_are_read_without_the_oath(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert small_talk("wtf are you?") == "help"
    assert after_answer("wtf does that mean", ("who is musk?",)) == "unclear"
    monkeypatch.setattr(bot.oaths, "OATHS_28", False)
    assert small_talk("wtf are you?") is None
    assert after_answer("wtf does that mean", ("who is musk?",)) is None


def test_the_service_answers_wtf_is_rivian_as_what_is_rivian(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "wtf is rivian" was searched with "wtf" and refused."""
    plain = service.ask("what is rivian")
    for question in ("wtf is rivian", "what the hell is rivian?"):
        sworn = service.ask(question)
        assert sworn.outcome == "answered" and sworn.answer == plain.answer
    monkeypatch.setattr(bot.oaths, "OATHS_28", False)
    assert service.ask("wtf is rivian").answer != plain.answer


@pytest.mark.parametrize(
    "phrase",
    [
        "suggest a question ",
        "wtf ",
        "what the hell ",
        "quiz me ",
        "umm ",
        "spot on ",
        "hello again old friend ",
    ],
)
def test_a_long_run_of_the_session_28_phrases_is_read_in_one_pass(phrase: str) -> None:
    started = time.perf_counter()
    for text in (phrase * 60 + "x", phrase * 60 + "who leads?", "who leads? " + phrase * 60):
        assert without_greeting(text)
        small_talk(text, lambda term: False)
        after_answer(text, ("who leads?",))
    assert time.perf_counter() - started < 5


MORE_FORMS = [
    ("good morning sunshine", "greeting"),
    ("hello again, old friend", "greeting"),
    ("heyyy there bot friend", "greeting"),
    ("greetings and salutations", "greeting"),
    ("how's it hangin", "greeting"),
    ("what's cookin", "greeting"),
    ("howzit", "greeting"),
    ("bot, you there?", "greeting"),
    ("anyone out there?", "greeting"),
    ("spot on, thanks!", "thanks"),
    ("nailed it bot", "thanks"),
    ("wicked, cheers mate", "thanks"),
    ("chef's kiss", "thanks"),
    ("solid stuff", "thanks"),
    ("oki doki", "thanks"),
    ("mucho gracias", "thanks"),
    ("gotta dash", "thanks"),
    ("au revoir", "thanks"),
    ("sleep tight", "thanks"),
    ("sorry wrong chat", "thanks"),
    ("oops, wrong channel", "thanks"),
    ("/help", "help"),
    ("/start", "help"),
    ("what are you good at?", "help"),
    ("who built this?", "help"),
    ("can you assist me", "help"),
    ("topics?", "help"),
    ("what's covered?", "help"),
]


@pytest.mark.parametrize(("message", "kind"), MORE_FORMS)
def test_hand_probed_session_28_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    monkeypatch.setattr(bot.small_talk_forms, "NAMES_31", False)  # names: session 31
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "how do evs compare?",
        "who built this factory?",
        "who made it?",  # after "what is rivian?": a follow-up
        "who wrote this?",  # the front matter's author (bot.about_article)
        "is musk sick of amazon?",
        "what topics does the article cover about batteries?",
        "what is amazon good at?",
        "what's the wrong move for tesla?",
        "when will the first car start production?",
    ],
)
def test_questions_holding_the_session_28_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


@pytest.mark.parametrize("message", ["umm", "Erm...", "uhh", "um, uh"])
def test_a_hesitation_alone_is_read_as_huh_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert after_answer(message, ("who is musk?",)) == "unclear"
    assert after_answer(message, ()) == "help"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert after_answer(message, ("who is musk?",)) is None
    assert after_answer(message, ()) is None


def test_the_service_replies_to_slash_help_typed_as_a_message(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probed: "/help" typed in a chat quoted the partnerships passage."""
    told = service.ask("/help")
    assert told.reply == "help" and not told.quotes
    assert service.ask("umm", ["who is musk?"]).reply == "unclear"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert service.ask("/help").reply is None


SESSION_28_FORMS = [
    ("how are things on your end?", "greeting"),
    ("how's everything over there", "greeting"),
    ("hey, how are things with you", "greeting"),
    ("all good on your side?", "greeting"),
    ("oops sorry, typo", "thanks"),
    ("typo, sorry", "thanks"),
    ("excuse the typo", "thanks"),
    ("damn autocorrect", "thanks"),
    ("oops, sent too early", "thanks"),
    ("aha, got it now", "thanks"),
    ("understood now, thanks", "thanks"),
    ("ah ok now i get it", "thanks"),
    ("you absolute star", "thanks"),
    ("you total legend", "thanks"),
    ("you beauty", "thanks"),
    ("oh snap", "thanks"),
    ("holy cow", "thanks"),
    ("good grief", "thanks"),
    ("oh my goodness", "thanks"),
    ("well well well", "thanks"),
    ("ok that's me done for today", "thanks"),
    ("i'm done for the day, thanks, bye", "thanks"),
    ("calling it a day", "thanks"),
    ("let's leave it there", "thanks"),
]


@pytest.mark.parametrize(("message", "kind"), SESSION_28_FORMS)
def test_session_28_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "CHAT_FORMS_28", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "how are things on the battery side?",
        "how is tesla doing on its end?",
        "is there a typo in the article?",
        "what did musk say about autocorrect?",
        "is bezos a star or a legend?",
        "what happened to the cow?",
        "is tesla done for?",
        "when will amazon call it?",
    ],
)
def test_questions_holding_session_28_form_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


@pytest.mark.parametrize(
    "opener",
    [
        "oh snap, ",
        "you absolute star, ",
        "oops, typo. ",
        "how are things on your end? ",
        "holy cow! ",
        "spot on! ",
        "good morning sunshine, ",
    ],
)
def test_session_28_forms_are_taken_off_before_a_question_and_not_with_the_rule_off(
    opener: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "where will amazon build factories?"
    assert without_greeting(opener + question) == "Where will amazon build factories?"
    monkeypatch.setattr(bot.small_talk, "OPENERS_28", False)
    assert without_greeting(opener + question) != "Where will amazon build factories?"


def test_the_service_answers_oh_snap_who_leads_as_who_leads(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probed: "oh snap, who leads the ev market?" quoted the space-race sentence."""
    plain = service.ask("who leads the ev market?")
    opened = service.ask("oh snap, who leads the ev market?")
    assert (opened.answer, opened.outcome) == (plain.answer, plain.outcome)
    monkeypatch.setattr(bot.small_talk, "OPENERS_28", False)
    assert service.ask("oh snap, who leads the ev market?").answer != plain.answer


@pytest.mark.parametrize(
    "message",
    [
        "can you explain that?",
        "explain that",
        "please explain",
        "could you clarify that?",
    ],
)
def test_asked_to_explain_an_answer_is_told_it_was_unclear_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "who is rivian? → can you explain that?" was refused."""
    assert after_answer(message, ("who is rivian?",)) == "unclear"
    assert after_answer(message, ()) == "help"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert after_answer(message, ("who is rivian?",)) is None


@pytest.mark.parametrize(
    "question", ["can you explain the battery plan?", "explain the rivalry", "can you elaborate?"]
)
def test_explain_with_a_topic_or_elaborate_is_no_unclear_reply(question: str) -> None:
    assert after_answer(question, ("who is rivian?",)) is None


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("thanks, super helpful", "thanks"),
        ("thank you, very useful", "thanks"),
        ("anything new?", "greeting"),
        ("any updates?", "greeting"),
        ("what's in the news?", "greeting"),
    ],
)
def test_the_leads_probed_forms_are_small_talk_and_searched_with_the_rule_off(
    message: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == kind
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert small_talk(message) is None


def test_the_service_replies_to_thanks_super_helpful_after_an_answer(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probe: "thanks, super helpful" after an answer was refused."""
    told = service.ask("thanks, super helpful", ["who is musk?"])
    assert told.reply == "thanks" and told.answer.startswith("You're welcome!")
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert service.ask("thanks, super helpful", ["who is musk?"]).reply is None


LIMITS = [
    "can you add an article?",
    "can i upload a pdf?",
    "can I send you a link?",
    "can you browse the web?",
    "can u google things?",
    "do you have internet access?",
    "do you remember me?",
    "what's my name?",
    "what can't you do?",
    "what are your limitations?",
    "do you store my questions?",
    "hey bot, can you read my document?",
]


@pytest.mark.parametrize("message", LIMITS)
def test_what_the_bot_cannot_do_asked_gets_the_limits_reply_and_is_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "limits"
    monkeypatch.setattr(bot.about_bot, "LIMITS_28", False)
    assert small_talk(message) is None


@pytest.mark.parametrize(
    "question",
    [
        "can tesla add a factory?",
        "can amazon browse partnerships?",
        "what can't tesla do?",
        "does amazon store data on drivers?",
        "what's musk's name for the car?",
        "can you read me the conclusion?",
    ],
)
def test_questions_near_the_limits_forms_stay_questions(question: str) -> None:
    assert small_talk(question) is None


def test_the_service_says_what_the_bot_cannot_do(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's probes: "can you browse the web?", "what's my name?" were refused and "what
    can't you do?" quoted the closing line at random."""
    for message in ("can you browse the web?", "what's my name?", "what can't you do?"):
        told = service.ask(message)
        assert told.reply == "limits" and not told.quotes
        assert "can't browse the web" in told.answer and "don't know who you are" in told.answer
        assert "Bezos vs. Musk" in told.answer  # what it does answer from: the index's title
    monkeypatch.setattr(bot.about_bot, "LIMITS_28", False)
    assert service.ask("what can't you do?").reply is None


@pytest.mark.parametrize(
    "message",
    [
        "lol you're funny",
        "close enough",
        "no that's fine",
        "based",
        "big W",
        "this bot slaps",
        "ngl this is cool",
        "love the bot",
        "you're really good at this",
        "marvellous",
    ],
)
def test_chat_verdicts_are_acknowledgements_and_searched_with_the_rule_off(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert small_talk(message) == "thanks"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert small_talk(message) is None


@pytest.mark.parametrize("question", ["is that real?", "respect for tesla?", "is tesla fine?"])
def test_questions_holding_the_verdict_words_stay_questions(question: str) -> None:
    assert small_talk(question) is None


def test_a_laugh_before_a_bare_what_is_read_as_what_is(monkeypatch: pytest.MonkeyPatch) -> None:
    assert after_answer("haha what", ("who is musk?",)) == "unclear"
    monkeypatch.setattr(bot.small_talk_forms, "MORE_FORMS_28", False)
    assert after_answer("haha what", ("who is musk?",)) is None


@pytest.mark.parametrize(
    "opener",
    [
        "bruh ",
        "dude, ",
        "pls ",
        "bro ",
        "welp, ",
        "so uh ",
        "can i ask, ",
        "sorry if this is dumb but ",
        "this might be a dumb question, but ",
        "not sure if you know but ",
        "ngl, ",
    ],
)
def test_what_is_said_first_is_taken_off_before_a_question_and_not_with_the_rule_off(
    opener: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_greeting(opener + "who is rivian?") == "Who is rivian?"
    assert without_greeting(opener + "hey, who is rivian?") == "Who is rivian?"
    monkeypatch.setattr(bot.small_talk, "OPENERS_28", False)
    monkeypatch.setattr(bot.small_talk_forms, "VOCATIVE_31", False)  # session 31
    assert without_greeting(opener + "who is rivian?") != "Who is rivian?"


@pytest.mark.parametrize(
    "text", ["dude", "please help", "manufacturing in texas?", "pals of musk?", "so uh"]
)
def test_what_is_said_first_with_no_question_after_it_stays(text: str) -> None:
    assert without_greeting(text) == text


def test_the_service_answers_bruh_who_is_rivian_as_who_is_rivian(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probed: "bruh who is rivian", "dude, who is rivian", "sorry if this is dumb but who is
    rivian" were refused; "who is rivian" quotes the Rivian sentence."""
    plain = service.ask("who is rivian")
    for question in ("bruh who is rivian", "sorry if this is dumb but who is rivian"):
        assert service.ask(question).answer == plain.answer
    monkeypatch.setattr(bot.small_talk, "OPENERS_28", False)
    assert service.ask("bruh who is rivian").answer != plain.answer


def test_a_complaint_after_an_answer_stays_a_complaint_whatever_small_talk_reads(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "nice try" after an answer is bot.feedback's complaint (COMPLAINTS_27); a small-talk
    phrase reading it too (as session 28's verdicts briefly did) must not turn it into "All
    right!". The service's small-talk hook leaves any complaint after an answer to feedback."""
    assert service.ask("nice try", ["who is musk?"]).reply == "sorry"
    monkeypatch.setattr(
        bot.small_talk, "_WHOLE_MORE_28", (("thanks", bot.small_talk._whole("nice try")),)
    )
    assert small_talk("nice try") == "thanks"  # small talk reads it now
    assert service.ask("nice try", ["who is musk?"]).reply == "sorry"  # still the complaint
    assert service.ask("nice try").reply == "help"  # no answer before: bot.unclear's help


@pytest.mark.parametrize(
    "question",
    [
        "hey so quick question who is rivian?",
        "hey so, quick question: who is rivian?",
        "ok so, hi, who is rivian?",
    ],
)
def test_openers_after_a_connective_are_taken_off_and_not_with_the_rule_off(
    question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probed: "hey so quick question who is rivian" was searched as "Quick question who is
    rivian" and refused (a connective ended the openers read)."""
    assert without_greeting(question) == "Who is rivian?"
    monkeypatch.setattr(bot.small_talk, "OPENERS_28", False)
    assert without_greeting(question) != "Who is rivian?"


@pytest.mark.parametrize("question", ["so what does amazon plan?", "hey so what is rivian?"])
def test_a_connective_before_a_question_word_still_asks(question: str) -> None:
    assert without_greeting(question).lower().endswith(question.split(" so ")[-1].lower())

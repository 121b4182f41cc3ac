"""Session 24's conversation rules (bot.conversation.CHAT_WORDS, EXAMPLE_REQUEST;
bot.follow_up.SAID_FOR_THE_QUESTION): what a chat word or a request for an example names, what it
makes of a follow-up, and the quote for a question asking of a person."""

import pytest

import bot.conversation
from bot.conversation import (
    asks_a_question_word,
    asks_for_an_example,
    content_words,
    is_follow_up,
    names_own_subject,
)
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread, searched_after


@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        ("any weaknesses tho?", ["weaknesses"], ["weaknesses", "tho"]),
        ("how devoted are tesla owners tbh", ["devoted", "tesla", "owners"], None),
        ("does tesla have any weak spots or nah", ["tesla", "weak", "spots"], None),
        ("what does rivian make?", ["rivian", "make"], ["rivian", "make"]),  # none to leave out
    ],
)
def test_a_chat_word_names_nothing_asked_about(
    monkeypatch: pytest.MonkeyPatch, question: str, on: list[str], off: list[str] | None
) -> None:
    """With CHAT_WORDS the words bot.lexical leaves out of a search ("tho", "tbh", "or nah") are
    no content words; off, they are counted as any word (None: `on` and the last word)."""
    monkeypatch.setattr(bot.conversation, "CHAT_WORDS", True)
    assert content_words(question) == on
    monkeypatch.setattr(bot.conversation, "CHAT_WORDS", False)
    assert content_words(question) == (off if off is not None else [*on, question.split()[-1]])


def test_one_word_and_a_chat_word_is_covered_as_one_word(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 24 (CHAT_WORDS). "any weaknesses tho?" after "what are teslas known for"
    (conversations-tuning-22) matches every passage under the cosine floor, and its "tho" made
    it a question of two words: refused. One word the sources write ("exploit these
    weaknesses") covers it, as "cobalt?" is covered: answered, the weaknesses quoted."""
    first, second = "what are teslas known for", "any weaknesses tho?"
    monkeypatch.setattr(bot.conversation, "CHAT_WORDS", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert not answer.refused and "quality control issues" in answer.answer
    monkeypatch.setattr(bot.conversation, "CHAT_WORDS", False)
    assert asked_in_a_thread(service, first, second)[1].refused


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("gimme an example", True),
        ("can you give me an example?", True),
        ("examples?", True),
        ("any examples", True),
        ("for instance?", True),
        ("ok so give me an example please", True),
        ("give me examples of what data integration could do for the cars", False),
        ("an example of a tesla rival", False),
        ("what is an example", False),
    ],
)
def test_a_request_for_an_example_is_read_whole(
    monkeypatch: pytest.MonkeyPatch, message: str, asks: bool
) -> None:
    """EXAMPLE_REQUEST reads a message that only asks for an example; one naming what it wants
    an example of asks its own question. Off, none is read."""
    monkeypatch.setattr(bot.conversation, "EXAMPLE_REQUEST", True)
    assert asks_for_an_example(message) is asks
    monkeypatch.setattr(bot.conversation, "EXAMPLE_REQUEST", False)
    assert not asks_for_an_example(message)


def test_a_request_for_an_example_asks_about_what_was_said(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 24 (EXAMPLE_REQUEST). "gimme an example" after "what's amazon's data good for
    here" (conversations-tuning-20) had two words of its own, "gimme" and "example", so it was
    searched alone and refused. It names nothing and asks "such as what?": searched with the
    question before, it quotes the data passage's examples. "can you give me an example?" is
    no question about "you" either."""
    first = "what's amazon's data good for here"
    monkeypatch.setattr(bot.conversation, "EXAMPLE_REQUEST", True)
    for second in ("gimme an example", "can you give me an example?"):
        assert content_words(second) == [] and is_follow_up(second)
        assert asks_a_question_word(second) and not names_own_subject(second)
        assert searched_after(service, first, second) != second
    answer = asked_in_a_thread(service, first, "gimme an example")[1]
    assert "smart logistics" in answer.answer and answer.outcome == "answered"
    monkeypatch.setattr(bot.conversation, "EXAMPLE_REQUEST", False)
    assert not is_follow_up("gimme an example")
    assert searched_after(service, first, "gimme an example") == "gimme an example"
    assert asked_in_a_thread(service, first, "gimme an example")[1].refused


def test_a_question_of_a_person_is_not_answered_by_the_sentence_that_named_him(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 24 (bot.follow_up.SAID_FOR_THE_QUESTION). "what is he known for?" after "Who is
    Tesla's CEO?" (conversations-tuning-2) is searched with the name only the answer before
    said, and the sentence naming him scored highest for the name: the answer before's "With its
    charismatic CEO Elon Musk at the helm" was quoted again. Scored for the question alone,
    that sentence gives way to what he is known for."""
    import bot.follow_up

    first, second = "Who is Tesla's CEO?", "what is he known for?"
    monkeypatch.setattr(bot.follow_up, "SAID_FOR_THE_QUESTION", True)
    before, answer = asked_in_a_thread(service, first, second)
    assert "Elon Musk" in before.answer and "Musk" in searched_after(service, first, second)
    assert "outspoken tweets" in answer.answer and answer.outcome == "answered"
    monkeypatch.setattr(bot.follow_up, "SAID_FOR_THE_QUESTION", False)
    answer = asked_in_a_thread(service, first, second)[1]
    assert "outspoken tweets" not in answer.answer


def test_he_as_the_subject_asks_about_the_person_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 24 (bot.conversation.SUBJECT_PERSONAL). "so will he fight back?" after "what's
    musk known for" (conversations-tuning-22) matches every passage under the cosine floor
    alone, and its own words ("fight back") are in no passage: searched alone, it was refused.
    "he" is the subject, as "it" is in "would it work with …": the person asked about before,
    so it keeps its context and is answered about Musk's reaction. "they" is not read so."""
    first, second = "what's musk known for", "so will he fight back?"
    monkeypatch.setattr(bot.conversation, "SUBJECT_PERSONAL", True)
    assert bot.conversation.demonstrative_subject(second)
    assert not bot.conversation.demonstrative_subject("and where will they build them?")
    assert searched_after(service, first, second) != second
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "lying down" in answer.answer
    monkeypatch.setattr(bot.conversation, "SUBJECT_PERSONAL", False)
    assert not bot.conversation.demonstrative_subject(second)
    assert searched_after(service, first, second) == second
    assert asked_in_a_thread(service, first, second)[1].refused

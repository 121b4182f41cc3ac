"""Chat words left out of a question searched as asked and the name a question asks to define
(bot.lexical.without_chat_words, bot.answer.asked_to_define and defines; docs/quality-log.md,
"Chat words and definitions (session 23)"). No model."""

from __future__ import annotations

import pytest

from bot.answer import asked_to_define, defines, writes_name
from bot.lexical import without_chat_words


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("how devoted are tesla owners tbh", "how devoted are tesla owners"),
        ("who is on top of the ev world rn", "who is on top of the ev world"),
        ("does tesla have any weak spots or nah", "does tesla have any weak spots"),
        ("where are they building the cars tho?", "where are they building the cars?"),
        ("so is tesla's reign about to end??", "so is tesla's reign about to end?"),
        ("ngl is amazon's logistics edge real lol", "is amazon's logistics edge real"),
    ],
)
def test_chat_words_are_left_out(question: str, plain: str) -> None:
    assert without_chat_words(question) == plain


@pytest.mark.parametrize(
    "question",
    [
        "who is rivian",
        "where will the factories be built?",
        "lol",  # nothing left: asked as written (small talk's to answer)
        "tbh?",
        "What is the role of Frodo in the story?",  # "rn", "fr" only as whole words
        "Which firms are rumored partners?",
    ],
)
def test_nothing_left_out(question: str) -> None:
    assert without_chat_words(question) is None


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("who is jeff bezos", "jeff bezos"),
        ("Who is Jeff Bezos?", "Jeff Bezos"),
        ("whos elon musk", "elon musk"),
        ("what's rivian?", "rivian"),
        ("so what is tesla", "tesla"),
    ],
)
def test_a_name_asked_to_define(question: str, name: str) -> None:
    assert asked_to_define(question) == name


@pytest.mark.parametrize(
    "question",
    [
        "who is the ceo",  # a function word: no name
        "who is on top",
        "what are tesla's weaknesses?",  # a possessive asks about something of it
        "what does bezos want",
        "who is jeff bezos and why does he want cars",
    ],
)
def test_no_name_asked_to_define(question: str) -> None:
    assert asked_to_define(question) is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Jeff Bezos and Elon Musk are two of the most influential entrepreneurs of the "
            "21st century.",
            "jeff bezos",
        ),
        (
            "Jeff Bezos and Elon Musk are two of the most influential entrepreneurs of the "
            "21st century.",
            "elon musk",
        ),
        (
            "Jeff Bezos and Elon Musk are two of the most influential entrepreneurs of the "
            "21st century.",
            "jeff",
        ),
        ("Tesla remains the undisputed king of the electric vehicle world.", "tesla"),
        ("Amazon previously invested in Rivian, an electric truck and SUV maker.", "rivian"),
        ("Musk is perceived as bold and unfiltered.", "elon musk"),
    ],
)
def test_a_sentence_saying_what_a_name_is(sentence: str, name: str) -> None:
    assert defines(sentence, name)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Jeff Bezos has an opportunity to set a new standard.", "jeff bezos"),
        ("Already, some analysts believe Musk is preparing new battery technology.", "musk"),
        ("According to industry sources, Amazon is in talks with several makers.", "amazon"),
        ("Tesla’s days of uncontested leadership may be numbered.", "tesla"),
        # "the two billionaires" stands for both names, not the last one.
        ("Once competitors through Blue Origin and SpaceX, the two billionaires clash.", "spacex"),
    ],
)
def test_a_sentence_merely_naming_it(sentence: str, name: str) -> None:
    assert not defines(sentence, name)


def test_a_name_is_written_as_a_name() -> None:
    assert writes_name("partnerships with NVIDIA are rumored", "nvidia")
    assert writes_name("Jeff Bezos has an opportunity", "jeff bezos")
    assert not writes_name("Tesla remains the undisputed king", "nikola tesla")
    assert not writes_name("the good news", "good")  # not written as a name

"""A first name searched with the one surname the sources write it with (bot.lexical.
surnames_of_first_names, with_surnames; bot.retrieval.FULL_NAMES, off; docs/quality-log.md,
"First names searched with their surnames (session 24)"). No model."""

from __future__ import annotations

import pytest

from bot.lexical import surnames_of_first_names, with_surnames

SURNAMES = {"elon": "musk", "jeff": "bezos"}
KNOWN = {"stays", "doing", "on", "top", "is", "this", "and", "like"}


def test_a_first_name_with_one_surname_only() -> None:
    people = ["Jeff Bezos", "Elon Musk", "Jeff Bezos", "Henry Ford", "Henry Royce"]
    assert surnames_of_first_names(people) == {"jeff": "bezos", "elon": "musk"}


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("what happens if elon stays on top", "what happens if elon musk stays on top"),
        ("is Jeff doing this", "is Jeff bezos doing this"),
        ("jeff and elon?", "jeff bezos and elon musk?"),
    ],
)
def test_a_first_name_is_searched_with_its_surname(question: str, searched: str) -> None:
    assert with_surnames(question, SURNAMES, KNOWN.__contains__) == searched


@pytest.mark.parametrize(
    "question",
    [
        "what does elon musk think",  # written in full already
        "did jeff's company invest before",  # a possessive: measured, it lost a conversation
        "jeff goldblum",  # another person's surname, no word the reader knows
        "who is rivian",
    ],
)
def test_no_surname_added(question: str) -> None:
    assert with_surnames(question, SURNAMES, KNOWN.__contains__) is None

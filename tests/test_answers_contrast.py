"""A question asking how things differ quotes the sentence stating the contrast (session 25)."""

import pytest

import bot.answer
from bot.answer import _ASKS_CONTRAST
from bot.service import AnswerService

RIVIAN = "Amazon previously invested in Rivian"
CONTRAST = "However, this new venture appears to be far more direct"


@pytest.mark.parametrize(
    "question",
    [
        "how's this different from the rivian investment",
        "how is the new venture different from the rivian stake",
        "what's different about amazon's ev compared to rivian",
    ],
)
def test_a_question_asking_how_things_differ_quotes_the_contrast_after(
    service: AnswerService, question: str
) -> None:
    # The Rivian sentence names what is compared; the sentence after it says how this differs.
    answer = service.ask(question)
    assert RIVIAN in answer.answer and CONTRAST in answer.answer, answer.answer
    for quote in answer.quotes:
        assert quote.text in answer.citations[quote.citation - 1].text


def test_without_the_rule_the_contrast_was_left_out(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tuning-extra-24.jsonl: the Rivian sentence was quoted alone (the others above quoted the
    # contrast as a neighbour already).
    monkeypatch.setattr(bot.answer, "CONTRAST_JOINS", False)
    answer = service.ask("how's this different from the rivian investment")
    assert RIVIAN in answer.answer and CONTRAST not in answer.answer, answer.answer


def test_a_question_asking_no_contrast_is_quoted_as_before(service: AnswerService) -> None:
    answer = service.ask("did amazon invest in rivian")
    assert RIVIAN in answer.answer and CONTRAST not in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how's this different from the rivian investment", True),
        ("how do the two men differ", True),
        ("what's the difference between the two", True),
        ("how does bezos come across compared to elon", True),
        ("bezos vs musk personalities", True),
        # A new topic announced, no contrast asked.
        ("different question: what's musk like on twitter?", False),
        ("totally different thing — who wins no matter what", False),
        ("ok different q — where will the big battles be", False),
        ("did amazon invest in rivian", False),
    ],
)
def test_which_questions_ask_for_a_contrast(question: str, asks: bool) -> None:
    assert bool(_ASKS_CONTRAST.search(question)) is asks

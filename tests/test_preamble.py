"""The asker's introduction before a question is left out of the search (bot/preamble.py)."""

from __future__ import annotations

import pytest

import bot.preamble
from bot.preamble import without_preamble
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("text", "question"),
    [("I'm a journalist writing about EVs. Can you tell me what Amazon is planning?",
      "Can you tell me what Amazon is planning?"),
     ("I'm an investor. Should I be worried about my Tesla shares?",
      "Should I be worried about my Tesla shares?"),
     ("Hi, I'm new here. who is rivian?", "who is rivian?"),
     ("My editor wants a quote. I work for a paper. Who are Amazon's partners?",
      "Who are Amazon's partners?")],
)  # fmt: skip
def test_the_question_after_the_askers_introduction_is_read_alone(
    text: str, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert without_preamble(text) == question
    monkeypatch.setattr(bot.preamble, "PREAMBLE_27", False)
    assert without_preamble(text) == text


@pytest.mark.parametrize(
    "text",
    ["I think Tesla will win. What does the article say?",
     "I heard Amazon is buying Tesla. Is that true?",
     "I'm an investor. any idea?", "Tesla is doomed. why?", "who is rivian?",
     "I'm curious, who is rivian? And where are they based?"],
)  # fmt: skip
def test_a_sentence_holding_the_topic_keeps_the_message_whole(text: str) -> None:
    assert without_preamble(text) == text


def test_the_introduced_question_is_answered_as_asked_alone(service: AnswerService) -> None:
    alone = service.ask("Should I be worried about my Tesla shares?")
    introduced = service.ask("I'm a retired teacher. Should I be worried about my Tesla shares?")
    assert introduced.quotes == alone.quotes
    assert introduced.question == "Should I be worried about my Tesla shares?"  # as read

"""What an abbreviation stands for is answered by the sentence spelling it out (bot/acronym.py)."""

from __future__ import annotations

import pytest

import bot.acronym
from bot.acronym import asked_abbreviation, spelled_out, written_in_full
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "short"),
    [("what does EV stand for?", "ev"), ("what does ev mean?", "ev"),
     ("what is EV short for", "ev"), ("what's AWS stand for?", "aws"),
     ("what's the full form of EV", "ev"),
     ("so what does the acronym “EV” stand for in the article?", "ev")],
)  # fmt: skip
def test_the_abbreviation_asked_is_read_and_not_without_the_rule(
    question: str, short: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asked_abbreviation(question) == short
    monkeypatch.setattr(bot.acronym, "ACRONYMS_27", False)
    assert asked_abbreviation(question) is None


@pytest.mark.parametrize(
    "question", ["what does musk stand for as a leader", "what does tesla stand for in the market"]
)
def test_a_question_of_another_form_asks_no_abbreviation(question: str) -> None:
    assert asked_abbreviation(question) is None


def test_brackets_after_words_whose_initials_spell_it_define_it() -> None:
    assert spelled_out("a new battlefield: the electric vehicle (EV) industry.", "ev")
    assert spelled_out("the state-of-charge (SOC) is low", "soc")
    assert not spelled_out("sales of the Model Y (EV) rose", "ev")
    assert not spelled_out("the electric vehicle industry", "ev")


def test_a_name_of_capitalised_words_spells_it_out_in_full() -> None:
    assert written_in_full("data analytics from Amazon Web Services.", "aws")
    assert not written_in_full("Amazon Web services grew", "aws")
    assert not written_in_full("cloud computing via AWS", "aws")


def test_the_answer_quotes_the_sentence_spelling_it_out(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("what does EV stand for?")
    assert answer.outcome == "answered" and len(answer.quotes) == 1
    assert "the electric vehicle (EV) industry" in answer.answer
    assert answer.quoted_from(1) is not None
    aws = service.ask("what's AWS stand for?")
    assert "Amazon Web Services" in aws.answer and len(aws.quotes) == 1
    monkeypatch.setattr(bot.acronym, "ACRONYMS_27", False)
    assert "(EV)" not in service.ask("what does EV stand for?").answer


def test_an_abbreviation_the_text_never_spells_out_is_searched(service: AnswerService) -> None:
    index = service.retriever.index
    assert bot.acronym.abbreviation_answer("what does AI stand for?", index) is None

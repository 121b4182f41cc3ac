"""A quote opening with "This …" is quoted after the sentence it points at (bot/antecedent.py)."""

from __future__ import annotations

import dataclasses
import itertools
import uuid

import pytest

import bot.antecedent
from bot.answer import Answer, Quote, passage_citation
from bot.antecedent import points_back, with_antecedents
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("sentence", "back"),
    [("This makes the stakes incredibly high.", True), ("These alliances could help.", True),
     ("Such moves matter.", True), ("Thistle is a plant.", False), ("Tesla remains king.", False),
     ("It’s impossible to say.", False)],
)  # fmt: skip
def test_a_sentence_pointing_back_is_read_by_its_first_word(sentence: str, back: bool) -> None:
    assert points_back(sentence) is back


def _pointing_back(index: SearchIndex) -> tuple[Passage, str, str]:
    """A passage of the shipped index, a sentence of it opening with "This" or "These" that does
    not open the passage, and the sentence before it."""
    for passage in index.passages:
        sentences = passage.sentence_texts()
        for before, sentence in itertools.pairwise(sentences):
            if points_back(sentence):
                return passage, sentence, before
    raise AssertionError("the shipped article has such a sentence")


def _quoting(index: SearchIndex, passage: Passage, sentence: str) -> Answer:
    article = index.manifest["articles"][passage.doc_id]
    citation = passage_citation(1, passage, article, sentence, score=1.0)
    return Answer(
        id=uuid.uuid4().hex, question="q", answer=sentence, refused=False,
        citations=(citation,), quotes=(Quote(sentence, 1),),
    )  # fmt: skip


def test_the_sentence_pointed_at_is_quoted_first(service: AnswerService) -> None:
    index = service.retriever.index
    passage, sentence, before = _pointing_back(index)
    answer = with_antecedents(_quoting(index, passage, sentence), index)
    assert answer.quotes == (Quote(before, 1), Quote(sentence, 1))
    assert answer.answer == f"{before} {sentence}"
    assert len(answer.citations) == 1  # from the same passage: nothing more cited


def test_a_sentence_quoted_already_is_not_quoted_twice(service: AnswerService) -> None:
    index = service.retriever.index
    passage, sentence, before = _pointing_back(index)
    both = _quoting(index, passage, sentence)
    both = dataclasses.replace(both, quotes=(Quote(before, 1), Quote(sentence, 1)))
    assert with_antecedents(both, index).quotes == both.quotes


def test_an_answer_never_quotes_a_pointing_sentence_without_what_it_points_at(
    service: AnswerService,
) -> None:
    answer = service.ask("what's at stake?")
    texts = [q.text for q in answer.quotes]
    pointing = [n for n, text in enumerate(texts) if points_back(text)]
    assert pointing  # the question's answer has one
    assert all(n > 0 for n in pointing)


def test_without_the_rule_the_sentence_is_quoted_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.antecedent, "ANTECEDENT", False)
    index = service.retriever.index
    passage, sentence, _ = _pointing_back(index)
    answer = _quoting(index, passage, sentence)
    assert with_antecedents(answer, index) == answer


def test_in_one_sentence_keeps_the_sentence_pointed_at(service: AnswerService) -> None:
    before = service.ask("what's at stake?")
    pointing = next(n for n, q in enumerate(before.quotes) if points_back(q.text))
    assert pointing == 1  # the sentence it points at comes first
    short = service.ask("in one sentence?", ["what's at stake?"])
    assert short.quotes == before.quotes[:2]


def test_a_quote_naming_the_thing_asked_as_these_brings_the_sentence_naming_them_and_not_without(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask("what are the weaknesses?")
    texts = [q.text for q in answer.quotes]
    pointing = next(i for i, t in enumerate(texts) if "exploit these weaknesses" in t)
    assert pointing > 0 and texts[pointing - 1].startswith("Production delays")
    assert bot.antecedent.points_back_at_asked("exploit these weaknesses", "tesla's weaknesses?")
    assert not bot.antecedent.points_back_at_asked("exploit these weaknesses", "who is rivian?")
    monkeypatch.setattr(bot.antecedent, "ASKED_POINTED_BACK_31", False)
    alone = [q.text for q in service.ask("what are the weaknesses?").quotes]
    assert not any(t.startswith("Production delays") for t in alone)

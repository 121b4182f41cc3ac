"""Another form of a question's word in late interaction (bot.lexical.other_form,
bot.retrieval.FORM_MATCH; docs/quality-log.md, "Short questions and other word forms (session
19)")."""

from __future__ import annotations

import numpy as np
import pytest

import bot.retrieval
from bot.lexical import (
    _part_initials,
    dictionary_lemmas,
    noun_against_verb,
    other_form,
    shortening,
)
from bot.lookups import parsed_unit
from bot.ranking import maxsim, similarity_maxsim
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("partners", "partnerships"),  # a derivational ending on the same root
        ("chargers", "charging"),
        ("loyal", "loyalty"),
        ("hq", "headquartered"),  # the initials of a compound's two nouns
    ],
)
def test_a_derived_word_an_abbreviation_or_a_shortening_is_another_form(
    asked: str, written: str
) -> None:
    assert other_form(asked, written)


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("car", "cars"),  # an inflection: the model's tokens match it already
        ("built", "build"),
        ("partners", "partners"),  # the same word
        ("car", "carbon"),  # a root under five letters
        ("transport", "transformation"),  # a shared beginning, not a root and an ending
        ("la", "leveraging"),  # "lever" + "age": an ending, not a noun of four letters
        ("hq", "quarters"),
        ("rn", "return"),  # two letters: initials only
        ("govt", "government"),  # a shortening: the tokens match it (0.72), a floor hurt
        ("tech", "technology"),
    ],
)
def test_an_inflection_or_an_unrelated_word_is_not(asked: str, written: str) -> None:
    assert not other_form(asked, written)


@pytest.mark.parametrize(
    ("asked", "written", "against"),
    [
        ("investors", "invested", True),  # an agent against its act
        ("invested", "investors", True),
        ("chargers", "charging", False),  # an -ing form may be a noun
        ("partners", "partnerships", False),  # "partners" may be a noun too
        ("loyalty", "loyal", False),  # a noun against an adjective
        ("hq", "headquartered", False),  # no dictionary word: read as neither
    ],
)
def test_a_noun_against_a_verb(asked: str, written: str, against: bool) -> None:
    assert noun_against_verb(asked, written) == against


@pytest.mark.parametrize(
    ("asked", "written", "shortens"),
    [
        ("govt", "government", True),
        ("regs", "regulations", True),
        ("dept", "department", True),
        ("tho", "though", False),  # three letters: too few to tell the word
        ("tech", "technology", False),  # a beginning, not a contraction (another last letter)
        ("three", "therefore", False),  # the written word not twice as long
        ("liber", "linebackers", False),
        ("regs", "rivals", False),  # another first two letters
        ("news", "newspapers", False),  # a dictionary word is no shortening
    ],
)
def test_a_shortening(asked: str, written: str, shortens: bool) -> None:
    assert shortening(asked, written) == shortens


def test_maxsim_from_a_similarity_is_maxsim() -> None:
    rng = np.random.default_rng(0)
    query, docs = rng.normal(size=(3, 8)), rng.normal(size=(7, 8))
    weights, lengths = [1.0, 2.0, 0.5], [2, 0, 5]
    expected = maxsim(query, weights, docs, lengths)
    got = similarity_maxsim(query.astype(np.float32) @ docs.astype(np.float32).T, weights, lengths)
    assert np.allclose(got, expected)
    assert got[1] == -np.inf


def test_another_form_lifts_the_passage_writing_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    late = service.retriever.late
    assert late is not None
    passages = service.retriever.index.passages
    headquarters = next(i for i, p in enumerate(passages) if "headquartered" in p.text)
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH_WORDS", 3)
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.0)
    before = late.passage_scores("and the hq?", list(range(len(passages))))
    assert int(np.argmax(before)) == headquarters  # first already, by a weak match
    weak = late.evidence("and the hq?", headquarters).best[0]
    assert weak < 0.6
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.7)
    after = late.passage_scores("and the hq?", list(range(len(passages))))
    assert after[headquarters] == pytest.approx(0.7, abs=1e-6)
    assert late.evidence("and the hq?", headquarters).best[0] == pytest.approx(0.7, abs=1e-6)
    others = [i for i in range(len(passages)) if i != headquarters]
    assert np.allclose(after[others], before[others])  # no other passage writes it
    # Its sentence holding the word is matched as well: the quote reads the same evidence.
    within, _ = late.sentence_matches("and the hq?", headquarters)
    assert within.max() == pytest.approx(0.7, abs=1e-6)


def test_a_longer_question_is_left_to_its_tokens(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    late = service.retriever.late
    assert late is not None
    passages = service.retriever.index.passages
    headquarters = next(i for i, p in enumerate(passages) if "headquartered" in p.text)
    question = "where is the hq of the new amazon car project"  # five counted words
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.7)
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH_WORDS", 3)
    assert "hq" in late.evidence(question, headquarters).words
    short = late.evidence(question, headquarters).best
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.0)
    assert late.evidence(question, headquarters).best == short
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.7)
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH_WORDS", None)
    assert late.evidence(question, headquarters).best != short


def test_off_the_scores_are_the_tokens_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    late = service.retriever.late
    assert late is not None
    rows = list(range(len(service.retriever.index.passages)))
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.0)
    query, weights = late.question("who are amazon's partners?")
    tokens = late._passage_tokens(rows)
    expected = maxsim(
        query, weights, np.concatenate([t.vectors for t in tokens]), [len(t.ids) for t in tokens]
    )
    assert np.allclose(late.passage_scores("who are amazon's partners?", rows), expected)


def test_the_word_caches_are_bounded() -> None:
    # The words asked are anyone's: an unbounded cache would grow for as long as the bot runs.
    for cached in (dictionary_lemmas, _part_initials, other_form, parsed_unit):
        assert cached.cache_info().maxsize is not None
    assert dictionary_lemmas("worried") and not dictionary_lemmas("goldblum")
    assert parsed_unit("tesla") is not None and parsed_unit("goldblum") is None


def test_a_noun_asked_alone_finds_the_noun_not_the_verb(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "partners?": the verb "partners" of another passage matches 0.72; "partnerships" is lifted
    # over it at 0.8, where "investors" would lift "invested" too but for the parts of speech.
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.8)
    monkeypatch.setattr(bot.retrieval, "FORM_PARTS_OF_SPEECH", True)
    answer = service.ask("partners?")
    assert "Panasonic and NVIDIA" in answer.citations[0].text
    late = service.retriever.late
    assert late is not None
    passages = service.retriever.index.passages
    invested = next(i for i, p in enumerate(passages) if "invested" in p.text)
    lifted = late.evidence("what about investors?", invested).best
    monkeypatch.setattr(bot.retrieval, "FORM_PARTS_OF_SPEECH", False)
    assert max(late.evidence("what about investors?", invested).best) >= 0.8 > max(lifted)


def test_a_shortening_reads_the_word_it_shortens(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.retrieval, "FORM_MATCH", 0.8)
    monkeypatch.setattr(bot.retrieval, "FORM_SHORTENINGS", False)
    assert service.ask("govt regs").refused  # under the cosine floor: no word the sources write
    monkeypatch.setattr(bot.retrieval, "FORM_SHORTENINGS", True)
    answer = service.ask("govt regs")
    assert not answer.refused
    assert "stricter emission regulations" in answer.citations[0].text

"""A quoted sentence ending in a colon brings the list it announces (bot/announced_list.py)."""

from __future__ import annotations

import dataclasses

import pytest

import bot.announced_list
from bot.announced_list import LIST_SENTENCES, announces_list, with_announced_list
from bot.answer import Answer, Quote, passage_citation
from bot.embedding import Embedder
from bot.index import SearchIndex
from bot.service import AnswerService
from tests.corpus_service import service_over

FEATURES = (
    "Advanced AI Integration",
    "Autonomous Driving",
    "Prime Integration",
    "Affordable Luxury",
)


def test_a_colon_announces_a_list() -> None:
    assert announces_list("The vehicles themselves are expected to feature several innovations:")
    assert not announces_list("Bezos isn’t going it alone.")


@pytest.mark.parametrize(
    "question", ["what are the key features of the amazon ev?", "list the innovations"]
)
def test_the_features_are_quoted_after_the_sentence_announcing_them(
    service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered"
    announcing = next(q for q in answer.quotes if announces_list(q.text))
    after = answer.answer.split(announcing.text, 1)[1]
    assert all(feature in after for feature in FEATURES)
    by_n = {c.n: c for c in answer.citations}
    assert all(q.text in by_n[q.citation].text for q in answer.quotes)  # each cited where it is
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_without_the_rule_the_colon_is_quoted_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.announced_list, "ANNOUNCED_LIST", False)
    answer = service.ask("what are the key features of the amazon ev?")
    assert not any(feature in answer.answer for feature in FEATURES)


PLAN = """---
title: "The plan"
---

## The plan

The company says the plan has several parts:

- Build a battery plant near the river.

- Hire welders from the local college.

- Open showrooms in three malls.

- Sell vans to delivery firms.

- Lease trucks to farms.

- Run a charging network.

- Recycle old batteries.

## Money

The bank lends the money at a low rate. Investors name their conditions:
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> SearchIndex:
    service = service_over(tmp_path_factory.mktemp("plan"), embedder, {"plan.md": PLAN})
    return service.retriever.index


def _answer_quoting(index: SearchIndex, sentence: str) -> Answer:
    passage = next(p for p in index.passages if sentence in p.sentence_texts())
    article = index.manifest["articles"][passage.doc_id]
    citation = passage_citation(1, passage, article, sentence, score=1.0)
    return Answer(
        id="a", question="q", answer=sentence, refused=False, citations=(citation,),
        quotes=(Quote(sentence, 1),),
    )  # fmt: skip


def test_the_list_ends_at_its_section_and_its_length(plan: SearchIndex) -> None:
    answer = with_announced_list(
        _answer_quoting(plan, "The company says the plan has several parts:"), plan
    )
    listed = [q.text for q in answer.quotes[1:]]
    assert len(listed) == LIST_SENTENCES
    assert listed[0] == "Build a battery plant near the river."
    assert "bank" not in answer.answer  # the next section is no item
    assert len({q.citation for q in answer.quotes}) == len(answer.citations)


def test_a_list_quoted_already_is_not_quoted_twice(plan: SearchIndex) -> None:
    colon = "The company says the plan has several parts:"
    once = with_announced_list(_answer_quoting(plan, colon), plan)
    assert with_announced_list(once, plan) == once


def test_a_sentence_announcing_nothing_leaves_the_answer(plan: SearchIndex) -> None:
    answer = _answer_quoting(plan, "The bank lends the money at a low rate.")
    assert with_announced_list(answer, plan) is answer
    last = _answer_quoting(plan, "Investors name their conditions:")
    assert with_announced_list(last, plan) is last  # the article ends: nothing follows it


def test_an_item_quoted_elsewhere_in_the_answer_is_not_quoted_again(plan: SearchIndex) -> None:
    colon = _answer_quoting(plan, "The company says the plan has several parts:")
    bank = _answer_quoting(plan, "The bank lends the money at a low rate.")
    item = _answer_quoting(plan, "Sell vans to delivery firms.")
    # another passage's sentence after the colon, then the item, as a search may quote them
    both = dataclasses.replace(
        colon,
        answer=" ".join(a.answer for a in (colon, bank, item)),
        quotes=(*colon.quotes, Quote(bank.answer, 2), Quote(item.answer, 3)),
        citations=(
            *colon.citations,
            dataclasses.replace(bank.citations[0], n=2),
            dataclasses.replace(item.citations[0], n=3),
        ),
    )
    texts = [q.text for q in with_announced_list(both, plan).quotes]
    assert texts.count("Sell vans to delivery firms.") == 1
    assert "Build a battery plant near the river." in texts

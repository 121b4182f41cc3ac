"""A reply pointing into the answer before ("source 2?", "the second one?") is answered from it
(bot/pointed.py)."""

from __future__ import annotations

import pytest

import bot.pointed
from bot.pointed import Pointer, points_at
from bot.service import AnswerService

FEATURES = "what are the key features of the amazon ev?"


@pytest.mark.parametrize(
    ("text", "pointer"),
    [("what does source 2 say?", Pointer("citation", 2)), ("[3]?", Pointer("citation", 3)),
     ("show me the first citation", Pointer("citation", 1)),
     ("the second one?", Pointer("item", 2)),
     ("tell me more about the 3rd one", Pointer("item", 3)),
     ("the last one", Pointer("item", -1)), ("what about #4", Pointer("item", 4))],
)  # fmt: skip
def test_pointers_are_read_by_their_form(text: str, pointer: Pointer) -> None:
    assert points_at(text) == pointer


@pytest.mark.parametrize(
    "text", ["who came first?", "what was the second factory state", "is tesla number 1", "2"]
)
def test_a_reply_naming_something_else_points_at_nothing(text: str) -> None:
    assert points_at(text) is None


def test_a_list_item_is_answered_from_the_list_before(service: AnswerService) -> None:
    answer = service.ask("the second one?", [FEATURES])
    assert answer.answer.startswith("Autonomous Driving:")
    assert [c.n for c in answer.citations] == [1] and answer.quotes[0].citation == 1
    assert answer.answer in answer.citations[0].text
    last = service.ask("the last one", [FEATURES])
    assert last.answer.startswith("Affordable Luxury:")


def test_a_citation_is_answered_by_its_passage(service: AnswerService) -> None:
    before = service.ask("where will the factories be built?")
    answer = service.ask("what does source 2 say?", ["where will the factories be built?"])
    assert answer.answer == before.citations[1].text
    assert answer.citations[0].passage_id == before.citations[1].passage_id


def test_a_pointer_past_the_answer_before_says_so(service: AnswerService) -> None:
    past = service.ask("what does source 9 say?", ["who is rivian?"])
    cited = len(service.ask("who is rivian?").citations)
    assert past.refused and past.answer == f"The answer before cites {cited} sources."
    # no list in the answer before: "the second one" is searched as asked
    searched = service.ask("the second one?", ["who is rivian?"])
    assert not searched.answer.startswith("Autonomous Driving:")


def test_without_the_rule_a_pointer_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.pointed, "POINTED", False)
    assert not service.ask("the second one?", [FEATURES]).answer.startswith("Autonomous Driving:")


def test_the_answer_pointed_into_is_read_as_it_was_answered(service: AnswerService) -> None:
    # the message before is read again as ask read it: greeting off, capitals lowered
    answer = service.ask("the second one?", ["hey, WHAT ARE THE KEY FEATURES OF THE AMAZON EV?"])
    assert answer.answer.startswith("Autonomous Driving:")

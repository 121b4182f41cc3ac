"""Session 29's conversation rules (bot.follow_up.LEAD_LENT_BY_AGREEMENT,
bot.conversation.ANY_ASKS_OF_THE_TOPIC): a fragment that singles out its first passage keeps its
context when the context puts that passage first too and lends it the coverage it lacks alone,
and a question opening with "any" is a follow-up candidate rather than a bare noun phrase."""

import pytest

import bot.conversation
import bot.follow_up
from bot.conversation import asks_for_any, is_bare, is_follow_up
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread, searched_after


def test_a_fragment_refused_alone_keeps_the_context_that_agrees(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 29 (LEAD_LENT_BY_AGREEMENT). "and on the supply side?" after a question on
    Amazon's edge: alone it singles out the supply-chain passage, so the fragment's own lead
    searched it alone, where it matches under the floor and was refused; the context finds that
    passage first too, and in context it is answered from it."""
    first, second = "what edge does amazon have over tesla", "and on the supply side?"
    monkeypatch.setattr(bot.follow_up, "LEAD_LENT_BY_AGREEMENT", True)
    assert searched_after(service, first, second) != second
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "supply chain expertise" in answer.answer
    monkeypatch.setattr(bot.follow_up, "LEAD_LENT_BY_AGREEMENT", False)
    assert searched_after(service, first, second) == second
    assert asked_in_a_thread(service, first, second)[1].outcome == "refused"


def test_a_fragment_singling_out_another_passage_is_still_searched_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead still names a topic when the context's first passage is another one: "and wall
    street?" after a question on Amazon's partners is about the stock, not the partners."""
    monkeypatch.setattr(bot.follow_up, "LEAD_LENT_BY_AGREEMENT", True)
    first, second = "who is amazon partnering with?", "and wall street?"
    assert searched_after(service, first, second) == second


@pytest.mark.parametrize(
    "question", ["any weak points?", "any new tech coming?", "any weaknesses tho?"]
)
def test_a_question_opening_with_any_is_a_follow_up_candidate(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    """Session 29 (ANY_ASKS_OF_THE_TOPIC): "any weak points?" asks whether the topic before has
    some; off, it is a bare noun phrase naming its own topic, never a follow-up."""
    monkeypatch.setattr(bot.conversation, "ANY_ASKS_OF_THE_TOPIC", True)
    assert asks_for_any(question) and is_follow_up(question)
    assert asks_for_any(f"and {question}")
    monkeypatch.setattr(bot.conversation, "ANY_ASKS_OF_THE_TOPIC", False)
    assert not asks_for_any(question)
    assert is_bare(question) and not is_follow_up(question)


@pytest.mark.parametrize(
    "question", ["anything on batteries?", "is there any news?", "which company has any plans?"]
)
def test_any_elsewhere_is_not_read(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """Only "any" opening the question (after "and", "ok" and the like) is read."""
    monkeypatch.setattr(bot.conversation, "ANY_ASKS_OF_THE_TOPIC", True)
    assert not asks_for_any(question)


def test_any_new_tech_is_asked_of_the_topic_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 29 (ANY_ASKS_OF_THE_TOPIC). "any new tech on the way?" after a question on how Musk
    will respond asks about Musk's new technology: alone, read as a noun phrase, it quoted the
    closing "Whether you're a tech enthusiast …"; as a follow-up candidate the evidence keeps the
    context, and the answer says analysts believe Musk is preparing new battery technology."""
    first, second = "how would musk respond", "any new tech on the way?"
    monkeypatch.setattr(bot.conversation, "ANY_ASKS_OF_THE_TOPIC", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "new battery technology" in answer.answer
    monkeypatch.setattr(bot.conversation, "ANY_ASKS_OF_THE_TOPIC", False)
    assert searched_after(service, first, second) == second
    assert "new battery technology" not in asked_in_a_thread(service, first, second)[1].answer

"""Session 27's conversation rules (bot.follow_up.FRAMING_NOUNS_UNHELD; bot.conversation.LIKE_WHAT,
OTHERS_POINT_BACK): a framing noun ("the battery side") is no word the shared passage must hold,
"like what, concretely?" asks for an example of what was said, and "the others" points back."""

import pytest

import bot.conversation
import bot.follow_up
from bot.conversation import asks_for_an_example, content_words, is_follow_up
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread


def test_the_battery_side_is_answered_from_the_thread(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 27 (FRAMING_NOUNS_UNHELD). "and on the battery side?" after a question on Musk's
    reply is refused alone, and both searches put Musk's reply first; that passage never writes
    "side", so "agree" did not lend it the context. Now the battery sentence is quoted."""
    first, second = "what could musk do in return", "and on the battery side?"
    monkeypatch.setattr(bot.follow_up, "FRAMING_NOUNS_UNHELD", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "new battery technology" in answer.answer
    monkeypatch.setattr(bot.follow_up, "FRAMING_NOUNS_UNHELD", False)
    assert asked_in_a_thread(service, first, second)[1].outcome == "refused"


@pytest.mark.parametrize(
    "question", ["like what, concretely?", "such as what exactly?", "ok like what precisely"]
)
def test_like_what_asks_for_an_example(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """ "like what, concretely?" names nothing of its own: an example of what was said, a
    follow-up; off, "concretely" (or "precisely") is a word of its own."""
    monkeypatch.setattr(bot.conversation, "LIKE_WHAT", True)
    assert asks_for_an_example(question) and not content_words(question)
    assert is_follow_up(question)
    monkeypatch.setattr(bot.conversation, "LIKE_WHAT", False)
    assert not asks_for_an_example(question)


def test_like_what_with_a_topic_is_no_example_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question naming what it asks about is no request for an example."""
    monkeypatch.setattr(bot.conversation, "LIKE_WHAT", True)
    assert not asks_for_an_example("like what batteries?")
    assert not asks_for_an_example("what is it like")


def test_like_what_concretely_is_answered_from_the_thread(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 27 (LIKE_WHAT). "like what, concretely?" after a question on Amazon's data was
    searched alone ("concretely" its word) and refused; it now quotes the examples."""
    first, second = "does amazon get an edge from its data", "like what, concretely?"
    monkeypatch.setattr(bot.conversation, "LIKE_WHAT", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "smart logistics" in answer.answer
    monkeypatch.setattr(bot.conversation, "LIKE_WHAT", False)
    # Session 30's "like" reads "like" before "what" as "i.e.": off, to see this rule alone.
    monkeypatch.setattr(bot.conversation, "FOLLOW_UPS_30", frozenset())
    assert asked_in_a_thread(service, first, second)[1].outcome == "refused"


def test_the_others_point_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "why should the others care" has one word of its own ("care"): "others" points at what
    the question before set them apart from; off, two words of its own, a question alone."""
    monkeypatch.setattr(bot.conversation, "OTHERS_POINT_BACK", True)
    assert content_words("why should the others care") == ["care"]
    assert is_follow_up("why should the others care")
    monkeypatch.setattr(bot.conversation, "OTHERS_POINT_BACK", False)
    assert not is_follow_up("why should the others care")


def test_why_the_others_care_is_answered_from_the_thread(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 27 (OTHERS_POINT_BACK). "why should the others care" after a question on whether
    Bezos's green push reaches beyond Amazon was refused alone; it now quotes the standards
    passage that says they could ripple through the industry."""
    first, second = "could bezos's green push reach beyond amazon", "why should the others care"
    monkeypatch.setattr(bot.conversation, "OTHERS_POINT_BACK", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "gold standard" in answer.answer
    monkeypatch.setattr(bot.conversation, "OTHERS_POINT_BACK", False)
    assert asked_in_a_thread(service, first, second)[1].outcome == "refused"

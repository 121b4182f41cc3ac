"""Session 31's conversation rules (bot.conversation.FOLLOW_UPS_31): a phrase opening with a
preposition and no verb ("to tesla?") asks the question before again for what it names ("to"); a
follow-up whose answer alone would quote the passage just quoted, and in context another, is
searched alone ("stays")."""

import pytest

import bot.conversation
from bot.conversation import FOLLOW_UPS_31_RULES, asks_again_for, is_follow_up
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread, searched_after


def rules(monkeypatch: pytest.MonkeyPatch, *on: str) -> None:
    """Session 31's rules `on` only (none: all off)."""
    assert set(on) <= set(FOLLOW_UPS_31_RULES)
    monkeypatch.setattr(bot.conversation, "FOLLOW_UPS_31", frozenset(on))


@pytest.mark.parametrize("question", ["to tesla?", "for regular buyers?", "in europe too?"])
def test_a_prepositional_phrase_is_a_follow_up_candidate(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    """ "to tesla?" asks the question before again for Tesla, as "and to tesla?" does: a
    follow-up candidate the evidence decides; off, a bare noun phrase naming its own topic (or,
    ending "too", an opener's fragment either way)."""
    rules(monkeypatch, "to")
    assert asks_again_for(question) and is_follow_up(question)
    rules(monkeypatch)
    assert not asks_again_for(question)


@pytest.mark.parametrize(
    "question", ["in what industry", "to be fair, who wins?", "for what?", "about", "in it?"]
)
def test_a_prepositional_phrase_with_a_verb_or_no_noun_asks_nothing_again(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    """Only a phrase with no question word or verb of its own, and a word naming something:
    "to be fair, who wins?" asks its own question; "in what industry" is the ellipsis rule's."""
    rules(monkeypatch, "to")
    assert not asks_again_for(question)


def test_to_tesla_asks_the_message_again(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "to tesla?" after "what message is bezos sending": the message to Tesla (its days of
    uncontested leadership may be numbered); off, searched alone it quoted the sustainability
    passage ("Both Tesla and Amazon have made strong public commitments")."""
    first, second = "what message is bezos sending", "to tesla?"
    rules(monkeypatch, "to")
    assert searched_after(service, first, second) != second
    assert "uncontested leadership" in asked_in_a_thread(service, first, second)[1].answer
    rules(monkeypatch)
    assert searched_after(service, first, second) == second
    assert "uncontested leadership" not in asked_in_a_thread(service, first, second)[1].answer


def test_a_question_about_the_quote_stays_on_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "is it a big moment?" after "what does the conclusion say about bezos entering" (answered
    with "marks a pivotal moment"): alone it quotes that passage, in context the question before's
    "bezos entering" pulled the quote to Musk's reaction ("It's impossible to talk about Bezos
    entering the EV market"); searched alone, it is answered from the moment just quoted."""
    first, second = "what does the conclusion say about bezos entering", "is it a big moment?"
    rules(monkeypatch, "stays")
    assert searched_after(service, first, second) == second
    assert "pivotal moment" in asked_in_a_thread(service, first, second)[1].answer
    rules(monkeypatch)
    assert searched_after(service, first, second) != second
    assert "pivotal moment" not in asked_in_a_thread(service, first, second)[1].answer


def test_a_question_of_no_words_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "why?" alone finds nothing of its own: "stays" never reads it, whatever it would quote."""
    rules(monkeypatch, "stays")
    assert searched_after(service, "is tesla stock at risk here", "why?") != "why?"


def test_a_question_refused_alone_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "why should the others care" after "could bezos's green push reach beyond amazon" alone
    matches nothing well enough to be answered: searched alone it would be refused, so "stays"
    leaves it its context, which quotes the gold standard that could ripple through the industry."""
    first, second = "could bezos's green push reach beyond amazon", "why should the others care"
    rules(monkeypatch, "stays")
    assert searched_after(service, first, second) != second
    assert "gold standard" in asked_in_a_thread(service, first, second)[1].answer

"""Session 30's conversation rules (bot.conversation.FOLLOW_UPS_30): a "like" opening a question
says "i.e." and names nothing ("like"), a message ending "i mean" amends the question before and
is a follow-up candidate ("mean"), a question with no word of its own asked after an answer is
covered as that answer was when its search finds that answer's passage ("floor"), and "they" after
a question joining two names stands for them ("both")."""

import pytest

import bot.conversation
from bot.conversation import (
    FOLLOW_UPS_30_RULES,
    amends_the_question_before,
    content_words,
    demonstrative_subject,
    is_follow_up,
    they_are_the_two_named,
)
from bot.follow_up import QuestionSearches
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread, searched_after


def rules(monkeypatch: pytest.MonkeyPatch, *on: str) -> None:
    """Session 30's rules `on` only (none: all off), without session 31's ("for consumers i
    mean" opens with a preposition: a follow-up candidate by its "to" too)."""
    assert set(on) <= set(FOLLOW_UPS_30_RULES)
    monkeypatch.setattr(bot.conversation, "FOLLOW_UPS_30", frozenset(on))
    monkeypatch.setattr(bot.conversation, "FOLLOW_UPS_31", frozenset())


@pytest.mark.parametrize(
    "question", ["like is it still early?", "like would it cut prices?", "like, is it growing"]
)
def test_an_opening_like_names_nothing(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """ "like is it still early?" asks "i.e., is it still early?": "it" is the question's subject
    and points at what was just said; off, "like" is a word of its own that "it" may stand for."""
    rules(monkeypatch, "like")
    assert "like" not in content_words(question)
    assert demonstrative_subject(question)
    rules(monkeypatch)
    assert "like" in content_words(question)
    assert not demonstrative_subject(question)


def test_like_is_it_still_early_asks_of_the_industry(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "like is it still early?" after "what's next for the ev industry": "it" is the industry
    and the question keeps its context (the revolution is only just beginning); off, "like" named
    a topic of its own and the question, searched alone, quoted "players like Panasonic"."""
    first, second = "what's next for the ev industry", "like is it still early?"
    rules(monkeypatch, "like")
    assert searched_after(service, first, second) != second
    assert "only just beginning" in asked_in_a_thread(service, first, second)[1].answer
    rules(monkeypatch)
    assert searched_after(service, first, second) == second
    assert "only just beginning" not in asked_in_a_thread(service, first, second)[1].answer


@pytest.mark.parametrize("question", ["like tesla?", "like the factories", "like lucid motors?"])
def test_like_before_a_noun_stays_a_word(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """Only a "like" before a question word or a verb is taken off: "like tesla?" names Tesla as
    an example of what was said."""
    rules(monkeypatch, "like")
    assert "like" in content_words(question)


@pytest.mark.parametrize(
    "question", ["for consumers i mean", "the software i mean", "amazon's plans, i meant"]
)
def test_an_amended_question_is_a_follow_up_candidate(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    """ "the software i mean" amends the question before: a follow-up candidate, its "i mean" no
    word of its own; off, a bare noun phrase naming its own topic, never a follow-up."""
    rules(monkeypatch, "mean")
    assert amends_the_question_before(question) and is_follow_up(question)
    assert not {"i", "mean", "meant"} & set(content_words(question))
    rules(monkeypatch)
    assert not amends_the_question_before(question) and not is_follow_up(question)


@pytest.mark.parametrize("question", ["i mean", "what do you mean?", "i mean who is rivian?"])
def test_i_mean_elsewhere_amends_nothing(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """Only "i mean" ending a message after words of its own amends the question before."""
    rules(monkeypatch, "mean")
    assert not amends_the_question_before(question)


def test_the_software_i_mean_is_answered_in_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "the software i mean" after "what will the amazon cars have": alone it matched nothing and
    was refused; as a follow-up candidate the evidence keeps the context, and the answer is the
    AI integration (Alexa, AWS)."""
    first, second = "what will the amazon cars have", "the software i mean"
    rules(monkeypatch, "mean")
    assert searched_after(service, first, second) != second
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "AWS" in answer.answer
    rules(monkeypatch)
    assert searched_after(service, first, second) == second
    assert asked_in_a_thread(service, first, second)[1].outcome == "refused"


@pytest.mark.parametrize(
    ("second", "outcome"), [("so what?", "answered"), ("when was that?", "partial")]
)
def test_a_question_of_no_words_is_covered_as_the_answer_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, second: str, outcome: str
) -> None:
    """ "so what?" and "when was that?" after "who is rivian?" point at the answer just given
    (Amazon invested in Rivian), which was covered by its one word the sources write, not by its
    cosine: borrowing that cosine they were refused. Covered as the answer was, "so what?" is
    answered from it and "when was that?" labelled partial (the sources give no date)."""
    first = "who is rivian?"
    rules(monkeypatch, "floor")
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == outcome and "Rivian" in answer.answer
    rules(monkeypatch)
    assert asked_in_a_thread(service, first, second)[1].outcome == "refused"


def test_no_words_after_a_refusal_stay_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only an answer given lends its coverage: "so what?" after an off-topic question the bot
    refused is refused too."""
    rules(monkeypatch, "floor")
    before, answer = asked_in_a_thread(service, "how do i bake sourdough bread?", "so what?")
    assert before.outcome == "refused" and answer.outcome == "refused"


@pytest.mark.parametrize(
    ("question", "before", "read"),
    [
        ("what have they promised", "are tesla and amazon eco-friendly", True),
        ("and what do they plan?", "how do bezos and musk compare", True),
        ("and where will they build them?", "Is Amazon making electric cars?", False),
        ("did they live up to it?", "have tesla and amazon promised to be green", False),
        ("what have they promised", "what has amazon promised", False),
    ],
)
def test_they_after_two_names_joined(
    monkeypatch: pytest.MonkeyPatch, question: str, before: str, read: bool
) -> None:
    """ "they" as the subject of a wh-question stands for the two the question before joined with
    "and"; not after a question naming one ("and where will they build them?" finds the factories
    alone, session 24), nor in a yes-or-no question (SUBJECT_THEY_YES_NO reads those)."""
    rules(monkeypatch, "both")
    assert they_are_the_two_named(question, before) is read
    rules(monkeypatch)
    assert not they_are_the_two_named(question, before)


def test_they_after_two_names_keeps_the_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "what have they committed to" after "are tesla and amazon green companies": "they" is
    Tesla and Amazon, so the question keeps its context (their public commitments to
    sustainability); off, nothing made it keep it and it was searched alone."""
    first, second = "are tesla and amazon green companies", "what have they committed to"
    rules(monkeypatch, "both")
    assert searched_after(service, first, second) != second
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "public commitments" in answer.answer
    rules(monkeypatch)
    assert searched_after(service, first, second) == second


@pytest.mark.parametrize(
    ("said", "lent"),
    [
        (
            "In fact, Amazon previously invested in Rivian, an electric truck and SUV "
            "manufacturer.",
            True,
        ),
        ("Buckle up—it’s going to be an electrifying ride.", False),
    ],
)
def test_the_floor_is_lent_only_where_the_answer_before_is_found(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, said: str, lent: bool
) -> None:
    """ "so what?" after "who is rivian?" is covered as the answer before was only when its search
    in context puts first the passage that answer quoted: an answer quoted from elsewhere (here
    the article's last line) lends nothing, and the question before's cosine stands."""
    rules(monkeypatch, "floor")
    searches = QuestionSearches(
        service.embedder, service.settings, service.retriever, "so what?", ["who is rivian?"], said
    )
    borrowed = searches.coverage_before
    assert borrowed is not None and (borrowed >= service.settings.min_score) is lent

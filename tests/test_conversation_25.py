"""Session 25's conversation rules (bot.follow_up_kind.HOW_MUCH_BEFORE,
bot.first_mention.FIRST_MENTION, bot.conversation.ASKED_NOUN): the kind of thing a bare "how
much?" asks for, read from the question before it, and the label it gives the answer; a bare name
in a thread quoted where the article introduces it; the noun a question word asks for."""

import pytest

import bot.conversation
import bot.first_mention
import bot.follow_up_kind
from bot.conversation import demonstrative_subject
from bot.first_mention import bare_name
from bot.follow_up_kind import how_much_asked_before
from bot.service import AnswerService
from tests.test_conversation import asked_in_a_thread


@pytest.mark.parametrize(
    ("question", "before", "read"),
    [
        ("how much?", "did amazon invest in rivian?", "how much did amazon invest in rivian?"),
        ("and how much was it?", "What did Amazon invest in?", "how much did amazon invest in?"),
        ("ok how much tho", "how will bezos price the car", "how much will bezos price the car?"),
        ("how much exactly?", "is amazon spending on it?", "how much is amazon spending on it?"),
        ("how much did they put in?", "did amazon invest in rivian?", None),  # "put": its own
        ("how much money?", "did amazon invest in rivian?", None),  # asks an amount itself
        ("how much will it cost?", "is amazon making a car?", None),
        ("how many?", "does amazon have factories?", None),
    ],
)
def test_a_bare_how_much_is_read_with_the_question_before(
    monkeypatch: pytest.MonkeyPatch, question: str, before: str, read: str | None
) -> None:
    """Only "how much" with nothing of its own (openers, chat words, pointers aside) and no kind
    read alone is asked as the question before; off, none is."""
    monkeypatch.setattr(bot.follow_up_kind, "HOW_MUCH_BEFORE", True)
    assert how_much_asked_before(question, [before]) == read
    assert how_much_asked_before(question, []) is None  # nothing before to read it from
    monkeypatch.setattr(bot.follow_up_kind, "HOW_MUCH_BEFORE", False)
    assert how_much_asked_before(question, [before]) is None


def test_how_much_after_an_investment_is_not_presented_as_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 25 (HOW_MUCH_BEFORE). "how much?" after "did amazon invest in rivian?" asks how
    much Amazon invested; the sources say only that it did. It was presented as answered with
    the Rivian sentence; now that sentence is the closest passage under "The sources don't say
    the amount"."""
    first, second = "did amazon invest in rivian?", "how much?"
    monkeypatch.setattr(bot.follow_up_kind, "HOW_MUCH_BEFORE", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "partial" and "the amount" in (answer.partial_label or "")
    assert "invested in Rivian" in answer.answer and answer.question == second
    monkeypatch.setattr(bot.follow_up_kind, "HOW_MUCH_BEFORE", False)
    assert asked_in_a_thread(service, first, second)[1].outcome == "answered"


def test_how_much_after_a_question_without_an_amount_keeps_its_answer(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "how much?" after "does amazon care about the climate?" asks how much it cares: no
    amount, so the answer's outcome is what it was without the rule."""
    first, second = "does amazon care about the climate?", "how much?"
    monkeypatch.setattr(bot.follow_up_kind, "HOW_MUCH_BEFORE", False)
    without = asked_in_a_thread(service, first, second)[1]
    monkeypatch.setattr(bot.follow_up_kind, "HOW_MUCH_BEFORE", True)
    assert asked_in_a_thread(service, first, second)[1].outcome == without.outcome


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("blue origin?", "blue origin"),
        ("spacex", "spacex"),
        ("SpaceX?", "spacex"),
        ("tesla?", None),  # written in most passages: what the article is about
        ("recycling", None),  # a word of the prose, not a name
        ("what is blue origin?", None),  # asks its own question
        ("and blue origin?", None),  # an opener: the question before asked of it
    ],
)
def test_a_bare_name_is_a_name_the_article_writes_in_few_passages(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, message: str, name: str | None
) -> None:
    """FIRST_MENTION reads a message that only names a name written in few passages; off, none."""
    monkeypatch.setattr(bot.first_mention, "FIRST_MENTION", True)
    assert bare_name(service.retriever, message) == name
    monkeypatch.setattr(bot.first_mention, "FIRST_MENTION", False)
    assert bare_name(service.retriever, message) is None


@pytest.mark.parametrize("first", ["who's bezos", "how will amazon deliver the cars"])
@pytest.mark.parametrize("name", ["blue origin?", "spacex"])
def test_a_bare_name_in_a_thread_is_quoted_where_the_article_introduces_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, first: str, name: str
) -> None:
    """Session 25 (FIRST_MENTION). "blue origin?" after "who's bezos" (conversations-tuning-17)
    quoted "Their rivalry first gained public attention when SpaceX and Blue Origin went
    head-to-head …", which uses the names; the sentence introducing them ("through their
    companies Blue Origin and SpaceX") says what they are, and its passage is cited first."""
    monkeypatch.setattr(bot.first_mention, "FIRST_MENTION", True)
    answer = asked_in_a_thread(service, first, name)[1]
    assert "through their companies Blue Origin and SpaceX" in answer.answer
    assert "their companies Blue Origin" in answer.citations[0].text
    monkeypatch.setattr(bot.first_mention, "FIRST_MENTION", False)
    answer = asked_in_a_thread(service, first, name)[1]
    assert "through their companies Blue Origin and SpaceX" not in answer.answer


@pytest.mark.parametrize(
    ("question", "on", "off"),
    [
        ("what tech would it use?", True, False),
        ("which partners will it need?", True, False),
        ("whose pricing is it trying to upset?", True, False),
        ("and tesla, what does it need to do?", False, False),  # "tesla": what "it" stands for
        ("what does it cost?", True, True),  # no noun after "what": read as before
    ],
)
def test_the_noun_a_question_word_asks_for_names_nothing_it_stands_for(
    monkeypatch: pytest.MonkeyPatch, question: str, on: bool, off: bool
) -> None:
    """ASKED_NOUN: "what tech" asks for a kind of tech, so "it" still opens the subject and points
    back; off, the noun counted as what "it" may stand for."""
    monkeypatch.setattr(bot.conversation, "ASKED_NOUN", True)
    assert demonstrative_subject(question) is on
    monkeypatch.setattr(bot.conversation, "ASKED_NOUN", False)
    assert demonstrative_subject(question) is off


def test_what_tech_would_it_use_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 25 (ASKED_NOUN). "what tech would it use?" after "does the article talk about self
    driving" (conversations-tuning-23) matches every passage under the cosine floor, and its own
    words found "Whether you're a tech enthusiast, …"; its "it" is self-driving, and the context
    quotes the machine learning and data analytics it would draw on."""
    first, second = "does the article talk about self driving", "what tech would it use?"
    monkeypatch.setattr(bot.conversation, "ASKED_NOUN", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert "machine learning and data analytics" in answer.answer
    monkeypatch.setattr(bot.conversation, "ASKED_NOUN", False)
    answer = asked_in_a_thread(service, first, second)[1]
    assert "machine learning and data analytics" not in answer.answer


@pytest.mark.parametrize(
    ("question", "on"),
    [
        ("did they live up to it?", True),
        ("have they actually promised anything?", True),
        ("so would they rethink things?", True),
        ("and where will they build them?", False),  # a wh-question: its own topic (session 24)
        ("what do they make?", False),
    ],
)
def test_they_as_the_subject_of_a_yes_or_no_question_points_back(
    monkeypatch: pytest.MonkeyPatch, question: str, on: bool
) -> None:
    """SUBJECT_THEY_YES_NO: "they" opens the subject of a yes-or-no question as "it" does; off,
    "they" never does."""
    monkeypatch.setattr(bot.conversation, "SUBJECT_THEY_YES_NO", True)
    assert demonstrative_subject(question) is on
    monkeypatch.setattr(bot.conversation, "SUBJECT_THEY_YES_NO", False)
    assert not demonstrative_subject(question)


def test_did_they_live_up_to_it_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 25 (SUBJECT_THEY_YES_NO). "did they live up to it?" after "have tesla and amazon
    promised to be green" (conversations-tuning-23) matches every passage under the cosine floor;
    alone it quoted "Buckle up—it's going to be an electrifying ride." In context it asks about
    the two companies' commitments, whose records "have faced scrutiny"."""
    first, second = "have tesla and amazon promised to be green", "did they live up to it?"
    monkeypatch.setattr(bot.conversation, "SUBJECT_THEY_YES_NO", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert "faced scrutiny" in answer.answer
    monkeypatch.setattr(bot.conversation, "SUBJECT_THEY_YES_NO", False)
    assert "faced scrutiny" not in asked_in_a_thread(service, first, second)[1].answer

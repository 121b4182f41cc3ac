"""Session 28's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 28)"): leading a dealing asks a person ("who is leading the talks with panasonic?"), a
figure asked "as a %" a number, "how much" before a car's measure a number ("how much range will
it have?"), "who is quoted" whose words the sources report, and a claim heard ("I heard Amazon is
buying Tesla. Is that true?") whose verb no passage writes is what the sources don't say."""

import pytest

from bot import question_kind, unsaid
from bot.question_kind import asked_kind
from bot.service import AnswerService
from bot.unsaid import unreported_words, unwritten_claim_verb

# The words a stand-in index writes: a claim's verb is unwritten when no passage holds it.
WRITTEN = {"amazon", "tesla", "invest", "invested", "rivian", "partner", "build", "is"}


def passages_with(word: str) -> int:
    return 3 if word in WRITTEN else 0


@pytest.mark.parametrize(
    "question",
    [
        "who is leading the talks with panasonic?",
        "who's leading the panasonic negotiations for amazon",
        "who is handling the partnership with nvidia",
        "who's spearheading amazon's battery discussions",
    ],
)
def test_leading_a_dealing_asks_a_person(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_kind(question) == "person"
    monkeypatch.setattr(question_kind, "LEADING_DEALINGS_28", False)
    assert asked_kind(question) != "person"


@pytest.mark.parametrize(
    "question", ["who is leading the ev race", "who is leading the charge", "who is in the talks"]
)
def test_leading_no_dealing_asks_no_person(question: str) -> None:
    # Being ahead in a race is a company's standing; being in the talks names no role.
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "tesla's share of the ev market, as a %?",
        "amazon's stake in rivian as a percentage",
        "how big is tesla's lead as a percent",
        "market share in %",
    ],
)
def test_a_figure_asked_as_a_percent_is_a_number(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) == "number"
    monkeypatch.setattr(question_kind, "AS_A_PERCENT_28", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "how much range will it have?",
        "how much driving range does a tesla get",
        "how much battery capacity will the amazon ev have",
        "how much cargo space does the amazon car have",
        "how much torque does it make",
        "how much mileage will bezos's ev get",
    ],
)
def test_how_much_of_a_cars_measure_asks_a_number(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) == "number"
    monkeypatch.setattr(question_kind, "HOW_MUCH_MEASURE_28", False)
    assert asked_kind(question) != "number"


@pytest.mark.parametrize(
    "question",
    [
        "how much space is there in the ev market?",  # room to compete, not a car's measure
        "how much influence does amazon have?",
    ],
)
def test_how_much_of_no_measure_asks_no_number(question: str) -> None:
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("who is quoted in the article?", "who is quoted"),
        ("who's quoted?", "who is quoted"),
        ("who gets interviewed", "who is interviewed"),
    ],
)
def test_who_is_quoted_asks_for_reported_words(
    monkeypatch: pytest.MonkeyPatch, question: str, missing: str
) -> None:
    insiders = "Industry insiders report that the company has assembled a team of engineers."
    assert unreported_words(question, insiders, insiders) == [missing]
    # A quote reporting someone's words names who is quoted.
    assert unreported_words(question, 'Musk said "bring it on".', insiders) == []
    monkeypatch.setattr(unsaid, "WHO_IS_QUOTED_28", False)
    assert unreported_words(question, insiders, insiders) == []


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("I heard Amazon is buying Tesla. Is that true?", "whether amazon is buying tesla"),
        (
            "someone told me amazon will acquire tesla, is that right?",
            "whether amazon will acquire tesla",
        ),
        ("apparently musk is suing bezos?", "whether musk is suing bezos"),
        ("is it true that tesla is suing amazon", "whether tesla is suing amazon"),
    ],
)
def test_a_claim_heard_whose_verb_no_passage_writes(
    monkeypatch: pytest.MonkeyPatch, question: str, claim: str
) -> None:
    assert unwritten_claim_verb(question, passages_with) == [claim]
    assert unsaid.unsaid_predicate(question, [], passages_with, 10) == [claim]
    monkeypatch.setattr(unsaid, "UNWRITTEN_CLAIM_VERB_28", False)
    assert unsaid.unsaid_predicate(question, [], passages_with, 10) == []


@pytest.mark.parametrize(
    "question",
    [
        "I heard amazon invested in rivian, is that true?",  # the sources write the verb
        "is amazon buying tesla?",  # a plain yes/no question: often the asker's idiom
        "has tesla lost market share?",
        "I heard amazon is still in talks, true?",  # "still" is no verb here
        "is that true?",
    ],
)
def test_no_unwritten_claim_read(question: str) -> None:
    assert unwritten_claim_verb(question, passages_with) == []


@pytest.mark.parametrize(
    ("question", "module", "flag", "missing"),
    [
        ("who is leading the talks with panasonic?", question_kind, "LEADING_DEALINGS_28", "who"),
        ("tesla's share of the ev market, as a %?", question_kind, "AS_A_PERCENT_28", "the number"),
        ("how much range will it have?", question_kind, "HOW_MUCH_MEASURE_28", "the number"),
        (
            "who is quoted in the article?",
            unsaid,
            "WHO_IS_QUOTED_28",
            "anything about who is quoted",
        ),
        (
            "I heard Amazon is buying Tesla. Is that true?",
            unsaid,
            "UNWRITTEN_CLAIM_VERB_28",
            "anything about whether amazon is buying tesla",
        ),
    ],
)
def test_what_the_sources_lack_is_labelled(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    question: str,
    module: object,
    flag: str,
    missing: str,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == missing, answer.answer
    assert answer.quotes and answer.citations  # the closest passage is still shown
    monkeypatch.setattr(module, flag, False)
    assert service.ask(question).outcome == "answered"


def test_a_claim_the_sources_make_in_other_words_is_answered(service: AnswerService) -> None:
    # "funded" is no word of the sources; the quote says it in its own: "invested in Rivian".
    answer = service.ask("I heard amazon has funded rivian, is that true?")
    assert "invested in Rivian" in answer.answer
    assert answer.outcome == "answered"


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("which of them is richer?", "who is richer"),
        ("who is richer, bezos or musk?", "who is richer"),
        ("who's the wealthiest", "who is wealthiest"),
    ],
)
def test_a_measure_asked_as_a_choice_between_people(
    monkeypatch: pytest.MonkeyPatch, question: str, missing: str
) -> None:
    assert unsaid.uncompared_measure(question, WRITTEN.__contains__) == [missing]
    monkeypatch.setattr(unsaid, "MEASURE_CHOICE_28", False)
    assert unsaid.uncompared_measure(question, WRITTEN.__contains__) == []


def test_which_of_them_is_richer_after_two_people_is_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    history = ["who is musk?", "who is bezos?"]
    answer = service.ask("which of them is richer?", history)
    assert answer.outcome == "partial" and answer.missing == "anything about who is richer"
    monkeypatch.setattr(unsaid, "MEASURE_CHOICE_28", False)
    assert service.ask("which of them is richer?", history).outcome == "answered"

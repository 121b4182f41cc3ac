"""Session 27's near-domain readings (docs/quality-log.md, "Questions the sources do not answer
(session 27)"): a place quoted judged on the quote as chosen (not also without locality's lift), a
count of what the text lists ("how many key innovations are listed") asking no figure, a predicate's
noun the quote says in other words ("will alexa be in the car": "these EVs"), and a lower-case role
no passage writes ("who is tesla's cfo"), a hedge before the wh-word ("roughly how big …"), a car's
measure named in a fragment ("top speed of the amazon car?"), "people" naming no thing, a quote
asked from a person ("give me a quote from musk") and a section's heading as the sources' words
("what is the future of evs?")."""

import pytest

from bot import lower_case_names, pointed, question_kind, token_evidence, unsaid
from bot.lower_case_names import unwritten_lower_case_name
from bot.question_kind import asked_kind, judged_without_lift
from bot.service import AnswerService
from bot.token_evidence import unsaid_in_other_words
from bot.unsaid import (
    asked_focus,
    unknown_named_thing,
    unmentioned_attribute,
    unnamed_particular,
    unreported_words,
    with_headings,
)


def test_a_place_is_judged_on_the_quote_as_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not judged_without_lift("place")
    # A stray year or count a neighbour's lift brings is still judged without it.
    assert judged_without_lift("date") and judged_without_lift("number")
    assert judged_without_lift("person") and judged_without_lift("organisation")
    monkeypatch.setattr(question_kind, "LIFTED_KINDS_27", frozenset())
    assert judged_without_lift("place")


def test_a_place_lifted_by_its_neighbour_answers(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    """California is quoted, lifted by the words its neighbour matches ("project"); on its own
    score the intro's "Bezos has set his sights on a new venture" would be, naming no place."""
    question = "where is the new car effort supposedly based"
    answer = service.ask(question)
    assert "California" in answer.answer
    assert answer.outcome == "answered"
    monkeypatch.setattr(question_kind, "LIFTED_KINDS_27", frozenset())
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "where"


@pytest.mark.parametrize(
    "question",
    [
        "how many key innovations are listed",
        "how many innovations does the article list?",
        "how many competitors are mentioned",
        "how many states are named in the article",
    ],
)
def test_a_count_of_what_the_text_lists_asks_no_figure(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) is None
    # The quote is chosen as before: its kind read from the question's first words.
    assert asked_kind(question, for_label=False) == "number"
    monkeypatch.setattr(question_kind, "LISTED_COUNT_27", False)
    assert asked_kind(question) == "number"


@pytest.mark.parametrize(
    "question",
    [
        "how many cars did tesla sell last year?",
        "how many engineers are on the team",
        "how many key innovations are there",  # no verb of the text listing
    ],
)
def test_a_count_of_the_world_still_asks_a_number(question: str) -> None:
    assert asked_kind(question) == "number"


def test_a_list_counted_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    # The quote's label alone: session 28's lead rule tells the count from the list before it.
    monkeypatch.setattr(pointed, "COUNTED_LIST_28", False)
    question = "how many key innovations are listed"
    answer = service.ask(question)
    assert "several key innovations" in answer.answer
    assert answer.outcome == "answered"
    monkeypatch.setattr(question_kind, "LISTED_COUNT_27", False)
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "the number"


def test_a_noun_said_in_other_words_is_not_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Token matches in the quote: "car" by "EVs" (0.47), "suv" by nothing near (0.36).
    in_quote = {"alexa": 0.77, "car": 0.47, "suv": 0.36}
    asked = "will alexa be in the car"
    assert unsaid_in_other_words(["car"], in_quote, asked) == []
    assert unsaid_in_other_words(["suv"], in_quote, asked) == ["suv"]
    assert unsaid_in_other_words(["tires"], in_quote, asked) == ["tires"]  # unmatched: not said
    # A wh-question asks its wh-phrase: the predicate's noun said does not answer it.
    wh = "what discount do prime members get on the amazon car?"
    assert unsaid_in_other_words(["car"], in_quote, wh) == ["car"]
    monkeypatch.setattr(token_evidence, "PREDICATE_IN_OTHER_WORDS_27", False)
    assert unsaid_in_other_words(["car"], in_quote, asked) == ["car"]


def test_alexa_in_the_car_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    question = "will alexa be in the car"
    answer = service.ask(question)
    assert "Alexa" in answer.answer
    assert answer.outcome == "answered"
    monkeypatch.setattr(token_evidence, "PREDICATE_IN_OTHER_WORDS_27", False)
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "anything about car"


def test_a_rare_names_predicate_the_quote_does_not_say_is_still_labelled(
    service: AnswerService,
) -> None:
    answer = service.ask("does lucid make an suv?")
    assert answer.outcome == "partial" and answer.missing == "anything about suv"


# Stems the sources write, as the index holds them (a stand-in for `LexicalIndex.holds`).
WRITTEN = {"amazon", "bezo", "tesla", "ceo", "rivian", "musk", "elon"}


@pytest.mark.parametrize(
    ("question", "unsaid_part"),
    [
        ("who is tesla's cfo", ["cfo"]),
        ("who's the cto of amazon", ["cto"]),
        ("who is bezos' cfo?", ["cfo"]),
        ("who was the cfo at tesla", ["cfo"]),
        # A role the sources write, an English word, or a name they write.
        ("who is tesla's ceo", []),
        ("who is tesla's founder", []),
        ("who is rivian", []),
        # More than a role: not this form.
        ("who is the cfo of tesla and what does he earn", []),
    ],
)
def test_a_lower_case_role_the_sources_never_write(
    monkeypatch: pytest.MonkeyPatch, question: str, unsaid_part: list[str]
) -> None:
    assert unwritten_lower_case_name(question, WRITTEN.__contains__) == unsaid_part
    assert unknown_named_thing(question, WRITTEN.__contains__) == unsaid_part
    monkeypatch.setattr(lower_case_names, "LOWER_CASE_ROLES_27", False)
    assert unwritten_lower_case_name(question, WRITTEN.__contains__) == []


@pytest.mark.parametrize("question", ["who is tesla's cfo", "who's the cto of amazon"])
def test_a_lower_case_role_is_labelled(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.missing is not None and answer.missing.startswith("anything about c")
    assert answer.quotes and answer.citations
    monkeypatch.setattr(lower_case_names, "LOWER_CASE_ROLES_27", False)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("roughly how big is the headcount on the ev project", "number"),
        ("about how old is musk", "number"),
        ("more or less how fast is it", "number"),
    ],
)
def test_a_hedge_on_the_figure_is_read_past(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str
) -> None:
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, "HEDGED_HOW_27", False)
    assert asked_kind(question) is None


def test_a_hedge_before_when_is_not_read_past() -> None:
    # A when-clause answers "about when …" (session 23's reason, kept).
    assert asked_kind("about when did the rivalry start") is None


@pytest.mark.parametrize(
    "question", ["top speed of the amazon car?", "horsepower of the amazon ev", "amazon ev weight"]
)
def test_a_fragment_naming_a_cars_measure_asks_a_number(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    assert asked_kind(question) == "number"
    monkeypatch.setattr(question_kind, "FRAGMENT_MEASURES_27", False)
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "speed of amazon's deliveries",  # how fast, in the sources' words
        "weight loss tips",  # the measure modifies the noun after it: no weight asked
    ],
)
def test_measure_fragments_not_read(question: str) -> None:
    assert asked_kind(question) is None


@pytest.mark.parametrize(
    ("question", "flag", "missing"),
    [
        ("top speed of the amazon car?", "FRAGMENT_MEASURES_27", "the number"),
        ("roughly how big is the headcount on the ev project", "HEDGED_HOW_27", "the number"),
    ],
)
def test_a_measure_or_a_hedged_count_is_labelled(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    question: str,
    flag: str,
    missing: str,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == missing, answer.answer
    assert answer.quotes and answer.citations
    monkeypatch.setattr(question_kind, flag, False)
    assert service.ask(question).outcome == "answered"


@pytest.mark.parametrize(
    "question", ["which people are mentioned in the article?", "what people does it name"]
)
def test_people_name_no_thing(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    assert asked_focus(question) is None
    monkeypatch.setattr(unsaid, "PEOPLE_NAME_NO_THING_27", False)
    assert asked_focus(question) == "people"


def test_a_thing_named_beside_people_is_still_read() -> None:
    assert asked_focus("which dealerships will sell the amazon ev") == "dealerships"


@pytest.mark.parametrize(
    "question",
    [
        "give me a quote from musk",
        "any quotes from bezos?",
        "can you find a direct quote by elon musk about amazon",
        "is there a quote from musk",
    ],
)
def test_a_quote_asked_from_a_person_the_sources_name(
    monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    cited = "Jeff Bezos and Elon Musk are rivals. Musk is unlikely to take this lying down."
    speaker = "bezos" if "bezos" in question else "musk"
    assert unreported_words(question, cited, cited) == [f"what {speaker} said"]
    # A quote reporting the person's words answers.
    assert unreported_words(question, 'Musk said "bring it on" on Friday.', cited) == []
    monkeypatch.setattr(unsaid, "QUOTE_ASKED_27", False)
    assert unreported_words(question, cited, cited) == []


@pytest.mark.parametrize(
    "question", ["give me a quote from the article", "any quotes from him?", "quote of the day"]
)
def test_a_quote_asked_of_no_named_person_is_not_read(question: str) -> None:
    cited = "Jeff Bezos and Elon Musk are rivals. Musk is unlikely to take this lying down."
    assert unreported_words(question, cited, cited) == []


def test_a_quote_asked_is_labelled(monkeypatch: pytest.MonkeyPatch, service: AnswerService) -> None:
    question = "give me a quote from musk"
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "anything about what musk said"
    assert answer.quotes and answer.citations
    monkeypatch.setattr(unsaid, "QUOTE_ASKED_27", False)
    assert service.ask(question).outcome == "answered"


def test_a_heading_names_what_its_section_is_about(monkeypatch: pytest.MonkeyPatch) -> None:
    cited = "The electric vehicle revolution is only just beginning."
    headed = with_headings(cited, ["The Future of the EV Industry", None])
    assert headed.endswith("The Future of the EV Industry")
    assert unmentioned_attribute("what is the future of evs?", headed) == []
    assert unmentioned_attribute("what is the price of the amazon ev?", headed) == ["price"]
    monkeypatch.setattr(unsaid, "HEADINGS_SAY_27", False)
    assert with_headings(cited, ["The Future of the EV Industry"]) == cited
    assert unmentioned_attribute("what is the future of evs?", cited) == ["future"]


def test_the_future_asked_by_its_heading_is_answered(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    question = "what is the future of evs?"
    answer = service.ask(question)
    assert answer.outcome == "answered", answer.partial_label
    monkeypatch.setattr(unsaid, "HEADINGS_SAY_27", False)
    answer = service.ask(question)
    assert answer.outcome == "partial" and answer.missing == "anything about future"


@pytest.mark.parametrize(
    "question",
    ["name of the exec in charge of amazon's car unit?", "actual name of the person running it"],
)
def test_a_persons_name_asked_as_a_fragment(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    quote = "Bezos has assembled a team of automotive experts and software engineers."
    assert unnamed_particular(question, quote) == ["the person's name"]
    # A sentence naming someone new answers it.
    assert unnamed_particular(question, "The unit is run by Jane Doe, a former Ford exec.") == []
    monkeypatch.setattr(unsaid, "NAME_FRAGMENT_27", False)
    assert unnamed_particular(question, quote) == []

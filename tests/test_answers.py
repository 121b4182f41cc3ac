"""Answers from the real model over the real index of the shipped article."""

import dataclasses
import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

import bot.answer
import bot.lexical
import bot.retrieval
import bot.unwritten_things
from bot import lookups, question_kind, token_evidence, unsaid
from bot.answer import REFUSAL, Answer, announces, compose_answer, day, text_fragment_link
from bot.chunking import Passage, chunk_articles, split_sentences
from bot.corpus import load_corpus
from bot.discord import render as discord_render
from bot.errors import BadQuestion
from bot.lookups import people_in, places_in
from bot.question_kind import asked_kind, holds
from bot.retrieval import Hit, TokenEvidence
from bot.service import AnswerService, composed_as_asked, judged_on_both
from bot.slack import render as slack_render
from bot.terminal import render_text
from bot.token_evidence import weak_focus, weak_focus_in_quote
from bot.unsaid import (
    FOCUS_PULL,
    SUBSTITUTES,
    asked_focus,
    unmatched_words,
    unmentioned_attribute,
    unmentioned_focus,
    unmentioned_names,
    without_focus,
)
from tests.rendered import assert_label_shown


def in_domain(questions: list[dict]) -> list[dict]:
    return [q for q in questions if not q.get("refuse")]


def near_domain(questions: list[dict]) -> list[dict]:
    """Questions about the same companies and people that the article does not answer."""
    return [q for q in questions if q.get("refuse") and q.get("kind") == "near-domain"]


def test_right_passage_comes_first(service: AnswerService, questions: list[dict]) -> None:
    asked = in_domain(questions)
    top1 = top3 = 0
    misses = []
    for q in asked:
        answer = service.ask(q["question"])
        texts = [c.text for c in answer.citations]
        top1 += q["expect"] in texts[0]
        top3 += any(q["expect"] in t for t in texts)
        if q["expect"] not in texts[0]:
            misses.append(q["question"])
    # Measured on this set: 76/100 first, 92/100 in the top three with late interaction (70
    # and 83 without; docs/quality-log.md); dense alone 52 and 78, BM25 47 and 74. 80 first with
    # session 11's passage lift (docs/quality-log.md, "Ranking (session 11)").
    assert top1 / len(asked) >= 0.78, misses
    assert top3 / len(asked) >= 0.9, misses


# Right passage in the top three, measured: keyword 46/47, paraphrase 37/53 (40 with the
# ranking's own sentence vectors, off by default).
@pytest.mark.parametrize(("kind", "floor"), [("keyword", 0.9), ("paraphrase", 0.65)])
def test_both_keyword_and_paraphrase_questions_are_answered(
    service: AnswerService, questions: list[dict], kind: str, floor: float
) -> None:
    asked = [q for q in in_domain(questions) if q["kind"] == kind]
    found = sum(
        any(q["expect"] in c.text for c in service.ask(q["question"]).citations) for q in asked
    )
    assert found / len(asked) >= floor


def test_out_of_domain_is_refused_and_in_domain_is_not(
    service: AnswerService, questions: list[dict]
) -> None:
    near = near_domain(questions)
    for q in [q for q in questions if q not in near]:
        answer = service.ask(q["question"])
        assert answer.refused == bool(q.get("refuse")), q["question"]
        if answer.refused:
            assert answer.answer == REFUSAL and answer.citations == ()


DATA = Path(__file__).parent / "data"


def question_set(*names: str) -> list[dict]:
    return [
        json.loads(line)
        for name in names
        for line in (DATA / name).read_text().splitlines()
        if line.strip()
    ]


def not_answered(service: AnswerService, asked: list[dict]) -> list[str]:
    """The questions given a partial answer or a refusal: not presented as answered."""
    return [q["question"] for q in asked if service.ask(q["question"]).outcome != "answered"]


# Measured (docs/quality-log.md): tuning 3 of 100 in-domain questions not presented as answered,
# 24 of 25 near-domain ones, 12 of 18 and 6 of 16 more (0 of 8 in-domain); held out 0 of 35
# and 18 of 22, 1 of 14 and 7 of 13. Floors a little under those.
def test_near_domain_questions_are_not_presented_as_answered(service: AnswerService) -> None:
    tuning = question_set("shipped-questions.jsonl", "tuning-extra.jsonl")
    held_out = question_set("shipped-questions-holdout.jsonl", "quality-holdout.jsonl")
    held_out_2 = question_set("quality-holdout-2.jsonl")
    tuning_3 = question_set("tuning-extra-3.jsonl")
    assert len(not_answered(service, near_domain(tuning))) >= 22
    assert len(not_answered(service, near_domain(question_set("tuning-extra-2.jsonl")))) >= 11
    assert len(not_answered(service, near_domain(tuning_3))) >= 5
    assert len(not_answered(service, in_domain(tuning_3))) <= 1
    assert len(not_answered(service, near_domain(held_out))) >= 16
    assert len(not_answered(service, near_domain(held_out_2))) >= 6
    assert len(not_answered(service, in_domain(tuning)[:100])) <= 4
    assert len(not_answered(service, in_domain(held_out))) <= 1
    assert len(not_answered(service, in_domain(held_out_2))) <= 2


def test_a_partial_answer_keeps_its_quote_and_says_what_the_sources_lack(
    service: AnswerService,
) -> None:
    answer = service.ask("How much will the Amazon EV cost in dollars?")
    assert answer.outcome == "partial" and not answer.refused
    assert answer.quotes and answer.citations and answer.answer
    assert answer.partial_label == "The sources don't say the amount; the closest passage:"
    data = answer.to_dict()
    assert data["outcome"] == "partial" and data["refused"] is False and data["quotes"]
    assert render_text(answer).splitlines()[0] == answer.partial_label
    answered = service.ask("Where will the production lines be built?")
    assert answered.outcome == "answered" and answered.partial_label is None
    assert answered.to_dict()["outcome"] == "answered"
    refused = service.ask("What's the capital of France?")
    assert refused.outcome == "refused" and refused.to_dict()["refused"] is True


def test_chat_front_ends_show_the_partial_label(service: AnswerService) -> None:
    answer = service.ask("When will Amazon's first electric car go on sale?")
    assert answer.outcome == "partial"
    _, blocks = slack_render.render_answer(answer)
    assert "The sources don" in json.dumps(blocks, ensure_ascii=False)
    assert "The sources don" in slack_render.fallback_text(answer)
    assert "The sources don" in (discord_render.answer_embed(answer).description or "")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much will the Amazon EV cost in dollars?", "amount"),
        ("What is Rivian's stock price?", "amount"),
        ("How many cars did Tesla sell last year?", "number"),
        ("When will Amazon's first EV be released?", "date"),
        ("and by when?", "date"),
        ("In which states will the factories be built?", "place"),
        ("Which companies might Amazon team up with?", "organisation"),
        ("Who is the CEO of Bezos' new EV company?", "person"),
        ("Who is Amazon partnering with on batteries?", None),
        ("Will Amazon's cars be cheaper than a Tesla?", None),
        ("How much is known about the Amazon car project?", None),
        ("who supplies the batteries?", "organisation"),
        ("How big has their personal rivalry become?", None),
        ("What raw materials raise environmental concerns?", None),
        ("Which company leads the EV market?", "organisation"),
        # Session 9's forms: "whats" typed for "what's", a role by another form of its verb.
        ("whats bezos net worth right now", "amount"),
        ("who is heading engineering at the project?", "person"),
        ("Who started the carmaker Lucid?", "person"),
        ("Who co-founded Tesla?", "person"),
        # A date noun asks a date since session 25 (`DATE_NOUNS_25`; the quote holds 2040).
        ("whats the deadline amazon set itself?", "date"),
    ],
)
def test_what_a_question_asks_for(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


def test_the_forms_of_session_9_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(question_kind, "ASKED_KIND_FORMS", False)
    assert asked_kind("whats bezos net worth right now") is None
    assert asked_kind("Who started the carmaker Lucid?") is None


@pytest.fixture
def named_things(monkeypatch: pytest.MonkeyPatch, service: AnswerService) -> None:
    """The partial label's rules for things asked for by name, off in the bot (measured), over
    the quotes they were measured on: without late interaction, which quotes "What battery
    range will the Amazon EV have?" from a passage whose words they take for an answer."""
    monkeypatch.setattr(question_kind, "NAMED_THING_RULES", True)
    monkeypatch.setattr(question_kind, "KIND_NOUN_MODIFIERS", False)  # as they were measured
    monkeypatch.setattr(service.retriever, "late", None)


@pytest.mark.parametrize(
    ("question", "kind", "off"),
    [
        ("What does a Tesla Model S cost in Europe?", "amount", None),
        ("What does Amazon have to prove?", None, None),
        ("Which engineer leads Amazon's autonomous driving team?", "person", None),
        ("Which company leads the EV market?", "organisation", "organisation"),
    ],
)
def test_what_a_question_asks_for_by_the_named_thing_rules(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str | None, off: str | None
) -> None:
    # Session 10's kinds read "What does … cost" for the label: measured apart from these rules.
    monkeypatch.setattr(question_kind, "KIND_NOUN_MODIFIERS", False)
    # Session 23's occupation before a role ("Which engineer leads …"): measured apart too.
    monkeypatch.setattr(question_kind, "ROLE_PERSON_NOUN", False)
    assert asked_kind(question) == off
    monkeypatch.setattr(question_kind, "NAMED_THING_RULES", True)
    assert asked_kind(question) == kind


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("amount", "The car will cost $39,000 at launch.", True),
        ("amount", "It sells at a slightly more accessible price point.", False),
        ("date", "Amazon pledged to be carbon-neutral by 2040.", True),
        ("date", "The project remains closely guarded.", False),
        ("date", "Competition may force a reevaluation.", False),
        ("place", "Lines will be built in Texas and Michigan.", True),
        ("place", "Production lines are expected to be constructed soon.", False),
        ("number", "It has three factories.", True),
        ("number", "Competitors, from Ford's electric F-150 to Lucid Motors.", False),
    ],
)
def test_whether_a_sentence_holds_what_was_asked(kind: str, text: str, expected: bool) -> None:
    assert holds(kind, text) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "question", "text", "expected"),
    [
        # A question naming the kind of place wants one on the map, not just any name.
        ("place", "In which states will they build?", "Lines in Texas and Michigan.", True),
        ("place", "In which states will they build?", "Bezos has his sights on Tesla.", False),
        # A bare "where" is answered by a named industry too.
        (
            "place",
            "Where did they first compete?",
            "SpaceX and Blue Origin went head-to-head.",
            True,
        ),
        # A person: a first name and a surname, not one the question already names.
        ("person", "Who is Tesla's CEO?", "With its charismatic CEO Elon Musk at the helm.", True),
        ("person", "Who is the CEO of Bezos' company?", "Bezos' project remains guarded.", False),
        ("person", "Who runs Bezos' car company?", "Jeff Bezos has an opportunity.", False),
        ("organisation", "Which companies will Amazon work with?", "Amazon has plans.", False),
        ("organisation", "Which companies will Amazon work with?", "Like Panasonic.", True),
    ],
)
def test_a_name_the_question_asks_for_is_not_one_it_names(
    kind: str, question: str, text: str, expected: bool
) -> None:
    assert holds(kind, text, question) is expected  # type: ignore[arg-type]


def test_places_and_people_are_found_by_their_names() -> None:
    text = "Headquartered in California, with plants in Texas and Michigan, run by Jeff Bezos."
    assert places_in(text) == ["california", "texas", "michigan"]
    assert people_in(text) == ["Jeff Bezos"]
    assert places_in("Tesla, Amazon Web Services and Blue Origin") == []
    assert people_in("Drawing from Amazon's experience with Alexa and AWS") == []


def test_acronyms_a_question_uses_that_the_passages_never_mention() -> None:
    passage = "Tesla remains the king. Amazon previously invested in Rivian, and AWS helps."
    assert unmentioned_names("Did BYD outsell Tesla last quarter?", passage) == ["BYD"]
    assert unmentioned_names("Who is the CEO of Amazon's EV company?", passage) == ["CEO"]
    assert unmentioned_names("Who are the CEOs?", passage) == ["CEO"]
    assert unmentioned_names("Does AWS help?", passage) == []
    assert unmentioned_names("Can I buy an EV from Amazon?", passage) == []
    assert unmentioned_names("Is Lucid on Twitter?", passage) == []  # only acronyms count


@pytest.mark.parametrize(
    ("question", "passage", "expected"),
    [
        ("What is the horsepower of the Amazon EV?", "The Amazon EV is fast.", ["horsepower"]),
        ("What is Tesla's profit margin?", "Tesla's profits are up.", ["profit margin"]),
        ("and what is the charging time of it?", "New charging stations.", ["charging time"]),
        # Stemmed as the index stems them: "named" names a "name".
        ("What is the name of Amazon's car brand?", "A yet-to-be-named brand.", []),
        ("What are Tesla's weaknesses?", "It could exploit these weaknesses.", []),
        # Only that form: "What problems has Tesla had?" is said in other words by the article.
        ("What problems has Tesla had?", "Production delays.", []),
        ("What kind of firms is Amazon talking to?", "Battery makers.", []),
        # Session 13: the question's grammar. "what's X like?" asks for a description of X ...
        ("what's tesla's fanbase like?", "Tesla has built a cult-like following.", []),
        # ... and a noun judging a thing ("worry", "problem") names no attribute of it.
        ("what's the worry with cobalt?", "Resource extraction like cobalt.", []),
        ("What's the main problem with them?", "Production delays.", []),
        # Still read: an attribute named after "what's the ... of", however the question ends.
        ("What is the warranty of the Amazon EV?", "The Amazon EV is fast.", ["warranty"]),
        ("what's the risk with cobalt?", "Resource extraction like cobalt.", ["risk"]),
    ],
)
def test_an_attribute_asked_for_by_a_name_the_passages_never_use(
    question: str, passage: str, expected: list[str]
) -> None:
    assert unmentioned_attribute(question, passage) == expected


def test_session_13_attribute_grammar_off_reads_like_and_worry_as_attributes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(unsaid, "ATTRIBUTE_GRAMMAR", frozenset())
    passage = "Tesla has built a cult-like following. Resource extraction like cobalt."
    assert unmentioned_attribute("what's tesla's fanbase like?", passage) == ["fanbase like"]
    assert unmentioned_attribute("what's the worry with cobalt?", passage) == ["worry"]


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("What warranty will Amazon offer on its EVs?", "warranty"),
        ("Which battery chemistry will Amazon use?", "battery chemistry"),
        # Session 10 reads the kind past a word that narrows it: companies have their own rule.
        ("Which insurance companies cover Amazon EVs?", None),
        ("What interest rate does Amazon offer for car loans?", "interest rate"),
        ("how do i set a timer with alexa", "timer"),
        ("and what problems has Tesla had?", "problems"),
        # A kind has its own rule; "kind of" names no thing; "does" is no name.
        ("Which city will host the launch?", None),
        ("What kind of firms is Amazon talking to?", None),
        ("What does Amazon have to prove?", None),
        ("What is the horsepower of the Amazon EV?", None),
        ("Will Amazon offer a warranty?", None),
    ],
)
def test_the_thing_a_question_asks_for_by_name(
    monkeypatch: pytest.MonkeyPatch, question: str, focus: str | None
) -> None:
    # Session 16 reads "what interest rate" as asking for a number: a kind, no focus.
    monkeypatch.setattr(question_kind, "RATE_ASKS_NUMBER", False)
    assert asked_focus(question) == focus


def test_a_focus_made_generic_keeps_the_rest_of_the_question() -> None:
    assert without_focus("What warranty will Amazon offer?", "warranty") == (
        "What thing will Amazon offer?"
    )
    assert without_focus("Which Insurance companies cover it?", "insurance") == (
        "Which thing companies cover it?"
    )
    assert without_focus("What problems has Tesla had?", "problems") == (
        "What things has Tesla had?"
    )


def test_a_focus_the_passages_never_name_is_unanswered_unless_it_pulls_toward_them() -> None:
    passage = "Production delays and quality control issues hurt Tesla's battery production."
    asked = "What warranty will Amazon offer on its EVs?"
    assert unmentioned_focus(asked, passage) == ["warranty"]
    # Named (stemmed) by the passage: answered whatever the pull.
    assert unmentioned_focus("What issue has Tesla had?", passage) == []
    # Every word of the name, in its order: "battery issues" is not "issues hurt … battery".
    # ("What battery range …" asks for a number since session 13: a kind has its own rule.)
    assert unmentioned_focus("What battery issues will it have?", passage) == ["battery issues"]
    assert unmentioned_focus("Which battery production will it use?", passage) == []
    # A name the passage does not use counts as answered when it pulls toward the passage.
    pulls = {"What problems has Tesla had?": FOCUS_PULL, asked: FOCUS_PULL - 0.01}
    seen: list[tuple[str, str]] = []

    def pull(question: str, generic: str) -> float:
        seen.append((question, generic))
        return pulls[question]

    assert unmentioned_focus("What problems has Tesla had?", passage, pull) == []
    assert unmentioned_focus(asked, passage, pull) == ["warranty"]
    assert seen[-1] == (asked, "What thing will Amazon offer on its EVs?")


# Fixed on the tuning set (shipped-questions.jsonl): a question asking for a place quoted the
# introduction ("Bezos has set his sights on …"), which names none, over the sentence that does.
def test_a_sentence_announcing_the_answer_is_quoted_with_the_next_paragraph(
    service: AnswerService,
) -> None:
    # tuning-extra.jsonl: quoted "However, Tesla is not without its vulnerabilities." alone;
    # shipped-questions.jsonl: quoted it with the sentence before ("Its vehicles are known …").
    for question in ("What weaknesses does Tesla have?", "What are Tesla's weaknesses?"):
        answer = service.ask(question)
        assert "Production delays" in answer.answer, answer.answer
        # The passage holding what the short sentence announces is cited first.
        assert "Production delays" in answer.citations[0].text
        for quote in answer.quotes:
            assert quote.text in answer.citations[quote.citation - 1].text


def test_a_question_asking_where_quotes_the_sentence_naming_the_place(
    service: AnswerService,
) -> None:
    answer = service.ask("In which states would Bezos manufacture his cars?")
    assert answer.outcome == "answered"
    assert "Texas and Michigan" in answer.answer, answer.answer
    # The passage quoted is the one cited first.
    assert all(quote.citation == 1 for quote in answer.quotes)


# Fixed on the tuning set: near-domain questions that were presented as answered.
@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Who is the CEO of Bezos' new EV company?", "who"),  # a name it already names
        ("Who designed the Amazon car?", "who"),  # no person named in full
        ("How many factories will Amazon build?", "the number"),  # "F-150" is no count
        ("Did BYD outsell Tesla last quarter?", "anything about BYD"),  # in no cited passage
        # tuning-extra-2.jsonl: an attribute asked for by a name no cited passage uses.
        ("What is the horsepower of the Amazon EV?", "anything about horsepower"),
        ("What is the seating capacity of the Amazon car?", "anything about seating capacity"),
    ],
)
def test_near_domain_questions_fixed_on_the_tuning_set_are_labelled(
    service: AnswerService, question: str, label: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.partial_label == f"The sources don't say {label}; the closest passage:"


# With the rules for things asked for by name (off in the bot), measured on the tuning sets.
@pytest.mark.parametrize(
    ("question", "label"),
    [
        # A thing asked for by a name the cited passages neither use nor pull toward.
        ("What warranty will Amazon offer on its EVs?", "anything about warranty"),
        ("Which insurance companies cover Amazon EVs?", "anything about insurance"),
        ("how do i set a timer with alexa", "anything about timer"),
        # Session 13 reads "battery range" as asking for a number, before its name.
        ("What battery range will the Amazon EV have?", "the number"),
        ("Which engineer leads Amazon's autonomous driving team?", "who"),
        ("What does a Tesla Model S cost in Europe?", "the amount"),
    ],
)
def test_near_domain_questions_labelled_by_the_named_thing_rules(
    service: AnswerService, named_things: None, question: str, label: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "partial", answer.answer
    assert answer.partial_label == f"The sources don't say {label}; the closest passage:"


# The in-domain questions whose asked name the article says in other words stay answered.
@pytest.mark.parametrize(
    "question",
    [
        "What problems has Tesla had that Amazon could exploit?",  # "issues", "delays"
        "What minerals are criticised in battery production?",  # "lithium and cobalt"
        "Which voice assistant could the Amazon cars use?",  # "Alexa"
        "Which EV maker did Amazon invest in before?",  # "manufacturer"
    ],
)
def test_a_name_said_in_other_words_is_answered(
    service: AnswerService, named_things: None, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered", (answer.partial_label, answer.answer)


@pytest.fixture
def unmatched_words_on(monkeypatch: pytest.MonkeyPatch, service: AnswerService) -> None:
    """The label for words no passage holds, off in the bot, at the threshold measured, over
    the quotes it was measured on (without late interaction, "What color options will the
    Amazon car come in?" quotes a sentence it does not label)."""
    monkeypatch.setattr(unsaid, "UNMATCHED_Z", -0.3)
    monkeypatch.setattr(service.retriever, "late", None)


# Words no passage of the article holds, weighed against everyday nouns in their place
# (unsaid.unmatched_words, off in the bot; docs/quality-log.md, "Words the sources never use
# (session 7)").
@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("What color options will the Amazon car come in?", "color"),  # tuning-extra-3
        ("Which insurance companies cover Amazon EVs?", "insurance"),  # tuning-extra-2
        ("how do i set a timer with alexa", "timer"),  # shipped-questions
    ],
)
def test_a_word_no_passage_holds_that_the_quote_does_not_answer_is_labelled(
    service: AnswerService, unmatched_words_on: None, question: str, word: str
) -> None:
    answer = service.ask(question)
    label = f"The sources don't say anything about {word}; the closest passage:"
    assert answer.outcome == "partial" and answer.partial_label == label, answer.answer
    assert answer.quotes and answer.citations and not answer.refused
    assert_label_shown(answer, label)


# In-domain questions with a word no passage holds, answered by the quote in other words.
@pytest.mark.parametrize(
    "question",
    [
        "Which suppliers is Amazon talking to?",  # "several battery manufacturers"
        "What minerals are criticised in battery production?",  # "lithium and cobalt"
        "What traits describe Bezos?",  # "calculated and methodical"
        "Could Amazon's warehouses get cars to buyers quicker?",  # "fulfillment centers"
    ],
)
def test_a_word_no_passage_holds_that_the_quote_answers_stays_answered(
    service: AnswerService, unmatched_words_on: None, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered", (answer.partial_label, answer.answer)


def test_only_words_no_passage_holds_are_weighed_against_the_substitutes(
    monkeypatch: pytest.MonkeyPatch, unmatched_words_on: None
) -> None:
    asked: list[str] = []

    def encode(texts: list[str]) -> np.ndarray:
        # The quote on the x axis; the question with "tires" scores 0.2 against it, each
        # substitute more (0.30 to 0.53): "tires" does not pull toward the quote.
        asked.extend(texts)
        cosines = [0.2 if "tires" in t else 0.3 + 0.01 * i for i, t in enumerate(texts)]
        cosines[0] = 1.0
        return np.array([[c, np.sqrt(1 - c * c)] for c in cosines])

    held = {"tesla", "car", "amazon"}
    question = "Which tires does Tesla make for its cars?"
    assert unmatched_words(question, "Tesla sells cars.", held.__contains__, encode) == ["tires"]
    # The quote, the question, and the question with each substitute for "tires": the asking
    # words ("which", "does", "make", "for", "its") and the held ones are never weighed.
    assert len(asked) == 2 + len(SUBSTITUTES) and asked[1] == question
    assert asked[2] == question.replace("tires", SUBSTITUTES[0])
    # Every word held, or the check off: nothing is encoded.
    assert unmatched_words("Which cars does Tesla make?", "x", lambda t: True, encode) == []
    monkeypatch.setattr(unsaid, "UNMATCHED_Z", None)
    assert unmatched_words(question, "Tesla sells cars.", held.__contains__, encode) == []
    assert len(asked) == 2 + len(SUBSTITUTES)


def test_every_answer_sentence_is_quoted_verbatim(
    service: AnswerService, questions: list[dict]
) -> None:
    for q in in_domain(questions):
        answer = service.ask(q["question"])
        assert answer.quotes, q["question"]
        assert answer.answer == " ".join(quote.text for quote in answer.quotes)
        for quote in answer.quotes:
            assert quote.text in answer.citations[quote.citation - 1].text


def test_partnership_question_quotes_the_partnership_passage(service: AnswerService) -> None:
    answer = service.ask("Who is Amazon partnering with on batteries?")
    assert not answer.refused
    assert "Panasonic and NVIDIA" in answer.citations[0].text
    assert answer.citations[0].section == "Strategic Partnerships and Investments"
    assert [c.n for c in answer.citations] == [1, 2, 3]
    assert answer.citations[0].score >= answer.citations[-1].score
    assert answer.timings_ms["total"] >= answer.timings_ms["retrieve"] > 0


@pytest.mark.parametrize("question", ["", "   \n ", "x" * 2001])
def test_bad_questions_are_rejected(service: AnswerService, question: str) -> None:
    with pytest.raises(BadQuestion):
        service.ask(question)


def test_answers_carry_their_freshness(service: AnswerService) -> None:
    answer = service.ask("Who is Amazon partnering with on batteries?")
    built = service.retriever.index.manifest["built_at"]
    assert answer.index_built_at == built and answer.to_dict()["index_built_at"] == built
    refusal = service.ask("What's the capital of France?")
    assert refusal.refused and refusal.index_built_at == built


@pytest.mark.parametrize(
    ("url", "quote", "expected"),
    [
        (
            "https://ex.com/a",
            "Amazon, with Rivian - not Tesla & co.",
            "https://ex.com/a#:~:text=Amazon%2C%20with%20Rivian%20%2D%20not%20Tesla%20%26%20co.",
        ),
        (
            "https://ex.com/a#part",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
            "https://ex.com/a#part:~:text=one%20two%20three%20four%20five,"
            "nine%20ten%20eleven%20twelve%20thirteen",
        ),
        ("file:///tmp/a.md", "anything", None),
    ],
)
def test_text_fragment_links_point_at_the_quote(url: str, quote: str, expected: str | None) -> None:
    assert text_fragment_link(url, quote) == expected


def test_quotes_are_the_plain_text_of_the_sentence(service: AnswerService) -> None:
    answer = service.ask("Will Bezos sell luxury EVs for less than Tesla?")
    assert "Affordable Luxury: Early reports suggest" in answer.citations[0].text
    for text in [answer.answer, *(c.text for c in answer.citations)]:
        assert "**" not in text and "– " not in text and "###" not in text


def test_text_fragments_from_markdown_hold_only_the_words_on_the_page(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\nurl: https://ex.com/a\n---\n\n– **Affordable Luxury**: Ford’s F-150, Lucid & co.\n\n"
        "> A quoted line, with *emphasis*.\n\n| Maker | Range |\n|---|---|\n| Tesla | 500 km |\n",
        encoding="utf-8",
    )
    passages = chunk_articles(
        load_corpus(tmp_path).articles, lambda texts: [len(t.split()) for t in texts], 200, 250
    )
    links = [
        text_fragment_link("https://ex.com/a", sentence)
        for passage in passages
        for sentence in passage.sentence_texts()
    ]
    assert links[0] == (
        "https://ex.com/a#:~:text=Affordable%20Luxury%3A%20Ford%E2%80%99s%20F%2D150%2C%20Lucid"
        "%20%26%20co."
    )
    for link in links:
        fragment = link.split("#:~:text=", 1)[1]
        for markup in ("**", "%2A", "%3E", "%7C", "%E2%80%93"):  # bold, quote, table, bullet –
            assert markup not in fragment, link


def test_dates_are_shown_as_days() -> None:
    assert day("2026-11-24T19:53:33+00:00") == "24 Nov 2026"
    assert day("2026-11-05") == "5 Nov 2026"
    assert day("2026-11-24T19:53:33Z") == "24 Nov 2026"
    assert day("2026-11-05 (updated)") == "5 Nov 2026"
    assert day("last week") == "last week"
    assert day("") is None and day(None) is None


def passage_hit(article: str, start: int, end: int, scores: tuple[float, ...], fused: float) -> Hit:
    spans = tuple(split_sentences(article, start, end))
    assert len(spans) == len(scores)
    passage = Passage(f"p{start}", "doc", None, start, end, article[start:end], spans)
    return Hit(passage, score=fused, dense=0.5, lexical=0.0, sentence_scores=scores)


def test_the_neighbour_of_a_passage_last_sentence_opens_the_next_passage() -> None:
    first = "Tesla is the king. However, Tesla is not without its vulnerabilities."
    second = "Production delays have hurt it. Rivals chip away at its share."
    article = f"{first}\n\n{second}"
    later = len(first) + 2
    hits = [
        passage_hit(article, later, len(article), (0.59, 0.3), fused=2.8),
        passage_hit(article, 0, len(first), (0.3, 0.68), fused=1.9),
    ]
    answer = compose_answer("What weaknesses does Tesla have?", hits, {}, min_score=0.1)
    # Both sentences, in the article's order; the short best sentence announces the next one,
    # so the passage holding what it announces is cited first.
    assert (
        answer.answer
        == "However, Tesla is not without its vulnerabilities. Production delays have hurt it."
    )
    assert [q.citation for q in answer.quotes] == [2, 1]
    assert answer.citations[0].text == second
    # Passages that are not neighbours in the article lend no sentence.
    apart = f"{first}\n\n## Elsewhere\n\n{second}"
    hits = [
        passage_hit(apart, len(apart) - len(second), len(apart), (0.59, 0.3), fused=2.8),
        passage_hit(apart, 0, len(first), (0.3, 0.68), fused=1.9),
    ]
    answer = compose_answer("What weaknesses does Tesla have?", hits, {}, min_score=0.1)
    assert answer.answer == "However, Tesla is not without its vulnerabilities."


def test_a_neighbour_joins_the_quote_on_its_score_without_locality_lift(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    best = "Amazon wants to sell its electric cars to Prime members with delivery and service."
    article = f"{best} It pledged carbon neutrality by 2040."
    # Lifted by the window it shares with the best sentence, the pledge reaches 0.7 of the best
    # (0.4 + 0.3 of 0.9); without the lift, 0.4 of 0.6 does not.
    hit = passage_hit(article, 0, len(article), (0.9, 0.7), fused=2.0)
    lifted = dataclasses.replace(hit, sentence_lift=(0.3, 0.3))
    question = "When will Amazon's first EV be released?"
    assert compose_answer(question, [hit], {}, min_score=0.1).answer.endswith("by 2040.")
    # The bot since session 11: the lifted pledge joins, but its year is not the date asked
    # for, since the quote chosen without the lift lacks it (KIND_WITHOUT_LIFT).
    assert bot.answer.JOIN_WITHOUT_LIFT is False
    answer = compose_answer(question, [lifted], {}, min_score=0.1)
    assert answer.answer == article
    assert answer.outcome == "partial"
    monkeypatch.setattr(bot.answer, "JOIN_WITHOUT_LIFT", True)
    answer = compose_answer(question, [lifted], {}, min_score=0.1)
    assert answer.answer == best
    assert answer.outcome == "partial"


@pytest.mark.parametrize("join_without_lift", [False, True])
def test_the_passage_lift_weighs_passages_but_not_a_neighbours_joining(
    monkeypatch: pytest.MonkeyPatch, join_without_lift: bool
) -> None:
    monkeypatch.setattr(bot.answer, "JOIN_WITHOUT_LIFT", join_without_lift)
    first = "Production delays and quality issues have hurt Tesla. Rivals chip away at its share."
    other = "Tesla stock has long been a darling of Wall Street."
    article = f"{first}\n\n## Markets\n\n{other}"
    hits = [
        passage_hit(article, len(article) - len(other), len(article), (0.7,), fused=2.8),
        passage_hit(article, 0, len(first), (1.0, 0.74), fused=1.9),
    ]
    # The first passage's MaxSim is 0.2 under the other's: every sentence of it lowered 0.2.
    hits[1] = dataclasses.replace(
        hits[1], sentence_scores=(0.8, 0.54), sentence_lift=(-0.2, -0.2), passage_lift=-0.2
    )
    answer = compose_answer("What problems has Tesla had?", hits, {}, min_score=0.1)
    # Still the best sentence (0.8 against 0.7), its neighbour joins on 0.74 of 1.0, as without
    # the passage lift (counted, 0.54 would fall under 0.7 of 0.8).
    assert answer.answer == first
    assert answer.citations[0].text == first


def test_locality_lift_chooses_the_quote_but_not_whether_it_holds_the_kind_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    launch = "The launch of an Amazon EV brand could send shockwaves through global markets."
    pledge = "Amazon has pledged to become carbon-neutral by 2040."
    hits = [
        passage_hit(launch, 0, len(launch), (0.97,), fused=2.0),
        passage_hit(pledge, 0, len(pledge), (0.96,), fused=1.5),
    ]
    # Lifted by its window, the pledge with a year is quoted; on its own score the launch wins.
    hits = [
        dataclasses.replace(hits[0], sentence_scores=(1.15,), sentence_lift=(0.18,)),
        dataclasses.replace(hits[1], sentence_scores=(1.18,), sentence_lift=(0.22,)),
    ]
    question = "When will Amazon's first EV be released?"  # tuning-extra.jsonl, near-domain
    answer = compose_answer(question, hits, {}, min_score=0.1)
    assert answer.answer == pledge
    assert answer.outcome == "partial"
    assert answer.partial_label == "The sources don't say when; the closest passage:"
    monkeypatch.setattr(bot.answer, "KIND_WITHOUT_LIFT", False)
    assert compose_answer(question, hits, {}, min_score=0.1).outcome == "answered"
    # Chosen without the lift too, a sentence holding the kind answers.
    monkeypatch.setattr(bot.answer, "KIND_WITHOUT_LIFT", True)
    lifted_alike = [dataclasses.replace(h, sentence_lift=(0.2,)) for h in hits]
    assert compose_answer(question, lifted_alike, {}, min_score=0.1).outcome == "answered"


# With locality on (bot.retrieval.LATE_WINDOW_WEIGHT), tuning-extra.jsonl's near-domain question
# quotes the pledge "by 2040": the year must not read as the release date asked for.
def test_a_year_quoted_by_the_window_alone_is_not_the_date_asked_for(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "When will Amazon's first EV be released?"
    # On the whole score, as the window was measured (session 14's choice quotes another).
    monkeypatch.setattr(bot.answer, "QUOTE_MAXSIM_WEIGHT", None)
    answer = service.ask(question)
    assert "2040" in answer.answer, answer.answer  # the window's choice
    assert answer.outcome == "partial" and answer.missing == "when"
    monkeypatch.setattr(bot.answer, "KIND_WITHOUT_LIFT", False)
    assert service.ask(question).outcome == "answered"


def test_a_short_best_sentence_is_quoted_with_the_sentence_it_announces() -> None:
    assert announces("However, Tesla is not without its vulnerabilities.")
    assert not announces(
        "Production delays, quality control issues, and a growing number of competitors have "
        "chipped away at its share."
    )
    first = "Tesla is the king of electric cars. Its cars are fast and loved by many."
    second = "Production delays have hurt it. Rivals chip away at its share."
    article = f"{first} Yet Tesla has weaknesses.\n\n{second}"
    later = len(article) - len(second)
    hits = [
        passage_hit(article, 0, len(article) - len(second) - 2, (0.3, 0.45, 0.6), fused=2.8),
        passage_hit(article, later, len(article), (0.32, 0.1), fused=1.9),
    ]
    # The previous sentence joins on its score (0.45 of 0.6), the announced one from half of it.
    answer = compose_answer("What weaknesses does Tesla have?", hits, {}, min_score=0.1)
    assert answer.answer == (
        "Its cars are fast and loved by many. Yet Tesla has weaknesses. "
        "Production delays have hurt it."
    )
    assert answer.citations[0].text == second
    # Below half the best sentence's score the next sentence stays out, and so does its passage.
    hits[1] = passage_hit(article, later, len(article), (0.25, 0.1), fused=1.9)
    answer = compose_answer("What weaknesses does Tesla have?", hits, {}, min_score=0.1)
    assert answer.answer == "Its cars are fast and loved by many. Yet Tesla has weaknesses."
    assert answer.citations[0].text.startswith(first)
    # A long best sentence answers on its own: the next one joins only on its score.
    long_best = "Tesla has had production delays, quality control issues and new rivals for years."
    article = f"{long_best} Rivals chip away at its share."
    hits = [passage_hit(article, 0, len(article), (0.6, 0.32), fused=2.0)]
    answer = compose_answer("What weaknesses does Tesla have?", hits, {}, min_score=0.1)
    assert answer.answer == long_best


def test_a_neighbour_naming_a_new_company_joins_the_quote_but_not_the_label() -> None:
    article = (
        "Reports say Amazon is in talks with several battery manufacturers. "
        "Panasonic and NVIDIA are among the partners. Nothing else is known."
    )
    hits = [passage_hit(article, 0, len(article), (0.40, 0.26, 0.1), fused=2.0)]
    answer = compose_answer("who supplies the batteries?", hits, {}, min_score=0.1)
    assert answer.answer.endswith("Panasonic and NVIDIA are among the partners.")
    assert answer.outcome == "answered"
    # Below half the best sentence's score the neighbour stays out.
    hits = [passage_hit(article, 0, len(article), (0.40, 0.19, 0.1), fused=2.0)]
    answer = compose_answer("who supplies the batteries?", hits, {}, min_score=0.1)
    assert answer.answer == "Reports say Amazon is in talks with several battery manufacturers."
    # A best sentence naming no company keeps its partial label with the name beside it.
    article = "Talks with battery makers go on. Panasonic and NVIDIA are among the partners."
    hits = [passage_hit(article, 0, len(article), (0.40, 0.26), fused=2.0)]
    answer = compose_answer("Which company supplies the batteries?", hits, {}, min_score=0.1)
    assert "Panasonic" in answer.answer and answer.outcome == "partial"


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("How much does it cost?", "the amount"),
        ("How many factories are there?", "the number"),
        ("When will it launch?", "when"),
        ("Where is it built?", "where"),
        ("Which company supplies it?", "which company"),
        ("Who founded it?", "who"),
        ("Did BYD outsell it?", "anything about BYD"),
        ("What warranty will it offer?", "anything about warranty"),
    ],
)
def test_every_front_end_shows_each_partial_label_as_a_sentence(
    named_things: None, question: str, missing: str
) -> None:
    article = "Tesla is the king of electric cars. It sells cars to a devoted crowd."
    hit = passage_hit(article, 0, len(article), (0.5, 0.2), fused=1.0)
    answer = compose_answer(question, [hit], {}, min_score=0.1)
    label = f"The sources don't say {missing}; the closest passage:"
    assert answer.outcome == "partial" and answer.partial_label == label
    assert_label_shown(answer, label)
    description = discord_render.answer_embed(answer).description or ""
    assert description.startswith(f"*{label}*\n\n“Tesla is the king")


# Session 9's near-domain rules (docs/quality-log.md, "Near-domain questions (session 9)").
@pytest.mark.parametrize(
    ("question", "text", "on", "off"),
    [
        # "which city" wants a city: a state or a country does not answer it.
        ("Which city will host the factory?", "Built in California.", False, True),
        ("Which city will host the factory?", "Built in Austin, Texas.", True, True),
        ("Which state will host the factory?", "Built in California.", True, True),
        ("Which state will host the factory?", "Built near Europe's biggest port.", False, True),
        ("Which countries come first?", "Europe and Asia lead demand.", False, True),
        # "region" names no kind: any place.
        ("Which regions come first?", "Europe and Asia lead demand.", True, True),
    ],
)
def test_a_question_naming_the_kind_of_place_wants_a_place_of_that_kind(
    monkeypatch: pytest.MonkeyPatch, question: str, text: str, on: bool, off: bool
) -> None:
    assert holds("place", text, question, of_the_kind_asked=True) is on
    monkeypatch.setattr(question_kind, "PLACE_OF_THE_KIND_ASKED", False)
    assert holds("place", text, question, of_the_kind_asked=True) is off
    # Which sentence is quoted does not change: any place still counts there.
    assert holds("place", text, question) is off


def test_places_of_a_kind() -> None:
    text = "From Austin, Texas to Europe and the United States."
    assert places_in(text) == ["austin", "texas", "europe", "united states"]
    assert places_in(text, "city") == ["austin"]
    assert places_in(text, "state") == ["texas"]
    assert places_in(text, "country") == ["united states"]
    assert places_in(text, "continent") == ["europe"]


def test_the_thing_asked_for_by_name_when_a_word_of_it_matches_under_the_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(question_kind, "RATE_ASKS_NUMBER", False)  # session 16: a number asked
    evidence = {"interest": 0.18, "rate": 0.34, "amazon": 0.9, "offer": 0.5, "loans": 0.16}
    assert weak_focus("What interest rate does Amazon offer for car loans?", evidence, 0.26) == [
        "interest rate"
    ]
    assert weak_focus("What interest rate does Amazon offer for car loans?", evidence, 0.15) == []
    # Only the thing asked for by name: "loans" is as weak, but not what is asked for.
    assert weak_focus("Does Amazon offer loans?", evidence, 0.26) == []
    assert weak_focus("What does Amazon offer?", evidence, 0.26) == []


def focus_hit(words: tuple[str, ...], best: tuple[float, ...]) -> Hit:
    article = "Tesla is the king of electric cars. It sells cars to a devoted crowd."
    hit = passage_hit(article, 0, len(article), (0.5, 0.2), fused=1.0)
    return dataclasses.replace(hit, evidence=TokenEvidence(words, (1.0,) * len(words), best))


def test_a_thing_asked_for_that_no_cited_token_matches_labels_the_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "What warranty will Tesla offer on its cars?"
    words = ("warranty", "tesla", "offer", "cars")
    hits = [focus_hit(words, (0.2, 0.9, 0.5, 0.9))]
    answer = compose_answer(question, hits, {}, min_score=0.1)
    label = "The sources don't say anything about warranty; the closest passage:"
    assert answer.outcome == "partial" and answer.partial_label == label
    assert answer.quotes and answer.citations and not answer.refused
    assert_label_shown(answer, label)
    # Matched well in a second cited passage: answered.
    other = focus_hit(words, (0.4, 0.1, 0.1, 0.1))
    assert compose_answer(question, [*hits, other], {}, min_score=0.1).outcome == "answered"
    monkeypatch.setattr(token_evidence, "FOCUS_WEAK_MATCH", None)
    assert compose_answer(question, hits, {}, min_score=0.1).outcome == "answered"


# Over the shipped article with the real model (tuning questions).
@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("What interest rate does Amazon offer for car loans?", "partial"),  # tuning-extra-2
        ("Which bank is financing the Amazon car factories?", "partial"),  # tuning-extra-7
        ("Which city will host the Michigan factory?", "partial"),  # tuning-extra-7
        ("What weapons might Musk use to defend Tesla?", "answered"),  # tuning-extra-4: price cuts
        ("Which materials raise concerns about EV batteries?", "answered"),  # tuning-extra-3
        ("In which state is the venture's research centre said to be?", "answered"),
        ("whats bezos net worth right now", "partial"),  # tuning-extra-8: "the amount"
        ("who is heading engineering at bezos' car project", "partial"),  # tuning-extra-8: "who"
        ("Who started the carmaker Lucid?", "partial"),  # tuning-extra-8
    ],
)
def test_session_9_rules_over_the_shipped_article(
    service: AnswerService, question: str, outcome: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == outcome, (answer.partial_label, answer.answer)
    assert answer.quotes and answer.citations


# Measured (docs/quality-log.md, "Near-domain questions (session 9)"): near-domain not presented as
# answered 2 of 9, 6 of 16, 6 of 6 and 9 of 12 on tuning-extra-4, -5, -7 and -8 (0, 4, 4, 6
# without session 9's rules), in-domain not presented as answered 0, 2, 2 and 0 of 23, 16, 16, 25
# either way. Floors a little under those.
def test_session_9_near_domain_floors(service: AnswerService) -> None:
    asked = question_set(
        "tuning-extra-4.jsonl",
        "tuning-extra-5.jsonl",
        "tuning-extra-7.jsonl",
        "tuning-extra-8.jsonl",
    )
    # With session 10's labels: 6, 9, 6 and 11 (32; docs/quality-log.md, "Near-domain labels
    # (session 10)").
    assert len(not_answered(service, near_domain(asked))) >= 30
    assert len(not_answered(service, in_domain(asked))) <= 4


# Measured with locality on (docs/quality-log.md, "Locality window on (session 10)"): right passage
# first for 23, 16 and 20 of tuning-extra-4, -8 and -9's 23, 25 and 25 in-domain questions (22,
# 15 and 19 with it off), none of them labelled. Floors a little under those. Session 11's
# passage lift: 23, 15 and 20 ("Ranking (session 11)").
def test_locality_window_floors(service: AnswerService) -> None:
    asked = in_domain(
        question_set("tuning-extra-4.jsonl", "tuning-extra-8.jsonl", "tuning-extra-9.jsonl")
    )
    answers = [(q, service.ask(q["question"])) for q in asked]
    first = sum(q["expect"] in a.citations[0].text for q, a in answers if a.citations)
    assert first >= 58
    assert sum(a.outcome != "answered" for _, a in answers) <= 1


# The answer's deeper re-ranking (docs/quality-log.md, "Ranking (session 12)"): the right passage in
# the top 3 for 93 of the blind tuning-extra-8 to -11's 100 in-domain questions (84 before), first
# for 68 (67; 70 with session 13's place weight; 78 with session 14's quote by token evidence), 4
# labelled or refused either way. Floors a little under those.
def test_answer_reranking_floors(service: AnswerService) -> None:
    asked = in_domain(
        question_set(
            "tuning-extra-8.jsonl",
            "tuning-extra-9.jsonl",
            "tuning-extra-10.jsonl",
            "tuning-extra-11.jsonl",
        )
    )
    answers = [(q, service.ask(q["question"])) for q in asked]
    top3 = sum(any(q["expect"] in c.text for c in a.citations[:3]) for q, a in answers)
    first = sum(q["expect"] in a.citations[0].text for q, a in answers if a.citations)
    assert top3 >= 90
    assert first >= 75
    assert sum(a.outcome != "answered" for _, a in answers) <= 5


# The answer's deeper re-ranking (docs/quality-log.md, "Ranking (session 12)"): an answer is
# presented as answered only if the re-ranking before it would present it so too.
def test_the_outcome_is_judged_on_the_ranking_before_too() -> None:
    answered = Answer(id="a", question="q", answer="a quote", refused=False)
    partial = dataclasses.replace(answered, outcome="partial", missing="when")
    assert judged_on_both(answered, lambda hits: partial, None) is answered
    labelled = judged_on_both(answered, lambda hits: partial, [])
    assert (labelled.outcome, labelled.missing, labelled.answer) == ("partial", "when", "a quote")
    assert judged_on_both(answered, lambda hits: answered, []) is answered
    assert judged_on_both(partial, lambda hits: answered, []) is partial


def test_a_new_citation_does_not_make_a_near_domain_question_answered(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "When will Amazon's first EV be released?"  # tuning-extra: the pledge's 2040
    assert bot.retrieval.OUTCOME_ON_BOTH_RANKINGS  # on in the bot
    assert service.ask(question).outcome == "partial"
    # The pledge is quoted on the whole score (session 14's choice quotes a sentence without it).
    monkeypatch.setattr(bot.answer, "QUOTE_MAXSIM_WEIGHT", None)
    assert service.ask(question).outcome == "partial"
    monkeypatch.setattr(bot.retrieval, "OUTCOME_ON_BOTH_RANKINGS", False)
    assert service.ask(question).outcome == "answered"


# The passage lift (docs/quality-log.md, "Ranking (session 11)"): of near-tied sentences, the one
# whose passage matches every part of the question is quoted and its passage cited first.
def test_the_passage_matching_every_part_of_the_question_is_quoted_first(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "What problems has Tesla had that Amazon could exploit?"  # shipped-questions
    expected = "Production delays, quality control issues"
    assert bot.retrieval.LATE_PASSAGE_LIFT == 0.75  # on in the bot
    assert expected in service.ask(question).citations[0].text
    monkeypatch.setattr(bot.retrieval, "LATE_PASSAGE_LIFT", 0.0)
    # Session 13's place weight quotes it too: the re-ranking puts that passage first by a lead.
    assert expected in service.ask(question).citations[0].text
    monkeypatch.setattr(bot.answer, "PLACE_WEIGHT", 0.0)
    # Session 14's choice by token evidence quotes it without either; the whole score does not.
    assert expected in service.ask(question).citations[0].text
    monkeypatch.setattr(bot.answer, "QUOTE_MAXSIM_WEIGHT", None)
    assert expected not in service.ask(question).citations[0].text


# Session 10's near-domain labels (docs/quality-log.md, "Near-domain labels (session 10)").
@pytest.mark.parametrize(
    ("question", "for_label", "for_quote"),
    [
        # A word or two may narrow the noun naming the kind.
        ("Which chip company might help Amazon with self-driving?", "organisation", None),
        ("Which two states will host the assembly plants?", "place", None),
        ("What does a Tesla Model S cost in Europe?", "amount", None),
        # A fragment's last noun names the kind; one word is a topic to follow up on.
        ("tesla's 2023 delivery numbers?", "number", None),
        ("amazon ev release date", "date", None),
        ("price?", None, None),
        ("and prices?", None, None),
        # A currency named asks for an amount, whatever the first words.
        ("how big is the panasonic battery contract in dollars", "amount", None),
        # The forms of session 9 and before read the same either way.
        ("Which company supplies the batteries?", "organisation", "organisation"),
        ("What will decide who wins?", None, None),
    ],
)
def test_session_10_kinds_are_read_for_the_label_only(
    question: str, for_label: str | None, for_quote: str | None
) -> None:
    assert asked_kind(question) == for_label
    assert asked_kind(question, for_label=False) == for_quote


@pytest.mark.parametrize(
    ("question", "focus", "before"),
    [
        ("how can i apply for a job at the amazon ev team", "job", "for"),
        ("Which dealerships will sell Amazon's electric cars?", "dealerships", None),
        ("which parts of the world will the fight be fought in", None, "parts"),
        ("How much cargo space does the Amazon EV have?", "cargo space", None),
        ("Which is the biggest carmaker?", None, "is"),
        ("how do i set a timer with alexa", "timer", "timer"),
        ("What kind of vehicles will Amazon build?", None, None),
    ],
)
def test_the_thing_asked_for_by_name_read_from_its_grammar(
    monkeypatch: pytest.MonkeyPatch, question: str, focus: str | None, before: str | None
) -> None:
    # Session 28 reads "how much cargo space" as a number asked (no focus then): the focus alone.
    monkeypatch.setattr(question_kind, "HOW_MUCH_MEASURE_28", False)
    assert asked_focus(question) == focus
    monkeypatch.setattr(unsaid, "FOCUS_FIXES", False)
    assert asked_focus(question) == before


@pytest.mark.parametrize(
    ("question", "text", "holds_it"),
    [
        ("How many cars will it make?", "Carbon-neutral by 2040.", False),
        ("How many cars will it make?", "It will make 2,000 cars.", True),
        ("When will it be carbon-neutral?", "Carbon-neutral by 2040.", True),
        # How old / fast / far … want a number with a unit of that dimension.
        ("How old is Elon Musk?", "Two of the most influential entrepreneurs.", False),
        ("How old is Elon Musk?", "The 54-year-old entrepreneur.", True),
        ("How fast does it go from 0 to 60?", "From 0 to 60 mph in 3.5 seconds.", True),
        ("How fast does it go from 0 to 60?", "It could deliver faster than one rival.", False),
        ("How far can it drive?", "About 300 miles on a charge.", True),
        ("How far can it drive?", "About 300 hours on a charge.", False),
    ],
)
def test_a_number_asked_for_is_a_count_or_a_measure_not_a_year(
    question: str, text: str, holds_it: bool
) -> None:
    assert holds(asked_kind(question), text, question) is holds_it  # type: ignore[arg-type]


def test_the_thing_asked_for_matched_weakly_by_the_quote_labels_the_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "What tires will Tesla fit on its cars?"
    words = ("tires", "tesla", "fit", "cars")
    # Over the whole passage "tires" matches 0.35 (above session 9's 0.26), within the quoted
    # first sentence only 0.2.
    hit = dataclasses.replace(
        focus_hit(words, (0.35, 0.9, 0.5, 0.9)),
        evidence=TokenEvidence(
            words, (1.0,) * 4, (0.35, 0.9, 0.5, 0.9), ((0.2, 0.9, 0.3, 0.9), (0.35, 0.2, 0.5, 0.9))
        ),
    )
    answer = compose_answer(question, [hit], {}, min_score=0.1)
    assert answer.answer == "Tesla is the king of electric cars."
    label = "The sources don't say anything about tires; the closest passage:"
    assert answer.outcome == "partial" and answer.partial_label == label
    assert answer.quotes and answer.citations
    assert_label_shown(answer, label)
    # Matched well somewhere cited (over FOCUS_CITED_CEILING): the quote may say it in other words.
    assert weak_focus_in_quote(question, {"tires": 0.2}, {"tires": 0.5}, 0.24) == []
    assert weak_focus_in_quote(question, {"tires": 0.2}, {"tires": 0.35}, 0.24) == ["tires"]
    monkeypatch.setattr(token_evidence, "FOCUS_QUOTE_WEAK_MATCH", None)
    assert compose_answer(question, [hit], {}, min_score=0.1).outcome == "answered"


# Over the shipped article with the real model (tuning questions).
@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("What tires will the Amazon EV use?", "partial"),  # tuning-extra-4: "tires" 0.23
        ("What safety rating did the Tesla Model Y get?", "partial"),  # tuning-extra-3
        # shipped-questions' "how do i set a timer with alexa" is refused since session 31 (the
        # off-topic how-to): its label with that rule off, in tests/test_off_topic_31.py.
        ("How old is Elon Musk?", "partial"),  # shipped-questions: "two of the most …"
        ("How fast does the Amazon EV go from 0 to 60?", "partial"),  # tuning-extra-8: 2040
        ("tesla's 2023 delivery numbers?", "partial"),  # tuning-extra-8
        ("What does a Tesla Model S cost in Europe?", "partial"),  # tuning-extra-3
        ("whats the dollar value of amazon's rivian investment", "partial"),  # tuning-extra-9
        # In-domain, each a retrieval miss the labels were kept off.
        ("Which chip company might help Amazon with self-driving?", "answered"),  # -6
        ("which parts of the world will the fight be fought in", "answered"),  # -8
        ("Which rival pickup truck is mentioned?", "answered"),  # -6: matched 0.56 when cited
        ("What traits describe Bezos?", "answered"),  # -4
    ],
)
def test_session_10_labels_over_the_shipped_article(
    service: AnswerService, question: str, outcome: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == outcome, (answer.partial_label, answer.answer)
    assert answer.quotes and answer.citations


# Measured (docs/quality-log.md, "Near-domain labels (session 10)"): near-domain not presented as
# answered 15, 11, 6, 9, 11 and 10 of 18, 16, 9, 16, 12 and 12 on tuning-extra-2, -3, -4, -5, -8
# and -9 (62; 43 without session 10's labels), in-domain 0, 0, 2, 0, 0 of 8, 23, 16, 25, 25
# either way. Floors a little under those.
def test_session_10_near_domain_floors(service: AnswerService) -> None:
    asked = question_set(
        "tuning-extra-2.jsonl",
        "tuning-extra-3.jsonl",
        "tuning-extra-4.jsonl",
        "tuning-extra-5.jsonl",
        "tuning-extra-8.jsonl",
        "tuning-extra-9.jsonl",
    )
    assert len(not_answered(service, near_domain(asked))) >= 59
    assert len(not_answered(service, in_domain(asked))) <= 2


# Session 11's near-domain rules (docs/quality-log.md, "Near-domain (session 11)"), off in the bot
# (held out they caught no near-domain question more): each read for the label only.
SESSION_11_RULES = (
    "ROLE_NOUN_ASKS_PERSON",
    "WHERE_ON_THE_MAP",
    "TELL_ME_ABOUT_FOCUS",
    "FEATURE_FOCUS",
    "CHOICE_FOCUS",
    "ATTRIBUTE_SAID_IN_OTHER_WORDS",
    "COST_AS_VERB",
    "FRAGMENT_COUNTS",
)


def home_of(rule: str) -> ModuleType:
    """The one module whose code reads the rule's flag (a patch lands where it is read)."""
    (home,) = [m for m in (question_kind, unsaid, token_evidence) if hasattr(m, rule)]
    return home


@pytest.fixture
def session_11(monkeypatch: pytest.MonkeyPatch) -> None:
    for rule in SESSION_11_RULES:
        monkeypatch.setattr(home_of(rule), rule, True)
    # Session 23's occupation before a role reads "Which engineer leads …" too: apart here.
    monkeypatch.setattr(question_kind, "ROLE_PERSON_NOUN", False)


@pytest.mark.parametrize(
    ("question", "rule", "for_label", "off"),
    [
        (
            "Which engineer leads Amazon's autonomous driving team?",
            "ROLE_NOUN_ASKS_PERSON",
            "person",
            None,
        ),
        (
            "Which company leads the EV market?",
            "ROLE_NOUN_ASKS_PERSON",
            "organisation",
            "organisation",
        ),
        ("what is musk supposedly working on to bring costs down", "COST_AS_VERB", None, "amount"),
        ("what will amazon do to cut cost", "COST_AS_VERB", None, "amount"),
        ("What does a Tesla Model S cost in Europe?", "COST_AS_VERB", "amount", "amount"),
        ("tesla q3 deliveries?", "FRAGMENT_COUNTS", "number", None),
        ("tesla's 2023 delivery numbers?", "FRAGMENT_COUNTS", "number", "number"),
    ],
)
def test_session_11_kinds(
    monkeypatch: pytest.MonkeyPatch,
    session_11: None,
    question: str,
    rule: str,
    for_label: str | None,
    off: str | None,
) -> None:
    assert asked_kind(question) == for_label
    for_quote = asked_kind(question, for_label=False)
    monkeypatch.setattr(home_of(rule), rule, False)
    assert asked_kind(question) == off
    assert asked_kind(question, for_label=False) == for_quote  # the quote is chosen as before


@pytest.mark.parametrize(
    ("question", "rule", "focus"),
    [
        (
            "Tell me about the Amazon EV's crash test results.",
            "TELL_ME_ABOUT_FOCUS",
            "crash test results",
        ),
        ("tell me about the cybertruck", "TELL_ME_ABOUT_FOCUS", "cybertruck"),
        (
            "Tell me about the competition between Bezos and Musk and their companies.",
            "TELL_ME_ABOUT_FOCUS",
            None,
        ),
        ("Does the Amazon EV come with heated seats?", "FEATURE_FOCUS", "heated seats"),
        ("Will the cars have a voice assistant?", "FEATURE_FOCUS", "voice assistant"),
        ("will bezos go with lfp or nickel cells", "CHOICE_FOCUS", "lfp or nickel cells"),
        ("is there still room in the ev market or is it already full", "CHOICE_FOCUS", None),
    ],
)
def test_session_11_things_asked_about(
    monkeypatch: pytest.MonkeyPatch, session_11: None, question: str, rule: str, focus: str | None
) -> None:
    assert asked_focus(question) == focus
    monkeypatch.setattr(home_of(rule), rule, False)
    assert asked_focus(question) is None


@pytest.mark.parametrize(
    ("question", "text", "holds_it", "off"),
    [
        # A bare "where" with a verb of where a thing is or is made wants a place on the map.
        ("Where is Rivian headquartered?", "Amazon invested in Rivian, an SUV maker.", False, True),
        (
            "Where does Tesla build the Cybertruck?",
            "Rivals at Blue Origin and SpaceX.",
            False,
            True,
        ),
        ("Where will the factories be built?", "Plants in Texas and Michigan.", True, True),
        # Other "where" questions are answered by any name: "the commercial space industry".
        (
            "Where did the two rivals first go head to head?",
            "When SpaceX and Blue Origin met.",
            True,
            True,
        ),
        # "where is" a thing with no other verb, too (session 12: on).
        ("where is tesla's berlin gigafactory", "Tesla and Amazon have pledged.", False, True),
    ],
)
def test_session_11_where_on_the_map(
    monkeypatch: pytest.MonkeyPatch,
    session_11: None,
    question: str,
    text: str,
    holds_it: bool,
    off: bool,
) -> None:
    assert holds("place", text, question, of_the_kind_asked=True) is holds_it
    assert holds("place", text, question) is off  # choosing the quote: as before
    monkeypatch.setattr(question_kind, "WHERE_ON_THE_MAP", False)
    assert holds("place", text, question, of_the_kind_asked=True) is off


def test_session_12_where_is_a_thing_needs_a_place_on_the_map(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question, text = "where is tesla's berlin gigafactory", "Tesla and Amazon have pledged."
    assert holds("place", text, question, of_the_kind_asked=True) is False
    assert holds("place", "It stands near Austin, Texas.", question, of_the_kind_asked=True)
    monkeypatch.setattr(question_kind, "WHERE_IS_A_THING", False)
    assert holds("place", text, question, of_the_kind_asked=True) is True


def test_session_11_an_attribute_said_in_other_words_is_answered(
    monkeypatch: pytest.MonkeyPatch,
    session_11: None,
) -> None:
    question = "What is Tesla's market goal?"
    words = ("tesla", "market", "goal")
    hit = dataclasses.replace(
        focus_hit(words, (0.9, 0.9, 0.5)),
        evidence=TokenEvidence(words, (1.0,) * 3, (0.9, 0.9, 0.5), ((0.9, 0.9, 0.5), (0.2,) * 3)),
    )
    # No cited passage says "goal", but the quote matches it 0.5 (over FOCUS_CITED_CEILING).
    assert unsaid.unmentioned_attribute(question, hit.passage.text) == ["market goal"]
    assert compose_answer(question, [hit], {}, min_score=0.1).outcome == "answered"
    in_quote = {"market": 0.9, "goal": 0.44}
    assert token_evidence.said_in_other_words(["market goal"], in_quote) is False
    monkeypatch.setattr(token_evidence, "ATTRIBUTE_SAID_IN_OTHER_WORDS", False)
    answer = compose_answer(question, [hit], {}, min_score=0.1)
    assert answer.partial_label == (
        "The sources don't say anything about market goal; the closest passage:"
    )


# Over the shipped article with the real model, the rules on (tuning questions).
@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("Which engineer leads Amazon's autonomous driving team?", "partial"),  # tuning-extra-2
        ("Where is Rivian headquartered?", "partial"),  # tuning-extra-3
        ("Where does Tesla build the Cybertruck?", "partial"),  # tuning-extra-5
        ("Tell me about the Amazon EV's crash test results.", "partial"),  # tuning-extra-5
        ("Does the Amazon EV come with heated seats?", "partial"),  # tuning-extra-5
        ("will bezos go with lfp or nickel cells", "partial"),  # tuning-extra-9
        ("tell me about the cybertruck", "partial"),  # tuning-extra-10
        ("tesla q3 deliveries?", "partial"),  # tuning-extra-10
        # In-domain.
        ("what's amazon's carbon goal?", "answered"),  # conversations-tuning-7: "pledged"
        ("what is musk supposedly working on to bring costs down", "answered"),  # -10
        ("Where did the two rivals first go head to head?", "answered"),  # -8
        ("Where will the new cars be assembled?", "answered"),  # Texas and Michigan
        ("Tell me about the Amazon EV's self-driving plans.", "answered"),  # -5
        ("Will the cars have a voice assistant?", "answered"),  # shipped-questions
    ],
)
def test_session_11_labels_over_the_shipped_article(
    service: AnswerService, session_11: None, question: str, outcome: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == outcome, (answer.partial_label, answer.answer)
    assert answer.quotes and answer.citations


def test_warm_up_loads_the_answers_lookups(service: AnswerService) -> None:
    # Each costs 0.2-0.7 s on first use: paid at start, not by the first "who" or "how fast".
    loaders = (lookups.unit_registry, lookups._places_of_kind, lookups._first_names)
    for loader in loaders:
        loader.cache_clear()
    service.warm_up()
    assert [loader.cache_info().currsize for loader in loaders] == [1, 1, 1]


# Session 12 (docs/quality-log.md, "Near-domain (session 12)"): a comparison asks about both things
# it compares.
@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        ("is a model 3 quicker than a lucid air?", ["lucid air"]),
        (
            "Which is better, the Ford Lightning or the Cybertruck?",
            ["ford lightning", "cybertruck"],
        ),
        ("is the model y safer than a rivian r1s in crash tests?", ["rivian r1s"]),
        # Both named by the sources, or a word pointing elsewhere ("they", "rivals").
        ("Will Amazon's cars be cheaper than a Tesla?", []),
        ("will bezos's ev cost less than a tesla", []),
        ("will they be cheaper than a tesla", []),
        ("why could amazon ship cars quicker than rivals", []),
        ("will amazon sell more cars than tesla by 2030", []),
        ("Why does the article say EVs are now a must rather than a luxury", []),
    ],
)
def test_session_12_things_compared_that_the_sources_never_name(
    monkeypatch: pytest.MonkeyPatch, question: str, unnamed: list[str]
) -> None:
    article = (DATA.parent.parent / "corpus" / "bezos-vs-musk-ev-rivalry.md").read_text()
    named = set(bot.lexical.terms([article])[0]).__contains__
    assert unsaid.unmentioned_compared(question, "", named) == unnamed
    # Without the index's words, the passage's: "cars" is not "vehicles".
    assert unsaid.unmentioned_compared(question, article) == unnamed
    monkeypatch.setattr(unsaid, "COMPARED_THINGS", False)
    assert unsaid.unmentioned_compared(question, "", named) == []


# Over the shipped article as the bot answers (tuning questions): each fails with its rule off.
@pytest.mark.parametrize(
    ("question", "outcome", "rule"),
    [
        ("is a model 3 quicker than a lucid air?", "partial", "COMPARED_THINGS"),  # -11
        ("Which is better, the Ford Lightning or the Cybertruck?", "partial", "COMPARED_THINGS"),
        ("Will Amazon's cars be cheaper than a Tesla?", "answered", None),  # shipped-questions
        ("Where is Rivian headquartered?", "partial", "WHERE_ON_THE_MAP"),  # tuning-extra-3
        ("where is tesla's gigafactory in germany", "partial", "WHERE_IS_A_THING"),  # -11
        ("where's the R&D base supposedly", "answered", None),  # -11: California
        ("Where did the two rivals first go head to head?", "answered", None),  # -8
        ("what's amazon's carbon goal?", "answered", "ATTRIBUTE_SAID_IN_OTHER_WORDS"),
        ("what is musk supposedly working on to bring costs down", "answered", "COST_AS_VERB"),
    ],
)
def test_session_12_near_domain_rules_over_the_shipped_article(
    monkeypatch: pytest.MonkeyPatch,
    service: AnswerService,
    question: str,
    outcome: str,
    rule: str | None,
) -> None:
    answer = service.ask(question)
    assert answer.outcome == outcome, (answer.partial_label, answer.answer)
    assert answer.quotes and answer.citations
    if rule is not None:
        monkeypatch.setattr(home_of(rule), rule, False)
        # Session 24's region reading labels "… in germany" too: off, the rule alone.
        monkeypatch.setattr(bot.unwritten_things, "UNWRITTEN_REGION", False)
        assert service.ask(question).outcome != outcome


# Measured (docs/quality-log.md, "Near-domain (session 12)"): near-domain not presented as answered
# 9 and 10 of 12 on tuning-extra-10 and -11 (8 and 7 with session 11's rules off), in-domain
# labelled or refused 1 and 3 of 25 either way. Floors a little under those.
def test_session_12_near_domain_floors(service: AnswerService) -> None:
    asked = question_set("tuning-extra-10.jsonl", "tuning-extra-11.jsonl")
    assert len(not_answered(service, near_domain(asked))) >= 17
    assert len(not_answered(service, in_domain(asked))) <= 5


# The place weight's tests: the first-ranked passage's sentence and a broad one scoring a little
# higher in the second passage.
PLACE_FIRST = "Amazon's EV would be built in Texas and Michigan plants."
PLACE_BROAD = "Whether you're a tech enthusiast or an investor, the rivalry matters."


def test_a_question_asked_alone_quotes_the_first_ranked_passage_within_the_place_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # bot.answer.PLACE_WEIGHT: the second passage's sentences count 1 x the weight lower, so its
    # broad sentence 0.02 over the first passage's loses when asked alone, where the re-ranking
    # puts the first passage PLACE_LEAD or more ahead (fused score 4.8 against 1.9).
    monkeypatch.setattr(bot.answer, "PLACE_LEAD", 2.5)
    first, broad = PLACE_FIRST, PLACE_BROAD
    article = f"{first}\n\n## Elsewhere\n\n{broad}"

    def hits_led_by(lead: float) -> list[Hit]:
        return [
            passage_hit(article, 0, len(first), (0.60,), fused=1.9 + lead),
            passage_hit(article, len(article) - len(broad), len(article), (0.62,), fused=1.9),
        ]

    hits = hits_led_by(2.9)
    question = "Tell me about the Amazon EV factories."
    monkeypatch.setattr(bot.answer, "PLACE_WEIGHT", 0.0)
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == broad
    monkeypatch.setattr(bot.answer, "PLACE_WEIGHT", 0.04)
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == first
    # A follow-up (asked with history) quotes on the sentences' own scores.
    assert compose_answer(question, hits, {}, min_score=0.1).answer == broad
    # A first passage barely ahead is no reason to quote it over a better sentence.
    close = hits_led_by(0.9)
    assert compose_answer(question, close, {}, min_score=0.1, alone=True).answer == broad
    monkeypatch.setattr(bot.answer, "PLACE_LEAD", 0.0)
    assert compose_answer(question, close, {}, min_score=0.1, alone=True).answer == first


def test_the_place_lead_counted_in_maxsim_or_in_the_cited_passages_spread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # bot.answer.PLACE_LEAD_UNITS: the same fused lead of 2.9 is enough in fused units; in
    # MaxSim the first passage must match the question's tokens better by the lead; in spread
    # the lead is counted in the cited passages' standard deviations of fused score.
    monkeypatch.setattr(bot.answer, "PLACE_WEIGHT", 0.04)
    first, broad = PLACE_FIRST, PLACE_BROAD
    third = "Tesla sells cars."
    article = f"{first}\n\n## Elsewhere\n\n{broad}\n\n## More\n\n{third}"
    at_broad = article.index(broad)
    at_third = article.index(third)

    def with_maxsim(hit: Hit, maxsim: float) -> Hit:
        return dataclasses.replace(hit, evidence=TokenEvidence(("ev",), (1.0,), (maxsim,)))

    hits = [
        with_maxsim(passage_hit(article, 0, len(first), (0.60,), fused=4.8), 0.70),
        with_maxsim(passage_hit(article, at_broad, at_broad + len(broad), (0.62,), 1.9), 0.68),
    ]
    question = "Tell me about the Amazon EV factories."
    monkeypatch.setattr(bot.answer, "PLACE_LEAD", 2.5)
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == first
    monkeypatch.setattr(bot.answer, "PLACE_LEAD_UNITS", "maxsim")
    monkeypatch.setattr(bot.answer, "PLACE_LEAD", 0.05)
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == broad
    monkeypatch.setattr(bot.answer, "PLACE_LEAD", 0.01)
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == first
    # Spread: a third passage far behind widens the spread, so the same lead counts for less.
    monkeypatch.setattr(bot.answer, "PLACE_LEAD_UNITS", "spread")
    monkeypatch.setattr(bot.answer, "PLACE_LEAD", 1.5)
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == first
    behind = passage_hit(article, at_third, len(article), (0.1,), fused=-20.0)
    assert compose_answer(question, [*hits, behind], {}, min_score=0.1, alone=True).answer == broad


# The ranking before the answer's deeper re-ranking orders the passages its own way: the place
# weight follows the answer's places, so that ranking is judged on its quote without the weight
# (docs/quality-log.md, "Which passage is quoted first (session 13)").
def test_the_ranking_before_is_judged_without_the_place_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bot.answer, "PLACE_WEIGHT", 0.04)
    answered = Answer(id="a", question="q", answer="a quote", refused=False)
    partial = dataclasses.replace(answered, outcome="partial", missing="where")
    deeper: list[Hit] = []
    before: list[Hit] = []
    asked: list[tuple[bool, bool]] = []

    def compose(hits: list[Hit], alone: bool = False) -> Answer:
        asked.append((hits is deeper, alone))
        # The ranking before quoted with the weight would quote a sentence lacking a place.
        return partial if hits is before and alone else answered

    answer = composed_as_asked(compose, deeper, before, alone=True)
    assert answer.outcome == "answered"
    assert asked == [(True, True), (False, False), (True, False)]
    # With history, every quote is chosen without the weight, and the ranking before still judges.
    asked.clear()
    assert composed_as_asked(compose, deeper, before, alone=False).outcome == "answered"
    assert asked == [(True, False), (False, False)]
    labelled = composed_as_asked(lambda hits, alone=False: partial, deeper, before, alone=True)
    assert (labelled.outcome, labelled.missing) == ("partial", "where")


# Measured (docs/quality-log.md, "Which passage is quoted first (session 13)"): with the place
# weight (0.04 from a lead of 2.5), the right passage first for 89 of the blind tuning-extra-8 to
# -12's 125 in-domain questions (86 without it); shipped-questions' in-domain labelled partial 2 of
# 100 (3 while the ranking before was quoted with the weight). A floor a little under the first, and
# the goal for the label.
def test_place_weight_floors(service: AnswerService) -> None:
    blind = in_domain(
        question_set(
            "tuning-extra-8.jsonl",
            "tuning-extra-9.jsonl",
            "tuning-extra-10.jsonl",
            "tuning-extra-11.jsonl",
            "tuning-extra-12.jsonl",
        )
    )
    answers = [(q, service.ask(q["question"])) for q in blind]
    assert sum(q["expect"] in a.citations[0].text for q, a in answers if a.citations) >= 88
    shipped = in_domain(question_set("shipped-questions.jsonl"))
    assert sum(service.ask(q["question"]).outcome == "partial" for q in shipped) <= 2


# Session 14 (docs/quality-log.md, "Which sentence is quoted (session 14)"): a question asked alone
# chooses its quote mostly by token evidence, MaxSim plus locality's lift, not the whole score,
# whose cosine and term overlap favour a broad sentence sharing a word ("world").
@pytest.mark.parametrize(("maxsim_weight", "surface"), [(1.0, 0.0), (1.5, 0.1)])
def test_a_question_asked_alone_may_choose_its_quote_by_token_evidence(
    monkeypatch: pytest.MonkeyPatch, maxsim_weight: float, surface: float
) -> None:
    broad = "Whether you are an investor or a citizen of an increasingly electric world, watch."
    fronts = "Countries in Europe and Asia are likely to be key battlegrounds."
    article = f"{broad}\n\nTesla leads.\n\n{fronts}"  # not neighbours: no sentence joins
    words = ("world", "fight")

    def with_maxsim(hit: Hit, maxsim: float) -> Hit:
        best = (maxsim, maxsim)
        return dataclasses.replace(hit, evidence=TokenEvidence(words, (1.0, 1.0), best, (best,)))

    # The broad sentence's whole score leads (1.34 against 1.09), the other's MaxSim (0.51 to
    # 0.45); the first passage leads by 2.2 in fused score, under PLACE_LEAD.
    hits = [
        with_maxsim(passage_hit(article, 0, len(broad), (1.34,), fused=15.6), 0.45),
        with_maxsim(passage_hit(article, article.index(fronts), len(article), (1.09,), 13.4), 0.51),
    ]
    question = "which parts of the world will the fight be fought in"
    assert (bot.answer.QUOTE_MAXSIM_WEIGHT, bot.answer.QUOTE_SURFACE_WEIGHT) == (1.5, 0.1)  # on
    monkeypatch.setattr(bot.answer, "QUOTE_MAXSIM_WEIGHT", None)  # the whole score
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == broad
    monkeypatch.setattr(bot.answer, "QUOTE_MAXSIM_WEIGHT", maxsim_weight)
    monkeypatch.setattr(bot.answer, "QUOTE_SURFACE_WEIGHT", surface)
    answer = compose_answer(question, hits, {}, min_score=0.1, alone=True)
    assert answer.answer == fronts
    assert answer.citations[0].text == fronts
    # A follow-up quotes on the whole score, and so does a hit without token evidence.
    assert compose_answer(question, hits, {}, min_score=0.1).answer == broad
    bare = [dataclasses.replace(h, evidence=None) for h in hits]
    assert compose_answer(question, bare, {}, min_score=0.1, alone=True).answer == broad


# Session 15 (docs/quality-log.md, "The quote's tokens among the cited sentences (session 15)"): in
# the quote choice of a question asked alone, each question word also counts by how far its
# match sets a sentence apart from the other cited ones (z-scored among them), so one word matched
# strongly ("rival" in a sentence on the space race) no longer outweighs two matched better by
# the sentence that answers.
def test_the_quote_counts_each_word_by_how_far_it_sets_a_sentence_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    space = "Once competitors in the space race, the two rivals now clash over cars."
    share = "Ford and Lucid Motors have chipped away at Tesla's market share."
    article = f"{space}\n\nTesla leads.\n\n{share}"  # not neighbours: no sentence joins
    words = ("rival", "carmakers", "share")

    def with_matches(hit: Hit, best: tuple[float, ...]) -> Hit:
        evidence = TokenEvidence(words, (1.0,) * 3, best, (best,))
        return dataclasses.replace(hit, evidence=evidence)

    # MaxSim 0.583 against 0.563: the space race's sentence leads by its one strong match; the
    # other sentence matches two of the three words better. The rest of the score is alike (0.5),
    # and the first passage leads by 2.2 in fused score, under PLACE_LEAD.
    hits = [
        with_matches(passage_hit(article, 0, len(space), (1.0833,), fused=15.6), (0.95, 0.4, 0.4)),
        with_matches(
            passage_hit(article, article.index(share), len(article), (1.0633,), fused=13.4),
            (0.45, 0.62, 0.62),
        ),
    ]
    question = "which rival carmakers have taken market share from tesla"
    assert (bot.answer.QUOTE_SPREAD_WEIGHT, bot.answer.QUOTE_SPREAD_FLOOR) == (0.1, 0.1)  # on
    answer = compose_answer(question, hits, {}, min_score=0.1, alone=True)
    assert answer.answer == share
    assert answer.citations[0].text == share
    monkeypatch.setattr(bot.answer, "QUOTE_SPREAD_WEIGHT", 0.0)  # off: MaxSim alone decides
    assert compose_answer(question, hits, {}, min_score=0.1, alone=True).answer == space
    # A follow-up quotes on the whole score, with or without it.
    monkeypatch.setattr(bot.answer, "QUOTE_SPREAD_WEIGHT", 0.1)
    assert compose_answer(question, hits, {}, min_score=0.1).answer == space


def test_a_word_every_cited_sentence_matches_alike_is_not_blown_up() -> None:
    """Two sentences whose match of a word differs by 0.01 differ by 0.1 standard deviation at the
    floor (0.1), not by two: the floor keeps a near-tie a near-tie."""
    # Two cited passages of one sentence each, matching the one word "tesla" 0.90 and 0.89.
    evidence = [TokenEvidence(("tesla",), (1.0,), (x,), ((x,),)) for x in (0.90, 0.89)]
    standing = bot.answer._standing(evidence)
    assert [round(float(s[0]), 3) for s in standing] == [0.05, -0.05]


# Session 16 (docs/quality-log.md, "In-domain answers labelled or refused (session 16)").
@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("price cuts?", None),  # cuts are named: no amount asked
        ("tesla price war?", None),
        ("amazon ev price?", "amount"),  # the kind noun ends the phrase
        ("price of the amazon car?", "amount"),  # a preposition follows the head
        ("price tag?", "amount"),  # a measure of the price
        ("amazon ev release date", "date"),
    ],
)
def test_fragment_kind_noun_is_the_head(
    monkeypatch: pytest.MonkeyPatch, question: str, kind: str | None
) -> None:
    assert asked_kind(question) == kind
    monkeypatch.setattr(question_kind, "FRAGMENT_HEAD_ONLY", False)
    # Off, the money noun anywhere in the fragment asked for an amount.
    assert asked_kind("price cuts?") == "amount"


def test_when_clause_answers_a_when_question(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "When did the rivalry first gain public attention?"
    said = "Their rivalry first gained public attention when SpaceX and Blue Origin competed."
    assert holds("date", said, question, of_the_kind_asked=True)
    # The quote's choice is unchanged: only the label reads the clause.
    assert not holds("date", said, question)
    # A when-clause after none of the question's terms says nothing about what was asked.
    assert not holds("date", "Sales rose when prices fell.", question, of_the_kind_asked=True)
    assert not holds("date", said, "What gained public attention?", of_the_kind_asked=True)
    monkeypatch.setattr(question_kind, "WHEN_CLAUSE_ANSWERS", False)
    assert not holds("date", said, question, of_the_kind_asked=True)


# Citations for diversity (docs/quality-log.md, "Ranking and the quote (session 16)"): a question
# searched as asked no longer cites as its third a second broad passage saying what the first
# says. Three shipped questions whose right passage re-ranks 4th-6th reach the top 3 with it,
# none without.
def test_citations_chosen_for_diversity_reach_the_right_passage(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = {
        "What could Tesla's boss do to fight back?": "introduce price cuts",
        "Name some rival carmakers taking share from Tesla.": "Lucid Motors",
        "Will it connect to my Amazon account?": "seamless integration with their existing Amazon",
    }

    def in_top_3() -> int:
        return sum(
            any(expect in c.text for c in service.ask(question).citations[:3])
            for question, expect in asked.items()
        )

    assert in_top_3() == 3
    monkeypatch.setattr(bot.retrieval, "CITATION_DIVERSITY", 0.0)
    assert in_top_3() == 0


def test_citations_for_diversity_only_for_a_question_searched_as_asked(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A follow-up searched with its context keeps the re-ranking's order (two tuning
    # conversations were lost with diversity there); a question searched alone in a thread cites
    # as it does asked alone (tests/test_conversation.py, test_new_topic_is_not_dragged_back).
    history = ["What did Amazon pledge about carbon?"]
    follow_up = service.ask("by when?", history)
    alone = service.ask("Name some rival carmakers taking share from Tesla.")
    monkeypatch.setattr(bot.retrieval, "CITATION_DIVERSITY", 0.0)
    plain = service.ask("by when?", history)
    assert [c.passage_id for c in plain.citations] == [c.passage_id for c in follow_up.citations]
    unmoved = service.ask("Name some rival carmakers taking share from Tesla.")
    assert [c.passage_id for c in unmoved.citations] != [c.passage_id for c in alone.citations]


def test_a_question_after_a_lead_in_is_reranked_by_what_it_asks(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = (
        "ok so i keep hearing about this whole bezos vs musk thing, what does the article think "
        "will actually decide who comes out on top in the end"
    )
    right = "The outcome may come down to who can build a better product"
    assert right in service.ask(question).citations[0].text
    # The whole question alone: the lead-in's chat words pull the conclusion first.
    monkeypatch.setattr(bot.retrieval, "LEAD_IN_SHARE", 0.0)
    assert right not in service.ask(question).citations[0].text


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("what does it say about ford", "Ford’s electric F-150"),
        ("why is rivian mentioned", "Amazon previously invested in Rivian"),
        ("how is rivian connected to this", "Amazon previously invested in Rivian"),
        ("remind me what the article says about musk's personality", "their personalities"),
    ],
)
def test_words_about_the_text_carry_no_topic(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, quoted: str
) -> None:
    # The lead's probes (session 22): "say", "mentioned", "connected to this", "remind me", "the
    # article" are words about the text; searched with them, the opening or the conclusion is
    # quoted, or the question is refused under the floor (cosine 0.16-0.19). Off in the bot (held
    # out fell by one first place): the flags on here.
    before = service.ask(question)
    assert before.outcome == "refused" or quoted not in before.answer
    monkeypatch.setattr(bot.retrieval, "TOPIC_VECTOR", 1.0)
    monkeypatch.setattr(bot.retrieval, "TOPIC_TEXT", True)
    monkeypatch.setattr(bot.retrieval, "TOPIC_COVERAGE", True)
    answer = service.ask(question)
    assert answer.outcome == "answered"
    assert quoted in answer.answer


def test_chat_words_are_not_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "rn" is no word of the sources: searched with it, the space race's opening is cited first
    # (session 23, bot.retrieval.CHAT_WORDS_OUT).
    question = "who is on top of the ev world rn"
    leader = "Tesla remains the undisputed king of the electric vehicle world."
    answer = service.ask(question)
    assert leader in answer.citations[0].text
    assert leader in answer.answer
    monkeypatch.setattr(bot.retrieval, "CHAT_WORDS_OUT", False)
    assert leader not in service.ask(question).citations[0].text


@pytest.mark.parametrize(
    ("question", "defining", "naming"),
    [
        (
            "who is jeff bezos",
            "two of the most influential entrepreneurs",
            "Jeff Bezos has an opportunity to set a new standard.",
        ),
        ("what is tesla", "Tesla remains the undisputed king", "Its vehicles are known for"),
    ],
)
def test_a_name_asked_to_define_quotes_what_it_is(
    service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    question: str,
    defining: str,
    naming: str,
) -> None:
    # The lead's probes (session 22): the best sentence only named him (bot.answer.DEFINING_RATIO).
    answer = service.ask(question)
    assert answer.outcome == "answered"
    assert defining in answer.answer
    assert naming not in answer.answer
    monkeypatch.setattr(bot.answer, "DEFINING_RATIO", 0.0)
    before = service.ask(question).answer
    assert naming in before
    assert defining not in before


def test_a_name_asked_to_define_cites_a_passage_saying_what_it_is(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ranking's three passages only name him ("speculating on Elon Musk's reaction"): the
    # passage saying who he is replaces the last citation (session 24,
    # bot.retrieval.DEFINING_PASSAGE) and is quoted first.
    question = "who is elon musk"
    defining = "Jeff Bezos and Elon Musk are two of the most influential entrepreneurs"
    answer = service.ask(question)
    assert answer.outcome == "answered"
    assert defining in answer.answer
    assert defining in answer.citations[0].text
    monkeypatch.setattr(bot.retrieval, "DEFINING_PASSAGE", False)
    before = service.ask(question)
    assert defining not in before.answer
    assert not any(defining in c.text for c in before.citations)


def test_a_first_name_searched_with_its_surname(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Off in the bot (held out fell): on, "elon" is searched as "elon musk", whose passage says
    # "If Musk retains his crown" (session 24, bot.retrieval.FULL_NAMES).
    question = "what happens if elon stays on top"
    retains = "If Musk retains his crown"
    before = service.ask(question)
    assert retains not in before.citations[0].text
    monkeypatch.setattr(bot.retrieval, "FULL_NAMES", True)
    answer = service.ask(question)
    assert retains in answer.citations[0].text
    assert answer.refused == before.refused


def test_places_counted_quote_the_places(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "how many states" asks for a number the sources give by naming the states: the quote is
    # chosen as for "which states" (session 24, bot.answer.PLACES_COUNTED); it quoted the
    # carbon-neutral factories.
    question = "how many states will have factories"
    answer = service.ask(question)
    assert "Texas and Michigan" in answer.answer
    assert answer.outcome == "partial"  # the number itself is not written
    monkeypatch.setattr(bot.answer, "PLACES_COUNTED", False)
    assert "Texas and Michigan" not in service.ask(question).answer

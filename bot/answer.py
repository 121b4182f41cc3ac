"""Hits -> an `Answer`: platform-neutral data that every front end renders.

Nothing is generated: the answer text is the best supporting sentence(s), quoted verbatim from
the cited passages. An answer has one of three outcomes: "answered"; "partial", when the question
asks for a kind of thing (an amount, a date, ...) the quoted sentence does not hold: the quote and
citations stay, labelled "The sources don't say …; the closest passage:"; and "refused", when no
passage is similar enough to the question at all.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import quote

import numpy as np

from bot import question_kind, token_evidence
from bot.chunking import Passage
from bot.definitions import asked_to_define, defines, writes_name
from bot.errors import BadQuestion
from bot.lookups import names_in
from bot.named_part import named_line
from bot.question_kind import Kind, asked_kind, holds
from bot.retrieval import LATE_SENTENCE_WEIGHT, Hit, TokenEvidence
from bot.settings import MAX_QUESTION_CHARS
from bot.token_evidence import (
    said_in_other_words,
    unanswered_weak_words,
    unsaid_in_other_words,
    weak_focus,
    weak_focus_in_quote,
    weak_words,
    word_evidence,
)
from bot.unsaid import (
    WHAT_IS_MISSING,
    unanswered_how_to,
    unidentified_which,
    unknown_named_thing,
    unmatched_words,
    unmentioned_attribute,
    unmentioned_compared,
    unmentioned_focus,
    unmentioned_names,
    unnamed_particular,
    unreported_words,
    unsaid_predicate,
    with_headings,
)

REFUSAL = "The sources I have don't cover that question."
Outcome = Literal["answered", "partial", "refused"]
# The neighbouring sentence joins the answer when it scores at least this share of the best one:
# it often names what the best sentence only points at. 0.7 keeps answers at ~1.4 sentences
# (measured on the shipped question set: lower adds sentences, higher loses expected phrases).
SECOND_SENTENCE_RATIO = 0.7
# Whether a neighbour joins the quote (and a sentence is judged a neighbour worth adding) on its
# score without locality's lift (`Hit.sentence_lift`). Off since session 11: the lifted join
# quotes XQuAD-en's answer span more often (0.9089 -> 0.9131) and, with KIND_WITHOUT_LIFT, a
# neighbour's year no longer reads as the date asked for (every tuning figure the same either
# way). The passage lift (`Hit.passage_lift`) never counts for joining: it weighs passages.
JOIN_WITHOUT_LIFT = False
# An answer counts as holding the kind asked for (a date, an amount, a place, ...) only if the
# quote chosen without locality's lift holds one too: the lift, a neighbour's words matched, may
# choose the quote but not the outcome ("When will Amazon's first EV be released?" quoted the
# pledge "by 2040" only once lifted, and the year read as the date asked for). So the window
# never presents as answered what the bot without it would label.
KIND_WITHOUT_LIFT = True
# A question asking for a place, person or company quotes a sentence naming one when it scores
# at least this share of the best sentence (0.8 to 0.95 measured the same on the tuning sets).
NAMED_KIND_RATIO = 0.9
# The neighbour naming a place, person or company the best sentence does not joins the quote from
# this share of the best one's score: "in talks with several battery manufacturers" is followed by
# "Panasonic and NVIDIA" (0.26 against 0.40). 0.4, 0.5 and 0.6 measured the same on every set.
NEW_NAME_RATIO = 0.5
# A best sentence this short often only announces what the next one says ("However, Tesla is not
# without its vulnerabilities." before "Production delays, …"): the sentence after it joins the
# quote from `ANNOUNCED_RATIO` of its score, and its passage is cited first (tuning: 8 or 10 words
# gained the same as 8, 12 one more, 15 joined a sentence to many whole answers; 0.3-0.7 alike).
ANNOUNCING_WORDS = 12
ANNOUNCED_RATIO = 0.5
# For a question asked alone, the passage of the announcing sentence is cited first, not the one of
# the sentence it announces (the quote opens there): "is tesla bulletproof or nah" quotes "However,
# Tesla is not without its vulnerabilities. Production delays, …" and cited the "Production
# delays" paragraph first. Not for follow-ups: with them a held-out conversation fell. Session 31,
# tuning first 538 -> 540 of 764, the rest identical (docs/quality-log.md, "The announcing
# sentence's passage first (session 31)"). False: the announced sentence's passage first.
ANNOUNCING_PASSAGE_FIRST = True
# The best sentence of the passage the ranking puts first is quoted over a better-scoring sentence
# of another cited passage when within this margin of it (0: off, the quote decides alone; see
# docs/quality-log.md "Which passage is quoted first (session 12)").
FIRST_PASSAGE_MARGIN = 0.0
# For a question asked alone (no conversation before), each cited passage's sentences are lowered
# by this times its re-ranked place - 1, so the re-ranking's first passage is quoted more often;
# not for follow-ups, whose conversations it lost (0: off; docs/quality-log.md "Which passage is
# quoted first", sessions 12 and 13: on at 0.04 with PLACE_LEAD, tuning first 240 -> 244 of 314).
PLACE_WEIGHT = 0.04
# PLACE_WEIGHT applies only when the re-ranking puts its first passage at least this far ahead
# of its second (fused score: weighted z-scores); where the two are close, the order is no
# evidence for quoting the first (XQuAD-en answer span 0.9131 off, 0.9105 at 0.04 without it,
# 0.9131 with it; docs/quality-log.md "Which passage is quoted first (session 13)").
PLACE_LEAD = 2.5
# The units PLACE_LEAD is counted in: "fused" (the re-ranking's score, weighted z-scores), "maxsim"
# (the first passage's MaxSim less the second's, late interaction's raw score) or "spread" (the
# first's fused lead over the cited passages' standard deviation); measured in docs/quality-log.md,
# "The lead in other units (session 13)": fused kept.
PLACE_LEAD_UNITS = "fused"
# With PLACE_WEIGHT, the answer is presented as answered only when the quote chosen without the
# weight is too (bot.service.composed_as_asked): the weight chooses the quote, not the outcome.
PLACE_OUTCOME_ON_BOTH = True
# For a question asked alone, the quoted sentence (and so the passage cited first) is chosen by
# QUOTE_MAXSIM_WEIGHT x its MaxSim + locality's lift + QUOTE_SURFACE_WEIGHT x the rest of its
# score (cosine, term overlap), not by its whole score: the cosine and the literal overlap favour
# broad sentences sharing a word ("world", "who"). Neighbours join and follow-ups quote on the
# whole score, and the outcome is judged on the quote without it too (PLACE_OUTCOME_ON_BOTH).
# Tuning first 264 -> 269 of 339, held out 206 -> 218 of 274, XQuAD-en span 0.9131 both (0 and
# 1: tuning 271, span 0.9122); None: the whole score (docs/quality-log.md, "Which sentence is quoted
# (session 14)").
QUOTE_MAXSIM_WEIGHT: float | None = 1.5
QUOTE_SURFACE_WEIGHT = 0.1
# In that choice, each sentence's MaxSim also gains QUOTE_SPREAD_WEIGHT x its tokens' matches
# z-scored among every cited sentence (IDF-weighted mean; a token's spread counted at least
# QUOTE_SPREAD_FLOOR, so a word all of them match alike is not blown up): each question word then
# counts by how far it sets a sentence apart ("rival carmakers ... market share" quotes Ford's and
# Lucid's sentence, not the space race's). 0: off (docs/quality-log.md, "The quote's tokens among
# the cited sentences (session 15)").
QUOTE_SPREAD_WEIGHT = 0.1
QUOTE_SPREAD_FLOOR = 0.1
# In that choice, each sentence also gains QUOTE_OWN_WEIGHT x its cosine with the question, the
# sentence encoded on its own (`Hit.own_cosines`, bot.retrieval.OWN_SENTENCE_COSINES): a question
# in other words than the article's ("are we at the tail end of the electric car boom") is nearest
# the one sentence saying it ("The electric vehicle revolution is only just beginning") while its
# chat words match tokens anywhere. Only the quote (and so the passage cited first) of a question
# asked alone; the outcome is judged on the quote chosen without it too (PLACE_OUTCOME_ON_BOTH).
# Off (measured, not taken): at 1 with bot.retrieval.SENTENCE_ALONE_WEIGHT 2, tuning first / top 3
# / words 514 / 623 / 507 -> 525 / 633 / 520 of 714 but conversations 774 -> 772 of 906; held out
# 459 / 558 / 455 -> 465 / 576 / 465 of 649, but `quality-holdout` first 23 -> 22 of 25 and
# other sets' first places fell. Session 29 (docs/quality-log.md, "Sentences on their own in the
# quote (session 29)"). 0: off.
QUOTE_OWN_WEIGHT = 0.0
# How many of the last citations the passages of bot.retrieval.FURTHER_CITATIONS_WEIGHT's
# re-ranking may take, the quoted passages always kept: 1 (tuning top 3 643 -> 654 of 739, 14
# gained, 3 lost) kept fewer losses than every citation after the quoted ones (-> 654, 15 and 4).
# Session 30 (docs/quality-log.md, "Further citations by sentences on their own (session 30)").
FURTHER_CITATIONS = 1
# A question asked alone quotes the cited sentence nearest it encoded on its own (`Hit.
# own_cosines`, bot.retrieval.OWN_SENTENCE_COSINES) instead of the best-scoring one when its cosine
# leads that one's by OWN_SENTENCE_LEAD and its score is at least OWN_SENTENCE_RATIO of the best:
# only where the model, comparing the question with one sentence as it was trained to, decides
# clearly ("does this ev move change anything for amazon itself" quotes "reshapes Amazon's
# industrial strategy"). Session 29's weight (QUOTE_OWN_WEIGHT) in every choice churned the first
# places. Off (measured, not taken): at 0.2 and 0.9, tuning first / top 3 / words 527 / 643 / 520
# -> 531 / 643 / 523 of 739 (4 gained, 1 lost; conversations 800 -> 801; 0.2 and 0.8: 533 / 524
# with 3 lost; 0.1-0.15 without a ratio: 22-51 lost), but held out first fell by one on two sets
# (`quality-holdout-5`, `-6`) and rose on two (674: first 470 either way). Session 30
# (docs/quality-log.md, "The sentence nearest on its own (session 30)"). None: off.
OWN_SENTENCE_LEAD: float | None = None
OWN_SENTENCE_RATIO = 0.9
# A why-question's best sentence whose subject points back ("This makes the stakes incredibly
# high.") states an effect whose cause the sentence before it gives ("As fossil fuel bans loom
# …"): that sentence joins the quote. Session 16, on: with bot.conversation.SAME_AS_BEFORE,
# tuning conversations 328 -> 330 of 386, no single question moved either side, XQuAD-en span
# 0.9131 both (docs/quality-log.md, "Conversations (session 16)"); `quality.py --follow-ups-16 why`.
WHY_ANTECEDENT = True
# "who is jeff bezos", "what is tesla": a question asking only what a name is quotes a sentence
# saying what it is (the name, or its last word, before "is / are / remains", or after another
# name and "and": "Jeff Bezos and Elon Musk are two of the most influential entrepreneurs"; or
# followed by ", a / an": "Rivian, an electric truck and SUV manufacturer") when one scores
# at least this share of the best sentence: the best was a sentence merely naming it ("Jeff Bezos
# has an opportunity to set a new standard."). Session 23, the lead's probes: of the set texts it
# reads (19 tuning, 6 held out) no answer changes, XQuAD-en's span stays 0.9131
# (docs/quality-log.md, "Chat words and definitions (session 23)"). 0.8 then; 0.7 since session
# 24, with the passage saying it cited from the whole ranking (bot.retrieval.DEFINING_PASSAGE):
# "who is jeff" quotes "Jeff Bezos and Elon Musk are two of …" (0.75 of "Jeff Bezos has an
# opportunity …"); no tuning figure moves and XQuAD-en stays 0.9863 / 0.9818 / span 0.9131
# (docs/quality-log.md, "Definitions from the whole ranking (session 24)"). 0: off.
DEFINING_RATIO = 0.7
# A question asked alone naming a line of the text ("how does the writer set the scene at the very
# start", "the final line": `bot.named_part.named_line`) quotes the first sentence of the passage
# cited first (its last for a closing line), which `bot.retrieval.NAMED_LINE` makes the part's,
# when it scores at least this share of the best sentence: "at the very start" quoted the
# opening's third sentence (0.61 of its score; the two other tuning questions naming a line quote
# it at 1.0). Session 27 (docs/quality-log.md, "Lines of the text (session 27)"). 0: off.
NAMED_LINE_RATIO = 0.5
_POINTING_SUBJECT = re.compile(r"(?:this|that|these|those)\b", re.IGNORECASE)
_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
# "how many states will have factories" asks for a number, and the sources answer it by naming
# the places ("production lines … in Texas and Michigan"): the quote is chosen as for "which
# states" (NAMED_KIND_RATIO), where it quoted "carbon-neutral factories"; the label still asks
# for the number. Session 24, a probe (docs/quality-log.md, "Places counted (session 24)"): no
# tuning text reads it, one held out does. False: off.
PLACES_COUNTED = True
_COUNTS_PLACES = re.compile(
    r"\bhow\s+many\s+(?:\w+\s+)?(?:cities|countries|states|regions|continents|places|locations"
    r"|sites)\b",
    re.IGNORECASE,
)
# "how's this different from the rivian investment" asks for the contrast, and the sources state
# it in the sentence after the one naming what is compared ("In fact, Amazon previously invested in
# Rivian …" then "However, this new venture appears to be far more direct …"): a question asking
# how things differ or compare quotes the sentence after its quote's last one when that sentence
# opens with a word of contrast. Only a sentence is added, none taken away. Session 25 (tuning
# words 454 -> 455 of 614, nothing else moves; docs/quality-log.md, "The contrast asked for
# (session 25)"). False: off.
CONTRAST_JOINS = True
_ASKS_CONTRAST = re.compile(
    # "different question: …" announces a new topic, no contrast.
    r"\b(?:differ\w*(?!\s+(?:question|topic|thing|subject|note|q)\b)|difference|unlike"
    r"|contrast\w*|compared?\s+(?:to|with)|versus|vs\.?)(?!\w)",
    re.IGNORECASE,
)
_OPENS_CONTRAST = re.compile(r"(?:However|But|Yet|In contrast|Unlike|Still|Instead)\b")
NAMED_KINDS: frozenset[Kind | None] = frozenset({"place", "person", "organisation"})
KIND_KINDS = ("place", "person", "organisation")


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    url: str | None
    section: str | None
    text: str
    score: float
    passage_id: str = ""
    published: str | None = None  # the article's publication date, where known
    # The URL with a text fragment (`#:~:text=`) that scrolls to the passage's best sentence.
    link: str | None = None


def reply_answer(
    question: str, text: str, kind: str, *, answered: bool = False, built_at: str | None = None
) -> Answer:
    """A reply of `kind` to `question` saying `text`: nothing quoted, nothing logged; outcome
    "answered" when it says what was asked (the front matter, the headings), else "refused"."""
    return Answer(
        id=uuid.uuid4().hex,
        question=question,
        answer=text,
        refused=not answered,
        index_built_at=built_at,
        outcome="answered" if answered else "refused",
        reply=kind,
    )


@dataclass(frozen=True)
class Quote:
    """One sentence of the answer and the citation it is quoted from."""

    text: str
    citation: int


@dataclass(frozen=True)
class Answer:
    id: str
    question: str
    answer: str
    refused: bool
    citations: tuple[Citation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    index_built_at: str | None = None  # when the index answered from was built (ISO 8601, UTC)
    outcome: Outcome = "answered"  # "refused" exactly when `refused`
    # A partial answer: what the sources don't say ("when", "anything about BYD", ...).
    missing: str | None = None
    # A reply quoting nothing, kept out of the query log, and which: small talk's "greeting",
    # "thanks" or "help", "article" (the front matter), "sections" (the headings), "sorry" (a
    # complaint), "start over", "citations" ("source 9?" past the last), "language" (a question in
    # another script), "more" (a run of requests for more too long); None for an answer.
    reply: str | None = None

    @property
    def partial_label(self) -> str | None:
        """What a front end shows above a partial answer's quote; None for the other outcomes."""
        if self.outcome != "partial":
            return None
        return f"The sources don't say {self.missing or 'that'}; the closest passage:"

    @property
    def quoted_passages(self) -> tuple[Citation, ...]:
        """The citations the answer text is quoted from: what a vote on the answer is about."""
        return tuple(c for c in self.citations if self.quoted_from(c.n))

    def quoted_from(self, n: int) -> str | None:
        """What the answer quotes from citation `n`, or None when it quotes nothing of it."""
        return " ".join(q.text for q in self.quotes if q.citation == n) or None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "outcome": self.outcome,
            "partial_label": self.partial_label,
            "citations": [asdict(c) for c in self.citations],
            "quotes": [asdict(q) for q in self.quotes],
            "timings_ms": self.timings_ms,
            "index_built_at": self.index_built_at,
            "reply": self.reply,
        }


def day(value: object) -> str | None:
    """An ISO date or time as "24 Nov 2026", how every front end shows dates; None when empty.

    Any other text (a date the article wrote its own way) comes back as given, for the caller
    to escape.
    """
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    try:
        when: date = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = date.fromisoformat(text[:10])
        except ValueError:
            return text
    return f"{when.day} {when:%b %Y}"


def validate_question(question: str) -> str:
    text = " ".join(question.split())
    if not text:
        raise BadQuestion("the question is empty: ask something about the EV rivalry")
    if len(text) > MAX_QUESTION_CHARS:
        raise BadQuestion(
            f"the question is {len(text):,} characters; keep it under {MAX_QUESTION_CHARS:,}"
        )
    return text


def compose_answer(
    question: str,
    hits: Sequence[Hit],
    articles: Mapping[str, Mapping[str, Any]],
    *,
    min_score: float,
    built_at: str | None = None,
    best_similarity: float | None = None,
    embed: Callable[[str], Any] | None = None,
    encode: Callable[[Sequence[str]], Any] | None = None,
    holds_term: Callable[[str], bool] | None = None,
    passages_with: Callable[[str], int] | None = None,
    passage_count: int = 0,
    alone: bool = False,
) -> Answer:
    """The quoted answer, or a refusal when no passage is similar enough to the question.

    `best_similarity` is the question's best cosine with any passage of the index (by default,
    with the cited ones): a passage BM25 kept out of the citations still shows the sources cover
    the question. `embed` (a text's normalised vector) lets a question's focus the passages
    never name count as answered when it pulls the question toward the quoted passage. `encode`
    (texts' normalised vectors) and `holds_term` (whether any passage holds a stemmed term) label
    an answer partial when the question uses a word no passage holds and the quote does not
    answer it ("What tires will the Amazon EV use?"; `unsaid.unmatched_words`). `alone`
    (asked with no conversation before) quotes with `PLACE_WEIGHT`. `passages_with` (how many of
    the `passage_count` passages hold a word) reads a rare name's predicate (`unsaid_predicate`).
    """
    answer_id = uuid.uuid4().hex
    best = max(
        [h.dense for h in hits] + ([best_similarity] if best_similarity is not None else []),
        default=-1.0,
    )
    evidence = [h.evidence for h in hits if h.evidence is not None]
    rescued = (
        token_evidence.RESCUE_MAXSIM is not None
        and best < min_score
        and len(evidence) == len(hits) > 0
        and token_evidence.maxsim_over(evidence[0].weights, [e.best for e in evidence])
        >= token_evidence.RESCUE_MAXSIM
    )
    if not hits or (best < min_score and not rescued):
        return Answer(
            id=answer_id,
            question=question,
            answer=REFUSAL,
            refused=True,
            index_built_at=built_at,
            outcome="refused",
        )
    kind = asked_kind(question)
    # Session 10's forms label the answer; the quote is chosen as before them (its kind read
    # from the question's first words), so no quoted sentence or first citation changes.
    quote_kind = asked_kind(question, for_label=False)
    if PLACES_COUNTED and quote_kind == "number" and _COUNTS_PLACES.search(question):
        quote_kind = "place"  # the places named are the count's answer
    place_weight = PLACE_WEIGHT if alone else 0.0
    by_tokens = alone and QUOTE_MAXSIM_WEIGHT is not None
    quotes, quoted, quoted_text = _best_sentences(
        hits, quote_kind, question, place_weight, by_tokens, alone
    )
    judged = [quoted_text]
    lift_judged = kind is not None and question_kind.judged_without_lift(kind)  # not a place
    if lift_judged and KIND_WITHOUT_LIFT and any(h.sentence_lift for h in hits):
        without_lift = [_without_lift(h) for h in hits]
        # Chosen on the whole score, as before QUOTE_MAXSIM_WEIGHT: that choice is the quote's.
        judged.append(
            _best_sentences(without_lift, quote_kind, question, place_weight, alone=alone)[2]
        )
    # The passage the answer quotes is cited first: where the best sentence and the passage order
    # disagree, the sentence is the finer evidence (tuning: right passage first 82 -> 83 of 117).
    order = [quoted, *(n for n in range(1, len(hits) + 1) if n != quoted)]
    renumbered = {old: new for new, old in enumerate(order, start=1)}
    hits = [hits[n - 1] for n in order]
    quotes = tuple(dataclasses.replace(q, citation=renumbered[q.citation]) for q in quotes)
    # Partial when the quote lacks the kind of thing asked for, or when the question names a
    # company or role ("BYD", "CEO") that no cited passage mentions.
    holds_kind = kind is None or all(
        holds(kind, text, question, of_the_kind_asked=True) for text in judged
    )
    cited = " ".join(h.passage.text for h in hits)
    # Each question word's best token match within the quoted sentence(s).
    in_quote = (
        word_evidence(question, evidence[0].words, _quote_evidence(hits, quotes))
        if evidence
        else {}
    )
    headed = with_headings(cited, [h.passage.section for h in hits])  # "The Future of …"
    attribute = unmentioned_attribute(question, headed)
    if token_evidence.ATTRIBUTE_SAID_IN_OTHER_WORDS and said_in_other_words(attribute, in_quote):
        attribute = []
    unmentioned = unmentioned_names(question, cited) + attribute
    unmentioned += unmentioned_compared(question, cited, holds_term)
    # A how-to question whose verb the quote never uses: the sources don't say how.
    unmentioned += unanswered_how_to(question, " ".join(q.text for q in quotes))
    # "which analysts …" quoted by "some analysts …": the sources don't say which.
    unmentioned += unidentified_which(question, " ".join(q.text for q in quotes))
    # "which tesla model …" quoted by "new models": the sources don't name which.
    unmentioned += unnamed_particular(question, " ".join(q.text for q in quotes))
    # "what did musk tweet …" quoted by a sentence reporting no one's words.
    unmentioned += unreported_words(question, " ".join(q.text for q in quotes), cited)
    unmentioned += unknown_named_thing(question, holds_term)
    # "does lucid make an suv?": a noun no cited sentence naming a rare subject uses.
    sentences = [s for h in hits for s in h.passage.sentence_texts()]
    predicate = unsaid_predicate(question, sentences, passages_with, passage_count)
    unmentioned += unsaid_in_other_words(predicate, in_quote, question)  # "car": "these EVs"
    if question_kind.NAMED_THING_RULES and holds_kind and not unmentioned:
        unmentioned = unmentioned_focus(question, cited, _pull(embed, hits[0].passage.text))
    if holds_kind and not unmentioned and encode is not None and holds_term is not None:
        unmentioned = unmatched_words(
            question, " ".join(q.text for q in quotes), holds_term, encode
        )
    # Each question word's best token match in any cited passage.
    best = [e.best for e in evidence]
    matched = word_evidence(question, evidence[0].words, best) if evidence else {}
    weak = token_evidence.RESCUE_WEAK_MATCH if rescued else token_evidence.WEAK_MATCH
    if holds_kind and not unmentioned and evidence and weak is not None:
        # Words no token of the cited passages matches: what the sources do not say.
        unmentioned = weak_words(matched, weak, 1 if rescued else 2, holds_term)
        if unmentioned and encode is not None and token_evidence.WEAK_UNKNOWN_ONLY:
            # Only what the quote does not answer in other words ("passing fad" it does).
            quoted_words = " ".join(q.text for q in quotes)
            at_least = 1 if rescued else token_evidence.WEAK_UNKNOWN_AT_LEAST
            unmentioned = unanswered_weak_words(
                question, unmentioned, quoted_words, encode, at_least
            )
    if holds_kind and not unmentioned and evidence and token_evidence.FOCUS_WEAK_MATCH is not None:
        # The thing asked for by name, matched by no token of the cited passages ("interest rate").
        unmentioned = weak_focus(question, matched, token_evidence.FOCUS_WEAK_MATCH)
    quote_weak = token_evidence.FOCUS_QUOTE_WEAK_MATCH
    if holds_kind and not unmentioned and evidence and quote_weak is not None:
        # The thing asked for by name, matched weakly by the quote itself ("warranty" in a
        # sentence about carbon neutrality) and not well anywhere cited.
        unmentioned = weak_focus_in_quote(question, in_quote, matched, quote_weak)
    answered = holds_kind and not unmentioned
    hits, quotes = _with_further_citations(hits, quotes)
    citations = tuple(
        _citation(n, hit, articles.get(hit.passage.doc_id, {}), quotes)
        for n, hit in enumerate(hits, start=1)
    )
    return Answer(
        id=answer_id,
        question=question,
        answer=" ".join(q.text for q in quotes),
        refused=False,
        citations=citations,
        quotes=quotes,
        index_built_at=built_at,
        outcome="answered" if answered else "partial",
        missing=None if answered else _what_is_missing(kind, holds_kind, unmentioned),
    )


def _with_further_citations(
    hits: Sequence[Hit], quotes: tuple[Quote, ...]
) -> tuple[list[Hit], tuple[Quote, ...]]:
    """The hits to cite, as many as there were: those quoted, in their order, then the others
    but the last FURTHER_CITATIONS, then the passages a hit carries as `further`
    (bot.retrieval.FURTHER_CITATIONS_WEIGHT) not cited yet, best first; the quotes renumbered to
    match. As they are when no hit carries any."""
    further = next((h.further for h in hits if h.further), ())
    if not further or not FURTHER_CITATIONS:
        return list(hits), quotes
    quoted = sorted({q.citation for q in quotes})
    kept = [hits[n - 1] for n in quoted]

    def cite(candidates: Sequence[Hit], up_to: int) -> None:
        for hit in candidates:
            if len(kept) < up_to and all(hit.passage.id != k.passage.id for k in kept):
                kept.append(hit)

    cite(hits, len(hits) - FURTHER_CITATIONS)
    cite([*further, *hits], len(hits))
    renumbered = {old: new for new, old in enumerate(quoted, start=1)}
    return kept, tuple(dataclasses.replace(q, citation=renumbered[q.citation]) for q in quotes)


def _without_lift(hit: Hit) -> Hit:
    """The hit with its sentences scored without locality's lift."""
    if not hit.sentence_lift:
        return hit
    scores = tuple(s - x for s, x in zip(hit.sentence_scores, hit.sentence_lift, strict=True))
    return dataclasses.replace(hit, sentence_scores=scores, sentence_lift=(), passage_lift=0.0)


def _quote_evidence(hits: Sequence[Hit], quotes: Sequence[Quote]) -> list[list[float]]:
    """Each quoted sentence's token evidence: every question token's best match within it."""
    found = []
    for q in quotes:
        hit = hits[q.citation - 1]
        texts = hit.passage.sentence_texts()
        if hit.evidence is None or not hit.evidence.sentences or q.text not in texts:
            continue
        column = hit.evidence.sentences[texts.index(q.text)]
        found.append([x if x > -1.0 else 0.0 for x in column])  # -inf: past the model's window
    return found


def _pull(embed: Callable[[str], Any] | None, passage: str) -> Callable[[str, str], float] | None:
    """How much closer a question is to `passage` than the same question made generic."""
    if embed is None:
        return None

    def pull(question: str, generic: str) -> float:
        target = embed(passage)
        return float(embed(question) @ target - embed(generic) @ target)

    return pull


def _what_is_missing(kind: Kind | None, holds_kind: bool, unmentioned: Sequence[str]) -> str:
    """What a partial answer's label says the sources lack: "when", "anything about BYD"."""
    if kind is not None and not holds_kind:
        return WHAT_IS_MISSING[kind]
    # An acronym no cited passage mentions: "that" would leave the asker guessing what.
    return "anything about " + " or ".join(dict.fromkeys(unmentioned))


def _citation(n: int, hit: Hit, article: Mapping[str, Any], quotes: Sequence[Quote]) -> Citation:
    quoted = [q.text for q in quotes if q.citation == n]
    if not quoted:  # not quoted in the answer: point at the passage's own best sentence
        texts = hit.passage.sentence_texts()
        quoted = [texts[max(range(len(texts)), key=lambda i: hit.sentence_scores[i])]]
    return passage_citation(n, hit.passage, article, " ".join(quoted), round(hit.score, 6))


def passage_citation(
    n: int, passage: Passage, article: Mapping[str, Any], quoted: str, score: float
) -> Citation:
    """Citation `n` of `passage` in `article` (its manifest entry), linked to the `quoted` text."""
    url = article.get("url")
    return Citation(
        n=n,
        doc_id=passage.doc_id,
        title=str(article.get("title") or passage.doc_id),
        url=url,
        section=passage.section,
        text=passage.text,
        score=score,
        passage_id=passage.id,
        published=article.get("published"),
        link=text_fragment_link(url, quoted) if url else None,
    )


def passages_answer(
    question: str,
    quoted: Sequence[tuple[Passage, str]],
    articles: Mapping[str, Mapping[str, Any]],
    built_at: str | None,
    empty: str,
) -> Answer:
    """An answer quoting each text of `quoted` (in order) from its passage, each passage cited
    once, numbered as first quoted, not searched (an overview, a section); `empty` is said,
    refused, when nothing is quoted."""
    order = list(dict.fromkeys(passage.id for passage, _ in quoted))
    by_id = {passage.id: passage for passage, _ in quoted}
    quotes = tuple(Quote(text, order.index(passage.id) + 1) for passage, text in quoted)
    citations = tuple(
        passage_citation(
            n,
            by_id[pid],
            articles.get(by_id[pid].doc_id, {}),
            " ".join(q.text for q in quotes if q.citation == n),
            score=0.0,
        )
        for n, pid in enumerate(order, start=1)
    )
    return Answer(
        id=uuid.uuid4().hex,
        question=question,
        answer=" ".join(q.text for q in quotes) or empty,
        refused=not quotes,
        citations=citations,
        quotes=quotes,
        index_built_at=built_at,
        outcome="answered" if quotes else "refused",
    )


# Long quotes are matched by their first and last words (`textStart,textEnd`), which keeps the
# link short and still lands on the same sentence.
_FRAGMENT_EDGE_WORDS = 5


def text_fragment_link(url: str, quote_text: str) -> str | None:
    """`url#:~:text=…`: a link that opens a web page scrolled to the quoted text.

    `quote_text` is plain text, as the page shows it (bot/corpus.py reads the Markdown away). Only
    for http(s) pages; the fragment directive follows any fragment the URL already has.
    """
    if not url.lower().startswith(("http://", "https://")):
        return None
    words = quote_text.split()
    if not words:
        return url
    if len(words) > 2 * _FRAGMENT_EDGE_WORDS + 2:
        directive = ",".join(
            _fragment_part(" ".join(part))
            for part in (words[:_FRAGMENT_EDGE_WORDS], words[-_FRAGMENT_EDGE_WORDS:])
        )
    else:
        directive = _fragment_part(" ".join(words))
    return f"{url}{':~:' if '#' in url else '#:~:'}text={directive}"


def _fragment_part(text: str) -> str:
    """Percent-encode for a text directive, where `-`, `,` and `&` are syntax."""
    return quote(text, safe="").replace("-", "%2D")


def _best_sentences(
    hits: Sequence[Hit],
    kind: Kind | None = None,
    question: str = "",
    place_weight: float = 0.0,
    by_tokens: bool = False,
    alone: bool = False,
) -> tuple[tuple[Quote, ...], int, str]:
    """The best-scoring sentence, plus its better neighbour in the passage when relevant enough.

    Returns the quotes, the quoted passage's number, and the text whose kind the label judges.

    Sentences compete on their own scores across all cited passages: adding the passage's
    similarity as well lost answers on the shipped question set (66 vs 68 of 100), and weighing
    in the passage's fused score lost answer spans on XQuAD (docs/quality-log.md). When the question
    asks for a place, a person or a company and the best sentence names none, a sentence that
    does, within `NAMED_KIND_RATIO` of the best one's score, is quoted instead: "In which states
    would Bezos manufacture his cars?" quotes Texas and Michigan. A neighbour naming one the best
    sentence does not joins it from `NEW_NAME_RATIO` ("who supplies the batteries?"). Not for
    amounts, numbers and dates: those found an unrelated year or count as often as the answer.
    A short best sentence is quoted with the sentence after it, whose passage is then the quoted
    one (`ANNOUNCING_WORDS`): "However, Tesla is not without its vulnerabilities." announces
    "Production delays, …". `place_weight` lowers each passage's sentences by it times the
    passage's place - 1, the passage lift's way: a neighbour's joining is unmoved. `by_tokens`
    chooses with `QUOTE_MAXSIM_WEIGHT` and `QUOTE_SURFACE_WEIGHT` (`_choice_scores`).
    """
    candidates = [
        (n, i) for n, hit in enumerate(hits, start=1) for i in range(len(hit.sentence_scores))
    ]

    lowered = _place_penalties(hits, place_weight)
    chosen_by = _choice_scores(hits) if by_tokens else [h.sentence_scores for h in hits]

    def score(ni: tuple[int, int]) -> float:
        return chosen_by[ni[0] - 1][ni[1]] - lowered[ni[0] - 1]

    def joining(ni: tuple[int, int]) -> float:
        hit = hits[ni[0] - 1]
        own = hit.sentence_scores[ni[1]]
        if hit.sentence_lift and JOIN_WITHOUT_LIFT:
            return own - hit.sentence_lift[ni[1]]
        return own - hit.passage_lift  # passage evidence weighs passages, not neighbours

    def text(ni: tuple[int, int]) -> str:
        return hits[ni[0] - 1].passage.sentence_texts()[ni[1]]

    def holds_kind(ni: tuple[int, int]) -> bool:
        return kind is not None and holds(kind, text(ni), question)

    def in_document_order(ni: tuple[int, int]) -> tuple[int, int]:
        # A neighbour in the passage before comes first.
        return hits[ni[0] - 1].passage.start, ni[1]

    best = max(candidates, key=score)
    if OWN_SENTENCE_LEAD is not None and alone:
        best = _nearest_on_its_own(hits, candidates, best, score)
    if FIRST_PASSAGE_MARGIN and best[0] != 1:
        first = max((ni for ni in candidates if ni[0] == 1), key=score, default=None)
        if first is not None and score(first) >= score(best) - FIRST_PASSAGE_MARGIN:
            best = first
    defined = asked_to_define(question) if DEFINING_RATIO else None
    # Only a name the cited passages write whole: "who was nikola tesla" is no "Tesla".
    if defined is not None and not any(writes_name(text(ni), defined) for ni in candidates):
        defined = None
    if defined is not None and not defines(text(best), defined):
        defining = [ni for ni in candidates if defines(text(ni), defined)]
        if defining and score(alt := max(defining, key=score)) >= DEFINING_RATIO * score(best):
            best = alt
    line = named_line(question) if NAMED_LINE_RATIO and alone else None
    if line is not None:  # asked alone: the part's passage is cited first
        named = (1, 0 if line == "opening" else len(hits[0].sentence_scores) - 1)
        if score(named) >= NAMED_LINE_RATIO * score(best):
            best = named
    if kind in NAMED_KINDS and not holds_kind(best):
        naming = [ni for ni in candidates if holds_kind(ni)]
        if naming and score(alt := max(naming, key=score)) >= NAMED_KIND_RATIO * score(best):
            best = alt
    best_score = joining(best)
    runner = max(_neighbours(hits, best), key=joining, default=None)
    chosen = [best]
    if runner is not None and joining(runner) >= SECOND_SENTENCE_RATIO * best_score:
        chosen.append(runner)
    # The label judges the sentences chosen on their scores: a name joining as context must not
    # make an unanswered question look answered.
    evidence = " ".join(text(ni) for ni in sorted(chosen, key=in_document_order))
    quoted = best[0]
    if announces(text(best)):
        after = [
            ni for ni in _neighbours(hits, best) if in_document_order(ni) > in_document_order(best)
        ]
        for ni in after:
            if ni not in chosen and joining(ni) >= ANNOUNCED_RATIO * best_score:
                chosen.append(ni)
            if ni in chosen and not (ANNOUNCING_PASSAGE_FIRST and alone):
                quoted = ni[0]
    if WHY_ANTECEDENT and best[1] and _WHY.search(question) and _POINTING_SUBJECT.match(text(best)):
        cause = (best[0], best[1] - 1)
        if cause not in chosen:
            chosen.append(cause)
    if kind in NAMED_KINDS and len(chosen) == 1:
        known = names_in(text(best), question)
        naming = [
            ni
            for ni in _neighbours(hits, best)
            if joining(ni) >= NEW_NAME_RATIO * best_score
            and holds_kind(ni)
            and names_in(text(ni), question) - known
        ]
        if naming:
            chosen.append(max(naming, key=joining))
    chosen.sort(key=in_document_order)
    if CONTRAST_JOINS and _ASKS_CONTRAST.search(question):
        last = chosen[-1]
        after = (last[0], last[1] + 1)
        if after[1] < len(hits[last[0] - 1].passage.sentences) and _OPENS_CONTRAST.match(
            text(after)
        ):
            chosen.append(after)  # the contrast asked for; the label judges the quote as chosen
    quotes = tuple(Quote(text(ni), ni[0]) for ni in chosen)
    return quotes, quoted, evidence


def _nearest_on_its_own(
    hits: Sequence[Hit],
    candidates: Sequence[tuple[int, int]],
    best: tuple[int, int],
    score: Callable[[tuple[int, int]], float],
) -> tuple[int, int]:
    """The cited sentence whose own cosine with the question leads `best`'s by
    OWN_SENTENCE_LEAD, scoring at least OWN_SENTENCE_RATIO of it; `best` where none does or the
    cosines were not read (a follow-up's hits)."""
    own = {
        ni: hits[ni[0] - 1].own_cosines[ni[1]]
        for ni in candidates
        if len(hits[ni[0] - 1].own_cosines) == len(hits[ni[0] - 1].sentence_scores)
    }
    if best not in own or OWN_SENTENCE_LEAD is None:
        return best
    nearest = max(own, key=own.__getitem__)
    if own[nearest] - own[best] >= OWN_SENTENCE_LEAD and score(
        nearest
    ) >= OWN_SENTENCE_RATIO * score(best):
        return nearest
    return best


def _choice_scores(hits: Sequence[Hit]) -> list[tuple[float, ...]]:
    """Each cited sentence's score for choosing the quote: `QUOTE_MAXSIM_WEIGHT` x its MaxSim +
    locality's lift + `QUOTE_SURFACE_WEIGHT` x the rest (cosine, term overlap: the whole score
    less the MaxSim at the weight retrieval added it with, and the lift); the whole score where a
    hit lacks token evidence (late interaction off) or the weight is None."""
    weight = QUOTE_MAXSIM_WEIGHT
    if weight is None or any(h.evidence is None or not h.evidence.sentences for h in hits):
        return [h.sentence_scores for h in hits]
    evidence = [h.evidence for h in hits if h.evidence is not None]  # every hit's, checked above
    standing = _standing(evidence) if QUOTE_SPREAD_WEIGHT else [None] * len(hits)
    found = []
    for hit, own_evidence, stood in zip(hits, evidence, standing, strict=True):
        own = own_evidence.sentence_maxsim  # as retrieval added it to the sentence scores
        lift = hit.sentence_lift or (0.0,) * len(hit.sentence_scores)
        spread = (0.0,) * len(own) if stood is None else QUOTE_SPREAD_WEIGHT * stood
        alone = _own_cosines(hit)
        found.append(
            tuple(
                weight * (m + z)
                + x
                + QUOTE_SURFACE_WEIGHT * (s - LATE_SENTENCE_WEIGHT * m - x)
                + QUOTE_OWN_WEIGHT * c
                for s, m, z, x, c in zip(hit.sentence_scores, own, spread, lift, alone, strict=True)
            )
        )
    return found


def _own_cosines(hit: Hit) -> tuple[float, ...]:
    """The hit's sentences' cosines encoded on their own (QUOTE_OWN_WEIGHT), 0 each where off
    or not read."""
    if QUOTE_OWN_WEIGHT and len(hit.own_cosines) == len(hit.sentence_scores):
        return hit.own_cosines
    return (0.0,) * len(hit.sentence_scores)


def _standing(evidence: Sequence[TokenEvidence]) -> list[np.ndarray]:
    """Each cited sentence's IDF-weighted mean of its question tokens' matches, each match
    z-scored among that token's matches in every cited sentence (0 past the model's window)."""
    within = [e.within_sentences() for e in evidence]
    every = np.concatenate(within, axis=1)  # tokens x every cited sentence
    finite = np.isfinite(every)
    values = np.where(finite, every, 0.0)
    counted = np.maximum(finite.sum(axis=1, keepdims=True), 1)
    mean = values.sum(axis=1, keepdims=True) / counted
    spread = np.sqrt(
        np.where(finite, (values - mean) ** 2, 0.0).sum(axis=1, keepdims=True) / counted
    )
    z = np.where(finite, (values - mean) / np.maximum(spread, QUOTE_SPREAD_FLOOR), 0.0)
    weights = np.asarray(evidence[0].weights, np.float64)  # the question's, alike in every hit
    total = weights.sum()
    ends = np.cumsum([m.shape[1] for m in within])
    return [
        (weights @ part / total) if total > 0 else np.zeros(part.shape[1])
        for part in np.split(z, ends[:-1], axis=1)
    ]


def _place_penalties(hits: Sequence[Hit], place_weight: float) -> list[float]:
    """How much each cited passage's sentences are lowered: `place_weight` times its place - 1,
    only when the re-ranking puts its first passage `PLACE_LEAD` or more ahead of its second."""
    if not place_weight or (len(hits) > 1 and _first_lead(hits) < PLACE_LEAD):
        return [0.0] * len(hits)
    return [place_weight * n for n in range(len(hits))]


def _first_lead(hits: Sequence[Hit]) -> float:
    """How far the re-ranking's first passage leads its second, in `PLACE_LEAD_UNITS`."""
    if PLACE_LEAD_UNITS == "maxsim":
        first, second = hits[0].evidence, hits[1].evidence
        if first is None or second is None:
            return hits[0].score - hits[1].score  # no late interaction: the fused lead
        return first.maxsim() - second.maxsim()
    lead = hits[0].score - hits[1].score
    if PLACE_LEAD_UNITS == "spread":
        spread = statistics.pstdev(hit.score for hit in hits)
        return lead / spread if spread > 0 else 0.0
    return lead


def announces(sentence: str) -> bool:
    """Whether a sentence is short enough to be announcing the next one rather than answering."""
    return len(sentence.split()) <= ANNOUNCING_WORDS


# Passages this close are neighbours in their document (the blank line between paragraphs).
_ADJACENT_CHARS = 4


def _neighbours(hits: Sequence[Hit], at: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences before and after sentence `at` in the document, where they are cited.

    The sentence after the last of a passage opens the next passage, when that one is cited
    too: "However, Tesla is not without its vulnerabilities." is followed by "Production delays,
    quality control issues, …" in the next paragraph.
    """
    n, i = at
    passage = hits[n - 1].passage
    found = [(n, j) for j in (i - 1, i + 1) if 0 <= j < len(passage.sentences)]
    for m, other in enumerate(hits, start=1):
        p = other.passage
        if p.doc_id != passage.doc_id or not p.sentences:
            continue
        if i == len(passage.sentences) - 1 and 0 <= p.start - passage.end <= _ADJACENT_CHARS:
            found.append((m, 0))
        if i == 0 and 0 <= passage.start - p.end <= _ADJACENT_CHARS:
            found.append((m, len(p.sentences) - 1))
    return found

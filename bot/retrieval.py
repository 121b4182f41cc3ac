"""A question -> the best passages: dense and BM25 scores fused, near-duplicates dropped.

Fusion adds z-scores: each scorer's scores over every passage are shifted to mean 0 and scaled to
standard deviation 1 for this query, so cosine and BM25 land on one scale, and BM25 is weighted
by `lexical_weight`. Unlike reciprocal rank fusion it keeps how far ahead a passage is, not only
its place (docs/retrieval-quality.md has the measurements). Only candidates are scored: the
passages FAISS finds nearest and BM25's best; their z-scores are still exact, from the mean and
variance over every passage (bot/ranking.py), so the search touches a small part of the index.
A passage's dense score also counts its best sentence's cosine (`sentence_weight`), read from
the index's ranking sentence vectors; each hit carries the cosine similarity of the question to
every sentence of its passage, from the pooled sentence vectors, which the answer quotes from.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Literal

import numpy as np

from bot.chunking import Passage
from bot.definitions import asked_to_define, defines
from bot.embedding import Embedder, TokenVectors, set_thread_pools
from bot.index import FULL_REBUILD_HINT, SearchIndex, _dense_text, word_piece_counts
from bot.lexical import (
    EXPANSION_TERMS,
    WordNeighbours,
    WordVectors,
    _stopwords,
    about_the_topic,
    input_word_vectors,
    noun_against_verb,
    other_form,
    shortening,
    spelled_out,
    surnames_of_first_names,
    terms,
    with_surnames,
    without_chat_words,
)
from bot.lookups import people_in
from bot.named_part import Part, named_line, named_part, part_rows
from bot.own_sentences import OwnSentenceVectors
from bot.ranking import (
    cosine_moments,
    segment_max,
    similarity_maxsim,
    sparse_moments,
    top_k,
    window_maxsim,
    zscores,
    zscores_from_moments,
)
from bot.spelling import is_english_word

log = logging.getLogger(__name__)

# Each scorer proposes at least this many candidates: the fused top 10 of the union of both top
# 200s equalled the fused top 10 over all passages on SciFact and XQuAD-en (docs/scale.md).
MIN_DEPTH = 200

# Late interaction (EVBOT_LATE_INTERACTION; docs/quality-log.md, "Late interaction"): the fused top
# LATE_DEPTH passages are re-ranked by their fused score plus LATE_WEIGHT times their MaxSim's
# z-score among them, and each cited sentence's score gains LATE_SENTENCE_WEIGHT times its own
# MaxSim. Chosen on the tuning sets: depth 10 ranked as every passage did (5 lost 4 top-3
# places), weights 0.5-2 alike, sentence weight 0.75 / 1 / 1.5 gained 5 / 6 / 7 first places.
LATE_DEPTH = 10
LATE_WEIGHT = 0.5
LATE_SENTENCE_WEIGHT = 1.0
# The answer's own search (`search_vector`; docs/quality-log.md, "Ranking (session 12)") re-ranks
# deeper and mostly by MaxSim: on the blind tuning sets the top-10 re-ranking had the right
# passage in its top 3 for 84 of 100 questions, MaxSim over every passage for 94. Tuning top 3
# 257 -> 268 of 289, XQuAD-en nDCG@10 0.9838 -> 0.9863. The follow-up decisions keep LATE_DEPTH
# and LATE_WEIGHT (this re-ranking in them lost a tuning conversation). 10 and 0.5: as before.
ANSWER_LATE_DEPTH = 20
ANSWER_LATE_WEIGHT = 6.0
# A short question (at most SHORT_QUESTION_TERMS BM25 terms: "partners?", "bezos pricing
# strategy?") re-ranks with SHORT_ANSWER_LATE_WEIGHT instead, since MaxSim over one to three
# words is a few token matches (docs/quality-log.md, "Ranking (session 13)"). 0:
# off (measured flat).
SHORT_QUESTION_TERMS = 0
SHORT_ANSWER_LATE_WEIGHT = 0.5
# The deeper re-ranking may choose the citations, never the outcome: an answer is presented as
# answered only if the hits of the re-ranking before it (LATE_DEPTH, LATE_WEIGHT) are too, since
# its new citations made near-domain questions read answered by chance ("What color options
# …?" quoting "Blue Origin"). False: the outcome of the answer's own hits alone.
OUTCOME_ON_BOTH_RANKINGS = True
# Locality (docs/quality-log.md, "Ranking fresh phrasings (session 9)", "Locality window on (session
# 10)"): each cited sentence's score also gains this times the best MaxSim of a window of
# LATE_WINDOW_SENTENCES sentences holding it, so the question's words matched close together
# count. Tuning first places +4 of 239, held out +6 of 174, XQuAD-en's answer span 0.9072 ->
# 0.9089; the lift chooses the quote, never the outcome (bot.answer's JOIN_WITHOUT_LIFT and
# KIND_WITHOUT_LIFT), so no near-domain question reads answered that did not without it. 0: off.
LATE_WINDOW_WEIGHT = 0.5
LATE_WINDOW_SENTENCES = 2
# Passage evidence in the quote (docs/quality-log.md, "Ranking (session 11)"): each cited sentence's
# score also gains this times its passage's MaxSim less the best cited passage's (<= 0), so of
# near-tied sentences the one whose passage matches every part of the question is quoted (and
# cited first). Part of the lift: it may choose the quote, never the outcome or a neighbour's
# joining. Tuning first places +3 of 264 (0.5: +2, 1.0: +3 with XQuAD-en's answer span down),
# held out +7 of 199, XQuAD-en unchanged. 0: off.
LATE_PASSAGE_LIFT = 0.75
# Citations chosen for diversity (maximal marginal relevance; docs/quality-log.md, "Ranking and the
# quote (session 16)"): after the first, each citation is the passage of the ranking's first
# CITATION_DIVERSITY_DEPTH whose score's z-score among them less CITATION_DIVERSITY times its
# highest cosine with a passage already cited is best, so two broad passages saying the same
# (the intro and the conclusion) leave the third place to another. Only for a question searched
# as asked (`answer_search`'s `alone`), not with its context: follow-ups lost two tuning
# conversations. Tuning top 3 353 -> 356 of 389, held out 293 -> 297 of 324; 2.0-3.0 alike. 0: off.
CITATION_DIVERSITY = 2.5
CITATION_DIVERSITY_DEPTH = 12
# Another form of a question's word (`bot.lexical.other_form`: "partners" / "partnerships",
# "chargers" / "charging", "hq" / "headquartered") matches a passage token of that word at least
# this well in late interaction, where the model's tokens match it at 0.42-0.59 and a word written
# as asked at 0.7-0.9 (docs/quality-log.md, "Short questions and other word forms (session 19)").
# 0.8 (0.7 in session 19) puts "partnerships" over the verb "partners" of another passage (0.72):
# tuning conversations +3 with FORM_PARTS_OF_SPEECH (docs/quality-log.md, "Short questions: parts
# of speech and shortenings (session 20)"). 0: off.
FORM_MATCH = 0.8
# Only for a question of at most this many counted words (None: any): MaxSim over one to three
# words is a few token matches, where another form is most of the evidence. In longer questions
# derived forms lifted wrong passages ("competition" / "competitors") and XQuAD-en's answer span
# fell by a question (docs/quality-log.md, the same section).
FORM_MATCH_WORDS: int | None = 3
# Another form read only where the dictionary does not read one word as a noun and the other as
# a verb (`bot.lexical.noun_against_verb`): at 0.8 "investors" lifted "invested" and lost "whats
# in it for investors" (session 20).
FORM_PARTS_OF_SPEECH = True
# A contraction ("govt" / "government", `bot.lexical.shortening`) read as another form: "govt
# regs" was refused under the floor (session 20: tuning conversations +1).
FORM_SHORTENINGS = True
# A question after a lead-in of its own ("ok so i keep hearing about this whole bezos vs musk
# thing, what does the article think will actually decide …", "now that the fight has moved from
# rockets to cars, are the consequences bigger or smaller?"): the answer's re-rankings weigh the
# question after the last comma's MaxSim at this share beside the whole question's, since the
# lead-in's chat words pull toward other passages. A share, not the clause alone: XQuAD-en's
# lead-ins hold the question's scope ("During the Bronco's playoff games, who …"; searched by
# the clause alone, nDCG@10 0.9863 -> 0.9829). Tuning first 393 -> 394, top 3 468 -> 469 of 514,
# XQuAD-en unchanged (docs/quality-log.md, "Ranking and lead-ins (session 21)"). 0: off.
LEAD_IN_SHARE = 0.5
# A lead-in is at least this many words and is no question itself ("amazon's net zero deadline,
# what year …" names the topic in four: the clause alone lost it from the top 3).
LEAD_IN_WORDS = 5
# Words about the text or the conversation ("what does it say about ford", "why is rivian
# mentioned", "remind me what the article says about …": `bot.lexical.about_the_topic`) carry no
# topic: a question searched as asked is searched without them (docs/quality-log.md, "Words about
# the text (session 22)"). TOPIC_VECTOR: that form's share of the question's vector (0: off);
# TOPIC_TEXT: BM25, late interaction and the quote read that form. Off: tuning first / top 3 /
# words 410 / 488 / 408 -> 412 / 489 / 409 of 539 asked alone, nothing else moved ("what does it
# say about ford" quoted the conclusion, then Ford's F-150), but held out fell by one first place
# and one quote (360 -> 359 of 474). XQuAD-en unchanged (its search is never "alone").
TOPIC_VECTOR = 0.0
TOPIC_TEXT = False
# Measured, not taken: that form's MaxSim at this share beside the whole's in the re-rankings (as
# LEAD_IN_SHARE; 0.5 gained one first place of the two above). 0: off.
TOPIC_RERANK_SHARE = 0.0
# The answer's coverage rules (bot/service.py: a question of one or two words the sources write)
# read that form: "how is rivian connected to this" is "how is rivian", refused at 0.19. Off
# with the two above: measured with them, not alone.
TOPIC_COVERAGE = False
# Chat words that carry no topic ("tbh", "rn", "or nah": `bot.lexical.without_chat_words`) are
# left out of a question searched as asked, its text and its vector: they pulled toward passages
# about nothing asked ("who is on top of the ev world rn according to this" quoted the space race).
# Session 23 (docs/quality-log.md, "Chat words and definitions (session 23)"). Not for a
# follow-up's context, read as it is; XQuAD-en and SciFact are never searched "alone". False: off.
CHAT_WORDS_OUT = True
# "who is elon musk", "what is tesla" (`bot.definitions.asked_to_define`) asked alone: when no
# cited passage says what the name is (`bot.definitions.defines`), the ranking's best passage
# that does replaces the last citation, so the quote's choice (`bot.answer.DEFINING_RATIO`) can
# quote it ("Jeff Bezos and Elon Musk are two of the most influential entrepreneurs …" where the
# citations held only "speculating on Elon Musk's reaction"). Session 24 (docs/quality-log.md,
# "Definitions from the whole ranking (session 24)"). False: off.
DEFINING_PASSAGE = True
# A first name the sources write before one surname only ("elon": "Elon Musk", `bot.lexical.
# surnames_of_first_names`), asked without it, searched with it in a question searched as asked
# (`bot.lexical.with_surnames`): the model's tokens of "elon" match only the sentences writing
# "Elon Musk", not the many writing "Musk" alone. The citations and the quote only: each hit's
# cosine is the question's as asked, so the refusal is unchanged. Off (measured, not taken):
# tuning first / top 3 / words 439 / 527 / 437 -> 441 / 528 / 439 of 589 ("what happens if elon
# stays on top" quoted "Tesla will need to stay nimble", then "… If Musk retains his crown"),
# nothing else moved, but held out fell (385 / 463 / 382 -> 384 / 464 / 381 of 524). Session 24
# (docs/quality-log.md, "First names searched with their surnames (session 24)"). Read over an
# index of at most SURNAMES_MAX_PASSAGES passages (every passage's names are read once).
FULL_NAMES = False
SURNAMES_MAX_PASSAGES = 1024
# A question asked alone naming a part of the text beside its topic ("whats the opening line say
# about rivalries in tech", "how does the conclusion frame the rivalry?": `bot.named_part`) is
# answered from that part's passages only, as ranked: it quoted the conclusion for the intro.
# Session 26 (docs/quality-log.md, "The part of the text named (session 26)"). False: off.
NAMED_PART = True
# A question asked alone is searched with its chat spellings of common words written out ("what
# raw materials are ppl worried about", "y would bezos bother w cars": `bot.lexical.spelled_out`),
# its text and its vector, as CHAT_WORDS_OUT leaves chat words out; the label reads it as asked.
# Session 26 (docs/quality-log.md, "The part of the text named (session 26)"). False: off.
CHAT_SHORTHAND = True
# A line of the text named ("the opening line", "at the very start", "the final line":
# `bot.named_part.named_line`) beside NAMED_PART: the passage holding it is cited first, so the
# quote's choice (`bot.answer.NAMED_LINE_RATIO`) can quote it. Session 27 (docs/quality-log.md,
# "Lines of the text (session 27)"). False: off.
NAMED_LINE = True
# Sentence evidence in the answer's re-ranking (`bot.own_sentences`): a question searched as
# asked re-ranks its fused top ANSWER_LATE_DEPTH with this times the z-score among them of each
# passage's best cosine of one of its sentences encoded alone, beside MaxSim's (6 is
# ANSWER_LATE_WEIGHT): an idiom the article words otherwise ("the tail end of the electric car
# boom" for "The electric vehicle revolution is only just beginning") is nearest one sentence
# while MaxSim matches its chat words anywhere. Only the citations: the outcome's re-ranking
# (LATE_DEPTH) is without it. Off (measured, not taken): at 6 tuning first / top 3 / words
# 502 / 603 / 497 -> 507 / 607 / 503 of 689 (`tuning-extra-27` 10 / 12 / 8 -> 12 / 17 / 11), with
# much churn (sets 8-11: 79 / 93 -> 77 / 89 of 100) and hand-checked answers moved ("what are the
# key features" cites an item first, so its list is not quoted whole). Session 28
# (docs/quality-log.md, "Sentences on their own (session 28)"). 0: off.
SENTENCE_ALONE_WEIGHT = 0.0
# The same for a follow-up's search with its context (not only a question searched as asked).
SENTENCE_ALONE_FOLLOW_UPS = False
# Each cited sentence's cosine with a question searched as asked, the sentence encoded on its own
# (`bot.own_sentences`), carried on its hit (`Hit.own_cosines`) for the quote's choice
# (`bot.answer.QUOTE_OWN_WEIGHT`): the model compares a question with one sentence as it was
# trained to, where the pooled sentence vectors and MaxSim read the sentence in its passage.
# Off with it (measured, not taken; no vectors are made while off). Session 29
# (docs/quality-log.md, "Sentences on their own in the quote (session 29)"). Read too by session
# 30's `bot.answer.OWN_SENTENCE_LEAD` (measured, not taken). False: off.
OWN_SENTENCE_COSINES = False
# The citations after those the answer quotes, for a question searched as asked: chosen by the
# answer's re-ranking with this times the z-score of each passage's best cosine of one of its
# sentences encoded alone (as SENTENCE_ALONE_WEIGHT) beside MaxSim's. The quote, the passage cited
# first and the outcome are chosen as without it: session 28's re-ranking lifted the right passage
# into the top 3 on every side but, quoted from, churned the first places (session 29). Carried
# on the first hit (`Hit.further`), read by `bot.answer.compose_answer`. Off (measured, not
# taken): at 2, tuning top 3 643 -> 654 of 739 (14 gained, 3 lost; 1 / 4 / 6: 649 / 651 / 653
# with more lost), first / words / outcomes identical by construction; held out top 3 rose on 12
# sets (+20, `quality-holdout` 23 -> 24 of 25) but fell by one on two (`quality-holdout-15`,
# `-18`). Session 30 (docs/quality-log.md, "Further citations by sentences on their own (session
# 30)"). 0: off.
FURTHER_CITATIONS_WEIGHT = 0.0

# The asking words a question after a lead-in opens with (a wh-word or an auxiliary).
_ASKING = re.compile(
    r"(?:what|whats|what's|wat|who|who's|whos|whom|whose|why|how|how's|when|where|which|is|are"
    r"|was|were|do|does|did|can|could|will|would|should|has|have|had|r)\b",
    re.IGNORECASE,
)

# A word of the question pointing back at the lead-in: then the lead-in names what is asked about.
_POINTING = re.compile(
    r"\b(?:this|that|these|those|it|its|they|them|their|he|him|his|she|her)\b", re.IGNORECASE
)


def after_lead_in(question: str) -> str | None:
    """The question after a lead-in clause (LEAD_IN_WORDS words or more, not itself a question,
    before the last comma), when that part opens with an asking word, has three words or more
    and no word pointing back at the lead-in; None otherwise."""
    head, comma, tail = question.rpartition(",")
    tail = tail.strip()
    if not comma or len(tail.split()) < 3 or not _ASKING.match(tail):
        return None
    if _POINTING.search(tail):  # "…, does that matter for selling cars": the lead-in is its topic
        return None
    if len(head.split()) < LEAD_IN_WORDS or _ASKING.match(head.strip()):
        return None
    return tail


# Builds whose word pieces late interaction counted itself (made before the build stored them),
# so the log says it once per build.
_COUNTED_BUILDS: set[Path] = set()
# Passages whose token vectors are kept in memory (float16: 75 KB at 96 tokens, 195 KB at 254).
LATE_CACHED_PASSAGES = 1024


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # fused score (weighted z-scores): higher is better, comparable within one search
    dense: float  # cosine similarity of question and passage
    lexical: float  # BM25 score
    sentence_scores: tuple[float, ...]  # how well each sentence answers: cosine + term overlap
    # Late interaction's per-token evidence: each question token's best match in this passage.
    evidence: TokenEvidence | None = None
    # What locality (LATE_WINDOW_WEIGHT) added to each sentence score (empty: nothing): it helps
    # choose the best sentence, but a neighbour joins the quote on its score without it.
    sentence_lift: tuple[float, ...] = ()
    # What passage evidence (LATE_PASSAGE_LIFT) added to every sentence score, also counted in
    # `sentence_lift`: it weighs passages against each other, never a neighbour's joining.
    passage_lift: float = 0.0
    # Each sentence's cosine with the question, the sentence encoded on its own
    # (OWN_SENTENCE_COSINES; empty: not read): the quote's choice weighs it.
    own_cosines: tuple[float, ...] = ()
    # The passages the answer may cite after those it quotes, best first (FURTHER_CITATIONS_WEIGHT;
    # on the first hit only, empty otherwise): never quoted, never judged for the outcome.
    further: tuple[Hit, ...] = ()


@dataclass(frozen=True)
class TokenEvidence:
    """Each counted question token (stopwords out), its word, IDF and best match in a passage."""

    words: tuple[str, ...]  # the whole word (lower-cased) each token is a piece of
    weights: tuple[float, ...]  # its word piece's IDF over the index's passages
    best: tuple[float, ...]  # its best cosine with any token of the passage
    # Per sentence of the passage, each token's best cosine within it (-inf: a sentence past the
    # model's window): how well the quoted sentence itself supports what was asked.
    sentences: tuple[tuple[float, ...], ...] = ()

    def maxsim(self) -> float:
        """The passage's MaxSim: its tokens' best matches, weighted by their IDF."""
        weights = np.asarray(self.weights, np.float64)
        if not len(weights) or weights.sum() <= 0:
            return 0.0
        return float(weights @ np.asarray(self.best, np.float64) / weights.sum())

    def within_sentences(self) -> np.ndarray:
        """`sentences` as tokens x sentences (float64, C order, as `segment_max` made it)."""
        shape = (len(self.sentences), len(self.best))
        return np.ascontiguousarray(np.array(self.sentences, dtype=np.float64).reshape(shape).T)

    @cached_property
    def sentence_maxsim(self) -> tuple[float, ...]:
        """Each sentence's MaxSim (`sentence_maxsim` of `sentences`, 0 for one with no tokens),
        made once: retrieval adds it to the sentence scores, the quote choice weighs it apart."""
        weights = np.asarray(self.weights, np.float64)
        return tuple(float(x) for x in sentence_maxsim(self.within_sentences(), weights))


Mode = Literal["hybrid", "dense", "bm25"]


@dataclass(frozen=True)
class Ranking:
    """One query's passages best first: rows into the index, their fused scores, BM25 of all."""

    ids: np.ndarray
    scores: np.ndarray
    lexical: np.ndarray  # BM25 score of each ranked passage, in the order of `ids`
    best_dense: float = -1.0  # the question's best cosine with any passage found


class LateInteraction:
    """MaxSim of a question against passages and sentences, from the model's token vectors.

    A question's tokens leave out stopwords and punctuation, and each weighs its word piece's
    IDF over the index's passages (from the counts the build stored; a build made before them
    has its passages tokenized once, on first use). A
    passage's token vectors come from one encoder pass over its embedded text, made when it is
    first a candidate (every passage at once when they all fit) and kept for the
    LATE_CACHED_PASSAGES most recent: the index stores none
    (at a million passages of 96 tokens they would be 75 GB).
    """

    def __init__(self, index: SearchIndex, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder
        self._idf: np.ndarray | None = None
        self._idf_lock = threading.Lock()
        self._passages: OrderedDict[int, TokenVectors] = OrderedDict()
        self._passage_words: dict[int, tuple[str, ...]] = {}  # kept as long as their tokens
        self._questions: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._words: dict[str, tuple[str, ...]] = {}  # each counted token's word, by question
        self._lock = threading.Lock()  # adapters answer from worker threads

    def idf(self) -> np.ndarray:
        """Each word piece's IDF over the passages (its smoothed BM25 form, always > 0)."""
        with self._idf_lock:  # counted once even when two first questions arrive together
            if self._idf is None:
                df = self._document_frequencies()
                n = len(self.index.passages)
                self._idf = np.log1p((n - df + 0.5) / (df + 0.5))
            return self._idf

    def _document_frequencies(self) -> np.ndarray:
        """The build's word-piece counts; counted here for a build made before it stored them."""
        stored = self.index.word_piece_counts
        vocabulary = self.embedder.vocabulary_size
        if stored is not None and len(stored) == vocabulary:
            return stored
        if self.index.path not in _COUNTED_BUILDS:  # once per build, however often reloaded
            _COUNTED_BUILDS.add(self.index.path)
            why = "has no word-piece counts" if stored is None else "counts another vocabulary"
            log.warning(
                "index %s %s: late interaction counts them over its %d passages (%s stores them)",
                self.index.path,
                why,
                len(self.index.passages),
                FULL_REBUILD_HINT.removeprefix("run: "),
            )
        return word_piece_counts(self.embedder, self.index.passages)

    def question(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The question's token vectors that count and their weights."""
        with self._lock:
            if text in self._questions:
                self._questions.move_to_end(text)
                return self._questions[text]
        tokens = self.embedder.question_token_vectors(text)
        words = _token_words(text, tokens)
        keep = np.array(
            [w not in _stopwords() and any(c.isalnum() for c in w) for w in words], dtype=bool
        )
        if not keep.any():  # "by when?": all stopwords; better all of them than none
            keep[:] = True
        found = (tokens.vectors[keep], self.idf()[tokens.ids[keep]])
        with self._lock:
            self._questions[text] = found
            self._words[text] = tuple(w for w, k in zip(words, keep, strict=True) if k)
            while len(self._questions) > 16:
                self._words.pop(self._questions.popitem(last=False)[0], None)
        return found

    def _passage_tokens(self, rows: Sequence[int]) -> list[TokenVectors]:
        with self._lock:
            wanted: Sequence[int] = rows
            if not self._passages and len(self.index.passages) <= LATE_CACHED_PASSAGES:
                # A small index: every passage on first use (the warm-up question), in full
                # batches; a cold candidate cost XQuAD-en's first questions 0.5 s each.
                wanted = range(len(self.index.passages))
            missing = [row for row in dict.fromkeys(wanted) if row not in self._passages]
        made = self.embedder.passage_token_vectors(
            [_dense_text(self.index.passages[r]) for r in missing]
        )
        with self._lock:
            for row, tokens in zip(missing, made, strict=True):
                # float16 halves the cache; MaxSim's product is float32 (the same answers).
                self._passages[row] = replace(tokens, vectors=tokens.vectors.astype(np.float16))
            found = []
            for row in rows:
                self._passages.move_to_end(row)
                found.append(self._passages[row])
            while len(self._passages) > max(LATE_CACHED_PASSAGES, len(rows)):
                self._passage_words.pop(self._passages.popitem(last=False)[0], None)
        return found

    def passage_scores(self, text: str, rows: Sequence[int]) -> np.ndarray:
        """MaxSim of the question with each passage."""
        query, weights = self.question(text)
        tokens = self._passage_tokens(rows)
        docs = np.concatenate([t.vectors for t in tokens]).astype(np.float32)
        similarity = np.asarray(query, dtype=np.float32) @ docs.T
        start = 0
        for row, passage in zip(rows, tokens, strict=True):
            end = start + len(passage.ids)
            self._other_forms_matched(text, row, passage, similarity[:, start:end])
            start = end
        return similarity_maxsim(similarity, weights, [len(t.ids) for t in tokens])

    def _other_forms_matched(
        self, text: str, row: int, tokens: TokenVectors, similarity: np.ndarray
    ) -> None:
        """Raise, in place, each counted question token's similarity with the passage's tokens
        of a word that is another form of its own word to at least FORM_MATCH."""
        if not FORM_MATCH or not similarity.size:
            return
        with self._lock:
            asked = self._words.get(text)
            written = self._passage_words.get(row)
        if asked is None:  # evicted by another thread's questions: made again
            self.question(text)
            with self._lock:
                asked = self._words.get(text, ())
        if FORM_MATCH_WORDS is not None and len(set(asked)) > FORM_MATCH_WORDS:
            return
        if written is None:
            written = _token_words(_dense_text(self.index.passages[row]), tokens)
            with self._lock:
                if row in self._passages:
                    self._passage_words[row] = written
        words = set(written)
        for at, word in enumerate(asked[: len(similarity)]):
            # A word the sources write themselves (a name: "tran") shortens none of theirs.
            own = FORM_SHORTENINGS and any(map(self.index.lexical.holds, terms([word])[0]))
            forms = {w for w in words if w[:1] == word[:1] and _another_form(word, w, own)}
            if forms:
                columns = [i for i, w in enumerate(written) if w in forms]
                similarity[at, columns] = np.maximum(similarity[at, columns], FORM_MATCH)

    def evidence(self, text: str, row: int) -> TokenEvidence:
        """Each counted question token's best match among a passage's tokens (MaxSim's terms)."""
        query, weights = self.question(text)
        (tokens,) = self._passage_tokens([row])
        with self._lock:
            words = self._words.get(text)
        if words is None:  # evicted by another thread's questions: made again
            query, weights = self.question(text)
            words = self._words.get(text, ("",) * len(query))
        similarity = query @ tokens.vectors.T.astype(np.float32)
        self._other_forms_matched(text, row, tokens, similarity)
        best = similarity.max(axis=1) if len(tokens.ids) else np.zeros(len(query))
        within = self._within_sentences(similarity, tokens, row)
        return TokenEvidence(
            words,
            tuple(float(w) for w in weights),
            tuple(float(b) for b in best),
            sentences=tuple(tuple(float(x) for x in column) for column in within.T),
        )

    def sentence_scores(self, text: str, row: int) -> np.ndarray:
        """MaxSim of the question with each sentence of a passage (its tokens in the passage's
        pass, so read in context); 0 for a sentence past the model's window."""
        return sentence_maxsim(*self.sentence_matches(text, row))

    def window_scores(self, text: str, row: int, width: int) -> np.ndarray:
        """Each sentence's best MaxSim over a window of `width` sentences holding it (0 where
        nothing matched): the question's words matched close together."""
        return best_window_scores(*self.sentence_matches(text, row), width)

    def sentence_matches(self, text: str, row: int) -> tuple[np.ndarray, np.ndarray]:
        """Each counted question token's best cosine within each sentence of a passage
        (tokens x sentences; -inf for a sentence with no tokens), and the tokens' weights."""
        query, weights = self.question(text)
        (tokens,) = self._passage_tokens([row])
        similarity = query @ tokens.vectors.T.astype(np.float32)
        self._other_forms_matched(text, row, tokens, similarity)
        return self._within_sentences(similarity, tokens, row), np.asarray(weights, np.float64)

    def _within_sentences(
        self, similarity: np.ndarray, tokens: TokenVectors, row: int
    ) -> np.ndarray:
        """Each row of `similarity` (a question token's cosine with each of the passage's
        tokens) reduced to its best within each sentence (-inf for a sentence with no tokens)."""
        passage = self.index.passages[row]
        shift = len(_dense_text(passage)) - len(passage.text) - passage.start
        sentences = np.asarray(passage.sentences, dtype=np.int64).reshape(-1, 2) + shift
        starts, ends = tokens.spans.T
        # Each token's sentence: the last one starting at or before it, if it ends inside it
        # (the heading's tokens, before the first sentence, belong to none).
        sentence = np.searchsorted(sentences[:, 0], starts, side="right") - 1
        inside = sentence >= 0
        inside[inside] = ends[inside] <= sentences[sentence[inside], 1]
        order = np.flatnonzero(inside)[np.argsort(sentence[inside], kind="stable")]
        lengths = np.bincount(sentence[order], minlength=len(sentences))
        return segment_max(similarity[:, order], lengths)


def _another_form(asked: str, written: str, written_by_sources: bool) -> bool:
    """`other_form`, less a noun against a verb (FORM_PARTS_OF_SPEECH), or a shortening
    (FORM_SHORTENINGS) of a word the sources do not write as asked."""
    if other_form(asked, written):
        return not (FORM_PARTS_OF_SPEECH and noun_against_verb(asked, written))
    return FORM_SHORTENINGS and not written_by_sources and shortening(asked, written)


def sentence_maxsim(best: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each sentence's MaxSim from its tokens' best matches (tokens x sentences, as
    `LateInteraction.sentence_matches` gives them); 0 for a sentence with no tokens."""
    if not best.shape[1] or weights.sum() <= 0:
        return np.zeros(best.shape[1])
    scores = weights @ best / weights.sum()  # -inf for a sentence with no tokens
    return np.where(np.isfinite(scores), scores, 0.0)


def best_window_scores(best: np.ndarray, weights: np.ndarray, width: int) -> np.ndarray:
    """`window_maxsim` of the same matches, 0 where nothing matched."""
    scores = window_maxsim(best, weights, width)
    return np.where(np.isfinite(scores), scores, 0.0)


def answer_late_weight(query: str) -> float:
    """MaxSim's weight in the answer's re-ranking: SHORT_ANSWER_LATE_WEIGHT for a short question."""
    if SHORT_QUESTION_TERMS and len(terms([query])[0]) <= SHORT_QUESTION_TERMS:
        return SHORT_ANSWER_LATE_WEIGHT
    return ANSWER_LATE_WEIGHT


def _passage_lifted(hits: list[Hit]) -> list[Hit]:
    """Each hit's sentences lifted by LATE_PASSAGE_LIFT times its passage's MaxSim less the best
    cited passage's: a sentence of the passage matching every part of the question best wins
    a near tie. Unchanged without late interaction's evidence, or with one hit."""
    if not LATE_PASSAGE_LIFT or len(hits) < 2 or any(h.evidence is None for h in hits):
        return hits
    scores = [h.evidence.maxsim() for h in hits if h.evidence is not None]
    top = max(scores)
    lifted = []
    for hit, score in zip(hits, scores, strict=True):
        extra = LATE_PASSAGE_LIFT * (score - top)
        before = hit.sentence_lift or (0.0,) * len(hit.sentence_scores)
        lifted.append(
            replace(
                hit,
                sentence_scores=tuple(s + extra for s in hit.sentence_scores),
                sentence_lift=tuple(x + extra for x in before),
                passage_lift=extra,
            )
        )
    return lifted


def _token_words(text: str, tokens: TokenVectors) -> tuple[str, ...]:
    """The whole word (lower-cased) each token of `text` is a piece of."""
    spans: dict[int, tuple[int, int]] = {}
    for word, (start, end) in zip(tokens.words.tolist(), tokens.spans.tolist(), strict=True):
        first, last = spans.get(word, (start, end))
        spans[word] = (min(first, start), max(last, end))
    return tuple(text[slice(*spans[word])].lower() for word in tokens.words.tolist())


class Retriever:
    def __init__(
        self,
        index: SearchIndex,
        embedder: Embedder,
        *,
        candidates: int = 100,
        # 0.5: best on SciFact train and the shipped questions (docs/retrieval-quality.md).
        lexical_weight: float = 0.5,
        duplicate_similarity: float = 0.95,
        term_overlap_weight: float = 0.3,
        # Share of the best sentence's cosine in a passage's dense score, from the ranking
        # sentence vectors (the mean of pooled and alone): 0.4-0.5 was the best plateau on the
        # tuning sets, no follow-up lost, XQuAD-en's nDCG up (docs/quality-log.md). Only an index
        # built with EVBOT_RANKING_SENTENCES=pooled+own has them (off by default).
        sentence_weight: float = 0.5,
        # BM25 query expansion by the model's input word vectors (docs/quality-log.md): each
        # question word adds the index's `expansion_neighbours` nearest terms within this cosine, at
        # the first weight for a word no passage holds and the second for one BM25 matches. Off:
        # 0.5 / 0.1 with one neighbour gained on tuning (70 / 83 / 69 -> 72 / 86 / 71 of 100) and
        # keeps Panasonic for "Who is supplying batteries for the Amazon electric car?"
        # (tests/test_chat_clean.py), which three neighbours lost, but held out fell.
        expansion_similarity: float = 0.35,
        expansion_weight: float = 0.0,
        expansion_known_weight: float = 0.0,
        expansion_neighbours: int = 1,
        mode: Mode = "hybrid",
        # MaxSim of the model's token vectors in the answer's ranking and its quote (the bot's
        # setting, EVBOT_LATE_INTERACTION, on); hybrid mode only.
        late_interaction: bool = False,
    ) -> None:
        self.index = index
        self.embedder = embedder
        set_thread_pools(1)  # one question at a time, each on one thread (bot/embedding.py)
        self.candidates = candidates
        self.lexical_weight = lexical_weight
        self.duplicate_similarity = duplicate_similarity
        self.term_overlap_weight = term_overlap_weight
        self.sentence_weight = sentence_weight
        self.expansion_similarity = expansion_similarity
        self.expansion_weight = expansion_weight
        self.expansion_known_weight = expansion_known_weight
        self.expansion_neighbours = expansion_neighbours
        self._neighbours: tuple[tuple[float, float, float, int], WordNeighbours] | None = None
        self._no_word_vectors = False
        self.mode = mode  # dense or BM25 alone are for measuring what fusion adds
        self.late = LateInteraction(index, embedder) if late_interaction else None
        self._own_sentences: OwnSentenceVectors | None = None  # made on first use
        self._best: tuple[bytes, float] = (b"", -1.0)  # the last question's best cosine
        self._surnames_read: dict[str, str] | None = None

    def search(self, query: str, k: int = 3) -> list[Hit]:
        return self.search_vector(query, self.embedder.encode_query(query), k)

    def search_vector(self, query: str, query_vector: np.ndarray, k: int) -> list[Hit]:
        return self.answer_search(query, query_vector, k)[0]

    def answer_search(
        self, query: str, query_vector: np.ndarray, k: int, *, alone: bool = False
    ) -> tuple[list[Hit], list[Hit] | None]:
        """The answer's hits (the fused ranking re-ranked ANSWER_LATE_DEPTH deep), and the hits
        of the re-ranking before it when OUTCOME_ON_BOTH_RANKINGS and they cite other passages
        (else None): the outcome is judged on both. `alone` (the question searched as asked, not
        with its conversation's context) chooses the citations with CITATION_DIVERSITY."""
        # Only a question searched as asked: a follow-up's context is read as it is.
        plain = without_chat_words(query) if alone and CHAT_WORDS_OUT else None
        if plain is not None:
            query, query_vector = plain, self.embedder.encode_query(plain)
        written = spelled_out(query) if alone and CHAT_SHORTHAND else None
        if written is not None:
            query, query_vector = written, self.embedder.encode_query(written)
        asked_vector = None  # the question's own vector, when it is searched with surnames
        named = (
            with_surnames(query, self._surnames(), self._is_word) if alone and FULL_NAMES else None
        )
        if named is not None:
            asked_vector = query_vector
            query, query_vector = named, self.embedder.encode_query(named)
        topic = about_the_topic(query) if alone and (TOPIC_VECTOR or TOPIC_TEXT) else None
        if topic is not None:
            if TOPIC_VECTOR:
                blend = (1 - TOPIC_VECTOR) * np.asarray(
                    query_vector, np.float32
                ) + TOPIC_VECTOR * np.asarray(self.embedder.encode_query(topic), np.float32)
                query_vector = (blend / np.linalg.norm(blend)).astype(np.float32)
            if TOPIC_TEXT:
                query = topic
        ranking = self.rank(query, query_vector)
        part = named_part(query) if alone and NAMED_PART else None
        if part is not None:
            ranking = self._within_part(ranking, part)
        line = named_line(query) if part is not None and NAMED_LINE else None
        # MaxSim of the fused top ANSWER_LATE_DEPTH, once: the re-ranking before it scores a
        # prefix of the same rows (float32's last places may differ from a batch of their own).
        top_maxsim = self._top_maxsim(query, ranking, ANSWER_LATE_DEPTH)
        with_sentences = alone or SENTENCE_ALONE_FOLLOW_UPS
        sentences = self._sentence_evidence(ranking, query_vector) if with_sentences else None
        deep = self.reranked(
            query,
            ranking,
            ANSWER_LATE_DEPTH,
            answer_late_weight(query),
            top_maxsim=top_maxsim,
            sentence_evidence=sentences,
        )
        if line is not None:
            deep = self._line_first(deep, line)
        diverse = alone and bool(CITATION_DIVERSITY)
        hits = self.hits(query, query_vector, deep, k, diverse=diverse)
        defined = asked_to_define(query) if alone and DEFINING_PASSAGE else None
        if defined is not None:
            hits = self._with_defining_passage(query, query_vector, deep, hits, defined)
        if asked_vector is not None:
            hits = self._as_asked(hits, asked_vector)
        if alone and OWN_SENTENCE_COSINES:
            hits = self._with_own_cosines(hits, query_vector)
        if alone and FURTHER_CITATIONS_WEIGHT and hits:
            further = self._further_citations(query, query_vector, ranking, top_maxsim, k, line)
            hits = [replace(hits[0], further=tuple(further)), *hits[1:]]
        if not OUTCOME_ON_BOTH_RANKINGS:
            return hits, None
        before = self.reranked(query, ranking, top_maxsim=top_maxsim)
        if line is not None:
            before = self._line_first(before, line)
        # The hits are drawn from the first k * 4 (near-duplicates dropped): the same rows, the
        # same hits (always without late interaction, which both re-rankings need).
        drawn = max(k * 4, CITATION_DIVERSITY_DEPTH) if diverse else k * 4
        if np.array_equal(before.ids[:drawn], deep.ids[:drawn]):
            return hits, None
        before_hits = self.hits(query, query_vector, before, k, diverse=diverse)
        if defined is not None:
            before_hits = self._with_defining_passage(
                query, query_vector, before, before_hits, defined
            )
        if asked_vector is not None:
            before_hits = self._as_asked(before_hits, asked_vector)
        if [h.passage.id for h in before_hits] == [h.passage.id for h in hits]:
            return hits, None
        if alone and OWN_SENTENCE_COSINES:
            before_hits = self._with_own_cosines(before_hits, query_vector)
        return hits, before_hits

    def _within_part(self, ranking: Ranking, part: Part) -> Ranking:
        """`ranking` with only the passages of the text's `part` (NAMED_PART), in its order; as
        it is when it holds none of them."""
        # only the ranked documents' passages are read: their rows from the articles' ranges
        articles = list(self.index.article_rows.values())
        starts = np.fromiter((r.start for r in articles), np.int64, len(articles))
        ranked = np.unique(np.searchsorted(starts, ranking.ids, side="right") - 1)
        among = itertools.chain.from_iterable(articles[i] for i in ranked if i >= 0)
        rows = part_rows(self.index.passages, part, among)
        kept = np.flatnonzero(np.isin(ranking.ids, np.fromiter(rows, np.int64, len(rows))))
        if not len(kept):
            return ranking
        return replace(
            ranking,
            ids=ranking.ids[kept],
            scores=ranking.scores[kept],
            lexical=ranking.lexical[kept],
        )

    def _line_first(self, ranking: Ranking, line: Part) -> Ranking:
        """`ranking` (of one part's passages: NAMED_PART) with the passage holding the `line`
        named first (NAMED_LINE): its first document's first passage for an opening line, its
        last for a closing one."""
        passages = self.index.passages
        rows = ranking.ids.tolist()
        if not rows:
            return ranking
        doc = passages[rows[0]].doc_id
        own = [at for at, row in enumerate(rows) if passages[row].doc_id == doc]
        at_start = {at: passages[rows[at]].start for at in own}
        held = (min if line == "opening" else max)(own, key=at_start.__getitem__)
        return self._moved_first(ranking, held)

    def _moved_first(self, ranking: Ranking, at: int) -> Ranking:
        """`ranking` with its `at`-th passage first, the others in their order."""
        order = [at, *(i for i in range(len(ranking.ids)) if i != at)]
        return replace(
            ranking,
            ids=ranking.ids[order],
            scores=ranking.scores[order],
            lexical=ranking.lexical[order],
        )

    def _surnames(self) -> dict[str, str]:
        """The index's first names with their one surname (FULL_NAMES), read once; none over
        SURNAMES_MAX_PASSAGES passages."""
        if self._surnames_read is None:
            passages = self.index.passages
            people = (
                (person for passage in passages for person in people_in(passage.text))
                if len(passages) <= SURNAMES_MAX_PASSAGES
                else ()
            )
            self._surnames_read = surnames_of_first_names(people)
        return self._surnames_read

    def _is_word(self, word: str) -> bool:
        """Whether `word` is English or a word of the sources (not another person's surname)."""
        return is_english_word(word) or any(map(self.index.lexical.holds, terms([word])[0]))

    def _as_asked(self, hits: list[Hit], asked_vector: np.ndarray) -> list[Hit]:
        """`hits` with each passage's cosine with the question as asked (`asked_vector`)."""
        rows = {passage.id: row for row, passage in enumerate(self.index.passages)}
        cosines = self._cosines(
            np.asarray([rows[h.passage.id] for h in hits], np.int64), asked_vector
        )
        return [replace(h, dense=float(c)) for h, c in zip(hits, cosines, strict=True)]

    def _with_defining_passage(
        self, query: str, query_vector: np.ndarray, ranking: Ranking, hits: list[Hit], name: str
    ) -> list[Hit]:
        """`hits` with the last replaced by the best-ranked passage saying what `name` is
        (DEFINING_PASSAGE), when none of them says it; as they are otherwise."""
        if len(hits) < 2 or any(defines(s, name) for h in hits for s in h.passage.sentence_texts()):
            return hits
        rows = ranking.ids.tolist()
        defining = next(
            (
                at
                for at, row in enumerate(rows)
                if any(defines(s, name) for s in self.index.passages[row].sentence_texts())
            ),
            None,
        )
        if defining is None:
            return hits
        at_row = {self.index.passages[row].id: at for at, row in enumerate(rows)}
        kept = [at_row[h.passage.id] for h in hits[:-1]] + [defining]
        cited = replace(
            ranking,
            ids=ranking.ids[kept],
            scores=ranking.scores[kept],
            lexical=ranking.lexical[kept],
        )
        return self.hits(query, query_vector, cited, len(hits))

    def answer_ranking(self, query: str, ranking: Ranking) -> Ranking:
        """The answer's own re-ranking of `ranking` (ANSWER_LATE_DEPTH, ANSWER_LATE_WEIGHT)."""
        return self.reranked(query, ranking, ANSWER_LATE_DEPTH, answer_late_weight(query))

    def reranked(
        self,
        query: str,
        ranking: Ranking,
        depth: int | None = None,
        weight: float | None = None,
        *,
        top_maxsim: np.ndarray | None = None,
        sentence_evidence: np.ndarray | None = None,
        sentence_weight: float | None = None,
    ) -> Ranking:
        """The fused top `depth` (LATE_DEPTH) re-ranked with their MaxSim's z-score among them
        times `weight` (LATE_WEIGHT) added (as it is, without late interaction). `top_maxsim`:
        `_top_maxsim` of `ranking` at least `depth` deep, when already computed;
        `sentence_evidence`: the fused top's best own-sentence cosines, at least `depth` of them,
        whose z-score among the top `depth` is added times `sentence_weight`
        (SENTENCE_ALONE_WEIGHT).

        Not in `rank`: the searches that decide whether a question is a follow-up rank without
        it (with it they lost 1-2 tuning conversations of 14 and 16; docs/quality-log.md).
        """
        depth = min(LATE_DEPTH if depth is None else depth, len(ranking.ids))
        weight = LATE_WEIGHT if weight is None else weight
        if top_maxsim is None or len(top_maxsim) < depth:
            top_maxsim = self._top_maxsim(query, ranking, depth)
        if top_maxsim is None:
            return ranking
        top = ranking.ids[:depth]
        scores = ranking.scores[:depth] + weight * zscores(top_maxsim[:depth])
        if sentence_evidence is not None:
            alone = SENTENCE_ALONE_WEIGHT if sentence_weight is None else sentence_weight
            scores = scores + alone * zscores(sentence_evidence[:depth])
        order = np.argsort(-scores, kind="stable")
        return replace(
            ranking,
            ids=np.concatenate([top[order], ranking.ids[depth:]]),
            scores=np.concatenate([scores[order], ranking.scores[depth:]]),
            lexical=np.concatenate([ranking.lexical[:depth][order], ranking.lexical[depth:]]),
        )

    def _further_citations(
        self,
        query: str,
        query_vector: np.ndarray,
        ranking: Ranking,
        top_maxsim: np.ndarray | None,
        k: int,
        line: Part | None,
    ) -> list[Hit]:
        """The answer's re-ranking's top `k` with each passage's best own-sentence cosine at
        FURTHER_CITATIONS_WEIGHT (its z-score among the re-ranked) beside MaxSim: the passages
        the answer cites after those it quotes; none without late interaction."""
        if self.late is None or self.mode != "hybrid":
            return []
        rows = ranking.ids[:ANSWER_LATE_DEPTH].tolist()
        own = self._own_sentence_vectors().best_cosines(rows, query_vector)
        reranked = self.reranked(
            query,
            ranking,
            ANSWER_LATE_DEPTH,
            answer_late_weight(query),
            top_maxsim=top_maxsim,
            sentence_evidence=own,
            sentence_weight=FURTHER_CITATIONS_WEIGHT,
        )
        if line is not None:
            reranked = self._line_first(reranked, line)
        return self.hits(query, query_vector, reranked, k, diverse=bool(CITATION_DIVERSITY))

    def _own_sentence_vectors(self) -> OwnSentenceVectors:
        """The sentences encoded on their own, made on first use."""
        if self._own_sentences is None:
            self._own_sentences = OwnSentenceVectors(
                self.index.passages, self.embedder, LATE_CACHED_PASSAGES
            )
        return self._own_sentences

    def _with_own_cosines(self, hits: list[Hit], query_vector: np.ndarray) -> list[Hit]:
        """`hits` with each sentence's cosine with the question, the sentence encoded on its
        own (OWN_SENTENCE_COSINES), for the quote's choice."""
        rows = {passage.id: row for row, passage in enumerate(self.index.passages)}
        found = self._own_sentence_vectors().cosines(
            [rows[h.passage.id] for h in hits], query_vector
        )
        return [
            replace(h, own_cosines=tuple(float(c) for c in cosines))
            for h, cosines in zip(hits, found, strict=True)
        ]

    def _sentence_evidence(self, ranking: Ranking, query_vector: np.ndarray) -> np.ndarray | None:
        """The fused top ANSWER_LATE_DEPTH's best own-sentence cosines with the question
        (SENTENCE_ALONE_WEIGHT), in their fused order; None where the re-ranking is off."""
        if not SENTENCE_ALONE_WEIGHT or self.late is None or self.mode != "hybrid":
            return None
        rows = ranking.ids[:ANSWER_LATE_DEPTH].tolist()
        return self._own_sentence_vectors().best_cosines(rows, query_vector)

    def _top_maxsim(self, query: str, ranking: Ranking, depth: int) -> np.ndarray | None:
        """MaxSim of the fused top `depth`, in their fused order; None where `reranked` leaves
        the ranking as it is (no late interaction, not hybrid, or under two passages)."""
        depth = min(depth, len(ranking.ids))
        if self.late is None or self.mode != "hybrid" or depth < 2:
            return None
        rows = ranking.ids[:depth].tolist()
        whole = self.late.passage_scores(query, rows)
        if TOPIC_RERANK_SHARE and (topic := about_the_topic(query)) is not None:
            share = TOPIC_RERANK_SHARE
            whole = (1 - share) * whole + share * self.late.passage_scores(topic, rows)
        asked = after_lead_in(query) if LEAD_IN_SHARE else None
        if asked is None:
            return whole
        return (1 - LEAD_IN_SHARE) * whole + LEAD_IN_SHARE * self.late.passage_scores(asked, rows)

    def rank(self, query: str, query_vector: np.ndarray) -> Ranking:
        """The `candidates` best passages by fused score, best first (BM25 mode: only matches)."""
        n = len(self.index.passages)
        if n == 0:
            return Ranking(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.float32))
        depth = max(self.candidates, MIN_DEPTH)
        dense_rows = np.zeros(0, np.int64)
        if self.mode != "bm25":
            dense_rows = self.index.nearest(query_vector, depth)
        lexical_rows, lexical_scores = np.zeros(0, np.int64), np.zeros(0)
        if self.mode != "dense":
            lexical_rows, lexical_scores = self.index.lexical.scored(query, self._expansion(query))
        if self.mode == "dense":
            rows = np.unique(dense_rows)
        else:
            best_lexical = top_k(lexical_scores, depth)
            rows = np.union1d(dense_rows, lexical_rows[best_lexical])
        # BM25 of each candidate: its score among the scored postings, else 0.
        at = np.searchsorted(lexical_rows, rows)
        at[at == len(lexical_rows)] = 0
        found = lexical_rows[at] == rows if len(lexical_rows) else np.zeros(len(rows), bool)
        lexical = np.where(found, lexical_scores[at] if len(lexical_rows) else 0.0, 0.0)
        cosine = np.zeros(len(rows))
        best_dense = -1.0
        if self.mode != "bm25":
            cosine = self._cosines(rows, query_vector)
            best_dense = float(cosine.max()) if len(cosine) else -1.0
            self._best = (query_vector.tobytes(), best_dense)
        if self.mode == "bm25":
            fused = lexical
        elif self.mode == "dense":
            fused = cosine
        else:
            dense = cosine  # on the passage cosine's scale, so its moments z-score it
            if self.sentence_weight and self.index.ranking_sentence_vectors is not None:
                best = self._best_sentence_cosines(rows, query_vector, cosine)
                dense = (1 - self.sentence_weight) * cosine + self.sentence_weight * best
            fused = zscores_from_moments(
                dense,
                *cosine_moments(query_vector, self.index.mean_vector, self.index.second_moment),
            ) + self.lexical_weight * zscores_from_moments(
                lexical, *sparse_moments(lexical_scores, n)
            )
        order = top_k(fused, self.candidates)  # ties: earlier passage first
        if self.mode == "bm25":
            order = order[fused[order] > 0]
        return Ranking(rows[order], fused[order], lexical[order].astype(np.float32), best_dense)

    def _expansion(self, query: str) -> dict[int, float]:
        """The terms BM25 also searches for `query`'s words, weighted (none when off)."""
        setting = (
            self.expansion_similarity,
            self.expansion_weight,
            self.expansion_known_weight,
            self.expansion_neighbours,
        )
        if not any(setting[1:3]) or self.index.lexical.term_count > EXPANSION_TERMS:
            return {}  # a large index: its own words match in plenty, and the product costs
        built = self._neighbours
        if built is None or built[0] != setting:  # built once, again when a benchmark sets others
            vectors = self._input_word_vectors()
            if vectors is None:
                return {}
            neighbours = WordNeighbours(
                self.index.lexical,
                vectors,
                similarity=setting[0],
                weight=setting[1],
                known_weight=setting[2],
                per_word=setting[3],
            )
            built = self._neighbours = (setting, neighbours)
        return built[1].expand(query)

    def _input_word_vectors(self) -> WordVectors | None:
        """The embedder's input word vectors; None, once logged, when it has none to read."""
        if self._no_word_vectors:
            return None
        try:
            return input_word_vectors(self.embedder.model)
        except (AttributeError, IndexError, TypeError) as err:
            # Questions given as vectors only (no model) or a model without a BERT-style
            # input table: BM25 searches the question's own words.
            self._no_word_vectors = True
            name = type(self.embedder).__name__
            log.warning("no BM25 query expansion: %s has no input word vectors (%r)", name, err)
            return None

    def best_similarity(self, query_vector: np.ndarray) -> float:
        """The question's best cosine with any passage (found by the search the ranking ran)."""
        key, best = self._best
        if key == query_vector.tobytes():
            return best
        rows = self.index.nearest(query_vector, 1)
        return float(self._cosines(rows, query_vector).max()) if len(rows) else -1.0

    def _cosines(self, rows: np.ndarray, query_vector: np.ndarray) -> np.ndarray:
        """Exact cosines of some passages, read from the memory-mapped vectors (float64)."""
        vectors = np.asarray(self.index.passage_vectors[rows], dtype=np.float32)
        return (vectors @ np.asarray(query_vector, dtype=np.float32)).astype(np.float64)

    def _best_sentence_cosines(
        self, rows: np.ndarray, query_vector: np.ndarray, cosine: np.ndarray
    ) -> np.ndarray:
        """Each passage's best sentence cosine with the question (its own cosine if it has none),
        by the ranking sentence vectors."""
        ranking_vectors = self.index.ranking_sentence_vectors
        assert ranking_vectors is not None
        offsets = self.index.sentence_offsets
        starts = np.asarray(offsets[rows], dtype=np.int64)
        after = rows + 1
        ends = np.where(
            after < len(offsets),
            np.asarray(offsets[np.minimum(after, len(offsets) - 1)], dtype=np.int64),
            len(ranking_vectors),
        )
        lengths = ends - starts
        # Every sentence row of the candidates, ascending, so the memory map reads them in order.
        first = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        which = first + np.arange(int(lengths.sum()))
        vectors = np.asarray(ranking_vectors[which], dtype=np.float32)
        best = segment_max(vectors @ np.asarray(query_vector, dtype=np.float32), lengths)
        return np.where(np.isfinite(best), best, cosine)

    def hits(
        self,
        query: str,
        query_vector: np.ndarray,
        ranking: Ranking,
        k: int,
        *,
        diverse: bool = False,
    ) -> list[Hit]:
        """The top `k` of a ranking, near-duplicates dropped, with per-sentence scores; `diverse`:
        the citations after the first chosen with CITATION_DIVERSITY (`_diverse`)."""
        if diverse and CITATION_DIVERSITY and k > 1:
            chosen = self._diverse(ranking, k)
        else:
            chosen = self._drop_near_duplicates([int(i) for i in ranking.ids[: k * 4]], k)
        cosines = self._cosines(np.asarray(chosen, np.int64), query_vector) if chosen else []
        position = {int(row): i for i, row in enumerate(ranking.ids.tolist())}
        weights = self.index.lexical.term_weights(query)
        found = []
        for i, cos in zip(chosen, cosines, strict=True):
            # One product of the question's tokens and the passage's gives the evidence, each
            # sentence's MaxSim (kept on the evidence for the quote choice) and the window's.
            evidence = self._evidence(query, i)
            matches = None
            if evidence is not None:
                matches = (evidence.within_sentences(), np.asarray(evidence.weights, np.float64))
            own = None if evidence is None else evidence.sentence_maxsim
            scores = self._sentence_scores(i, query_vector, weights, own)
            lift = self._window_lift(matches)
            found.append(
                Hit(
                    passage=self.index.passages[i],
                    score=float(ranking.scores[position[i]]),
                    dense=float(cos),
                    lexical=float(ranking.lexical[position[i]]),
                    sentence_scores=tuple(s + x for s, x in zip(scores, lift, strict=True))
                    if lift
                    else scores,
                    evidence=evidence,
                    sentence_lift=lift,
                )
            )
        return _passage_lifted(found)

    def _window_lift(self, matches: tuple[np.ndarray, np.ndarray] | None) -> tuple[float, ...]:
        """Each sentence's locality lift from its passage's token matches (empty when locality
        is off or unavailable)."""
        if not LATE_WINDOW_WEIGHT or matches is None:
            return ()
        lift = LATE_WINDOW_WEIGHT * best_window_scores(*matches, LATE_WINDOW_SENTENCES)
        return tuple(float(x) for x in lift)

    def _evidence(self, query: str, passage: int) -> TokenEvidence | None:
        if self.late is None or self.mode != "hybrid" or not query:
            return None
        return self.late.evidence(query, passage)

    def _diverse(self, ranking: Ranking, k: int) -> list[int]:
        """The ranking's first passage, then each next by maximal marginal relevance among the
        first CITATION_DIVERSITY_DEPTH: its score's z-score among them less CITATION_DIVERSITY
        times its highest cosine with one already chosen (near-duplicates of one left out)."""
        depth = min(max(CITATION_DIVERSITY_DEPTH, k), len(ranking.ids))
        if depth == 0:
            return []
        pool = [int(i) for i in ranking.ids[:depth]]
        relevance = zscores(ranking.scores[:depth])
        vectors = np.asarray(self.index.passage_vectors[pool], dtype=np.float32)
        similarity = (vectors @ vectors.T).astype(np.float64)
        chosen = [0]
        while len(chosen) < min(k, depth):
            closest = similarity[:, chosen].max(axis=1)
            value = relevance - CITATION_DIVERSITY * closest
            value[chosen] = -np.inf
            value[closest >= self.duplicate_similarity] = -np.inf
            best = int(np.argmax(value))
            if not np.isfinite(value[best]):
                break
            chosen.append(best)
        return [pool[i] for i in chosen]

    def _drop_near_duplicates(self, pool: list[int], k: int) -> list[int]:
        """Keep the best of passages whose vectors are nearly the same (reposted or quoted text)."""
        if not pool:
            return []
        vectors = np.asarray(self.index.passage_vectors[pool], dtype=np.float32)
        similarity = vectors @ vectors.T
        kept: list[int] = []
        for row, passage in enumerate(pool):
            if all(
                similarity[row, pool.index(other)] < self.duplicate_similarity for other in kept
            ):
                kept.append(passage)
                if len(kept) == k:
                    break
        return kept

    def _sentence_scores(
        self,
        passage: int,
        query_vector: np.ndarray,
        weights: dict[str, float],
        late: Sequence[float] | None = None,
    ) -> tuple[float, ...]:
        """Each sentence's cosine + term overlap, + its MaxSim (`TokenEvidence.sentence_maxsim`)
        when given."""
        first = int(self.index.sentence_offsets[passage])
        count = len(self.index.passages[passage].sentences)
        sentences = np.asarray(self.index.sentence_vectors[first : first + count], np.float32)
        cosine = sentences @ query_vector
        if late is not None:
            # The quote's evidence that the sentence matches every part of the question (XQuAD-en
            # answer span 0.8844 -> 0.9072, tuning expected words quoted 69 -> 72 of 100 alone).
            cosine = cosine + LATE_SENTENCE_WEIGHT * np.asarray(late, np.float64)
        total = sum(weights.values())
        if not total:
            return tuple(float(x) for x in cosine)
        overlap = np.array(
            [
                sum(weights.get(t, 0.0) for t in set(sentence_terms)) / total
                for sentence_terms in terms(self.index.passages[passage].sentence_texts())
            ]
        )
        return tuple(float(x) for x in cosine + self.term_overlap_weight * overlap)

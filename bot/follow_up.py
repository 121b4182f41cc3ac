"""The follow-up decision: whether a question in a conversation is searched alone or with the
questions before it (`search_for`, from the question's `QuestionSearches`, each search worked out
once), and a follow-up's hits: ranked toward what follows the answer before, quoted for the names a
pronoun points at, or pointed at the sentence a quoted "these <word>" names.

Each rule's flag is documented with the figures of the session that chose it (docs/quality-log.md);
`benchmarks/quality.py` switches them here. What the sources write comes from bot/source_terms.py.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from bot.chunking import Passage
from bot.conversation import (
    asks_a_question_word,
    compares,
    content_words,
    context_query,
    demonstrative_subject,
    is_follow_up,
    is_fragment,
    is_unfinished,
    names_own_subject,
    new_names,
    picks_up,
    points_back,
    referents,
    rule_30,
    rule_31,
    search_query,
    they_are_the_two_named,
)
from bot.embedding import Embedder
from bot.lexical import terms
from bot.retrieval import Hit, Ranking, Retriever
from bot.settings import Settings
from bot.source_terms import best_similarity, lowercase_names, names_source_terms, writes_phrase

# A follow-up keeps its context when the context finds another first passage that matches the
# question alone within this cosine of the question's own best match, or when the question alone
# matches nothing (its best cosine under the second figure, "by when?" scores ~0.06, and none of
# its content words in the sources: "cobalt?" scores 0.12 and names its passage). A fragment
# ("and the factories?") borrows the frame of the question before, so its margin is wider, unless
# the question alone puts its first passage this far ahead in fused z-score ("and Wall Street?").
# Chosen on the tuning conversations (tests/data/conversations*.jsonl; docs/quality-log.md).
FOLLOW_UP_MARGIN = 0.02
FRAGMENT_MARGIN = 0.2
FRAGMENT_OWN_LEAD = 2.0
FOLLOW_UP_OWN_MATCH = 0.2
# With late interaction on, when both searches put the same passage first but the answer's
# re-ranking (MaxSim) would cite different ones, the context is kept if its re-ranked first
# passage matches the question's own tokens better than the question alone's does. On: with the
# comparison openers (bot/conversation.py), tuning 90 -> 92 of 102 and the check set 17 -> 18 of
# 24, held out 61 -> 61 of 92 with no switch more in context (docs/quality-log.md, "Conversations
# with late interaction"); `benchmarks/quality.py --late-follow-ups off on` measures it.
FOLLOW_UP_LATE_EVIDENCE = True
# A follow-up candidate's answer ranked toward what comes after the answer before (session 9;
# docs/quality-log.md, "Follow-up ranking"): the passage after the one it quoted, in its article,
# moves up FOLLOW_UP_NEXT_PRIOR fused-score points (so it is among those cited), and the sentence
# right after each it quoted gains FOLLOW_UP_SENTENCE_AFTER on its quote score. "why would that
# matter beyond amazon?" after the gold-standard sentence is answered by the one after it. 0
# and 0: ranked as any question. `benchmarks/quality.py --follow-up-ranking off on` measures it.
# A question that alone would be refused (its best cosine under EVBOT_MIN_SCORE, not a one-word
# question the sources use) gets its context as evidence allows: "floor", a follow-up candidate
# asking for a kind keeps it under the refusal floor as under FOLLOW_UP_OWN_MATCH ("why not?"
# alone 0.202); "agree", any question whose context finds the same first passage keeps it (the
# context then lends coverage, not a topic: "who benefits either way?"). Session 10;
# `benchmarks/quality.py --refused-alone off floor agree floor+agree` measures them.
REFUSED_ALONE: frozenset[str] = frozenset({"floor", "agree"})
# "agree" only for a question that alone matches its best passage at least this well ("who
# benefits either way?" 0.196): an off-topic question in a thread ("Who painted the Mona Lisa?"
# after a question about Amazon's battery partners, 0.00-0.11) lands on the context's first
# passage by chance, and is answered from it. Session 11; `--agree-own-match 0 0.15`.
# On for trust (with the rule below): an off-topic answer in a thread costs more than a missed
# follow-up; tuning off-topic asks in threads quoted 41 -> 5 of 207, tuning conversations 183 of
# 216 both ways, held out 106 -> 104 of 152 (docs/quality-log.md, "Off-topic questions in threads").
AGREE_OWN_MATCH = 0.15
# Under the own-match floor, a follow-up candidate whose words the sources never use keeps its
# context ("how so?"), but not one that names its own subject with them: "What is
# photosynthesis?" after any question is answered from the context. Session 11;
# `--unknown-subject off on`; on with AGREE_OWN_MATCH, for trust (measured together, above).
UNKNOWN_SUBJECT_ALONE = True
# Any question refused alone that names its own subject in words the sources never use is
# searched alone, before "agree" or the margin can lend it the thread's topic: "What is
# photosynthesis?" (alone 0.153, over AGREE_OWN_MATCH) after "What did Amazon pledge about
# carbon?" quoted the pledge. Session 11; `benchmarks/quality.py --unknown-subject-refused off on`.
UNKNOWN_SUBJECT_REFUSED = True
# A follow-up candidate whose own first passage holds a word of it that the context's first
# passage lacks names its own topic: "recycling" after "what does tesla have to do to survive"
# finds "recycling programs" alone, while the context finds a sustainability passage that matches
# it by cosine but never says the word. Session 11; `benchmarks/quality.py --own-words off on`:
# off, on top of the word rules tuning conversations 157 -> 156 of 186 ("what about its
# batteries?", "what about investors?" gained; "and the factories?", "and prices?", "what would
# that tech achieve?" lost: fragments borrow the frame of the question before, whose passage
# need not hold their word).
FOLLOW_UP_OWN_WORDS = False
# A follow-up candidate that alone would be refused and asks for something about the topic before
# (so it keeps its context, answered with the context's coverage), whose own first passage holds
# a word of it that the context's first passage lacks, is searched alone with that coverage:
# "what are its weak spots?" after a question about Tesla's reputation matches every passage
# under the refusal floor, yet BM25 finds "weaknesses" in the right one, which the context ranks
# below Tesla's reputation. And the sentence a quoted "these <word>" points at is quoted
# ("Production delays, quality control issues …", the sentence before "exploit these
# weaknesses"). It changes which passage answers, never whether one does: for every question
# refused alone (the first version) it answered off-topic questions in threads ("How do I renew
# my passport?"). Session 11; `benchmarks/quality.py --own-words-under-floor off on`.
OWN_WORDS_UNDER_FLOOR = True
# Where the sentence a quoted "these <word>" points at (a word of the question) is quoted
# (`pointed_at`): "" only for OWN_WORDS_UNDER_FLOOR's questions; "threads" any question asked in a
# conversation ("weaknesses?" after "how is tesla doing these days" quoted "exploit these
# weaknesses", not the sentence before, which lists them); "all" any question. Session 20,
# "threads": tuning conversations 465 -> 466 of 546 (the blind -18 33 -> 34), held out 234 -> 236
# of 332, nothing else moved (docs/quality-log.md, "Conversations (session 20)");
# `benchmarks/quality.py --follow-ups-20 off pointed=threads`.
POINTED_AT = "threads"
_POINTING = re.compile(r"\b(?:these|those|such)\s+(\w+)", re.IGNORECASE)
FOLLOW_UP_NEXT_PRIOR = 1.0
FOLLOW_UP_SENTENCE_AFTER = 0.1
# A follow-up searched in its context is re-ranked again by the question's own tokens (MaxSim's
# z-score among the top LATE_DEPTH, times this weight, on top of the context's re-ranking): the
# context finds the topic, the question says what about it. Session 18, off (0): tuning
# conversations 398 -> 399 of 466 at 0.5 (0.25 none, 1.0 395), held out 201 of 292 both ways,
# nothing else moved; one conversation chose the weight (docs/quality-log.md, "Conversations
# (session 18)"); `benchmarks/quality.py --follow-ups-18 own=0.5`.
FOLLOW_UP_OWN_MAXSIM = 0.0
# A follow-up candidate the margin would search alone keeps its context when its own words (late
# interaction's MaxSim) match a passage the answer before quoted at least as well as they match
# the question alone's first passage: it asks about what was just said. "who's competing with
# them?" after "what are tesla's weak spots" (whose answer quoted "a growing number of
# competitors") found a space-race passage alone. Session 12; `benchmarks/quality.py
# --answer-before-evidence off on`.
ANSWER_BEFORE_EVIDENCE = False
# A comparison naming a name the turn before did not ("compared to Bezos?" after "What is Musk
# known for?") asks the question before about that name: it is decided as any follow-up, not
# searched alone by the new-name rule (alone it quoted "The battle between Bezos and Musk …").
# Session 12; `benchmarks/quality.py --comparison-names off on`.
COMPARISON_NAMES = True
# A follow-up candidate the margin would search alone keeps its context when it picks up a word
# of the answer before (its word family: "competing" after "a growing number of competitors")
# and the context's re-ranked first passage matches its own words (late interaction's MaxSim) at
# least as well as its own first passage does: it asks about what was just said, and the context
# helps. "who's competing with them?" after "what are tesla's weak spots" found a space-race
# passage alone. Session 13; `benchmarks/quality.py --answer-words-evidence off on`.
ANSWER_WORDS_EVIDENCE = False
# A follow-up candidate's word the sources write only as a name ("europe", "asia": written_as_name)
# that the turn before never said names its own topic, as a capitalised new name does: typed in
# lower case, "what about europe and asia?" after "who are tesla's rivals" is a topic switch.
# Session 14, on: with OFF_CONTEXT_MATCH and THOSE_ANY_PLURAL, tuning conversations 258 -> 259 of
# 306, switches searched as follow-ups 2 -> 0, held out unchanged (docs/quality-log.md,
# "Conversations (session 14)"); `benchmarks/quality.py --follow-ups-14 off lower+offctx+those`.
LOWERCASE_NAMES = True
# A follow-up candidate whose context's first passage matches the question alone under this cosine,
# while its own first passage matches it OFF_CONTEXT_GAP better, is searched alone: the context
# answers something else ("and the minerals?" after "what is the prime integration thing": the
# Prime passage 0.01, the minerals passage 0.17). None: off. Session 14, on;
# `benchmarks/quality.py --follow-ups-14 offctx`.
OFF_CONTEXT_MATCH: float | None = 0.05
OFF_CONTEXT_GAP = 0.1
# "agree" lends a question refused alone the context only when the first passage both searches
# share holds every content word of the question (stemmed, as BM25 matches): then the context adds
# coverage to what the question asks ("who benefits either way?" and "stand to benefit"). An
# off-topic question sharing one word with a passage lands there alone and in any thread that
# ranks it first ("what makes a number prime" on Prime delivery, "what is lithium used for in
# medicine" on the lithium passage). Session 14, on: tuning threads' off-topic asks answered
# 119 -> 104 of 1,365, conversations 259 of 306 both ways; `benchmarks/quality.py --agree-words`.
AGREE_OWN_WORDS = True
# A follow-up candidate whose two searches put the same passage first keeps its context when the
# answer searched alone would quote another passage and the answer in context that shared one: the
# context holds the quote to what both searches agree on ("and the batteries?" after "how might
# musk respond": alone, its one word ties three battery sentences and the critics' wins by 0.007).
# Not for a question refused alone (the context would lend it coverage). Session 15, on: with
# OWN_OF_PHRASE and FRAGMENT_OWN_WORDS_GAP, tuning conversations 297 -> 300 of 346, switches
# searched as follow-ups 1 -> 0; held out 156 -> 157 of 232, switches 3 -> 2 (docs/quality-log.md,
# "Conversations (session 15)"); `benchmarks/quality.py --follow-ups-15 off shared+of+gap`.
SHARED_FIRST_QUOTED = True
# A fragment ("what about investors?") whose own first passage holds a word of it that the
# context's first passage lacks, and matches it this much better by cosine than the context's
# does, is searched alone: the frame it borrows moved off what it asks. Session 11's own words
# without the gap lost "and the factories?" (0.04 better) and "and prices?" (0.07). None: off.
# Session 15, on; `benchmarks/quality.py --follow-ups-15 gap`.
FRAGMENT_OWN_WORDS_GAP: float | None = 0.1
# An indefinite pronoun names nothing for the passage to hold ("anything on batteries?").
_INDEFINITE = re.compile(r"(?:any|some|every|no)(?:thing|one|body|where)")
# Nor does a noun that only frames the one before it ("and on the battery side?", "the money side
# of it", "the cloud stuff"): "agree" found the battery passage both ways, but it never writes
# "side", so the question refused alone stayed refused. Session 27, on (bot.conversation.LIKE_WHAT:
# the figures); `benchmarks/quality.py --follow-ups-27 side`.
FRAMING_NOUNS_UNHELD = True
_FRAMING_NOUNS = frozenset({"side", "sides", "stuff", "aspect", "aspects", "angle", "front"})

# A question asked alone whose best cosine is under the floor is covered when a passage writes
# a phrase of its own prose words word for word: "which regions are key battlegrounds" (best
# cosine 0.175) asks what "... are likely to be key battlegrounds" says. Names are left out (a
# name's phrase is in the sources whatever is asked about it: "Is Blue Origin planning a moon
# landing?"), and so are words of one letter or with digits ("f-150"). "alone": the question
# searched alone; "context": a follow-up's context query too ("why there?" after it). Session 15,
# on: tuning conversations 300 -> 301 of 346, in-domain first 309 -> 310 of 387; held out 157 ->
# 158 of 232, first 234 -> 235 of 299; no off-topic or near-domain answer more (docs/quality-log.md,
# "Conversations: ranking and the quote (session 15)"); `--literal-phrase off alone+context`.
LITERAL_PHRASE: frozenset[str] = frozenset({"alone", "context"})
# A follow-up candidate (not a fragment, not refused alone) that the rules would search alone
# keeps its context when each search's first passage, placed in the other's answer ranking, says
# the context's is the one both support more: the question's own words rank the context's first
# passage higher than the context ranks the question alone's. "what kind of vehicles do they
# make?" after "did amazon back any ev company before": alone the research facility comes first
# and stands 5th in context; the context's first (Rivian's) stands 2nd alone. Session 17, on:
# tuning conversations 361 -> 365 of 426 (the blind -15 30 -> 32), held out 184 -> 187 of 272,
# switches 2 and 2 both ways, nothing else moved (docs/quality-log.md, "Conversations (session
# 17)"); `benchmarks/quality.py --follow-ups-17 off ranks`.
RANK_AGREEMENT = True
# A question with no content word of its own ("why those ones?", "how so?") asks about what was
# just answered, so it is covered as well as the question before it was, when that was answered
# (not refused): "why those ones?" after "which countries matter most in this fight" scores 0.203
# with the answer before's names, 0.205 in context, under the floor. Session 17, on: tuning
# conversations 365 -> 366 of 426, held out 187 -> 188 of 272, nothing else moved;
# `benchmarks/quality.py --follow-ups-17 ranks ranks+borrowed`.
BORROWED_COVERAGE = True
# A follow-up candidate whose subject opens with "that" or "this" ("what does that mean for
# getting cars to ppl", "what's that built on?") asks about what was just said, which the question
# alone cannot name: it keeps its context where the rules above would search it alone. Session 19,
# on: tuning conversations 428 -> 430 of 506 (the blind -17 28 -> 29), switches 5 / 250 both, held
# out 217 of 312 both ways, nothing else moved (docs/quality-log.md, "Conversations (session 19)");
# `benchmarks/quality.py --follow-ups-19 off subject`.
DEMONSTRATIVE_SUBJECT = True
# Such a question that alone would be refused keeps its context even where OWN_WORDS_UNDER_FLOOR
# would search it alone for a word of its own the context's first passage lacks ("where's that
# know-how coming from" after "what's the ai angle with the amazon cars": "know-how" is not what
# it asks about, "that" is). Session 22, off: tuning conversations 538 -> 539 of 626 alone, but
# with IN_SITU one more held-out off-topic question answered in a thread (docs/quality-log.md,
# "Conversations (session 22)"); `benchmarks/quality.py --follow-ups-22 that`. Session 23, on (its
# own full run, without IN_SITU): tuning conversations 570 -> 571 of 666 (-20 31 -> 32), every
# thread line and every other line the same on both sides, held out 283 of 392 both ways;
# `--follow-ups-23 first+count+that`.
DEMONSTRATIVE_OVER_OWN_WORDS = True


# A fragment that singles out its first passage names its own topic (FRAGMENT_OWN_LEAD), unless
# the context puts that passage first too and lends it the coverage it lacks alone ("agree"): "and
# on the supply side?" after "what's amazon's edge over tesla" finds the supply-chain passage both
# ways, but alone it matches it under the floor and was refused. Session 29, on: tuning
# conversations 774 -> 775 of 906 (the blind -27 27 -> 28), switches 3 of 450 both ways; held out
# 374 -> 375 of 512, every other line the same, threads included; `--follow-ups-29 off lent`.
LEAD_LENT_BY_AGREEMENT = True


def lent_by_agreement(searches: QuestionSearches) -> bool:
    """Whether both searches put the same passage first and "agree" lends the context to a
    question refused alone there (LEAD_LENT_BY_AGREEMENT)."""
    own, context = searches.own_ranking.ids[:1], searches.context_ranking.ids[:1]
    if not LEAD_LENT_BY_AGREEMENT or not len(own) or not len(context):
        return False
    return int(own[0]) == int(context[0]) and searches.agrees_on(int(own[0]))


def subject_points_back(question: str, history: Sequence[str]) -> bool:
    """Whether the question's subject points at what was said: a demonstrative ("what's that
    built on?", DEMONSTRATIVE_SUBJECT) or "they" after a question joining two names ("what have
    they promised" after "are tesla and amazon eco-friendly", FOLLOW_UPS_30 "both")."""
    if DEMONSTRATIVE_SUBJECT and demonstrative_subject(question):
        return True
    return bool(history) and they_are_the_two_named(question, history[-1])


def names_a_topic(question: str) -> bool:
    """Whether a question only names something: it asks no question word of its own and points
    at nothing said before ("and the minerals?"; not "what year?", "and if he pulls it off?")."""
    return not asks_a_question_word(question) and not points_back(question)


def leaves_own_words_behind(retriever: Retriever, question: str, own: int, context: int) -> bool:
    """Whether the question's first passage alone holds a content word of it (stemmed, as BM25
    matches) that the context's first passage does not: the context moved off what it asks."""
    passages = retriever.index.passages
    asked, alone, in_context = terms(
        [" ".join(content_words(question)), passages[own].text, passages[context].text]
    )
    held = set(asked) & set(alone)
    return bool(held) and not held & set(in_context)


def pointed_at(hit: Hit, question: str) -> Hit:
    """`hit` with the sentence before one saying "these <word>" (a word of the question,
    stemmed) scored as that sentence is, and a hair above: "exploit these weaknesses" points at
    the sentence listing them, which answers "what are its weak spots?"."""
    asked = set(terms([" ".join(content_words(question))])[0])
    scores = list(hit.sentence_scores)
    for at, sentence in enumerate(hit.passage.sentence_texts()):
        pointed = [m.group(1) for m in _POINTING.finditer(sentence)]
        if at and pointed and asked & set(terms([" ".join(pointed)])[0]):
            scores[at - 1] = max(scores[at - 1], scores[at] + 1e-3)
    return dataclasses.replace(hit, sentence_scores=tuple(scores))


# A question whose "he" or "she" points at a person only the answer before named ("what is he
# known for?" after "Who is Tesla's CEO?") is searched with the names, and each sentence scored for
# both; but the sentence the answer before quoted is why the names are known ("With its
# charismatic CEO Elon Musk at the helm"), and the asker wants something new about him: that one
# is scored for the question alone. Not for "it" or "they" (things, several: "what kind of
# vehicles does it make?" is answered by the maker's sentence). Session 24;
# `benchmarks/quality.py --follow-ups-24 said`.
SAID_FOR_THE_QUESTION = True
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}


def quoted_for_both(
    retriever: Retriever,
    query: str,
    vector: np.ndarray,
    question: str,
    k: int,
    said: str | None = None,
) -> list[Hit]:
    """The passages found for a question with the names it points at, each sentence scored for
    both: the mean of its score for `query` and for the question as asked.

    Scored for the names alone, "Elon Musk what is he preparing?" (after "Who is at Tesla's
    helm?") quotes the sentence naming him, "With its charismatic CEO Elon Musk at the helm";
    for the question alone, "what kind of vehicles does it make?" quotes "The vehicles
    themselves are expected to feature several key innovations:", not Rivian's "electric truck
    and SUV". Each half weighs 0.5: 0.25 and 0.75 each lost a tuning conversation that 0.5
    keeps (docs/quality-log.md). `said`: the answer before; with SAID_FOR_THE_QUESTION, a
    sentence it quoted is scored for the question alone when the question asks of a person.
    """
    ranking = retriever.rank(query, vector)
    asks_of_a_person = bool(_PERSON_PRONOUNS & set(re.findall(r"[a-z]+", question.lower())))
    if not SAID_FOR_THE_QUESTION or not asks_of_a_person:
        said = None
    found = retriever.hits(query, vector, ranking, k)
    asked = retriever.hits(question, retriever.embedder.encode_query(question), ranking, k)
    return [
        dataclasses.replace(
            hit,
            sentence_scores=tuple(
                alone if said and _says(said, sentence) else (with_names + alone) / 2
                for with_names, alone, sentence in zip(
                    hit.sentence_scores,
                    alone_hit.sentence_scores,
                    hit.passage.sentence_texts(),
                    strict=True,
                )
            ),
            sentence_lift=tuple(
                (with_names + alone) / 2
                for with_names, alone in zip(
                    hit.sentence_lift, alone_hit.sentence_lift, strict=True
                )
            ),
            passage_lift=(hit.passage_lift + alone_hit.passage_lift) / 2,
        )
        for hit, alone_hit in zip(found, asked, strict=True)
    ]


def context_answers_better(
    retriever: Retriever, question: str, query: str, own: Ranking, context: Ranking
) -> bool:
    """Whether the answer's re-ranking cites another first passage for the question in its
    context than alone, one that matches the question's own tokens better (MaxSim).

    The fused searches agreeing on a passage say the context cannot find another topic, but
    late interaction re-ranks the answer's top passages by every word of the query: "Tesla's
    weaknesses who's trying to take advantage of them?" then cites "Jeff Bezos is now looking to
    exploit these weaknesses", which the question alone ranks below a general passage. False
    without late interaction.
    """
    if retriever.late is None:
        return False
    own_first = int(retriever.reranked(question, own).ids[0])
    context_first = int(retriever.reranked(query, context).ids[0])
    if own_first == context_first:
        return False
    alone, in_context = retriever.late.passage_scores(question, [own_first, context_first])
    return bool(in_context > alone)


def _says(answer: str, sentence: str) -> bool:
    return bool(sentence.strip()) and sentence.strip() in answer


def after_the_answer_before(
    retriever: Retriever,
    query: str,
    vector: np.ndarray,
    answer: str,
    k: int,
    question: str | None = None,
) -> list[Hit]:
    """The answer's hits for a follow-up, ranked toward what follows `answer` (the answer
    before) in the sources: the passage after each it quoted moves up FOLLOW_UP_NEXT_PRIOR, and
    each sentence right after one it quoted (in its passage, or opening the next) gains
    FOLLOW_UP_SENTENCE_AFTER.

    Only among the ranked candidates: which passages the answer before quoted is read from its
    text, so the index is never scanned. `question`: the question as asked, when `query` is it
    in its context (FOLLOW_UP_OWN_MAXSIM).
    """
    ranking = retriever.reranked(query, retriever.rank(query, vector))
    # What is asked is the question, not its context: its own tokens re-rank the context's top.
    if FOLLOW_UP_OWN_MAXSIM and question and question != query and content_words(question):
        ranking = retriever.reranked(question, ranking, None, FOLLOW_UP_OWN_MAXSIM)
    passages = retriever.index.passages
    rows = [int(r) for r in ranking.ids]
    quoted = {r for r in rows if any(_says(answer, t) for t in passages[r].sentence_texts())}
    # The next row, when it is the same article's next passage (a build keeps them in order).
    after = {
        r + 1
        for r in quoted
        if r + 1 < len(passages)
        and passages[r + 1].doc_id == passages[r].doc_id
        and passages[r + 1].start >= passages[r].end
    }
    scores = ranking.scores + np.where(np.isin(ranking.ids, list(after)), FOLLOW_UP_NEXT_PRIOR, 0.0)
    order = np.argsort(-scores, kind="stable")
    ranking = dataclasses.replace(
        ranking, ids=ranking.ids[order], scores=scores[order], lexical=ranking.lexical[order]
    )
    hits = retriever.hits(query, vector, ranking, k)
    row_of = {passages[int(r)].id: int(r) for r in ranking.ids[: k * 4]}
    moved = []
    for hit in hits:
        said = [_says(answer, t) for t in hit.passage.sentence_texts()]
        opens_after = row_of.get(hit.passage.id, -1) in after and _says(
            answer, passages[row_of[hit.passage.id] - 1].sentence_texts()[-1]
        )
        follows = [opens_after, *said[:-1]]
        scores_after = tuple(
            score + (FOLLOW_UP_SENTENCE_AFTER if follow and not was_said else 0.0)
            for score, follow, was_said in zip(hit.sentence_scores, follows, said, strict=True)
        )
        moved.append(dataclasses.replace(hit, sentence_scores=scores_after))
    return moved


# The vectors a conversation's turn searched, kept for its next turn: a question with no word of
# its own is covered as the question before was searched (`coverage_before`), which that turn
# encoded already. Per embedder (a model's vectors are its own); bounded, as the questions asked
# are anyone's and many conversations ask between two turns of one (a vector evicted is encoded
# again: the same figures, only slower).
KEPT_VECTORS = 256
_kept_vectors: weakref.WeakKeyDictionary[Embedder, OrderedDict[str, np.ndarray]] = (
    weakref.WeakKeyDictionary()
)
_kept_lock = threading.Lock()


def keep_vector(embedder: Embedder, text: str, vector: np.ndarray) -> np.ndarray:
    """`vector`, `text`'s from `embedder`, kept (a copy) for `kept_vector`; returned as given."""
    with _kept_lock:
        kept = _kept_vectors.setdefault(embedder, OrderedDict())
        kept[text] = vector.copy()
        kept.move_to_end(text)
        while len(kept) > KEPT_VECTORS:
            kept.popitem(last=False)
    return vector


def kept_vector(embedder: Embedder, text: str) -> np.ndarray:
    """`text`'s vector from `embedder`: the one a turn kept (a copy, so no caller shares it),
    else encoded now and kept."""
    with _kept_lock:
        kept = _kept_vectors.get(embedder)
        vector = kept.get(text) if kept is not None else None
    if vector is not None:
        return vector.copy()
    return keep_vector(embedder, text, embedder.encode_query(text))


class QuestionSearches:
    """One asked question's searches, alone and in its context (`search_query`): its vectors,
    rankings and refusal check, each worked out at most once and only when first needed, since
    the follow-up decision (`search_for`) and the answer (`ask`) both use them."""

    def __init__(
        self,
        embedder: Embedder,
        settings: Settings,
        retriever: Retriever,
        question: str,
        history: Sequence[str],
        previous_answer: str | None,
    ) -> None:
        self.embedder = embedder
        self.settings = settings
        self.retriever = retriever
        self.question = question
        self.history = history
        self.previous_answer = previous_answer
        self.query = search_query(question, history)

    @functools.cached_property
    def vector(self) -> np.ndarray:
        return keep_vector(self.embedder, self.question, self.embedder.encode_query(self.question))

    @functools.cached_property
    def context_vector(self) -> np.ndarray:
        return keep_vector(self.embedder, self.query, self.embedder.encode_query(self.query))

    @functools.cached_property
    def own_ranking(self) -> Ranking:
        return self.retriever.rank(self.question, self.vector)

    @functools.cached_property
    def context_ranking(self) -> Ranking:
        return self.retriever.rank(self.query, self.context_vector)

    @functools.cached_property
    def best_similarity(self) -> float:
        """The question alone's best cosine with any passage."""
        return best_similarity(self.retriever, self.vector)

    @functools.cached_property
    def refused_alone(self) -> bool:
        """Whether the question asked alone would be refused for matching nothing (as `ask`
        judges coverage: its best cosine, or a one-word question whose word the sources use)."""
        question = self.question
        if len(content_words(question)) <= 1 and names_source_terms(self.retriever, question):
            return False
        if self.best_similarity >= self.settings.min_score:
            return False
        return not ("alone" in LITERAL_PHRASE and writes_phrase(self.retriever, question))

    @functools.cached_property
    def coverage_before(self) -> float | None:
        """The question before's best cosine, as it was searched, for a question with no content
        word of its own asked after an answer (BORROWED_COVERAGE); None otherwise."""
        question, history = self.question, self.history
        if not BORROWED_COVERAGE or not history or self.previous_answer is None:
            return None
        if content_words(question):
            return None
        # As the turn before searched it: its vector is kept, not encoded again.
        before = search_query(history[-1], history[:-1])
        borrowed = best_similarity(self.retriever, kept_vector(self.embedder, before))
        # The answer before was given, so it was covered (by its cosine or by another rule): a
        # question about it is too, when its search finds that answer's passage first.
        if rule_30("floor") and self.context_finds_the_answer_before:
            return max(borrowed, self.settings.min_score)
        return borrowed

    @property
    def context_finds_the_answer_before(self) -> bool:
        """Whether the question searched in its context (the answer's ranking) puts first a
        passage the answer before quoted ("so what?" after "who is rivian?": Rivian's passage;
        not "who's it for" after the article's last lines, which finds a passage on who wins)."""
        answer = self.previous_answer
        if not answer or not self.history:
            return False
        ranking = self.retriever.answer_ranking(self.query, self.context_ranking)
        if not len(ranking.ids):
            return False
        first = self.retriever.index.passages[int(ranking.ids[0])]
        return any(_says(answer, sentence) for sentence in first.sentence_texts())

    @functools.cached_property
    def stays_on_the_answer_before(self) -> bool:
        """Whether the answer searched alone would quote a passage the answer before quoted and
        the answer searched in context one it did not: the question asks about what was just
        said, which its own words find (FOLLOW_UPS_31 "stays"). False for a question with no
        content word of its own ("why?" alone finds nothing of its own), nor for one that alone
        would be refused (its context lends it coverage: "why should the others care")."""
        answer = self.previous_answer
        if not answer or not self.history or not content_words(self.question):
            return False
        if self.refused_alone:
            return False
        k = self.settings.citations
        own = self.passage_quoted(self.question, self.vector, k)
        context = self.passage_quoted(self.query, self.context_vector, k)
        if own is None or context is None or own.id == context.id:
            return False

        # only the two passages are read: the index may hold millions
        def said(passage: Passage) -> bool:
            return any(_says(answer, t) for t in passage.sentence_texts())

        return said(own) and not said(context)

    @functools.cached_property
    def context_agrees_more(self) -> bool:
        """Whether the context's first passage (the answer's re-ranking) stands higher in the
        question alone's answer ranking than the question alone's first stands in the context's:
        the passage both searches support more is the context's (RANK_AGREEMENT)."""
        if not RANK_AGREEMENT or self.refused_alone or is_fragment(self.question):
            return False
        own = [int(r) for r in self.retriever.answer_ranking(self.question, self.own_ranking).ids]
        context = [
            int(r) for r in self.retriever.answer_ranking(self.query, self.context_ranking).ids
        ]
        if not own or not context or own[0] == context[0]:
            return False
        return own.index(context[0]) < context.index(own[0])

    @functools.cached_property
    def own_words_coverage(self) -> float | None:
        """For a follow-up candidate that alone would be refused and asks for something about
        the topic before (so it would keep its context, and be answered with the context's
        coverage): that coverage (the context's best cosine) when the question's own first
        passage holds a word of it that the context's first passage lacks; it is then searched
        alone. None otherwise: then it never changes whether a question is answered, only
        which passage answers it. Asked by the decision and again by the answer."""
        question, history, retriever = self.question, self.history, self.retriever
        if not OWN_WORDS_UNDER_FLOOR or self.query == question or not history:
            return None
        if not asks_a_question_word(question) or not self.refused_alone:
            return None
        previous_answer = self.previous_answer
        own_names = new_names(question, f"{history[-1]} {previous_answer}")
        if previous_answer and own_names and names_source_terms(retriever, " ".join(own_names)):
            return None  # searched alone by the new-name rule, as any question naming its topic
        own = self.own_ranking.ids[:1]
        context = self.context_ranking.ids[:1]
        if not len(own) or not len(context) or int(own[0]) == int(context[0]):
            return None
        if not leaves_own_words_behind(retriever, question, int(own[0]), int(context[0])):
            return None
        return best_similarity(retriever, self.context_vector)

    @functools.cached_property
    def asks_about_the_answer_before(self) -> bool:
        """Whether the question's own words match a passage the answer before quoted (MaxSim)
        at least as well as the question alone's first passage, one the answer before did not
        quote: then the question asks about what was just said. False without late interaction,
        without the answer before, or for a question that alone would be refused (an off-topic
        question in a thread is not lent the thread's passage)."""
        late, answer = self.retriever.late, self.previous_answer
        if not ANSWER_BEFORE_EVIDENCE or late is None or not answer or not self.history:
            return False
        if self.refused_alone:
            return False
        passages = self.retriever.index.passages
        rows = dict.fromkeys(int(r) for r in [*self.own_ranking.ids, *self.context_ranking.ids])
        quoted = [r for r in rows if any(_says(answer, t) for t in passages[r].sentence_texts())]
        own_first = int(self.retriever.reranked(self.question, self.own_ranking).ids[0])
        if not quoted or own_first in quoted:
            return False
        own, *said = late.passage_scores(self.question, [own_first, *quoted])
        return bool(max(said) >= own)

    @functools.cached_property
    def picks_up_the_answer_before(self) -> bool:
        """Whether the question picks up a word of the answer before (its word family) and the
        context's re-ranked first passage matches the question's own words (MaxSim) at least as
        well as the question alone's does (ANSWER_WORDS_EVIDENCE). False without late
        interaction, without the answer before, or for a question refused alone."""
        late, answer = self.retriever.late, self.previous_answer
        if not ANSWER_WORDS_EVIDENCE or late is None or not answer or not self.history:
            return False
        if self.refused_alone or not picks_up(self.question, answer, word_family=True):
            return False
        own_first = int(self.retriever.reranked(self.question, self.own_ranking).ids[0])
        context_first = int(self.retriever.reranked(self.query, self.context_ranking).ids[0])
        if own_first == context_first:
            return False
        alone, in_context = late.passage_scores(self.question, [own_first, context_first])
        return bool(in_context >= alone)

    def quoted_passage(self, query: str, vector: np.ndarray, k: int) -> str | None:
        """The id of the passage whose sentence the answer searched for `query` would quote (its
        best-scoring sentence among `k` cited passages, as a follow-up's quote is chosen)."""
        passage = self.passage_quoted(query, vector, k)
        return passage.id if passage is not None else None

    def passage_quoted(self, query: str, vector: np.ndarray, k: int) -> Passage | None:
        """`quoted_passage`, the passage itself."""
        answer = self.previous_answer
        if answer and (FOLLOW_UP_NEXT_PRIOR or FOLLOW_UP_SENTENCE_AFTER):
            hits = after_the_answer_before(self.retriever, query, vector, answer, k)
        else:
            hits = self.retriever.answer_search(query, vector, k)[0]
        scored = [h for h in hits if h.sentence_scores]
        return max(scored, key=lambda h: max(h.sentence_scores)).passage if scored else None

    def quotes_only_in_context(self, shared: int, k: int) -> bool:
        """Whether both searches' first passage `shared` is quoted by the answer searched in
        context but not by the answer searched alone (SHARED_FIRST_QUOTED)."""
        passage = self.retriever.index.passages[shared].id
        if self.quoted_passage(self.question, self.vector, k) == passage:
            return False
        return self.quoted_passage(self.query, self.context_vector, k) == passage

    def holds_own_words(self, row: int) -> bool:
        """Whether passage `row` holds every content word of the question (stemmed, as BM25
        matches; true for a question without any, "why?")."""
        words = [w for w in content_words(self.question) if not _INDEFINITE.fullmatch(w)]
        if FRAMING_NOUNS_UNHELD:  # "the battery side": the passage need only hold "battery"
            words = [w for w in words if w not in _FRAMING_NOUNS]
        asked, held = terms([" ".join(words), self.retriever.index.passages[row].text])
        return set(asked) <= set(held)

    def agrees_on(self, row: int) -> bool:
        """Whether "agree" may lend the context when both searches put passage `row` first:
        `agrees_alone`, and with AGREE_OWN_WORDS the passage holds the question's own words."""
        return self.agrees_alone and (not AGREE_OWN_WORDS or self.holds_own_words(row))

    @property
    def agrees_alone(self) -> bool:
        """Whether session 10's "agree" may give a question refused alone (in a thread) its
        context when both searches find the same first passage: only one that alone comes near
        covering itself (AGREE_OWN_MATCH), not an off-topic question landing there by chance."""
        if "agree" not in REFUSED_ALONE or not self.history or not self.refused_alone:
            return False
        return self.best_similarity >= AGREE_OWN_MATCH


def resolved_question(
    question: str, history: Sequence[str], previous_answer: str | None
) -> str | None:
    """The question with the names its pronoun points at, when only the answer before named
    them ("Elon Musk what is he known for?"); None otherwise (bot/conversation.py)."""
    if not history or not is_follow_up(question):
        return None
    named = referents(question, history[-1], previous_answer)
    return " ".join([*named, question]) if named else None


def search_for(searches: QuestionSearches, resolved: str | None) -> tuple[str, np.ndarray]:
    """What to search for, and its vector: the question, or the question in its context.

    A question that reads as a follow-up (bot/conversation.py) is searched both alone and
    with the questions before it, and keeps its context only when that helps: when the
    context finds another first passage, one that matches the question alone about as well
    as the question's own first passage does (a fragment such as "and the factories?" more
    loosely), or when the question alone matches nothing. "Who is Amazon partnering with on
    batteries?" then "where will the factories be?" finds the factories; "by when?" after the
    carbon pledge finds 2040. A question whose own first passage the context finds too names
    its own topic ("Panasonic?" after "Where will the cars be made?") and is searched alone:
    the context would only pull its quote toward the earlier topic. Unless it picks up a
    word of `previous_answer`, the answer to the question before: "which competitors?" after
    an answer naming "a growing number of competitors" asks about that sentence
    (docs/quality-log.md). Or, with late interaction, unless the answer's re-ranking would cite
    another first passage in context, one matching the question's own tokens better
    (`context_answers_better`), or unless only the answer in context would quote that shared
    passage (SHARED_FIRST_QUOTED). A fragment whose own first passage holds its word, which
    the context's lacks, and matches it clearly better is searched alone
    (FRAGMENT_OWN_WORDS_GAP: "what about investors?").

    A question naming a name the turn before (question and the answer, when known) did not,
    one the sources use, names its own topic and is searched alone ("and what about
    Rivian?"), and so does a word typed in lower case that the sources write only as a name,
    in few passages ("what about europe and asia?", LOWERCASE_NAMES). A question only naming
    something whose context's first passage does not match it at all is searched alone
    ("and the minerals?", OFF_CONTEXT_MATCH). A pronoun pointing at a name only the answer
    before said is searched with that name, not with the question before ("Elon Musk what is
    he known for?" after "Who is Tesla's CEO?"). `resolved`: the question's `resolved_question`
    (None when no pronoun of it points at a name only the answer before said).
    """
    question, history = searches.question, searches.history
    previous_answer, retriever = searches.previous_answer, searches.retriever
    query = searches.query
    # Before the question's own vector: a resolved pronoun is searched without it (a question
    # with a pronoun to resolve names nobody, so the new-name rule below never takes it).
    if query != question and resolved:
        return resolved, searches.embedder.encode_query(resolved)
    vector = searches.vector
    if (
        UNKNOWN_SUBJECT_REFUSED
        and history
        and searches.refused_alone
        and names_own_subject(question)
        and not names_source_terms(retriever, question)
    ):
        return question, vector
    if query == question:
        if searches.agrees_alone:
            query = context_query(question, history)
            in_context = searches.embedder.encode_query(query)
            own_first = searches.own_ranking.ids[:1]
            context_first = retriever.rank(query, in_context).ids[:1]
            if (
                len(own_first)
                and len(context_first)
                and own_first[0] == context_first[0]
                and searches.agrees_on(int(own_first[0]))
            ):
                return query, in_context
        return question, vector
    # Only when the answer before is known: without it, who was named before is not.
    own_names = new_names(question, f"{history[-1]} {previous_answer}")
    if LOWERCASE_NAMES and previous_answer and not own_names:
        own_names = lowercase_names(retriever, question, f"{history[-1]} {previous_answer}")
    if (
        previous_answer
        and own_names
        and names_source_terms(retriever, " ".join(own_names))
        and not (COMPARISON_NAMES and compares(question))
    ):
        return question, vector
    in_context = searches.context_vector
    if is_unfinished(question):  # "in what industry": the end of the question before
        return query, in_context
    # "is it a big moment?": alone it finds the passage just quoted, the context another one.
    if rule_31("stays") and searches.stays_on_the_answer_before:
        return question, vector
    vectors = retriever.index.passage_vectors
    own = searches.own_ranking
    own_top = own.ids[:1]
    context = searches.context_ranking
    context_top = context.ids[:1]
    if not len(own_top) or not len(context_top):
        return question, vector
    own_best = float(vectors[int(own_top[0])] @ vector)
    if OFF_CONTEXT_MATCH is not None and names_a_topic(question):
        context_match = float(vectors[int(context_top[0])] @ vector)
        if context_match < OFF_CONTEXT_MATCH and own_best - context_match >= OFF_CONTEXT_GAP:
            return question, vector
    weak = own_best < FOLLOW_UP_OWN_MATCH or ("floor" in REFUSED_ALONE and searches.refused_alone)
    unknown = not names_source_terms(retriever, question) and not (
        UNKNOWN_SUBJECT_ALONE and names_own_subject(question)
    )
    if weak and (asks_a_question_word(question) or unknown):
        # "where's that know-how coming from": its subject points back, whatever its words find.
        pointing = DEMONSTRATIVE_OVER_OWN_WORDS and subject_points_back(question, history)
        if searches.own_words_coverage and not pointing:
            return question, vector
        return query, in_context
    # How far the question alone puts its first passage ahead (fused z-scores): a fragment
    # that singles one out names its own topic ("and Wall Street?").
    own_lead = float(own.scores[0] - own.scores[1]) if len(own.scores) > 1 else math.inf
    if is_fragment(question) and own_lead >= FRAGMENT_OWN_LEAD and not lent_by_agreement(searches):
        return question, vector
    if (
        FOLLOW_UP_OWN_WORDS
        and int(context_top[0]) != int(own_top[0])
        and leaves_own_words_behind(retriever, question, int(own_top[0]), int(context_top[0]))
    ):
        return question, vector
    if (
        FRAGMENT_OWN_WORDS_GAP is not None
        and is_fragment(question)
        and int(context_top[0]) != int(own_top[0])
        and own_best - float(vectors[int(context_top[0])] @ vector) >= FRAGMENT_OWN_WORDS_GAP
        and leaves_own_words_behind(retriever, question, int(own_top[0]), int(context_top[0]))
    ):
        return question, vector
    if int(context_top[0]) == int(own_top[0]):
        if previous_answer and picks_up(question, previous_answer):
            return query, in_context
        if searches.agrees_on(int(own_top[0])):
            return query, in_context
        if FOLLOW_UP_LATE_EVIDENCE and context_answers_better(
            retriever, question, query, own, context
        ):
            return query, in_context
        if (
            SHARED_FIRST_QUOTED
            and not searches.refused_alone
            and searches.quotes_only_in_context(int(own_top[0]), searches.settings.citations)
        ):
            return query, in_context
        if searches.context_agrees_more:
            return query, in_context
        if subject_points_back(question, history):
            return query, in_context
        return question, vector
    context_best = float(vectors[int(context_top[0])] @ vector)
    margin = FRAGMENT_MARGIN if is_fragment(question) else FOLLOW_UP_MARGIN
    if context_best >= own_best - margin:
        return query, in_context
    if searches.asks_about_the_answer_before:
        return query, in_context
    if searches.picks_up_the_answer_before:
        return query, in_context
    if searches.context_agrees_more:
        return query, in_context
    if subject_points_back(question, history):
        return query, in_context
    return question, vector

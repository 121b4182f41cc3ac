"""The sense a question gives a name of the sources, read from the model's token vectors.

A word's token vector carries its context: "musk" in "which perfumes have a strong musk base note"
matches the sources' "Musk" (Elon) less well than "musk" asked about bare ("what about musk?")
does, while "musk" in "what is the musk temperament like" matches it as well. `bot/off_topic.py`
reads the gap (`NAME_SENSE_GAP`), and a word's best match in the sources, which tells a word they
write in another form ("loyal": "loyalty", `OTHER_FORM_MATCH`): docs/quality-log.md, "Off-topic
questions (session 18)".
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import numpy as np

from bot.lookups import people_in
from bot.retrieval import LateInteraction, Retriever
from bot.token_evidence import word_evidence

# Short questions asking about the name and nothing else: its sense as the sources' (the mean of
# their matches, so no one phrasing sets it).
BARE_QUESTIONS = ("{}?", "and {}?", "what about {}?", "tell me about {}")
# Passages the name is matched in: the ones BM25 finds for it, as `bot.source_terms` reads names.
NAME_PASSAGES = 20

# The bare questions' match, per retriever (its index) and name: the same for every question.
_BARE: weakref.WeakKeyDictionary[Retriever, dict[str, float]] = weakref.WeakKeyDictionary()
# The first names of the people the sources name in full, per retriever (its index).
_PEOPLE: weakref.WeakKeyDictionary[Retriever, frozenset[str]] = weakref.WeakKeyDictionary()


def _matches_over(late: LateInteraction, text: str, rows: Sequence[int]) -> dict[str, float]:
    """Each content word of `text` and its best token match (the mean of its pieces') over the
    passages `rows`."""
    evidence = [late.evidence(text, int(row)) for row in rows]
    if not evidence:
        return {}
    return word_evidence(text, evidence[0].words, [e.best for e in evidence])


def name_match(retriever: Retriever, text: str, word: str) -> float | None:
    """`word`'s best token match (the mean of its pieces') in `text`, over the passages BM25
    finds for it; none without late interaction or when `text` holds no such token."""
    late = retriever.late
    if late is None:
        return None
    rows, scores = retriever.index.lexical.scored(word)
    rows = rows[np.argsort(-scores, kind="stable")[:NAME_PASSAGES]]
    return _matches_over(late, text, rows).get(word)


def bare_match(retriever: Retriever, word: str) -> float | None:
    """`name_match` of `word` asked about bare, in `BARE_QUESTIONS` (their mean)."""
    known = _BARE.setdefault(retriever, {})
    if word not in known:
        found = [name_match(retriever, form.format(word), word) for form in BARE_QUESTIONS]
        matched = [m for m in found if m is not None]
        if not matched:  # no late interaction: not read, and not kept
            return None
        known[word] = float(np.mean(matched))
    return known[word]


def word_matches(retriever: Retriever, question: str, vector: np.ndarray) -> dict[str, float]:
    """Each content word of `question` and its best token match (the mean of its pieces') over
    the `NAME_PASSAGES` passages nearest the question's vector: how well the sources write it in
    any form ("loyal" in "loyalty" 0.69-0.72); empty without late interaction. One pass serves
    every word of the question."""
    late = retriever.late
    if late is None:
        return {}
    return _matches_over(late, question, retriever.index.nearest(vector, NAME_PASSAGES))


def sense_gap(retriever: Retriever, question: str, word: str) -> float | None:
    """How much less well `word` matches the sources in `question` than asked about bare (none:
    not read)."""
    bare = bare_match(retriever, word)
    asked = name_match(retriever, question, word)
    return None if bare is None or asked is None else bare - asked


def first_names_of_people(retriever: Retriever) -> frozenset[str]:
    """The first names, lower-cased, of the people the passages name in full ("jeff" of "Jeff
    Bezos", "elon"; `bot.lookups.people_in`), read once per index."""
    if retriever not in _PEOPLE:
        people = (p for passage in retriever.index.passages for p in people_in(passage.text))
        _PEOPLE[retriever] = frozenset(person.split()[0].lower() for person in people)
    return _PEOPLE[retriever]

"""A bare name asked in a thread ("blue origin?", "spacex") is answered where the article
introduces it: the first sentence of the cited passages that writes it.

A message that is only a name switches to it and asks what it is. The article says that where it
first writes the name ("Once competitors in the space race through their companies Blue Origin
and SpaceX, …": their companies); a later sentence only uses it ("Their rivalry first gained
public attention when SpaceX and Blue Origin went head-to-head …"), and the quote's scores had
chosen that one. Only a name written in few passages: one most passages use (Tesla, Musk) is what
the article is about, and its first mention is no introduction ("designed to rival Tesla's
dominance").
"""

from __future__ import annotations

import dataclasses

from bot.conversation import content_words, is_bare
from bot.definitions import writes_name
from bot.retrieval import Hit, Retriever
from bot.source_terms import written_as_name

# Session 25; `benchmarks/quality.py --follow-ups-25 first` (off: the quote's scores alone).
FIRST_MENTION = True
# The first mention is quoted when it scores at least this share of the best sentence ("blue
# origin?": 1.78 of 1.95, "spacex": 1.78 of 1.98); a name written in at most this many passages.
FIRST_MENTION_RATIO = 0.85
FIRST_MENTION_PASSAGES = 3


def bare_name(retriever: Retriever, question: str) -> str | None:
    """The name a message only names ("blue origin?" -> "blue origin"): no question word, verb or
    pointer (`is_bare`), each word written only as a name (`written_as_name`) in at most
    FIRST_MENTION_PASSAGES passages. None otherwise (FIRST_MENTION)."""
    if not FIRST_MENTION or not is_bare(question):
        return None
    words = [w.removesuffix("'s") for w in content_words(question)]
    lexical = retriever.index.lexical
    if not words or any(lexical.passages_with(w) > FIRST_MENTION_PASSAGES for w in words):
        return None
    if not all(written_as_name(retriever, w) for w in words):
        return None
    return " ".join(words)


def introduced_first(hits: list[Hit], name: str) -> list[Hit]:
    """`hits` with the first sentence writing `name` (in the article of the best such sentence,
    by its place in the article) scored a hair above the best sentence, when it scores at least
    FIRST_MENTION_RATIO of it: the quote is then where the article introduces the name."""
    writing = [
        (at, n)
        for at, hit in enumerate(hits)
        for n, sentence in enumerate(hit.passage.sentence_texts())
        if writes_name(sentence, name)
    ]
    if not writing:
        return hits
    best = max(max(hit.sentence_scores, default=0.0) for hit in hits)
    doc = hits[max(writing, key=lambda w: hits[w[0]].sentence_scores[w[1]])[0]].passage.doc_id
    at, n = min(
        (w for w in writing if hits[w[0]].passage.doc_id == doc),
        key=lambda w: hits[w[0]].passage.sentences[w[1]],
    )
    score = hits[at].sentence_scores[n]
    if score >= best or score < FIRST_MENTION_RATIO * best:
        return hits
    scores = list(hits[at].sentence_scores)
    scores[n] = best + 1e-3
    changed = dataclasses.replace(hits[at], sentence_scores=tuple(scores))
    return [changed if i == at else hit for i, hit in enumerate(hits)]

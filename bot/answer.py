"""Hits -> an `Answer`: platform-neutral data that every front end renders.

Nothing is generated: the answer text is the best supporting sentence(s), quoted verbatim from
the cited passages. When the best passage is not similar enough to the question, the answer is
a refusal that says the sources do not cover it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.errors import BadQuestion
from bot.retrieval import Hit
from bot.settings import MAX_QUESTION_CHARS

REFUSAL = "The sources I have don't cover that question."
# The neighbouring sentence joins the answer when it scores at least this share of the best one:
# it often names what the best sentence only points at (measured on the shipped question set).
SECOND_SENTENCE_RATIO = 0.5
# How much the passage's own similarity counts when picking the sentence to quote.
PASSAGE_WEIGHT = 1.0


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    url: str | None
    section: str | None
    text: str
    score: float


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "citations": [asdict(c) for c in self.citations],
            "quotes": [asdict(q) for q in self.quotes],
            "timings_ms": self.timings_ms,
        }


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
) -> Answer:
    answer_id = uuid.uuid4().hex
    if not hits or max(h.dense for h in hits) < min_score:
        return Answer(id=answer_id, question=question, answer=REFUSAL, refused=True)
    citations = tuple(
        Citation(
            n=n,
            doc_id=hit.passage.doc_id,
            title=str(articles.get(hit.passage.doc_id, {}).get("title") or hit.passage.doc_id),
            url=articles.get(hit.passage.doc_id, {}).get("url"),
            section=hit.passage.section,
            text=hit.passage.text,
            score=round(hit.score, 6),
        )
        for n, hit in enumerate(hits, start=1)
    )
    quotes = _best_sentences(hits)
    return Answer(
        id=answer_id,
        question=question,
        answer=" ".join(q.text for q in quotes),
        refused=False,
        citations=citations,
        quotes=quotes,
    )


def _best_sentences(hits: Sequence[Hit]) -> tuple[Quote, ...]:
    """The best-scoring sentence, plus its better neighbour in the passage when relevant enough."""
    candidates = [
        (score + PASSAGE_WEIGHT * hit.dense, score, n, i)
        for n, hit in enumerate(hits, start=1)
        for i, score in enumerate(hit.sentence_scores)
    ]
    _, best_score, best_n, best_i = max(candidates)
    hit = hits[best_n - 1]
    texts = hit.passage.sentence_texts()
    chosen = [best_i]
    neighbours = [i for i in (best_i - 1, best_i + 1) if 0 <= i < len(texts)]
    if neighbours:
        runner = max(neighbours, key=lambda i: hit.sentence_scores[i])
        if hit.sentence_scores[runner] >= SECOND_SENTENCE_RATIO * best_score:
            chosen.append(runner)
    return tuple(Quote(texts[i], best_n) for i in sorted(chosen))

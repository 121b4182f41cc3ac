"""A question -> the best passages: dense and BM25 scores fused, near-duplicates dropped.

Fusion adds z-scores: each scorer's scores over every passage are shifted to mean 0 and scaled to
standard deviation 1 for this query, so cosine and BM25 land on one scale, and BM25 is weighted
by `lexical_weight`. Unlike reciprocal rank fusion it keeps how far ahead a passage is, not only
its place (README, "Retrieval quality", has the measurements). Each hit also carries the
cosine similarity of the question to every sentence of its passage, which the answer quotes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from bot.chunking import Passage
from bot.embedding import Embedder
from bot.index import SearchIndex
from bot.lexical import terms
from bot.ranking import top_k, zscores


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # fused score (weighted z-scores): higher is better, comparable within one search
    dense: float  # cosine similarity of question and passage
    lexical: float  # BM25 score
    sentence_scores: tuple[float, ...]  # how well each sentence answers: cosine + term overlap


Mode = Literal["hybrid", "dense", "bm25"]


@dataclass(frozen=True)
class Ranking:
    """One query's passages best first: rows into the index, their fused scores, BM25 of all."""

    ids: np.ndarray
    scores: np.ndarray
    lexical: np.ndarray  # BM25 score of every passage (zeros in dense mode)


class Retriever:
    def __init__(
        self,
        index: SearchIndex,
        embedder: Embedder,
        *,
        candidates: int = 100,
        # 0.5: best on SciFact train and the shipped questions, 0.3 close (README, Fusion).
        lexical_weight: float = 0.5,
        duplicate_similarity: float = 0.95,
        term_overlap_weight: float = 0.3,
        mode: Mode = "hybrid",
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.candidates = candidates
        self.lexical_weight = lexical_weight
        self.duplicate_similarity = duplicate_similarity
        self.term_overlap_weight = term_overlap_weight
        self.mode = mode  # dense or BM25 alone are for measuring what fusion adds

    def search(self, query: str, k: int = 3) -> list[Hit]:
        return self.search_vector(query, self.embedder.encode_query(query), k)

    def search_vector(self, query: str, query_vector: np.ndarray, k: int) -> list[Hit]:
        return self.hits(query, query_vector, self.rank(query, query_vector), k)

    def rank(self, query: str, query_vector: np.ndarray) -> Ranking:
        """The `candidates` best passages by fused score, best first (BM25 mode: only matches)."""
        n = len(self.index.passages)
        if n == 0:
            return Ranking(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.float32))
        lexical = np.zeros(n, dtype=np.float32)
        if self.mode != "dense":
            lexical = self.index.lexical.scores(query)
        if self.mode == "bm25":
            fused = lexical.astype(np.float64)
        else:
            # Exact inner product with every passage (what a flat FAISS index computes).
            cosine = (self.index.passage_vectors @ query_vector).astype(np.float64)
            fused = cosine
            if self.mode == "hybrid":
                fused = zscores(cosine) + self.lexical_weight * zscores(lexical)
        order = top_k(fused, self.candidates)  # ties: earlier passage first
        if self.mode == "bm25":
            order = order[fused[order] > 0]
        return Ranking(order, fused[order], lexical)

    def hits(self, query: str, query_vector: np.ndarray, ranking: Ranking, k: int) -> list[Hit]:
        """The top `k` of a ranking, near-duplicates dropped, with per-sentence scores."""
        chosen = self._drop_near_duplicates([int(i) for i in ranking.ids[: k * 4]], k)
        cosines = self.index.passage_vectors[chosen] @ query_vector if chosen else []
        fused = dict(zip(ranking.ids.tolist(), ranking.scores.tolist(), strict=True))
        weights = self.index.lexical.term_weights(query)
        return [
            Hit(
                passage=self.index.passages[i],
                score=float(fused[i]),
                dense=float(cos),
                lexical=float(ranking.lexical[i]),
                sentence_scores=self._sentence_scores(i, query_vector, weights),
            )
            for i, cos in zip(chosen, cosines, strict=True)
        ]

    def _drop_near_duplicates(self, pool: list[int], k: int) -> list[int]:
        """Keep the best of passages whose vectors are nearly the same (reposted or quoted text)."""
        if not pool:
            return []
        vectors = self.index.passage_vectors[pool]
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
        self, passage: int, query_vector: np.ndarray, weights: dict[str, float]
    ) -> tuple[float, ...]:
        first = int(self.index.sentence_offsets[passage])
        count = len(self.index.passages[passage].sentences)
        cosine = self.index.sentence_vectors[first : first + count] @ query_vector
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

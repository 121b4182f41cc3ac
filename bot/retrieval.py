"""A question -> the best passages: dense (FAISS) and BM25 rankings fused, near-duplicates dropped.

Fusion is reciprocal rank fusion (Cormack et al., 2009): each ranking contributes 1/(k + rank), so
two scorers on incomparable scales combine without tuning weights. Each hit also carries the
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


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # fused rank score: higher is better, comparable only within one search
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
        rrf_k: int = 60,
        duplicate_similarity: float = 0.95,
        term_overlap_weight: float = 0.3,
        mode: Mode = "hybrid",
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.duplicate_similarity = duplicate_similarity
        self.term_overlap_weight = term_overlap_weight
        self.mode = mode  # dense or BM25 alone are for measuring what fusion adds

    def search(self, query: str, k: int = 3) -> list[Hit]:
        return self.search_vector(query, self.embedder.encode_query(query), k)

    def search_vector(self, query: str, query_vector: np.ndarray, k: int) -> list[Hit]:
        return self.hits(query, query_vector, self.rank(query, query_vector), k)

    def rank(self, query: str, query_vector: np.ndarray) -> Ranking:
        """Every passage either scorer retrieved, best first by fused score."""
        n = len(self.index.passages)
        if n == 0:
            return Ranking(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.float32))
        depth = min(self.candidates, n)
        fused = np.zeros(n, dtype=np.float64)
        lexical_scores = np.zeros(n, dtype=np.float32)
        if self.mode != "bm25":
            _, dense_ids = self.index.dense.search(query_vector[None, :], depth)
            dense_ids = dense_ids[0][dense_ids[0] >= 0]
            fused[dense_ids] += 1.0 / (self.rrf_k + 1 + np.arange(len(dense_ids)))
        if self.mode != "dense":
            lexical_scores = self.index.lexical.scores(query)
            lexical_ids = np.argsort(-lexical_scores, kind="stable")[:depth]
            lexical_ids = lexical_ids[lexical_scores[lexical_ids] > 0]
            fused[lexical_ids] += 1.0 / (self.rrf_k + 1 + np.arange(len(lexical_ids)))
        order = np.argsort(-fused, kind="stable")
        order = order[fused[order] > 0]
        return Ranking(order, fused[order], lexical_scores)

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

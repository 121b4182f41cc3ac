"""The lexical (BM25) side of the index: stemmed English terms scored with bm25s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np


@cache
def _stemmer() -> Any:
    try:
        import Stemmer
    except ImportError:  # stemming is an improvement, not a requirement
        return None
    return Stemmer.Stemmer("english")


@cache
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


# bm25s.tokenize's split (scikit-learn's CountVectorizer pattern).
_WORDS = re.compile(r"(?u)\b\w\w+\b")


def terms(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased, stop-worded, stemmed terms of each text (the same for passages and queries).

    bm25s.tokenize(stopwords="en", stemmer=...)'s steps, not the call: it builds three tqdm bars
    and a stopword set per call, 15 bars per answer (0.7 ms a call against 0.03 ms on the loaded
    machine, docs/scale.md); tests/test_scale.py checks the terms against bm25s's.
    """
    stopwords, stemmer = _stopwords(), _stemmer()
    split = [[w for w in _WORDS.findall(text.lower()) if w not in stopwords] for text in texts]
    return [stemmer.stemWords(words) for words in split] if stemmer else split


class LexicalIndex:
    def __init__(self, bm25: Any) -> None:
        self._bm25 = bm25

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        import bm25s

        # Anserini's BEIR setting, which beat bm25s's default (1.5, 0.75) on SciFact train and
        # the shipped questions (benchmarks/fusion.py --bm25).
        bm25 = bm25s.BM25(k1=0.9, b=0.4)
        bm25.index(terms(texts), show_progress=False)
        return cls(bm25)

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        import bm25s

        # Memory-mapped: the postings of a million passages stay on disk until a query reads them.
        return cls(bm25s.BM25.load(str(directory), mmap=True, show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros when no query term is in the corpus)."""
        n = int(self._bm25.scores["num_docs"])
        known = [t for t in terms([query])[0] if t in self._bm25.vocab_dict]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def scored(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """(rows, BM25 scores) of the passages that match `query`, rows ascending; the rest
        score 0. Summed from the query terms' postings, so the cost follows the matches rather
        than the corpus (`scores` fills an array as long as the corpus).
        """
        vocab = self._bm25.vocab_dict
        # A repeated term counts again, as bm25s's own scoring does.
        ids = [vocab[t] for t in terms([query])[0] if t in vocab]
        if not ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        indptr, postings = self._bm25.scores["indptr"], self._bm25.scores
        rows = np.concatenate([postings["indices"][indptr[i] : indptr[i + 1]] for i in ids])
        data = np.concatenate([postings["data"][indptr[i] : indptr[i + 1]] for i in ids])
        n = int(postings["num_docs"])
        if len(rows) * 8 < n:  # few matches: sort them (a million postings would take 60 ms)
            unique, which = np.unique(rows, return_inverse=True)
            return unique.astype(np.int64), np.bincount(which, weights=data, minlength=len(unique))
        summed = np.bincount(rows, weights=data, minlength=n)  # many: one pass, no sort
        matched = np.flatnonzero(summed)
        return matched.astype(np.int64), summed[matched]

    def term_weights(self, query: str) -> dict[str, float]:
        """IDF of each query term found in the corpus: rare terms say more about a match."""
        vocab = self._bm25.vocab_dict
        indptr = self._bm25.scores["indptr"]
        n = int(self._bm25.scores["num_docs"])
        weights: dict[str, float] = {}
        for term in terms([query])[0]:
            if term in vocab:
                df = int(indptr[vocab[term] + 1] - indptr[vocab[term]])
                weights[term] = float(np.log1p((n - df + 0.5) / (df + 0.5)))
        return weights

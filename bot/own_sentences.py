"""Each passage's sentences embedded on their own, for the answer's re-ranking.

The index stores each sentence's vector pooled from its tokens in the passage's pass (the quote
reads those) and each passage's own vector; neither is what the model was trained to compare with
a question: one sentence encoded alone. A question in other words than the article's ("are we at
the tail end of the electric car boom" for "The electric vehicle revolution is only just
beginning") is often nearest such a sentence while the passage around it, diluted by its other
sentences, is not. The vectors are made when a passage is first a candidate of the re-ranking
(every passage at once when they all fit) and kept for the `cached` most recent passages: the
index stores none, so a build costs no second encoder pass.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from bot.chunking import Passage
from bot.embedding import Embedder


class OwnSentenceVectors:
    """The sentences of an index's passages, each encoded alone, cached by passage row."""

    def __init__(self, passages: Sequence[Passage], embedder: Embedder, cached: int) -> None:
        self.passages = passages
        self.embedder = embedder
        self.cached = cached
        self._vectors: OrderedDict[int, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # adapters answer from worker threads

    def best_cosines(self, rows: Sequence[int], query_vector: np.ndarray) -> np.ndarray:
        """Each passage's best cosine of one of its sentences with the question (float64; -1
        for a passage without sentences)."""
        return np.array(
            [float(c.max()) if len(c) else -1.0 for c in self.cosines(rows, query_vector)]
        )

    def cosines(self, rows: Sequence[int], query_vector: np.ndarray) -> list[np.ndarray]:
        """Each passage's sentences' cosines with the question, in the passage's order."""
        query = np.asarray(query_vector, dtype=np.float32)
        return [(v @ query).astype(np.float64) for v in self._sentence_vectors(rows)]

    def _sentence_vectors(self, rows: Sequence[int]) -> list[np.ndarray]:
        with self._lock:
            wanted: Sequence[int] = rows
            if not self._vectors and len(self.passages) <= self.cached:
                wanted = range(len(self.passages))  # a small index: every passage, in one batch
            found = {row: self._vectors[row] for row in rows if row in self._vectors}
            missing = [row for row in dict.fromkeys(wanted) if row not in self._vectors]
        if not missing:
            with self._lock:
                for row in rows:
                    if row in self._vectors:
                        self._vectors.move_to_end(row)
            return [found[row] for row in rows]
        texts = [self.passages[row].sentence_texts() for row in missing]
        made = self.embedder.encode([t for sentences in texts for t in sentences])
        at = 0
        for row, sentences in zip(missing, texts, strict=True):
            found[row] = made[at : at + len(sentences)]
            at += len(sentences)
        with self._lock:
            for row in missing:
                self._vectors[row] = found[row]
            for row in rows:  # the latest used last, whatever another thread evicted
                self._vectors[row] = found[row]
                self._vectors.move_to_end(row)
            while len(self._vectors) > max(self.cached, len(rows)):
                self._vectors.popitem(last=False)
        return [found[row] for row in rows]

"""Coverage gaps: the questions the sources did not cover, grouped by meaning.

Identical questions (ignoring case and spacing) are one entry before anything is embedded, and
each distinct text is embedded once per process (an LRU cache), so a page load embeds only the
questions asked since the last one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from bot.dashboard.clusters import DEFAULT_THRESHOLD, cluster

CACHE_TEXTS = 20_000  # 20k x 384 float32 = 30 MB at most


def question_key(text: str) -> str:
    return " ".join(text.casefold().split())


class GapFinder:
    def __init__(
        self,
        encode: Callable[[Sequence[str]], np.ndarray],
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self._encode = encode
        self.threshold = threshold
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _vectors(self, texts: list[str]) -> np.ndarray:
        with self._lock:  # one embedding pass at a time: the model is shared with the bot
            missing = [t for t in texts if t not in self._cache]
            if missing:
                for text, vector in zip(missing, self._encode(missing), strict=True):
                    self._cache[text] = vector
            for text in texts:
                self._cache.move_to_end(text)
            while len(self._cache) > CACHE_TEXTS:
                self._cache.popitem(last=False)
            return np.stack([self._cache[t] for t in texts])

    def groups(self, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """`rows` (question, asked_at, id, why) -> groups, largest first: each with its distinct
        questions (most asked first), how often the group was asked, and when last."""
        by_text: dict[str, dict[str, Any]] = {}
        for row in rows:
            entry = by_text.setdefault(
                question_key(row["question"]),
                {"question": row["question"], "asks": 0, "last_asked": "", "answer_id": None},
            )
            entry["asks"] += 1
            if row["asked_at"] > entry["last_asked"]:
                entry.update(last_asked=row["asked_at"], answer_id=row["id"], why=row["why"])
        if not by_text:
            return []
        keys = list(by_text)
        groups = []
        for members in cluster(self._vectors(keys), self.threshold):
            questions = sorted(
                (by_text[keys[i]] for i in members),
                key=lambda q: (-q["asks"], q["last_asked"]),
            )
            groups.append(
                {
                    "label": questions[0]["question"],
                    "asks": sum(q["asks"] for q in questions),
                    "last_asked": max(q["last_asked"] for q in questions),
                    "questions": questions,
                }
            )
        groups.sort(key=lambda g: (-g["asks"], g["label"]))
        return groups

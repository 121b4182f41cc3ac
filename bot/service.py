"""The one answer layer every front end calls: the terminal, Slack and Discord.

It owns the loaded index and the embedder, and turns a question into an `Answer`. Front ends
translate their events into `ask` calls and render the `Answer`; they hold no retrieval logic.
"""

from __future__ import annotations

import dataclasses
import threading
import time

from bot.answer import Answer, compose_answer, validate_question
from bot.embedding import Embedder, get_embedder
from bot.index import SearchIndex, load_index
from bot.retrieval import Retriever
from bot.settings import Settings


class AnswerService:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.model, settings.batch_size)
        self._retriever: Retriever | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> SearchIndex:
        return self.retriever.index

    @property
    def retriever(self) -> Retriever:
        """The retriever over the live index, loaded on first use (IndexUnavailable if it can't)."""
        with self._lock:
            if self._retriever is None:
                index = load_index(self.settings.index_dir, self.settings.model)
                self._retriever = Retriever(index, self.embedder)
            return self._retriever

    def ask(self, question: str) -> Answer:
        started = time.perf_counter()
        text = validate_question(question)
        retriever = self.retriever
        searched = time.perf_counter()
        hits = retriever.search(text, k=self.settings.citations)
        retrieved = time.perf_counter()
        answer = compose_answer(
            text, hits, retriever.index.manifest["articles"], min_score=self.settings.min_score
        )
        done = time.perf_counter()
        return dataclasses.replace(
            answer,
            timings_ms={
                "retrieve": round((retrieved - searched) * 1000, 2),
                "total": round((done - started) * 1000, 2),
            },
        )

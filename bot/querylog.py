"""Every answer and every vote, in SQLite: the record `evbot stats` and corpus curators read.

Each call opens its own short connection in WAL mode with a busy timeout, so several processes
(the terminal, the Slack and Discord workers) and threads can write at once without losing rows.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.answer import Answer
from bot.errors import UnknownAnswer

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    asked_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    refused INTEGER NOT NULL,
    citations TEXT NOT NULL,
    latency_ms REAL,
    source TEXT,
    user TEXT,
    conversation TEXT
);
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT NOT NULL REFERENCES answers(id),
    user TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    given_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user)
);
"""


SETUP_ATTEMPTS = 100  # x 50 ms: other processes creating the same log at the same moment


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class QueryLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._ready = False
        self._setup_lock = threading.Lock()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30)) as db:
            if not self._ready:
                self._set_up(db)
            with db:  # one transaction: committed on success, rolled back on error
                yield db

    def _set_up(self, db: sqlite3.Connection) -> None:
        """WAL mode and the tables, once; safe while other threads and processes do the same."""
        with self._setup_lock:
            if self._ready:
                return
            for attempt in range(SETUP_ATTEMPTS):
                try:
                    # Switching to WAL needs an exclusive lock and answers "locked" at once
                    # rather than waiting; the mode persists in the file, so ask before setting.
                    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                        db.execute("PRAGMA journal_mode=WAL")
                    db.executescript(SCHEMA)
                    break
                except sqlite3.OperationalError as err:
                    if "locked" not in str(err) or attempt == SETUP_ATTEMPTS - 1:
                        raise
                    time.sleep(0.05)
            self._ready = True

    def record_answer(
        self,
        answer: Answer,
        *,
        source: str = "cli",
        user: str | None = None,
        conversation: str | None = None,
    ) -> None:
        citations = [{"n": c.n, "doc_id": c.doc_id, "score": c.score} for c in answer.citations]
        with self._connect() as db:
            db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.id,
                    _now(),
                    answer.question,
                    answer.answer,
                    int(answer.refused),
                    json.dumps(citations),
                    answer.timings_ms.get("total"),
                    source,
                    user,
                    conversation,
                ),
            )

    def record_feedback(self, answer_id: str, user: str | None, helpful: bool) -> None:
        """One vote per user and answer; voting again replaces the earlier vote."""
        with self._connect() as db:
            if db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone() is None:
                raise UnknownAnswer(f"no answer with id {answer_id!r} in {self.path}")
            db.execute(
                "INSERT INTO feedback VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, user) "
                "DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at",
                (answer_id, user or "", int(helpful), _now()),
            )

    def conversation_questions(self, conversation: str, limit: int = 10) -> list[str]:
        """The conversation's recent questions, oldest first: a chat adapter's follow-up context."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT question FROM answers WHERE conversation = ? "
                "ORDER BY asked_at DESC, rowid DESC LIMIT ?",
                (conversation, limit),
            ).fetchall()
        return [row[0] for row in reversed(rows)]

    def answer_context(self, answer_id: str) -> tuple[str, str | None, list[str]] | None:
        """An answer's question, conversation and the conversation's questions before it."""
        with self._connect() as db:
            row = db.execute(
                "SELECT question, conversation, asked_at FROM answers WHERE id = ?", (answer_id,)
            ).fetchone()
            if row is None:
                return None
            question, conversation, asked_at = row
            earlier = (
                db.execute(
                    "SELECT question FROM answers WHERE conversation = ? AND asked_at < ? "
                    "ORDER BY asked_at DESC LIMIT 10",
                    (conversation, asked_at),
                ).fetchall()
                if conversation
                else []
            )
        return question, conversation, [r[0] for r in reversed(earlier)]

    def stats(self, worst: int = 10) -> dict[str, Any]:
        with self._connect() as db:
            questions, refused = db.execute(
                "SELECT COUNT(*), COALESCE(SUM(refused), 0) FROM answers"
            ).fetchone()
            helpful, not_helpful = db.execute(
                "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) FROM feedback"
            ).fetchone()
            latencies = [
                row[0]
                for row in db.execute(
                    "SELECT latency_ms FROM answers WHERE latency_ms IS NOT NULL "
                    "ORDER BY latency_ms"
                )
            ]
            rows = db.execute(
                """
                SELECT a.question, a.id, a.refused,
                       COALESCE(SUM(f.helpful), 0) AS up,
                       COALESCE(SUM(1 - f.helpful), 0) AS down
                FROM answers a LEFT JOIN feedback f ON f.answer_id = a.id
                GROUP BY a.id
                HAVING a.refused = 1 OR down > up
                ORDER BY down - up DESC, a.refused DESC, a.asked_at DESC
                LIMIT ?
                """,
                (worst,),
            ).fetchall()
        return {
            "questions": questions,
            "refused": refused,
            "refusal_rate": round(refused / questions, 4) if questions else 0.0,
            "helpful": helpful,
            "not_helpful": not_helpful,
            "helpful_ratio": round(helpful / (helpful + not_helpful), 4)
            if helpful + not_helpful
            else None,
            "latency_ms": {"p50": _percentile(latencies, 50), "p95": _percentile(latencies, 95)},
            "worst": [
                {"question": q, "answer_id": i, "refused": bool(r), "helpful": u, "not_helpful": d}
                for q, i, r, u, d in rows
            ],
        }


def _percentile(sorted_values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * pct // 100))
    return round(sorted_values[int(rank) - 1], 2)

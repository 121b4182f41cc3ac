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
from bot.conversation import HISTORY_TURNS
from bot.errors import UnknownAnswer
from bot.ranking import latency_percentiles

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
CREATE INDEX IF NOT EXISTS answers_by_conversation ON answers (conversation, asked_at);
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT NOT NULL REFERENCES answers(id),
    user TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    given_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user)
);
CREATE TABLE IF NOT EXISTS passage_votes (
    answer_id TEXT NOT NULL REFERENCES answers(id),
    passage_id TEXT NOT NULL,
    user TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    title TEXT NOT NULL,
    quote TEXT NOT NULL,
    given_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, passage_id, user)
);
CREATE TABLE IF NOT EXISTS handoffs (
    answer_id TEXT NOT NULL REFERENCES answers(id),
    user TEXT NOT NULL,
    source TEXT,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user)
);
"""


MAX_REASK_CHAIN = 20  # "More sources" on "More sources" on ...: far more than 10 citations allow
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
                    self._add_reask_column(db)
                    break
                except sqlite3.OperationalError as err:
                    if "locked" not in str(err) or attempt == SETUP_ATTEMPTS - 1:
                        raise
                    time.sleep(0.05)
            self._ready = True

    @staticmethod
    def _add_reask_column(db: sqlite3.Connection) -> None:
        """Logs from before re-asks were marked gain the column (NULL: an asked question)."""
        columns = {row[1] for row in db.execute("PRAGMA table_info(answers)")}
        if "reask_of" not in columns:
            db.execute("ALTER TABLE answers ADD COLUMN reask_of TEXT")

    def record_answer(
        self,
        answer: Answer,
        *,
        source: str = "cli",
        user: str | None = None,
        conversation: str | None = None,
        reask_of: str | None = None,
    ) -> None:
        """`reask_of`: the answer a "More sources" / "Share" re-ask repeats; it stays in the
        conversation (a hand-off on it counts there) but is not a question of its history."""
        citations = [
            {
                "n": c.n,
                "doc_id": c.doc_id,
                "passage_id": c.passage_id,
                "title": c.title,
                "score": c.score,
                # what the answer quoted from this passage: the text a vote on the answer judges
                "quote": answer.quoted_from(c.n),
            }
            for c in answer.citations
        ]
        with self._connect() as db:
            db.execute(
                "INSERT INTO answers (id, asked_at, question, answer, refused, citations, "
                "latency_ms, source, user, conversation, reask_of) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    reask_of,
                ),
            )

    def record_feedback(self, answer_id: str, user: str | None, helpful: bool) -> None:
        """One vote per user and answer, also counted against each passage the answer quoted.

        Voting again replaces the earlier vote.
        """
        now = _now()
        with self._connect() as db:
            citations = self._citations(db, answer_id)
            db.execute(
                "INSERT INTO feedback VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, user) "
                "DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at",
                (answer_id, user or "", int(helpful), now),
            )
            db.executemany(
                "INSERT INTO passage_votes VALUES "
                "(:answer_id, :passage_id, :user, :helpful, :doc_id, :title, :quote, :now) "
                "ON CONFLICT (answer_id, passage_id, user) "
                "DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at",
                [
                    {**c, "answer_id": answer_id, "user": user or "", "helpful": int(helpful),
                     "now": now}
                    for c in citations
                    if c.get("quote") and c.get("passage_id")
                ],
            )  # fmt: skip

    def record_handoff(self, answer_id: str, user: str | None, *, source: str) -> bool:
        """An "Ask a human" press; False when this user had already asked for this answer."""
        with self._connect() as db:
            self._citations(db, answer_id)  # the answer must exist
            cursor = db.execute(
                "INSERT INTO handoffs VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (answer_id, user or "", source, _now()),
            )
            return cursor.rowcount == 1

    def follow_up_context(self, conversation: str) -> list[str] | None:
        """The questions an unmentioned reply in `conversation` follows up, or None when the bot
        should stay out: it has not answered there, or someone handed it to a human."""
        history = self.conversation_questions(conversation)
        return history if history and not self.handed_off(conversation) else None

    def handed_off(self, conversation: str) -> bool:
        """Whether someone in this conversation asked for a human: the bot then stops taking
        unmentioned replies there as follow-ups, so it does not talk over the people helping."""
        with self._connect() as db:
            row = db.execute(
                "SELECT 1 FROM handoffs h JOIN answers a ON a.id = h.answer_id "
                "WHERE a.conversation = ? LIMIT 1",
                (conversation,),
            ).fetchone()
        return row is not None

    def _citations(self, db: sqlite3.Connection, answer_id: str) -> list[dict[str, Any]]:
        row = db.execute("SELECT citations FROM answers WHERE id = ?", (answer_id,)).fetchone()
        if row is None:
            raise UnknownAnswer(f"no answer with id {answer_id!r} in {self.path}")
        return list(json.loads(row[0]))

    def conversation_questions(self, conversation: str, limit: int = HISTORY_TURNS) -> list[str]:
        """The conversation's recent questions, oldest first: a chat adapter's follow-up context."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT question FROM answers WHERE conversation = ? AND reask_of IS NULL "
                "ORDER BY asked_at DESC, rowid DESC LIMIT ?",
                (conversation, limit),
            ).fetchall()
        return [row[0] for row in reversed(rows)]

    def answer_context(self, answer_id: str) -> tuple[str, str | None, list[str]] | None:
        """An answer's question, conversation and the conversation's questions before it.

        A re-ask answers for the answer it repeats, so "More sources" twice keeps one context.
        """
        with self._connect() as db:
            for _ in range(MAX_REASK_CHAIN):
                row = db.execute(
                    "SELECT question, conversation, asked_at, reask_of FROM answers WHERE id = ?",
                    (answer_id,),
                ).fetchone()
                if row is None or row[3] is None:
                    break
                answer_id = row[3]
            if row is None:
                return None
            question, conversation, asked_at, _ = row
            earlier = (
                db.execute(
                    "SELECT question FROM answers WHERE conversation = ? AND asked_at < ? "
                    "AND reask_of IS NULL ORDER BY asked_at DESC LIMIT ?",
                    (conversation, asked_at, HISTORY_TURNS),
                ).fetchall()
                if conversation
                else []
            )
        return question, conversation, [r[0] for r in reversed(earlier)]

    def recent(
        self, limit: int = 10, *, source: str | None = None, conversation: str | None = None
    ) -> list[dict[str, Any]]:
        """The latest exchanges, newest first, with their votes: what `evbot logs` prints."""
        with self._connect() as db:
            rows = db.execute(
                """
                SELECT a.id, a.asked_at, a.source, a.user, a.conversation, a.question, a.answer,
                       a.refused, a.latency_ms, a.citations,
                       COALESCE(SUM(f.helpful), 0), COALESCE(SUM(1 - f.helpful), 0)
                FROM answers a LEFT JOIN feedback f ON f.answer_id = a.id
                WHERE (:source IS NULL OR a.source = :source)
                  AND (:conversation IS NULL OR a.conversation = :conversation)
                GROUP BY a.id ORDER BY a.asked_at DESC, a.rowid DESC LIMIT :limit
                """,
                {"source": source, "conversation": conversation, "limit": limit},
            ).fetchall()
        keys = ("id", "asked_at", "source", "user", "conversation", "question", "answer")
        return [
            {
                **dict(zip(keys, row[:7], strict=True)),
                "refused": bool(row[7]),
                "latency_ms": row[8],
                "citations": json.loads(row[9]),
                "helpful": row[10],
                "not_helpful": row[11],
                "votes": row[10] + row[11],
            }
            for row in rows
        ]

    def stats(self, worst: int = 10) -> dict[str, Any]:
        """Totals and the lists a curator works from: worst answers, hand-offs, weak passages."""
        with self._connect() as db:
            # A re-ask ("More sources", "Share") is not another question.
            questions, refused, reasks = db.execute(
                "SELECT COALESCE(SUM(reask_of IS NULL), 0), "
                "COALESCE(SUM(refused * (reask_of IS NULL)), 0), "
                "COALESCE(SUM(reask_of IS NOT NULL), 0) FROM answers"
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
            handoffs = db.execute("SELECT COUNT(*) FROM handoffs").fetchone()[0]
            handed_off = db.execute(
                """
                SELECT a.question, a.id, a.refused, GROUP_CONCAT(DISTINCT h.source), COUNT(*),
                       MAX(h.asked_at)
                FROM handoffs h JOIN answers a ON a.id = h.answer_id
                GROUP BY a.id ORDER BY MAX(h.asked_at) DESC LIMIT ?
                """,
                (worst,),
            ).fetchall()
            passages = db.execute(
                """
                SELECT passage_id, MAX(doc_id), MAX(title), MAX(quote),
                       SUM(helpful) AS up, SUM(1 - helpful) AS down
                FROM passage_votes GROUP BY passage_id
                HAVING down > 0
                ORDER BY down - up DESC, down DESC, MAX(given_at) DESC
                LIMIT ?
                """,
                (worst,),
            ).fetchall()
        return {
            "questions": questions,
            "refused": refused,
            "refusal_rate": round(refused / questions, 4) if questions else 0.0,
            "reasks": reasks,
            "helpful": helpful,
            "not_helpful": not_helpful,
            "helpful_ratio": round(helpful / (helpful + not_helpful), 4)
            if helpful + not_helpful
            else None,
            "latency_ms": latency_percentiles(latencies),
            "worst": [
                {"question": q, "answer_id": i, "refused": bool(r), "helpful": u, "not_helpful": d}
                for q, i, r, u, d in rows
            ],
            "handoffs": handoffs,
            "handoff_questions": [
                {
                    "question": q,
                    "answer_id": i,
                    "refused": bool(r),
                    "source": s,
                    "asks": n,
                    "last_asked_at": at,
                }
                for q, i, r, s, n, at in handed_off
            ],
            "passages_voted_down": [
                {
                    "passage_id": p,
                    "doc_id": d,
                    "title": t,
                    "quote": q,
                    "helpful": u,
                    "not_helpful": n,
                }
                for p, d, t, q, u, n in passages
            ],
        }

"""The embedded default: the query log and the claims in one SQLite file (WAL mode).

Each call opens its own short connection in WAL mode with a busy timeout, so several processes
(the terminal, the Slack and Discord workers) and threads can write at once without losing rows.
The schema sets itself up, and upgrades in place, on the first connection: nothing to run first.
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
from bot.store.base import (
    CLAIM_TTL_SECONDS,
    MAX_REASK_CHAIN,
    PRUNE_EVERY_SECONDS,
    SchemaStatus,
    StatsRows,
    Store,
    StoreError,
    citation_records,
    outcome_of,
    recent_row,
    stats_dict,
    voted_passages,
)
from bot.store.migrations.sqlite import MIGRATIONS

SETUP_ATTEMPTS = 100  # x 50 ms: other processes creating the same log at the same moment


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class SQLiteStore(Store):
    backend = "sqlite"
    shared = False  # one machine's processes at most: chat events are de-duplicated in memory

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ready = False
        self._applied: list[str] = []
        self._setup_lock = threading.Lock()
        self._pruned_at = 0.0

    @property
    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        """Nothing held: each call opens and closes its own connection."""
        return

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=30)) as db:
                if not self._ready:
                    self._set_up(db)
                with db:  # one transaction: committed on success, rolled back on error
                    yield db
        except (sqlite3.Error, OSError) as err:
            raise StoreError(f"query log {self.path}: {err}") from err

    def _set_up(self, db: sqlite3.Connection) -> None:
        """WAL mode and the migrations, once; safe while other threads and processes do the
        same."""
        with self._setup_lock:
            if self._ready:
                return
            for attempt in range(SETUP_ATTEMPTS):
                try:
                    # Switching to WAL needs an exclusive lock and answers "locked" at once
                    # rather than waiting; the mode persists in the file, so ask before setting.
                    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                        db.execute("PRAGMA journal_mode=WAL")
                    self._applied = self._migrate(db)
                    break
                except sqlite3.OperationalError as err:
                    if "locked" not in str(err) or attempt == SETUP_ATTEMPTS - 1:
                        raise
                    time.sleep(0.05)
            self._ready = True

    @staticmethod
    def _version(db: sqlite3.Connection) -> int:
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        return db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self, db: sqlite3.Connection) -> list[str]:
        """The pending migrations in one write transaction: a second process waits, then finds
        nothing left to do."""
        db.isolation_level = None  # our own BEGIN/COMMIT around DDL and the version rows
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                applied = []
                version = self._version(db)
                for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in migration.statements:
                        db.execute(statement)
                    if migration.run is not None:
                        migration.run(db)
                    db.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        (number, migration.name, _now()),
                    )
                    applied.append(migration.name)
                db.execute("COMMIT")
                return applied
            except BaseException:
                db.execute("ROLLBACK")
                raise
        finally:
            db.isolation_level = ""

    def schema_status(self) -> SchemaStatus:
        with self._connect() as db:
            version = self._version(db)
        return SchemaStatus(
            self.backend,
            self.location,
            version,
            len(MIGRATIONS),
            tuple(m.name for m in MIGRATIONS[version:]),
        )

    def upgrade(self) -> list[str]:
        with self._connect():
            pass  # the first connection applies what is pending
        applied, self._applied = self._applied, []
        return applied

    # -- answers and votes --------------------------------------------------------------------

    def record_answer(
        self,
        answer: Answer,
        *,
        source: str = "cli",
        user: str | None = None,
        conversation: str | None = None,
        reask_of: str | None = None,
    ) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO answers (id, asked_at, question, answer, refused, citations, "
                "latency_ms, source, user, conversation, reask_of, outcome) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.id,
                    _now(),
                    answer.question,
                    answer.answer,
                    int(answer.refused),
                    json.dumps(citation_records(answer)),
                    answer.timings_ms.get("total"),
                    source,
                    user,
                    conversation,
                    reask_of,
                    outcome_of(answer),
                ),
            )

    def record_feedback(self, answer_id: str, user: str | None, helpful: bool) -> None:
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
                    for c in voted_passages(citations)
                ],
            )  # fmt: skip

    def record_handoff(self, answer_id: str, user: str | None, *, source: str) -> bool:
        with self._connect() as db:
            self._citations(db, answer_id)  # the answer must exist
            cursor = db.execute(
                "INSERT INTO handoffs VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (answer_id, user or "", source, _now()),
            )
            return cursor.rowcount == 1

    def _citations(self, db: sqlite3.Connection, answer_id: str) -> list[dict[str, Any]]:
        row = db.execute("SELECT citations FROM answers WHERE id = ?", (answer_id,)).fetchone()
        if row is None:
            raise UnknownAnswer(f"no answer with id {answer_id!r} in {self.location}")
        return list(json.loads(row[0]))

    # -- conversations ------------------------------------------------------------------------

    def handed_off(self, conversation: str) -> bool:
        with self._connect() as db:
            row = db.execute(
                "SELECT 1 FROM handoffs h JOIN answers a ON a.id = h.answer_id "
                "WHERE a.conversation = ? LIMIT 1",
                (conversation,),
            ).fetchone()
        return row is not None

    def conversation_questions(self, conversation: str, limit: int = HISTORY_TURNS) -> list[str]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT question FROM answers WHERE conversation = ? AND reask_of IS NULL "
                "ORDER BY asked_at DESC, rowid DESC LIMIT ?",
                (conversation, limit),
            ).fetchall()
        return [row[0] for row in reversed(rows)]

    def answer_context(self, answer_id: str) -> tuple[str, str | None, list[str]] | None:
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

    # -- reading back -------------------------------------------------------------------------

    def recent(
        self, limit: int = 10, *, source: str | None = None, conversation: str | None = None
    ) -> list[dict[str, Any]]:
        with self._connect() as db:
            rows = db.execute(
                """
                SELECT a.id, a.asked_at, a.source, a.user, a.conversation, a.question, a.answer,
                       a.refused, a.latency_ms, a.citations,
                       COALESCE(SUM(f.helpful), 0), COALESCE(SUM(1 - f.helpful), 0), a.outcome
                FROM answers a LEFT JOIN feedback f ON f.answer_id = a.id
                WHERE (:source IS NULL OR a.source = :source)
                  AND (:conversation IS NULL OR a.conversation = :conversation)
                GROUP BY a.id ORDER BY a.asked_at DESC, a.rowid DESC LIMIT :limit
                """,
                {"source": source, "conversation": conversation, "limit": limit},
            ).fetchall()
        return [recent_row(row) for row in rows]

    def stats(self, worst: int = 10) -> dict[str, Any]:
        with self._connect() as db:
            # A re-ask ("More sources", "Share") is not another question.
            questions, refused, reasks = db.execute(
                "SELECT COALESCE(SUM(reask_of IS NULL), 0), "
                "COALESCE(SUM(refused * (reask_of IS NULL)), 0), "
                "COALESCE(SUM(reask_of IS NOT NULL), 0) FROM answers"
            ).fetchone()
            outcomes = dict(
                db.execute(
                    "SELECT outcome, COUNT(*) FROM answers WHERE reask_of IS NULL GROUP BY outcome"
                ).fetchall()
            )
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
        return stats_dict(
            StatsRows(
                questions=questions,
                refused=refused,
                reasks=reasks,
                outcomes=outcomes,
                helpful=helpful,
                not_helpful=not_helpful,
                latencies=latencies,
                worst=rows,
                handoffs=handoffs,
                handed_off=handed_off,
                passages=passages,
            )
        )

    # -- once-only claims ---------------------------------------------------------------------

    def claim(self, key: str, ttl_seconds: float = CLAIM_TTL_SECONDS) -> bool:
        now = time.time()
        with self._connect() as db:
            # An expired claim is taken over; a live one makes the insert do nothing.
            row = db.execute(
                "INSERT INTO claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) "
                "DO UPDATE SET expires_at = excluded.expires_at WHERE claims.expires_at <= ? "
                "RETURNING 1",
                (key, now + ttl_seconds, now),
            ).fetchone()
            if now - self._pruned_at >= PRUNE_EVERY_SECONDS:
                self._pruned_at = now
                db.execute("DELETE FROM claims WHERE expires_at <= ?", (now,))
        return row is not None

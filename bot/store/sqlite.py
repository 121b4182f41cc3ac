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
from contextlib import AbstractContextManager, closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.answer import Answer
from bot.store.base import (
    PRUNE_EVERY_SECONDS,
    SchemaStatus,
    StoreError,
    citation_records,
    outcome_of,
    voted_passages,
)
from bot.store.migrations.sqlite import MIGRATIONS
from bot.store.sql import SQLStore

SETUP_ATTEMPTS = 100  # x 50 ms: other processes creating the same log at the same moment


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class SQLiteStore(SQLStore):
    backend = "sqlite"
    shared = False  # one machine's processes at most: chat events are de-duplicated in memory
    migrations = MIGRATIONS
    insert_order = "rowid"
    sources_aggregate = "GROUP_CONCAT(DISTINCT h.source)"
    # Epoch seconds, as the claims are stored; 'now' holds one value through a statement.
    now_sql = "((julianday('now') - 2440587.5) * 86400.0)"
    after_sql = f"({now_sql} + ?)"
    greatest = "MAX"  # with two arguments, SQLite's scalar max
    skip_locked = ""  # one writer at a time: nothing to skip

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ready = False
        self._applied: list[str] = []
        self._setup_lock = threading.Lock()
        self._cooldowns_pruned_at = 0.0

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

    def _transaction(self, *, report: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        return self._connect()  # one machine's file: its busy timeout is the bound

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

    def _version_row(self, number: int, name: str) -> tuple[str, tuple[Any, ...]]:
        return "INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, name, _now())

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
                    self._apply_migration(db, number, migration)
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
            return self._status(self._version(db))

    def upgrade(self) -> list[str]:
        with self._connect():
            pass  # the first connection applies what is pending
        applied, self._applied = self._applied, []
        return applied

    # -- answers and votes --------------------------------------------------------------------

    def record_turn(self, conversation: str, question: str, kind: str) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO turns (conversation, asked_at, question, kind) VALUES (?, ?, ?, ?)",
                (conversation, _now(), question, kind),
            )

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

    # -- per-user cooldowns -------------------------------------------------------------------

    def spend(self, key: str, limit: int, window_seconds: float, now: float | None = None) -> float:
        at = time.time() if now is None else now
        with self._connect() as db:
            # One statement, so one writer at a time: the window resets once it has run out,
            # else the question is counted (a refused one too: it only pushes `spent` past the
            # limit, never the reset later). SET reads the row as it was before the update.
            spent, resets_at = db.execute(
                "INSERT INTO cooldowns (key, resets_at, spent) VALUES (:key, :now + :window, 1) "
                "ON CONFLICT (key) DO UPDATE SET "
                "spent = CASE WHEN cooldowns.resets_at <= :now THEN 1 "
                "ELSE cooldowns.spent + 1 END, "
                "resets_at = CASE WHEN cooldowns.resets_at <= :now THEN excluded.resets_at "
                "ELSE cooldowns.resets_at END "
                "RETURNING spent, resets_at",
                {"key": key, "now": at, "window": window_seconds},
            ).fetchone()
            if at - self._cooldowns_pruned_at >= PRUNE_EVERY_SECONDS:
                self._cooldowns_pruned_at = at
                db.execute("DELETE FROM cooldowns WHERE resets_at <= ?", (at,))
        # A racer that read the clock before the window's opener did would see a wait over the
        # window by its lag: the window is the most anyone waits.
        return 0.0 if spent <= limit else min(max(resets_at - at, 0.0), window_seconds)

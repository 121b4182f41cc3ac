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

from bot.answer import Answer
from bot.store.base import (
    CLAIM_NEW,
    CLAIM_TAKEN_OVER,
    CLAIM_TTL_SECONDS,
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

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ready = False
        self._applied: list[str] = []
        self._setup_lock = threading.Lock()
        self._pruned_at = 0.0
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
            return self._status(self._version(db))

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

    # -- once-only claims ---------------------------------------------------------------------

    def claim(self, key: str, ttl_seconds: float = CLAIM_TTL_SECONDS) -> bool:
        now = time.time()
        with self._connect() as db:
            # An expired claim is taken over; a live one makes the insert do nothing.
            row = db.execute(
                "INSERT INTO claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) "
                "DO UPDATE SET expires_at = excluded.expires_at, owner = NULL, "
                "lease_until = NULL, payload = NULL, takeovers = 0 "
                "WHERE claims.expires_at <= ? RETURNING 1",
                (key, now + ttl_seconds, now),
            ).fetchone()
            self._prune(db, now)
        return row is not None

    def take_claim(
        self,
        key: str,
        owner: str,
        *,
        lease_seconds: float,
        ttl_seconds: float = CLAIM_TTL_SECONDS,
        payload: str | None = None,
    ) -> str | None:
        now = time.time()
        with self._connect() as db:
            # The same single statement as PostgreSQL's (see there).
            row = db.execute(
                "INSERT INTO claims (key, expires_at, owner, lease_until, payload) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "owner = excluded.owner, lease_until = excluded.lease_until, "
                "payload = COALESCE(excluded.payload, claims.payload), "
                "takeovers = CASE WHEN claims.expires_at <= ? THEN 0 "
                "ELSE claims.takeovers + 1 END, "
                "expires_at = MAX(claims.expires_at, excluded.expires_at) "
                "WHERE claims.expires_at <= ? OR claims.lease_until <= ? RETURNING takeovers",
                (key, now + ttl_seconds, owner, now + lease_seconds, payload, now, now, now),
            ).fetchone()
            self._prune(db, now)
        if row is None:
            return None
        return CLAIM_NEW if row[0] == 0 else CLAIM_TAKEN_OVER

    def finish_claim(self, key: str, owner: str) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE claims SET lease_until = NULL, payload = NULL WHERE key = ? AND owner = ?",
                (key, owner),
            )

    def renew_claims(self, owner: str, lease_seconds: float) -> int:
        with self._connect() as db:
            return db.execute(
                "UPDATE claims SET lease_until = ? WHERE owner = ? AND lease_until IS NOT NULL",
                (time.time() + lease_seconds, owner),
            ).rowcount

    def take_orphans(
        self, prefix: str, owner: str, lease_seconds: float, limit: int = 20
    ) -> list[tuple[str, str]]:
        now = time.time()
        with self._connect() as db:
            # One statement: SQLite runs one writer at a time, so each orphan goes to one caller.
            rows = db.execute(
                "UPDATE claims SET owner = ?, takeovers = takeovers + 1, lease_until = ? "
                "WHERE key IN (SELECT key FROM claims WHERE lease_until <= ? "
                "AND expires_at > ? AND payload IS NOT NULL AND substr(key, 1, length(?)) = ? "
                "ORDER BY lease_until LIMIT ?) RETURNING key, payload",
                (owner, now + lease_seconds, now, now, prefix, prefix, limit),
            ).fetchall()
        return [(key, payload) for key, payload in rows]

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

    def _prune(self, db: sqlite3.Connection, now: float) -> None:
        if now - self._pruned_at >= PRUNE_EVERY_SECONDS:
            self._pruned_at = now
            db.execute("DELETE FROM claims WHERE expires_at <= ?", (now,))

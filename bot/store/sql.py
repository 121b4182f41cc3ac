"""The queries both SQL backends share, written once with `?` placeholders.

The dialects differ in a few places only (connections, migrations, timestamps, JSON, booleans);
those stay in each backend, and the backend turns the shared SQL into its own placeholders
through `_q`. The once-only claims are shared too, each dialect naming its clock in a few
fragments (`now_sql`, `after_sql`). Booleans are summed through CAST(... AS INTEGER), which
SQLite's 0/1 columns and PostgreSQL's booleans both accept.
"""

from __future__ import annotations

import time
from abc import abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from bot.conversation import HISTORY_TURNS
from bot.errors import UnknownAnswer
from bot.store.base import (
    CLAIM_NEW,
    CLAIM_TAKEN_OVER,
    CLAIM_TTL_SECONDS,
    MAX_REASK_CHAIN,
    PRUNE_EVERY_SECONDS,
    Migration,
    SchemaStatus,
    StatsRows,
    Store,
    _loaded,
    recent_row,
    stats_dict,
)


class SQLStore(Store):
    """A Store whose shared queries run on a DB-API connection with `conn.execute`."""

    migrations: Sequence[Migration]
    # Breaks ties between rows inserted in the same millisecond: SQLite's rowid, PostgreSQL's seq.
    insert_order: str
    # The distinct hand-off sources of an answer, comma-separated.
    sources_aggregate: str
    # The claims' clock, read by the database in the statement itself: now, and `?` seconds on.
    now_sql: str
    after_sql: str
    greatest: str  # the larger of two values
    skip_locked: str  # what keeps two sweeps at once from taking the same rows
    _claims_pruned_at = 0.0

    @abstractmethod
    def _transaction(self, *, report: bool = False) -> AbstractContextManager[Any]:
        """A connection in one transaction: committed on success, rolled back on error.

        `report`: a read over the whole log (stats, the dashboard), held to the longer
        EVBOT_REPORT_TIMEOUT_SECONDS, on each wait, rather than the chat's bound."""

    def _q(self, sql: str) -> str:
        """The shared SQL in this driver's placeholder style."""
        return sql

    def _timestamp(self, value: Any) -> Any:
        """A timestamp read back, in the SQLite store's ISO format."""
        return value

    @abstractmethod
    def _version_row(self, number: int, name: str) -> tuple[str, tuple[Any, ...]]:
        """The INSERT of a migration's schema_migrations row, and its parameters (each backend
        stamps applied_at its own way)."""

    def _apply_migration(self, conn: Any, number: int, migration: Migration) -> None:
        """One migration in the caller's transaction: its statements, its step, then its row."""
        for statement in migration.statements:
            conn.execute(statement)
        if migration.run is not None:
            migration.run(conn)
        conn.execute(*self._version_row(number, migration.name))

    def _status(self, version: int) -> SchemaStatus:
        return SchemaStatus(
            self.backend,
            self.location,
            version,
            len(self.migrations),
            tuple(m.name for m in self.migrations[version:]),
        )

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query written with `?` placeholders (the dashboard's)."""
        with self._transaction(report=True) as conn:
            return conn.execute(self._q(sql), tuple(params)).fetchall()

    def _citations(self, conn: Any, answer_id: str) -> list[dict[str, Any]]:
        row = conn.execute(
            self._q("SELECT citations FROM answers WHERE id = ?"), (answer_id,)
        ).fetchone()
        if row is None:
            raise UnknownAnswer(f"no answer with id {answer_id!r} in {self.location}")
        return _loaded(row[0])

    # -- conversations ------------------------------------------------------------------------

    def handed_off(self, conversation: str) -> bool:
        with self._transaction() as conn:
            row = conn.execute(
                self._q(
                    "SELECT 1 FROM handoffs h JOIN answers a ON a.id = h.answer_id "
                    "WHERE a.conversation = ? LIMIT 1"
                ),
                (conversation,),
            ).fetchone()
        return row is not None

    def latest_exchange(self, conversation: str) -> tuple[str, str | None] | None:
        with self._transaction() as conn:
            row = conn.execute(
                self._q(
                    'SELECT id, "user" FROM answers WHERE conversation = ? '
                    f"ORDER BY asked_at DESC, {self.insert_order} DESC LIMIT 1"
                ),
                (conversation,),
            ).fetchone()
        return None if row is None else (row[0], row[1])

    def _questions_sql(self, before: bool) -> str:
        """The conversation's questions answered and its turns (`record_turn`), newest first,
        with `?`s for the conversation (twice, and the time before which when `before`) and
        the limit."""
        until = " AND asked_at < ?" if before else ""
        order = self.insert_order
        return self._q(
            f"SELECT question, asked_at, {order} AS n FROM answers WHERE conversation = ? "
            f"AND reask_of IS NULL{until} UNION ALL SELECT question, asked_at, {order} AS n "
            f"FROM turns WHERE conversation = ?{until} ORDER BY asked_at DESC, n DESC LIMIT ?"
        )

    def conversation_questions(self, conversation: str, limit: int = HISTORY_TURNS) -> list[str]:
        with self._transaction() as conn:
            rows = conn.execute(
                self._questions_sql(before=False), (conversation, conversation, limit)
            ).fetchall()
        return [row[0] for row in reversed(rows)]

    def answer_to(self, conversation: str, question: str) -> str | None:
        with self._transaction() as conn:
            row = conn.execute(
                self._q(
                    "SELECT answer, CAST(refused AS INTEGER) FROM answers "
                    "WHERE conversation = ? AND question = ? "
                    f"ORDER BY asked_at DESC, {self.insert_order} DESC LIMIT 1"
                ),
                (conversation, question),
            ).fetchone()
        return None if row is None or row[1] else row[0]

    def answer_context(self, answer_id: str) -> tuple[str, str | None, list[str]] | None:
        with self._transaction() as conn:
            for _ in range(MAX_REASK_CHAIN):
                row = conn.execute(
                    self._q(
                        "SELECT question, conversation, asked_at, reask_of FROM answers "
                        "WHERE id = ?"
                    ),
                    (answer_id,),
                ).fetchone()
                if row is None or row[3] is None:
                    break
                answer_id = row[3]
            if row is None:
                return None
            question, conversation, asked_at, _ = row
            earlier = (
                conn.execute(
                    self._questions_sql(before=True),
                    (conversation, asked_at, conversation, asked_at, HISTORY_TURNS),
                ).fetchall()
                if conversation
                else []
            )
        return question, conversation, [r[0] for r in reversed(earlier)]

    # -- reading back -------------------------------------------------------------------------

    def recent(
        self, limit: int = 10, *, source: str | None = None, conversation: str | None = None
    ) -> list[dict[str, Any]]:
        with self._transaction(report=True) as conn:
            rows = conn.execute(
                self._q(
                    f"""
                    SELECT a.id, a.asked_at, a.source, a."user", a.conversation, a.question,
                           a.answer, a.refused, a.latency_ms, a.citations,
                           COALESCE(SUM(CAST(f.helpful AS INTEGER)), 0),
                           COALESCE(SUM(1 - CAST(f.helpful AS INTEGER)), 0), a.outcome
                    FROM answers a LEFT JOIN feedback f ON f.answer_id = a.id
                    WHERE (CAST(? AS TEXT) IS NULL OR a.source = ?)
                      AND (CAST(? AS TEXT) IS NULL OR a.conversation = ?)
                    GROUP BY a.id ORDER BY a.asked_at DESC, a.{self.insert_order} DESC LIMIT ?
                    """
                ),
                (source, source, conversation, conversation, limit),
            ).fetchall()
        return [recent_row((r[0], self._timestamp(r[1]), *r[2:])) for r in rows]

    def stats(self, worst: int = 10) -> dict[str, Any]:
        with self._transaction(report=True) as conn:
            # A re-ask ("More sources", "Share") is not another question.
            questions, refused, reasks = conn.execute(
                "SELECT COALESCE(SUM(CASE WHEN reask_of IS NULL THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN refused AND reask_of IS NULL THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN reask_of IS NOT NULL THEN 1 ELSE 0 END), 0) FROM answers"
            ).fetchone()
            outcomes = dict(
                conn.execute(
                    "SELECT outcome, COUNT(*) FROM answers WHERE reask_of IS NULL GROUP BY outcome"
                ).fetchall()
            )
            helpful, not_helpful = conn.execute(
                "SELECT COALESCE(SUM(CAST(helpful AS INTEGER)), 0), "
                "COALESCE(SUM(1 - CAST(helpful AS INTEGER)), 0) FROM feedback"
            ).fetchone()
            latencies = [
                row[0]
                for row in conn.execute(
                    "SELECT latency_ms FROM answers WHERE latency_ms IS NOT NULL "
                    "ORDER BY latency_ms"
                ).fetchall()
            ]
            rows = conn.execute(
                self._q(
                    """
                    SELECT question, id, refused, up, down FROM (
                        SELECT a.question, a.id, a.refused, a.asked_at,
                               COALESCE(SUM(CAST(f.helpful AS INTEGER)), 0) AS up,
                               COALESCE(SUM(1 - CAST(f.helpful AS INTEGER)), 0) AS down
                        FROM answers a LEFT JOIN feedback f ON f.answer_id = a.id
                        GROUP BY a.id
                    ) voted
                    WHERE refused OR down > up
                    ORDER BY down - up DESC, refused DESC, asked_at DESC
                    LIMIT ?
                    """
                ),
                (worst,),
            ).fetchall()
            handoffs = conn.execute("SELECT COUNT(*) FROM handoffs").fetchone()[0]
            handed_off = conn.execute(
                self._q(
                    f"""
                    SELECT a.question, a.id, a.refused, {self.sources_aggregate}, COUNT(*),
                           MAX(h.asked_at)
                    FROM handoffs h JOIN answers a ON a.id = h.answer_id
                    GROUP BY a.id ORDER BY MAX(h.asked_at) DESC LIMIT ?
                    """
                ),
                (worst,),
            ).fetchall()
            passages = conn.execute(
                self._q(
                    """
                    SELECT passage_id, doc_id, title, quote, up, down FROM (
                        SELECT passage_id, MAX(doc_id) AS doc_id, MAX(title) AS title,
                               MAX(quote) AS quote, SUM(CAST(helpful AS INTEGER)) AS up,
                               SUM(1 - CAST(helpful AS INTEGER)) AS down,
                               MAX(given_at) AS last_given
                        FROM passage_votes GROUP BY passage_id
                    ) voted
                    WHERE down > 0
                    ORDER BY down - up DESC, down DESC, last_given DESC
                    LIMIT ?
                    """
                ),
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
                handed_off=[(*r[:5], self._timestamp(r[5])) for r in handed_off],
                passages=passages,
            )
        )

    # -- once-only claims ---------------------------------------------------------------------

    def _claims_sql(self, sql: str) -> str:
        return self._q(sql.format(now=self.now_sql, after=self.after_sql, greatest=self.greatest))

    def _prune_claims(self, conn: Any) -> None:
        started = time.monotonic()
        if started - self._claims_pruned_at >= PRUNE_EVERY_SECONDS:
            self._claims_pruned_at = started
            conn.execute(self._claims_sql("DELETE FROM claims WHERE expires_at <= {now}"))

    def claim(self, key: str, ttl_seconds: float = CLAIM_TTL_SECONDS) -> bool:
        with self._transaction() as conn:
            # Atomic: of two workers inserting the same key at once, the second waits on the
            # first's row and then finds it live, so its insert does nothing and returns no row.
            # An expired claim is claimed afresh.
            row = conn.execute(
                self._claims_sql(
                    "INSERT INTO claims (key, expires_at) VALUES (?, {after}) "
                    "ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, "
                    "owner = NULL, lease_until = NULL, payload = NULL, takeovers = 0 "
                    "WHERE claims.expires_at <= {now} RETURNING 1"
                ),
                (key, ttl_seconds),
            ).fetchone()
            self._prune_claims(conn)
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
        with self._transaction() as conn:
            # One statement, so atomic as `claim`: a row whose TTL ran out is claimed afresh, an
            # unfinished one whose lease ran out is taken over (its takeovers counted), any
            # other conflict leaves the row alone and returns nothing.
            row = conn.execute(
                self._claims_sql(
                    "INSERT INTO claims (key, expires_at, owner, lease_until, payload) "
                    "VALUES (?, {after}, ?, {after}, ?) ON CONFLICT (key) DO UPDATE SET "
                    "owner = excluded.owner, lease_until = excluded.lease_until, "
                    "payload = COALESCE(excluded.payload, claims.payload), "
                    "takeovers = CASE WHEN claims.expires_at <= {now} THEN 0 "
                    "ELSE claims.takeovers + 1 END, "
                    "expires_at = {greatest}(claims.expires_at, excluded.expires_at) "
                    "WHERE claims.expires_at <= {now} OR claims.lease_until <= {now} "
                    "RETURNING takeovers"
                ),
                (key, ttl_seconds, owner, lease_seconds, payload),
            ).fetchone()
            self._prune_claims(conn)
        if row is None:
            return None
        return CLAIM_NEW if row[0] == 0 else CLAIM_TAKEN_OVER

    def finish_claim(self, key: str, owner: str) -> None:
        with self._transaction() as conn:
            conn.execute(
                self._q(
                    "UPDATE claims SET lease_until = NULL, payload = NULL "
                    "WHERE key = ? AND owner = ?"
                ),
                (key, owner),
            )

    def renew_claims(self, owner: str, lease_seconds: float) -> int:
        with self._transaction() as conn:
            return conn.execute(
                self._claims_sql(
                    "UPDATE claims SET lease_until = {after} "
                    "WHERE owner = ? AND lease_until IS NOT NULL"
                ),
                (lease_seconds, owner),
            ).rowcount

    def take_orphans(
        self, prefix: str, owner: str, lease_seconds: float, limit: int = 20
    ) -> list[tuple[str, str]]:
        with self._transaction() as conn:
            # One statement: each orphan goes to one caller (SQLite runs one writer at a time;
            # PostgreSQL's sweeps skip the rows another sweep has locked).
            rows = conn.execute(
                self._claims_sql(
                    "UPDATE claims SET owner = ?, takeovers = takeovers + 1, "
                    "lease_until = {after} WHERE key IN (SELECT key FROM claims "
                    "WHERE lease_until <= {now} AND expires_at > {now} AND payload IS NOT NULL "
                    "AND substr(key, 1, length(?)) = ? ORDER BY lease_until LIMIT ?"
                    + self.skip_locked
                    + ") AND lease_until <= {now} RETURNING key, payload"
                ),
                (owner, lease_seconds, prefix, prefix, limit),
            ).fetchall()
        return [(key, payload) for key, payload in rows]

"""The queries both SQL backends share, written once with `?` placeholders.

The dialects differ in a few places only (connections, migrations, timestamps, JSON, booleans, the
claim's upsert); those stay in each backend, and the backend turns the shared SQL into its own
placeholders through `_q`. Booleans are summed through CAST(... AS INTEGER), which SQLite's 0/1
columns and PostgreSQL's booleans both accept.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from bot.conversation import HISTORY_TURNS
from bot.errors import UnknownAnswer
from bot.store.base import (
    MAX_REASK_CHAIN,
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

    def conversation_questions(self, conversation: str, limit: int = HISTORY_TURNS) -> list[str]:
        with self._transaction() as conn:
            rows = conn.execute(
                self._q(
                    "SELECT question FROM answers WHERE conversation = ? AND reask_of IS NULL "
                    f"ORDER BY asked_at DESC, {self.insert_order} DESC LIMIT ?"
                ),
                (conversation, limit),
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
                    self._q(
                        "SELECT question FROM answers WHERE conversation = ? AND asked_at < ? "
                        f"AND reask_of IS NULL ORDER BY asked_at DESC, {self.insert_order} DESC "
                        "LIMIT ?"
                    ),
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

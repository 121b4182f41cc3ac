"""The dashboard's read queries over the query log, by day and by date range.

One set of SQL for both databases: a `Reader` supplies the few pieces that differ (how a
timestamp becomes a day, parameter style, how a range bound is passed) and runs the query.
Every query is bounded: a date range on an indexed timestamp, or a LIMIT on an index order;
nothing scans the whole log per request except the citation tally, which reads each answer
once per process and then only the rows logged since.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import monotonic as time_now
from typing import Any

import numpy as np

from bot.ranking import percentile

OUTCOMES = ("answered", "partial", "refused")
GAP_QUESTIONS = 400  # the latest refused, partial and voted-down questions that are clustered
LIST_ROWS = 50  # rows in each table on the page (the CSV of a table has the same rows)
CSV_ROWS = 5000  # rows in a CSV download of the exchanges
DAY_CACHE_SECONDS = 900.0  # a past day's figures are read again after this (an import, a fix)
DAY_CACHE_DAYS = 4000  # days kept: more than ten years of charts
COLUMNS_SECONDS = 30.0


class LogUnreadable(Exception):
    """The query log cannot be read (a locked, corrupt or foreign file): said on the page."""


@dataclass(frozen=True)
class DateRange:
    """Whole UTC days, `start` to `end` inclusive."""

    start: date
    end: date

    @classmethod
    def last(cls, days: int, today: date | None = None) -> DateRange:
        end = today or datetime.now(UTC).date()
        return cls(end - timedelta(days=days - 1), end)

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


class Reader(ABC):
    """A read connection to one query log, and the SQL pieces that differ between backends."""

    backend: str

    @abstractmethod
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one query written with `?` placeholders."""

    @abstractmethod
    def day(self, column: str) -> str:
        """SQL for the UTC day of a timestamp column, as 'YYYY-MM-DD' text."""

    @abstractmethod
    def columns(self, table: str) -> set[str]:
        """The table's columns; empty when the table does not exist (an empty or older log)."""

    @abstractmethod
    def bound(self, day: date) -> Any:
        """The start of `day` (UTC) as this database compares it with a timestamp column."""

    @abstractmethod
    def timestamp(self, value: Any) -> str:
        """A timestamp read back, as ISO 8601 text."""

    @abstractmethod
    def citations(self, value: Any) -> list[dict[str, Any]]: ...

    @abstractmethod
    def new_citations(self, after: Any) -> tuple[Any, Counter[str]]:
        """(the newest answer's position, citations per article of the answers after `after`)."""

    def ensure_indexes(self) -> None:  # noqa: B027 (optional: a backend may have nothing to do)
        """Create the indexes the dashboard reads by, where the log allows writing."""


class SQLiteReader(Reader):
    """The SQLite log, opened read-only: the dashboard never creates, migrates or locks it."""

    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection | None]:
        """This thread's read-only connection (kept: opening one per query cost more than the
        small queries), or None while there is no log file."""
        if not self.path.exists():
            yield None  # no log yet: every query reads as empty
            return
        db = getattr(self._local, "db", None)
        try:
            if db is None:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                db = self._local.db = sqlite3.connect(uri, uri=True, timeout=5)
            yield db
        except sqlite3.Error as err:
            self._local.db = None  # a broken or replaced file: a new connection next time
            if db is not None:
                db.close()
            raise LogUnreadable(f"query log {self.path}: {err}") from None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._connect() as db:
            if db is None:
                return []
            return db.execute(sql, tuple(params)).fetchall()

    def columns(self, table: str) -> set[str]:
        with self._connect() as db:
            if db is None:
                return set()
            return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}

    def day(self, column: str) -> str:
        return f"substr({column}, 1, 10)"  # timestamps are stored as UTC ISO 8601 text

    def bound(self, day: date) -> str:
        return day.isoformat()  # ISO text: '2026-11-25' sorts before '2026-11-25T00:00…'

    def timestamp(self, value: Any) -> str:
        return str(value)

    def citations(self, value: Any) -> list[dict[str, Any]]:
        return list(json.loads(value)) if value else []

    def new_citations(self, after: Any) -> tuple[Any, Counter[str]]:
        last = self.rows("SELECT MAX(rowid) FROM answers")
        newest = (last[0][0] if last else None) or 0
        counts = self.rows(
            "SELECT json_extract(c.value, '$.doc_id'), COUNT(*) "
            "FROM answers a, json_each(a.citations) c WHERE a.rowid > ? AND a.rowid <= ? "
            "GROUP BY 1",
            (after or 0, newest),
        )
        return newest, Counter({doc: int(n) for doc, n in counts if doc})

    def ensure_indexes(self) -> None:
        """Bring an existing log up to the store's schema, whose migrations include the
        dashboard's indexes; a missing log stays missing (the page says it is empty)."""
        if self.path.exists():
            from bot.store.sqlite import SQLiteStore

            SQLiteStore(self.path).schema_status()  # its first connection migrates in place


class PostgresReader(Reader):
    """The PostgreSQL store's database, through the store's own connection pool (which
    reconnects by itself and words every error without the password)."""

    backend = "postgresql"

    def __init__(self, store: Any) -> None:
        self.store = store

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.store.read(sql, params)

    def columns(self, table: str) -> set[str]:
        return {
            r[0]
            for r in self.rows(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ?",
                (table,),
            )
        }

    def day(self, column: str) -> str:
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"

    def bound(self, day: date) -> datetime:
        return day_start(day)

    def timestamp(self, value: Any) -> str:
        if isinstance(value, datetime):
            return value.astimezone(UTC).isoformat(timespec="milliseconds")
        return str(value)

    def citations(self, value: Any) -> list[dict[str, Any]]:
        if isinstance(value, str | bytes):
            return list(json.loads(value))
        return list(value or [])

    def new_citations(self, after: Any) -> tuple[Any, Counter[str]]:
        last = self.rows("SELECT MAX(seq) FROM answers")
        newest = (last[0][0] if last else None) or 0
        counts = self.rows(
            "SELECT c->>'doc_id', COUNT(*) FROM answers a, json_array_elements(a.citations) c "
            "WHERE a.seq > ? AND a.seq <= ? GROUP BY 1",
            (after or 0, newest),
        )
        return newest, Counter({doc: int(n) for doc, n in counts if doc})

    def ensure_indexes(self) -> None:
        """`evbot db upgrade` (the release phase) adds them; an older schema is read as is."""
        self.store.check_schema()


@dataclass
class DayFigures:
    platforms: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    latencies: np.ndarray = field(default_factory=lambda: np.zeros(0))
    helpful: int = 0
    not_helpful: int = 0
    handoffs: int = 0
    read_at: float = 0.0


class Dashboard:
    """Everything the page shows, read through one Reader."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._days_lock = threading.Lock()
        self._day_cache: dict[date, DayFigures] = {}
        self._columns: dict[str, tuple[float, set[str]]] = {}
        self._tally_lock = threading.Lock()
        self._tally_after: Any = None
        self._cited: Counter[str] = Counter()

    # -- schema --------------------------------------------------------------------------------

    def _table(self, table: str) -> set[str]:
        """The table's columns, asked again after a while (the bot may upgrade the log)."""
        now = time_now()
        cached = self._columns.get(table)
        if cached is None or now - cached[0] > COLUMNS_SECONDS:
            cached = (now, self.reader.columns(table))
            self._columns[table] = cached
        return cached[1]

    def _answer_columns(self) -> set[str]:
        columns = self._table("answers")
        needed = {"id", "asked_at", "question", "answer", "refused", "citations"}
        if columns and not needed <= columns:
            raise LogUnreadable(
                "the query log's answers table lacks "
                + ", ".join(sorted(needed - columns))
                + ": it is not an evbot query log"
            )
        return columns

    def _outcome(self, columns: set[str]) -> str:
        # Every row has an outcome since the store's migration 3; older logs have `refused`.
        legacy = "CASE WHEN refused THEN 'refused' ELSE 'answered' END"
        return "outcome" if "outcome" in columns else legacy

    def _not_reask(self, columns: set[str], prefix: str = "") -> str:
        return f" AND {prefix}reask_of IS NULL" if "reask_of" in columns else ""

    def _range(self, rng: DateRange) -> tuple[Any, Any]:
        return self.reader.bound(rng.start), self.reader.bound(rng.end + timedelta(days=1))

    def _has(self, table: str) -> bool:
        return bool(self._table(table))

    # -- charts --------------------------------------------------------------------------------

    def _read_days(self, start: date, end: date, columns: set[str]) -> dict[str, DayFigures]:
        """Each day's figures from start to end (inclusive), from four grouped queries."""
        figures: dict[str, DayFigures] = defaultdict(DayFigures)
        lo, hi = self._range(DateRange(start, end))
        for day, source, outcome, count in self.reader.rows(
            f"SELECT {self.reader.day('asked_at')}, source, {self._outcome(columns)}, COUNT(*) "
            f"FROM answers WHERE asked_at >= ? AND asked_at < ?{self._not_reask(columns)} "
            "GROUP BY 1, 2, 3",
            (lo, hi),
        ):
            figures[day].platforms[source or "unknown"] += int(count)
            figures[day].outcomes[outcome] += int(count)
        if "latency_ms" in columns:
            latencies: dict[str, list[float]] = defaultdict(list)
            for day, latency in self.reader.rows(
                f"SELECT {self.reader.day('asked_at')}, latency_ms FROM answers "
                "WHERE asked_at >= ? AND asked_at < ? AND latency_ms IS NOT NULL",
                (lo, hi),
            ):
                latencies[day].append(latency)
            for day, values in latencies.items():
                figures[day].latencies = np.asarray(values, dtype=np.float64)
        if self._has("feedback"):
            for day, up, down in self.reader.rows(
                f"SELECT {self.reader.day('given_at')}, "
                "SUM(CASE WHEN helpful THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN helpful THEN 0 ELSE 1 END) FROM feedback "
                "WHERE given_at >= ? AND given_at < ? GROUP BY 1",
                (lo, hi),
            ):
                figures[day].helpful, figures[day].not_helpful = int(up), int(down)
        if self._has("handoffs"):
            for day, count in self.reader.rows(
                f"SELECT {self.reader.day('asked_at')}, COUNT(*) FROM handoffs "
                "WHERE asked_at >= ? AND asked_at < ? GROUP BY 1",
                (lo, hi),
            ):
                figures[day].handoffs = int(count)
        return figures

    def _days(self, rng: DateRange, columns: set[str]) -> list[DayFigures]:
        """The range's figures, a past day from the cache: its rows no longer change (answers,
        votes and hand-offs are logged at the time they happen), so a page load reads today
        and the days not read yet, not the whole range again."""
        today = datetime.now(UTC).date()
        now = time_now()
        with self._days_lock:
            known = {
                day: figures
                for day in rng.days()
                if day < today
                and (figures := self._day_cache.get(day)) is not None
                and now - figures.read_at < DAY_CACHE_SECONDS
            }
        missing = [day for day in rng.days() if day not in known]
        if missing and columns:
            read = self._read_days(missing[0], missing[-1], columns)
            with self._days_lock:
                for day in missing:
                    figures = read.get(day.isoformat()) or DayFigures()
                    figures.read_at = now
                    known[day] = figures
                    if day < today:
                        self._day_cache[day] = figures
                while len(self._day_cache) > DAY_CACHE_DAYS:
                    self._day_cache.pop(min(self._day_cache))
        return [known.get(day) or DayFigures() for day in rng.days()]

    def series(self, rng: DateRange) -> dict[str, Any]:
        """Per day: questions by platform, outcome shares, votes, latency, hand-offs."""
        days = [d.isoformat() for d in rng.days()]
        figures = self._days(rng, self._answer_columns())
        sources = sorted({name for f in figures for name in f.platforms})
        by_platform = {name: [f.platforms.get(name, 0) for f in figures] for name in sources}
        names = sorted({*OUTCOMES, *(n for f in figures for n in f.outcomes)}, key=_outcome_order)
        outcomes = {name: [f.outcomes.get(name, 0) for f in figures] for name in names}
        helpful = [f.helpful for f in figures]
        not_helpful = [f.not_helpful for f in figures]
        handoffs = [f.handoffs for f in figures]
        questions = [sum(f.platforms.values()) for f in figures]
        all_latencies = np.concatenate([f.latencies for f in figures]) if figures else []
        return {
            "from": rng.start.isoformat(),
            "to": rng.end.isoformat(),
            "days": days,
            "questions": questions,
            "platforms": by_platform,
            "outcomes": outcomes,
            "helpful": helpful,
            "not_helpful": not_helpful,
            "latency_p50": [_rounded(percentile(f.latencies, 50)) for f in figures],
            "latency_p95": [_rounded(percentile(f.latencies, 95)) for f in figures],
            "handoffs": handoffs,
            "totals": {
                "questions": sum(questions),
                **{name: sum(values) for name, values in outcomes.items()},
                "helpful": sum(helpful),
                "not_helpful": sum(not_helpful),
                "handoffs": sum(handoffs),
                "latency_p50": _rounded(percentile(all_latencies, 50)),
                "latency_p95": _rounded(percentile(all_latencies, 95)),
            },
        }

    # -- tables --------------------------------------------------------------------------------

    def _votes(self, ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        if not ids or not self._has("feedback"):
            return {}
        marks = ", ".join("?" * len(ids))
        return {
            answer_id: (int(up), int(down))
            for answer_id, up, down in self.reader.rows(
                "SELECT answer_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN helpful THEN 0 ELSE 1 END) FROM feedback "
                f"WHERE answer_id IN ({marks}) GROUP BY answer_id",
                list(ids),
            )
        }

    def _answers(self, ids: Sequence[str], columns: set[str]) -> dict[str, dict[str, Any]]:
        """The listed answers with their votes, by id."""
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        extra = ", ".join(  # "user" quoted: unquoted, PostgreSQL reads it as current_user
            f'"{name}"' if name in columns else "NULL" for name in ("source", "latency_ms", "user")
        )
        rows = self.reader.rows(
            f"SELECT id, asked_at, question, answer, {self._outcome(columns)}, {extra} "
            f"FROM answers WHERE id IN ({marks})",
            list(ids),
        )
        votes = self._votes(ids)
        found = {}
        for answer_id, asked_at, question, answer, outcome, source, latency, user in rows:
            up, down = votes.get(answer_id, (0, 0))
            found[answer_id] = {
                "id": answer_id,
                "asked_at": self.reader.timestamp(asked_at),
                "source": source,
                "question": question,
                "answer": answer,
                "outcome": outcome,
                "latency_ms": latency,
                "user": user,
                "helpful": up,
                "not_helpful": down,
            }
        return found

    def exchanges(self, rng: DateRange, limit: int = LIST_ROWS) -> list[dict[str, Any]]:
        """The latest exchanges in the range, newest first."""
        columns = self._answer_columns()
        if not columns:
            return []
        lo, hi = self._range(rng)
        ids = [
            r[0]
            for r in self.reader.rows(
                "SELECT id FROM answers WHERE asked_at >= ? AND asked_at < ? "
                "ORDER BY asked_at DESC LIMIT ?",
                (lo, hi, limit),
            )
        ]
        found = self._answers(ids, columns)
        return [found[i] for i in ids if i in found]

    def _refused_ids(self, rng: DateRange, columns: set[str], limit: int) -> list[str]:
        lo, hi = self._range(rng)
        if "outcome" in columns:  # every row has one since the store's migration 3
            rows = self.reader.rows(
                "SELECT id, asked_at FROM answers WHERE outcome IN ('refused', 'partial') "
                "AND asked_at >= ? AND asked_at < ? ORDER BY asked_at DESC LIMIT ?",
                (lo, hi, limit),
            )
        else:
            rows = self.reader.rows(
                "SELECT id, asked_at FROM answers WHERE refused AND asked_at >= ? "
                "AND asked_at < ? ORDER BY asked_at DESC LIMIT ?",
                (lo, hi, limit),
            )
        return [r[0] for r in rows]

    def _voted_down_ids(self, rng: DateRange, limit: int) -> list[tuple[str, int]]:
        """(answer id, down minus up) of answers voted more down than up by votes given in
        the range: read from the votes (a fraction of the answers) through their time index."""
        if not self._has("feedback"):
            return []
        lo, hi = self._range(rng)
        return [
            (r[0], int(r[1]))
            for r in self.reader.rows(
                "SELECT answer_id, SUM(CASE WHEN helpful THEN -1 ELSE 1 END) "
                "FROM feedback WHERE given_at >= ? AND given_at < ? GROUP BY answer_id "
                "HAVING SUM(CASE WHEN helpful THEN -1 ELSE 1 END) > 0 "
                "ORDER BY 2 DESC, MAX(given_at) DESC LIMIT ?",
                (lo, hi, limit),
            )
        ]

    def worst(self, rng: DateRange, limit: int = LIST_ROWS) -> list[dict[str, Any]]:
        """Answers voted down most first, then refused and partial ones, newest first."""
        columns = self._answer_columns()
        if not columns:
            return []
        ids = [i for i, _ in self._voted_down_ids(rng, limit)]
        ids += [i for i in self._refused_ids(rng, columns, limit) if i not in ids]
        ids = ids[:limit]
        found = self._answers(ids, columns)
        return [found[i] for i in ids if i in found]

    def gap_questions(self, rng: DateRange, limit: int = GAP_QUESTIONS) -> list[dict[str, Any]]:
        """The latest questions the sources did not cover well: refused, partly answered, or
        voted down; at most `limit`, newest first."""
        columns = self._answer_columns()
        if not columns:
            return []
        ids = self._refused_ids(rng, columns, limit)
        ids += [i for i, _ in self._voted_down_ids(rng, limit) if i not in set(ids)]
        found = self._answers(ids, columns)
        rows = sorted(found.values(), key=lambda r: r["asked_at"], reverse=True)[:limit]
        for row in rows:
            row["why"] = row["outcome"] if row["outcome"] != "answered" else "voted down"
        return rows

    def passages_voted_down(self, rng: DateRange, limit: int = LIST_ROWS) -> list[dict[str, Any]]:
        if not self._has("passage_votes"):
            return []
        lo, hi = self._range(rng)
        rows = self.reader.rows(
            "SELECT passage_id, MAX(doc_id), MAX(title), MAX(quote), "
            "SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END) "
            "FROM passage_votes WHERE given_at >= ? AND given_at < ? GROUP BY passage_id "
            "HAVING SUM(CASE WHEN helpful THEN 0 ELSE 1 END) > 0 "
            "ORDER BY SUM(CASE WHEN helpful THEN -1 ELSE 1 END) DESC, 6 DESC, 1 LIMIT ?",
            (lo, hi, limit),
        )
        return [
            {
                "passage_id": p,
                "doc_id": d,
                "title": t,
                "quote": q,
                "helpful": int(u),
                "not_helpful": int(n),
            }
            for p, d, t, q, u, n in rows
        ]

    def handoffs(self, rng: DateRange, limit: int = LIST_ROWS) -> list[dict[str, Any]]:
        """Hand-offs to a human in the range, the latest first (the log records no resolution,
        so each is waiting until someone answers in its thread)."""
        columns = self._answer_columns()
        if not columns or not self._has("handoffs"):
            return []
        lo, hi = self._range(rng)
        rows = self.reader.rows(
            "SELECT answer_id, COUNT(*), MAX(asked_at) FROM handoffs "
            "WHERE asked_at >= ? AND asked_at < ? GROUP BY answer_id ORDER BY 3 DESC LIMIT ?",
            (lo, hi, limit),
        )
        found = self._answers([r[0] for r in rows], columns)
        return [
            {**found[i], "asks": int(n), "handed_off_at": self.reader.timestamp(at)}
            for i, n, at in rows
            if i in found
        ]

    def exchange(self, answer_id: str) -> dict[str, Any] | None:
        """One exchange in full: question, answer, citations with their quotes, votes."""
        columns = self._answer_columns()
        if not columns:
            return None
        found = self._answers([answer_id], columns)
        if answer_id not in found:
            return None
        row = found[answer_id]
        citations = self.reader.rows("SELECT citations FROM answers WHERE id = ?", (answer_id,))
        row["citations"] = self.reader.citations(citations[0][0]) if citations else []
        row["votes"] = [
            {"user": user, "helpful": bool(helpful), "at": self.reader.timestamp(at)}
            for user, helpful, at in (
                self.reader.rows(
                    'SELECT "user", helpful, given_at FROM feedback WHERE answer_id = ? '
                    "ORDER BY given_at",
                    (answer_id,),
                )
                if self._has("feedback")
                else []
            )
        ]
        row["handoffs"] = [
            {"user": user, "source": source, "at": self.reader.timestamp(at)}
            for user, source, at in (
                self.reader.rows(
                    'SELECT "user", source, asked_at FROM handoffs WHERE answer_id = ? '
                    "ORDER BY asked_at",
                    (answer_id,),
                )
                if self._has("handoffs")
                else []
            )
        ]
        return row

    # -- freshness -----------------------------------------------------------------------------

    def cited_articles(self) -> Counter[str]:
        """How often each article was cited, over the whole log: read once, then only the new
        answers on each call."""
        if not self._answer_columns():
            return Counter()
        with self._tally_lock:
            if self._tally_after is not None and self._tally_after > self._newest():
                self._tally_after, self._cited = None, Counter()  # the log was replaced
            self._tally_after, counts = self.reader.new_citations(self._tally_after)
            self._cited.update(counts)
            return Counter(self._cited)

    def _newest(self) -> Any:
        column = "seq" if self.reader.backend == "postgresql" else "rowid"
        rows = self.reader.rows(f"SELECT MAX({column}) FROM answers")
        return (rows[0][0] if rows else None) or 0

    def freshness(self, manifest: dict[str, Any] | None) -> dict[str, Any]:
        """The index build time and every article with its publication date and citations."""
        cited = self.cited_articles()
        articles = [
            {
                "doc_id": doc_id,
                "title": meta.get("title"),
                "published": meta.get("published"),
                "url": meta.get("url"),
                "passages": meta.get("passages"),
                "cited": cited.get(doc_id, 0),
            }
            for doc_id, meta in ((manifest or {}).get("articles") or {}).items()
        ]
        articles.sort(key=lambda a: (a["published"] or "", a["doc_id"]), reverse=True)
        by_month = Counter((a["published"] or "undated")[:7] for a in articles)
        return {
            "built_at": (manifest or {}).get("built_at"),
            "articles": articles,
            "never_cited": [a for a in articles if not a["cited"]],
            "published_by_month": dict(sorted(by_month.items())),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _outcome_order(name: str) -> tuple[int, str]:
    return (OUTCOMES.index(name) if name in OUTCOMES else len(OUTCOMES), name)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)

"""Shared state in PostgreSQL: every worker, on every machine, reads and writes the same rows.

Connections come from one psycopg_pool pool per process: a connection broken by a database
restart fails the pool's check and is replaced, so the store resumes by itself once the server
is back. Every driver error leaves here as a StoreError whose text shows the URL only with its
password masked.

Every call on the chat path is bounded (EVBOT_STORE_TIMEOUT_SECONDS): the server ends a statement
that waits longer (statement_timeout: a lock held by another session), and the client gives up on
a server that stopped answering altogether and drops that connection, so the call fails like an
outage and the chat layer's fallbacks answer anyway. Reports (stats, logs, the dashboard) and
index publishes and pulls are bounded the same way by EVBOT_REPORT_TIMEOUT_SECONDS, on each wait
for the server rather than on the whole call: a publish of a large build takes minutes.
`evbot db upgrade` bounds its connecting, its lock waits and each wait before its migrations
start, never the migrations themselves (see `upgrade`).
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.json import Json
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.answer import Answer
from bot.settings import masked_url
from bot.store.base import (
    PRUNE_EVERY_SECONDS,
    SchemaStatus,
    StoreError,
    StoreUnavailable,
    citation_records,
    outcome_of,
    voted_passages,
)
from bot.store.migrations.postgres import MIGRATIONS
from bot.store.sql import SQLStore

if TYPE_CHECKING:  # at run time the store needs no part of the index's code
    from bot.store.published import IncomingBuild, OutgoingFile

POOL_MAX = 5  # the chat workers' threads, plus the event loop's claims; PaaS plans allow ~20
CONNECT_TIMEOUT = 5  # seconds libpq waits for a server that does not answer at all
TIMEOUT_SECONDS = 2.0  # EVBOT_STORE_TIMEOUT_SECONDS's default: a bounded call's whole wait
REPORT_TIMEOUT_SECONDS = 30.0  # EVBOT_REPORT_TIMEOUT_SECONDS's default: each wait of a report
# statement_timeout's share of it: a lock wait ends on the server first, which keeps the
# connection; the client's own deadline then only ends a server that went silent.
STATEMENT_SHARE = 0.75
# A session of ours idle inside a transaction this long (its worker frozen or stopped) is ended,
# so the row locks it holds (an asker's cooldown, a claim) do not hold up every other worker.
IDLE_IN_TRANSACTION_SECONDS = 30
# After a bounded call finds the server silent or away, the others fail at once this long rather
# than each waiting out its bound again (an answer would wait that long per call): one then tries.
SILENT_RETRY_SECONDS = 5.0
RECONNECT_SECONDS = 10.0  # the pool's back-off gives up after this and starts afresh on demand
# prepare_threshold=None: psycopg prepares a statement on the server after its 5th run, and behind
# a pooler in transaction mode (PgBouncer before 1.21) the next run may reach a server connection
# where that name is unknown, or names another client's statement.
CONNECT_KWARGS: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, "prepare_threshold": None}
# pg_try_advisory_xact_lock key ("evbt"): one migration at a time. Transaction-scoped, as it
# must be behind a pooler in transaction mode: a session's lock could be let go on another server
# connection (so never), or taken twice on one.
MIGRATION_LOCK = 0x65766274
MIGRATION_LOCK_POLL_SECONDS = 0.5  # an upgrade waiting for another asks for the lock this often
# ... for at most this long: a release phase waits out another's long migration, but not a
# holder that will never let go (its host frozen, so its kernel still answers keepalives).
MIGRATION_LOCK_WAIT_SECONDS = 900.0
# A migration's wait for a table lock (lock_timeout), tried again until the wait above: while it
# waits, every call on that table queues behind it, so no longer than a chat statement's bound.
MIGRATION_TABLE_LOCK_SECONDS = 1.0
PUBLISH_LOCK = 0x65766269  # ("evbi"): two index builds publish one after the other
KEEP_BUILDS = 2  # published builds kept: the current one and the one before
# A publish waiting for another to finish asks for the lock this often: each ask is a bounded
# round trip, where one blocking wait would look like a silent server after the report bound.
PUBLISH_LOCK_POLL_SECONDS = 0.5


@dataclass(frozen=True)
class _Bound:
    at: float | None  # the whole block's end (time.monotonic), or None: each wait has its own
    seconds: float  # as given: the whole block's, or each wait's
    setting: str  # the variable that sets it, for the message


class Deadline:
    """Each thread's bound on the store call it is making, if any (time.monotonic)."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextmanager
    def within(
        self,
        seconds: float | None,
        *,
        each_wait: bool = False,
        setting: str = "EVBOT_STORE_TIMEOUT_SECONDS",
    ) -> Iterator[None]:
        """This thread's waits in the block end `seconds` from now (None: no bound of its own);
        with `each_wait`, every wait on the server gets `seconds` of its own instead (a publish
        of minutes, each round trip bounded). Nested, the tighter bound at entry holds."""
        before: _Bound | None = getattr(self._local, "bound", None)
        if seconds is not None:
            left = self.remaining()
            if left is None or seconds < left:
                at = None if each_wait else time.monotonic() + seconds
                self._local.bound = _Bound(at, seconds, setting)
        try:
            yield
        finally:
            self._local.bound = before

    def remaining(self) -> float | None:
        """Seconds the next wait may take (0.0 once the block's end passed), or None outside
        any bound."""
        bound: _Bound | None = getattr(self._local, "bound", None)
        if bound is None:
            return None
        return bound.seconds if bound.at is None else max(bound.at - time.monotonic(), 0.0)

    @property
    def seconds(self) -> float | None:
        """The bound this thread is under, as it was given."""
        bound: _Bound | None = getattr(self._local, "bound", None)
        return None if bound is None else bound.seconds

    @property
    def setting(self) -> str | None:
        bound: _Bound | None = getattr(self._local, "bound", None)
        return None if bound is None else bound.setting


DEADLINE = Deadline()


def _wait_timeout_error() -> type[psycopg.OperationalError]:
    """What psycopg's `Connection.wait` raises once its `timeout` expires: psycopg 3.3 has both
    but documents neither (the pin in pyproject.toml says why), so a psycopg that changed them
    fails here, at import, in one line, not silently unbounded at the first hung server."""
    error = getattr(psycopg.errors, "_WaitTimeout", None)
    takes = inspect.signature(psycopg.Connection.wait).parameters
    if not isinstance(error, type) or not issubclass(error, psycopg.OperationalError):
        missing = "psycopg.errors._WaitTimeout"
    elif "timeout" not in takes:
        missing = "a timeout on psycopg.Connection.wait"
    else:
        return error
    raise StoreError(
        f"psycopg {psycopg.__version__} lacks {missing}, which bounds every wait on a hung "
        "PostgreSQL server: install the psycopg pyproject.toml names (>=3.3,<3.4)"
    )


WAIT_TIMEOUT = _wait_timeout_error()


class BoundedConnection(psycopg.Connection[Any]):
    """A connection whose every wait on the server ends at its thread's DEADLINE.

    psycopg's `wait` takes a timeout its own callers never pass, and a stopped or frozen server's
    kernel still acknowledges every packet, so neither statement_timeout, tcp_user_timeout nor
    keepalives ever end that wait: the deadline is applied here, in the waiting thread itself.
    """

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        left = DEADLINE.remaining()
        if left is None:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, left if timeout is None else min(timeout, left))
        except WAIT_TIMEOUT:
            # Mid-exchange, with an answer perhaps still on its way: never to be handed out again.
            self.pgconn.finish()
            raise psycopg.OperationalError(
                f"no answer within {DEADLINE.seconds:g} s ({DEADLINE.setting}): "
                "gave up on that connection"
            ) from None


def _iso(moment: datetime | None) -> str | None:
    """Timestamps read back in the SQLite store's format."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds") if moment else None


class PostgresStore(SQLStore):
    backend = "postgresql"
    shared = True
    publishes_index = True
    migrations = MIGRATIONS
    insert_order = "seq"
    sources_aggregate = "string_agg(DISTINCT h.source, ',' ORDER BY h.source)"
    # The database's clock, one for every worker: the wall clock as each use reads it.
    now_sql = "clock_timestamp()"
    after_sql = "clock_timestamp() + make_interval(secs => ?)"
    greatest = "GREATEST"
    skip_locked = " FOR UPDATE SKIP LOCKED"  # two workers sweeping at once take different rows

    def __init__(
        self,
        url: str,
        *,
        variable: str = "EVBOT_DATABASE_URL",
        timeout_seconds: float = TIMEOUT_SECONDS,
        report_timeout_seconds: float = REPORT_TIMEOUT_SECONDS,
    ) -> None:
        self._url = url
        self._masked = masked_url(url)
        self._password = conninfo_to_dict(url).get("password") or None
        self.variable = variable
        self.timeout = timeout_seconds
        self.report_timeout = report_timeout_seconds
        self._pool = ConnectionPool(
            url,
            connection_class=BoundedConnection,
            min_size=1,
            max_size=POOL_MAX,
            open=False,
            check=self._check,
            timeout=timeout_seconds,
            reconnect_timeout=RECONNECT_SECONDS,
            kwargs=CONNECT_KWARGS,
            name="evbot",
        )
        self._open_lock = threading.Lock()
        self._opened = False
        self.silent_retry_seconds = SILENT_RETRY_SECONDS
        self.migration_lock_wait_seconds = MIGRATION_LOCK_WAIT_SECONDS
        self._silent_lock = threading.Lock()
        self._silent_since: float | None = None  # the server away or silent since (monotonic)
        self._tried_at = 0.0  # the last call that went to the server (monotonic)
        self._held = 0  # the pool's connections out with a call now
        self.closed = False
        self._cooldowns_pruned_at = 0.0

    @property
    def location(self) -> str:
        return self._masked

    # -- connections and errors ---------------------------------------------------------------

    def _say(self, err: BaseException) -> str:
        """A driver message, with the password taken out should the server ever echo it."""
        text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return text.replace(self._password, "***") if self._password else text

    def connect_check(self) -> None:
        """StoreUnavailable, naming the variable (never the password), if the server cannot be
        reached now: a worker says so at start rather than at its first question. One statement,
        bounded as connecting is: a pooler such as PgBouncer accepts the connection itself and
        holds the first statement while the server behind it cannot be reached."""
        try:
            with (
                BoundedConnection.connect(self._url, autocommit=True, **CONNECT_KWARGS) as conn,
                DEADLINE.within(CONNECT_TIMEOUT, setting="connecting"),
            ):
                conn.execute("SELECT 1")
        except psycopg.Error as err:
            raise StoreUnavailable(
                f"cannot reach the database in {self.variable} ({self._masked}): {self._say(err)}"
            ) from None

    def _check(self, conn: psycopg.Connection[Any]) -> None:
        """The pool's check before handing a connection out, bounded like any call."""
        with DEADLINE.within(self.timeout):
            ConnectionPool.check_connection(conn)

    def _fail_fast(self) -> None:
        """StoreUnavailable at once while the server is known away or silent and no retry is
        due; else the call goes ahead (the first one due is the retry)."""
        now = time.monotonic()
        with self._silent_lock:
            since = self._silent_since
            if since is None or now - self._tried_at >= self.silent_retry_seconds:
                self._tried_at = now
                return
        raise StoreUnavailable(
            f"database {self._masked}: not answering for {now - since:.0f} s "
            f"(tried again every {self.silent_retry_seconds:g} s)"
        )

    @contextmanager
    def _holding(self) -> Iterator[None]:
        """Counts the pool's connections out with a call: with all of them out, a wait for one
        that times out found the pool busy, not the server silent (their holders find that out
        within their own bounds), so the calls after it are not failed at once for that."""
        with self._silent_lock:
            self._held += 1
        try:
            yield
        finally:
            with self._silent_lock:
                self._held -= 1

    def _answered(self, answered: bool) -> None:
        with self._silent_lock:
            if not answered:
                self._silent_since = self._silent_since or time.monotonic()
            else:
                self._silent_since = None

    @contextmanager
    def _connection(
        self, *, report: bool = False, repeatable_read: bool = False, idle: bool = False
    ) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection in one transaction: committed on success, rolled back on error.

        The whole call (the wait for a connection included) ends within the store's timeout. A
        `report` (stats, logs, the dashboard, an index publish or pull) may run longer: each wait
        on the server ends within the report timeout (a wait for a connection, the store's), and
        the server ends a statement at its share of it. `repeatable_read`: one snapshot for the
        whole transaction. `idle`: the session may sit idle in the transaction (a pull checking
        the build it wrote before it ends)."""
        if not self._opened:
            with self._open_lock:
                if not self._opened:
                    self._pool.open(wait=False)
                    self._opened = True
        self._fail_fast()
        bound, setting = (
            (self.report_timeout, "EVBOT_REPORT_TIMEOUT_SECONDS")
            if report
            else (self.timeout, "EVBOT_STORE_TIMEOUT_SECONDS")
        )
        try:
            with (
                DEADLINE.within(bound, each_wait=report, setting=setting),
                # A report waits for a free connection as a chat call does: a server refusing
                # connections (restarting) says so in seconds, not after the report's bound.
                self._pool.connection(self.timeout) as conn,
                self._holding(),
            ):
                if repeatable_read:  # before any other statement, as PostgreSQL requires
                    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                self._bound_transaction(conn, bound, idle=idle)
                yield conn
        except PoolTimeout:
            if self._held >= POOL_MAX:  # each out with a call that meets its own bound
                raise StoreUnavailable(
                    f"database {self._masked}: busy: all {POOL_MAX} connections in use, none "
                    f"free within {self.timeout:g} s (EVBOT_STORE_TIMEOUT_SECONDS)"
                ) from None
            self._answered(False)
            raise StoreUnavailable(
                f"database {self._masked}: unreachable or hung: no connection within "
                f"{self.timeout:g} s (EVBOT_STORE_TIMEOUT_SECONDS)"
            ) from None
        except psycopg.OperationalError as err:
            # A statement the server timed out (a lock held elsewhere) was answered: only this
            # call waits on that lock, not every call the server is serving.
            self._answered(isinstance(err, psycopg.errors.QueryCanceled))
            raise StoreUnavailable(f"database {self._masked}: {self._say(err)}") from None
        except psycopg.Error as err:
            self._answered(True)
            raise StoreError(f"database {self._masked}: {self._say(err)}") from None
        self._answered(True)

    @staticmethod
    def _bound_transaction(conn: psycopg.Connection[Any], bound: float, *, idle: bool) -> None:
        """The server-side bounds, for this transaction only (`true`): behind a pooler in
        transaction mode, a session's setting would stay on whichever server connection ran it,
        for other clients, and our next transaction may run on another. statement_timeout ends
        lock waits too: no lock_timeout is needed."""
        conn.execute(
            "SELECT set_config('statement_timeout', %s, true), "
            "set_config('idle_in_transaction_session_timeout', %s, true)",
            (
                f"{max(round(bound * STATEMENT_SHARE * 1000), 1)}ms",
                "0" if idle else f"{IDLE_IN_TRANSACTION_SECONDS}s",
            ),
        )

    def _transaction(
        self, *, report: bool = False
    ) -> AbstractContextManager[psycopg.Connection[Any]]:
        return self._connection(report=report)

    def _q(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _timestamp(self, value: Any) -> Any:
        return _iso(value)

    def close(self) -> None:
        self.closed = True
        if self._opened:
            self._pool.close()
            self._opened = False

    # -- schema -------------------------------------------------------------------------------

    @staticmethod
    def _version(conn: psycopg.Connection[Any]) -> int:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())"
        )
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0

    def _version_row(self, number: int, name: str) -> tuple[str, tuple[Any, ...]]:
        # applied_at: the column's default, the server's clock_timestamp()
        return "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (number, name)

    def schema_status(self) -> SchemaStatus:
        with self._connection() as conn:
            exists = conn.execute("SELECT to_regclass('schema_migrations')").fetchone()
            return self._status(self._version(conn) if exists and exists[0] else 0)

    def upgrade(self) -> list[str]:
        """Each pending migration in a transaction of its own that first takes the migration
        lock (transaction-scoped) and reads the schema version under it, so two release phases
        at once apply each step once, directly or through a pooler in transaction mode.

        Connecting (CONNECT_TIMEOUT) and every wait on the server before a migration's own
        statements end within EVBOT_REPORT_TIMEOUT_SECONDS each, so a silent server says so
        rather than hanging the release phase; the lock is asked for every
        MIGRATION_LOCK_POLL_SECONDS (an upgrade elsewhere may hold it for minutes) for at most
        `migration_lock_wait_seconds`. A migration waits for a table's lock
        MIGRATION_TABLE_LOCK_SECONDS at a time, tried again for as long. The migrations
        themselves are not bounded: one may rewrite a large table."""
        applied: list[str] = []
        try:
            with BoundedConnection.connect(self._url, **CONNECT_KWARGS) as conn:
                while self._apply_next(conn, applied):
                    pass
        except psycopg.errors.ConnectionTimeout as err:
            raise StoreUnavailable(
                f"cannot reach the database in {self.variable} ({self._masked}): "
                f"{self._say(err)} after {CONNECT_TIMEOUT} s"
            ) from None
        except psycopg.OperationalError as err:
            done = f" (applied first: {', '.join(applied)})" if applied else ""
            raise StoreUnavailable(
                f"cannot upgrade the database in {self.variable} ({self._masked}): "
                f"{self._say(err)}{done}"
            ) from None
        except psycopg.Error as err:
            raise StoreError(f"database {self._masked}: {self._say(err)}") from None
        return applied

    def _bounded(self) -> AbstractContextManager[None]:
        return DEADLINE.within(
            self.report_timeout, each_wait=True, setting="EVBOT_REPORT_TIMEOUT_SECONDS"
        )

    def _apply_next(self, conn: psycopg.Connection[Any], applied: list[str]) -> bool:
        """The next pending migration, committed with its schema_migrations row; False once none
        is. Tried again while another upgrade holds the migration lock, or other sessions a table
        the migration changes (lock_timeout ends each wait), for `migration_lock_wait_seconds`
        each; then StoreUnavailable in one line."""
        lock_busy_since: float | None = None
        table_busy_since: float | None = None
        while True:
            with self._bounded():
                # This transaction's settings only: a session's would stay, behind a pooler, on
                # a server connection other clients get next. statement_timeout 0: a chat
                # worker's share of it, left there by an older evbot, must not end a migration.
                conn.execute(
                    "SELECT set_config('lock_timeout', %s, true), "
                    "set_config('statement_timeout', '0', true)",
                    (f"{round(MIGRATION_TABLE_LOCK_SECONDS * 1000)}ms",),
                )
                ask = "SELECT pg_try_advisory_xact_lock(%s)"
                locked = conn.execute(ask, (MIGRATION_LOCK,)).fetchone()[0]  # type: ignore[index]
                version = self._version(conn) if locked else None
                if version is not None and version >= len(MIGRATIONS):
                    conn.commit()  # schema_migrations, had it to be created
                    return False
                if version is None:
                    conn.rollback()
            if version is None:
                lock_busy_since = lock_busy_since or time.monotonic()
                waited = time.monotonic() - lock_busy_since
                if waited >= self.migration_lock_wait_seconds:
                    raise self._migration_lock_held(conn, waited, applied)
                time.sleep(MIGRATION_LOCK_POLL_SECONDS)
                continue
            number, migration = version + 1, MIGRATIONS[version]
            try:
                self._apply_migration(conn, number, migration)
                conn.commit()
            except psycopg.errors.LockNotAvailable:
                conn.rollback()
                table_busy_since = table_busy_since or time.monotonic()
                waited = time.monotonic() - table_busy_since
                if waited >= self.migration_lock_wait_seconds:
                    done = f" (applied: {', '.join(applied)})" if applied else ""
                    raise StoreUnavailable(
                        f"database {self._masked}: migration {number} ({migration.name}) found "
                        f"a table it changes locked by other sessions for {waited:.0f} s; it and "
                        f"those after it were not applied{done}: run it again"
                    ) from None
                time.sleep(MIGRATION_LOCK_POLL_SECONDS)
                continue
            applied.append(migration.name)
            return True

    def _migration_lock_held(
        self, conn: psycopg.Connection[Any], waited: float, applied: list[str]
    ) -> StoreUnavailable:
        """The error naming the session that holds the migration lock (behind a pooler, the
        pooler's server connection)."""
        with self._bounded():
            holder = conn.execute(
                "SELECT a.pid, a.client_addr, a.backend_start FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                "AND l.granted AND l.database = (SELECT oid FROM pg_database "
                "WHERE datname = current_database()) AND l.classid = 0 AND l.objid = %s",
                (MIGRATION_LOCK,),
            ).fetchone()
            conn.rollback()
        who = (
            f"server process {holder[0]}, from {holder[1] or 'a local socket'}, "
            f"connected {holder[2].astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"
            if holder
            else "a session now gone"
        )
        done = f"{', '.join(applied)} applied, the rest not" if applied else "nothing was applied"
        return StoreUnavailable(
            f"database {self._masked}: another `evbot db upgrade` ({who}) has held the "
            f"migration lock for {waited:.0f} s; {done}: run it again once that one ends "
            "(or end that session)"
        )

    # -- answers and votes --------------------------------------------------------------------

    def record_turn(self, conversation: str, question: str, kind: str) -> None:
        with self._connection() as conn:
            conn.execute(
                "INSERT INTO turns (conversation, question, kind) VALUES (%s, %s, %s)",
                (conversation, question, kind),
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
        with self._connection() as conn:
            conn.execute(
                "INSERT INTO answers (id, question, answer, refused, citations, latency_ms, "
                'source, "user", conversation, reask_of, outcome) '
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    answer.id,
                    answer.question,
                    answer.answer,
                    answer.refused,
                    Json(citation_records(answer)),
                    answer.timings_ms.get("total"),
                    source,
                    user,
                    conversation,
                    reask_of,
                    outcome_of(answer),
                ),
            )

    def record_feedback(self, answer_id: str, user: str | None, helpful: bool) -> None:
        with self._connection() as conn:
            citations = self._citations(conn, answer_id)
            conn.execute(
                'INSERT INTO feedback (answer_id, "user", helpful) VALUES (%s, %s, %s) '
                'ON CONFLICT (answer_id, "user") '
                "DO UPDATE SET helpful = excluded.helpful, given_at = clock_timestamp()",
                (answer_id, user or "", helpful),
            )
            with conn.cursor() as cursor:
                cursor.executemany(
                    'INSERT INTO passage_votes (answer_id, passage_id, "user", helpful, doc_id, '
                    "title, quote) VALUES (%(answer_id)s, %(passage_id)s, %(user)s, "
                    "%(helpful)s, %(doc_id)s, %(title)s, %(quote)s) "
                    'ON CONFLICT (answer_id, passage_id, "user") '
                    "DO UPDATE SET helpful = excluded.helpful, given_at = clock_timestamp()",
                    [
                        {**c, "answer_id": answer_id, "user": user or "", "helpful": helpful}
                        for c in voted_passages(citations)
                    ],
                )

    def record_handoff(self, answer_id: str, user: str | None, *, source: str) -> bool:
        with self._connection() as conn:
            self._citations(conn, answer_id)  # the answer must exist
            cursor = conn.execute(
                'INSERT INTO handoffs (answer_id, "user", source) VALUES (%s, %s, %s) '
                "ON CONFLICT DO NOTHING",
                (answer_id, user or "", source),
            )
            return cursor.rowcount == 1

    # -- per-user cooldowns -------------------------------------------------------------------

    def spend(self, key: str, limit: int, window_seconds: float, now: float | None = None) -> float:
        # The statement's own start, one value throughout it, on the one clock every worker reads.
        at = "COALESCE(%(now)s::float8, extract(epoch FROM statement_timestamp())::float8)"
        with self._connection() as conn:
            # One statement: of two workers counting the same asker at once, the second waits on
            # the first's row lock and then counts on from its result (see the SQLite store).
            row = conn.execute(
                f"INSERT INTO cooldowns AS c (key, resets_at, spent) "
                f"VALUES (%(key)s, {at} + %(window)s, 1) "
                f"ON CONFLICT (key) DO UPDATE SET "
                f"spent = CASE WHEN c.resets_at <= {at} THEN 1 ELSE c.spent + 1 END, "
                f"resets_at = CASE WHEN c.resets_at <= {at} THEN excluded.resets_at "
                f"ELSE c.resets_at END "
                f"RETURNING spent, resets_at - {at}",
                {"key": key, "now": now, "window": float(window_seconds)},
            ).fetchone()
            started = time.monotonic()
            if started - self._cooldowns_pruned_at >= PRUNE_EVERY_SECONDS:
                self._cooldowns_pruned_at = started
                conn.execute(f"DELETE FROM cooldowns WHERE resets_at <= {at}", {"now": now})
        if row is None:  # never: an upsert with RETURNING returns its row
            raise StoreError(f"database {self._masked}: the cooldown of {key} returned no row")
        spent, wait = row
        # The statement's clock is read before it waits on a racer's row lock: cap at the window.
        return 0.0 if spent <= limit else min(max(float(wait), 0.0), window_seconds)

    # -- the published index ------------------------------------------------------------------

    def publish_build(
        self, name: str, manifest: dict[str, Any], files: Sequence[OutgoingFile]
    ) -> None:
        """A build's files, each streamed from disk in rows of at most CHUNK_BYTES with the
        SHA-256 taken on the way, and the move of the current pointer, in one transaction: a
        publish that fails or is killed leaves the previous build current, and two at once wait
        on an advisory lock, so each is whole. Builds beyond the last KEEP_BUILDS are deleted
        in the same transaction (their chunks with them)."""
        with self._connection(report=True) as conn:
            # Another publish may hold it for minutes: asked again until free, each ask bounded.
            while not conn.execute(
                "SELECT pg_try_advisory_xact_lock(%s)", (PUBLISH_LOCK,)
            ).fetchone()[0]:
                time.sleep(PUBLISH_LOCK_POLL_SECONDS)
            new = conn.execute(
                "INSERT INTO index_builds (name, manifest, files, bytes) VALUES (%s, %s, %s, 0) "
                "ON CONFLICT (name) DO NOTHING RETURNING 1",
                (name, Json(manifest), len(files)),
            ).fetchone()
            if new:
                total = 0
                for file in files:
                    count = 0
                    for count, data in enumerate(file.chunks(), start=1):
                        conn.execute(
                            "INSERT INTO index_chunks (build, path, n, data) "
                            "VALUES (%s, %s, %s, %b)",
                            (name, file.path, count - 1, data),
                        )
                    conn.execute(
                        "INSERT INTO index_files (build, path, sha256, size, chunks) "
                        "VALUES (%s, %s, %s, %s, %s)",
                        (name, file.path, file.sha256, file.size, count),
                    )
                    total += file.size
                conn.execute("UPDATE index_builds SET bytes = %s WHERE name = %s", (total, name))
            conn.execute(
                "INSERT INTO index_current (build) VALUES (%s) "
                "ON CONFLICT (only_row) DO UPDATE SET build = excluded.build",
                (name,),
            )
            conn.execute(
                "DELETE FROM index_builds WHERE name <> %s AND name NOT IN "
                "(SELECT name FROM index_builds ORDER BY seq DESC LIMIT %s)",
                (name, KEEP_BUILDS),
            )

    def current_build(self) -> str | None:
        """The published build every worker should serve (None before the first publish)."""
        with self._connection() as conn:
            row = conn.execute("SELECT build FROM index_current").fetchone()
        return row[0] if row else None

    def published_builds(self) -> list[str]:
        with self._connection() as conn:
            rows = conn.execute("SELECT name FROM index_builds ORDER BY seq").fetchall()
        return [row[0] for row in rows]

    @contextmanager
    def read_build(self, name: str) -> Iterator[IncomingBuild | None]:
        """A published build (None if pruned): its manifest, its files, and its chunks in
        (path, n) order, fetched one row at a time by a server-side cursor so that a file of
        any size passes through memory a chunk at a time. One REPEATABLE READ snapshot: a
        publish pruning this build meanwhile cannot take chunks out from under the reader."""
        with self._connection(report=True, repeatable_read=True, idle=True) as conn:
            build = conn.execute(
                "SELECT manifest FROM index_builds WHERE name = %s", (name,)
            ).fetchone()
            if build is None:
                yield None
                return
            files = conn.execute(
                "SELECT path, sha256, size, chunks FROM index_files WHERE build = %s ORDER BY path",
                (name,),
            ).fetchall()
            with conn.cursor(name="evbot_read_build", binary=True) as cursor:
                cursor.itersize = 1  # the default 100 rows would be 800 MB of chunks at once
                cursor.execute(
                    "SELECT path, n, data FROM index_chunks WHERE build = %s ORDER BY path, n",
                    (name,),
                )
                yield build[0], files, ((path, n, bytes(data)) for path, n, data in cursor)

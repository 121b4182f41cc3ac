"""The PostgreSQL store behind PgBouncer in TRANSACTION pooling mode (tests/pgbouncer_server.py),
as PaaS offerings deploy it: each transaction of a client may run on a different server
connection, so nothing may rely on the session (prepared statements, session settings,
session advisory locks). The same code runs directly in every other PostgreSQL test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg_server import PostgresServer
from pgbouncer_server import SERVER_CONNECTIONS, PgBouncer, start_pgbouncer, stop_pgbouncer

from bot.answer import Answer, Citation
from bot.index import live_build
from bot.settings import load_settings
from bot.store import StoreUnavailable, open_store
from bot.store.migrations.postgres import MIGRATIONS
from bot.store.postgres import MIGRATION_LOCK, PostgresStore
from bot.store.published import IndexFollower, OutgoingFile

CALLS = 12  # of each statement per thread: psycopg's default would prepare one after 5
THREADS = 6  # more than the store's pool (5) and the pooler's server connections (3)


SETTINGS = (
    "SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), "
    "current_setting('idle_in_transaction_session_timeout')"
)


def _read_at_once(
    transaction: Callable[[], AbstractContextManager[psycopg.Connection[Any]]], query: str
) -> list[tuple[str, ...]]:
    """`query` in SERVER_CONNECTIONS transactions open at once, so each holds a different server
    connection of the pooler: what each of them carries now."""
    barrier = threading.Barrier(SERVER_CONNECTIONS, timeout=30)

    def read(_: int) -> tuple[str, ...]:
        with transaction() as conn:  # inside a transaction until the block ends
            row = conn.execute(query).fetchone()
            barrier.wait()
            return row  # type: ignore[return-value]

    with ThreadPoolExecutor(SERVER_CONNECTIONS) as threads:
        return list(threads.map(read, range(SERVER_CONNECTIONS)))


def _settings_on_every_server_connection(url: str) -> list[tuple[str, ...]]:
    """The timeouts each of the pooler's server connections carries now, as a client that sets
    none sees them."""
    return _read_at_once(lambda: psycopg.connect(url), SETTINGS)


def _answer(answer_id: str) -> Answer:
    citation = Citation(
        n=1, doc_id="d1", title="T", url="https://example.com/", section=None, text="t",
        score=1.0, passage_id=f"p-{answer_id}",
    )  # fmt: skip
    return Answer(id=answer_id, question="q", answer="a", refused=False, citations=(citation,))


def test_every_chat_call_many_times_from_many_threads_through_the_pooler(
    pgbouncer: PgBouncer, pg_database: str, tmp_path: Path
) -> None:
    """Each statement runs more often than psycopg's prepare threshold, from client connections
    that take turns on fewer server connections: a statement prepared on one server connection
    is unknown on the next ("prepared statement "_pg3_0" does not exist" before PgBouncer 1.21).
    A publish and pulls (many chunk inserts and FETCHes) run alongside."""
    PostgresStore(pg_database).upgrade()
    url = pgbouncer.url(pg_database)
    store = open_store(load_settings(database_url=url))
    assert isinstance(store, PostgresStore)

    def chat(worker: int) -> int:
        done = 0
        for n in range(CALLS):
            answer_id = f"a{worker}-{n}"
            store.record_answer(_answer(answer_id), source="slack", user=f"U{worker}",
                                conversation=f"c{worker}")  # fmt: skip
            assert store.conversation_questions(f"c{worker}")
            assert store.answer_context(answer_id) is not None
            store.record_feedback(answer_id, f"U{worker}", n % 2 == 0)
            assert store.record_handoff(answer_id, f"U{worker}", source="slack")
            assert store.claim(f"slack:{worker}:{n}") and not store.claim(f"slack:{worker}:{n}")
            assert store.spend(f"slack:U{worker}", 1000, 60) == 0.0
            done += 1
        return done

    def publish_and_pull(worker: int) -> int:
        (tmp_path / "vectors.bin").write_bytes(bytes(range(256)) * 2)  # 32 chunks of 16 bytes
        (tmp_path / "manifest.json").write_text("{}")
        for n in range(3):
            files = [  # each hashes and counts what it sends, once
                OutgoingFile(path, tmp_path / path, chunk_bytes=16)
                for path in ("manifest.json", "vectors.bin")
            ]
            store.publish_build(f"b{n}", {}, files)
            follower = IndexFollower(store, tmp_path / f"worker{n}")
            assert follower.sync() == f"b{n}"  # never raises: None were the pull refused
            assert live_build(tmp_path / f"worker{n}") is not None
        return CALLS

    try:
        with ThreadPoolExecutor(THREADS + 1) as threads:
            done = list(threads.map(chat, range(THREADS)))
            published = threads.submit(publish_and_pull, THREADS)
            assert published.result() == CALLS
        assert done == [CALLS] * THREADS
        stats = store.stats()
        assert stats["questions"] == THREADS * CALLS, stats
    finally:
        store.close()


def test_db_upgrade_twice_at_once_through_the_pooler_applies_each_step_once(
    pgbouncer: PgBouncer, pg_database: str
) -> None:
    """A session advisory lock through a transaction pooler is taken on one server connection
    and let go on another (or taken twice on the same one): each step must be applied once
    all the same, and nothing left locked."""
    url = pgbouncer.url(pg_database)
    barrier = threading.Barrier(2, timeout=30)

    def upgrade(_: int) -> list[str]:
        store = PostgresStore(url)
        barrier.wait()
        try:
            return store.upgrade()
        finally:
            store.close()

    with ThreadPoolExecutor(2) as threads:
        applied = list(threads.map(upgrade, range(2)))
    names = [migration.name for migration in MIGRATIONS]
    assert sorted(applied[0] + applied[1], key=names.index) == names, applied
    with psycopg.connect(pg_database) as direct:
        versions = [r[0] for r in direct.execute("SELECT version FROM schema_migrations")]
        held = direct.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        assert held.fetchone() == (0,)
    assert sorted(versions) == list(range(1, len(MIGRATIONS) + 1))
    again = PostgresStore(url)
    assert again.upgrade() == [] and again.schema_status().pending == ()
    again.close()
    # Nothing the upgrade set (its lock_timeout) stayed on a server connection for others.
    assert _settings_on_every_server_connection(url) == [("0", "0", "0")] * SERVER_CONNECTIONS


def test_the_timeouts_hold_in_every_transaction_and_never_leak_to_other_clients(
    pgbouncer: PgBouncer, pg_database: str
) -> None:
    """Session settings through a transaction pooler stay on whichever server connection ran
    them: other clients inherit them, and our later transactions run without them."""
    PostgresStore(pg_database).upgrade()
    url = pgbouncer.url(pg_database)
    store = open_store(load_settings(database_url=url, store_timeout_seconds=0.5))
    assert isinstance(store, PostgresStore)
    try:
        for _ in range(3):
            # Each on its own server connection, at once.
            seen = _read_at_once(
                store._transaction,
                "SELECT current_setting('statement_timeout'), "
                "current_setting('idle_in_transaction_session_timeout')",
            )
            assert seen == [("375ms", "30s")] * SERVER_CONNECTIONS
        # The real path: a lock held elsewhere ends on the server, whichever server connection.
        with psycopg.connect(pg_database) as other:  # another session, inside a transaction
            other.execute("LOCK TABLE cooldowns IN ACCESS EXCLUSIVE MODE")
            for n in range(2 * SERVER_CONNECTIONS):
                with pytest.raises(StoreUnavailable, match="statement timeout"):
                    store.spend(f"slack:U{n}", 3, 60)
        assert store.spend("slack:U1", 3, 60) == 0.0
        # Another client of the same pooler meets none of the store's settings.
        assert _settings_on_every_server_connection(url) == [("0", "0", "0")] * SERVER_CONNECTIONS
    finally:
        store.close()


def test_a_waiting_upgrade_through_the_pooler_names_the_holder_then_applies_once_it_lets_go(
    pgbouncer: PgBouncer, pg_database: str
) -> None:
    """The migration lock is asked for in each try's own transaction: through the pooler the
    wait still ends in one line naming who holds it, and a lock let go is taken."""
    url = pgbouncer.url(pg_database)
    store = PostgresStore(url)
    with psycopg.connect(pg_database) as other:  # another upgrade, inside its transaction
        other.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        holder = other.info.backend_pid
        store.migration_lock_wait_seconds = 1
        with pytest.raises(StoreUnavailable) as refused:
            store.upgrade()
        message = str(refused.value)
        assert f"another `evbot db upgrade` (server process {holder}, from " in message
        assert "nothing was applied" in message and message.count("\n") == 0
        store.migration_lock_wait_seconds = 60
        threading.Timer(1.0, other.rollback).start()
        assert store.upgrade() == [migration.name for migration in MIGRATIONS]
    store.close()


def test_a_pooler_whose_server_stopped_answering_fails_the_start_in_one_line(
    postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pooler that has reached its server before answers a login itself and holds the first
    statement while the server is silent (PgBouncer: up to query_wait_timeout, 120 s): the
    start-up check waits for an answer as long as connecting may take, then names the variable
    to look at, as it does directly."""
    bouncer = start_pgbouncer(postgres)  # its own: the session's keeps serving the other tests
    monkeypatch.setattr("bot.store.postgres.CONNECT_TIMEOUT", 1)
    url = bouncer.url(postgres.url())
    try:
        psycopg.connect(url).close()  # the pooler has the server's parameters and a connection
        with postgres.frozen() as freeze:
            freeze()
            with pytest.raises(StoreUnavailable) as refused:
                open_store(load_settings(database_url=url))
        message = str(refused.value)
        assert message.startswith("cannot reach the database in EVBOT_DATABASE_URL (")
        assert "no answer within 1 s" in message and message.count("\n") == 0
        assert "***" in message and postgres.password not in message
    finally:
        stop_pgbouncer(bouncer)

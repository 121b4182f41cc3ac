"""The store beyond the query log: once-only claims, de-duplication with its fallback, the
outcome column, migrations (SQLite logs from before them, `evbot db`), and PostgreSQL's
failures: unreachable at start, lost and back mid-run, never showing the password.

Tests taking `store_settings` run on both backends (tests/conftest.py).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresServer, free_port

from bot.answer import Answer
from bot.cli import main
from bot.dedup import CLAIM_NEW, CLAIM_TAKEN_OVER, SeenKeys, SharedSeenKeys, seen_keys_for
from bot.errors import ConfigError
from bot.index import live_build
from bot.service import AnswerService
from bot.settings import Settings, get_settings, load_settings, masked_url
from bot.store import SchemaOutdated, StoreError, StoreUnavailable, open_store
from bot.store.base import Migration
from bot.store.migrations.postgres import MIGRATIONS as PG_MIGRATIONS
from bot.store.migrations.sqlite import MIGRATIONS as SQLITE_MIGRATIONS
from bot.store.postgres import (
    CONNECT_TIMEOUT,
    DEADLINE,
    MIGRATION_LOCK,
    POOL_MAX,
    PUBLISH_LOCK,
    BoundedConnection,
    Deadline,
    PostgresStore,
)
from bot.store.published import IndexFollower, OutgoingFile
from bot.store.sqlite import SQLiteStore

QUESTION = "Who is Amazon partnering with on batteries?"


@pytest.fixture
def store(store_settings: dict):
    opened = open_store(load_settings(**store_settings))
    yield opened
    opened.close()


def _answer(answer_id: str, *, refused: bool = False) -> Answer:
    outcome = "refused" if refused else "answered"
    return Answer(id=answer_id, question="q", answer="a", refused=refused, outcome=outcome)


# -- claims ------------------------------------------------------------------------------------


def test_a_key_is_claimed_once_until_it_expires(store) -> None:
    assert store.claim("slack:C1:1.0", 3600)
    assert not store.claim("slack:C1:1.0", 3600)
    assert store.claim("slack:C1:2.0", 3600)  # another key
    assert store.claim("short", 0.2)
    assert not store.claim("short", 0.2)
    threading.Event().wait(0.5)
    assert store.claim("short", 0.2)  # expired: claimed afresh, once
    assert not store.claim("short", 0.2)


def test_threads_racing_for_one_key_claim_it_once(store) -> None:
    keys = [f"race:{n}" for n in range(20)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda k: store.claim(k), keys * 8))
    won = [key for key, claimed in zip(keys * 8, results, strict=True) if claimed]
    assert sorted(won) == sorted(keys)


def test_a_held_claim_is_taken_over_only_once_its_owner_stops_renewing(store) -> None:
    key, payload = "slack:C1:7.0", '{"event": {"ts": "7.0"}}'
    assert store.take_claim(key, "w1", lease_seconds=0.3, payload=payload) == CLAIM_NEW
    assert store.take_claim(key, "w2", lease_seconds=0.3) is None  # a retry: w1 holds it
    assert store.renew_claims("w1", 0.3) == 1
    assert store.take_orphans("slack:", "w2", 0.3) == []  # renewed: w1 lives
    threading.Event().wait(0.5)  # w1 died: no renewal
    assert store.take_claim(key, "w2", lease_seconds=0.3) == CLAIM_TAKEN_OVER
    assert store.take_claim(key, "w3", lease_seconds=0.3) is None
    store.finish_claim(key, "w1")  # the dead owner's late word changes nothing
    threading.Event().wait(0.5)
    [(taken, kept)] = store.take_orphans("slack:", "w3", 0.3)
    assert (taken, kept) == (key, payload)  # the payload outlives takeovers, for the sweep
    store.finish_claim(key, "w3")
    threading.Event().wait(0.5)
    assert store.take_orphans("slack:", "w4", 0.3) == []  # finished: nobody's to take
    assert store.take_claim(key, "w4", lease_seconds=0.3) is None
    assert store.renew_claims("w3", 0.3) == 0
    assert not store.claim(key)  # the old once-only claim sees the same key


def test_sweeps_take_only_their_namespace_and_only_claims_with_a_payload(store) -> None:
    store.take_claim("slack:C1:1", "dead", lease_seconds=0.1, payload="p1")
    store.take_claim("slack:C1:2", "dead", lease_seconds=0.1)  # nothing to answer it from
    store.take_claim("discord:1", "dead", lease_seconds=0.1, payload="p3")
    store.take_claim("slack:C1:3", "alive", lease_seconds=60, payload="p4")
    threading.Event().wait(0.3)
    with ThreadPoolExecutor(4) as pool:
        sweeps = list(pool.map(lambda n: store.take_orphans("slack:", f"w{n}", 60), range(4)))
    assert sorted(found for sweep in sweeps for found in sweep) == [("slack:C1:1", "p1")]


CLAIMER = textwrap.dedent(
    """
    import json, sys
    from bot.settings import load_settings
    from bot.store import open_store

    store = open_store(load_settings(**json.loads(sys.argv[1])))
    print(json.dumps([k for k in json.loads(sys.argv[2]) if store.claim(k)]))
    store.close()
    """
)


def test_workers_in_other_processes_claim_each_key_once(store, store_settings: dict) -> None:
    store.stats()  # set up (SQLite) before the processes race
    keys = [f"event:{n}" for n in range(40)]
    settings = json.dumps({k: str(v) for k, v in store_settings.items()})
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIMER, settings, json.dumps(keys)], stdout=subprocess.PIPE
        )
        for _ in range(4)
    ]
    won = [key for w in workers for key in json.loads(w.communicate(timeout=120)[0])]
    assert [w.returncode for w in workers] == [0] * 4
    assert sorted(won) == sorted(keys)  # each event to exactly one worker


def test_shared_seen_keys_namespaces_and_remembers(store) -> None:
    slack, discord = SharedSeenKeys(store, "slack"), SharedSeenKeys(store, "discord")
    other_worker = SharedSeenKeys(store, "slack")
    assert slack.first_time("C1:1.0")
    assert not slack.first_time("C1:1.0")
    assert not other_worker.first_time("C1:1.0")  # its retry, landing on another worker
    assert discord.first_time("C1:1.0")  # another platform's id space
    assert not slack.falling_back


def test_a_worker_holds_its_claims_while_it_lives_and_another_sweeps_them_up_after(
    store,
) -> None:
    worker = SharedSeenKeys(store, "slack", lease_seconds=0.6, renew_every=0.1)
    other = SharedSeenKeys(store, "slack", lease_seconds=0.6, renew_every=0.1)
    assert worker.take("C1:1.0", "payload-1") == CLAIM_NEW
    assert worker.take("C1:2.0", "payload-2") == CLAIM_NEW
    assert other.take("C1:1.0") is None  # a retry on another worker: held, not answered twice
    threading.Event().wait(1.0)  # longer than the lease: renewals keep it
    assert other.orphans() == [] and other.take("C1:1.0") is None
    worker.finish("C1:1.0")
    worker.store = _Dead()  # the worker dies: no more renewals, no finish
    threading.Event().wait(1.0)
    assert other.orphans() == [("C1:2.0", "payload-2")]
    assert other.take("C1:1.0") is None  # finished before it died
    assert other.orphans() == []  # the orphan is the sweeper's now, renewed by it
    worker.close()
    other.close()


class _Dead:
    def __getattr__(self, name: str):
        def fails(*args, **kwargs):
            raise StoreError("gone")

        return fails


def test_adapters_deduplicate_through_the_store_only_when_it_is_shared(store) -> None:
    seen = seen_keys_for(store, "slack")
    assert isinstance(seen, SharedSeenKeys if store.shared else SeenKeys)
    assert seen.first_time("x") and not seen.first_time("x")


def test_claims_fall_back_to_the_process_while_sqlite_is_unusable(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    home = tmp_path / "state"
    home.write_text("")  # a file where the folder should be: nothing can be opened
    seen = SharedSeenKeys(SQLiteStore(home / "log.sqlite3"), "slack", retry_seconds=0)
    with caplog.at_level(logging.WARNING, logger="bot.dedup"):
        assert seen.first_time("a") and not seen.first_time("a")
        assert seen.first_time("b") and seen.falling_back
        home.unlink()
        home.mkdir()  # the disk is back
        assert seen.first_time("c") and not seen.falling_back
        assert not seen.first_time("a")  # taken up during the outage: still not twice
    warnings = [r.getMessage() for r in caplog.records]
    assert len([w for w in warnings if "this process only" in w]) == 1  # once, not per event
    assert len([w for w in warnings if "claimed there again" in w]) == 1


# -- the outcome column -------------------------------------------------------------------------


def test_a_conversation_keeps_what_was_answered_to_each_question(store) -> None:
    def answer(answer_id: str, question: str, text: str, *, refused: bool = False) -> Answer:
        outcome = "refused" if refused else "answered"
        return Answer(answer_id, question, text, refused, outcome=outcome)

    store.record_answer(answer("a1", "Who is Tesla's CEO?", "Elon Musk is."), conversation="t1")
    store.record_answer(answer("a2", "by when?", "2040"), conversation="t1")
    store.record_answer(answer("a3", "by when?", "2030"), conversation="t1")  # asked again
    store.record_answer(answer("b1", "by when?", "not covered", refused=True), conversation="t2")
    assert store.answer_to("t1", "Who is Tesla's CEO?") == "Elon Musk is."
    assert store.answer_to("t1", "by when?") == "2030"  # the latest
    assert store.answer_to("t2", "by when?") is None  # a refusal says nothing to pick up
    assert store.answer_to("t2", "Who is Tesla's CEO?") is None  # asked in another conversation


def test_a_conversations_turns_are_part_of_its_questions_not_its_answers(store) -> None:
    def answer(answer_id: str, question: str) -> Answer:
        return Answer(answer_id, question, "a", False, outcome="answered")

    store.record_answer(answer("a1", "who makes the batteries?"), conversation="t1")
    store.record_turn("t1", "start over", "start over")
    store.record_answer(answer("a2", "where are they based?"), conversation="t1")
    store.record_turn("t2", "what are the sections?", "sections")  # another conversation
    assert store.conversation_questions("t1") == [
        "who makes the batteries?",
        "start over",
        "where are they based?",
    ]
    assert store.answer_context("a2") == (
        "where are they based?",
        "t1",
        ["who makes the batteries?", "start over"],
    )
    assert store.conversation_questions("t2") == ["what are the sections?"]
    assert store.latest_exchange("t1") == ("a2", None)  # a turn is no answer to vote on
    assert store.stats()["questions"] == 2


def test_stats_count_questions_by_outcome(store, store_settings: dict, evbot) -> None:
    store.record_answer(_answer("a1"))
    store.record_answer(_answer("a2"))
    store.record_answer(_answer("r1", refused=True))
    store.record_answer(Answer(id="p1", question="q", answer="a", refused=False, outcome="partial"))
    store.record_answer(_answer("again", refused=True), reask_of="r1")  # not a question
    stats = store.stats()
    assert stats["outcomes"] == {"answered": 2, "partial": 1, "refused": 1}
    assert (stats["questions"], stats["refused"], stats["reasks"]) == (4, 1, 1)
    assert {row["id"]: row["outcome"] for row in store.recent(10)}["p1"] == "partial"
    run = evbot("stats", "--json", **store_settings)
    assert run.code == 0, run.stderr
    assert run.json()["outcomes"] == {"answered": 2, "partial": 1, "refused": 1}
    text = evbot("stats", **store_settings)
    assert "outcomes:    2 answered, 1 partial, 1 refused" in text.stdout


# -- SQLite migrations --------------------------------------------------------------------------

# The query log's schema before migrations existed, verbatim (the re-ask column came later, by
# an ALTER at set-up, so logs exist both with and without it).
SCHEMA_BEFORE_MIGRATIONS = """
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


@pytest.mark.parametrize("with_reask_column", [False, True], ids=["oldest", "with-reasks"])
def test_a_log_from_before_migrations_upgrades_in_place(
    tmp_path: Path, evbot, with_reask_column: bool
) -> None:
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as old:
        old.execute("PRAGMA journal_mode=WAL")
        old.executescript(SCHEMA_BEFORE_MIGRATIONS)
        if with_reask_column:
            old.execute("ALTER TABLE answers ADD COLUMN reask_of TEXT")
        old.executemany(
            "INSERT INTO answers (id, asked_at, question, answer, refused, citations, latency_ms, "
            "source, user, conversation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ("old1", "2026-01-01T10:00:00.000+00:00", "first?", "yes", 0, "[]", 12.0,
                 "slack", "U1", "slack:C1:1"),
                ("old2", "2026-01-01T10:01:00.000+00:00", "second?", "no", 1, "[]", 15.0,
                 "slack", "U1", "slack:C1:1"),
            ],
        )  # fmt: skip
        old.execute("INSERT INTO feedback VALUES ('old1', 'U2', 1, '2026-01-01T10:02:00Z')")
    old_rows = SQLiteStore(db)  # what the bot finds after an update: its existing log

    assert old_rows.conversation_questions("slack:C1:1") == ["first?", "second?"]
    stats = old_rows.stats()
    assert (stats["questions"], stats["refused"], stats["helpful"]) == (2, 1, 1)
    assert stats["outcomes"] == {"answered": 1, "partial": 0, "refused": 1}  # filled in
    status = old_rows.schema_status()
    assert (status.version, status.pending) == (len(SQLITE_MIGRATIONS), ())
    old_rows.record_answer(_answer("new1"), conversation="slack:C1:1", reask_of="old1")
    assert old_rows.claim("k") and not old_rows.claim("k")
    assert old_rows.answer_context("new1") == ("first?", "slack:C1:1", [])

    run = evbot("db", "status", "--json", db_path=db)
    assert run.code == 0, run.stderr
    assert run.json()["version"] == len(SQLITE_MIGRATIONS) and run.json()["up_to_date"]


def test_both_backends_number_the_same_migrations() -> None:
    assert [m.name for m in SQLITE_MIGRATIONS] == [m.name for m in PG_MIGRATIONS]


# -- PostgreSQL: migrations, start-up checks, secrets --------------------------------------------


def test_db_upgrade_brings_a_new_database_up_and_workers_check_it(
    pg_database: str, evbot, tmp_path: Path
) -> None:
    status = evbot("db", "status", database_url=pg_database)
    assert status.code == 0, status.stderr
    assert "version 0 of" in status.stdout and "evbot db upgrade" in status.stdout

    # A worker started before the release phase has run: one line, naming the command.
    ask = evbot("ask", QUESTION, database_url=pg_database)
    assert ask.code == 2
    assert ask.stderr.strip().count("\n") == 0 and "evbot db upgrade" in ask.stderr

    # Several release phases at once: each step applied once, all succeed.
    settings = load_settings(database_url=pg_database)
    upgrades = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "db", "upgrade"],
            env={"PATH": "/usr/bin:/bin", "EVBOT_DATABASE_URL": pg_database},
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [u.communicate(timeout=120) for u in upgrades]
    assert [u.returncode for u in upgrades] == [0, 0, 0], outputs
    # Each migration takes the lock in its own transaction, so the steps may be shared out
    # between the upgrades; what counts is that every step is applied by exactly one of them.
    applied = [
        name
        for out, _ in outputs
        if "Upgraded" in out
        for name in out.split(": ", 1)[1].strip().rstrip(".").split(", ")
    ]
    assert sorted(applied) == sorted(m.name for m in PG_MIGRATIONS), outputs
    with psycopg.connect(pg_database) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert sorted(versions) == list(range(1, len(PG_MIGRATIONS) + 1))

    again = evbot("db", "upgrade", database_url=pg_database)
    assert again.code == 0 and "up to date" in again.stdout
    done = evbot("db", "status", "--json", database_url=pg_database)
    assert done.json()["version"] == len(PG_MIGRATIONS) and done.json()["up_to_date"]
    open_store(settings).close()  # the check passes now


def test_db_upgrade_on_a_frozen_server_ends_in_one_line_naming_the_host(
    postgres: PostgresServer,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A release phase on a server that stops answering: frozen once connected (each wait before
    the migrations ends at EVBOT_REPORT_TIMEOUT_SECONDS), and frozen before (CONNECT_TIMEOUT)."""
    monkeypatch.chdir(tmp_path)  # no .env of the checkout's
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("EVBOT_DATABASE_URL", pg_database)
    monkeypatch.setenv("EVBOT_REPORT_TIMEOUT_SECONDS", "1")
    get_settings.cache_clear()
    connect = BoundedConnection.connect
    host = pg_database.split("@")[1].split("/")[0]
    for when, says in (
        ("once connected", "no answer within 1 s (EVBOT_REPORT_TIMEOUT_SECONDS)"),
        ("before", f"connection timeout expired after {CONNECT_TIMEOUT} s"),
    ):
        with postgres.frozen() as freeze:

            def connect_then_freeze(*args: object, **kwargs: object) -> object:
                connected = connect(*args, **kwargs)
                freeze()
                return connected

            if when == "before":
                freeze()
            else:
                monkeypatch.setattr(BoundedConnection, "connect", connect_then_freeze)
            started = time.monotonic()
            with caplog.at_level(logging.INFO):
                code = main(["db", "upgrade"])
            took = time.monotonic() - started
            monkeypatch.setattr(BoundedConnection, "connect", connect)
        err = capsys.readouterr().err
        with capsys.disabled():
            print(f"evbot db upgrade, the server frozen {when}: exit {code} after {took:.1f} s "
                  f"(load {os.getloadavg()[0]:.1f}): {err.strip()}")  # fmt: skip
        assert code == 1 and err.count("\n") == 1, err
        assert f"evbot:***@{host}/" in err and says in err, err
        assert _password(pg_database) not in err + caplog.text
    get_settings.cache_clear()
    # Nothing was half applied: the next upgrade applies every step.
    applied = _wait_for(PostgresStore(pg_database).upgrade)
    assert applied == [migration.name for migration in PG_MIGRATIONS]


def test_db_upgrade_waits_for_another_and_names_it_when_it_never_lets_go(
    pg_database: str,
) -> None:
    store = PostgresStore(pg_database)
    with psycopg.connect(pg_database, autocommit=True) as other:  # another release phase
        other.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        holder = other.info.backend_pid
        store.migration_lock_wait_seconds = 1
        with pytest.raises(StoreUnavailable) as refused:
            store.upgrade()
        message = str(refused.value)
        assert f"another `evbot db upgrade` (server process {holder}, from " in message
        assert "nothing was applied" in message and message.count("\n") == 0
        assert "***" in message and _password(pg_database) not in message
        # Waited for, not taken for a silent server, however long it holds the lock.
        store.migration_lock_wait_seconds = 60
        threading.Timer(1.5, other.execute, ("SELECT pg_advisory_unlock_all()",)).start()
        assert store.upgrade() == [migration.name for migration in PG_MIGRATIONS]
        time.sleep(0.1)  # the timer's thread is done with `other`
    assert store.schema_status().pending == ()
    store.close()


def test_a_migration_behind_a_table_lock_holds_workers_up_for_a_second_at_a_time(
    pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session (a worker's long report, someone's psql) holds a table a migration
    changes: each try waits a second, not for as long as that session likes, and the release
    phase ends in one line once it has tried for `migration_lock_wait_seconds`."""
    store = PostgresStore(pg_database)
    store.upgrade()
    extra = Migration("a column", ("ALTER TABLE answers ADD COLUMN extra TEXT",))
    monkeypatch.setattr("bot.store.postgres.MIGRATIONS", [*PG_MIGRATIONS, extra])
    with psycopg.connect(pg_database) as other:  # inside a transaction until the block ends
        other.execute("SELECT COUNT(*) FROM answers")  # its lock: ALTER TABLE must wait
        store.migration_lock_wait_seconds = 2.5
        with pytest.raises(StoreUnavailable) as refused:
            store.upgrade()
        message = str(refused.value)
        assert f"migration {len(PG_MIGRATIONS) + 1} (a column) found a table it changes" in message
        assert "not applied: run it again" in message and message.count("\n") == 0
        assert "***" in message and _password(pg_database) not in message
        store.migration_lock_wait_seconds = 60
        threading.Timer(1.5, other.rollback).start()  # the session lets go: the retry applies it
        assert store.upgrade() == ["a column"]
        time.sleep(0.1)  # the timer's thread is done with `other`
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT extra FROM answers").fetchall() == []
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone() == (
            len(PG_MIGRATIONS) + 1,
        )


def test_psycopg_without_the_wait_timeout_the_bound_relies_on_is_refused_at_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.store.postgres import WAIT_TIMEOUT, _wait_timeout_error

    assert _wait_timeout_error() is WAIT_TIMEOUT
    monkeypatch.delattr(psycopg.errors, "_WaitTimeout")
    with pytest.raises(StoreError, match=r"lacks psycopg\.errors\._WaitTimeout, which bounds"):
        _wait_timeout_error()
    monkeypatch.undo()
    monkeypatch.setattr(psycopg.Connection, "wait", lambda self, gen, interval=0.1: None)
    with pytest.raises(StoreError, match=r"lacks a timeout on psycopg\.Connection\.wait"):
        _wait_timeout_error()


def test_an_older_schema_is_refused_in_one_line(pg_database: str) -> None:
    store = PostgresStore(pg_database)
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (1, 'query log')")
    with pytest.raises(SchemaOutdated, match=r"schema version 1, this evbot needs \d+"):
        store.check_schema()
    store.close()


def test_unreachable_database_at_start_is_one_line_without_the_password(
    tmp_path: Path, evbot, shipped_settings: Settings
) -> None:
    secret = "s3cret-Pa55"
    url = f"postgresql://evbot:{secret}@127.0.0.1:{free_port()}/evbot"
    for variable in ("EVBOT_DATABASE_URL", "DATABASE_URL"):
        run = evbot(
            "ask", QUESTION, index_dir=shipped_settings.index_dir, env_extra={variable: url}
        )
        assert run.code in (1, 2)
        assert run.stderr.strip().count("\n") == 0, run.stderr  # one line
        assert variable in run.stderr and "***" in run.stderr
        assert secret not in run.stderr + run.stdout
    for command in (["stats"], ["db", "status"], ["db", "upgrade"], ["index", "info"]):
        run = evbot(*command, index_dir=shipped_settings.index_dir, database_url=url)
        assert secret not in run.stderr + run.stdout, command
        if command[0] != "index":
            assert run.code == 1 and "***" in run.stderr, (command, run.stderr)


def test_the_password_is_masked_everywhere_it_could_show(pg_database: str) -> None:
    password = pg_database.split(":")[2].split("@")[0]
    settings = load_settings(database_url=pg_database)
    PostgresStore(pg_database).upgrade()
    store = open_store(settings)
    try:
        for text in (repr(settings), str(settings), repr(store), store.location):
            assert password not in text
        assert masked_url(pg_database) == pg_database.replace(password, "***")
        with pytest.raises(StoreError) as failed, store._connection() as conn:
            conn.execute("SELECT * FROM no_such_table")
        assert password not in str(failed.value) and "***" in str(failed.value)
    finally:
        store.close()


# -- PostgreSQL slow or silent: every chat call ends at its deadline ----------------------------


def test_a_deadline_holds_in_its_own_thread_only_and_the_earlier_one_wins() -> None:
    deadline = Deadline()
    assert deadline.remaining() is None and deadline.seconds is None
    with deadline.within(30):
        left = deadline.remaining()
        assert left is not None and 0 < left <= 30 and deadline.seconds == 30
        with deadline.within(0):  # nested and earlier: it holds, and it has passed
            assert deadline.remaining() == 0.0 and deadline.seconds == 0
        with deadline.within(None), deadline.within(60):  # nested and later: the outer holds
            assert deadline.seconds == 30
        seen_elsewhere: list[float | None] = []
        worker = threading.Thread(target=lambda: seen_elsewhere.append(deadline.remaining()))
        worker.start()
        worker.join()
        assert seen_elsewhere == [None]  # another thread's calls are not bounded by this one
        with pytest.raises(ValueError), deadline.within(1):
            raise ValueError
        assert deadline.seconds == 30  # restored on the way out of a failed block too
    assert deadline.remaining() is None


def test_a_deadline_for_each_wait_gives_every_wait_the_whole_bound() -> None:
    deadline = Deadline()
    with deadline.within(5, each_wait=True, setting="EVBOT_REPORT_TIMEOUT_SECONDS"):
        time.sleep(0.05)
        assert deadline.remaining() == 5 and deadline.setting == "EVBOT_REPORT_TIMEOUT_SECONDS"
        with deadline.within(1):  # tighter (the pool's check inside a report): it holds
            left = deadline.remaining()
            assert left is not None and left <= 1
            assert deadline.setting == "EVBOT_STORE_TIMEOUT_SECONDS"
        with deadline.within(60, each_wait=True):
            assert deadline.seconds == 5
        assert deadline.remaining() == 5
    with deadline.within(2), deadline.within(30, each_wait=True):  # a chat call's end holds
        left = deadline.remaining()
        assert left is not None and left <= 2 and deadline.seconds == 2
    assert deadline.remaining() is None and deadline.setting is None


def test_the_chat_bound_stays_under_the_acknowledgement_and_says_why() -> None:
    assert load_settings(store_timeout_seconds=2.5).store_timeout_seconds == 2.5
    for bad in (3, 60):
        with pytest.raises(ConfigError) as refused:
            load_settings(store_timeout_seconds=bad)
        message = str(refused.value)
        assert message.startswith("bad setting EVBOT_STORE_TIMEOUT_SECONDS") and "\n" not in message
        assert "at most 2.5 s" in message and "3 s" in message
    with pytest.raises(ConfigError, match="EVBOT_REPORT_TIMEOUT_SECONDS"):
        load_settings(report_timeout_seconds=0)


def test_a_connection_gives_up_on_a_silent_server_at_the_deadline(pg_database: str) -> None:
    """pg_sleep stands for a server that stopped answering: only the client's deadline ends it."""
    from bot.store.postgres import BoundedConnection

    with BoundedConnection.connect(pg_database) as conn:
        with DEADLINE.within(0.3), pytest.raises(psycopg.OperationalError, match="no answer"):
            conn.execute("SELECT pg_sleep(30)")
        assert conn.closed  # dropped: its late answer is never read as another call's
    with BoundedConnection.connect(pg_database) as conn:  # no deadline: as psycopg always was
        assert conn.execute("SELECT 1").fetchone() == (1,)
    with BoundedConnection.connect(pg_database) as conn:  # a report's bound: each wait its own
        with DEADLINE.within(1.5, each_wait=True, setting="EVBOT_REPORT_TIMEOUT_SECONDS"):
            for _ in range(3):  # 1.8 s in all, more than the bound: no wait was longer
                conn.execute("SELECT pg_sleep(0.6)")
            with pytest.raises(psycopg.OperationalError, match=r"1\.5 s \(EVBOT_REPORT_TIMEOUT"):
                conn.execute("SELECT pg_sleep(30)")
        assert conn.closed


def _pool_backends(url: str) -> set[int]:
    """The server processes behind the store's pooled connections (this database's sessions)."""
    with psycopg.connect(url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).fetchall()
    return {int(pid) for (pid,) in rows}


def test_a_lock_held_elsewhere_ends_on_the_server_and_the_connection_stays(
    pg_database: str,
) -> None:
    PostgresStore(pg_database).upgrade()
    store = open_store(load_settings(database_url=pg_database, store_timeout_seconds=0.5))
    try:
        assert store.claim("slack:C1:0")
        backends = _pool_backends(pg_database)
        with psycopg.connect(pg_database) as other:  # another session, inside a transaction
            other.execute("LOCK TABLE cooldowns, claims IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(StoreUnavailable, match="statement timeout") as failed:
                store.spend("slack:U1", 3, 60)
            with pytest.raises(StoreUnavailable, match="statement timeout"):
                store.claim("slack:C1:1")
        password = pg_database.split(":")[2].split("@")[0]
        assert password not in str(failed.value) and "***" in str(failed.value)
        # The server ended the wait, not the client: the same connections serve on (the pool
        # may have opened another meanwhile, while a call waited for one being returned).
        assert store.spend("slack:U1", 3, 60) == 0.0 and store.claim("slack:C1:1")
        assert backends <= _pool_backends(pg_database)
    finally:
        store.close()


def test_a_stopped_backend_fails_the_call_and_is_never_handed_out_again(
    postgres: PostgresServer, pg_database: str
) -> None:
    PostgresStore(pg_database).upgrade()
    store = open_store(load_settings(database_url=pg_database, store_timeout_seconds=0.5))
    try:
        assert store.claim("slack:C1:1")
        backends = _pool_backends(pg_database)
        for backend in backends:  # hung sessions: their kernel still acknowledges every packet
            os.kill(backend, signal.SIGSTOP)
        try:
            with pytest.raises(StoreUnavailable) as failed:
                store.claim("slack:C1:2")
        finally:
            for backend in backends:
                os.kill(backend, signal.SIGCONT)
        password = pg_database.split(":")[2].split("@")[0]
        assert password not in str(failed.value) and "***" in str(failed.value)
        # The failed call saved nothing; the store claims again, on a fresh connection.
        _wait_until_usable(store)
        assert store.claim("slack:C1:2") and not store.claim("slack:C1:1")
        started = time.monotonic()  # the session given up on ends once it reads the hang-up
        while backends <= _pool_backends(pg_database) and time.monotonic() - started < 60:
            time.sleep(0.1)
        assert not backends <= _pool_backends(pg_database)
        assert store._pool.get_stats().get("connections_lost", 0) >= 1
    finally:
        store.close()


def test_once_the_server_is_silent_other_calls_fail_at_once_until_one_is_due_again(
    postgres: PostgresServer, pg_database: str
) -> None:
    PostgresStore(pg_database).upgrade()
    store = open_store(load_settings(database_url=pg_database, store_timeout_seconds=0.5))
    assert isinstance(store, PostgresStore)
    store.silent_retry_seconds = 600  # no retry falls due during the hang
    try:
        assert store.claim("slack:C1:1")
        stopped = postgres.processes()  # the whole server: a frozen host
        for pid in stopped:
            os.kill(pid, signal.SIGSTOP)
        try:
            with pytest.raises(StoreUnavailable) as waited:
                store.claim("slack:C1:2")  # waits out its bound
            assert "not answering" not in str(waited.value)
            for call in (
                lambda: store.spend("slack:U1", 3, 60),
                lambda: store.record_answer(_answer("a1")),
                lambda: store.conversation_questions("t1"),
            ):
                with pytest.raises(StoreUnavailable, match=r"\*\*\*.*not answering for"):
                    call()  # at once: the server is known silent
        finally:
            for pid in stopped:
                os.kill(pid, signal.SIGCONT)
        with pytest.raises(StoreUnavailable, match="not answering for"):
            store.claim("slack:C1:2")  # back, but no retry is due yet
        store.silent_retry_seconds = 0.1
        time.sleep(0.1)
        started = time.monotonic()  # the due retry finds it back, and every call goes ahead
        while time.monotonic() - started < 60:
            try:
                assert store.claim("slack:C1:2")
                break
            except StoreUnavailable:
                time.sleep(0.1)
        assert store.spend("slack:U1", 3, 60) == 0.0 and not store.claim("slack:C1:1")
    finally:
        store.close()


def test_a_busy_pool_fails_only_the_call_that_waited_and_is_not_a_silent_server(
    pg_database: str,
) -> None:
    PostgresStore(pg_database).upgrade()
    store = open_store(load_settings(database_url=pg_database))
    assert isinstance(store, PostgresStore)
    store.silent_retry_seconds = 600  # were it taken for silent, every call after would fail
    store.timeout = 10.0  # filling the pool, and after: bounds that prove "does not hang"
    holding, release = threading.Barrier(POOL_MAX + 1), threading.Event()

    def hold() -> None:  # a call of ours using a connection, as long as it takes
        with store._connection():
            holding.wait()
            release.wait(60)

    holders = [threading.Thread(target=hold) for _ in range(POOL_MAX)]
    try:
        for holder in holders:
            holder.start()
        holding.wait(60)
        store.timeout = 0.3
        with pytest.raises(StoreUnavailable) as busy:
            store.claim("slack:C1:1")
        assert f"busy: all {POOL_MAX} connections in use, none free within 0.3 s" in str(busy.value)
        assert "***" in str(busy.value) and _password(pg_database) not in str(busy.value)
        release.set()
        for holder in holders:
            holder.join(60)
        store.timeout = 10.0
        assert store.claim("slack:C1:1")  # at once: the server was never thought silent
    finally:
        release.set()
        store.close()


# -- PostgreSQL silent under a report or an index publish: each ends in an error, not a hang ----


def _password(url: str) -> str:
    return url.split(":")[2].split("@")[0]


def test_stats_and_logs_end_in_one_line_when_the_server_freezes_mid_command(
    postgres: PostgresServer,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    PostgresStore(pg_database).upgrade()
    store = open_store(load_settings(database_url=pg_database))
    store.record_answer(_answer("a1"))
    store.close()
    monkeypatch.chdir(tmp_path)  # no .env of the checkout's
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("EVBOT_DATABASE_URL", pg_database)
    monkeypatch.setenv("EVBOT_REPORT_TIMEOUT_SECONDS", "1")
    monkeypatch.setenv("EVBOT_STORE_TIMEOUT_SECONDS", "0.5")
    get_settings.cache_clear()
    opened: list[object] = []  # a command that fails leaves its store to the process's exit

    def open_and_keep(*args: object, **kwargs: object) -> object:
        opened.append(open_store(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr("bot.store.open_store", open_and_keep)
    checked, transaction = PostgresStore.check_schema, PostgresStore._transaction
    # `stats`: the server freezes inside the report (its bound ends the wait); `logs`: between
    # the schema check and the report (the wait for a connection ends it).
    for command, says in (
        (["stats"], "no answer within 1 s (EVBOT_REPORT_TIMEOUT_SECONDS)"),
        (["logs", "--json"], "unreachable or hung: no connection within 0.5 s"),
    ):
        with postgres.frozen() as freeze:

            @contextmanager
            def frozen_in_report(self: PostgresStore, *, report: bool = False) -> Iterator[object]:
                with transaction(self, report=report) as conn:
                    if report:
                        freeze()
                    yield conn

            def frozen_after_check(self: PostgresStore) -> None:
                checked(self)
                freeze()

            if command[0] == "stats":
                monkeypatch.setattr(PostgresStore, "_transaction", frozen_in_report)
            else:
                monkeypatch.setattr(PostgresStore, "check_schema", frozen_after_check)
            started = time.monotonic()
            with caplog.at_level(logging.INFO):
                code = main(command)
            took = time.monotonic() - started
        monkeypatch.setattr(PostgresStore, "_transaction", transaction)
        monkeypatch.setattr(PostgresStore, "check_schema", checked)
        err = capsys.readouterr().err
        load = os.getloadavg()[0]
        with capsys.disabled():
            print(f"evbot {' '.join(command)}, the server frozen: exit {code} after {took:.1f} s "
                  f"(load {load:.1f})")  # fmt: skip
        assert code == 1 and err.count("\n") == 1, err
        assert err.startswith("evbot: database postgresql://evbot:***@") and says in err, err
        assert _password(pg_database) not in err + caplog.text
    get_settings.cache_clear()
    monkeypatch.delenv("EVBOT_DATABASE_URL")
    for left in opened:
        left.close()  # type: ignore[attr-defined]
    store = open_store(load_settings(database_url=pg_database))
    try:  # a report writes nothing: all there is, is there
        assert [row["id"] for row in _wait_for(lambda: store.recent(5))] == ["a1"]
    finally:
        store.close()


def _wait_for(read: Callable[[], object], limit: float = 60.0):
    started = time.monotonic()
    while True:
        try:
            return read()
        except StoreUnavailable:
            if time.monotonic() - started > limit:
                raise
            time.sleep(0.1)


class _FreezesAfterOneChunk(OutgoingFile):
    """A build's file whose publish finds the server frozen after its first chunk was sent."""

    def __init__(self, path: str, source: Path, freeze: Callable[[], None]) -> None:
        super().__init__(path, source, chunk_bytes=16)
        self.freeze = freeze

    def chunks(self) -> Iterator[bytes]:
        for n, data in enumerate(super().chunks()):
            if n == 1:
                self.freeze()
            yield data


class _FreezesMidPull:
    """The store as a worker's index follower sees it, the server freezing after one chunk."""

    closed = False

    def __init__(self, store: PostgresStore, freeze: Callable[[], None]) -> None:
        self.store, self.freeze = store, freeze

    def current_build(self) -> str | None:
        return self.store.current_build()

    @contextmanager
    def read_build(self, name: str) -> Iterator[object]:
        with self.store.read_build(name) as build:
            assert build is not None
            manifest, files, chunks = build

            def then_freeze() -> Iterator[tuple[str, int, bytes]]:
                for n, chunk in enumerate(chunks):
                    yield chunk
                    if n == 0:
                        self.freeze()

            yield manifest, files, then_freeze()


def test_an_index_publish_or_pull_on_a_frozen_server_ends_and_changes_nothing(
    postgres: PostgresServer,
    pg_database: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    PostgresStore(pg_database).upgrade()
    settings = load_settings(database_url=pg_database, report_timeout_seconds=1)
    store = open_store(settings)
    assert isinstance(store, PostgresStore)
    store.silent_retry_seconds = 0.1
    source = tmp_path / "vectors.bin"
    source.write_bytes(os.urandom(100))  # 7 chunks of 16 bytes
    (tmp_path / "manifest.json").write_text("{}")
    b1 = [
        OutgoingFile(path, tmp_path / path, chunk_bytes=16)
        for path in ("manifest.json", "vectors.bin")
    ]
    worker = tmp_path / "worker"
    try:
        # Another publish holding the lock longer than the bound is waited for, not taken for
        # a silent server: each ask for the lock is a round trip of its own.
        with psycopg.connect(pg_database, autocommit=True) as other:
            other.execute("SELECT pg_advisory_lock(%s)", (PUBLISH_LOCK,))
            threading.Timer(1.5, other.execute, ("SELECT pg_advisory_unlock_all()",)).start()
            store.publish_build("b1", {}, b1)
            time.sleep(0.1)  # the timer's thread is done with `other`
        assert store.current_build() == "b1"

        with postgres.frozen() as freeze, caplog.at_level(logging.INFO):
            started = time.monotonic()
            with pytest.raises(StoreUnavailable) as publishing:
                store.publish_build("b2", {}, [_FreezesAfterOneChunk("v.bin", source, freeze)])
            took = time.monotonic() - started
        print(f"a publish, the server frozen mid-build: failed after {took:.1f} s "
              f"(load {os.getloadavg()[0]:.1f})")  # fmt: skip
        assert "no answer within 1 s (EVBOT_REPORT_TIMEOUT_SECONDS)" in str(publishing.value)
        assert _password(pg_database) not in str(publishing.value) + caplog.text
        # Nothing of it was kept: the server rolled the transaction back once it read the hang-up.
        assert _wait_for(store.published_builds) == ["b1"] and store.current_build() == "b1"

        with postgres.frozen() as freeze, caplog.at_level(logging.INFO):
            follower = IndexFollower(_FreezesMidPull(store, freeze), worker)
            started = time.monotonic()
            assert follower.sync() is None  # never raises: the worker's thread polls on
            took = time.monotonic() - started
        print(f"a pull, the server frozen mid-build: gave up after {took:.1f} s")
        warned = [r.getMessage() for r in caplog.records if "published index" in r.getMessage()]
        assert len(warned) == 1 and "EVBOT_REPORT_TIMEOUT_SECONDS" in warned[0]
        assert "***" in warned[0] and _password(pg_database) not in caplog.text
        assert live_build(worker) is None and list(worker.iterdir()) == []  # no half build
        _wait_for(store.current_build)
        assert IndexFollower(store, worker).sync() == "b1"  # back: pulled whole
    finally:
        store.close()


def test_a_build_that_cannot_be_published_says_it_is_built_on_disk(
    postgres: PostgresServer, pg_database: str, shipped_settings: Settings
) -> None:
    from bot.cli import _publish_index

    PostgresStore(pg_database).upgrade()
    settings = load_settings(
        database_url=pg_database, index_dir=shipped_settings.index_dir, store_timeout_seconds=0.5
    )
    store = open_store(settings)
    try:
        with postgres.frozen() as freeze:
            freeze()
            with pytest.raises(StoreUnavailable) as publishing:
                _publish_index(store, settings)
        message = str(publishing.value)
        assert message.startswith(f"built {shipped_settings.index_dir} but could not publish it")
        assert "***" in message and _password(pg_database) not in message
        assert _wait_for(store.published_builds) == []  # nothing half-published
    finally:
        store.close()


# -- PostgreSQL lost mid-run, and back ---------------------------------------------------------


def test_a_lost_database_costs_no_answer_and_everything_resumes(
    postgres: PostgresServer,
    pg_database: str,
    shipped_settings: Settings,
    service: AnswerService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    PostgresStore(pg_database).upgrade()
    settings = load_settings(index_dir=shipped_settings.index_dir, database_url=pg_database)
    worker = AnswerService(settings, service.embedder)
    seen = SharedSeenKeys(worker.query_log, "slack", retry_seconds=0)
    try:
        before = worker.ask(QUESTION, conversation="t1")
        assert seen.first_time("C1:1") and not seen.first_time("C1:1")

        postgres.stop()
        try:
            with caplog.at_level(logging.WARNING):
                during = worker.ask(QUESTION, conversation="t1")  # the asker still gets it
                assert not during.refused and "Panasonic" in during.answer
                # A follow-up reads the answer before from the store: without it, still answered.
                assert not worker.ask("and the factories?", [QUESTION], conversation="t1").refused
                assert seen.first_time("C1:2") and not seen.first_time("C1:2")
                assert not seen.first_time("C1:1") and seen.first_time("C1:3")
                assert seen.falling_back
                with pytest.raises(StoreUnavailable, match=r"\*\*\*"):
                    worker.query_log.stats()
        finally:
            postgres.start()
        logged = [r.getMessage() for r in caplog.records]
        assert any(f"could not record answer {during.id}" in m for m in logged)
        assert any("could not read the answer before in t1" in m for m in logged)
        assert len([m for m in logged if "this process only" in m]) == 1

        # Back without a restart: the same pool reconnects, claims go to the database again.
        back = _wait_until_usable(worker.query_log)
        print(f"the store was usable again {back:.1f} s after the server restarted")
        after = worker.ask(QUESTION, conversation="t1")
        assert worker.query_log.conversation_questions("t1") == [QUESTION, QUESTION]
        assert {r["id"] for r in worker.query_log.recent(5)} == {before.id, after.id}
        assert seen.first_time("C1:4") and not seen.falling_back
        other_worker = SharedSeenKeys(worker.query_log, "slack")
        assert not other_worker.first_time("C1:4") and not other_worker.first_time("C1:1")
    finally:
        worker.query_log.close()


def _wait_until_usable(store, limit: float = 60.0) -> float:
    started = time.monotonic()
    while True:
        try:
            store.stats()
            return time.monotonic() - started
        except StoreUnavailable:
            if time.monotonic() - started > limit:
                raise
            time.sleep(0.2)


def test_a_retry_landing_on_another_slack_worker_is_answered_once(
    pg_database: str, shipped_settings: Settings, service: AnswerService
) -> None:
    from tests.fake_slack import FakeSlack, SlackHarness

    PostgresStore(pg_database).upgrade()
    settings = load_settings(index_dir=shipped_settings.index_dir, database_url=pg_database)
    workers = [AnswerService(settings, service.embedder) for _ in range(2)]
    fake = FakeSlack()
    first, second = (SlackHarness(worker, fake) for worker in workers)
    try:
        text = f"<@UBOT> {QUESTION}"
        mention = {"type": "app_mention", "user": "U1", "text": text, "ts": "17.1", "channel": "C1"}
        twin = {**mention, "type": "message", "channel_type": "channel"}
        replies = [
            first.send_event(mention, event_id="EvA"),
            second.send_event(mention, event_id="EvA", retry=1),  # the retry, elsewhere
            second.send_event(twin, event_id="EvB"),
            first.send_event({**mention, "ts": "17.2"}, event_id="EvC"),
        ]
        assert [r.status for r in replies] == [200] * 4
        first.drain()
        second.drain()
        posts = fake.of("chat.postMessage")
        assert sorted(p.params["thread_ts"] for p in posts) == ["17.1", "17.2"]
        assert workers[0].query_log.stats()["questions"] == 2  # both workers' answers, one log
    finally:
        first.close()
        second.close()
        fake.close()
        for worker in workers:
            worker.query_log.close()

"""The per-user cooldown shared by every process on one database (`Store.spend`), and its fallback
to each process's memory while that database is away.

Tests taking `store_settings` run on both backends (tests/conftest.py); the PostgreSQL ones run a
real server, stopped and started again where the database is lost.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresServer

from bot.chat import messages
from bot.chat.message import Platform
from bot.chat.runner import AnswerRunner
from bot.service import AnswerService
from bot.settings import Settings, SlackSettings, load_settings
from bot.slack.render import ASK_HUMAN, NOT_HELPFUL
from bot.store import StoreUnavailable, open_store
from bot.store.postgres import PostgresStore
from tests.fake_slack import FakeSlack, SlackHarness, button_values, texts

QUESTION = "Who is Amazon partnering with on batteries?"


@pytest.fixture
def two_stores(store_settings: dict):
    """Two stores on one database, as two worker processes each open their own."""
    first, second = (open_store(load_settings(**store_settings)) for _ in range(2))
    yield first, second
    first.close()
    second.close()


def _count(store, key: str | None = None) -> int:
    if key is None:
        return store.read("SELECT COUNT(*) FROM cooldowns")[0][0]
    return store.read("SELECT COUNT(*) FROM cooldowns WHERE key = ?", (key,))[0][0]


# -- the store ----------------------------------------------------------------------------------


def test_two_workers_on_one_database_share_each_askers_limit(two_stores) -> None:
    first, second = two_stores
    assert first.spend("slack:U1", 3, 10, now=1000.0) == 0.0
    assert second.spend("slack:U1", 3, 10, now=1001.0) == 0.0
    assert first.spend("slack:U1", 3, 10, now=1002.0) == 0.0
    # The fourth, on either worker: refused until the window the first question opened ends.
    assert second.spend("slack:U1", 3, 10, now=1003.0) == pytest.approx(7.0)
    assert first.spend("slack:U1", 3, 10, now=1009.5) == pytest.approx(0.5)
    assert second.spend("slack:U2", 3, 10, now=1003.0) == 0.0  # another asker is not held back
    # A new window, opened by its first question: three again, refused ones not carried over.
    assert first.spend("slack:U1", 3, 10, now=1010.0) == 0.0
    assert second.spend("slack:U1", 3, 10, now=1011.0) == 0.0
    assert first.spend("slack:U1", 3, 10, now=1012.0) == 0.0
    assert second.spend("slack:U1", 3, 10, now=1013.0) == pytest.approx(7.0)


def test_the_window_resets_on_the_databases_clock(two_stores) -> None:
    first, second = two_stores
    assert first.spend("discord:U1", 2, 0.6) == 0.0
    assert second.spend("discord:U1", 2, 0.6) == 0.0
    wait = first.spend("discord:U1", 2, 0.6)
    assert 0.0 < wait <= 0.6
    time.sleep(wait + 0.05)
    assert second.spend("discord:U1", 2, 0.6) == 0.0  # the window ran out: counted afresh
    assert first.spend("discord:U1", 2, 0.6) == 0.0
    assert second.spend("discord:U1", 2, 0.6) > 0.0


def test_threads_spending_at_once_never_pass_the_limit(two_stores) -> None:
    first, second = two_stores
    first.spend("warm-up", 1, 1)  # set up (SQLite) before the threads race
    limit, tries = 7, 48
    with ThreadPoolExecutor(8) as pool:
        waits = list(
            pool.map(lambda n: (first, second)[n % 2].spend("slack:U9", limit, 60), range(tries))
        )
    assert waits.count(0.0) == limit
    assert all(0.0 < wait <= 60 for wait in waits if wait)


SPENDER = textwrap.dedent(
    """
    import json, sys
    from bot.settings import load_settings
    from bot.store import open_store
    store = open_store(load_settings(**json.loads(sys.argv[1])))
    print(json.dumps([store.spend("slack:U7", 5, 60) for _ in range(6)]))
    store.close()
    """
)


def test_worker_processes_share_the_limit(two_stores, store_settings: dict) -> None:
    two_stores[0].spend("warm-up", 1, 1)  # set up (SQLite) before the processes race
    settings = json.dumps({k: str(v) for k, v in store_settings.items()})
    workers = [
        subprocess.Popen([sys.executable, "-c", SPENDER, settings], stdout=subprocess.PIPE)
        for _ in range(3)
    ]
    waits = [wait for w in workers for wait in json.loads(w.communicate(timeout=120)[0])]
    assert [w.returncode for w in workers] == [0] * 3
    assert waits.count(0.0) == 5  # 18 questions from three processes: five go ahead


def test_windows_that_ran_out_are_pruned(two_stores) -> None:
    first, _ = two_stores
    first.spend("slack:old", 2, 10, now=1000.0)
    first.spend("slack:live", 2, 500, now=1001.0)
    first._cooldowns_pruned_at = -math.inf  # due now, rather than a minute from now
    first.spend("slack:new", 2, 10, now=1100.0)
    assert _count(first, "slack:old") == 0 and _count(first) == 2


# -- the chat runner ----------------------------------------------------------------------------


def _pg_service(
    pg_database: str, shipped_settings: Settings, service: AnswerService, **overrides: object
):
    PostgresStore(pg_database).upgrade()
    settings = load_settings(
        index_dir=shipped_settings.index_dir, database_url=pg_database, **overrides
    )
    return AnswerService(settings, service.embedder)


@pytest.fixture
def slack_fake():
    fake = FakeSlack()
    yield fake
    fake.close()


def test_slack_workers_on_one_database_hold_an_asker_to_one_limit(
    pg_database: str, shipped_settings: Settings, service: AnswerService, slack_fake: FakeSlack
) -> None:
    workers = [_pg_service(pg_database, shipped_settings, service) for _ in range(2)]
    harnesses = [SlackHarness(worker, slack_fake, cooldown_questions=2) for worker in workers]
    try:
        for n in range(3):  # one asker's mentions, spread over the workers by the balancer
            assert harnesses[n % 2].mention(QUESTION, ts=f"1700000400.00000{n}").status == 200
            harnesses[n % 2].drain()
    finally:
        for harness in harnesses:
            harness.close()
        for worker in workers:
            worker.query_log.close()
    assert len(slack_fake.of("chat.postMessage")) == 2  # not 2 per worker
    [told] = slack_fake.of("chat.postEphemeral")
    assert "please wait" in texts(told.params) and told.params["user"] == "U1"


def test_a_lost_database_falls_back_to_memory_and_nobody_goes_unanswered(
    postgres: PostgresServer,
    pg_database: str,
    shipped_settings: Settings,
    service: AnswerService,
    slack_fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = _pg_service(pg_database, shipped_settings, service)
    slack = SlackHarness(worker, slack_fake, cooldown_questions=2)
    cooldown = slack.bot.answers.runner.cooldown
    assert cooldown.store is worker.query_log  # shared: counted in the database
    cooldown.outage.retry_seconds = 0.5
    try:
        postgres.stop()
        try:
            with caplog.at_level(logging.INFO):
                for n in range(3):
                    assert slack.mention(QUESTION, ts=f"1700000500.00000{n}").status == 200
                slack.drain()
                assert cooldown.falling_back
        finally:
            postgres.start()
        # The database away: two answers and one "please wait", counted in this process.
        assert len(slack_fake.of("chat.postMessage")) == 2
        [told] = slack_fake.of("chat.postEphemeral")
        assert "please wait" in texts(told.params)
        logged = [r.getMessage() for r in caplog.records]
        assert len([m for m in logged if "cooldown in this process only" in m]) == 1
        password = pg_database.split(":")[2].split("@")[0]
        assert password not in caplog.text

        _wait_until_usable(worker.query_log)
        time.sleep(cooldown.outage.retry_seconds)
        # Back: counted in the database again, from a fresh window there.
        runner = slack.bot.answers.runner
        assert slack._thread.run(runner.refusal("U2")) is None
        assert not cooldown.falling_back
        assert _count(worker.query_log, "slack:U2") == 1
        assert "the cooldown is counted there again" in caplog.text
    finally:
        slack.close()
        worker.query_log.close()


def _logged(caplog: pytest.LogCaptureFixture, text: str) -> int:
    return len([r for r in caplog.records if text in r.getMessage()])


def test_a_lock_held_elsewhere_costs_no_answer(
    pg_database: str,
    shipped_settings: Settings,
    service: AnswerService,
    slack_fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Another session holds the tables a question claims, counts and logs in: each of those
    calls ends at EVBOT_STORE_TIMEOUT_SECONDS (on the server) and the answer goes out."""
    worker = _pg_service(pg_database, shipped_settings, service, store_timeout_seconds=0.5)
    slack = SlackHarness(worker, slack_fake)
    try:
        with psycopg.connect(pg_database) as other:  # a transaction holding its locks meanwhile
            other.execute("LOCK TABLE claims, cooldowns, answers IN ACCESS EXCLUSIVE MODE")
            with caplog.at_level(logging.INFO):
                assert slack.mention(QUESTION, ts="1700000600.000001").status == 200
                slack.drain()
        [posted] = slack_fake.of("chat.postMessage")
        assert "Panasonic" in texts(posted.params)
        assert _logged(caplog, "de-duplicating chat events in this process only") == 1
        assert _logged(caplog, "counting the cooldown in this process only") == 1
        assert _logged(caplog, "could not record answer") == 1
        assert "canceling statement due to statement timeout" in caplog.text
        assert pg_database.split(":")[2].split("@")[0] not in caplog.text
    finally:
        slack.close()
        worker.query_log.close()


def test_a_hung_database_costs_no_answer_and_fresh_connections_resume(
    postgres: PostgresServer,
    pg_database: str,
    shipped_settings: Settings,
    service: AnswerService,
    slack_fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server stops answering (a frozen host: its kernel still acknowledges, so only the
    client's deadline ends each wait), then comes back."""
    worker = _pg_service(pg_database, shipped_settings, service)
    slack = SlackHarness(worker, slack_fake)
    runner = slack.bot.answers.runner
    runner.cooldown.outage.retry_seconds = runner.seen.outage.retry_seconds = 0.2
    store = worker.query_log
    assert isinstance(store, PostgresStore)
    # Tight only while the server is frozen, where every wait must end at it; on either side a
    # bound that proves "does not hang" (a reconnect took over 0.5 s at load 6: an outage of its
    # own, counted in the log lines below).
    not_hung = store.timeout = 10.0
    try:
        assert slack.mention(QUESTION, ts="1700000700.000001").status == 200
        slack.drain()
        store.timeout = 0.5
        stopped = postgres.processes()
        for pid in stopped:
            os.kill(pid, signal.SIGSTOP)
        try:
            with caplog.at_level(logging.INFO):
                assert slack.mention(QUESTION, ts="1700000700.000002").status == 200
                slack.drain()
                # Buttons on the answer from before: each press is told it could not be saved.
                buttons = button_values(slack_fake.of("chat.postMessage")[0].params)
                slack.click(NOT_HELPFUL, buttons[NOT_HELPFUL], name="vote")
                slack.click(ASK_HUMAN, buttons[ASK_HUMAN], name="human")
                [vote] = slack_fake.wait_for("respond/vote")
                [handoff] = slack_fake.wait_for("respond/human")
        finally:
            for pid in stopped:
                os.kill(pid, signal.SIGCONT)
            store.timeout = not_hung
        assert vote.params["text"] == messages.VOTE_FAILED
        assert handoff.params["text"] == messages.HANDOFF_FAILED
        assert len(slack_fake.of("chat.postMessage")) == 2  # answered while the server hung
        assert "Panasonic" in texts(slack_fake.of("chat.postMessage")[-1].params)
        assert _logged(caplog, "de-duplicating chat events in this process only") == 1
        assert _logged(caplog, "counting the cooldown in this process only") == 1
        assert _logged(caplog, "could not record answer") == 1
        assert "***" in caplog.text and pg_database.split(":")[2].split("@")[0] not in caplog.text

        _wait_until_usable(worker.query_log)
        time.sleep(0.2)  # the fallbacks' retry_seconds
        assert slack.mention(QUESTION, ts="1700000700.000003").status == 200
        slack.drain()
        assert len(slack_fake.of("chat.postMessage")) == 3
        # Claimed, counted and logged in the database again, over connections that work.
        assert not runner.seen.falling_back and not runner.cooldown.falling_back
        # The first and the third question: the one asked during the hang was counted in memory.
        spent = worker.query_log.read("SELECT spent FROM cooldowns WHERE key = ?", ("slack:U1",))
        assert spent == [(2,)]
        assert len(worker.query_log.recent(10)) == 2  # the one during the hang was not saved
    finally:
        slack.close()
        worker.query_log.close()


def _wait_until_usable(store, limit: float = 60.0) -> None:
    started = time.monotonic()
    while True:
        try:
            store.stats()
            return
        except StoreUnavailable:
            if time.monotonic() - started > limit:
                raise
            time.sleep(0.2)


def test_without_a_shared_store_the_cooldown_stays_in_memory(
    tmp_path: Path, shipped_settings: Settings, service: AnswerService
) -> None:
    settings = shipped_settings.model_copy(update={"db_path": tmp_path / "q.sqlite3"})
    runner = AnswerRunner(
        AnswerService(settings, service.embedder),
        Platform.SLACK,
        SlackSettings(_env_file=None, cooldown_questions=1),  # type: ignore[call-arg]
    )
    assert runner.cooldown.store is None
    assert asyncio.run(runner.refusal("U1", now=50.0)) is None
    assert asyncio.run(runner.refusal("U1", now=51.0)) == messages.please_wait(59)
    assert not (tmp_path / "q.sqlite3").exists() or _count(runner.service.query_log) == 0

"""Shard processes that share a store space their IDENTIFYs as Discord's start-up limit asks
(bot/discord/identify.py): the wait for a bucket's turn on each backend, the fallback to
discord.py's own spacing while the store is unusable, and two real clients started at once
against the fake Discord (tests/fake_discord.py), which records when each IDENTIFY arrived.
(tests/test_discord_shards.py checks the same spacing between two `evbot serve discord`
processes sharing PostgreSQL.)
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import pytest
from pg_server import free_port

from bot.discord.identify import (
    IDENTIFY_WINDOW_SECONDS,
    IdentifyTurns,
    bucket_key,
    take_turn,
    wait_bound,
)
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings, load_settings
from bot.store import Store, open_store
from bot.store.postgres import PostgresStore
from bot.store.sqlite import SQLiteStore
from tests.fake_discord import (
    BOT_ID,
    GUILD_ID,
    SECOND_GUILD_ID,
    FakeDiscord,
    discord_settings,
    running_bot,
    started_fake,
)


@pytest.fixture
def store(store_settings: dict) -> Iterator[Store]:
    """A new, empty store of each backend (tests/conftest.py's `store_settings`)."""
    opened = open_store(load_settings(**store_settings))
    yield opened
    opened.close()


async def _one() -> int:
    return 1


# --- the wait for a bucket's turn -------------------------------------------------------------


def test_a_bucket_is_each_shard_of_the_same_remainder():
    assert bucket_key(BOT_ID, 0, 1) == bucket_key(BOT_ID, 1, 1)  # one bucket: all wait in turn
    assert bucket_key(BOT_ID, 0, 2) == bucket_key(BOT_ID, 2, 2) != bucket_key(BOT_ID, 1, 2)
    assert bucket_key(BOT_ID, 0, 1) != bucket_key(BOT_ID + 1, 0, 1)  # another bot's own limit
    # Every shard of a bucket may go first, and one window more; never past discord.py's 180 s.
    assert wait_bound(2, 1, hold=5.5) == 16.5 and wait_bound(4, 2, hold=5.5) == 16.5
    assert wait_bound(1000, 1) <= 120


def test_two_shards_of_a_bucket_take_turns_a_hold_apart(store: Store):
    hold = 1.0
    key = bucket_key(BOT_ID, 0, 1)

    async def shard() -> float:
        assert await take_turn(store, key, hold=hold, poll=0.05, bound=30)
        return time.monotonic()

    async def both() -> list[float]:
        return await asyncio.gather(shard(), shard())

    started = time.monotonic()
    done = asyncio.run(both())
    # The second got the claim only after the first's had run out: a hold after both began.
    assert max(done) - started >= hold


def test_a_held_bucket_makes_only_its_own_shards_wait_and_the_wait_is_bounded(store: Store):
    held, other = bucket_key(BOT_ID, 0, 2), bucket_key(BOT_ID, 1, 2)
    assert store.claim(held, 60)  # a shard of another process IDENTIFYs in bucket 0 right now

    async def scenario() -> tuple[bool, bool]:
        gave_up = await take_turn(store, held, hold=5.5, poll=0.05, bound=0.3)
        other_bucket = await take_turn(store, other, hold=5.5, poll=0.05, bound=0)
        return gave_up, other_bucket

    assert asyncio.run(scenario()) == (False, True)


def test_turns_fall_back_to_discord_py_while_sqlite_is_unusable_and_come_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    home = tmp_path / "state"
    home.write_text("")  # a file where the folder should be: nothing can be opened
    turns = IdentifyTurns(SQLiteStore(home / "log.sqlite3"), _one, hold=0.2, poll=0.05)

    async def scenario() -> list[bool]:
        taken = [await turns.take(BOT_ID, 0, 2), await turns.take(BOT_ID, 1, 2)]
        home.unlink()
        home.mkdir()  # the disk is back
        return [*taken, await turns.take(BOT_ID, 0, 2)]

    with caplog.at_level(logging.WARNING, logger="bot.discord.identify"):
        assert asyncio.run(scenario()) == [False, False, True]
    said = [r.getMessage() for r in caplog.records]
    fell_back = [m for m in said if "in this process only" in m]
    assert len(fell_back) == 1 and str(home) in fell_back[0]  # once, and why
    assert len([m for m in said if m.startswith("the database is back")]) == 1


def test_an_unreachable_postgresql_falls_back_and_never_shows_the_password(
    caplog: pytest.LogCaptureFixture,
):
    secret = "s3cret-Pa55"
    store = PostgresStore(f"postgresql://evbot:{secret}@127.0.0.1:{free_port()}/evbot")
    turns = IdentifyTurns(store, _one)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.discord.identify"):
            assert not asyncio.run(turns.take(BOT_ID, 1, 2))
    finally:
        store.close()
    (said,) = [r.getMessage() for r in caplog.records if r.name == "bot.discord.identify"]
    assert "in this process only" in said and "***" in said and secret not in said


def test_without_max_concurrency_from_discord_one_is_assumed_and_asked_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    answers: list[int | Exception] = [RuntimeError("gateway/bot: 503"), 2]

    async def fetch() -> int:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    store = SQLiteStore(tmp_path / "log.sqlite3")
    turns = IdentifyTurns(store, fetch, hold=30, poll=0.05)

    async def scenario() -> list[bool]:
        first = await turns.take(BOT_ID, 0, 2)  # as if 1: bucket 0 of 1, now held 30 s
        return [first, await turns.take(BOT_ID, 1, 2)]  # 2 granted: bucket 1 of 2, free

    with caplog.at_level(logging.WARNING, logger="bot.discord.identify"):
        assert asyncio.run(scenario()) == [True, True]
    assert turns.max_concurrency == 2 and not answers
    assert any("as if it were 1" in r.getMessage() for r in caplog.records)
    assert not store.claim(bucket_key(BOT_ID, 0, 1), 1)  # the first took bucket 0 of 1


# --- two clients, as two shard processes, started at once -------------------------------------


def _service(settings: Settings, embedder: Embedder, store: Store | None = None) -> AnswerService:
    service = AnswerService(settings, embedder, store)
    service.warm_up()
    return service


async def _start_both(fake: FakeDiscord, services: list[AnswerService]) -> list[list[int]]:
    """Shard 0 and shard 1 of 2, one client each, started together; the shards each runs."""
    async with AsyncExitStack() as stack:
        clients = await asyncio.gather(
            *(
                stack.enter_async_context(
                    running_bot(service, discord_settings(fake, shard_count=2, shard_ids=str(n)))
                )
                for n, service in enumerate(services)
            )
        )
        return [sorted(client.shards) for client in clients]


def test_two_processes_started_together_identify_a_window_apart(
    shipped_settings: Settings,
    embedder: Embedder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    # Two services over one SQLite file, as two processes of one machine share the query log.
    settings = shipped_settings.model_copy(update={"db_path": tmp_path / "log.sqlite3"})
    services = [_service(settings, embedder) for _ in range(2)]
    watcher = SQLiteStore(tmp_path / "log.sqlite3")
    # The bucket's claim as each IDENTIFY arrives: the turn it came in, by the store's clock.
    turns: list[list[tuple[Any, ...]]] = []
    with started_fake(monkeypatch, guilds=(GUILD_ID, SECOND_GUILD_ID)) as fake:
        fake.on_identify = lambda shard: turns.append(
            watcher.read(
                "SELECT key, expires_at FROM claims WHERE key LIKE ?", ("discord-identify:%",)
            )
        )
        assert asyncio.run(_start_both(fake, services)) == [[0], [1]]
    assert sorted(shard for shard, _ in fake.identify_arrivals) == [0, 1]
    first, second = sorted(at for _, at in fake.identify_arrivals)
    print(f"the two IDENTIFYs arrived {second - first:.2f} s apart")
    # max_concurrency 1: one bucket, one IDENTIFY per 5 s, though both started at once: each
    # came in a turn of its own, the bucket's claims a window apart. Not the arrival times: how
    # late each is sent after its claim depends on the machine's load.
    (key_a, ends_a), (key_b, ends_b) = (claims[0] for claims in turns)
    assert all(len(claims) == 1 for claims in turns) and key_a == key_b
    assert abs(ends_b - ends_a) >= IDENTIFY_WINDOW_SECONDS


def test_with_the_store_unusable_both_still_connect(
    shipped_settings: Settings,
    embedder: Embedder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    home = tmp_path / "state"
    home.write_text("")  # the shared store cannot be opened
    services = [
        _service(shipped_settings, embedder, SQLiteStore(home / "log.sqlite3")) for _ in range(2)
    ]
    with (
        started_fake(monkeypatch, guilds=(GUILD_ID, SECOND_GUILD_ID)) as fake,
        caplog.at_level(logging.WARNING, logger="bot.discord.identify"),
    ):
        assert asyncio.run(_start_both(fake, services)) == [[0], [1]]
    assert sorted(i["shard"] for i in fake.identified) == [[0, 2], [1, 2]]
    # Each process says once why it spaces on its own (discord.py: its first IDENTIFY at once).
    fell_back = [r.getMessage() for r in caplog.records if "this process only" in r.getMessage()]
    assert len(fell_back) == 2 and all(str(home) in m for m in fell_back)

"""Discord sharding: discord.py's AutoShardedClient in one process, shards split over processes
that share one store (and space their IDENTIFYs through it), and the settings that choose them.
The real client against the fake Discord (tests/fake_discord.py), which routes each guild's
events to its shard as Discord does.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.discord.identify import IDENTIFY_WINDOW_SECONDS
from bot.errors import ConfigError
from bot.service import AnswerService
from bot.settings import Settings, load_settings, shard_ids
from bot.store.postgres import PostgresStore
from tests.fake_discord import (
    ASKER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    GUILD_ID,
    MENTION,
    SECOND_GUILD_CHANNEL_ID,
    SECOND_GUILD_ID,
    TOKEN,
    Call,
    FakeDiscord,
    custom_ids,
    discord_settings,
    embed_of,
    running_bot,
    shard_of,
    started_fake,
)

QUESTION = "Who is Amazon partnering with on batteries?"
FIRST, FOLLOW_UP = "Is Amazon making electric cars?", "and by when?"


def test_the_two_guilds_lie_on_different_shards_of_two():
    assert shard_of(GUILD_ID, 2) == 1 and shard_of(SECOND_GUILD_ID, 2) == 0


def in_thread_on(fake: FakeDiscord, message: dict[str, Any]) -> list[Call]:
    """What the bot posted in the thread started on `message` (the thread has its id)."""
    return [c for c in fake.messages() if c.path == f"channels/{message['id']}/messages"]


# --- one process, several shards -------------------------------------------------------------


@pytest.fixture
def bot_service(shipped_settings: Settings, embedder, tmp_path: Path) -> AnswerService:
    settings = shipped_settings.model_copy(update={"db_path": tmp_path / "log.sqlite3"})
    service = AnswerService(settings, embedder)
    service.warm_up()
    return service


@pytest.mark.parametrize("count", ["2", "auto"])
def test_one_process_runs_both_shards_and_answers_in_each(
    count: str, bot_service: AnswerService, monkeypatch: pytest.MonkeyPatch
):
    with started_fake(
        monkeypatch, guilds=(GUILD_ID, SECOND_GUILD_ID), recommended_shards=2
    ) as fake:
        settings = discord_settings(fake, shard_count=count)

        async def scenario() -> list[dict[str, Any]]:
            async with running_bot(bot_service, settings) as client:
                assert sorted(client.shards) == [0, 1]
                assert {g.id for g in client.guilds} == {GUILD_ID, SECOND_GUILD_ID}
                asked = [
                    fake.message_create(
                        f"{MENTION} {QUESTION}", ASKER, channel_id=channel, mentions_bot=True
                    )
                    for channel in (CHANNEL_ID, SECOND_GUILD_CHANNEL_ID)
                ]
                asked.append(
                    fake.message_create(QUESTION, ASKER, channel_id=DM_CHANNEL_ID, dm=True)
                )
                await fake.wait_for(lambda: all(in_thread_on(fake, m) for m in asked[:2]))
                await fake.wait_for(
                    lambda: [
                        c for c in fake.messages() if c.path.startswith(f"channels/{DM_CHANNEL_ID}")
                    ]
                )
                return asked

        asked = asyncio.run(scenario())
        assert sorted(i["shard"] for i in fake.identified) == [[0, 2], [1, 2]]
        if count == "auto":  # the count came from Discord's recommendation
            assert any(c.path == "gateway/bot" for c in fake.calls)
        # Each question reached its guild's shard only (the DM shard 0), and each got its answer.
        assert [fake.delivered_to("MESSAGE_CREATE", m) for m in asked] == [[1], [0], [0]]
        for message in asked[:2]:
            (answer,) = in_thread_on(fake, message)
            assert embed_of(answer)["fields"]
        (dm_answer,) = [
            c for c in fake.messages() if c.path == f"channels/{DM_CHANNEL_ID}/messages"
        ]
        assert embed_of(dm_answer)["fields"]


def test_without_shard_settings_one_plain_connection(
    bot_service: AnswerService, monkeypatch: pytest.MonkeyPatch
):
    with started_fake(monkeypatch) as fake:

        async def scenario() -> None:
            async with running_bot(bot_service, discord_settings(fake)) as client:
                assert type(client).__name__ == "EvBotClient"

        asyncio.run(scenario())
        (identify,) = fake.identified
        assert "shard" not in identify
        assert not any(c.path == "gateway/bot" for c in fake.calls)


# --- shards split over processes that share one store ----------------------------------------


@pytest.fixture
def database(pg_database: str) -> str:
    store = PostgresStore(pg_database)
    store.upgrade()  # as the release phase does
    store.close()
    return pg_database


def start_shard(
    fake: FakeDiscord, shard: int, database: str, index_dir: Path, folder: Path
) -> subprocess.Popen[bytes]:
    """`evbot -v serve discord` for one shard of two, as one Procfile line runs it."""
    folder.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("EVBOT_", "DISCORD_")) and k != "DATABASE_URL"
    }
    env |= {
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_URL": fake.api_url,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "DISCORD_COOLDOWN_QUESTIONS": "1000",
        "DISCORD_SHARD_COUNT": "2",
        "DISCORD_SHARD_IDS": str(shard),
        "EVBOT_INDEX_DIR": str(index_dir),
        "EVBOT_DATABASE_URL": database,
    }
    with (folder / "stderr.log").open("w") as log:  # a file: a full pipe would stall the bot
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "-v", "serve", "discord"],
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )


@pytest.fixture
def fake_two_guilds() -> Iterator[FakeDiscord]:
    server = FakeDiscord(guilds=(GUILD_ID, SECOND_GUILD_ID)).start()
    yield server
    server.stop()


def test_buttons_and_follow_ups_work_on_the_other_process(
    fake_two_guilds: FakeDiscord,
    database: str,
    shipped_settings: Settings,
    service: AnswerService,
    tmp_path: Path,
):
    fake = fake_two_guilds
    logs = [tmp_path / f"shard{shard}" / "stderr.log" for shard in (0, 1)]
    # The IDENTIFY bucket's claim in the shared store as each IDENTIFY arrives: which turn it
    # came in, by the database's clock, however late a loaded machine sent it after its claim.
    turns: list[tuple[int, list[tuple[str, Any]]]] = []
    watcher = PostgresStore(database)
    fake.on_identify = lambda shard: turns.append(
        (
            shard,
            watcher.read(
                "SELECT key, expires_at FROM claims WHERE key LIKE ?", ("discord-identify:%",)
            ),
        )
    )
    workers = [
        start_shard(fake, shard, database, shipped_settings.index_dir, tmp_path / f"shard{shard}")
        for shard in (0, 1)
    ]
    try:

        async def scenario() -> dict[str, Any]:
            await fake.wait_for(lambda: len(fake.identified) == 2, timeout=240)
            # Each process says which shard it runs once the shard is ready.
            await fake.wait_for(
                lambda: all(
                    f"shard {n} of 2 connected" in log.read_text() for n, log in enumerate(logs)
                ),
                timeout=60,
            )
            # Shard 0's process answers a question in the guild on shard 0, in a thread.
            asked = fake.message_create(
                f"{MENTION} {FIRST}", ASKER, channel_id=SECOND_GUILD_CHANNEL_ID, mentions_bot=True
            )
            await fake.wait_for(lambda: in_thread_on(fake, asked), timeout=120)
            # The guild moves to shard 1, which the other process runs (a re-shard): from now
            # on its button presses and thread messages reach that process only.
            fake.move_guild(SECOND_GUILD_ID, 1)
            (answer,) = in_thread_on(fake, asked)
            vote_down, more = custom_ids(answer)[1], custom_ids(answer)[2]
            thread = int(asked["id"])
            fake.click(answer.response, more, ASKER, channel_id=thread)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 1, timeout=120)
            fake.click(answer.response, vote_down, ASKER, channel_id=thread)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2, timeout=120)
            fake.message_create(FOLLOW_UP, ASKER, channel_id=thread)  # no mention: a follow-up
            await fake.wait_for(lambda: len(in_thread_on(fake, asked)) == 2, timeout=120)
            return asked

        asked = asyncio.run(scenario())
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=60)
    finally:
        for worker in workers:
            worker.kill()
        watcher.close()
    assert [w.returncode for w in workers] == [0, 0], [log.read_text() for log in logs]
    assert "connected as evbot to 1 server(s) on shard(s) 0 of 2" in logs[0].read_text()
    assert "connected as evbot to 1 server(s) on shard(s) 1 of 2" in logs[1].read_text()
    assert sorted(i["shard"] for i in fake.identified) == [[0, 2], [1, 2]]
    # Started together, the processes took turns through the shared database: max_concurrency
    # 1 allows one IDENTIFY per 5 s (tests/test_discord_identify.py has the details). Each came
    # in a turn of its own, one bucket's claim a window after the other's, by the database's
    # clock; the arrival times only show it (how late each was sent after its claim depends on
    # the machine's load, by more than the half second HOLD_SECONDS keeps in hand).
    first, second = sorted(at for _, at in fake.identify_arrivals)
    print(f"the two processes' IDENTIFYs arrived {second - first:.2f} s apart")
    assert sorted(shard for shard, _ in turns) == [0, 1]
    (key_a, ends_a), (key_b, ends_b) = (claims[0] for _, claims in turns)
    assert all(len(claims) == 1 for _, claims in turns) and key_a == key_b
    assert abs((ends_b - ends_a).total_seconds()) >= IDENTIFY_WINDOW_SECONDS
    # /ask is registered once, by the process of shard 0.
    assert len([c for c in fake.calls if c.method == "PUT" and c.path.endswith("/commands")]) == 1

    # Who heard what: the question only shard 0's process; the presses and the follow-up only
    # the other one, which never saw the question.
    thread = str(asked["id"])
    assert fake.delivered_to("MESSAGE_CREATE", asked) == [0]
    clicks = [d for d in fake.delivered if d.event == "INTERACTION_CREATE"]
    assert [d.shard_id for d in clicks] == [1, 1]
    (follow_up,) = [
        d for d in fake.delivered if d.event == "MESSAGE_CREATE" and d.data["content"] == FOLLOW_UP
    ]
    assert follow_up.shard_id == 1

    first_answer, second_answer = in_thread_on(fake, asked)
    answer_id = custom_ids(first_answer)[0].rsplit(":", 1)[1]
    more_sources, thanks = fake.posts("webhooks/")
    # More sources: the first answer's question, read from the shared store, with 3 more.
    shown = [f["value"] for f in embed_of(first_answer)["fields"]]
    more = [f["value"] for f in embed_of(more_sources)["fields"]]
    assert len(shown) == 3 and len(more) == 6 and more[:3] == shown
    assert "not helpful" in thanks.body["content"]
    # The follow-up kept the thread's conversation: cited as asked after the first question.
    # Asked in a conversation of its own, as the thread asked it: the answer before is read too.
    service.ask(FIRST, conversation="expected")
    in_context = service.ask(FOLLOW_UP, [FIRST], conversation="expected")
    alone = service.ask(FOLLOW_UP)
    assert [c.text for c in in_context.citations] != [c.text for c in alone.citations]
    cited = [f["value"].replace("\\", "") for f in embed_of(second_answer)["fields"]]
    assert len(cited) == len(in_context.citations)
    for expected, quoted in zip(in_context.citations, cited, strict=True):
        assert expected.text[:30] in quoted

    store = PostgresStore(database)
    try:
        votes = store.read('SELECT answer_id, "user", helpful FROM feedback')
        asked_rows = store.read(
            "SELECT question, reask_of FROM answers WHERE conversation = ? ORDER BY asked_at",
            (f"discord:{thread}",),
        )
    finally:
        store.close()
    assert [(v[0], bool(v[2])) for v in votes] == [(answer_id, False)]
    # One conversation in the shared store, written by both processes: the question, its re-ask
    # (More sources, kept out of the history) and the follow-up.
    assert asked_rows == [(FIRST, None), (FIRST, answer_id), (FOLLOW_UP, None)]


# --- settings -------------------------------------------------------------------------------


def test_shard_ids_read_lists_and_ranges():
    assert shard_ids("0,1") == (0, 1)
    assert shard_ids("0-3") == (0, 1, 2, 3)
    assert shard_ids(" 4 , 0-1, 1 ") == (0, 1, 4)
    for bad in ("one", "3-1", "0-", "-2", "0-99999999999"):
        with pytest.raises(ValueError):
            shard_ids(bad)


def test_shard_settings_are_typed(monkeypatch: pytest.MonkeyPatch):
    for name in ("DISCORD_SHARD_COUNT", "DISCORD_SHARD_IDS"):
        monkeypatch.delenv(name, raising=False)
    assert load_settings().discord.shard_count is None
    assert not load_settings().discord.sharded
    settings = load_settings(discord={"shard_count": "4", "shard_ids": "2-3"}).discord
    assert settings.shard_count == 4 and settings.shard_ids == (2, 3) and settings.sharded
    assert load_settings(discord={"shard_count": "AUTO"}).discord.shard_count == "auto"
    with pytest.raises(ConfigError, match="DISCORD_SHARD_COUNT"):
        load_settings(discord={"shard_count": "0"})


@pytest.mark.parametrize(
    ("count", "ids", "says"),
    [
        ("2", "0,2", "bad setting DISCORD_SHARD_IDS: Value error, shard 2 does not exist"),
        (None, "0", "bad setting DISCORD_SHARD_IDS: Value error, needs DISCORD_SHARD_COUNT"),
        ("auto", "0-1", "bad setting DISCORD_SHARD_IDS: Value error, needs DISCORD_SHARD_COUNT"),
        ("2", "0..1", "bad setting DISCORD_SHARD_IDS: Value error, '0..1' is not a shard id"),
        ("two", None, "bad setting DISCORD_SHARD_COUNT: Value error, must be a whole number"),
    ],
)
def test_bad_shard_settings_are_one_line_exit_2(
    evbot, monkeypatch: pytest.MonkeyPatch, count: str | None, ids: str | None, says: str
):
    for name in list(os.environ):
        if name.startswith("DISCORD_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    for name, value in (("DISCORD_SHARD_COUNT", count), ("DISCORD_SHARD_IDS", ids)):
        if value is not None:
            monkeypatch.setenv(name, value)
    run = evbot("serve", "discord")
    assert run.code == 2
    assert run.stderr.strip().count("\n") == 0, run.stderr
    assert says in run.stderr

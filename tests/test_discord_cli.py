"""`evbot discord invite` and `evbot serve discord` as a user runs them, against the fake."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import discord
import pytest

from bot.discord.commands import PERMISSIONS
from bot.settings import Settings
from tests.fake_discord import BOT_ID, DM_CHANNEL_ID, TOKEN, FakeDiscord, user
from tests.ports import closed_port


@pytest.fixture
def fake() -> Iterator[FakeDiscord]:
    server = FakeDiscord().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_discord_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("DISCORD_"):
            monkeypatch.delenv(name)


def test_serve_without_a_token_is_one_line_exit_2(evbot):
    run = evbot("serve", "discord")
    assert run.code == 2
    assert run.stderr.strip().count("\n") == 0 and "DISCORD_TOKEN is not set" in run.stderr


def test_a_rejected_token_is_one_line_exit_2(evbot, fake: FakeDiscord, monkeypatch):
    wrong = TOKEN.replace("t0ken", "wrong")
    monkeypatch.setenv("DISCORD_TOKEN", wrong)
    monkeypatch.setenv("DISCORD_API_URL", fake.api_url)
    monkeypatch.setenv("DISCORD_GATEWAY_URL", fake.gateway_url)
    run = evbot("serve", "discord")
    assert run.code == 2
    assert run.stderr.strip().count("\n") == 0 and "rejected DISCORD_TOKEN" in run.stderr
    assert wrong not in run.stderr + run.stdout
    assert fake.calls[-1].path == "users/@me" and fake.calls[-1].status == 401


def test_a_bad_setting_names_its_variable(evbot, monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_GUILD_ID", "my-server")
    run = evbot("serve", "discord")
    assert run.code == 2 and "DISCORD_GUILD_ID" in run.stderr


def test_invite_asks_for_exactly_the_needed_scopes_and_permissions(evbot, monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    run = evbot("discord", "invite")
    assert run.code == 0
    query = parse_qs(urlparse(run.stdout.strip()).query)
    assert query["client_id"] == [str(BOT_ID)]
    assert query["scope"] == ["bot applications.commands"]
    value = int(query["permissions"][0])
    # View Channels, Send Messages, Create Public Threads, Send Messages in Threads, Embed Links,
    # Read Message History.
    bits = (1 << 10) | (1 << 11) | (1 << 35) | (1 << 38) | (1 << 14) | (1 << 16)
    assert value == bits == 309237730304
    assert all(getattr(discord.Permissions(value), name) for name in PERMISSIONS)
    assert value.bit_count() == len(PERMISSIONS)  # and nothing more


def test_serve_answers_and_stops_cleanly_on_sigterm(
    fake: FakeDiscord, shipped_settings: Settings, tmp_path: Path
):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVBOT_")}
    env |= {
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_URL": fake.api_url,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "EVBOT_INDEX_DIR": str(shipped_settings.index_dir),
        "EVBOT_DB_PATH": str(tmp_path / "log.sqlite3"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "discord"],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:

        async def scenario() -> None:
            await fake.wait_for(lambda: fake.identified, timeout=120)
            fake.message_create("Who is Amazon partnering with on batteries?",
                                user(1), channel_id=DM_CHANNEL_ID, dm=True)  # fmt: skip
            await fake.wait_for(fake.messages, timeout=60)

        asyncio.run(scenario())
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, stderr
    (reply,) = fake.messages()
    assert reply.body["embeds"][0]["fields"]
    assert TOKEN not in stderr


def test_unreachable_discord_is_one_line_exit_1(evbot, shipped_settings: Settings, monkeypatch):
    port = closed_port()
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_API_URL", f"http://127.0.0.1:{port}/api/v10")
    monkeypatch.setenv("DISCORD_CONNECT_ATTEMPTS", "1")
    run = evbot("run", index_dir=shipped_settings.index_dir, env_extra={"SLACK_BOT_TOKEN": ""})
    assert run.code == 1
    assert run.stderr.strip().splitlines() == [
        f"evbot: cannot reach Discord at 127.0.0.1:{port}: connection refused"
    ]

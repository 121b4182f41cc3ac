"""Socket Mode: the real aiohttp Socket Mode client connects to a local websocket standing in for
Slack's (the fake Web API hands out its ws:// address from apps.connections.open)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from bot.service import AnswerService
from bot.slack.app import SlackBot, SocketModeRunner, build_bot
from tests.fake_slack import (
    APP_TOKEN,
    BOT_USER_ID,
    TEAM_ID,
    FakeSlack,
    LoopThread,
    slack_settings,
)


@pytest.fixture
def socket_bot(service: AnswerService) -> Iterator[tuple[FakeSlack, SlackBot, LoopThread]]:
    fake = FakeSlack()
    bot = build_bot(service, slack_settings(fake, app_token=APP_TOKEN), socket_mode=True)
    loop = LoopThread("socket-mode")
    runner = loop.run(_make_runner(bot))
    loop.run(runner.start())
    yield fake, bot, loop
    loop.run(runner.stop())
    loop.stop()
    fake.close()


async def _make_runner(bot: SlackBot) -> SocketModeRunner:
    return SocketModeRunner(bot)  # built on the loop it will run on


def _envelope(envelope_id: str, event: dict, retry: int = 0) -> dict:
    payload = {
        "token": "legacy",
        "team_id": TEAM_ID,
        "api_app_id": "A000",
        "event": event,
        "type": "event_callback",
        "event_id": "EvSock1",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "payload": payload,
        "accepts_response_payload": False,
        "retry_attempt": retry,
        "retry_reason": "timeout" if retry else "",
    }


def test_socket_mode_mention_is_acked_and_answered_once(
    socket_bot: tuple[FakeSlack, SlackBot, LoopThread],
) -> None:
    fake, bot, loop = socket_bot
    fake.wait_for("ws.connect")
    [opened] = fake.of("apps.connections.open")
    assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"  # the app-level token
    event = {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER_ID}> Who is Amazon partnering with on batteries?",
        "ts": "1700000000.000001",
        "channel": "C1",
    }
    fake.send_ws(_envelope("env-1", event))
    fake.send_ws(_envelope("env-2", event, retry=1))  # Slack's retry of the same event
    acks = fake.wait_for("ws", 2)
    assert {a.params["envelope_id"] for a in acks} == {"env-1", "env-2"}
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "1700000000.000001"
    assert "Panasonic" in json.dumps(post.params["blocks"])
    fake.send_ws(_envelope("env-3", {**event, "ts": "1700000000.000002"}))
    posts = fake.wait_for("chat.postMessage", 2)
    loop.run(bot.answers.runner.settle())
    assert len(fake.of("chat.postMessage")) == 2  # the retry was never answered
    assert posts[1].params["thread_ts"] == "1700000000.000002"


def test_several_socket_mode_processes_on_one_database_answer_each_event_once(
    service: AnswerService, pg_database: str
) -> None:
    """Slack spreads one app's events over up to 10 open connections, and may redeliver one on
    another: each process claims it in the shared database before it acks."""
    from bot.dedup import SharedSeenKeys
    from bot.settings import load_settings
    from bot.store.postgres import PostgresStore

    PostgresStore(pg_database).upgrade()
    settings = load_settings(index_dir=service.settings.index_dir, database_url=pg_database)
    fake = FakeSlack()
    processes = []
    for n in range(3):
        worker = AnswerService(settings, service.embedder)
        bot = build_bot(worker, slack_settings(fake, app_token=APP_TOKEN), socket_mode=True)
        assert isinstance(bot.answers.runner.seen, SharedSeenKeys)
        loop = LoopThread(f"socket-mode-{n}")
        runner = loop.run(_make_runner(bot))
        loop.run(runner.start())
        processes.append((worker, bot, loop, runner))
    try:
        fake.wait_for("ws.connect", 3)
        for n in range(1, 5):
            event = {
                "type": "app_mention",
                "user": "U1",
                "text": f"<@{BOT_USER_ID}> Who is Amazon partnering with on batteries?",
                "ts": f"1700000000.00000{n}",
                "channel": "C1",
            }
            fake.send_ws(_envelope(f"env-{n}", event))  # to every connection at once
        acks = fake.wait_for("ws", 12)  # every connection acked every envelope
        assert len(acks) == 12
        fake.wait_for("chat.postMessage", 4)
        for _, bot, loop, _ in processes:
            loop.run(bot.answers.runner.settle())
        threads = sorted(p.params["thread_ts"] for p in fake.of("chat.postMessage"))
        assert threads == [f"1700000000.00000{n}" for n in range(1, 5)]  # each once
    finally:
        for worker, _, loop, runner in processes:
            loop.run(runner.stop())
            loop.stop()
            worker.index_follower.stop()
            worker.query_log.close()
        fake.close()

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

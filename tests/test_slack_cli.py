"""`evbot slack manifest` and `evbot serve slack`: tokens checked first, and the real process
serving HTTP mode against the fake Slack."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings, load_settings
from tests.fake_slack import BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, FakeSlack, signed_headers
from tests.ports import closed_port


@pytest.fixture(autouse=True)
def no_slack_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [*os.environ]:
        if name.startswith("SLACK_") or name == "PORT":
            monkeypatch.delenv(name, raising=False)


def test_manifest_socket_mode_and_http(evbot) -> None:
    run = evbot("slack", "manifest")
    assert run.code == 0
    manifest = run.json()
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    # Exactly what the features use, no more: a new scope must come with a feature (and its docs).
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == [
        "app_mentions:read",  # mentions
        "channels:history",  # auto-answer and thread follow-ups, public channels
        "chat:write",  # answers, notes, hand-off tags
        "commands",  # /ask
        "groups:history",  # the same, private channels
        "im:history",  # DMs
        "reactions:write",  # the working signal
    ]
    assert sorted(settings["event_subscriptions"]["bot_events"]) == [
        "app_mention",
        "message.channels",
        "message.groups",
        "message.im",
    ]
    assert manifest["features"]["slash_commands"][0]["command"] == "/ask"
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True  # DMs
    assert settings["interactivity"]["is_enabled"] is True  # the buttons
    url = "https://bot.example.com/slack/events"
    http = evbot("slack", "manifest", "--request-url", url).json()
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["settings"]["event_subscriptions"]["request_url"] == url
    assert http["settings"]["interactivity"]["request_url"] == url
    assert http["features"]["slash_commands"][0]["url"] == url


@pytest.mark.parametrize(
    ("args", "env", "missing"),
    [
        ((), {}, "SLACK_BOT_TOKEN"),
        ((), {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_APP_TOKEN"),
        (("--http",), {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),
    ],
)
def test_missing_token_is_one_line_naming_it_exit_2(
    evbot, monkeypatch: pytest.MonkeyPatch, args: tuple, env: dict, missing: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    run = evbot("serve", "slack", *args)
    assert run.code == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert missing in run.stderr
    assert BOT_TOKEN not in run.stderr + run.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except OSError:
        return None


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def test_serve_slack_http_process_answers_and_stops_cleanly(
    shipped_settings: Settings, fake: FakeSlack, tmp_path: Path
) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVBOT_")}
    env |= {
        "EVBOT_INDEX_DIR": str(shipped_settings.index_dir),
        "EVBOT_CORPUS_DIR": str(shipped_settings.corpus_dir),
        "EVBOT_DB_PATH": str(tmp_path / "log.sqlite3"),
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url.rstrip("/"),  # the trailing slash is added for slack_sdk
        "PORT": str(port),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "slack", "--http", "--host", "127.0.0.1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while _get(f"http://127.0.0.1:{port}/health") != 200:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the server never became healthy"
            time.sleep(0.2)
        event = {
            "type": "app_mention",
            "user": "U1",
            "text": f"<@{BOT_USER_ID}> Where will the production lines be built?",
            "ts": "1700000000.000001",
            "channel": "C1",
        }
        body = json.dumps(
            {
                "type": "event_callback",
                "team_id": "T000",
                "event": event,
                "event_id": "Ev1",
                "api_app_id": "A000",
            }
        )
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/slack/events",
            data=body.encode(),
            headers={"Content-Type": "application/json", **signed_headers(body)},
        )
        with urllib.request.urlopen(request, timeout=20) as response:
            assert response.status == 200
        [post] = fake.wait_for("chat.postMessage")
        assert "Texas and Michigan" in json.dumps(post.params["blocks"])
        assert fake.of("auth.test"), "the token is checked at start-up"
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert BOT_TOKEN not in out + err


def test_settings_read_dotenv_under_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(
        "SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_APP_TOKEN=xapp-from-file\n"
        "SLACK_API_URL=http://127.0.0.1:9/api\nSLACK_AUTO_ANSWER_CHANNELS=C1, C2\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-env")
    slack = load_settings().slack
    slack.require(http=False)
    assert slack.secret("bot_token") == "xoxb-from-env"  # a real variable wins over .env
    assert slack.secret("app_token") == "xapp-from-file"
    assert slack.api_url == "http://127.0.0.1:9/api/"  # slack_sdk needs the trailing slash
    assert slack.auto_answer_channels == ("C1", "C2")
    assert "xoxb" not in repr(slack) and "xapp" not in repr(slack)


def test_unreachable_slack_is_one_line_after_the_retries(
    evbot, shipped_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = closed_port()
    for name, value in {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": "xapp-1-A1-1-abc",
        "SLACK_API_URL": f"http://127.0.0.1:{port}/api/",
        "SLACK_CONNECT_ATTEMPTS": "3",
        "SLACK_CONNECT_RETRY_SECONDS": "0.01",
    }.items():
        monkeypatch.setenv(name, value)
    run = evbot("serve", "slack", index_dir=shipped_settings.index_dir)
    assert run.code == 1
    lines = run.stderr.strip().splitlines()
    assert "Traceback" not in run.stderr
    retries = [line for line in lines if "bot.connect" in line]
    assert len(retries) == 2 and "(attempt 1 of 3)" in retries[0]
    assert lines[-1] == (
        f"evbot: cannot reach Slack at 127.0.0.1:{port}: connection refused (3 attempts)"
    )

"""N `evbot serve slack --http` worker processes behind a real nginx, on one database: what
tests/test_scaleout.py and benchmarks/scaleout.py run.

Each worker has its own empty index folder and working folder, as each dyno or machine has its
own disk: the index reaches it only through the database (bot/store/published.py). Events are
signed as Slack signs them and sent through nginx, or straight to one worker (as a retry
landing elsewhere would be); the fake Slack (tests/fake_slack.py) counts what was posted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fake_slack import (
    BOT_TOKEN,
    BOT_USER_ID,
    SIGNING_SECRET,
    TEAM_ID,
    FakeSlack,
    signed_headers,
)
from tests.nginx_server import Nginx

START_WAIT = 300.0  # seconds for a worker to load the model and pull the index, on a busy box
QUESTIONS = [
    "Who is Amazon partnering with on batteries?",
    "Where will the production lines be built?",
    "Who is Tesla's battery partner?",
    "Which company builds Amazon's batteries?",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Reply:
    status: int | None  # None: no answer at all (the worker died, the connection broke)
    upstream: str | None  # the worker nginx chose, from its X-Evbot-Upstream header
    seconds: float


class Worker:
    """One `evbot serve slack --http` process on its own port, folder and empty index."""

    def __init__(
        self, name: str, root: Path, env: dict[str, str], index_from: Path | None = None
    ) -> None:
        self.name = name
        self.port = free_port()
        self.home = root / name
        self.home.mkdir(parents=True)
        if index_from is not None:  # a local index (SQLite: nothing is published)
            shutil.copytree(index_from, self.home / "index", symlinks=True)
        self.log_path = self.home / "worker.log"
        self.address = f"127.0.0.1:{self.port}"
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "slack", "--http", "--host", "127.0.0.1"],
                cwd=self.home,
                env=env | {"PORT": str(self.port), "EVBOT_INDEX_DIR": str(self.home / "index")},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def health(self) -> dict[str, Any] | None:
        try:
            with urllib.request.urlopen(self.url + "/health", timeout=5) as response:
                return json.loads(response.read())
        except (OSError, ValueError):
            return None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """`kill -9`: no drain, no goodbye, whatever it held left held."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)

    def stop(self) -> None:
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)


@dataclass
class Cluster:
    workers: list[Worker]
    nginx: Nginx
    fake: FakeSlack
    asked: dict[str, str] = field(default_factory=dict)  # event key -> question

    @classmethod
    def start(
        cls,
        fake: FakeSlack,
        root: Path,
        database_url: str | None,
        count: int = 3,
        index_from: Path | None = None,
    ) -> Cluster:
        """`count` workers behind nginx, each healthy: on `database_url` (the index pulled from
        it), or without one on one SQLite file beside `index_from` copied to each."""
        base = {k: v for k, v in os.environ.items() if not k.startswith(("EVBOT_", "SLACK_"))}
        base.pop("DATABASE_URL", None)
        base.pop("PORT", None)
        if database_url:
            base["EVBOT_DATABASE_URL"] = database_url
        else:
            base["EVBOT_DB_PATH"] = str(root / "log.sqlite3")
        base |= {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.api_url.rstrip("/"),
            "SLACK_COOLDOWN_QUESTIONS": "1000",  # one test user asks them all
        }
        workers = [Worker(f"worker-{n + 1}", root, base, index_from) for n in range(count)]
        try:
            deadline = time.monotonic() + START_WAIT
            for worker in workers:
                while not (worker.health() or {}).get("ok"):
                    if not worker.alive:
                        raise RuntimeError(f"{worker.name} exited:\n{worker.log()}")
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{worker.name} never became healthy:\n{worker.log()}")
                    time.sleep(0.2)
            nginx = Nginx([w.address for w in workers])
        except BaseException:
            for worker in workers:
                worker.stop()
            raise
        return cls(workers, nginx, fake)

    def stop(self) -> None:
        self.nginx.stop()
        for worker in self.workers:
            worker.stop()

    # -- events as Slack sends them -----------------------------------------------------------

    def event(self, n: int, question: str | None = None) -> tuple[str, str]:
        """Event `n`'s key (channel:ts, as the claims name it) and signed body."""
        ts = f"1700000000.{n:06d}"
        text = question or QUESTIONS[n % len(QUESTIONS)]
        event = {
            "type": "app_mention",
            "user": f"U{n % 7}",
            "text": f"<@{BOT_USER_ID}> {text}",
            "ts": ts,
            "channel": "C1",
            "event_ts": ts,
        }
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": TEAM_ID,
                "api_app_id": "A000",
                "event": event,
                "type": "event_callback",
                "event_id": f"Ev{n:08d}",
                "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
            }
        )
        self.asked[f"C1:{ts}"] = text
        return f"C1:{ts}", body

    def send(self, body: str, *, to: str | None = None, retry: int = 0) -> Reply:
        """POST a signed event through nginx, or straight `to` one worker's URL; `retry` > 0
        as Slack's retries say so."""
        headers = {"Content-Type": "application/json", **signed_headers(body)}
        if retry:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        request = urllib.request.Request(
            (to or self.nginx.url) + "/slack/events",
            data=body.encode(),
            headers=headers,
            method="POST",
        )
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                status, upstream = response.status, response.headers.get("X-Evbot-Upstream")
        except urllib.error.HTTPError as err:
            status, upstream = err.code, err.headers.get("X-Evbot-Upstream")
        except OSError:
            status, upstream = None, None
        return Reply(status, upstream, time.perf_counter() - started)

    # -- what Slack received --------------------------------------------------------------------

    def answers_per_event(self) -> Counter[str]:
        """chat.postMessage calls per event key (the answer's thread is the question's ts)."""
        return Counter(
            f"{c.params.get('channel')}:{c.params.get('thread_ts')}"
            for c in self.fake.of("chat.postMessage")
        )

    def wait_answered(self, keys: set[str], limit: float) -> float:
        started = time.monotonic()
        while not keys <= set(self.answers_per_event()):
            if time.monotonic() - started > limit:
                missing = sorted(keys - set(self.answers_per_event()))
                raise AssertionError(f"{len(missing)} event(s) never answered: {missing[:5]}")
            time.sleep(0.1)
        return time.monotonic() - started

    def builds(self, workers: list[Worker]) -> list[str | None]:
        return [(w.health() or {}).get("build") for w in workers]

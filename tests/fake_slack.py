"""A local stand-in for Slack: Web API, response_url endpoint and Socket Mode websocket.

It runs an aiohttp server on 127.0.0.1 in its own thread and records every call, so tests can
point the real slack_sdk clients at it and assert on what Slack would have received (the way
bolt-python's own tests fake the Web API). Like Slack, it rejects messages past Block Kit's
limits (`invalid_blocks`). `SlackHarness` runs the adapter's real Bolt app behind its real
aiohttp server and sends it signed requests, as Slack does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

from bot.settings import SlackSettings, load_settings

BOT_TOKEN = "xoxb-test-secret-token-0000"
APP_TOKEN = "xapp-test-secret-app-token"
SIGNING_SECRET = "test-signing-secret"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T000"
WAIT = 20.0  # seconds: the bound on every wait; tests never assert on speed
# Block Kit's limits, as Slack enforces them (https://api.slack.com/reference/block-kit).
MAX_BLOCKS, MAX_TEXT, MAX_CONTEXT_ELEMENTS, MAX_BUTTONS = 50, 3000, 10, 25
MAX_BUTTON_TEXT, MAX_BUTTON_VALUE, MAX_MESSAGE_TEXT = 75, 2000, 40_000


def _within(ts: str, params: dict[str, Any]) -> bool:
    """Whether a message is in the range `oldest`..`latest` asked for (both left out: every
    message; the ends themselves only with `inclusive`), as Slack reads them."""
    inclusive = str(params.get("inclusive", "")).lower() in ("1", "true")
    oldest, latest = params.get("oldest"), params.get("latest")
    if oldest is not None and (
        float(ts) < float(oldest) or (float(ts) == float(oldest) and not inclusive)
    ):
        return False
    return latest is None or float(ts) < float(latest) or (float(ts) == float(latest) and inclusive)


@dataclass
class Call:
    method: str  # Web API method, "respond/<name>" for response_url posts, or "ws" for websocket
    params: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class LoopThread:
    """An asyncio loop in a daemon thread, for running servers beside synchronous tests."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = WAIT) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(WAIT)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._scripted: dict[str, deque[tuple[int, dict[str, Any] | str, dict[str, str]]]] = {}
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        # Every message in a channel, as it arrived: people's (`hear`) and the bot's posts.
        self.said: list[dict[str, Any]] = []
        self._sockets: list[web.WebSocketResponse] = []
        self._thread = LoopThread("fake-slack")
        self._runner: web.AppRunner | None = None
        self.port = self._thread.run(self._start())

    # -- addresses ------------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    # -- test controls --------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int,
        body: dict[str, Any] | str | None = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` get this response (a str body: plain text)."""
        body = body if body is not None else {"ok": False, "error": f"http_{status}"}
        queue = self._scripted.setdefault(method, deque())
        queue.extend([(status, body, headers or {})] * times)

    def hear(self, event: dict[str, Any]) -> None:
        """A person's (or another bot's) message, posted before its event is sent: what
        `conversations.replies` returns among the bot's posts. A mention's twin is heard once."""
        if event.get("type") not in ("message", "app_mention") or event.get("subtype"):
            return
        with self._cond:
            if not any(
                (m["channel"], m["ts"]) == (event.get("channel"), event.get("ts"))
                for m in self.said
            ):
                keep = ("channel", "ts", "thread_ts", "user", "bot_id", "text")
                self.said.append({"type": "message"} | {k: event[k] for k in keep if k in event})

    def of(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def methods(self) -> list[str]:
        """Every call's method, in the order the calls arrived."""
        with self._cond:
            return [c.method for c in self.calls]

    def wait_for(self, method: str, count: int = 1, timeout: float = WAIT) -> list[Call]:
        """At least `count` calls of `method` (bounded wait), or an AssertionError."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{method}: {len(found)} call(s), expected {count}")
                self._cond.wait(left)

    def send_ws(self, payload: dict[str, Any]) -> None:
        """Push one Socket Mode envelope to every connected client."""

        async def send() -> None:
            for ws in self._sockets:
                await ws.send_str(json.dumps(payload))

        self._thread.run(send())

    def close(self) -> None:
        async def stop() -> None:
            for ws in list(self._sockets):
                await ws.close()
            if self._runner:
                await self._runner.cleanup()

        self._thread.run(stop())
        self._thread.stop()

    # -- the server -----------------------------------------------------------------------------

    async def _start(self) -> int:
        app = web.Application()
        app.add_routes(
            [
                web.route("*", "/api/{method}", self._api),
                web.post("/respond/{name}", self._respond),
                web.get("/link", self._websocket),
            ]
        )
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        return site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update(dict(await request.post()))
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        self._record(Call(method, params, dict(request.headers)))
        queue = self._scripted.get(method)
        if queue:
            status, body, headers = queue.popleft()
            if isinstance(body, str):  # e.g. a proxy's HTML error page
                return web.Response(status=status, text=body, headers=headers)
            return web.json_response(body, status=status, headers=headers)
        if method in ("chat.postMessage", "chat.postEphemeral"):
            error = block_kit_error(params)
            if error:
                return web.json_response({"ok": False, "error": error})
        return web.json_response(self._answer(method, params))

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Fake",
                "user": "evbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
            }
        if method == "chat.postMessage":
            ts = f"2000000000.{next(self._ts):06d}"
            posted = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts}
            keep = ("channel", "text", "thread_ts", "metadata")
            with self._cond:
                self.said.append(posted | {k: params[k] for k in keep if k in params})
            return {"ok": True, "channel": params.get("channel"), "ts": ts}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"2000000000.{next(self._ts):06d}"}
        if method in ("reactions.add", "reactions.remove"):
            return {"ok": True}
        if method in ("conversations.replies", "conversations.history"):
            return self._page(self._posted(method, params), params)
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link"}
        return {"ok": False, "error": "unknown_method"}

    @staticmethod
    def _page(messages: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
        """One page of `messages` as Slack pages them: at most `limit` (1,000 by default) from
        where `cursor` (a `next_cursor` given before) points, and whether more follow."""
        start = int(params.get("cursor") or 0)
        end = start + int(params.get("limit") or 1000)
        more = end < len(messages)
        return {
            "ok": True,
            "messages": messages[start:end],
            "has_more": more,
            "response_metadata": {"next_cursor": str(end) if more else ""},
        }

    def _posted(self, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """A thread's messages, its root first (replies), or the bot's after a moment (history),
        in the order they arrived, with their metadata as Slack returns them with
        `include_all_metadata`."""
        with self._cond:
            said = list(self.said)
        found = []
        for message in said:
            if message.get("channel") != params.get("channel"):
                continue
            if method == "conversations.replies":
                if params.get("ts") not in (message.get("thread_ts"), message["ts"]):
                    continue
            elif message.get("user") != BOT_USER_ID:
                continue
            if not _within(message["ts"], params):
                continue
            found.append({k: v for k, v in message.items() if k != "channel"})
        return found

    async def _respond(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        params = await request.json()
        self._record(Call(f"respond/{name}", params, dict(request.headers)))
        queue = self._scripted.get(f"respond/{name}")
        if queue:
            status, body, headers = queue.popleft()
            return web.Response(status=status, text=json.dumps(body), headers=headers)
        error = block_kit_error(params)
        if error:
            return web.Response(status=400, text=error)
        return web.Response(text="ok")

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        self._record(Call("ws.connect", {}))
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self._record(Call("ws", json.loads(message.data)))
        self._sockets.remove(ws)
        return ws


def block_kit_error(params: dict[str, Any]) -> str | None:
    """Slack's error for a message past Block Kit's limits, or None when it would be accepted."""
    if len(str(params.get("text") or "")) > MAX_MESSAGE_TEXT:
        return "msg_too_long"
    blocks = params.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    if len(blocks) > MAX_BLOCKS:
        return "invalid_blocks"
    for block in blocks:
        texts_in = [block.get("text") or {}] if block["type"] == "section" else []
        if block["type"] == "context":
            if len(block["elements"]) > MAX_CONTEXT_ELEMENTS:
                return "invalid_blocks"
            texts_in = block["elements"]
        if any(len(t.get("text", "")) > MAX_TEXT for t in texts_in):
            return "invalid_blocks"
        if block["type"] == "actions":
            buttons = block["elements"]
            if len(buttons) > MAX_BUTTONS or any(
                len(b["text"]["text"]) > MAX_BUTTON_TEXT or len(b["value"]) > MAX_BUTTON_VALUE
                for b in buttons
            ):
                return "invalid_blocks"
    return None


# -- the adapter under test ----------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: str


def signed_headers(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None):
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def slack_settings(fake: FakeSlack, **overrides: Any) -> SlackSettings:
    """SLACK_* settings pointing at the fake, as `load_settings` builds them (no cooldown unless
    a test sets one)."""
    values = {"bot_token": BOT_TOKEN, "api_url": fake.api_url, "cooldown_questions": 1000}
    return load_settings(slack=values | overrides).slack


class SlackHarness:
    """The adapter's Bolt app on its aiohttp server (127.0.0.1, a free port), WebClient -> fake."""

    def __init__(self, service: Any, fake: FakeSlack, **slack: Any) -> None:
        """`slack` overrides SLACK_* settings: `auto_answer_channels="C9"`, `human_group=...`."""
        from bot.slack.app import HttpServer, build_bot

        self.fake = fake
        self.settings = slack_settings(fake, signing_secret=SIGNING_SECRET, **slack)
        self.bot = build_bot(service, self.settings, socket_mode=False)
        self.server = HttpServer(self.bot, service, "127.0.0.1", 0)
        self._thread = LoopThread("slack-adapter")
        self.port = self._thread.run(self.server.start())
        self._events = itertools.count(1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def drain(self) -> None:
        """Wait until every event delivered so far has been handled and its answer posted."""
        self._thread.run(self._settle())

    async def _settle(self) -> None:
        # Bolt acks before its listener runs (a task of its own), so wait for those tasks too:
        # a "the bot stayed quiet" check must not pass only because the listener had not run yet.
        idle = {asyncio.current_task(), self.bot.answers.sweeper}  # the sweep never ends
        while others := [t for t in asyncio.all_tasks() if t not in idle and not t.done()]:
            await asyncio.gather(*others, return_exceptions=True)
        await self.bot.answers.runner.settle()

    def close(self) -> None:
        if self._thread.thread.is_alive():  # a test may stop it early (a restart)
            self._thread.run(self.server.stop())
            self._thread.stop()

    # -- requests as Slack sends them ---------------------------------------------------------

    def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> Reply:
        all_headers = {"Content-Type": content_type, **(headers or signed_headers(body))}
        request = urllib.request.Request(
            self.url + path, data=body.encode(), headers=all_headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=WAIT) as response:
                return Reply(response.status, response.read().decode())
        except urllib.error.HTTPError as err:
            return Reply(err.code, err.read().decode())

    def get(self, path: str) -> Reply:
        try:
            with urllib.request.urlopen(self.url + path, timeout=WAIT) as response:
                return Reply(response.status, response.read().decode())
        except urllib.error.HTTPError as err:
            return Reply(err.code, err.read().decode())

    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> str:
        return json.dumps(
            {
                "token": "legacy",
                "team_id": TEAM_ID,
                "api_app_id": "A000",
                "event": event,
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(self._events):08d}",
                "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
            }
        )

    def send_event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> Reply:
        self.fake.hear(event)
        body = self.event_body(event, event_id)
        headers = signed_headers(body)
        if retry is not None:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(body, "application/json", headers=headers)

    def mention(
        self,
        text: str,
        *,
        channel: str = "C1",
        ts: str,
        thread_ts: str | None = None,
        user: str = "U1",
    ) -> Reply:
        """A user's `@bot text` message, as the `app_mention` event."""
        full = f"<@{BOT_USER_ID}> {text}"
        event = {"type": "app_mention", "user": user, "text": full, "ts": ts, "channel": channel}
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.send_event(event)

    def message(
        self,
        text: str,
        *,
        channel: str,
        ts: str,
        channel_type: str = "channel",
        thread_ts: str | None = None,
        user: str = "U1",
        **extra: Any,
    ) -> Reply:
        """A `message` event; `extra` adds fields such as `bot_id` or `subtype`."""
        event = {
            "type": "message",
            "user": user,
            "text": text,
            "ts": ts,
            "channel": channel,
            "channel_type": channel_type,
            **extra,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.send_event(event)

    def command(
        self, text: str, *, name: str = "cmd", user: str = "U1", channel: str = "C1"
    ) -> Reply:
        body = urllib.parse.urlencode(
            {
                "token": "legacy",
                "team_id": TEAM_ID,
                "channel_id": channel,
                "user_id": user,
                "command": "/ask",
                "text": text,
                "response_url": self.fake.response_url(name),
                "trigger_id": "1.2.3",
                "api_app_id": "A000",
            }
        )
        return self.post(body, "application/x-www-form-urlencoded")

    def click(
        self,
        action_id: str,
        value: str,
        *,
        name: str = "click",
        user: str = "U2",
        channel: str = "C1",
        message_ts: str = "2000000000.000001",
        thread_ts: str | None = None,
        ephemeral: bool = False,
    ) -> Reply:
        """A button press on a message (in a thread with `thread_ts`), or on an ephemeral one."""
        container: dict[str, Any] = {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        }
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": f"user-{user.lower()}", "team_id": TEAM_ID},
            "team": {"id": TEAM_ID},
            "api_app_id": "A000",
            "channel": {"id": channel},
            "container": container,
            "trigger_id": "1.2.3",
            "response_url": self.fake.response_url(name),
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b",
                    "value": value,
                    "action_ts": str(time.time()),
                }
            ],
        }
        if not ephemeral:  # Slack sends the pressed message along, except for ephemeral ones
            message = {"type": "message", "ts": message_ts, "user": BOT_USER_ID}
            if thread_ts:
                message["thread_ts"] = thread_ts
                container["thread_ts"] = thread_ts
            payload["message"] = message
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")


def texts(payload: dict[str, Any]) -> str:
    """Every string Slack would render from a message payload, joined (for escaping checks)."""
    out: list[str] = [str(payload.get("text", ""))]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    blocks = payload.get("blocks")
    walk(json.loads(blocks) if isinstance(blocks, str) else blocks)
    return "\n".join(out)


def blocks_of(payload: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = payload.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def button_values(payload: dict[str, Any]) -> dict[str, str]:
    return {
        element["action_id"]: element["value"]
        for block in blocks_of(payload)
        if block["type"] == "actions"
        for element in block["elements"]
    }

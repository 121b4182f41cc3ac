"""A local fake Discord for driving the real discord.py client: REST and gateway on 127.0.0.1.

It runs in its own thread and event loop (as a real server would), records every REST call,
enforces Discord's message limits (a 400 with code 50035, as Discord does; discord.py checks
none of them), starts threads on messages (the thread takes the message's id, and the bot hears
of it through THREAD_CREATE), fails chosen routes on demand (`fail`: a 403, a 429, ...;
`malformed`: a body that does not parse), and dispatches gateway events on demand (messages,
forum posts, interactions).

It shards as Discord does: an IDENTIFY may carry `shard: [id, count]` (`identify_arrivals`
records when each arrived), GET /gateway/bot recommends `recommended_shards` and grants
`max_concurrency`, each connection hears of the guilds on its shard only (READY,
GUILD_CREATE), and every guild event goes to the shard `(guild_id >> 22) % count`; DMs and other
events without a guild to shard 0. `move_guild` hands a guild to another shard, as a re-shard
does; `delivered` records which shard each event went to.
"""

from __future__ import annotations

import asyncio
import base64
import fnmatch
import itertools
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import discord
import pytest
from aiohttp import WSMsgType, web

from bot.discord.client import EvBotClient, new_client, use_endpoints
from bot.service import AnswerService
from bot.settings import DiscordSettings

BOT_ID = 123456789012345678
TOKEN = base64.b64encode(str(BOT_ID).encode()).decode().rstrip("=") + ".fake.t0ken"
GUILD_ID = 900000000000000001
CHANNEL_ID = 900000000000000002
THREAD_ID = 900000000000000003
DM_CHANNEL_ID = 900000000000000004
SECOND_CHANNEL_ID = 900000000000000005  # another text channel ("#random")
FORUM_ID = 900000000000000006
HUMAN_ROLE_ID = 900000000000000007
NEWS_CHANNEL_ID = 900000000000000008  # an announcement channel ("#news")
# A second server, on the other shard of two (a guild's shard is (id >> 22) % count); its one
# text channel, "#general".
SECOND_GUILD_ID = GUILD_ID + (1 << 22)
SECOND_GUILD_CHANNEL_ID = SECOND_GUILD_ID + 1
NOW = "2026-01-01T00:00:00.000000+00:00"
BOT_USER = {
    "id": str(BOT_ID),
    "username": "evbot",
    "discriminator": "0",
    "avatar": None,
    "bot": True,
    "global_name": None,
}
_ids = itertools.count(int(time.time() * 1000) << 22)  # unique snowflakes within a test run


def snowflake() -> str:
    return str(next(_ids))


def user(user_id: int, name: str = "asker", *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "global_name": name,
    }


MENTION = f"<@{BOT_ID}>"
ASKER = user(700000000000000001, "alice")


@dataclass
class Call:
    method: str
    path: str
    body: Any
    status: int
    response: Any


@dataclass
class Failure:
    method: str
    path: str  # e.g. f"channels/{CHANNEL_ID}/messages"; "*" matches any run of characters
    status: int
    data: dict[str, Any]
    headers: dict[str, str]
    raw: bytes | None = None  # a body sent as is, e.g. JSON that does not parse
    # Only requests whose JSON body this accepts fail (None: every one), e.g. those with an embed.
    when: Callable[[Any], bool] | None = None


MISSING_PERMISSIONS = {"message": "Missing Permissions", "code": 50013}
THREAD_EXISTS = {"message": "A thread has already been created for this message", "code": 160004}
# discord.py retries a 429 only when it came through Discord's proxy (a Via header).
RATE_LIMITED = {"message": "You are being rate limited.", "retry_after": 0.001, "global": False}


def limit_errors(body: dict[str, Any]) -> list[str]:
    """Discord's message limits; discord.py sends whatever it is given."""
    errors = []
    if len(body.get("content") or "") > 2000:
        errors.append("content over 2000")
    embeds = body.get("embeds") or []
    for embed in embeds:
        fields = embed.get("fields", [])
        sizes = {
            "title": (len(embed.get("title", "")), 256),
            "description": (len(embed.get("description", "")), 4096),
            "fields": (len(fields), 25),
            "footer": (len(embed.get("footer", {}).get("text", "")), 2048),
        }
        errors += [f"embed {k} {n} > {cap}" for k, (n, cap) in sizes.items() if n > cap]
        for f in fields:
            if len(f["name"]) > 256 or len(f["value"]) > 1024 or not f["value"]:
                errors.append("embed field over its limits")
    total = sum(
        len(e.get("title", ""))
        + len(e.get("description", ""))
        + len(e.get("footer", {}).get("text", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in e.get("fields", []))
        for e in embeds
    )
    if total > 6000:
        errors.append(f"embeds total {total} > 6000")
    return errors


def _json(data: Any, status: int = 200) -> web.Response:
    # Exactly application/json: with "; charset=utf-8" discord.py would not parse the body.
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def shard_of(guild_id: int | str, shard_count: int) -> int:
    """The shard Discord sends a guild's events to."""
    return (int(guild_id) >> 22) % shard_count


@dataclass
class Connection:
    """One identified gateway connection: a shard (0 of 1 when the client did not shard)."""

    ws: web.WebSocketResponse
    shard_id: int
    shard_count: int
    seq: int = 0


@dataclass
class Delivery:
    shard_id: int
    event: str
    data: dict[str, Any]


class FakeDiscord:
    def __init__(
        self,
        guilds: Sequence[int] = (GUILD_ID,),
        *,
        recommended_shards: int = 1,
        max_concurrency: int = 1,
    ) -> None:
        self.guild_ids = list(guilds)
        self.recommended_shards = recommended_shards  # GET /gateway/bot's `shards`
        # GET /gateway/bot's session_start_limit.max_concurrency: IDENTIFYs allowed per 5 s
        self.max_concurrency = max_concurrency
        self.moved: dict[int, int] = {}  # guilds handed to another shard (move_guild)
        self.delivered: list[Delivery] = []
        self.calls: list[Call] = []
        self.identified: list[dict[str, Any]] = []
        # (shard id, time.monotonic() on arrival) of every IDENTIFY, as it reached the gateway
        self.identify_arrivals: list[tuple[int, float]] = []
        # Called with the shard id as each IDENTIFY arrives (on the fake's loop): what a test
        # reads of the world at that moment, such as the shared store's claims.
        self.on_identify: Callable[[int], None] | None = None
        self.heartbeats = 0
        self.interaction_channels: dict[str, dict[str, Any]] = {}
        # Flags of each "thinking…" defer (by interaction token) no follow-up has replaced yet:
        # Discord's first follow-up takes them, whatever flags it sends, unless it was deleted.
        self.thinking: dict[str, int] = {}
        # The message an edit of "thinking…" made of it (by interaction token): edited again.
        self.originals: dict[str, str] = {}
        self.failures: list[Failure] = []
        self.stored: dict[str, dict[str, Any]] = {}  # messages by id, for GET
        self.threads: dict[str, dict[str, Any]] = {}  # threads started on messages, by id
        self._tasks: set[asyncio.Task[None]] = set()
        self._connections: list[Connection] = []
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self.port = 0

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> FakeDiscord:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(10)
        return self

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- what tests read ---------------------------------------------------------------

    def posts(self, prefix: str = "") -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method != "GET" and c.path.startswith(prefix)]

    def messages(self) -> list[Call]:
        """Messages the bot sent: channel messages, interaction follow-ups and the replies that
        replaced a "thinking…"."""
        return [
            c
            for c in self.posts()
            if (
                c.method == "POST"
                and (
                    (c.path.startswith("channels/") and c.path.endswith("/messages"))
                    or c.path.startswith("webhooks/")
                )
            )
            or (c.method == "PATCH" and c.path.endswith("/messages/@original"))
        ]

    def fail(
        self,
        path: str,
        status: int,
        data: dict[str, Any],
        method: str = "POST",
        when: Callable[[Any], bool] | None = None,
    ) -> None:
        """Answer every `method path` (a pattern: "*" for any id) with this error from now on;
        with `when`, only those whose JSON body it accepts."""
        headers = {"Via": "1.1 google"} if status == 429 else {}
        self.failures.append(Failure(method, path, status, data, headers, when=when))

    def malformed(self, path: str, method: str = "POST") -> None:
        """Answer every `method path` with a 200 whose JSON body does not parse (a proxy that
        cut the response short): discord.py raises neither of its HTTP errors for it."""
        self.failures.append(Failure(method, path, 200, {}, {}, raw=b'{"id": "12'))

    def delivered_to(self, event: str, data: dict[str, Any]) -> list[int]:
        """The shards this event (by its id) went to."""
        with self._lock:
            return [
                d.shard_id
                for d in self.delivered
                if d.event == event and d.data.get("id") == data.get("id")
            ]

    async def wait_for(self, predicate: Any, timeout: float = 30.0) -> Any:
        """Poll until `predicate()` is truthy (bounded); returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value or time.monotonic() > deadline:
                assert value, "the fake Discord never saw what the test waited for"
                return value
            await asyncio.sleep(0.02)

    # --- REST ----------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        body = await request.json() if request.can_read_body else None
        failure = next(
            (
                f
                for f in self.failures
                if f.method == request.method
                and fnmatch.fnmatchcase(path, f.path)
                and (f.when is None or f.when(body))
            ),
            None,
        )
        if failure is not None:
            status, data = failure.status, failure.data
        else:
            status, data = self._route(request, path, body)
        with self._lock:
            self.calls.append(Call(request.method, path, body, status, data))
        if failure is not None and failure.raw is not None:
            return web.Response(
                body=failure.raw, status=200, headers={"Content-Type": "application/json"}
            )
        if status == 204:
            return web.Response(status=204)
        response = _json(data, status)
        response.headers.update(failure.headers if failure else {})
        return response

    def _route(self, request: web.Request, path: str, body: Any) -> tuple[int, Any]:
        method = request.method
        if method == "GET" and path == "gateway/bot":
            return 200, {
                "url": self.gateway_url,
                "shards": self.recommended_shards,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": self.max_concurrency,
                },
            }
        if path == "users/@me":
            if request.headers.get("Authorization") != f"Bot {TOKEN}":
                return 401, {"message": "401: Unauthorized", "code": 0}
            return 200, BOT_USER
        if path == "oauth2/applications/@me":
            return 200, {
                "id": str(BOT_ID),
                "name": "evbot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user(1),
                "verify_key": "0" * 64,
                "flags": 0,
            }
        if method == "PUT" and path.endswith("/commands"):
            return 200, [
                {
                    **c,
                    "id": snowflake(),
                    "application_id": str(BOT_ID),
                    "version": "1",
                    "type": c.get("type", 1),
                }
                for c in body
            ]
        if isinstance(body, dict) and (errors := limit_errors(body.get("data", body) or {})):
            return 400, {"message": "Invalid Form Body", "code": 50035, "errors": errors}
        if method == "POST" and path.startswith("channels/") and path.endswith("/typing"):
            return 204, None
        if method == "POST" and path == "users/@me/channels":
            recipient = user(int(body["recipient_id"]))
            return 200, {"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [recipient]}
        if method == "GET" and path.startswith("channels/") and path.endswith("/messages"):
            return 200, self._history(path.split("/")[1], request.query)
        if method == "GET" and path.startswith("channels/") and "/messages/" in path:
            found = self.stored.get(path.rsplit("/", 1)[1])
            return (200, found) if found else (404, {"message": "Unknown Message", "code": 10008})
        if method == "POST" and path.startswith("channels/") and path.endswith("/messages"):
            return 200, self._message(path.split("/")[1], body)
        if method == "POST" and path.startswith("channels/") and path.endswith("/threads"):
            _, channel_id, _, message_id, _ = path.split("/")
            return self._start_thread(channel_id, message_id, body)
        if method == "POST" and path.startswith("interactions/"):
            _, interaction_id, token, _ = path.split("/")
            kind = body["type"]
            flags = (body.get("data") or {}).get("flags", 0)
            if kind == 5:
                self.thinking[token] = flags
            return 200, {
                "interaction": {
                    "id": interaction_id,
                    "type": 2,
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": bool(flags & 64),
                },
                "resource": {"type": kind},
            }
        if path.startswith("webhooks/"):
            token = path.split("/")[2]
            unknown = (404, {"message": "Unknown Message", "code": 10008})
            if method == "DELETE" and path.endswith("/messages/@original"):
                found = self.thinking.pop(token, None) is not None
                found = self.originals.pop(token, None) is not None or found
                return (204, None) if found else unknown
            channel = self.interaction_channels.get(token, {}).get("id", str(CHANNEL_ID))
            if method == "PATCH" and path.endswith("/messages/@original"):
                # "thinking…" (or the reply that replaced it) edited, its flags as they were.
                if token in self.thinking:
                    flags = self.thinking.pop(token)
                elif token in self.originals:
                    flags = self.stored[self.originals[token]]["flags"]
                else:
                    return unknown
                message = self._message(channel, body | {"flags": flags})
                self.originals[token] = message["id"]
                return 200, message
            if token in self.thinking:  # the first follow-up replaces "thinking…", as it was
                body = body | {"flags": self.thinking.pop(token)}
            return 200, self._message(channel, body)
        return 404, {"message": "404: Not Found", "code": 0}

    def _history(self, channel_id: str, query: Mapping[str, str]) -> list[dict[str, Any]]:
        """A channel's messages before `before` (the latest `limit`) or after `after` (the
        earliest `limit`), newest first either way, as Discord's GET channels/{id}/messages
        gives them (snowflakes grow with time)."""
        before = int(query.get("before") or 1 << 63)
        after = int(query.get("after") or 0)
        limit = int(query.get("limit") or 50)
        found = [
            m
            for m in list(self.stored.values())  # a copy: the test's thread adds messages too
            if m.get("channel_id") == channel_id and after < int(m["id"]) < before
        ]
        found.sort(key=lambda m: int(m["id"]))
        kept = found[:limit] if "after" in query else found[-limit:]
        return kept[::-1]

    def _start_thread(
        self, channel_id: str, message_id: str, body: dict[str, Any]
    ) -> tuple[int, Any]:
        """Start a public thread on a message, as Discord does: it takes the message's id, and
        THREAD_CREATE tells the bot. Posts to `channels/{thread id}/messages` then land in it."""
        name = body.get("name") or ""
        if not 1 <= len(name) <= 100:
            return 400, {"message": "Invalid Form Body", "code": 50035, "errors": ["name"]}
        if message_id in self.threads:
            return 400, THREAD_EXISTS
        guild_id = self.guild_of_channel(int(channel_id))
        thread = self.thread(int(message_id), int(channel_id), name, BOT_ID, guild_id=guild_id)
        thread["thread_metadata"]["auto_archive_duration"] = body.get("auto_archive_duration")
        self.threads[message_id] = thread
        # On the fake's own loop: dispatch() would wait on itself. Sent before later events.
        task = asyncio.get_running_loop().create_task(
            self._broadcast("THREAD_CREATE", thread | {"newly_created": True})
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return 201, thread

    def _message(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        message = {
            "id": snowflake(),
            "channel_id": channel_id,
            "type": 0,
            "author": BOT_USER,
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": NOW,
            "edited_timestamp": None,
            "flags": body.get("flags", 0),
        }
        if reference := body.get("message_reference"):  # a reply, as Discord keeps it
            message["type"] = 19
            message["message_reference"] = {
                "message_id": str(reference["message_id"]),
                "channel_id": channel_id,
            }
        self.stored[message["id"]] = message  # a reply may point at it, and GET read it
        return message

    # --- gateway -------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        connection: Connection | None = None
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            frame = json.loads(msg.data)
            if frame["op"] == 1:
                self.heartbeats += 1
                await ws.send_json({"op": 11})
            elif frame["op"] == 2:
                shard_id, shard_count = frame["d"].get("shard", [0, 1])
                with self._lock:
                    self.identify_arrivals.append((shard_id, time.monotonic()))
                if self.on_identify is not None:
                    self.on_identify(shard_id)
                if not 0 <= shard_id < shard_count:
                    await ws.close(code=4010, message=b"Invalid shard.")  # as Discord does
                    break
                connection = Connection(ws, shard_id, shard_count)
                guilds = [g for g in self.guild_ids if self._shard_for(g, connection) == shard_id]
                await self._send(
                    connection,
                    "READY",
                    {
                        "v": 10,
                        "user": BOT_USER,
                        "session_id": f"fake-session-{shard_id}",
                        "resume_gateway_url": self.gateway_url,
                        "shard": [shard_id, shard_count],
                        "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
                        "application": {"id": str(BOT_ID), "flags": 0},
                    },
                )
                for guild_id in guilds:
                    await self._send(connection, "GUILD_CREATE", self._guild(guild_id))
                # Only now may events go to it: READY and its guilds come first.
                self._connections.append(connection)
                self.identified.append({k: v for k, v in frame["d"].items() if k != "token"})
        if connection in self._connections:
            self._connections.remove(connection)
        return ws

    def _shard_for(self, guild_id: int | str | None, connection: Connection) -> int:
        """The shard a guild's events go to (shard 0 for events of no guild, as DMs)."""
        if guild_id is None:
            return 0
        moved = self.moved.get(int(guild_id))
        return moved if moved is not None else shard_of(guild_id, connection.shard_count)

    def guild_of_channel(self, channel_id: int) -> int | None:
        """The guild a channel, or a thread started in one, belongs to (None: a DM)."""
        if channel_id == DM_CHANNEL_ID:
            return None
        for guild_id in self.guild_ids:
            guild = self._guild(guild_id)
            if any(int(c["id"]) == channel_id for c in guild["channels"] + guild["threads"]):
                return guild_id
        return GUILD_ID

    def move_guild(self, guild_id: int, shard_id: int) -> None:
        """From now on the guild's events go to `shard_id`, which first gets the guild (with its
        active threads) in a GUILD_CREATE: what a re-shard does to a guild."""
        self.moved[guild_id] = shard_id

        async def hand_over() -> None:
            for connection in list(self._connections):
                if connection.shard_id == shard_id:
                    await self._send(connection, "GUILD_CREATE", self._guild(guild_id))

        asyncio.run_coroutine_threadsafe(hand_over(), self._loop).result(10)

    def _guild(self, guild_id: int = GUILD_ID) -> dict[str, Any]:
        def channel(channel_id: int, name: str, kind: int = 0) -> dict[str, Any]:
            return {
                "id": str(channel_id),
                "type": kind,
                "name": name,
                "position": 0,
                "guild_id": str(guild_id),
                "permission_overwrites": [],
            }

        def role(role_id: int, name: str) -> dict[str, Any]:
            return {
                "id": str(role_id),
                "name": name,
                "permissions": "0",
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": True,
            }

        if guild_id == GUILD_ID:
            forum = channel(FORUM_ID, "ask-ev", 15) | {"available_tags": [], "flags": 0}
            channels = [
                channel(CHANNEL_ID, "general"),
                channel(SECOND_CHANNEL_ID, "random"),
                channel(NEWS_CHANNEL_ID, "news", 5),
                forum,
            ]
            threads = [self.thread(THREAD_ID, CHANNEL_ID, "ev talk", 1)]
            roles = [role(GUILD_ID, "@everyone"), role(HUMAN_ROLE_ID, "ev-experts")]
        else:
            channels = [channel(guild_id + 1, "general")]
            threads = []
            roles = [role(guild_id, "@everyone")]
        # Threads the bot started since are active in it, as Discord lists them.
        threads += [t for t in self.threads.values() if t["guild_id"] == str(guild_id)]
        return {
            "id": str(guild_id),
            "name": "EV fans" if guild_id == GUILD_ID else f"EV fans {guild_id}",
            "owner_id": "1",
            "channels": channels,
            "threads": threads,
            "roles": roles,
            "members": [],
            "member_count": 2,
            "emojis": [],
            "stickers": [],
            "features": [],
            "joined_at": NOW,
            "large": False,
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "icon": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
        }

    @staticmethod
    def thread(
        thread_id: int, parent_id: int, name: str, owner_id: int, *, guild_id: int | None = None
    ) -> dict[str, Any]:
        return {
            "id": str(thread_id),
            "type": 11,
            "name": name,
            "parent_id": str(parent_id),
            "guild_id": str(guild_id or GUILD_ID),
            "owner_id": str(owner_id),
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "applied_tags": [],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": NOW,
                "locked": False,
            },
        }

    async def _send(self, connection: Connection, event: str, data: dict[str, Any]) -> None:
        connection.seq += 1
        await connection.ws.send_json({"op": 0, "t": event, "s": connection.seq, "d": data})

    async def _broadcast(self, event: str, data: dict[str, Any]) -> None:
        """To the shard the event's guild is on, as Discord routes it."""
        guild_id = data.get("guild_id")
        for connection in list(self._connections):
            if connection.shard_id != self._shard_for(guild_id, connection):
                continue
            with self._lock:
                self.delivered.append(Delivery(connection.shard_id, event, data))
            await self._send(connection, event, data)

    def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a gateway event to the identified connection of its guild's shard (callable from
        any thread)."""
        asyncio.run_coroutine_threadsafe(self._broadcast(event, data), self._loop).result(10)

    # --- event payloads --------------------------------------------------------------------

    def message_create(
        self,
        content: str,
        author: dict[str, Any],
        *,
        channel_id: int = CHANNEL_ID,
        mentions_bot: bool = False,
        mentions: Sequence[dict[str, Any]] = (),
        mention_roles: Sequence[int] = (),
        dm: bool = False,
        message_id: str | None = None,
        kind: int = 0,
        reply_to: dict[str, Any] | None = None,
        mention_everyone: bool = False,
        **extra: Any,
    ) -> dict[str, Any]:
        """A message as Discord sends it; `reply_to` (a message) makes it a reply, which pings
        that message's author, as Discord clients do by default; `extra` adds fields
        (attachments, sticker_items)."""
        pinged = [reply_to["author"]] if reply_to else []
        data = {
            "id": message_id or snowflake(),
            "channel_id": str(channel_id),
            "type": 19 if reply_to else kind,
            "author": author,
            "content": content,
            "embeds": [],
            "components": [],
            "attachments": [],
            "mentions": ([BOT_USER] if mentions_bot else []) + list(mentions) + pinged,
            "mention_roles": [str(r) for r in mention_roles],
            "mention_everyone": mention_everyone,
            "pinned": False,
            "tts": False,
            "timestamp": NOW,
            "edited_timestamp": None,
            "flags": 0,
            **extra,  # what else a message may carry: attachments, sticker_items
        }
        if not dm:
            data["guild_id"] = str(self.guild_of_channel(channel_id) or GUILD_ID)
            data["member"] = {"roles": [], "joined_at": NOW, "deaf": False, "mute": False}
        if reply_to is not None:
            where = {k: data[k] for k in ("channel_id", "guild_id") if k in data}
            data["message_reference"] = {"type": 0, "message_id": reply_to["id"], **where}
            data["referenced_message"] = reply_to
        self.stored[data["id"]] = data
        self.dispatch("MESSAGE_CREATE", data)
        return data

    def message_update(
        self,
        message: dict[str, Any],
        content: str,
        *,
        mentions_bot: bool = False,
        edited: bool = True,
    ) -> dict[str, Any]:
        """An edit of `message` (as `message_create` returned it), as Discord sends it: the whole
        message again, its new content and mentions, and when it was edited; not `edited`, an
        update Discord makes itself (a link's preview loaded), the edit time as it was."""
        mentions = [m for m in message["mentions"] if m["id"] != BOT_USER["id"]]
        data = message | {
            "content": content,
            "mentions": ([BOT_USER] if mentions_bot else []) + mentions,
            "edited_timestamp": NOW if edited else message["edited_timestamp"],
        }
        if "member" in message:  # discord.py reads a member's flags when an update brings one
            data["member"] = message["member"] | {"flags": 0}
        self.stored[data["id"]] = data
        self.dispatch("MESSAGE_UPDATE", data)
        return data

    def forum_post(
        self, title: str, content: str, author: dict[str, Any], *, forum_id: int = FORUM_ID
    ) -> dict[str, Any]:
        """A new forum post as Discord sends it: the thread, then its first message (same id)."""
        thread_id = snowflake()
        thread = self.thread(int(thread_id), forum_id, title, int(author["id"]))
        self.dispatch("THREAD_CREATE", thread | {"newly_created": True})
        self.message_create(content, author, channel_id=int(thread_id), message_id=thread_id)
        return thread

    def interaction_create(
        self,
        kind: int,
        data: dict[str, Any],
        asker: dict[str, Any],
        *,
        channel_id: int = CHANNEL_ID,
        dm: bool = False,
        message: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        token = f"itoken-{snowflake()}"
        guild_id = str(self.guild_of_channel(channel_id) or GUILD_ID)
        channel = (
            {"id": str(channel_id), "type": 1}
            if dm
            else {
                "id": str(channel_id),
                "type": 11 if channel_id == THREAD_ID or str(channel_id) in self.threads else 0,
                "guild_id": guild_id,
                "name": "general",
                "parent_id": str(CHANNEL_ID),
            }
        )
        self.interaction_channels[token] = channel
        payload = {
            "id": snowflake(),
            "application_id": str(BOT_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "data": data,
            "channel_id": str(channel_id),
            "channel": channel,
            "locale": "en-US",
            "app_permissions": "2251799813685247",
            "entitlements": [],
            "authorizing_integration_owners": {"0": guild_id},
            "context": 1 if dm else 0,
            "attachment_size_limit": 8388608,
        }
        if dm:
            payload["user"] = asker
        else:
            payload |= {
                "guild_id": guild_id,
                "guild_locale": "en-US",
                "member": {
                    "user": asker,
                    "roles": [],
                    "joined_at": NOW,
                    "deaf": False,
                    "mute": False,
                    "permissions": "2251799813685247",
                    "flags": 0,
                },
            }
        if message is not None:
            payload["message"] = message
        self.dispatch("INTERACTION_CREATE", payload)
        return payload

    def slash_ask(
        self, question: str, asker: dict[str, Any], *, ephemeral: bool | None = None, **where: Any
    ) -> dict[str, Any]:
        options = [{"name": "question", "type": 3, "value": question}]
        if ephemeral is not None:
            options.append({"name": "ephemeral", "type": 5, "value": ephemeral})
        data = {"id": snowflake(), "name": "ask", "type": 1, "options": options}
        return self.interaction_create(2, data, asker, **where)

    def click(
        self, message: dict[str, Any], custom_id: str, asker: dict[str, Any], **where: Any
    ) -> dict[str, Any]:
        data = {"custom_id": custom_id, "component_type": 2}
        return self.interaction_create(3, data, asker, message=message, **where)


# --- running the real bot against it -------------------------------------------------------


def discord_settings(fake: FakeDiscord, **overrides: Any) -> DiscordSettings:
    """DISCORD_* settings pointing at the fake (no cooldown unless a test sets one)."""
    values: dict[str, Any] = {
        "token": TOKEN,
        "guild_id": GUILD_ID,
        "api_url": fake.api_url,
        "gateway_url": fake.gateway_url,
        "cooldown_questions": 1000,
    }
    return DiscordSettings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]


@asynccontextmanager
async def running_bot(
    service: AnswerService, settings: DiscordSettings
) -> AsyncIterator[EvBotClient]:
    """The real client, connected and ready; closing it drains answers in flight."""
    use_endpoints(settings)
    # The fake sends every guild at once: no need to wait 2 s for stragglers.
    client = new_client(service, settings, guild_ready_timeout=0.05)
    started = asyncio.create_task(client.start(TOKEN))
    ready = asyncio.create_task(client.wait_until_ready())
    await asyncio.wait({started, ready}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
    if not ready.done():
        ready.cancel()
        await client.close()
        started.result()  # the client's own error, if it failed to start
        raise AssertionError("the bot never became ready")
    try:
        yield client
    finally:
        await client.close()
        await asyncio.wait_for(started, 30)


def embed_of(call: Call) -> dict[str, Any]:
    assert call.status == 200, call.response
    (embed,) = call.body["embeds"]
    return embed


def custom_ids(call: Call) -> list[str]:
    return [c["custom_id"] for row in call.body["components"] for c in row["components"]]


def no_pings(call: Call) -> None:
    assert call.body["allowed_mentions"]["parse"] == []
    assert call.body["allowed_mentions"].get("replied_user", False) is False
    assert not call.body["allowed_mentions"].get("users")
    assert not call.body["allowed_mentions"].get("roles")


@contextmanager
def started_fake(monkeypatch: pytest.MonkeyPatch, **options: Any) -> Iterator[FakeDiscord]:
    """A fake Discord on 127.0.0.1 (`options`: FakeDiscord's), and discord.py's endpoints put
    back afterwards."""
    server = FakeDiscord(**options).start()
    # use_endpoints changes process-wide class attributes: have them put back afterwards.
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    gateway = discord.gateway.DiscordWebSocket
    monkeypatch.setattr(gateway, "DEFAULT_GATEWAY", gateway.DEFAULT_GATEWAY)
    yield server
    server.stop()

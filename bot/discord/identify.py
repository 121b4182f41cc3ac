"""Spacing the IDENTIFYs of shard processes that share a store, as Discord's start-up limit asks.

Discord lets a bot start `max_concurrency` sessions (IDENTIFYs) per 5 s: one per rate-limit
bucket, `shard_id % max_concurrency`, both from GET /gateway/bot's `session_start_limit`.
discord.py spaces the shards of one process only (its default `before_identify_hook` sleeps 5 s
before every IDENTIFY but the process's first), so processes started together, by a deploy or a
restart of every worker, would IDENTIFY at once and have sessions refused. Here each IDENTIFY
first takes its bucket's once-only claim in the shared store (`Store.claim`, with a TTL of one
window): the next shard of that bucket, in whichever process, gets the claim only once the window
is over. While the store cannot be reached the client falls back to discord.py's own spacing.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable

from bot.store.base import Store, StoreError

log = logging.getLogger(__name__)

IDENTIFY_WINDOW_SECONDS = 5.0  # Discord's: `max_concurrency` IDENTIFYs per 5 s
# Held past the window: an IDENTIFY reaches Discord some network time after its claim, and that
# delay (and a SQLite claimant's clock) differs between processes by more than nothing.
HOLD_SECONDS = IDENTIFY_WINDOW_SECONDS + 0.5
POLL_SECONDS = 0.25  # a free bucket is noticed this soon; a claim costs one store round trip
# discord.py gives a shard's whole connection, this wait included, 180 s (shard_connect_timeout)
# before it drops it and starts over: give up well before.
MAX_WAIT_SECONDS = 120.0


def bucket_key(bot_id: int | None, shard_id: int, max_concurrency: int) -> str:
    """The store key of the rate-limit bucket `shard_id` IDENTIFYs in (one per bot)."""
    return f"discord-identify:{bot_id or 'bot'}:{shard_id % max(1, max_concurrency)}"


def wait_bound(shard_count: int, max_concurrency: int, hold: float = HOLD_SECONDS) -> float:
    """How long a shard waits for its bucket: long enough for every other shard of the bucket to
    go first, and one window more, but under discord.py's connection timeout."""
    per_bucket = math.ceil(max(1, shard_count) / max(1, max_concurrency))
    return min(hold * (per_bucket + 1), MAX_WAIT_SECONDS)


async def take_turn(
    store: Store,
    key: str,
    *,
    hold: float = HOLD_SECONDS,
    poll: float = POLL_SECONDS,
    bound: float = MAX_WAIT_SECONDS,
) -> bool:
    """Wait until this caller holds `key`'s claim for `hold` s (True), or `bound` s have passed
    without it (False). The store's calls run in a thread, off the event loop (the gateway's
    heartbeats keep going); a StoreError is the caller's to handle."""
    deadline = time.monotonic() + bound
    while True:
        if await asyncio.to_thread(store.claim, key, hold):
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        await asyncio.sleep(min(poll, remaining))


class IdentifyTurns:
    """What the sharded client asks before each IDENTIFY: its bucket's turn in the store.

    `fetch_max_concurrency` asks Discord (GET /gateway/bot) once; should that fail, 1 is assumed,
    the limit of every bot below large-bot sharding, which spaces more than needed, never less.
    """

    def __init__(
        self,
        store: Store,
        fetch_max_concurrency: Callable[[], Awaitable[int]],
        *,
        hold: float = HOLD_SECONDS,
        poll: float = POLL_SECONDS,
    ) -> None:
        self.store = store
        self.fetch_max_concurrency = fetch_max_concurrency
        self.hold = hold
        self.poll = poll
        self.max_concurrency: int | None = None
        self.falling_back = False

    async def _max_concurrency(self) -> int:
        if self.max_concurrency is None:
            try:
                self.max_concurrency = max(1, int(await self.fetch_max_concurrency()))
            except Exception as err:  # whatever failed, 1 is the safe assumption: ask next time
                log.warning(
                    "could not read max_concurrency from Discord (%s: %s): spacing IDENTIFYs "
                    "as if it were 1",
                    type(err).__name__,
                    err,
                )
                return 1
        return self.max_concurrency

    async def take(self, bot_id: int | None, shard_id: int, shard_count: int) -> bool:
        """True once this shard may IDENTIFY (its turn, or the wait's bound reached, logged);
        False when the store could not be asked: the caller then spaces as discord.py does."""
        max_concurrency = await self._max_concurrency()
        key = bucket_key(bot_id, shard_id, max_concurrency)
        bound = wait_bound(shard_count, max_concurrency, self.hold)
        try:
            taken = await take_turn(self.store, key, hold=self.hold, poll=self.poll, bound=bound)
        except StoreError as err:  # already one line without the password (bot.store)
            if not self.falling_back:
                log.warning(
                    "spacing IDENTIFYs in this process only (discord.py's 5 s), not with the "
                    "other shard processes, until the database is back: %s",
                    err,
                )
            self.falling_back = True
            return False
        if self.falling_back:
            log.warning("the database is back: IDENTIFYs are spaced through it again")
            self.falling_back = False
        if not taken:
            log.warning(
                "shard %d waited %.0f s for its IDENTIFY turn (%s) in the database without "
                "getting it: identifying now",
                shard_id,
                bound,
                key,
            )
        return True

"""The working signal: a reaction on the question while the bot answers it.

Best effort only: a failed `reactions.add`/`reactions.remove` (a missing `reactions:write`
scope, a deleted message, a rate limit) is logged and never delays or blocks the answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from bot.slack.delivery import slack_error

if TYPE_CHECKING:
    from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)


async def _react(client: AsyncWebClient, add: bool, channel: str, ts: str, name: str) -> bool:
    method = client.reactions_add if add else client.reactions_remove
    try:
        await method(channel=channel, timestamp=ts, name=name)
    except Exception as err:
        what = "reactions.add" if add else "reactions.remove"
        log.warning("%s %r on %s in %s failed: %s", what, name, ts, channel, slack_error(err))
        return False
    return True


@contextlib.asynccontextmanager
async def working(client: AsyncWebClient, channel: str, ts: str, name: str) -> AsyncIterator[None]:
    """React with `name` on message `ts` while the body runs; take the reaction off after."""
    name = name.strip().strip(":")
    if not name:
        yield
        return
    # Added alongside the answer's work rather than before it: the reaction never costs latency.
    added = asyncio.ensure_future(_react(client, True, channel, ts, name))
    try:
        yield
    finally:
        if await added:
            await _react(client, False, channel, ts, name)

"""Reaching a chat platform at start-up: retried with capped exponential backoff, one line a try.

Once connected, the libraries reconnect on their own (discord.py's `connect(reconnect=True)`,
slack_sdk's Socket Mode client); what they do not retry is the first contact, where a network
blip or a DNS hiccup used to end the worker with a 70-line aiohttp traceback.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from typing import TypeVar
from urllib.parse import urlsplit

from bot.errors import EvbotError

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_DELAY = 60.0  # seconds: the backoff stops doubling here


class Unreachable(EvbotError):
    """The platform's API could not be reached on any attempt; the line names it and why."""

    exit_code = 1


def is_network_error(err: BaseException) -> bool:
    """A failure to reach the server at all (not an answer from it, such as a bad token)."""
    import aiohttp

    return isinstance(err, aiohttp.ClientConnectionError | OSError | asyncio.TimeoutError)


def network_cause(err: BaseException) -> str:
    """A few words for why a connection failed: DNS, refused, timed out, or the library's text."""
    import aiohttp

    if isinstance(err, aiohttp.ClientConnectorDNSError | socket.gaierror):
        return "could not resolve host"
    if isinstance(err, aiohttp.ClientConnectorError):
        err = err.os_error
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    if isinstance(err, asyncio.TimeoutError | aiohttp.ServerTimeoutError):
        return "timed out"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    text = str(err).strip().splitlines()[0][:160] if str(err).strip() else ""
    return text or type(err).__name__


async def reach(url: str, timeout: float = 15.0) -> None:
    """Resolve `url`'s host and open a TCP connection to it (no request is sent), or raise."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme in {"https", "wss"} else 80)
    _, writer = await asyncio.wait_for(asyncio.open_connection(parts.hostname, port), timeout)
    writer.close()
    await writer.wait_closed()


async def with_retries(
    step: Callable[[], Awaitable[T]],
    *,
    platform: str,
    url: str,
    attempts: int,
    first_delay: float,
) -> T:
    """`step()`, tried up to `attempts` times while the network fails, waiting 1x, 2x, 4x...
    `first_delay` (at most MAX_DELAY) between tries; then Unreachable, in one line.
    """
    where = urlsplit(url).netloc or url
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            return await step()
        except Exception as err:
            if not is_network_error(err):
                raise
            cause = network_cause(err)
            if attempt == attempts:
                tries = f" ({attempts} attempts)" if attempts > 1 else ""
                raise Unreachable(f"cannot reach {platform} at {where}: {cause}{tries}") from None
            log.warning(
                "%s unreachable at %s: %s; retrying in %.3g s (attempt %d of %d)",
                platform, where, cause, delay, attempt, attempts,
            )  # fmt: skip
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_DELAY)
    raise AssertionError("attempts must be at least 1")

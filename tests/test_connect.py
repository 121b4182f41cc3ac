"""Reaching a chat platform at start-up: retries with a capped doubling wait, then one line."""

from __future__ import annotations

import asyncio
import logging
import socket

import aiohttp
import pytest
from aiohttp import web
from ports import closed_port

from bot import connect
from bot.connect import Unreachable, network_cause, reach, with_retries
from bot.errors import ConfigError


def test_start_up_waits_for_a_server_that_comes_up_late(caplog) -> None:
    port = closed_port()
    url = f"http://127.0.0.1:{port}/api"

    async def scenario() -> str:
        runner = web.AppRunner(web.Application())

        async def come_up_later() -> None:
            await asyncio.sleep(0.3)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()

        later = asyncio.create_task(come_up_later())

        async def step() -> str:
            await reach(url)
            return "connected"

        try:
            return await with_retries(
                step, platform="Discord", url=url, attempts=20, first_delay=0.05
            )
        finally:
            await later
            await runner.cleanup()

    with caplog.at_level(logging.WARNING, logger="bot.connect"):
        assert asyncio.run(scenario()) == "connected"
    retries = [r.getMessage() for r in caplog.records if r.name == "bot.connect"]
    assert retries and all(
        m.startswith(f"Discord unreachable at 127.0.0.1:{port}: connection refused; retrying in ")
        for m in retries
    )


def test_gives_up_in_one_line_after_doubling_waits(monkeypatch) -> None:
    waits: list[float] = []

    async def no_wait(delay: float) -> None:
        waits.append(delay)

    monkeypatch.setattr(connect.asyncio, "sleep", no_wait)
    monkeypatch.setattr(connect, "MAX_DELAY", 5.0)
    url = f"http://127.0.0.1:{closed_port()}/api/"
    calls = 0

    async def step() -> None:
        nonlocal calls
        calls += 1
        await reach(url)

    with pytest.raises(Unreachable) as caught:
        asyncio.run(with_retries(step, platform="Slack", url=url, attempts=6, first_delay=1.0))
    assert str(caught.value) == (
        f"cannot reach Slack at {url.split('/')[2]}: connection refused (6 attempts)"
    )
    assert calls == 6 and waits == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_an_answer_from_the_platform_is_not_retried() -> None:
    calls = 0

    async def rejected() -> None:
        nonlocal calls
        calls += 1
        raise ConfigError("SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)")

    with pytest.raises(ConfigError):
        asyncio.run(with_retries(rejected, platform="Slack", url="x", attempts=5, first_delay=1))
    assert calls == 1


def test_causes_in_a_few_words() -> None:
    # Tests reach only 127.0.0.1, so the DNS failure is built as aiohttp raises it.
    key = aiohttp.client_reqrep.ConnectionKey("slack.invalid", 443, True, True, None, None, None)
    dns = aiohttp.ClientConnectorDNSError(key, socket.gaierror(-2, "Name or service not known"))
    assert network_cause(dns) == "could not resolve host"
    assert network_cause(socket.gaierror(-2, "Name or service not known")) == (
        "could not resolve host"
    )
    refused = aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connection refused"))
    assert network_cause(refused) == "connection refused"
    assert network_cause(TimeoutError()) == "timed out"
    assert network_cause(OSError(101, "Network is unreachable")) == "network is unreachable"

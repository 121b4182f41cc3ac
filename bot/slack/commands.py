"""`evbot slack manifest` and `evbot serve slack [--http --port N]`."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
from typing import Any

from bot.errors import ConfigError
from bot.settings import Settings, SlackSettings

log = logging.getLogger(__name__)


def register(commands: Any, serve: Any) -> None:
    slack = commands.add_parser("slack", help="Slack app set-up")
    slack_commands = slack.add_subparsers(title="slack commands", metavar="COMMAND")
    manifest = slack_commands.add_parser(
        "manifest", help="print the Slack app manifest (paste it to create the app)"
    )
    manifest.add_argument(
        "--request-url",
        default=None,
        help="HTTP mode: https://YOUR-HOST/slack/events (without it: Socket Mode)",
    )
    manifest.add_argument("--name", default="EV Rivalry Bot", help="the app's display name")
    manifest.set_defaults(run=cmd_manifest)

    front = serve.add_parser("slack", help="answer in Slack (Socket Mode unless --http)")
    front.add_argument("--http", action="store_true", help="serve the Events API over HTTP")
    front.add_argument("--port", type=int, default=None, help="HTTP port (default: $PORT or 3000)")
    front.add_argument("--host", default="0.0.0.0", help="HTTP interface (default: all)")
    front.add_argument(
        "--workers", type=int, default=None, help="threads answering questions (SLACK_WORKERS)"
    )
    front.set_defaults(run=cmd_serve)


def cmd_manifest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.manifest import build_manifest

    print(json.dumps(build_manifest(name=args.name, request_url=args.request_url), indent=2))
    return 0


def _port(args: argparse.Namespace) -> int:
    if args.port is not None:
        return int(args.port)
    raw = os.environ.get("PORT", "3000")
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"PORT must be a number, not {raw!r}") from None


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    slack = settings.slack
    slack.require(http=args.http)  # a missing token fails before the model loads
    port = _port(args) if args.http else 0
    if args.workers is not None:
        if args.workers < 1:
            raise ConfigError("--workers must be at least 1")
        slack = slack.model_copy(update={"workers": args.workers})

    from bot.service import AnswerService

    service = AnswerService(settings)
    service.warm_up()  # a missing index fails now, and the first question is not slow
    return asyncio.run(_serve(service, slack, http=args.http, host=args.host, port=port))


async def _serve(service: Any, slack: SlackSettings, *, http: bool, host: str, port: int) -> int:
    from bot.connect import with_retries
    from bot.slack.app import HttpServer, SocketModeRunner, build_bot

    bot = build_bot(service, slack, socket_mode=not http)
    retrying = {
        "platform": "Slack",
        "url": slack.api_url,
        "attempts": slack.connect_attempts,
        "first_delay": slack.connect_retry_seconds,
    }
    await with_retries(bot.check_token, **retrying)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    runner: HttpServer | SocketModeRunner
    if http:
        runner = HttpServer(bot, service, host, port)
        bound = await runner.start()
        print(f"evbot: Slack HTTP mode on http://{host}:{bound}/slack/events", flush=True)
    else:
        runner = SocketModeRunner(bot)
        await with_retries(runner.start, **retrying)  # then slack_sdk reconnects by itself
        print("evbot: Slack Socket Mode connected", flush=True)
    await stop.wait()
    log.info("stopping: finishing the answers under way")
    await runner.stop()
    return 0

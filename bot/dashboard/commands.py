"""`evbot dashboard`: serve the curator's dashboard on this machine (or, with a token, beyond)."""

from __future__ import annotations

import argparse
import asyncio

from bot.errors import ConfigError
from bot.settings import Settings

DEFAULT_PORT = 8050


def register(commands: argparse._SubParsersAction, serve: argparse._SubParsersAction) -> None:
    dashboard = commands.add_parser(
        "dashboard", help="serve the curator's dashboard (charts, coverage gaps) on a web page"
    )
    dashboard.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    dashboard.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks one)"
    )
    dashboard.set_defaults(run=cmd_dashboard)


def check_host(host: str, settings: Settings) -> None:
    from bot.dashboard.auth import is_loopback

    if settings.dashboard_secret is None and not is_loopback(host):
        raise ConfigError(
            f"EVBOT_DASHBOARD_TOKEN is not set: the dashboard shows people's questions, so "
            f"without a token it serves only 127.0.0.1, not {host}"
        )


def cmd_dashboard(args: argparse.Namespace, settings: Settings) -> int:
    check_host(args.host, settings)
    if not 0 <= args.port <= 65535:
        raise ConfigError("--port must be between 0 and 65535")
    try:
        asyncio.run(_serve(settings, args.host, args.port))
    except OSError as err:
        raise ConfigError(f"cannot listen on {args.host}:{args.port}: {err.strerror}") from None
    return 0


async def _serve(settings: Settings, host: str, port: int) -> None:
    from aiohttp import web

    from bot.dashboard.web import build_dashboard_app

    runner = web.AppRunner(build_dashboard_app(settings), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0]
        shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        print(f"Dashboard on http://{shown}:{bound[1]}/ (Ctrl-C stops)", flush=True)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()

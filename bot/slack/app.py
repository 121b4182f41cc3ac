"""The Bolt app, its Web API client, and the two ways to run it: Socket Mode and HTTP.

Uses Bolt's asyncio flavour: one event loop takes every request and acknowledges it as soon as
its listener has claimed it (`process_before_response`: the claim is in the database before
Slack hears "200", so an event is never acked and then lost with its worker), while
`SlackAnswers` answers off the loop. HTTP mode is an aiohttp server bound to the configured
host and port (Bolt's `App.start()` is a development server on every interface).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.errors import ConfigError
from bot.slack.buttons import AnswerButtons
from bot.slack.events import SlackAnswers

if TYPE_CHECKING:
    from aiohttp import web
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.http_retry.async_handler import AsyncRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.service import AnswerService
    from bot.settings import SlackSettings

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"  # Bolt's default
HEALTH_PATH = "/health"
# Slack's largest payloads (an interaction carrying a whole 50-block message) are far below this.
MAX_BODY_BYTES = 1024 * 1024


def retry_handlers() -> list[AsyncRetryHandler]:
    """slack_sdk retries only connection errors by default; a 429 or a 5xx would raise at once."""
    from slack_sdk.http_retry.builtin_async_handlers import (
        AsyncConnectionErrorRetryHandler,
        AsyncRateLimitErrorRetryHandler,
        AsyncServerErrorRetryHandler,
    )

    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
        AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        AsyncServerErrorRetryHandler(max_retry_count=2),
    ]


def web_client(settings: SlackSettings) -> AsyncWebClient:
    from slack_sdk.web.async_client import AsyncWebClient

    return AsyncWebClient(
        token=settings.secret("bot_token"),
        base_url=settings.api_url,
        retry_handlers=retry_handlers(),
    )


@dataclass
class SlackBot:
    app: AsyncApp
    answers: SlackAnswers
    settings: SlackSettings

    async def check_token(self) -> None:
        """Fail at start-up, with the variable's name, when Slack rejects the bot token."""
        from slack_sdk.errors import SlackApiError

        try:
            await self.app.client.auth_test()
        except SlackApiError as err:
            raise ConfigError(
                f"SLACK_BOT_TOKEN was rejected by Slack ({err.response.get('error')})"
            ) from None

    async def aclose(self) -> None:
        await self.answers.stop_sweeping()
        await self.answers.runner.drain()
        self.answers.runner.seen.close()  # what is still held, the other workers take over


def build_bot(service: AnswerService, settings: SlackSettings, *, socket_mode: bool) -> SlackBot:
    from slack_bolt.async_app import AsyncApp

    app = AsyncApp(
        client=web_client(settings),
        signing_secret=settings.secret("signing_secret") or "",
        # Socket Mode messages arrive over an authenticated websocket and carry no signature.
        request_verification_enabled=not socket_mode,
        # Listeners run before the ack: they only claim the event and hand it on, in
        # milliseconds, so the ack means "claimed" (bot/dedup.py); buttons and /ask ack first.
        process_before_response=True,
        logger=logging.getLogger("bot.slack.bolt"),
    )
    app.error(_unhandled)
    answers = SlackAnswers(service, settings, retry_handlers=retry_handlers)
    answers.register(app)
    AnswerButtons(answers).register(app)
    return SlackBot(app, answers, settings)


async def _unhandled(error: Exception) -> Any:
    """A signed request that Bolt or a listener crashed on: a 400 and one log line, not
    Bolt's bare 500 (the asker, if any, was not reached: nothing was claimed)."""
    from slack_bolt.response import BoltResponse

    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    log.error(
        "Slack: a signed request could not be handled: %s %s", type(error).__name__, first_line
    )
    return BoltResponse(status=400, body="request could not be handled")


def build_web_app(bot: SlackBot, service: AnswerService) -> web.Application:
    """`POST /slack/events` into Bolt once its signature checks out, `GET /health`, and the
    dashboard under `/dashboard/` when it has a token.

    The signature is checked here, before Bolt parses the body: Bolt parses first, so a
    stranger's malformed body or header would otherwise be a 500 with a traceback.
    """
    from aiohttp import web
    from slack_bolt.adapter.aiohttp import to_aiohttp_response
    from slack_bolt.request.async_request import AsyncBoltRequest
    from slack_sdk.signature import SignatureVerifier

    from bot.errors import IndexUnavailable

    verifier = SignatureVerifier(bot.settings.secret("signing_secret") or "")

    def refuse(request: web.Request, status: int, why: str) -> web.Response:
        log.warning("Slack HTTP: request from %s refused (%s): %s", request.remote, status, why)
        return web.Response(status=status, text=why)

    async def events(request: web.Request) -> web.Response:
        if (request.content_length or 0) > MAX_BODY_BYTES:  # refused before it is read
            return refuse(request, 413, "body too large")
        try:
            body = (await request.read()).decode()
        except web.HTTPRequestEntityTooLarge:  # no length given, more than the cap sent
            return refuse(request, 413, "body too large")
        except UnicodeDecodeError:  # Slack signs UTF-8 text; nothing else can carry a signature
            return refuse(request, 401, "no valid signature (the body is not UTF-8 text)")
        try:
            signed = verifier.is_valid_request(body, request.headers)
        except (ValueError, TypeError):  # a non-numeric timestamp, a non-ASCII signature
            signed = False
        if not signed:
            return refuse(request, 401, "no valid signature")
        try:
            bolt_request = AsyncBoltRequest(
                body=body, query=request.query_string, headers=dict(request.headers)
            )
        except Exception as err:  # signed but not Slack's shape: Bolt raises whatever it hits
            return refuse(request, 400, f"body could not be parsed ({type(err).__name__})")
        try:
            response = await bot.app.async_dispatch(bolt_request)
        except Exception as err:  # Bolt crashed before its own error handling (its context)
            return refuse(request, 400, f"request could not be handled ({type(err).__name__})")
        return await to_aiohttp_response(response)

    async def health(request: web.Request) -> web.Response:
        try:  # the service reloads a newly built index here, off the loop
            await asyncio.get_running_loop().run_in_executor(None, lambda: service.retriever)
        except IndexUnavailable as err:
            log.error("health check: %s", err)
            return web.json_response({"ok": False, "error": "index unavailable"}, status=503)
        return web.json_response({"ok": True, "build": service.serving_build})

    web_app = web.Application(client_max_size=MAX_BODY_BYTES)
    web_app.add_routes([web.post(EVENTS_PATH, events), web.get(HEALTH_PATH, health)])
    from bot.dashboard.web import mount  # the curator's page, when EVBOT_DASHBOARD_TOKEN is set

    mount(web_app, service.settings, encode=service.embedder.encode)
    return web_app


class HttpServer:
    """The Events API endpoint on `host:port` (port 0 picks a free one; see `.port`)."""

    def __init__(self, bot: SlackBot, service: AnswerService, host: str, port: int) -> None:
        self.bot, self.service, self.host, self.port = bot, service, host, port
        self._runner: Any = None

    async def start(self) -> int:
        from aiohttp import web

        self._runner = web.AppRunner(build_web_app(self.bot, self.service), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.bot.answers.start_sweeping(self.bot.app.client)
        log.info("Slack HTTP mode: %s on http://%s:%s", EVENTS_PATH, self.host, self.port)
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        await self.bot.aclose()


class SocketModeRunner:
    """Holds the websocket to Slack (the aiohttp-based handler, which also closes quickly)."""

    def __init__(self, bot: SlackBot) -> None:
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

        self.bot = bot
        self.handler = AsyncSocketModeHandler(bot.app, bot.settings.secret("app_token"))

    async def start(self) -> None:
        await self.handler.connect_async()
        self.bot.answers.start_sweeping(self.bot.app.client)
        log.info("Slack Socket Mode: connected")

    async def stop(self) -> None:
        await self.handler.close_async()
        await self.bot.aclose()

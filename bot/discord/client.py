"""The thin discord.Client: intents, /ask, the buttons, events to the handlers, start and stop.

With DISCORD_SHARD_COUNT set it is discord.py's AutoShardedClient instead: the shards named by
DISCORD_SHARD_IDS (or all) over one connection each, in this process. Nothing else changes: the
buttons and follow-ups read their state from the shared store, so any shard may receive them.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

import discord
import yarl
from discord import app_commands

from bot.chat import messages
from bot.chat.message import Platform
from bot.chat.runner import AnswerRunner
from bot.connect import reach, with_retries
from bot.discord import delivery
from bot.discord.handlers import MessageHandler
from bot.discord.identify import IdentifyTurns
from bot.discord.interactions import InteractionHandler
from bot.discord.render import NO_MENTIONS
from bot.discord.views import BUTTONS
from bot.errors import ConfigError
from bot.service import AnswerService
from bot.settings import MAX_QUESTION_CHARS, DiscordSettings

log = logging.getLogger(__name__)


class _NoVoiceWarnings(logging.Filter):
    """A text-only bot needs no voice libraries: drop discord.py's start-up warnings about them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


logging.getLogger("discord.client").addFilter(_NoVoiceWarnings())


def use_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py's REST and gateway at the configured URLs (a proxy, or a local fake)."""
    discord.http.Route.BASE = settings.api_url
    # discord.py 2.x never asks REST for the gateway (but with DISCORD_SHARD_COUNT=auto): it
    # opens DEFAULT_GATEWAY.
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def intents_for(settings: DiscordSettings) -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True  # channel and thread cache, and new forum posts (THREAD_CREATE)
    intents.guild_messages = True  # mentions, auto-answer channels, thread follow-ups
    intents.dm_messages = True
    # Privileged: the text of messages that do not mention the bot (auto-answer, follow-ups).
    intents.message_content = settings.message_content
    return intents


@app_commands.command(name="ask", description=messages.ASK_COMMAND)
@app_commands.describe(question=messages.ASK_QUESTION, ephemeral=messages.ASK_PRIVATELY)
@app_commands.allowed_contexts(guilds=True, dms=True, private_channels=False)
async def ask(
    interaction: discord.Interaction[EvBotClient],
    question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
    ephemeral: bool = False,
) -> None:
    await interaction.client.interactions.ask_command(interaction, question, ephemeral)


class EvBotClient(discord.Client):
    def __init__(self, service: AnswerService, settings: DiscordSettings, **options: Any) -> None:
        super().__init__(intents=intents_for(settings), allowed_mentions=NO_MENTIONS, **options)
        self.settings = settings
        self.runner = AnswerRunner(service, Platform.DISCORD, settings)
        self.messages = MessageHandler(self.runner, settings)
        self.interactions = InteractionHandler(self.runner, settings)
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(ask)
        self.tree.on_error = self._on_command_error  # type: ignore[method-assign]

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*BUTTONS)
        if not self.registers_commands:
            return
        try:
            if self.settings.guild_id:
                guild = discord.Object(id=self.settings.guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
            else:
                await self.tree.sync()
        except discord.HTTPException as err:  # mentions and DMs still work without /ask
            log.error(
                "could not register /ask (%s %s): re-invite with `evbot discord invite`",
                err.status,
                err.text,
            )

    @property
    def registers_commands(self) -> bool:
        """Whether this process registers /ask: the one running shard 0, when shards are split
        over processes (the others would only repeat the same registration)."""
        ids = self.settings.shard_ids
        return not ids or 0 in ids

    async def on_ready(self) -> None:
        if not self.settings.sharded:
            log.info("connected as %s to %d server(s)", self.user, len(self.guilds))
            return
        log.info(
            "connected as %s to %d server(s) on shard(s) %s of %s",
            self.user,
            len(self.guilds),
            ",".join(map(str, getattr(self, "shard_ids", None) or range(self.shard_count or 1))),
            self.shard_count,
        )

    async def on_message(self, message: discord.Message) -> None:
        await self.messages.on_message(self, message)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        # The raw event, for every edit: on_message_edit is only called for messages still in
        # the cache (the last 1,000, since the last restart).
        await self.messages.on_raw_message_edit(self, payload)

    async def on_thread_create(self, thread: discord.Thread) -> None:
        await self.messages.on_thread_create(self, thread)

    async def _on_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        log.error(
            "/%s failed", interaction.command.name if interaction.command else "?", exc_info=error
        )
        await delivery.tell(interaction, messages.SORRY)

    async def close(self) -> None:
        await self.runner.drain()  # finish answers in flight while the connection still exists
        await super().close()


class ShardedEvBotClient(EvBotClient, discord.AutoShardedClient):
    """The same bot over several gateway connections (shards), as discord.py runs them.

    Each IDENTIFY first takes its rate-limit bucket's turn in the shared store, so shard
    processes started together space their session starts as Discord asks (bot.discord.identify).
    """

    def __init__(self, service: AnswerService, settings: DiscordSettings, **options: Any) -> None:
        super().__init__(service, settings, **options)
        self.identify_turns = IdentifyTurns(service.query_log, self._max_concurrency)

    async def _max_concurrency(self) -> int:
        return (await self.fetch_session_start_limits()).max_concurrency

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        bot_id = self.user.id if self.user else None
        if shard_id is None or not await self.identify_turns.take(
            bot_id, shard_id, self.shard_count or 1
        ):
            await super().before_identify_hook(shard_id, initial=initial)  # discord.py's spacing

    async def on_shard_ready(self, shard_id: int) -> None:
        log.info("shard %d of %s connected", shard_id, self.shard_count)


def new_client(service: AnswerService, settings: DiscordSettings, **options: Any) -> EvBotClient:
    """The bot's client: one plain connection, or discord.py's sharding when it is configured."""
    if not settings.sharded:
        return EvBotClient(service, settings, **options)
    count = settings.shard_count
    # `auto`: discord.py asks Discord (GET /gateway/bot) for the count, and connects to the
    # gateway address that answer names.
    options["shard_count"] = None if count == "auto" else count
    if settings.shard_ids:
        options["shard_ids"] = list(settings.shard_ids)
    return ShardedEvBotClient(service, settings, **options)


async def serve(service: AnswerService, settings: DiscordSettings, token: str) -> int:
    """Log in (a bad token fails fast), load the model, then stay connected until a signal."""
    use_endpoints(settings)
    client = new_client(service, settings)
    loop = asyncio.get_running_loop()
    stopping: set[asyncio.Task[None]] = set()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: stopping.add(loop.create_task(client.close())))
    retrying = {"platform": "Discord", "url": settings.api_url}
    async with client:
        # Retry a bare connection until Discord's host answers: retrying `login` itself would
        # leave one open aiohttp session behind per failed try.
        await with_retries(
            lambda: reach(settings.api_url),
            attempts=settings.connect_attempts,
            first_delay=settings.connect_retry_seconds,
            **retrying,
        )
        try:
            await with_retries(lambda: client.login(token), attempts=1, first_delay=0, **retrying)
        except discord.LoginFailure:
            raise ConfigError(
                "Discord rejected DISCORD_TOKEN (401): copy a fresh token from the Developer "
                "Portal (Bot → Reset Token)"
            ) from None
        await asyncio.to_thread(service.warm_up)  # the ~5 s model load, off the event loop
        try:
            await client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired:
            raise ConfigError(
                "the Message Content intent is not enabled for this bot: enable it in the "
                "Developer Portal (Bot → Privileged Gateway Intents) or set "
                "DISCORD_MESSAGE_CONTENT=false"
            ) from None
    await asyncio.gather(*stopping)
    return 0

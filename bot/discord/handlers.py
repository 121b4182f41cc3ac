"""Discord events -> `AnswerService` calls -> replies. No retrieval logic lives here.

Answer work runs on a small thread pool so the event loop (and the gateway heartbeat) never
waits on a question. Every failure ends in a short message to the asker and a log line.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

import discord

from bot.answer import Answer
from bot.discord.config import DiscordConfig
from bot.discord.cooldown import Cooldown, polite_wait
from bot.discord.render import NO_MENTIONS, answer_embed, text_message
from bot.discord.views import answer_view
from bot.errors import BadQuestion, IndexUnavailable, UnknownAnswer
from bot.service import AnswerService

log = logging.getLogger(__name__)
T = TypeVar("T")

FAILED = "Sorry, something went wrong while answering that; the error has been logged."
CLOSING = "I'm restarting right now: please ask again in a minute."
FORGOTTEN = "I no longer have that answer on record: please ask the question again."
THREADS = {
    discord.ChannelType.public_thread,
    discord.ChannelType.private_thread,
    discord.ChannelType.news_thread,
}


def user_key(user: discord.abc.User) -> str:
    return f"discord:{user.id}"


def failure_text(err: Exception) -> str:
    """What the asker sees when a question cannot be answered."""
    if isinstance(err, BadQuestion):
        return f"I can't answer that: {err}."
    if isinstance(err, IndexUnavailable):
        return "I can't search my sources right now; the operator has been told why."
    return FAILED


class Answerer:
    def __init__(self, service: AnswerService, config: DiscordConfig) -> None:
        self.service = service
        self.config = config
        self.cooldown = Cooldown(config.cooldown_questions, config.cooldown_seconds)
        self._executor = ThreadPoolExecutor(config.workers, thread_name_prefix="evbot-discord")
        self._inflight: set[asyncio.Task[Any]] = set()
        self.closing = False

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking answer-layer work off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    @contextmanager
    def _tracked(self) -> Iterator[None]:
        """Count the current task as in flight, so shutdown lets it finish."""
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            yield
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def drain(self, timeout: float = 10.0) -> None:
        """Stop taking questions, let those in flight finish (bounded), then stop the pool."""
        self.closing = True
        tasks = {t for t in self._inflight if t is not asyncio.current_task()}
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                log.warning("shutting down: cancelled an answer still in flight")
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        # Off the loop: a thread still finishing an answer must not stall the gateway heartbeat.
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)

    def _ask_sync(
        self,
        question: str,
        user: str,
        conversation: str,
        history: list[str] | None = None,
        citations: int | None = None,
    ) -> Answer:
        if history is None:
            history = self.service.query_log.conversation_questions(conversation)
        return self.service.ask(
            question,
            history,
            source="discord",
            user=user,
            conversation=conversation,
            citations=citations,
        )

    # --- messages: @mentions, DMs, follow-ups in threads -------------------------------------

    async def on_message(self, client: discord.Client, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or client.user is None:
            return  # never answer ourselves or other bots: no loops, no floods
        me = client.user.id
        mentioned = me in message.raw_mentions
        in_dm = message.guild is None
        in_thread = getattr(message.channel, "type", None) in THREADS
        if not (in_dm or in_thread or mentioned):
            return
        question = re.sub(rf"<@!?{me}>", " ", message.content).strip()
        # A thread opened on a question message has that message's id, so both share one key.
        conversation = f"discord:{message.channel.id if (in_dm or in_thread) else message.id}"
        with self._tracked():
            if self.closing and (mentioned or in_dm):  # the answer pool is shutting down
                await self._reply_text(message, CLOSING)
                return
            try:
                history: list[str] = []
                if in_dm or in_thread:
                    history = await self._run(
                        self.service.query_log.conversation_questions, conversation
                    )
                if in_thread and not mentioned and (not history or not question):
                    return  # a thread we never answered in, or no content (intent off)
                await self._answer_message(message, question, conversation, history)
            except Exception:
                log.exception("answering message %s failed", message.id)
                await self._reply_text(message, FAILED)

    async def _answer_message(
        self, message: discord.Message, question: str, conversation: str, history: list[str]
    ) -> None:
        wait = self.cooldown.retry_after(message.author.id)
        if wait:
            log.info("cooldown: user %s asked too often", message.author.id)
            await self._reply_text(message, polite_wait(wait))
            return
        try:
            answer = await self._run(
                self._ask_sync, question, user_key(message.author), conversation, history
            )
        except Exception as err:
            self._log_failure(err, f"message {message.id}")
            await self._reply_text(message, failure_text(err))
            return
        await self._reply(message, embed=answer_embed(answer), view=answer_view(answer))

    def _log_failure(self, err: Exception, what: str) -> None:
        if isinstance(err, BadQuestion):
            log.info("%s: bad question: %s", what, err)
        elif isinstance(err, IndexUnavailable):
            log.error("%s: index unavailable: %s", what, err)
        else:
            log.error("%s: answering failed", what, exc_info=err)

    async def _reply(self, message: discord.Message, **kwargs: Any) -> None:
        reference = message.to_reference(fail_if_not_exists=False)
        try:
            await message.channel.send(reference=reference, allowed_mentions=NO_MENTIONS, **kwargs)
        except discord.HTTPException as err:
            log.error(
                "could not reply to message %s in channel %s: %s %s",
                message.id,
                message.channel.id,
                err.status,
                err.text,
            )
            if "embed" in kwargs and isinstance(err, discord.Forbidden):
                await self._reply_text(message, "I need the Embed Links permission here.")

    async def _reply_text(self, message: discord.Message, text: str) -> None:
        try:
            await message.channel.send(
                text_message(text),
                reference=message.to_reference(fail_if_not_exists=False),
                allowed_mentions=NO_MENTIONS,
            )
        except discord.HTTPException as err:
            log.error("could not reply to message %s: %s %s", message.id, err.status, err.text)

    # --- interactions: /ask and the answer's buttons -----------------------------------------

    def _interaction_conversation(self, interaction: discord.Interaction[Any]) -> tuple[str, bool]:
        """The conversation key, and whether earlier questions in it give context."""
        channel_type = getattr(interaction.channel, "type", None)
        if interaction.guild_id is None or channel_type in THREADS:
            return f"discord:{interaction.channel_id}", True
        return f"discord:{interaction.id}", False

    async def ask_command(
        self, interaction: discord.Interaction[Any], question: str, ephemeral: bool
    ) -> None:
        with self._tracked():
            if self.closing:
                await self._respond_now(interaction, CLOSING)
                return
            wait = self.cooldown.retry_after(interaction.user.id)
            if wait:
                await self._respond_now(interaction, polite_wait(wait))
                return
            # Acknowledge within Discord's 3 seconds, before any work.
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            conversation, threaded = self._interaction_conversation(interaction)
            await self._answer_interaction(
                interaction,
                ephemeral,
                self._ask_sync,
                question,
                user_key(interaction.user),
                conversation,
                None if threaded else [],
            )

    async def more_sources(
        self, interaction: discord.Interaction[Any], answer_id: str, count: int
    ) -> None:
        with self._tracked():
            ephemeral = bool(interaction.message and interaction.message.flags.ephemeral)
            wait = self.cooldown.retry_after(interaction.user.id)
            if wait:
                await self._respond_now(interaction, polite_wait(wait))
                return
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            await self._answer_interaction(
                interaction,
                ephemeral,
                self._more_sync,
                answer_id,
                user_key(interaction.user),
                count,
            )

    def _more_sync(self, answer_id: str, user: str, count: int) -> Answer:
        context = self.service.query_log.answer_context(answer_id)
        if context is None:
            raise UnknownAnswer(f"no answer with id {answer_id!r}")
        question, conversation, history = context
        return self._ask_sync(question, user, conversation or "", history, citations=count)

    async def _answer_interaction(
        self,
        interaction: discord.Interaction[Any],
        ephemeral: bool,
        fn: Callable[..., Answer],
        *args: Any,
    ) -> None:
        try:
            answer = await self._run(fn, *args)
        except Exception as err:
            self._log_failure(err, f"interaction {interaction.id}")
            text = FORGOTTEN if isinstance(err, UnknownAnswer) else failure_text(err)
            await self._follow_up(interaction, content=text_message(text), ephemeral=True)
            return
        await self._follow_up(
            interaction, embed=answer_embed(answer), view=answer_view(answer), ephemeral=ephemeral
        )

    async def vote(
        self, interaction: discord.Interaction[Any], answer_id: str, helpful: bool
    ) -> None:
        with self._tracked():
            await interaction.response.defer(ephemeral=True, thinking=True)
            try:
                await self._run(
                    self.service.record_feedback, answer_id, user_key(interaction.user), helpful
                )
                text = f"Thanks: recorded as {'helpful' if helpful else 'not helpful'}."
            except UnknownAnswer:
                log.warning("vote for unknown answer %s", answer_id)
                text = FORGOTTEN
            except Exception:
                log.exception("storing a vote for answer %s failed", answer_id)
                text = "Sorry, I could not store your vote; the error has been logged."
            await self._follow_up(interaction, content=text, ephemeral=True)

    async def _respond_now(self, interaction: discord.Interaction[Any], text: str) -> None:
        try:
            await interaction.response.send_message(
                text_message(text), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
        except discord.HTTPException as err:
            log.error("could not respond to interaction %s: %s", interaction.id, err.status)

    async def _follow_up(self, interaction: discord.Interaction[Any], **kwargs: Any) -> None:
        try:
            await interaction.followup.send(allowed_mentions=NO_MENTIONS, **kwargs)
        except discord.HTTPException as err:
            log.error(
                "could not send the answer to interaction %s: %s %s",
                interaction.id,
                err.status,
                err.text,
            )

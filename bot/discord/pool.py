"""The answer layer as the Discord handlers use it: off the event loop, bounded, drained on exit.

Answer work runs on a small thread pool so the event loop (and the gateway heartbeat) never
waits on a question; every handler counts itself in flight so shutdown lets it finish.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

import discord

from bot.answer import Answer
from bot.discord.cooldown import Cooldown
from bot.service import AnswerService
from bot.settings import DiscordSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

CLOSING = "I'm restarting right now: please ask again in a minute."


def user_key(user: discord.abc.User) -> str:
    return f"discord:{user.id}"


class AnswerPool:
    def __init__(self, service: AnswerService, settings: DiscordSettings) -> None:
        self.service = service
        self.step = service.settings.citations  # citations per answer, and per "More sources"
        self.cooldown = Cooldown(settings.cooldown_questions, settings.cooldown_seconds)
        self._executor = ThreadPoolExecutor(settings.workers, thread_name_prefix="evbot-discord")
        self._inflight: set[asyncio.Task[Any]] = set()
        self.closing = False

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking answer-layer work off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    @contextmanager
    def tracked(self) -> Iterator[None]:
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

    async def ask(
        self, question: str, user: str, conversation: str, history: list[str] | None
    ) -> Answer:
        """Answer in a conversation; `history=None` reads its earlier questions from the log."""
        return await self.run(self._ask_sync, question, user, conversation, history)

    async def reask(self, answer_id: str, user: str, citations: int | None) -> Answer:
        """An earlier answer's question again, in its context ("More sources", "Share")."""
        return await self.run(
            self.service.reask, answer_id, citations=citations, source="discord", user=user
        )

    def _ask_sync(
        self, question: str, user: str, conversation: str, history: list[str] | None
    ) -> Answer:
        if history is None:
            history = self.service.query_log.conversation_questions(conversation)
        return self.service.ask(
            question, history, source="discord", user=user, conversation=conversation
        )

"""Slack listeners for questions: mentions, DMs, auto-answer channels, thread follow-ups, `/ask`.

Every listener acknowledges at once and hands the work to a tracked asyncio task; the CPU-bound
`AnswerService` calls (and the query-log reads) run in a small thread pool, so the event loop
(and Slack's 3-second acknowledgement for everyone else) is never blocked. A follow-up's context
is the conversation's earlier questions in the query log, one conversation per thread. Every
failure ends in a short message to the asker and a log line saying why.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import uuid
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from bot.answer import Answer
from bot.chat.clean import clean_question
from bot.chat.message import Platform
from bot.conversation import looks_like_question
from bot.dedup import seen_keys_for
from bot.errors import SORRY, asker_message, log_unanswered
from bot.slack.delivery import Delivery
from bot.slack.policy import Kind, classify_message, from_a_person, may_answer_in
from bot.slack.render import Block, View, render_answer, render_notice
from bot.slack.working import working

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.http_retry.async_handler import AsyncRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.service import AnswerService
    from bot.settings import SlackSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

NOT_ENABLED = "I'm not enabled in this channel. Ask me in a DM, or in a channel where I answer."
_PRIVATE = re.compile(r"^\s*(--private|-p)\b\s*|\s+(--private|-p)\s*$")


def parse_private(text: str) -> tuple[bool, str]:
    """`/ask --private question` (or `-p`, first or last) answers only the asker."""
    stripped = _PRIVATE.sub(" ", text)
    return stripped != text, stripped.strip()


def conversation_key(channel: str, ts: str, thread_ts: str | None, kind: Kind) -> str:
    """One query-log conversation per thread (its root's ts); a DM's top level is one too."""
    if thread_ts:
        return f"slack:{channel}:{thread_ts}"
    return f"slack:{channel}:dm" if kind is Kind.DM else f"slack:{channel}:{ts}"


class SlackAnswers:
    """Turns Slack events into `service.ask` calls and posts the rendered answers."""

    def __init__(
        self,
        service: AnswerService,
        settings: SlackSettings,
        *,
        retry_handlers: Callable[[], list[AsyncRetryHandler]],
    ) -> None:
        self.service = service
        self.settings = settings
        self.delivery = Delivery(retry_handlers)
        self.seen = seen_keys_for(service.query_log, "slack")
        self._pool = ThreadPoolExecutor(
            max_workers=settings.workers, thread_name_prefix="evbot-slack"
        )
        self._tasks: set[asyncio.Task[None]] = set()

    # -- plumbing -------------------------------------------------------------------------------

    def register(self, app: AsyncApp, command: str = "/ask") -> None:
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.command(command)(self.on_command)

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        """Run `work` after the ack; the set keeps the task alive until it ends."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("an answer task failed", exc_info=task.exception())

    async def drain(self) -> None:
        """Wait for every answer under way (graceful shutdown, and tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    async def in_pool(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    # -- listeners (each returns at once; Bolt has acked events already) -------------------------

    async def on_mention(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        if not from_a_person(event, context.get("bot_user_id")):
            return  # another bot mentioning us: no loops
        channel = event.get("channel", "")
        if not may_answer_in(self.settings, channel):
            if self._first_time(event):  # a short note to the mentioner, once
                self.spawn(
                    self.delivery.tell(
                        context["client"],
                        channel,
                        event.get("user"),
                        event.get("thread_ts"),
                        NOT_ENABLED,
                    )
                )
            return
        self._take_up(event, context, Kind.MENTION)

    async def on_message(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        kind = classify_message(event, context.get("bot_user_id"), self.settings)
        if kind is not None:
            self._take_up(event, context, kind)

    def _first_time(self, event: dict[str, Any]) -> bool:
        # Retries and the `message` twin of an `app_mention` share the channel and message ts.
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if self.seen.first_time(f"{channel}:{ts}"):
            return True
        log.info("already took up message %s in %s; retry or twin event ignored", ts, channel)
        return False

    def _take_up(self, event: dict[str, Any], context: dict[str, Any], kind: Kind) -> None:
        if self._first_time(event):
            self.spawn(self._answer_message(context["client"], event, context, kind))

    async def on_command(
        self, ack: Callable[..., Any], command: dict[str, Any], context: dict[str, Any]
    ) -> None:
        if not may_answer_in(self.settings, command.get("channel_id", "")):
            await ack(text=NOT_ENABLED)  # an ack's text is shown only to the person who typed it
            return
        private, question = parse_private(command.get("text", ""))
        if not question:
            await ack(text=f"Ask a question: {command.get('command', '/ask')} [--private] …")
            return
        await ack()
        self.spawn(self._answer_command(context["client"], command, question, private))

    # -- the work -------------------------------------------------------------------------------

    async def _answer_message(
        self, client: AsyncWebClient, event: dict[str, Any], context: dict[str, Any], kind: Kind
    ) -> None:
        try:
            await self._answer_in_context(client, event, context, kind)
        except Exception:  # never silent: whatever broke, the asker hears about it
            log.exception("answering a %s in %s failed", kind, event.get("channel"))
            channel, user = event.get("channel", ""), event.get("user")
            await self.delivery.tell(client, channel, user, event.get("thread_ts"), SORRY)

    async def _answer_in_context(
        self, client: AsyncWebClient, event: dict[str, Any], context: dict[str, Any], kind: Kind
    ) -> None:
        channel, ts, user = event.get("channel", ""), event.get("ts", ""), event.get("user")
        thread_ts = event.get("thread_ts")
        conversation = conversation_key(channel, ts, thread_ts, kind)
        question = clean_question(event.get("text") or "", Platform.SLACK)
        history: list[str] | None = []
        # An unmentioned thread reply must ask something ("thanks!" does not) before the log
        # is even read; then it is a follow-up only where the bot answered and nobody handed
        # the thread to a human.
        if kind is Kind.THREAD and not looks_like_question(question):
            return
        if thread_ts or kind is Kind.DM:
            query_log = self.service.query_log
            thread = kind is Kind.THREAD
            read = query_log.follow_up_context if thread else query_log.conversation_questions
            try:
                history = await self.in_pool(read, conversation)
            except Exception:
                log.exception("could not read conversation %s from the query log", conversation)
                if thread:
                    return  # we cannot tell whether the thread is ours: stay out of it
        if history is None:
            return
        reply_in = thread_ts or (None if kind is Kind.DM else ts)
        async with working(client, channel, ts, self.settings.working_reaction):
            result = await self.ask(question, history, user=user, conversation=conversation)
            text, blocks = render(result)
            await self.delivery.post(client, channel, reply_in, text, blocks, asker=user)

    async def _answer_command(
        self, client: AsyncWebClient, command: dict[str, Any], question: str, private: bool
    ) -> None:
        user, channel = command.get("user_id"), command.get("channel_id", "")
        # Each /ask is a conversation of its own: two people's commands never share context.
        conversation = f"slack:{channel}:ask:{uuid.uuid4().hex}"
        result = await self.ask(question, (), user=user, conversation=conversation)
        text, blocks = render(result, View(show_question=True, private=private))
        public = isinstance(result, Answer) and not private  # a failure note: to the asker alone
        sent = await self.delivery.respond(
            command.get("response_url", ""),
            text=text,
            blocks=blocks,
            response_type="in_channel" if public else "ephemeral",
        )
        if not sent:
            await self.delivery.tell(
                client, channel, user, None, "Sorry, I couldn't post the answer here."
            )

    # -- shared with the buttons ----------------------------------------------------------------

    async def ask(
        self,
        question: str,
        history: Sequence[str],
        *,
        user: str | None,
        conversation: str | None,
    ) -> Answer | str:
        """The answer, or a short note saying why there is none (the log says why)."""
        return await self._answer_or_note(
            question[:80],
            functools.partial(
                self.service.ask,
                question,
                tuple(history),
                source="slack",
                user=user,
                conversation=conversation,
            ),
        )

    async def reask(self, answer_id: str, *, user: str | None, citations: int) -> Answer | str:
        """An earlier answer's question again, with `citations` sources (More sources, Share)."""
        return await self._answer_or_note(
            f"answer {answer_id}",
            functools.partial(
                self.service.reask, answer_id, citations=citations, source="slack", user=user
            ),
        )

    async def _answer_or_note(self, what: str, call: Callable[[], Answer]) -> Answer | str:
        try:
            return await self.in_pool(call)
        except Exception as err:
            log_unanswered(log, err, what)
            return asker_message(err)


def render(result: Answer | str, view: View | None = None) -> tuple[str, list[Block]]:
    """An answer as Block Kit, or a failure note; a rendering bug still ends in a note."""
    if isinstance(result, str):
        return render_notice(result)
    try:
        return render_answer(result, view)
    except Exception:
        log.exception("rendering answer %s failed", result.id)
        return render_notice(SORRY)

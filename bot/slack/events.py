"""Slack listeners: mentions, DMs, thread follow-ups, `/ask`, and the answer buttons.

Every listener acknowledges at once and hands the work to a tracked asyncio task; the CPU-bound
`AnswerService` calls run in a small thread pool, so the event loop (and Slack's 3-second
acknowledgement for everyone else) is never blocked. Every failure ends in a short message to
the asker and a log line saying why.
"""

from __future__ import annotations

import asyncio
import functools
import html
import json
import logging
import re
from collections import OrderedDict, deque
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from bot.answer import Answer
from bot.errors import BadQuestion, IndexUnavailable, UnknownAnswer
from bot.slack.dedup import SeenKeys
from bot.slack.render import (
    BUTTON_VALUE_LIMIT,
    HELPFUL,
    MAX_CITATIONS,
    MORE_SOURCES,
    NOT_HELPFUL,
    Block,
    render_answer,
    render_notice,
)

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.http_retry.async_handler import AsyncRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.service import AnswerService

log = logging.getLogger(__name__)
T = TypeVar("T")

SORRY = "Sorry, something went wrong while answering that. Please try again in a moment."
NO_INDEX = "Sorry, I can't search the sources right now (the index is unavailable); try later."
HISTORY_TURNS = 5  # earlier questions handed to the service as a follow-up's context
MORE_STEP = 3  # citations added by each "More sources" click
_LINK = re.compile(r"<(https?://[^|>]+)(?:\|([^>]*))?>")
_PRIVATE = re.compile(r"^\s*(--private|-p)\b\s*|\s+(--private|-p)\s*$")


def clean_question(text: str, bot_user_id: str | None) -> str:
    """Slack's message text -> the question: no bot mention, links as their labels, unescaped."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    return html.unescape(text).strip()


def parse_private(text: str) -> tuple[bool, str]:
    """`/ask --private question` (or `-p`, first or last) answers only the asker."""
    stripped = _PRIVATE.sub(" ", text)
    return stripped != text, stripped.strip()


def _ts(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


class SlackAnswers:
    """Turns Slack events into `service.ask` calls and posts the rendered answers."""

    def __init__(
        self,
        service: AnswerService,
        *,
        retry_handlers: Callable[[], list[AsyncRetryHandler]],
        workers: int = 2,
    ) -> None:
        self.service = service
        self.retry_handlers = retry_handlers
        self.seen = SeenKeys()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="evbot-slack")
        self._tasks: set[asyncio.Task[None]] = set()
        # Top-level DM conversations have no thread to read back, so their questions are kept.
        self._dm_history: dict[str, deque[str]] = {}
        # Questions too long to travel in a button value, for "More sources".
        self._asked: OrderedDict[str, tuple[str, tuple[str, ...]]] = OrderedDict()

    # -- plumbing -------------------------------------------------------------------------------

    def register(self, app: AsyncApp, command: str = "/ask") -> None:
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.command(command)(self.on_command)
        app.action(HELPFUL)(self.on_feedback)
        app.action(NOT_HELPFUL)(self.on_feedback)
        app.action(MORE_SOURCES)(self.on_more_sources)

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
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

    async def _in_pool(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    # -- listeners (each returns at once; Bolt has acked events already) -------------------------

    async def on_mention(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        self._take_up(event, context, kind="mention")

    async def on_message(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        if event.get("subtype") or event.get("bot_id") or not event.get("user"):
            return  # edits, joins, bots (ourselves included): not questions
        bot_user_id = context.get("bot_user_id")
        if event.get("channel_type") == "im":
            self._take_up(event, context, kind="dm")
        elif bot_user_id and f"<@{bot_user_id}" in event.get("text", ""):
            return  # the app_mention event for this same message answers it
        elif event.get("thread_ts") and event.get("thread_ts") != event.get("ts"):
            self._take_up(event, context, kind="thread")

    def _take_up(self, event: dict[str, Any], context: dict[str, Any], *, kind: str) -> None:
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if not self.seen.first_time(f"{channel}:{ts}"):
            log.info("already answering message %s in %s; retry or twin event ignored", ts, channel)
            return
        self.spawn(self._answer_message(context["client"], event, context, kind))

    async def on_command(
        self, ack: Callable[..., Any], command: dict[str, Any], context: dict[str, Any]
    ) -> None:
        private, question = parse_private(command.get("text", ""))
        if not question:
            await ack(text=f"Ask a question: {command.get('command', '/ask')} [--private] …")
            return
        await ack()
        self.spawn(self._answer_command(context["client"], command, question, private))

    async def on_feedback(
        self, ack: Callable[..., Any], body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        await ack()
        self.spawn(self._record_feedback(body, action))

    async def on_more_sources(
        self,
        ack: Callable[..., Any],
        body: dict[str, Any],
        action: dict[str, Any],
        context: dict[str, Any],
    ) -> None:
        await ack()
        self.spawn(self._more_sources(context["client"], body, action))

    # -- the work -------------------------------------------------------------------------------

    async def _answer_message(
        self, client: AsyncWebClient, event: dict[str, Any], context: dict[str, Any], kind: str
    ) -> None:
        try:
            await self._answer_in_context(client, event, context, kind)
        except Exception:  # never silent: whatever broke, the asker hears about it
            log.exception("answering a %s in %s failed", kind, event.get("channel"))
            await self._tell(
                client, event.get("channel", ""), event.get("user"), event.get("thread_ts"), SORRY
            )

    async def _answer_in_context(
        self, client: AsyncWebClient, event: dict[str, Any], context: dict[str, Any], kind: str
    ) -> None:
        from slack_sdk.errors import SlackApiError

        channel, ts, user = event["channel"], event["ts"], event.get("user")
        thread_ts = event.get("thread_ts")
        bot_user_id = context.get("bot_user_id")
        question = clean_question(event.get("text", ""), bot_user_id)
        history: list[str] = []
        if thread_ts and thread_ts != ts:
            try:
                replies = await client.conversations_replies(
                    channel=channel, ts=thread_ts, limit=100
                )
            except SlackApiError as err:
                log.error("conversations.replies failed in %s: %s", channel, _slack_error(err))
                if kind == "thread":
                    return  # we cannot tell whether the thread is ours: stay out of it
                replies = {"messages": []}
            messages = replies.get("messages") or []
            if kind == "thread" and not any(_is_bot(m, context) for m in messages):
                return  # a thread the bot has no part in: people talking among themselves
            history = [
                clean_question(m.get("text", ""), bot_user_id)
                for m in messages
                if not _is_bot(m, context) and not m.get("subtype") and _ts(m.get("ts")) < _ts(ts)
            ][-HISTORY_TURNS:]
        elif kind == "dm":
            history = list(self._dm_history.get(channel, ()))
        reply_in = thread_ts or (None if kind == "dm" else ts)
        conversation = f"slack:{channel}:{thread_ts or ('dm' if kind == 'dm' else ts)}"
        answer, text, blocks = await self._ask_and_render(
            question, history, user=user, conversation=conversation
        )
        if kind == "dm" and not thread_ts and answer is not None:
            self._dm_history.setdefault(channel, deque(maxlen=HISTORY_TURNS)).append(question)
        await self._post(client, channel, user, reply_in, text, blocks)

    async def _answer_command(
        self, client: AsyncWebClient, command: dict[str, Any], question: str, private: bool
    ) -> None:
        user, channel = command.get("user_id"), command.get("channel_id", "")
        _, text, blocks = await self._ask_and_render(
            question, [], user=user, conversation=f"slack:{channel}:command", question_by=user
        )
        sent = await self._respond(
            command.get("response_url", ""),
            text=text,
            blocks=blocks,
            response_type="ephemeral" if private else "in_channel",
        )
        if not sent:
            await self._tell(client, channel, user, None, "Sorry, I couldn't post the answer here.")

    async def _record_feedback(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        helpful = action.get("action_id") == HELPFUL
        user = (body.get("user") or {}).get("id")
        try:
            await self._in_pool(
                self.service.record_feedback, action.get("value", ""), user, helpful
            )
            note = "Thanks, your feedback is recorded."
        except UnknownAnswer:
            log.warning(
                "feedback for an answer the query log does not have: %s", action.get("value")
            )
            note = "Sorry, I no longer have that answer on record, so the vote was not counted."
        except Exception:
            log.exception("could not record feedback")
            note = "Sorry, I couldn't record that vote. Please try again later."
        text, blocks = render_notice(note)
        await self._respond(
            body.get("response_url", ""),
            text=text,
            blocks=blocks,
            response_type="ephemeral",
            replace_original=False,
        )

    async def _more_sources(
        self, client: AsyncWebClient, body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        user = (body.get("user") or {}).get("id")
        channel = (body.get("channel") or {}).get("id", "")
        asked = self._unpack_more(action.get("value", ""))
        if asked is None:
            text, blocks = render_notice("Sorry, I no longer have that question; please ask again.")
            await self._respond(
                body.get("response_url", ""), text=text, blocks=blocks, replace_original=False
            )
            return
        question, history, shown, question_by = asked
        _, text, blocks = await self._ask_and_render(
            question,
            history,
            user=user,
            conversation=f"slack:{channel}:more",
            citations=min(MAX_CITATIONS, shown + MORE_STEP),
            question_by=question_by,
        )
        if not await self._respond(
            body.get("response_url", ""), text=text, blocks=blocks, replace_original=True
        ):
            await self._tell(client, channel, user, None, "Sorry, I couldn't show more sources.")

    # -- shared steps ---------------------------------------------------------------------------

    async def _ask_and_render(
        self,
        question: str,
        history: Sequence[str],
        *,
        user: str | None,
        conversation: str,
        citations: int | None = None,
        question_by: str | None = None,
    ) -> tuple[Answer | None, str, list[Block]]:
        """The rendered answer, or a short notice saying why there is none (the log says why)."""
        try:
            answer = await self._in_pool(
                self.service.ask,
                question,
                tuple(history),
                source="slack",
                user=user,
                conversation=conversation,
                citations=citations,
            )
        except BadQuestion as err:
            return None, *render_notice(str(err))
        except IndexUnavailable as err:
            log.error("cannot answer: %s", err)
            return None, *render_notice(NO_INDEX)
        except Exception:
            log.exception("answering %r failed", question[:80])
            return None, *render_notice(SORRY)
        shown = len(answer.citations) or (citations or self.service.settings.citations)
        more = self._pack_more(answer, history, shown, question_by)
        text, blocks = render_answer(answer, more_value=more, question_by=question_by)
        return answer, text, blocks

    def _pack_more(
        self, answer: Answer, history: Sequence[str], shown: int, question_by: str | None
    ) -> str:
        """The More sources button's value: the question itself when it fits (survives restarts)."""
        value = json.dumps(
            {"q": answer.question, "h": list(history)[-2:], "k": shown, "b": question_by}
        )
        if len(value) <= BUTTON_VALUE_LIMIT:
            return value
        self._asked[answer.id] = (answer.question, tuple(history))
        while len(self._asked) > 10_000:
            self._asked.popitem(last=False)
        return json.dumps({"id": answer.id, "k": shown, "b": question_by})

    def _unpack_more(self, value: str) -> tuple[str, tuple[str, ...], int, str | None] | None:
        try:
            data = json.loads(value)
            shown, by = int(data.get("k", 0)), data.get("b")
            if "q" in data:
                return str(data["q"]), tuple(str(h) for h in data.get("h", ())), shown, by
            question, history = self._asked[str(data["id"])]
            return question, history, shown, by
        except (ValueError, KeyError, TypeError, AttributeError):
            log.warning("More sources clicked on an answer whose question is gone")
            return None

    async def _post(
        self,
        client: AsyncWebClient,
        channel: str,
        user: str | None,
        thread_ts: str | None,
        text: str,
        blocks: list[Block],
    ) -> None:
        from slack_sdk.errors import SlackApiError

        try:
            await client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as err:
            # Rate limits and 5xx were already retried by the client's retry handlers.
            log.error("chat.postMessage failed in %s: %s", channel, _slack_error(err))
            await self._tell(
                client,
                channel,
                user,
                thread_ts,
                f"Sorry, I couldn't post the answer here (Slack said: {_slack_error(err)}).",
            )
        except Exception as err:  # network down after the retries: nothing reaches the user
            log.error("chat.postMessage failed in %s: %s: %s", channel, type(err).__name__, err)

    async def _tell(
        self,
        client: AsyncWebClient,
        channel: str,
        user: str | None,
        thread_ts: str | None,
        note: str,
    ) -> None:
        """The last resort: a message only the asker sees."""
        from slack_sdk.errors import SlackApiError

        if not user or not channel:
            return
        text, blocks = render_notice(note)
        try:
            await client.chat_postEphemeral(
                channel=channel, user=user, text=text, blocks=blocks, thread_ts=thread_ts
            )
        except SlackApiError as err:
            log.error("chat.postEphemeral failed in %s too: %s", channel, _slack_error(err))
        except Exception as err:
            log.error("chat.postEphemeral failed in %s too: %s", channel, type(err).__name__)

    async def _respond(self, response_url: str, **payload: Any) -> bool:
        """Post to a `response_url` (slash commands, button clicks); the URL itself is a secret."""
        from slack_sdk.webhook.async_client import AsyncWebhookClient

        if not response_url:
            log.error("no response_url in the request; cannot reply")
            return False
        hook = AsyncWebhookClient(response_url, retry_handlers=self.retry_handlers())
        try:
            response = await hook.send(unfurl_links=False, unfurl_media=False, **payload)
        except Exception as err:
            log.error("response_url post failed: %s", type(err).__name__)
            return False
        if response.status_code != 200:
            log.error("response_url post failed: HTTP %s %s", response.status_code, response.body)
            return False
        return True


def _is_bot(message: dict[str, Any], context: dict[str, Any]) -> bool:
    bot_user_id, bot_id = context.get("bot_user_id"), context.get("bot_id")
    return bool(
        (bot_user_id and message.get("user") == bot_user_id)
        or (bot_id and message.get("bot_id") == bot_id)
    )


def _slack_error(err: Exception) -> str:
    """The Web API's error code (never the request, which carries the token)."""
    response = getattr(err, "response", None)
    try:
        return str(response["error"])  # type: ignore[index]
    except (KeyError, TypeError):
        return type(err).__name__

"""Slack listeners for questions: mentions, DMs, auto-answer channels, thread follow-ups, `/ask`.

Each event is parsed into the chat layer's `ChatMessage` and decided there (`bot.chat.decide`);
every listener acknowledges at once and hands the work to the chat layer's runner, which answers
off the event loop. What is left here is Slack's own: the listeners, the working reaction, Block
Kit and delivery through Slack's Web API.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.answer import Answer
from bot.chat import messages
from bot.chat.decide import Action, Decision, Earlier, addressed_to_the_bot, decide
from bot.chat.message import ChatMessage, Platform
from bot.chat.runner import AnswerRunner, HeldClaims
from bot.dedup import CLAIM_TAKEN_OVER
from bot.slack.delivery import Delivery
from bot.slack.parse import edit_to_the_bot, is_dm, parse_message
from bot.slack.render import Block, View, render_answer, render_notice
from bot.slack.working import working

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.http_retry.async_handler import AsyncRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.service import AnswerService
    from bot.settings import SlackSettings

log = logging.getLogger(__name__)
SWEEP_SECONDS = 2.0  # how often a worker looks for events a dead worker left unanswered
ANSWER_EVENT_TYPE = "evbot_answer"  # the answer's message metadata names the event it answers
# A thread's messages are read before a thanks a page at a time (Slack's recommended page size),
# at most THREAD_PAGES pages: a thanks past them is replied to as before, unread.
THREAD_READ = 200
THREAD_PAGES = 5

_PRIVATE = re.compile(r"^\s*(--private|-p)\b\s*|\s+(--private|-p)\s*$")


def parse_private(text: str) -> tuple[bool, str]:
    """`/ask --private question` (or `-p`, first or last) answers only the asker."""
    stripped = _PRIVATE.sub(" ", text)
    return stripped != text, stripped.strip()


# The event fields read as text (or absent): another type is a malformed request, not a bug.
_TEXT_FIELDS = ("type", "subtype", "channel", "channel_type", "user", "text", "ts", "thread_ts")


class SlackAnswers:
    """Slack events in, the chat layer's answers out as Block Kit."""

    def __init__(
        self,
        service: AnswerService,
        settings: SlackSettings,
        *,
        retry_handlers: Callable[[], list[AsyncRetryHandler]],
        seen: HeldClaims | None = None,
    ) -> None:
        self.service = service
        self.settings = settings
        self.delivery = Delivery(retry_handlers)
        self.runner = AnswerRunner(service, Platform.SLACK, settings, seen=seen)
        self._sweep: asyncio.Task[None] | None = None

    def register(self, app: AsyncApp, command: str = "/ask") -> None:
        app.event("app_mention")(self.on_event)
        app.event("message")(self.on_event)
        app.command(command)(self.on_command)

    # -- listeners (Bolt acks once each returns: process_before_response, bot/slack/app.py) -----

    async def on_event(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        """Take the event up (`_on_event`); whatever breaks before the answer's own
        `never_silent` (reading the event, the decision, the claim) is logged and told to whoever
        addressed the bot (`_addressed`: a mention, a DM, a question in an auto-answer channel),
        once: the event is acked, not retried.
        A malformed event (a field of the wrong type) is no bug of ours: it fails the request
        (`app._unhandled`: a 400 and one log line), as Bolt's own checks do."""
        wrong = [key for key in _TEXT_FIELDS if not isinstance(event.get(key, ""), str | None)]
        if wrong:
            raise TypeError(f"event fields of the wrong type: {', '.join(wrong)}")
        progress = _Progress()
        try:
            await self._on_event(event, context, progress)
        except Exception:
            log.exception(
                "event %s in %s could not be taken up", event.get("ts"), event.get("channel")
            )
            read = progress.edited or event  # an edit's user and thread are its message's
            channel, user = read.get("channel", ""), read.get("user")
            if user and not read.get("bot_id") and self._addressed(read, context, progress):
                thread_ts = read.get("thread_ts")
                await self.delivery.tell(
                    context["client"], channel, user, thread_ts, messages.SORRY
                )

    def _addressed(
        self, event: dict[str, Any], context: dict[str, Any], progress: _Progress
    ) -> bool:
        """Whether the failed event asked the bot, by what was read before it failed. A
        mention's `message` twin is left to its `app_mention` (one note, not two); an edit
        adding the mention has no twin."""
        channel = event.get("channel", "")
        if event.get("type") == "app_mention":
            return True
        mention = f"<@{context.get('bot_user_id')}"
        if not progress.edited and not is_dm(channel) and mention in (event.get("text") or ""):
            return False
        if progress.record is not None:
            return addressed_to_the_bot(progress.record, progress.decision)
        if event.get("subtype"):  # an edit, a join, a bot's post: nobody asked
            return False
        return is_dm(channel) or (
            not event.get("thread_ts") and self.settings.auto_answers_in(channel)
        )

    async def _on_event(
        self, event: dict[str, Any], context: dict[str, Any], progress: _Progress
    ) -> None:
        edited = progress.edited = edit_to_the_bot(event, context.get("bot_user_id"))
        event = edited or event
        message = progress.record = parse_message(event, context.get("bot_user_id"), self.settings)
        decision = progress.decision = decide(message, self.settings)
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if not decision.takes_up:
            log.debug("message %s in %s left alone: %s", ts, channel, decision.why)
            return
        # Retries and the `message` twin of an `app_mention` share the channel and message ts.
        # The claim is taken before Bolt acks: an event whose worker dies before that is
        # retried by Slack; one it dies holding is taken over (the payload lets any worker).
        key = f"{channel}:{ts}"
        bot = Bot(context.get("bot_user_id"), context.get("bot_id"))
        payload = json.dumps({"event": event, "bot_user_id": bot.user_id, "bot_id": bot.bot_id})
        taken = await self.runner.take(key, payload)
        if taken is not None:
            # An edit may come after a restart emptied the claims kept in memory: Slack's record
            # (the answer's metadata) says whether its message was answered, as after a takeover.
            answered_maybe = taken == CLAIM_TAKEN_OVER or edited is not None
            self.runner.spawn(
                self._take_up(context["client"], event, message, decision, key, bot, answered_maybe)
            )

    # -- events a dead worker left unanswered ------------------------------------------------

    @property
    def sweeper(self) -> asyncio.Task[None] | None:
        """The task that looks for events a dead worker left unanswered (it runs till stop)."""
        return self._sweep

    def start_sweeping(self, client: AsyncWebClient) -> None:
        """Every few seconds, answer the events a dead worker claimed and left unanswered."""
        if self._sweep is None:
            self._sweep = asyncio.get_running_loop().create_task(self._sweep_forever(client))

    async def stop_sweeping(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()
            await asyncio.gather(self._sweep, return_exceptions=True)
            self._sweep = None

    async def _sweep_forever(self, client: AsyncWebClient) -> None:
        while not self.runner.closing:
            await asyncio.sleep(SWEEP_SECONDS)
            try:
                orphans = await self.runner.orphans()
            except Exception:
                log.exception("looking for unanswered events failed")
                continue
            for key, payload in orphans:
                self._take_over(client, key, payload)

    def _take_over(self, client: AsyncWebClient, key: str, payload: str) -> None:
        try:
            data = json.loads(payload)
            event = data["event"]
            message = parse_message(event, data.get("bot_user_id"), self.settings)
        except Exception:
            log.exception("event %s left by a dead worker cannot be read; dropped", key)
            self.runner.spawn(self.runner.finish(key))
            return
        decision = decide(message, self.settings)
        if not decision.takes_up:  # the settings changed since: what this worker would not take
            self.runner.spawn(self.runner.finish(key))
            return
        log.warning("event %s: its worker died before answering; answering it here", key)
        bot = Bot(data.get("bot_user_id"), data.get("bot_id"))
        self.runner.spawn(self._take_up(client, event, message, decision, key, bot, True))

    async def _answered_already(
        self, client: AsyncWebClient, channel: str, reply_in: str | None, ts: str, key: str
    ) -> bool:
        """Whether the answer to `key` was posted already (by a worker that died before it could
        say so, or before a restart, for an edit): the answer's message metadata names its
        event. When Slack cannot be read, False: the event is answered (perhaps twice) rather
        than perhaps never."""
        try:
            if reply_in:  # from the message on: its answer follows it, however long the thread
                found = await client.conversations_replies(
                    channel=channel, ts=reply_in, oldest=ts, include_all_metadata=True, limit=200
                )
            else:  # a DM's answer is not in a thread: it follows the question
                found = await client.conversations_history(
                    channel=channel, oldest=ts, include_all_metadata=True, limit=200
                )
        except Exception as err:
            log.warning("event %s: cannot check whether it was answered: %s", key, err)
            return False
        for posted in found.get("messages") or []:
            metadata = posted.get("metadata") or {}
            if metadata.get("event_type") == ANSWER_EVENT_TYPE and (
                (metadata.get("event_payload") or {}).get("event") == key
            ):
                return True
        return False

    async def on_command(
        self, ack: Callable[..., Any], command: dict[str, Any], context: dict[str, Any]
    ) -> None:
        """Ack `/ask` before any slow work (Slack shows its own error past 3 s): a usage or
        not-enabled note as the ack's text, else an empty ack and the answer (the cooldown's
        database round trip first) by the response URL. Whatever breaks before the ack is
        logged and told as the ack's text, never Slack's "dispatch failed"."""
        acked = False
        try:
            channel, user = command.get("channel_id", ""), command.get("user_id") or ""
            private, question = parse_private(command.get("text", ""))
            message = ChatMessage(
                platform=Platform.SLACK,
                text=question,
                author=user,
                # Each /ask is a conversation of its own: two people's commands never share it.
                conversation=f"slack:{channel}:ask:{uuid.uuid4().hex}",
                channel_ids=(channel,),
                is_dm=is_dm(channel),
                mentions_bot=True,  # a command is always addressed to the bot
            )
            decision = decide(message, self.settings)
            # An ack's text is shown only to the person who typed the command.
            if decision.action is Action.NOT_ENABLED:
                note = messages.NOT_ENABLED
            elif not question:
                note = messages.ask_usage(command.get("command", "/ask"))
            elif self.runner.closing:  # no I/O to know: said at once, before the loop stops
                note = messages.CLOSING
            else:
                note = None
            acked = True
            await (ack(text=note) if note else ack())
            if note is None:
                answer = self._answer_command(
                    context["client"], command, message, decision, private
                )
                self.runner.spawn(answer)
        except Exception:
            log.exception("/ask in %s could not be taken up", command.get("channel_id"))
            if not acked:
                await ack(text=messages.SORRY)
            else:
                await self._tell_commander(context["client"], command, messages.SORRY)

    async def _tell_commander(
        self, client: AsyncWebClient, command: dict[str, Any], note: str
    ) -> None:
        """A note for whoever typed `/ask`, by its response URL, else privately in its channel."""
        text, blocks = render_notice(note)
        if not await self.delivery.respond(
            command.get("response_url", ""), text=text, blocks=blocks, response_type="ephemeral"
        ):
            channel, user = command.get("channel_id", ""), command.get("user_id") or ""
            await self.delivery.tell(client, channel, user, None, note)

    # -- the work -------------------------------------------------------------------------------

    async def _take_up(
        self,
        client: AsyncWebClient,
        event: dict[str, Any],
        message: ChatMessage,
        decision: Decision,
        key: str,
        bot: Bot,
        answered_maybe: bool = False,
    ) -> None:
        """Answer the event claimed as `key` (unless, `answered_maybe`, Slack shows its answer),
        then finish the claim. A cancelled answer (a shutdown) leaves it unfinished, for another
        worker to take over."""
        await self._answer_event(client, event, message, decision, key, bot, answered_maybe)
        await self.runner.finish(key)

    async def _answer_event(
        self,
        client: AsyncWebClient,
        event: dict[str, Any],
        message: ChatMessage,
        decision: Decision,
        key: str,
        bot: Bot,
        answered_maybe: bool,
    ) -> None:
        channel, ts, thread_ts = (
            event.get("channel", ""),
            event.get("ts", ""),
            event.get("thread_ts"),
        )
        reply_in = thread_ts or (None if message.is_dm else ts)

        async def tell(note: str) -> None:
            await self.delivery.tell(client, channel, message.author, thread_ts, note)

        async with self.runner.never_silent(f"{decision.action} {ts} in {channel}", tell):
            if answered_maybe and await self._answered_already(client, channel, reply_in, ts, key):
                log.info("event %s was answered already (a worker died, or an edit)", key)
                return
            if decision.action is Action.NOT_ENABLED:
                await tell(messages.NOT_ENABLED)
                return
            earlier = None
            if thread_ts:  # a thanks there may be for a colleague who answered in between
                earlier = functools.partial(self._earlier, client, channel, thread_ts, ts, bot)
            question = await self.runner.question(message, decision, earlier)
            if question is None:
                return  # not a thread the bot answered in, or one handed to a human
            # A thanks (once per answer) costs no question of the cooldown: no "please wait" to it.
            thanks = decision.action is Action.THANKS
            if not thanks and (refusal := await self.runner.refusal(message.author)):
                await tell(refusal)
                return
            async with working(client, channel, ts, self.settings.working_reaction):
                result = await self.runner.ask(question, message.author, f"message {ts}")
                text, blocks = render(result)
                await self.delivery.post(
                    client,
                    channel,
                    reply_in,
                    text,
                    blocks,
                    asker=message.author,
                    metadata={"event_type": ANSWER_EVENT_TYPE, "event_payload": {"event": key}},
                )

    @staticmethod
    async def _earlier(
        client: AsyncWebClient,
        channel: str,
        thread_ts: str,
        ts: str,
        bot: Bot,
        since: float | None = None,
    ) -> list[Earlier] | None:
        """The thread's messages before `ts` (and from `since`, a Unix time, when given), newest
        first, read a page at a time from the oldest; None when Slack cannot say (a read failed,
        or `ts` is past THREAD_PAGES pages)."""
        posted: list[dict[str, Any]] = []  # oldest first, the thread's root among them
        seen: set[str] = set()
        cursor: str | None = None
        # A clock that puts the answer after the thanks is not to be trusted: read the whole thread.
        from_answer = since is not None and since < float(ts)
        start = {"oldest": f"{since:.6f}"} if from_answer else {}
        for _ in range(THREAD_PAGES):
            page = start | ({"cursor": cursor} if cursor else {})
            try:
                found = await client.conversations_replies(
                    channel=channel, ts=thread_ts, limit=THREAD_READ, **page
                )
            except Exception as err:
                log.warning("message %s: cannot read its thread (%s)", ts, err)
                return None
            for message in found.get("messages") or []:
                if message.get("ts") == ts:
                    return _earlier_than(posted, bot)
                if message.get("ts") not in seen:  # a page may repeat the root
                    seen.add(message.get("ts") or "")
                    posted.append(message)
            cursor = (found.get("response_metadata") or {}).get("next_cursor")
            if not found.get("has_more") or not cursor:
                return _earlier_than(posted, bot)  # all read: the thanks not listed yet
        log.info("message %s: past %d messages of its thread, read no further", ts, len(posted))
        return None

    async def _answer_command(
        self,
        client: AsyncWebClient,
        command: dict[str, Any],
        message: ChatMessage,
        decision: Decision,
        private: bool,
    ) -> None:
        channel, response_url = command.get("channel_id", ""), command.get("response_url", "")
        tell = functools.partial(self._tell_commander, client, command)
        async with self.runner.never_silent(f"/ask {channel}", tell):
            if refusal := await self.runner.refusal(message.author):  # after the ack: I/O
                await tell(refusal)
                return
            question = await self.runner.question(message, decision)
            if question is None:  # a command is always asked of us; never a follow-up
                return
            result = await self.runner.ask(question, message.author, f"/ask {channel}")
            text, blocks = render(result, View(show_question=True, private=private))
            public = isinstance(result, Answer) and not private  # a note: to the asker alone
            sent = await self.delivery.respond(
                response_url,
                text=text,
                blocks=blocks,
                response_type="in_channel" if public else "ephemeral",
            )
            if not sent and isinstance(result, Answer):
                # The answer goes with the note: the asker reads it privately, not asks again.
                note = messages.answer_attached(messages.NOT_POSTED)
                await self.delivery.tell(
                    client, channel, message.author, None, note, attached=(text, blocks)
                )
            elif not sent:
                await self.delivery.tell(client, channel, message.author, None, messages.NOT_POSTED)


@dataclass
class _Progress:
    """How far an event was read before a failure: says whether its author asked the bot."""

    edited: dict[str, Any] | None = None  # an edit adding the mention, as a message of its own
    record: ChatMessage | None = None
    decision: Decision | None = None


@dataclass(frozen=True)
class Bot:
    """The ids Slack gives this app's bot (Bolt's context): whose messages in a thread are ours."""

    user_id: str | None
    bot_id: str | None

    def posted(self, message: dict[str, Any]) -> bool:
        user, bot = message.get("user"), message.get("bot_id")
        return bool((self.user_id and user == self.user_id) or (self.bot_id and bot == self.bot_id))


def _earlier_than(posted: list[dict[str, Any]], bot: Bot) -> list[Earlier]:
    """A thread's messages (oldest first, as Slack lists them) as `Earlier`, newest first."""
    return [
        Earlier(
            author=m.get("user") or m.get("bot_id") or "",
            text=m.get("text") or "",
            ours=bot.posted(m),
        )
        for m in reversed(posted)
    ]


def render(result: Answer | str, view: View | None = None) -> tuple[str, list[Block]]:
    """An answer as Block Kit, or a failure note; a rendering bug still ends in a note."""
    if isinstance(result, str):
        return render_notice(result)
    try:
        return render_answer(result, view)
    except Exception:
        log.exception("rendering answer %s failed", result.id)
        return render_notice(messages.SORRY)

"""Slack listeners for questions: mentions, DMs, auto-answer channels, thread follow-ups, `/ask`.

Each event is parsed into the chat layer's `ChatMessage` and decided there (`bot.chat.decide`);
every listener acknowledges at once and hands the work to the chat layer's runner, which answers
off the event loop. What is left here is Slack's own: the listeners, the working reaction, Block
Kit and delivery through Slack's Web API.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.answer import Answer
from bot.chat import messages
from bot.chat.decide import Action, Decision, decide
from bot.chat.message import ChatMessage, Platform
from bot.chat.runner import AnswerRunner, FirstTime
from bot.slack.delivery import Delivery
from bot.slack.parse import is_dm, parse_message
from bot.slack.render import Block, View, render_answer, render_notice
from bot.slack.working import working

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.http_retry.async_handler import AsyncRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.service import AnswerService
    from bot.settings import SlackSettings

log = logging.getLogger(__name__)

_PRIVATE = re.compile(r"^\s*(--private|-p)\b\s*|\s+(--private|-p)\s*$")


def parse_private(text: str) -> tuple[bool, str]:
    """`/ask --private question` (or `-p`, first or last) answers only the asker."""
    stripped = _PRIVATE.sub(" ", text)
    return stripped != text, stripped.strip()


class SlackAnswers:
    """Slack events in, the chat layer's answers out as Block Kit."""

    def __init__(
        self,
        service: AnswerService,
        settings: SlackSettings,
        *,
        retry_handlers: Callable[[], list[AsyncRetryHandler]],
        seen: FirstTime | None = None,
    ) -> None:
        self.service = service
        self.settings = settings
        self.delivery = Delivery(retry_handlers)
        self.runner = AnswerRunner(service, Platform.SLACK, settings, seen=seen)

    def register(self, app: AsyncApp, command: str = "/ask") -> None:
        app.event("app_mention")(self.on_event)
        app.event("message")(self.on_event)
        app.command(command)(self.on_command)

    # -- listeners (each returns at once; Bolt has acked events already) -------------------------

    async def on_event(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        message = parse_message(event, context.get("bot_user_id"), self.settings)
        decision = decide(message, self.settings)
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if not decision.takes_up:
            log.debug("message %s in %s left alone: %s", ts, channel, decision.why)
            return
        # Retries and the `message` twin of an `app_mention` share the channel and message ts.
        if await self.runner.first_time(f"{channel}:{ts}"):
            self.runner.spawn(self._take_up(context["client"], event, message, decision))

    async def on_command(
        self, ack: Callable[..., Any], command: dict[str, Any], context: dict[str, Any]
    ) -> None:
        channel, user = command.get("channel_id", ""), command.get("user_id") or ""
        private, question = parse_private(command.get("text", ""))
        message = ChatMessage(
            platform=Platform.SLACK,
            text=question,
            author=user,
            # Each /ask is a conversation of its own: two people's commands never share context.
            conversation=f"slack:{channel}:ask:{uuid.uuid4().hex}",
            channel_ids=(channel,),
            is_dm=is_dm(channel),
            mentions_bot=True,  # a command is always addressed to the bot
        )
        decision = decide(message, self.settings)
        # An ack's text is shown only to the person who typed the command.
        if decision.action is Action.NOT_ENABLED:
            await ack(text=messages.NOT_ENABLED)
        elif not question:
            await ack(text=messages.ask_usage(command.get("command", "/ask")))
        elif refusal := self.runner.refusal(user):
            await ack(text=refusal)
        else:
            await ack()
            self.runner.spawn(
                self._answer_command(context["client"], command, message, decision, private)
            )

    # -- the work -------------------------------------------------------------------------------

    async def _take_up(
        self,
        client: AsyncWebClient,
        event: dict[str, Any],
        message: ChatMessage,
        decision: Decision,
    ) -> None:
        channel, ts, thread_ts = (
            event.get("channel", ""),
            event.get("ts", ""),
            event.get("thread_ts"),
        )

        async def tell(note: str) -> None:
            await self.delivery.tell(client, channel, message.author, thread_ts, note)

        async with self.runner.never_silent(f"{decision.action} {ts} in {channel}", tell):
            if decision.action is Action.NOT_ENABLED:
                await tell(messages.NOT_ENABLED)
                return
            question = await self.runner.question(message, decision)
            if question is None:
                return  # not a thread the bot answered in, or one handed to a human
            if refusal := self.runner.refusal(message.author):
                await tell(refusal)
                return
            reply_in = thread_ts or (None if message.is_dm else ts)
            async with working(client, channel, ts, self.settings.working_reaction):
                result = await self.runner.ask(question, message.author, f"message {ts}")
                text, blocks = render(result)
                await self.delivery.post(
                    client, channel, reply_in, text, blocks, asker=message.author
                )

    async def _answer_command(
        self,
        client: AsyncWebClient,
        command: dict[str, Any],
        message: ChatMessage,
        decision: Decision,
        private: bool,
    ) -> None:
        channel, response_url = command.get("channel_id", ""), command.get("response_url", "")

        async def tell(note: str) -> None:
            text, blocks = render_notice(note)
            if not await self.delivery.respond(
                response_url, text=text, blocks=blocks, response_type="ephemeral"
            ):
                await self.delivery.tell(client, channel, message.author, None, note)

        async with self.runner.never_silent(f"/ask {channel}", tell):
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
            if not sent:
                await self.delivery.tell(client, channel, message.author, None, messages.NOT_POSTED)


def render(result: Answer | str, view: View | None = None) -> tuple[str, list[Block]]:
    """An answer as Block Kit, or a failure note; a rendering bug still ends in a note."""
    if isinstance(result, str):
        return render_notice(result)
    try:
        return render_answer(result, view)
    except Exception:
        log.exception("rendering answer %s failed", result.id)
        return render_notice(messages.SORRY)

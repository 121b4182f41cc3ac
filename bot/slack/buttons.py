"""The answer's buttons: Helpful / Not helpful, More sources, Ask a human, Share in channel.

Each click is acknowledged at once and handled in one of the chat runner's tracked tasks; what
a button does is the chat layer's (`bot.chat.buttons`), and what is left here is Slack's own:
reading the press, Block Kit, and replying through the `response_url`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.chat import messages
from bot.chat.buttons import ButtonFlows
from bot.slack.events import SlackAnswers, render
from bot.slack.parse import is_dm
from bot.slack.render import (
    ASK_HUMAN,
    HELPFUL,
    MORE_SOURCES,
    NOT_HELPFUL,
    SHARE,
    View,
    group_mention,
    parse_value,
    render_handoff,
    render_notice,
)

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Click:
    """One button press, read from Slack's `block_actions` payload."""

    client: AsyncWebClient
    body: dict[str, Any]
    action: dict[str, Any]

    @property
    def user(self) -> str | None:
        return (self.body.get("user") or {}).get("id")

    @property
    def name(self) -> str | None:
        """The presser's user name: shown as plain text, which pings nobody."""
        user = self.body.get("user") or {}
        return user.get("username") or user.get("name")

    @property
    def channel(self) -> str:
        container = self.body.get("container") or {}
        return (self.body.get("channel") or {}).get("id") or container.get("channel_id", "")

    @property
    def value(self) -> str:
        return str(self.action.get("value", ""))

    @property
    def response_url(self) -> str:
        return str(self.body.get("response_url", ""))

    @property
    def thread_ts(self) -> str | None:
        """The thread the pressed message is in (or starts); None for an ephemeral message."""
        container = self.body.get("container") or {}
        if container.get("is_ephemeral"):
            return None
        message = self.body.get("message") or {}
        return (
            message.get("thread_ts")
            or container.get("thread_ts")
            or message.get("ts")
            or container.get("message_ts")
        )


class AnswerButtons:
    def __init__(self, answers: SlackAnswers) -> None:
        self.answers = answers
        self.runner = answers.runner
        self.flows = ButtonFlows(answers.runner)
        self.delivery = answers.delivery
        self._handlers: dict[str, Callable[[Click], Coroutine[Any, Any, None]]] = {
            HELPFUL: self._vote,
            NOT_HELPFUL: self._vote,
            MORE_SOURCES: self._more_sources,
            ASK_HUMAN: self._ask_human,
            SHARE: self._share,
        }

    def register(self, app: AsyncApp) -> None:
        for action_id in self._handlers:
            app.action(action_id)(self.on_click)

    async def on_click(
        self,
        ack: Callable[..., Any],
        body: dict[str, Any],
        action: dict[str, Any],
        context: dict[str, Any],
    ) -> None:
        await ack()
        self.runner.spawn(self._handle(Click(context["client"], body, action)))

    async def _handle(self, click: Click) -> None:
        async def tell(note: str) -> None:
            await self._note(click, note)

        action_id = click.action.get("action_id", "")
        async with self.runner.never_silent(f"the {action_id} button", tell):
            await self._handlers[action_id](click)

    # -- the buttons ----------------------------------------------------------------------------

    async def _vote(self, click: Click) -> None:
        helpful = click.action.get("action_id") == HELPFUL
        await self._note(click, await self.flows.vote(click.value, click.user or "", helpful))

    async def _more_sources(self, click: Click) -> None:
        pressed = await self._pressed(click)
        if pressed is None:
            return
        answer_id, shown, view = pressed
        if refusal := await self.flows.may_start(click.user or ""):
            await self._note(click, refusal)
            return
        more = self.flows.more_than(shown)
        result = await self.flows.more_sources(answer_id, click.user or "", more)
        if isinstance(result, str):  # keep the answer on screen; say why there are no more
            await self._note(click, result)
            return
        text, blocks = render(result, view)
        if not await self.delivery.respond(
            click.response_url, text=text, blocks=blocks, replace_original=True
        ):
            await self._note(click, messages.NO_MORE_SOURCES)

    async def _ask_human(self, click: Click) -> None:
        mention = group_mention(self.answers.settings.human_group)
        handoff = await self.flows.ask_human(
            click.value,
            click.user or "",
            in_dm=is_dm(click.channel),
            tag_setting=None if mention else "SLACK_HUMAN_GROUP",
        )
        if handoff.note is not None or mention is None:
            await self._note(click, handoff.note or messages.HANDOFF_FAILED)
            return
        text, blocks = render_handoff(handoff.question or "", mention, click.name)
        # A tag that pings nobody is no use to the clicker: the note alone, should it fail.
        await self.delivery.post(
            click.client,
            click.channel,
            click.thread_ts,
            text,
            blocks,
            asker=click.user,
            is_answer=False,
        )

    async def _share(self, click: Click) -> None:
        """A private answer, posted for the channel: asked again from the query log."""
        pressed = await self._pressed(click)
        if pressed is None:
            return
        answer_id, shown, _ = pressed
        if refusal := await self.flows.may_start(click.user or ""):
            await self._note(click, refusal)
            return
        view = View(show_question=True, shared_by=click.name or messages.A_TEAMMATE)
        result = await self.flows.share(answer_id, click.user or "", shown)
        if isinstance(result, str):
            await self._note(click, result)
            return
        text, blocks = render(result, view)
        shared = await self.delivery.respond(
            click.response_url,
            text=text,
            blocks=blocks,
            response_type="in_channel",
            replace_original=False,
        )
        if shared:  # the private copy (and its Share button) goes: it cannot be shared twice
            await self.delivery.respond(click.response_url, delete_original=True)
        else:
            await self._note(click, messages.NOT_SHARED)

    # -- shared steps ---------------------------------------------------------------------------

    async def _pressed(self, click: Click) -> tuple[str, int, View] | None:
        """The pressed answer's id, how many citations it shows, and its view."""
        parsed = parse_value(click.value)
        if parsed is None:
            log.warning("a button carried a value this version cannot read: %r", click.value[:80])
            await self._note(click, messages.FORGOTTEN)
        return parsed

    async def _note(self, click: Click, note: str) -> None:
        """A message only the presser sees: through the response_url, else ephemeral or DM."""
        text, blocks = render_notice(note)
        if await self.delivery.respond(
            click.response_url,
            text=text,
            blocks=blocks,
            response_type="ephemeral",
            replace_original=False,
        ):
            return
        await self.delivery.tell(click.client, click.channel, click.user, None, note)

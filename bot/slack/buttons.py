"""The answer's buttons: Helpful / Not helpful, More sources, Ask a human, Share in channel.

Each click is acknowledged at once and handled in one of `SlackAnswers`' tracked tasks. Buttons
carry only an answer id (and how many citations were shown): the question and its conversation
come back from the query log, so the buttons keep working after a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.errors import FORGOTTEN, SORRY, UnknownAnswer
from bot.settings import MAX_CITATIONS
from bot.slack.events import SlackAnswers, render
from bot.slack.policy import is_dm
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

THANKS = "Thanks, your feedback is recorded."
ALREADY_ASKED = "You have already asked a human about this answer; they were tagged then."
NO_GROUP = (
    "Your request is recorded for the team, but no human group is configured "
    "(SLACK_HUMAN_GROUP), so I couldn't tag anyone. Ask your Slack admin to set it."
)
IN_A_DM = (
    "Your request is recorded for the team. Nobody else can see this DM, so to reach "
    "a person now, ask in a channel."
)


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
        self.service = answers.service
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
        self.answers.spawn(self._handle(Click(context["client"], body, action)))

    async def _handle(self, click: Click) -> None:
        try:
            await self._handlers[click.action.get("action_id", "")](click)
        except Exception:  # never silent: whatever broke, the presser hears about it
            log.exception("the %s button failed", click.action.get("action_id"))
            await self._note(click, SORRY)

    # -- the buttons ----------------------------------------------------------------------------

    async def _vote(self, click: Click) -> None:
        """Counted for the answer and for each passage it quoted (`evbot stats`)."""
        helpful = click.action.get("action_id") == HELPFUL
        try:
            await self.answers.in_pool(
                self.service.record_feedback, click.value, click.user, helpful
            )
            note = THANKS
        except UnknownAnswer:
            log.warning("feedback for an answer the query log does not have: %s", click.value)
            note = "Sorry, I no longer have that answer on record, so the vote was not counted."
        await self._note(click, note)

    async def _more_sources(self, click: Click) -> None:
        pressed = await self._pressed(click)
        if pressed is None:
            return
        answer_id, shown, view = pressed
        more = min(MAX_CITATIONS, shown + self.service.settings.citations)
        result = await self.answers.reask(answer_id, user=click.user, citations=more)
        if isinstance(result, str):  # keep the answer on screen; say why there are no more
            await self._note(click, result)
            return
        text, blocks = render(result, view)
        if not await self.delivery.respond(
            click.response_url, text=text, blocks=blocks, replace_original=True
        ):
            await self._note(click, "Sorry, I couldn't show more sources.")

    async def _ask_human(self, click: Click) -> None:
        """Recorded first (`evbot stats` lists hand-offs), then the human group tagged."""
        try:
            first = await self.answers.in_pool(
                self.service.record_handoff, click.value, click.user, source="slack"
            )
        except UnknownAnswer:
            log.warning("hand-off for an answer the query log does not have: %s", click.value)
            await self._note(click, FORGOTTEN)
            return
        if first is False:
            await self._note(click, ALREADY_ASKED)
            return
        if is_dm(click.channel):  # nobody else can see a DM, whatever group is configured
            await self._note(click, IN_A_DM)
            return
        mention = group_mention(self.answers.settings.human_group)
        if mention is None:
            log.warning(
                "Ask a human: SLACK_HUMAN_GROUP is %s; nobody tagged",
                "not a user-group id (S…)" if self.answers.settings.human_group else "not set",
            )
            await self._note(click, NO_GROUP)
            return
        context = await self.answers.in_pool(self.service.query_log.answer_context, click.value)
        text, blocks = render_handoff(context[0] if context else "", mention, click.name)
        await self.delivery.post(
            click.client, click.channel, click.thread_ts, text, blocks, asker=click.user
        )

    async def _share(self, click: Click) -> None:
        """A private answer, posted for the channel: asked again from the query log."""
        pressed = await self._pressed(click)
        if pressed is None:
            return
        answer_id, shown, _ = pressed
        view = View(show_question=True, shared_by=click.name or "a teammate")
        citations = shown or self.service.settings.citations
        result = await self.answers.reask(answer_id, user=click.user, citations=citations)
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
            await self._note(click, "Sorry, I couldn't share it in this channel.")

    # -- shared steps ---------------------------------------------------------------------------

    async def _pressed(self, click: Click) -> tuple[str, int, View] | None:
        """The pressed answer's id, how many citations it shows, and its view."""
        parsed = parse_value(click.value)
        if parsed is None:
            log.warning("a button carried a value this version cannot read: %r", click.value[:80])
            await self._note(click, FORGOTTEN)
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

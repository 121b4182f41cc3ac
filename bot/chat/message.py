"""The neutral record of an incoming chat message: what each adapter parses its events into."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Platform(StrEnum):
    SLACK = "slack"
    DISCORD = "discord"


@dataclass(frozen=True)
class ChatMessage:
    """One message as the chat layer sees it; `text` is raw, markup and all."""

    platform: Platform
    text: str
    author: str  # the platform's user id
    conversation: str  # the query-log conversation it belongs to (one per thread, DM, question)
    channel_ids: tuple[str, ...]  # where it was posted; a thread adds its parent channel
    from_person: bool = True  # not a bot (ourselves included), an edit, a join or a system message
    is_dm: bool = False
    mentions_bot: bool = False
    mentions_others: bool = False  # a person, a role or a user group other than the bot
    broadcast: bool = False  # @here, @channel, @everyone
    in_thread: bool = False  # a reply inside a thread, not the message that starts one
    replies_to_answer: str | None = None  # the id of our answer it replies to (Discord replies)
    # A reply to a message of the bot's that is no answer and tags no one (a greeting's "ask
    # about …", a note): addressed to the bot, as its author answered it (Discord replies).
    replies_to_bot: bool = False
    auto_answer_here: bool = False  # a new message where every question is answered unasked

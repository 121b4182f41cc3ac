"""Which Slack messages the bot answers: the channel rules in one place.

Mentions, DMs and `/ask` wherever it may answer; every new top-level message in an auto-answer
channel (only the ones that look like questions, if so set); and replies in a thread the bot has
answered in (checked against the query log by the caller). `SLACK_ALLOWED_CHANNELS` gates all of
it except DMs. Messages from bots, edits, joins and messages addressed to someone else are left
alone.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from bot.conversation import looks_like_question
from bot.settings import SlackSettings

# Message subtypes that are still a person writing; every other subtype (edits, deletions, joins,
# bot messages, ...) is not a question.
HUMAN_SUBTYPES = frozenset({"thread_broadcast", "file_share"})
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>")


class Kind(StrEnum):
    MENTION = "mention"  # @bot in a channel (or a thread)
    DM = "dm"  # a direct message to the bot
    AUTO = "auto"  # a new top-level message in an auto-answer channel
    THREAD = "thread"  # a reply in a thread: a follow-up if the bot has answered there


def is_dm(channel: str, channel_type: str | None = None) -> bool:
    return channel_type == "im" or channel.startswith("D")


def may_answer_in(settings: SlackSettings, channel: str, channel_type: str | None = None) -> bool:
    """The allowlist (empty = every channel); DMs are always allowed."""
    return is_dm(channel, channel_type) or settings.may_answer_in(channel)


def from_a_person(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot (ourselves included: no loops), not an edit, join or other system message."""
    subtype = event.get("subtype")
    return bool(
        event.get("user")
        and not event.get("bot_id")
        and event.get("user") != bot_user_id
        and (subtype is None or subtype in HUMAN_SUBTYPES)
    )


def mentions_bot(text: str, bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and f"<@{bot_user_id}" in text


def addresses_someone_else(text: str, bot_user_id: str | None) -> bool:
    """It tags a person or a user group other than the bot: a conversation between people."""
    return any(m.group(1) != bot_user_id for m in _MENTION.finditer(text))


def classify_message(
    event: dict[str, Any], bot_user_id: str | None, settings: SlackSettings
) -> Kind | None:
    """What a `message` event is to the bot, or None when it is not the bot's to answer."""
    if not from_a_person(event, bot_user_id):
        return None
    channel, text = event.get("channel", ""), event.get("text") or ""
    if is_dm(channel, event.get("channel_type")):
        return Kind.DM
    if mentions_bot(text, bot_user_id):
        return None  # the app_mention event for this same message answers it
    if not settings.may_answer_in(channel) or addresses_someone_else(text, bot_user_id):
        return None
    thread_ts = event.get("thread_ts")
    if thread_ts and thread_ts != event.get("ts"):
        return Kind.THREAD
    if settings.auto_answers_in(channel) and (
        not settings.auto_answer_questions_only or looks_like_question(text)
    ):
        return Kind.AUTO
    return None

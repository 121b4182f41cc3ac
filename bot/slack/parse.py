"""Slack events -> the chat layer's neutral `ChatMessage`: Slack's own syntax stays here."""

from __future__ import annotations

import re
from typing import Any

from bot.chat.message import ChatMessage, Platform
from bot.settings import SlackSettings

# Message subtypes that are still a person writing; every other subtype (edits, deletions, joins,
# bot messages, ...) is not a question.
HUMAN_SUBTYPES = frozenset({"thread_broadcast", "file_share"})
_PERSON_OR_GROUP = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>")
_BROADCAST = re.compile(r"<!(?:here|channel|everyone)(?:\|[^>]*)?>")


def is_dm(channel: str, channel_type: str | None = None) -> bool:
    return channel_type == "im" or channel.startswith("D")


def from_a_person(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot (ourselves included: no loops), not an edit, join or other system message."""
    subtype = event.get("subtype")
    return bool(
        event.get("user")
        and not event.get("bot_id")
        and event.get("user") != bot_user_id
        and (subtype is None or subtype in HUMAN_SUBTYPES)
    )


def conversation_key(channel: str, ts: str, thread_ts: str | None, dm: bool) -> str:
    """One query-log conversation per thread (its root's ts); a DM's top level is one too."""
    if thread_ts:
        return f"slack:{channel}:{thread_ts}"
    return f"slack:{channel}:dm" if dm else f"slack:{channel}:{ts}"


def parse_message(
    event: dict[str, Any], bot_user_id: str | None, settings: SlackSettings
) -> ChatMessage:
    """An `app_mention` or `message` event (the two are twins for a mention: one record)."""
    channel, ts, text = event.get("channel", ""), event.get("ts", ""), event.get("text") or ""
    thread_ts = event.get("thread_ts")
    dm = is_dm(channel, event.get("channel_type"))
    in_thread = bool(thread_ts) and thread_ts != ts
    return ChatMessage(
        platform=Platform.SLACK,
        text=text,
        author=event.get("user") or "",
        conversation=conversation_key(channel, ts, thread_ts, dm),
        channel_ids=(channel,),
        from_person=from_a_person(event, bot_user_id),
        is_dm=dm,
        mentions_bot=bool(bot_user_id) and f"<@{bot_user_id}" in text,
        mentions_others=any(m[1] != bot_user_id for m in _PERSON_OR_GROUP.finditer(text)),
        broadcast=bool(_BROADCAST.search(text)),
        in_thread=in_thread,
        auto_answer_here=not in_thread and settings.auto_answers_in(channel),
    )


def edit_to_the_bot(event: dict[str, Any], bot_user_id: str | None) -> dict[str, Any] | None:
    """A `message_changed` event whose edit adds the bot's mention ("forgot to tag it"): the
    edited message as a `message` event of its own, with the original's ts, so an event taken up
    already is not taken up twice. None for any other edit: a typo fixed in an answered question
    keeps its answer, and Slack sends no `app_mention` for an edit."""
    if event.get("subtype") != "message_changed" or not bot_user_id:
        return None
    new, old = event.get("message") or {}, event.get("previous_message") or {}
    mention = f"<@{bot_user_id}"
    if mention not in (new.get("text") or "") or mention in (old.get("text") or ""):
        return None
    where = {k: event[k] for k in ("channel", "channel_type") if k in event}
    return {k: v for k, v in new.items() if k != "edited"} | {"type": "message"} | where

"""Discord messages and forum posts -> the chat layer's neutral `ChatMessage`, and the few
channel facts only Discord has (threads, forums, announcement channels).

Channel ids in settings are strings; a thread counts as its own id and its parent's, so naming a
text channel or forum also covers the threads and posts in it.
"""

from __future__ import annotations

import re
from typing import TypeGuard

import discord

from bot.chat.message import ChatMessage, Platform
from bot.settings import DiscordSettings

CHAT_MESSAGES = (discord.MessageType.default, discord.MessageType.reply)
# Typed by someone without the permission to ping: not a ping, but still meant for everyone.
_BROADCAST = re.compile(r"@(?:everyone|here)\b")


def channel_ids(channel: object) -> tuple[str, ...]:
    """The channel's id and, for a thread or forum post, its parent's."""
    own = str(getattr(channel, "id", ""))
    parent = getattr(channel, "parent_id", None) if isinstance(channel, discord.Thread) else None
    return (own, str(parent)) if parent else (own,)


def auto_answers_forum(settings: DiscordSettings, thread: discord.Thread) -> bool:
    """New posts in this forum are questions."""
    return isinstance(thread.parent, discord.ForumChannel) and settings.auto_answers_in(
        str(thread.parent_id)
    )


def threads_in(channel: object) -> TypeGuard[discord.TextChannel]:
    """Whether a question here may get a thread of its own: plain text channels only (voice and
    stage chats have no threads; announcement channels keep the reply)."""
    return isinstance(channel, discord.TextChannel) and not channel.is_news()


def forum_question(title: str, body: str) -> str:
    """A forum post asks with its title and its text; a body that repeats the title wins."""
    title, body = title.strip(), body.strip()
    if not body or body.lower().startswith(title.lower()):
        return body or title
    return f"{title}{'' if title[-1:] in '.?!:' else ':'} {body}"


def _bot_ids(message: discord.Message, me: int) -> tuple[set[int], set[int]]:
    """The user id and role ids that stand for the bot (its managed role, when it has one)."""
    role = message.guild.self_role if message.guild else None
    return {me}, {role.id} if role else set()


def _addressing(message: discord.Message, me: int) -> dict[str, bool]:
    users, roles = _bot_ids(message, me)
    mentioned = {u.id for u in message.mentions} | set(message.raw_mentions)
    return {
        "mentions_bot": bool(
            users & set(message.raw_mentions) or roles & set(message.raw_role_mentions)
        ),
        # A reply pings the replied-to author: someone else's message is a talk with them.
        "mentions_others": bool(mentioned - users or set(message.raw_role_mentions) - roles),
        "broadcast": message.mention_everyone or bool(_BROADCAST.search(message.content)),
    }


def mentions_me(message: discord.Message, me: int) -> bool:
    """Whether the message mentions the bot (its user, or its managed role)."""
    return _addressing(message, me)["mentions_bot"]


def parse_message(
    message: discord.Message,
    me: int,
    settings: DiscordSettings,
    replied_answer: str | None = None,
    replies_to_bot: bool = False,
) -> ChatMessage:
    """`replied_answer`: the id of our answer the message replies to, when it replies to one;
    `replies_to_bot`: it replies to another message of ours, one addressed to its author alone."""
    channel = message.channel
    dm = message.guild is None
    in_thread = isinstance(channel, discord.Thread)
    return ChatMessage(
        platform=Platform.DISCORD,
        text=message.content,
        author=str(message.author.id),
        # A thread started on a message has the message's id: both share one conversation.
        conversation=f"discord:{channel.id if dm or in_thread else message.id}",
        channel_ids=channel_ids(channel),
        from_person=not message.author.bot
        and message.webhook_id is None
        and message.type in CHAT_MESSAGES,
        is_dm=dm,
        in_thread=in_thread,
        replies_to_answer=None if dm or in_thread else replied_answer,
        replies_to_bot=replies_to_bot,
        auto_answer_here=not dm and not in_thread and settings.auto_answers_in(str(channel.id)),
        **_addressing(message, me),
    )


def parse_forum_post(
    thread: discord.Thread, starter: discord.Message | None, me: int
) -> ChatMessage:
    """A new post in an auto-answer forum: its title and first message are the question."""
    addressing = _addressing(starter, me) if starter is not None else {}
    return ChatMessage(
        platform=Platform.DISCORD,
        text=forum_question(thread.name, starter.content if starter is not None else ""),
        author=str(starter.author.id if starter is not None else thread.owner_id or 0),
        conversation=f"discord:{thread.id}",  # its own conversation: follow-ups in the post
        channel_ids=channel_ids(thread),
        from_person=starter is None or not starter.author.bot,
        auto_answer_here=True,
        **addressing,
    )

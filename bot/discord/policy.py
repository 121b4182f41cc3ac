"""Where the bot may speak and which messages are meant for it: small pure rules over settings.

Channel ids in settings are strings; a thread counts as its own id and its parent's, so naming a
text channel or forum also covers the threads and posts in it.
"""

from __future__ import annotations

from typing import TypeGuard

import discord

from bot.settings import DiscordSettings


def channel_ids(channel: object) -> tuple[str, ...]:
    """The channel's id and, for a thread or forum post, its parent's."""
    own = str(getattr(channel, "id", ""))
    parent = getattr(channel, "parent_id", None) if isinstance(channel, discord.Thread) else None
    return (own, str(parent)) if parent else (own,)


def may_answer(settings: DiscordSettings, channel: object, *, dm: bool) -> bool:
    """DISCORD_ALLOWED_CHANNELS: empty allows every channel; DMs are always allowed."""
    return dm or any(settings.may_answer_in(c) for c in channel_ids(channel))


def auto_answers_channel(settings: DiscordSettings, channel: object) -> bool:
    """Top-level messages in this text channel are questions (threads only take follow-ups)."""
    return not isinstance(channel, discord.Thread) and settings.auto_answers_in(
        str(getattr(channel, "id", ""))
    )


def auto_answers_forum(settings: DiscordSettings, thread: discord.Thread) -> bool:
    """New posts in this forum are questions."""
    return isinstance(thread.parent, discord.ForumChannel) and settings.auto_answers_in(
        str(thread.parent_id)
    )


def threads_in(channel: object) -> TypeGuard[discord.TextChannel]:
    """Whether a question here may get a thread of its own: plain text channels only (voice and
    stage chats have no threads; announcement channels keep the reply)."""
    return isinstance(channel, discord.TextChannel) and not channel.is_news()


def bot_ids(message: discord.Message, me: int) -> tuple[set[int], set[int]]:
    """The user id and role ids that stand for the bot (its managed role, when it has one)."""
    role = message.guild.self_role if message.guild else None
    return {me}, {role.id} if role else set()


def mentions_bot(message: discord.Message, me: int) -> bool:
    users, roles = bot_ids(message, me)
    return bool(users & set(message.raw_mentions) or roles & set(message.raw_role_mentions))


def addressed_elsewhere(message: discord.Message, me: int) -> bool:
    """The message mentions someone who is not the bot (a user, a role, @everyone): theirs."""
    users, roles = bot_ids(message, me)
    mentioned = {u.id for u in message.mentions} | set(message.raw_mentions)
    return (
        message.mention_everyone
        or bool(mentioned - users)
        or bool(set(message.raw_role_mentions) - roles)
    )

"""Sending to Discord so that no failure is silent: each ends in a log line and, where anyone
can still be reached, a short visible message to the asker.

discord.py retries 429s and 5xx itself; what reaches here is past its retries. Every exception is
caught, not only discord.py's HTTP errors: a response it cannot read (malformed JSON, a missing
field) is as much a failure to deliver as a 403.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import aiohttp
import discord

from bot.chat import messages
from bot.discord.render import NO_MENTIONS, text_message

log = logging.getLogger(__name__)


def describe(err: Exception) -> str:
    """For the log: the HTTP status, Discord's error code and message (never the token)."""
    if isinstance(err, discord.HTTPException):
        return f"{err.status} (code {err.code}) {err.text}".strip()
    if isinstance(err, discord.RateLimited):
        return f"rate limited for {err.retry_after:.0f} s"
    return repr(err)


def why(err: Exception) -> str:
    """For the asker: what stopped the message, in words."""
    if isinstance(err, discord.Forbidden):
        return messages.NOT_ALLOWED
    if isinstance(err, discord.RateLimited) or getattr(err, "status", None) == 429:
        return messages.rate_limited("Discord")
    if isinstance(err, aiohttp.ClientError | TimeoutError):
        return messages.unreachable("Discord")
    return messages.refused("Discord")


def _parts(
    content: str | None, embed: discord.Embed | None, view: discord.ui.View | None
) -> dict[str, Any]:
    # discord.py wants absent arguments left out, not None (a None view breaks a follow-up).
    parts: dict[str, Any] = {"content": content, "embed": embed, "view": view}
    return {k: v for k, v in parts.items() if v is not None}


@asynccontextmanager
async def working(channel: discord.abc.Messageable) -> AsyncIterator[None]:
    """ "evbot is typing…" while the body runs; failing to show it never costs the answer."""
    async with AsyncExitStack() as stack:
        try:
            await stack.enter_async_context(channel.typing())
        except Exception as err:  # an HTTP error, or any other: typing is only decoration
            where = getattr(channel, "id", "?")
            log.info("no typing indicator in channel %s: %s", where, describe(err))
        yield


async def post(
    channel: discord.abc.Messageable,
    asker: discord.abc.User | None,
    *,
    reference: discord.Message | None = None,
    content: str | None = None,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    continued: Sequence[discord.Embed] = (),
) -> None:
    """Post in the channel (as a reply to `reference`), then each of `continued` (the rest of a
    long answer) after it; if Discord refuses, tell the asker by DM, with the answer itself
    (and its rest) when there is one."""
    ref = reference.to_reference(fail_if_not_exists=False) if reference else None
    try:
        await channel.send(
            reference=ref, allowed_mentions=NO_MENTIONS, **_parts(content, embed, view)
        )
    except Exception as err:  # refused, or a response discord.py could not read: tell the asker
        failure = err
    else:
        await _go_on(channel, continued, asker)
        return
    channel_id = getattr(channel, "id", "?")
    if asker is None or isinstance(channel, discord.DMChannel):
        log.error("could not post in channel %s: %s", channel_id, describe(failure))
        return
    log.warning(
        "could not post in channel %s: %s; telling user %s by DM",
        channel_id,
        describe(failure),
        asker.id,
    )
    where = getattr(channel, "mention", messages.THIS_CHANNEL)
    said = isinstance(failure, discord.HTTPException)
    detail = messages.platform_said("Discord", describe(failure)) if said else None
    # The link lets the asker find their message, and the bot, after a restart, tell that
    # its edit was answered (`handlers.MessageHandler._told_by_dm`): it is in no channel's history.
    link = reference.jump_url if reference is not None else None
    note = messages.could_not_post(where, why(failure), detail, replying_to=link)
    note = messages.answer_attached(note) if embed else messages.what_i_meant(note, content or "")
    try:
        await asker.send(allowed_mentions=NO_MENTIONS, **_parts(text_message(note), embed, view))
    except Exception as err:
        log.error("could not DM user %s either: %s", asker.id, describe(err))
        return
    await _go_on(asker, continued, None)


async def _go_on(
    where: discord.abc.Messageable,
    continued: Sequence[discord.Embed],
    asker: discord.abc.User | None,
) -> None:
    """The rest of a long answer, a message per embed, where its start went; one refused ends
    it with a log line and, when an `asker` can be reached, a DM saying the answer was cut."""
    for n, embed in enumerate(continued, start=2):
        try:
            await where.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except Exception as err:
            where_id = getattr(where, "id", "?")
            log.error("could not post part %d of an answer in %s: %s", n, where_id, describe(err))
            if asker is not None:
                await tell_privately(asker, messages.answer_cut(why(err)))
            return


async def tell(interaction: discord.Interaction[Any], text: str) -> None:
    """A private note to whoever used the command or button, acknowledged yet or not."""
    send = (
        interaction.followup.send
        if interaction.response.is_done()
        else interaction.response.send_message
    )
    try:
        await send(text_message(text), ephemeral=True, allowed_mentions=NO_MENTIONS)
    except Exception as err:
        log.error("could not tell interaction %s: %s", interaction.id, describe(err))


async def tell_privately(user: discord.abc.User, text: str) -> None:
    """A DM to `user` (a note for them alone, where a message has no private reply)."""
    try:
        await user.send(text_message(text), allowed_mentions=NO_MENTIONS)
    except Exception as err:
        log.info("could not DM user %s: %s", user.id, describe(err))


async def acknowledge(interaction: discord.Interaction[Any], **defer: Any) -> bool:
    """Discord's 3-second acknowledgement, before any work; False if it came too late."""
    try:
        await interaction.response.defer(**defer)
        return True
    except Exception as err:
        log.error("could not acknowledge interaction %s: %s", interaction.id, describe(err))
        return False


async def note_after_thinking(
    interaction: discord.Interaction[Any], text: str, *, public: bool, thinking: bool = True
) -> None:
    """A note for the asker alone after the acknowledgement. A "thinking…" (`thinking`) keeps
    the defer's visibility, so a `public` one is deleted first and the note follows privately, a
    private one is replaced by it; should the delete fail, the note replaces it in the channel:
    seen, never silent. Without one (a button acknowledged silently), the note is a private
    follow-up: an edit would change the message the button is on."""
    if not thinking:
        await follow_up(interaction, ephemeral=True, content=text_message(text))
        return
    if not public:
        await replace_thinking(interaction, content=text_message(text))
        return
    try:
        await interaction.delete_original_response()
    except Exception as err:
        log.warning(
            "could not withdraw interaction %s's public thinking: %s",
            interaction.id,
            describe(err),
        )
    await follow_up(interaction, ephemeral=True, content=text_message(text))


async def replace_thinking(
    interaction: discord.Interaction[Any],
    *,
    content: str | None = None,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    continued: Sequence[discord.Embed] = (),
    private: bool = False,
) -> None:
    """The deferred "thinking…" replaced by the reply, visible as the defer was, by Discord's
    Edit Original Interaction Response: a first follow-up doing it instead is deprecated (kept
    for backwards compatibility), and one carrying an embed alone once left "thinking…" showing
    (discord-api-docs#2809). If Discord refuses, why in a private follow-up with the reply
    attached (as `post` DMs it), and should that be refused too, why alone: never lost unsaid.
    `continued` (the rest of a long answer) follows, `private` as the defer was."""
    try:
        await interaction.edit_original_response(
            allowed_mentions=NO_MENTIONS, **_parts(content, embed, view)
        )
    except Exception as err:
        failure = err
    else:
        await _follow_on(interaction, continued, ephemeral=private)
        return
    log.warning("could not answer interaction %s: %s", interaction.id, describe(failure))
    note = messages.could_not_reply(why(failure))
    note = messages.answer_attached(note) if embed else messages.what_i_meant(note, content or "")
    try:
        await interaction.followup.send(
            ephemeral=True, allowed_mentions=NO_MENTIONS, **_parts(text_message(note), embed, view)
        )
    except Exception as err:  # the reply itself is refused (too long, malformed): why alone
        log.warning(
            "could not send interaction %s its reply privately: %s", interaction.id, describe(err)
        )
    else:
        await _follow_on(interaction, continued, ephemeral=True)
        return
    await _tell_why(interaction, messages.could_not_reply(why(failure)))


async def follow_up(
    interaction: discord.Interaction[Any],
    *,
    ephemeral: bool,
    content: str | None = None,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    allowed_mentions: discord.AllowedMentions = NO_MENTIONS,
    continued: Sequence[discord.Embed] = (),
) -> None:
    """Send after acknowledging, then `continued` (the rest of a long answer); if Discord
    refuses, say why in a private follow-up."""
    try:
        await interaction.followup.send(
            ephemeral=ephemeral, allowed_mentions=allowed_mentions, **_parts(content, embed, view)
        )
    except Exception as err:
        failure = err
    else:
        await _follow_on(interaction, continued, ephemeral=ephemeral)
        return
    log.warning("could not follow up interaction %s: %s", interaction.id, describe(failure))
    await _tell_why(interaction, messages.could_not_reply(why(failure)))


async def _follow_on(
    interaction: discord.Interaction[Any], continued: Sequence[discord.Embed], *, ephemeral: bool
) -> None:
    """The rest of a long answer, a follow-up per embed; one refused ends it, and the asker is
    told privately that the answer was cut (logged if that fails too)."""
    for n, embed in enumerate(continued, start=2):
        try:
            await interaction.followup.send(
                embed=embed, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
            )
        except Exception as err:
            log.error(
                "could not post part %d of interaction %s's answer: %s",
                n,
                interaction.id,
                describe(err),
            )
            await _tell_why(interaction, messages.answer_cut(why(err)))
            return


async def _tell_why(interaction: discord.Interaction[Any], note: str) -> None:
    """`note`, why a reply could not be posted (or was cut), in a private follow-up (logged if
    that fails too)."""
    try:
        await interaction.followup.send(
            text_message(note), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
    except Exception as err:
        log.error("could not tell interaction %s why: %s", interaction.id, describe(err))

"""Interactions -> answers: `/ask` and the answer's buttons (votes, More sources, Ask a human,
Share in channel). Each is acknowledged within Discord's 3 seconds, before any work.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.discord import delivery, policy
from bot.discord.cooldown import polite_wait
from bot.discord.pool import CLOSING, AnswerPool, user_key
from bot.discord.render import (
    NO_MENTIONS,
    answer_embed,
    handoff_mentions,
    handoff_text,
    text_message,
)
from bot.discord.views import answer_view
from bot.errors import UnknownAnswer, asker_message, log_unanswered
from bot.settings import DiscordSettings

log = logging.getLogger(__name__)

NOT_HERE = "I'm not enabled in this channel: ask in one where I am, or send me a direct message."
ALREADY_ASKED = "You've already asked for a person on this answer; they have been told."
HANDOFF_FAILED = "Sorry, I could not pass this on to a person; the error has been logged."
DM_HANDOFF = (
    "I've noted that you'd like a person to answer this; the team reviews these requests. "
    "For a quicker reply, ask in the server."
)

Interaction = discord.Interaction[Any]


def _private(interaction: Interaction) -> bool:
    """Whether the clicked button sits on an answer only the clicker can see."""
    return bool(interaction.message and interaction.message.flags.ephemeral)


class InteractionHandler:
    def __init__(self, pool: AnswerPool, settings: DiscordSettings) -> None:
        self.pool = pool
        self.settings = settings

    async def _refused_to_start(self, interaction: Interaction) -> bool:
        """Shutting down, or the user is over the cooldown: say so privately, at once."""
        if self.pool.closing:
            await delivery.respond_now(interaction, CLOSING)
            return True
        wait = self.pool.cooldown.retry_after(interaction.user.id)
        if wait:
            log.info("cooldown: user %s asked too often", interaction.user.id)
            await delivery.respond_now(interaction, polite_wait(wait))
            return True
        return False

    def _conversation(self, interaction: Interaction) -> tuple[str, list[str] | None]:
        """A thread or DM is one conversation (earlier questions give context); a channel not."""
        if interaction.guild_id is None or isinstance(interaction.channel, discord.Thread):
            return f"discord:{interaction.channel_id}", None
        return f"discord:{interaction.id}", []

    async def ask_command(self, interaction: Interaction, question: str, ephemeral: bool) -> None:
        with self.pool.tracked():
            dm = interaction.guild_id is None
            if not policy.may_answer(self.settings, interaction.channel, dm=dm):
                log.info("/ask in channel %s, which is not allowed", interaction.channel_id)
                await delivery.respond_now(interaction, NOT_HERE)
                return
            if await self._refused_to_start(interaction):
                return
            if not await delivery.acknowledge(interaction, ephemeral=ephemeral, thinking=True):
                return
            conversation, history = self._conversation(interaction)
            try:
                answer = await self.pool.ask(
                    question, user_key(interaction.user), conversation, history
                )
                embed = answer_embed(answer)
                view = answer_view(answer, self.pool.step, private=ephemeral)
            except Exception as err:  # answering or rendering: either way the asker hears
                log_unanswered(log, err, f"/ask {interaction.id}")
                await delivery.follow_up(
                    interaction, ephemeral=True, content=text_message(asker_message(err))
                )
                return
            await delivery.follow_up(interaction, ephemeral=ephemeral, embed=embed, view=view)

    async def more_sources(self, interaction: Interaction, answer_id: str, count: int) -> None:
        await self._reask(interaction, answer_id, count, share=False)

    async def share(self, interaction: Interaction, answer_id: str, count: int) -> None:
        await self._reask(interaction, answer_id, count, share=True)

    async def _reask(
        self, interaction: Interaction, answer_id: str, count: int, *, share: bool
    ) -> None:
        """The answer `answer_id` again: with `count` sources, or shared publicly as it was."""
        with self.pool.tracked():
            if await self._refused_to_start(interaction):
                return
            private = not share and _private(interaction)
            # Sharing posts a new message (no "thinking" on the private one it came from).
            defer = {} if share else {"ephemeral": private, "thinking": True}
            if not await delivery.acknowledge(interaction, **defer):
                return
            try:
                answer = await self.pool.reask(answer_id, user_key(interaction.user), count)
                embed = answer_embed(answer)
                view = answer_view(answer, self.pool.step, context_id=answer_id, private=private)
            except Exception as err:  # answering or rendering: either way the presser hears
                log_unanswered(log, err, f"interaction {interaction.id} on answer {answer_id}")
                await delivery.follow_up(
                    interaction, ephemeral=True, content=text_message(asker_message(err))
                )
                return
            await delivery.follow_up(
                interaction,
                ephemeral=private,
                content=f"Shared by {interaction.user.mention}" if share else None,
                embed=embed,
                view=view,
            )

    async def vote(self, interaction: Interaction, answer_id: str, helpful: bool) -> None:
        with self.pool.tracked():
            if not await delivery.acknowledge(interaction, ephemeral=True, thinking=True):
                return
            service = self.pool.service
            try:
                await self.pool.run(
                    service.record_feedback, answer_id, user_key(interaction.user), helpful
                )
                text = f"Thanks: recorded as {'helpful' if helpful else 'not helpful'}."
            except UnknownAnswer as err:
                log_unanswered(log, err, f"vote on answer {answer_id}")
                text = asker_message(err)
            except Exception:
                log.exception("storing a vote for answer %s failed", answer_id)
                text = "Sorry, I could not store your vote; the error has been logged."
            await delivery.follow_up(interaction, ephemeral=True, content=text)

    async def ask_human(self, interaction: Interaction, answer_id: str) -> None:
        """Record the hand-off, then tag DISCORD_HUMAN_ROLE where the answer is (once a user)."""
        with self.pool.tracked():
            if not await delivery.acknowledge(interaction):  # the tag is a new, public message
                return
            user = user_key(interaction.user)
            service = self.pool.service
            try:
                first = await self.pool.run(
                    service.record_handoff, answer_id, user, source="discord"
                )
                context = await self.pool.run(service.query_log.answer_context, answer_id)
            except Exception as err:
                log_unanswered(log, err, f"hand-off on answer {answer_id}")
                text = asker_message(err) if isinstance(err, UnknownAnswer) else HANDOFF_FAILED
                await delivery.follow_up(interaction, ephemeral=True, content=text)
                return
            if not first:
                await delivery.follow_up(interaction, ephemeral=True, content=ALREADY_ASKED)
                return
            log.info("hand-off: user %s asked for a person on answer %s", user, answer_id)
            if interaction.guild_id is None:  # no role to tag in a DM
                await delivery.follow_up(interaction, ephemeral=False, content=DM_HANDOFF)
                return
            role = self.settings.human_role
            question = context[0] if context else ""
            await delivery.follow_up(
                interaction,
                ephemeral=False,
                content=handoff_text(question, interaction.user.mention, role),
                allowed_mentions=handoff_mentions(role) if role else NO_MENTIONS,
            )

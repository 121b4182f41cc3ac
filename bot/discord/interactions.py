"""Interactions -> answers: `/ask` and the answer's buttons (votes, More sources, Ask a human,
Share in channel). Each is acknowledged within Discord's 3 seconds, before any work; what a
button does is the chat layer's (`bot.chat.buttons`), and what is left here is Discord's own.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.chat import messages
from bot.chat.buttons import ButtonFlows
from bot.chat.decide import Action, decide
from bot.chat.message import ChatMessage, Platform
from bot.chat.runner import AnswerRunner
from bot.discord import delivery
from bot.discord.parse import channel_ids
from bot.discord.render import (
    answer_embed,
    continued_embeds,
    handoff_mentions,
    handoff_text,
)
from bot.discord.views import answer_view
from bot.settings import DiscordSettings

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]


def _private(interaction: Interaction) -> bool:
    """Whether the clicked button sits on an answer only the clicker can see."""
    return bool(interaction.message and interaction.message.flags.ephemeral)


def _author(interaction: Interaction) -> str:
    return str(interaction.user.id)


class InteractionHandler:
    def __init__(self, runner: AnswerRunner, settings: DiscordSettings) -> None:
        self.runner = runner
        self.flows = ButtonFlows(runner)
        self.settings = settings

    def _guard(self, interaction: Interaction, what: str) -> Any:
        async def tell(text: str) -> None:
            await delivery.tell(interaction, text)

        return self.runner.never_silent(f"{what} (interaction {interaction.id})", tell)

    async def ask_command(self, interaction: Interaction, question: str, ephemeral: bool) -> None:
        dm = interaction.guild_id is None
        in_thread = isinstance(interaction.channel, discord.Thread)
        record = ChatMessage(
            platform=Platform.DISCORD,
            text=question,
            author=_author(interaction),
            # A thread or DM is one conversation (earlier questions give context); a channel not.
            conversation=f"discord:{interaction.channel_id if dm or in_thread else interaction.id}",
            channel_ids=channel_ids(interaction.channel),
            is_dm=dm,
            in_thread=in_thread,
            mentions_bot=True,  # a command is always addressed to the bot
        )
        decision = decide(record, self.settings)
        with self.runner.tracked():
            async with self._guard(interaction, "/ask"):
                if decision.action is Action.NOT_ENABLED:
                    log.info("/ask in channel %s, which is not allowed", interaction.channel_id)
                    await delivery.tell(interaction, messages.NOT_ENABLED)
                    return
                if self.runner.closing:  # no I/O to know: said at once, before the loop stops
                    await delivery.tell(interaction, messages.CLOSING)
                    return
                if not await delivery.acknowledge(interaction, ephemeral=ephemeral, thinking=True):
                    return
                # After the ack: the cooldown is a database round trip when workers share one.
                if refusal := await self.runner.refusal(record.author):
                    await delivery.note_after_thinking(interaction, refusal, public=not ephemeral)
                    return
                asked = await self.runner.question(record, decision)
                if asked is None:  # a command is always asked of us; never a follow-up
                    return
                result = await self.runner.ask(asked, record.author, f"/ask {interaction.id}")
                if isinstance(result, str):  # a note (an empty question, ...): to the asker alone
                    await delivery.note_after_thinking(interaction, result, public=not ephemeral)
                    return
                embed = answer_embed(result)
                view = answer_view(result, self.runner.step, private=ephemeral)
                await delivery.replace_thinking(
                    interaction,
                    embed=embed,
                    view=view,
                    continued=continued_embeds(result),
                    private=ephemeral,
                )

    async def more_sources(self, interaction: Interaction, answer_id: str, count: int) -> None:
        await self._reask(interaction, answer_id, count, share=False)

    async def share(self, interaction: Interaction, answer_id: str, count: int) -> None:
        await self._reask(interaction, answer_id, count, share=True)

    async def _reask(
        self, interaction: Interaction, answer_id: str, count: int, *, share: bool
    ) -> None:
        """The answer `answer_id` again: with `count` sources, or shared publicly as it was."""
        with self.runner.tracked():
            async with self._guard(interaction, "share" if share else "more-sources"):
                private = not share and _private(interaction)
                # Sharing posts a new message (no "thinking" on the private one it came from).
                defer = {} if share else {"ephemeral": private, "thinking": True}
                if not await delivery.acknowledge(interaction, **defer):
                    return
                # A note goes to the clicker alone; a public "thinking…" is withdrawn for it.
                public_thinking = not share and not private
                author = _author(interaction)
                # After the ack: the cooldown is a database round trip when workers share one.
                if refusal := await self.flows.may_start(author):
                    await delivery.note_after_thinking(
                        interaction, refusal, public=public_thinking, thinking=not share
                    )
                    return
                if share:
                    result = await self.flows.share(answer_id, author, count)
                else:
                    result = await self.flows.more_sources(answer_id, author, count)
                if isinstance(result, str):
                    await delivery.note_after_thinking(
                        interaction, result, public=public_thinking, thinking=not share
                    )
                    return
                embed = answer_embed(result)
                view = answer_view(result, self.runner.step, context_id=answer_id, private=private)
                continued = continued_embeds(result)
                if not share:  # "thinking…" becomes the answer with more sources
                    await delivery.replace_thinking(
                        interaction, embed=embed, view=view, continued=continued, private=private
                    )
                    return
                # Acknowledged without "thinking…": the shared answer is a new message.
                await delivery.follow_up(
                    interaction,
                    ephemeral=False,
                    content=messages.shared_by(interaction.user.mention),
                    embed=embed,
                    view=view,
                    continued=continued,
                )

    async def vote(self, interaction: Interaction, answer_id: str, helpful: bool) -> None:
        with self.runner.tracked():
            async with self._guard(interaction, "vote"):
                if not await delivery.acknowledge(interaction, ephemeral=True, thinking=True):
                    return
                note = await self.flows.vote(answer_id, _author(interaction), helpful)
                await delivery.replace_thinking(interaction, content=note)

    async def ask_human(self, interaction: Interaction, answer_id: str) -> None:
        """Record the hand-off, then tag DISCORD_HUMAN_ROLE where the answer is (once a user)."""
        with self.runner.tracked():
            async with self._guard(interaction, "ask-human"):
                if not await delivery.acknowledge(interaction):  # the tag is a new message
                    return
                role = self.settings.human_role
                handoff = await self.flows.ask_human(
                    answer_id,
                    _author(interaction),
                    in_dm=interaction.guild_id is None,
                    tag_setting=None if role else "DISCORD_HUMAN_ROLE",
                )
                if handoff.note is not None or role is None:
                    note = handoff.note or messages.HANDOFF_FAILED
                    await delivery.follow_up(interaction, ephemeral=True, content=note)
                    return
                await delivery.follow_up(
                    interaction,
                    ephemeral=False,
                    content=handoff_text(handoff.question or "", interaction.user.mention, role),
                    allowed_mentions=handoff_mentions(role),
                )

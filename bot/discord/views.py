"""The answer's buttons, persistent across restarts: all their state lives in the custom_id.

discord.py's DynamicItem matches a clicked button's custom_id against a template, so a button on
a message sent before a restart still reaches its handler (`client.interactions`) with its ids.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.answer import Answer
from bot.chat import messages
from bot.settings import MAX_CITATIONS

_ID = r"(?P<answer_id>[0-9a-f]{32})"


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"evbot:vote:(?P<helpful>[01]):{_ID}",
):
    def __init__(self, answer_id: str, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label=messages.HELPFUL if helpful else messages.NOT_HELPFUL,
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"evbot:vote:{int(helpful)}:{answer_id}",
            )
        )
        self.answer_id = answer_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> VoteButton:
        return cls(match["answer_id"], match["helpful"] == "1")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.client.interactions.vote(interaction, self.answer_id, self.helpful)


class MoreSourcesButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"evbot:more:(?P<count>[0-9]{{1,2}}):{_ID}",
):
    """Re-asks the answer `answer_id` (whose question and conversation it keeps) with more."""

    def __init__(self, answer_id: str, count: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=messages.MORE_SOURCES,
                emoji="📚",
                style=discord.ButtonStyle.primary,
                custom_id=f"evbot:more:{count}:{answer_id}",
            )
        )
        self.answer_id = answer_id
        self.count = count

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> MoreSourcesButton:
        return cls(match["answer_id"], min(MAX_CITATIONS, int(match["count"])))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.client.interactions.more_sources(interaction, self.answer_id, self.count)


class HumanButton(discord.ui.DynamicItem[discord.ui.Button], template=rf"evbot:human:{_ID}"):
    def __init__(self, answer_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=messages.ASK_HUMAN,
                emoji="🙋",
                style=discord.ButtonStyle.secondary,
                custom_id=f"evbot:human:{answer_id}",
            )
        )
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> HumanButton:
        return cls(match["answer_id"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.client.interactions.ask_human(interaction, self.answer_id)


class ShareButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"evbot:share:(?P<count>[0-9]{{1,2}}):{_ID}",
):
    """On a private answer: post it (re-asked from `answer_id`, `count` sources) publicly."""

    def __init__(self, answer_id: str, count: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=messages.SHARE,
                emoji="📣",
                style=discord.ButtonStyle.success,
                custom_id=f"evbot:share:{count}:{answer_id}",
            )
        )
        self.answer_id = answer_id
        self.count = count

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> ShareButton:
        return cls(match["answer_id"], min(MAX_CITATIONS, int(match["count"])))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.client.interactions.share(interaction, self.answer_id, self.count)


BUTTONS = (VoteButton, MoreSourcesButton, HumanButton, ShareButton)


def answer_view(
    answer: Answer, step: int, *, context_id: str | None = None, private: bool = False
) -> discord.ui.View:
    """Helpful / Not helpful, More sources (while under the cap), Ask a human, and on a private
    answer Share in channel.

    `context_id` is the answer "More sources" and "Share" re-ask: the original one, so the
    citation count steps from what is shown.
    """
    context = context_id or answer.id
    view = discord.ui.View(timeout=None)
    if answer.reply:  # small talk is not logged: no answer for a button to act on
        return view
    view.add_item(VoteButton(answer.id, True))
    view.add_item(VoteButton(answer.id, False))
    if not answer.refused and len(answer.citations) < MAX_CITATIONS:
        view.add_item(MoreSourcesButton(context, min(MAX_CITATIONS, len(answer.citations) + step)))
    view.add_item(HumanButton(answer.id))
    if private:
        view.add_item(ShareButton(context, len(answer.citations)))
    return view

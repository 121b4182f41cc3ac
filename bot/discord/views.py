"""The answer's buttons, persistent across restarts: all their state lives in the custom_id.

discord.py's DynamicItem matches a clicked button's custom_id against a template, so a button on
a message sent before a restart still reaches the handler with its answer id.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.answer import Answer

MAX_CITATIONS = 10  # EVBOT_CITATIONS' own upper bound
MORE_STEP = 3


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"evbot:vote:(?P<helpful>[01]):(?P<answer_id>[0-9a-f]{32})",
):
    def __init__(self, answer_id: str, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label="Helpful" if helpful else "Not helpful",
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
        await interaction.client.answerer.vote(interaction, self.answer_id, self.helpful)


class MoreSourcesButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"evbot:more:(?P<count>[0-9]{1,2}):(?P<answer_id>[0-9a-f]{32})",
):
    def __init__(self, answer_id: str, count: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="More sources",
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
        await interaction.client.answerer.more_sources(interaction, self.answer_id, self.count)


def answer_view(answer: Answer) -> discord.ui.View:
    """Helpful / Not helpful, and More sources while more citations can be asked for."""
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(answer.id, True))
    view.add_item(VoteButton(answer.id, False))
    more = min(MAX_CITATIONS, len(answer.citations) + MORE_STEP)
    if not answer.refused and len(answer.citations) < MAX_CITATIONS:
        view.add_item(MoreSourcesButton(answer.id, more))
    return view

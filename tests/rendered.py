"""What the chat front ends show of an answer, checked the same way by every test of it."""

from __future__ import annotations

import json

from bot.answer import Answer
from bot.discord import render as discord_render
from bot.slack import render as slack_render
from bot.terminal import render_text


def assert_label_shown(answer: Answer, label: str) -> None:
    """The partial label opens the answer in the terminal, Slack (blocks and notification
    text) and Discord."""
    assert render_text(answer).splitlines()[0] == label
    _, blocks = slack_render.render_answer(answer)
    assert label in json.dumps(blocks, ensure_ascii=False)
    assert slack_render.fallback_text(answer).startswith(label)
    assert (discord_render.answer_embed(answer).description or "").startswith(f"*{label}*")

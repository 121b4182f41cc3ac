"""`Answer` -> Slack Block Kit and a plain-text fallback, with every outside string escaped.

Corpus text and user text go through `escape`: Slack reads `<...>` as mentions and links, so an
unescaped `<!channel>` in an article would ping a whole channel. Text objects are `verbatim` so
Slack does not link-ify bare names either.
"""

from __future__ import annotations

import re
from typing import Any

from bot.answer import Answer, Citation

SECTION_LIMIT = 3000  # characters in one section's text (Block Kit)
MAX_BLOCKS = 50  # blocks in one message (Block Kit)
FALLBACK_LIMIT = 3000  # the notification / screen-reader text; Slack allows more, nobody reads it
BUTTON_VALUE_LIMIT = 2000
HELPFUL = "evbot_helpful"
NOT_HELPFUL = "evbot_not_helpful"
MORE_SOURCES = "evbot_more_sources"
MAX_CITATIONS = 10  # what EVBOT_CITATIONS allows, so "More sources" stops there

Block = dict[str, Any]
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_USER_ID = re.compile(r"^[UW][A-Z0-9]+$")
_SAFE_URL = re.compile(r"^https?://[^\s<>|]+$", re.IGNORECASE)


def escape(text: str) -> str:
    """Make any text inert in mrkdwn: no mentions, broadcasts or links can come out of it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A word joiner after "@" keeps "@here" from ever being read as a broadcast, even if a
    # client link-ifies names; it is invisible to the reader.
    return _BROADCAST.sub("@\u2060\\1", text)


def clip(text: str, limit: int) -> str:
    """Cut escaped text to `limit` characters, never through an `&amp;`-style entity."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    amp = cut.rfind("&", max(0, len(cut) - 5))
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + "…"


def link(url: str | None, label: str) -> str:
    """`<url|label>` for a plain http(s) URL; otherwise the label alone (a URL cannot break out)."""
    if url and _SAFE_URL.match(url):
        return f"<{escape(url)}|{escape(label)}>"
    return escape(label)


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT), "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _quote_lines(text: str) -> str:
    return "\n".join(">" + line for line in escape(text).splitlines() if line.strip())


def citation_block(c: Citation) -> Block:
    head = f"*[{c.n}]* {link(c.url, c.title)}"
    if c.section:
        head += f" · _{escape(c.section)}_"
    return _section(f"{head}\n{_quote_lines(c.text)}")


def _button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_LIMIT],
    }
    if style:
        button["style"] = style
    return button


def fallback_text(answer: Answer) -> str:
    """The plain text Slack shows in notifications and to screen readers."""
    if answer.refused:
        return escape(answer.answer)
    sources = "; ".join(f"[{c.n}] {c.title}" for c in answer.citations)
    return clip(escape(f"“{answer.answer}” Sources: {sources}"), FALLBACK_LIMIT)


def render_answer(
    answer: Answer, *, more_value: str | None = None, question_by: str | None = None
) -> tuple[str, list[Block]]:
    """(fallback text, blocks). `more_value` adds a More sources button carrying that value;
    `question_by` (a user id) shows the question above the answer, for slash-command answers."""
    blocks: list[Block] = []
    if question_by:
        # Slack user ids are upper-case letters and digits; anything else is shown, not parsed.
        who = f"<@{question_by}>" if _USER_ID.match(question_by) else escape(question_by)
        blocks.append(
            {
                "type": "context",
                "elements": [_mrkdwn(f"{who} asked: {escape(answer.question)}")],
            }
        )
    if answer.refused:
        blocks.append(
            _section(f"{escape(answer.answer)} I only answer from the EV-rivalry articles.")
        )
    else:
        quoted = " ".join(f"“{escape(q.text)}” *[{q.citation}]*" for q in answer.quotes)
        blocks.append(_section(quoted or escape(answer.answer)))
        blocks.append({"type": "divider"})
        room = MAX_BLOCKS - len(blocks) - 1  # one block is kept for the buttons
        blocks.extend(citation_block(c) for c in answer.citations[:room])
    buttons = [
        _button("Helpful", HELPFUL, answer.id, "primary"),
        _button("Not helpful", NOT_HELPFUL, answer.id),
    ]
    if more_value and not answer.refused and len(answer.citations) < MAX_CITATIONS:
        buttons.append(_button("More sources", MORE_SOURCES, more_value))
    blocks.append({"type": "actions", "block_id": f"evbot_answer_{answer.id}", "elements": buttons})
    return fallback_text(answer), blocks


def render_notice(text: str) -> tuple[str, list[Block]]:
    """A short message to the asker (an error, a thank-you), escaped like everything else."""
    safe = escape(text)
    return clip(safe, FALLBACK_LIMIT), [_section(safe)]

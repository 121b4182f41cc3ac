"""An `Answer` as a Discord embed: escaped corpus text, linked citations, Discord's limits kept.

discord.py checks none of these limits; Discord answers an over-long message with a 400
(code 50035), so everything is trimmed here, with an ellipsis, before it is sent.
"""

from __future__ import annotations

import re
from itertools import groupby
from urllib.parse import quote

import discord

from bot.answer import Answer

MESSAGE_CHARS = 2000
TITLE_CHARS = 256
DESCRIPTION_CHARS = 4096
FIELDS = 25
FIELD_NAME_CHARS = 256
FIELD_VALUE_CHARS = 1024
FOOTER_CHARS = 2048
EMBED_TOTAL_CHARS = 6000
ELLIPSIS = "…"

ANSWER_COLOUR = discord.Colour(0x2E86DE)
REFUSAL_COLOUR = discord.Colour(0x95A5A6)
# Markdown that only means something at the start of a line: headings, quotes, lists.
_LINE_START = re.compile(r"^(\s*)([#>\-*+]|\d+\.)", re.MULTILINE)
NO_MENTIONS = discord.AllowedMentions.none()


def escape(text: str) -> str:
    """Corpus or user text shown literally: no markdown, no @everyone/@here, no masked links."""
    text = discord.utils.escape_markdown(text, as_needed=False)  # also escapes "[": no links
    text = _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)
    return discord.utils.escape_mentions(text)


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ELLIPSIS))].rstrip()
    # A cut escape sequence would escape the ellipsis; drop its dangling backslash.
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:
        cut = cut[:-1]
    return cut + ELLIPSIS


def plain_line(text: str) -> str:
    return " ".join(text.split())


def safe_url(url: str | None) -> str | None:
    """An http(s) URL that cannot break out of a markdown link, or None."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def answer_embed(answer: Answer, *, footer_note: str = "") -> discord.Embed:
    if answer.refused:
        embed = discord.Embed(
            title=clip(escape(plain_line(answer.question)), TITLE_CHARS),
            description=clip(
                f"{answer.answer} Try asking about Amazon, Tesla and the EV rivalry.",
                DESCRIPTION_CHARS,
            ),
            colour=REFUSAL_COLOUR,
        )
    else:
        quoted = "\n\n".join(
            f"“{escape(plain_line(' '.join(q.text for q in group)))}” **[{n}]**"
            for n, group in groupby(answer.quotes, key=lambda q: q.citation)
        )
        embed = discord.Embed(
            title=clip(escape(plain_line(answer.question)), TITLE_CHARS),
            description=clip(quoted, DESCRIPTION_CHARS),
            colour=ANSWER_COLOUR,
        )
        for citation in answer.citations[:FIELDS]:
            section = f" — {citation.section}" if citation.section else ""
            name = f"[{citation.n}] " + escape(plain_line(f"{citation.title}{section}"))
            url = safe_url(citation.url)
            link = f"[{escape(plain_line(citation.title))}]({url})\n" if url else ""
            value = link + "> " + escape(plain_line(citation.text))
            embed.add_field(
                name=clip(name, FIELD_NAME_CHARS),
                value=clip(value, FIELD_VALUE_CHARS),
                inline=False,
            )
    note = f" · {footer_note}" if footer_note else ""
    embed.set_footer(text=clip(f"answer {answer.id}{note}", FOOTER_CHARS))
    _fit_total(embed)
    return embed


def _fit_total(embed: discord.Embed) -> None:
    """Shorten the longest passages until the whole embed is within Discord's 6,000 total."""
    while len(embed) > EMBED_TOTAL_CHARS and embed.fields:
        excess = len(embed) - EMBED_TOTAL_CHARS
        i, longest = max(enumerate(embed.fields), key=lambda f: len(f[1].value or ""))
        value = longest.value or ""
        if len(value) <= 40:  # nothing left worth trimming: drop the last citation instead
            embed.remove_field(len(embed.fields) - 1)
            continue
        keep = max(40, len(value) - excess, len(value) // 2)
        embed.set_field_at(
            i, name=longest.name or "", value=clip(value, keep), inline=longest.inline
        )


def text_message(text: str) -> str:
    """A short plain message (errors, cooldown), within the 2,000-character limit."""
    return clip(text, MESSAGE_CHARS)

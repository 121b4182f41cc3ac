"""An `Answer` as a Discord embed: escaped corpus text, linked citations, Discord's limits kept.

discord.py checks none of these limits; Discord answers an over-long message with a 400
(code 50035), so everything is trimmed here, with an ellipsis, before it is sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import quote

import discord

from bot.answer import Answer, Citation
from bot.answer import day as answer_day
from bot.chat import messages

MESSAGE_CHARS = 2000
TITLE_CHARS = 256
DESCRIPTION_CHARS = 4096
FIELDS = 25
FIELD_NAME_CHARS = 256
FIELD_VALUE_CHARS = 1024
FOOTER_CHARS = 2048
THREAD_NAME_CHARS = 100
EMBED_TOTAL_CHARS = 6000
ELLIPSIS = "…"
# A longer answer goes on in up to this many messages more, an embed's description each, rather
# than losing its end (a long section quoted, many headings listed); past them it is cut.
CONTINUED_MESSAGES = 4
LINK_LABEL_CHARS = 100  # a link's label: the full title is the field's name already
MIN_QUOTE_CHARS = 40  # a quote is shortened to this before a whole citation is dropped

ANSWER_COLOUR = discord.Colour(0x2E86DE)
REFUSAL_COLOUR = discord.Colour(0x95A5A6)
# Markdown that only means something at the start of a line: headings, quotes, lists.
_LINE_START = re.compile(r"^(\s*)([#>\-*+]|\d+\.)", re.MULTILINE)
# Every <...> form is Discord markup (mentions with any id, channels, commands, <t:…> times,
# <:emoji:…>, <id:…> links): a zero-width space after the "<" leaves it plain text.
_MARKUP_OPEN = re.compile(r"<(?=\S)")
# A thread name is plain text: only what would still be a live link there is broken up.
_CHANNEL_LINK = re.compile(r"<(#|/)")
_BRACKET = re.compile(r"([\[\]])")
_ANSWER_ID = re.compile(r"answer ([0-9a-f]{32})$")  # the end of every answer's footer
NO_MENTIONS = discord.AllowedMentions.none()


def escape(text: str) -> str:
    """Corpus or user text shown literally: no markdown, no mentions of anyone, no links."""
    # Every bracket escaped: escape_markdown only escapes the first "[" of what looks like a
    # link, which leaves a later "[x](url)", or a "]" that closes our own link early, live.
    text = "".join(
        "\\" + part if part in ("[", "]") else discord.utils.escape_markdown(part, as_needed=False)
        for part in _BRACKET.split(text)
    )
    text = _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)
    text = _MARKUP_OPEN.sub("<\u200b", text)
    return discord.utils.escape_mentions(text)  # @everyone, @here


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


def day(value: str | None) -> str | None:
    """The answer layer's "24 Nov 2026", made safe to post (an odd date is article text)."""
    shown = answer_day(value)
    return clip(escape(plain_line(shown)), 40) if shown else None


def _source_line(citation: Citation, room: int) -> str:
    """ "[Title](link) · 12 Mar 2026": the link scrolls to the quoted sentence where it can.

    A link is a whole piece: when the fragment link does not fit in `room`, the article's own
    URL is tried, then no link at all; it is never cut.
    """
    published = day(citation.published)
    label = clip(escape(plain_line(citation.title)), LINK_LABEL_CHARS)
    dated = f" · {published}" if published else ""
    for url in dict.fromkeys((safe_url(citation.link), safe_url(citation.url))):
        if url and len(line := f"[{label}]({url}){dated}") <= room:
            return line
    return messages.published(published) if published else ""


@dataclass
class _Field:
    """A citation's field as pieces: trimming shortens the quote or drops the whole field."""

    name: str
    source: str  # a whole "[Title](url) · date" line, or ""
    quote: str  # escaped passage

    @property
    def value(self) -> str:
        return f"{self.source}\n> {self.quote}" if self.source else f"> {self.quote}"

    def __len__(self) -> int:
        return len(self.name) + len(self.value)


def _citation_field(citation: Citation) -> _Field:
    section = f" — {citation.section}" if citation.section else ""
    name = f"[{citation.n}] " + escape(plain_line(f"{citation.title}{section}"))
    source = _source_line(citation, FIELD_VALUE_CHARS - len("\n> ") - MIN_QUOTE_CHARS)
    room = FIELD_VALUE_CHARS - len(_Field("", source, "").value)
    quote = clip(escape(plain_line(citation.text)), room)
    return _Field(clip(name, FIELD_NAME_CHARS), source, quote)


def answer_embed(answer: Answer) -> discord.Embed:
    """The answer's first message: its text (as far as a description holds: the rest follows in
    `continued_embeds`), the sources it quotes, the index's date and the answer id."""
    first = description_parts(answer)[0]
    if answer.reply:  # small talk: the reply alone; no answer id (nothing is logged to vote on)
        return discord.Embed(description=first, colour=ANSWER_COLOUR)
    title = clip(escape(plain_line(answer.question)), TITLE_CHARS)
    colour = REFUSAL_COLOUR if answer.refused else ANSWER_COLOUR
    embed = discord.Embed(title=title, description=first, colour=colour)
    built = day(answer.index_built_at)
    fresh = f"{messages.sources_as_of(built)} · " if built else ""
    embed.set_footer(text=clip(f"{fresh}answer {answer.id}", FOOTER_CHARS))
    if not answer.refused:
        fields = [_citation_field(c) for c in answer.citations[:FIELDS]]
        for field in _fit_total(fields, EMBED_TOTAL_CHARS - len(embed)):
            embed.add_field(name=field.name, value=field.value, inline=False)
    return embed


def continued_embeds(answer: Answer) -> list[discord.Embed]:
    """What the first message's description could not hold, an embed per message after it."""
    colour = REFUSAL_COLOUR if answer.refused and not answer.reply else ANSWER_COLOUR
    return [
        discord.Embed(description=part, colour=colour) for part in description_parts(answer)[1:]
    ]


def description_parts(answer: Answer) -> list[str]:
    """The answer's text in descriptions of DESCRIPTION_CHARS: each quote whole with its marks and
    citation where it fits (one longer goes on into the next, cut between words), the partial
    label above the first; at most 1 + CONTINUED_MESSAGES of them, the last cut past that."""
    if answer.reply:
        pieces = [escape(plain_line(answer.answer))]
    elif answer.refused:
        pieces = [f"{answer.answer} {escape(messages.REFUSAL_HINT)}"]
    else:
        grouped = [
            (n, escape(plain_line(" ".join(q.text for q in group))))
            for n, group in groupby(answer.quotes, key=lambda q: q.citation)
        ]
        label = [f"*{escape(answer.partial_label)}*"] if answer.partial_label else []
        pieces = label + [f"“{text}” **[{n}]**" for n, text in grouped]
    parts = _packed(pieces, DESCRIPTION_CHARS) or [""]
    most = 1 + CONTINUED_MESSAGES
    if len(parts) > most:
        parts = [*parts[: most - 1], clip(parts[most - 1] + " " + ELLIPSIS, DESCRIPTION_CHARS)]
    return parts


def _packed(pieces: list[str], limit: int) -> list[str]:
    """The pieces joined by blank lines into parts of at most `limit` characters: a piece that
    fits in a part is never split; one longer than a part starts where the part before ends
    (a label is not left alone) and goes on into the next, cut between words."""
    parts: list[str] = []
    for piece in pieces:
        if parts and len(parts[-1]) + 2 + len(piece) <= limit:
            parts[-1] += "\n\n" + piece
        elif len(piece) > limit and (room := _room(parts, limit)) >= MIN_QUOTE_CHARS:
            cut = _cut(piece, room)
            parts[-1] += "\n\n" + piece[:cut].rstrip()
            parts.extend(_split(piece[cut:].lstrip(), limit))
        else:
            parts.extend(_split(piece, limit))
    return parts


def _room(parts: list[str], limit: int) -> int:
    """The characters the last part leaves for more after a blank line (none with no part)."""
    return limit - len(parts[-1]) - 2 if parts else 0


def _split(text: str, limit: int) -> list[str]:
    """Escaped text in parts of at most `limit` characters (`_cut`)."""
    parts: list[str] = []
    while len(text) > limit:
        cut = _cut(text, limit)
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text else parts


def _cut(text: str, limit: int) -> int:
    """Where to cut escaped text longer than `limit`: at its last space within it; in a word
    longer than that, never between a backslash and the character it escapes."""
    cut = text.rfind(" ", 0, limit + 1)
    if cut > 0:
        return cut
    trailing = limit - len(text[:limit].rstrip("\\"))
    return limit - trailing % 2


def answer_id_in(message: discord.Message) -> str | None:
    """The id of the answer a message of ours shows (from its embed footer), if it shows one."""
    for embed in message.embeds:
        if embed.footer.text and (found := _ANSWER_ID.search(embed.footer.text)):
            return found[1]
    return None


def thread_name(question: str) -> str:
    """The question as the name of the thread that answers it: one line, mentions inert.

    Discord shows a thread name as plain text, so markdown there is inert already (escaping
    it would show the backslashes); only mentions and channel links are broken up.
    """
    name = _CHANNEL_LINK.sub("<\u200b\\1", discord.utils.escape_mentions(plain_line(question)))
    return clip(name, THREAD_NAME_CHARS)


def _fit_total(fields: list[_Field], budget: int) -> list[_Field]:
    """The fields within `budget` characters: the longest quotes are shortened first, down to
    a few words, then whole citations are dropped from the end; a link is never cut."""
    while fields and (excess := sum(map(len, fields)) - budget) > 0:
        longest = max(fields, key=lambda f: len(f.quote))
        if len(longest.quote) <= MIN_QUOTE_CHARS:
            fields.pop()
            continue
        keep = max(MIN_QUOTE_CHARS, len(longest.quote) - excess, len(longest.quote) // 2)
        longest.quote = clip(longest.quote, keep)
    return fields


def text_message(text: str) -> str:
    """A short plain message (errors, cooldown), within the 2,000-character limit."""
    return clip(text, MESSAGE_CHARS)


def handoff_text(question: str, asker: str, role: int) -> str:
    """The "Ask a human" post: tags the role, quotes the question."""
    quoted = clip(escape(plain_line(question)), 1500)
    return text_message(messages.handoff(f"<@&{role}>", asker, quoted))


def handoff_mentions(role: int) -> discord.AllowedMentions:
    """Only the human role may ping: never the asker, @everyone, or anything in the question."""
    return discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(role)], replied_user=False
    )

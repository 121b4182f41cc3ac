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
    if answer.reply:  # small talk: the reply alone; no answer id (nothing is logged to vote on)
        return discord.Embed(
            description=clip(escape(plain_line(answer.answer)), DESCRIPTION_CHARS),
            colour=ANSWER_COLOUR,
        )
    if answer.refused:
        embed = discord.Embed(
            title=clip(escape(plain_line(answer.question)), TITLE_CHARS),
            description=clip(
                f"{answer.answer} {escape(messages.REFUSAL_HINT)}",
                DESCRIPTION_CHARS,
            ),
            colour=REFUSAL_COLOUR,
        )
    else:
        grouped = [
            (n, escape(plain_line(" ".join(q.text for q in group))))
            for n, group in groupby(answer.quotes, key=lambda q: q.citation)
        ]
        label = f"*{escape(answer.partial_label)}*\n\n" if answer.partial_label else ""
        # Each quote keeps its closing mark and its citation: a long one is shortened inside.
        texts = _fit_quotes([text for _, text in grouped], _quotes_room(grouped, label))
        quoted = label + "\n\n".join(
            f"“{text}” **[{n}]**" for (n, _), text in zip(grouped, texts, strict=True)
        )
        embed = discord.Embed(
            title=clip(escape(plain_line(answer.question)), TITLE_CHARS),
            description=clip(quoted, DESCRIPTION_CHARS),
            colour=ANSWER_COLOUR,
        )
    built = day(answer.index_built_at)
    fresh = f"{messages.sources_as_of(built)} · " if built else ""
    embed.set_footer(text=clip(f"{fresh}answer {answer.id}", FOOTER_CHARS))
    if not answer.refused:
        fields = [_citation_field(c) for c in answer.citations[:FIELDS]]
        for field in _fit_total(fields, EMBED_TOTAL_CHARS - len(embed)):
            embed.add_field(name=field.name, value=field.value, inline=False)
    return embed


def _quotes_room(grouped: list[tuple[int, str]], label: str) -> int:
    """The characters the description leaves for the quotes' text: less the label, the marks,
    the citations and the blank lines between them."""
    around = sum(len(f"“” **[{n}]**") for n, _ in grouped) + 2 * max(0, len(grouped) - 1)
    return DESCRIPTION_CHARS - len(label) - around


def _fit_quotes(texts: list[str], room: int) -> list[str]:
    """The quotes' texts within `room` characters: the longest is shortened first (with an
    ellipsis, never through an escape), down to MIN_QUOTE_CHARS each."""
    texts = list(texts)
    while (excess := sum(map(len, texts)) - room) > 0:
        longest = max(range(len(texts)), key=lambda i: len(texts[i]))
        if len(texts[longest]) <= MIN_QUOTE_CHARS:
            break  # the description's own clip keeps the limit
        keep = max(MIN_QUOTE_CHARS, len(texts[longest]) - excess, len(texts[longest]) // 2)
        texts[longest] = clip(texts[longest], keep)
    return texts


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

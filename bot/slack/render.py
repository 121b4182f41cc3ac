"""`Answer` -> Slack Block Kit and a plain-text fallback, with every outside string escaped.

Corpus text and user text go through `escape`: Slack reads `<...>` as mentions and links, so an
unescaped `<!channel>` in an article would ping a whole channel. Text objects are `verbatim` so
Slack does not link-ify bare names either. Everything is trimmed to Block Kit's limits here, so
an over-long answer is shortened, never rejected by Slack.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.answer import Answer, Citation
from bot.answer import day as answer_day
from bot.chat import messages
from bot.settings import MAX_CITATIONS

SECTION_LIMIT = 3000  # characters in one section's or context element's text (Block Kit)
MAX_BLOCKS = 50  # blocks in one message (Block Kit)
FALLBACK_LIMIT = 3000  # the notification / screen-reader text; Slack allows more, nobody reads it
BUTTON_VALUE_LIMIT = 2000
# Sections a long answer's quotes go on into (15,000 characters: far more than any answer quotes).
QUOTE_SECTIONS = 5
NAME_LIMIT = 80  # a sharer's display name, shown as plain text
HELPFUL = "evbot_helpful"
NOT_HELPFUL = "evbot_not_helpful"
MORE_SOURCES = "evbot_more_sources"
ASK_HUMAN = "evbot_ask_human"
SHARE = "evbot_share"

Block = dict[str, Any]
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
# mrkdwn has no escape character. A zero-width space on each side of a marker keeps it from
# pairing up (copied text keeps every character); `*` and `_` inside a word never format, so
# names like SLACK_HUMAN_GROUP are left whole. Backticks and tildes are always broken up.
_MARKER = re.compile(r"[~`]|(?<![^\W_])[*_]|[*_](?![^\W_])")
_LINE_START_QUOTE = re.compile(r"^(\s*)&gt;", re.MULTILINE)  # a blockquote
_EMOJI = re.compile(r":(?=[\w+'-]*[a-z][\w+'-]*:)")  # `:fire:` would show an emoji
ZWSP = "\u200b"
_SAFE_URL = re.compile(r"^https?://[^\s<>|]+$", re.IGNORECASE)
_GROUP_ID = re.compile(r"^S[A-Z0-9]+$")


@dataclass(frozen=True)
class View:
    """How an answer is shown; it travels in the More sources button so a re-render keeps it."""

    show_question: bool = False  # /ask answers: the channel never saw the question as a message
    private: bool = False  # an ephemeral /ask --private answer: offers "Share in channel"
    shared_by: str | None = None  # a shared copy credits its sharer by name (no ping)

    def pack(self) -> dict[str, Any]:
        return {"q": int(self.show_question), "p": int(self.private), "s": self.shared_by}

    @classmethod
    def unpack(cls, data: dict[str, Any]) -> View:
        shared_by = data.get("s")
        return cls(bool(data.get("q")), bool(data.get("p")), str(shared_by) if shared_by else None)


def _entities(text: str) -> str:
    """The three characters Slack reads as control characters, as the entities it documents."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape(text: str) -> str:
    """Make any text inert in mrkdwn: no mentions, broadcasts, links or formatting come out of it.

    What the reader sees, and copies, is the text itself plus invisible zero-width characters.
    """
    text = _entities(text)
    text = _MARKER.sub(lambda m: f"{ZWSP}{m[0]}{ZWSP}", text)
    text = _LINE_START_QUOTE.sub(lambda m: f"{m[1]}{ZWSP}&gt;", text)
    text = _EMOJI.sub(f":{ZWSP}", text)
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


def split(text: str, limit: int) -> list[str]:
    """Escaped text in parts of at most `limit` characters, each cut between words (escaping
    puts no space inside an entity or a marker); a word longer than a part is cut in it, never
    through an `&amp;`-style entity."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
            amp = text.rfind("&", cut - 5, cut)
            cut = amp if amp > 0 and ";" not in text[amp:cut] else cut
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text else parts


def sections_of(pieces: list[str], limit: int = SECTION_LIMIT) -> list[str]:
    """The pieces (each quote with its citation) joined by spaces into parts of at most `limit`
    characters: a piece that fits is never split, so a quote keeps its closing mark and its
    citation; one longer than a part goes on into the next, cut between words."""
    parts: list[str] = []
    for piece in pieces:
        if parts and len(parts[-1]) + 1 + len(piece) <= limit:
            parts[-1] += " " + piece
        else:
            parts.extend(split(piece, limit))
    return parts


def reply_sections(text: str) -> list[str]:
    """An escaped reply in sections of SECTION_LIMIT characters, cut between words, rather than
    cut at the first's end (a long list of an article's headings); past MAX_BLOCKS, cut."""
    parts = split(text, SECTION_LIMIT) or [text]
    if len(parts) > MAX_BLOCKS:
        parts = [*parts[: MAX_BLOCKS - 1], clip(parts[MAX_BLOCKS - 1] + "…", SECTION_LIMIT)]
    return parts


def link(url: str | None, label: str) -> str:
    """`<url|label>` for a plain http(s) URL; otherwise the label alone (a URL cannot break out)."""
    if url and _SAFE_URL.match(url):
        return f"<{_entities(url)}|{escape(label)}>"  # a URL is not shown: no markup to break
    return escape(label)


def day(value: object) -> str | None:
    """The answer layer's "24 Nov 2026", made safe to post (an odd date is article text)."""
    shown = answer_day(value)
    return clip(escape(shown), 40) if shown else None


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT), "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(text)]}


def _quote_lines(text: str) -> str:
    return "\n".join(">" + line for line in escape(text).splitlines() if line.strip())


def citation_block(c: Citation) -> Block:
    """Title linked to the quoted sentence on the page (text fragment) when the article has one."""
    head = f"*[{c.n}]* {link(c.link or c.url, c.title)}"
    if c.section:
        head += f" · _{escape(c.section)}_"
    published = day(c.published)
    if published:
        head += f" · {messages.published(published)}"
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
    label = f"{answer.partial_label} " if answer.partial_label else ""
    return clip(escape(f"{label}“{answer.answer}” Sources: {sources}"), FALLBACK_LIMIT)


def more_value(answer: Answer, view: View) -> str:
    """The More sources / Share value: the answer id (its question is in the query log)."""
    return json.dumps({"id": answer.id, "k": len(answer.citations), **view.pack()})


def parse_value(value: str) -> tuple[str, int, View] | None:
    """(answer id, citations shown, view) from a More sources / Share value; None if mangled."""
    try:
        data = json.loads(value)
        return str(data["id"]), int(data.get("k", 0)), View.unpack(data)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def render_answer(answer: Answer, view: View | None = None) -> tuple[str, list[Block]]:
    """(fallback text, blocks): the quote, when the sources date from, citations, buttons."""
    view = view or View()
    if answer.reply:  # small talk: the reply alone, no sources or buttons (nothing is logged)
        text = escape(answer.answer)
        return clip(text, FALLBACK_LIMIT), [_section(part) for part in reply_sections(text)]
    blocks: list[Block] = []
    if view.show_question:
        blocks.append(_context(messages.question_shown(escape(answer.question))))
    if view.shared_by:
        blocks.append(_context(messages.shared_by(clip(escape(view.shared_by), NAME_LIMIT))))
    if answer.refused:
        blocks.append(_section(f"{escape(answer.answer)} {escape(messages.REFUSAL_HINT)}"))
    else:
        if answer.partial_label:  # a partial answer (issue 17): labelled above its quote
            blocks.append(_context(escape(answer.partial_label)))
        quoted = [f"“{escape(q.text)}” *[{q.citation}]*" for q in answer.quotes]
        # A long answer goes on in the next section (Block Kit's 3,000 characters each), at
        # most QUOTE_SECTIONS of them, rather than losing its end and its citation.
        parts = sections_of(quoted) or [escape(answer.answer)]
        if len(parts) > QUOTE_SECTIONS:
            parts = [
                *parts[: QUOTE_SECTIONS - 1],
                clip(parts[QUOTE_SECTIONS - 1] + "…", SECTION_LIMIT),
            ]
        blocks.extend(_section(part) for part in parts)
    built = day(answer.index_built_at)
    if built:
        blocks.append(_context(messages.sources_as_of(built)))
    if not answer.refused:
        blocks.append({"type": "divider"})
        room = MAX_BLOCKS - len(blocks) - 1  # one block is kept for the buttons
        blocks.extend(citation_block(c) for c in answer.citations[:room])
    buttons = [
        _button(messages.HELPFUL, HELPFUL, answer.id, "primary"),
        _button(messages.NOT_HELPFUL, NOT_HELPFUL, answer.id),
    ]
    if not answer.refused and len(answer.citations) < MAX_CITATIONS:
        buttons.append(_button(messages.MORE_SOURCES, MORE_SOURCES, more_value(answer, view)))
    buttons.append(_button(messages.ASK_HUMAN, ASK_HUMAN, answer.id))
    if view.private and not answer.refused:
        buttons.append(_button(messages.SHARE, SHARE, more_value(answer, view)))
    blocks.append({"type": "actions", "block_id": f"evbot_answer_{answer.id}", "elements": buttons})
    return fallback_text(answer), blocks


def render_notice(text: str) -> tuple[str, list[Block]]:
    """A short message to the asker (an error, a thank-you), escaped like everything else."""
    safe = escape(text)
    return clip(safe, FALLBACK_LIMIT), [_section(safe)]


def group_mention(group: str | None) -> str | None:
    """`<!subteam^S…>` for a user-group id; None for anything else (never raw markup)."""
    return f"<!subteam^{group}>" if group and _GROUP_ID.match(group) else None


def render_handoff(question: str, mention: str, asked_by: str | None) -> tuple[str, list[Block]]:
    """The thread message that tags the humans: the question, escaped; the asker by name."""
    who = clip(escape(asked_by), NAME_LIMIT) if asked_by else messages.SOMEONE
    text = clip(messages.handoff(mention, who, escape(question)), SECTION_LIMIT)
    return clip(text, FALLBACK_LIMIT), [_section(text)]

"""A question naming a part of the text beside its topic: "whats the opening line say about
rivalries in tech", "why is the world wanting more evs according to the intro", "how does the
conclusion frame the rivalry?". The asker wants that part's words, so the answer is searched among
its passages (bot.retrieval.NAMED_PART). A request for the part alone ("what does the intro say")
is an overview (bot/overview.py), read before any search.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Literal

from bot.chunking import Passage

Part = Literal["opening", "close"]

# The article's opening: "the intro", "the opening line", "the first paragraph". Not "in the
# beginning" or "from the start", said of the rivalry as often as of the text.
_OPENING = re.compile(
    r"\b(?:intro|introduction"
    r"|(?:the|its|this|article's|piece's|text's|story's) opening"
    r"|(?:opening|first) (?:lines?|paragraphs?|sentences?|part|bit|words))\b",
    re.IGNORECASE,
)
# Its close: "the conclusion", "the ending", "the closing line". Not "in the end" ("who wins in the
# end") nor "what conclusion did …" (a conclusion someone draws).
_CLOSE = re.compile(
    r"\b(?:(?:the|its|this|article's|piece's|text's|story's) (?:conclusion|ending)"
    r"|(?:closing|last|final) (?:lines?|paragraphs?|sentences?|part|bit|words|section)"
    r"|end of (?:the|this) (?:article|piece|text|story))\b",
    re.IGNORECASE,
)


# A line of the text named: "the opening line", "the first sentence", "at the very start" ask for
# the part's first sentence, "the closing line", "the last words", "at the very end" for its last
# (not "the very start of their rivalry"). Session 27 (bot.retrieval.NAMED_LINE,
# bot.answer.NAMED_LINE_RATIO).
_OPENING_LINE = re.compile(
    r"\b(?:(?:opening|first) (?:lines?|sentences?|words)"
    r"|(?:at|in) the very (?:start|beginning)(?! of\b))",
    re.IGNORECASE,
)
_CLOSING_LINE = re.compile(
    r"\b(?:(?:closing|last|final) (?:lines?|sentences?|words)|(?:at|in) the very end(?! of\b))",
    re.IGNORECASE,
)


def named_part(question: str) -> Part | None:
    """The part of the text `question` names ("opening" or "close"), or None (or both named)."""
    opening = _OPENING.search(question) or _OPENING_LINE.search(question)
    close = _CLOSE.search(question) or _CLOSING_LINE.search(question)
    if bool(opening) == bool(close):
        return None
    return "opening" if opening else "close"


def named_line(question: str) -> Part | None:
    """The line of the text `question` names: its part's first ("opening") or last ("close")
    sentence, or None (none, or both, named)."""
    opening, close = _OPENING_LINE.search(question), _CLOSING_LINE.search(question)
    if bool(opening) == bool(close):
        return None
    return "opening" if opening else "close"


def part_rows(
    passages: Sequence[Passage], part: Part, rows: Iterable[int] | None = None
) -> frozenset[int]:
    """The rows of every document's `part` among `rows` (every row by default; the index passes
    the ranked documents' rows, so a large one is not read whole): its opening, the passages
    before its first heading (its first passage when a heading opens it); its close, the passages
    of its last section. A document without headings opens with its first passage and closes with
    its last."""
    by_doc: dict[str, list[int]] = {}
    for row in range(len(passages)) if rows is None else rows:
        by_doc.setdefault(passages[row].doc_id, []).append(row)
    found: set[int] = set()
    for rows in by_doc.values():
        rows.sort(key=lambda row: passages[row].start)
        if all(passages[row].section is None for row in rows):
            found.update(rows[:1] if part == "opening" else rows[-1:])
        elif part == "opening":
            opening = list(itertools.takewhile(lambda row: passages[row].section is None, rows))
            found.update(opening or rows[:1])
        else:
            last = passages[rows[-1]].section
            found.update(row for row in rows if passages[row].section == last)
    return frozenset(found)

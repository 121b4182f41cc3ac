"""A quoted sentence that opens by pointing back ("This makes the stakes incredibly high.", "These
alliances could accelerate the timeline") is quoted after the sentence it points at.

Alone it says nothing of what it is about: "what's at stake?" was answered "This makes the stakes
incredibly high." Its passage holds the sentence before it, so that one is quoted first, from the
same passage (the citation does not change). Session 16's `bot.answer.WHY_ANTECEDENT` did this
inside the quote choice for "why" questions only; this does it for every answer, whatever chose
its quotes (a search, "tell me more", a follow-up).
"""

from __future__ import annotations

import dataclasses
import re

from bot.answer import Answer, Citation, Quote
from bot.index import SearchIndex
from bot.sections import to_section_end

# On: a quote opening with "This", "These", "That", "Those" or "Such" brings the sentence before it
# in its passage (session 24; `benchmarks/quality.py --lead-24` measures it).
ANTECEDENT = True
_POINTS_BACK = re.compile(r"(?:This|These|That|Those|Such)\b")


def points_back(sentence: str) -> bool:
    """Whether `sentence` opens with a demonstrative pointing at what was said before it."""
    return bool(_POINTS_BACK.match(sentence.lstrip()))


# On: a quote naming the thing asked only as "these …", "those …" or "such …" ("what are the
# weaknesses?": "… looking to exploit these weaknesses …") brings the sentence before it too, where
# they are named (session 31, the lead's probes: the weaknesses themselves were not quoted).
ASKED_POINTED_BACK_31 = True
_POINTED_NOUN = re.compile(r"\b(?:these|those|such)\s+([a-z]+)", re.IGNORECASE)
# Two words are forms of one when they share this many first letters ("weakness" / "weaknesses").
_SHARED_PREFIX = 6


def points_back_at_asked(sentence: str, question: str) -> bool:
    """Whether `sentence` names a word of `question` only as "these …" / "those …" / "such …"."""
    if not ASKED_POINTED_BACK_31:
        return False
    asked = {w[:_SHARED_PREFIX] for w in re.findall(r"[a-z]+", question.lower()) if len(w) > 3}
    return any(m[1].lower()[:_SHARED_PREFIX] in asked for m in _POINTED_NOUN.finditer(sentence))


def with_antecedents(answer: Answer, index: SearchIndex) -> Answer:
    """`answer` with the sentence before each quote that points back, from the same passage, quoted
    just before it; the same answer when none does, or the sentence before is quoted already (or
    the quote opens its passage)."""

    def pointing(text: str) -> bool:
        return points_back(text) or points_back_at_asked(text, answer.question)

    if not ANTECEDENT or answer.refused or not any(pointing(q.text) for q in answer.quotes):
        return answer
    cited = {c.n: c for c in answer.citations}
    quoted = {q.text for q in answer.quotes}
    quotes: list[Quote] = []
    for quote in answer.quotes:
        citation = cited.get(quote.citation)
        before = _sentence_before(index, citation, quote.text) if citation else None
        if pointing(quote.text) and before is not None and before not in quoted:
            quotes.append(Quote(before, quote.citation))
            quoted.add(before)
        quotes.append(quote)
    if len(quotes) == len(answer.quotes):
        return answer
    return dataclasses.replace(
        answer, answer=" ".join(q.text for q in quotes), quotes=tuple(quotes)
    )


def _sentence_before(index: SearchIndex, cited: Citation, sentence: str) -> str | None:
    """The sentence before `sentence` in the passage `cited`; None when it opens the passage or
    the passage does not hold it."""
    own = [text for passage, text in to_section_end(index, cited.doc_id, cited.passage_id)
           if passage.id == cited.passage_id]  # fmt: skip
    at = own.index(sentence) if sentence in own else 0
    return own[at - 1] if at > 0 else None

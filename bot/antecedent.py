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


def with_antecedents(answer: Answer, index: SearchIndex) -> Answer:
    """`answer` with the sentence before each quote that points back, from the same passage, quoted
    just before it; the same answer when none does, or the sentence before is quoted already (or
    the quote opens its passage)."""
    if not ANTECEDENT or answer.refused or not any(points_back(q.text) for q in answer.quotes):
        return answer
    cited = {c.n: c for c in answer.citations}
    quoted = {q.text for q in answer.quotes}
    quotes: list[Quote] = []
    for quote in answer.quotes:
        citation = cited.get(quote.citation)
        before = _sentence_before(index, citation, quote.text) if citation else None
        if points_back(quote.text) and before is not None and before not in quoted:
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

"""What an abbreviation stands for ("what does EV stand for?"): the sentence where the text
spells it out, "the electric vehicle (EV) industry", quoted and cited.

Searched, "what does EV stand for?" quoted "The electric vehicle revolution is only just
beginning" (session 27, the lead's probes): the words "stand for" say nothing a passage holds,
and the sentence that defines the abbreviation is the one that writes it in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.answer import Answer, passages_answer
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.more import NOTHING_MORE

# On: an abbreviation the text spells out is answered by the sentence spelling it out (session
# 27; `benchmarks/quality.py --lead-27` measures it).
ACRONYMS_27 = True
# How many passages holding the abbreviation are read for its brackets, best-scored first.
READ_PASSAGES = 50

_SHORT = r"[\"“'‘]?(?P<{}>[a-z][a-z0-9&]{{1,7}})[\"”'’]?"
_ASKED = re.compile(
    r"^(?:(?:so|ok|okay|and|hey|wait)[,!]? )*(?:"
    r"(?:what|wat|wht)(?:'s| is| does| do| did|s) (?:the )?(?:(?:acronym|abbreviation|term) )?"
    + _SHORT.format("a")
    + r" (?:stand|stands) for|(?:what|wat)(?:'s| is| does|s) (?:the )?(?:(?:acronym|abbreviation"
    r"|term) )?"
    + _SHORT.format("b")
    + r" (?:short for|mean|means|refer to)|(?:what(?:'s| is) )?(?:the )?(?:full form|meaning)"
    r" of (?:the )?(?:(?:acronym|abbreviation|term) )?"
    + _SHORT.format("c")
    + r")(?: in (?:the|this) (?:article|text|piece))?[?.! ]*$",
    re.IGNORECASE,
)


def asked_abbreviation(question: str) -> str | None:
    """The abbreviation the question asks the meaning of ("what does EV stand for?": "ev"), or
    None for any other question."""
    if not ACRONYMS_27:
        return None
    found = _ASKED.match(" ".join(question.replace("’", "'").split()))
    if found is None:
        return None
    return next(s for s in found.groups() if s).lower()


def _initials(words: Sequence[str]) -> str:
    return "".join(word[0] for word in words).lower()


def spelled_out(sentence: str, short: str) -> bool:
    """Whether `sentence` writes `short` in brackets after words whose initials spell it ("the
    electric vehicle (EV) industry" for "ev")."""
    for found in re.finditer(rf"\(\s*{re.escape(short)}s?\s*\)", sentence, re.IGNORECASE):
        words = re.findall(r"[A-Za-z][\w-]*", sentence[: found.start()])
        for count in range(1, len(short) + 1):  # "electric vehicle" / "Amazon Web Services"
            if len(words) >= count and _initials(words[-count:]) == short:
                return True
            parts = [p for w in words[-count:] for p in w.split("-")]
            if _initials(parts) == short:
                return True
    return False


def written_in_full(sentence: str, short: str) -> bool:
    """Whether `sentence` writes a name of capitalised words whose initials spell `short`
    ("Amazon Web Services" for "aws"), as a name, not the start of a sentence's words."""
    more = len(short) - 1  # overlapping: "Data Amazon Web Services" holds the name at its 2nd
    names = re.findall(rf"(?=\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){{{more}}})\b)", sentence)
    return any(_initials(name.split()) == short for name in names)


def defining_sentence(index: SearchIndex, short: str) -> tuple[Passage, str] | None:
    """The first sentence, among the passages scoring best for `short`, that spells it out in
    brackets, else the first writing it as a name in full; None when none does."""
    scores = index.lexical.scores(short)
    holding = np.flatnonzero(scores)
    best = holding[np.argsort(-scores[holding], kind="stable")][:READ_PASSAGES]
    passages = [index.passages[row] for row in sorted(best.tolist())]  # the text's order
    for spells in (spelled_out, written_in_full):
        for passage in passages:
            for sentence in passage.sentence_texts():
                if spells(sentence, short):
                    return passage, sentence
    return None


def abbreviation_answer(question: str, index: SearchIndex) -> Answer | None:
    """The answer to "what does EV stand for?": the sentence spelling it out, quoted and cited;
    None when the question asks no such thing or the text spells it out nowhere (searched)."""
    short = asked_abbreviation(question)
    found = defining_sentence(index, short) if short else None
    if found is None:
        return None
    built_at = index.manifest.get("built_at")
    return passages_answer(question, [found], index.manifest["articles"], built_at, NOTHING_MORE)

"""The kind of thing a bare "how much?" asks for, read from the question before it.

"how much?" after "did amazon invest in rivian?" asks how much Amazon invested: an amount, which
the sources never give, so the answer is labelled "The sources don't say the amount" rather than
presented as answered. Alone, "how much" asks for an amount only with a money word after it ("how
much does amazon care about the climate" asks for none: bot/question_kind.py), and a bare "how
much?" has none of its own: the question before says what is measured. Its kind is read from that
question asked with "how much" ("how much did amazon invest in rivian?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.conversation import content_words
from bot.question_kind import asked_kind

# Session 25; `benchmarks/quality.py --follow-ups-25 how-much` (off: the label reads "how much?"
# alone, and asks for no kind).
HOW_MUCH_BEFORE = True
_OPENERS = r"(?:(?:and|so|ok|okay|but|then|well|hmm|wait)\b[\s,.!]*)*"
# "how much?", "and how much was it?", "how much exactly?": what follows "how much" names nothing
# (content_words: no word of its own, chat words and pointers aside).
_HOW_MUCH = re.compile(rf"{_OPENERS}(?P<asked>how\s+much\b[^?]*)\?*")
# The question word that opens the question before, taken off before "how much" is put in its
# place ("what did amazon invest in?" -> "how much did amazon invest in?").
_ASKING = re.compile(
    rf"{_OPENERS}(?:what|which|who|whom|where|when|why|how)(?:\s+(?:much|many|long|far|big))?\s+"
)


def how_much_asked_before(question: str, history: Sequence[str]) -> str | None:
    """The question before asked with "how much", when `question` is only "how much?" (openers,
    chat words and pointers aside) and reads no kind of its own: the question the label's kind is
    read from ("did amazon invest in rivian?" -> "how much did amazon invest in rivian?"). None
    otherwise (HOW_MUCH_BEFORE)."""
    if not HOW_MUCH_BEFORE or not history:
        return None
    plain = " ".join(question.lower().replace("’", "'").split())
    found = _HOW_MUCH.fullmatch(plain)
    if found is None or content_words(found["asked"]) or asked_kind(plain) is not None:
        return None
    before = " ".join(history[-1].lower().replace("’", "'").split())
    asking = _ASKING.match(before)
    asked = before[asking.end() :] if asking else before
    return f"how much {asked.rstrip('?. ')}?"


# "anything else besides price?" asks for something other than a price: what an exclusion clause
# names is not asked, and the label does not read its kind there ("The sources don't say the
# amount" was shown above the sentence on better pricing and broader access). Session 26;
# `benchmarks/quality.py --follow-ups-26 besides`.
EXCLUSION_UNASKED = True
_EXCLUSION = re.compile(
    r"[\s,]*\b(?:besides|other\s+than|apart\s+from|aside\s+from|except(?:\s+for)?)\s+[^,;:?!.]*",
    re.IGNORECASE,
)


def without_exclusion(question: str) -> str:
    """`question` without the clause naming what it does not ask ("anything else besides
    price?" -> "anything else?"); the question itself when it has none, or holds nothing else
    (EXCLUSION_UNASKED)."""
    if not EXCLUSION_UNASKED:
        return question
    left = _EXCLUSION.sub("", question).strip(" ,")
    return left if re.search(r"\w", left) else question

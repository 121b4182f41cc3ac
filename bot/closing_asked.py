"""A closing said as a question after an answer: "that's it?", "nothing else?", "wait, that's all?".

Said flat ("that's it", "nothing else") they end the talk, and small talk replies "All right!".
With a question mark after an answer they ask whether the sources say more, as "is that all?"
does (bot.more's MORE_29 reads it and reads on from the answer). Before session 30 small talk
answered first: "who is rivian? → that's it?" got "All right! Ask me again any time", and "wait,
that's it?" the answer before again. With no answer before there is nothing to have more of, and
the message stays small talk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Session 30 (`benchmarks/quality.py --talk-30 … closingasked`): on, the forms below after an answer
# are asked as `AS_ASKED`; off, small talk's goodbye (or, after "wait", the answer before again).
CLOSING_ASKED_30 = True
# What they are asked as: bot.more reads it as a request for more of the answer before.
AS_ASKED = "is that all?"
_CLOSING_ASKED = re.compile(
    # A reaction before it: "wait, that's it?", "hmm that's all?", "oh. nothing else?".
    r"(?:(?:ok|okay|so|and|wait|hmm+|huh|oh|um+|really|seriously|but|lol|what)[\s,.!]+)?"
    r"(?:that(?:'s| is|s) (?:it|all|everything)"
    r"(?: (?:you (?:have|got|know|can say|can tell me)|there is|the sources (?:say|have)))?"
    r"|(?:there's |there is )?nothing (?:else|more)|no more|(?:that's|thats|that is) really it"
    r"|really\?* that(?:'s| is|s) (?:it|all))"
    r"(?: (?:then|though|tho))?\s*\?[\s?!]*",
    re.IGNORECASE,
)


def closing_asked(message: str, history: Sequence[str]) -> str | None:
    """`AS_ASKED` when `message`, after an answer (`history`), is a closing said as a question
    ("that's it?", "nothing else?"), else None."""
    if not CLOSING_ASKED_30 or not history:
        return None
    text = " ".join(message.replace("’", "'").split())
    return AS_ASKED if _CLOSING_ASKED.fullmatch(text) else None

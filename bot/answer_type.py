"""What kind of thing a question asks for, and whether a quoted sentence holds one.

"How much will the Amazon EV cost?" asks for an amount; a sentence about "a slightly more
accessible price point" holds none, so the answer layer labels it a partial answer ("the sources
don't say") instead of presenting it as the answer. Only wh-questions ask for a kind: a yes/no
question ("Will it be cheaper than a Tesla?") is answered by a sentence of any kind. Rules, not a
model: the only model here is the sentence embedder, which cannot tell "costs $40,000" from
"costs less" (docs/quality.md has the measurements).
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["amount", "number", "date", "place", "organisation", "person"]

# What the sources don't say, for the partial label: "The sources don't say <this>; …".
WHAT_IS_MISSING: dict[Kind, str] = {
    "amount": "the amount",
    "number": "the number",
    "date": "when",
    "place": "where",
    "organisation": "which company",
    "person": "who",
}

_MONEY_NOUNS = (
    r"price|prices|cost|costs|revenue|revenues|sales|valuation|worth|salary|market cap\w*|"
    r"funding|budget|profit|profits"
)
_MONEY_WORDS = rf"{_MONEY_NOUNS}|priced|spend|spent|pay|paid|invest|invested|raise|raised"
_ASKS: list[tuple[Kind, re.Pattern[str]]] = [
    ("amount", re.compile(rf"^(?:how much\b.*\b(?:{_MONEY_WORDS})\b|how much (?:money|cash)\b)")),
    (
        "amount",
        re.compile(
            rf"^what(?:'s| is| was| are| were| will be)? (?:the |its |their |his |her )?"
            rf"(?:\w+(?:'s)? ){{0,3}}(?:{_MONEY_NOUNS})\b"
        ),
    ),
    # "how much" alone asks for a number only before a comparative: "How much is known…" does not.
    ("number", re.compile(r"^(?:how (?:many|old|fast|far|long|tall|big|large|heavy)\b)")),
    ("number", re.compile(r"^how much (?:more|less|\w+er)\b")),
    ("number", re.compile(r"^what (?:percentage|percent|share|number|range)\b")),
    (
        "date",
        re.compile(
            r"^(?:(?:since |by |until )?when|(?:in |by )?(?:what|which) (?:year|date|month)\b)"
        ),
    ),
    (
        "place",
        re.compile(
            r"^(?:where|(?:in |at )?(?:what|which) (?:city|cities|country|countries|state|states|"
            r"region|regions|continent|continents|place|places)\b)"
        ),
    ),
    (
        "organisation",
        re.compile(
            r"^(?:(?:what|which) (?:company|companies|firm|firms|brand|brands|automaker|"
            r"automakers|maker|makers|manufacturer|manufacturers|partner|partners)\b)"
        ),
    ),
    # Who holds a role: "who is the CEO", "who founded": the answer is a name.
    (
        "person",
        re.compile(
            r"^who(?:'s| is| was| will| would)? (?:(?:be |the |its |their )*)?(?:\w+(?:'s)? ){0,3}"
            r"(?:ceo|founder|founders|founded|head|heads|run|runs|lead|leads|chief|president|"
            r"chairman|designed|designer|owner|owns)\b"
        ),
    ),
]
_OPENERS = re.compile(r"^(?:(?:and|but|so|ok|okay|then|also|well)\b[\s,]*)+")

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|half"
)
# Capitalised only: "may" and "march" are verbs too.
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_HOLDS: dict[Kind, re.Pattern[str]] = {
    "amount": re.compile(
        r"[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:%|percent|dollars?|usd|euros?|pounds?|million|billion|"
        r"trillion|bn|m|k)\b",
        re.I,
    ),
    "number": re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.I),
    "date": re.compile(
        rf"\b(?:1[89]|20)\d\d\b|\b(?:{_MONTHS})\b|\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|decade|"
        r"century|(?:last|next|this) (?:year|month|week|quarter))\b"
    ),
}
# A name: a capitalised word that does not open the sentence (the first word is capitalised
# anyway). "I" and the capitals of acronyms alone ("EV", "AI") say nothing of a place or a person.
_NAME = re.compile(r"(?<=[^.!?]\s)(?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z]\w*)")
_NOT_NAMES = {"I", "EV", "EVs", "AI"}


def asked_kind(question: str) -> Kind | None:
    """The kind of thing a wh-question asks for, or None (a yes/no or open question)."""
    text = " ".join(question.lower().replace("’", "'").split())
    text = _OPENERS.sub("", text)
    for kind, pattern in _ASKS:
        if pattern.search(text):
            return kind
    return None


def holds(kind: Kind, text: str) -> bool:
    """Whether `text` (a quoted sentence or two) holds a thing of that kind."""
    pattern = _HOLDS.get(kind)
    if pattern is not None:
        return bool(pattern.search(text))
    return any(name not in _NOT_NAMES for name in _NAME.findall(text))

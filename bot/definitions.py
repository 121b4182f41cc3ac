"""What a question asks a name to be, and the sentences that say what a name is.

"who is jeff bezos", "what is tesla" ask only what a name is; a sentence says it with the name
(or its last word) before "is / are / remains …", after another name and "and" ("Jeff Bezos and
Elon Musk are two of …"), or before ", a / an" ("Rivian, an electric truck and SUV
manufacturer"). Read by the quote's choice (`bot.answer.DEFINING_RATIO`) and by the search,
which cites a passage saying it when the ranking cites none (`bot.retrieval.DEFINING_PASSAGE`).
Session 23 (in bot/answer.py then) and 24 (docs/quality-log.md).
"""

from __future__ import annotations

import re

_ASKS_WHAT_A_NAME_IS = re.compile(
    r"\s*(?:(?:so|and|but|ok|okay)\s+)?(?:who|what)(?:'s|’s|s|\s+is|\s+are|\s+was|\s+were)\s+"
    r"(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*\??\s*",
    re.IGNORECASE,
)
# A copula before what describes (not "Musk is preparing …", "Amazon is in talks …").
_COPULA = (
    r"(?:is|are|was|were|remains|remain)\s+(?:a|an|the|one|two|among|often|widely|known|seen"
    r"|viewed|perceived|described)\b"
)


def asked_to_define(question: str) -> str | None:
    """The name a question asks only what it is ("who is jeff bezos?" -> "jeff bezos"); None
    when it asks more, or what follows "who is" holds a function word ("who is the ceo")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    found = _ASKS_WHAT_A_NAME_IS.fullmatch(question)
    if found is None:
        return None
    name = " ".join(found["name"].split())
    if any(w.lower() in ENGLISH_STOP_WORDS for w in name.split()):
        return None
    return name


def written_name(name: str) -> str:
    """A pattern of `name` as the sources write a name: each word capitalised, the rest of it in
    any case ("nvidia": "NVIDIA", "jeff bezos": "Jeff Bezos")."""
    return r"\s+".join(f"{re.escape(w[0].upper())}(?i:{re.escape(w[1:])})" for w in name.split())


def writes_name(text: str, name: str) -> bool:
    """Whether `text` writes `name` as a name (`written_name`), as a whole word or words."""
    return re.search(rf"(?<![\w’'-]){written_name(name)}(?![\w-])", text) is not None


def defines(sentence: str, name: str) -> bool:
    """Whether `sentence` says what `name` is: the name as a name (`written_name`), or its last
    word, before a copula, joined to another name by "and" before one, or before ", a / an"
    (`bot.answer.DEFINING_RATIO`)."""
    # A first name asked alone is the name the sources write it in ("jeff": "Jeff Bezos").
    forms = {written_name(name) + r"(?:\s+[A-Z][\w’'-]*)*", written_name(name.split()[-1])}
    names = "|".join(sorted(forms, key=len, reverse=True))
    other = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    return bool(
        re.search(rf"(?<![\w’'-])(?:{names})(?:’s|'s)?\s+(?:\w+ly\s+)?{_COPULA}", sentence)
        or re.search(rf"\b{other}\s+and\s+(?:{names})\s+{_COPULA}", sentence)
        or re.search(rf"(?<![\w’'-])(?:{names})\s+and\s+{other}\s+{_COPULA}", sentence)
        or re.search(rf"(?<![\w’'-])(?:{names}),\s+(?:a|an)\s", sentence)
    )

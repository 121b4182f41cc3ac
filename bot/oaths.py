"""An oath in a question's question word: "wtf is rivian", "what the hell is rivian", "who tf is
bezos", read as "what is rivian", "who is bezos".

Before session 28, "wtf is rivian" and "what the hell is rivian" were searched with the oath's
words and refused (the sources use none of them), while "what is rivian" quotes the Rivian
sentence. Only a question word opening the question with an oath right after it is read; "wtf" or
"what the hell" alone after an answer is bot.unclear's, as a whole message it is never a question.
"""

from __future__ import annotations

import re

# Session 28 (`benchmarks/quality.py --talk-28 … oaths`): on, the oath is taken out of the
# question (and small talk is read without it: "wtf are you?" asks what the bot is); off, searched
# with it.
OATHS_28 = True

_WORD = r"(?:who|what|where|when|why|how|which)"
# The oath after a question word: "the hell", "the heck", "the fuck", "tf", "on earth".
_OATH = (
    r"(?:the (?:hell|heck|fuck|f|frick|frig|fudge|devil|deuce|dickens)|tf|in (?:the )?hell|"
    r"on earth)"
)
# "wtf is …": chat's initials standing for "what" and its oath, before a word (not "wtf?").
_INITIALS = re.compile(r"\b(?:wtf|wth|wtaf)\b(?= *[a-z'’])", re.IGNORECASE)
_SPELLED_OUT = re.compile(rf"\b(?P<word>{_WORD}) {_OATH}\b(?= *[a-z'’])", re.IGNORECASE)
# What may come before the question word: space and opening quotes.
_LEAD = re.compile(r"[\s\"'“‘(]*")


def without_oath(question: str) -> str:
    """`question` with the oath of its opening question word taken out ("wtf is x" -> "what is x",
    "Who the heck is x" -> "Who is x"); as given when it opens with none (or OATHS_28 is off)."""
    if not OATHS_28:
        return question
    at = _LEAD.match(question).end()
    found = _INITIALS.match(question, at)
    if found is not None:
        what = "What" if question[at].isupper() else "what"
        return question[:at] + what + question[found.end() :]
    found = _SPELLED_OUT.match(question, at)
    if found is not None:
        return question[:at] + found["word"] + question[found.end() :]
    return question


def oaths_read_out(text: str) -> str:
    """Lower-case `text` with every question word's oath taken out, wherever it stands ("hey,
    wtf are you?" -> "hey, what are you?"): small talk read as its words say (OATHS_28)."""
    if not OATHS_28:
        return text
    return _SPELLED_OUT.sub(lambda found: found["word"], _INITIALS.sub("what", text))

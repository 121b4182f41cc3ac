"""What the asker asked before in the conversation ("what was my first question?", "what did i
just ask?"): told from the conversation's history, a reply quoting nothing.

Searched, each was refused as a question the sources don't cover (session 27, the lead's
probes); the history a follow-up is read in holds the answer. Small talk and asides are left out
of it, and "start over" begins it again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# On: questions about the conversation's questions are answered from its history (session 27;
# `benchmarks/quality.py --lead-27` measures it).
RECALL_27 = True
# How many of the latest questions "what have i asked?" lists.
LISTED = 5

_ASKED_BEFORE = re.compile(
    r"^(?:(?:wait|ok|okay|so|hey|sorry|um+|uh+)[,!]? )*(?:(?:can you )?remind me[,:]? )?(?:"
    r"what (?:was|were|is) (?:my|the) (?P<which>first |last |previous |earlier |original |latest )?"
    r"(?:question|questions|q)(?: (?:again|before(?: that)?|i asked))?"
    r"|what did i (?P<when>just |first |last )?ask(?: you)?(?: (?:before|earlier|first|again|just"
    r" now|before that))?"
    r"|what (?:have|did) i (?:asked|ask)(?: you)?(?: so far)?(?P<all> so far)?"
    r"|(?:list|show|give)(?: me)? (?:my|all my|the) (?:previous |earlier )?questions(?: so far)?"
    r")[?.! ]*$",
    re.IGNORECASE,
)


# On: the conversation itself asked about ("what have we talked about?", "summarize our
# conversation") lists the questions too (session 28, the lead's probes: each quoted Musk's
# reaction at random).
CONVERSATION_28 = True
_CONVERSATION = re.compile(
    r"^(?:(?:wait|ok|okay|so|hey|sorry|um+|uh+|can you|could you|please)[,!]? )*(?:"
    r"what (?:have|did) we (?:talk(?:ed)?|discuss(?:ed)?|cover(?:ed)?|go(?:ne)? over)(?: about)?"
    r"(?: so far| before| earlier)?|what (?:have|were) we (?:been )?(?:talking|chatting) about"
    r"|(?:summari[sz]e|recap|sum up)(?: for me)? (?:our|this|the) (?:conversation|chat|discussion"
    r"|thread)(?: so far)?|(?:our|this) (?:conversation|chat) so far)(?: please| pls)?[?.! ]*$",
    re.IGNORECASE,
)


# On: "do you remember what i said?", "what did i just say?", "do you remember my questions?" ask
# for the questions too (session 31, the lead's probes: the first quoted Musk's reaction).
REMEMBER_31 = True
_REMEMBER_31 = re.compile(
    r"^(?:(?:wait|ok|okay|so|hey|sorry|um+|uh+|and)[,!]? )*(?:(?:do|can|did) (?:you|u)"
    r" (?:still )?(?:remember|recall)|(?:you|u) (?:remember|recall)) (?:what (?:i|we) (?P<when>just"
    r" )?(?:said|asked|talked about|were talking about)(?: (?:before|earlier|so far))?"
    r"|my (?P<one>(?:last |first |previous )?question)|my questions|(?:our|this) (?:conversation"
    r"|chat))(?: at all)?[?.! ]*$"
    r"|^what did i (?P<just>just )?say(?: (?:before|earlier))?[?.! ]*$"
)


def recall_asked(text: str) -> str | None:
    """Which of the asker's questions `text` asks to be told again: "first", "last" or "all";
    None when it asks no such thing."""
    if not RECALL_27:
        return None
    asked = " ".join(text.replace("’", "'").lower().split())
    if CONVERSATION_28 and _CONVERSATION.match(asked):
        return "all"
    remembered = _REMEMBER_31.match(asked) if REMEMBER_31 else None
    if remembered is not None:  # "did i just say …": the last; "my first question": the first
        one = remembered["one"] or ""
        if one.startswith("first"):
            return "first"
        return "last" if remembered["when"] or remembered["just"] or one else "all"
    found = _ASKED_BEFORE.match(asked)
    if found is None:
        return None
    which = (found["which"] or found["when"] or "").strip()
    if which in ("first", "original"):
        return "first"
    if which or ("questions" not in found[0] and "so far" not in found[0]):
        return "last"
    return "all"


def recalled(which: str, history: Sequence[str]) -> str:
    """The reply to a question about the asker's questions `history` (oldest first)."""
    if not history:
        return "You haven't asked me anything yet in this conversation."
    if which == "first":
        return f"Your first question was: “{history[0]}”"
    if which == "last":
        return f"You asked: “{history[-1]}”"
    latest = history[-LISTED:]
    listed = "; ".join(f"“{question}”" for question in latest)
    said = "You asked" if len(latest) == len(history) else f"Your last {len(latest)} questions"
    return f"{said}: {listed}"


# On: "go back", "the previous answer" ask for the answer before the last one again (session 27,
# the lead's probes: "go back" quoted a passage at random, "the previous answer" was refused).
PREVIOUS_27 = True
NO_PREVIOUS = "There's no answer before that one in this conversation."
_PREVIOUS = re.compile(
    r"^(?:(?:ok|okay|so|wait|hmm+|please|can you|could you|let's)[,!]? )*"
    r"(?:go back(?: one| a step)?|back(?: one| a step)"
    r"|(?:show|give)(?: me)? the (?:previous|earlier|answer before(?: that)?|one before(?: that)?)"
    r"(?: answer| one)?|the (?:previous|earlier) (?:answer|one)|previous(?: answer)?"
    r"|what was the (?:previous|earlier) answer|undo)(?: please| pls)?[?.! ]*$",
    re.IGNORECASE,
)


def asks_previous_answer(text: str) -> bool:
    """Whether `text` asks for the answer before the last one again ("go back")."""
    return PREVIOUS_27 and bool(_PREVIOUS.match(" ".join(text.replace("’", "'").split())))


# On: going back to a question named ("back to the first question", "go back to rivian", "what
# did you say first?") answers that question again, the latest one holding the words named
# (session 29, the lead's probes: each was refused).
RETURN_TO_29 = True
_RETURN_TO = re.compile(
    r"^(?:(?:ok|okay|so|wait|hmm+|please|can you|could you|can we|let's|lets|let us)[,!]? )*"
    r"(?:(?:go|get|come|going|getting|coming) )?(?:back|return(?:ing)?) to (?P<to>.+?)"
    r"(?: (?:please|pls|for a (?:sec|second|moment)|now|then|again))*[?.! ]*$",
    re.IGNORECASE,
)
_FIRST_ANSWER = re.compile(
    r"^(?:(?:ok|okay|so|wait|hmm+|sorry)[,!]? )*(?:what did (?:you|u) (?:say|answer|tell me)"
    r" (?:first|at first|at the start|to my first question)|what was (?:your|the) first answer"
    r"|(?:show|give|tell)(?: me)? (?:your|the) first answer(?: again)?)[?.! ]*$",
    re.IGNORECASE,
)
_FIRST_QUESTION = re.compile(
    r"^(?:(?:my|the|your) )?(?:first|original|initial|very first) (?:question|one|answer|topic)"
    r"|^the (?:start|beginning)$"
)
_NAMED_WORD = re.compile(r"[a-z0-9]+")
# Words going back may name besides the topic: the question named as such.
_RETURN_FILLER = frozenset({
    "the", "a", "my", "our", "your", "question", "questions", "topic", "thing", "stuff",
    "bit", "part", "about", "what", "we", "were", "was", "talking", "asked", "said", "you",
    "i", "on", "of", "that",
})  # fmt: skip


def returned_to(text: str, history: Sequence[str]) -> int | None:
    """The place in `history` of the question `text` goes back to ("back to the first question":
    0; "go back to rivian": the latest question naming rivian); None when it goes back to
    nothing asked."""
    if not RETURN_TO_29 or not history:
        return None
    spaced = " ".join(text.replace("’", "'").lower().split())
    if _FIRST_ANSWER.match(spaced):
        return 0
    found = _RETURN_TO.match(spaced)
    if found is None:
        return None
    to = found["to"].strip()
    if _FIRST_QUESTION.match(to):
        return 0
    words = [w for w in _NAMED_WORD.findall(to) if w not in _RETURN_FILLER]
    if not words:
        return None
    for at in range(len(history) - 1, -1, -1):
        asked = set(_NAMED_WORD.findall(history[at].lower()))
        if all(any(_same_word(w, a) for a in asked) for w in words):
            return at
    return None


def _same_word(named: str, asked: str) -> bool:
    """Whether `named` and `asked` are one word, or forms of one ("factory" / "factories",
    "partner" / "partners"): five first letters shared, or one of four letters or more the
    other's start ("who" is no form of "whoever")."""
    shorter = min(len(named), len(asked))
    if named == asked or (shorter >= 5 and named[:5] == asked[:5]):
        return True
    return shorter >= 4 and (asked.startswith(named) or named.startswith(asked))


# On: a "go back" in the conversation is read as the question it went back to, so a follow-up
# after it reads that question (session 28, the lead's probes: "who is rivian? → where are the
# factories? → go back → what do they make?" read "they" past the Rivian answer shown again).
RETURNS_28 = True


def with_returns(history: Sequence[str]) -> list[str]:
    """`history` with each "go back" in it read as the question it showed the answer to again
    (the one before the message before it); one with nothing to go back to is left out."""
    if not RETURNS_28:
        return list(history)
    read: list[str] = []
    for message in history:
        back_to = returned_to(message, read)
        if back_to is not None:  # "go back to rivian": that question, as asked
            read.append(read[back_to])
        elif not asks_previous_answer(message):
            read.append(message)
        elif len(read) >= 2:
            read.append(read[-2])
    return read

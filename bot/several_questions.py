"""Several questions in one message ("who is rivian and where are the factories?", "who is
rivian? where will they build?"): each answered in turn, the answers joined into one.

Searched whole, such a message is answered for one of its questions only (the first's passage
outranks the second's). Split by grammar: at a question mark followed by another question, or at
"and" / "also" / "plus" before a question word when the message opens with one; every part must
read as a question of three words or more, else the message is one question ("rivian? what's
that", "how and why is amazon doing this", "will they drive themselves? then i'm off").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from bot.answer import Answer, Citation, Quote
from bot.conversation import content_words, looks_like_question

# On: a message of several questions answers each (session 22; docs/quality-log.md, "The lead's
# rules (session 22)"). `benchmarks/quality.py --lead-22` measures it.
SEVERAL_QUESTIONS = True
# At most this many questions are answered from one message; a longer list is one question.
MOST_QUESTIONS = 3
# A part shorter than this many words is no question of its own ("and why?" asks of the first).
FEWEST_WORDS = 3

# On: a message announcing or numbering its questions ("i have two questions: who … and where …",
# "1) who are the partners 2) where are the factories", one per line) is split as one joined by
# "and" or "?" is (session 26, the lead's probes: the first answered Rivian only, the second quoted
# the article's opening).
NUMBERED_26 = True
_ANNOUNCED = re.compile(r"^[\w' ,]{0,40}\b(?:questions?|qs|things)\s*[:\-–—]+\s*", re.IGNORECASE)
# "1) … 2) …" anywhere once the message opens with "1)"; a bullet only where a line starts.
_NUMBERED = re.compile(r"(?:^|\s+)\(?\d[).:]\s+|(?:^|\s*\n)\s*[-•*]\s+")
_FIRST_ITEM = re.compile(r"\s*(?:\(?1[).:]|[-•*])\s+")
_LINES = re.compile(r"\s*\n\s*")

_QUESTION_WORD = (
    r"(?:who|whom|whose|what|what's|whats|where|where's|when|why|how|which|is|are|does|do|did"
    r"|can|could|will|would)"
)
_AFTER_QUESTION_MARK = re.compile(r"(?<=\?)\s+")
_JOINED = re.compile(rf",?\s+(?:and|also|plus|&)\s+(?={_QUESTION_WORD}\b)", re.IGNORECASE)
_OPENS_WITH_QUESTION_WORD = re.compile(rf"{_QUESTION_WORD}\b", re.IGNORECASE)
# On: "who is rivian; who is lucid" splits at the semicolon before a question word as at "and"
# (session 28, the lead's probes: answered for Rivian alone).
SEMICOLON_28 = True
_JOINED_28 = re.compile(
    rf"(?:,?\s+(?:and|also|plus|&)\s+|\s*;\s*)(?={_QUESTION_WORD}\b)", re.IGNORECASE
)


# On: "who is rivian / where is the hq" and "who is rivian. also, where are the factories" split
# before the second question word as at "?" (session 29, the lead's probes: answered for Rivian
# alone); and a later question that points at nothing before it ("who is rivian and who is
# lucid?", "how will musk respond and how will the market react?") is searched without the ones
# before as its context, as it would be asked alone (each quoted the first answer again).
SEPARATORS_29 = True
_SEPARATED_29 = re.compile(
    rf"\s+/\s+(?={_QUESTION_WORD}\b)|(?<=[.!])\s+(?:(?:also|and|plus|oh and|btw)[,:]?\s+)?"
    rf"(?={_QUESTION_WORD}\b)",
    re.IGNORECASE,
)
_POINTS_BACK_29 = re.compile(
    r"\b(?:he|she|it|its|it's|they|them|their|theirs|they're|him|his|her|hers|this|that|these"
    r"|those|there|both|either|neither|same|one|ones|other|others|then|why|so)\b",
    re.IGNORECASE,
)


def points_back_in_message(part: str) -> bool:
    """Whether a question after others in one message may point at them ("when do they open?",
    "what did he invent"): then it is searched with them as its context."""
    return not SEPARATORS_29 or bool(_POINTS_BACK_29.search(part))


def questions_in(text: str) -> list[str]:
    """The questions `text` asks, in order: one (the text) unless it asks several."""
    if not SEVERAL_QUESTIONS:
        return [text]
    asked = _listed(text) if NUMBERED_26 else text.strip()
    parts: list[str] = []
    separated = _SEPARATED_29.split(asked) if SEPARATORS_29 else [asked]
    sentences = [part for piece in separated for part in _AFTER_QUESTION_MARK.split(piece)]
    for sentence in sentences:
        joining = _JOINED_28 if SEMICOLON_28 else _JOINED
        joined = joining.split(sentence) if _OPENS_WITH_QUESTION_WORD.match(sentence) else []
        parts += joined if len(joined) > 1 else [sentence]
    if not 1 < len(parts) <= MOST_QUESTIONS:
        return [text]
    if any(_too_short(part) or not looks_like_question(part) for part in parts):
        return [text]
    return parts


# On: "tell me about rivian, panasonic and nvidia", "compare rivian and lucid" ask about each name
# in turn when each is a name the sources write that few passages hold (the caller's `is_topic`);
# "compare amazon and tesla" stays one question, its answer the sentence weighing both (session
# 31, the lead's probes: the first quoted the Panasonic sentence alone, the second Rivian alone).
SEVERAL_NAMES_31 = True
_NAMES_ASKED_31 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|please|pls|can you|could you)[,!]? )*(?:tell (?:me|us)(?: more)?"
    r" about|compare|what about|how about|what do (?:you|u) know about|info on|what are) "
    r"(?P<items>[\w' .,&-]+?)[?.! ]*$",
    re.IGNORECASE,
)
_ITEMS_31 = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|vs\.?|versus|or)\s+", re.IGNORECASE)


def names_asked(text: str, is_topic: Callable[[str], bool]) -> list[str]:
    """The names "tell me about rivian, panasonic and nvidia" asks about, each asked of in turn
    ("tell me about rivian", …); empty unless there are two to four, each one or two words every
    one of which `is_topic`."""
    found = _NAMES_ASKED_31.match(" ".join(text.replace("’", "'").split()))
    if not SEVERAL_NAMES_31 or found is None:
        return []
    items = [i.strip(" .").removeprefix("the ") for i in _ITEMS_31.split(found["items"])]
    if not 2 <= len(items) <= MOST_QUESTIONS or not all(0 < len(i.split()) <= 2 for i in items):
        return []
    if not all(all(map(is_topic, item.lower().split())) for item in items):
        return []
    return [f"tell me about {item}" for item in items]


# On: a short part opening with a question word and naming a thing of its own ("what's rivian?
# also, what's nvidia?") is a question of its own (session 31, the lead's probes: the message was
# one question, answered for NVIDIA alone); "and why?", "who's he?" name none.
SHORT_NAMED_31 = True


def _too_short(part: str) -> bool:
    """Whether `part` is too short to be a question of its own ("and why?")."""
    if len(part.split()) >= FEWEST_WORDS:
        return False
    named = _OPENS_WITH_QUESTION_WORD.match(part) is not None and bool(content_words(part))
    return not (SHORT_NAMED_31 and named)


def _listed(text: str) -> str:
    """`text` with its questions' announcement taken off and its numbered (or bulleted, or
    one-per-line) questions each ended by a question mark, so they split as questions do."""
    text = _ANNOUNCED.sub("", text.strip(), count=1)
    items = [i for i in _NUMBERED.split(text) if i.strip()] if _FIRST_ITEM.match(text) else []
    if len(items) < 2:
        items = [i for i in _LINES.split(text) if i.strip()]
    if len(items) < 2:
        return text
    return " ".join(
        item.rstrip(" ;,.") + ("" if item.rstrip(" ;,.").endswith("?") else "?") for item in items
    )


def _passage_key(citation: Citation) -> str:
    return citation.passage_id or f"{citation.doc_id}:{citation.text}"


def joined_answer(question: str, answers: Sequence[Answer]) -> Answer:
    """One answer to `question` from the answers to its parts: their quotes in order, their
    citations numbered anew (a passage cited twice, once); answered when every part is, refused
    when none is, else partial, saying which part the sources don't answer."""
    given = [a for a in answers if not a.refused]
    if not given:
        return dataclasses.replace(answers[0], question=question)
    citations: list[Citation] = []
    number: dict[str, int] = {}  # a passage's number in the joined answer
    quotes: list[Quote] = []
    # The passages quoted first, in the answers' order, then the others each answer cites.
    ordered = [c for a in given for c in a.citations if a.quoted_from(c.n)]
    ordered += [c for a in given for c in a.citations if not a.quoted_from(c.n)]
    for citation in ordered:
        key = _passage_key(citation)
        if key not in number:
            number[key] = len(citations) + 1
            citations.append(dataclasses.replace(citation, n=number[key]))
    for answer in given:
        renumbered = {c.n: number[_passage_key(c)] for c in answer.citations}
        for quote in answer.quotes:
            quote = dataclasses.replace(quote, citation=renumbered[quote.citation])
            if quote not in quotes:  # both parts quoting one sentence: quoted once
                quotes.append(quote)
    lacking = next((a for a in answers if a.outcome != "answered"), None)
    missing = None
    if lacking is not None:
        missing = lacking.missing if lacking.outcome == "partial" else f"“{lacking.question}”"
    return dataclasses.replace(
        given[0],
        question=question,
        answer=" ".join(q.text for q in quotes),
        citations=tuple(citations),
        quotes=tuple(quotes),
        outcome="answered" if lacking is None else "partial",
        missing=missing,
    )

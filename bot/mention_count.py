"""How many times the article names a thing ("how many times is tesla mentioned?", "how often
does the article mention amazon?"): counted in its text, a reply like the front matter's.

Searched, the first was labelled "The sources don't say the number" on a sentence about Tesla's
competitors and the second quoted Prime Integration (session 27, the lead's probes): no passage
holds the count, but the text does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.answer import Answer, reply_answer
from bot.index import SearchIndex
from bot.request_words import IN_THE_TEXT, TEXT_NAMED
from bot.sections import sentences_by_section

# On: a count of a thing's mentions is counted in the text (session 27; `benchmarks/quality.py
# --lead-27` measures it).
MENTION_COUNT_27 = True
# A longer "thing" is a question of its own ("how many times is the factory in texas mentioned
# by analysts"): searched.
MOST_WORDS = 3

_THING = r"(?:the (?:word|name|term) )?[\"“']?(?P<{}>[\w' .&-]+?)[\"”']?"
_COUNTED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|quick question)[,!:]? )*(?:"
    r"how (?:many times|often) (?:is|are|was|were|does|do|did) "
    + _THING.format("t1")
    + r" (?:get )?(?:mentioned|named|brought up|come up|appear|used|show up)"
    + IN_THE_TEXT
    + rf"|how (?:many times|often) (?:does|did|do) (?:{TEXT_NAMED}|it|the (?:author|writer))"
    r" (?:mention|name|say|use|bring up|talk about) "
    + _THING.format("t2")
    + r"|(?:how many|count(?: the)?|number of) (?:mentions|occurrences|references) (?:of|to) "
    + _THING.format("t3")
    + IN_THE_TEXT
    + r"(?: (?:are|is) there)?)[?.! ]*$",
    re.IGNORECASE,
)


def counted_thing(question: str) -> str | None:
    """The thing the question asks the mentions of be counted ("how many times is tesla
    mentioned?": "tesla"), or None when it asks no such count."""
    if not MENTION_COUNT_27:
        return None
    found = _COUNTED.match(" ".join(question.replace("’", "'").split()))
    if found is None:
        return None
    thing = next(t for t in found.groups() if t).strip(" .")
    return thing if 0 < len(thing.split()) <= MOST_WORDS else None


def mentions_in(sentences: Sequence[str], thing: str) -> int:
    """How many times `sentences` name `thing`: a whole-word match, any case, its plural and
    possessive too ("Tesla's", "batteries" for "battery" is not: the word as asked)."""
    pattern = re.compile(rf"\b{re.escape(thing)}(?:s|es|'s|’s)?\b", re.IGNORECASE)
    return sum(len(pattern.findall(sentence)) for sentence in sentences)


def _line(title: str, thing: str, sections: Mapping[str | None, list[str]]) -> tuple[str, int]:
    counts = [mentions_in(sentences, thing) for sentences in sections.values()]
    total = sum(counts)
    if not total:
        return f"{title} doesn't mention “{thing}”.", 0
    times = _times(total)
    named = [s for s in sections if s]
    within = sum(1 for s, c in zip(sections, counts, strict=True) if s and c)
    where = f", in {within} of its {len(named)} sections" if len(named) > 1 else ""
    where = f", in all {within} of its sections" if within == len(named) > 1 else where
    return f"{title} mentions “{thing}” {times}{where}.", total


def mention_count_answer(
    question: str,
    thing: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    articles: Mapping[str, Mapping[str, Any]],
    built_at: str | None,
) -> Answer:
    """The reply to "how many times is `thing` mentioned?": counted in each article of `doc_ids`;
    answered when any names it, else refused (nothing to quote)."""
    lines = [
        _line(f"“{articles[d].get('title') or d}”", thing, sentences_by_section(index, d))
        for d in doc_ids
    ]
    text = " ".join(line for line, _ in lines)
    found = any(total for _, total in lines)
    return reply_answer(question, text, "article", answered=found, built_at=built_at)


# On: "which sections talk about amazon?", "how many sections mention tesla?" are told the sections
# naming the thing, read in the text (session 29, the lead's probes: one sentence quoted, or
# labelled "The sources don't say the number"). One section ("which section mentions nvidia?") is
# asked as its topic (bot/sections.py). Words are matched in any form ("environment" in
# "environmental"), so "doesn't mention" is said only of a thing no sentence names in any form.
SECTIONS_NAMING_29 = True
_VERB_29 = (
    r"(?:mentions?|names?|talks? about|discuss(?:es)?|covers?|deals? with|are about|refers? to"
    r"|brings? up)"
)
_SECTIONS_NAMING = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!:]? )*(?:"
    rf"(?:which|what) sections (?:of (?:the|this) (?:article|text|piece) )?{_VERB_29} "
    + _THING.format("t1")
    + rf"|how many sections (?:of (?:the|this) (?:article|text|piece) )?{_VERB_29} "
    + _THING.format("t2")
    + r"|in (?:which|what|how many) sections (?:is|are|does|do) "
    + _THING.format("t3")
    + r" (?:mentioned|named|discussed|come up|appear|show up)"
    + r")[?.! ]*$",
    re.IGNORECASE,
)
# Two words are forms of one when they share this many first letters ("environment" /
# "environmental"), as a section's heading words are read (bot/sections.py).
SHARED_PREFIX = 5


def sections_naming_asked(question: str) -> str | None:
    """The thing the question asks which sections name ("which sections talk about amazon?":
    "amazon"), or None when it asks no such thing."""
    if not SECTIONS_NAMING_29:
        return None
    found = _SECTIONS_NAMING.match(" ".join(question.replace("’", "'").split()))
    if found is None:
        return None
    thing = re.sub(r"^(?:the|a|an)\s+", "", next(t for t in found.groups() if t).strip(" ."))
    return thing if 0 < len(thing.split()) <= MOST_WORDS else None


def names_thing(sentences: Sequence[str], thing: str) -> bool:
    """Whether a sentence of `sentences` holds every word of `thing` in some form ("environment"
    in "environmental")."""
    stems = [re.escape(w[:SHARED_PREFIX]) for w in re.findall(r"[\w'-]+", thing.lower())]
    patterns = [re.compile(rf"\b{stem}", re.IGNORECASE) for stem in stems]
    return any(all(p.search(sentence) for p in patterns) for sentence in sentences)


def sections_naming_answer(
    question: str,
    thing: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    articles: Mapping[str, Mapping[str, Any]],
    built_at: str | None,
) -> Answer:
    """The reply to "which sections talk about `thing`?": the headings of the sections of each
    article of `doc_ids` naming it; refused when none names it."""
    lines = []
    for doc_id in doc_ids:
        title = f"“{articles[doc_id].get('title') or doc_id}”"
        sections = sentences_by_section(index, doc_id)
        headed = [s for s in sections if s]
        naming = [s for s in headed if names_thing(sections[s], thing)]
        opening = None in sections and names_thing(sections[None], thing)
        if not naming and not opening:
            lines.append(f"{title} doesn't mention “{thing}”.")
            continue
        within = (
            f"all {len(headed)} of its sections"
            if len(naming) == len(headed)
            else f"{len(naming)} of its {len(headed)} sections"
        )
        also = " and its opening" if opening else ""
        listed = f": {'; '.join(naming)}" if naming and len(naming) < len(headed) else ""
        lines.append(f"{title} mentions “{thing}” in {within}{also}{listed}.")
    found = any("doesn't mention" not in line for line in lines)
    return reply_answer(question, " ".join(lines), "article", answered=found, built_at=built_at)


# On: "which section mentions tesla the most?", "where is amazon mentioned most?" are told the
# section naming it most often; "how many times is bezos mentioned vs musk?", "who is mentioned
# more, bezos or musk?" both counts; "does the conclusion mention rivian?", "is rivian in section
# 2?" that part's count (session 31, the lead's probes: a sentence at random, labelled "The sources
# don't say the number", or refused).
COMPARED_31 = True
_MOST_31 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!:]? )*(?:"
    rf"(?:which|what) section (?:of (?:the|this) (?:article|text|piece) )?{_VERB_29} "
    + _THING.format("t1")
    + r" (?:the )?most(?: often| times)?"
    + r"|(?:where|in (?:which|what) section) (?:is|are|does|do) "
    + _THING.format("t2")
    + r" (?:get )?(?:mentioned|named|discussed|come up|appear|show up) (?:the )?most(?: often)?"
    + r")[?.! ]*$",
    re.IGNORECASE,
)
_TWO = _THING.format("a") + r",? (?:vs\.?|versus|compared (?:to|with)|or|and) " + _THING.format("b")
_COMPARED_31 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!:]? )*(?:"
    r"how (?:many times|often) (?:is|are) "
    + _TWO
    + r"(?: (?:each|both))? (?:mentioned|named)"
    + IN_THE_TEXT
    + r"|how (?:many times|often) (?:is|are) "
    + _THING.format("c")
    + r" (?:mentioned|named) (?:vs\.?|versus|compared (?:to|with)|and) "
    + _THING.format("d")
    + IN_THE_TEXT
    + r"|(?:who|which|what|which one)(?: of them)? (?:is|gets|comes up|is named)"
    r" (?:mentioned |named )?more(?: often)?(?:"
    + IN_THE_TEXT
    + r")?[,:]? "
    + _THING.format("e")
    + r" or "
    + _THING.format("f")
    + r"|(?:is|does) "
    + _THING.format("g")
    + r" (?:get )?(?:mentioned|named|come up) more(?: often)? than "
    + _THING.format("h")
    + IN_THE_TEXT
    + r")[?.! ]*$",
    re.IGNORECASE,
)
_IN_PART_31 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!:]? )*(?:"
    r"(?:does|do|did) (?P<p1>(?:the |that |this )?[\w' -]+?) (?:ever )?(?:mention|name|talk about"
    r"|say anything about|bring up|discuss) "
    + _THING.format("t1")
    + r"|(?:is|are) "
    + _THING.format("t2")
    + r" (?:mentioned |named |discussed )?in (?P<p2>(?:the |that |this )?[\w' -]+?)"
    + r")(?: at all)?[?.! ]*$",
    re.IGNORECASE,
)


def _spaced(question: str) -> str:
    return " ".join(question.replace("’", "'").split())


def _things(found: re.Match[str], *groups: str) -> list[str] | None:
    things = [re.sub(r"^(?:the|a|an)\s+", "", (found[g] or "").strip(" .")) for g in groups]
    return things if all(0 < len(t.split()) <= MOST_WORDS for t in things) else None


def most_mentioned_where(question: str) -> str | None:
    """The thing the question asks which section names most ("which section mentions tesla the
    most?": "tesla"), or None."""
    found = _MOST_31.match(_spaced(question)) if COMPARED_31 else None
    if found is None:
        return None
    things = _things(found, "t1") if found["t1"] else _things(found, "t2")
    return things[0] if things else None


def compared_things(question: str) -> tuple[str, str] | None:
    """The two things whose mentions the question compares ("who is mentioned more, bezos or
    musk?": ("bezos", "musk")), or None."""
    found = _COMPARED_31.match(_spaced(question)) if COMPARED_31 else None
    if found is None:
        return None
    pairs = (("a", "b"), ("c", "d"), ("e", "f"), ("g", "h"))
    things = next((_things(found, *pair) for pair in pairs if found[pair[0]]), None)
    return (things[0], things[1]) if things else None


def part_mention_asked(question: str) -> tuple[str, str] | None:
    """The part named and the thing asked whether it mentions ("does the conclusion mention
    rivian?": ("the conclusion", "rivian")), or None; the part is read by the caller."""
    found = _IN_PART_31.match(_spaced(question)) if COMPARED_31 else None
    if found is None:
        return None
    things = _things(found, "t1") if found["t1"] else _things(found, "t2")
    part = (found["p1"] or found["p2"] or "").strip()
    return (part, things[0]) if things and part else None


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def most_mentioned_answer(
    question: str,
    thing: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    articles: Mapping[str, Mapping[str, Any]],
    built_at: str | None,
) -> Answer:
    """The reply to "which section mentions `thing` the most?": in each article of `doc_ids`, the
    section (or sections, tied) naming it most often; refused when none names it."""
    lines = []
    for doc_id in doc_ids:
        title = f"“{articles[doc_id].get('title') or doc_id}”"
        counts = {
            section or "the opening": mentions_in(sentences, thing)
            for section, sentences in sentences_by_section(index, doc_id).items()
        }
        most = max(counts.values(), default=0)
        if not most:
            lines.append(f"{title} doesn't mention “{thing}”.")
            continue
        top = [f"“{s}”" if s != "the opening" else s for s, c in counts.items() if c == most]
        total = sum(counts.values())
        if len(top) == 1:
            where = top[0] if top[0] == "the opening" else f"the section {top[0]}"
            only = "only " if most == total else "most "
            each = _times(most)
        else:
            where = f"the sections {', '.join(top[:-1])} and {top[-1]}"
            only, each = "most ", f"{_times(most)} each"
        of = "" if most == total else f", of {total} in all"
        lines.append(f"In {title}, “{thing}” comes up {only}in {where}: {each}{of}.")
    found = any("doesn't mention" not in line for line in lines)
    return reply_answer(question, " ".join(lines), "article", answered=found, built_at=built_at)


def compared_answer(
    question: str,
    things: tuple[str, str],
    index: SearchIndex,
    doc_ids: Sequence[str],
    articles: Mapping[str, Mapping[str, Any]],
    built_at: str | None,
) -> Answer:
    """The reply to "who is mentioned more, bezos or musk?": both counts in each article of
    `doc_ids`, and which comes up more often; refused when neither is named."""
    lines, found = [], False
    for doc_id in doc_ids:
        title = f"“{articles[doc_id].get('title') or doc_id}”"
        sentences = [s for group in sentences_by_section(index, doc_id).values() for s in group]
        first, second = (mentions_in(sentences, thing) for thing in things)
        found = found or bool(first or second)
        if not first and not second:
            lines.append(f"{title} doesn't mention “{things[0]}” or “{things[1]}”.")
            continue
        said = f"{title} mentions “{things[0]}” {_times(first)} and “{things[1]}” {_times(second)}"
        said = said.replace(" 0 times", " no times")
        more = things[0] if first > second else things[1] if second > first else None
        lines.append(f"{said}: “{more}” more often." if more else f"{said}: as often.")
    return reply_answer(question, " ".join(lines), "article", answered=found, built_at=built_at)


def part_mention_answer(
    question: str,
    thing: str,
    heading: str | None,
    sentences: Sequence[str],
    built_at: str | None,
) -> Answer:
    """The reply to "does the conclusion mention rivian?": how many times the part headed
    `heading` (None: the opening) names `thing`; refused when it doesn't."""
    part = f"The section “{heading}”" if heading else "The opening"
    count = mentions_in(sentences, thing)
    if not count and not names_thing(sentences, thing):
        said = f"{part} doesn't mention “{thing}”."
        return reply_answer(question, said, "article", built_at=built_at)
    times = f" {_times(count)}" if count else " (in another form)"
    return reply_answer(
        question, f"{part} mentions “{thing}”{times}.", "article", answered=True, built_at=built_at
    )

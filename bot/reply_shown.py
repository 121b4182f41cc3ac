"""The sentences behind a reply about the article's words: after "which sections talk about
nvidia?", "how many times is tesla mentioned?", "who is mentioned in the article?" or "how long is
the intro?", a request for more ("tell me more") or to see them ("show me", "where?", "what do
they say?") quotes the sentences the reply counted, named or measured, a few at a time.

Each was refused (session 30, the lead's probes): such a reply quotes nothing, so there was no
passage to read on from, and the question before, searched again, is not a question of what the
sources say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer, passages_answer, reply_answer
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.mention_count import (
    compared_things,
    counted_thing,
    mentions_in,
    most_mentioned_where,
    names_thing,
    part_mention_asked,
    sections_naming_asked,
)
from bot.more import NOTHING_MORE, More
from bot.names_mentioned import asked_names, counted_names, names_in_text
from bot.section_parts import OPENING, asks_heading, asks_section_length, part_named, part_sentences
from bot.sections import article_sentences

# On: a request for more, or to see them, after a reply counting or naming the article's words
# quotes the sentences behind that reply (session 30; `benchmarks/quality.py --lead-30` measures
# it).
SHOWN_30 = True
# On: after "which section mentions tesla the most?", "who is mentioned more, bezos or musk?" or
# "does the conclusion mention musk?", "show me" quotes the sentences naming them (in that part;
# in the article when the part names none) (session 31, the lead's probes: refused).
SHOWN_31 = True

# Sentences quoted per request, as the dates and numbers are (bot/dates_named.py).
QUOTED = 5

_TO_SEE = re.compile(
    r"^(?:(?:ok|okay|so|and|cool|great|nice|thanks|hmm)[,!]? )*(?:"
    r"show (?:me|us)(?: (?:them|it|those|where|the sentences?|the text|that))?"
    r"|let me see(?: (?:them|it|those))?"
    r"|where(?: (?:are they|is it|is that|exactly))?"
    r"|(?:can|could|may) (?:i|we) see (?:them|it|those|the sentences?|the text)"
    r"|what do(?:es)? (?:they|it|those(?: sections?)?|that(?: section)?|the sections?) say"
    r"(?: about (?:it|that|them|him|her))?"
    r"|read (?:it|them|that|those)(?: (?:to|for) (?:me|us)| out(?: loud)?)?"
    r"|quote (?:it|them|those|that)"
    r"|which (?:ones|sentences)"
    r")(?: please| pls)?[?.! ]*$"
)


def asks_to_see(text: str) -> bool:
    """Whether `text` asks to see what was just counted or named, and nothing else ("show me",
    "where?", "what do they say?")."""
    return bool(_TO_SEE.match(" ".join(text.lower().replace("’", "'").split())))


def to_see_as_more(text: str, history: Sequence[str]) -> More | None:
    """ "show me", "where?" after a reply counting, naming or measuring the article's words, read
    as the first request for more of the question before; None otherwise."""
    if not SHOWN_30 or not history or not asks_to_see(text):
        return None
    more = More(history[-1], tuple(history[:-1]), 1)
    before = history[-2] if len(history) > 1 else None
    # a section measured or its heading named: read on in that section (bot/section_parts.py)
    part = asks_section_length(history[-1], before) or asks_heading(history[-1], before)
    return more if part is not None or _behind(more) is not None else None


def rebased(more: More | None) -> More | None:
    """`more` asked after "show me" (read as a request for more) asks more of the question before
    that one: "how many times is tesla mentioned? → where? → tell me more" reads on past the first
    sentences."""
    if more is None or not more.history:
        return more
    if to_see_as_more(more.question, more.history) is None:
        return more
    history = more.history
    return More(history[-1], history[:-1], more.times + 1, more.shorter, more.again)


def shown_of(more: More | None) -> More | None:
    """`more` when it asks for more after a reply counting or naming the article's words (or the
    opening's length); None otherwise."""
    if not SHOWN_30 or more is None or more.again or more.shorter or _behind(more) is None:
        return None
    return more


def _behind(more: More) -> tuple[str, str] | None:
    """What the question `more` asks more of counted, named or measured ("sections", "thing",
    "names" or "opening") and the word or kind it was of; None when it was no such question."""
    thing = sections_naming_asked(more.question)
    if thing is not None:
        return "sections", thing
    thing = counted_thing(more.question)
    if thing is not None:
        return "thing", thing
    kind = asked_names(more.question) or counted_names(more.question)
    if kind is not None:
        return "names", kind
    before = more.history[-1] if more.history else None
    if asks_section_length(more.question, before) == OPENING:  # a section's: bot/section_parts.py
        return "opening", OPENING
    if not SHOWN_31:
        return None
    thing = most_mentioned_where(more.question)
    if thing is not None:  # "which section mentions tesla the most?": that section's mentions
        return "most", thing
    pair = compared_things(more.question)
    if pair is not None:  # "who is mentioned more, bezos or musk?": where either is
        return "either", "” or “".join(pair)  # as the reply names them
    asked = part_mention_asked(more.question)
    if asked is not None and part_named(asked[0], before) is not None:
        return "part", asked[1]
    return None


def sentences_behind(
    more: More, index: SearchIndex, doc_ids: Sequence[str]
) -> list[tuple[Passage, str]]:
    """The sentences of the articles `doc_ids` behind the reply `more` asks more of, in the text's
    order: those naming the thing counted, the first naming each name listed, or the opening's."""
    behind = _behind(more)
    if behind is None:
        return []
    what, asked = behind
    sentences = [pair for doc_id in doc_ids for pair in article_sentences(index, doc_id)]
    if what == "sections":  # counted in any form, as the sections were
        return [(p, s) for p, s in sentences if names_thing([s], asked)]
    if what == "thing":  # counted as the word asked, as the mentions were
        return [(p, s) for p, s in sentences if mentions_in([s], asked)]
    if what == "opening":
        return [(p, s) for p, s in sentences if p.section is None]
    if what == "most":  # the sentences naming it in the section (or sections) naming it most
        counts: dict[tuple[str, str | None], int] = {}
        for p, sentence in sentences:
            key = (p.doc_id, p.section)
            counts[key] = counts.get(key, 0) + mentions_in([sentence], asked)
        most = max(counts.values(), default=0)
        top = {key for key, count in counts.items() if count == most}
        return [
            (p, s) for p, s in sentences if (p.doc_id, p.section) in top and mentions_in([s], asked)
        ]
    if what == "either":
        things = compared_things(more.question) or ()
        return [(p, s) for p, s in sentences if any(mentions_in([s], t) for t in things)]
    if what == "part":  # in the part named, else anywhere in the article
        naming = [(p, s) for p, s in sentences if mentions_in([s], asked)]
        part = part_mention_asked(more.question)
        named = part_named(part[0], more.history[-1] if more.history else None) if part else None
        held = [part_sentences(named, index, doc_id) for doc_id in doc_ids] if named else []
        headings = {h[0] for h in held if h is not None}
        within = [(p, s) for p, s in naming if p.section in headings]
        return within or naming
    shown: list[tuple[Passage, str]] = []
    seen: set[str] = set()
    for passage, sentence in sentences:
        named = set(names_in_text(sentence, asked)) - seen
        if named:  # the first sentence naming each, once
            shown.append((passage, sentence))
            seen |= named
    return shown


def shown_answer(text: str, more: More, index: SearchIndex, doc_ids: Sequence[str]) -> Answer:
    """The `more.times`-th few sentences behind the reply `more` asks more of, quoted and cited;
    "that's all" past the last."""
    behind = sentences_behind(more, index, doc_ids)
    page = behind[(more.times - 1) * QUOTED : more.times * QUOTED]
    built_at = index.manifest.get("built_at")
    what = _behind(more)
    if not behind and what is not None and what[0] != "opening":  # the reply before found none
        said = (
            f"The article names no {what[1]}."
            if what[0] == "names"
            else f"The article doesn't mention “{what[1]}”."
        )
        return reply_answer(text, said, "article", built_at=built_at)
    return passages_answer(text, page, index.manifest["articles"], built_at, NOTHING_MORE)

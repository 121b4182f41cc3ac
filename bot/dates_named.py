"""The dates an article names ("what are the key dates?", "give me a timeline"): each sentence
naming a year, quoted and cited in the text's order; an article naming none says so.

Searched, each was refused (session 27, the lead's probes), though the article names 2040 for
Amazon's carbon-neutral pledge: no passage is similar to "timeline", but the text holds its dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer, passages_answer, reply_answer
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.more import NOTHING_MORE, More
from bot.sections import article_sentences

# On: requests for an article's dates are answered by the sentences naming them (session 27;
# `benchmarks/quality.py --lead-27` measures it).
DATES_27 = True
# How many dated sentences are quoted at most.
QUOTED = 5

_ASKED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|can you|could you|please)[,!]? )*(?:"
    r"(?:give|show|make)(?: me| us)? (?:a |the )?timeline|(?:what(?:'s| is) )?the timeline|timeline"
    r"|(?:what|which) (?:are the )?(?:key |important |main )?(?:dates|years)(?: (?:are|does"
    r" (?:the|this) (?:article|piece|text) (?:mention|give|name)|mentioned|named|given))?"
    r"|(?:the )?(?:key |important |main )?dates|(?:list|show)(?: me)? (?:the |all )?(?:dates|years)"
    r")(?: (?:in|of) (?:the|this) (?:article|piece|text|story))?(?: please| pls)?[?.! ]*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
# On: "what years are mentioned?" is read too, and the numbers asked for ("what are the key
# numbers?", "any statistics?") are the sentences naming a number (session 28, the lead's probes:
# refused, or the list of innovations quoted).
NUMBERS_28 = True
_ASKED_28 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|can you|could you|please)[,!]? )*(?:"
    r"(?:what|which) (?P<y1>dates|years) (?:are|get) (?:mentioned|named|given)"
    r"|(?:what|which|any) (?:are the )?(?:key |important |main )?(?P<n1>numbers|figures|statistics"
    r"|stats|numbers or statistics)(?: (?:are|does (?:the|this) (?:article|piece|text)"
    r" (?:mention|give|name)|mentioned|named|given|are (?:mentioned|named|given)|are there))?"
    r"|(?:list|show|give)(?: me)? (?:the |all |some )?(?P<n2>numbers|figures|statistics|stats)"
    r")(?: (?:in|of) (?:the|this) (?:article|piece|text|story))?(?: please| pls)?[?.! ]*$",
    re.IGNORECASE,
)
# On: "what numbers appear in the article?", "are there any figures?", "does it give any stats?"
# ask for the numbers too (session 29, the lead's probes: quoted the team passage, or refused).
NUMBERS_29 = True
_ASKED_29 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|can you|could you|please)[,!]? )*(?:"
    r"(?:what|which) (?P<n1>numbers|figures|statistics|stats|dates|years) (?:appear|occur|come up"
    r"|show up|are (?:there|used|cited|given|quoted))"
    r"|are there (?:any )?(?P<n2>numbers|figures|statistics|stats|dates|years)"
    r"|(?:does|do) (?:it|the article|this article|the text|the piece) (?:give|have|cite|quote"
    r"|include|mention|use) (?:any )?(?P<n3>numbers|figures|statistics|stats|dates|years)"
    r")(?: (?:in|of) (?:the|this|it) ?(?:article|piece|text|story)?)?(?: (?:at all|please|pls))?"
    r"[?.! ]*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\b\d")


def dates_asked(question: str) -> str | None:
    """What the question asks of the article, "dates" or "numbers"; None for any other
    question."""
    if asks_for_dates(question):
        return "dates"
    return "numbers" if asks_for_numbers(question) else None


# On: "tell me more" after the dates (or numbers) quotes the next ones, "that's all" past the
# last (session 28, the lead's probes: it searched the request again and quoted the opening).
MORE_28 = True


def dates_asked_more_of(more: More | None) -> str | None:
    """What a request for more asks more of when the question before it asked for the dates or
    numbers ("dates", "numbers"); None otherwise."""
    if not MORE_28 or more is None or more.again or more.shorter:
        return None
    return dates_asked(more.question)


def _asked_29(asked: str) -> str | None:
    """What "are there any figures?" (`_ASKED_29`) asks for, "numbers" or "dates"; None when it
    is not so asked."""
    found = _ASKED_29.match(asked) if NUMBERS_29 else None
    if found is None:
        return None
    word = (found["n1"] or found["n2"] or found["n3"]).lower()
    return "dates" if word in ("dates", "years") else "numbers"


def asks_for_numbers(question: str) -> bool:
    """Whether the question asks for the numbers the article names, and nothing else."""
    asked = " ".join(question.replace("’", "'").split())
    found = _ASKED_28.match(asked) if NUMBERS_28 else None
    return (found is not None and not found["y1"]) or _asked_29(asked) == "numbers"


def asks_for_dates(question: str) -> bool:
    """Whether the question asks for the dates the article names, and nothing else."""
    asked = " ".join(question.replace("’", "'").split())
    if NUMBERS_28 and (found := _ASKED_28.match(asked)) is not None and found["y1"]:
        return DATES_27  # "what years are mentioned?"
    return DATES_27 and (bool(_ASKED.match(asked)) or _asked_29(asked) == "dates")


def dated_sentences(
    index: SearchIndex, doc_ids: Sequence[str], naming: re.Pattern[str] = _YEAR
) -> list[tuple[Passage, str]]:
    """Each sentence of the articles `doc_ids` naming a year (or what `naming` finds), once, in
    the text's order."""
    return [
        (passage, text)
        for doc_id in doc_ids
        for passage, text in article_sentences(index, doc_id)
        if naming.search(text)
    ]


def dates_answer(
    question: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    numbers: bool = False,
    times_more: int = 0,
) -> Answer:
    """The sentences naming a year (any number, with `numbers`), quoted and cited (the first
    `QUOTED`, the next ones after `times_more` requests for more: "that's all" past the last); a
    reply saying the articles name none otherwise."""
    built_at = index.manifest.get("built_at")
    named = dated_sentences(index, doc_ids, _NUMBER if numbers else _YEAR)
    dated = named[times_more * QUOTED : (times_more + 1) * QUOTED]
    if named and not dated:  # "tell me more" past the last one
        return passages_answer(question, [], index.manifest["articles"], built_at, NOTHING_MORE)
    if not dated:
        what = "numbers" if numbers else "dates"
        said = (
            f"The article names no {what}."
            if len(doc_ids) == 1
            else f"The articles name no {what}."
        )
        return reply_answer(question, said, "article", built_at=built_at)
    return passages_answer(question, dated, index.manifest["articles"], built_at, NOTHING_MORE)


# On: a question about a year and nothing else ("what happens in 2040?", "anything about 2030?",
# "what about 2040?") quotes the sentences naming that year, or says none does (session 29, the
# lead's probes: the first was refused though "carbon-neutral by 2040" answers it, the second
# quoted a passage at random).
YEAR_ASKED_29 = True
_YEAR_ASKED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:what(?:'s| is| was)? (?:happen(?:s|ed|ing)? |planned |"
    r"supposed to happen |going on )?(?:in|by|for|about|around)|anything (?:about|on|for|in)"
    r"|(?:is there )?any ?thing (?:about|on|for|in)|what about|(?:does|do) (?:it|the article)"
    r" (?:say|mention) anything about|what does (?:it|the article) say about)"
    r" (?:the )?(?:year )?(?P<year>(?:1[89]|20)\d\d)(?: (?:then|exactly))?[?.! ]*$",
    re.IGNORECASE,
)


def asked_year(question: str) -> str | None:
    """The year a question asks about and nothing else ("what happens in 2040?": "2040"), or
    None."""
    if not YEAR_ASKED_29:
        return None
    found = _YEAR_ASKED.match(" ".join(question.replace("’", "'").split()))
    return found["year"] if found else None


def year_answer(question: str, year: str, index: SearchIndex, doc_ids: Sequence[str]) -> Answer:
    """The sentences of the articles `doc_ids` naming `year`, quoted and cited; a reply saying
    none does otherwise."""
    built_at = index.manifest.get("built_at")
    named = dated_sentences(index, doc_ids, re.compile(rf"\b{year}\b"))[:QUOTED]
    if not named:
        said = f"The sources don't mention {year}."
        return reply_answer(question, said, "article", built_at=built_at)
    return passages_answer(question, named, index.manifest["articles"], built_at, NOTHING_MORE)

"""The article's paragraphs: "how many paragraphs are there?", "what does the second paragraph
say?", "read me the first paragraph of the conclusion", and "tell me more" after one.

The index keeps passages and sentences, not paragraphs, but each passage holds whole paragraphs
(bot/chunking.py packs them, splitting only an over-long one), so a paragraph ends where a line
break parts two sentences, or where a passage ends and the next one starts a line or a section.
Asked, "what's paragraph 3?" was refused and "what does the second paragraph say?" quoted the
conclusion (session 30, the lead's probes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer, passages_answer, reply_answer
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.more import NOTHING_MORE, More
from bot.question_kind import question_text
from bot.section_parts import (
    OPENING,
    ORDINALS,
    WHOLE_TEXT,
    WHOLE_TEXT_NAMED,
    another_place,
    part_named,
)
from bot.sections import SectionRequest, opening_named, section_openings

# On: paragraphs are read by their place and counted (session 30; `benchmarks/quality.py
# --lead-30` measures it).
PARAGRAPHS_30 = True
# Sentences quoted of one paragraph: a longer one is cut, as a section's quote is.
MOST_SENTENCES = 8

Paragraph = list[tuple[Passage, str]]
# The place "next paragraph" names after the last one.
PAST_THE_LAST = 10_000

_NTH_PARAGRAPH = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:(?:what(?:'s| is| was| does)|show(?: me)?|quote"
    r"|read(?: me)?|give me|tell me(?: about)?|summari[sz]e|sum up) )?"
    r"(?:the (?P<nth>" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th)) (?:paragraph|para)"
    r"|(?:paragraph|para) (?P<num>\d{1,3}))"
    r"(?: (?:of|in) (?P<part>.+?))?(?: say| about| say about| mean)?(?: please| pls)?[?.! ]*$"
)


# A step from the paragraph asked just before, named as a paragraph ("previous" alone asks for the
# answer before: bot/recall.py).
_STEP = re.compile(
    r"^(?:(?:and|ok|okay|now|then)[,]? )*(?:(?:the )?(?:(?P<next>next|following)|previous|prior"
    r"|preceding) (?:paragraph|para)|(?:the )?(?:paragraph|para|one) (?:before|after(?P<after>))"
    r"(?: (?:that|it|this)(?: one)?)?)(?: please| pls)?[?.! ]*$"
)


def article_paragraphs(index: SearchIndex, doc_id: str) -> list[Paragraph]:
    """The paragraphs of the article `doc_id`, in order, each its sentences (each sentence once:
    passages may overlap) with the first passage holding it."""
    paragraphs: list[Paragraph] = []
    seen: set[tuple[int, int]] = set()
    last: tuple[Passage, tuple[int, int]] | None = None
    for row in index.article_rows.get(doc_id, range(0)):
        passage = index.passages[row]
        for span, text in zip(passage.sentences, passage.sentence_texts(), strict=True):
            if span in seen:
                continue
            seen.add(span)
            if last is None or _parted(last, passage, span):
                paragraphs.append([])
            paragraphs[-1].append((passage, text))
            last = passage, span
    return paragraphs


def _parted(last: tuple[Passage, tuple[int, int]], passage: Passage, span: tuple[int, int]) -> bool:
    """Whether the sentence at `span` of `passage` starts a paragraph after the sentence before,
    `last` (its passage and span)."""
    before, (_, end) = last
    if before.section != passage.section:
        return True
    if before.id == passage.id:  # a line break between two sentences of one passage
        return "\n" in passage.text[end - passage.start : span[0] - passage.start]
    return span[0] - end > 1  # a new passage: a blank line, unless a long paragraph was split


def asks_nth_paragraph(
    question: str, before: str | None = None
) -> tuple[int, SectionRequest | str] | None:
    """Which paragraph (from 1; -1: the last) of which part (`WHOLE_TEXT`, `OPENING` or a section)
    the question asks for ("and the third?" right after one asked, that place in the same part);
    None when it asks for no paragraph by its place."""
    if not PARAGRAPHS_30:
        return None
    text = " ".join(question_text(question).replace("’", "'").split())
    found = _NTH_PARAGRAPH.match(text)
    if found is None:  # "and the third?" right after a paragraph asked by its place
        place = another_place(text, "paragraph|para")
        asked_before = asks_nth_paragraph(before) if before is not None and place else None
        if asked_before is None and before is not None and (step := _STEP.match(text)):
            # "the paragraph before", "next paragraph": one place from the one asked before
            asked_before = asks_nth_paragraph(before)
            onward = step["next"] or step["after"] is not None
            if asked_before is not None and (asked_before[0] > 0 or not onward):
                place = asked_before[0] + (1 if onward else -1)  # the last's: -2
            elif asked_before is not None:  # after the last: past it, or the one after -2
                place = asked_before[0] + 1 if asked_before[0] < -1 else PAST_THE_LAST
        return None if asked_before is None or place is None else (place, asked_before[1])
    nth = found["nth"] or found["num"]
    place = ORDINALS[nth] if nth in ORDINALS else int(re.sub(r"\D", "", nth))
    part = (found["part"] or "").strip()
    if not part or WHOLE_TEXT_NAMED.match(part):
        return place, WHOLE_TEXT
    named = part_named(part, before)
    return None if named is None else (place, named)


def paragraph_asked_more_of(more: More | None) -> tuple[int, SectionRequest | str] | None:
    """The paragraph a request for more ("tell me more", "next") reads on from; None otherwise."""
    if more is None or more.again or more.shorter:
        return None
    return asks_nth_paragraph(more.question, more.history[-1] if more.history else None)


def _paragraphs_of(
    part: SectionRequest | str, index: SearchIndex, doc_id: str
) -> list[Paragraph] | None:
    """The paragraphs of `part` of the article `doc_id`; None when it has no such part."""
    paragraphs = article_paragraphs(index, doc_id)
    if part == WHOLE_TEXT:
        return paragraphs
    if part == OPENING:
        return [p for p in paragraphs if p[0][0].section is None] or None
    assert isinstance(part, SectionRequest)
    opening = opening_named(part, section_openings(index, [doc_id]))
    if opening is None:
        return None
    return [p for p in paragraphs if p[0][0].section == opening.section]


def nth_paragraph_answer(
    question: str,
    asked: tuple[int, SectionRequest | str],
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
    times_more: int = 0,
) -> Answer | None:
    """The paragraph `asked` names (the one `times_more` paragraphs after it) of the first article
    of `doc_ids` having that part, quoted and cited; how many there are past the last; None when
    no article has the part (the question is searched)."""
    place, part = asked
    for doc_id in doc_ids:
        paragraphs = _paragraphs_of(part, index, doc_id)
        if not paragraphs:
            continue
        if place in (0, PAST_THE_LAST):  # "the paragraph before" the first, "next" after the last
            end = "first" if place == 0 else "last"
            said = f"That is the {end} paragraph." if part == WHOLE_TEXT else f"That is its {end}."
            return reply_answer(question, said, "sections", built_at=built_at)
        at = (len(paragraphs) + 1 + place if place < 0 else place) + times_more
        if times_more and at > len(paragraphs):  # "tell me more" after the last one
            return passages_answer(question, [], index.manifest["articles"], built_at, NOTHING_MORE)
        if not 1 <= at <= len(paragraphs):
            whole = "The article" if part == WHOLE_TEXT else "That part"
            said = f"{whole} has {len(paragraphs)} paragraph{'s' if len(paragraphs) != 1 else ''}."
            return reply_answer(question, said, "sections", built_at=built_at)
        chosen = paragraphs[at - 1][:MOST_SENTENCES]
        return passages_answer(question, chosen, index.manifest["articles"], built_at, NOTHING_MORE)
    return None


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_SEVERAL = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:(?:what(?:'s| is| are| do| does)|show(?: me)?|quote"
    r"|read(?: me)?|give me|tell me(?: about)?|summari[sz]e|sum up) )?(?:"
    rf"the (?P<end>first|last|final) (?P<count>{'|'.join(_COUNT_WORDS)}) (?:paragraphs|paras)"
    r"|(?:paragraphs|paras) (?P<a>\d{1,3}) ?(?P<joined>and|&|to|through|-|–) ?(?P<b>\d{1,3}))"
    r"(?: say| about| of (?:the|this) (?:article|text|piece))?(?: please| pls)?[?.! ]*$"
)


def asks_several_paragraphs(question: str) -> tuple[int, ...] | None:
    """The places (from 1; negative: from the end) of the paragraphs the question asks for at
    once ("the first two paragraphs", "paragraphs 2 to 4"); None when it asks no such thing."""
    if not PARAGRAPHS_30:
        return None
    found = _SEVERAL.match(" ".join(question_text(question).replace("’", "'").split()))
    if found is None:
        return None
    if found["count"]:
        count = _COUNT_WORDS[found["count"]]
        return tuple(range(1, count + 1)) if found["end"] == "first" else tuple(range(-count, 0))
    a, b = int(found["a"]), int(found["b"])
    ranged = found["joined"] not in ("and", "&")
    return tuple(range(a, b + 1)) if ranged and a < b <= a + 4 else (a, b)


def several_paragraphs_answer(
    question: str, places: tuple[int, ...], index: SearchIndex, doc_ids: Sequence[str]
) -> Answer:
    """The paragraphs at `places` of the first article of `doc_ids`, quoted and cited in order;
    how many there are when a place is past the last."""
    built_at = index.manifest.get("built_at")
    paragraphs = article_paragraphs(index, doc_ids[0]) if doc_ids else []
    chosen = [paragraphs[p - 1 if p > 0 else p] for p in places if p and abs(p) <= len(paragraphs)]
    if len(chosen) < len(places):
        said = f"The article has {len(paragraphs)} paragraphs."
        return reply_answer(question, said, "sections", built_at=built_at)
    quoted = [pair for paragraph in chosen for pair in paragraph[:MOST_SENTENCES]]
    return passages_answer(question, quoted, index.manifest["articles"], built_at, NOTHING_MORE)

"""Parts of the text asked for by their size or place, not by what they say: "how long is the
conclusion?", "what's the third sentence of the article?", "summarize sections 1 and 2", and
"tell me more" after them.

bot/sections.py reads a section named by its heading or place; this module reads what is asked of
such parts (session 29, the lead's probes: each was refused, labelled, or quoted at random).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer, passages_answer, reply_answer
from bot.index import SearchIndex
from bot.more import NOTHING_MORE, More
from bot.question_kind import question_text
from bot.sections import (
    PLACES,
    QUOTED_SENTENCES,
    SectionRequest,
    article_sentences,
    asks_about_sections,
    names_a_section,
    opening_named,
    says_only_section_words,
    section_openings,
    sentences_by_section,
)

# On: a named section's size ("how long is the conclusion?", "how many words are in the
# partnerships section?", "how long is the intro?") is counted from its sentences (session 29, the
# lead's probes: labelled "The sources don't say the number" or refused).
SECTION_LENGTH_29 = True
_LENGTH_ASKED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:"
    r"how (?:long|big|short|lengthy) (?:is|was) (?P<a>.+?)"
    r"|how many (?:words|sentences) (?:is|are|does|do)(?: there)?(?: in)? (?P<b>.+?)"
    r"(?: (?:have|has|contain|hold))?"
    r"|(?:what(?:'s| is) )?(?:the )?(?:length|size|word count) of (?P<c>.+?))[?.! ]*$"
)
# The part before the first heading, named as readers name it.
_INTRO_NAMED = re.compile(
    r"^(?:the |its |this )?(?:intro|introduction|opening|lede)(?: (?:section|part|paragraph|bit))?$"
)
# The last section named by its role: its heading may not say "conclusion".
_LAST_NAMED = re.compile(r"^(?:the |its )?(?:last|final|closing|concluding) (?:section|part|bit)$")
_CONCLUSION_NAMED = re.compile(r"^(?:the |its )?(?:conclusion|ending|end)$")
# The part before the first heading, as the replies name it.
OPENING = "the opening (before the first heading)"


# A section pointed at: the one asked just before ("how long is that section?"), or by its place
# after the headings were listed ("how long is the third one?").
_THAT_SECTION = re.compile(
    r"^(?:it|that|this|(?:that|this|the same) (?:section|part|chapter|one))$"
)
_NTH_LISTED = re.compile(rf"^(?:the )?({'|'.join(PLACES)}|last)(?: one| section)?$")


def asks_section_length(question: str, before: str | None = None) -> SectionRequest | str | None:
    """The section whose size the question asks ("how long is the partnerships section?"), or
    `OPENING` for the part before the first heading ("how long is the intro?"); None when it asks
    no section's size. A part is named as a section ("the X section", "section 3") or by its role
    (the intro, the conclusion): "how long is the rivalry?" asks no section's size. After the
    message `before` asked for a section ("how long is that section?") or for the headings ("how
    long is the third one?"), that section."""
    if not SECTION_LENGTH_29:
        return None
    found = _LENGTH_ASKED.match(" ".join(question_text(question).replace("’", "'").split()))
    if found is None:
        return None
    return part_named((found["a"] or found["b"] or found["c"]).strip(), before)


def part_named(named: str, before: str | None) -> SectionRequest | str | None:
    """The part of the text `named` names ("the partnerships section", "the intro": `OPENING`,
    "the conclusion", "that section" after the message `before` asked for one); None when it
    names none."""
    asked_before = asks_about_sections(before) if before is not None else None
    if asked_before is not None and _THAT_SECTION.match(named):  # "how long is that section?"
        return asked_before if asked_before != SectionRequest() else None
    nth = _NTH_LISTED.match(named) if asked_before == SectionRequest() else None
    if nth is not None:  # "how long is the third one?" after the headings
        return SectionRequest(place=-1 if nth[1] == "last" else PLACES[nth[1]])
    if _INTRO_NAMED.match(named):
        return OPENING
    if _LAST_NAMED.match(named) or _CONCLUSION_NAMED.match(named):
        return SectionRequest(place=-1)
    if not names_a_section(named):
        return None
    request = asks_about_sections(named)
    if request is None or request == SectionRequest() or request.after:
        return None
    return request


# On: "what's the third sentence of the article?", "the first line of the conclusion?", "the last
# sentence of the partnerships section" quote that sentence (session 29, the lead's probes:
# refused, or labelled "The sources don't say anything about first line").
NTH_SENTENCE_29 = True
ORDINALS = {**PLACES, "last": -1, "final": -1}
_NTH_SENTENCE = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:(?:what(?:'s| is| was)|show(?: me)?|quote|read(?: me)?"
    r"|give me|tell me) )?the (?P<nth>" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
    r" (?:sentence|line)(?: (?:of|in) (?P<part>.+?))?[?.! ]*$"
)
# The whole text named as the part ("of the article").
WHOLE_TEXT_NAMED = re.compile(r"^(?:the |this |that )?(?:article|text|piece|story|post)$")
# The whole text, as `asks_nth_sentence` names it.
WHOLE_TEXT = "the whole text"


# On: "what's the very last sentence?", "the very first line" are that sentence (session 31, the
# lead's probes: searched, the last two sentences quoted).
VERY_31 = True


def asks_nth_sentence(
    question: str, before: str | None = None
) -> tuple[int, SectionRequest | str] | None:
    """Which sentence (from 1; -1: the last) of which part (`WHOLE_TEXT`, `OPENING` or a section)
    the question asks for; None when it asks for no sentence by its place."""
    if not NTH_SENTENCE_29:
        return None
    text = " ".join(question_text(question).replace("’", "'").split())
    if VERY_31:  # "the very last sentence": the last sentence
        text = re.sub(r"\bthe very (?=first |last |final )", "the ", text)
    found = _NTH_SENTENCE.match(text)
    if found is None and PART_ENDS_30 and (ends := _PART_ENDS_30.match(text)):
        # "how does section 3 end?", "the opening line of the conclusion": that sentence ("how
        # does the conclusion open?": its first sentences, `asks_how_part_opens`)
        if ends["verb"] in _OPENING_VERBS:
            return None
        named = part_named((ends["a"] or ends["b"]).strip(), before)
        return None if named is None else (1 if ends["which"] == "opening" else -1, named)
    if found is None:
        return _another_sentence(text, before)
    nth = found["nth"]
    place = ORDINALS[nth] if nth in ORDINALS else int(re.sub(r"\D", "", nth))
    part = (found["part"] or "").strip()
    if not part or WHOLE_TEXT_NAMED.match(part):
        return place, WHOLE_TEXT
    named = part_named(part, before)
    return None if named is None else (place, named)


# On: "how does the conclusion open?", "how does section 3 end?", "the opening line of the
# conclusion" quote that part's first or last sentence (session 30, the lead's probes: refused,
# labelled "The sources don't say anything about opening line", or the partnerships section's
# beginning quoted from the conclusion).
PART_ENDS_30 = True
_OPENING_VERBS = frozenset({"open", "start", "begin", "kick off"})
_PART_ENDS_30 = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:how (?:does|did) (?P<a>.+?) (?P<verb>open|start|begin"
    r"|kick off|end|close|finish|wrap up|conclude)|(?:what(?:'s| is| are) )?the (?P<which>opening"
    r"|closing|final) (?:line|sentence|words) (?:of|in) (?P<b>.+?))[?.! ]*$"
)


def asks_how_part_opens(question: str, before: str | None = None) -> SectionRequest | str | None:
    """The part ("how does the conclusion open?": the last section; `OPENING`) whose opening the
    question asks, quoted as "what's in it?" would be; None otherwise."""
    if not PART_ENDS_30:
        return None
    ends = _PART_ENDS_30.match(" ".join(question_text(question).replace("’", "'").split()))
    if ends is None or ends["verb"] not in _OPENING_VERBS:
        return None
    return part_named(ends["a"].strip(), before)


_ANOTHER = re.compile(
    r"^(?:(?:and|what about|ok|okay|now)[,]? )*(?:the )?(?P<nth>"
    + "|".join(ORDINALS)
    + r"|\d{1,3}(?:st|nd|rd|th))(?: one| sentence| line)?(?: please| pls)?[?.! ]*$"
)


def _another_sentence(text: str, before: str | None) -> tuple[int, SectionRequest | str] | None:
    """For "and the fourth?" right after a sentence asked by its place ("what's the third
    sentence of the article?"): that place in the same part; None otherwise."""
    asked_before = asks_nth_sentence(before) if before is not None else None
    found = _ANOTHER.match(text) if asked_before is not None else None
    if found is None or asked_before is None:
        return None
    nth = found["nth"]
    place = ORDINALS[nth] if nth in ORDINALS else int(re.sub(r"\D", "", nth))
    return place, asked_before[1]


# On: "tell me more" after a section's length quotes that section, after "the first three
# sections" each of them in turn, after "the third sentence of the article" the sentences after it
# (session 29, the lead's probes: the length's question was searched and labelled, the others
# refused).
MORE_OF_PARTS_29 = True


def section_asked_more_of(more: More | None) -> tuple[SectionRequest, int] | None:
    """The section a request for more reads on in, and how many of its requests for more went
    before, when the question before asked a section's length or several sections; None
    otherwise."""
    if not MORE_OF_PARTS_29 or more is None or more.again or more.shorter:
        return None
    before = more.history[-1] if more.history else None
    length = asks_section_length(more.question, before) or asks_heading(more.question, before)
    if isinstance(length, SectionRequest):  # "how long is the conclusion? → tell me more"
        return length, more.times - 1
    several = asks_several_sections(more.question)
    if several is None:
        return None
    places = several[0]
    if more.times <= len(places):  # each section asked, in turn
        return SectionRequest(place=places[more.times - 1]), 0
    return SectionRequest(place=places[-1]), more.times - len(places)  # then on in the last


# On: "summarize it", "in short?" after a section's length or heading ask for that part in short:
# its first sentence, as after an answer (session 31, the lead's probes: the reply was repeated).
SUMMED_31 = True


def part_summed(more: More | None) -> SectionRequest | str | None:
    """The part (a section, or `OPENING`) whose length or heading the question before asked, when
    `more` asks for it in short ("how long is the conclusion? → summarize it"); None otherwise."""
    if not SUMMED_31 or more is None or not more.shorter:
        return None
    before = more.history[-1] if more.history else None
    return asks_section_length(more.question, before) or asks_heading(more.question, before)


def sentence_asked_more_of(more: More | None) -> tuple[int, SectionRequest | str] | None:
    """The sentence asked by its place a request for more reads on from; None otherwise."""
    if not MORE_OF_PARTS_29 or more is None or more.again or more.shorter:
        return None
    return asks_nth_sentence(more.question, more.history[-1] if more.history else None)


def nth_sentence_answer(
    question: str,
    asked: tuple[int, SectionRequest | str],
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
    times_more: int = 0,
) -> Answer | None:
    """The sentence `asked` names of the first article of `doc_ids` holding that part, quoted
    and cited (after `times_more` requests for more, the `QUOTED_SENTENCES` after it and the ones
    before); None when no article has the part named (the question is searched)."""
    place, part = asked
    for doc_id in doc_ids:
        sentences = article_sentences(index, doc_id)
        if part == OPENING:
            sentences = [(p, text) for p, text in sentences if p.section is None]
        elif isinstance(part, SectionRequest):
            opening = opening_named(part, section_openings(index, [doc_id]))
            if opening is None and part.words:  # "the battery section": no heading says so
                named = " ".join(part.words)
                said = f"No section heading of the article names “{named}”."
                return reply_answer(question, said, "sections", built_at=built_at)
            if opening is None:
                continue
            sentences = [(p, text) for p, text in sentences if p.section == opening.section]
        if not sentences:
            continue
        at = len(sentences) if place == -1 else place
        if not 1 <= at <= len(sentences):
            said = f"That part has {len(sentences)} sentences."
            return reply_answer(question, said, "sections", built_at=built_at)
        start = at + (times_more - 1) * QUOTED_SENTENCES if times_more else at - 1
        chosen = sentences[start : start + (QUOTED_SENTENCES if times_more else 1)]
        return passages_answer(question, chosen, index.manifest["articles"], built_at, NOTHING_MORE)
    return None


def part_sentences(
    request: SectionRequest | str, index: SearchIndex, doc_id: str
) -> tuple[str | None, list[str]] | None:
    """The heading (None: the opening) and the sentences of the part `request` names (`OPENING`,
    or a section) in the article `doc_id`; None when it has no such part."""
    by_section = sentences_by_section(index, doc_id)
    if request == OPENING:
        return (None, by_section[None]) if None in by_section else None
    assert isinstance(request, SectionRequest)
    opening = opening_named(request, section_openings(index, [doc_id]))
    return None if opening is None else (opening.section, by_section.get(opening.section, []))


def section_length_answer(
    question: str,
    request: SectionRequest | str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
) -> Answer | None:
    """The reply giving the words and sentences of the section `request` names (`OPENING`: the
    part before the first heading) in the articles `doc_ids`; None when none is so named (the
    question is searched)."""
    for doc_id in doc_ids:
        if isinstance(request, SectionRequest) and request.place is not None:
            openings = section_openings(index, [doc_id])
            if request.place > len(openings) > 0:
                said = f"The article has {len(openings)} sections."  # "how long is section 12?"
                return reply_answer(question, said, "sections", built_at=built_at)
        part = part_sentences(request, index, doc_id)
        if part is None:
            continue
        heading, sentences = part
        words = sum(len(text.split()) for text in sentences)
        name = OPENING.capitalize() if heading is None else f"The section “{heading}”"
        count = len(sentences)
        said = (
            f"{name} is about {max(10, round(words, -1)):,} words long, in {count}"
            f" sentence{'s' if count != 1 else ''}."
        )
        return reply_answer(question, said, "sections", answered=True, built_at=built_at)
    return None


# On: several sections asked at once by their places ("what are the first three sections?",
# "summarize sections 1 and 2", "what are sections 2 to 4 about?", "list the last two sections")
# get those headings, or each one's first sentence when what they say is asked (session 29, the
# lead's probes: each was refused).
SEVERAL_SECTIONS_29 = True
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_FIRST_OR_LAST = re.compile(
    rf"\bthe (?P<end>first|last|final) (?P<count>{'|'.join(_COUNT_WORDS)}) (?:sections|parts"
    r"|chapters|headings)\b"
)
_NUMBERED = re.compile(
    r"\bsections? (?P<a>\d{1,2})(?:,? (?:and|&|to|through|thru|-|–) (?:sections? )?"
    r"(?P<b>\d{1,2}))\b"
    r"|\bsections? (?P<c>\d{1,2})-(?P<d>\d{1,2})\b"
)
_RANGE_WORDS = frozenset({"to", "through", "thru", "-", "–"})
# Asking what the sections say, not what they are called.
_SAY = re.compile(
    r"\b(?:about|say|says|summari[sz]e|summary|sum up|recap|cover|covers|discuss|gist|explain"
    r"|difference|compare|tell me|what(?:'s| is| are) in)\b"
)


def asks_several_sections(question: str) -> tuple[tuple[int, ...], bool] | None:
    """The places (from 1; negative: from the end) of the sections the question asks for at once,
    and whether it asks what they say (else their headings); None when it asks no such thing or
    names anything besides."""
    if not SEVERAL_SECTIONS_29:
        return None
    text = " ".join(question_text(question).replace("’", "'").split())
    found = _FIRST_OR_LAST.search(text)
    if found is not None:
        count = _COUNT_WORDS[found["count"]]
        places = tuple(range(1, count + 1)) if found["end"] == "first" else tuple(range(-count, 0))
    else:
        found = _NUMBERED.search(text)
        if found is None:
            return None
        a, b = int(found["a"] or found["c"]), int(found["b"] or found["d"])
        joined = found[0].split()[1:-1] if found["a"] else ["-"]
        ranged = not found["a"] or any(w in _RANGE_WORDS for w in joined)
        places = tuple(range(a, b + 1)) if ranged and a < b else (a, b)
    rest = _SAY.sub(" ", text[: found.start()] + " " + text[found.end() :])
    if not says_only_section_words(rest, frozenset({"between", "the", "and", "of", "difference"})):
        return None
    return places, bool(_SAY.search(text))


def several_sections_answer(
    question: str,
    asked: tuple[tuple[int, ...], bool],
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
) -> Answer:
    """The sections at the places `asked` names of the articles `doc_ids`: their headings, or each
    one's first sentence quoted and cited; how many there are when a place is past the last."""
    places, say = asked
    openings = [opening for opening in section_openings(index, doc_ids) if opening.sentences]
    chosen = [
        openings[p - 1 if p > 0 else p]
        for p in places
        if -len(openings) <= p <= len(openings) and p
    ]
    if len(chosen) < len(places):
        said = f"The article has {len(openings)} sections."
        return reply_answer(question, said, "sections", built_at=built_at)
    if say:
        firsts = [(opening, opening.sentence_texts()[0]) for opening in chosen]
        return passages_answer(question, firsts, index.manifest["articles"], built_at, NOTHING_MORE)
    listed = "; ".join(f"{openings.index(o) + 1}. {o.section}" for o in chosen)
    said = f"Sections {listed}."
    return reply_answer(question, said, "sections", answered=True, built_at=built_at)


# On: "what's the first section called?", "what is the title of section 2?", "what's the heading
# of the partnerships section?" are told that heading (session 30, the lead's probes: the
# section's first sentences were quoted, or the question was refused).
HEADING_NAMED_30 = True
_HEADING_ASKED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )*(?:"
    r"what(?:'s| is| was) (?P<a>.+?) (?:called|named|titled)"
    r"|(?:what(?:'s| is| was) )?the (?:name|title|heading|header) of (?P<b>.+?)"
    r"|what(?:'s| is| was) (?P<c>.+?)'s (?:name|title|heading|header)"
    r")[?.! ]*$"
)


def asks_heading(question: str, before: str | None = None) -> SectionRequest | str | None:
    """The part whose heading the question asks ("what's the first section called?": the first
    section; `OPENING` for the intro, which has none; "and the second?" right after a heading
    asked, the second); None when it asks no part's heading."""
    if not HEADING_NAMED_30:
        return None
    text = " ".join(question_text(question).replace("’", "'").split())
    found = _HEADING_ASKED.match(text)
    if found is None:
        place = another_place(text, "section|heading|title|part")
        asked_before = asks_heading(before) if before is not None and place else None
        return None if asked_before is None else SectionRequest(place=place)
    return part_named((found["a"] or found["b"] or found["c"]).strip(), before)


def another_place(text: str, nouns: str) -> int | None:
    """The place (from 1; -1: the last) "and the fourth?", "what about the 2nd one?", "and
    paragraph 4?" asks for, naming a thing only as one of `nouns` (a regex alternation), or None
    when it asks for no place alone."""
    found = re.match(
        r"^(?:(?:and|what about|how about|ok|okay|now|then)[,]? )*(?:(?:the )?(?P<nth>"
        + "|".join(ORDINALS)
        + rf"|\d{{1,3}}(?:st|nd|rd|th))(?: (?:one|{nouns}))?|(?:{nouns}) (?P<num>\d{{1,3}}))"
        r"(?: please| pls)?[?.! ]*$",
        text.lower(),
    )
    if found is None:
        return None
    nth = found["nth"] or found["num"]
    return ORDINALS[nth] if nth in ORDINALS else int(re.sub(r"\D", "", nth))


def heading_answer(
    question: str,
    request: SectionRequest | str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
) -> Answer | None:
    """The reply naming the heading of the part `request` names in the first article of `doc_ids`
    having it; None when no article has such a part (the question is searched)."""
    if request == OPENING:
        said = "The opening has no heading: the article's first heading comes after it."
        return reply_answer(question, said, "sections", answered=True, built_at=built_at)
    assert isinstance(request, SectionRequest)
    for doc_id in doc_ids:
        openings = section_openings(index, [doc_id])
        if request.place is not None and request.place > len(openings) > 0:
            said = f"The article has {len(openings)} sections."  # "what's section 12 called?"
            return reply_answer(question, said, "sections", built_at=built_at)
        opening = opening_named(request, openings)
        if opening is None:
            continue
        place = openings.index(opening) + 1
        said = f"Section {place} is “{opening.section}”."
        return reply_answer(question, said, "sections", answered=True, built_at=built_at)
    return None


# On: "and the third?", "what about section 4?" right after a section asked by its place or name
# ("what's section 2 about?") quote that section (session 30, the lead's probes: refused).
ANOTHER_SECTION_30 = True


def another_section(question: str, before: str | None) -> SectionRequest | None:
    """The section "and the third?" asks right after the message `before` asked for one section;
    None otherwise (the headings listed before: bot/sections.py reads "the third one")."""
    if not ANOTHER_SECTION_30 or before is None:
        return None
    asked_before = asks_about_sections(before)
    if asked_before is None or asked_before == SectionRequest():
        return None
    text = " ".join(question_text(question).replace("’", "'").split())
    place = another_place(text, "section|part|chapter")
    return None if place is None else SectionRequest(place=place)

"""Requests about an article's sections: "summarise the section on partnerships", "what's in the
environmental part?" (the section's opening quoted and cited) and "what are the sections?",
"how many sections does it have?" (its headings listed).

A search reads "summarize the section on partnerships" by all its words, and "summarize the
section" pulled a passage about "the latest chapter" of the rivalry; "what are the section
headings" matched no passage and was refused. The section is found by its heading's words, and a
request naming anything its heading does not ("which part does nvidia play") is searched as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot import request_words
from bot.answer import Answer, passages_answer, reply_answer
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.more import NOTHING_MORE
from bot.question_kind import question_text
from bot.request_words import ABOUT_THE_TEXT, ASKING, NAVIGATING

# On: section requests are answered from the headings (session 23; `benchmarks/quality.py
# --lead-23` measures it).
SECTIONS = True
# How many of a section's first sentences its summary quotes.
QUOTED_SENTENCES = 3
# Two words are forms of one when they share this many first letters ("environment" /
# "environmental", "partnership" / "partnerships", "ethics" / "ethical").
SHARED_PREFIX = 5

# A section named as a part of the text ("the environmental part", "the section on partnerships"),
# not a role ("what part does nvidia play", "bezos's part in this").
_NOUN = r"(?:section|part|chapter|subsection|bit)"
_SECTION = re.compile(
    rf"\b(?:the|this|that) (?:[\w']+ ){{0,4}}{_NOUN}\b|\b{_NOUN} (?:on|about|called|titled|named)\b"
)
_LISTING = re.compile(
    r"\b(?:(?:what|which) (?:are (?:the |its |all the )?)?(?:section )?"
    r"(?:sections|headings|subheadings|chapters|parts)"
    r"|how many (?:sections|headings|chapters|parts)|table of contents|outline"
    r"|(?:list|show|name)(?: me)? (?:the |all (?:the )?|its )?(?:sections|headings|chapters))\b"
)
# On: the text's topics or themes asked for ("what are the main themes?", "what topics does the
# article cover?") are answered by the headings (session 28, the lead's probes: refused).
TOPICS_28 = True
_TOPICS = re.compile(
    r"\b(?:(?:what|which) (?:are (?:the |its )?)?(?:main |key |major |big )?"
    r"(?:topics|themes|subjects)|what (?:topics|themes|subjects) (?:does|do|did)"
    r"|what(?:'s| is) covered|what (?:does|do|did) (?:it|the article|this article|the text"
    r"|the piece) (?:cover|touch on))\b"
)
# On: "what else does the article cover?", "what other topics are there?", "what's the structure
# of the article?", "how is the article organized?" ask for the topics too (session 29, the lead's
# probes: refused); "how is it organized?" may ask of what was just said.
TOPICS_29 = True
_TOPICS_29 = re.compile(
    r"\b(?:what else (?:does|do|did) (?:it|the article|this article|the text|the piece)"
    r" (?:cover|talk about|discuss|touch on|say)"
    r"|what other (?:topics|themes|subjects|things) (?:are there|does (?:it|the article) cover)"
    r"|(?:the )?(?:structure|layout|organi[sz]ation) of (?:the article|this article|the text"
    r"|the piece)|how is (?:the article|this article|the text|the piece)"
    r" (?:organi[sz]ed|structured|laid out|set out|set up|broken up|divided|split up))\b"
)
# Words a request for the topics may hold besides: what the text does with them.
_TOPICS_FILLER = frozenset({"explore", "explores", "address", "addresses", "raise", "raises"})
# Words a section request may hold besides the heading's: asking, politeness, the text named.
_FILLER = ASKING | ABOUT_THE_TEXT | frozenset({
    "about", "bit", "briefly", "called", "chapter", "chapters", "contents", "cover", "covering",
    "covers", "discuss", "discusses", "entire", "explain", "gist", "go", "has", "have",
    "heading", "headings", "how", "key", "know", "list", "main", "many", "named", "need",
    "outline", "over", "overview", "part", "parts", "point", "points", "quick", "quote", "read",
    "recap", "said", "say", "says", "section", "sections", "subheading", "subsection", "sum",
    "summarise", "summarize", "summary", "table", "talk", "talks", "through", "titled", "tldr",
    "up", "want", "which", "with"
})  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# On: a section named by its place ("what's the first section about", "summarise section 3",
# and "the 4th one?" after the headings are listed) is quoted as one named by its heading (session
# 25, the lead's probe: each was refused). "the last section" is the conclusion (bot/overview.py).
BY_PLACE = True
PLACES = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
}  # fmt: skip
_BY_PLACE = re.compile(
    rf"\b(?:the )?({'|'.join(PLACES)}) {_NOUN}\b"
    rf"|\b{_NOUN} (?:#|no\.? ?|number )?(\d{{1,2}})\b"
)

# On: a section asked for past the last ("what's in section 11?") is told how many there are
# (session 27, the lead's probe: refused as a question the sources don't cover).
PAST_THE_LAST_27 = True

# On: "which section is the longest?", "what's the shortest part?" are told from the sections'
# words (session 27, the lead's probes: refused).
SIZES_27 = True
_SIZE = re.compile(
    rf"^(?:(?:ok|so|and|hey)[,!]? )?(?:(?:which|what)(?:'s| is)? (?:the )?(?P<a>longest|shortest"
    rf"|biggest|smallest|largest|most detailed) {_NOUN}|(?:which|what) {_NOUN} is (?:the )?"
    rf"(?P<b>longest|shortest|biggest|smallest|largest|most detailed))"
    r"(?: (?:of|in) (?:the|this) (?:article|piece|text))?[?.! ]*$"
)


# On: after the headings were listed (or a section's size told), "which is the longest?", "and the
# shortest?" ask which section (session 29, the lead's probes: refused).
SIZES_29 = True
_SIZE_AFTER_HEADINGS = re.compile(
    r"^(?:(?:ok|okay|so|and)[,!]? )?(?:(?:which|what)(?:'s| is)? (?:one )?(?:is )?)?(?:the )?"
    r"(?P<c>longest|shortest|biggest|smallest|largest|most detailed)(?: one)?[?.! ]*$"
)


def asks_section_size(question: str, before: str | None = None) -> bool | None:
    """True when the question asks which section is the longest, False the shortest, None when it
    asks neither ("which is the longest?" right after the message `before` asked for the
    headings asks it too)."""
    if not SIZES_27:
        return None
    text = " ".join(question_text(question).replace("’", "'").split())
    found = _SIZE.match(text)
    listed = before is not None and (
        asks_about_sections(before) == SectionRequest() or bool(_SIZE.match(before.lower()))
    )
    if found is None and SIZES_29 and listed:
        found = _SIZE_AFTER_HEADINGS.match(text)
    if found is None:
        return None
    asked = next(word for word in found.groupdict().values() if word)
    return asked not in ("shortest", "smallest")


def section_size_answer(
    question: str, longest: bool, index: SearchIndex, doc_ids: Sequence[str], built_at: str | None
) -> Answer:
    """The reply naming the longest (or shortest) section of the articles `doc_ids` and its words,
    counted from its sentences (each once: passages overlap)."""
    sizes = {
        heading: sum(len(text.split()) for text in sentences)
        for doc_id in doc_ids
        for heading, sentences in sentences_by_section(index, doc_id).items()
        if heading
    }
    if len(sizes) < 2:
        return reply_answer(question, "The article has no sections to compare.", "sections",
                            built_at=built_at)  # fmt: skip
    chosen = (max if longest else min)(sizes, key=lambda heading: sizes[heading])
    which = "longest" if longest else "shortest"
    said = f"The {which} section is “{chosen}”, about {round(sizes[chosen], -1):,} words."
    return reply_answer(question, said, "sections", answered=True, built_at=built_at)


# On: "which section mentions rivian?", "where in the article is prime integration discussed?" are
# asked as their topic ("rivian"), whose answer's citations name the section (session 25, the
# lead's probe: the words about sections made "which section mentions rivian" refused and "which
# part talks about batteries" labelled "The sources don't say anything about section").
WHICH_SECTION = True
_VERB = (
    r"(?:talks?|talked|discuss(?:es|ed)?|mentions?|mentioned|covers?|covered|says?|said|deals?"
    r"|goes?|gets?|brings? up|writes?|addresses|(?:is|are|was) (?:about|on))"
)


def _which_part(noun: str) -> re.Pattern[str]:
    """ "which <noun> mentions rivian?", "where in the article is rivian mentioned?": the topic."""
    return re.compile(
        rf"^(?:(?:in|at) )?(?:which|what) {noun}s?"
        r"(?: of (?:the|this) (?:article|piece|text|story))?"
        rf"(?: (?:does|did) (?:the|this|it) (?:article|piece|text|story|writer|author)?)? ?{_VERB}"
        r"(?: (?:about|on|with|into|over|in))? (?P<topic>.+?)[?.! ]*$"
        r"|^where (?:in (?:the|this) (?:article|piece|text|story) (?:is|are|does it \w+(?: about)?)"
        r"|does (?:the|this) (?:article|piece|text|story) \w+(?: about)?) (?P<topic2>.+?)"
        rf"(?: {_VERB}| discussed| mentioned| covered)?[?.! ]*$"
    )


_WHICH_SECTION = _which_part(_NOUN)
# On: "which paragraph mentions rivian?", "what sentence talks about prime?" are asked as the
# topic alone, as "which section …" is (session 30, the lead's probes: refused, or labelled "The
# sources don't say anything about paragraph").
WHICH_PARAGRAPH_30 = True
_WHICH_PARAGRAPH_30 = _which_part(r"(?:paragraph|para|sentence|line)")


# On: "the one on the environment", "tell me about the one about partnerships" after the headings
# were listed name a section as "the section on …" does (session 26, the lead's probes: the first
# quoted the conclusion, the second was refused).
# "go through them one by one", "summarize each", "start with the first" after the headings: the
# first section ("tell me more" after the headings: a section a request, bot.article_requests).
ONE_ON_26 = True
_THE_ONE = re.compile(r"\bthe one (?=(?:on|about|called|titled|named|covering)\b)")
_EACH = r"(?:them|it|each(?: one| section| of them)?|all of them|every (?:one|section))"
_WALK_THROUGH = re.compile(
    r"^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:(?:go|walk(?: me| us)?|take (?:me|us))"
    rf" through {_EACH}|summ?ari[sz]e {_EACH}|(?:start|begin) (?:with|at) the (?:first|beginning)"
    r"(?: one| section)?)(?: one by one| in turn| one at a time| in order)?(?: please| pls)?$"
)


# On: "which one is about the environment?", "the one that talks about partnerships" after the
# headings name a section as "the one on …" does (session 27, the lead's probes: the first quoted
# the conclusion). "which one is the biggest?" names no topic the heading could hold: searched.
ONE_ON_27 = True
_WHICH_ONE = re.compile(
    r"^(?:(?:and|ok|okay|so)[,!]? )?(?:which|what) (?:one|section|part)s? |^the one (?:that|which) "
)
_ONE_SPEAKS = re.compile(
    r"(?:(?:is|are|was) (?:about|on)|(?:talks?|speaks?|goes|deals?)(?: about| on| into| with)"
    r"|(?:covers?|discuss(?:es)?|mentions?)) "
)


def after_listing(question: str, before: str | None) -> str:
    """`question` with "the one on …" read as "the section on …", and "go through them one by
    one" as "section 1", when the message `before` it asked for the headings; `question` as it is
    otherwise."""
    if not ONE_ON_26 or before is None or asks_about_sections(before) != SectionRequest():
        return question
    text = question_text(question).strip(" ?!.")
    which = _WHICH_ONE.match(text) if ONE_ON_27 else None
    speaks = _ONE_SPEAKS.match(text, which.end()) if which else None
    if which is not None and speaks is not None:  # "which one is about X": "the section on X"
        return "the section on " + text[speaks.end() :]
    return "section 1" if _WALK_THROUGH.match(text) else _THE_ONE.sub("the section ", text)


# On: "next", "the next section", "and the next one?" after a section was asked for quote the
# section after it (session 26, the lead's probes: "next section" was refused, "next" and "and the
# next?" quoted a sentence of the conclusion).
NEXT_SECTION_26 = True
_NEXT_WORDS = frozenset({
    "about", "and", "chapter", "go", "is", "next", "now", "ok", "okay", "on", "one", "onto",
    "part", "please", "pls", "section", "the", "then", "to", "what", "what's", "whats"
})  # fmt: skip


_NTH_ONE = re.compile(rf"\b({'|'.join(PLACES)}|last)(?: one)?\b")


# On: "previous section", "the one before?", "go back a section", "and the one after?" after a
# section step back or on from it as "next" does (session 28, the lead's probes: refused, or
# quoted the same section again).
STEPS_28 = True
_BACK = frozenset({"previous", "prior", "preceding", "before", "back", "earlier"})
_ON = frozenset({"after", "following"})
_STEP_WORDS = _NEXT_WORDS | _BACK | _ON | frozenset({"a", "that", "this", "it", "go", "chapter"})


def _step(text: str) -> int:
    """How many sections a message steps from the one before: 1 for "next" (and, with
    `STEPS_28`, "the one after?"), -1 for "previous section", 0 for any other message."""
    words = _WORD.findall(question_text(text))
    if "next" in words and all(w in _NEXT_WORDS for w in words):
        return 1
    if not STEPS_28 or not words or not all(w in _STEP_WORDS for w in words):
        return 0
    if any(w in _BACK for w in words):
        return -1
    return 1 if any(w in _ON for w in words) else 0


def next_section(
    question: str, history: Sequence[str], asks_last: Callable[[str], bool]
) -> tuple[SectionRequest, int] | None:
    """For "next" after a section was asked for (and any "next" between): the request for the
    section that many places past it, and where in `history` the section was asked; else None.
    `asks_last` says whether a message asked for the last section ("what's the conclusion?")."""
    if not NEXT_SECTION_26 or not history or not _step(question):
        return None
    at, after = len(history) - 1, _step(question)
    while at >= 0 and _step(history[at]):
        at, after = at - 1, after + _step(history[at])
    if at < 0:
        return None
    # read as it was answered: the overview's reader first, "the one on …" after the headings
    listed_before = at > 0 and asks_about_sections(history[at - 1]) == SectionRequest()
    message = after_listing(history[at], history[at - 1] if at > 0 else None)
    asked = SectionRequest(place=-1) if asks_last(message) else asks_about_sections(message)
    nth = _NTH_ONE.search(question_text(message)) if listed_before and asked is None else None
    if nth is not None:  # "the 4th one?" after the headings
        asked = SectionRequest(place=-1 if nth[1] == "last" else PLACES[nth[1]])
    if asked is None or asked == SectionRequest():  # "next" after the headings: searched
        return None
    # "what comes after the partnerships section? → next": two past the partnerships
    return dataclasses.replace(asked, after=asked.after + after), at


# On: "previous", "the one before?" right after a section step back a section rather than ask for
# the answer before again, unless they say "answer", "go back" or "undo" after two answers (session
# 31, the lead's probes: with one message before, "previous" got "There's no answer before that").
PREVIOUS_SECTION_31 = True


def steps_back_a_section(
    question: str, history: Sequence[str], asks_last: Callable[[str], bool]
) -> bool:
    """Whether `question`, which also asks for the answer before again ("previous"), steps from
    the section asked before it (`next_section`) instead."""
    if not PREVIOUS_SECTION_31 or next_section(question, history, asks_last) is None:
        return False
    answer_named = re.search(r"\b(?:answer|go back|undo)\b", question.lower())
    return len(history) < 2 or answer_named is None


def section_topic(question: str) -> str | None:
    """The topic of a question asking which section speaks of it ("which section mentions
    rivian?": "rivian"), or None."""
    if not WHICH_SECTION:
        return None
    text = " ".join(question_text(question).split())
    found = _WHICH_SECTION.match(text) or (WHICH_PARAGRAPH_30 and _WHICH_PARAGRAPH_30.match(text))
    if not found:
        return None
    return found["topic"] or found["topic2"]


# On: the section after or before one named ("what comes after the partnerships section?", "what
# section comes before the conclusion?") is that section (session 28, the lead's probes: the
# first quoted the partnerships, the second was refused).
RELATIVE_28 = True
_RELATIVE = re.compile(
    rf"\b(?:(?:what|which)(?: {_NOUN}| one)? (?:comes|is|goes|came) (?P<when>after|before)"
    rf"|(?:the )?(?:{_NOUN}|one) (?P<when2>after|before|following|preceding)"
    rf"|(?:what|which)(?: {_NOUN})? (?P<when3>follows|precedes))\b"
)
_LATER = frozenset({"after", "following", "follows"})


def _relative_request(text: str) -> SectionRequest | None:
    """For "what comes after the partnerships section?": the section one place past the one named
    (one before, for "before"); None when `text` names no section so."""
    found = _RELATIVE.search(text) if RELATIVE_28 else None
    if found is None:
        return None
    rest = (text[: found.start()] + " " + text[found.end() :]).strip(" ?!.")
    named = asks_about_sections(rest if _SECTION.search(rest) else f"{rest} section")
    if named is None or named == SectionRequest() or named.after:
        return None
    when = found["when"] or found["when2"] or found["when3"]
    return dataclasses.replace(named, after=1 if when in _LATER else -1)


@dataclass(frozen=True)
class SectionRequest:
    """A request for the sections' list (`words` empty, no `place`), for the section whose heading
    holds every one of `words`, or for the section at `place` (from 1; -1: the last) in the
    article's order."""

    words: tuple[str, ...] = ()
    place: int | None = None
    # "next" after it: the section this many places past the one named (-1: the one before)
    after: int = 0


def asks_about_sections(question: str) -> SectionRequest | None:
    """The section request `question` makes, or None when it makes none (no section named, or a
    word besides the asking is no heading's: that is for the search to judge)."""
    if not SECTIONS:
        return None
    text = question_text(question)
    relative = _relative_request(text)
    if relative is not None:  # "what comes after the partnerships section?"
        return relative
    filler = _FILLER | NAVIGATING if request_words.NAVIGATE_27 else _FILLER
    found = _BY_PLACE.search(text) if BY_PLACE else None
    if found is not None:
        rest = text[: found.start()] + " " + text[found.end() :]
        if all(_form(w) in filler for w in _WORD.findall(rest)):
            word, number = found.group(1), found.group(2)
            return SectionRequest(place=PLACES[word] if word else int(number))
    if _LISTING.search(text):
        rest = _LISTING.sub(" ", text)
        if all(_form(w) in filler for w in _WORD.findall(rest)):
            return SectionRequest()
    if TOPICS_28 and _TOPICS.search(text):
        rest = _TOPICS.sub(" ", text)
        if all(_form(w) in filler | _TOPICS_FILLER for w in _WORD.findall(rest)):
            return SectionRequest()
    if TOPICS_29 and _TOPICS_29.search(text):
        rest = _TOPICS_29.sub(" ", text)
        if all(_form(w) in filler | _TOPICS_FILLER for w in _WORD.findall(rest)):
            return SectionRequest()
    if not _SECTION.search(text):
        return None
    words = tuple(w for w in (_form(w) for w in _WORD.findall(text)) if w not in filler)
    return SectionRequest(words) if words else None


def _form(word: str) -> str:
    return word.removesuffix("'s").removesuffix("'")


def names_a_section(text: str) -> bool:
    """Whether `text` names a part of the text as a section ("the partnerships section",
    "section 3"), not a role ("what part does nvidia play")."""
    return bool(_SECTION.search(text) or (BY_PLACE and _BY_PLACE.search(text)))


def says_only_section_words(text: str, besides: frozenset[str] = frozenset()) -> bool:
    """Whether every word of `text` is one a section request may hold besides the headings'
    (asking, politeness, the text named, navigating) or one of `besides`."""
    filler = _FILLER | NAVIGATING | besides
    return all(_form(w) in filler for w in _WORD.findall(text))


def _same_word(asked: str, heading_word: str) -> bool:
    if asked == heading_word:
        return True
    shared = min(len(asked), len(heading_word), SHARED_PREFIX)
    return shared >= SHARED_PREFIX and asked[:shared] == heading_word[:shared]


def _heading_words(heading: str) -> list[str]:
    return [_form(w) for w in _WORD.findall(question_text(heading))]


def article_sentences(index: SearchIndex, doc_id: str) -> list[tuple[Passage, str]]:
    """Each sentence of the article `doc_id` once (passages overlap), in the text's order, with
    the first passage holding it."""
    seen: dict[tuple[int, int], tuple[Passage, str]] = {}
    for row in index.article_rows.get(doc_id, range(0)):
        passage = index.passages[row]
        for span, text in zip(passage.sentences, passage.sentence_texts(), strict=True):
            seen.setdefault((span[0], span[1]), (passage, text))
    return list(seen.values())


def sentences_by_section(index: SearchIndex, doc_id: str) -> dict[str | None, list[str]]:
    """The sentences of the article `doc_id` (each once) grouped by section, in the text's
    order; None holds those before the first heading."""
    sections: dict[str | None, list[str]] = {}
    for passage, text in article_sentences(index, doc_id):
        sections.setdefault(passage.section, []).append(text)
    return sections


# On: every section asked for at once ("summarize each section", "one line per section", "what
# does each section say?") is answered by each section's first sentence, cited (session 28, the
# lead's probes: each was refused).
EACH_SECTION_28 = True
_EACH_SECTION = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|can you|could you|please)[,!]? )*(?:"
    r"(?:summari[sz]e|sum up|recap|explain) (?:(?:each|every)"
    r" section|(?:all )?(?:the )?sections)(?: one by one| in turn| in order)?"
    r"|(?:summari[sz]e|sum up|recap) (?:the (?:article|text|piece) )?section by section"
    r"|(?:give|show|tell) (?:me|us) (?:a (?:short |quick |one-line )?summary|the gist|one line)"
    r" (?:of|for) (?:each|every) section"
    r"|(?:one|a) (?:line|sentence) (?:per|for each|for every|on each|about each) section"
    r"|what (?:does|do) (?:(?:each|every) section|(?:all )?the sections) (?:say|cover|talk about"
    r"|discuss))"
    r"(?: of (?:the|this) (?:article|text|piece))?(?: please| pls)?[?.! ]*$",
    re.IGNORECASE,
)


def asks_for_each_section(question: str) -> bool:
    """Whether the question asks what every section says, and nothing else."""
    return EACH_SECTION_28 and bool(_EACH_SECTION.match(" ".join(question.split())))


def each_section_answer(
    question: str, index: SearchIndex, doc_ids: Sequence[str], built_at: str | None
) -> Answer:
    """Each section's first sentence of the articles `doc_ids`, quoted and cited in order."""
    openings = [opening for opening in section_openings(index, doc_ids) if opening.sentences]
    firsts = [(opening, opening.sentence_texts()[0]) for opening in openings]
    articles = index.manifest["articles"]
    return passages_answer(question, firsts, articles, built_at, "The article has no sections.")


def section_openings(index: SearchIndex, doc_ids: Sequence[str]) -> list[Passage]:
    """Each section's first passage in the articles `doc_ids`, in their order."""
    openings: list[Passage] = []
    rows_of = index.article_rows
    for doc_id in doc_ids:
        previous: str | None = None
        for row in rows_of.get(doc_id, range(0)):
            passage = index.passages[row]
            if passage.section and passage.section != previous:
                openings.append(passage)
            previous = passage.section
    return openings


def opening_named(request: SectionRequest, openings: Sequence[Passage]) -> Passage | None:
    """The opening passage of the section `request` names by its place (-1: the last) or by its
    heading's words; None past the last or when no heading holds the words."""
    if request.place is None:
        return matching_section(request, openings)
    at = len(openings) if request.place == -1 else request.place
    return openings[at - 1] if 1 <= at <= len(openings) else None


def matching_section(request: SectionRequest, openings: Sequence[Passage]) -> Passage | None:
    """The opening passage of the section whose heading holds every word of the request (the
    first such section); None when no heading does."""
    for passage in openings:
        heading = _heading_words(passage.section or "")
        if all(any(_same_word(w, h) for h in heading) for w in request.words):
            return passage
    return None


def to_section_end(index: SearchIndex, doc_id: str, passage_id: str) -> list[tuple[Passage, str]]:
    """Every sentence from the passage `passage_id` of the article `doc_id` to the end of its
    section, each with its passage, in order."""
    found: list[tuple[Passage, str]] = []
    first: Passage | None = None
    for row in index.article_rows.get(doc_id, range(0)):
        passage = index.passages[row]
        first = first or (passage if passage.id == passage_id else None)
        if first is not None and passage.section != first.section:
            break
        if first is not None:
            found.extend((passage, sentence) for sentence in passage.sentence_texts())
    return found


def section_answer(
    question: str,
    request: SectionRequest,
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
    times_more: int = 0,
) -> Answer | None:
    """The answer to a section request: the headings listed (a reply, like the front matter's),
    or the section's first sentences quoted and cited (the next ones after `times_more` requests
    for more; "that's all" past its end); None when no heading has the words asked for (the
    question is searched)."""
    openings = section_openings(index, doc_ids)
    if request.after:  # "next": the section after the one named
        named = matching_section(request, openings) if request.words else None
        base = openings.index(named) + 1 if named is not None else request.place
        if base is None:
            return None
        place = (len(openings) if base == -1 else base) + request.after
        if place > len(openings):
            said = f"That was the last of the article's {len(openings)} sections."
            return reply_answer(question, said, "sections", built_at=built_at)
        if place < 1 and RELATIVE_28:  # "what comes before the first section?"
            said = "That is the article's first section."
            return reply_answer(question, said, "sections", built_at=built_at)
        request = SectionRequest(place=place)
    if request.place is not None:  # "section 3" (-1: the last); past the last, searched as asked
        place = len(openings) if request.place == -1 else request.place
        if place > len(openings) > 0 and PAST_THE_LAST_27:  # "section 11?": there are 10
            said = f"The article has {len(openings)} sections."
            return reply_answer(question, said, "sections", answered=True, built_at=built_at)
        if not 1 <= place <= len(openings):
            return None
        return _quoted_from(question, openings[place - 1], index, built_at, times_more)
    if not request.words:
        headings = list(dict.fromkeys(p.section for p in openings if p.section))
        text = (
            f"The article has {len(headings)} sections: " + "; ".join(headings) + "."
            if headings
            else "The article has no section headings."
        )
        return reply_answer(question, text, "sections", answered=bool(headings), built_at=built_at)
    opening = matching_section(request, openings)
    if opening is None:
        return None
    return _quoted_from(question, opening, index, built_at, times_more)


def _quoted_from(
    question: str, opening: Passage, index: SearchIndex, built_at: str | None, times_more: int
) -> Answer:
    """The section opened by `opening`: its first sentences quoted and cited, the next ones after
    `times_more` requests for more ("that's all" past its end)."""
    skip = times_more * QUOTED_SENTENCES
    chosen = to_section_end(index, opening.doc_id, opening.id)[skip : skip + QUOTED_SENTENCES]
    return passages_answer(question, chosen, index.manifest["articles"], built_at, NOTHING_MORE)


def listed_section_answer(
    question: str, place: int, index: SearchIndex, doc_ids: Sequence[str]
) -> Answer | None:
    """The answer to "the 4th one?" (`place`; -1: the last) after the headings of the articles
    `doc_ids` were listed: that section, as "section 4" is; None past the last or when off."""
    if not BY_PLACE:
        return None
    built_at = index.manifest.get("built_at")
    return section_answer(question, SectionRequest(place=place), index, doc_ids, built_at)

"""A reply pointing into the answer before: "what does source 2 say?", "[3]?" (its citation's
passage) or, after a list, "the second one?", "tell me more about the 3rd one" (that item), or
asking where it came from ("who said that?", "what section is that from?": its quotes, cited).

Searched, "what does source 2 say?" quoted a passage at random and "the second one?" after the
list of the Amazon EV's features quoted "Tesla will need to stay nimble"; what they point at is
in the answer the asker is looking at. A reply naming anything besides the pointer is searched.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.announced_list import announces_list
from bot.answer import Answer, Quote, reply_answer
from bot.more import More
from bot.overview import says_nothing_else
from bot.question_kind import question_text
from bot.request_words import ASKING

# On: a reply pointing at a citation or a list item of the answer before is answered from it
# (session 23; `benchmarks/quality.py --lead-23` measures it).
POINTED = True
# On: a reply asking where the answer before came from is answered by its quotes and their
# citations (title, section, link); searched, "who said that?" and "what section is that from?"
# were refused and "where did you get that?" answered as a question of its own (session 25).
ORIGIN = True
# On: "can you cite that?", "where in the article?" ask where the answer came from too, and "show
# me the full passage", "the whole paragraph" ask for its first quoted passage whole (session 26,
# the lead's probes: each was refused).
ORIGIN_26 = True

_ORDINAL = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1,
}  # fmt: skip
_ORDINALS = "|".join(_ORDINAL)
_SOURCE = r"(?:source|citation|cite|reference|ref|link|passage|quote|footnote)"
# On: in a conversation, "where is that from?" asks where the answer before came from (its quotes
# cited), not the article's front-matter source (session 27, the lead's probe: after "what's prime
# integration?" it was told "comes from User-supplied article"); bot.article_requests asks this.
ORIGIN_BEFORE_SOURCE_27 = True
_CITATION = re.compile(
    rf"\[(\d)\]|\b{_SOURCE} ?(?:#|no\.? ?|number )?(\d)\b|\b(?:the )?({_ORDINALS}) {_SOURCE}\b"
)
_ITEM = re.compile(
    rf"\b(?:the )?({_ORDINALS})(?: (?:one|point|item|bullet|feature|thing|innovation))?\b"
    r"|(?:#|\bnumber |\bno\. ?)(\d)\b"
)
_THAT = r"(?:that|this|it|so)"
# The whole reply (asking words, politeness and chat words aside) asks where the answer came from.
_ORIGIN = re.compile(
    rf"^(?:(?:ok|okay|wait|hm+|really|and|but|so|hold on)[,!]? )*(?:"
    rf"who (?:said|says|wrote|claims?|claimed) {_THAT}|says who|sez who"
    r"|according to (?:who|whom|what|which (?:source|article|part|section))"
    rf"|where (?:did|do|does|'d) (?:you|u|that|this|it) (?:get|find|read|see|come from|got)"
    rf"(?: {_THAT})?(?: from)?|where(?:'s| is| was) {_THAT} (?:from|coming from|written)"
    rf"|how (?:do|would|did|can) (?:you|u) know(?: {_THAT})?|why (?:do|would|did) (?:you|u)"
    rf" (?:say|think|claim) {_THAT}|(?:what|which) (?:section|part|paragraph)(?: of the article)?"
    rf"(?: (?:is|was) {_THAT})?(?: (?:from|in))?|(?:which|what) (?:section|part)(?: of the"
    rf" article)? (?:mentions?|says?|talks? about|covers?|discusses|is about) {_THAT}"
    rf"|(?:is|was) {_THAT} (?:really )?(?:in|from)"
    r" the (?:article|sources?|text)|(?:what(?:'s| is) )?(?:your|the) (?:source|citation|proof|"
    rf"evidence) for {_THAT}|(?:can you |could you |pls |please )?(?:quote|show) (?:me )?the"
    r" (?:exact|actual) (?:sentence|words|quote|passage|line)"
    r")(?: exactly| again| please| pls| then| tho| though)*$"
)
_ORIGIN_26 = re.compile(
    r"^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:"
    rf"cite (?:{_THAT}|(?:your|the) sources?|your source for {_THAT})|citations?"
    rf"|sources? for {_THAT}"
    rf"|where in (?:the|this) (?:article|text|piece|sources?)(?: (?:is|was|does it say|did you"
    rf" (?:get|find|read|see)) {_THAT})?|where (?:is|was) {_THAT} in (?:the|this) (?:article|text"
    r"|piece|sources?)|(?:which|what) part of (?:the|this) (?:article|text|piece)"
    r")(?: please| pls| exactly)*$"
)
_WHOLE = r"(?:full|whole|entire|complete|original|surrounding)"
_PASSAGE_26 = re.compile(
    r"^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:(?:show|give|send|paste|quote|read)"
    rf"(?: me| us)? )?(?:(?:the|that|this) )?(?:{_WHOLE} (?:passage|paragraph|context|text|quote)"
    r"|(?:more|full|some) context|rest of (?:the|that|this) (?:passage|paragraph|quote))"
    r"(?: please| pls)?$"
)
# On: after an answer, a bare "references?" asks where that answer comes from (its quotes cited),
# and "context?" for its passage (session 28, the lead's probes: both were refused). "source?"
# and "link?" stay the front matter of the article the answer came from (bot/about_article.py).
SOURCE_AFTER_ANSWER_28 = True
_SOURCE_28 = re.compile(
    r"^(?:(?:and|so|ok|okay)[,!]? )?(?:the |your |a )?(?:reference|references|ref|refs)"
    r"(?: (?:for|of) (?:that|this|it))?(?: please| pls| plz)?$"
)
_CONTEXT_28 = re.compile(r"^(?:(?:and|so|ok|okay)[,!]? )?(?:the )?context(?: please| pls)?$")
# On: after an answer, "show me the passage", "can i see that paragraph?", "the excerpt?", "what's
# the context?" ask for its passage whole, as "the full passage" does (session 31, the lead's
# probes: refused).
PASSAGE_SHOWN_31 = True
_PASSAGE_SHOWN_31 = re.compile(
    r"^(?:(?:ok|okay|so|and|hmm)[,!]? )?(?:(?:can|could|would) (?:you|u) )?(?:please )?"
    r"(?:(?:(?:show|give|send|paste|read)(?: me| us)?|(?:can|could|may) (?:i|we) see|let me see)"
    r" )?(?:the|that|this) (?:passage|paragraph|excerpt)(?: please| pls)?$"
    r"|^(?:(?:ok|okay|so|and)[,!]? )?what(?:'s| is| was) the context$"
)
# On: after an answer, "show me", "let me see", "which article is that from?" ask to see where it
# comes from: its quotes again, cited (session 30, the lead's probes: refused, or the last quoted
# a passage at random). "where does it say that?", "prove it" are doubts (bot/more.py).
SHOW_ME_30 = True
_SHOW_ME_30 = re.compile(
    r"^(?:(?:ok|okay|so|and|hmm)[,!]? )?(?:show (?:me|us)(?: (?:that|it|where(?: it says"
    r" (?:that|so|it))?))?|let me see(?: (?:that|it))?|(?:can|could|may) (?:i|we) see (?:that|it)"
    r"|(?:which|what) (?:article|source|text|piece|section) (?:is|was) (?:that|this|it) from)"
    r"(?: please| pls)?$"
)
# On: after an answer, asking for its exact words ("can you quote it exactly?", "word for word?",
# "what's the exact quote?") shows its quotes again, cited (session 29, the lead's probes: the
# first quoted the innovations, the others were refused or quoted a passage at random).
QUOTE_EXACT_29 = True
_EXACT_29 = re.compile(
    r"^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:"
    rf"quote {_THAT}(?: (?:exactly|word for word|verbatim|directly|in full))?"
    rf"|(?:(?:quote|say|give|show)(?: me| us)? {_THAT} )?(?:word for word|word-for-word|verbatim)"
    r"|(?:what(?:'s| is| are| was| were) )?(?:the )?(?:exact|actual|precise) (?:quote|quotes|words"
    r"|wording|sentence|text)"
    r"|(?:give|show)(?: me| us)? the (?:exact |actual )?(?:quote|wording)"
    rf"|(?:is|was) {_THAT} (?:a )?(?:direct|exact|word for word|verbatim) (?:quote|quotation)"
    r")(?: please| pls| plz)?$"
)
# On: after an answer, "show me the whole section" quotes the section its first quote comes from,
# whole; "what comes next in the article?" and "what's the sentence before that?" quote the
# sentence after its last quote or before its first, in the article's order (session 29, the
# lead's probes: refused, or "next" searched and "the next generation of innovation" quoted).
AROUND_29 = True
_WHOLE_SECTION_29 = re.compile(
    r"^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:(?:show|give|send|paste|quote|read)"
    r"(?: me| us)? )?(?:(?:the|that|this) )?(?:(?:whole|full|entire|complete) (?:section|chapter)"
    r"|rest of (?:the|that|this) (?:section|chapter))(?: please| pls)?$"
)
_IN_TEXT = r"(?: in (?:the|this) (?:article|text|piece|story))?"
_NEIGHBOUR_29 = re.compile(
    r"^(?:(?:ok|okay|and|so)[,!]? )?(?:"
    rf"what (?:comes|came|follows) (?:(?P<a1>next)|(?P<a2>after) {_THAT}){_IN_TEXT}"
    r"|what(?:'s| is) (?P<a3>next) in (?:the|this) (?:article|text|piece|story)"
    rf"|what (?:comes|came|was|is|'s) (?P<b1>before) {_THAT}{_IN_TEXT}"
    r"|(?:what(?:'s| is| was) )?the (?:(?P<a4>next|following)|(?P<b2>previous|prior|preceding))"
    r" (?:sentence|line)"
    rf"|(?:what(?:'s| is| was) )?the (?:sentence|line) (?:(?P<a5>after)|(?P<b3>before)) {_THAT}"
    rf"|what (?:does|did) (?:it|the article|the text) say (?:(?P<a6>after|next)|(?P<b4>before))"
    rf"(?: {_THAT})?"
    rf"|(?P<a7>after) {_THAT}|then what|what then|and then what"
    r")(?: please| pls)?$"
)
# On: after a list, "summarize the third one", "the 8th one" and a bare "5" point at that item
# (after the headings: that section) as "the third one?" does (session 27, the lead's probes:
# each was refused; ordinals stopped at the sixth, and "summarize" named a topic).
POINTED_27 = True
_ORDINAL_27 = _ORDINAL | {
    "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
}  # fmt: skip
_ITEM_27 = re.compile(
    rf"\b(?:the )?({'|'.join(_ORDINAL_27)})(?: (?:one|point|item|bullet|feature|thing"
    r"|innovation))?\b|(?:#|\bnumber |\bno\. ?)(\d{1,2})\b|^(\d{1,2})$"
)
# Words a pointing reply may hold besides the pointer: asking, politeness, a request for more.
_FILLER = ASKING | frozenset({
    "about", "again", "by", "detail", "details", "did", "expand", "explain", "full", "go",
    "how", "in", "into", "mean", "means", "more", "now", "ok", "okay", "one", "open", "quote",
    "read", "said", "say", "says", "then", "was", "which", "whole"
})  # fmt: skip
# "summarize the third one", "what does the 2nd one cover": what is asked of the item.
_FILLER_27 = _FILLER | frozenset({
    "cover", "covers", "describe", "recap", "sum", "summarise", "summarize", "summary", "up"
})  # fmt: skip


@dataclass(frozen=True)
class Pointer:
    """What a reply points at in the answer before: its citation or its list item `n` (from 1;
    -1: the last)."""

    at: Literal["citation", "item", "origin", "passage", "section", "after", "before"]
    n: int


def points_at(text: str) -> Pointer | None:
    """The citation or list item of the answer before `text` points at, or None."""
    if not POINTED:
        return None
    asked = question_text(text).strip(" ?!.")
    spaced = " ".join(asked.replace("’", "'").split())
    # Whole replies pointing at the answer before, each behind its session's flag (read per call:
    # quality.py and the tests switch them).
    whole_replies = (
        (ORIGIN, _ORIGIN, Pointer("origin", 0)),
        (ORIGIN_26, _ORIGIN_26, Pointer("origin", 0)),
        (ORIGIN_26, _PASSAGE_26, Pointer("passage", 1)),
        (SOURCE_AFTER_ANSWER_28, _SOURCE_28, Pointer("origin", 0)),
        (SOURCE_AFTER_ANSWER_28, _CONTEXT_28, Pointer("passage", 1)),
        (QUOTE_EXACT_29, _EXACT_29, Pointer("origin", 0)),
        (AROUND_29, _WHOLE_SECTION_29, Pointer("section", 1)),
        (SHOW_ME_30, _SHOW_ME_30, Pointer("origin", 0)),
        (PASSAGE_SHOWN_31, _PASSAGE_SHOWN_31, Pointer("passage", 1)),
    )
    for on, pattern, pointer in whole_replies:
        if on and pattern.match(spaced):
            return pointer
    typed = " ".join(text.lower().replace("’", "'").strip(" ?!.").split())  # "then what?" whole
    found = (_NEIGHBOUR_29.match(spaced) or _NEIGHBOUR_29.match(typed)) if AROUND_29 else None
    if found is not None:
        before = any(found[name] for name in ("b1", "b2", "b3", "b4"))
        return Pointer("before" if before else "after", 1)
    found = _CITATION.search(asked)
    if found is not None and says_nothing_else(asked, found, _FILLER):
        number, ordinal = found.group(1) or found.group(2), found.group(3)
        return Pointer("citation", int(number) if number else _ORDINAL[ordinal])
    if POINTED_27:
        found = _ITEM_27.search(asked)
        filler = _FILLER_27 | _MANNER_29 if POINTED_29 else _FILLER_27
        if found is not None and says_nothing_else(asked, found, filler):
            ordinal, number = found.group(1), found.group(2) or found.group(3)
            return Pointer("item", int(number) if number else _ORDINAL_27[ordinal])
        return None
    found = _ITEM.search(asked)
    if found is not None and says_nothing_else(asked, found, _FILLER):
        ordinal, number = found.group(1), found.group(2)
        return Pointer("item", int(number) if number else _ORDINAL[ordinal])
    return None


# On: "what's the second innovation?", "the last key innovation?" asked first point at that item of
# the list a search for the things quotes ("what are the innovations?") (session 27, the lead's
# probes: searched, the first quoted Musk's "double down on innovation", the second the closing
# "next generation of innovation").
NTH_LISTED_27 = True
_NTH_LISTED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )?(?:(?:what|which)(?:'s| is| was| are)|tell me about"
    rf"|explain)? ?the ({'|'.join(_ORDINAL_27)}) (?P<kind>(?:key |main |big )?[a-z]+?)"
    r"(?: (?:listed|mentioned|named|in the (?:list|article)))?[?.! ]*$"
)


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def nth_listed(text: str) -> tuple[Pointer, str] | None:
    """For "what's the second innovation?": the item pointed at and the things listed
    ("innovations"); None for any other question."""
    if not NTH_LISTED_27:
        return None
    found = _NTH_LISTED.match(" ".join(question_text(text).replace("’", "'").split()))
    if found is None or found["kind"] in ("one", "time", "section", "part", "chapter", "source"):
        return None
    return Pointer("item", _ORDINAL_27[found[1]]), _plural(found["kind"])


# On: "how many innovations are there?" is told how many items the list a search for the things
# quotes holds, and their names (session 28, the lead's probes: "The sources don't say the
# number" above the list of four).
COUNTED_LIST_28 = True
_HOW_MANY_LISTED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey)[,!]? )?how many (?P<kind>(?:key |main |big |new )?[a-z]+?)"
    r" (?:are (?:there|listed|mentioned|named|in the list)"
    r"|(?:does|do) (?:it|the article|the list|they) (?:list|mention|name)"
    r"|(?:will|would|do|does) (?:they|it|the (?:cars?|vehicles?|evs?)) (?:have|feature|offer|get))"
    r"(?: in (?:the|this) (?:article|list|text))?[?.! ]*$"
)
# Things counted otherwise: sections by the headings, times by bot/mention_count.py.
_NOT_LISTED = frozenset({"sections", "parts", "chapters", "headings", "times", "sources", "words"})
# A list item's name: the words before its colon ("Prime Integration: In a uniquely …").
_ITEM_NAME = re.compile(r"^([^:.]{1,60}):\s")


# On: a second "tell me more" after a count ("how many innovations are there? → tell me more (the
# list) → tell me more") asks more of the list, as after "what are the innovations?" (session
# 29, the lead's probe: the count was searched again and labelled "don't say the number").
COUNTED_MORE_29 = True


def more_of_counted(more: More) -> More:
    """`more`, the second or later request for more after a count, read as asking more of the
    list counted ("what are the innovations?"), one request fewer; `more` itself otherwise."""
    kind = counted_listed(more.question) if COUNTED_MORE_29 and more.times >= 2 else None
    if kind is None or more.again or more.shorter:
        return more
    return dataclasses.replace(more, question=f"what are the {kind}?", times=more.times - 1)


def counted_listed(text: str) -> str | None:
    """For "how many innovations are there?": the things whose list is counted ("innovations");
    None for any other question."""
    if not COUNTED_LIST_28:
        return None
    found = _HOW_MANY_LISTED.match(" ".join(question_text(text).replace("’", "'").split()))
    if found is None or found["kind"].split()[-1] in _NOT_LISTED:
        return None
    return found["kind"]


def list_count_answer(text: str, kind: str, listed: Answer) -> Answer | None:
    """The reply to "how many `kind` are there?" from `listed`, the answer quoting their list:
    how many items it holds and their names; None when `listed` quotes no list."""
    count = listed_items(listed)
    if not count:
        return None
    names = [_ITEM_NAME.match(q.text) for q in listed.quotes[-count:]]
    named = ": " + "; ".join(n[1] for n in names if n) if all(names) else ""
    said = f"The sources list {count} {kind}{named}."
    return reply_answer(text, said, "citations", answered=True, built_at=listed.index_built_at)


def past_the_list(
    text: str, pointer: Pointer, listed: Answer, kind: str = "items"
) -> Answer | None:
    """For "what's the 5th innovation?" or "the 5th one?" when the list `listed` quotes holds
    fewer: a reply saying how many `kind` it holds; None when it holds the item or is no list."""
    count = listed_items(listed) if POINTED_27 and pointer.at == "item" else None
    if count is None or not count or _nth(count, pointer.n) is not None:
        return None
    said = f"The list holds {count} {kind}."
    return reply_answer(text, said, "citations", answered=True, built_at=listed.index_built_at)


# On: "the third and fourth ones", "the first two", "the first and the last" after a list (or the
# headings) point at each of those items (session 27, the lead's probes: refused, or "the first
# two" quoted the space race).
SEVERAL_ITEMS_27 = True
_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_FIRST_FEW = re.compile(
    rf"^(?:the )?first ({'|'.join(_COUNTS)})(?: (?:ones|items|points|sections|of them))?$"
)
_ORDINAL_WORD = re.compile(rf"\b(?:the )?({'|'.join(_ORDINAL_27)})\b")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_JOINING = frozenset({"and", "ones", "one", "both", "then", "items", "sections", "points"})


# On: after a list, "explain the third one simply", "compare the first two" point at those items
# too (session 29, the lead's probes: the first quoted "the next generation of innovation", the
# second the personalities).
POINTED_29 = True
_MANNER_29 = frozenset({
    "simply", "briefly", "quickly", "plainly", "detail", "depth", "compare", "contrast",
})  # fmt: skip
_ASKING_OF_ITEMS_29 = re.compile(
    r"^(?:compare|contrast|explain|describe|summari[sz]e|tell me about|what about)\s+"
)


def several_items(text: str) -> list[int] | None:
    """The items (from 1; -1: the last) a reply points at when it points at several ("the third
    and fourth ones": [3, 4]); None when it points at fewer than two or names anything else."""
    if not SEVERAL_ITEMS_27:
        return None
    asked = " ".join(question_text(text).replace(",", " and ").strip(" ?!.").split())
    if POINTED_29:  # "compare the first two": the items, whatever is asked of them
        asked = _ASKING_OF_ITEMS_29.sub("", asked)
    few = _FIRST_FEW.match(asked)
    if few is not None:
        return list(range(1, _COUNTS[few[1]] + 1))
    found = list(_ORDINAL_WORD.finditer(asked))
    if len(found) < 2:
        return None
    rest = _ORDINAL_WORD.sub(" ", asked)
    if not all(word in _FILLER_27 or word in _JOINING for word in _WORD.findall(rest)):
        return None
    return list(dict.fromkeys(_ORDINAL_27[f[1]] for f in found))


def listed_items(answer: Answer) -> int | None:
    """How many items the list `answer` quotes holds (the quotes after its announcement), or None
    when it quotes no list."""
    announcing = next((i for i, q in enumerate(answer.quotes) if announces_list(q.text)), None)
    return None if announcing is None else len(answer.quotes) - announcing - 1


def _nth(count: int, n: int) -> int | None:
    """The 0-based place of the `n`th of `count` (-1: the last), or None past the end."""
    place = count - 1 if n == -1 else n - 1
    return place if 0 <= place < count else None


def pointed_answer(text: str, pointer: Pointer, before: Answer) -> Answer | None:
    """The answer to `text` from `before` (the answer it points into): the passage of the
    citation pointed at (how many it cites, past the last), or the list item; None when `before`
    cites nothing or has no such list item (the reply is searched)."""
    if before.refused or before.reply is not None:
        return None
    if pointer.at == "origin":
        return _origin(text, before)
    if pointer.at == "passage":  # "show me the full passage": the first one quoted, whole
        if not before.quoted_passages:
            return None
        citation = before.quoted_passages[0]
        quote = Quote(citation.text, 1)
    elif pointer.at == "citation":
        place = _nth(len(before.citations), pointer.n)
        if place is None and before.citations:  # "source 9?" of three: say so, not "no answer"
            count = len(before.citations)
            said = f"The answer before cites {count} source{'s' if count > 1 else ''}."
            return reply_answer(text, said, "citations", built_at=before.index_built_at)
        if place is None:
            return None
        citation = before.citations[place]
        quote = Quote(citation.text, 1)
    else:
        count = listed_items(before)
        if count is None:
            return None
        items = before.quotes[len(before.quotes) - count :]
        place = _nth(len(items), pointer.n)
        if place is None:
            return None
        item = items[place]
        citation = next(c for c in before.citations if c.n == item.citation)
        quote = Quote(item.text, 1)
    return Answer(
        id=uuid.uuid4().hex,
        question=text,
        answer=quote.text,
        refused=False,
        citations=(dataclasses.replace(citation, n=1),),
        quotes=(quote,),
        index_built_at=before.index_built_at,
    )


def _origin(text: str, before: Answer) -> Answer | None:
    """The answer to `text`, asking where `before` came from: `before`'s quotes again, cited by
    the passages they come from alone (renumbered from 1), each citation naming its article and
    section; None when `before` quotes nothing."""
    quoted = before.quoted_passages
    if not quoted:
        return None
    renumbered = {c.n: n for n, c in enumerate(quoted, start=1)}
    return dataclasses.replace(
        before,
        id=uuid.uuid4().hex,
        question=text,
        citations=tuple(dataclasses.replace(c, n=renumbered[c.n]) for c in quoted),
        quotes=tuple(
            dataclasses.replace(q, citation=renumbered[q.citation]) for q in before.quotes
        ),
        timings_ms={},
    )


def asks_origin(text: str) -> bool:
    """Whether `text`, read after an answer, asks where it came from ("where is that from?"),
    which the answer's citations say rather than the articles' front matter."""
    if not ORIGIN_BEFORE_SOURCE_27:
        return False
    pointer = points_at(text)
    return pointer is not None and pointer.at == "origin"


# On: after an answer quoting a list, "how many are there?" is told how many items it holds, and
# "which one is the most important?", "which is the cheapest?" get the list labelled "The
# sources don't say which is …": the sources rank none of them (session 30, the lead's probes:
# the first was labelled "The sources don't say the number" above the list of four, the second
# quoted "the most influential entrepreneurs").
LIST_ASKED_30 = True
_HOW_MANY_OF_THEM = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|wait)[,!]? )*how many(?: of them| things| items| points| ones)?"
    r"(?: (?:are|is) (?:there|listed|that|named|mentioned|in (?:the|that) list)| do (?:they|you)"
    r" (?:list|name)| in total| total| altogether)?[?.! ]*$"
)
_WHICH_RANKS = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|but)[,!]? )*(?:which|what)(?: one| of them| of those| item)?"
    r"(?: is|'s| would be| will be) (?:the )?(?P<rank>(?:most|least|best|worst|biggest|cheapest"
    r"|(?:most|least) [a-z]+|[a-z]+est)(?: one)?)(?: of them| of all)?[?.! ]*$"
    r"|^(?:(?:ok|okay|so|and|hey|but)[,!]? )*(?:which|what)(?: one| of them)? (?P<verb>matters"
    r"|counts) (?:the )?most[?.! ]*$"
)
# "Which is the latest?" asks no rank the sources could hold of a list's items: a date.
_NOT_RANKS = frozenset({"latest", "earliest", "rest", "interest"})


def asks_how_many_listed(text: str) -> bool:
    """Whether `text` asks how many items there are and names nothing ("how many are there?")."""
    return LIST_ASKED_30 and bool(_HOW_MANY_OF_THEM.match(" ".join(text.lower().split())))


def rank_asked(text: str) -> str | None:
    """What "which one is the most important?" asks of a list ("which is the most important"),
    or None when it asks no rank."""
    if not LIST_ASKED_30:
        return None
    found = _WHICH_RANKS.match(" ".join(text.lower().replace("’", "'").split()))
    if found is None:
        return None
    if found["verb"]:
        return f"which {found['verb']} most"
    rank = found["rank"].removesuffix(" one")
    return None if rank in _NOT_RANKS else f"which is the {rank}"


# On: after an item pointed at ("what are the innovations? → what's the third one?"), "and the
# fourth?", "the first one?" point into the same list (session 30, the lead's probes: the
# list's announcement was quoted).
ITEM_AFTER_ITEM_30 = True


def item_pointed_before(history: Sequence[str], before: Answer) -> bool:
    """Whether the message before pointed at an item of a list the one before it quoted (its
    answer `before` holds that item alone)."""
    if not ITEM_AFTER_ITEM_30 or len(history) < 2 or listed_items(before):
        return False
    pointer = points_at(history[-1])
    return pointer is not None and pointer.at == "item"

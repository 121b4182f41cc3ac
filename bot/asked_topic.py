"""The topic of a request that asks what the sources hold on it ("tell me about lucid", "what do
you know about panasonic", "what does it say about 2040"): the words after the request.

Such a question's vector is mostly its request words, so it falls under the answer's cosine floor
even when the sources write the topic ("tell me about lucid" 0.14) and "lucid?" alone is answered.
The request is read by its form; the topic must then be one or two words the sources write
(`bot.service`), so "tell me about the amazon river" stays refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.conversation import content_words

# On: session 25's lead rule, found by hand (docs/quality-log.md, "The lead's rules (session 25)").
# `benchmarks/quality.py --lead-25` measures it.
TOPIC_REQUESTS = True

_POLITE = r"(?:(?:ok|okay|so|hey|hi|and|please|pls|plz)[,!]? )*"
_REQUEST = re.compile(
    rf"^{_POLITE}(?:"
    r"(?:(?:can|could|would|will) (?:you|u) )?(?:please )?(?:tell|teach|fill) (?:me|us) (?:in )?"
    r"(?:(?:a bit|a little|something|anything|more) )?(?:about|on)"
    r"|what (?:do|did|does|can) (?:you|u|it|the (?:article|piece|text|sources?|writer|author))"
    r" (?:know|say|said|have|got|write|tell (?:me|us)|mention) (?:about|on|regarding|re)"
    r"|what(?:'s| is| was) (?:said|written|mentioned|there|known|out there) (?:about|on|regarding)"
    r"|(?:any |some )?(?:info|information|details|background) (?:on|about|regarding)"
    r") (?P<topic>.+?)[?.! ]*$",
    re.IGNORECASE,
)


def requested_topic(question: str) -> str | None:
    """The topic the question asks the sources about by a request ("tell me about lucid":
    "lucid"), or None when it is no such request."""
    if not TOPIC_REQUESTS:
        return None
    found = _REQUEST.match(" ".join(question.replace("’", "'").split()))
    return found["topic"] if found else None


# How many content words a requested topic may have: "lucid motors" yes; a longer topic is a
# question of its own, and its vector says whether the sources cover it.
MOST_TOPIC_WORDS = 2


def sources_write_topic(topic: str, writes: Callable[[str], bool]) -> bool:
    """Whether `topic` is one or two content words (`MOST_TOPIC_WORDS`), each one `writes` says
    the sources write ("lucid motors" yes, "the amazon river" no: "river" is not theirs)."""
    words = content_words(topic)
    return 0 < len(words) <= MOST_TOPIC_WORDS and all(map(writes, words))


# On: asking whether the sources mention a thing ("is ford mentioned in the article?", "does the
# article talk about batteries?", "anything on self-driving?") is searched as the thing alone, as
# "which section mentions rivian?" is (session 26, the lead's probes: "is ford mentioned in the
# article?" quoted the team sentence, its vector being mostly the frame's words).
MENTIONS_26 = True
_THE_TEXT = r"(?:it|the (?:article|piece|text|story|sources?|writer|author)|this (?:article|piece))"
_IN_THE_TEXT = (
    r"(?: (?:in|by) (?:the|this) (?:article|piece|text|story|sources?)| in there| in it)?"
)
_MENTIONED = re.compile(
    rf"^{_POLITE}(?:(?:does|do|did) {_THE_TEXT} (?:ever )?(?:mention|talk about|say anything about"
    r"|discuss|cover|bring up|write about|get into) (?P<t1>.+?)"
    r"|(?:is|are|was|were) (?P<t2>.+?) (?:ever )?(?:mentioned|discussed|covered|talked about"
    rf"|brought up){_IN_THE_TEXT}"
    r"|(?:is|was) there (?:anything|something|any mention|any info|much) (?:about|on|of|regarding)"
    rf" (?P<t3>.+?){_IN_THE_TEXT}"
    rf"|any (?:mention|info|information|word) (?:of|on|about) (?P<t4>.+?){_IN_THE_TEXT}"
    rf"|anything (?:about|on|regarding) (?P<t5>.+?){_IN_THE_TEXT}"
    r")(?: at all| anywhere)?[?.! ]*$",
    re.IGNORECASE,
)


# On: asking whether the sources mention a thing none of whose words they write ("does the
# article mention china?"), when its search is refused, is told they don't, as "search for toyota"
# is (session 31, the lead's probes: "The sources I have don't cover that question"; one labelled
# by bot.unsaid.MENTION_UNKNOWN stays so, its closest passage shown).
UNWRITTEN_MENTION_31 = True


def mention_unwritten(topic: str, writes: Callable[[str], bool]) -> bool:
    """Whether `topic`, asked whether the sources mention it, is one or two content words none
    of which `writes` says the sources write."""
    words = content_words(topic)
    unwritten = 0 < len(words) <= MOST_TOPIC_WORDS and not any(map(writes, words))
    return UNWRITTEN_MENTION_31 and unwritten


# On: a search asked for by command ("search for nvidia", "find the sentence about lithium", "quote
# the part about rivian", "show me everything about prime") is searched as its thing alone, in a
# conversation too (session 27, the lead's probes: each was refused, the command words weighing
# down the question's vector).
SEARCH_27 = True
_PIECE = r"(?:sentences?|parts?|passages?|bits?|lines?|paragraphs?|quotes?|mentions?|places?)"
_SEARCHED = re.compile(
    rf"^{_POLITE}(?:(?:can|could|would|will) (?:you|u) )?(?:please )?(?:"
    r"search(?: (?:the|this) (?:article|piece|text|sources?))?(?: for| about)?"
    r"|look (?:up|for)|grep(?: for)?"
    rf"|(?:find|quote|show|give|read)(?: me| us)?(?: (?:the|a|any|all|every))? {_PIECE}"
    r" (?:about|on|regarding|mentioning|that mentions?|with|where (?:it|the article) mentions)"
    r"|(?:show|give|tell)(?: me| us)? (?:everything|all|anything|what (?:it|the article) says)"
    r" (?:about|on|regarding)"
    rf") (?P<topic>.+?){_IN_THE_TEXT}[?.! ]*$",
    re.IGNORECASE,
)


# On: "what did you say about rivian earlier?" asks the thing again, searched alone (session 28,
# the lead's probes: refused).
SAID_BEFORE_28 = True
_SAID_BEFORE = re.compile(
    rf"^{_POLITE}(?:what|remind me what) (?:(?:did|have) )?(?:you|u) (?:say|said|tell me|told me)"
    r" (?:about|on|regarding) (?P<topic>.+?)(?: (?:earlier|before|again|just now|already"
    r"|a (?:minute|moment|bit) ago))?[?.! ]*$",
    re.IGNORECASE,
)


# On: more forms of a search command ("give me the exact words about prime", "copy the paragraph
# about partnerships", "what's the exact quote about the crown?", "what exactly does it say about
# texas?", "does it say anything about china?") are searched as the thing too (session 28, the
# lead's probes: refused, or the conclusion quoted).
SEARCH_28 = True
_SEARCHED_28 = re.compile(
    rf"^{_POLITE}(?:(?:can|could|would|will) (?:you|u) )?(?:please )?(?:"
    r"(?:find|quote|show|give|read|copy|paste|print)(?: me| us)?(?: (?:the|a|any|all|every))?"
    r" (?:exact |precise )?(?:words|wording|text|paragraphs?|sentences?|quotes?|lines?|passages?)"
    r" (?:about|on|regarding|mentioning|that mentions?|with)"
    r"|what(?:'s| is| are) the (?:exact |precise )?(?:quotes?|sentences?|lines?|passages?|parts?"
    r"|paragraphs?|words|wording) (?:about|on|regarding|mentioning)"
    r"|what (?:exactly )?(?:does|did) (?:it|the (?:article|text|piece)) (?:say|write) exactly"
    r" (?:about|on|regarding)|what exactly (?:does|did) (?:it|the (?:article|text|piece))"
    r" (?:say|write) (?:about|on|regarding)"
    r"|(?:does|did) (?:it|the (?:article|text|piece|sources?)) (?:say|mention|write)"
    r" (?:anything|something) (?:about|on|regarding)"
    rf") (?P<topic>.+?){_IN_THE_TEXT}[?.! ]*$",
    re.IGNORECASE,
)


# On: "what's the takeaway for investors?", "key lessons for consumers?" ask what the text says
# of the people named, searched as them alone (session 29, the lead's probes: labelled "The
# sources don't say anything about takeaway", the second quoting Tesla's weaknesses).
TAKEAWAY_29 = True
_TAKEAWAY_29 = re.compile(
    rf"^{_POLITE}(?:what(?:'s| is| are| would be) )?(?:the |my |our |your |any )?(?:key |main |big"
    r" |biggest |real |practical )?(?:takeaways?|take-aways?|lessons?|upshot) for (?P<topic>.+?)"
    rf"(?: here| from (?:this|it|the (?:article|piece|text)))?{_IN_THE_TEXT}[?.! ]*$",
    re.IGNORECASE,
)


def searched_topic(question: str) -> str | None:
    """The thing a command asks to search the sources for ("search for nvidia": "nvidia"), or
    None when the question is no such command."""
    if not SEARCH_27:
        return None
    asked = " ".join(question.replace("’", "'").split())
    found = _SEARCHED.match(asked) or (_SAID_BEFORE.match(asked) if SAID_BEFORE_28 else None)
    found = found or (_SEARCHED_28.match(asked) if SEARCH_28 else None)
    found = found or (_TAKEAWAY_29.match(asked) if TAKEAWAY_29 else None)
    return found["topic"] if found else None


_NAMES_TEXT = re.compile(r"\b(?:article|piece|text|story|sources?|writer|author)\b", re.IGNORECASE)


def mentioned_topic(question: str, in_conversation: bool = False) -> str | None:
    """The thing a question asks whether the sources mention ("is ford mentioned in the
    article?": "ford"), or None when it asks nothing of that form. In a conversation the text
    must be named: "anything on batteries?" after "how will musk respond" asks of his response."""
    if not MENTIONS_26 or (in_conversation and not _NAMES_TEXT.search(question)):
        return None
    found = _MENTIONED.match(" ".join(question.replace("’", "'").split()))
    if found is None:
        return None
    return next(topic for topic in found.groups() if topic)

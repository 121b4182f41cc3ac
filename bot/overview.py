"""Requests for an overview of the sources ("tl;dr?", "summarise the article", "what are the main
points?"): answered by quoting how the article opens and how its last section begins, each cited.

No passage is similar to "give me the gist", so a search refuses it or quotes a passage at random;
an article's opening paragraph and its closing section are where its writer sums it up. The
request is read by its grammar (overview words, the text named, politeness), never by the
sources' words: "summarise what it says about batteries" names a topic and is searched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from bot import request_words
from bot.answer import REFUSAL, Answer, passages_answer
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.more import NOTHING_MORE, More
from bot.question_kind import question_text
from bot.request_words import ABOUT_THE_TEXT, ASKING, NAVIGATING
from bot.sections import section_openings, to_section_end

# On: overview requests are answered by the opening and the close (session 21; docs/quality-log.md,
# "Overview requests (session 21)"). `benchmarks/quality.py --overview-21` measures it.
OVERVIEW = True
# How many of an article's sentences each quote holds at most: the opening paragraph and the
# first sentences of the last section, not whole passages.
QUOTED_SENTENCES = 3
# With several articles and nothing before in the conversation, how many ledes are quoted.
LEDES = 3
# On: "tell me more" after an overview quotes the next section's opening, one section per request
# (session 24): searched as the overview request again, it was refused ("give me an overview").
TOUR = True
# On: session 25's phrasings of the request ("eli5", "catch me up", "the short version", "the
# upshot", "key facts", "in 3 bullets"), found by hand: each was refused or quoted at random.
PHRASINGS_25 = True

# A phrase that asks for an overview; the rest of the request must be words from `_FILLER`.
_ASKS = re.compile(
    r"\b(?:tl ?;? ?dr|tldr|summ?ar(?:y|ies|ise|ize|ised|ized)|sum (?:it |this |that )?up|recap"
    r"|gist|overview|synopsis|rundown|run ?down|nutshell|main (?:points?|ideas?|argument|message)"
    r"|key (?:points?|ideas?|takeaways?|messages?)|takeaways?|take away|highlights|thesis"
    r"|(?:most important|biggest|central|core) (?:points?|ideas?|things?|messages?|lessons?)"
    r"|bullet ?points?"
    r"|(?:the )?point of (?:it|this|that|(?:the|this|that) (?:article|piece|story|text))"
    r"|what(?: is|'s|s) (?:the (?:author|writer)|it|this|(?:the|this) (?:article|piece|story|text))"
    r" (?:trying to )?say(?:ing)?"
    r"|what(?: is|'s|s) (?:it|this|that|(?:the|this|that) (?:article|piece|story|text))"
    r" (?:all |mainly |mostly |really |basically |actually )?about)\b"
)
_ASKS_25 = re.compile(
    r"\b(?:eli ?5|explain (?:(?:it|this|that|everything|all|the whole thing) )?like"
    r" (?:i'?m|im|i am) (?:5|five)|catch (?:me|us) up"
    r"|(?:short|shorter|quick|brief|condensed|abridged) version"
    r"|upshot|big picture|key facts|(?:in )?(?:a few|\d|one|two|three|four|five) bullets?)\b"
)
# On: "the 3 most important facts", "top 5 points", "what should i know about this", "explain the
# article" ask for the overview too (session 26, the lead's probes: each was refused, "explain the
# article" labelled "The sources don't say anything about article").
PHRASINGS_26 = True
_ASKS_26 = re.compile(
    r"\b(?:(?:most important|main|important|central|core|biggest|top) (?:\d |one |two |three |four "
    r"|five )?(?:facts|points|things|takeaways)|top (?:\d|three|five|ten) (?:facts|points|things"
    r"|takeaways)?|what (?:should|do|must) (?:i|we) (?:need to )?know|what(?:'s| is) the story"
    r"|explain (?:the|this) (?:article|piece|text|story))\b"
)
# On: "explain the article to a 10 year old", "tweet-length summary please", "summarize in 50
# words", "give me the story" ask for the overview too (session 27, the lead's probes: each was
# refused).
PHRASINGS_27 = True
_ASKS_27 = re.compile(
    r"\b(?:explain (?:it|this|that|(?:the|this) (?:article|piece|text|story)) (?:to|for)"
    r" (?:a|an|my|me like an?) (?:\d+|five|ten|twelve)?[- ]?(?:year[- ]old|kid|child|beginner"
    r"|grandma|teenager)|tweet[- ]?(?:length|sized?)|(?:in|under|within) (?:\d+|fifty|a hundred"
    r"|one hundred) words|(?:give|tell) (?:me|us) the (?:whole |short |full )?story"
    r"|in (?:one|a single|a) paragraph)\b"
)
_FILLER_27 = frozenset({
    "paragraph", "please", "pls", "sum", "summarise", "summarize", "summary", "up", "version",
    "words"
})  # fmt: skip
# On: "what does the article say?", "what is this article?", "what's the purpose of the
# article?", "too long didn't read", "i don't have time to read it" ask for the overview; "is this
# news or opinion?", "is it an opinion piece?" what the writer thinks, the conclusion (session 28,
# the lead's probes: "what does the article say?" and "what is this article?" quoted Affordable
# Luxury, the others were refused). "what does it say?" in a conversation points at the answer.
PHRASINGS_28 = True
_ASKS_28 = re.compile(
    r"\b(?:what (?:does|did) (?:it|this|(?:the|this) (?:article|piece|story|text)) say"
    r"|what(?: is|'s|s) (?:this|the) (?:article|piece|text)(?: here)?[?.! ]*$"
    r"|what(?: is|'s|s) in (?:it|this|(?:the|this) (?:article|piece|text))[?.! ]*$"
    r"|(?:what(?: is|'s|s) )?the (?:purpose|aim|goal|point) of (?:it|this|(?:the|this)"
    r" (?:article|piece|story|text))|why (?:was|is) (?:it|this|(?:the|this) (?:article|piece"
    r"|story|text)) (?:written|published)|too long,? (?:didn'?t|did not|don'?t) read"
    r"|(?:i )?(?:don'?t|do not|dont) have (?:the )?time to read(?: it| this| the (?:article|whole"
    r" thing))?|(?:tell|give|show) (?:me|us) (?:something|anything) (?:interesting|cool|good)"
    r"|(?:a )?(?:random|fun|interesting|cool) facts?|surprise (?:me|us)"
    r"|(?:tell|give) (?:me|us) (?:\d|one|two|three|four|five|a few|some) (?:facts|things))"
)
_KIND_28 = re.compile(
    r"\b(?:is|was) (?:it|this|that|(?:the|this|that) (?:article|piece|text|story)) (?:an? )?"
    r"(?:opinion(?: piece)?|op-?ed|editorial|news(?: or (?:an? )?opinion(?: piece)?)?"
    r"|fact or opinion|factual|(?:a )?news (?:article|story|report))\b"
)
# How the writer signs off ("how does the writer sign off, hype-wise?") asks how the text ends; a
# word ending in "-wise" says in what respect, no topic (tuning-extra-27: quoted Tesla's
# weaknesses).
_SIGN_OFF_28 = re.compile(
    r"\bhow (?:does|did) (?:it|this|the (?:article|piece|story|text|writer|author))"
    r" (?:sign off|sign out|wrap (?:it |things )?up|finish up|leave (?:it|things|off))\b"
)
_IN_RESPECT_28 = re.compile(r"\b[a-z]+-wise\b")
# A first message "what does it say?" names the text by "it"; in a conversation it points back.
_SAYS_28 = re.compile(r"\bwhat (?:does|did) (?:it|this|that) say\b")
# On: "what does the article open with?", "what does it end on?" ask how the text opens or ends
# (session 29, the lead's probe: refused).
OPENS_WITH_29 = True
_OPENS_WITH_29 = re.compile(
    r"\b(?:what|how) (?:does|did) (?:it|this|the (?:article|piece|story|text)) (?:open|start"
    r"|begin|kick off|lead) (?:with|on)\b"
)
_ENDS_WITH_29 = re.compile(
    r"\bwhat (?:does|did) (?:it|this|the (?:article|piece|story|text)) (?:end|close|finish"
    r"|wrap up) (?:with|on)\b"
)
# On: whom the text is for ("who is the article for?", "who's the target audience?") is its closing
# line, which names its readers (session 29, the lead's probes: refused).
AUDIENCE_29 = True
_AUDIENCE_29 = re.compile(
    r"\b(?:who (?:is|was) (?:it|this|the (?:article|piece|story|text)) (?:for|aimed at|written"
    r" for|meant for|intended for)|(?:(?:who|what)(?:'s| is| are) )?(?:the |its )?(?:target"
    r"|intended) (?:audience|readers?|readership)(?: (?:of|for) (?:it|this|the (?:article|piece"
    r"|story|text)))?"
    r"|who (?:should|would|is supposed to) read (?:it|this|the (?:article|piece|story|text)))\b"
)
# On: "tell me about the article", "fill me in on this piece" and, as a first message, "tell me
# everything" ask for the overview (session 29, the lead's probes: the first was labelled "The
# sources don't say anything about article", the second refused). In a conversation "tell me
# everything" asks everything of what was just said.
ABOUT_TEXT_29 = True
_ABOUT_TEXT_29 = re.compile(
    r"\b(?:(?:tell|teach|talk to|fill) (?:me|us)(?: in)? (?:about|on) (?:the|this|that) (?:article"
    r"|piece|text|story|post|read)|what(?:'s| is) (?:it|this|the article) all about)\b"
)
_EVERYTHING_29 = re.compile(
    r"^(?:tell|give|show) (?:me|us) (?:everything|all (?:of it|there is|you know|you've got"
    r"|you have))(?: (?:you know|you've got|you have|there is))?$"
)
# On: "what does the intro say", "the introduction?" ask how the text opens (session 26, the
# lead's probes: refused; "intro paragraph" was read already).
INTRO_26 = True
_INTRO_26 = re.compile(r"\b(?:intro|introduction|opening|lede|lead paragraph)\b")
# Asking what the writer thinks ("what's the author's opinion?", "does the article take sides?"):
# the conclusion, where the writer sums up (session 25: searched, each quoted a passage at random).
VIEWS_25 = True
_TEXT_NAMED = r"(?:the )?(?:author|writer|article|piece|text)"
_VIEWS = re.compile(
    rf"\b(?:{_TEXT_NAMED}(?:'s|s'?)? (?:own )?(?:opinions?|views?|take|stance|position|predictions?"
    r"|forecast|prognosis)"
    rf"|what (?:does|do|did) {_TEXT_NAMED} (?:think|predict|believe|expect|conclude|reckon)"
    rf"|(?:does|do|did) {_TEXT_NAMED} (?:take|pick|choose) (?:a )?sides?"
    rf"|(?:which|whose) side (?:is|does) {_TEXT_NAMED}(?: (?:on|take))?)\b"
)
# On: asking whether the text is biased ("is this article biased?", "is the article fair to musk?",
# "how one-sided is the piece") is asked what the writer thinks: the conclusion (session 26, the
# lead's probes: searched, each quoted the environmental records or the carbon-neutral pledge).
BIAS_26 = True
_JUDGED = (
    r"(?:biased|fair|neutral|objective|balanced|impartial|one-sided|one sided|slanted|partisan"
    r"|even-handed)"
)
_BIAS = re.compile(
    rf"\b(?:(?:is|was) (?:the|this|that) (?:article|piece|text|story|author|writer) {_JUDGED}"
    rf"|how {_JUDGED} is (?:the|this|that) (?:article|piece|text|story|author|writer))\b"
)
# On: the article's tone or leaning asked ("what is the tone of the article", "is the article for
# or against amazon?", "does the article favour tesla?", "is the piece pro-musk?") is its bias
# asked: the conclusion (session 27, the lead's probes: the first was refused, the others quoted
# the environmental records).
TONE_27 = True
_TEXT_27 = r"(?:the|this|that) (?:article|piece|text|story|author|writer)"
_TONE = re.compile(
    rf"\b(?:(?:the )?(?:tone|slant|leaning|angle|attitude|mood) of {_TEXT_27}"
    rf"|{_TEXT_27}'?s? (?:tone|slant|leaning|angle|attitude)"
    rf"|(?:is|was) {_TEXT_27} (?:(?:more )?(?:positive|negative)(?: or (?:positive|negative))?"
    r"|(?:for|pro|against|anti)(?: or (?:for|against))?"
    r"|pro-\w+|anti-\w+|(?:more )?(?:optimistic|pessimistic|critical|favou?rable))"
    rf"|(?:does|do|did) {_TEXT_27} (?:favou?r|prefer|support|like|side with|root for|lean)"
    rf"|(?:who|which (?:side|one|company)) (?:does|do|did) {_TEXT_27} (?:favou?r|prefer|support"
    r"|side with|root for|lean towards?))\b"
)
# On: what the text's story matters for ("why does this matter?", "why should i care?", "so
# what?") is what its conclusion sums up; its background ("give me the background", "what's the
# backstory?") is how it opens (session 27, the lead's probes: each was refused). In a conversation
# they point at what was just said, unless they name the text.
MATTERS_27 = True
_MATTERS = re.compile(
    r"^(?:(?:ok|okay|so|and|but|honestly|hmm+)[,!]? )*"
    rf"(?:why (?:does|do|did|would|should) (?:this|it|that|any of (?:this|it)|{_TEXT_27})"
    r" (?:matter|be important)"
    rf"|why (?:should|would) (?:i|we|anyone|people) care(?: about (?:this|it|{_TEXT_27}))?"
    rf"|so what|why (?:is|was) (?:this|it|{_TEXT_27}) (?:important|significant|a big deal"
    r"|newsworthy|relevant)|what(?:'s| is) the significance(?: of (?:this|it))?)"
    r"(?: (?:then|really|exactly|anyway))?[?.! ]*$"
)
_BACKGROUND = re.compile(r"\b(?:background|backstory|back story|back-story|backgrounder)\b")
# Whom the bias is asked about: the rivalry's two sides, named or not.
_BIAS_FILLER = frozenset({
    "against", "amazon", "bezos", "both", "either", "elon", "jeff", "musk", "side", "sides",
    "tesla", "toward", "towards"
})  # fmt: skip
# What the tone is asked to be besides the sides: "positive or negative", "overall".
_TONE_FILLER = _BIAS_FILLER | frozenset({
    "critical", "general", "generally", "negative", "neutral", "optimistic", "or", "overall",
    "pessimistic", "positive"
})  # fmt: skip
# Asking how the text opens or how it ends: that part alone is quoted.
_OPENING = re.compile(
    r"\b(?:how (?:does|did) (?:it|this|the (?:article|piece|story|text)) (?:start|begin|open)"
    r"|(?:opening|intro|introduction|first) (?:paragraph|lines?|sentences?|part))\b"
)
# The conclusion is the last section, opened by the writer's summing up ("The entry of Jeff
# Bezos … marks a pivotal moment"); the ending is the article's last sentences ("Buckle up").
_CONCLUSION = re.compile(
    r"\b(?:how (?:does|did) (?:it|this|the (?:article|piece|story|text)) (?:conclude|wrap up)"
    r"|conclusions?|(?:closing|final|last) section|verdict|bottom line)\b"
)
_ENDING = re.compile(
    r"\b(?:how (?:does|did) (?:it|this|the (?:article|piece|story|text)) (?:end|close|finish)"
    r"|ending|end of (?:it|this|the (?:article|piece|story|text))"
    r"|(?:closing|final|last) (?:paragraph|lines?|sentences?|part|words))\b"
)
Part = Literal["opening", "conclusion", "ending", "both"]
# Words a request for an overview may hold besides the asking phrase: politeness, the text named,
# the length asked for. Any other word names a topic, and the question is searched.
_FILLER = ASKING | ABOUT_THE_TEXT | frozenset({
    "1", "2", "3", "4", "5", "about", "author", "basically", "be", "biggest", "brief", "briefly",
    "end", "ends", "everything", "few", "from", "here", "idea", "ideas", "important", "key",
    "know", "like", "line", "lines", "main", "most", "need", "one", "overall", "point", "points",
    "quick", "quickly", "real", "say", "says", "sentence", "sentences", "short", "should",
    "source", "sources", "thing", "three", "trying", "two", "want", "way", "will", "words",
    "writer"
})  # fmt: skip
# "summarise it in 3 bullets": the form the overview takes is no topic either.
_FILLER_25 = _FILLER | frozenset({"bullet", "bullets", "version"})
# On: "list the main points", "summarize the key takeaways" ask for the overview too: the list
# and its form are no topic (session 30, the lead's probes: both refused).
POINTS_30 = True
_FILLER_30 = frozenset({"list", "takeaway", "takeaways", "highlights", "facts", "lessons"})
# "what's the main claim?", "the most important sentence?", "give me a random quote": the text's
# gist, as "the main points" is (the lead's probes: Affordable Luxury quoted, or refused).
_ASKS_30 = re.compile(
    r"\b(?:(?:main|central|key|core|big) (?:claims?|arguments?)|(?:most important|key|main|best"
    r"|most interesting|central|killer) (?:sentence|line|quote|part|bit|passage)|(?:a )?random"
    r" (?:quote|line|sentence))\b"
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


# In a conversation, "what's it about?", "how does that end?" point at what was just said, not
# at the text, unless they name it ("what's this article about?").
_POINTING = re.compile(r"\b(?:what(?: is|'s|s)|how (?:does|did)) (?:it|this|that)\b")
_NAMES_TEXT = re.compile(r"\b(?:article|piece|story|text|sources?|writer|author)\b")


# On: "tl;dr of the conclusion", "a summary of the intro" ask for that part's overview (session
# 30, the lead's probes: refused).
PART_SUMMED_30 = True
_OF_PART_30 = re.compile(
    r"\b(?:of|for|in) (?:the |its |this )?(?:(?P<closing>conclusion|ending|end|closing"
    r"(?: section| part)?)|(?P<opening>intro|introduction|opening|beginning|start))\b"
)


# On: asking about what an article's title names ("what can you tell me about the ev rivalry?",
# "tell me about bezos vs musk") asks for its overview; as a first message, "what's the context?",
# "what's happening?", "explain the whole thing" too (session 31, the lead's probes: the first
# quoted the closing lines, the others were refused).
TITLE_ASKED_31 = True
_ABOUT_31 = re.compile(
    r"^(?:(?:ok|okay|so|hey|hi|hello|well)[,!]? )*(?:(?:what|anything) (?:can|could) (?:you|u)"
    r" tell (?:me|us) about|(?:can|could) (?:you|u) tell (?:me|us) about|tell (?:me|us)"
    r" (?:all |more |everything )?about|what do (?:you|u) know about|what(?:'s| is) (?:the deal"
    r" with|up with|going on with|happening with)"
    r"|(?:give me )?(?:an overview|the lowdown) (?:of|on)|explain) (?P<named>.+?)[?.! ]*$"
)
_FIRST_ASKS_31 = re.compile(
    r"^(?:(?:ok|okay|so|hey|hi|hello|well)[,!]? )*(?:what(?:'s| is) (?:the context|happening)"
    r"|explain (?:the whole thing|everything|it all))[?.! ]*$"
)


def asks_about_title(question: str, titles: Sequence[str], in_conversation: bool) -> bool:
    """Whether `question` asks about what one of `titles` names, in two words or more, each the
    title's ("the ev rivalry" of "Bezos vs. Musk: the EV rivalry"), or, first in a conversation,
    for the context."""
    if not TITLE_ASKED_31:
        return False
    text = " ".join(question.lower().replace("’", "'").split())
    if not in_conversation and _FIRST_ASKS_31.match(text):
        return True
    found = _ABOUT_31.match(text)
    if found is None:
        return False
    named = set(_WORD.findall(found["named"])) - _NAMING_31
    return len(named) >= 2 and any(named <= set(_WORD.findall(title.lower())) for title in titles)


# Words naming a title's topic that the title need not hold ("bezos and musk", "the ev rivalry").
_NAMING_31 = frozenset({"the", "a", "an", "and", "vs", "versus", "v", "between", "this", "whole"})


def asks_for_overview(question: str, in_conversation: bool = False) -> Part | None:
    """Which part of the text the question asks for, when it asks for an overview of the sources
    (or how they open or end) and names no topic of its own; None otherwise."""
    if not OVERVIEW:
        return None
    of_part = _OF_PART_30.search(question.lower()) if PART_SUMMED_30 else None
    if of_part is not None:  # "tl;dr of the conclusion": the overview's request, of that part
        rest = question.lower()[: of_part.start()] + " " + question.lower()[of_part.end() :]
        if _overview_part(rest, in_conversation) == "both":
            return "conclusion" if of_part["closing"] else "opening"
    return _overview_part(question, in_conversation)


def _overview_part(question: str, in_conversation: bool) -> Part | None:
    """`asks_for_overview`, no part named after the request."""
    text = question_text(question).replace(";", " ; ")
    if in_conversation and _POINTING.search(text) and not _NAMES_TEXT.search(text):
        return None
    if in_conversation and PHRASINGS_28 and _SAYS_28.search(text) and not _NAMES_TEXT.search(text):
        return None
    parts = (_ASKS, "both"), (_OPENING, "opening"), (_CONCLUSION, "conclusion"), (_ENDING, "ending")
    if PHRASINGS_25:
        parts += ((_ASKS_25, "both"),)
    if VIEWS_25:
        parts += ((_VIEWS, "conclusion"),)
    if PHRASINGS_26:
        parts += ((_ASKS_26, "both"),)
    if INTRO_26:
        parts += ((_INTRO_26, "opening"),)
    if PHRASINGS_27:
        parts += ((_ASKS_27, "both"),)
    if PHRASINGS_28:
        parts += ((_ASKS_28, "both"), (_KIND_28, "conclusion"), (_SIGN_OFF_28, "ending"))
        text = _IN_RESPECT_28.sub(" ", text)
    if OPENS_WITH_29:
        parts += ((_OPENS_WITH_29, "opening"), (_ENDS_WITH_29, "ending"))
    if AUDIENCE_29:
        parts += ((_AUDIENCE_29, "ending"),)
    if ABOUT_TEXT_29:
        parts += ((_ABOUT_TEXT_29, "both"),)
        if not in_conversation and _EVERYTHING_29.match(text.strip(" ?!.")):
            return "both"
    if BIAS_26:
        parts += ((_BIAS, "conclusion"),)
    if TONE_27:
        parts += ((_TONE, "conclusion"),)
    if MATTERS_27 and (not in_conversation or _NAMES_TEXT.search(text)):
        # read as typed: question_text takes the "so" off "so what?"
        if _MATTERS.match(" ".join(question.lower().replace("’", "'").split())):
            return "conclusion"
        parts += ((_BACKGROUND, "opening"),)
    filler = _FILLER_25 if PHRASINGS_25 else _FILLER
    filler = filler | NAVIGATING if request_words.NAVIGATE_27 else filler
    filler = filler | _FILLER_27 if PHRASINGS_27 else filler
    filler = filler | _FILLER_30 if POINTS_30 else filler
    if POINTS_30:
        parts += ((_ASKS_30, "both"),)
    for pattern, part in parts:
        found = pattern.search(text)
        if found is None:
            continue
        # "is the article fair to musk?": the side it may favour is no topic of its own
        leaning = _BIAS_FILLER if pattern is _BIAS else _TONE_FILLER if pattern is _TONE else None
        if says_nothing_else(text, found, filler | leaning if leaning else filler):
            return part  # type: ignore[return-value]
    return None


def says_nothing_else(text: str, found: re.Match[str], filler: frozenset[str]) -> bool:
    """Whether every word of `text` besides the request `found` is one of `filler` (politeness,
    the text named): any other word names a topic, and the question is searched."""
    rest = text[: found.start()] + " " + text[found.end() :]
    # "the article's conclusion": a possessive names the text as the bare word does.
    return all(word.removesuffix("'s") in filler for word in _WORD.findall(rest))


def _quote(passage: Passage, ending: bool = False) -> str:
    sentences = passage.sentence_texts()
    return " ".join(sentences[-QUOTED_SENTENCES:] if ending else sentences[:QUOTED_SENTENCES])


def overview_passages(index: SearchIndex, rows: range) -> list[Passage]:
    """The opening passage of the article at `rows` and the first passage of its last section
    (one passage when the article has one section, or one passage)."""
    if not rows:
        return []
    first = index.passages[rows[0]]
    last = len(rows) - 1
    section = index.passages[rows[last]].section
    # Back to where the last section begins: bounded by that section's length, not the index's.
    while last > 1 and section is not None and index.passages[rows[last - 1]].section == section:
        last -= 1
    closing = index.passages[rows[last]]
    if closing.id == first.id or closing.section == first.section:
        return [first]
    return [first, closing]


def latest_articles(index: SearchIndex, count: int) -> list[str]:
    """Up to `count` articles, the most recently published first (undated ones last, in the
    corpus's order)."""
    articles = list(index.manifest["articles"].items())
    dated = sorted(
        (a for a in articles if a[1].get("published")),
        key=lambda a: str(a[1]["published"]),
        reverse=True,
    )
    undated = [a for a in articles if not a[1].get("published")]
    return [doc_id for doc_id, _ in (dated + undated)[:count]]


def overview_answer(
    question: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
    part: Part = "both",
) -> Answer:
    """The overview of one article (its opening and its close, or the `part` asked for) or, of
    several, each one's opening (or close), quoted and cited."""
    rows_of = index.article_rows
    passages: list[Passage] = []
    for doc_id in doc_ids:
        rows = rows_of.get(doc_id, range(0))
        if part == "ending":  # the article's last passage, whatever its section
            passages += [index.passages[rows[-1]]] if rows else []
            continue
        found = overview_passages(index, rows)
        if part == "conclusion":
            found = found[-1:]
        elif part == "opening" or len(doc_ids) > 1:
            found = found[:1]
        passages += found
    quoted = [(p, _quote(p, ending=part == "ending")) for p in passages]
    return passages_answer(question, quoted, index.manifest["articles"], built_at, REFUSAL)


def overview_asked_more_of(more: More | None) -> Part | None:
    """The part of the text an overview showed when `more` asks for more after that overview
    ("tell me more"); None when it asks about something else."""
    if more is None or not TOUR:
        return None
    return asks_for_overview(more.question, in_conversation=bool(more.history))


def title_asked_more_of(more: More, titles: Sequence[str]) -> Part | None:
    """ "both" when `more` asks for more after what a title names was asked (`asks_about_title`):
    the overview's tour goes on; None otherwise."""
    asked = TOUR and asks_about_title(more.question, titles, bool(more.history))
    return "both" if asked else None


def overview_more_answer(
    question: str,
    index: SearchIndex,
    doc_ids: Sequence[str],
    built_at: str | None,
    part: Part,
    times: int,
) -> Answer:
    """The answer to the `times`-th request for more after an overview of `part` of the first
    article of `doc_ids`: the sections the overview did not quote, each one's first sentences in
    the article's order (the conclusion's next sentences after a conclusion); "that's all" past
    the last."""
    rows = index.article_rows.get(doc_ids[0], range(0)) if doc_ids else range(0)
    quoted = overview_passages(index, rows)
    quoted_sentences: list[tuple[Passage, str]] = []
    if part == "conclusion" and quoted:
        closing = quoted[-1]
        start = times * QUOTED_SENTENCES
        section = to_section_end(index, closing.doc_id, closing.id)
        quoted_sentences = section[start : start + QUOTED_SENTENCES]
    elif part in ("both", "opening"):
        shown = {p.section for p in (quoted if part == "both" else quoted[:1])}
        unseen = [p for p in section_openings(index, doc_ids[:1]) if p.section not in shown]
        if times <= len(unseen):
            quoted_sentences = [(unseen[times - 1], _quote(unseen[times - 1]))]
    articles = index.manifest["articles"]
    return passages_answer(question, quoted_sentences, articles, built_at, NOTHING_MORE)

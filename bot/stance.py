"""Questions asking the bot's own opinion ("what's your opinion?", "which side are you on?",
"are you biased?"): a reply that it takes no side and only quotes the sources, never a search.

Searched, each quoted a passage at random (the environmental records, Musk's tweets) as if the
sources held the bot's view. The article's own view is the conclusion (bot/overview.py's
VIEWS_25), which the reply points to. Read by its grammar: a topic of its own ("what do you think
about tesla's weaknesses?") is a question for the sources, and searched.
"""

from __future__ import annotations

import re

from bot.question_kind import question_text
from bot.request_words import ABOUT_THE_TEXT, ASKING

# On: the bot's own opinion asked gets NO_STANCE (session 26, the lead's probes).
# `benchmarks/quality.py --lead-26 stance` measures it.
STANCE_26 = True
NO_STANCE = (
    "I don't take sides or give opinions of my own: I quote the sources and cite them. For the "
    "article's own view, ask “what's the author's opinion?”."
)
_YOU = r"(?:you|u|ya)"
_ASKS = re.compile(
    rf"\b(?:(?:what(?: is|'s|s)|whats) (?:your|ur) (?:own )?(?:opinion|view|take|stance|verdict"
    rf"|position|thoughts?|prediction|guess|pick)s?"
    rf"|what (?:do|would) {_YOU} (?:personally )?(?:think|reckon|say)"
    rf"|(?:do|would) {_YOU} (?:have|hold) (?:an? )?(?:opinion|view|take|stance|favou?rite)s?"
    rf"|(?:which|whose) side (?:are|r) {_YOU} on|(?:are|r) {_YOU} (?:biased|neutral|impartial"
    rf"|objective|on (?:(?:musk|bezos|elon|jeff)'?s?|(?:tesla|amazon)'?s?|their|his) side)"
    rf"|(?:who|which one) do {_YOU} (?:like|prefer|support|root for|side with)(?: more| better)?"
    rf"|(?:team|side) (?:musk|bezos|elon|jeff|tesla|amazon) or (?:team )?(?:musk|bezos|elon|jeff"
    r"|tesla|amazon))\b"
)
# Words the question may hold besides its asking phrase: what it is about, when that is the
# rivalry or the sources themselves. Any other word names a topic: searched.
_FILLER = ASKING | ABOUT_THE_TEXT | frozenset({
    "about", "all", "amazon", "bezos", "between", "both", "elon", "honest", "honestly", "jeff",
    "musk", "of", "on", "or", "personally", "really", "regarding", "rivalry", "side", "team",
    "tesla", "that", "the", "thing", "this", "who", "whole", "yourself"
})  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


# On: "do you like elon?", "do you prefer tesla or amazon?", "are you a fan of musk?" ask the bot's
# own view too (session 29, talk29's probes: each quoted a passage about the person).
LIKES_29 = True
_LIKES_29 = re.compile(
    rf"\b(?:(?:do|would|did) {_YOU} (?:personally )?(?:like|love|hate|dislike|prefer|admire|trust"
    rf"|rate|support)|(?:are|r) {_YOU} (?:a )?(?:fan|supporter) of)\b"
)


# On: "i think tesla will win, agree?", "do you agree?" ask the bot to side with a view, and
# "you're biased", "ur a tesla fanboy" say it took one (session 30, the lead's probes: the first
# quoted the conclusion as if agreeing, the last was refused).
AGREE_30 = True
_AGREE_30 = re.compile(
    rf"(?:^|[,.!?;:]\s*|\s)(?:(?:do|don't|dont|wouldn't|would|will) )?{_YOU} agree"
    r"(?: with (?:me|that|this|him|her|them))?[?!. ]*$|(?:^|[,.!?;:]\s*)agree[?!. ]*$"
)
_BIASED_30 = re.compile(
    rf"^(?:{_YOU}(?:'re| are| r|r)|this bot is|the bot is|{_YOU} sound) (?:so |really |very "
    r"|kinda |kind of |a bit |totally |clearly )?(?:biased|one-sided|partial|unfair|a (?:tesla"
    r"|musk|elon|amazon|bezos) (?:fan|fanboy|shill|stan))(?: (?:towards?|for|against|to) [a-z']+)?"
    r"[?!. ]*$"
)


def asks_bots_view(question: str) -> bool:
    """Whether `question` asks the bot's own opinion (or side) and names no topic besides the
    rivalry and its two sides; or asks it to agree with a view, or says it took a side."""
    if not STANCE_26:
        return False
    spaced = " ".join(question.lower().replace("’", "'").split())
    if AGREE_30 and (_AGREE_30.search(spaced) or _BIASED_30.match(spaced)):
        return True
    text = question_text(question)
    found = _ASKS.search(text) or (_LIKES_29.search(text) if LIKES_29 else None)
    if found is None:
        return False
    rest = text[: found.start()] + " " + text[found.end() :]
    return all(word.removesuffix("'s") in _FILLER for word in _WORD.findall(rest))


# On: a request to write something ("write me a haiku about the rivalry", "compose a poem about
# musk", "make up a story") gets NO_WRITING (session 27, the lead's probes: each quoted a passage
# at random, as if the closing lines were the poem). The bot quotes; it writes nothing.
WRITING_27 = True
NO_WRITING = (
    "I can't write that: I only quote the sources and cite them. Ask me what the article says, "
    "and I'll quote it."
)
_WRITE = re.compile(
    r"^(?:(?:can|could|would|will) (?:you|u) )?(?:please )?(?:write|compose|make up|create"
    r"|generate|draft|come up with)(?: me| us)? (?:an? |some )?(?:short |funny |little )?"
    r"(?:poem|haiku|limerick|song|rap|story|short story|fable|essay|tweet|headline|slogan|joke"
    r"|sonnet|ode|script|screenplay|press release|blog post)s?\b"
)


def asks_bot_to_write(question: str) -> bool:
    """Whether `question` asks the bot to write something (a poem, a story, a tweet) rather than
    to say what the sources say."""
    return WRITING_27 and bool(_WRITE.match(question_text(question).strip()))

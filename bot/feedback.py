"""Replies about the conversation rather than questions of their own: a complaint about the answer
before ("that's wrong", "not helpful"), a question taken back ("never mind, where are the
factories?") and one put right ("no, i meant the factories").

Searched, "that's wrong" and "not helpful" were refused as questions the sources don't cover, and
"never mind, where are the factories" was searched with the question it takes back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.question_kind import question_text

# On: a complaint about the answer before gets an apology and a way on, not a search (session 23;
# `benchmarks/quality.py --lead-23` measures it).
COMPLAINTS = True
# On: "never mind", "forget that" before a question take the conversation before it back; "no, i
# meant" before words puts the question before right, and they are asked in its conversation.
RETRACTIONS = True

AGAIN = "Sure, let's start over: ask me anything about the sources."
SORRY = (
    "Sorry that didn't help. Try asking it another way, or name what you're after: "
    "the sources may not cover it."
)

# On: a complaint counts as a "Not helpful" vote on the conversation's latest answer (session 24),
# so curators see it in `evbot stats` and the dashboard as they see the button's votes.
COMPLAINT_VOTES = True
# Said instead of SORRY once the complaint is counted.
SORRY_NOTED = SORRY + " I've marked that answer as not helpful for the people who curate them."

_IT = r"(?:that|this|it)(?:'s| is|s| was)?"
_COMPLAINT = re.compile(
    r"(?:(?:no|nope|hmm|ugh|meh)[,.!]* )?(?:"
    rf"{_IT} (?:wrong|incorrect|not (?:right|true|correct|accurate|helpful|useful|it|an answer)"
    r"|unhelpful|useless|no help|not what i (?:asked|meant|wanted)(?: for)?)"
    r"|(?:wrong|bad|useless|unhelpful|incorrect) answer|not helpful|unhelpful|useless|wrong"
    r"|not what i (?:asked|meant|wanted)(?: for)?"
    r"|(?:you're|you are|ur|u r|youre) wrong"
    r"|(?:that|it|this) (?:doesn't|does not|didn't|did not|doesnt|didnt)"
    r" (?:answer (?:my|the) question|help)"
    r")(?:[ ,.!]+(?:lol|sorry|tho|though|mate|bot))*"
)
_RESET = re.compile(
    r"(?:(?:ok|okay|can we|let's|lets|please)\s+)*(?:start (?:over|again|fresh)|restart|reset"
    r"|new (?:topic|conversation|chat)|clear (?:the |this )?(?:chat|conversation|history))"
    r"(?:\s+(?:please|pls))?"
)
_TAKEN_BACK = re.compile(
    r"^\s*(?:ok(?:ay)?[,.]?\s+)?(?:never\s*mind|nvm|forget (?:that|it)|scratch that|ignore that)"
    r"\s*[,.;:!—–-]+\s*(?=\w)",
    re.IGNORECASE,
)
_PUT_RIGHT = re.compile(
    r"^\s*(?:(?:no|nope|sorry|oops)\s*[,.!]*\s+)?i\s+mean(?:t)?\s*[,:]?\s+(?=\w)", re.IGNORECASE
)

# On: a complaint before a question ("hmm not what i asked. i meant what rivian makes", "that's
# wrong, where are the factories?") puts the question before right, as "i meant …" does: searched
# whole, the complaint's words made it refused (session 25, the lead's probe).
COMPLAINT_FIRST = True
_COMPLAINT_FIRST = re.compile(
    rf"^\s*(?:{_COMPLAINT.pattern})\s*[,.;:!—–-]+\s*(?=\w)", re.IGNORECASE
)


def complains_first(text: str) -> bool:
    """Whether `text` opens with a complaint before a question ("that's wrong, where …")."""
    return COMPLAINT_FIRST and _COMPLAINT_FIRST.match(text) is not None


# On: "you didn't answer my question", "try again", "nice try", "that's not it" after an answer
# are complaints too (session 27, the talk helper's probes: each was refused as a question the
# sources don't cover).
COMPLAINTS_27 = True
_COMPLAINT_27 = re.compile(
    r"(?:(?:no|nope|hmm|ugh|meh|lol)[,.!]* )?(?:(?:you|u) (?:didn't|did not|didnt|don't|do not"
    r"|dont) (?:answer|get) (?:my|the) question|(?:that|it|this)(?:'s| is|s) not (?:it|the answer"
    r"|an answer)|(?:that|it|this) (?:isn't|wasn't|is not|was not) (?:it|what i asked"
    r"|the answer|an answer)|nice try|(?:(?:wrong|bad) answer[,.!]* )?(?:please )?try again"
    r"|not quite|not even close)(?:[ ,.!]+(?:lol|sorry|tho|though|mate|bot|please))*"
)


# On: an insult to the bot or a verdict naming the answer ("you're useless", "you suck", "terrible
# answer", "waste of time") after an answer is a complaint too, and so are "👎" and "meh" (session
# 28, the lead's probes: refused as a question, or "All right!" as small talk). Not "that sucks"
# or "that's bad": a reaction to what was quoted.
COMPLAINTS_28 = True
_COMPLAINT_28 = re.compile(
    r"(?:(?:no|nope|hmm|ugh|meh|lol|wow|man|dude)[,.!]* )?(?:(?:you're|you are|youre|ur|u r"
    r"|you) (?:so |really |totally |completely )?(?:useless|terrible|awful|hopeless|no help"
    r"|not helpful|bad at this|rubbish|garbage)|(?:you|u) (?:suck|stink)"
    r"|(?:(?:that|this|it)(?:'s| is|s| was) )?(?:a |an )?(?:so |really |pretty |totally )?"
    r"(?:terrible|awful|garbage|rubbish|pointless|lame|weak|useless) (?:answer|reply|response)"
    r"|(?:that|this|it)(?:'s| is|s| was) (?:so |really |totally )?pointless|(?:so |really )?"
    r"unhelpful|(?:what a |such a )?waste of (?:my )?time|👎+|:-1:|:thumbsdown:|thumbs? down|meh)"
    r"(?:[ ,.!]+(?:lol|sorry|tho|though|mate|bot|honestly|really))*"
)


# On: "can you try again?", "give it another go" after an answer are complaints too (session 29,
# the lead's probes: refused).
COMPLAINTS_29 = True
_COMPLAINT_29 = re.compile(
    r"(?:(?:no|nope|hmm|ugh|meh)[,.!]* )?(?:(?:can|could|would|will) (?:you|u) (?:please )?"
    r"try (?:that )?(?:again|once more|harder)|try (?:that again|once more|harder)"
    r"|(?:(?:can|could|would|will) (?:you|u) )?(?:give it another (?:go|try|shot)"
    r"|have another (?:go|try)))(?:[ ,.!]+(?:please|pls|plz))*"
)


def is_complaint(text: str) -> bool:
    """Whether `text` is only a complaint about the answer before ("that's wrong", "not
    helpful", "wrong answer"); a complaint naming anything ("that's wrong about tesla") is not."""
    asked = question_text(text).strip(" ?!.")
    if COMPLAINTS and COMPLAINTS_27 and _COMPLAINT_27.fullmatch(asked):
        return True
    if COMPLAINTS and COMPLAINTS_28 and _COMPLAINT_28.fullmatch(asked):
        return True
    if COMPLAINTS and COMPLAINTS_29 and _COMPLAINT_29.fullmatch(asked):
        return True
    return COMPLAINTS and bool(_COMPLAINT.fullmatch(asked))


# On: "clear", "forget that", "new question", "change of subject" ask to start over too (session
# 27, the lead's probes: "clear" and "forget that" after an answer were searched, "new question"
# refused).
RESET_27 = True
_RESET_27 = re.compile(
    r"(?:(?:ok|okay|can we|let's|lets|please|so|just)\s+)*(?:clear(?: (?:it|everything|all|the"
    r" context|context|(?:your |the )?memory))?|forget (?:that|this|everything|all (?:of )?that"
    r"|what i (?:said|asked)|the last (?:question|one))|new (?:question|subject)"
    r"|(?:a )?different (?:question|topic|subject)|change (?:of |the )?(?:topic|subject)"
    r"|start from scratch|fresh start|begin again|clean slate|wipe (?:it|that|the slate))"
    r"(?:\s+(?:please|pls))?"
)


def asks_to_start_over(text: str) -> bool:
    """Whether `text` only asks to start the conversation over ("start over", "new topic")."""
    asked = question_text(text).strip(" ?!.")
    if RETRACTIONS and RESET_27 and _RESET_27.fullmatch(asked):
        return True
    return RETRACTIONS and bool(_RESET.fullmatch(asked))


# On: a message set aside from the conversation's topic ("thanks", "what's your opinion?", "how
# long is the article?", "are you sure?") after a question is left out of the history a follow-up
# is read in (session 26, the lead's probes: "who is rivian → thanks → what do they make?" quoted
# the factories, "they" read in "thanks").
ASIDES_26 = True


def without_asides(history: Sequence[str], is_aside: Callable[[str], bool]) -> Sequence[str]:
    """`history` without the messages `is_aside` says stepped aside from its topic, each that
    comes after a message that did not (a conversation opening with asides keeps them)."""
    if not ASIDES_26:
        return history
    kept: list[str] = []
    for message in history:
        if not kept or not is_aside(message) or all(is_aside(m) for m in kept):
            kept.append(message)
    return kept


def since_start_over(history: Sequence[str]) -> Sequence[str]:
    """The conversation after its last request to start over (all of it when there is none)."""
    for at in range(len(history) - 1, -1, -1):
        if asks_to_start_over(history[at]):
            return history[at + 1 :]
    return history


def without_retraction(text: str) -> tuple[str, bool]:
    """`text` without an opening that takes the question before back ("never mind, …": True, the
    question is asked as if alone) or puts it right ("no, i meant …", "that's wrong, …": False,
    asked in its conversation); `text` as given and False when it opens with neither."""
    if not RETRACTIONS:
        return text, False
    found = _TAKEN_BACK.match(text)
    if found is not None:
        return text[found.end() :], True
    found = _COMPLAINT_FIRST.match(text) if COMPLAINT_FIRST else None
    if found is not None:  # counted as a vote by the service, as a complaint alone is
        text = text[found.end() :]
        put_right = _PUT_RIGHT.match(text)
        return text[put_right.end() :] if put_right else text, False
    found = _PUT_RIGHT.match(text)
    if found is not None:
        return text[found.end() :], False
    return text, False


# On: a correction naming one name ("who is musk? → not him, bezos", "who makes tesla's
# batteries? → no i meant amazon's") asks the question before with that name in place of its
# one name, alone (session 27, the lead's probes: "amazon's" was searched as a follow-up and
# quoted Tesla's weaknesses; "not him, bezos" quoted Musk's reaction). A question before naming
# no name or several, or a correction naming more than two words, is read as before.
CORRECTIONS_27 = True
_CORRECTED = re.compile(
    r"^\s*(?:(?:no+|nope|sorry|oops|wait|hmm+|err?m?)\s*[,.!]*\s+)*(?:(?:wrong|not that)"
    r" (?:company|person|one|guy|name)\s*[,.;!]*\s+)?(?:i\s+mean(?:t)?\s*[,:]?\s+"
    r"|not (?:him|her|them|that one|it|that company|that guy|that)\s*[,.;:—–-]+\s*)"
    r"(?P<name>[^\W\d_][\w'’ -]{0,40}?)[?.! ]*$",
    re.IGNORECASE,
)
_NAMED = re.compile(r"[A-Za-z][\w-]*(?:['’]s)?")


def _bare(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


def corrected_question(text: str, before: str, is_name: Callable[[str], bool]) -> str | None:
    """The question `before` with its one name replaced by the name `text` corrects it to ("who is
    musk?" and "not him, bezos": "who is bezos?"), its possessive kept; None when `text` is no
    such correction or `before` names no name, or several (`is_name` says which words are)."""
    if not (RETRACTIONS and CORRECTIONS_27):
        return None
    found = _CORRECTED.match(text)
    if found is None or len(found["name"].split()) > 2:
        return None
    name = found["name"].strip()
    if not all(is_name(_bare(word)) for word in name.split()):
        return None
    named = [m for m in _NAMED.finditer(before) if is_name(_bare(m.group(0)))]
    if len(named) != 1 or _bare(named[0].group(0)).lower() == _bare(name).lower():
        return None
    was = named[0]
    possessive = was.group(0) != _bare(was.group(0)) and name == _bare(name)
    put = name + ("'s" if possessive else "")
    return before[: was.start()] + put + before[was.end() :]

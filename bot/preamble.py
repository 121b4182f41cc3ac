"""A message opening with who the asker is or why they ask ("I'm a journalist writing about EVs.
Can you tell me what Amazon is planning?"): the question after it is what is searched.

Searched whole, that message quoted the conclusion and "I'm an investor. Should I be worried
about my Tesla shares?" leaned on "investor" (session 27, the lead's probes): the asker's own
situation is no topic of the sources. A sentence stating a claim ("I heard Amazon is buying
Tesla.") or an opinion ("I think Tesla will win.") holds the topic, and the message is kept whole.
"""

from __future__ import annotations

import re

from bot.conversation import content_words

# On: the asker's introduction before a question is left out of the search (session 27;
# `benchmarks/quality.py --lead-27` measures it).
PREAMBLE_27 = True

_SENTENCES = re.compile(r"(?<=[.!])\s+(?=\S)")
# Who the asker is, what they do, where they come from: never a claim about the sources' topic.
_ABOUT_THE_ASKER = re.compile(
    r"^(?:(?:hi|hey|hello|ok|okay|so|well)[,!]? )*(?:(?:i'm|im|i am) (?:an? |the |new|just|curious"
    r"|confused|trying|writing|working|doing|researching|studying|preparing|looking|interested"
    r"|wondering|a bit|not sure|back)|i (?:work|write|study|teach|run|manage|cover|report)\b"
    r"|my (?:boss|manager|teacher|editor|friend|team|class|professor|wife|husband|colleague)\b"
    r"|(?:as|being) an? \w+|i (?:was|have been|'ve been) (?:reading|looking|researching|asked"
    r"|wondering|curious|told)|quick question|random question|question for you|one more thing)",
    re.IGNORECASE,
)
# Words that name no topic of their own: "what does the article say?" needs the sentence before.
_NAMES_NOTHING = frozenset({"article", "say", "says", "think", "know", "tell", "true", "idea"})


def without_preamble(text: str) -> str:
    """The question `text` ends with when every sentence before it is about the asker; `text`
    as it is otherwise."""
    if not PREAMBLE_27:
        return text
    *before, last = _SENTENCES.split(text.strip())
    if not before or any(s.rstrip().endswith("?") for s in before):
        return text
    if not all(_ABOUT_THE_ASKER.match(sentence.replace("’", "'")) for sentence in before):
        return text
    named = [w for w in content_words(last) if w not in _NAMES_NOTHING]
    return last if named else text


# On: a question embedded in a request ("tell me who rivian is", "do you know who rivian is?",
# "can you tell me who leads?", "i wonder what amazon's plan is") is asked directly, its copula
# back before the subject (session 30, the lead's probes and talk30's: each was refused, or
# labelled "The sources don't say anything about plan is").
EMBEDDED_30 = True
_EMBEDDING = re.compile(
    r"^(?:(?:hi|hey|hello|ok|okay|so|well|um|hmm)[,!]? )*(?:(?:can|could|would|will) (?:you|u)"
    r" (?:please )?(?:tell|show) me|(?:please )?tell me|(?:do|does) (?:you|u|anyone|anybody)"
    r" (?:happen to )?know|(?:have you|you have|got) any idea|any idea|i(?:'d| would) (?:like|love)"
    r" to know|i wonder|i'm wondering|im wondering|i want to know|i need to know|wondering)"
    r"\s+(?P<question>(?:who|what|where|when|why|how|which)\b.+)$",
    re.IGNORECASE,
)
# "who rivian is", "where the factories are": the subject before its copula, as said, not asked.
_SAID_ORDER = re.compile(
    r"^(?P<wh>who|what|where|when|why|which \w+|how(?: \w+)?)\s+(?P<subject>.+?)\s+"
    r"(?P<copula>is|are|was|were|will be)(?P<end>[?.!]*)$",
    re.IGNORECASE,
)


def asked_directly(text: str) -> str:
    """`text` with a question embedded in a request ("do you know who rivian is?") asked directly
    ("who is rivian?"); `text` as it is otherwise."""
    if not EMBEDDED_30:
        return text
    found = _EMBEDDING.match(" ".join(text.split()))
    if found is None:
        return text
    question = found["question"]
    said = _SAID_ORDER.match(question)
    if said is not None and said["subject"].split()[0].lower() not in _AUXILIARIES:
        question = f"{said['wh']} {said['copula']} {said['subject']}{said['end'] or '?'}"
    elif not _ASKED_ORDER.match(question):  # "tell me what the article says": left as it is
        return text
    return question if question.rstrip().endswith(("?", ".", "!")) else question + "?"


# A subject never starts with a verb: "what is amazon's plan" is asked already.
_AUXILIARIES = frozenset({
    "is", "are", "was", "were", "will", "does", "do", "did", "can", "could", "has", "have",
    "would", "should"
})  # fmt: skip
# Asked already: a question word and then its verb ("what is prime integration", "who leads").
_ASKED_ORDER = re.compile(
    rf"^(?:who|what|where|when|why|which \w+|how(?: \w+)?)(?:'s\b| (?:{'|'.join(_AUXILIARIES)})\b"
    r"|(?<=who) [a-z]+s\b)",
    re.IGNORECASE,
)

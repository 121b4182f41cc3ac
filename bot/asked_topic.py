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

"""Off-topic questions the cosine floor lets through, read from the question's own words.

The refusal floor (EVBOT_MIN_SCORE) compares a question with the passages as a whole. Two kinds
of off-topic question pass it, because a word of the question pulls it toward the sources while
the question asks about something they never mention (docs/quality.md, "Off-topic questions
refused (session 12)"):

- a name of the sources used as a modifier of a thing they never mention: "how big is the amazon
  rainforest", "what does a tesla coil do", "where do musk oxen live" (the company or the person
  is not what is asked about);
- a request for something the sources never mention: "Recommend me a good sci-fi novel",
  "Explain quantum entanglement simply".

Each is decided on the question alone, so a thread cannot lend it a topic. Whether the sources hold
a (stemmed) term, and whether they write a word only as a name, is asked of the index by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answer_type import ASKING_WORDS
from bot.conversation import ANAPHORA, FUNCTION_WORDS, MORE_FUNCTION_WORDS
from bot.lexical import terms

# A name of the sources (a word they only ever write capitalised: "Amazon", "Tesla", "Musk") used
# as a modifier of a word they never use, in a question whose other words the sources never use
# either. A modifier, not the name of who or what is asked about: after an article ("the amazon
# rainforest", "a tesla coil"; "my Amazon account" is the asker's own), or alone after a plural
# verb ("where do musk oxen live": "do Musk" cannot be; "do musk and bezos" can).
# `benchmarks/quality.py --off-topic` measures it.
NAME_AS_MODIFIER = True
# A request ("recommend", "write", "explain", ..., after "please" or "can you") whose object names
# no name of the sources and is mostly words they never use (at least two of them): "Recommend me
# a good sci-fi novel" (alone 0.243 over the floor), "Explain quantum entanglement simply"
# (answered in a thread). `benchmarks/quality.py --off-topic` measures it.
REQUEST_UNKNOWN_OBJECT = True

_ARTICLES = frozenset({"a", "an", "the"})
_PLURAL_VERBS = frozenset({"do", "are", "were", "have"})
_JOINED = frozenset({"and", "or", "&"})
_REQUEST_VERBS = frozenset({
    "recommend", "suggest", "write", "compose", "draft", "give", "explain", "summarize",
    "summarise", "translate", "tell", "name", "list", "describe", "fix", "solve", "help", "teach",
    "show", "make", "create", "generate", "find", "calculate", "convert", "define",
})  # fmt: skip
_POLITE = frozenset({"please", "pls", "plz", "kindly", "hey", "hi", "can", "could", "would",
                     "will", "you", "u"})  # fmt: skip
_NOT_NAMED = ASKING_WORDS | FUNCTION_WORDS | MORE_FUNCTION_WORDS | ANAPHORA
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CONTRACTED = re.compile(r"'(?:s|re|ll|ve|d|m|t)$")


def _words(question: str) -> list[tuple[str, bool]]:
    """The question's lower-cased words, each with whether it was possessive ("tesla's")."""
    found = []
    for word in _WORD.findall(question.lower().replace("’", "'")):
        possessive = word.endswith("'s")
        found.append((_CONTRACTED.sub("", word), possessive))
    return found


def _content(word: str) -> bool:
    """A word that names something: not the question's grammar, a number or a stopword."""
    return word not in _NOT_NAMED and not word.isdigit() and bool(terms([word])[0])


def _unknown_to(holds_term: Callable[[str], bool]) -> Callable[[str], bool]:
    """Whether the sources never use a word: none of its stemmed terms is in the index."""
    return lambda word: not any(map(holds_term, terms([word])[0]))


def name_as_modifier(
    question: str, holds_term: Callable[[str], bool], written_as_name: Callable[[str], bool]
) -> bool:
    """Whether a name of the sources modifies a word they never use, in a question whose other
    content words they never use either (`NAME_AS_MODIFIER`). `holds_term(term)`: a passage holds
    the stemmed term; `written_as_name(word)`: the sources use the word, only capitalised."""
    unknown = _unknown_to(holds_term)
    words = _words(question)
    known = {w for w, _ in words if _content(w) and not unknown(w)}
    modifying = False
    for at, (word, possessive) in enumerate(words[1:-1], start=1):
        if word not in known or possessive:
            continue
        head = words[at + 1][0]
        if not _content(head) or not unknown(head):
            continue
        before = words[at - 1][0]
        joined = at + 2 < len(words) and words[at + 2][0] in _JOINED
        modifying = modifying or before in _ARTICLES or (before in _PLURAL_VERBS and not joined)
    # Every word the sources use is a name (looked up last: it reads passages).
    return modifying and all(map(written_as_name, known))


def request_unknown_object(
    question: str, holds_term: Callable[[str], bool], written_as_name: Callable[[str], bool]
) -> bool:
    """Whether the question is a request whose object names no name of the sources and is
    mostly words they never use (`REQUEST_UNKNOWN_OBJECT`)."""
    unknown = _unknown_to(holds_term)
    words = [w for w, _ in _words(question)]
    while words and words[0] in _POLITE:
        words = words[1:]
    if not words or words[0] not in _REQUEST_VERBS:
        return False
    asked = [w for w in words[1:] if _content(w)]
    unused = [w for w in asked if unknown(w)]
    if len(unused) < 2 or 2 * len(unused) <= len(asked):
        return False
    return not any(written_as_name(w) for w in asked if w not in unused)


def off_topic(
    question: str, holds_term: Callable[[str], bool], written_as_name: Callable[[str], bool]
) -> bool:
    """Whether the question asks about something the sources never mention, by the rules on."""
    if REQUEST_UNKNOWN_OBJECT and request_unknown_object(question, holds_term, written_as_name):
        return True
    return NAME_AS_MODIFIER and name_as_modifier(question, holds_term, written_as_name)

"""A misspelt name in a question read as the sources' name it is one typo from: "who is rivain"
was refused and "who is panasonc" too, as the model's word pieces of a typo match nothing.

Only a word neither the sources nor an English word list know is read again, and only when
exactly one name of the sources is one edit away (a letter left out, added, changed, or two
swapped): "wher" is one edit from both "when" and "where" and stays as typed, "greek" is an English
word and is not "green", and "jeffs" is "jeff" with an ending, no typo. Names only: a typo of a
word of their prose ("greenr") is read well enough by the model, and respelt it moved the right
passage out of the top 3 ("how could bezos make his car plants greener").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache
from typing import Any

from bot import request_words
from bot.lexical import is_chat_word
from bot.request_words import REQUEST_WORDS

# On: a misspelt word is read as the sources' word one edit from it (session 23;
# `benchmarks/quality.py --lead-23` measures it).
SPELLING = True
# Shorter words are one edit from too many others to tell which was meant ("wher", "teh").
SHORTEST = 5

_WORD = re.compile(r"[A-Za-z]+")
# On: a contraction typed without its apostrophe ("whos rivian", "wheres the hq") is read with it
# (session 24): "whos rivian" was refused, "who's rivian" answered ("whos" counted as a word the
# sources lack). Only forms that are no English word of their own ("its", "well", "were", "lets",
# "shell" are), and not "whats": the readers take it as typed, and spelt "what's" two tuning
# questions were labelled partial ("whats the big hurdle for amazon here ...").
APOSTROPHES = True
_APOSTROPHE_LESS = {
    "whos": "who's", "wheres": "where's", "hows": "how's", "whens": "when's",
    "whys": "why's", "thats": "that's", "theres": "there's", "isnt": "isn't", "arent": "aren't",
    "wasnt": "wasn't", "werent": "weren't", "doesnt": "doesn't", "dont": "don't",
    "didnt": "didn't", "cant": "can't", "wont": "won't", "wouldnt": "wouldn't",
    "couldnt": "couldn't", "shouldnt": "shouldn't", "hasnt": "hasn't", "havent": "haven't",
    "youre": "you're", "theyre": "they're", "im": "i'm", "ive": "i've",
}  # fmt: skip
_APOSTROPHE_LESS_WORD = re.compile(rf"\b(?:{'|'.join(_APOSTROPHE_LESS)})\b", re.IGNORECASE)


def with_apostrophes(text: str) -> str:
    """`text` with each contraction typed without its apostrophe spelled with it ("whos" ->
    "who's"; "Whos" -> "Who's")."""
    if not APOSTROPHES:
        return text

    def spelled(found: re.Match[str]) -> str:
        typed = found.group()
        meant = _APOSTROPHE_LESS[typed.lower()]
        return meant.capitalize() if typed[0].isupper() else meant

    return _APOSTROPHE_LESS_WORD.sub(spelled, text)


@cache
def _checker() -> Any:
    from spellchecker import SpellChecker  # loads its word list (a third of a second): once

    return SpellChecker()


def one_edit_away(word: str) -> set[str]:
    """Every string one edit from `word`: a letter deleted, swapped with the next, changed or
    inserted (Damerau's four, pyspellchecker's `edit_distance_1`)."""
    return _checker().edit_distance_1(word)


def is_english_word(word: str) -> bool:
    """Whether pyspellchecker's English word list holds `word` (lower case)."""
    return word in _checker().word_frequency.dictionary


# On: a typo of a word of the sources' prose ("factoris", "inovations"), no English word and not
# a word of the sources as written, is read as the English word list's correction of it when the
# sources write that word (session 31, the lead's probes: "were will the factoris be" quoted
# Europe and Asia, "wat r the inovations" was refused; BM25 reads "factoris" by its stem, the
# model by its word pieces).
PROSE_TYPOS_31 = True


# The words whose typos the request readers respell themselves (`request_respelt`): "secnd" is
# "second" to them, and pyspellchecker's "send" would hide it.
_REQUEST_TYPOS = REQUEST_WORDS | request_words.PARTS_WORDS_30


def prose_typo(typed: str, terms: Callable[[str], Collection[str]]) -> str | None:
    """The word list's correction of `typed` when the sources write it (`terms`: its terms in
    their keyword index) and the keyword index reads `typed` as the same terms or as none, else
    None."""
    if not PROSE_TYPOS_31:
        return None
    if is_chat_word(typed):  # "lowkey" is no typo of "looked"
        return None
    near = one_edit_away(typed)
    if not _REQUEST_TYPOS.isdisjoint(near):  # "secnd": the request readers' own
        return None
    # pyspellchecker's correction among the words one edit away (its own `correction` would try
    # two edits too: seconds for a long unknown word); "jeffs", "greenr": letters after a word
    # are an ending, as for names
    checker = _checker()
    known = checker.known(near)
    meant = max(sorted(known), key=lambda word: checker.word_frequency[word]) if known else None
    if not meant or typed.startswith(meant) or not terms(meant):
        return None
    typed_terms = set(terms(typed))
    return meant if not typed_terms or typed_terms == set(terms(meant)) else None


def spelled_as_the_sources(
    text: str,
    written: Callable[[str], bool],
    vocabulary: Callable[[], Collection[str]],
    known: Callable[[str], bool],
    is_name: Callable[[str], bool],
    terms: Callable[[str], Collection[str]] | None = None,
) -> str:
    """`text` with each word the sources (`written`) and the word list (`known`) lack replaced
    by the only word of the sources (`vocabulary`, lower case, asked for only then: a large
    index's words are read for a typo, not for every question) one edit from it, where there is
    exactly one and the sources write it as a name (`is_name`); with `terms` (a word's terms in
    the sources' keyword index), a typo of their prose as `prose_typo` reads it."""
    if not SPELLING:
        return text

    def respelt(found: re.Match[str]) -> str:
        typed = found.group()
        word = typed.lower()
        if len(word) < SHORTEST or known(word):
            return typed
        words = vocabulary()
        # "jeffs", "thanx": letters after a word of the sources are an ending, not a typo
        near = set() if written(word) else {
            w for w in one_edit_away(word) if w in words and not word.startswith(w)
        }  # fmt: skip
        if len(near) == 1 and is_name(next(iter(near))):
            (meant,) = near
            return meant.capitalize() if typed[0].isupper() else meant
        prose = prose_typo(word, terms) if terms is not None and word not in words else None
        if prose is not None:  # "factoris": "factories"
            return prose.capitalize() if typed[0].isupper() else prose
        return typed

    return _WORD.sub(respelt, text)


# On: a request read from the articles' structure with a typo in its words ("summarize teh
# article", "waht are the sections", "can u giv me a summry") is read as typed right (session 26,
# the lead's probes: each was refused). Only those readers see the respelling, never the search.
REQUEST_TYPOS_26 = True
# On: chat spellings of a request's question words ("hw many times is tesla mentioned", "wat
# does ev stand for") are written out for those readers too (session 28, the lead's probes: both
# were searched). Not for the search: bot.lexical measured "wat"/"whats" there, each lost a
# question.
REQUEST_SHORTHAND_28 = True
_REQUEST_SHORTHAND = {
    "hw": "how", "wat": "what", "wot": "what", "wht": "what", "wut": "what",
    "wats": "what's", "whos": "who's", "hows": "how's", "wer": "where", "wen": "when",
}  # fmt: skip


def request_respelt(text: str, written: Callable[[str], bool]) -> str:
    """`text` with each word of three letters or more that neither the request words
    (`REQUEST_WORDS`) nor the sources (`written`) hold replaced by the only request word one edit
    from it; `text` as given when no word is."""
    if not REQUEST_TYPOS_26:
        return text

    def respelt(found: re.Match[str]) -> str:
        word = found.group().lower()
        if REQUEST_SHORTHAND_28 and word in _REQUEST_SHORTHAND:
            return _REQUEST_SHORTHAND[word]
        words = (
            REQUEST_WORDS | request_words.PARTS_WORDS_30
            if request_words.PARTS_TYPOS_30
            else REQUEST_WORDS
        )
        if len(word) < 3 or word in words or written(word):
            return found.group()
        if REQUEST_SHORTHAND_28 and is_english_word(word):  # "many" is no typo of "any"
            return found.group()
        near = one_edit_away(word) & words
        return next(iter(near)) if len(near) == 1 else found.group()

    return _WORD.sub(respelt, text)

"""Questions written in another script ("特斯拉和亚马逊谁会赢", "кто победит тесла или амазон"): the
model and the sources are English, so such a question was refused as one "the sources don't
cover", which blames the sources for what is the language. They are told which language the
bot reads instead.

Only the script is read (Unicode's letter names), never the words: a question in a Latin-script
language ("¿quién es jeff bezos?") shares names and short words with English, and telling it
from chat spelling ("ngl tesla kinda cooked fr") needs word lists of every language
(pyspellchecker's take 3.8 s and 220 MB to load), which a rare message does not earn.
"""

from __future__ import annotations

import re
import unicodedata

# On: a question mostly in a script other than Latin gets ONLY_ENGLISH (session 24;
# `benchmarks/quality.py --lead-24` measures it).
OTHER_SCRIPTS = True
# A message is in another script when fewer than this share of its letters are Latin.
LATIN_SHARE = 0.5
ONLY_ENGLISH = (
    "Sorry, I can only read questions in English (the sources are in English). Ask it in "
    "English and I'll answer from the sources."
)


def in_another_script(text: str) -> bool:
    """Whether most letters of `text` are of a script other than Latin (Chinese, Cyrillic,
    Arabic, Greek, ...); a message without letters is not."""
    if not OTHER_SCRIPTS:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    return latin < LATIN_SHARE * len(letters)


# On: a question in another Latin-script language that the search refuses ("¿dónde construirá
# amazon sus fábricas?", "che cosa fa amazon?") gets ONLY_ENGLISH instead of "the sources don't
# cover that question", and asking for another language ("can you answer in french?", "do you
# speak german?") gets it too (session 27, the lead's probes: each was refused). A foreign
# question the search answers ("quién es musk?" quotes Musk) keeps its answer. Function words
# only, a handful per language: enough for a refused message, no word lists to load.
LATIN_LANGUAGES_27 = True
_FOREIGN_WORDS = frozenset({
    # Spanish
    "qué", "quién", "quiénes", "dónde", "cómo", "cuándo", "cuál", "cuánto", "por", "para", "el",
    "los", "las", "del", "sus", "una", "es", "son", "está", "y", "pero", "también", "muy",
    # French
    "qui", "quoi", "où", "quand", "pourquoi", "comment", "est", "sont", "le", "les", "des", "du",
    "une", "et", "avec", "dans", "ses", "leur", "cette", "il", "elle",
    # German
    "wer", "was", "wo", "wann", "warum", "wie", "ist", "sind", "der", "die", "das", "und", "mit",
    "ein", "eine", "nicht", "auch", "von", "für", "über",
    # Italian and Portuguese
    "che", "cosa", "chi", "dove", "perché", "sono", "di", "della", "quem", "onde", "não",
    "são", "uma", "com", "também",
})  # fmt: skip
_ENGLISH_WORDS = frozenset({
    "the", "is", "are", "was", "what", "who", "where", "when", "why", "how", "does", "do", "did",
    "of", "and", "to", "in", "a", "an", "it", "its", "with", "will", "be", "can", "about", "for",
})  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_LANGUAGES = (
    r"(?:french|spanish|german|italian|portuguese|dutch|chinese|japanese|korean|russian|arabic"
    r"|hindi|polish|turkish|swedish|another language|other languages|a different language)"
)
_ASKS_LANGUAGE = re.compile(
    rf"^(?:(?:can|could|would|will|do) (?:you|u) )?(?:please )?(?:(?:answer|reply|respond|talk"
    rf"|write|speak|chat|say (?:it|that|this)) (?:to me )?in {_LANGUAGES}|speak {_LANGUAGES}"
    rf"|translate (?:it|that|this|the (?:answer|article))? ?(?:to|into) {_LANGUAGES}"
    rf"|(?:in )?{_LANGUAGES}(?: please)?|habla(?:s)? español|parle[sz]?[- ]vous français"
    r"|sprichst du deutsch)[?.! ]*$",
    re.IGNORECASE,
)


def in_another_language(text: str) -> bool:
    """Whether `text` reads as a question in another Latin-script language: two or more of its
    words are function words of Spanish, French, German, Italian or Portuguese, none English."""
    if not LATIN_LANGUAGES_27:
        return False
    words = [w.lower() for w in _WORDS.findall(text)]
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    return foreign >= 2 and not any(w in _ENGLISH_WORDS for w in words)


def asks_for_another_language(text: str) -> bool:
    """Whether `text` asks the bot to answer in another language (and nothing else)."""
    return LATIN_LANGUAGES_27 and bool(_ASKS_LANGUAGE.match(" ".join(text.split())))

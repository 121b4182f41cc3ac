"""A company named in lower case, in the place of one, that the sources never write.

Session 26 (docs/quality-log.md, "Questions the sources do not answer (session 26)"): "is amazon
partnering with lg?", "is bezos teaming up with gm", "is amazon buying cells from catl", "does
amazon use byd batteries", "what about gm": the acronym rule (`bot.unsaid.unmentioned_names`)
reads names typed in capitals only, so a chat user's lower-case name went unread and the closest
passage was presented as the answer. A word in the place of a company (the partner dealt with,
the supplier bought from, the maker of a part used, the subject of a bare "what about …") that no
passage writes, that is no English word (pyspellchecker's list) and no chat word ("rn", "tbh"),
names a company the sources do not mention. `benchmarks/quality.py --unsaid-26 names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.lexical import is_chat_word, terms
from bot.spelling import is_english_word

LOWER_CASE_NAMES_26 = True

_NAME = r"(?P<name>[a-z][a-z0-9-]*)"
_COMPANY_PLACES = (
    # The partner: after "with" following a verb of dealing.
    re.compile(
        r"\b(?:partner|partners|partnered|partnering|team|teams|teamed|teaming|work|works|worked|"
        r"working|collaborate|collaborates|collaborated|collaborating|deal|deals|dealing|talks|"
        r"talking|sign|signs|signed|signing|join|joins|joined|joining|merge|merges|merged|merging|"
        r"tie|ties|tied|tying|ally|allied|allying)(?: up| forces| a deal| deals)? with "
        rf"(?:(?:a|an|the) )?{_NAME}\b"
    ),
    # The supplier: after "from" following a verb of buying.
    re.compile(
        r"\b(?:buy|buys|bought|buying|source|sources|sourced|sourcing|get|gets|got|getting|order|"
        r"orders|ordered|ordering|license|licenses|licensed|licensing|purchase|purchases|"
        rf"purchased|purchasing)(?: [a-z-]+){{0,2}} from {_NAME}\b"
    ),
    # The maker of a part used.
    re.compile(
        r"\b(?:use|uses|used|using)"
        rf" {_NAME} (?:batteries|battery|cells|cell|chips|chip|software|motors|platform|tech)\b"
    ),
    # A bare "what about …" naming one word.
    re.compile(rf"^(?:what|how) about {_NAME}[?.!]*$"),
)


# Session 27 (docs/quality-log.md, "Questions the sources do not answer (session 27)"): "who is
# tesla's cfo", "who's the cto of amazon": a role typed in lower case, in the place of one, that no
# passage writes and that is no English word ("cfo") is what the sources don't say, as the acronym
# rule reads "CFO" typed in capitals. `benchmarks/quality.py --unsaid-27 roles`.
LOWER_CASE_ROLES_27 = True
_ROLE_PLACE = re.compile(
    r"^who(?:'s| is| was| will be| would be)? (?:the |its |their |[a-z0-9-]+'s |[a-z0-9-]+s' )?"
    rf"{_NAME}(?: (?:of|at|for) (?:[a-z0-9'-]+ ?){{1,4}})?[?.!]*$"
)


def _places() -> list[re.Pattern[str]]:
    """The patterns whose `name` group is where a company (since session 27, a role) goes."""
    return [*_COMPANY_PLACES, _ROLE_PLACE] if LOWER_CASE_ROLES_27 else list(_COMPANY_PLACES)


def unwritten_lower_case_name(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """["lg"] for "is amazon partnering with lg?" (`text` lower case) when no passage writes the
    name (`holds_term`: a stemmed term is in the index) and it is neither an English word nor a
    chat word; else none."""
    if not LOWER_CASE_NAMES_26:
        return []
    for pattern in _places():
        for found in pattern.finditer(text):
            name = found["name"]
            if len(name) < 2 or is_english_word(name) or is_chat_word(name):
                continue
            stems = [t for word in terms([name]) for t in word]
            if stems and not any(map(holds_term, stems)):
                return [name]
    return []

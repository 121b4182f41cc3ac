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

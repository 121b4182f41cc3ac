"""A count the asker assumes of what is asked ("what are the three weaknesses?", "name tesla's two
rivals") is read as no word of the question: "the weaknesses" is what the sources name.

Searched with it, "what are the three weaknesses?" was refused and "what are tesla's three
weaknesses?" labelled "The sources don't say anything about three weaknesses" (session 31, the
lead's probes), though the sentence listing them answers both. A count the sources give ("the 4
innovations") is found either way: the list is quoted whole. Not "two": "the two billionaires" is
the sources' own phrase, and "the two tycoons" asks of the two rivals (taken out, two tuning
questions lost their passage).
"""

from __future__ import annotations

import re

# On: the asker's count before a plural noun is taken out of the question (session 31;
# `benchmarks/quality.py --lead-31 … countassumed` measures it).
COUNT_ASSUMED_31 = True
_COUNTED_NOUN = re.compile(
    r"\b(?P<owner>the|its|their|his|her|[a-z]+'s) (?:three|four|five|six|seven|eight|nine|ten"
    r"|[3-9]|1\d) (?=(?:main |key |big |biggest |major )?[a-z]+s\b)",
    re.IGNORECASE,
)


def without_assumed_count(question: str) -> str:
    """`question` without a count between "the" (or an owner) and a plural noun ("what are the
    three weaknesses?": "what are the weaknesses?"); `question` as given when it has none."""
    if not COUNT_ASSUMED_31:
        return question
    typed = question.replace("’", "'")
    taken = _COUNTED_NOUN.sub(lambda found: f"{found['owner']} ", typed)
    return question if taken == typed else taken

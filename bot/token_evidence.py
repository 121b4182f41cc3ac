"""Per-word token evidence: how well each word of a question matches the cited passages' tokens.

Late interaction gives each question token its best match in each cited passage
(`bot.retrieval.TokenEvidence`); these helpers turn that into words: a word's best match
(`word_evidence`), the words matching weakly (`weak_words`), the MaxSim over the passages' union
(`maxsim_over`), and whether the thing a question asks for by name (`bot.unsaid.asked_focus`) is
matched weakly, by the cited passages or by the quote itself, or said in other words. The answer
layer reads the thresholds at call time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from bm25s.stopwords import STOPWORDS_EN_PLUS

from bot.lexical import terms
from bot.question_kind import ASKING_WORDS, label_text
from bot.unsaid import asked_focus, substitution_z

# Token evidence (late interaction's per-token best matches over the cited passages; docs/
# quality-log.md, "Outcomes from token evidence (session 8)"). A question whose two weakest content
# words each match no token of the cited passages above WEAK_MATCH is labelled partial, naming
# them ("interest", "loans"): one weak word alone is as often an in-domain paraphrase ("borrow",
# "account") as a thing the sources lack. Off (None): at 0.31 with RESCUE_MAXSIM 0.37, tuning
# near-domain 54 -> 62 of 95 not presented as answered with no in-domain answer labelled, but held
# out 48 -> 49 of 69 for 2 more of 124 in-domain answers labelled or refused. `benchmarks/
# quality.py --token-evidence 0.31:0.37` measures it.
WEAK_MATCH: float | None = None
# A question under the cosine floor is not refused when its MaxSim over the cited passages (the
# IDF-weighted mean of its tokens' best matches) reaches this: off-topic tuning questions reach
# at most 0.35. None: off. It is labelled partial when any content word matches under
# RESCUE_WEAK_MATCH ("How heavy is the Rivian R1S?": "heavy" 0.12).
RESCUE_MAXSIM: float | None = None
RESCUE_WEAK_MATCH = 0.3


def word_evidence(
    question: str, words: Sequence[str], best: Sequence[Sequence[float]]
) -> dict[str, float]:
    """Each content word of `question` and its best match in any passage: the mean of its
    pieces' best token matches (`best[passage][token]`, tokens labelled by `words`), highest
    over the passages. The question's own grammar (`ASKING_WORDS`) and one-letter pieces
    ("Amazon's" s) are left out, and so are words of a search's context the question lacks."""
    asked = set(re.findall(r"[a-z0-9]+", question.lower()))
    pieces: dict[str, list[int]] = {}
    for at, word in enumerate(words):
        if len(word) > 1 and word in asked and word not in ASKING_WORDS:
            pieces.setdefault(word, []).append(at)
    if not best:
        return {}
    matches = np.asarray(best, dtype=np.float64)
    return {w: float(matches[:, at].mean(axis=1).max()) for w, at in pieces.items()}


# Session 17 (docs/quality-log.md, "Questions the sources do not answer (session 17)"): only the
# words the sources never use (no passage holds a stemmed term of them) and no stopword of bm25s's
# longer English list count as weak: "sticker … ballpark", "van … target", "perfume … deer", not
# "back" of "hit back". Off; `benchmarks/quality.py --unsaid-17 weak` measures it with WEAK_MATCH
# 0.31 (`WEAK_UNKNOWN_MATCH`), `weak3` with at least WEAK_UNKNOWN_AT_LEAST such words.
WEAK_UNKNOWN_ONLY = False
WEAK_UNKNOWN_MATCH = 0.31
WEAK_UNKNOWN_AT_LEAST = 2


def weak_words(
    evidence: dict[str, float],
    threshold: float,
    at_least: int = 2,
    holds_term: Callable[[str], bool] | None = None,
) -> list[str]:
    """The words matching under `threshold`, in the question's order, when at least `at_least`
    of them do; else none. With WEAK_UNKNOWN_ONLY and `holds_term` (whether a passage holds a
    stemmed term), only words the sources never use count, at least WEAK_UNKNOWN_AT_LEAST."""
    weak = [w for w, e in evidence.items() if e < threshold]
    if WEAK_UNKNOWN_ONLY and holds_term is not None:
        at_least = max(at_least, WEAK_UNKNOWN_AT_LEAST)
        stopwords = set(STOPWORDS_EN_PLUS)
        weak = [w for w in weak if w not in stopwords and not any(map(holds_term, terms([w])[0]))]
    return weak if len(weak) >= at_least else []


# Session 18 (docs/quality-log.md, "Questions the sources do not answer (session 18)"): with
# WEAK_UNKNOWN_ONLY, the weak words label the answer only when the quote does not answer them in
# meaning either: their mean pull toward the quote (`bot.unsaid.substitution_z`, a z-score among
# random everyday nouns swapped in) under this, session 7's UNMATCHED_Z. Tuning, each compose of an
# answer: "perfume … deer" -1.04, "mri scanner" -0.61, against chatty paraphrases from -0.07
# ("main fight zones" beside another ranking's quote) to 2.32 ("bring to the table"). Off (None):
# at -0.3 tuning off-topic answered alone 19 -> 16 of 201, in threads 416 -> 340 of 4,020, nothing
# else moves on either side, but an answer it reads costs ~1 s of encoding (about 2 % of answers).
# `benchmarks/quality.py --unsaid-18 z-0.3` measures it.
WEAK_UNANSWERED_Z: float | None = None
# "what kind of", "sort of", "type of": the question's grammar, not a thing the sources lack.
_KIND_OF = re.compile(r"\b(kind|sort|type)s? of\b")


def unanswered_weak_words(
    question: str,
    weak: Sequence[str],
    quote: str,
    encode: Callable[[Sequence[str]], np.ndarray],
    at_least: int,
) -> list[str]:
    """`weak` (the words `weak_words` found) less a "kind of"'s noun, when at least `at_least` are
    left and the quote answers them no better than a random noun (WEAK_UNANSWERED_Z); else none."""
    if WEAK_UNANSWERED_Z is None:
        return list(weak)
    grammar = set(_KIND_OF.findall(question.lower()))
    left = [w for w in weak if w not in grammar]
    if not left or len(left) < at_least:
        return []
    pull = substitution_z(question, left, quote, encode)
    return left if float(pull.mean()) < WEAK_UNANSWERED_Z else []


def maxsim_over(weights: Sequence[float], best: Sequence[Sequence[float]]) -> float:
    """The IDF-weighted mean of each token's best match over all the passages (MaxSim against
    their union); 0 without tokens."""
    w = np.asarray(weights, dtype=np.float64)
    if not len(best) or w.sum() <= 0:
        return 0.0
    return float(np.asarray(best, dtype=np.float64).max(axis=0) @ w / w.sum())


# The thing a question asks for by name ("What interest rate does Amazon offer?", `asked_focus`)
# whose weakest word matches no token of the cited passages above this is labelled partial,
# naming it: the rest of the question may match well ("Amazon", "offer") while the sources never
# speak of the thing asked for. Tuning: near-domain foci 0.18-0.25 ("interest rate", "bank",
# "trim levels"), in-domain ones from 0.275 ("weapons", "materials"), hence 0.26
# (docs/quality-log.md, "Near-domain questions (session 9)"; `benchmarks/quality.py --asked-thing
# off` measures without).
FOCUS_WEAK_MATCH: float | None = 0.26


def weak_focus(question: str, evidence: dict[str, float], threshold: float) -> list[str]:
    """[the focus] when a word of the thing `question` asks for by name matches under
    `threshold` in `evidence` (`word_evidence`); else none."""
    name = asked_focus(question)
    if name is None:
        return []
    matched = [evidence[w] for w in re.findall(r"[a-z0-9]+", name) if w in evidence]
    return [name] if matched and min(matched) < threshold else []


# The thing asked for by name, matched weakly by the quoted sentence(s) themselves: its weakest
# word's best token match within the quote (`TokenEvidence.sentences`) under this, and within the
# cited passages under FOCUS_CITED_CEILING, labels the answer partial. None: off.
FOCUS_QUOTE_WEAK_MATCH: float | None = 0.24
FOCUS_CITED_CEILING = 0.45


def weak_focus_in_quote(
    question: str, in_quote: dict[str, float], cited: dict[str, float], threshold: float
) -> list[str]:
    """[the focus] when its weakest word matches under `threshold` in the quote (`in_quote`,
    `word_evidence` over the quoted sentences) and under FOCUS_CITED_CEILING in `cited`."""
    name = asked_focus(question)
    if name is None:
        return []
    words = re.findall(r"[a-z0-9]+", name)
    quoted = [in_quote[w] for w in words if w in in_quote]
    anywhere = [cited[w] for w in words if w in cited]
    weak = quoted and min(quoted) < threshold and anywhere and min(anywhere) < FOCUS_CITED_CEILING
    return [name] if weak else []


# Session 11 (docs/quality-log.md, "Near-domain (session 11)"; `benchmarks/quality.py --near-11`).
# The attribute asked for by name that no cited passage uses ("what's amazon's carbon goal?": no
# "goal") is still said when the quote matches its every word this well by the model's token
# vectors ("pledged to become carbon-neutral"): the lexical check alone labelled a paraphrase.
ATTRIBUTE_SAID_IN_OTHER_WORDS = True


def said_in_other_words(names: Sequence[str], in_quote: dict[str, float]) -> bool:
    """Whether every word of `names` matches a token of the quote at least FOCUS_CITED_CEILING."""
    words = [w for name in names for w in re.findall(r"[a-z0-9]+", name) if w in in_quote]
    return bool(words) and min(in_quote[w] for w in words) >= FOCUS_CITED_CEILING


# Session 27 (docs/quality-log.md, "Questions the sources do not answer (session 27)"): in a yes/no
# question, a noun of the predicate a rare name is asked about with (`bot.unsaid.unsaid_predicate`)
# that the quote matches this well by the model's token vectors (`said_in_other_words`) is said,
# in the sources' own word for it: "will alexa be in the car" is answered by "these EVs may offer
# the most sophisticated voice-controlled systems" ("car" 0.47 in the quote; "does lucid make an
# suv?" 0.36 stays labelled). Not in a wh-question, whose wh-phrase is what it asks ("what discount
# do prime members get on the amazon car": "car" said does not say the discount).
# `benchmarks/quality.py --unsaid-27 other`.
PREDICATE_IN_OTHER_WORDS_27 = True
_WH_OPENING = re.compile(r"^(?:what|whats|what's|which|who|whos|who's|whose|where|when|why|how)\b")


def unsaid_in_other_words(
    nouns: Sequence[str], in_quote: dict[str, float], question: str
) -> list[str]:
    """`nouns` less those the quote says in other words (each word's token match in the quote,
    `in_quote`, at least FOCUS_CITED_CEILING), when `question` is a yes/no question."""
    if not PREDICATE_IN_OTHER_WORDS_27 or _WH_OPENING.match(label_text(question)):
        return list(nouns)
    return [noun for noun in nouns if not said_in_other_words([noun], in_quote)]

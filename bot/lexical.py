"""The lexical (BM25) side of the index: stemmed English terms scored with bm25s.

A question's words can also reach the corpus's words that mean about the same ("boss" ->
"leader", "ceo"; "fight" -> "battle"): each question word adds the index's terms whose words lie
nearest it in the embedding model's own input word vectors, at a weight under 1
(`WordNeighbours`; docs/quality-log.md, "BM25 query expansion").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# The word each term was stemmed from most often, by term id, beside bm25s's files (its
# neighbours are found by that word's vector: a stem such as "compani" is no word).
WORDS = "words.json"
# Query expansion for an index of at most this many terms (`WordNeighbours`).
EXPANSION_TERMS = 4096

# Words about the text or the conversation, not about what is asked: English's grammar of
# talking about a text, whatever the sources are. The text named ("the article", "this piece",
# "the story with"), what it says with the text or "it" as subject ("what does it say about
# ford", "what the article says about musk"), a thing passively mentioned ("why is rivian
# mentioned"), the asker told ("remind me", "tell me") and a thing's bearing on the text ("how
# is rivian connected to this"). `about_the_topic` leaves them out.
_TEXT_NOUN = (
    r"(?:the|this|that|your|ur) (?:article|piece|story|text|post|writer|author|sources|passage"
    r"|essay|column|blog)(?:'s|’s)?"
)
_SAYING = (
    r"(?:say|says|said|saying|mention|mentions|mentioned|mentioning|talk about|talks about"
    r"|talked about|discuss|discusses|discussed|describe|describes|described|write|writes"
    r"|wrote|cover|covers|covered|note|notes|noted|claim|claims|claimed|think|thinks|believe"
    r"|believes|expect|expects|argue|argues|suggest|suggests|predict|predicts|feel|feels|list"
    r"|lists|call|calls)"
)
_ABOUT_THE_TEXT = (
    re.compile(
        rf"\b(?:(?:does|do|did|is|was)\s+)?(?:it|this|they|{_TEXT_NOUN})\s+"
        rf"(?:\w+ly\s+|also\s+|even\s+|ever\s+)?{_SAYING}\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<be>(?:is|are|was|were|be|been|being|gets?|got)(?:\s+[\w'’-]+){0,4}?)\s+"
        r"(?:mentioned|discussed|brought up|talked about|referenced|cited)\b"
        r"(?:\s+(?:in|by) (?:it|this|there|here|the \w+))?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:according to|in|from|by|of|per)\s+{_TEXT_NOUN}(?:\s+(?:view|opinion|eyes))?"
        r"(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_TEXT_NOUN}(?!\w)", re.IGNORECASE),
    re.compile(r"\b(?:tell|remind|show|give|explain to)\s+(?:me|us)\b(?:\s+again)?", re.I),
    re.compile(
        r"\b(?:connected|related|relevant|linked|tied|relate|connect|got to do|have to do)"
        r"\s+(?:to|with)\s+(?:any of |all of )?(?:this|that|it|here|all this|the \w+)\b",
        re.IGNORECASE,
    ),
)


def about_the_topic(question: str) -> str | None:
    """The question without its words about the text or the conversation (`_ABOUT_THE_TEXT`),
    when it has some and a word is left that is no function word; None otherwise."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    topic = question
    for pattern in _ABOUT_THE_TEXT:
        # A passive's verb "be" and its subject stay ("why is rivian mentioned": "why is rivian").
        topic = pattern.sub(lambda m: f" {m.groupdict().get('be') or ''} ", topic)
    topic = re.sub(r"\s+(?=[?.!,])", "", " ".join(topic.split()))
    if topic == re.sub(r"\s+(?=[?.!,])", "", " ".join(question.split())):
        return None

    def function_word(word: str) -> bool:
        base = word.lower().replace("’", "'").split("'")[0]
        lemmas = {x for found in dictionary_lemmas(base).values() for x in found}
        return base in ENGLISH_STOP_WORDS or bool(lemmas & ENGLISH_STOP_WORDS)

    # "what does the article say": nothing left to search by but function words.
    if all(map(function_word, re.findall(r"[\w'’]+", topic))):
        return None
    return topic


# Chat words that carry no topic ("how devoted are tesla owners tbh", "who is on top of the ev
# world rn", "does tesla have any weak spots or nah"): whatever the sources, no passage is about
# them, yet the question's vector and its token matches count them. `without_chat_words` leaves
# them out of a question searched as asked (bot.retrieval.CHAT_WORDS_OUT).
_CHAT_WORDS = re.compile(
    r"\b(?:tbh|ngl|imo|imho|rn|lol|lmao|fr|lowkey|highkey|deadass|tho|yo|or nah|or what"
    r"|and everything|and stuff)\b",
    re.IGNORECASE,
)
# A question mark or exclamation mark said twice or more ("about to end??") is said once.
_REPEATED_MARK = re.compile(r"([?!])\1+")


def is_chat_word(word: str) -> bool:
    """Whether `word` is a chat word that carries no topic ("imo", "lowkey": `_CHAT_WORDS`)."""
    return _CHAT_WORDS.fullmatch(word) is not None


def without_chat_words(question: str) -> str | None:
    """The question without its chat words (`_CHAT_WORDS`) and repeated marks, when it has
    some and a word is left; None otherwise."""
    if not _CHAT_WORDS.search(question) and not _REPEATED_MARK.search(question):
        return None  # not even its spacing is changed: the question is searched as asked
    plain = _REPEATED_MARK.sub(r"\1", _CHAT_WORDS.sub(" ", question))
    plain = re.sub(r"\s+(?=[?.!,])", "", " ".join(plain.split()))
    return plain if re.search(r"\w", plain) else None


# Chat spellings of common words ("what are ppl worried about", "y would bezos bother w cars",
# "what kinda new stuff"): the model's word pieces of "ppl" or "w" match nothing the sources write,
# the words spelled out do. `spelled_out` writes them out in a question searched as asked
# (bot.retrieval.CHAT_SHORTHAND). Not "r" ("where r the cars made" then read as a place on the
# map), "v"/"vs", "wat"/"whats" (measured, each lost a question), nor a word two ways ("prob").
_SHORTHAND = {
    "u": "you", "ur": "your", "ya": "you", "em": "them", "w": "with", "w/": "with",
    "w/o": "without", "n": "and", "ppl": "people", "b4": "before", "bc": "because",
    "cuz": "because", "abt": "about", "bout": "about", "tht": "that", "kinda": "kind of",
    "sorta": "sort of", "gotta": "got to", "thru": "through", "govt": "government",
    "pls": "please", "plz": "please", "rly": "really", "srsly": "seriously", "yr": "year",
    "yrs": "years", "esp": "especially",
}  # fmt: skip
# A shorthand as a whole word: not inside a word, an abbreviation ("U.S.") or a contraction;
# "y" only opening the question ("y would bezos bother"), elsewhere a name ("model y towing").
_SHORTHAND_WORD = re.compile(
    r"(?<![\w'’/.])("
    + "|".join(re.escape(word) for word in sorted(_SHORTHAND, key=len, reverse=True))
    + r"|(?<=^)y)(?![\w'’/.])",
    re.IGNORECASE,
)


def spelled_out(question: str) -> str | None:
    """The question with its chat spellings of common words written out (`_SHORTHAND`: "ppl"
    -> "people", "w" -> "with"), or None when it has none."""
    written = _SHORTHAND_WORD.sub(lambda found: _SHORTHAND.get(found[1].lower(), "why"), question)
    return None if written == question else written


def surnames_of_first_names(people: Iterable[str]) -> dict[str, str]:
    """Each first name (lower-cased) of `people` ("Jeff Bezos", as `bot.lookups.people_in` reads
    them) written before one surname only, with that surname: {"jeff": "bezos"}."""
    found: dict[str, set[str]] = {}
    for person in people:
        first, _, last = person.lower().partition(" ")
        if last:
            found.setdefault(first, set()).add(last)
    return {first: min(lasts) for first, lasts in found.items() if len(lasts) == 1}


def with_surnames(
    question: str, surnames: Mapping[str, str], is_word: Callable[[str], bool]
) -> str | None:
    """The question with the surname after each first name of `surnames` written without it
    ("what happens if elon stays on top" -> "... elon musk stays ..."), or None when it has none.
    Not a possessive ("jeff's company": measured, it lost a conversation), nor a first name before
    a word `is_word` does not know ("jeff goldblum": another person's surname)."""

    def named(found: re.Match[str]) -> str:
        after = found["after"]
        if after and not is_word(after.lower()):
            return found[0]
        return (
            f"{found['first']} {surnames[found['first'].lower()]}{found[0][len(found['first']) :]}"
        )

    changed = question
    for first, last in surnames.items():
        changed = re.sub(
            rf"\b(?P<first>{re.escape(first)})\b(?![’']s\b)(?!\s+{re.escape(last)}\b)"
            r"(?:\s+(?P<after>[a-z]+))?",
            named,
            changed,
            flags=re.IGNORECASE,
        )
    return changed if changed != question else None


@cache
def _stemmer() -> Any:
    try:
        import Stemmer
    except ImportError:  # stemming is an improvement, not a requirement
        return None
    return Stemmer.Stemmer("english")


@cache
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


# bm25s.tokenize's split (scikit-learn's CountVectorizer pattern).
_WORDS = re.compile(r"(?u)\b\w\w+\b")


def terms(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased, stop-worded, stemmed terms of each text (the same for passages and queries).

    bm25s.tokenize(stopwords="en", stemmer=...)'s steps, not the call: it builds three tqdm bars
    and a stopword set per call, 15 bars per answer (0.7 ms a call against 0.03 ms on the loaded
    machine, docs/scale.md); tests/test_scale.py checks the terms against bm25s's.
    """
    return [_stem(words) for words in _split(texts)]


def _split(texts: Sequence[str]) -> list[list[str]]:
    """Each text's lower-cased words, stopwords left out (unstemmed)."""
    stopwords = _stopwords()
    return [[w for w in _WORDS.findall(text.lower()) if w not in stopwords] for text in texts]


def _stem(words: list[str]) -> list[str]:
    stemmer = _stemmer()
    return stemmer.stemWords(words) if stemmer else words


# Another form of a word (docs/quality-log.md, "Short questions and other word forms (session
# 19)"): derivational endings as Snowball leaves them on a stem ("partner" + "ship", "charg" +
# "er", "loyal" + "ti"), read only after a root of at least DERIVED_ROOT letters.
# fmt: off
DERIVATIONAL_ENDINGS = frozenset((
    "er", "ers", "or", "ors", "ship", "ships", "ing", "iti", "ti", "ri", "al", "ion", "ation",
    "ment", "ness", "ist", "ism", "ive", "ic", "li", "abl", "ant", "ent", "anc", "enc", "i", "e",
    "ed", "s", "es",
))
# fmt: on
DERIVED_ROOT = 5
# Bounds of the word caches below: the words asked are anyone's, so an unbounded cache would grow
# for as long as the bot runs.
WORDS_CACHED = 8192


@lru_cache(maxsize=WORDS_CACHED)
def dictionary_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's dictionary entry of `word`: its lemmas by part of speech ({}: no word)."""
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(word))


def _lemma_set(word: str) -> frozenset[str]:
    return frozenset(lemma for lemmas in dictionary_lemmas(word).values() for lemma in lemmas)


def _derived(asked: str, written: str) -> bool:
    """One word's stem is the other's and a derivational ending ("partnership": "partner")."""
    shorter, longer = sorted(_stem([asked, written]), key=len)
    if len(shorter) < DERIVED_ROOT or shorter == longer or not longer.startswith(shorter):
        return False
    return longer[len(shorter) :] in DERIVATIONAL_ENDINGS


@lru_cache(maxsize=WORDS_CACHED)
def _part_initials(word: str) -> frozenset[str]:
    """The initials of a compound's two parts, each a noun of four letters or more, in the
    dictionary form of `word` ("headquartered": "headquarter" = head + quarter, "hq")."""
    found = set()
    for lemma in _lemma_set(word):
        for cut in range(4, len(lemma) - 3):
            left, right = lemma[:cut], lemma[cut:]
            if "NOUN" in dictionary_lemmas(left) and "NOUN" in dictionary_lemmas(right):
                found.add(left[0] + right[0])
    return frozenset(found)


@lru_cache(maxsize=8 * WORDS_CACHED)  # pairs of a word asked and a word written
def other_form(asked: str, written: str) -> bool:
    """Whether `written` (a word of the sources) is another form of `asked` (a question's word)
    that the model's tokens do not bridge: derived from the same root ("partners":
    "partnerships", "chargers": "charging") or the initials of a compound's parts ("hq":
    "headquartered"). Not the same word, nor an inflection of it ("car": "cars"), which the
    tokens match already. Lower-case words."""
    if asked == written or not asked.isalpha() or not written.isalpha():
        return False
    if _lemma_set(asked) & _lemma_set(written):
        return False
    if _derived(asked, written):
        return True
    # A dictionary word is no abbreviation.
    return (
        2 <= len(asked) <= 4 and not dictionary_lemmas(asked) and asked in _part_initials(written)
    )


def noun_against_verb(asked: str, written: str) -> bool:
    """Whether the dictionary reads one word only as a noun and the other only as a verb: an
    agent or thing ("investors") is not its act ("invested"). An -ing form may be a noun (a
    gerund: "chargers": "charging"), and a word the dictionary does not know is read as neither."""

    def noun_only(word: str) -> bool:
        kinds = dictionary_lemmas(word)
        return "NOUN" in kinds and "VERB" not in kinds

    def verb_only(word: str) -> bool:
        kinds = dictionary_lemmas(word)
        return "VERB" in kinds and not kinds.keys() & {"NOUN", "ADJ"} and not word.endswith("ing")

    return (noun_only(asked) and verb_only(written)) or (noun_only(written) and verb_only(asked))


@lru_cache(maxsize=8 * WORDS_CACHED)  # pairs of a word asked and a word written
def shortening(asked: str, written: str) -> bool:
    """Whether `asked` (four letters or more, no dictionary word) is a contraction of `written`
    (a dictionary word at least twice as long): its first two letters and its last, the rest in
    order ("govt": "government", "regs": "regulations"). Three letters are too few to tell the
    word ("tho"); a shared beginning alone ("three": "therefore", "liber": "liberating") is not
    one."""
    if len(asked) < 4 or len(written) < 2 * len(asked) or not asked.isalpha():
        return False
    if asked[:2] != written[:2] or asked[-1] != written[-1] or not written.isalpha():
        return False
    if dictionary_lemmas(asked) or not dictionary_lemmas(written):
        return False
    rest = iter(written[2:-1])
    return all(letter in rest for letter in asked[2:-1])


class LexicalIndex:
    def __init__(
        self, bm25: Any, words: list[str] | None = None, words_file: Path | None = None
    ) -> None:
        self._bm25 = bm25
        self._words = words
        self._words_file = words_file  # read on first use: a large index never needs them

    @property
    def words(self) -> list[str] | None:
        """The word behind each term id (None: a build from before they were kept)."""
        if self._words is None and self._words_file is not None:
            self._words = json.loads(self._words_file.read_text(encoding="utf-8"))
        return self._words

    def holds(self, term: str) -> bool:
        """Whether any passage holds `term` (a stemmed term, as `terms` gives it)."""
        return term in self._bm25.vocab_dict

    @property
    def term_count(self) -> int:
        """Terms in the vocabulary (bm25s's empty term left out)."""
        return max(len(self._bm25.vocab_dict) - 1, 0)

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        import bm25s

        split = _split(texts)
        stemmed = [_stem(words) for words in split]
        # Anserini's BEIR setting, which beat bm25s's default (1.5, 0.75) on SciFact train and
        # the shipped questions (benchmarks/fusion.py --bm25).
        bm25 = bm25s.BM25(k1=0.9, b=0.4)
        bm25.index(stemmed, show_progress=False)
        counts = Counter(word for words in split for word in words)
        word_of: dict[str, str] = {}
        for word, _ in counts.most_common():  # most frequent first: it names its stem
            word_of.setdefault(_stem([word])[0], word)
        vocab = bm25.vocab_dict
        words = [""] * len(vocab)
        for term, row in vocab.items():
            words[row] = word_of.get(term, term)
        return cls(bm25, words)

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)
        if self.words is not None:
            (directory / WORDS).write_text(json.dumps(self.words), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        import bm25s

        # Memory-mapped: the postings of a million passages stay on disk until a query reads them.
        bm25 = bm25s.BM25.load(str(directory), mmap=True, show_progress=False, verbosity=0)
        words_file = directory / WORDS
        return cls(bm25, words_file=words_file if words_file.exists() else None)

    def document_frequencies(self) -> np.ndarray:
        """How many passages hold each term, by term id."""
        return np.diff(np.asarray(self._bm25.scores["indptr"], dtype=np.int64))

    def passages_with(self, text: str) -> int:
        """How many passages hold at least one of `text`'s terms, read from the postings' lengths
        (no scoring)."""
        vocab = self._bm25.vocab_dict
        ids = list(dict.fromkeys(vocab[t] for t in terms([text])[0] if t in vocab))
        indptr, postings = self._bm25.scores["indptr"], self._bm25.scores
        if len(ids) == 1:
            return int(indptr[ids[0] + 1] - indptr[ids[0]])
        rows = [postings["indices"][indptr[i] : indptr[i + 1]] for i in ids]
        return len(np.unique(np.concatenate(rows))) if rows else 0

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros when no query term is in the corpus)."""
        n = int(self._bm25.scores["num_docs"])
        known = [t for t in terms([query])[0] if t in self._bm25.vocab_dict]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def scored(
        self, query: str, expansion: Mapping[int, float] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(rows, BM25 scores) of the passages that match `query`, rows ascending; the rest
        score 0. Summed from the query terms' postings, so the cost follows the matches rather
        than the corpus (`scores` fills an array as long as the corpus). `expansion` adds terms
        by id, each term's scores times its weight (`WordNeighbours.expand`).
        """
        vocab = self._bm25.vocab_dict
        # A repeated term counts again, as bm25s's own scoring does.
        weights = Counter(vocab[t] for t in terms([query])[0] if t in vocab)
        for term, weight in (expansion or {}).items():
            weights[term] += weight
        if not weights:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        indptr, postings = self._bm25.scores["indptr"], self._bm25.scores
        ids = list(weights)
        rows = np.concatenate([postings["indices"][indptr[i] : indptr[i + 1]] for i in ids])
        data = np.concatenate(
            [postings["data"][indptr[i] : indptr[i + 1]] * weights[i] for i in ids]
        )
        n = int(postings["num_docs"])
        if len(rows) * 8 < n:  # few matches: sort them (a million postings would take 60 ms)
            unique, which = np.unique(rows, return_inverse=True)
            return unique.astype(np.int64), np.bincount(which, weights=data, minlength=len(unique))
        summed = np.bincount(rows, weights=data, minlength=n)  # many: one pass, no sort
        matched = np.flatnonzero(summed)
        return matched.astype(np.int64), summed[matched]

    def term_weights(self, query: str) -> dict[str, float]:
        """IDF of each query term found in the corpus: rare terms say more about a match."""
        vocab = self._bm25.vocab_dict
        indptr = self._bm25.scores["indptr"]
        n = int(self._bm25.scores["num_docs"])
        weights: dict[str, float] = {}
        for term in terms([query])[0]:
            if term in vocab:
                df = int(indptr[vocab[term] + 1] - indptr[vocab[term]])
                weights[term] = float(np.log1p((n - df + 0.5) / (df + 0.5)))
        return weights


WordVectors = Callable[[Sequence[str]], np.ndarray]


def input_word_vectors(model: Any) -> WordVectors:
    """Words -> the sentence model's own vector of each (normalised rows, float32).

    A word's vector is the mean of its word pieces' input embeddings (the model's first layer):
    a table lookup, so a question's words cost no encoder pass. Measured against each word
    encoded alone by the whole model (a pass per word): as good on the tuning questions, and
    the whole-model vectors lost follow-ups (docs/quality-log.md).
    """
    from tokenizers import Tokenizer

    table = model[0].auto_model.embeddings.word_embeddings.weight.detach().float().cpu().numpy()
    # The fast tokenizer called directly, as bot/onnx_query.py does: transformers' own call
    # costs more than the rest of a question's expansion.
    backend = Tokenizer.from_str(model.tokenizer.backend_tokenizer.to_str())
    backend.no_truncation()
    backend.no_padding()

    def vectors(words: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(words), table.shape[1]), dtype=np.float32)
        if not words:
            return out
        pieces = [e.ids for e in backend.encode_batch(list(words), add_special_tokens=False)]
        lengths = np.array([len(ids) for ids in pieces], dtype=np.int64)
        filled = lengths > 0
        if filled.any():
            flat = np.concatenate([ids for ids in pieces if ids]).astype(np.int64)
            starts = np.concatenate([[0], np.cumsum(lengths[filled])[:-1]])
            sums = np.add.reduceat(table[flat], starts, axis=0)
            out[filled] = sums / lengths[filled, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)

    return vectors


class WordNeighbours:
    """A question's words -> the index's terms whose words mean about the same, weighted.

    Each content word of the question adds its `per_word` nearest terms (by the cosine of the
    words' input vectors, at least `similarity`, its own term excluded) to BM25's query, at
    `weight` each for a word no passage holds and `known_weight` for one BM25 matches already:
    "rival carmakers" also matches "cars", "net zero emissions" "carbon". One term per word by
    default: the next nearest are kinds of the thing more than other words for it ("car":
    "vehicle", then "suv", "truck"), and a passage holding all three counted the word three
    times over (docs/quality-log.md, session 7).

    Only for an index of at most `limit` terms (the shipped article has 516; XQuAD's 266
    passages 5,212, a 10^4-passage index about 30,000): each question word costs a product with
    every term's vector, 1.5 M multiply-adds per word at 4,096 terms, and a large index has
    passages in plenty that use the question's own words. Capping the candidates at the most
    frequent terms instead cost 30 ms an answer at 10^4 passages, their postings read for
    nothing (docs/quality-log.md).
    """

    def __init__(
        self,
        lexical: LexicalIndex,
        word_vectors: WordVectors,
        *,
        similarity: float,
        weight: float,
        known_weight: float | None = None,
        per_word: int = 1,
        limit: int = EXPANSION_TERMS,
    ) -> None:
        self._vocab = lexical._bm25.vocab_dict
        self._word_vectors = word_vectors
        self.similarity, self.weight, self.per_word = similarity, weight, per_word
        self.known_weight = weight if known_weight is None else known_weight
        words = (lexical.words if lexical.term_count <= limit else None) or []
        frequency = lexical.document_frequencies() if words else np.zeros(0, np.int64)
        # bm25s's vocabulary ends with an empty term that no passage holds.
        held = [i for i in range(min(len(words), len(frequency))) if words[i] and frequency[i]]
        self._ids = np.asarray(held, dtype=np.int64)
        self._column = {int(term): column for column, term in enumerate(self._ids)}
        self._vectors = word_vectors([words[i] for i in self._ids])

    def expand(self, query: str) -> dict[int, float]:
        """Term id -> weight of each neighbour the question's words add (none: {})."""
        if not len(self._ids):
            return {}
        words = list(dict.fromkeys(_split([query])[0]))
        own = [self._vocab.get(term, -1) for term in _stem(words)]
        weights = [self.weight if term < 0 else self.known_weight for term in own]
        words, own, weights = [
            [x[i] for i in range(len(words)) if weights[i] > 0] for x in (words, own, weights)
        ]
        if not words:
            return {}
        cosines = self._word_vectors(words) @ self._vectors.T
        for row, term in enumerate(own):  # a word's own term is no neighbour
            column = self._column.get(term)
            if column is not None:
                cosines[row, column] = -np.inf
        k = min(self.per_word, cosines.shape[1])
        nearest = np.argpartition(-cosines, k - 1, axis=1)[:, :k]
        near = np.take_along_axis(cosines, nearest, axis=1) >= self.similarity
        added: dict[int, float] = {}
        for row, column in zip(*np.nonzero(near), strict=True):
            term = int(self._ids[nearest[row, column]])
            added[term] = added.get(term, 0.0) + weights[row]
        return added

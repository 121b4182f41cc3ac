"""What the sources write, read through the retriever's index: whether a question's words occur
in them, whether a passage writes a phrase of it word for word, whether they write a word only as
a name (and with which partner), and so whether a question asks about something they never mention
(bot/off_topic.py's rules, fed these readings). The follow-up decision (bot/follow_up.py) and the
answer (bot/service.py) both ask these questions of the sources."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

import numpy as np

import bot.off_topic
import bot.unsaid
from bot.conversation import content_phrases, content_words
from bot.lexical import dictionary_lemmas, terms
from bot.lookups import is_first_name
from bot.name_sense import first_names_of_people, sense_gap, word_matches
from bot.off_topic import off_topic
from bot.retrieval import Retriever


def best_similarity(retriever: Retriever, query_vector: np.ndarray) -> float:
    """The question's best cosine with any passage: what says whether the sources cover it."""
    return retriever.best_similarity(query_vector)


def names_source_terms(retriever: Retriever, question: str) -> bool:
    """Whether a content word of the question occurs in the sources (BM25's stemmed terms)."""
    words = content_words(question)
    return bool(words) and bool(retriever.index.lexical.term_weights(" ".join(words)))


# Session 18 (docs/quality-log.md, "Short questions under the floor (session 18)"): short second
# turns were refused under the floor though the right passage ranks first ("what does rivian
# make?" 0.21). A question of at most `WRITES_EVERY_WORD` content words, each the sources' exactly
# or in another form (its best token match reaching `OTHER_FORM_MATCH`), is covered at the floor
# (2: tuning conversations 398 -> 400 of 466, nothing else moves; 3 answers "what makes a number
# prime"). "and the hq?", "chargers?" stay refused: "hq" matches "headquarters" at 0.42 only.
# None: not read.
WRITES_EVERY_WORD: int | None = 2
# Session 21: "anything on charging?" (0.16), "what's rivian got to do with this" (0.21) were
# refused: "anything", "got" are English function words the conversation's word list leaves in
# (it is tuned for follow-ups), so the question seemed to hold a word the sources never write.
# On: words scikit-learn's English stop list holds, as written or by a lemma ("got": "get"), are
# not counted. `benchmarks/quality.py --floor-21` measures it.
EVERY_WORD_STOPS = False


@functools.cache
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def is_stop_word(word: str) -> bool:
    """Whether scikit-learn's English stop list holds the word or one of its lemmas."""
    stops = _stop_words()
    return word in stops or any(
        lemma in stops for lemmas in dictionary_lemmas(word).values() for lemma in lemmas
    )


# Session 31 (the lead's probe): "how big is the team" (cosine 0.16) was refused though the
# sources write "team" ("assembled a team of automotive experts"): the adjective of "how big / how
# long / how old …" is the question's form (it asks a measure, `bot.question_kind`), not a thing
# the sources must write. On, it is not counted among the words `writes_every_word` reads, so the
# answer is the closest passage, labelled when it holds no figure. `--unsaid-31 degree`.
HOW_DEGREE_GRAMMAR_31 = True
_HOW_DEGREE = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay|then|well) )*how (?P<degree>big|large|small|long|old|far|"
    r"fast|tall|high|heavy|wide|soon|expensive|cheap|pricey|costly)\b"
)


def writes_every_word(
    retriever: Retriever, question: str, own_vector: Callable[[], np.ndarray]
) -> bool:
    """Whether the question has at most `WRITES_EVERY_WORD` content words, each one the sources
    write as it is or in another form (`bot.off_topic.OTHER_FORM_MATCH`, read by token match)."""
    most = WRITES_EVERY_WORD
    threshold = bot.off_topic.OTHER_FORM_MATCH
    words = list(dict.fromkeys(content_words(question)))
    if HOW_DEGREE_GRAMMAR_31 and (degree := _HOW_DEGREE.match(question.lower())):
        words = [word for word in words if word != degree["degree"]]  # "how big": the form
    if EVERY_WORD_STOPS:
        words = [word for word in words if not is_stop_word(word)]
    if most is None or threshold is None or not words or len(words) > most:
        return False
    lexical = retriever.index.lexical
    unwritten = [word for word in words if not lexical.term_weights(word)]
    if not unwritten:
        return True
    matches = word_matches(retriever, question, own_vector())
    return all(matches.get(word, -1.0) >= threshold for word in unwritten)


# "How does the piece describe the temperament of the two men?" (cosine 0.17), "what sort of ride
# does the writer promise readers at the very end" (0.19): a question naming the text it asks
# about (the article, the piece, its writer) asks about the sources, when another of its words is
# theirs; its cosine is lowered by the words about the text, not by being off the sources' topic.
NAMES_THE_TEXT = True
_THE_TEXT = re.compile(
    r"\b(?:the|this|per the) (?:article|piece|story|writer|author|writer's|author's)\b", re.I
)


def asks_whether_mentioned(retriever: Retriever, question: str) -> bool:
    """Whether the question asks if the sources mention a thing ("any mention of lucid?") they
    do write, every word of it (`bot.unsaid.MENTION_UNKNOWN`'s frames)."""
    if not bot.unsaid.MENTION_UNKNOWN:
        return False
    name = bot.unsaid.mentioned_name(question)
    stems = bot.unsaid.name_stems(name) if name else []
    return bool(stems) and all(map(retriever.index.lexical.holds, stems))


def asks_about_the_text(retriever: Retriever, question: str) -> bool:
    """Whether the question names the text it asks about and another word the sources use."""
    found = _THE_TEXT.search(question.replace("’", "'"))
    if not NAMES_THE_TEXT or found is None:
        return False
    rest = question[: found.start()] + " " + question[found.end() :]
    return names_source_terms(retriever, rest)


# A word of prose: two letters or more, no digits (`writes_phrase` leaves the others out).
_PROSE_WORD = re.compile(r"[a-z]{2,}")


def writes_phrase(retriever: Retriever, question: str) -> bool:
    """Whether a passage BM25 finds for a phrase of the question's content words (two or more,
    none a name) writes that phrase word for word (bot.conversation.content_phrases)."""
    content = set(content_words(question))
    for phrase in content_phrases(question):
        asked = [w for w in phrase if w in content]
        if len(asked) < 2 or not all(_PROSE_WORD.fullmatch(w) for w in phrase):
            continue
        if any(written_as_name(retriever, w) for w in asked):
            continue
        pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, phrase)) + r"\b", re.IGNORECASE)
        if any(pattern.search(text) for text in _found_for(retriever, " ".join(asked))):
            return True
    return False


# Passages a word is looked up in to tell whether the sources write it only as a name.
NAME_PASSAGES = 20
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][\"'“‘)\]]*)\s*[\"'“‘(\[]*$")


def written_as_name(retriever: Retriever, word: str) -> bool:
    """Whether the sources write `word` only capitalised within a sentence ("Amazon", "Musk"; not
    as an acronym, "EV", nor only where a sentence starts, "Critics"), read in the NAME_PASSAGES
    passages BM25 finds for it: a name, not a word of their prose."""
    found = _forms_found(retriever, word)
    within = [w for w, starts in found if not starts]
    return bool(within) and all(w[0].isupper() and not w.isupper() for w, _ in found)


def _forms_found(retriever: Retriever, word: str) -> list[tuple[str, bool]]:
    """Each place `word` is written in the NAME_PASSAGES passages BM25 finds for it, as written,
    and whether a sentence starts there."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return [
        (m.group(0), _SENTENCE_START.search(text[: m.start()]) is not None)
        for text in _found_for(retriever, word)
        for m in pattern.finditer(text)
    ]


def written_in_capitals(retriever: Retriever, word: str) -> bool:
    """Whether the sources write `word` (five letters or more) only in capitals ("NVIDIA"): a
    name, though `written_as_name` leaves out acronyms ("EV", "AWS")."""
    found = _forms_found(retriever, word)
    return len(word) >= 5 and bool(found) and all(w.isupper() for w, _ in found)


# `lowercase_names` takes only a name in at most this share of the passages: one most passages
# use ("bezos" in every one, "amazon" in 15 of 26) is what the sources are about, not a topic ("and
# bezos?" after "what's musk like as a person" asks the question before about him).
NAME_TOPIC_SHARE = 0.5


def lowercase_names(retriever: Retriever, question: str, said: str) -> list[str]:
    """The question's content words typed in lower case that the sources write only as names
    (`written_as_name`) and `said` (the turn before) does not use: "europe", "asia"."""
    before = {w.removesuffix("'s") for w in re.findall(r"[\w']+", said.lower().replace("’", "'"))}
    words = dict.fromkeys(w.removesuffix("'s") for w in content_words(question))
    return [w for w in words if w not in before and topic_name(retriever, w)]


def topic_name(retriever: Retriever, word: str, capitals: bool = False) -> bool:
    """Whether the sources write `word` as a name (`written_as_name`; with `capitals`, also
    `written_in_capitals`: "NVIDIA") held by at most NAME_TOPIC_SHARE of their passages: a topic
    of its own, not what they are about."""
    passages = len(retriever.index.passages)
    if retriever.index.lexical.passages_with(word) > NAME_TOPIC_SHARE * passages:
        return False
    return written_as_name(retriever, word) or (capitals and written_in_capitals(retriever, word))


def _found_for(retriever: Retriever, word: str) -> list[str]:
    """The texts of the NAME_PASSAGES passages BM25 finds for `word`, best first."""
    rows, scores = retriever.index.lexical.scored(word)
    passages = retriever.index.passages
    return [
        passages[int(row)].text for row in rows[np.argsort(-scores, kind="stable")[:NAME_PASSAGES]]
    ]


_TEXT_WORD = re.compile(r"[A-Za-z0-9]+")


def stem_written_as_name(retriever: Retriever, word: str) -> bool:
    """`written_as_name` of the sources' own form of the word's stem ("amazons": "Amazon")."""
    if written_as_name(retriever, word):
        return True
    stems = terms([word])[0]
    forms = Counter(
        found.lower()
        for text in _found_for(retriever, word)
        for found in _TEXT_WORD.findall(text)
        if terms([found])[0] == stems
    )
    return bool(forms) and written_as_name(retriever, forms.most_common(1)[0][0])


def name_partner(retriever: Retriever, word: str) -> str | None:
    """The other word of the one two-word name the sources write `word` in (twice at least),
    neither written without the other, read in the NAME_PASSAGES passages BM25 finds for each:
    "Origin" for "Blue" ("Blue Origin"); none for "Elon" (the sources write "Musk" alone)."""
    pattern = re.compile(rf"\b{re.escape(word)}\b(?:\s+([A-Za-z0-9]+))?", re.IGNORECASE)
    following = [m.group(1) for text in _found_for(retriever, word) for m in pattern.finditer(text)]
    if len(following) < 2 or len(set(following)) > 1 or following[0] is None:
        return None
    other = following[0]
    before = re.compile(rf"(\b[A-Za-z0-9]+\s+)?\b{re.escape(other)}\b", re.IGNORECASE)
    preceding = [m.group(1) for text in _found_for(retriever, other) for m in before.finditer(text)]
    alone = any(p is None or p.strip().lower() != word.lower() for p in preceding)
    return None if alone or not other[0].isupper() else other


def written_after_indefinite(retriever: Retriever, word: str) -> bool:
    """Whether the sources write `word` right after "a" / "an" ("an Amazon-backed brand"), read in
    the NAME_PASSAGES passages BM25 finds for it."""
    pattern = re.compile(rf"\b(?:a|an)\s+{re.escape(word)}\b", re.IGNORECASE)
    return any(pattern.search(text) for text in _found_for(retriever, word))


def asks_off_topic(
    retriever: Retriever,
    question: str,
    own_vector: Callable[[], np.ndarray] | None = None,
) -> bool:
    """Whether the question's own words say it asks about something the sources never
    mention (bot/off_topic.py), whatever the thread before it. `own_vector`: the question's
    vector where the caller has it (encoded only if a rule reads its cosine)."""
    lexical = retriever.index.lexical

    @functools.cache
    def matches() -> dict[str, float]:  # read once for every word the rule asks about
        vector = (
            own_vector() if own_vector is not None else retriever.embedder.encode_query(question)
        )
        return word_matches(retriever, question, vector)

    def best_cosine(text: str) -> float:
        if own_vector is not None and text == question:
            return best_similarity(retriever, own_vector())
        return best_similarity(retriever, retriever.embedder.encode_query(text))

    return off_topic(
        question,
        lexical.holds,
        lambda word: written_as_name(retriever, word),
        lambda word: stem_written_as_name(retriever, word),
        lambda word: name_partner(retriever, word),
        best_cosine,
        is_first_name,
        lambda word: written_after_indefinite(retriever, word),
        lambda word: sense_gap(retriever, question, word),
        lambda word: matches().get(word),
        their_first_name=lambda word: word in first_names_of_people(retriever),
    )

"""Follow-up questions: an elliptical question is searched together with the one before it.

"and where will they build them?" says nothing on its own; searched after "Is Amazon making
electric cars?" it does. A question that names its own subject starts a new topic and is searched
alone, so an earlier topic never drags a new one back.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.lexical import terms, without_chat_words

_WORD = re.compile(r"[a-z0-9’']+")
_OPENERS = ("and ", "but ", "also ", "so ", "then ", "or ", "what about", "how about")
# "compared to Tesla?" asks the question before again about something else, as "and Tesla?"
# does: a follow-up candidate and a fragment. Measured with late interaction on, which now answers
# those conversations' first turns right (in session 6 it changed nothing); off answers as before
# (docs/quality-log.md, "Conversations with late interaction").
COMPARISON_OPENERS = True
_COMPARISONS = ("compared to ", "compared with ")
# Pronouns and pointers that refer back to something said before.
ANAPHORA = {
    "they", "them", "their", "theirs", "it", "its", "he", "him", "his", "she", "her", "hers",
    "those", "these", "that", "this", "there", "then", "one", "ones", "such",
    "instead",  # "what does Amazon have instead?": instead of what the question before named
}  # fmt: skip
FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "but", "so", "of", "to", "in", "on", "at", "for", "with",
    "by", "from", "what", "when", "where", "who", "whom", "which", "why", "how", "is", "are",
    "was", "were", "be", "will", "would", "could", "should", "can", "do", "does", "did", "about",
    "also", "then", "any", "more", "else", "much", "many",
}  # fmt: skip
# Session 10's word rules (docs/quality-log.md, "Conversations (session 10)"): a contraction is read
# as the words it stands for ("what's rivian?" asks "what is rivian?", not about a word
# "what's"); prepositions, "whose" and "exactly" name nothing ("under what conditions?", "whose
# mistakes?", "which rivals exactly?" have one content word each); and a question whose own
# subject follows its verb ("what is rivian?", "what did governments do?") names its topic even
# when the question alone matches little. `benchmarks/quality.py --follow-up-words off on`
# measures them (or some, joined by "+": contractions+function-words+subject).
FOLLOW_UP_RULES = ("contractions", "function-words", "subject", "definite", "compare")
FOLLOW_UP_WORDS: frozenset[str] = frozenset(FOLLOW_UP_RULES)
MORE_FUNCTION_WORDS = {
    "whose", "under", "over", "through", "into", "onto", "after", "before", "during", "between",
    "against", "without", "within", "across", "since", "until", "via", "per", "as", "if", "than",
    "has", "have", "had", "been", "being", "may", "might", "must", "exactly", "really", "just",
    "actually", "specifically",
}  # fmt: skip
_CONTRACTED_IS = re.compile(r"\b(what|who|where|when|how|why|which|that|it|he|she|there|here)'s\b")
_CONTRACTED = re.compile(r"(?<=[a-z])'(re|ll|ve|d)\b")
_SPELLED = {"re": " are", "ll": " will", "ve": " have", "d": " would"}
# "how does amazon's compare?" compares with what was said before, as "compared to X?" does.
_COMPARE = {"compare", "compared", "comparison", "versus", "vs"}
# "is amazon's new car thing the same kind of deal?" after "what is rivian": "same" and
# "similar" point at what was said before, as "compare" does (not `compares`: one naming a name
# the turn before did not, "is lucid similar?", is still searched alone by the new-name rule).
# Session 16, on: with bot.answer.WHY_ANTECEDENT, tuning conversations 328 -> 330 of 386 (the
# blind -14 27 -> 29), held out 173 of 252 both ways (docs/quality-log.md, "Conversations (session
# 16)"); `benchmarks/quality.py --follow-ups-16 same`.
SAME_AS_BEFORE = True
_SAME = {"same", "similar"}
# Context is the recent questions only, so a long thread cannot grow the query without bound.
MAX_CONTEXT_CHARS = 600
# True: the earlier questions join a follow-up's query by their content words only, so their
# question words do not ask them again ("chip company might amazon partner why would that help?"
# quotes "These alliances could accelerate …", not "Amazon is in talks with …"). Off: the same on
# five tuning sets, one more of the check set, but held out 53 -> 49 of 92 (docs/quality-log.md,
# session 8). `benchmarks/quality.py --context` measures it.
CONTEXT_CONTENT_WORDS_ONLY = False
HISTORY_TURNS = 5  # earlier questions of a conversation handed to the answer layer


# Session 30's conversation rules (`benchmarks/quality.py --follow-ups-30`), each named by its
# word: "like", a "like" opening a question ("like is it early days still") says "i.e.": no word
# of the question's own; "mean", a message ending "i mean" ("for the industry overall i mean")
# amends the asker's question before: a follow-up candidate the evidence decides, not a bare noun
# phrase naming its own topic (kept in context whatever the evidence said, "for consumers i mean"
# lost its consumer sentence); "floor", a question with no word of its own asked after an answer
# ("so what?", "when was that?") is covered as that answer was (it was given, so it was covered),
# not by the question before's cosine alone.
FOLLOW_UPS_30_RULES = ("like", "mean", "floor", "both")
FOLLOW_UPS_30: frozenset[str] = frozenset(FOLLOW_UPS_30_RULES)


def rule_30(rule: str) -> bool:
    """Whether session 30's `rule` is on (FOLLOW_UPS_30, read at each call: bot.follow_up's rules
    are switched here too)."""
    return rule in FOLLOW_UPS_30


# Session 31's conversation rules (`benchmarks/quality.py --follow-ups-31`), each named by its
# word: "to", a phrase that opens with a preposition and has no verb of its own ("to tesla?",
# "for regular buyers?") asks the question before again for what it names, as "and to tesla?"
# does: a follow-up candidate the evidence decides, not a bare noun phrase naming its own topic;
# "stays", a follow-up candidate whose own words put first the passage the answer before quoted,
# while its context puts another first, asks about what was just said and is searched alone ("is it
# a big moment?" after the conclusion's "marks a pivotal moment": the question before's "bezos
# entering" pulled the context to Musk's reaction, bot/follow_up.py).
FOLLOW_UPS_31_RULES = ("to", "stays")
FOLLOW_UPS_31: frozenset[str] = frozenset(FOLLOW_UPS_31_RULES)


def rule_31(rule: str) -> bool:
    """Whether session 31's `rule` is on (FOLLOW_UPS_31, read at each call: bot.follow_up's rules
    are switched here too)."""
    return rule in FOLLOW_UPS_31


# Words that open a question. Not "do", "will", "have" and the like: "will do, thanks" and
# "do that" are replies; such a question still counts when it has a "?".
_QUESTION_WORDS = {
    "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "is", "are", "was",
    "were", "does", "did", "can", "could", "should", "would", "isn't", "aren't", "doesn't",
    "didn't", "can't", "won't", "wouldn't", "shouldn't",
}  # fmt: skip
_OPENER_WORDS = {"and", "but", "also", "so", "then", "or", "ok", "okay"}
# Links and chat markup (`<https://…|label>`, `<@U123>`): a "?" inside a URL asks nothing.
_NOT_WORDS = re.compile(r"<[^>]*>|\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)


def looks_like_question(text: str) -> bool:
    """A question mark, or a question word first ("and" and the like aside), links ignored.

    What auto-answer channels may limit themselves to, and what an unmentioned thread reply
    must look like to be taken as a follow-up ("thanks!" is not one).
    """
    text = _NOT_WORDS.sub(" ", text)
    words = _WORD.findall(text.lower().replace("’", "'"))
    while words and words[0] in _OPENER_WORDS:
        words = words[1:]
    return "?" in text or (bool(words) and words[0] in _QUESTION_WORDS)


_I_MEAN = (["i", "mean"], ["i", "meant"])


def _words(text: str) -> list[str]:
    """The lowercased words of `text`; with FOLLOW_UP_WORDS, contractions spelled out; with
    FOLLOW_UPS_30, not a "like" opening a question nor an "i mean" ending a message."""
    lowered = text.lower()
    if "contractions" in FOLLOW_UP_WORDS:
        lowered = _CONTRACTED_IS.sub(r"\1 is", lowered.replace("’", "'"))
        lowered = _CONTRACTED.sub(lambda m: _SPELLED[m.group(1)], lowered)
    words = _WORD.findall(lowered)
    # "like is it early days still": "like" says "i.e.", no word of the question's own.
    if "like" in FOLLOW_UPS_30 and words[:1] == ["like"] and set(words[1:2]) & _OPENING:
        words = words[1:]
    # "for the industry overall i mean": the asker's aside, no word of the question's own.
    if "mean" in FOLLOW_UPS_30 and len(words) > 2 and words[-2:] in _I_MEAN:
        words = words[:-2]
    return words


def _function_words() -> set[str]:
    words = FUNCTION_WORDS
    if "function-words" in FOLLOW_UP_WORDS:
        words = words | MORE_FUNCTION_WORDS
    return words


def _compare_words() -> set[str]:
    return _COMPARE | _SAME if SAME_AS_BEFORE else _COMPARE


# "others" points back as "the other guy" does: "why would the others care" after "would bezos's
# green standards stay inside amazon" means the players other than Amazon (it was searched alone,
# "others" and "care" its words, and refused). Session 27, on (LIKE_WHAT: the figures);
# `benchmarks/quality.py --follow-ups-27 others`.
OTHERS_POINT_BACK = True
_OTHERS = {"others"}


def _anaphora() -> set[str]:
    words = ANAPHORA | _compare_words() if "compare" in FOLLOW_UP_WORDS else ANAPHORA
    return words | _OTHERS if OTHERS_POINT_BACK else words


# Chat words name nothing asked about ("any weaknesses tho?" asks about one thing, which the
# sources write: covered as "cobalt?" is): the words bot.lexical leaves out of a question's search
# ("tho", "tbh", "rn", "or nah"). Session 24; `benchmarks/quality.py --follow-ups-24 chat`.
CHAT_WORDS = True


# A request for an example ("gimme an example", "can you give me some examples?", "for
# instance?") names nothing of its own: it asks for an example of what was just said, as "such
# as?" does. Session 24; `benchmarks/quality.py --follow-ups-24 example`.
EXAMPLE_REQUEST = True
_EXAMPLE_REQUEST = re.compile(
    r"(?:(?:ok|okay|so|and|but|then)\s+)*(?:(?:can|could|would)\s+(?:you|u)\s+)?"
    r"(?:(?:give|gimme|show|tell)\s+(?:me\s+|us\s+)?)?"
    r"(?:for|(?:an?|any|some|one|more|other|a\s+few)\s+)?\s*(?:examples?|instances?)"
    r"(?:\s+(?:please|pls|plz))?"
)


# "like what, concretely?", "such as what exactly?": asks for an example of what was just said, as
# "gimme an example" does; "concretely" named a topic of its own, so it was searched alone and
# refused. Session 27, on (with `side` and `others`): tuning conversations 710 -> 713 of 826 (the
# blind -25 27 -> 30), none lost; held out 344 of 472 both ways, every line identical;
# `benchmarks/quality.py --follow-ups-27 like`.
LIKE_WHAT = True
_LIKE_WHAT = re.compile(
    r"(?:(?:ok|okay|so|and|but|then)\s+)*(?:like|such\s+as)\s+what"
    r"(?:\s+(?:concretely|specifically|exactly|precisely|then|tho|though))*"
)


def asks_for_an_example(question: str) -> bool:
    """Whether the message only asks for an example of what was said (EXAMPLE_REQUEST; with
    LIKE_WHAT, "like what, concretely?" too)."""
    plain = " ".join(_WORD.findall(question.lower().replace("’", "'")))
    if LIKE_WHAT and _LIKE_WHAT.fullmatch(plain):
        return True
    return EXAMPLE_REQUEST and bool(_EXAMPLE_REQUEST.fullmatch(plain))


def content_words(question: str) -> list[str]:
    """The words that name what is asked about: neither function words nor pointers back (with
    CHAT_WORDS, nor chat words; none in a request for an example)."""
    if asks_for_an_example(question):
        return []
    function_words = _function_words()
    anaphora = _anaphora()
    if ends_additively(question):  # "cheaper too?" names one thing
        question = _ADDITIVE.sub("", question)
    if CHAT_WORDS:
        question = without_chat_words(question) or question
    return [w for w in _words(question) if w not in function_words and w not in anaphora]


def content_phrases(question: str, longest: int = 4) -> list[list[str]]:
    """The question's runs of up to `longest` words that start and end with a content word and
    hold two or more, nothing pointing back ("key battlegrounds", "calculated and methodical")."""
    function_words = _function_words()
    anaphora = _anaphora()
    words = _words(question)
    phrases = []
    for start, word in enumerate(words):
        if word in function_words or word in anaphora:
            continue
        for end in range(start + 1, min(len(words), start + longest)):
            if words[end] in anaphora:
                break
            span = words[start : end + 1]
            if words[end] not in function_words:
                phrases.append(span)
    return phrases


# "anything on new cars?" asks the question before again about something else, as "what about new
# cars?" does: an opener. Session 26; `benchmarks/quality.py --follow-ups-26 anything`.
ANYTHING_ON = True
_ANYTHING_ON = ("anything on ", "anything about ", "any news on ", "anything new on ")
# "cheaper too?", "self-driving too?": a fragment the word "too" ends asks the question before
# again about something else, as "and cheaper?" does. Session 26; `--follow-ups-26 too`.
ADDITIVE_TOO = True
_ADDITIVE = re.compile(r"[\s,]+(?:too|as\s+well)[\s?!.]*$", re.IGNORECASE)


def _openers() -> tuple[str, ...]:
    openers = _OPENERS + _COMPARISONS if COMPARISON_OPENERS else _OPENERS
    return openers + _ANYTHING_ON if ANYTHING_ON else openers


def ends_additively(question: str) -> bool:
    """Whether "too" or "as well" ends the question ("cheaper too?"; ADDITIVE_TOO)."""
    return ADDITIVE_TOO and bool(_ADDITIVE.search(question.lower()))


# Session 11 (docs/quality-log.md, "Conversations (session 11)"), measured with
# `benchmarks/quality.py --own-topic off bare+within+other+dash+those` (some, joined by "+"):
# "bare", a question that is only a noun phrase ("recycling", "chargers?", "musk's next move?":
# no opener, no question word or verb, nothing pointing back) names its own topic; "within", a
# possessive after a word of the question points inside it ("whats amazon's pricing plan for its
# cars"); "other", "the other guy" points at the answer before's names as "the guy" does, and
# "those", "those places" at the places or companies it named; "dash", a name straight after a
# dash is a name ("differ—Bezos").
OWN_TOPIC_RULES = ("bare", "within", "other", "dash", "those")
OWN_TOPIC: frozenset[str] = frozenset(OWN_TOPIC_RULES)
# The word after "how" is the degree asked about ("how loyal", "how big"), not a noun of the
# question's own that a later possessive could point at: "how loyal are its fans" after "is tesla
# still on top?" points back. Session 17, on: tuning conversations 366 -> 367 of 426, held out 188
# of 272 both ways, nothing else moved; `benchmarks/quality.py --follow-ups-17 ranks+borrowed+how`.
HOW_DEGREE = True
_POSSESSIVES = {"its", "their", "his", "her"}


def _points_back(words: Sequence[str]) -> list[str]:
    """The words of a question that point at something said before it; with "within", not a
    possessive that follows a content word of the question itself ("amazon's plan for its cars")."""
    anaphora = _anaphora()
    if "within" not in OWN_TOPIC:
        return [w for w in words if w in anaphora]
    function_words = _function_words()
    pointers, named = [], False
    for at, w in enumerate(words):
        if w in anaphora and not (named and w in _POSSESSIVES):
            pointers.append(w)
        # With HOW_DEGREE, the degree asked about owns nothing ("how loyal are its fans").
        degree = HOW_DEGREE and at > 0 and words[at - 1] == "how"
        named = named or (w not in anaphora and w not in function_words and not degree)
    return pointers


# The singular demonstratives: only they stand for a stretch of what was said (a statement);
# "these two guys" points at things, which a question names or the referent rules resolve.
_DEMONSTRATIVES = {"that", "this"}
# "it" read as the singular demonstratives are, as the subject ("would it work with my other
# amazon stuff"), when no content word before it may be what it stands for ("and tesla, what
# does it need to do?"). Session 21, on (ELLIPSIS: the figures); `--follow-ups-21 it`.
SUBJECT_IT = True
# "he" or "she" read as "it" is, as the subject ("so will he fight back?" after "what's musk
# known for"): the person asked about before; the question's own words are what it asks of him.
# Not "they" ("and where will they build them?" after "Is Amazon making electric cars?" finds the
# factories alone). Session 24; `benchmarks/quality.py --follow-ups-24 he`.
SUBJECT_PERSONAL = True
_SUBJECT_PRONOUNS = {"he", "she"}
# The noun right after "what" or "which" is the thing asked for, not what "it" stands for: "what
# tech would it use?" after "does the article talk about self driving" asks about self-driving
# ("and tesla, what does it need to do?": "tesla" is outside the question word's phrase). Session
# 25; `benchmarks/quality.py --follow-ups-25 asked`.
ASKED_NOUN = True
_ASKING_FOR = {"what", "which", "whose"}
# "they" read as "it" is, as the subject of a yes-or-no question ("did they live up to it?",
# "have they actually promised anything?" after "do tesla and amazon care about sustainability"):
# it asks whether something holds of what was named before. Not of a wh-question ("and where will
# they build them?" after "Is Amazon making electric cars?" finds the factories alone: session 24).
# Session 25; `benchmarks/quality.py --follow-ups-25 they`.
SUBJECT_THEY_YES_NO = True
_ADVERBS = {"actually", "really", "just", "ever", "even", "still", "already", "also"}


def demonstrative_subject(question: str) -> bool:
    """Whether a demonstrative opens the question's subject: first, or right after its verb, and
    followed by a content word (its verb or its noun) or nothing: "what does that mean for getting
    cars to ppl", "what's that built on?", "how is this new venture different"; with SUBJECT_IT,
    "it" (with SUBJECT_PERSONAL, "he" or "she") with no content word before it ("would it work
    with …", "so will he fight back?"). Not "do about that" (an object) nor "is this just about
    …" (an adverb after it)."""
    words = _words(question.lower())
    function_words, anaphora = _function_words(), _anaphora()
    named = False  # a content word before "it" may be what it stands for ("and tesla, … it")
    opening = next((w for w in words if w not in _OPENER_WORDS), None)
    yes_no = SUBJECT_THEY_YES_NO and opening in _AUXILIARIES
    for at, word in enumerate(words):
        pronoun = (
            word == "it"
            or (SUBJECT_PERSONAL and word in _SUBJECT_PRONOUNS)
            or (word == "they" and yes_no)
        )
        if word not in _DEMONSTRATIVES and not (SUBJECT_IT and pronoun and not named):
            # With ASKED_NOUN, the noun a question word asks for names nothing "it" stands for.
            asked = ASKED_NOUN and at > 0 and words[at - 1] in _ASKING_FOR
            named = named or (word not in function_words and word not in anaphora and not asked)
            continue
        before = words[at - 1] if at else None
        following = words[at + 1 :]
        if word == "they":  # "have they actually promised …": the verb after its adverbs
            following = list(itertools.dropwhile(lambda w: w in _ADVERBS, following))
        after = following[0] if following else None
        # "it" with nothing after it is no subject of a verb of its own ("that's it?").
        ends = after is None and word != "it"
        if (before is None or before in _AUXILIARIES) and (
            ends or (after is not None and after not in function_words and after not in anaphora)
        ):
            return True
    return False


def points_back(question: str) -> bool:
    """Whether the question holds a word pointing at something said before it."""
    return bool(_points_back(_words(question.lower())))


def is_bare(question: str) -> bool:
    """Only a noun phrase: "recycling", "chargers?", "bezos personality?". No opener ("and
    Amazon?" borrows the question before), no question word or verb of its own, no pointer back:
    it names what it asks about and asks nothing about what was said."""
    lowered = question.lower().strip()
    if lowered.startswith(_openers()) or ends_additively(lowered):
        return False
    words = _words(lowered)
    return (
        bool(content_words(question))
        and not any(w in _OWN_QUESTION or w in _AUXILIARIES for w in words)
        and not any(w in _anaphora() for w in words)
        and not asks_for_someone_else(words)  # "anything else besides price?" asks for more
    )


# A chat label announcing a new topic before the question ("different question:", "ok,
# unrelated:", "switching topics,", "on another note,"): the question asks about nothing said
# before, and the label is no part of what it asks, so it is searched alone without the label.
# Session 17b, off: tuning conversations 367 -> 369 of 426 (switches searched as follow-ups 2 -> 1
# of 210) but held out 188 -> 187 of 272. Session 20, on (with POINTED_AT): tuning 466 -> 469 of
# 546 (the blind -18 34 -> 35), switches 5 -> 3 of 270; held out 236 -> 236 of 332 (-11 loses the
# same one as before, -16 gains one); `benchmarks/quality.py --follow-ups-17b off label`.
TOPIC_LABEL = True
_LABEL_NOUNS = r"(?:questions?|topics?|subjects?|things?|notes?|gears|matters?)"
_TOPIC_LABEL = re.compile(
    r"(?:(?:ok|okay|so|alright|anyway|and|but|oh|also)\b[,.!]?\s+)*"
    r"(?:(?:unrelated|separately)(?:\s+(?:to|from)\s+(?:that|this|the\s+last\s+one))?"
    r"|(?:on\s+)?(?:an?\s+|the\s+)?(?:totally\s+|completely\s+|entirely\s+)?"
    rf"(?:different|new|another|other|separate|unrelated)\s+{_LABEL_NOUNS}"
    rf"|(?:switching|changing|change|new)\s+(?:the\s+|of\s+)?{_LABEL_NOUNS}"
    r"|moving\s+on)"
    r"\s*(?:[,:;.!—–]|\s-)+\s*(?=\w)"
)


# The same labels in chat shorthand: "q" for question ("different q — how does the article end"),
# "unrelated but ..." joined by "but" rather than a mark, "totally unrelated". Without it the label
# was searched as part of the question ("unrelated but what's the article's closing line" quoted
# the opening). Session 28; `benchmarks/quality.py --follow-ups-28 shorthand`.
LABEL_SHORTHAND = True
_SHORTHAND_LABEL = re.compile(
    r"(?:(?:ok|okay|so|alright|anyway|and|but|oh|also)\b[,.!]?\s+)*"
    r"(?:(?:(?:totally|completely|entirely)\s+)?(?:unrelated|separately)\s+but\s+(?=\w)"
    r"|(?:(?:totally|completely|entirely)\s+)?(?:unrelated|separately)\s*(?:[,:;.!—–]|\s-)+\s*(?=\w)"
    r"|(?:on\s+)?(?:an?\s+|the\s+)?(?:totally\s+|completely\s+|entirely\s+)?"
    r"(?:different|new|another|other|separate|unrelated)\s+qs?\b\s*(?:[,:;.!—–]|\s-)+\s*(?=\w))"
)


def topic_label(question: str) -> str | None:
    """The label announcing a new topic that opens `question`, with what stands before it
    ("ok, unrelated: "), or None (TOPIC_LABEL; LABEL_SHORTHAND, "different q — ")."""
    if not TOPIC_LABEL:
        return None
    lowered = question.lower().replace("’", "'").lstrip()
    found = _TOPIC_LABEL.match(lowered)
    if found is None and LABEL_SHORTHAND:
        found = _SHORTHAND_LABEL.match(lowered)
    return found.group() if found else None


# A chat opener taken off before a question in a conversation ("ok and what do they have in
# common" -> "What do they have in common") keeps the conjunction that ends it: "and", "but",
# "so" join the question to what was just said (a follow-up's opener), the "ok" before them is
# chat. Session 22, on: tuning conversations 538 -> 540 of 626, held out unchanged
# (docs/quality-log.md, "Conversations (session 22)"); `benchmarks/quality.py --follow-ups-22`.
OPENER_CONJUNCTION = True
_ENDING_CONJUNCTION = re.compile(r"(?:^|[\s,.!:;-])(and|but|so|or|then)[\s,]*$", re.IGNORECASE)


def with_conjunction(asked: str, stripped: str) -> str:
    """`stripped` (`asked` with a chat opener taken off, bot.small_talk.without_greeting) with
    the conjunction that ended the opener put back ("ok and what …" -> "and what …"); `stripped`
    when none ended it, or when it opens with a topic label (OPENER_CONJUNCTION)."""
    if not OPENER_CONJUNCTION or stripped == asked or topic_label(stripped):
        return stripped
    text = " ".join(asked.replace("’", "'").split())
    start = text.lower().rfind(" ".join(stripped.replace("’", "'").split()).lower())
    found = _ENDING_CONJUNCTION.search(text[:start]) if start > 0 else None
    if found is None:
        return stripped
    return f"{found.group(1).lower()} {stripped[:1].lower()}{stripped[1:]}"


def without_topic_label(question: str) -> str:
    """The question with a label announcing a new topic taken off ("different question: who
    is …" -> "who is …"); the question as given when it opens with none."""
    stripped = question.lstrip()
    label = topic_label(stripped)
    return stripped[len(label) :] if label else question


# Grammar that leaves a question unfinished without the one before: "preposition", a preposition
# and a question word first ("in what kind of market", "through which companies?": the rest of
# the clause is the question before's); "else", a question word and "else" ("besides the
# minerals, what else": more of what was said). Either makes it a follow-up candidate, whatever
# its content words. Session 21, on (with SUBJECT_IT): tuning conversations 503 -> 506 of 586
# (the blind -19 30 -> 33), held out 251 -> 252 of 352, switches 3 and 3, nothing else moved
# (docs/quality-log.md, "Conversations (session 21)"); `--follow-ups-21 off preposition+else+it`.
ELLIPSIS_RULES = ("preposition", "else")
ELLIPSIS: frozenset[str] = frozenset(ELLIPSIS_RULES)
_PREPOSITIONS = {
    "in", "on", "at", "for", "with", "by", "from", "to", "of", "about", "under", "over",
    "through", "into", "onto", "after", "before", "during", "between", "against", "without",
    "within", "across", "since", "until", "via", "per", "toward", "towards",
}  # fmt: skip


# A question word inside the clause, after words with no verb of their own ("a new bar for what
# tho", "meaning what for car buyers?"): the question repeats what was just said and asks what
# it left open. Read in the last clause (after a dash, colon, comma or conjunction: "unrelated
# but what's …" opens its own), and not "no matter what". Session 22, off: tuning conversations
# 538 -> 539 of 626 alone, but with DEMONSTRATIVE_OVER_OWN_WORDS one more held-out off-topic
# question answered in a thread (docs/quality-log.md, "Conversations (session 22)");
# `benchmarks/quality.py --follow-ups-22 insitu`.
IN_SITU = False
_WH_WORDS = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
_CLAUSE_BREAK = re.compile(r"[\u2014\u2013:;,]| - |\b(?:and|but|or|so)\b")


def asks_in_situ(question: str) -> bool:
    """Whether a question word stands inside the question's last clause after words with no
    verb (IN_SITU): "a new bar for what tho"; not "which regions matter most" (first), "is it
    tied to what" (a verb before it) nor "who wins no matter what"."""
    lowered = question.lower().replace("’", "'").strip()
    clause = _CLAUSE_BREAK.split(lowered)[-1].strip() or lowered
    words = _after_openers(clause)[1]
    if not IN_SITU or not words or words[0] in _QUESTION_WORDS:
        return False
    at = next((i for i, w in enumerate(words) if w in _WH_WORDS), None)
    if at is None or words[max(at - 2, 0) : at] == ["no", "matter"]:
        return False
    # "in 2040 what will amazon do": a verb after it opens a question of its own.
    opens_a_clause = at + 1 < len(words) and (words[at + 1] in _AUXILIARIES or "'" in words[at])
    return not opens_a_clause and not any(w in _AUXILIARIES or "'" in w for w in words[:at])


# "anything else besides price?", "does anyone else come out ahead": "else" after an indefinite
# pronoun asks for more than what was just said, as "what else" does. Session 26;
# `benchmarks/quality.py --follow-ups-26 else`.
SOMEONE_ELSE = True
_SOMEONE = {"anything", "anyone", "anybody", "something", "someone", "somebody"}


def leaves_its_clause_unsaid(question: str) -> bool:
    """Whether the question's grammar leaves it unfinished without the question before
    (ELLIPSIS, IN_SITU): "in what kind of market", "through which companies?", "what else", "a
    new bar for what tho"."""
    words = _after_openers(question.lower().strip())[1]
    opening = words[:2] if len(words) > 1 else ["", ""]
    if "preposition" in ELLIPSIS and opening[0] in _PREPOSITIONS and opening[1] in _QUESTION_WORDS:
        return True
    if asks_in_situ(question):
        return True
    return "else" in ELLIPSIS and (
        asks_for_someone_else(words)
        or any(
            word == "else" and at and words[at - 1] in _QUESTION_WORDS
            for at, word in enumerate(words)
        )
    )


def asks_for_someone_else(words: Sequence[str]) -> bool:
    """Whether "else" follows an indefinite pronoun ("anything else", SOMEONE_ELSE)."""
    return SOMEONE_ELSE and any(
        word == "else" and at and words[at - 1] in _SOMEONE for at, word in enumerate(words)
    )


# Such a question with no verb of its own ("in what industry", "under what conditions?", "besides
# the minerals, what else") is only the end of the question before: it cannot be asked alone, so
# it keeps its context whatever the margins say ("in what industry" after "when did the bezos musk
# thing first get noticed" found the intro's "EV industry" alone, 0.07 above the context's
# "commercial space industry"). A full question opening with a preposition ("in which states will
# the factories be built?") has its verb and is decided by evidence as before. Session 28;
# `benchmarks/quality.py --follow-ups-28 unfinished`.
UNFINISHED_KEEPS_CONTEXT = True


def is_unfinished(question: str) -> bool:
    """Whether the question leaves its clause to the question before and has no verb of its own
    ("in what industry", "by how much?", "anything else besides price?"; UNFINISHED_KEEPS_CONTEXT):
    only the end of the question before."""
    if not UNFINISHED_KEEPS_CONTEXT or not leaves_its_clause_unsaid(question):
        return False
    words = _after_openers(question.lower().strip())[1]
    return not any(w in _AUXILIARIES or "'" in w for w in words)


# "i mean" ending a message: the asker amends what they just asked ("what happens with bezos
# entering the ring → for the industry overall i mean").
_AMENDS = re.compile(r"(?:^|[\s,.;:—–-])i\s+mean[t]?[\s?!.]*$")


def amends_the_question_before(question: str) -> bool:
    """Whether the message ends "i mean" after words of its own ("for the industry overall i
    mean"): it amends the question before, so it is a follow-up candidate (FOLLOW_UPS_30
    "mean")."""
    lowered = question.lower().replace("’", "'").strip()
    found = "mean" in FOLLOW_UPS_30 and _AMENDS.search(lowered)
    return bool(found) and bool(_WORD.search(lowered[: found.start()]))


# "they" as the subject of a wh-question after a question joining two names ("are tesla and amazon
# eco-friendly → what have they promised"): the two named are what "they" stands for.
_JOINED = re.compile(r"\b([a-z][a-z'’-]+)\s+and\s+([a-z][a-z'’-]+)\b")


def they_are_the_two_named(question: str, before: str) -> bool:
    """Whether "they" is the subject of the question (straight after its verb: "what have they
    promised") and the question before joins two words of its own with "and" ("tesla and
    amazon"; FOLLOW_UPS_30 "both")."""
    if "both" not in FOLLOW_UPS_30:
        return False
    words = _after_openers(question.lower().strip())[1]
    if not words or words[0] not in _WH_WORDS:
        return False
    subject = any(w == "they" and words[at - 1] in _AUXILIARIES for at, w in enumerate(words) if at)
    own = set(content_words(before))
    return subject and any(
        {a, b} <= own for a, b in _JOINED.findall(before.lower().replace("’", "'"))
    )


# A topic named first in a clause of its own ("now about tesla's own problems, what are they?",
# "as for the factories - where will they be?"), then a question whose pronouns stand for it:
# the question names its own topic, whatever the question before asked. Not when the topic
# itself points back ("as for their factories, ..."), nor "what about X, ..." (an opener that
# borrows the question before). Session 23, on: tuning switches searched as follow-ups 3 -> 2 of
# 330 (right both ways); it reads no held-out question (held out 283 of 392 right, 3 switches,
# both ways); `benchmarks/quality.py --follow-ups-23 off first`.
TOPIC_FIRST = True
_TOPIC_FIRST = re.compile(
    r"(?:(?:now|ok|okay|so|and|but|alright)\b[,.!]?\s+)*"
    r"(?:as\s+for|about|regarding|speaking\s+of|when\s+it\s+comes\s+to)\s+"
    r"(?P<topic>[^,;:\u2014\u2013?]+?)\s*(?:[,;:\u2014\u2013]|\s-\s)\s*(?=\w)"
)


def topic_named_first(question: str) -> str | None:
    """The topic a question names in a clause of its own before asking about it ("tesla's own
    problems" of "now about tesla's own problems, what are they?"), or None (TOPIC_FIRST)."""
    if not TOPIC_FIRST:
        return None
    found = _TOPIC_FIRST.match(question.lower().replace("’", "'").strip())
    if found is None:
        return None
    topic = found.group("topic")
    return topic if content_words(topic) and not points_back(topic) else None


# "any weak points?", "any new tech coming?": a question opening with "any" asks whether the
# topic before has some of what it names, so it is a follow-up candidate (decided by evidence),
# not a bare noun phrase naming its own topic. Session 29, off: with LEAD_LENT_BY_AGREEMENT
# (bot/follow_up.py) tuning conversations 775 -> 776 of 906, every tuning thread line the same,
# but one more held-out off-topic question answered in a thread (held-out-21, 4 -> 5 of 24);
# `benchmarks/quality.py --follow-ups-29 lent+any`.
ANY_ASKS_OF_THE_TOPIC = False


def asks_for_any(question: str) -> bool:
    """Whether the question opens with "any" ("any weaknesses tho?"; ANY_ASKS_OF_THE_TOPIC)."""
    words = _after_openers(question.lower().strip())[1]
    return ANY_ASKS_OF_THE_TOPIC and words[:1] == ["any"]


_PHRASE_WORDS = 4


def asks_again_for(question: str) -> bool:
    """Whether the question is only a phrase opening with a preposition, with no question word or
    verb of its own ("to tesla?", "for regular buyers?", "and in europe?"): it asks the question
    before again for what it names (FOLLOW_UPS_31 "to")."""
    if not rule_31("to"):
        return False
    words = _after_openers(question.lower().strip())[1]
    # Up to four words: a longer one holds a clause, whatever its spelling ("in the end whats
    # gonna decide the winner").
    return (
        1 < len(words) <= _PHRASE_WORDS
        and words[0] in _PREPOSITIONS
        and not any(w in _OWN_QUESTION or w in _AUXILIARIES for w in words)
        and bool(content_words(question))
    )


def is_follow_up(question: str) -> bool:
    lowered = question.lower().strip()
    words = _words(lowered)
    if topic_label(question) or topic_named_first(question):
        return False
    if asks_for_any(question) or amends_the_question_before(question):
        return True
    if asks_again_for(question):  # "to tesla?": the question before, asked for tesla
        return True
    if "bare" in OWN_TOPIC and is_bare(question):
        return False
    return (
        lowered.startswith(_openers())
        or ends_additively(lowered)
        or bool(_points_back(words))
        or len(words_of_its_own(question)) <= 1
        or asks_the_kind_of_what_was_named(question)
        or leaves_its_clause_unsaid(question)
    )


# A count names no topic: "which two states?" after "where's amazon gonna build the cars" has one
# word of its own ("states") and asks which places the answer before meant. Read by the follow-up
# decision only (not by the coverage checks `content_words` serves). Session 23, on: tuning
# conversations 569 -> 570 of 666 (the blind -21 29 -> 30), held out 283 of 392 both ways, nothing
# else can move (it reads two questions of a conversation on each side); `--follow-ups-23 count`.
COUNT_WORDS = True
_COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "couple"}


def words_of_its_own(question: str) -> list[str]:
    """The content words that may name a topic of the question's own: with COUNT_WORDS, not a
    count ("which two states?": "states")."""
    words = content_words(question)
    return [w for w in words if w not in _COUNTS] if COUNT_WORDS else words


def asks_the_kind_of_what_was_named(question: str) -> bool:
    """ "what type of company?", "which kind of firm?": the kind of a maker or a person named
    before, nothing else named (with KIND_OF_REFERENTS)."""
    lowered = question.lower()
    found = KIND_OF_REFERENTS and _KIND_OF.search(lowered)
    return bool(found) and not set(content_words(question)) - set(_words(found.group()))


# A question word or a verb of its own: what makes a question more than a fragment.
_OWN_QUESTION = _QUESTION_WORDS | {
    "will", "do", "does", "is", "are", "was", "were", "has", "have", "had", "can",
}  # fmt: skip


def _after_openers(lowered: str) -> tuple[bool, list[str]]:
    """Whether the question opens with "and", "what about" and the like, and its words after."""
    opened = False
    while opener := next((o for o in _openers() if lowered.startswith(o)), None):
        opened, lowered = True, lowered[len(opener) :].lstrip()
    if ends_additively(lowered):  # "cheaper too?" as "and cheaper?"
        opened, lowered = True, _ADDITIVE.sub("", lowered)
    return opened, _words(lowered)


def compares(question: str) -> bool:
    """Whether the question asks for a comparison ("compared to Bezos?", "how does amazon's
    compare?", "Tesla vs Rivian?"): it asks the question before again about what it names."""
    lowered = question.lower().strip()
    return lowered.startswith(_COMPARISONS) or bool(_COMPARE & set(_words(lowered)))


def is_fragment(question: str) -> bool:
    """An opener and a noun phrase, nothing else: "and the factories?", "what about the batteries?".

    It asks the question before again about something else, so it borrows that question's frame;
    "and where will they build them?" asks its own.
    """
    opened, rest = _after_openers(question.lower().strip())
    return opened and bool(rest) and not any(w in _OWN_QUESTION for w in rest)


def asks_a_question_word(question: str) -> bool:
    """Whether it holds a question word beyond its openers: "what year?" asks for a kind of
    thing about the topic before; "cobalt?" and "what about Rivian?" only name a topic. A request
    for an example asks one too ("gimme an example": such as what?)."""
    if asks_for_an_example(question):
        return True
    words = _after_openers(question.lower().strip())[1]
    if asks_for_someone_else(words):  # "anything else besides price?" asks "what else?"
        return True
    return any(w in _QUESTION_WORDS for w in words) and not (
        "subject" in FOLLOW_UP_WORDS and names_its_subject(words)
    )


# Verbs a question's own subject follows: "what is rivian?", "what did governments do?".
_AUXILIARIES = {
    "is", "are", "was", "were", "will", "would", "could", "should", "can", "do", "does", "did",
    "has", "have", "had", "may", "might", "must",
}  # fmt: skip


# What may follow an opening "like" that only says "i.e.": a question word or a verb.
_OPENING = _QUESTION_WORDS | _AUXILIARIES


def names_its_subject(words: Sequence[str]) -> bool:
    """Whether a content word follows the question's verb, and no word points back: "what is
    rivian?" asks about Rivian, "what year?" and "what year was it?" about the topic before."""
    if any(w in _anaphora() for w in words):
        return False
    verb = next((at for at, w in enumerate(words) if w in _AUXILIARIES), None)
    if verb is None:
        return False
    function_words = _function_words()
    definite = "definite" in FOLLOW_UP_WORDS
    return any(
        w not in function_words and not (definite and words[at - 1] == "the")
        for at, w in enumerate(words[verb + 1 :], start=verb + 1)
    )


def names_own_subject(question: str) -> bool:
    """`names_its_subject` for a question as asked: "what is photosynthesis?" asks about
    photosynthesis, whatever was said before; a request for an example names nothing ("can you
    give me an example?": "you" is the one asked)."""
    if asks_for_an_example(question):
        return False
    return names_its_subject(_after_openers(question.lower().strip())[1])


# The shortest stem that opens a word family: "compet" (competing, competitors); not "car".
WORD_FAMILY_STEM = 5


def picks_up(question: str, answer: str, *, word_family: bool = False) -> bool:
    """Whether the question's content words include one the answer before it quoted.

    "which competitors?" after an answer listing "a growing number of competitors" asks about
    that answer. Compared on the index's stemmed terms, so "batteries" picks up "battery"; with
    `word_family`, also a stem that opens with another of WORD_FAMILY_STEM letters or more
    ("competing", stem "compet", picks up "competitors", stem "competitor").
    """
    asked, said = terms([" ".join(content_words(question)), answer])
    if set(asked) & set(said):
        return True
    return word_family and any(
        asked_stem.startswith(said_stem) or said_stem.startswith(asked_stem)
        for asked_stem in asked
        for said_stem in said
        if min(len(asked_stem), len(said_stem)) >= WORD_FAMILY_STEM
    )


# Personal pronouns: whom or what they name was said before, by the asker or by the bot.
_PERSONAL = {
    "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
}  # fmt: skip
# A name: a capitalised word that does not open its sentence ("EV" and "AI" name nobody), after
# a space or straight after a dash ("their personalities may differ—Bezos is …").
_NAME = re.compile(r"(?:(?<=[^.!?\s]\s)|(?<=[—–]))(?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z][\w-]*)")
_NAME_AFTER_SPACE = re.compile(r"(?<=[^.!?\s]\s)(?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z][\w-]*)")
_NOT_NAMES = {"I", "EV", "EVs", "AI"}
# What a question asking for someone or something opens with: its answer names them.
_ASKS_WHO = {"who", "whom", "which"}


# "that company", "this firm": a demonstrative and a noun pointing at a name the answer before
# said, whatever the question before asked. On: tuning conversations +1 of 156, none lost
# (docs/quality-log.md, "Follow-up ranking (session 9)").
DEMONSTRATIVE_REFERENTS = True
_POINTED_AT = (
    "company", "firm", "maker", "manufacturer", "automaker", "brand", "startup", "partner",
    "billionaire", "man", "guy", "person",
)  # fmt: skip
_DEMONSTRATIVE = re.compile(rf"\b(?:that|this|the) (?:{'|'.join(_POINTED_AT)})\b")
# "the brand name of amazon's car", "the guy who runs tesla": a definite noun phrase that its own
# "of" phrase or relative clause specifies points at nothing said before ("the company" alone and
# "that company" do). Session 15, on (bot/follow_up.py, SHARED_FIRST_QUOTED: the figures);
# `benchmarks/quality.py --follow-ups-15 of`.
OWN_OF_PHRASE = True
_SPECIFIED = re.compile(
    rf"\bthe (?:{'|'.join(_POINTED_AT)})(?: [a-z']+)? (?:of|who|whom|which|that)\b"
)
_OTHER = re.compile(rf"\bthe other (?:{'|'.join(_POINTED_AT)})\b")
# "why do those places matter?" after an answer naming Europe and Asia: the places it named.
_POINTED_AT_MANY = ("places", "countries", "regions", "markets", "companies", "firms", "partners")
_THOSE = re.compile(rf"\b(?:those|these) (?:{'|'.join(_POINTED_AT_MANY)})\b")
# "who are those rivals?": "those" or "these" and any plural noun after a function word points at
# what the answer before named, not only the nouns above; not after a content word ("who runs
# lucid these days": a time). Session 14, on; `benchmarks/quality.py --follow-ups-14 those`.
THOSE_ANY_PLURAL = True
_THOSE_ANY = re.compile(r"(?:^|\b([a-z']+) )(?:those|these) [a-z]+[^s\W]s\b")
# "what type of company?" after "Which EV maker did Amazon invest in?" asks about the maker the
# answer before named (Rivian), as "that company" does; alone it quoted the EV project's team.
# Session 12; `benchmarks/quality.py --kind-of-referents off on`.
KIND_OF_REFERENTS = True
_KIND_OF = re.compile(rf"\b(?:what|which) (?:kind|type|sort)s? of (?:{'|'.join(_POINTED_AT)})\b")


def _demonstrative(lowered: str) -> bool:
    """A demonstrative and a noun naming a maker or a person ("that company", "the guy"); with
    OWN_OF_PHRASE, not "the <noun>" that its own "of" phrase or relative clause specifies."""
    found = [m.start() for m in _DEMONSTRATIVE.finditer(lowered)]
    if not OWN_OF_PHRASE:
        return bool(found)
    specified = {m.start() for m in _SPECIFIED.finditer(lowered)}
    return any(at not in specified for at in found)


def _points_at_many(lowered: str) -> bool:
    """ "those rivals" or "these firms" opening the question or after one of its function words."""
    return any(
        m.group(1) is None or m.group(1) in _function_words() | _OWN_QUESTION
        for m in _THOSE_ANY.finditer(lowered)
    )


def names(text: str) -> list[str]:
    """The capitalised names of `text` in order, each once: "Elon", "Musk", "Tesla"."""
    name = _NAME if "dash" in OWN_TOPIC else _NAME_AFTER_SPACE
    return list(dict.fromkeys(n for n in name.findall(f" {text}") if n not in _NOT_NAMES))


def _said(text: str) -> set[str]:
    """The words of `text`, lowercased, possessives off ("Tesla's" and "Bezos’" name them)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {w.removesuffix("'s").rstrip("'") for w in words}


def new_names(question: str, said: str) -> list[str]:
    """The names `question` uses that `said` (the turn before: question and answer) does not.

    "and what about Rivian?" after "Where will the factories be built?" and its answer names its
    own topic: a name nobody used before cannot be a word pointing back.
    """
    before = _said(said)
    return [n for n in names(question) if n.lower() not in before]


def referents(question: str, before: str, answer: str | None) -> list[str]:
    """The names a pronoun of `question` points at, when only the answer before said them.

    "what is he known for?" after "Who is Tesla's CEO?" asks about Elon Musk, whom the question
    before never named: searched with "Tesla's CEO" it finds the CEO passage again, alone it
    finds the most general sentence of the article. Only after a question asking for someone
    ("who", "which"): after "Is Amazon making cars?", "where will they build them?" means
    Amazon, the asker's own word. A demonstrative and a noun naming a maker or a person ("that
    company", with DEMONSTRATIVE_REFERENTS) points at the answer's names after any question:
    "what does that company build?" after "What did Amazon invest in before this venture?" asks
    about Rivian. Empty when the question names someone itself, holds neither, or the answer
    added no name.
    """
    if not answer or names(question):
        return []
    lowered = question.lower()
    pointed = DEMONSTRATIVE_REFERENTS and bool(
        _demonstrative(lowered)
        or ("other" in OWN_TOPIC and _OTHER.search(lowered))
        or ("those" in OWN_TOPIC and _THOSE.search(lowered))
        or (THOSE_ANY_PLURAL and _points_at_many(lowered))
        or asks_the_kind_of_what_was_named(question)
    )
    if not pointed and not _PERSONAL & set(_words(question)):
        return []
    if not pointed and not _ASKS_WHO & set(_after_openers(before.lower().strip())[1][:1]):
        return []
    asked = _said(before)
    return [n for n in names(answer) if n.lower() not in asked]


def search_query(question: str, history: Sequence[str] = ()) -> str:
    """What to search for: the question, preceded by its context when it is a follow-up.

    The context is the earlier questions back to the last that named its own topic (each by its
    content words only when `CONTEXT_CONTENT_WORDS_ONLY`).
    """
    asked: list[str] = []
    for earlier in [*history, question]:
        asked = [*asked, earlier] if asked and is_follow_up(earlier) else [earlier]
    if len(asked) == 1:
        return question
    if CONTEXT_CONTENT_WORDS_ONLY:
        asked[:-1] = [" ".join(content_words(earlier)) for earlier in asked[:-1]]
    return _tail(" ".join(part for part in asked if part))


def context_query(question: str, history: Sequence[str]) -> str:
    """The question searched as a follow-up of the questions before, whatever its words: what
    `search_query` would search if it read as one."""
    if not history:
        return question
    return _tail(f"{search_query(history[-1], history[:-1])} {question}")


def _tail(text: str) -> str:
    """The last MAX_CONTEXT_CHARS of `text`, starting at a word (a cut word is noise to BM25)."""
    if len(text) <= MAX_CONTEXT_CHARS:
        return text
    cut = text[-MAX_CONTEXT_CHARS:]
    return cut.split(None, 1)[-1] if not text[-MAX_CONTEXT_CHARS - 1].isspace() else cut

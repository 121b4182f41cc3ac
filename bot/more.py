"""Requests for more ("tell me more", "anything else?", "go on", "more?") after an answer: the
question before is answered again past the passages already quoted for it.

Searched as follow-ups, "more?" and "what else" quoted the passage just quoted again, and "tell
me more" or "anything else?" were refused (no passage is similar to them). A reader asking for
more wants the next passage on the same question. The request is read by its grammar (a word
asking for more, politeness, a reaction), never by the sources' words: "tell me more about the
factories" names a topic and is searched as a follow-up.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.answer import Answer, Quote, text_fragment_link
from bot.chunking import split_sentences
from bot.question_kind import question_text
from bot.request_words import ASKING

# On: a request for more answers the question before past what was quoted (session 22;
# docs/quality-log.md, "The lead's rules (session 22)"). `benchmarks/quality.py --lead-22`
# measures it.
MORE = True
# A run of requests for more after one question goes at most this deep: each one searches the
# question again once per request before it (about 10 ms each). 4 until session 24; 8 since, so
# "tell me more" after an overview (no search) walks every section it skipped (8 of the shipped
# article's 10) instead of being refused past the fourth. Past it, NOTHING_MORE, not a search.
MOST_IN_A_ROW = 8
# Said in place of a refusal when nothing past the quoted passages answers the question.
NOTHING_MORE = "That's all the sources say about it."

# On: the first "tell me more" reads on from the last sentence quoted through the rest of its
# passage (session 28, the lead's probes: "who is rivian? → tell me more" quoted the
# personalities passage, though the next sentence, "this new venture appears to be far more
# direct", goes on about Rivian); only past the passage's end is the question searched again.
READ_ON_28 = True
# Sentences read on at most: about as many as an answer quotes.
READ_ON = 3
# On: "so?" after an answer asks for more, as "and?" does (session 28, the lead's probes: refused).
SO_28 = True
# On: "are you sure?" and "how do you know?" after an answer show its quotes and citations again
# (session 22): searched, "how do you know?" quoted a passage at random, "are you sure?" refused.
# Not "what's that based on?": it asks what a thing is built on ("the ai features? based on …").
DOUBTS = True
_DOUBTS = re.compile(
    r"(?:(?:are|r) (?:you|u) sure|how (?:do|would|did|can) (?:you|u) know(?: (?:that|this))?"
    r"|says who|who says(?: so)?|(?:is|was) (?:that|this|it) (?:true|right|correct|accurate)"
    r"|really|proof|prove it|where does it say (?:that|so)|where did (?:you|u) (?:get|read) "
    r"(?:that|this)|according to (?:who|whom))"
)
# On: how sure the bot is ("how sure are you?", "what's your confidence?") after an answer is a
# doubt too (session 28, the lead's probes: refused); alone it is the sources' trust reply.
CONFIDENCE_28 = True
_CONFIDENCE = re.compile(
    r"how (?:sure|confident|certain) (?:are|r) (?:you|u)(?: (?:about|of) (?:that|this|it))?"
    r"|how (?:sure|confident|certain) can (?:i|we) be(?: (?:about|of) (?:that|this|it))?"
    r"|what(?:'s| is) your (?:confidence|certainty)(?: level)?|(?:confidence|certainty) level"
)
# On: "repeat that", "say that again", "what did you say?" show the answer before again too
# (session 23): searched, "repeat that" was refused and "say that again" quoted a passage at random.
REPEATS = True
_REPEATS = re.compile(
    r"(?:(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:repeat|say) (?:that|it|this|the answer)"
    r"(?: again)?|repeat|again|come again|what did (?:you|u) (?:just )?say|what was that"
    r"|(?:show|give|tell) (?:me )?(?:that|it|the answer) again|one more time)(?: (?:please|pls))?"
)
# On: "in one sentence?", "shorter please", "short version?" after an answer show its first quoted
# sentence alone (session 24): searched, "in one sentence?" quoted a passage at random.
SHORTER = True
_SHORTER = re.compile(
    r"(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:(?:say|put|give|sum|explain|make) "
    r"(?:that|it|this)(?: up)? )?(?:(?:in|as|into) (?:one|1|a single|a) (?:sentence|line)"
    r"|(?:a lot |much |a bit |even )?shorter(?: version)?|(?:the |a )?short(?:er)? version"
    r"|in short|(?:in )?brief(?:ly)?|too long|(?:the )?one[- ]liner)(?: (?:please|pls|plz))?"
)
# On: "summarise that", "in simpler words", "eli5 that", "i don't get it" after an answer show its
# first quoted sentence alone too, as "in one sentence?" does (session 26, the lead's probes: the
# pointing ones were read as an overview of the whole article, the others refused); and "and
# then?" asks for more as "then what?" does (it repeated the answer before).
SIMPLER_26 = True
_PLAINER = (
    r"(?:(?:like|as if) (?:i'?m|im|i am) (?:5|five)|simpl[ey]r?|more simply|in (?:simpler|plainer"
    r"|easier|plain|simple|layman'?s) (?:words|terms|english))"
)
_SIMPLER = re.compile(
    r"(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:(?:summ?ari[sz]e|sum up|tl ?;? ?dr|simplify"
    r"|eli ?5|dumb down) (?:that|this|it|the answer)(?: up| down)?(?: for me)?"
    r"(?: " + _PLAINER + ")?"
    r"|(?:explain|say|put|break down) (?:that|this|it|the answer)(?: down)? "
    + _PLAINER
    + r"|(?:in |with |using )?(?:simpler|plainer|easier|plain|simple|layman'?s) (?:words|terms"
    r"|english)|simpler|more simply|i (?:do ?n'?t|dont|didn'?t|didnt) (?:understand|get)"
    r"(?: (?:that|it|this))?)(?: (?:please|pls|plz))?"
)
# On: a question asked briefly ("briefly, who is rivian?", "in short, what's the rivalry about?",
# "who is rivian, in a nutshell") is answered without the brevity words, cut to its first quoted
# sentence as "in one sentence?" is (session 26, the lead's probes: "briefly, who is rivian?" and
# "quickly, who is rivian?" were refused, the adverb pulling the question under the floor).
BRIEFLY_26 = True
_BRIEF = (
    r"(?:briefly|quickly|in short|in brief|in a nutshell|in a word|in (?:one|a single|1|a)"
    r" (?:sentence|line)|in (?:a )?few words|short answer(?: please| pls)?|real quick|tl ?;? ?dr)"
)
_WH = r"(?=(?:who|what|where|when|why|how|which|is|are|does|do|did|can|will)\b)"
# On: the brevity asked at the end with no comma before it ("what's amazon's plan in one sentence",
# "explain the plan briefly", "what's the rivalry about in a nutshell") is taken off before the
# search (session 27, the lead's probes: the first and last quoted other passages than the bare
# question, the second was refused). The answer is not cut to its first sentence: "musk's
# personality in a nutshell?" cut lost "Musk is perceived as bold and unfiltered", its second.
# "quickly" and "in short" stay: "how did tesla grow so quickly". Only an answer is taken: a
# question partial or refused without the words is answered as typed (AnswerService._answered).
BRIEFLY_27 = True
_BRIEF_AT_END = re.compile(
    r"^(?P<last>.+?)\s+(?:briefly|in brief|in a nutshell|in (?:one|a single|1|a) (?:sentence|line)"
    r"|in (?:a )?few words)(?: (?:please|pls|plz))?[?.! ]*$",
    re.IGNORECASE,
)
_BRIEFLY = re.compile(
    rf"^(?:(?:ok|okay|so|and|but|hey)[,!]? )?{_BRIEF}(?:\s*[,:;—–-]+\s*|\s+{_WH})(?P<first>.+)$"
    rf"|^(?P<last>.+?)\s*[,;—–-]+\s*{_BRIEF}(?: (?:please|pls|plz))?[?.! ]*$",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\b(?:more|else|go on|keep going|continue|elaborate|expand|further|go deeper|and then)\b"
)
# On: "next", "next one", "what's next?" after an answer ask for more (session 26, the lead's
# probes: searched, each quoted "the next generation of innovation"); after a section, "next" is
# the section after it (bot/sections.py), read first.
NEXT_26 = True
_NEXT = re.compile(r"\bnext\b")
# Words a request for more may hold besides its asking phrase: politeness, a reaction to the
# answer, the sources named. Any other word names a topic, and the question is searched.
_FILLER = ASKING | frozenset({
    "a", "about", "ah", "any", "anything", "article", "bit", "continue", "cool", "deeper",
    "detail", "details", "elaborate", "else", "expand", "further", "go", "going", "good", "got",
    "great", "has", "have", "hear", "hmm", "huh", "i", "info", "interesting", "it's", "k",
    "keep", "know", "like", "little", "lol", "lot", "more", "much", "neat", "need", "next",
    "nice", "oh", "ok", "okay", "piece", "plz", "read", "said", "say", "says", "some",
    "something", "sounds", "source", "sources", "sure", "thank", "thanks", "that's", "thats",
    "then", "this", "to", "ty", "us", "want", "would", "wow", "yeah", "yep", "yes"
})  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# On: "tell me even more", "still more?" ask for more, and "is that all?", "is there more?",
# "nothing else?" after an answer ask whether the sources say more (session 29, the lead's
# probes: the first was refused, "is that all?" repeated the answer).
MORE_29 = True
_MORE_WORDS_29 = frozenset({"even", "still", "bit", "way"})
# A nudge before "and?" or "so?": "ok and?", "right so?".
_NUDGES_29 = frozenset({"ok", "okay", "k", "right", "hmm", "um", "yeah", "yes", "sure", "cool"})
_IS_THAT_ALL_29 = re.compile(
    r"^(?:(?:ok|okay|so|and|hmm+|wait|nice|cool|great|thanks|got it)[,!.]? )?(?:is (?:that|this)"
    r" (?:all|it|everything)"
    r"|(?:is|are) there (?:any ?thing |any )?(?:more|else)(?: (?:to it|on (?:that|this|it)))?"
    r"|nothing (?:else|more)|no more|anything more"
    r"|(?:what|anything) else (?:(?:should|do|would|might) i|i (?:should|need to|ought to))"
    r" (?:know|need to know|read|ask)"
    r"|what else (?:is|'s) (?:important|worth knowing|interesting|there))"
    r"(?: (?:then|though|tho))?\?$"
)


# "can you be more specific?", "in more detail please" after an answer: more of it.
_SPECIFIC_29 = re.compile(
    r"^(?:(?:ok|okay|so|hmm+)[,!.]? )?(?:(?:can|could|would) (?:you|u) )?(?:please )?"
    r"(?:(?:be|get) )?(?:more specific|(?:in )?more detail|(?:any |some |the )?specifics"
    r"|(?:go )?into (?:more )?detail|(?:tell|give) me everything(?: (?:about (?:it|that|them|this)"
    r"|you (?:know|have|got)))?)(?: please| pls| plz)?[?.! ]*$"
)


# On: "longer", "make it longer", "details?", "dig deeper", "give me the full answer" after an
# answer ask for more (session 30, the lead's probes: searched, quoting a passage at random, or
# refused).
LONGER_30 = True
_LONGER_30 = re.compile(
    r"^(?:(?:ok|okay|so|hmm+|now)[,!.]? )?(?:(?:can|could|would) (?:you|u) )?(?:please )?"
    r"(?:(?:make (?:it|that|the answer) |a |give me a |i want a )?longer(?: (?:answer|version"
    r"|one|reply))?|(?:more |any |some |the )?details|dig deeper|(?:give me |show me |i want )?the"
    r" (?:full|whole|complete|long) (?:answer|version|reply))(?: please| pls| plz)?[?.! ]*$"
)


@dataclass(frozen=True)
class More:
    """A request for more: the question it asks more of, that question's own history, and how
    many requests for more in a row this one makes (1 for the first)."""

    question: str
    history: tuple[str, ...]
    times: int
    # "in one sentence?": the answer before again, its first quoted sentence alone.
    shorter: bool = False
    # "repeat that", "are you sure?", "in one sentence?": the answer before again, nothing new.
    again: bool = False


def is_request_for_more(text: str) -> bool:
    """Whether `text` asks for more and names nothing of its own ("tell me more", "and?")."""
    if _WORD.findall(text.lower()) == ["and"]:  # "and?" (question_text drops a leading "and")
        return True
    if SIMPLER_26 and _WORD.findall(text.lower()) == ["and", "then"]:  # "and then?", as "and?"
        return True
    if SO_28 and _WORD.findall(text.lower()) in (["so"], ["and", "so"], ["so", "and"]):
        return True  # "so?" after an answer: go on, as "and?"
    said = _WORD.findall(text.lower())
    if MORE_29 and len(said) == 2 and said[0] in _NUDGES_29 and said[1] in ("and", "so"):
        return True  # "ok and?", "hmm so?": go on
    spaced = " ".join(text.lower().replace("’", "'").split())
    if MORE_29 and (_IS_THAT_ALL_29.match(spaced) or _SPECIFIC_29.match(spaced)):
        return True  # "is that all?": whether the sources say more; "be more specific"
    if LONGER_30 and _LONGER_30.match(spaced):
        return True  # "longer please", "details?": the answer went on past what was quoted
    text = question_text(text)
    words = _WORD.findall(text)
    filler = _FILLER | _MORE_WORDS_29 if MORE_29 else _FILLER
    if not words or not all(word in filler or (NEXT_26 and word == "one") for word in words):
        return False
    return bool(_ASKS.search(text) or (NEXT_26 and _NEXT.search(text)))


# On: "are you sure about that?", "how do you know that for sure?" after an answer are doubts too
# (session 29, the lead's probes: refused).
DOUBTS_29 = True
_DOUBTS_29 = re.compile(
    r"(?:(?:are|r) (?:you|u) (?:sure|certain|positive)|how (?:do|can) (?:you|u) (?:know|be sure))"
    r" (?:about (?:that|this|it)|of (?:that|this|it)|(?:that|this|it) for sure|for sure)"
)


# On: "did you make that up?", "is that made up?", "are you hallucinating?", "seriously?", "for
# real?" after an answer are doubts too (session 30, the lead's probes and talk30's: refused).
MADE_UP_30 = True
_MADE_UP_30 = re.compile(
    r"(?:did|do) (?:you|u) (?:make|making) (?:that|this|it) up|(?:are|r) (?:you|u) (?:making"
    r" (?:that|this|it|things|stuff) up|hallucinating|lying|guessing)|(?:is|was) (?:that|this"
    r"|it) (?:made up|invented|a guess|real|for real|legit)|(?:you|u) made (?:that|this|it) up"
    r"|(?:oh |wait |but )?(?:seriously|for real|really(?: though)?|no way|you sure|sure about"
    r" that)"
)
# On: a bare "eli5", "dumb it down", "explain like i'm 5" after an answer ask for it in fewer
# words, as "eli5 that" does (session 30, talk30's probes: an overview, or a passage at random).
SIMPLER_30 = True
_SIMPLER_30 = re.compile(
    r"(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:eli ?5|dumb (?:it|that|this) down"
    r"|explain like (?:i'?m|im|i am) (?:5|five)|for dummies)(?: (?:please|pls|plz))?"
)


def doubts_the_answer(text: str) -> bool:
    """Whether `text` asks how the answer before is known, or for it again, and nothing else
    ("are you sure?", "how do you know?", "says who?", "repeat that"): shown the same quotes and
    citations again."""
    text = question_text(text).strip(" ?!.")
    return bool(
        _DOUBTS.fullmatch(text)
        or (REPEATS and _REPEATS.fullmatch(text))
        or (CONFIDENCE_28 and _CONFIDENCE.fullmatch(text))
        or (DOUBTS_29 and _DOUBTS_29.fullmatch(text))
        or (MADE_UP_30 and _MADE_UP_30.fullmatch(text))
    )


def asks_shorter(text: str) -> bool:
    """Whether `text` asks for the answer before in fewer words and nothing else ("in one
    sentence?", "shorter please"): shown that answer's first quoted sentence alone."""
    if not SHORTER:
        return False
    text = question_text(text).strip(" ?!.")
    return bool(
        _SHORTER.fullmatch(text)
        or (SIMPLER_26 and _SIMPLER.fullmatch(text))
        or (SIMPLER_30 and _SIMPLER_30.fullmatch(text))
    )


def asked_briefly(text: str) -> str | None:
    """The question `text` asks briefly, its brevity words taken off ("briefly, who is rivian?":
    "who is rivian?"), or None when it asks nothing briefly."""
    if not BRIEFLY_26:
        return None
    found = _BRIEFLY.match(" ".join(text.split()))
    if found is None:
        return None
    asked = (found["first"] or found["last"]).strip()
    return asked if len(_WORD.findall(asked.lower())) >= 2 else None


def brevity_taken_off(text: str) -> str | None:
    """The question `text` asks with its brevity words at the end and no comma before them
    ("what's amazon's plan in one sentence": "what's amazon's plan"), or None."""
    if not BRIEFLY_27 or asks_shorter(text):  # "put that in one sentence": the answer before
        return None
    found = _BRIEF_AT_END.match(" ".join(text.split()))
    if found is None:
        return None
    asked = found["last"].strip()
    return asked if len(_WORD.findall(asked.lower())) >= 2 else None


def _asks_again(text: str) -> bool:
    """Whether `text` asks for the answer before again, in full or shorter (no new passage)."""
    return doubts_the_answer(text) or asks_shorter(text)


# On: "any others?", "any other partners?" after an answer about partners ask for more of it, not
# a new question (session 29, conv29's report and the lead's probes: the first repeated the
# answer, the second was refused). A noun the question before does not name is a question of its
# own ("any other ev makers?" after "who are amazon's partners?").
OTHERS_29 = True
_OTHERS = re.compile(
    r"^(?:(?:ok|okay|and|so|hmm+)[,!]? )?(?:(?:are there|were there|got|what|which) )?(?:any )?"
    r"(?:others|other ones|more of them|(?:other|more) (?P<noun>[a-z]+))(?: (?:then|too|though))?"
    r"[?.! ]*$"
)


def _asks_others(text: str, before: str) -> bool:
    """Whether `text` asks for others of what the question `before` asked ("any other
    partners?" after "who are amazon's partners?")."""
    found = _OTHERS.match(" ".join(text.lower().replace("’", "'").split())) if OTHERS_29 else None
    if found is None:
        return False
    noun = found["noun"]
    if noun is None:
        return True
    stem = noun[:5] if len(noun) >= 5 else noun
    return any(word.startswith(stem) for word in _WORD.findall(before.lower()))


def asks_for_more(question: str, history: Sequence[str]) -> More | None:
    """The request for more `question` makes in a conversation of `history` (a doubt or "in one
    sentence?" asks for the answer before again, `again`: the requests for more before it, not
    one more), or None when it is no such request or there is no question before it."""
    if not MORE or not history:
        return None
    doubt = (DOUBTS and doubts_the_answer(question)) or asks_shorter(question)
    if not doubt and not is_request_for_more(question) and not _asks_others(question, history[-1]):
        return None

    def more_asked(at: int) -> bool:  # "tell me more", or "any others?" after what it asks of
        return is_request_for_more(history[at]) or (
            at > 0 and _asks_others(history[at], history[at - 1])
        )

    at, before = len(history) - 1, 0
    while at >= 0 and (more_asked(at) or _asks_again(history[at])):
        before += more_asked(at)  # a doubt before asked for nothing new
        at -= 1
    times = before if doubt else before + 1
    if at < 0:
        return None
    asked = asked_briefly(history[at]) or history[at]  # more of "briefly, who …?" is of "who …?"
    return More(asked, tuple(history[:at]), times, asks_shorter(question), bool(doubt))


def first_sentence(answer: Answer, said_together: Callable[[str, str], bool]) -> Answer:
    """`answer` cut to its first quoted sentence (its citations and outcome kept): "in one
    sentence?" after it; with the second too where `said_together(first, second)` (a list's
    announcement and its first item). A reply quoting nothing is kept whole."""
    if not answer.quotes:
        return answer
    first, *rest = answer.quotes
    # An overview's or a section's quote holds several sentences: the first of them is meant.
    sentences = [first.text[a:b] for a, b in split_sentences(first.text)]
    if len(sentences) > 1:
        count = 2 if said_together(sentences[0], sentences[1]) else 1
        kept: tuple[Quote, ...] = (dataclasses.replace(first, text=" ".join(sentences[:count])),)
    else:
        joined = bool(rest) and said_together(first.text, rest[0].text)
        kept = answer.quotes[:2] if joined else answer.quotes[:1]
    return dataclasses.replace(answer, answer=" ".join(q.text for q in kept), quotes=kept)


def read_on(text: str, before: Answer) -> Answer | None:
    """The sentences after the last one `before` quotes, to the end of its passage (at most
    `READ_ON`), cited by that passage alone and labelled as `before` was; None when `before`
    quotes nothing, quotes several passages (a list, several questions) or its last quote ends
    its passage."""
    if not READ_ON_28 or before.refused or before.reply is not None or not before.quotes:
        return None
    if len({quote.citation for quote in before.quotes}) > 1:  # several answers: more of each
        return None
    last = before.quotes[-1]
    citation = next((c for c in before.citations if c.n == last.citation), None)
    at = citation.text.find(last.text) if citation is not None else -1
    if citation is None or at < 0:
        return None
    quoted = {quote.text for quote in before.quotes}
    following = [
        citation.text[start:end]
        for start, end in split_sentences(citation.text, at + len(last.text))
        if citation.text[start:end] not in quoted
    ][:READ_ON]
    if not following:
        return None
    link = text_fragment_link(citation.url, following[0]) if citation.url else None
    return dataclasses.replace(
        before,
        id=uuid.uuid4().hex,
        question=text,
        answer=" ".join(following),
        citations=(dataclasses.replace(citation, n=1, link=link),),
        quotes=tuple(Quote(sentence, 1) for sentence in following),
        timings_ms={},
    )

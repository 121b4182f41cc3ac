"""Questions about the articles themselves ("who wrote this?", "when was it published?", "what's
the headline?", "source?", "what articles do you have?"): answered from the corpus's front
matter, never by a passage search.

No passage is about its own author or date, so a search refuses "who wrote the article" or quotes
a passage at random ("what's the source of this article" quoted "According to industry sources
…"). The front matter (title, author, published, source, url) is what a reader would look at. A
field the front matter leaves out is said to be unknown, not guessed. As with an overview, the
question is read by its grammar (an asking phrase, the text named, politeness), never by the
sources' words: "where does amazon get its batteries" names a topic and is searched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from bot.answer import Answer, reply_answer
from bot.index import SearchIndex
from bot.overview import says_nothing_else
from bot.paragraphs import article_paragraphs
from bot.question_kind import question_text
from bot.request_words import ABOUT_THE_TEXT, ASKING
from bot.sections import article_sentences, section_openings

# On: questions about the articles are answered from their front matter (session 22;
# docs/quality-log.md, "Questions about the articles (session 22)"). `benchmarks/quality.py
# --about-article-22` measures it.
ABOUT_ARTICLE = True
# With "what articles do you have?", how many titles the reply names before "and N more".
LISTED = 5

# On: "how many articles do you have?" lists them as "what articles do you have?" does, and "how up
# to date are you?", "when was the index built?" say when the index was built and the latest
# article published (session 25, the lead's probes: each was refused).
FRESHNESS = True

# On: "how long is the article?", "what's the word count?" say how many words and sections it has,
# and "who published it?", "what's the publisher?" where it comes from
# (session 26, the lead's probes: "how long" was labelled "The sources don't say the number" on the
# long-range sentence, "word count" refused).
LENGTH_26 = True

# On: how far the sources can be trusted ("how reliable are your sources?", "can i trust this?")
# is answered with where they come from and how to check an answer, and "where does your info come
# from?" with the source (session 27, the lead's probes: the first quoted the environmental
# records, the others were refused).
TRUST_27 = True

# On: the whole text asked for ("can you give me the full text?", "print the whole article") is
# told the bot quotes it part by part, where it comes from and how to read it by sections (session
# 27, the lead's probes: refused, or "send me the article" quoted Affordable Luxury).
FULL_TEXT_27 = True

# On: "where was it published?" is the source; a bare "when?" or "where?" after a question about
# the front matter asks its date or source; "how long would it take to read?" is told the minutes
# too (session 28, the lead's probes: "who wrote it? → when?" and the first were refused).
FRONT_MATTER_28 = True

# On: "how sure are you?", "what's your confidence?" as a first message get the trust reply
# (session 28, the lead's probes: refused; after an answer they are a doubt, bot/more.py).
CONFIDENCE_28 = True

Field = Literal[
    "author", "published", "title", "source", "articles", "freshness", "length", "trust", "full"
]

_TEXT = r"(?:it|this|that|(?:the|this|that|your) (?:article|piece|story|text|post|source))"
_ASKS: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            r"\b(?:who (?:wrote|writes|authored|penned)|written by (?:who|whom)"
            r"|who(?: is|'s|s) (?:the )?(?:author|writer|journalist|reporter)"
            r"|(?:author|writer|byline)s?)\b"
        ),
        "author",
    ),
    (
        re.compile(
            rf"\b(?:when (?:was|is|did) {_TEXT} (?:published|written|posted|dated|out|from"
            r"|come out|came out)|how (?:old|recent|new|current) is " + _TEXT + r"|publication date"
            r"|published (?:when|on)|date (?:of|on) " + _TEXT + r")\b"
        ),
        "published",
    ),
    (
        re.compile(
            r"\b(?:title|headline|heading|(?:article|piece|story|post) (?:called|named|titled))\b"
        ),
        "title",
    ),
    (
        re.compile(
            r"\b(?:(?:what|which) (?:articles|sources|texts|documents|stories|pieces)"
            r"|(?:list|show)(?: me)? (?:your|the|all) (?:articles|sources))\b"
        ),
        "articles",
    ),
    (
        re.compile(
            rf"\b(?:where (?:is|was|does|did) {_TEXT} (?:come from|from"
            r"|get its (?:info|information))|sources?|links?|url|original"
            r"|(?:where|how) (?:can|do) i (?:read|find) " + _TEXT + r")\b"
        ),
        "source",
    ),
)
_ASKS_25: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(r"\bhow many (?:articles|sources|texts|documents|stories|pieces)\b"),
        "articles",
    ),
    (
        re.compile(
            r"\b(?:how (?:up to date|up-to-date|current|recent|fresh|old|new) (?:are|is)"
            r" (?:you|u|this|that|it|the (?:info|information|data|index|sources?|bot)|your"
            r" (?:info|information|data|index|sources?))"
            r"|(?:is|are) (?:this|that|it|the|your) (?:(?:info|information|data|index|sources?) )?"
            r"(?:up to date|up-to-date|current|recent|fresh|outdated|old)"
            r"|when (?:was|were|is|are) (?:the|your|this)"
            r" (?:index|sources?|data|info|information|bot)"
            r" (?:built|made|updated|last updated|refreshed|from)"
            r"|(?:last|latest) updated?|(?:data|knowledge|training) cut-? ?off)\b"
        ),
        "freshness",
    ),
)
_ASKS_26: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            rf"\b(?:how (?:long|short|big) is {_TEXT}|how many (?:words|paragraphs|sentences|pages)"
            r"|(?:word|page) count|length of " + _TEXT + r"|" + _TEXT + r"'?s length"
            r"|how long (?:does it|would it|will it) take to read(?: " + _TEXT + r")?"
            r"|reading time)\b"
        ),
        "length",
    ),
    (
        re.compile(
            rf"\b(?:who (?:published|publishes|posted|put out) {_TEXT}"
            r"|(?:publisher|outlet|publication|website|site|newspaper|magazine|blog)"
            r"(?: (?:is it|is this|of " + _TEXT + r"|it'?s from|is that))?)\b"
        ),
        "source",
    ),
)
_INFO = r"(?:info|information|data|facts|knowledge|answers?|sources?|stuff)"
_ABOUT_TEXT_27 = r"(?:you|u|this|that|it|(?:the|this|that|your) (?:article|piece|text|story|bot))"
_ASKS_27: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            rf"\b(?:how (?:reliable|trustworthy|accurate|credible|good|legit) (?:is|are)"
            rf" (?:{_ABOUT_TEXT_27}|(?:the|your|this|these) {_INFO})"
            rf"|(?:is|are) (?:{_ABOUT_TEXT_27}|(?:the|your|this|these) {_INFO})"
            r" (?:reliable|trustworthy|credible|legit|a reliable source|a good source)"
            rf"|(?:can|should|do) (?:i|we) (?:trust|believe|rely on) (?:{_ABOUT_TEXT_27}"
            rf"|(?:the|your|this|these) {_INFO}|what (?:you|u) say)"
            r"|(?:reliability|credibility|trustworthiness) of (?:the|your|this) (?:article|sources?"
            r"|info|information|data))\b"
        ),
        "trust",
    ),
    (
        re.compile(
            rf"\b(?:where (?:does|do|did) (?:your|the|this|that) {_INFO} come from"
            rf"|where (?:do|did) (?:you|u) get (?:your|the|this|that) {_INFO}(?: from)?"
            r"|what (?:is|are) (?:your|the) (?:sources?|info|information|data) based on"
            r"|what do (?:you|u) base (?:your|the|this|that) (?:answers?|info) on)\b"
        ),
        "source",
    ),
)
# "where was it published?" asks where the article comes from.
_PUBLISHED_WHERE_28: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            rf"\bwhere (?:was|is|did) {_TEXT} (?:published|posted|printed|put out|appear)\b"
        ),
        "source",
    ),
)
# A bare "when?", "where?", "by whom?" right after a question about the front matter asks the
# front matter's date, source or author.
_BARE_FOLLOW_UP_28 = re.compile(
    r"^(?:(?:and|ok|okay|so)[,!]? )*(?P<field>when|where|where from|by who|by whom|who)"
    r"(?: then| exactly)?[?.! ]*$",
    re.IGNORECASE,
)
_BARE_FIELDS: dict[str, Field] = {
    "when": "published", "where": "source", "where from": "source", "by who": "author",
    "by whom": "author", "who": "author",
}  # fmt: skip
# On: "is this article recent?" asks how fresh it is, "are there other articles?" which articles
# the bot reads (session 29, the lead's probes: the first quoted "the latest chapter", the second
# was refused).
FRONT_MATTER_29 = True
_FRONT_MATTER_29: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            r"\b(?:is|was) (?:this|that|the) (?:article|piece|story|text|post) (?:still )?(?:recent"
            r"|new|current|up to date|up-to-date|outdated|out of date|old|fresh|dated)\b"
            r"|\b(?:is|are) (?:that|this|it) still (?:true|the case|current|accurate|valid|so"
            r"|happening|up to date)\b"
        ),
        "freshness",
    ),
    (
        re.compile(
            r"\b(?:are there|do (?:you|u) (?:have|know)|(?:is|are) there) (?:any )?(?:other|more"
            r"|different|additional|further) (?:articles?|sources?|texts?|documents?|stories"
            r"|story|pieces?)\b"
        ),
        "articles",
    ),
)
# Words a minute a reader reads silently: 238 for non-fiction (Brysbaert 2019, a meta-analysis of
# 190 studies), for "how long would it take to read?".
READING_SPEED = 238
_ASKS_READING_TIME = re.compile(r"\b(?:take to read|reading time|time to read|minutes? to read)\b")
# "how sure are you?", "what's your confidence?" with no answer before (after one: a doubt).
_CONFIDENCE_28: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            r"\b(?:how (?:sure|confident|certain) (?:are|r) (?:you|u)"
            r"|what(?:'s| is) your (?:confidence|certainty)(?: level)?)\b"
        ),
        "trust",
    ),
)
_FULL_27: tuple[tuple[re.Pattern[str], Field], ...] = (
    (
        re.compile(
            r"^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:(?:give|send|show|paste|print"
            r"|copy|share|post|read)(?: me| us)? (?:the |this |that )?(?:(?:full|whole|entire"
            r"|complete|original) )?(?:article|text|piece)(?: in full| in its entirety)?"
            r"|(?:where|how) (?:can|do|could) i (?:read|see|find|get) (?:the |this )?(?:full"
            r"|whole|entire|complete|original) (?:article|text|piece|story))\b"
        ),
        "full",
    ),
)
# Words the question may hold besides its asking phrase: politeness, the text named. Any other
# word names a topic ("who wrote about batteries", "the source of tesla's lead"): searched.
_FILLER = ASKING | ABOUT_THE_TEXT | frozenset({
    "actual", "answer", "be", "by", "come", "did", "exactly", "find", "from", "full", "got",
    "has", "have", "here", "hold", "how", "info", "information", "it's", "know", "link", "list",
    "name", "one", "ones", "original", "originally", "read", "real", "source", "sources",
    "that's", "thats", "these", "those", "use", "used", "using", "were", "when", "which", "who",
    "who's", "whos", "will", "your", "yours"
})  # fmt: skip


def asks_about_article(question: str) -> Field | None:
    """Which of the articles' front-matter fields the question asks for, when it asks about
    the articles themselves and names no topic of its own; None otherwise."""
    if not ABOUT_ARTICLE:
        return None
    text = question_text(question)
    asks = _ASKS + (_ASKS_25 if FRESHNESS else ()) + (_ASKS_26 if LENGTH_26 else ())
    asks = (_ASKS_27 if TRUST_27 else ()) + asks  # before "sources?" reads it as the source
    asks = (_CONFIDENCE_28 if CONFIDENCE_28 else ()) + asks
    asks = asks + (_PUBLISHED_WHERE_28 if FRONT_MATTER_28 else ())
    asks = (_FRONT_MATTER_29 if FRONT_MATTER_29 else ()) + asks
    asks = (_FULL_27 if FULL_TEXT_27 else ()) + asks
    for pattern, field in asks:
        found = pattern.search(text)
        if found is None:
            continue
        if says_nothing_else(text, found, _FILLER):
            return field
    return None


def _title(article: Mapping[str, Any], doc_id: str) -> str:
    return f"“{article.get('title') or doc_id}”"


def _day(value: Any) -> str:
    return str(value)[:10]


def _line(field: Field, doc_id: str, article: Mapping[str, Any]) -> tuple[str, bool]:
    """What the front matter says of `field` for one article, and whether it says it."""
    title = _title(article, doc_id)
    if field == "author":
        author = article.get("author")
        return (
            (f"{title} is by {author}.", True)
            if author
            else (
                f"{title} doesn't name its author.",
                False,
            )
        )
    if field == "published":
        published = article.get("published")
        return (
            (f"{title} was published on {_day(published)}.", True)
            if published
            else (
                f"{title} doesn't give its publication date.",
                False,
            )
        )
    if field == "title":
        return f"The article is {title}.", True
    if field == "full":  # quoted part by part: where it comes from and how to read it here
        came_from, known = _line("source", doc_id, article)
        return (
            f"I quote the article part by part rather than whole. {came_from} Ask “what are"
            " the sections?” to read it here section by section.",
            True,
        )
    if field == "trust":  # the bot can't vouch for the article: it says where it's from, and how
        came_from, known = _line("source", doc_id, article)
        return (
            f"{came_from} I can't vouch for it beyond that: every answer quotes and cites the"
            " passages it comes from, so you can check what the article says.",
            known,
        )
    source, url = article.get("source"), article.get("url")
    if not source and not url:
        return f"{title} doesn't say where it comes from.", False
    where = f" ({url})" if url and source else ""
    return f"{title} comes from {source or url}{where}.", True


def about_article_answer(
    question: str,
    field: Field,
    articles: Mapping[str, Mapping[str, Any]],
    doc_ids: Sequence[str],
    built_at: str | None,
) -> Answer:
    """The reply from the front matter of `doc_ids` (the articles asked about); answered when it
    holds what was asked, else refused (the front matter lacks it: nothing is guessed)."""
    if field == "articles":
        titles = [_title(articles[d], d) for d in doc_ids[:LISTED]]
        more = len(doc_ids) - len(titles)
        listed = ", ".join(titles) + (f" and {more} more" if more else "")
        count = "one article" if len(doc_ids) == 1 else f"{len(doc_ids)} articles"
        text, said = (
            (f"I answer from {count}: {listed}.", True)
            if doc_ids
            else (
                "I hold no articles yet.",
                False,
            )
        )
    elif field == "freshness":
        text, said = _freshness(articles, doc_ids, built_at)
    else:
        lines = [_line(field, d, articles[d]) for d in doc_ids]
        text = " ".join(line for line, _ in lines)
        said = any(known for _, known in lines)
    return reply_answer(question, text, "article", answered=said, built_at=built_at)


def _freshness(
    articles: Mapping[str, Mapping[str, Any]], doc_ids: Sequence[str], built_at: str | None
) -> tuple[str, bool]:
    """When the index was built and the latest of `doc_ids` (latest first) was published, and
    whether either is known."""
    built = f"The sources were last indexed on {_day(built_at)}" if built_at else ""
    dated = [d for d in doc_ids if articles[d].get("published")]
    if dated:
        latest = dated[0]
        title, published = _title(articles[latest], latest), _day(articles[latest]["published"])
        said = f"the latest article, {title}, was published on {published}"
    elif len(doc_ids) == 1:
        said = "the article gives no publication date"
    else:
        said = "the articles give no publication dates"
    if not built:
        return said[0].upper() + said[1:] + ".", bool(dated)
    return f"{built}; {said}.", True


# On: "how many paragraphs are there?", "how many sentences are in the article?" are told that
# count with the words and sections (session 30, the lead's probes: only the words and sections).
PARTS_COUNTED_30 = True
_PARTS_COUNTED_30 = re.compile(r"\bhow many (paragraphs|sentences)\b")


def length_line(title: str, words: int, sections: int) -> str:
    """How long an article is: its words (to the nearest ten past a hundred, as a reader counts)
    and its sections."""
    counted = f"{words:,}" if words < 100 else f"about {round(words, -1):,}"
    parts = f", in {sections} sections" if sections > 1 else ""
    return f"{title} is {counted} words long{parts}."


def length_answer(
    question: str, index: SearchIndex, doc_ids: Sequence[str], built_at: str | None
) -> Answer:
    """The reply to "how long is the article?": each article's words and sections, counted from
    its passages (each sentence once: passages may overlap)."""
    articles = index.manifest["articles"]
    lines = []
    for doc_id in doc_ids:
        words = sum(len(text.split()) for _, text in article_sentences(index, doc_id))
        sections = len(section_openings(index, [doc_id]))
        line = length_line(_title(articles[doc_id], doc_id), words, sections)
        counted = _PARTS_COUNTED_30.search(question.lower()) if PARTS_COUNTED_30 else None
        if counted is not None:  # "how many paragraphs are there?": counted too
            parts = (
                article_paragraphs(index, doc_id)
                if counted[1].startswith("paragraph")
                else article_sentences(index, doc_id)
            )
            line += f" It has {len(parts)} {counted[1].rstrip('s')}s."
        if FRONT_MATTER_28 and _ASKS_READING_TIME.search(question.lower()):
            minutes = max(1, round(words / READING_SPEED))
            line += f" It takes about {minutes} minute{'s' if minutes > 1 else ''} to read."
        lines.append(line)
    text = " ".join(lines)
    return reply_answer(question, text, "article", answered=bool(lines), built_at=built_at)


def front_matter_follow_up(question: str, before: str) -> Field | None:
    """For a bare "when?" or "where?" right after `before` asked about the front matter ("who
    wrote it?"): the field it asks (the date, the source); None otherwise."""
    if not FRONT_MATTER_28:
        return None
    found = _BARE_FOLLOW_UP_28.match(" ".join(question.split()))
    if found is None or asks_about_article(before) is None:
        return None
    return _BARE_FIELDS[found["field"].lower()]


# Each field a bare follow-up asks, as the question asking it in full.
_FIELD_QUESTIONS: dict[Field, str] = {
    "published": "when was it published?", "source": "where does it come from?",
    "author": "who wrote it?",
}  # fmt: skip


def front_matter_question(question: str, before: str) -> str | None:
    """A bare "when?" right after "who wrote it?" as the question it asks in full ("when was it
    published?"), read before the asides (a question about the front matter is one) leave the
    conversation; None for any other message."""
    field = front_matter_follow_up(question, before)
    return None if field is None else _FIELD_QUESTIONS[field]

"""Articles -> passages that keep paragraph and sentence boundaries and fit the model's window.

Consecutive paragraphs of one section are packed into a passage up to `target_tokens`; a paragraph
longer than `max_tokens` is split between sentences. Every passage keeps its character span in
the article's text and the spans of its sentences, which the answer layer quotes from.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.corpus import Article

Span = tuple[int, int]
TokenCounter = Callable[[Sequence[str]], list[int]]

# A sentence ends at . ! ? (or …) plus closing quotes/brackets, before whitespace and a capital,
# digit, quote or bracket. Common abbreviations are not ends.
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "inc", "ltd", "co", "corp",
    "no", "fig", "e.g", "i.e", "etc", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "al",
}  # fmt: skip


@dataclass(frozen=True)
class Passage:
    id: str
    doc_id: str
    section: str | None
    start: int
    end: int
    text: str
    sentences: tuple[Span, ...]  # spans in the article's text, in order

    def sentence_texts(self) -> list[str]:
        return [self.text[s - self.start : e - self.start] for s, e in self.sentences]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of `text[start:end]`, as absolute offsets into `text`."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        word = text[cursor : match.start()].rsplit(None, 1)[-1:] or [""]
        if word[0].lower().rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word[0]):
            continue
        spans.append(_strip_span(text, cursor, stop))
        cursor = stop
    if text[cursor:end].strip():
        spans.append(_strip_span(text, cursor, end))
    return [s for s in spans if s[1] > s[0]]


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def chunk_articles(
    articles: Sequence[Article], count_tokens: TokenCounter, target_tokens: int, max_tokens: int
) -> list[Passage]:
    """Passages of all `articles`, token-counted in one batch."""
    units: list[tuple[Article, int, list[Span]]] = []  # (article, paragraph index, sentence spans)
    flat: list[str] = []
    for article in articles:
        for i, para in enumerate(article.paragraphs):
            spans = split_sentences(article.text, para.start, para.end)
            units.append((article, i, spans))
            flat.extend(article.text[s:e] for s, e in spans)
    counts = iter(count_tokens(flat)) if flat else iter(())
    per_article: dict[str, list[tuple[int, list[tuple[Span, int]]]]] = {}
    for article, i, spans in units:
        per_article.setdefault(article.doc_id, []).append(
            (i, [(span, next(counts)) for span in spans])
        )
    passages: list[Passage] = []
    for article in articles:
        passages.extend(
            _pack(article, per_article.get(article.doc_id, []), target_tokens, max_tokens)
        )
    return passages


def _pack(
    article: Article,
    paragraphs: list[tuple[int, list[tuple[Span, int]]]],
    target_tokens: int,
    max_tokens: int,
) -> list[Passage]:
    groups: list[tuple[str | None, list[Span]]] = []
    current: list[Span] = []
    current_tokens = 0
    current_section: str | None = None

    def flush() -> None:
        nonlocal current, current_tokens
        if current:
            groups.append((current_section, current))
        current, current_tokens = [], 0

    for i, sentences in paragraphs:
        section = article.paragraphs[i].section
        tokens = sum(n for _, n in sentences)
        if current and (section != current_section or current_tokens + tokens > target_tokens):
            flush()
        current_section = section
        if tokens <= max_tokens:
            current.extend(span for span, _ in sentences)
            current_tokens += tokens
            continue
        flush()  # an over-long paragraph becomes several passages, split between sentences
        for span, n in sentences:
            for piece in _split_long_sentence(article.text, span, n, max_tokens):
                share = -(-n * (piece[1] - piece[0]) // max(1, span[1] - span[0]))
                if current and current_tokens + share > max_tokens:
                    flush()
                current.append(piece)
                current_tokens += share
        flush()
    flush()

    passages: list[Passage] = []
    seen: dict[str, int] = {}
    for section, spans in groups:
        start, end = spans[0][0], spans[-1][1]
        text = article.text[start:end]
        digest = hashlib.sha256(f"{article.doc_id}\0{section}\0{text}".encode()).hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        pid = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
        passages.append(Passage(pid, article.doc_id, section, start, end, text, tuple(spans)))
    return passages


def _split_long_sentence(text: str, span: Span, tokens: int, max_tokens: int) -> list[Span]:
    """A sentence over the window is cut at whitespace into roughly equal pieces that fit."""
    if tokens <= max_tokens:
        return [span]
    pieces = -(-tokens // max_tokens) + 1
    start, end = span
    size = (end - start) // pieces + 1
    out: list[Span] = []
    cursor = start
    while cursor < end:
        cut = min(end, cursor + size)
        if cut < end:
            space = text.rfind(" ", cursor + 1, cut)
            cut = space if space > cursor else cut
        out.append(_strip_span(text, cursor, cut))
        cursor = cut
    return [s for s in out if s[1] > s[0]]

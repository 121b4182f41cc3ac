"""A quoted sentence that announces a list ("The vehicles themselves are expected to feature several
key innovations:") is followed in the answer by the list it announces.

The sentence scores best for "what features will the amazon car have?", but the items come after
it, in passages of their own that the question's words hardly match, so the answer was the colon
and nothing after it. The list is read off the index: the sentences that follow the colon in its
section, the passages they sit in cited (or the citation already there quoting them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from bot.answer import Answer, Citation, Quote, passage_citation
from bot.chunking import Passage
from bot.index import SearchIndex

# On: a sentence ending in a colon brings the list after it (session 23; `benchmarks/quality.py
# --lead-23` measures it).
ANNOUNCED_LIST = True
# At most this many sentences of the list are quoted: a quote, not the rest of the section.
LIST_SENTENCES = 6


def announces_list(sentence: str) -> bool:
    """Whether `sentence` ends by announcing what follows ("several key innovations:")."""
    return sentence.rstrip().endswith(":")


def with_announced_list(answer: Answer, index: SearchIndex) -> Answer:
    """`answer` with the list each of its colon-ended quotes announces quoted after it; the same
    answer when none does, or when what follows is quoted already."""
    if (
        not ANNOUNCED_LIST
        or answer.refused
        or not any(announces_list(q.text) for q in answer.quotes)
    ):
        return answer
    citations = list(answer.citations)
    quoted_already = {q.text for q in answer.quotes}  # an item quoted elsewhere is not twice
    quotes: list[Quote] = []
    for n, quote in enumerate(answer.quotes):
        quotes.append(quote)
        if not announces_list(quote.text):
            continue
        cited = next((c for c in citations if c.n == quote.citation), None)
        following = answer.quotes[n + 1] if n + 1 < len(answer.quotes) else None
        if cited is None:
            continue
        for passage, sentence in _list_after(index, cited, quote.text)[:LIST_SENTENCES]:
            if following is not None and following.text == sentence:
                break  # the answer quotes the list already
            if sentence in quoted_already:
                continue
            citation = _citation_of(passage, citations, index)
            quotes.append(Quote(sentence, citation.n))
    if len(quotes) == len(answer.quotes):
        return answer
    return dataclasses.replace(
        answer,
        answer=" ".join(q.text for q in quotes),
        quotes=tuple(quotes),
        citations=tuple(citations),
    )


def _list_after(index: SearchIndex, cited: Citation, sentence: str) -> list[tuple[Passage, str]]:
    """The sentences after `sentence` (quoted from the passage `cited`) to the end of its section,
    each with its passage."""
    rows = index.article_rows.get(cited.doc_id, range(0))
    found: list[tuple[Passage, str]] = []
    passages = _passages_from(index, rows, cited.passage_id)
    first = next(passages, None)
    if first is None:
        return found
    texts = first.sentence_texts()
    if sentence not in texts:
        return found
    found.extend((first, s) for s in texts[texts.index(sentence) + 1 :])
    for passage in passages:
        if passage.section != first.section or len(found) >= LIST_SENTENCES:
            break
        found.extend((passage, s) for s in passage.sentence_texts())
    return found


def _passages_from(index: SearchIndex, rows: range, passage_id: str) -> Iterator[Passage]:
    """The passage `passage_id` of the article at `rows`, then the passages after it, in order."""
    started = False
    for row in rows:
        passage = index.passages[row]
        started = started or passage.id == passage_id
        if started:
            yield passage


def _citation_of(passage: Passage, citations: list[Citation], index: SearchIndex) -> Citation:
    """The citation of `passage`, appended to `citations` when the answer did not cite it."""
    for citation in citations:
        if citation.passage_id == passage.id:
            return citation
    article = index.manifest["articles"].get(passage.doc_id, {})
    citation = passage_citation(len(citations) + 1, passage, article, passage.text, score=0.0)
    citations.append(citation)
    return citation

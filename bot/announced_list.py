"""A quoted sentence that announces a list ("The vehicles themselves are expected to feature several
key innovations:") is followed in the answer by the list it announces.

The sentence scores best for "what features will the amazon car have?", but the items come after
it, in passages of their own that the question's words hardly match, so the answer was the colon
and nothing after it. The list is read off the index: the sentences that follow the colon in its
section, the passages they sit in cited (or the citation already there quoting them).
"""

from __future__ import annotations

import dataclasses

from bot.answer import Answer, Citation, Quote, passage_citation
from bot.chunking import Passage
from bot.index import SearchIndex
from bot.sections import to_section_end

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
    each with its passage; none when the passage does not hold it."""
    found = to_section_end(index, cited.doc_id, cited.passage_id)
    for at, (passage, text) in enumerate(found):
        if passage.id == cited.passage_id and text == sentence:
            return found[at + 1 :]
    return []


def _citation_of(passage: Passage, citations: list[Citation], index: SearchIndex) -> Citation:
    """The citation of `passage`, appended to `citations` when the answer did not cite it."""
    for citation in citations:
        if citation.passage_id == passage.id:
            return citation
    article = index.manifest["articles"].get(passage.doc_id, {})
    citation = passage_citation(len(citations) + 1, passage, article, passage.text, score=0.0)
    citations.append(citation)
    return citation

"""What the article attributes its claims to: "does the article cite any sources?", "what evidence
does it give?" quote the sentences saying where a claim comes from ("According to industry
sources", "industry insiders report", "Early reports suggest", "is rumored to").

Asked, the first quoted one such sentence and the second was refused (session 30, the lead's
probes): a reader weighing an answer asks what it rests on, and the text says it sentence by
sentence, not in one passage a search would find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer, passages_answer, reply_answer
from bot.index import SearchIndex
from bot.more import NOTHING_MORE
from bot.question_kind import question_text
from bot.request_words import TEXT_NAMED
from bot.sections import article_sentences

# On: a question about the article's sources or evidence quotes the sentences attributing a
# claim (session 30; `benchmarks/quality.py --lead-30` measures it).
ATTRIBUTED_30 = True
# Sentences quoted at most: the attributions in the order the text makes them.
QUOTED = 6

_WHO = rf"(?:{TEXT_NAMED}|it|the (?:writer|author|journalist))"
_ASKED = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|but)[,!]? )*(?:"
    rf"(?:does|do|did) {_WHO} (?:cite|name|quote|give|use|offer|provide|have|back (?:it|this|that)"
    r" up with)(?: any)? (?:sources|evidence|references|proof|citations)"
    rf"|(?:what|which) (?:sources|evidence|references|proof|citations) (?:does|do|did) {_WHO}"
    r" (?:cite|name|quote|give|use|offer|provide|rely on|have)"
    rf"|(?:what|who) (?:is|are) {_WHO}(?:'s| his| her| its)? (?:sources|evidence|references)"
    rf"|what (?:is|'s) {_WHO} based on|where (?:does|do|did) {_WHO} get (?:its|their|his|her)"
    r" (?:claims|facts|evidence)|is (?:there|any of (?:this|it|that)) (?:any )?(?:evidence|proof"
    r"|sourced|backed up))[?.! ]*$",
    re.IGNORECASE,
)
# The words a sentence gives its claim's source with.
_ATTRIBUTING = re.compile(
    r"\b(?:according to|reports? (?:suggest|say|indicate|that)|(?:insiders|sources|analysts"
    r"|experts|observers) (?:report|say|said|suggest|believe|note)|reportedly|rumou?red|allegedly"
    r"|(?:industry|company) (?:sources|insiders))\b",
    re.IGNORECASE,
)


def asks_for_attributions(question: str) -> bool:
    """Whether the question asks what the article's claims rest on, and nothing else."""
    if not ATTRIBUTED_30:
        return False
    return bool(_ASKED.match(" ".join(question_text(question).replace("’", "'").split())))


def attributions_answer(question: str, index: SearchIndex, doc_ids: Sequence[str]) -> Answer:
    """The sentences of the articles `doc_ids` attributing a claim, quoted and cited (the first
    `QUOTED`); a reply saying none does otherwise."""
    built_at = index.manifest.get("built_at")
    found = [
        (passage, sentence)
        for doc_id in doc_ids
        for passage, sentence in article_sentences(index, doc_id)
        if _ATTRIBUTING.search(sentence)
    ]
    if not found:
        said = "The article attributes none of its claims to a source."
        return reply_answer(question, said, "article", answered=True, built_at=built_at)
    articles = index.manifest["articles"]
    return passages_answer(question, found[:QUOTED], articles, built_at, NOTHING_MORE)

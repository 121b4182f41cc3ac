"""Requests answered from an answer or a list, not by a search of their own words: several items
of the answer before ("the third and fourth ones"), one thing it holds ("what does source 2
say?", "the 4th one?" after the headings), the nth thing of a kind the sources list ("what's
the second innovation?") and how many they list ("how many innovations are there?").

bot/pointed.py reads the requests; this module answers them, so `AnswerService` dispatches once
(as bot/article_requests.py does for the articles' structure).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence

from bot.announced_list import with_announced_list
from bot.answer import Answer, passages_answer, reply_answer
from bot.index import SearchIndex
from bot.more import NOTHING_MORE, More
from bot.names_mentioned import listed_names
from bot.pointed import (
    Pointer,
    asks_how_many_listed,
    counted_listed,
    item_pointed_before,
    list_count_answer,
    listed_items,
    nth_listed,
    past_the_list,
    pointed_answer,
    points_at,
    rank_asked,
    several_items,
)
from bot.sections import article_sentences, listed_section_answer
from bot.several_questions import joined_answer

# On: "tell me more" after a list's item ("what's the second one?"), a source's quote ("what
# does source 1 say?") or the passage ("show me the passage") reads on past it in the article, as
# after "the whole section" (session 31, the lead's probes: the item's question, searched again
# alone, quoted the article's opening; the source's was refused).
MORE_AFTER_ITEM_31 = True

# The answer to the message before and the conversation before that, worked out when first asked.
AnswerBefore = Callable[[], tuple[Answer, Sequence[str]]]
# The answer to a question asked alone ("what are the innovations?").
SearchedAlone = Callable[[str], Answer]
# Which articles a request is about, given the conversation before it (`AnswerService`'s choice).
ArticlesAsked = Callable[[Sequence[str]], list[str]]
# The answer to the message at a place in the conversation, as it was answered.
AnsweredAt = Callable[[int], Answer]


def pointed_request_answer(
    text: str,
    history: Sequence[str],
    more: More | None,
    index: SearchIndex,
    answer_before: AnswerBefore,
    searched_alone: SearchedAlone,
    articles_asked: ArticlesAsked,
    answered_at: AnsweredAt | None = None,
) -> Answer | None:
    """The answer to a request pointing into the answer before or into a list the sources hold,
    or None when `text` makes none (or points past what there is to point at): it is searched.
    `answered_at` answers an earlier message (the list an item was pointed in)."""
    if history:

        @functools.cache
        def listed_before() -> tuple[Answer, Sequence[str]]:
            # "how many innovations are there? → the second one": the list it counted
            before, before_it = answer_before()
            kind = counted_listed(history[-1]) if before.reply == "citations" else None
            if kind is not None:
                before = _list_of(kind, index, searched_alone)
            elif answered_at is not None and item_pointed_before(history, before):
                # "what's the third one? → and the fourth?": the list the third was pointed in
                earlier = answered_at(len(history) - 2)
                counted = counted_listed(history[-2]) if earlier.reply == "citations" else None
                if counted is not None:  # "how many innovations? → the second? → the third?"
                    earlier = _list_of(counted, index, searched_alone)
                if listed_items(earlier):
                    return earlier, history[:-2]
            return before, before_it

        answer = _of_the_list(text, history[-1], listed_before)
        if answer is None:
            answer = _items_answer(text, index, listed_before, articles_asked)
        if answer is None:
            answer = _pointer_answer(text, index, listed_before, articles_asked)
        if answer is None:
            answer = _name_answer(
                text, history, index, listed_before, searched_alone, articles_asked
            )
        if answer is not None:
            return answer
    read_on_from = points_at(more.question) if more is not None and not more.again else None
    reads_on = {"section", "after"} | (
        {"item", "citation", "passage"} if MORE_AFTER_ITEM_31 else set()
    )
    if more is not None and read_on_from is not None and read_on_from.at in reads_on:
        # "the whole section → tell me more": the article read on past what was just quoted
        return around_the_answer(text, Pointer("after", 1), answer_before()[0], index)
    if more is not None:  # "tell me more" after "how many innovations are there?": the list
        kind = counted_listed(more.question) if more.times == 1 and not more.again else None
        if kind is None or more.shorter:
            return None
        listed = _list_of(kind, index, searched_alone)
        return dataclasses.replace(listed, question=text) if listed_items(listed) else None
    return _nth_answer(text, index, searched_alone) or _count_answer(text, index, searched_alone)


# The things a list answered ("what are the key innovations?": "key innovations").
_LIST_ASKED = re.compile(r"^(?:what|which) are (?:the |its |their )?(?P<things>[a-z ]{3,40}?)\??$")


def _of_the_list(text: str, asked: str, answer_before: AnswerBefore) -> Answer | None:
    """For "how many are there?" after an answer quoting a list: how many items it holds; for
    "which one is the most important?", that list labelled as not saying which (the sources rank
    none); None otherwise."""
    counted, rank = asks_how_many_listed(text), rank_asked(text)
    if not counted and rank is None:
        return None
    before, _ = answer_before()
    if counted and before.reply == "sections" and before.outcome == "answered":
        return dataclasses.replace(before, question=text)  # the headings' reply counts them
    if not listed_items(before):
        return None
    if counted:
        things = _LIST_ASKED.match(" ".join(asked.lower().replace("’", "'").split()))
        kind = things["things"] if things else counted_listed(asked) or "items"
        return list_count_answer(text, kind, before)
    return dataclasses.replace(before, question=text, outcome="partial", missing=rank)


def _items_answer(
    text: str, index: SearchIndex, answer_before: AnswerBefore, articles_asked: ArticlesAsked
) -> Answer | None:
    """Several items of the answer before ("the third and fourth ones"), or sections after the
    headings, joined; None unless every one is there."""
    items = several_items(text)
    if not items:
        return None
    before, before_it = answer_before()
    parts = [
        pointed_answer(text, Pointer("item", n), before)
        or (listed_section_answer(text, n, index, articles_asked(before_it))
            if before.reply == "sections" else None)
        for n in items
    ]  # fmt: skip
    if any(part is None for part in parts):
        return None
    return joined_answer(text, [part for part in parts if part is not None])


def _pointer_answer(
    text: str, index: SearchIndex, answer_before: AnswerBefore, articles_asked: ArticlesAsked
) -> Answer | None:
    """What the answer before holds where `text` points ("what does source 2 say?"); the section
    after the headings were listed ("the 4th one?"); past the end of a list: how many it holds."""
    pointer = points_at(text)
    if pointer is None:
        return None
    before, before_it = answer_before()
    if pointer.at in ("section", "after", "before"):  # "the whole section", "what comes next?"
        return around_the_answer(text, pointer, before, index)
    pointed = pointed_answer(text, pointer, before) or past_the_list(text, pointer, before)
    if pointed is None and pointer.at == "item" and before.reply == "sections":
        pointed = listed_section_answer(text, pointer.n, index, articles_asked(before_it))
    return pointed


def _name_answer(
    text: str,
    history: Sequence[str],
    index: SearchIndex,
    answer_before: AnswerBefore,
    searched_alone: SearchedAlone,
    articles_asked: ArticlesAsked,
) -> Answer | None:
    """After "who is mentioned in the article?", "tell me about the first one": that name,
    searched alone ("tell me about Jeff Bezos"); None for any other request."""
    pointer = points_at(text)
    if pointer is None or pointer.at != "item":
        return None
    before, before_it = answer_before()
    if before.reply != "article":
        return None
    names = listed_names(history[-1], index, articles_asked(before_it))
    place = pointer.n - 1 if pointer.n > 0 else len(names) - 1
    if place >= len(names) > 0:  # "the ninth one" of five: say so, not "no answer"
        said = f"The answer before names {len(names)}."
        return reply_answer(text, said, "citations", built_at=index.manifest.get("built_at"))
    if not 0 <= place < len(names):
        return None
    return dataclasses.replace(searched_alone(f"tell me about {names[place]}"), question=text)


# Sentences "what comes next in the article?" quotes ("the next sentence": one).
AROUND = 2


def around_the_answer(
    text: str, pointer: Pointer, before: Answer, index: SearchIndex
) -> Answer | None:
    """What the article says around the answer before, in its order: the whole section its first
    quote comes from (`pointer.at` "section"), or the sentences after its last quote ("after") or
    before its first ("before"); None when `before` quotes nothing found in the article."""
    if before.refused or before.reply is not None or not before.quotes:
        return None
    quote = before.quotes[-1] if pointer.at == "after" else before.quotes[0]
    citation = next((c for c in before.citations if c.n == quote.citation), None)
    if citation is None:
        return None
    sentences = article_sentences(index, citation.doc_id)
    # Where the article holds the answer's quotes from this article (a quote may join sentences).
    quoted = [q.text for q in before.quotes if q.citation == citation.n] or [quote.text]
    held = [
        i
        for i, (_, sentence) in enumerate(sentences)
        if any(sentence in q or q in sentence for q in quoted)
    ]
    if not held:
        return None
    built_at = index.manifest.get("built_at")
    if pointer.at == "section":
        section = sentences[held[0]][0].section
        chosen = [(p, sentence) for p, sentence in sentences if p.section == section]
    else:
        count = 1 if re.search(r"\b(?:sentence|line)\b", text.lower()) else AROUND
        after, first = max(held) + 1, min(held)
        chosen = (
            sentences[after : after + count]
            if pointer.at == "after"
            else sentences[max(0, first - count) : first]
        )
        if not chosen:  # past the article's last sentence, or before its first
            end = "last" if pointer.at == "after" else "first"
            said = f"That was the article's {end} sentence."
            return reply_answer(text, said, "citations", built_at=built_at)
    return passages_answer(text, chosen, index.manifest["articles"], built_at, NOTHING_MORE)


def _nth_answer(text: str, index: SearchIndex, searched_alone: SearchedAlone) -> Answer | None:
    """The nth thing of a kind ("what's the second innovation?"): that item of their list."""
    nth = nth_listed(text)
    if nth is None:
        return None
    pointer, things = nth
    listed = _list_of(things, index, searched_alone)
    return pointed_answer(text, pointer, listed) or past_the_list(text, pointer, listed, things)


def _count_answer(text: str, index: SearchIndex, searched_alone: SearchedAlone) -> Answer | None:
    """How many things of a kind the sources list ("how many innovations are there?")."""
    kind = counted_listed(text)
    if kind is None:
        return None
    listed = _list_of(kind, index, searched_alone)
    return list_count_answer(text, kind, listed)


def _list_of(things: str, index: SearchIndex, searched_alone: SearchedAlone) -> Answer:
    """The answer to "what are the <things>?" asked alone, with the list it announces: what the
    nth item, a count or "tell me more" after a count read."""
    return with_announced_list(searched_alone(f"what are the {things}?"), index)

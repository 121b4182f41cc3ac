"""Requests answered from the articles' structure, not by a search: their front matter ("who wrote
this?"), how they open and close ("tl;dr?") and their sections ("the section on partnerships").

Each reader (bot/about_article.py, bot/overview.py, bot/sections.py) says whether a message is its
request; this module asks them in turn, so `AnswerService.ask` dispatches once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from bot import (
    attributions,
    mention_count,
    overview,
    paragraphs,
    reply_shown,
    section_parts,
    sections,
)
from bot.about_article import (
    about_article_answer,
    asks_about_article,
    length_answer,
)
from bot.acronym import abbreviation_answer
from bot.answer import Answer
from bot.dates_named import (
    asked_year,
    dates_answer,
    dates_asked,
    dates_asked_more_of,
    year_answer,
)
from bot.index import SearchIndex
from bot.mention_count import counted_thing, mention_count_answer
from bot.more import More
from bot.names_mentioned import asked_names, counted_names, names_answer
from bot.overview import (
    asks_for_overview,
    latest_articles,
    overview_answer,
    overview_asked_more_of,
    overview_more_answer,
)
from bot.pointed import asks_origin
from bot.sections import (
    SectionRequest,
    after_listing,
    asks_about_sections,
    asks_section_size,
    next_section,
    section_answer,
    section_size_answer,
)
from bot.spelling import request_respelt

# Which articles a request is about, given the conversation before it (`AnswerService`'s choice).
ArticlesAsked = Callable[[Sequence[str]], list[str]]
# A message with its names' typos respelt as the service reads it ("tesal": "tesla").
NamesRespelt = Callable[[str], str]

# On: "show me" / "tell me more" after a count read the question before with its names respelt,
# as it was answered (session 31, the lead's probes: "how many times is tesal mentioned? → where?"
# counted "tesla", then said the article doesn't mention "tesal").
NAMES_RESPELT_31 = True


def _titles(index: SearchIndex) -> list[str]:
    return [str(a.get("title") or "") for a in index.manifest["articles"].values()]


def asks_for_last_part(message: str) -> bool:
    """Whether `message` asked for the article's last part ("what's the conclusion?")."""
    return asks_for_overview(message, True) in ("conclusion", "ending")


def steps_back_a_section(text: str, history: Sequence[str]) -> bool:
    """Whether "previous" after a section steps back a section (bot/sections.py)."""
    return sections.steps_back_a_section(text, history, asks_for_last_part)


def structure_answer(
    text: str,
    history: Sequence[str],
    more: More | None,
    index: SearchIndex,
    articles_asked: ArticlesAsked,
    names_respelt: NamesRespelt | None = None,
) -> Answer | None:
    """The answer to a request about the articles' structure, or None when `text` makes none (it
    is searched). An answer with a `reply` (front matter, the headings) is, like small talk, not
    a quote of the sources. A request with a typo in its words ("waht are the sections") is read
    as typed right; the search never sees the respelling."""
    read = _structure_answer(text, history, more, index, articles_asked, names_respelt)
    if read is not None:
        return read
    respelt = request_respelt(text, index.lexical.holds)
    if respelt == text:
        return None
    read = _structure_answer(respelt, history, more, index, articles_asked, names_respelt)
    return None if read is None else dataclasses.replace(read, question=text)


def _structure_answer(
    text: str,
    history: Sequence[str],
    more: More | None,
    index: SearchIndex,
    articles_asked: ArticlesAsked,
    names_respelt: NamesRespelt | None,
) -> Answer | None:
    """`structure_answer`, `text` read as typed."""
    built_at = index.manifest.get("built_at")
    # "show me" after "how many times is tesla mentioned?" is read as "tell me more" after it, and
    # "tell me more" after that "show me" as more of the count; the question before is read as it
    # was answered, its request words typed right ("how many times is tesla mentiond? → where?")
    asks_more_or_to_see = more is not None or reply_shown.asks_to_see(text)
    if reply_shown.SHOWN_30 and history and asks_more_or_to_see:  # else nothing reads it
        asked = history[-1]
        if NAMES_RESPELT_31 and names_respelt is not None:
            asked = names_respelt(asked)
        respelt = request_respelt(asked, index.lexical.holds)
        before = [*history[:-1], respelt]
        if more is not None and more.question == history[-1]:
            more = dataclasses.replace(more, question=respelt)
    else:
        before = list(history)
    more = reply_shown.to_see_as_more(text, before) if more is None else reply_shown.rebased(more)
    length = section_parts.asks_section_length(text, history[-1] if history else None)
    if length is not None:  # "how long is the conclusion?" ("… is it?" after a section)
        doc_ids = articles_asked(history)
        counted = section_parts.section_length_answer(text, length, index, doc_ids, built_at)
        if counted is not None:
            return counted
    heading = section_parts.asks_heading(text, history[-1] if history else None)
    if heading is not None:  # "what's the first section called?": its heading
        doc_ids = articles_asked(history)
        named = section_parts.heading_answer(text, heading, index, doc_ids, built_at)
        if named is not None:
            return named
    opens = section_parts.asks_how_part_opens(text, history[-1] if history else None)
    if opens is not None:  # "how does the conclusion open?": its first sentences
        doc_ids = articles_asked(history)
        if opens == section_parts.OPENING:
            return overview_answer(text, index, doc_ids, built_at, "opening")
        assert isinstance(opens, SectionRequest)
        opened = section_answer(text, opens, index, doc_ids, built_at)
        if opened is not None:
            return opened
    several = paragraphs.asks_several_paragraphs(text)
    if several is not None:  # "give me the first two paragraphs": those, in order
        return paragraphs.several_paragraphs_answer(text, several, index, articles_asked(history))
    paragraph = paragraphs.asks_nth_paragraph(text, history[-1] if history else None)
    if paragraph is not None:  # "what does the second paragraph say?": that paragraph
        doc_ids = articles_asked(history)
        quoted = paragraphs.nth_paragraph_answer(text, paragraph, index, doc_ids, built_at)
        if quoted is not None:
            return quoted
    nth = section_parts.asks_nth_sentence(text, history[-1] if history else None)
    if nth is not None:  # "what's the third sentence of the article?": that sentence
        doc_ids = articles_asked(history)
        quoted = section_parts.nth_sentence_answer(text, nth, index, doc_ids, built_at)
        if quoted is not None:
            return quoted
    if attributions.asks_for_attributions(text):  # "does the article cite any sources?"
        return attributions.attributions_answer(text, index, articles_asked(history))
    field = asks_about_article(text)
    if field == "source" and history and asks_origin(text):
        field = None  # "where is that from?" after an answer: its quotes say (bot/pointed.py)
    if field is not None:  # "who wrote this?": the front matter says, not a passage
        articles = index.manifest["articles"]
        asked = (
            latest_articles(index, len(articles))
            if field in ("articles", "freshness")
            else articles_asked(history)
        )
        if field == "length":  # "how long is the article?": counted from its passages
            return length_answer(text, index, asked, built_at)
        return about_article_answer(text, field, articles, asked, built_at)
    defined = abbreviation_answer(text, index)
    if defined is not None:  # "what does EV stand for?": where the text spells it out
        return defined
    longest = asks_section_size(text, history[-1] if history else None)
    if longest is not None:  # "which section is the longest?": counted from its sentences
        return section_size_answer(text, longest, index, articles_asked(history), built_at)
    # "what are the key dates?" ("... numbers?"): the sentences naming a year (a number);
    # "tell me more" after it, the next ones
    dated = dates_asked(text)
    if dated is not None:
        return dates_answer(text, index, articles_asked(history), dated == "numbers")
    year = asked_year(text)
    if year is not None:  # "what happens in 2040?": the sentences naming it
        return year_answer(text, year, index, articles_asked(history))
    dated = dates_asked_more_of(more)
    if more is not None and dated is not None:
        doc_ids = articles_asked(more.history)
        return dates_answer(text, index, doc_ids, dated == "numbers", more.times)
    mentions = _mentions_compared(text, history, index, articles_asked)
    if mentions is not None:  # "who is mentioned more, bezos or musk?": counted in the text
        return mentions
    thing = counted_thing(text)
    if thing is not None:  # "how many times is tesla mentioned?": counted in the text
        articles = index.manifest["articles"]
        asked = articles_asked(history)
        return mention_count_answer(text, thing, index, asked, articles, built_at)
    thing = mention_count.sections_naming_asked(text)
    if thing is not None:  # "which sections talk about amazon?": read in the text
        articles = index.manifest["articles"]
        return mention_count.sections_naming_answer(
            text, thing, index, articles_asked(history), articles, built_at
        )
    kind = asked_names(text)
    counted = counted_names(text) if kind is None else None
    if kind is not None or counted is not None:  # "who is mentioned in the article?": read
        articles = index.manifest["articles"]
        doc_ids = articles_asked(history)
        named = kind or counted or "people"
        return names_answer(text, named, index, doc_ids, articles, built_at, counted is not None)
    several = section_parts.asks_several_sections(text)
    if several is not None:  # "summarize sections 1 and 2": those sections
        doc_ids = articles_asked(history)
        return section_parts.several_sections_answer(text, several, index, doc_ids, built_at)
    if sections.asks_for_each_section(text):  # "summarize each section": each one's first sentence
        return sections.each_section_answer(text, index, articles_asked(history), built_at)
    summed = section_parts.part_summed(more)
    if more is not None and summed is not None:  # "how long is it? → summarize it": in short
        doc_ids = articles_asked(more.history)
        if summed == section_parts.OPENING:
            return overview_answer(text, index, doc_ids, built_at, "opening")
        assert isinstance(summed, SectionRequest)
        return section_answer(text, summed, index, doc_ids, built_at)
    # "tell me about the ev rivalry": what the title names, its overview
    if overview.asks_about_title(text, _titles(index), bool(history)):
        return overview_answer(text, index, articles_asked(history), built_at, "both")
    part = asks_for_overview(text, in_conversation=bool(history))
    if part is not None:  # "tl;dr?": how the article opens and closes
        return overview_answer(text, index, articles_asked(history), built_at, part)
    again = section_parts.another_section(text, history[-1] if history else None)
    if again is not None:  # "and the third?" after "what's section 2 about?": section 3
        return section_answer(text, again, index, articles_asked(history), built_at)
    following = next_section(text, history, asks_for_last_part)
    if following is not None:  # "next" after "what's section 2 about": section 3
        request, at = following
        return section_answer(text, request, index, articles_asked(history[:at]), built_at)
    asked = overview_asked_more_of(more)
    if more is not None and asked is None:  # "what can you tell me about the ev rivalry? → more"
        asked = overview.title_asked_more_of(more, _titles(index))
    if more is not None and asked is not None:  # "tell me more" after it: the sections it skipped
        doc_ids = articles_asked(more.history)
        return overview_more_answer(text, index, doc_ids, built_at, asked, more.times)
    paragraph = paragraphs.paragraph_asked_more_of(more)
    if more is not None and paragraph is not None:  # "the 2nd paragraph → tell me more": the next
        doc_ids = articles_asked(more.history)
        times = more.times
        return paragraphs.nth_paragraph_answer(text, paragraph, index, doc_ids, built_at, times)
    sentence = section_parts.sentence_asked_more_of(more)
    if more is not None and sentence is not None:  # "the 3rd sentence → tell me more": after it
        doc_ids = articles_asked(more.history)
        times = more.times
        return section_parts.nth_sentence_answer(text, sentence, index, doc_ids, built_at, times)
    section_more = section_parts.section_asked_more_of(more)
    if more is not None and section_more is not None:  # "how long is it? → more": the section
        request, times = section_more
        doc_ids = articles_asked(more.history)
        return section_answer(text, request, index, doc_ids, built_at, times)
    shown = reply_shown.shown_of(more)
    if shown is not None:  # "tell me more" after "which sections talk about nvidia?": the sentences
        return reply_shown.shown_answer(text, shown, index, articles_asked(shown.history))
    # "summarise the section on partnerships" (and "tell me more" after it): its heading says
    asked_of = more.question if more else after_listing(text, history[-1] if history else None)
    section = asks_about_sections(asked_of)
    if section is None:
        return None
    times_more = more.times if more else 0
    if more is not None and section == SectionRequest() and sections.ONE_ON_26:
        # "tell me more" after the headings: the first section, then the next, a request each
        section, times_more = SectionRequest(place=more.times), 0
    return section_answer(
        text,
        section,
        index,
        articles_asked(more.history if more else history),
        built_at,
        times_more,
    )


def _mentions_compared(
    text: str, history: Sequence[str], index: SearchIndex, articles_asked: ArticlesAsked
) -> Answer | None:
    """The reply to "which section mentions tesla the most?", "who is mentioned more, bezos or
    musk?" or "does the conclusion mention rivian?", counted in the text; None for any other
    message, or a part the articles don't have."""
    built_at = index.manifest.get("built_at")
    articles = index.manifest["articles"]
    most = mention_count.most_mentioned_where(text)
    if most is not None:
        doc_ids = articles_asked(history)
        return mention_count.most_mentioned_answer(text, most, index, doc_ids, articles, built_at)
    compared = mention_count.compared_things(text)
    if compared is not None:
        doc_ids = articles_asked(history)
        return mention_count.compared_answer(text, compared, index, doc_ids, articles, built_at)
    asked = mention_count.part_mention_asked(text)
    named = section_parts.part_named(asked[0], history[-1] if history else None) if asked else None
    if asked is None or named is None:
        return None
    for doc_id in articles_asked(history):
        part = section_parts.part_sentences(named, index, doc_id)
        if part is not None:  # the first article holding that part
            heading, sentences = part
            return mention_count.part_mention_answer(text, asked[1], heading, sentences, built_at)
    return None

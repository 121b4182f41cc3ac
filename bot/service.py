"""The one answer layer every front end calls: the terminal, Slack and Discord.

It owns the loaded index and the embedder, turns a question (and the conversation before it)
into an `Answer`, and records it in the query log. Between questions it notices a newly swapped-in
index and answers from that, with no restart. Front ends translate their events into `ask` calls
and render the `Answer`; they hold no retrieval logic. Whether a follow-up is searched in its
context is bot/follow_up.py's decision; what the sources write, bot/source_terms.py's reading.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Collection, Sequence
from types import EllipsisType

import numpy as np

import bot.retrieval
from bot import answer as answer_module
from bot import feedback, follow_up, overview, section_parts
from bot import more as more_module
from bot.about_article import asks_about_article, front_matter_question
from bot.announced_list import announces_list, with_announced_list
from bot.answer import Answer, compose_answer, reply_answer, validate_question
from bot.antecedent import points_back, with_antecedents
from bot.article_requests import steps_back_a_section, structure_answer
from bot.asked_clause import embedded_question
from bot.asked_topic import (
    MOST_TOPIC_WORDS,
    mention_unwritten,
    mentioned_topic,
    requested_topic,
    searched_topic,
    sources_write_topic,
)
from bot.assumed_count import without_assumed_count
from bot.closing_asked import closing_asked
from bot.conversation import (
    content_words,
    is_follow_up,
    with_conjunction,
    without_topic_label,
)
from bot.embedding import Embedder, get_embedder
from bot.errors import IndexUnavailable, UnknownAnswer
from bot.feedback import (
    AGAIN,
    SORRY,
    SORRY_NOTED,
    asks_to_start_over,
    complains_first,
    corrected_question,
    is_complaint,
    since_start_over,
    without_asides,
    without_retraction,
)
from bot.first_mention import bare_name, introduced_first
from bot.follow_up import (
    QuestionSearches,
    after_the_answer_before,
    pointed_at,
    quoted_for_both,
    resolved_question,
)
from bot.follow_up_kind import how_much_asked_before, without_exclusion
from bot.index import SearchIndex, live_build, load_index, ranking_sentences_of
from bot.language import (
    ONLY_ENGLISH,
    asks_for_another_language,
    in_another_language,
    in_another_script,
)
from bot.lexical import about_the_topic
from bot.lookups import load_lookups
from bot.more import (
    NOTHING_MORE,
    More,
    asked_briefly,
    asks_for_more,
    brevity_taken_off,
    doubts_the_answer,
    first_sentence,
    read_on,
)
from bot.overview import latest_articles
from bot.pointed import asks_origin, more_of_counted
from bot.pointed_requests import pointed_request_answer
from bot.preamble import asked_directly, without_preamble
from bot.recall import (
    NO_PREVIOUS,
    asks_previous_answer,
    recall_asked,
    recalled,
    returned_to,
    with_returns,
)
from bot.retrieval import Hit, Retriever
from bot.sections import section_topic
from bot.settings import Settings
from bot.several_questions import (
    joined_answer,
    names_asked,
    points_back_in_message,
    questions_in,
)
from bot.small_talk import (
    SmallTalk,
    closing_thanks,
    help_asked_first,
    reply_to_small_talk,
    reply_without_index,
    small_talk,
    without_greeting,
)
from bot.source_terms import (
    asks_about_the_text,
    asks_off_topic,
    asks_whether_mentioned,
    best_similarity,
    names_source_terms,
    topic_name,
    writes_every_word,
    writes_phrase,
    written_as_name,
    written_in_capitals,
)
from bot.spelling import is_english_word, spelled_as_the_sources, with_apostrophes
from bot.stance import NO_STANCE, NO_WRITING, asks_bot_to_write, asks_bots_view
from bot.store import Store, StoreError, open_store
from bot.unclear import after_answer

log = logging.getLogger(__name__)

# Replies quoting nothing that the messages after them read, so they are part of a conversation's
# history (the query log's turns; the terminal's list): "start over" ends the context before it,
# and "the 4th one?", "the one on …", "next" point into the headings listed.
TURN_REPLIES = frozenset({"start over", "sections"})


# On: a typo of a name the sources write in capitals ("nvida") is respelt as the sources write it,
# as "tesal" is (session 31, the lead's probes: "which sections talk about nvida?" said the article
# doesn't mention it, "what does the article say about nvida?" was refused).
NAMES_IN_CAPITALS_31 = True


def judged_on_both(
    answer: Answer, compose: Callable[[list[Hit]], Answer], outcome_hits: list[Hit] | None
) -> Answer:
    """`answer`, labelled as the answer from `outcome_hits` (the re-ranking before the answer's
    deeper one) is when that one is not presented as answered: the deeper re-ranking chooses the
    citations and the quote, never the outcome (bot.retrieval.OUTCOME_ON_BOTH_RANKINGS)."""
    if outcome_hits is None or answer.outcome != "answered":
        return answer
    before = compose(outcome_hits)
    if before.outcome != "partial":  # refused: no hit is under the floor on one ranking alone
        return answer
    return dataclasses.replace(answer, outcome="partial", missing=before.missing)


# On: a question typed in capitals is read in lower case (session 22; docs/quality-log.md, "The
# lead's rules (session 22)"). `benchmarks/quality.py --lead-22` measures it.
UNSHOUTED = True
_LETTERS = re.compile(r"[^\W\d_]+")


def unshouted(text: str) -> str:
    """`text` in lower case when it is all capitals over two words or more: the readers of names
    and acronyms take every capitalised word for a name ("WHO IS RIVIAN" was labelled partial,
    "WHERE WILL AMAZON BUILD FACTORIES?" quoted another passage)."""
    words = _LETTERS.findall(text)
    if UNSHOUTED and len(words) >= 2 and all(word.isupper() for word in words):
        return text.lower()
    return text


# A link pasted into a question: its words ("example", "com") are no words of the question.
_LINK = re.compile(r"<?\b(?:https?://|www\.)[^\s>]+>?", re.IGNORECASE)


def without_links(text: str) -> str:
    """`text` without the links pasted into it ("who is rivian https://…" was refused), unless
    the links are all it holds (then it is asked as written, and refused as a question matching no
    passage is)."""
    rest = " ".join(_LINK.sub(" ", text).split())
    return rest if _LETTERS.search(rest) else text


def as_typed(question: str) -> str:
    """The question checked (`validate_question`) and read as its asker meant it: capitals
    lowered when it is all capitals, pasted links left out."""
    return without_links(unshouted(validate_question(question)))


def said_together(first: str, second: str) -> bool:
    """Whether two quoted sentences say nothing apart: "several key innovations:" and the first
    item it announces, or a sentence and the "This makes …" pointing back at it."""
    return announces_list(first) or points_back(second)


def composed_as_asked(
    compose: Callable[..., Answer], hits: list[Hit], outcome_hits: list[Hit] | None, *, alone: bool
) -> Answer:
    """The answer from `hits`, quoted with PLACE_WEIGHT when asked `alone` (bot.answer), and
    judged on the ranking before (`outcome_hits`) quoted without the weight: the weight follows
    the answer's places, not that ranking's, whose first passage may be another ("where r the
    amazon cars gonna be made" was labelled partial when it did). With PLACE_OUTCOME_ON_BOTH, the
    quote without the weight must be answered too: the weight chooses the quote, not the outcome.
    """
    answer = judged_on_both(compose(hits, alone=alone), compose, outcome_hits)
    if alone and answer_module.PLACE_WEIGHT and answer_module.PLACE_OUTCOME_ON_BOTH:
        answer = judged_on_both(answer, compose, hits)
    return answer


def late_interaction_for(settings: Settings, passages: int) -> bool:
    """EVBOT_LATE_INTERACTION for an index of `passages`: off, saying so, over more than
    EVBOT_LATE_INTERACTION_MAX_PASSAGES (its cold candidates would cost every answer an encoder
    pass over about 15 of its top 20 passages, 1.0 s of CPU at 10^5 passages, where a cached
    index costs 2 ms; docs/scale.md, "Late interaction at scale")."""
    if settings.late_interaction and passages > settings.late_interaction_max_passages:
        log.info(
            "late interaction off: the index has %d passages, EVBOT_LATE_INTERACTION_MAX_PASSAGES "
            "is %d",
            passages,
            settings.late_interaction_max_passages,
        )
        return False
    return settings.late_interaction


class AnswerService:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        query_log: Store | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.model, settings.batch_size)
        # SQLite, or PostgreSQL when a database URL is set: checked here, so a worker that cannot
        # reach it, or finds an older schema, stops at start with one line.
        self.query_log = query_log or open_store(settings)
        if self.query_log.publishes_index:
            from bot.store.published import IndexFollower

            # The published build into the local index/ now, then any newer one within seconds
            # (the hot reload below picks it up between questions).
            self.index_follower = IndexFollower(self.query_log, settings.index_dir)
            self.index_follower.sync()
            self.index_follower.start()
        self._retriever: Retriever | None = None
        self._build: str | None = None
        self._lock = threading.Lock()

    @property
    def retriever(self) -> Retriever:
        """The retriever over the live index, reloaded when a new build has been swapped in."""
        retriever = self._current(wait=True)
        assert retriever is not None  # waited for the lock: loaded, or IndexUnavailable raised
        return retriever

    def _current(self, *, wait: bool) -> Retriever | None:
        """`retriever`; without `wait`, while another thread loads an index, the one loaded so
        far without waiting for it (None before the first: small talk is replied to meanwhile)."""
        if not self._lock.acquire(blocking=wait):
            return self._retriever
        try:
            build = self._live_build()
            if self._retriever is not None and build == self._build:
                return self._retriever
            try:
                retriever = self._load(build)  # that exact build, even if swapped again meanwhile
            except IndexUnavailable as err:
                if self._retriever is None:
                    raise
                # Keep answering from the index we have; the next question tries again.
                log.warning("kept the loaded index: the new one failed to load: %s", err)
                return self._retriever
            if self._retriever is not None:
                log.info("reloaded index %s", build)
            self._retriever, self._build = retriever, build
            return self._retriever
        finally:
            self._lock.release()

    @property
    def serving_build(self) -> str | None:
        """The build the loaded retriever answers from (None before the first load)."""
        return self._build

    def warm_up(self) -> None:
        """Load the index, the model and the answer's lookups now, so the first question is as
        fast as the rest."""
        self.retriever.search("warm-up", k=1)
        load_lookups()

    def _live_build(self) -> str | None:
        return live_build(self.settings.index_dir)

    def _load(self, build: str | None) -> Retriever:
        index = load_index(self.settings.index_dir, self.settings.model, build)
        made = ranking_sentences_of(index.manifest)
        if made != self.settings.ranking_sentences:
            # It still answers: without the file the ranking has no sentence evidence.
            log.warning(
                "index %s was built with ranking sentences %r, EVBOT_RANKING_SENTENCES is %r; "
                "run: evbot index build",
                index.path,
                made,
                self.settings.ranking_sentences,
            )
        late = late_interaction_for(self.settings, len(index.passages))
        return Retriever(index, self.embedder, late_interaction=late)

    def search_for(
        self,
        question: str,
        history: Sequence[str] = (),
        retriever: Retriever | None = None,
        previous_answer: str | None = None,
        resolved: str | EllipsisType | None = ...,
        searches: QuestionSearches | None = None,
    ) -> tuple[str, np.ndarray]:
        """What to search for, and its vector: the question, or the question in its context, as
        `bot.follow_up.search_for` decides. `resolved` is `resolved_question(question, history,
        previous_answer)` when the caller has worked it out already (`ask` does), and `searches`
        the question's `QuestionSearches`, made with the same arguments, when the caller keeps
        them (`ask` does). A method, so a benchmark can put a chosen query in its place."""
        retriever = retriever or self.retriever
        if searches is None:
            searches = QuestionSearches(
                self.embedder, self.settings, retriever, question, history, previous_answer
            )
        if resolved is ...:
            resolved = resolved_question(question, history, previous_answer)
        return follow_up.search_for(searches, resolved)

    def previous_answer(self, conversation: str | None, history: Sequence[str]) -> str | None:
        """What the bot answered to the conversation's last question, when it answered one."""
        if not conversation or not history:
            return None
        try:
            return self.query_log.answer_to(conversation, history[-1])
        except StoreError as err:  # the answer does without it; the question must not be lost
            log.warning("could not read the answer before in %s: %s", conversation, err)
            return None

    def small_talk_of(self, text: str) -> SmallTalk | None:
        """What kind of small talk `text` is (bot/small_talk.py), read against the index loaded
        now (with none, the phrases whole). It never loads one: a front end may ask on its loop."""
        loaded = self._retriever
        return small_talk(text, loaded.index.lexical.holds if loaded is not None else None)

    def _retriever_or_reply(self, text: str, history: Sequence[str]) -> Retriever | Answer:
        """The retriever to answer `text` from, or the reply to it when it is small talk: a
        greeting, a thanks or "help" is replied to whether or not the index can be read, and
        without waiting for one being loaded; a closing remark is told from a question by the
        index. A bare "like what?" opening a conversation asks what the bot answers; "huh?" after an
        answer says it was unclear (bot/unclear.py). After an answer a complaint ("nice try") is
        feedback's, whatever small talk's phrases also read."""
        kind = after_answer(text, history) or small_talk(text) or help_asked_first(text, history)
        if kind is not None and history and is_complaint(text):
            kind = None
        try:
            retriever = self._current(wait=False)
        except IndexUnavailable as err:
            if kind is None:
                raise
            log.warning("small talk replied to without the index: %s", err)
            return reply_without_index(kind, text, loading=False)
        if retriever is None:  # another thread is loading the first index
            if kind is not None:
                return reply_without_index(kind, text, loading=True)
            retriever = self.retriever
        # The phrases whole were matched above: only the closing remark needs the index.
        kind = kind or closing_thanks(text, retriever.index.lexical.holds)
        if kind is not None:
            return reply_to_small_talk(kind, text, retriever.index)
        return retriever

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        source: str = "cli",
        user: str | None = None,
        conversation: str | None = None,
        citations: int | None = None,
        reask_of: str | None = None,
    ) -> Answer:
        """Answer `question`; `history` is the conversation's earlier questions, oldest first.

        `source`, `user` and `conversation` are recorded in the query log; `citations` overrides
        EVBOT_CITATIONS (a "More sources" button asks for more).
        """
        started = time.perf_counter()
        text = typed = as_typed(question)
        # "who is rivian? → that's it?": whether the sources say more, not a goodbye
        text = closing_asked(text, history) or text
        retriever = self._retriever_or_reply(text, history)
        if isinstance(retriever, Answer):  # small talk asks the sources nothing: not logged
            return retriever
        # "(hey,) that's wrong, where …": counted, then answered
        if history and complains_first(without_greeting(text)):
            self._vote_against_latest(conversation, user)
        text, history = self._read(text, history, retriever)
        _ = self.embedder.model  # a cold start loads it here: loading is not answer latency
        searched = time.perf_counter()
        k = citations or self.settings.citations
        answer = self._answered(text, history, retriever, conversation, k)
        if answer.reply == "sorry":  # "that's wrong": a vote on the answer it is about
            return self._complaint_counted(answer, conversation, user)
        if answer.reply is not None:  # a reply quoting nothing (the front matter ...): not logged
            if answer.reply in TURN_REPLIES:  # but "start over" is part of what follows it
                self._turn_recorded(conversation, typed, answer.reply)
            return answer
        return self._recorded(
            answer, started, searched, time.perf_counter(), source, user, conversation, reask_of
        )

    def _turn_recorded(self, conversation: str | None, question: str, kind: str) -> None:
        """`question`, replied to with a reply of `kind`, recorded as a turn of `conversation`
        (what a chat adapter reads back as its history); a lost database costs the turn (logged),
        never the reply."""
        if conversation is None:
            return
        try:
            self.query_log.record_turn(conversation, question, kind)
        except StoreError as err:
            log.warning("could not record a %s turn in %s: %s", kind, conversation, err)

    def _complaint_counted(
        self, reply: Answer, conversation: str | None, user: str | None
    ) -> Answer:
        """The reply to a complaint, the complaint counted as `user`'s "Not helpful" vote on the
        conversation's latest answer (the reply then says so); a lost database costs the vote,
        not the reply."""
        if not self._vote_against_latest(conversation, user):
            return reply
        return dataclasses.replace(reply, answer=SORRY_NOTED)

    def _vote_against_latest(self, conversation: str | None, user: str | None) -> bool:
        """Whether a complaint by `user` was counted as their "Not helpful" vote on the latest
        answer in `conversation`; a lost database costs the vote (logged), never the reply."""
        if not feedback.COMPLAINT_VOTES or not conversation:
            return False
        try:
            latest = self.query_log.latest_exchange(conversation)
            if latest is None:  # nothing answered there yet (a reply or small talk only)
                return False
            self.query_log.record_feedback(latest[0], user, helpful=False)
        except (StoreError, UnknownAnswer) as err:
            log.warning("could not count a complaint in %s as a vote: %s", conversation, err)
            return False
        return True

    def _read(
        self, text: str, history: Sequence[str], retriever: Retriever
    ) -> tuple[str, Sequence[str]]:
        """`text` and the conversation before it as they are answered: a name's typo respelt, a
        greeting taken off, and a topic label or a retraction too (then it is asked alone), the
        conversation read from its last "start over"."""
        index = retriever.index
        # "who wrote it? → when?": the front matter's date, the question before being an aside
        text = (front_matter_question(text, history[-1]) if history else None) or text
        # "what are the three weaknesses?": the asker's count is no word of the question
        text = without_assumed_count(self._spelt(text, retriever))
        # In a conversation, "ok and what …" keeps its "and": it joins what was just said.
        # "hey, WHO IS RIVIAN": the shouting is read in lower case once the greeting is off.
        # "I'm a journalist. what is amazon planning?": the asker's introduction is no topic
        # "do you know who rivian is?": the question embedded asked directly ("who is rivian?")
        stripped = without_preamble(unshouted(without_greeting(asked_directly(text))))
        text = with_conjunction(text, stripped) if history else stripped
        # "different question: who …": a new topic announced, asked as if alone (TOPIC_LABEL).
        unlabelled = without_topic_label(text)
        if unlabelled != text:
            return unlabelled, ()
        # "who is musk? → not him, bezos": the question before, its one name corrected, alone
        corrected = (
            corrected_question(text, history[-1], lambda word: written_as_name(retriever, word))
            if history
            else None
        )
        if corrected is not None:
            return corrected, ()
        # "never mind, where …": the question before taken back; "no, i meant …": put right.
        text, taken_back = without_retraction(text)
        if taken_back:
            return text, ()
        # "who is rivian → thanks → what do they make?": "they" is read past the thanks
        # "… → go back → what do they make?": "they" is read in the question gone back to
        history = without_asides(since_start_over(history), lambda m: self._aside(m, index))
        return text, with_returns(history)

    @staticmethod
    def _spelt(text: str, retriever: Retriever) -> str:
        """`text` with a name's typo respelt as the sources write it ("tesal": "tesla")."""
        index = retriever.index
        return spelled_as_the_sources(
            with_apostrophes(text),
            lambda word: bool(index.lexical.term_weights(word)),
            lambda: index.vocabulary,
            is_english_word,
            # "nvida": NVIDIA is a name the sources write in capitals (NAMES_IN_CAPITALS_31)
            lambda word: (
                written_as_name(retriever, word)
                or (NAMES_IN_CAPITALS_31 and written_in_capitals(retriever, word))
            ),
            lambda word: index.lexical.term_weights(word).keys(),
        )

    @staticmethod
    def _aside(message: str, index: SearchIndex) -> bool:
        """Whether `message` steps aside from the conversation's topic: small talk, the bot's
        opinion or the article's front matter asked, or a doubt (bot.feedback.without_asides).
        Not "who said that?": its reply renumbers the citations "source 2?" points into."""
        if small_talk(message) or closing_thanks(message, index.lexical.holds):
            return True
        field = asks_about_article(message)
        if field == "source" and asks_origin(message):  # "where is that from?" after an answer
            field = None  # answered from the citations, which it renumbers: no aside
        return (
            asks_bots_view(message)
            or field is not None
            or doubts_the_answer(message)
            or recall_asked(message) is not None
        )

    def _answered(
        self,
        text: str,
        history: Sequence[str],
        retriever: Retriever,
        conversation: str | None,
        k: int,
    ) -> Answer:
        """The answer to `text` in the conversation `history`, not recorded: from the articles'
        structure ("who wrote this?", "tl;dr?", "the section on partnerships"), past what was
        quoted ("tell me more"), from an earlier answer ("what does source 2 say?") or searched."""
        # "特斯拉和亚马逊谁会赢": the bot can't read the language; the sources are not to blame
        if in_another_script(text) or asks_for_another_language(text):
            return reply_answer(text, ONLY_ENGLISH, "language")
        brief = asked_briefly(text)
        if brief is not None:  # "briefly, who is rivian?": asked without it, its first sentence
            answer = self._answered(brief, history, retriever, conversation, k)
            return first_sentence(dataclasses.replace(answer, question=text), said_together)
        brief = brevity_taken_off(text)
        if brief is not None:  # "what's the plan in a nutshell": asked without it, if answered
            answer = self._answered(brief, history, retriever, conversation, k)
            if answer.outcome == "answered":  # else as typed: shorter is not more on topic
                return dataclasses.replace(answer, question=text)
        if asks_bots_view(text):  # "what's your opinion?": the bot takes no side, nothing to search
            return reply_answer(text, NO_STANCE, "stance")
        if asks_bot_to_write(text):  # "write me a haiku about the rivalry": it only quotes
            return reply_answer(text, NO_WRITING, "stance")
        if history and is_complaint(text):  # "that's wrong": about the answer before, no question
            return reply_answer(text, SORRY, "sorry")
        if asks_to_start_over(text):  # "start over": nothing to search
            return reply_answer(text, AGAIN, "start over")
        which = recall_asked(text)
        if which is not None:  # "what was my first question?": the history says
            return reply_answer(text, recalled(which, history), "recall", answered=True)
        back_to = returned_to(text, history)
        if back_to is not None:  # "back to the first question": that question's answer again
            asked, before_it = self._read(as_typed(history[back_to]), history[:back_to], retriever)
            previous = self._answered(asked, before_it, retriever, conversation, k)
            return dataclasses.replace(previous, question=text)
        # "go back": the answer before the last; "previous" right after a section, the one before
        if history and asks_previous_answer(text) and not steps_back_a_section(text, history):
            if len(history) < 2:
                return reply_answer(text, NO_PREVIOUS, "recall")
            asked, before_it = self._read(as_typed(history[-2]), history[:-2], retriever)
            previous = self._answered(asked, before_it, retriever, conversation, k)
            return dataclasses.replace(previous, question=text)
        more = asks_for_more(text, history)
        if more is not None:  # "how many innovations? → more → more": more of the list
            more = more_of_counted(more)
        if more is not None and more.times > more_module.MOST_IN_A_ROW:  # too long a run to search
            return reply_answer(text, NOTHING_MORE, "more")
        if more is not None and more.times == 1 and not more.again and asked_briefly(history[-1]):
            # "more" after "briefly, who …?": the whole answer its first sentence was cut from
            full = self._answered(more.question, more.history, retriever, conversation, k)
            if full.quotes != first_sentence(full, said_together).quotes:  # else nothing was cut
                return dataclasses.replace(full, question=text)
        # "repeat that": the answer before, however found; not "summarize it" after a section's
        # length, which asks for the section in short (bot/article_requests.py)
        if more is not None and more.again and section_parts.part_summed(more) is None:
            asked, before_it = self._read(as_typed(history[-1]), history[:-1], retriever)
            before = self._answered(asked, before_it, retriever, conversation, k)
            answer = dataclasses.replace(before, question=text)
        else:
            answer = self._answer_to(text, history, more, retriever, conversation, k)
        # "in one sentence?": the answer before, its first quoted sentence alone
        if more is not None and more.shorter:
            return first_sentence(answer, said_together)
        if answer.outcome == "refused" and answer.reply is None and in_another_language(text):
            return reply_answer(text, ONLY_ENGLISH, "language")  # the language, not the sources
        return answer

    def _answer_to(
        self,
        text: str,
        history: Sequence[str],
        more: More | None,
        retriever: Retriever,
        conversation: str | None,
        k: int,
    ) -> Answer:
        """`_answered`, the request for more (or the answer again) in `text` read as `more`."""
        read = structure_answer(
            text,
            history,
            more,
            retriever.index,
            lambda before: self._articles_in_question(retriever, before),
            lambda message: self._spelt(message, retriever),
        )
        if read is not None:
            return read

        @functools.cache
        def answer_before() -> tuple[Answer, Sequence[str]]:
            # the message before read as it was when answered: respelt, its greeting taken off
            asked, before_it = self._read(as_typed(history[-1]), history[:-1], retriever)
            return self._answered(asked, before_it, retriever, conversation, k), before_it

        pointed = pointed_request_answer(
            text,
            history,
            more,
            retriever.index,
            answer_before,
            lambda question: self._each_searched(question, (), retriever, conversation, k),
            lambda before: self._articles_in_question(retriever, before),
            # "what's the third one? → and the fourth?": the list the third was pointed in
            lambda at: self._answered(
                *self._read(as_typed(history[at]), history[:at], retriever),
                retriever,
                conversation,
                k,
            ),
        )
        if pointed is not None:  # "what does source 2 say?": the answer before, not a search
            return pointed
        # "which section mentions rivian?", "is ford mentioned in the article?": the topic alone
        topic = section_topic(text) if more is None else None
        if topic is not None and not content_words(topic):  # "which section says that?": pointing
            topic = None
        mentioned = mentioned_topic(text, bool(history)) if more is None else None
        searched = searched_topic(text) if more is None else None
        writes = retriever.index.lexical.term_weights
        if mentioned is not None and sources_write_topic(mentioned, lambda w: bool(writes(w))):
            topic = topic or mentioned  # one the sources never write is labelled as asked
        if searched is not None and sources_write_topic(searched, lambda w: bool(writes(w))):
            topic = topic or searched  # "search for nvidia": "nvidia", alone
        elif searched is not None and 0 < len(content_words(searched)) <= MOST_TOPIC_WORDS:
            # "search for toyota": a word the sources never write finds nothing to quote
            said = f"The sources don't mention “{searched}”."
            built_at = retriever.index.manifest.get("built_at")
            return reply_answer(text, said, "search", built_at=built_at)

        if more is not None:  # "tell me more": the question before, past what it quoted
            answer = self._more(text, more, retriever, conversation, k)
        elif topic is not None:  # asked as "rivian", alone
            searched = self._each_searched(topic, (), retriever, conversation, k)
            answer = dataclasses.replace(searched, question=text)
        else:
            answer = self._each_searched(text, history, retriever, conversation, k)
        unwritten = mentioned is not None and mention_unwritten(
            mentioned, lambda w: bool(writes(w))
        )
        if unwritten and answer.outcome == "refused" and answer.reply is None:
            # "does the article mention china?" refused as uncovered: no word of it is theirs, so no
            said = f"The sources don't mention “{mentioned}”."
            return reply_answer(
                text, said, "search", built_at=retriever.index.manifest.get("built_at")
            )
        # "several key innovations:" quoted alone says nothing: the list it announces follows;
        # "This makes the stakes incredibly high." neither: the sentence it points at comes first.
        return with_antecedents(with_announced_list(answer, retriever.index), retriever.index)

    def _each_searched(
        self,
        text: str,
        history: Sequence[str],
        retriever: Retriever,
        conversation: str | None,
        k: int,
        past: Collection[str] = (),
    ) -> Answer:
        """`_searched`, for each question of a message asking several ("who is rivian and where
        are the factories?"), each in the context of those before it, the answers joined."""
        parts = questions_in(text)
        if len(parts) == 1:  # "compare rivian and lucid": each name in turn, asked alone
            parts = names_asked(text, lambda w: topic_name(retriever, w, capitals=True)) or parts
        if len(parts) == 1:
            return self._searched(text, history, retriever, conversation, k, past)
        answers: list[Answer] = []
        for n, part in enumerate(parts):
            if answers and answers[-1].refused and is_follow_up(part):
                # "who was nikola tesla and what did he invent": "he" is off the sources too
                answers.append(dataclasses.replace(answers[-1], question=part))
                continue
            # "who is rivian and who is lucid?": a part pointing at none before is asked alone
            context = (*history, *parts[:n]) if points_back_in_message(part) else tuple(history)
            answers.append(self._searched(part, context, retriever, conversation, k, past))
        return joined_answer(text, answers)

    def _more(
        self, text: str, more: More, retriever: Retriever, conversation: str | None, k: int
    ) -> Answer:
        """The answer to `more.question` (asked in `more.history`) past what its answer and the
        `more.times - 1` requests for more before this one quoted: first the rest of the passage
        it quoted last (`read_on`), then the passages past those quoted; "that's all" when no
        passage is left that answers it."""
        seen: set[str] = set()
        times = more.times
        first = self._each_searched(more.question, more.history, retriever, conversation, k)
        index = retriever.index  # read on from what was shown: a list after its announcement
        read = read_on(text, with_antecedents(with_announced_list(first, index), index))
        if read is not None:  # the first request read on through the passage quoted
            if times == 1:
                return read
            times -= 1
        earlier = first  # the first request's search, not run twice
        for turn in range(times):
            if turn:
                earlier = self._each_searched(
                    more.question, more.history, retriever, conversation, k, seen
                )
            if earlier.refused and not seen:  # the sources said nothing of it in the first place
                return dataclasses.replace(earlier, question=text)
            seen.update(c.passage_id for c in earlier.quoted_passages)
        answer = self._each_searched(more.question, more.history, retriever, conversation, k, seen)
        if answer.refused:
            return dataclasses.replace(answer, question=text, answer=NOTHING_MORE)
        return dataclasses.replace(answer, question=text)

    def _searched(
        self,
        text: str,
        history: Sequence[str],
        retriever: Retriever,
        conversation: str | None,
        k: int,
        past: Collection[str] = (),
    ) -> Answer:
        """The answer to `text` searched in the conversation `history`, not recorded; the
        passages `past` are left out (answered before: "tell me more")."""
        wanted, k = k, k + len(past)  # as many left once the passages before are left out
        previous = self.previous_answer(conversation, history) if is_follow_up(text) else None
        resolved = resolved_question(text, history, previous)
        # One set of searches for the decision and the answer: each is worked out once.
        searches = QuestionSearches(
            self.embedder, self.settings, retriever, text, history, previous
        )
        query, vector = self.search_for(text, history, retriever, previous, resolved, searches)
        outcome_hits = None  # the hits the outcome is judged on too (bot.retrieval)
        if query == resolved and query != text:
            hits = quoted_for_both(retriever, query, vector, text, k, previous)
        elif previous and (follow_up.FOLLOW_UP_NEXT_PRIOR or follow_up.FOLLOW_UP_SENTENCE_AFTER):
            hits = after_the_answer_before(retriever, query, vector, previous, k, text)
        else:
            # Searched as asked, its citations are chosen for diversity (CITATION_DIVERSITY).
            hits, outcome_hits = retriever.answer_search(query, vector, k, alone=query == text)
        coverage = best_similarity(retriever, vector)
        pointing = follow_up.POINTED_AT == "all" or (
            follow_up.POINTED_AT == "threads" and bool(history)
        )
        if history and query == text:
            covered = searches.own_words_coverage
            if covered is not None:
                coverage = max(coverage, covered)
                pointing = True
        if pointing:  # "exploit these weaknesses" points at the sentence before, which lists them
            hits = [pointed_at(hit, text) for hit in hits]
            if outcome_hits is not None:
                outcome_hits = [pointed_at(hit, text) for hit in outcome_hits]
        named = bare_name(retriever, text) if history and query == text else None
        if named:  # "blue origin?" in a thread: where the article introduces it
            hits = introduced_first(hits, named)
        if past:
            hits = [hit for hit in hits if hit.passage.id not in past][:wanted]
            if outcome_hits is not None:
                outcome_hits = [h for h in outcome_hits if h.passage.id not in past][:wanted]
        borrowed = searches.coverage_before
        if borrowed is not None:  # "why those ones?": covered as the question before was
            coverage = max(coverage, borrowed)
        # "how is rivian connected to this": the words read for coverage are "how is rivian".
        read = text
        if query == text and bot.retrieval.TOPIC_COVERAGE:
            read = about_the_topic(text) or text
        if query == text and len(content_words(read)) <= 1 and names_source_terms(retriever, read):
            # One word's vector is far from any passage's ("cobalt?" 0.12): that the sources
            # use the word says they cover it.
            coverage = max(coverage, self.settings.min_score)
        if asks_whether_mentioned(retriever, text):
            coverage = max(coverage, self.settings.min_score)  # "any mention of lucid?"
        if asks_about_the_text(retriever, text):
            coverage = max(coverage, self.settings.min_score)  # "how does the piece describe …"
        topic = requested_topic(text) if query == text else None
        writes = retriever.index.lexical.term_weights
        if topic is not None and sources_write_topic(topic, lambda word: bool(writes(word))):
            coverage = max(coverage, self.settings.min_score)  # "tell me about lucid"
        if coverage < self.settings.min_score and writes_every_word(
            retriever, read, lambda: searches.vector
        ):
            coverage = self.settings.min_score  # "what does rivian make?": both words theirs
        if (
            "alone" in follow_up.LITERAL_PHRASE
            and (query == text or "context" in follow_up.LITERAL_PHRASE)
            and coverage < self.settings.min_score
            and writes_phrase(retriever, query)
        ):
            coverage = self.settings.min_score
        # The question's own vector, as searched alone: not encoded a second time.
        if asks_off_topic(retriever, text, lambda: searches.vector):
            hits = []  # refused, as a question matching no passage is
        manifest = retriever.index.manifest
        # "do you know when …": labelled as "when …" is (the kind asked is read from its start);
        # "how much?" as the question before asked with "how much" (bot/follow_up_kind.py).
        # "anything else besides price?": labelled as "anything else?" (no price asked)
        judged = how_much_asked_before(text, history) or embedded_question(without_exclusion(text))
        compose = functools.partial(
            compose_answer,
            judged,
            articles=manifest["articles"],
            min_score=self.settings.min_score,
            built_at=manifest.get("built_at"),
            best_similarity=coverage,
            embed=self.embedder.encode_query,
            encode=self.embedder.encode,
            holds_term=retriever.index.lexical.holds,
            passages_with=retriever.index.lexical.passages_with,
            passage_count=len(retriever.index.passages),
        )
        answer = composed_as_asked(compose, hits, outcome_hits, alone=not history)
        return answer if judged == text else dataclasses.replace(answer, question=text)

    def _recorded(
        self,
        answer: Answer,
        started: float,
        searched: float,
        retrieved: float,
        source: str,
        user: str | None,
        conversation: str | None,
        reask_of: str | None,
    ) -> Answer:
        """The answer with its timings, recorded in the query log."""
        done = time.perf_counter()
        answer = dataclasses.replace(
            answer,
            timings_ms={
                "load": round((searched - started) * 1000, 2),
                "retrieve": round((retrieved - searched) * 1000, 2),
                "total": round((done - searched) * 1000, 2),
            },
        )
        try:
            self.query_log.record_answer(
                answer, source=source, user=user, conversation=conversation, reask_of=reask_of
            )
        except StoreError as err:  # a full disk or a lost database must not cost the answer
            log.warning("could not record answer %s in the query log: %s", answer.id, err)
        return answer

    def _articles_in_question(self, retriever: Retriever, history: Sequence[str]) -> list[str]:
        """Which article an overview request or a question about the article ("who wrote it?")
        is about: the only one; in a conversation, the one the question before is answered from;
        else the latest few (`overview.LEDES`)."""
        articles = list(retriever.index.manifest["articles"])
        if len(articles) <= 1:
            return articles
        if history:
            before = history[-1]
            hits = retriever.search_vector(before, self.embedder.encode_query(before), 1)
            if hits:
                return [hits[0].passage.doc_id]
        return latest_articles(retriever.index, overview.LEDES)

    def reask(
        self, answer_id: str, *, citations: int | None, source: str, user: str | None = None
    ) -> Answer:
        """An earlier answer's question again, in its conversation ("More sources", "Share").

        Logged as a re-ask of `answer_id`: it belongs to the conversation (a hand-off on it
        quiets the thread) without entering the conversation's history a second time.
        """
        context = self.query_log.answer_context(answer_id)
        if context is None:
            raise UnknownAnswer(f"no answer with id {answer_id!r} in {self.query_log.location}")
        question, conversation, history = context
        return self.ask(
            question,
            history,
            source=source,
            user=user,
            conversation=conversation,
            citations=citations,
            reask_of=answer_id,
        )

    def record_feedback(self, answer_id: str, user: str | None, helpful: bool) -> None:
        """The adapters' Helpful / Not helpful buttons; the quoted passages get the vote too."""
        self.query_log.record_feedback(answer_id, user, helpful)

    def record_handoff(self, answer_id: str, user: str | None, *, source: str) -> bool:
        """What the adapters' "Ask a human" buttons call, before they tag the humans.

        False when this user had already asked for this answer: tag nobody again.
        """
        return self.query_log.record_handoff(answer_id, user, source=source)

"""The answer runner both adapters share: answers off the event loop, and never silent.

The CPU-bound `AnswerService` calls and the query-log reads run in a small thread pool, so the
event loop (Slack's 3-second acknowledgement, Discord's gateway heartbeat) never waits on a
question. Every piece of work counts itself in flight, so shutdown lets it finish ("I'm
restarting right now" to anyone asking meanwhile). A per-user cooldown is counted in the shared
database when workers share one (every worker and shard together, across restarts), else, and
while that database is away, in this process by discord.py's `commands.CooldownMapping`.
Redelivered events are recognised by an injected `first_time(key)` (by default `bot.dedup`'s:
claimed in the shared database when there is one, else remembered in memory).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from discord.ext.commands import CooldownMapping

from bot.answer import Answer
from bot.chat import messages
from bot.chat.clean import question_or_emoji
from bot.chat.decide import Action, Decision, Earlier, thanks_to_the_bot
from bot.chat.message import ChatMessage, Platform
from bot.dedup import seen_keys_for
from bot.errors import BadQuestion, IndexUnavailable, UnknownAnswer
from bot.service import AnswerService
from bot.settings import ChatSettings
from bot.store.base import Store
from bot.store.outage import StoreOutage

log = logging.getLogger(__name__)
T = TypeVar("T")
Tell = Callable[[str], Awaitable[object]]
# The messages before one in its thread, newest first (the platform's history), or None when
# they cannot be read; given a Unix time, those since it (where the platform can start there).
ReadEarlier = Callable[[float | None], Awaitable[Sequence[Earlier] | None]]
# The thread is read before a thanks from this long before its answer was logged: the platform's
# clock and this host's differ a little, and the answer is posted just after it is logged.
CLOCK_MARGIN_SECONDS = 60.0
# Session 29 (`benchmarks/quality.py --talk-29 … files`): a message with no words (an image, a
# file or a sticker alone) is told the bot reads words only; off, the answer layer's note for an
# empty question ("I can't answer that: the question is empty").
WORDLESS_NOTE_29 = True


class FirstTime(Protocol):
    """What de-duplication needs: True the first time a key is offered, False on a repeat."""

    def first_time(self, key: object) -> bool: ...


class HeldClaims(FirstTime, Protocol):
    """Claims held until the answer is posted, which another worker takes over should this one
    die first (`bot.dedup`)."""

    def take(self, key: object, payload: str | None = None) -> str | None: ...

    def finish(self, key: object) -> None: ...

    def orphans(self) -> list[tuple[str, str]]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Question:
    """What the answer layer is asked, and the conversation it belongs to."""

    text: str
    history: tuple[str, ...]
    conversation: str


def logged_user(platform: Platform, author: str) -> str:
    """The asker as the query log names them (Slack's ids bare, as they have always been)."""
    return author if platform is Platform.SLACK else f"{platform}:{author}"


def log_unanswered(err: BaseException, what: str) -> None:
    """One log line saying why `what` went unanswered (a traceback only when unexpected)."""
    if isinstance(err, BadQuestion | UnknownAnswer):
        log.info("%s: %s", what, err)
    elif isinstance(err, IndexUnavailable):
        log.error("%s: index unavailable: %s", what, err)
    else:
        log.error("%s: answering failed", what, exc_info=err)


def _per_key(key: str) -> str:
    return key


class Cooldown:
    """`questions` per `seconds` for each key: counted in `store` (every process on that
    database together; see Store.spend for the window), or with no store, and while the store
    fails, in this process's memory, saying so once in the log, and trying the store again
    every `retry_seconds`. A failing database never refuses anyone: memory counts instead."""

    def __init__(
        self,
        store: Store | None,
        questions: int,
        seconds: float,
        *,
        retry_seconds: float = 5.0,
    ) -> None:
        self.store = store
        self.questions = questions
        self.seconds = seconds
        # Same window as the store's: opened by the first question, `questions` tokens in it.
        self.local: CooldownMapping[str] = CooldownMapping.from_cooldown(
            questions, seconds, _per_key
        )
        self._lock = threading.Lock()  # the mapping is not thread-safe; store calls run in threads
        self.outage = StoreOutage(
            log,
            "counting the cooldown in this process only",
            "the cooldown is counted there again",
            retry_seconds,
        )

    @property
    def falling_back(self) -> bool:
        return self.outage.down

    def wait(self, key: str, now: float | None = None) -> float:
        """Count a question for `key`: 0.0 when it may go ahead, else the seconds to wait.
        Blocks for the store's round trip (at most EVBOT_STORE_TIMEOUT_SECONDS, away or hung)."""
        if self.store is not None and self.outage.due():
            try:
                wait = self.store.spend(key, self.questions, self.seconds, now)
            except Exception as err:  # whatever the database did, the asker is not held back
                self.outage.went_down(err)
            else:
                self.outage.came_back()
                return wait
        with self._lock:
            return self.local.update_rate_limit(key, now) or 0.0


class AnswerRunner:
    def __init__(
        self,
        service: AnswerService,
        platform: Platform,
        settings: ChatSettings,
        *,
        seen: HeldClaims | None = None,
    ) -> None:
        self.service = service
        self.platform = platform
        self.step = service.settings.citations  # citations per answer, and per "More sources"
        # The store's claims when workers share a database, else this process's memory.
        self.seen: HeldClaims = seen or seen_keys_for(service.query_log, str(platform))
        # The same decision as de-duplication's: the store when other processes share it.
        shared = service.query_log if service.query_log.shared else None
        self.cooldown = Cooldown(shared, settings.cooldown_questions, settings.cooldown_seconds)
        if shared is None:
            log.info(
                "%s cooldown counted in this process only: the %s store is not shared",
                platform,
                service.query_log.backend,
            )
        self._executor = ThreadPoolExecutor(
            settings.workers, thread_name_prefix=f"evbot-{platform}"
        )
        self._inflight: set[asyncio.Task[Any]] = set()
        self.closing = False

    # -- off the event loop, tracked ----------------------------------------------------------

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking answer-layer work (or a query-log read) in the pool."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        """Run `work` as a task of its own (after an acknowledgement), counted in flight."""
        task = asyncio.get_running_loop().create_task(work)
        self._inflight.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._inflight.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("a chat task failed", exc_info=task.exception())

    @contextmanager
    def tracked(self) -> Iterator[None]:
        """Count the current task (an event handler the library started) as in flight."""
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            yield
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def settle(self) -> None:
        """Wait until nothing is in flight (tests; shutdown uses `drain`)."""
        while others := [t for t in self._inflight if t is not asyncio.current_task()]:
            await asyncio.gather(*others, return_exceptions=True)

    async def drain(self, timeout: float = 10.0) -> None:
        """Stop taking questions, let those in flight finish (bounded), then stop the pool."""
        self.closing = True
        tasks = {t for t in self._inflight if t is not asyncio.current_task()}
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                log.warning("shutting down: cancelled an answer still in flight")
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        # Off the loop: a thread still finishing an answer must not stall the event loop.
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)

    # -- who may ask now -----------------------------------------------------------------------

    async def first_time(self, key: str) -> bool:
        """False for a redelivered event (a retry, a twin, a replay): it was taken up already."""
        # Off the loop: a database claim takes milliseconds, seconds while the database is away.
        if await asyncio.to_thread(self.seen.first_time, key):
            return True
        log.info("%s %s taken up already: a redelivery, ignored", self.platform, key)
        return False

    async def take(self, key: str, payload: str | None = None) -> str | None:
        """Claim `key` until `finish(key)` (see bot.dedup): CLAIM_NEW, CLAIM_TAKEN_OVER, or
        None for an event taken up already (by this worker or a live other one)."""
        taken = await asyncio.to_thread(self.seen.take, key, payload)
        if taken is None:
            log.info("%s %s taken up already: a redelivery, ignored", self.platform, key)
        return taken

    async def finish(self, key: str) -> None:
        await asyncio.to_thread(self.seen.finish, key)

    async def orphans(self) -> list[tuple[str, str]]:
        """Events a dead worker claimed and left unanswered, now this worker's to answer."""
        if self.closing:
            return []
        return await asyncio.to_thread(self.seen.orphans)

    async def refusal(self, author: str, now: float | None = None) -> str | None:
        """Why a question cannot start now (shutting down, over the cooldown), or None.

        A question that may start is counted against its asker's cooldown.
        """
        if self.closing:
            return messages.CLOSING
        key = f"{self.platform}:{author}"
        if self.cooldown.store is None:
            wait = self.cooldown.wait(key, now)  # memory only: no I/O, no thread needed
        else:
            # Off the loop, and not queued behind the answers in the pool: a database round trip.
            wait = await asyncio.to_thread(self.cooldown.wait, key, now)
        if wait:
            log.info("cooldown: %s user %s asked too often", self.platform, author)
            return messages.please_wait(wait)
        return None

    # -- the question and its answer -----------------------------------------------------------

    async def question(
        self, message: ChatMessage, decision: Decision, earlier: ReadEarlier | None = None
    ) -> Question | None:
        """The cleaned question with its context from the query log; None to stay out (a
        follow-up where the bot has not spoken, or that was handed to a human). `earlier` reads
        the thread: before a thanks, someone else's answer there takes the thanks; before a
        follow-up where the bot answered nothing, its own reply there (small talk, a note: not
        logged) makes the thread the bot's."""
        text = question_or_emoji(message.text, message.platform)
        follow_up = decision.action in (Action.FOLLOW_UP, Action.THANKS)
        try:
            if decision.action is Action.THANKS:
                return await self._thanks(message, text, earlier)
            asked = await self._with_context(message, text, follow_up=follow_up)
            if asked is None and decision.action is Action.FOLLOW_UP and earlier is not None:
                return await self._after_a_reply(message, text, earlier)
            return asked
        except Exception:
            log.exception("could not read conversation %s from the query log", message.conversation)
            # A follow-up we cannot place is left alone; a question asked of us is answered.
            return None if follow_up else Question(text, (), message.conversation)

    async def _with_context(
        self, message: ChatMessage, text: str, *, follow_up: bool
    ) -> Question | None:
        query_log = self.service.query_log
        conversation = message.conversation
        if message.replies_to_answer:
            context = await self.run(query_log.answer_context, message.replies_to_answer)
            if context is None:  # not an answer on record: an ordinary message
                return None if follow_up else Question(text, (), conversation)
            asked, answered_in, earlier = context
            # A "More sources" or "Share" answer is kept out of any conversation: start one here.
            conversation = answered_in or conversation
            if follow_up and await self.run(query_log.handed_off, conversation):
                return None
            return Question(text, (*earlier, asked), conversation)
        if follow_up:
            history = await self.run(query_log.follow_up_context, conversation)
            return None if history is None else Question(text, tuple(history), conversation)
        if message.is_dm or message.in_thread:
            history = await self.run(query_log.conversation_questions, conversation)
            return Question(text, tuple(history), conversation)
        return Question(text, (), conversation)

    async def _after_a_reply(
        self, message: ChatMessage, text: str, earlier: ReadEarlier
    ) -> Question | None:
        """A follow-up in a thread where the bot answered nothing logged, but replied: "@bot hi"
        got "Hello! … ask about …" there, and the asker asks without a mention. Asked with no
        context, unless the thread was handed to a human or the bot never posted in it."""
        if message.replies_to_answer or not message.in_thread:
            return None
        if await self.run(self.service.query_log.handed_off, message.conversation):
            return None
        posted = await earlier(None)
        if not posted or not any(p.ours for p in posted):
            return None
        return Question(text, (), message.conversation)

    async def _thanks(
        self, message: ChatMessage, text: str, earlier: ReadEarlier | None
    ) -> Question | None:
        """An unmentioned thanks, replied to once per answer, and only when the bot's latest answer
        in its conversation was to its author and, where the thread can be read, nobody else
        answered them since: anyone else's thanks, or one for a colleague, is their chatter."""
        conversation = message.conversation
        if message.replies_to_answer:  # a reply to an answer belongs to the answer's conversation
            context = await self.run(
                self.service.query_log.answer_context, message.replies_to_answer
            )
            conversation = context[1] if context is not None else None
        if not conversation:
            return None
        asker = logged_user(self.platform, message.author)
        answer_id = await self.run(self.service.query_log.thanks_context, conversation, asker)
        if answer_id is None:
            return None
        # Read before the claim: a thanks for a colleague leaves the answer's thanks unclaimed.
        # From the answer on: a long thread's messages before it say nothing of the thanks.
        posted = None
        if earlier is not None:
            posted = await earlier(await self._answered_at(conversation, answer_id))
        if posted is not None and not thanks_to_the_bot(posted, message.author, message.platform):
            log.info("a thanks in %s follows someone else's words: left alone", conversation)
            return None
        # Once per answer: a second "thanks!" (or a worker's twin) is left alone.
        if not await asyncio.to_thread(self.seen.first_time, f"thanks {answer_id}"):
            return None
        return Question(text, (), conversation)

    async def _answered_at(self, conversation: str, answer_id: str) -> float | None:
        """When answer `answer_id` (the latest in `conversation`) was logged, as a Unix time less
        CLOCK_MARGIN_SECONDS; None when the log cannot say (the thread is then read whole)."""
        try:
            (latest,) = await self.run(self.service.query_log.recent, 1, conversation=conversation)
            if latest["id"] != answer_id:
                return None
            asked_at = datetime.fromisoformat(latest["asked_at"])
        except Exception as err:
            log.info(
                "when answer %s was given is not known (%r): its thread read whole", answer_id, err
            )
            return None
        return asked_at.timestamp() - CLOCK_MARGIN_SECONDS

    async def ask(self, question: Question, author: str, what: str = "a question") -> Answer | str:
        """The answer, or a short note saying why there is none (the log says why)."""
        if WORDLESS_NOTE_29 and not question.text.strip():
            log.info("%s: no words in it (a file or a sticker alone)", what)
            return messages.NO_WORDS
        return await self._answer_or_note(
            what,
            functools.partial(
                self.service.ask,
                question.text,
                question.history,
                source=str(self.platform),
                user=logged_user(self.platform, author),
                conversation=question.conversation,
            ),
        )

    async def reask(self, answer_id: str, author: str, citations: int) -> Answer | str:
        """An earlier answer's question again, with `citations` sources (More sources, Share)."""
        return await self._answer_or_note(
            f"re-ask of answer {answer_id}",
            functools.partial(
                self.service.reask,
                answer_id,
                citations=citations,
                source=str(self.platform),
                user=logged_user(self.platform, author),
            ),
        )

    async def _answer_or_note(self, what: str, call: Callable[[], Answer]) -> Answer | str:
        try:
            return await self.run(call)
        except Exception as err:
            log_unanswered(err, what)
            return messages.unanswered(err)

    # -- never silent --------------------------------------------------------------------------

    @asynccontextmanager
    async def never_silent(self, what: str, tell: Tell) -> AsyncIterator[None]:
        """Whatever breaks inside, the asker reads a short message and the log says why."""
        try:
            yield
        except Exception:
            log.exception("%s %s failed", self.platform, what)
            try:
                await tell(messages.SORRY)
            except Exception as err:
                log.error("%s %s: could not tell the asker either: %r", self.platform, what, err)

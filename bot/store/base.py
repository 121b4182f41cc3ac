"""What every store of shared state offers, whichever database holds it.

The query log (answers, votes, hand-offs, conversation history, re-asks) and the once-only claims
on chat events. Two implementations pass one test suite: SQLite (the embedded default) and
PostgreSQL (several processes or machines). Their shared SQL lives once in bot/store/sql.py; the
rows come back through the shaping below, so both return exactly the same shapes.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.answer import Answer
from bot.conversation import HISTORY_TURNS
from bot.errors import EvbotError
from bot.ranking import latency_percentiles

MAX_REASK_CHAIN = 20  # "More sources" on "More sources" on ...: far more than 10 citations allow
OUTCOMES = ("answered", "partial", "refused")
CLAIM_TTL_SECONDS = 3600.0  # Slack retries for about an hour at most; Discord resumes in minutes
PRUNE_EVERY_SECONDS = 60.0  # expired claims are deleted at most this often per process
CLAIM_NEW = "new"  # take_claim: nobody had the key
CLAIM_TAKEN_OVER = "taken over"  # its owner left it unfinished and let its lease run out


class StoreError(EvbotError):
    """The database behind the store failed (unreachable, unreadable, full): one line, no
    password."""

    exit_code = 1


class StoreUnavailable(StoreError):
    """The database cannot be reached right now."""


class SchemaOutdated(StoreError):
    """The database's schema is older than this code: `evbot db upgrade` brings it up."""

    exit_code = 2


@dataclass(frozen=True)
class Migration:
    """One numbered step of a schema: SQL statements, or a function for a conditional step."""

    name: str
    statements: Sequence[str] = ()
    run: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class SchemaStatus:
    backend: str
    location: str
    version: int
    latest: int
    pending: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "location": self.location,
            "version": self.version,
            "latest": self.latest,
            "pending": list(self.pending),
            "up_to_date": not self.pending,
        }


def outcome_of(answer: Answer) -> str:
    """'answered', 'partial' or 'refused': Answer.outcome where the answer layer gives one."""
    return getattr(answer, "outcome", None) or ("refused" if answer.refused else "answered")


def citation_records(answer: Answer) -> list[dict[str, Any]]:
    return [
        {
            "n": c.n,
            "doc_id": c.doc_id,
            "passage_id": c.passage_id,
            "title": c.title,
            "score": c.score,
            # what the answer quoted from this passage: the text a vote on the answer judges
            "quote": answer.quoted_from(c.n),
        }
        for c in answer.citations
    ]


def voted_passages(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The citations a vote on the answer counts against: those it quoted from."""
    return [c for c in citations if c.get("quote") and c.get("passage_id")]


def _loaded(citations: Any) -> list[dict[str, Any]]:
    return json.loads(citations) if isinstance(citations, str | bytes) else list(citations)


def recent_row(row: Sequence[Any]) -> dict[str, Any]:
    """(id, asked_at, source, user, conversation, question, answer, refused, latency_ms,
    citations, helpful, not_helpful, outcome) -> what `evbot logs` prints."""
    keys = ("id", "asked_at", "source", "user", "conversation", "question", "answer")
    return {
        **dict(zip(keys, row[:7], strict=True)),
        "refused": bool(row[7]),
        "outcome": row[12],
        "latency_ms": row[8],
        "citations": _loaded(row[9]),
        "helpful": row[10],
        "not_helpful": row[11],
        "votes": row[10] + row[11],
    }


@dataclass
class StatsRows:
    """What each backend's queries return for `stats`, before the shared shaping."""

    questions: int
    refused: int
    reasks: int
    outcomes: dict[str, int]
    helpful: int
    not_helpful: int
    latencies: list[float]
    worst: list[Sequence[Any]]  # question, id, refused, helpful, not_helpful
    handoffs: int
    handed_off: list[Sequence[Any]]  # question, id, refused, sources, asks, last asked at
    passages: list[Sequence[Any]]  # passage_id, doc_id, title, quote, helpful, not_helpful


def stats_dict(rows: StatsRows) -> dict[str, Any]:
    questions, refused = rows.questions, rows.refused
    helpful, not_helpful = rows.helpful, rows.not_helpful
    return {
        "questions": questions,
        "refused": refused,
        "refusal_rate": round(refused / questions, 4) if questions else 0.0,
        "outcomes": {name: rows.outcomes.get(name, 0) for name in OUTCOMES},
        "reasks": rows.reasks,
        "helpful": helpful,
        "not_helpful": not_helpful,
        "helpful_ratio": round(helpful / (helpful + not_helpful), 4)
        if helpful + not_helpful
        else None,
        "latency_ms": latency_percentiles(rows.latencies),
        "worst": [
            {"question": q, "answer_id": i, "refused": bool(r), "helpful": u, "not_helpful": d}
            for q, i, r, u, d in rows.worst
        ],
        "handoffs": rows.handoffs,
        "handoff_questions": [
            {
                "question": q,
                "answer_id": i,
                "refused": bool(r),
                "source": s,
                "asks": n,
                "last_asked_at": at,
            }
            for q, i, r, s, n, at in rows.handed_off
        ],
        "passages_voted_down": [
            {
                "passage_id": p,
                "doc_id": d,
                "title": t,
                "quote": q,
                "helpful": u,
                "not_helpful": n,
            }
            for p, d, t, q, u, n in rows.passages
        ],
    }


class Store(ABC):
    """The query log and the claims. Every method may raise StoreError when the database fails."""

    backend: str
    # Whether other processes (other workers, other machines) share this store's claims: then
    # the chat adapters de-duplicate events through it rather than in their own memory.
    shared: bool
    # Whether `evbot index build` publishes builds here for every worker to pull.
    publishes_index: bool = False

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the data lives, safe to show: a path, or the URL with its password masked."""

    # -- answers and votes --------------------------------------------------------------------

    @abstractmethod
    def record_answer(
        self,
        answer: Answer,
        *,
        source: str = "cli",
        user: str | None = None,
        conversation: str | None = None,
        reask_of: str | None = None,
    ) -> None:
        """`reask_of`: the answer a "More sources" / "Share" re-ask repeats; it stays in the
        conversation (a hand-off on it counts there) but is not a question of its history."""

    @abstractmethod
    def record_feedback(self, answer_id: str, user: str | None, helpful: bool) -> None:
        """One vote per user and answer, also counted against each passage the answer quoted.

        Voting again replaces the earlier vote. UnknownAnswer if there is no such answer.
        """

    @abstractmethod
    def record_handoff(self, answer_id: str, user: str | None, *, source: str) -> bool:
        """An "Ask a human" press; False when this user had already asked for this answer."""

    # -- conversations ------------------------------------------------------------------------

    @abstractmethod
    def record_turn(self, conversation: str, question: str, kind: str) -> None:
        """A reply of `kind` quoting nothing that later messages in `conversation` read ("start
        over", the headings listed): part of `conversation_questions`, never of the answers."""

    def follow_up_context(self, conversation: str) -> list[str] | None:
        """The questions an unmentioned reply in `conversation` follows up, or None when the bot
        should stay out: it has not answered there, or someone handed it to a human."""
        history = self.conversation_questions(conversation)
        return history if history and not self.handed_off(conversation) else None

    def thanks_context(self, conversation: str, user: str) -> str | None:
        """The id of the answer an unmentioned thanks in `conversation` may be for: the latest
        there, when `user` asked it and nobody handed the conversation to a human; else None."""
        latest = self.latest_exchange(conversation)
        if latest is None or latest[1] != user or self.handed_off(conversation):
            return None
        return latest[0]

    @abstractmethod
    def latest_exchange(self, conversation: str) -> tuple[str, str | None] | None:
        """The conversation's latest answer's id and who asked it; None where none was given."""

    @abstractmethod
    def handed_off(self, conversation: str) -> bool:
        """Whether someone in this conversation asked for a human: the bot then stops taking
        unmentioned replies there as follow-ups, so it does not talk over the people helping."""

    @abstractmethod
    def conversation_questions(self, conversation: str, limit: int = HISTORY_TURNS) -> list[str]:
        """The conversation's recent questions, oldest first: a chat adapter's follow-up context."""

    @abstractmethod
    def answer_to(self, conversation: str, question: str) -> str | None:
        """The latest answer's text to `question` in `conversation`; None when it was refused or
        never asked there. What a follow-up may pick up ("which competitors?")."""

    @abstractmethod
    def answer_context(self, answer_id: str) -> tuple[str, str | None, list[str]] | None:
        """An answer's question, conversation and the conversation's questions before it.

        A re-ask answers for the answer it repeats, so "More sources" twice keeps one context.
        """

    # -- reading back -------------------------------------------------------------------------

    @abstractmethod
    def recent(
        self, limit: int = 10, *, source: str | None = None, conversation: str | None = None
    ) -> list[dict[str, Any]]:
        """The latest exchanges, newest first, with their votes: what `evbot logs` prints."""

    @abstractmethod
    def stats(self, worst: int = 10) -> dict[str, Any]:
        """Totals and the lists a curator works from: worst answers, hand-offs, weak passages."""

    # -- once-only claims ---------------------------------------------------------------------

    @abstractmethod
    def claim(self, key: str, ttl_seconds: float = CLAIM_TTL_SECONDS) -> bool:
        """True for the one caller, in any process, that claims `key` first (within its TTL).

        The claim is finished at once: nobody takes it over (Discord's events)."""

    @abstractmethod
    def take_claim(
        self,
        key: str,
        owner: str,
        *,
        lease_seconds: float,
        ttl_seconds: float = CLAIM_TTL_SECONDS,
        payload: str | None = None,
    ) -> str | None:
        """Claim `key` for `owner` until `finish_claim`, holding it for `lease_seconds` at a
        time (`renew_claims` extends the lease while the owner lives).

        CLAIM_NEW for the first caller in any process, CLAIM_TAKEN_OVER when an earlier owner
        left it unfinished and its lease has run out (that owner is gone: the caller does the
        work, after checking whether the owner got as far as posting), None when it is finished
        or its owner still holds it. `payload` is kept until the claim is finished, for
        `take_orphans`."""

    @abstractmethod
    def finish_claim(self, key: str, owner: str) -> None:
        """The work for `key` is done: the claim is nobody's to take over any more."""

    @abstractmethod
    def renew_claims(self, owner: str, lease_seconds: float) -> int:
        """Extend the lease of `owner`'s unfinished claims; returns how many it holds."""

    @abstractmethod
    def take_orphans(
        self, prefix: str, owner: str, lease_seconds: float, limit: int = 20
    ) -> list[tuple[str, str]]:
        """Take over unfinished claims under `prefix` whose owner let the lease run out and
        that carry a payload; (key, payload) of each, every one to exactly one caller."""

    # -- per-user cooldowns -------------------------------------------------------------------

    @abstractmethod
    def spend(self, key: str, limit: int, window_seconds: float, now: float | None = None) -> float:
        """Count one question against `key`'s cooldown, in one atomic statement: 0.0 when it
        may go ahead, else the seconds until its window resets (the refused one is not counted
        in any later window). At most `limit` per window across every process on this database.

        A fixed window opened by the key's first question, as discord.py's `CooldownMapping`
        counts: exactly `limit` per window and an exact wait to tell (a sliding-window counter
        only estimates both). `now` is in epoch seconds; None takes the database's clock
        (PostgreSQL: one clock for every machine) or this machine's (SQLite)."""

    # -- schema -------------------------------------------------------------------------------

    @abstractmethod
    def schema_status(self) -> SchemaStatus: ...

    @abstractmethod
    def upgrade(self) -> list[str]:
        """Apply the pending migrations (safe to run twice, or at once from two processes);
        returns the names of those this call applied."""

    def check_schema(self) -> None:
        """SchemaOutdated, in one line, when the database is behind this code."""
        status = self.schema_status()
        if status.pending:
            raise SchemaOutdated(
                f"the database {status.location} is at schema version {status.version}, "
                f"this evbot needs {status.latest}: run `evbot db upgrade`"
            )

    @abstractmethod
    def close(self) -> None:
        """Release connections; the store is not used afterwards."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location}>"

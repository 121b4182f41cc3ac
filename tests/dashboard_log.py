"""A query log of real answers for the dashboard tests, and the dashboard served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from aiohttp import web

from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings, load_settings
from bot.store import open_store

ANSWERED = [
    ("Who is Amazon partnering with on batteries?", "slack"),
    ("Where will the production lines be built?", "discord"),
    ("Where is the EV project headquartered?", "cli"),
]
NOT_COVERED = [
    ("What is the capital of France?", "slack"),
    ("Which city is the capital of France?", "discord"),
    ("what is the capital of france?", "slack"),  # the same question again, other spelling
    ("How do I bake a pizza at home?", "slack"),
    ("What is a good recipe for homemade pizza?", "cli"),
]
DAYS_BACK = 10
# (table, its timestamp, its answer id) of the rows moved back
MOVED = (
    ("answers", "asked_at", "id"),
    ("feedback", "given_at", "answer_id"),
    ("passage_votes", "given_at", "answer_id"),
)  # the older half of the log is moved this many days into the past


@dataclass
class SeededLog:
    settings: Settings  # the shipped index, and the log (SQLite file or PostgreSQL database)
    log: dict[str, object]  # where the log is: db_path= or database_url=
    answer_ids: dict[str, str]  # question -> answer id
    down_voted: str  # the answered question voted down (twice) and handed off
    old_questions: int  # questions moved DAYS_BACK days back
    today_questions: int


def seed_log(service: AnswerService, settings: Settings) -> SeededLog:
    """Real answers through the service, votes and a hand-off through the log's own API; then
    the first of each kind is moved back DAYS_BACK days (the log only writes "now")."""
    ids = {}
    for question, source in ANSWERED + NOT_COVERED:
        answer = service.ask(question, source=source, user=f"U-{source}")
        ids[question] = answer.id
    log = service.query_log
    good, bad, third = (ids[q] for q, _ in ANSWERED)
    log.record_feedback(good, "U1", True)
    log.record_feedback(bad, "U1", False)
    log.record_feedback(bad, "U2", False)
    log.record_feedback(third, "U3", True)
    log.record_handoff(bad, "U2", source="slack")
    old = [ids[ANSWERED[0][0]], ids[NOT_COVERED[0][0]], ids[NOT_COVERED[3][0]]]
    if settings.database_url is None:
        back = (datetime.now(UTC) - timedelta(days=DAYS_BACK)).isoformat(timespec="milliseconds")
        with closing(sqlite3.connect(settings.query_log_path)) as db, db:
            marks = ", ".join("?" * len(old))
            for table, column, key in MOVED:
                db.execute(
                    f"UPDATE {table} SET {column} = ? WHERE {key} IN ({marks})",
                    (back, *old),
                )
    else:
        import psycopg

        with psycopg.connect(settings.database_url.get_secret_value()) as conn:
            for table, column, key in MOVED:
                conn.execute(
                    f"UPDATE {table} SET {column} = {column} - make_interval(days => %s) "
                    f"WHERE {key} = ANY(%s)",
                    (DAYS_BACK, old),
                )
    total = len(ANSWERED) + len(NOT_COVERED)
    log = (
        {"db_path": settings.query_log_path}
        if settings.database_url is None
        else {"database_url": settings.database_url.get_secret_value()}
    )
    return SeededLog(settings, log, ids, ANSWERED[1][0], len(old), total - len(old))


def log_settings(shipped: Settings, **changes: object) -> Settings:
    """The shipped index's settings with another log (`db_path=` or `database_url=`), etc."""
    return load_settings(corpus_dir=shipped.corpus_dir, index_dir=shipped.index_dir, **changes)


def seeded_service(settings: Settings, embedder: Embedder) -> AnswerService:
    return AnswerService(settings, embedder, query_log=open_store(settings))


@contextmanager
def serving(app: web.Application) -> Iterator[str]:
    """`app` on 127.0.0.1 in a thread of its own; yields its base URL."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    started = threading.Event()
    address: list[str] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        host, port = runner.addresses[0][:2]
        address.append(f"http://{host}:{port}/")
        started.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    if not started.wait(30):
        raise RuntimeError("the dashboard did not start")
    try:
        yield address[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)

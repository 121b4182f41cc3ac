"""The SQLite schema. Version 1 is the query log as it was before migrations existed
(`CREATE ... IF NOT EXISTS`), so a log from then upgrades in place."""

from __future__ import annotations

import sqlite3

from bot.store.base import Migration


def _add_reask_of(db: sqlite3.Connection) -> None:
    # Some logs from before migrations already have the column; the others gain it.
    columns = {row[1] for row in db.execute("PRAGMA table_info(answers)")}
    if "reask_of" not in columns:
        db.execute("ALTER TABLE answers ADD COLUMN reask_of TEXT")


MIGRATIONS: list[Migration] = [
    Migration(
        "query log",
        (
            """CREATE TABLE IF NOT EXISTS answers (
                id TEXT PRIMARY KEY,
                asked_at TEXT NOT NULL,
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                refused INTEGER NOT NULL,
                citations TEXT NOT NULL,
                latency_ms REAL,
                source TEXT,
                user TEXT,
                conversation TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS answers_by_conversation "
            "ON answers (conversation, asked_at)",
            """CREATE TABLE IF NOT EXISTS feedback (
                answer_id TEXT NOT NULL REFERENCES answers(id),
                user TEXT NOT NULL,
                helpful INTEGER NOT NULL,
                given_at TEXT NOT NULL,
                PRIMARY KEY (answer_id, user)
            )""",
            """CREATE TABLE IF NOT EXISTS passage_votes (
                answer_id TEXT NOT NULL REFERENCES answers(id),
                passage_id TEXT NOT NULL,
                user TEXT NOT NULL,
                helpful INTEGER NOT NULL,
                doc_id TEXT NOT NULL,
                title TEXT NOT NULL,
                quote TEXT NOT NULL,
                given_at TEXT NOT NULL,
                PRIMARY KEY (answer_id, passage_id, user)
            )""",
            """CREATE TABLE IF NOT EXISTS handoffs (
                answer_id TEXT NOT NULL REFERENCES answers(id),
                user TEXT NOT NULL,
                source TEXT,
                asked_at TEXT NOT NULL,
                PRIMARY KEY (answer_id, user)
            )""",
        ),
    ),
    Migration("re-asks", run=_add_reask_of),
    Migration(
        "answer outcome",
        (
            "ALTER TABLE answers ADD COLUMN outcome TEXT",
            "UPDATE answers SET outcome = CASE WHEN refused THEN 'refused' ELSE 'answered' END",
        ),
    ),
    Migration(
        "claims",
        (
            "CREATE TABLE claims (key TEXT PRIMARY KEY, expires_at REAL NOT NULL)",
            "CREATE INDEX claims_by_expiry ON claims (expires_at)",
        ),
    ),
    Migration(
        "dashboard indexes",
        (
            # the dashboard reads by date range (bot/dashboard/queries.py): one index per table
            "CREATE INDEX answers_by_time ON answers (asked_at)",
            "CREATE INDEX answers_by_outcome ON answers (outcome, asked_at)",
            "CREATE INDEX feedback_by_time ON feedback (given_at)",
            "CREATE INDEX passage_votes_by_time ON passage_votes (given_at)",
            "CREATE INDEX handoffs_by_time ON handoffs (asked_at)",
        ),
    ),
    Migration(
        "dashboard chart index",
        (
            # the charts read only these columns of a date range: from the index alone
            "CREATE INDEX answers_for_charts "
            "ON answers (asked_at, source, outcome, latency_ms, reask_of)",
            "DROP INDEX answers_by_time",  # the new one leads with asked_at too
        ),
    ),
    # PostgreSQL only: with SQLite the local index/ is the only index, so there is nothing to
    # publish; the empty step keeps both lists numbered alike.
    Migration("published index"),
    Migration("published index in chunks"),
    Migration(
        "claim owners",
        (
            # A claim held by a worker until its answer is posted: a retry, or another worker's
            # sweep, takes it over once the owner stops renewing its lease (killed, hung).
            "ALTER TABLE claims ADD COLUMN owner TEXT",
            "ALTER TABLE claims ADD COLUMN lease_until REAL",  # NULL: finished
            "ALTER TABLE claims ADD COLUMN payload TEXT",  # the event, to answer it elsewhere
            "ALTER TABLE claims ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX claims_unfinished ON claims (lease_until) WHERE lease_until IS NOT NULL",
        ),
    ),
    Migration(
        "cooldowns",
        (
            # Each asker's questions in the current window, shared by the processes on the file.
            """CREATE TABLE cooldowns (
                key TEXT PRIMARY KEY,
                resets_at REAL NOT NULL,
                spent INTEGER NOT NULL
            )""",
            "CREATE INDEX cooldowns_by_reset ON cooldowns (resets_at)",
        ),
    ),
    Migration(
        "conversation turns",
        (
            # A reply quoting nothing that later messages read ("start over", the headings
            # listed): kept out of `answers` (and so of stats and votes), yet part of the history.
            """CREATE TABLE turns (
                conversation TEXT NOT NULL,
                asked_at TEXT NOT NULL,
                question TEXT NOT NULL,
                kind TEXT NOT NULL
            )""",
            "CREATE INDEX turns_by_conversation ON turns (conversation, asked_at)",
        ),
    ),
]

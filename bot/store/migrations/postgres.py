"""The PostgreSQL schema: the same steps, numbers and names as the SQLite one."""

from __future__ import annotations

from bot.store.base import Migration

MIGRATIONS: list[Migration] = [
    Migration(
        "query log",
        (
            # seq orders answers logged within the same microsecond, as SQLite's rowid does
            """CREATE TABLE answers (
                id TEXT PRIMARY KEY,
                seq BIGINT GENERATED ALWAYS AS IDENTITY,
                asked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                refused BOOLEAN NOT NULL,
                citations JSON NOT NULL,
                latency_ms DOUBLE PRECISION,
                source TEXT,
                "user" TEXT,
                conversation TEXT
            )""",
            "CREATE INDEX answers_by_conversation ON answers (conversation, asked_at)",
            """CREATE TABLE feedback (
                answer_id TEXT NOT NULL REFERENCES answers(id),
                "user" TEXT NOT NULL,
                helpful BOOLEAN NOT NULL,
                given_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                PRIMARY KEY (answer_id, "user")
            )""",
            """CREATE TABLE passage_votes (
                answer_id TEXT NOT NULL REFERENCES answers(id),
                passage_id TEXT NOT NULL,
                "user" TEXT NOT NULL,
                helpful BOOLEAN NOT NULL,
                doc_id TEXT NOT NULL,
                title TEXT NOT NULL,
                quote TEXT NOT NULL,
                given_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                PRIMARY KEY (answer_id, passage_id, "user")
            )""",
            "CREATE INDEX passage_votes_by_passage ON passage_votes (passage_id)",
            """CREATE TABLE handoffs (
                answer_id TEXT NOT NULL REFERENCES answers(id),
                "user" TEXT NOT NULL,
                source TEXT,
                asked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                PRIMARY KEY (answer_id, "user")
            )""",
        ),
    ),
    Migration("re-asks", ("ALTER TABLE answers ADD COLUMN reask_of TEXT",)),
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
            "CREATE TABLE claims (key TEXT PRIMARY KEY, expires_at TIMESTAMPTZ NOT NULL)",
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
            # the count of citations per article reads only answers logged since its last look
            "CREATE INDEX answers_by_seq ON answers (seq)",
        ),
    ),
    Migration(
        "published index",
        (
            # A finished build's files, published by `evbot index build`; workers pull them.
            """CREATE TABLE index_builds (
                name TEXT PRIMARY KEY,
                seq BIGINT GENERATED ALWAYS AS IDENTITY,
                published_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                manifest JSON NOT NULL,
                files INTEGER NOT NULL,
                bytes BIGINT NOT NULL
            )""",
            """CREATE TABLE index_files (
                build TEXT NOT NULL REFERENCES index_builds(name) ON DELETE CASCADE,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size BIGINT NOT NULL,
                content BYTEA NOT NULL,
                PRIMARY KEY (build, path)
            )""",
            # One row: the build every worker serves; moved in the transaction that publishes.
            """CREATE TABLE index_current (
                only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
                build TEXT NOT NULL REFERENCES index_builds(name)
            )""",
        ),
    ),
    Migration(
        "published index in chunks",
        (
            # A file of a build in rows of at most CHUNK_BYTES (bot/store/postgres.py), written
            # from disk and read to disk a chunk at a time: a whole-file bytea is capped at 1 GB
            # and had to sit in memory whole, where a build at 10^6 passages is ~4.75 GB.
            """CREATE TABLE index_chunks (
                build TEXT NOT NULL REFERENCES index_builds(name) ON DELETE CASCADE,
                path TEXT NOT NULL,
                n INTEGER NOT NULL,
                data BYTEA NOT NULL,
                PRIMARY KEY (build, path, n)
            )""",
            # Builds already published stay published (workers restarted mid-deploy still pull
            # one), cut into chunks inside the server: nothing passes through a client.
            """INSERT INTO index_chunks (build, path, n, data)
                SELECT f.build, f.path, s.n, substring(f.content FROM s.n * 8388608 + 1 FOR 8388608)
                FROM index_files f
                CROSS JOIN LATERAL generate_series(0, (length(f.content) + 8388607) / 8388608 - 1)
                    AS s(n)""",
            "ALTER TABLE index_files ADD COLUMN chunks INTEGER",
            "UPDATE index_files SET chunks = (length(content) + 8388607) / 8388608",
            "ALTER TABLE index_files ALTER COLUMN chunks SET NOT NULL",
            "ALTER TABLE index_files DROP COLUMN content",
        ),
    ),
    Migration(
        "claim owners",
        (
            # A claim held by a worker until its answer is posted: a retry, or another worker's
            # sweep, takes it over once the owner stops renewing its lease (killed, hung).
            "ALTER TABLE claims ADD COLUMN owner TEXT",
            "ALTER TABLE claims ADD COLUMN lease_until TIMESTAMPTZ",  # NULL: finished
            "ALTER TABLE claims ADD COLUMN payload TEXT",  # the event, to answer it elsewhere
            "ALTER TABLE claims ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX claims_unfinished ON claims (lease_until) WHERE lease_until IS NOT NULL",
        ),
    ),
    Migration(
        "cooldowns",
        (
            # Each asker's questions in the current window, shared by every worker. Epoch
            # seconds as in SQLite, so a caller's `now` (tests, a replay) means the same on both.
            """CREATE TABLE cooldowns (
                key TEXT PRIMARY KEY,
                resets_at DOUBLE PRECISION NOT NULL,
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
                seq BIGINT GENERATED ALWAYS AS IDENTITY,
                conversation TEXT NOT NULL,
                asked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                question TEXT NOT NULL,
                kind TEXT NOT NULL
            )""",
            "CREATE INDEX turns_by_conversation ON turns (conversation, asked_at)",
        ),
    ),
]

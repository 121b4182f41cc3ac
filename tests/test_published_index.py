"""The index published through PostgreSQL: the release phase's build reaches every worker.

Each "process" below has its own empty index folder, as each dyno of a PaaS has its own disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from psycopg.types.json import Jsonb

from bot.errors import IndexUnavailable
from bot.index import VERIFIED, live_build, read_manifest, swap_current
from bot.onnx_query import cache_dir
from bot.service import AnswerService
from bot.settings import Settings, load_settings
from bot.store.migrations.postgres import MIGRATIONS as PG_MIGRATIONS
from bot.store.postgres import KEEP_BUILDS, PostgresStore
from bot.store.published import CHUNK_BYTES, publish, pull

QUESTION = "Who is Amazon partnering with on batteries?"
NEW_ARTICLE = """# Lucid opens a plant in Saudi Arabia

Lucid Motors opened its first factory outside the United States in King Abdullah Economic
City, Saudi Arabia, where it assembles Air sedans from kits shipped from Arizona.
"""


@pytest.fixture
def database(pg_database: str) -> str:
    PostgresStore(pg_database).upgrade()
    return pg_database


def build(evbot, corpus: Path, index: Path, database: str):
    run = evbot(
        "index", "build", "--json", corpus_dir=corpus, index_dir=index, database_url=database
    )
    assert run.code == 0, run.stderr
    return run.json()


def wait_for(condition, limit: float = 60.0) -> float:
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < limit, "timed out"
        time.sleep(0.1)
    return time.monotonic() - started


def test_a_release_build_reaches_workers_with_empty_disks_and_new_builds_follow(
    evbot, corpus_copy: Path, tmp_path: Path, database: str, service: AnswerService
) -> None:
    release = build(evbot, corpus_copy, tmp_path / "release-1", database)
    assert release["published"] and release["embedded"] > 0

    worker_settings = load_settings(index_dir=tmp_path / "worker", database_url=database)
    worker = AnswerService(worker_settings, service.embedder)  # an empty index/ at start
    try:
        assert worker._live_build() == release["published"]
        first = worker.ask(QUESTION, conversation="slack:C1:1")
        assert "Panasonic" in first.answer
        worker.record_feedback(first.id, "U2", helpful=True)

        # The next release runs in a fresh process too: it starts from the published build.
        again = build(evbot, corpus_copy, tmp_path / "release-2", database)
        assert again["up_to_date"] and again["embedded"] == 0 and again["published"] is None

        (corpus_copy / "lucid-saudi.md").write_text(NEW_ARTICLE)
        changed = build(evbot, corpus_copy, tmp_path / "release-3", database)
        assert changed["added"] == 1 and changed["unchanged"] == 1
        articles = read_manifest(tmp_path / "release-3")[1]["articles"].values()
        (lucid,) = [a for a in articles if a["title"].startswith("Lucid opens")]
        assert changed["embedded"] == lucid["passages"] > 0  # the new article's passages only
        published_at = time.monotonic()
        seconds = wait_for(lambda: worker._live_build() == changed["published"])
        print(f"the worker served the new build {seconds:.1f} s after it was published")
        answer = worker.ask("Where did Lucid open its first factory outside the US?")
        assert "Saudi" in answer.answer and time.monotonic() - published_at < 60
    finally:
        worker.index_follower.stop()
        worker.query_log.close()

    with psycopg.connect(database) as conn:
        builds = [r[0] for r in conn.execute("SELECT name FROM index_builds ORDER BY seq")]
    assert builds == [release["published"], changed["published"]]  # KEEP_BUILDS = 2
    assert KEEP_BUILDS == 2

    # The platform restarts the worker into a fresh copy: nothing it needs was on its disk.
    restarted = AnswerService(
        load_settings(index_dir=tmp_path / "worker-restarted", database_url=database),
        service.embedder,
    )
    try:
        assert restarted._live_build() == changed["published"]
        assert restarted.query_log.conversation_questions("slack:C1:1") == [QUESTION]
        assert restarted.query_log.stats()["helpful"] == 1
    finally:
        restarted.index_follower.stop()
        restarted.query_log.close()
    stats = evbot("stats", "--json", database_url=database)  # from anywhere else
    assert stats.code == 0 and (stats.json()["questions"], stats.json()["helpful"]) == (2, 1)


SMALL_CHUNKS = 4096  # so that passages.jsonl spans several chunks, as big files do at scale


def _republish_tampered(database: str, how: str) -> str:
    """Publish a copy of the current build with passages.jsonl damaged after its checksum was
    taken, as a failing disk or network would: what every worker must refuse."""
    with psycopg.connect(database) as conn:
        (current,) = conn.execute("SELECT build FROM index_current").fetchone()
        bad = current + "-bad"
        conn.execute(
            "INSERT INTO index_builds (name, manifest, files, bytes) "
            "SELECT %s, manifest, files, bytes FROM index_builds WHERE name = %s",
            (bad, current),
        )
        conn.execute(
            "INSERT INTO index_files (build, path, sha256, size, chunks) "
            "SELECT %s, path, sha256, size, chunks FROM index_files WHERE build = %s",
            (bad, current),
        )
        conn.execute(
            "INSERT INTO index_chunks (build, path, n, data) "
            "SELECT %s, path, n, data FROM index_chunks WHERE build = %s",
            (bad, current),
        )
        (chunks,) = conn.execute(
            "SELECT chunks FROM index_files WHERE build = %s AND path = 'passages.jsonl'", (bad,)
        ).fetchone()
        assert chunks >= 3
        damage = {
            "truncated": "UPDATE index_chunks SET data = substring(data FROM 1 FOR length(data) "
            "/ 2) WHERE n = %(last)s",
            "flipped": "UPDATE index_chunks SET data = overlay(data PLACING '\\x00'::bytea "
            "FROM 10 FOR 1) WHERE n = 1",
            "chunk missing": "DELETE FROM index_chunks WHERE n = 1",
            "last chunk missing": "DELETE FROM index_chunks WHERE n = %(last)s",
        }[how]
        conn.execute(
            damage + " AND build = %(bad)s AND path = 'passages.jsonl'",
            {"bad": bad, "last": chunks - 1},
        )
        conn.execute("UPDATE index_current SET build = %s", (bad,))
    return bad


@pytest.mark.parametrize(
    ("how", "why"),
    [
        ("truncated", "is truncated"),
        ("flipped", "fails its checksum"),
        ("chunk missing", "is missing chunk 1 of"),
        ("last chunk missing", "has {last} of its {chunks} chunks"),
    ],
)
def test_a_damaged_published_build_is_refused_and_the_previous_one_serves(
    evbot,
    shipped_settings: Settings,
    tmp_path: Path,
    database: str,
    service: AnswerService,
    caplog: pytest.LogCaptureFixture,
    how: str,
    why: str,
) -> None:
    store = PostgresStore(database)
    good = publish(store, shipped_settings.index_dir, chunk_bytes=SMALL_CHUNKS)
    store.close()
    worker = AnswerService(
        load_settings(index_dir=tmp_path / "worker", database_url=database), service.embedder
    )
    try:
        bad = _republish_tampered(database, how)
        with caplog.at_level(logging.ERROR, logger="bot.store.published"):
            assert worker.index_follower.sync() is None
            assert worker.index_follower.sync() is None  # refused once, not fetched again
        refusals = [r.getMessage() for r in caplog.records]
        assert len(refusals) == 1
        size = (shipped_settings.index_dir / good / "passages.jsonl").stat().st_size
        chunks = -(-size // SMALL_CHUNKS)
        reason = why.format(last=chunks - 1, chunks=chunks)
        assert f"published build {bad} refused: passages.jsonl {reason}" in refusals[0]
        assert f"still serving {good}" in refusals[0]
        assert worker._live_build() == good and "Panasonic" in worker.ask(QUESTION).answer
        assert not list((tmp_path / "worker").glob(".*.tmp"))  # nothing half-written is left

        # A fresh worker, with nothing to fall back on, refuses it too and says why.
        fresh = evbot("ask", QUESTION, index_dir=tmp_path / "fresh-worker", database_url=database)
        assert fresh.code == 1 and f"published build {bad} refused" in fresh.stderr
    finally:
        worker.index_follower.stop()
        worker.query_log.close()


def test_a_published_file_named_outside_its_build_is_refused_and_nothing_is_written_there(
    shipped_settings: Settings, tmp_path: Path, database: str
) -> None:
    store = PostgresStore(database)
    try:
        good = publish(store, shipped_settings.index_dir, chunk_bytes=SMALL_CHUNKS)
        bad = _republish_tampered(database, "flipped")  # a copy to add a stray file to
        with psycopg.connect(database) as conn:
            conn.execute(
                "INSERT INTO index_files (build, path, sha256, size, chunks) "
                "VALUES (%s, '../escaped', %s, 1, 1)",
                (bad, hashlib.sha256(b"x").hexdigest()),
            )
            conn.execute(
                "INSERT INTO index_chunks (build, path, n, data) VALUES (%s, '../escaped', 0, 'x')",
                (bad,),
            )
        with pytest.raises(IndexUnavailable, match=r"refused: \.\./escaped is not one of"):
            pull(store, tmp_path / "worker")
    finally:
        store.close()
    assert not (tmp_path / "worker" / "escaped").exists() and good != bad


def test_a_build_is_stored_in_chunks_and_pulled_back_byte_for_byte(
    shipped_settings: Settings, tmp_path: Path, database: str
) -> None:
    store = PostgresStore(database)
    try:
        name = publish(store, shipped_settings.index_dir, chunk_bytes=SMALL_CHUNKS)
        assert name and pull(store, tmp_path / "worker") == name
    finally:
        store.close()
    source = shipped_settings.index_dir / name

    def files(build: Path) -> dict[Path, bytes]:  # VERIFIED is each machine's own record
        return {
            p.relative_to(build): p.read_bytes()
            for p in build.rglob("*")
            if p.is_file() and p.name != VERIFIED
        }

    local = files(source)
    assert files(tmp_path / "worker" / name) == local
    with psycopg.connect(database) as conn:
        rows = conn.execute(
            "SELECT f.path, f.size, f.chunks, f.sha256, count(c.n), max(length(c.data)), "
            "coalesce(sum(length(c.data)), 0) FROM index_files f LEFT JOIN index_chunks c "
            "ON (c.build, c.path) = (f.build, f.path) WHERE f.build = %s "
            "GROUP BY f.path, f.size, f.chunks, f.sha256",
            (name,),
        ).fetchall()
    assert {Path(path) for path, *_ in rows} == set(local)
    for path, size, chunks, sha256, stored, largest, total in rows:
        assert (size, total, chunks, stored) == (
            len(local[Path(path)]),
            size,
            -(-size // SMALL_CHUNKS),
            chunks,
        )
        assert (largest or 0) <= SMALL_CHUNKS
        assert sha256 == hashlib.sha256(local[Path(path)]).hexdigest()
    assert max(chunks for _, _, chunks, *_ in rows) >= 3


def _database_at_version(url: str, version: int) -> None:
    """The schema as an older evbot left it: its first `version` migrations, as upgrade runs."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())"
        )
        for number, migration in enumerate(PG_MIGRATIONS[:version], start=1):
            with conn.transaction():
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                    (number, migration.name),
                )


def test_builds_published_whole_before_chunks_are_cut_into_chunks_by_the_upgrade(
    shipped_settings: Settings, tmp_path: Path, pg_database: str
) -> None:
    chunked = [m.name for m in PG_MIGRATIONS].index("published index in chunks")
    _database_at_version(pg_database, chunked)
    source = shipped_settings.index_dir / live_build(shipped_settings.index_dir)
    files = {  # as the whole-file publisher found them, before VERIFIED records existed
        p.relative_to(source).as_posix(): p.read_bytes()
        for p in source.rglob("*")
        if p.is_file() and p.name != VERIFIED
    }
    files["extra.bin"] = os.urandom(CHUNK_BYTES + 12345)  # two chunks once cut
    manifest = json.loads((source / "manifest.json").read_text())
    with psycopg.connect(pg_database) as conn:  # as the whole-file publisher wrote a build
        conn.execute(
            "INSERT INTO index_builds (name, manifest, files, bytes) VALUES (%s, %s, %s, %s)",
            (source.name, Jsonb(manifest), len(files), sum(map(len, files.values()))),
        )
        for path, data in files.items():
            conn.execute(
                "INSERT INTO index_files (build, path, sha256, size, content) "
                "VALUES (%s, %s, %s, %s, %s)",
                (source.name, path, hashlib.sha256(data).hexdigest(), len(data), data),
            )
        conn.execute("INSERT INTO index_current (build) VALUES (%s)", (source.name,))

    store = PostgresStore(pg_database)
    try:
        assert store.upgrade()[0] == "published index in chunks"
        assert pull(store, tmp_path / "worker") == source.name  # a worker restarted meanwhile
    finally:
        store.close()
    pulled = tmp_path / "worker" / source.name
    assert {p: pulled.joinpath(p).read_bytes() for p in files} == files
    with psycopg.connect(pg_database) as conn:
        extra = conn.execute(
            "SELECT n, length(data) FROM index_chunks WHERE path = 'extra.bin' ORDER BY n"
        ).fetchall()
        columns = {
            row[0]
            for row in conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'index_files'"
            )
        }
    assert extra == [(0, CHUNK_BYTES), (1, 12345)]
    assert "content" not in columns and "chunks" in columns


def test_publishing_keeps_the_last_two_builds_and_prunes_older_ones_with_their_chunks(
    shipped_settings: Settings, tmp_path: Path, database: str
) -> None:
    shipped = shipped_settings.index_dir / live_build(shipped_settings.index_dir)
    store = PostgresStore(database)
    try:
        names = []
        for n in range(3):  # three releases, each a build of its own name
            index_dir = tmp_path / f"release-{n}"
            shutil.copytree(shipped, index_dir / f"{shipped.name}-{n}")
            swap_current(index_dir, f"{shipped.name}-{n}")
            names.append(publish(store, index_dir, chunk_bytes=SMALL_CHUNKS))
        assert store.published_builds() == names[1:] and store.current_build() == names[2]
        assert pull(store, tmp_path / "worker", names[0]) is None  # pruned: nothing to pull
        assert pull(store, tmp_path / "worker", names[1]) == names[1]  # the one before: whole
    finally:
        store.close()
    with psycopg.connect(database) as conn:
        left = conn.execute(
            "SELECT (SELECT count(*) FROM index_files WHERE build = %(b)s), "
            "(SELECT count(*) FROM index_chunks WHERE build = %(b)s)",
            {"b": names[0]},
        ).fetchone()
    assert left == (0, 0)


BUILD = [sys.executable, "-m", "bot", "index", "build", "--json"]


def test_two_builds_at_once_publish_one_after_the_other(tmp_path: Path, database: str) -> None:
    corpora = [tmp_path / "corpus-1", tmp_path / "corpus-2"]
    for n, corpus in enumerate(corpora):
        corpus.mkdir()
        (corpus / "lucid-saudi.md").write_text(NEW_ARTICLE + f"\nEdition {n}.\n")
    builds = [
        subprocess.Popen(
            BUILD,
            cwd=tmp_path,
            env={
                "PATH": "/usr/bin:/bin",
                "HOME": str(tmp_path),
                # The machine's cache, as a release has: not two ONNX exports per run of this test.
                "XDG_CACHE_HOME": str(cache_dir().parents[1]),
                "EVBOT_DATABASE_URL": database,
                "EVBOT_CORPUS_DIR": str(corpus),
                "EVBOT_INDEX_DIR": str(tmp_path / f"release-{n}"),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, corpus in enumerate(corpora)
    ]
    outputs = [b.communicate(timeout=300) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outputs
    published = {json.loads(out)["published"] for out, _ in outputs}
    with psycopg.connect(database) as conn:
        (current,) = conn.execute("SELECT build FROM index_current").fetchone()
        rows = conn.execute(
            "SELECT b.name, b.files, count(f.path), b.manifest::text FROM index_builds b "
            "JOIN index_files f ON f.build = b.name GROUP BY b.name"
        ).fetchall()
    assert current in published and {name for name, *_ in rows} <= published
    for _, files, stored, manifest in rows:
        assert files == stored == len(json.loads(manifest)["files"]) + 1  # whole, no mix
    with psycopg.connect(database) as conn:
        unwhole = conn.execute(
            "SELECT f.build, f.path FROM index_files f LEFT JOIN index_chunks c "
            "ON (c.build, c.path) = (f.build, f.path) GROUP BY f.build, f.path, f.size, f.chunks "
            "HAVING count(c.n) <> f.chunks OR coalesce(sum(length(c.data)), 0) <> f.size"
        ).fetchall()
    assert unwhole == []  # and every file's chunks are all there, from one build


def test_the_deployment_files_migrate_publish_and_ask_for_postgresql() -> None:
    root = Path(__file__).resolve().parent.parent
    procfile = dict(
        line.split(": ", 1) for line in (root / "Procfile").read_text().splitlines() if line
    )
    assert procfile["release"] == "evbot db upgrade && evbot index build"
    assert procfile["web"] == "evbot serve slack --http"
    app = json.loads((root / "app.json").read_text())
    assert {"plan": "heroku-postgresql", "as": "DATABASE"} in app["addons"]
    assert set(app["formation"]) <= set(procfile)

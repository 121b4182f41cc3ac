"""Shared fixtures: the real model, a real index of the shipped corpus, and a way to run `evbot`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ingest_site import Site, default_routes, start_site
from pg_server import PostgresMissing, PostgresServer, start_server, stop_server
from pgbouncer_server import PgBouncer, PgBouncerMissing, start_pgbouncer, stop_pgbouncer

from bot.embedding import Embedder, get_embedder
from bot.index import build_index
from bot.service import AnswerService
from bot.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CORPUS = ROOT / "corpus"
QUESTIONS = Path(__file__).parent / "data" / "shipped-questions.jsonl"


# `make test` runs files in this order on two workers (--dist loadfile --no-loadscope-reorder):
# the files holding minutes of model-loading processes first, longest first, so that they
# overlap each other and the many quick files instead of being one worker's tail. (A loaded
# run's per-file times; xdist also queues the next file behind a file down to two tests.)
SLOW_FILES_FIRST = (
    "test_scaleout.py",  # one test of minutes: three workers, nginx, a build
    "test_index.py",
    "test_cli.py",
    "test_published_index.py",
    "test_eval.py",
    "test_eval_xquad.py",
    "test_ingest_cli.py",
    "test_store.py",
    "test_discord_cli.py",
    "test_slack_cli.py",
    "test_discord_shards.py",
    "test_hot_reload.py",
    "test_slack_socket_mode.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(SLOW_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: files stay whole


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return get_embedder(load_settings().model)


@pytest.fixture(scope="session")
def shipped_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """Settings whose index holds the shipped corpus, built once for the session."""
    index_dir = tmp_path_factory.mktemp("shipped-index")
    settings = load_settings(corpus_dir=SHIPPED_CORPUS, index_dir=index_dir)
    build_index(settings, embedder)
    return settings


@pytest.fixture(scope="session")
def mixed_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """The shipped corpus built with the ranking's own sentence vectors (off by default)."""
    index_dir = tmp_path_factory.mktemp("mixed-index")
    settings = load_settings(
        corpus_dir=SHIPPED_CORPUS, index_dir=index_dir, ranking_sentences="pooled+own"
    )
    build_index(settings, embedder)
    return settings


@pytest.fixture(scope="session")
def service(shipped_settings: Settings, embedder: Embedder) -> AnswerService:
    return AnswerService(shipped_settings, embedder)


@pytest.fixture(scope="session")
def questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, target)
    return target


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture
def evbot(tmp_path: Path) -> Iterator[callable]:
    """Run `python -m bot ...` in a clean working folder with EVBOT_* settings given as kwargs."""

    def run(
        *args: str,
        timeout: float = 120,
        stdin: str | None = None,
        env_extra: dict[str, str] | None = None,
        **settings: object,
    ) -> Run:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("EVBOT_") and k != "DATABASE_URL"  # the host's own database
        }
        env.update({f"EVBOT_{k.upper()}": str(v) for k, v in settings.items()})
        env.update(env_extra or {})
        proc = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    yield run


@pytest.fixture
def site() -> Iterator[Site]:
    """A web site on 127.0.0.1 serving the ingest test pages, feeds and PDF."""
    site, stop = start_site(default_routes)
    yield site
    stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session. Never skipped: CI must run these tests."""
    try:
        server = start_server()
    except PostgresMissing as err:
        pytest.fail(str(err))
    yield server
    stop_server(server)


@pytest.fixture
def pg_database(postgres: PostgresServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, empty database on that server, dropped after the test."""
    import psycopg

    name = f"t{abs(hash(request.node.nodeid)) % 10**12}_{os.getpid()}"
    with psycopg.connect(postgres.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres.url(name)
    try:
        with psycopg.connect(postgres.url(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except psycopg.OperationalError:
        pass  # a test that stopped the server for good: the folder goes at the session's end


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, object]:
    """The settings (as `load_settings` / `evbot` keyword arguments) of a new, empty store of
    each backend: the shared-state tests run once against each."""
    if request.param == "sqlite":
        return {"db_path": tmp_path / "log.sqlite3"}
    from bot.store.postgres import PostgresStore

    url = request.getfixturevalue("pg_database")
    store = PostgresStore(url)
    store.upgrade()  # as the release phase does; SQLite sets itself up
    store.close()
    return {"database_url": url}


@pytest.fixture(scope="session")
def pgbouncer(postgres: PostgresServer) -> Iterator[PgBouncer]:
    """PgBouncer in transaction pooling mode in front of that server, for the session. Skipped
    only where the binary is missing; CI installs it (.ci/run)."""
    try:
        bouncer = start_pgbouncer(postgres)
    except PgBouncerMissing as err:
        pytest.skip(str(err))
    yield bouncer
    stop_pgbouncer(bouncer)

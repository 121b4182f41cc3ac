"""The dashboard's clustering, queries, sign-in and error pages, over a log of real answers."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from aiohttp import web
from dashboard_log import (
    NOT_COVERED,
    SeededLog,
    log_settings,
    seed_log,
    seeded_service,
    serving,
)
from pg_server import PostgresServer

from bot.dashboard.clusters import cluster
from bot.dashboard.gaps import GapFinder
from bot.dashboard.queries import Dashboard, DateRange, SQLiteReader
from bot.dashboard.web import DASHBOARD_KEY, build_dashboard_app, mount, reader_for
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings, load_settings

TOKEN = "s3cret-dashboard-token"


# -- clustering -----------------------------------------------------------------------------------


def test_cluster_joins_near_vectors_and_keeps_far_ones_apart() -> None:
    vectors = np.array(
        [
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.95, 0.05, 0.0],
            [0.0, 0.9, 0.1],
            [0.9, 0.1, 0.0],
            [0.0, 0.0, 1.0],
        ]
    )
    assert cluster(vectors, threshold=0.8) == [[0, 2, 4], [1, 3], [5]]


def test_cluster_threshold_decides_how_far_a_merge_reaches() -> None:
    # a-b close, c halfway: average linkage joins c only when the threshold is low enough
    vectors = np.array([[1.0, 0.0], [0.99, 0.14], [0.6, 0.8]])
    assert cluster(vectors, threshold=0.9) == [[0, 1], [2]]
    assert cluster(vectors, threshold=0.5) == [[0, 1, 2]]


def test_cluster_edge_cases() -> None:
    assert cluster(np.zeros((0, 4))) == []
    assert cluster(np.ones((1, 4))) == [[0]]
    # zero vectors are similar to nothing; equal sizes keep their first row's order
    assert cluster(np.zeros((3, 2)), threshold=0.5) == [[0], [1], [2]]
    with pytest.raises(ValueError):
        cluster(np.ones(4))


def test_gap_finder_embeds_each_distinct_question_once() -> None:
    calls: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.array([[1.0, 0.0] if "france" in t else [0.0, 1.0] for t in texts])

    finder = GapFinder(encode, threshold=0.8)
    rows = [
        {"question": "Capital of France?", "asked_at": "2026-01-02", "id": "a", "why": "refused"},
        {"question": "capital of  france?", "asked_at": "2026-01-03", "id": "b", "why": "refused"},
        {"question": "France: its capital?", "asked_at": "2026-01-01", "id": "c", "why": "partial"},
        {"question": "Pizza?", "asked_at": "2026-01-04", "id": "d", "why": "voted down"},
    ]
    groups = finder.groups(rows)
    assert [g["asks"] for g in groups] == [3, 1]
    assert groups[0]["last_asked"] == "2026-01-03"
    assert [q["asks"] for q in groups[0]["questions"]] == [2, 1]
    assert groups[0]["questions"][0]["answer_id"] == "b"  # the latest asking opens
    assert calls == [["capital of france?", "france: its capital?", "pizza?"]]
    finder.groups(rows)
    assert len(calls) == 1  # cached


# -- a log of real answers ----------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    shipped_settings: Settings,
    embedder: Embedder,
) -> Iterator[SeededLog]:
    """Real answers, votes and a hand-off in a log of each backend."""
    if request.param == "sqlite":
        log: dict[str, object] = {"db_path": tmp_path_factory.mktemp("dash") / "evbot.sqlite3"}
    else:
        import psycopg

        from bot.store.postgres import PostgresStore

        server: PostgresServer = request.getfixturevalue("postgres")
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS dashboard_tests")
            admin.execute("CREATE DATABASE dashboard_tests")
        log = {"database_url": server.url("dashboard_tests")}
        store = PostgresStore(server.url("dashboard_tests"))
        store.upgrade()  # as the release phase does
        store.close()
    settings = log_settings(shipped_settings, **log)
    service = seeded_service(settings, embedder)
    yield seed_log(service, settings)
    service.query_log.close()


@pytest.fixture(scope="module")
def board(seeded: SeededLog) -> Dashboard:
    return Dashboard(reader_for(seeded.settings))


def today() -> DateRange:
    return DateRange.last(1)


def test_series_counts_every_question_of_the_range(board: Dashboard, seeded: SeededLog) -> None:
    wide = board.series(DateRange.last(30))
    total = seeded.old_questions + seeded.today_questions
    assert wide["totals"]["questions"] == total
    assert sum(wide["platforms"]["slack"]) == 4
    assert wide["totals"]["refused"] == len(NOT_COVERED)
    assert wide["totals"]["answered"] == total - len(NOT_COVERED)
    assert wide["totals"]["not_helpful"] == 2 and wide["totals"]["helpful"] == 2
    assert wide["totals"]["handoffs"] == 1
    assert wide["totals"]["latency_p50"] is not None
    assert len(wide["days"]) == 30 and wide["days"][-1] == datetime.now(UTC).date().isoformat()
    narrow = board.series(today())
    assert narrow["totals"]["questions"] == seeded.today_questions
    assert narrow["totals"]["helpful"] == 1  # the other helpful vote was moved back


def test_worst_lists_voted_down_first_then_refusals(board: Dashboard, seeded: SeededLog) -> None:
    worst = board.worst(DateRange.last(30))
    assert worst[0]["question"] == seeded.down_voted
    assert worst[0]["not_helpful"] == 2 and worst[0]["answer"]
    assert {r["outcome"] for r in worst[1:]} == {"refused"}
    assert len(worst) == 1 + len(NOT_COVERED)


def test_coverage_gaps_group_questions_by_meaning(
    board: Dashboard, seeded: SeededLog, embedder: Embedder
) -> None:
    rows = board.gap_questions(DateRange.last(30))
    assert len(rows) == len(NOT_COVERED) + 1  # the refusals and the voted-down answer
    groups = GapFinder(embedder.encode).groups(rows)
    france = groups[0]
    assert france["asks"] == 3
    assert {q["question"].casefold() for q in france["questions"]} == {
        "what is the capital of france?",
        "which city is the capital of france?",
    }
    pizza = next(g for g in groups if "pizza" in g["label"])
    assert pizza["asks"] == 2
    assert all("pizza" in q["question"] for q in pizza["questions"])


def test_passages_handoffs_exchange_and_freshness(
    board: Dashboard, seeded: SeededLog, shipped_settings: Settings
) -> None:
    passages = board.passages_voted_down(DateRange.last(30))
    assert passages and all(p["not_helpful"] == 2 for p in passages)
    assert passages[0]["quote"] and passages[0]["doc_id"]
    handoffs = board.handoffs(today())
    assert [h["question"] for h in handoffs] == [seeded.down_voted]
    exchange = board.exchange(seeded.answer_ids[seeded.down_voted])
    assert exchange is not None
    assert exchange["citations"] and exchange["citations"][0]["quote"]
    assert [v["helpful"] for v in exchange["votes"]] == [False, False]
    assert board.exchange("no-such-id") is None
    from bot.index import read_manifest

    fresh = board.freshness(read_manifest(shipped_settings.index_dir)[1])
    assert fresh["built_at"]
    assert [a["doc_id"] for a in fresh["articles"]] == ["bezos-vs-musk-ev-rivalry"]
    assert fresh["articles"][0]["cited"] >= 3 and fresh["never_cited"] == []


def test_an_older_or_empty_log_reads_as_what_it_has(tmp_path: Path) -> None:
    assert (
        Dashboard(SQLiteReader(tmp_path / "missing.sqlite3")).series(today())["totals"]["questions"]
        == 0
    )
    old = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(old)) as db, db:
        db.execute(  # the first query log: no re-asks, no outcome, no votes yet
            "CREATE TABLE answers (id TEXT PRIMARY KEY, asked_at TEXT NOT NULL, "
            "question TEXT NOT NULL, answer TEXT NOT NULL, refused INTEGER NOT NULL, "
            "citations TEXT NOT NULL, latency_ms REAL, source TEXT, user TEXT, conversation TEXT)"
        )
        now = datetime.now(UTC).isoformat()
        db.execute(
            "INSERT INTO answers VALUES ('a1', ?, 'Q?', 'no', 1, '[]', 12.5, 'cli', NULL, NULL)",
            (now,),
        )
    board = Dashboard(SQLiteReader(old))
    series = board.series(today())
    assert series["totals"]["questions"] == 1 and series["totals"]["refused"] == 1
    assert board.worst(today())[0]["id"] == "a1"
    assert board.passages_voted_down(today()) == [] and board.handoffs(today()) == []


# -- over HTTP ----------------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)


def get(url: str, headers: dict[str, str] | None = None, data: bytes | None = None):
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        response = OPENER.open(request, timeout=60)
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode()
    return response.status, dict(response.headers), response.read().decode()


@pytest.fixture(scope="module")
def guarded(seeded: SeededLog, shipped_settings: Settings, embedder: Embedder) -> Iterator[str]:
    settings = log_settings(shipped_settings, **seeded.log, dashboard_token=TOKEN)
    with serving(build_dashboard_app(settings, encode=embedder.encode)) as url:
        yield url


def test_without_the_token_nothing_but_the_sign_in_page(guarded: str) -> None:
    status, _, body = get(guarded)
    assert status == 401 and 'name="token"' in body and "capital" not in body
    status, headers, body = get(guarded + "api/series")
    assert status == 401 and json.loads(body)["error"].startswith("sign in")
    assert headers["WWW-Authenticate"] == "Bearer"
    assert get(guarded + "api/series", {"Authorization": "Bearer wrong"})[0] == 401
    assert get(guarded + "csv/exchanges.csv", {"Cookie": "evbot_dashboard=forged"})[0] == 401
    status, _, body = get(guarded + "login", data=b"token=wrong")
    assert status == 401 and "not the dashboard token" in body


def test_signing_in_sets_a_strict_http_only_cookie(guarded: str) -> None:
    status, headers, _ = get(guarded + "login", data=f"token={TOKEN}".encode())
    assert status == 303
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    session = cookie.split(";")[0]
    status, headers, body = get(guarded, {"Cookie": session})
    assert status == 200 and "uPlot.iife.min.js" in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert get(guarded + "static/uPlot.iife.min.js")[0] == 200


def test_a_script_reads_json_and_csv_with_the_bearer_token(guarded: str, seeded: SeededLog) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    year_ago = (datetime.now(UTC).date() - timedelta(days=365)).isoformat()
    status, _, body = get(guarded + f"api/series?from={year_ago}", auth)
    assert status == 200
    assert json.loads(body)["totals"]["questions"] == seeded.old_questions + seeded.today_questions
    status, _, body = get(guarded + "api/series?from=tomorrow", auth)
    assert status == 400 and "dates like" in json.loads(body)["error"]
    start = (datetime.now(UTC).date() - timedelta(days=29)).isoformat()
    expected_headers = {
        "daily": "day",
        "exchanges": "id",
        "worst": "id",
        "gaps": "group",
        "passages": "passage_id",
        "handoffs": "id",
        "articles": "doc_id",
    }
    for name, first in expected_headers.items():
        status, headers, body = get(guarded + f"csv/{name}.csv?from={start}", auth)
        assert status == 200, name
        assert headers["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[0][0] == first and len(rows) > 1, name
        assert all(len(row) == len(rows[0]) for row in rows), name
    status, _, body = get(guarded + "api/exchange/" + seeded.answer_ids[seeded.down_voted], auth)
    exchange = json.loads(body)
    assert status == 200 and exchange["citations"] and "user" not in exchange
    assert all("user" not in vote for vote in exchange["votes"])  # ids hidden by default


def test_user_ids_show_only_when_turned_on(
    seeded: SeededLog, shipped_settings: Settings, embedder: Embedder
) -> None:
    settings = log_settings(shipped_settings, **seeded.log, dashboard_show_users=True)
    with serving(build_dashboard_app(settings, encode=embedder.encode)) as url:
        status, _, body = get(url + "api/exchange/" + seeded.answer_ids[seeded.down_voted])
    assert status == 200  # no token: 127.0.0.1 needs none
    exchange = json.loads(body)
    assert exchange["user"] == "U-discord"
    assert {v["user"] for v in exchange["votes"]} == {"U1", "U2"}


def test_an_unreadable_log_is_a_short_page_not_a_traceback(
    tmp_path: Path, shipped_settings: Settings
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    settings = log_settings(shipped_settings, db_path=broken)
    with serving(build_dashboard_app(settings, encode=lambda t: np.zeros((len(t), 2)))) as url:
        status, _, body = get(url + "api/series")
        assert status == 503 and "cannot be read" in json.loads(body)["error"]
        assert "Traceback" not in body
        status, _, body = get(url + "csv/daily.csv")
        assert status == 503 and "Traceback" not in body
        assert get(url)[0] == 200  # the page itself loads and says so


def test_a_frozen_database_is_a_short_503_not_a_hung_request(
    postgres: PostgresServer,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.answer import Answer
    from bot.store import open_store
    from bot.store.postgres import PostgresStore

    PostgresStore(pg_database).upgrade()
    settings = load_settings(database_url=pg_database, index_dir=tmp_path, report_timeout_seconds=1)
    store = open_store(settings)
    store.record_answer(Answer(id="a1", question="q", answer="", refused=True, outcome="refused"))
    store.close()
    password = pg_database.split(":")[2].split("@")[0]
    app = build_dashboard_app(settings, encode=lambda t: np.zeros((len(t), 2)), warm=False)
    transaction = PostgresStore._transaction
    with serving(app) as url, caplog.at_level(logging.INFO):
        assert get(url + "api/worst")[0] == 200
        with postgres.frozen() as freeze:

            @contextmanager
            def frozen_in_report(self: PostgresStore, *, report: bool = False) -> Iterator[object]:
                with transaction(self, report=report) as conn:
                    if report:
                        freeze()  # the server freezes with the report's query on its way
                    yield conn

            monkeypatch.setattr(PostgresStore, "_transaction", frozen_in_report)
            for path, says in (
                ("api/worst", "no answer within 1 s (EVBOT_REPORT_TIMEOUT_SECONDS)"),
                ("api/series", "not answering for"),  # known silent: at once, not 1 s again
                ("csv/exchanges.csv", "not answering for"),
            ):
                started = time.monotonic()
                status, headers, body = get(url + path)
                took = time.monotonic() - started
                print(f"GET {path}, the database frozen: {status} after {took:.2f} s "
                      f"(load {os.getloadavg()[0]:.1f})")  # fmt: skip
                error = json.loads(body)["error"]
                assert status == 503 and headers["Content-Type"].startswith("application/json")
                assert error.startswith("The query log cannot be read: database postgresql://")
                assert says in error and "***" in error and password not in body
        monkeypatch.setattr(PostgresStore, "_transaction", transaction)
        app[DASHBOARD_KEY].reader.store.silent_retry_seconds = 0.2  # sooner than in 5 s
        started = time.monotonic()  # back: a retry falls due and the page reads again
        while get(url + "api/worst")[0] != 200:
            assert time.monotonic() - started < 60
            time.sleep(0.2)
    logged = [r.getMessage() for r in caplog.records if r.name == "bot.dashboard.web"]
    assert len(logged) >= 3 and all("***" in line for line in logged)  # one per 503
    assert password not in caplog.text


def test_slack_http_serves_it_under_a_path_only_with_a_token(
    shipped_settings: Settings, seeded: SeededLog
) -> None:
    plain = web.Application()
    assert not mount(plain, shipped_settings)
    parent = web.Application()
    settings = log_settings(shipped_settings, **seeded.log, dashboard_token=TOKEN)
    assert mount(parent, settings)
    with serving(parent) as url:
        status, headers, _ = get(url + "dashboard")
        assert status == 302 and headers["Location"] == "/dashboard/"
        assert get(url + "dashboard/")[0] == 401
        status, _, body = get(url + "dashboard/api/handoffs", {"Authorization": f"Bearer {TOKEN}"})
        assert status == 200 and json.loads(body)[0]["question"] == seeded.down_voted


def test_the_command_will_not_serve_beyond_this_machine_without_a_token(evbot) -> None:
    run = evbot("dashboard", "--host", "0.0.0.0", "--port", "0")
    assert run.code == 2
    assert run.stderr.strip().count("\n") == 0
    assert "EVBOT_DASHBOARD_TOKEN is not set" in run.stderr and "Traceback" not in run.stderr


def test_the_slack_http_process_serves_it_at_dashboard(
    tmp_path: Path, shipped_settings: Settings, embedder: Embedder
) -> None:
    from tests.fake_slack import FakeSlack, SlackHarness

    settings = log_settings(
        shipped_settings, db_path=tmp_path / "log.sqlite3", dashboard_token=TOKEN
    )
    service = AnswerService(settings, embedder)
    answer = service.ask("Who is Amazon partnering with on batteries?", source="slack")
    fake = FakeSlack()
    harness = SlackHarness(service, fake)
    try:
        base = harness.url + "/"
        assert get(base + "dashboard/")[0] == 401
        status, _, body = get(
            base + "dashboard/api/exchanges", {"Authorization": f"Bearer {TOKEN}"}
        )
        assert status == 200 and [row["id"] for row in json.loads(body)] == [answer.id]
        assert get(base + "health")[0] == 200
    finally:
        harness.close()
        fake.close()


def test_past_days_are_kept_and_today_is_read_again(
    tmp_path: Path, shipped_settings: Settings, embedder: Embedder
) -> None:
    settings = log_settings(shipped_settings, db_path=tmp_path / "log.sqlite3")
    service = seeded_service(settings, embedder)
    service.ask("Who is Amazon partnering with on batteries?", source="cli")
    board = Dashboard(reader_for(settings))
    week = DateRange.last(7)
    assert board.series(week)["totals"]["questions"] == 1
    service.ask("What is the capital of France?", source="cli")
    again = board.series(week)
    assert again["totals"]["questions"] == 2 and again["totals"]["refused"] == 1
    assert again["questions"][:-1] == [0] * 6  # the cached past days

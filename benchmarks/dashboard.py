"""The dashboard's server time per endpoint over a query log of 100,000 answers.

Prints figures; asserts nothing (speed is measured here, never in tests).
    .venv/bin/python benchmarks/dashboard.py [--answers 100000] [--backend sqlite|postgresql|both]
        [--screenshot docs/dashboard.png] [--explain]
Seeds the log in bulk (the store's migrations make the schema, rows go in with one executemany
or COPY: 100,000 `record_answer` calls would take minutes and measure nothing here) over the
last 90 days: three platforms, answered / partial / refused, votes on a fifth of the answers,
hand-offs, 40 articles. PostgreSQL is a throwaway server on 127.0.0.1 (tests/pg_server.py,
fsync on). Each endpoint is asked `--rounds` times; the figure is the server's own time (its
Server-Timing header): the first request (cold: a fresh process reading the range's days,
every answer's citations, embedding the gap questions) and the median and worst of the next.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "shipped-questions.jsonl"
sys.path.insert(0, str(ROOT / "tests"))

DAYS = 90
PLATFORMS = (("slack", 0.55), ("discord", 0.35), ("cli", 0.10))
OUTCOMES = (("answered", 0.72), ("partial", 0.10), ("refused", 0.18))
ARTICLES = 40
# Topics the corpus does not cover: the coverage gaps, each in several wordings.
GAP_TOPICS = [
    [
        "How much will the Amazon car cost?",
        "What is the price of Amazon's EV?",
        "Will the Amazon electric car be cheaper than a Model 3?",
    ],
    [
        "Where can I charge a Tesla in Spain?",
        "How many Superchargers are in Europe?",
        "Is there a charging network in Portugal?",
    ],
    [
        "What is the battery warranty on a Model Y?",
        "How long is Tesla's battery guarantee?",
        "Does the battery warranty cover degradation?",
    ],
    [
        "What is Tesla's share price today?",
        "How did TSLA stock do this week?",
        "Is Tesla stock a buy?",
    ],
    [
        "Was the Cybertruck recalled?",
        "Why was the Cybertruck recalled?",
        "How many Cybertrucks were recalled last year?",
    ],
    [
        "Is Full Self-Driving legal in China?",
        "Can I use FSD in Shanghai?",
        "When does Tesla self-driving launch in China?",
    ],
    [
        "How many Rivian vans does Amazon own?",
        "When will Amazon get all 100,000 Rivian vans?",
        "Are Amazon's Rivian delivery vans electric?",
    ],
    [
        "What does Blue Origin have to do with cars?",
        "Is Blue Origin building EV batteries?",
        "Does Bezos's rocket company make car parts?",
    ],
    ["Who is the CEO of Zoox?", "Is Zoox part of Amazon?", "Where does Zoox test robotaxis?"],
    [
        "How fast does a Model S Plaid accelerate?",
        "What is the 0-60 time of the Plaid?",
        "Top speed of the Tesla Model S?",
    ],
]
PREFIXES = ("", "Hi! ", "Quick one: ", "Can you tell me: ")
SERIES_ENDPOINTS = ("series", "worst", "passages", "handoffs", "exchanges", "freshness")


def pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def make_rows(count: int, seed: int = 7) -> dict[str, list[tuple[Any, ...]]]:
    """The log's rows: answers, feedback, passage votes and hand-offs (timestamps as datetimes)."""
    rng = random.Random(seed)
    covered = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line]
    gaps = [prefix + q for topic in GAP_TOPICS for q in topic for prefix in PREFIXES]
    now = datetime.now(UTC)
    answers, feedback, votes, handoffs = [], [], [], []
    for _ in range(count):
        answer_id = uuid.uuid4().hex
        asked = now - timedelta(seconds=rng.random() * DAYS * 86400)
        outcome = pick(rng, OUTCOMES)
        source = pick(rng, PLATFORMS)
        question = rng.choice(gaps if outcome != "answered" else covered)
        docs = rng.sample(range(ARTICLES), 3) if outcome != "refused" else []
        citations = [
            {
                "n": n,
                "doc_id": f"article-{d}",
                "passage_id": f"article-{d}#p{rng.randrange(20)}",
                "title": f"Article {d}",
                "score": round(0.5 + rng.random() / 2, 3),
                "quote": "A sentence quoted from the passage." if n == 1 else None,
            }
            for n, d in enumerate(docs, start=1)
        ]
        answer = "The sources I have don't cover that." if not docs else "“A quoted answer.” [1]"
        latency = rng.lognormvariate(5.5, 0.5)
        user = f"U{rng.randrange(2000):04d}"
        answers.append(
            (answer_id, asked, question, answer, outcome == "refused", citations, latency,
             source, user, f"{source}:C1:{answer_id[:6]}", None, outcome)
        )  # fmt: skip
        if docs and rng.random() < 0.2:
            helpful = rng.random() < (0.75 if outcome == "answered" else 0.3)
            given = asked + timedelta(seconds=30)
            feedback.append((answer_id, user, helpful, given))
            quoted = citations[0]
            votes.append(
                (answer_id, quoted["passage_id"], user, helpful, quoted["doc_id"],
                 quoted["title"], quoted["quote"], given)
            )  # fmt: skip
        if rng.random() < 0.02:
            handoffs.append((answer_id, user, source, asked + timedelta(seconds=60)))
    return {"answers": answers, "feedback": feedback, "passage_votes": votes, "handoffs": handoffs}


ANSWER_COLUMNS = (
    'id, asked_at, question, answer, refused, citations, latency_ms, source, "user", '
    "conversation, reask_of, outcome"
)


def seed_sqlite(path: Path, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    from bot.store.sqlite import SQLiteStore

    SQLiteStore(path).schema_status()  # the migrations, indexes included

    def iso(moment: datetime) -> str:
        return moment.isoformat(timespec="milliseconds")

    with closing(sqlite3.connect(path)) as db, db:
        db.executemany(
            f"INSERT INTO answers ({ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r[0], iso(r[1]), r[2], r[3], int(r[4]), json.dumps(r[5]), *r[6:]) for r in
             rows["answers"]],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO feedback VALUES (?, ?, ?, ?)",
            [(a, u, int(h), iso(t)) for a, u, h, t in rows["feedback"]],
        )
        db.executemany(
            "INSERT INTO passage_votes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*r[:3], int(r[3]), *r[4:7], iso(r[7])) for r in rows["passage_votes"]],
        )
        db.executemany(
            "INSERT INTO handoffs VALUES (?, ?, ?, ?)",
            [(*r[:3], iso(r[3])) for r in rows["handoffs"]],
        )
    with closing(sqlite3.connect(path)) as db:
        db.execute("ANALYZE")


def seed_postgres(url: str, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    import psycopg
    from psycopg.types.json import Json

    from bot.store.postgres import PostgresStore

    store = PostgresStore(url)
    store.upgrade()
    store.close()
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY answers ({ANSWER_COLUMNS}) FROM STDIN") as copy:
            for r in rows["answers"]:
                copy.write_row((*r[:5], Json(r[5]), *r[6:]))
        for table, columns in (
            ("feedback", 'answer_id, "user", helpful, given_at'),
            ("passage_votes", 'answer_id, passage_id, "user", helpful, doc_id, title, quote, '
             "given_at"),
            ("handoffs", 'answer_id, "user", source, asked_at'),
        ):  # fmt: skip
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for r in rows[table]:
                    copy.write_row(r)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def write_index_manifest(index_dir: Path) -> None:
    """What the freshness table reads: a live build's manifest of the seeded articles and five
    that no answer cites."""
    build = index_dir / "20260101T000000-bench"
    build.mkdir(parents=True)
    articles = {
        f"article-{d}": {
            "title": f"Article {d}",
            "url": f"https://example.org/articles/{d}",
            "published": (datetime(2026, 1, 1) + timedelta(days=7 * d)).date().isoformat(),
            "passages": 20,
        }
        for d in range(ARTICLES + 5)  # five more than any answer cites: "never cited"
    }
    manifest = {"built_at": datetime.now(UTC).isoformat(timespec="seconds"), "articles": articles}
    (build / "manifest.json").write_text(json.dumps(manifest))
    (index_dir / "current").symlink_to(build.name)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    from aiohttp import web

    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    ready = threading.Event()
    address: list[str] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", 0).start())
        address.append(f"http://127.0.0.1:{runner.addresses[0][1]}/")
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(60)
    try:
        yield address[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def server_ms(url: str) -> float:
    with OPENER.open(url, timeout=300) as response:
        response.read()
        timing = response.headers["Server-Timing"]
    return float(timing.split("dur=")[1])


def measure(base: str, rounds: int) -> list[tuple[str, float, float, float]]:
    """(endpoint, first request, median and worst of the next `rounds`) per endpoint and range.
    The first request of a range reads its days; later ones read today and the cache."""
    today = datetime.now(UTC).date()
    ranges = {
        "30 days": f"from={today - timedelta(days=29)}&to={today}",
        f"{DAYS} days (all)": f"from={today - timedelta(days=DAYS)}&to={today}",
    }
    results = []
    for label, query in ranges.items():
        paths = [f"api/{name}?{query}" for name in (*SERIES_ENDPOINTS, "gaps")]
        paths += [f"csv/daily.csv?{query}", f"csv/exchanges.csv?{query}"]
        for path in paths:
            first = server_ms(base + path)
            times = [server_ms(base + path) for _ in range(rounds)]
            name = path.split("?")[0].removeprefix("api/")
            results.append((f"{name}, {label}", first, statistics.median(times), max(times)))
    exchange_id = json.loads(OPENER.open(base + "api/exchanges", timeout=60).read())[0]["id"]
    for name, path in (("exchange/ID", f"api/exchange/{exchange_id}"), ("the page (HTML)", "")):
        first = server_ms(base + path)
        times = [server_ms(base + path) for _ in range(rounds)]
        results.append((name, first, statistics.median(times), max(times)))
    return results


def page_load(base: str, rounds: int) -> tuple[float, float]:
    """What the page asks for at once on a load (the six tables and charts, then the gaps),
    in parallel as a browser does: (median, worst) wall time of the slowest answer."""
    from concurrent.futures import ThreadPoolExecutor

    today = datetime.now(UTC).date()
    query = f"from={today - timedelta(days=29)}&to={today}"
    paths = [f"api/{name}?{query}" for name in SERIES_ENDPOINTS]
    walls = []
    with ThreadPoolExecutor(len(paths)) as pool:
        for _ in range(rounds):
            started = time.perf_counter()
            list(pool.map(lambda p: server_ms(base + p), paths))
            walls.append((time.perf_counter() - started) * 1000)
    return statistics.median(walls), max(walls)


def explain(board: Any, backend: str) -> None:
    """Each query of a 30-day page load with its plan: an index, or what it scans."""
    from bot.dashboard.queries import DateRange

    reader = board.reader
    seen: list[tuple[str, tuple[Any, ...]]] = []
    original = reader.rows

    def recording(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        seen.append((sql, tuple(params)))
        return original(sql, params)

    reader.rows = recording
    rng = DateRange.last(30)
    for call in (board.series, board.worst, board.gap_questions, board.passages_voted_down,
                 board.handoffs, board.exchanges):  # fmt: skip
        call(rng)
    reader.rows = original
    for sql, params in seen:
        if "information_schema" in sql or sql.startswith("PRAGMA"):
            continue
        prefix = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
        plan = original(prefix + sql, params)
        steps = [str(row[-1] if backend == "sqlite" else row[0]).strip() for row in plan]
        print(f"  {' '.join(sql.split())[:110]}")
        for step in steps:
            if backend == "sqlite" or "Scan" in step or "Index" in step:
                print(f"      {step[:120]}")


def run_backend(
    backend: str, rows: dict[str, Any], args: argparse.Namespace, embedder: Any
) -> None:
    from bot.dashboard.queries import Dashboard
    from bot.dashboard.web import build_dashboard_app, reader_for
    from bot.settings import load_settings

    work = Path(tempfile.mkdtemp(prefix="evbot-dash-bench-"))
    write_index_manifest(work / "index")
    server = None
    try:
        started = time.perf_counter()
        if backend == "sqlite":
            log: dict[str, Any] = {"db_path": work / "evbot.sqlite3"}
            seed_sqlite(log["db_path"], rows)
        else:
            from pg_server import start_server

            server = start_server(fsync=True)
            log = {"database_url": server.url()}
            seed_postgres(server.url(), rows)
        seconds = time.perf_counter() - started
        print(f"\n{backend}: seeded {len(rows['answers'])} answers, {len(rows['feedback'])} "
              f"votes, {len(rows['handoffs'])} hand-offs in {seconds:.1f} s")  # fmt: skip
        settings = load_settings(index_dir=work / "index", **log)
        if args.explain:
            explain(Dashboard(reader_for(settings)), backend)
        # warm=False: the first requests below are the cold reads a fresh process would do
        app = build_dashboard_app(settings, encode=embedder.encode, warm=False)
        with serving(app) as base:
            print(f"{'endpoint, range':<38} {'first ms':>9} {'median ms':>10} {'worst ms':>9}")
            for name, first, median, worst in measure(base, args.rounds):
                print(f"{name:<38} {first:>9.1f} {median:>10.1f} {worst:>9.1f}")
            median, worst = page_load(base, args.rounds)
            print(f"a page load's six requests at once, 30 days: median {median:.1f} ms, "
                  f"worst {worst:.1f} ms (wall time, client included)")  # fmt: skip
            if args.screenshot and backend == "sqlite":
                screenshot(base, Path(args.screenshot))
    finally:
        if server is not None:
            from pg_server import stop_server

            stop_server(server)


def screenshot(base: str, target: Path) -> None:
    """The page as a browser shows it, the first coverage gap opened: docs/dashboard.png."""
    from playwright.sync_api import sync_playwright
    from test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1700})
        page.goto(base)
        page.click('[data-days="90"]')
        page.wait_for_selector("#dashboard[data-gaps-loaded=true]", timeout=120_000)
        page.locator("details.gap summary").first.click()
        page.screenshot(path=str(target))  # the top: figures, charts, the first gaps
        browser.close()
    print(f"screenshot: {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="requests per endpoint")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--screenshot", help="save a screenshot of the page (SQLite) here")
    parser.add_argument("--explain", action="store_true", help="print each query's plan")
    args = parser.parse_args()

    from bot.embedding import get_embedder
    from bot.settings import load_settings

    embedder = get_embedder(load_settings().model)
    embedder.encode(["warm up"])  # the model load is not the dashboard's time
    rows = make_rows(args.answers)
    for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
        run_backend(backend, rows, args, embedder)


if __name__ == "__main__":
    main()

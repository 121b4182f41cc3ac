"""Answer latency with the query log on SQLite vs PostgreSQL, side by side in one run.

Prints figures; asserts nothing (speed is measured here, never in tests).
    .venv/bin/python benchmarks/store.py [--rounds 200] [--pooler]
Starts a throwaway PostgreSQL server on 127.0.0.1 (tests/pg_server.py, Debian's binaries, with
fsync on as in production) and answers the shipped questions through `AnswerService.ask`, the
backends taking turns question by question so both see the same machine load. "answer" is the
whole `ask` call as an asker waits for it, recording included; "record" and "claim" time the
store's own calls.

`--pooler` adds three PostgreSQL stores made alike, each on its own database of the same server:
"PG shipped" is the store as shipped; "PG prepared" the store as it was before it ran behind
poolers (psycopg prepares a statement after its 5th run, and the chat bounds are set once per
connection rather than in each transaction), so the cost of that change shows side by side;
"PG PgBouncer" the store as shipped, through Debian's PgBouncer in transaction mode
(tests/pgbouncer_server.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "shipped-questions.jsonl"
sys.path.insert(0, str(ROOT / "tests"))


def timed(call: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    call(*args)
    return (time.perf_counter() - started) * 1000


def _new_database(server: Any, name: str) -> str:
    """A new database on the benchmark's server, upgraded: its URL."""
    import psycopg

    from bot.store.postgres import PostgresStore

    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    PostgresStore(server.url(name)).upgrade()
    return str(server.url(name))


def _prepared_store(url: str) -> Any:
    """The store as it was before it ran behind poolers, for comparison: psycopg's default
    prepare_threshold (5), and the chat bounds set once per connection, not per transaction."""
    from psycopg_pool import ConnectionPool

    from bot.store import postgres

    class PreparedStore(postgres.PostgresStore):
        def __init__(self, url: str) -> None:
            super().__init__(url)
            self._pool = ConnectionPool(
                url,
                connection_class=postgres.BoundedConnection,
                min_size=1,
                max_size=postgres.POOL_MAX,
                open=False,
                check=self._check,
                configure=self._configure,
                timeout=self.timeout,
                reconnect_timeout=postgres.RECONNECT_SECONDS,
                kwargs={"connect_timeout": postgres.CONNECT_TIMEOUT},
                name="evbot-prepared",
            )

        def _configure(self, conn: Any) -> None:
            conn.execute(
                "SELECT set_config('statement_timeout', %s, false), "
                "set_config('idle_in_transaction_session_timeout', %s, false)",
                (
                    f"{round(self.timeout * postgres.STATEMENT_SHARE * 1000)}ms",
                    f"{postgres.IDLE_IN_TRANSACTION_SECONDS}s",
                ),
            )
            conn.commit()

        def _bound_transaction(self, conn: Any, bound: float, *, idle: bool) -> None:
            if bound != self.timeout or idle:  # reports set theirs per transaction, as before
                super()._bound_transaction(conn, bound, idle=idle)

    return PreparedStore(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200, help="questions per backend")
    parser.add_argument(
        "--pooler", action="store_true", help="also PG prepared and PG PgBouncer (see above)"
    )
    args = parser.parse_args()

    from pg_server import start_server, stop_server
    from pgbouncer_server import start_pgbouncer, stop_pgbouncer

    from bot.answer import Answer
    from bot.embedding import get_embedder
    from bot.index import build_index
    from bot.ranking import percentile
    from bot.service import AnswerService
    from bot.settings import load_settings
    from bot.store.postgres import PostgresStore

    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    server = start_server(fsync=True)
    bouncer = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            index_dir = Path(tmp) / "index"
            base = load_settings(corpus_dir=ROOT / "corpus", index_dir=index_dir)
            embedder = get_embedder(base.model)
            build_index(base, embedder)
            PostgresStore(server.url()).upgrade()
            stores: dict[str, PostgresStore] = {}
            if args.pooler:
                bouncer = start_pgbouncer(server)
                stores = {
                    "PG shipped": PostgresStore(_new_database(server, "shipped")),
                    "PG prepared": _prepared_store(_new_database(server, "prepared")),
                    "PG PgBouncer": PostgresStore(bouncer.url(_new_database(server, "pooled"))),
                }
            services = {
                "SQLite": AnswerService(
                    load_settings(index_dir=index_dir, db_path=Path(tmp) / "log.sqlite3"),
                    embedder,
                ),
                "PostgreSQL": AnswerService(
                    load_settings(index_dir=index_dir, database_url=server.url()), embedder
                ),
            }
            for name, store in stores.items():
                settings = load_settings(index_dir=index_dir, database_url=server.url())
                services[name] = AnswerService(settings, embedder, query_log=store)
            for service in services.values():
                service.warm_up()
                for question in questions[:5]:
                    service.ask(question)  # the model, the index and the pool all warm

            figures: dict[str, dict[str, list[float]]] = {
                name: {"answer": [], "record": [], "claim": []} for name in services
            }
            names = list(services)
            for n in range(args.rounds):
                question = questions[n % len(questions)]
                # Each round starts with the next backend: none always follows the same one.
                for name in names[n % len(names) :] + names[: n % len(names)]:
                    service = services[name]
                    store = service.query_log
                    figures[name]["answer"].append(timed(service.ask, question))
                    answer = Answer(id=f"bench-{n}", question=question, answer="a", refused=False)
                    figures[name]["record"].append(timed(store.record_answer, answer))
                    figures[name]["claim"].append(timed(store.claim, f"bench:{n}"))
            for service in services.values():
                service.query_log.close()
    finally:
        if bouncer is not None:
            stop_pgbouncer(bouncer)
        stop_server(server)

    print(f"{args.rounds} questions per backend, taking turns; milliseconds")
    print(f"{'':<14}{'answer p50':>12}{'answer p95':>12}{'record p50':>12}{'claim p50':>12}")
    for name, values in figures.items():
        print(
            f"{name:<14}"
            f"{percentile(values['answer'], 50):>12.2f}{percentile(values['answer'], 95):>12.2f}"
            f"{percentile(values['record'], 50):>12.2f}{percentile(values['claim'], 50):>12.2f}"
        )
    median = {
        name: {part: percentile(values[part], 50) for part in values}
        for name, values in figures.items()
    }
    difference = percentile(figures["PostgreSQL"]["answer"], 50) - percentile(
        figures["SQLite"]["answer"], 50
    )
    print(f"answer p50, PostgreSQL minus SQLite: {difference:+.2f} ms")
    for variant in ("PG prepared", "PG PgBouncer"):
        if variant in figures:
            gaps = [
                f"{part} {median['PG shipped'][part] - median[variant][part]:+.2f} ms"
                for part in ("answer", "record", "claim")
            ]
            print(f"PG shipped minus {variant}, p50: {', '.join(gaps)}")


if __name__ == "__main__":
    main()

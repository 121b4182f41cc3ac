"""Answer latency with the query log on SQLite vs PostgreSQL, side by side in one run.

Prints figures; asserts nothing (speed is measured here, never in tests).
    .venv/bin/python benchmarks/store.py [--rounds 200]
Starts a throwaway PostgreSQL server on 127.0.0.1 (tests/pg_server.py, Debian's binaries, with
fsync on as in production) and answers the shipped questions through `AnswerService.ask`, the
backends taking turns question by question so both see the same machine load. "answer" is the
whole `ask` call as an asker waits for it, recording included; "record" and "claim" time the
store's own calls.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "shipped-questions.jsonl"
sys.path.insert(0, str(ROOT / "tests"))


def timed(call: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    call(*args)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200, help="questions per backend")
    args = parser.parse_args()

    from pg_server import start_server, stop_server

    from bot.answer import Answer
    from bot.embedding import get_embedder
    from bot.index import build_index
    from bot.ranking import percentile
    from bot.service import AnswerService
    from bot.settings import load_settings
    from bot.store.postgres import PostgresStore

    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    server = start_server(fsync=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            index_dir = Path(tmp) / "index"
            base = load_settings(corpus_dir=ROOT / "corpus", index_dir=index_dir)
            embedder = get_embedder(base.model)
            build_index(base, embedder)
            PostgresStore(server.url()).upgrade()
            services = {
                "SQLite": AnswerService(
                    load_settings(index_dir=index_dir, db_path=Path(tmp) / "log.sqlite3"),
                    embedder,
                ),
                "PostgreSQL": AnswerService(
                    load_settings(index_dir=index_dir, database_url=server.url()), embedder
                ),
            }
            for service in services.values():
                service.warm_up()
                for question in questions[:5]:
                    service.ask(question)  # the model, the index and the pool all warm

            figures: dict[str, dict[str, list[float]]] = {
                name: {"answer": [], "record": [], "claim": []} for name in services
            }
            for n in range(args.rounds):
                question = questions[n % len(questions)]
                for name, service in services.items():
                    store = service.query_log
                    figures[name]["answer"].append(timed(service.ask, question))
                    answer = Answer(id=f"bench-{n}", question=question, answer="a", refused=False)
                    figures[name]["record"].append(timed(store.record_answer, answer))
                    figures[name]["claim"].append(timed(store.claim, f"bench:{n}"))
            for service in services.values():
                service.query_log.close()
    finally:
        stop_server(server)

    print(f"{args.rounds} questions per backend, taking turns; milliseconds")
    print(f"{'':<12}{'answer p50':>12}{'answer p95':>12}{'record p50':>12}{'claim p50':>12}")
    for name, values in figures.items():
        print(
            f"{name:<12}"
            f"{percentile(values['answer'], 50):>12.2f}{percentile(values['answer'], 95):>12.2f}"
            f"{percentile(values['record'], 50):>12.2f}{percentile(values['claim'], 50):>12.2f}"
        )
    difference = percentile(figures["PostgreSQL"]["answer"], 50) - percentile(
        figures["SQLite"]["answer"], 50
    )
    print(f"answer p50, PostgreSQL minus SQLite: {difference:+.2f} ms")


if __name__ == "__main__":
    main()

"""Scale-out figures: 3 `evbot serve slack --http` workers behind nginx, in one run.

Prints figures; asserts nothing (speed is measured here, never in tests).
    .venv/bin/python benchmarks/scaleout.py [--events 60]
Needs Debian's `postgresql` and `nginx-light` (as the tests do). Starts a throwaway PostgreSQL
(fsync on, as in production), a fake Slack Web API and nginx on 127.0.0.1 (tests/slack_cluster.py).

1. Answer latency, SQLite vs PostgreSQL: signed events, one at a time, through nginx to 3
   workers that share one SQLite file (the embedded default, one machine) and to 3 workers on
   PostgreSQL, both running at once and taking turns event by event, so both see the same
   machine load. "answer" is from sending the event to Slack receiving the answer.
2. Under trouble, on PostgreSQL: events sent 4 at a time through nginx, each other one retried
   straight to another worker, one worker killed with -9 mid-run (what it never acked retried
   through nginx), and a new index built and published meanwhile. Then: events answered once,
   lost (never), twice or more; ack latency through nginx; how long after the publish every
   worker left served the new build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

NEW_ARTICLE = """# Lucid opens a plant in Saudi Arabia

Lucid Motors opened its first factory outside the United States in King Abdullah Economic
City, Saudi Arabia, where it assembles Air sedans from kits shipped from Arizona.
"""
ANSWER_WAIT = 120.0  # seconds every event gets to be answered (a lease is 10 s)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed_slack() -> Any:
    """The fake Slack, noting when each answer arrives (by its thread: the question's ts)."""
    from tests.fake_slack import Call, FakeSlack

    class TimedSlack(FakeSlack):
        def __init__(self) -> None:
            self.posted_at: dict[str, float] = {}
            super().__init__()

        def _record(self, call: Call) -> None:
            if call.method == "chat.postMessage":
                key = f"{call.params.get('channel')}:{call.params.get('thread_ts')}"
                self.posted_at.setdefault(key, time.perf_counter())
            super()._record(call)

    return TimedSlack()


def answer_latency(cluster: Any, n: int) -> float:
    """One event through nginx, waited for: ms from sending it to Slack receiving the answer."""
    key, body = cluster.event(n)
    started = time.perf_counter()
    assert cluster.send(body).status == 200
    cluster.wait_answered({key}, ANSWER_WAIT)
    return (cluster.fake.posted_at[key] - started) * 1000


class BuildWatch:
    """Polls the workers' /health every 50 ms: when each first served `build`."""

    def __init__(self, workers: list[Any]) -> None:
        self.workers = workers
        self.first_seen: dict[str, dict[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.05):
            for worker in self.workers:
                build = (worker.health() or {}).get("build")
                if build:
                    self.first_seen.setdefault(build, {}).setdefault(worker.name, time.time())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def trouble(cluster: Any, numbers: range, corpus: Path, tmp: Path, url: str) -> dict[str, Any]:
    """Part 2: retries elsewhere, a kill -9, a publish; what Slack received."""
    pool = ThreadPoolExecutor(4)
    sent = [cluster.event(n) for n in numbers]
    acks: list[float] = []
    victim = cluster.workers[-1]
    survivors = cluster.workers[:-1]
    build: subprocess.Popen[str] | None = None
    watch = BuildWatch(survivors)
    unacked: list[str] = []
    for start in range(0, len(sent), 4):
        batch = sent[start : start + 4]
        replies = list(pool.map(lambda e: cluster.send(e[1]), batch))
        acks += [r.seconds * 1000 for r in replies if r.status == 200]
        unacked += [body for (_, body), r in zip(batch, replies, strict=True) if r.status != 200]
        for (_, body), reply in zip(batch[::2], replies[::2], strict=True):
            other = next(w for w in survivors if w.address != reply.upstream)
            cluster.send(body, to=other.url, retry=1)
        if start == len(sent) // 3 // 4 * 4 and victim.alive:
            # a burst straight at the victim, killed as soon as it acks the first of it
            burst = [cluster.event(n + 50_000) for n in numbers[:6]]
            sent += burst
            futures = [pool.submit(cluster.send, body, to=victim.url) for _, body in burst]
            while not any(f.done() and f.result().status == 200 for f in futures):
                time.sleep(0.005)
            victim.kill()
            unacked += [
                b for (_, b), f in zip(burst, futures, strict=True) if f.result().status != 200
            ]
            (corpus / "lucid-saudi.md").write_text(NEW_ARTICLE)
            build = subprocess.Popen(
                [sys.executable, "-m", "bot", "index", "build", "--json"],
                env=_env(corpus, tmp / "release-2", url),
                cwd=tmp,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
    for body in unacked:  # Slack retries what got no 200, through the load balancer
        cluster.send(body, retry=1)
    assert build is not None
    out, err = build.communicate(timeout=600)
    assert build.returncode == 0, err
    new_build = json.loads(out)["published"]
    while len(watch.first_seen.get(new_build, {})) < len(survivors):
        time.sleep(0.05)
    watch.stop()
    with psycopg.connect(url) as conn:  # the server's clock is this machine's
        (published_at,) = conn.execute(
            "SELECT extract(epoch FROM published_at) FROM index_builds WHERE name = %s",
            (new_build,),
        ).fetchone()
    propagation = max(watch.first_seen[new_build].values()) - float(published_at)
    keys = set(cluster.asked)
    try:
        cluster.wait_answered(keys, ANSWER_WAIT)
    except AssertionError as missing:
        print(f"  {missing}")
    time.sleep(5)  # two more sweeps: a late second answer would show
    per_event = cluster.answers_per_event()
    pool.shutdown()
    return {
        "events": len(keys),
        "once": sum(per_event.get(k, 0) == 1 for k in keys),
        "lost": sum(per_event.get(k, 0) == 0 for k in keys),
        "twice": sum(per_event.get(k, 0) >= 2 for k in keys),
        "acks": acks,
        "propagation": propagation,
        "held_by_victim": sum(
            "its worker died" in line for w in survivors for line in w.log().splitlines()
        ),
    }


def _env(corpus: Path, index: Path, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVBOT_")}
    env.pop("DATABASE_URL", None)
    return env | {
        "EVBOT_CORPUS_DIR": str(corpus),
        "EVBOT_INDEX_DIR": str(index),
        "EVBOT_DATABASE_URL": url,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=60, help="events per part")
    args = parser.parse_args()

    import shutil

    from pg_server import start_server, stop_server
    from slack_cluster import Cluster

    from bot.embedding import get_embedder
    from bot.index import build_index
    from bot.settings import load_settings
    from bot.store.postgres import PostgresStore
    from bot.store.published import publish

    server = start_server(fsync=True)
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            corpus = tmp / "corpus"
            shutil.copytree(ROOT / "corpus", corpus)
            settings = load_settings(corpus_dir=corpus, index_dir=tmp / "index")
            build_index(settings, get_embedder(settings.model))
            url = server.url()
            store = PostgresStore(url)
            store.upgrade()
            publish(store, settings.index_dir)
            store.close()

            clusters: dict[str, Any] = {}
            try:
                for name, database in (("SQLite", None), ("PostgreSQL", url)):
                    clusters[name] = Cluster.start(
                        timed_slack(), tmp / name, database, index_from=settings.index_dir
                    )
                latency: dict[str, list[float]] = {name: [] for name in clusters}
                for n in range(1, 4 + args.events):
                    for name, cluster in clusters.items():
                        took = answer_latency(cluster, n)
                        if n > 3:  # the first three warm up
                            latency[name].append(took)
            finally:
                for cluster in clusters.values():
                    cluster.stop()
                    cluster.fake.close()

            # Event numbers of their own: the latency run's are claimed in this database.
            fake = timed_slack()
            cluster = Cluster.start(fake, tmp / "trouble", url)
            try:
                events = range(100_000, 100_000 + args.events)
                result = trouble(cluster, events, corpus, tmp, url)
            finally:
                cluster.stop()
                fake.close()
    finally:
        stop_server(server)

    print(f"answer latency, 3 workers behind nginx, {args.events} events one at a time (ms):")
    print(f"  {'':12}{'p50':>8}{'p95':>8}")
    for name, values in latency.items():
        print(f"  {name:12}{statistics.median(values):8.1f}{pct(values, 95):8.1f}")
    events = result["events"]
    print(f"trouble on PostgreSQL ({events} events; retries elsewhere, a kill -9, a publish):")
    print(
        f"  answered once {result['once']}, lost {result['lost']}, twice or more {result['twice']}"
        f"  ({result['held_by_victim']} taken over from the killed worker)"
    )
    acks = result["acks"]
    print(f"  ack through nginx: p50 {statistics.median(acks):.1f} ms, p95 {pct(acks, 95):.1f} ms")
    print(f"  every worker left served the new build {result['propagation']:.1f} s after publish")


if __name__ == "__main__":
    main()

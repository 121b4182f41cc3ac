"""Scale-out on 127.0.0.1: three `evbot serve slack --http` workers behind a real nginx, on one
PostgreSQL, each with its own empty index folder (tests/slack_cluster.py).

Signed events spread over the workers through nginx; Slack's retries land straight on another
worker; one worker is killed with `kill -9` holding events it claimed (and acked) but had not
answered, and the events it never acked are retried to the others; a new index is published
meanwhile. Every event is answered exactly once, nobody is told of an error, and every worker
left serves the new build.
"""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.chat import messages
from bot.settings import Settings
from bot.store.postgres import PostgresStore
from bot.store.published import publish
from tests.fake_slack import FakeSlack, texts
from tests.nginx_server import find_nginx, slack_proxy_config
from tests.slack_cluster import Cluster

DEPLOYING = Path(__file__).resolve().parent.parent / "docs" / "deploying.md"
needs_nginx = pytest.mark.skipif(
    find_nginx() is None, reason="nginx is not installed (apt-get install nginx-light; CI does)"
)
NEW_ARTICLE = """# Lucid opens a plant in Saudi Arabia

Lucid Motors opened its first factory outside the United States in King Abdullah Economic
City, Saudi Arabia, where it assembles Air sedans from kits shipped from Arizona.
"""
WAIT = 90.0  # the bound on every wait (a lease is 10 s); the test never asserts on speed


def test_the_deploy_guide_shows_the_nginx_configuration_this_test_runs() -> None:
    shown = slack_proxy_config(["10.0.0.11:8000", "10.0.0.12:8000", "10.0.0.13:8000"], "80")
    assert shown in DEPLOYING.read_text()


@needs_nginx
def test_three_workers_behind_nginx_answer_every_event_once_through_a_kill_and_a_new_index(
    evbot,
    pg_database: str,
    shipped_settings: Settings,
    corpus_copy: Path,
    tmp_path: Path,
) -> None:
    store = PostgresStore(pg_database)
    store.upgrade()
    first_build = publish(store, shipped_settings.index_dir)  # the release phase's build
    store.close()
    fake = FakeSlack()
    cluster = Cluster.start(fake, tmp_path / "workers", pg_database)
    pool = ThreadPoolExecutor(6)
    try:
        assert cluster.builds(cluster.workers) == [first_build] * 3
        one, two, victim = cluster.workers
        events = iter(range(1, 1000))

        # 1. Events through nginx, spread over the workers; for every other one, Slack's retry
        # lands straight on a worker other than the one that took it.
        first = [cluster.event(next(events)) for _ in range(12)]
        replies = list(pool.map(lambda e: cluster.send(e[1]), first))
        assert [r.status for r in replies] == [200] * 12
        took = {r.upstream for r in replies}
        assert took == {w.address for w in cluster.workers}, took  # all three got some
        by_address = {w.address: w for w in cluster.workers}
        for (_, body), reply in list(zip(first, replies, strict=True))[::2]:
            elsewhere = next(w for w in cluster.workers if w.address != reply.upstream)
            assert cluster.send(body, to=elsewhere.url, retry=1).status == 200
        assert by_address

        # 2. The victim gets a burst straight; it is killed with -9 as soon as it has acked the
        # first of them: it dies holding claims it acked and had not answered.
        burst = [cluster.event(next(events)) for _ in range(8)]
        futures = [pool.submit(cluster.send, body, to=victim.url) for _, body in burst]
        while not any(f.done() and f.result().status == 200 for f in futures):
            assert victim.alive
            time.sleep(0.005)
        victim.kill()
        burst_replies = [f.result() for f in futures]
        answered_at_kill = set(cluster.answers_per_event())
        acked = {key for (key, _), r in zip(burst, burst_replies, strict=True) if r.status == 200}
        left_held = acked - answered_at_kill  # what only a takeover can answer
        # Slack retries what it got no 200 for, through the load balancer (to the others).
        unacked = [
            (k, b) for (k, b), r in zip(burst, burst_replies, strict=True) if r.status != 200
        ]
        retried = list(pool.map(lambda e: cluster.send(e[1], retry=1), unacked))
        assert [r.status for r in retried] == [200] * len(unacked)
        assert victim.address not in {r.upstream for r in retried}

        # 3. A new index is published while events keep coming.
        (corpus_copy / "lucid-saudi.md").write_text(NEW_ARTICLE)
        build = pool.submit(
            evbot,
            "index",
            "build",
            "--json",
            corpus_dir=corpus_copy,
            index_dir=tmp_path / "release-2",
            database_url=pg_database,
            timeout=300,
        )
        during = [cluster.event(next(events)) for _ in range(10)]
        replies = list(pool.map(lambda e: cluster.send(e[1]), during))
        assert [r.status for r in replies] == [200] * 10
        run = build.result(timeout=300)
        assert run.code == 0, run.stderr
        new_build = run.json()["published"]
        assert new_build and new_build != first_build
        published_at = time.monotonic()
        survivors = [one, two]
        while cluster.builds(survivors) != [new_build] * 2:
            assert time.monotonic() - published_at < WAIT, cluster.builds(survivors)
            time.sleep(0.1)
        print(f"both workers served the new build {time.monotonic() - published_at:.1f} s on")
        lucid, body = cluster.event(next(events), "Where did Lucid open its first factory abroad?")
        assert cluster.send(body).status == 200

        # Every event answered exactly once, whoever answered it; nobody told of an error.
        asked = set(cluster.asked)
        seconds = cluster.wait_answered(asked, WAIT)
        print(f"{len(left_held)} held by the killed worker; all answered {seconds:.1f} s on")
        time.sleep(2 * 2.0)  # two more sweeps: a second answer would show now
        per_event = cluster.answers_per_event()
        assert {k: n for k, n in per_event.items() if n != 1} == {}
        assert set(per_event) == asked
        assert fake.of("chat.postEphemeral") == []  # no note to any asker
        notes = (messages.SORRY, messages.CLOSING, messages.NO_INDEX)
        posts = fake.of("chat.postMessage")
        assert not [p for p in posts if any(n in texts(p.params) for n in notes)]
        [answer] = [p for p in posts if f"C1:{p.params['thread_ts']}" == lucid]
        assert "Saudi" in texts(answer.params)  # from the build published mid-run

        # The held events were taken over, each by one worker, after checking Slack first.
        taken_over = re.findall(r"event (C1:[\d.]+): its worker died", one.log() + two.log())
        assert sorted(taken_over) == sorted(set(taken_over))
        assert left_held <= set(taken_over)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        cluster.stop()
        fake.close()

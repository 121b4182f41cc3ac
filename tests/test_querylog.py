"""The query log: every answer recorded, feedback stored, stats counted, concurrent writers safe.

Every test taking `store_settings` runs twice: on SQLite and on PostgreSQL (tests/conftest.py).
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.errors import UnknownAnswer
from bot.service import AnswerService
from bot.settings import Settings, load_settings
from bot.store import open_store
from bot.store.base import StoreError
from bot.store.sqlite import SQLiteStore


@pytest.fixture
def logged_service(shipped_settings: Settings, service: AnswerService, store_settings: dict):
    settings = load_settings(index_dir=shipped_settings.index_dir, **store_settings)
    logged = AnswerService(settings, service.embedder)
    yield logged
    logged.query_log.close()


def test_answers_and_feedback_reach_the_database_and_stats(
    logged_service, evbot, store_settings: dict
) -> None:
    good = logged_service.ask("Who is Amazon partnering with on batteries?", user="ana")
    bad = logged_service.ask("Where will the production lines be built?", user="bo")
    refused = logged_service.ask("What's the capital of France?")
    logged_service.record_feedback(good.id, "ana", helpful=True)
    logged_service.record_feedback(good.id, "bo", helpful=True)
    logged_service.record_feedback(bad.id, "bo", helpful=True)
    logged_service.record_feedback(bad.id, "bo", helpful=False)  # a changed vote replaces
    logged_service.record_feedback(bad.id, "cy", helpful=False)

    stats = logged_service.query_log.stats()
    assert (stats["questions"], stats["refused"]) == (3, 1)
    assert (stats["helpful"], stats["not_helpful"]) == (2, 2)
    assert (
        stats["latency_ms"]["p50"] > 0 and stats["latency_ms"]["p95"] >= stats["latency_ms"]["p50"]
    )
    worst = {row["answer_id"]: row for row in stats["worst"]}
    assert set(worst) == {bad.id, refused.id}
    assert worst[bad.id]["not_helpful"] == 2 and worst[refused.id]["refused"] is True
    assert stats["worst"][0]["answer_id"] == bad.id

    run = evbot("stats", "--json", **store_settings)
    assert run.code == 0, run.stderr
    data = run.json()
    assert set(data) >= {"questions", "refused", "helpful", "not_helpful", "latency_ms", "worst"}
    assert data["questions"] == 3 and set(data["latency_ms"]) >= {"p50", "p95"}
    assert set(data["worst"][0]) >= {"question", "answer_id", "refused", "helpful", "not_helpful"}

    vote = evbot("feedback", refused.id, "--helpful", "--user", "dee", **store_settings)
    assert vote.code == 0, vote.stderr
    assert logged_service.query_log.stats()["helpful"] == 3


def test_feedback_on_unknown_answer_is_a_clear_error(store_settings: dict, evbot) -> None:
    log = open_store(load_settings(**store_settings))
    with pytest.raises(UnknownAnswer, match="no answer with id"):
        log.record_feedback("nope", "ana", helpful=True)
    log.close()
    run = evbot("feedback", "nope", "--not-helpful", **store_settings)
    assert run.code == 2 and "no answer with id 'nope'" in run.stderr


WRITER = textwrap.dedent(
    """
    import json, sys
    from bot.answer import Answer
    from bot.settings import load_settings
    from bot.store import open_store

    log = open_store(load_settings(**json.loads(sys.argv[1])))
    for i in range(int(sys.argv[3])):
        answer_id = f"{sys.argv[2]}-{i}"
        log.record_answer(Answer(id=answer_id, question=f"q{i}", answer="a", refused=False,
                                 timings_ms={"total": 1.0}))
        log.record_feedback(answer_id, sys.argv[2], helpful=i % 2 == 0)
    """
)


def test_concurrent_writers_lose_nothing(store_settings: dict) -> None:
    log = open_store(load_settings(**store_settings))
    log.stats()  # create the file first, as a running bot would have
    settings = json.dumps({k: str(v) for k, v in store_settings.items()})
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, settings, f"w{n}", "60"]) for n in range(4)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0, 0]
    stats = log.stats()
    log.close()
    assert stats["questions"] == 240
    assert (stats["helpful"], stats["not_helpful"]) == (120, 120)


def test_a_broken_sqlite_log_does_not_cost_the_answer(
    shipped_settings: Settings, service: AnswerService, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    broken = SQLiteStore(blocker / "log.sqlite3")
    logged_service = AnswerService(shipped_settings, service.embedder, query_log=broken)
    with pytest.raises(StoreError, match=r"query log .*not-a-dir"):
        logged_service.query_log.stats()
    answer = logged_service.ask("Who is Amazon partnering with on batteries?")
    assert not answer.refused and "Panasonic" in answer.answer


def test_a_fresh_log_opened_by_many_threads_at_once(store_settings: dict) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bot.answer import Answer

    log = open_store(load_settings(**store_settings))  # SQLite: every thread sets it up

    def write(i: int) -> None:
        log.record_answer(Answer(id=f"a{i}", question="q", answer="a", refused=False))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, range(64)))
    assert log.stats()["questions"] == 64
    log.close()


def test_fresh_sqlite_log_opened_by_many_processes_at_once(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite3"  # not created first: the writers race to set it up
    settings = json.dumps({"db_path": str(db)})
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, settings, f"p{n}", "10"]) for n in range(6)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0] * 6
    assert SQLiteStore(db).stats()["questions"] == 60


def test_votes_count_against_the_quoted_passages_and_stats_lists_them(
    logged_service, evbot, store_settings: dict
) -> None:
    first = logged_service.ask("Who is Amazon partnering with on batteries?")
    quoted = {c.passage_id for c in first.quoted_passages}
    assert quoted and quoted < {c.passage_id for c in first.citations}
    logged_service.record_feedback(first.id, "ana", helpful=False)
    logged_service.record_feedback(first.id, "bo", helpful=False)
    logged_service.record_feedback(first.id, "bo", helpful=True)  # a changed vote replaces
    logged_service.record_feedback(first.id, "cy", helpful=False)

    down = logged_service.query_log.stats()["passages_voted_down"]
    by_id = {row["passage_id"]: row for row in down}
    assert set(by_id) == quoted  # passages cited but not quoted are not blamed
    row = by_id[first.quoted_passages[0].passage_id]
    assert row["quote"] in first.answer and row["title"] == first.quoted_passages[0].title
    assert (row["not_helpful"], row["helpful"]) == (2, 1)

    run = evbot("stats", **store_settings)
    assert run.code == 0, run.stderr
    assert "passages voted down" in run.stdout and row["passage_id"] in run.stdout


def test_handoffs_are_recorded_once_per_user_and_listed(
    logged_service, evbot, store_settings: dict
) -> None:
    answer = logged_service.ask("What's the capital of France?")
    assert logged_service.query_log.record_handoff(answer.id, "ana", source="slack")
    assert not logged_service.query_log.record_handoff(answer.id, "ana", source="slack")
    logged_service.record_handoff(answer.id, "bo", source="slack")
    with pytest.raises(UnknownAnswer):
        logged_service.record_handoff("nope", "ana", source="slack")

    other_thread = "thread-2"
    logged_service.ask("Who is Amazon partnering with?", conversation=other_thread)
    assert not logged_service.query_log.handed_off("thread-1")
    in_thread = logged_service.ask("Will Tesla cut prices?", conversation="thread-1")
    logged_service.record_handoff(in_thread.id, "cy", source="discord")
    assert logged_service.query_log.handed_off("thread-1")
    assert not logged_service.query_log.handed_off(other_thread)

    stats = logged_service.query_log.stats()
    assert stats["handoffs"] == 3
    assert [(r["question"], r["asks"]) for r in stats["handoff_questions"]] == [
        ("Will Tesla cut prices?", 1),
        ("What's the capital of France?", 2),
    ]
    run = evbot("stats", "--json", **store_settings)
    assert run.json()["handoffs"] == 3


def test_a_thanks_is_for_the_asker_answered_last_until_handed_off(logged_service) -> None:
    query_log = logged_service.query_log
    assert query_log.thanks_context("thread-9", "ana") is None  # nothing answered there
    first = logged_service.ask(
        "Who is Amazon partnering with?", user="ana", conversation="thread-9"
    )
    assert query_log.latest_exchange("thread-9") == (first.id, "ana")
    assert query_log.thanks_context("thread-9", "ana") == first.id
    assert query_log.thanks_context("thread-9", "bo") is None
    second = logged_service.ask("Will Tesla cut prices?", user="bo", conversation="thread-9")
    assert query_log.thanks_context("thread-9", "ana") is None  # Bo was answered since
    assert query_log.thanks_context("thread-9", "bo") == second.id
    query_log.record_handoff(second.id, "bo", source="slack")
    assert query_log.thanks_context("thread-9", "bo") is None  # the people took it over


def test_logs_lists_the_latest_exchanges_newest_first(
    logged_service, evbot, store_settings: dict
) -> None:
    first = logged_service.ask("Who is Amazon partnering with on batteries?", source="slack")
    second = logged_service.ask("What's the capital of France?", source="discord")
    logged_service.record_feedback(first.id, "ana", helpful=False)
    run = evbot("logs", "--json", **store_settings)
    assert run.code == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in rows] == [second.id, first.id]
    assert rows[0]["refused"] is True and rows[1]["not_helpful"] == 1
    assert rows[1]["answer"] == first.answer and rows[1]["citations"][0]["passage_id"]

    only = evbot("logs", "-n", "5", "--source", "slack", **store_settings)
    assert only.code == 0 and first.id in only.stdout and second.id not in only.stdout
    assert "1 up" not in only.stdout and "0 up / 1 down" in only.stdout
    assert evbot("logs", "-n", "0", **store_settings).code == 2


def test_logs_with_no_exchanges_say_so(logged_service, evbot, store_settings: dict) -> None:
    empty = evbot("logs", **store_settings)
    assert empty.code == 0 and empty.stdout == "No exchanges.\n"
    logged_service.ask("Who is Amazon partnering with on batteries?", source="slack")
    none = evbot("logs", "--source", "discord", **store_settings)
    assert none.code == 0 and none.stdout == "No exchanges from discord.\n"
    nowhere = evbot("logs", "--source", "slack", "--conversation", "c-9", **store_settings)
    assert nowhere.stdout == "No exchanges from slack in conversation c-9.\n"
    as_json = evbot("logs", "--json", "--source", "discord", **store_settings)
    assert as_json.code == 0 and as_json.stdout == ""  # JSON Lines: zero exchanges, zero lines

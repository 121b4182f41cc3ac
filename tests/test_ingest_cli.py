"""`evbot corpus add | add-feed | list | remove` end to end, then `evbot index build` and `ask`."""

from __future__ import annotations

from pathlib import Path

from ingest_site import CANONICAL, Site
from ports import closed_port

RIVIAN = "rivian-ramps-up-amazon-van-deliveries"


def test_add_index_ask_cites_the_new_article_then_remove(
    site: Site, corpus_copy: Path, tmp_path: Path, evbot
) -> None:
    env = {"corpus_dir": corpus_copy, "index_dir": tmp_path / "index"}
    added = evbot(
        "corpus", "add", site.url("/ev/rivian"), site.url("/docs/battery-report.pdf"), **env
    )
    assert added.code == 0, added.stderr
    assert "Added 2, updated 0, skipped 0, failed 0." in added.stdout
    assert "evbot index build" in added.stdout

    listing = evbot("corpus", "list", "--json", **env).json()
    status = {row["doc_id"]: row["indexed"] for row in listing["articles"]}
    assert status == {
        "bezos-vs-musk-ev-rivalry": "no",
        RIVIAN: "no",
        "battery-supply-report-2026": "no",
    }

    built = evbot("index", "build", "--json", **env)
    assert built.code == 0, built.stderr
    assert built.json()["added"] == 3
    listing = evbot("corpus", "list", "--json", **env).json()
    rivian = next(row for row in listing["articles"] if row["doc_id"] == RIVIAN)
    assert (rivian["indexed"], rivian["url"], rivian["source"]) == ("yes", CANONICAL, "EV Daily")
    assert rivian["published"] == "2026-11-04" and rivian["words"] > 60

    asked = evbot(
        "ask", "--json", "How many electric delivery vans has Rivian delivered to Amazon?", **env
    )
    assert asked.code == 0, asked.stderr
    answer = asked.json()
    assert not answer["refused"]
    top = answer["citations"][0]
    assert (top["doc_id"], top["url"]) == (RIVIAN, CANONICAL)
    assert "ten-thousandth electric delivery van" in answer["answer"]

    removed = evbot("corpus", "remove", RIVIAN, **env)
    assert removed.code == 0, removed.stderr
    assert not (corpus_copy / f"{RIVIAN}.md").exists()
    listing = evbot("corpus", "list", "--json", **env).json()
    assert listing["removed_but_indexed"] == [RIVIAN]


def test_failures_give_a_summary_and_a_non_zero_exit(site: Site, tmp_path: Path, evbot) -> None:
    corpus = tmp_path / "corpus"
    run = evbot(
        "corpus",
        "add",
        site.url("/ev/zoox"),
        site.url("/missing"),
        "notes/absent.md",
        corpus_dir=corpus,
    )
    assert run.code == 1
    assert "Added 1, updated 0, skipped 0, failed 2." in run.stdout
    assert f"failed: {site.url('/missing')}: HTTP 404 Not Found" in run.stdout
    assert "failed: notes/absent.md: no such file" in run.stdout
    assert sorted(p.name for p in corpus.iterdir()) == [
        "zoox-opens-its-robotaxi-service-in-las-vegas.md"
    ]

    feed = evbot(
        "corpus",
        "add-feed",
        site.url("/feeds/rss.xml"),
        "--since",
        "2026-11-01",
        "--json",
        corpus_dir=corpus,
    )
    assert feed.code == 0, feed.stderr
    report = feed.json()
    assert (report["added"], report["skipped"], report["failed"]) == (1, 1, 0)

    bad_date = evbot(
        "corpus", "add-feed", site.url("/feeds/rss.xml"), "--since", "last week", corpus_dir=corpus
    )
    assert bad_date.code == 2 and "not a date" in bad_date.stderr
    not_a_feed = evbot("corpus", "add-feed", site.url("/ev/zoox"), corpus_dir=corpus)
    assert not_a_feed.code == 1 and "not an RSS or Atom feed" in not_a_feed.stdout

    # Removing is all or nothing: one unknown id removes none.
    before = sorted(p.name for p in corpus.iterdir())
    gone = evbot(
        "corpus",
        "remove",
        "zoox-opens-its-robotaxi-service-in-las-vegas",
        "nope",
        corpus_dir=corpus,
    )
    assert gone.code == 2
    assert gone.stderr.strip() == f"evbot: no article nope in {corpus}/ (see: evbot corpus list)"
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_an_unreachable_site_is_reported_as_refused(tmp_path: Path, evbot) -> None:
    url = f"http://127.0.0.1:{closed_port()}/article"
    run = evbot("corpus", "add", url, corpus_dir=tmp_path / "corpus")
    assert run.code == 1
    assert f"failed: {url}: connection refused by 127.0.0.1:" in run.stdout
    assert "timed out" not in run.stdout + run.stderr

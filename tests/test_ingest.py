"""`bot.ingest`: pages, PDFs, feeds and files from a local site -> Markdown articles in corpus/."""

from __future__ import annotations

import datetime as dt
import errno
import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import urllib3
import yaml
from ingest_site import (
    CANONICAL,
    RIVIAN_UPDATE,
    Response,
    Site,
    make_pdf,
    page,
)
from ports import closed_port

from bot.corpus import load_corpus
from bot.ingest import store as store_module
from bot.ingest.fetch import USER_AGENT, connect_failure
from bot.ingest.pipeline import FetchOptions, Summary, add_feed, add_sources

OPTIONS = FetchOptions(timeout=1.0, max_bytes=1_000_000, max_redirects=3)
RIVIAN_FILE = "rivian-ramps-up-amazon-van-deliveries.md"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return tmp_path / "corpus"


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def all_files(corpus: Path) -> list[str]:
    """Every file, hidden temporaries included, so a half-written one cannot hide."""
    return sorted(p.name for p in corpus.rglob("*")) if corpus.exists() else []


def actions(summary: Summary) -> list[tuple[str, str]]:
    return [(o.action, o.reason) for o in summary.outcomes]


def test_web_page_becomes_markdown_with_metadata_and_no_boilerplate(
    site: Site, corpus: Path
) -> None:
    summary = add_sources([site.url("/ev/rivian")], corpus, OPTIONS)
    assert summary.counts == {"added": 1, "updated": 0, "skipped": 0, "failed": 0}
    assert all_files(corpus) == [RIVIAN_FILE]
    meta, body = front_matter(corpus / RIVIAN_FILE)
    assert meta == {
        "title": "Rivian ramps up Amazon van deliveries",
        "url": CANONICAL,
        "source": "EV Daily",
        "published": "2026-11-04",
        "author": "Dana Reporter",
        "retrieved": dt.date.today().isoformat(),
        "fetched_from": site.url("/ev/rivian"),
    }
    assert "## Factory output" in body
    assert "150 million miles on delivery routes" in body
    for boilerplate in ("ADVERTISEMENT", "Most read", "All rights reserved", "Subscribe", "Log in"):
        assert boilerplate not in body
    # The loader reads it back with its URL and sections, ready for `evbot index build`.
    [article] = load_corpus(corpus).articles
    assert (article.doc_id, article.url, article.author) == (
        RIVIAN_FILE[:-3],
        CANONICAL,
        "Dana Reporter",
    )
    sections = {p.section for p in article.paragraphs}
    assert {"Factory output", "Competition with Tesla"} <= sections
    assert site.requests[0] == ("/ev/rivian", USER_AGENT)


def test_same_article_again_is_skipped_by_url_or_text(site: Site, corpus: Path) -> None:
    first = add_sources([site.url("/ev/rivian")], corpus, OPTIONS)
    again = add_sources(
        [
            site.url("/ev/rivian"),
            site.url("/ev/rivian?utm_source=newsletter"),  # tracking query: same URL
            site.url("/mirror/rivian"),  # no canonical link: same text
        ],
        corpus,
        OPTIONS,
    )
    assert first.counts["added"] == 1
    doc = RIVIAN_FILE[:-3]
    assert actions(again) == [
        ("skipped", f"same URL and text as {doc}"),
        ("skipped", f"same URL and text as {doc}"),
        ("skipped", f"same text as {doc}"),
    ]
    assert all_files(corpus) == [RIVIAN_FILE]


def test_updated_article_replaces_the_old_file(site: Site, corpus: Path) -> None:
    add_sources([site.url("/ev/rivian")], corpus, OPTIONS)
    site.routes["/ev/rivian"] = Response(
        body=page(
            "Rivian doubles Amazon van deliveries",
            RIVIAN_UPDATE,
            author="Dana Reporter",
            date="2026-11-20",
            canonical=CANONICAL,
        )
    )
    summary = add_sources([site.url("/ev/rivian")], corpus, OPTIONS)
    assert actions(summary) == [("updated", "")]
    # The same file, so `evbot index build` sees a changed article, not a new one.
    assert all_files(corpus) == [RIVIAN_FILE]
    meta, body = front_matter(corpus / RIVIAN_FILE)
    assert (meta["title"], meta["published"]) == (
        "Rivian doubles Amazon van deliveries",
        "2026-11-20",
    )
    assert "twenty-thousandth" in body and "ten-thousandth" not in body


def test_pdf_pages_become_page_sections(site: Site, corpus: Path, tmp_path: Path) -> None:
    summary = add_sources([site.url("/docs/battery-report.pdf")], corpus, OPTIONS)
    assert summary.counts["added"] == 1
    meta, body = front_matter(corpus / "battery-supply-report-2026.md")
    assert (meta["title"], meta["author"]) == ("Battery supply report 2026", "Grid Research Group")
    assert body.index("## Page 1") < body.index("Panasonic") < body.index("## Page 2")
    [article] = load_corpus(corpus).articles
    by_section = {p.section: article.text[p.start : p.end] for p in article.paragraphs}
    assert "Giga Nevada" in by_section["Page 2"]  # a citation of this passage says "Page 2"
    assert "Panasonic will supply cylindrical cells" in by_section["Page 1"]
    # The same PDF from disk is the same text: recognised, not added twice.
    local = tmp_path / "report.pdf"
    local.write_bytes(make_pdf())
    again = add_sources([str(local)], corpus, OPTIONS)
    assert actions(again) == [("skipped", "same text as battery-supply-report-2026")]


def test_rss_feed_adds_entries_since_a_date_and_skips_known_ones(site: Site, corpus: Path) -> None:
    feed = site.url("/feeds/rss.xml")
    summary = add_feed(feed, corpus, OPTIONS, since=dt.date(2026, 11, 1))
    assert summary.counts == {"added": 2, "updated": 0, "skipped": 0, "failed": 0}
    assert summary.notes == ["feed EV Daily: 3 entries, 1 left out by --since/--limit"]
    assert all_files(corpus) == [
        "tesla-semi-enters-volume-production.md",
        "zoox-opens-its-robotaxi-service-in-las-vegas.md",
    ]
    meta, _ = front_matter(corpus / "zoox-opens-its-robotaxi-service-in-las-vegas.md")
    assert (meta["url"], meta["published"]) == (site.url("/ev/zoox"), "2026-11-09")
    assert site.hits("/ev/old") == 0  # left out by --since: never fetched
    # Run again: nothing new, and entries already in the corpus are not fetched again.
    again = add_feed(feed, corpus, OPTIONS, since=dt.date(2026, 11, 1))
    assert [o.action for o in again.outcomes] == ["skipped", "skipped"]
    assert site.hits("/ev/zoox") == 1


def test_atom_feed_resolves_relative_links(site: Site, corpus: Path) -> None:
    summary = add_feed(site.url("/feeds/atom.xml"), corpus, OPTIONS)
    assert [(o.action, o.source) for o in summary.outcomes] == [
        ("added", site.url("/ev/semi")),
        ("added", site.url("/ev/rivian")),
    ]
    meta, _ = front_matter(corpus / RIVIAN_FILE)
    assert meta["url"] == CANONICAL


def test_redirects_are_followed_but_bounded_and_http_only(site: Site, corpus: Path) -> None:
    summary = add_sources(
        [site.url("/r/1"), site.url("/loop/0"), site.url("/to-file")], corpus, OPTIONS
    )
    assert actions(summary) == [
        ("added", ""),
        ("failed", "more than 3 redirects"),
        ("failed", "only http(s) URLs are fetched, not file:"),
    ]
    meta, _ = front_matter(corpus / "zoox-opens-its-robotaxi-service-in-las-vegas.md")
    assert (meta["url"], meta["fetched_from"]) == (site.url("/ev/zoox"), site.url("/r/1"))
    assert site.hits("/loop/4") == 0  # gave up after 3 redirects


def test_bad_sources_fail_with_reasons_and_leave_nothing(
    site: Site, corpus: Path, tmp_path: Path
) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    sources = {
        site.url("/missing"): "HTTP 404 Not Found",
        site.url("/slow"): "timed out after 1 s",
        site.url("/huge"): "larger than the 977 KB cap (2.9 MB)",
        site.url("/huge-stream"): "larger than the 977 KB cap",  # no Content-Length: counted
        site.url("/data.json"): "not an article: content type application/json",
        site.url("/photo.png"): "not an article: content type image/png",
        site.url("/cars"): "no article text found (4 words)",
        "ftp://files.example/article.html": "only http(s) URLs are fetched, not ftp:",
        str(tmp_path / "nowhere.md"): "no such file",
        str(tmp_path / "notes.docx"): "unsupported file type .docx; use .htm, .html, .markdown, "
        ".md, .pdf, .txt",
    }
    summary = add_sources(list(sources), corpus, OPTIONS)
    assert [(o.source, o.reason) for o in summary.outcomes] == list(sources.items())
    assert summary.failed and summary.counts["failed"] == len(sources)
    assert all_files(corpus) == []


def test_local_html_markdown_and_text_files(corpus: Path, tmp_path: Path) -> None:
    html = tmp_path / "downloaded.html"
    html.write_bytes(
        page("Zoox opens its robotaxi service", default_zoox(), author="Sam", date="2026-11-09")
    )
    md = tmp_path / "notes.md"
    md.write_text(
        "---\ntitle: Lucid and the luxury segment\nurl: https://lucid.example/a\n---\n\n"
        + "Lucid sells far fewer cars than Tesla but at higher prices, and its Saudi backers "
        "keep funding the expansion of the Arizona plant while margins stay negative. " * 2,
        encoding="utf-8",
    )
    txt = tmp_path / "battery-notes.txt"
    txt.write_text("Solid-state batteries remain years away from volume production. " * 5)
    summary = add_sources([str(html), str(md), str(txt)], corpus, OPTIONS)
    assert [o.action for o in summary.outcomes] == ["added"] * 3
    assert all_files(corpus) == [
        "battery-notes.md",
        "lucid-and-the-luxury-segment.md",
        "zoox-opens-its-robotaxi-service.md",
    ]
    meta, _ = front_matter(corpus / "lucid-and-the-luxury-segment.md")
    assert (meta["url"], meta["file"]) == ("https://lucid.example/a", "notes.md")
    meta, _ = front_matter(corpus / "zoox-opens-its-robotaxi-service.md")
    assert (meta["source"], meta["author"], meta["file"]) == ("EV Daily", "Sam", "downloaded.html")
    titles = {a.title for a in load_corpus(corpus).articles}
    assert "Battery notes" in titles


def test_failed_write_leaves_no_temporary_file_and_keeps_the_old_article(
    site: Site, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_sources([site.url("/ev/rivian")], corpus, OPTIONS)
    before = (corpus / RIVIAN_FILE).read_text()
    site.routes["/ev/rivian"] = Response(
        body=page(
            "Rivian doubles", RIVIAN_UPDATE, author="D", date="2026-11-20", canonical=CANONICAL
        )
    )

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", broken_replace)
    summary = add_sources([site.url("/ev/rivian")], corpus, OPTIONS)
    assert actions(summary) == [("failed", "cannot write the article: No space left on device")]
    assert all_files(corpus) == [RIVIAN_FILE]
    assert (corpus / RIVIAN_FILE).read_text() == before
    assert os.replace is broken_replace  # the patch was in force for the write above


def default_zoox() -> str:
    from ingest_site import ZOOX_BODY

    return ZOOX_BODY


def test_a_refused_connection_says_refused_not_timed_out(corpus: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/article"
    summary = add_sources([url], corpus, OPTIONS)
    [outcome] = summary.outcomes
    assert outcome.reason == f"connection refused by {urlsplit(url).netloc}"


def test_connect_failures_are_told_apart() -> None:
    # urllib3 2.x: NameResolutionError < NewConnectionError < ConnectTimeoutError < TimeoutError.
    # The tests reach only 127.0.0.1, so the DNS failure is built as urllib3 raises it.
    url = "http://nonexistent.invalid/a"
    dns = urllib3.exceptions.NameResolutionError(
        "nonexistent.invalid", None, socket.gaierror(-2, "Name or service not known")
    )
    assert isinstance(dns, urllib3.exceptions.TimeoutError)
    assert connect_failure(dns, url, 20) == "could not resolve host nonexistent.invalid"
    unreachable = urllib3.exceptions.NewConnectionError(None, "Failed to establish")
    unreachable.__cause__ = OSError(errno.ENETUNREACH, "Network is unreachable")
    assert connect_failure(unreachable, url, 20) == (
        "cannot connect to nonexistent.invalid: network is unreachable"
    )
    slow = urllib3.exceptions.ConnectTimeoutError(None, "connect timed out")
    assert connect_failure(slow, url, 20) == "timed out after 20 s"
    tls = urllib3.exceptions.SSLError("certificate verify failed")
    assert connect_failure(tls, url, 20) == "cannot connect: certificate verify failed"

"""Sources (URLs, files, feed entries) -> articles in corpus/, one `Outcome` each.

One bad source never stops the rest: each is fetched, extracted and stored on its own, and its
failure becomes an outcome with a short reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bot.ingest.extract import Extracted, ExtractError, extract_fetched, extract_file
from bot.ingest.feeds import FeedEntry, FeedError, parse_feed
from bot.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, MAX_REDIRECTS, FetchError, fetch
from bot.ingest.store import CorpusStore

ACTIONS = ("added", "updated", "skipped", "failed")
MAX_FILE_BYTES = 50 * 1024 * 1024  # local files: a long PDF report is fine, a disk image is not
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
T = TypeVar("T")


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True)
class Outcome:
    source: str
    action: str  # one of ACTIONS
    reason: str = ""
    doc_id: str | None = None
    path: str | None = None
    title: str | None = None

    def line(self) -> str:
        if self.action == "failed":
            return f"failed   {self.source}: {self.reason}"
        if self.action == "skipped":
            return f"skipped  {self.source}: {self.reason}"
        return f"{self.action:<8} {self.path}  ({self.title})  <- {self.source}"


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(o.action for o in self.outcomes)
        return {action: tally.get(action, 0) for action in ACTIONS}

    @property
    def failed(self) -> bool:
        return self.counts["failed"] > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts,
            "notes": self.notes,
            "outcomes": [dataclasses.asdict(o) for o in self.outcomes],
        }


Report = Callable[[Outcome], None]


def add_sources(
    sources: list[str],
    corpus_dir: Path,
    options: FetchOptions,
    *,
    progress: bool = False,
    report: Report | None = None,
) -> Summary:
    store = CorpusStore(corpus_dir)
    summary = Summary()
    for source in _bar(sources, progress and len(sources) > 1, "adding"):
        outcome = add_one(source, store, options)
        summary.outcomes.append(outcome)
        if report:
            report(outcome)
    return summary


def add_one(
    source: str, store: CorpusStore, options: FetchOptions, entry: FeedEntry | None = None
) -> Outcome:
    try:
        if _SCHEME.match(source) and not Path(source).exists():
            fetched = fetch(
                source,
                timeout=options.timeout,
                max_bytes=options.max_bytes,
                max_redirects=options.max_redirects,
            )
            article = _with_entry(extract_fetched(fetched), entry)
            stored = store.save(article, fetched_from=source)
        else:
            path = Path(source).expanduser()
            article = extract_file(_checked_file(path))
            stored = store.save(article, file_name=path.name)
    except (FetchError, ExtractError, FeedError) as err:
        return Outcome(source, "failed", str(err))
    except OSError as err:
        return Outcome(source, "failed", f"cannot write the article: {err.strerror or err}")
    return Outcome(
        source, stored.action, stored.reason, stored.doc_id, _display(stored.path), article.title
    )


def add_feed(
    feed_url: str,
    corpus_dir: Path,
    options: FetchOptions,
    *,
    since: dt.date | None = None,
    limit: int | None = None,
    progress: bool = False,
    report: Report | None = None,
) -> Summary:
    summary = Summary()
    try:
        fetched = fetch(
            feed_url,
            timeout=options.timeout,
            max_bytes=options.max_bytes,
            max_redirects=options.max_redirects,
        )
        feed = parse_feed(fetched)
    except (FetchError, FeedError) as err:
        outcome = Outcome(feed_url, "failed", str(err))
        summary.outcomes.append(outcome)
        if report:
            report(outcome)
        return summary
    entries = feed.entries
    if since is not None:
        # Undated entries are kept: the feed gives no reason to think them old.
        entries = [e for e in entries if e.published is None or e.published >= since]
    if limit is not None:
        entries = entries[:limit]
    older = len(feed.entries) - len(entries)
    summary.notes.append(
        f"feed {feed.title or feed_url}: {len(feed.entries)} entries"
        + (f", {older} left out by --since/--limit" if older else "")
    )
    store = CorpusStore(corpus_dir)
    for entry in _bar(entries, progress, "feed entries"):
        known = store.known_url(entry.link)
        if known is not None:
            # Polite: an entry already in the corpus is not fetched again.
            outcome = Outcome(entry.link, "skipped", f"already in corpus as {known}", known)
        else:
            outcome = add_one(entry.link, store, options, entry)
        summary.outcomes.append(outcome)
        if report:
            report(outcome)
    return summary


def _with_entry(article: Extracted, entry: FeedEntry | None) -> Extracted:
    """Fill what the page did not say from the feed entry (author, date)."""
    if entry is None:
        return article
    return dataclasses.replace(
        article,
        author=article.author or entry.author,
        published=article.published or (entry.published.isoformat() if entry.published else None),
    )


def _checked_file(path: Path) -> Path:
    if not path.exists():
        raise ExtractError("no such file")
    if not path.is_file():
        raise ExtractError("not a file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExtractError(f"file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    return path


def _display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _bar(items: Iterable[T], enabled: bool, desc: str) -> Iterator[T]:
    if not enabled:
        yield from items
        return
    from tqdm import tqdm  # only a terminal gets a bar

    yield from tqdm(items, desc=desc, unit="article", file=sys.stderr, leave=False)

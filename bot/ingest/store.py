"""`Extracted` articles -> Markdown files in corpus/: named from the title, de-duplicated, atomic.

An article whose canonical URL is already in the corpus replaces that file when its text changed
and is skipped when it did not; one whose text is already there under another URL is skipped.
Files are written to a hidden temporary name and renamed, so a failure leaves nothing half-written
(and the loader ignores hidden files, so even a crash leaves no visible stray).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from bot.corpus import (
    ArticleError,
    article_files,
    load_corpus,
    plain_paragraphs,
    split_front_matter,
)
from bot.ingest.extract import Extracted

MAX_NAME = 80
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)


@dataclass(frozen=True)
class Stored:
    action: str  # added, updated or skipped
    doc_id: str
    path: Path
    reason: str = ""


@dataclass
class _Entry:
    doc_id: str
    path: Path


def normalise_url(url: str) -> str:
    """The form two URLs of one article share: no fragment, tracking query or trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme.lower(), parts.port) not in {("http", 80), ("https", 443)}:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/") or "/", query, ""))


def text_key(text: str) -> str:
    """Hash of the text with whitespace collapsed, so re-wrapped copies still match."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > MAX_NAME:
        slug = slug[:MAX_NAME].rsplit("-", 1)[0]
    return slug or "article"


class CorpusStore:
    """What corpus/ holds (by URL and by text), and the one way ingestion writes to it."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = corpus_dir
        self._by_url: dict[str, _Entry] = {}
        self._by_text: dict[str, _Entry] = {}
        self._names: set[str] = set()
        if corpus_dir.is_dir():
            self._scan()

    def _scan(self) -> None:
        files = {
            p.relative_to(self.corpus_dir).with_suffix("").as_posix(): p
            for p in article_files(self.corpus_dir)
        }
        self._names.update(files)
        for article in load_corpus(self.corpus_dir).articles:
            entry = _Entry(article.doc_id, files[article.doc_id])
            self._by_text.setdefault(text_key(article.text), entry)
            for url in (article.url, _front_matter(entry.path).get("fetched_from")):
                if isinstance(url, str) and url.strip():
                    self._by_url.setdefault(normalise_url(url), entry)

    def known_url(self, url: str) -> str | None:
        """The doc id already holding `url` (as its URL or the URL it was fetched from)."""
        entry = self._by_url.get(normalise_url(url))
        return entry.doc_id if entry else None

    def save(
        self,
        article: Extracted,
        *,
        fetched_from: str | None = None,
        file_name: str | None = None,
        retrieved: dt.date | None = None,
    ) -> Stored:
        urls = [u for u in (article.url, fetched_from) if u]
        same_url = next((e for u in urls if (e := self._by_url.get(normalise_url(u)))), None)
        key = text_key(plain_paragraphs(article.text.strip())[0])  # as the corpus reads it
        same_text = self._by_text.get(key)
        if same_text is not None:
            why = "same URL and text" if same_text is same_url else "same text"
            return Stored(
                "skipped", same_text.doc_id, same_text.path, f"{why} as {same_text.doc_id}"
            )
        content = render(article, fetched_from, file_name, retrieved or dt.date.today())
        if same_url is not None and same_url.path.suffix.lower() in {".md", ".markdown"}:
            write_atomic(same_url.path, content)
            entry, action = same_url, "updated"
        else:
            path = self._free_path(slugify(article.title))
            write_atomic(path, content)
            if (
                same_url is not None
            ):  # an HTML or text copy of the same URL: the Markdown replaces it
                same_url.path.unlink(missing_ok=True)
            entry, action = _Entry(path.stem, path), "added" if same_url is None else "updated"
        self._names.add(entry.doc_id)
        for old in [k for k, e in self._by_text.items() if e.doc_id == entry.doc_id]:
            del self._by_text[old]  # the replaced text is gone from the corpus
        self._by_text[key] = entry
        for url in urls:
            self._by_url[normalise_url(url)] = entry
        return Stored(action, entry.doc_id, entry.path)

    def _free_path(self, slug: str) -> Path:
        self.corpus_dir.mkdir(parents=True, exist_ok=True)
        name, n = slug, 1
        while name in self._names:
            n += 1
            name = f"{slug}-{n}"
        return self.corpus_dir / f"{name}.md"


def render(
    article: Extracted, fetched_from: str | None, file_name: str | None, retrieved: dt.date
) -> str:
    meta: dict[str, object] = {
        "title": article.title,
        "url": article.url,
        "source": article.site_name,
        "published": article.published,
        "author": article.author,
        "retrieved": retrieved.isoformat(),
    }
    if fetched_from and fetched_from != article.url:
        meta["fetched_from"] = fetched_from
    if file_name:
        meta["file"] = file_name
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{article.text.strip()}\n"


def write_atomic(path: Path, content: str) -> None:
    """Write to a hidden temporary file beside `path`, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # the rename itself survives a power cut
    finally:
        os.close(dir_fd)


def _front_matter(path: Path) -> dict[str, object]:
    if path.suffix.lower() not in {".md", ".markdown"}:
        return {}
    try:
        meta, _ = split_front_matter(path.read_text(encoding="utf-8-sig"))
    except (ArticleError, OSError, UnicodeDecodeError):
        return {}
    return meta

"""Fetched bytes or local files -> `Extracted`: a title, metadata and a Markdown body.

HTML goes through trafilatura (main text only, headings kept); PDF pages become `## Page N`
sections so a citation's section names the page; Markdown keeps its front matter; text is as is.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from bot.corpus import (
    ArticleError,
    first_heading,
    html_main_text,
    meta_str,
    split_front_matter,
    title_from_name,
)
from bot.ingest.fetch import Fetched

MIN_WORDS = 25  # fewer words than this after extraction is a menu, a paywall or an error page
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf", "application/x-pdf"}
MARKDOWN_TYPES = {"text/markdown", "text/x-markdown"}
FILE_KINDS = {
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


class ExtractError(Exception):
    """No usable article in the input; the message is one short reason."""


@dataclass(frozen=True)
class Extracted:
    title: str
    text: str  # the Markdown body, without front matter
    kind: str  # html, pdf, markdown, text
    url: str | None = None  # canonical URL when the page names one
    author: str | None = None
    published: str | None = None
    site_name: str | None = None

    @property
    def words(self) -> int:
        return count_words(self.text)


def count_words(markdown: str) -> int:
    """Words of body text: headings are not counted, so a page of headings is not an article."""
    return sum(len(line.split()) for line in markdown.splitlines() if not _HEADING_LINE.match(line))


def extract_fetched(fetched: Fetched) -> Extracted:
    """Pick the extractor from the content type, or from the bytes when the type is vague."""
    media, body = fetched.content_type, fetched.body
    if media in PDF_TYPES or body.startswith(b"%PDF-"):
        return extract_pdf(body, fallback_title=_name_from_url(fetched.url))
    if media in HTML_TYPES or (media in {"", "application/octet-stream"} and _looks_html(body)):
        return extract_html(_decode(body, fetched.charset), url=fetched.url)
    if media in MARKDOWN_TYPES:
        return extract_markdown(_decode(body, fetched.charset), _name_from_url(fetched.url))
    if media == "text/plain":
        return extract_text(_decode(body, fetched.charset), _name_from_url(fetched.url))
    raise ExtractError(f"not an article: content type {media or 'unknown'}")


def extract_file(path: Path) -> Extracted:
    kind = FILE_KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(FILE_KINDS))
        raise ExtractError(f"unsupported file type {path.suffix or '(none)'}; use {known}")
    data = path.read_bytes()
    if kind == "pdf":
        return extract_pdf(data, fallback_title=title_from_name(path))
    try:
        text = data.decode("utf-8-sig") if kind != "html" else _decode(data, None)
    except UnicodeDecodeError as err:
        raise ExtractError(f"not UTF-8 text (bad byte at offset {err.start})") from None
    if kind == "html":
        return extract_html(text, url=None)
    if kind == "markdown":
        return extract_markdown(text, title_from_name(path))
    return extract_text(text, title_from_name(path))


def extract_html(html: str, url: str | None) -> Extracted:
    try:
        body, meta = html_main_text(html, url)
    except ArticleError:
        raise ExtractError("no article text found in the page") from None
    body = body.strip()
    return _checked(
        Extracted(
            title=meta_str(meta["title"]) or first_heading(body) or "Untitled article",
            text=body,
            kind="html",
            url=meta_str(meta["url"]),
            author=_clean_author(meta["author"]),
            published=meta_str(meta["published"]),
            site_name=meta_str(meta["site_name"]),
        )
    )


def extract_pdf(data: bytes, fallback_title: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError("PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except ExtractError:
        raise
    except (PyPdfError, ValueError, KeyError, OSError) as err:
        raise ExtractError(f"unreadable PDF ({type(err).__name__})") from None
    sections = []
    for number, raw in enumerate(pages, start=1):
        paragraphs = reflow_pdf_text(raw)
        if paragraphs:
            sections.append(f"## Page {number}\n\n" + "\n\n".join(paragraphs))
    body = "\n\n".join(sections)
    if not body:
        raise ExtractError("PDF has no text layer (scanned pages need OCR first)")
    title = meta_str(info.title if info else None) or _first_line(pages) or fallback_title
    created = info.creation_date if info else None
    return _checked(
        Extracted(
            title=title,
            text=body,
            kind="pdf",
            author=meta_str(info.author if info else None),
            published=created.date().isoformat() if isinstance(created, dt.datetime) else None,
        )
    )


def reflow_pdf_text(raw: str) -> list[str]:
    """PDF text lines -> paragraphs: a short line ending a sentence, or a blank line, ends one."""
    lines = [line.strip() for line in raw.replace("\r", "\n").split("\n")]
    longest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        # A line broken at a hyphen keeps the hyphen and no space: "ten-thousandth".
        joiner = "" if not current or current.endswith("-") else " "
        current += joiner + line
        if _SENTENCE_END.search(line) and len(line) < 0.8 * longest:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return [" ".join(p.split()) for p in paragraphs if p.strip()]


def extract_markdown(text: str, fallback_title: str) -> Extracted:
    try:
        meta, body = split_front_matter(text)
    except ArticleError as err:
        raise ExtractError(str(err)) from None
    body = body.replace("\r\n", "\n").strip()
    return _checked(
        Extracted(
            title=meta_str(meta.get("title")) or first_heading(body) or fallback_title,
            text=body,
            kind="markdown",
            url=meta_str(meta.get("url")),
            author=meta_str(meta.get("author")),
            published=meta_str(meta.get("published") or meta.get("date")),
            site_name=meta_str(meta.get("source") or meta.get("site_name")),
        )
    )


def extract_text(text: str, fallback_title: str) -> Extracted:
    body = text.replace("\r\n", "\n").strip()
    return _checked(Extracted(title=fallback_title, text=body, kind="text"))


def _checked(article: Extracted) -> Extracted:
    words = article.words
    if words < MIN_WORDS:
        raise ExtractError(f"no article text found ({words} words)")
    return article


def _clean_author(value: object) -> str | None:
    """A byline's separators ("Sam ·", "| Jo") are not part of the name."""
    text = meta_str(value)
    return text.strip(" \t·•|,;-–—").strip() or None if text else None


def _decode(data: bytes, charset: str | None) -> str:
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("cp1252", errors="replace")  # the usual culprit for undeclared pages


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _first_line(pages: list[str]) -> str | None:
    for page in pages:
        for line in page.splitlines():
            if 3 <= len(line.strip()) <= 120:
                return line.strip()
    return None


def _name_from_url(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    return title_from_name(Path(name)) if name else urlsplit(url).hostname or "Untitled article"

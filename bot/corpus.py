"""Articles on disk -> `Article` objects: plain text, metadata, paragraphs under each heading.

Reads Markdown with YAML front matter, plain text and HTML (main text only). The Markdown is read
here, once: `Article.text` is the plain text a reader sees on the page (no `**`, list markers,
quote marks or link targets), so passages, quotes, text-fragment links and BM25 all see words
only. A file that cannot be read is reported as a `CorpusProblem` by name and the rest of the
corpus still loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.errors import CorpusError

ARTICLE_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
# A line that is bold and nothing else ("**Conclusion: ...**") is a heading in pasted articles.
_BOLD_HEADING = re.compile(r"^\s*\*\*([^*]+?)\*\*\s*$")
# What opens a line without being its words: quote marks, list markers (Markdown's and the bullets
# pasted articles use), a numbered item's number.
_LINE_MARKS = re.compile(r"^\s*(?:>\s?)*\s*(?:(?:[-*+•–—·▪]|\d{1,3}[.)])\s+)?")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article: its section (nearest heading above) and span in `Article.text`.

    The span is in the plain text, not in the Markdown the article was written in.
    """

    section: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    doc_id: str
    path: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    content_hash: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    author: str | None = None

    def metadata(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "author": self.author,
            "path": self.path,
        }


@dataclass(frozen=True)
class CorpusProblem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class CorpusLoad:
    articles: list[Article] = field(default_factory=list)
    problems: list[CorpusProblem] = field(default_factory=list)


class ArticleError(Exception):
    """One article file is unusable; the message says why in a few words."""


def article_files(corpus_dir: Path) -> list[Path]:
    """Article files under `corpus_dir`, sorted, skipping hidden files and READMEs."""
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and p.stem.upper() != "README"
    )


def load_corpus(corpus_dir: Path) -> CorpusLoad:
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist; add articles there first")
    load = CorpusLoad()
    seen: dict[str, str] = {}
    for path in article_files(corpus_dir):
        rel = path.relative_to(corpus_dir).as_posix()
        try:
            article = load_article(path, doc_id=_doc_id(rel))
        except ArticleError as err:
            load.problems.append(CorpusProblem(rel, str(err)))
            continue
        if article.doc_id in seen:
            load.problems.append(
                CorpusProblem(rel, f"same name as {seen[article.doc_id]}; skipped")
            )
            continue
        seen[article.doc_id] = rel
        load.articles.append(article)
    return load


def _doc_id(relative_path: str) -> str:
    """A stable id from the file's path: `ev/tesla-q3.md` -> `ev/tesla-q3`."""
    return relative_path.rsplit(".", 1)[0]


def load_article(path: Path, doc_id: str) -> Article:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(f"not UTF-8 text (bad byte at offset {err.start})") from None
    suffix = path.suffix.lower()
    meta: dict[str, object] = {}
    if suffix in {".html", ".htm"}:
        body, meta = html_main_text(text)
    else:
        body = text
        if suffix in {".md", ".markdown"}:
            meta, body = split_front_matter(text)
    body = body.replace("\r\n", "\n").strip()
    plain, paragraphs = plain_paragraphs(body)
    if not paragraphs:
        raise ArticleError("no article text")
    title = meta_str(meta.get("title")) or first_heading(body) or title_from_name(path)
    return Article(
        doc_id=doc_id,
        path=path.name,
        title=title,
        text=plain,
        paragraphs=paragraphs,
        content_hash=hashlib.sha256(raw).hexdigest(),
        url=meta_str(meta.get("url")),
        source=meta_str(meta.get("source")),
        published=meta_str(meta.get("published") or meta.get("date")),
        author=meta_str(meta.get("author")),
    )


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ArticleError("front matter opened with --- but never closed")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ArticleError(f"bad front matter{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError("front matter is not a key: value mapping")
    return meta, text[match.end() :]


def html_main_text(html: str, url: str | None = None) -> tuple[str, dict[str, object]]:
    """The page's main text as Markdown, and its metadata (title, url, source, site_name, ...)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(
        html, url=url, output_format="python", include_formatting=True, with_metadata=True
    )
    body = trafilatura.extract(html, url=url, output_format="markdown", include_formatting=True)
    if extracted is None or not body:
        raise ArticleError("no main text found in the HTML")
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    site = doc.get("sitename") or doc.get("hostname")
    meta = {
        "title": doc.get("title"),
        "url": doc.get("url") or url,
        "source": site,
        "site_name": site,
        "published": doc.get("date"),
        "author": doc.get("author"),
    }
    return body, meta


def meta_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _heading(line: str) -> str | None:
    match = _ATX_HEADING.match(line) or _BOLD_HEADING.match(line)
    return plain_text(match.group(1)).strip().strip("*").strip() if match else None


def first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.lstrip().startswith("# "):
            return _heading(line)
    return None


def title_from_name(path: Path) -> str:
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name


@cache
def _inline_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


def plain_text(markdown: str) -> str:
    """Inline Markdown -> its words: emphasis and code marks, link targets and escapes dropped.

    markdown-it-py's own parser decides what is markup, so a lone `*` ("5 * 3") or a
    snake_case_name keeps its characters.
    """
    blocks = _inline_parser().parseInline(markdown)
    out: list[str] = []
    for token in (blocks[0].children or []) if blocks else []:
        # Inline HTML stays as typed: what corpus text says is shown, never silently dropped.
        if token.type in {"text", "code_inline", "html_inline"}:
            out.append(token.content)
        elif token.type in {"softbreak", "hardbreak"}:
            out.append("\n")
        elif token.type == "image":
            out.append(token.content)  # its alt text
    return "".join(out)


def _plain_line(line: str) -> str:
    """One line of a paragraph as plain text (a table row's cells joined by spaces)."""
    if _TABLE_RULE.match(line) and "-" in line:
        return ""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [plain_text(cell.strip()) for cell in stripped[1:-1].split("|")]
        return " ".join(c for c in cells if c)
    return plain_text(_LINE_MARKS.sub("", line, count=1)).strip()


def plain_paragraphs(body: str) -> tuple[str, tuple[Paragraph, ...]]:
    """The article's plain text and its paragraphs (spans in that text) with their headings.

    Text with blank lines between blocks uses those as paragraph breaks (Markdown); text without
    any (pasted plain text) treats each line as a paragraph. Headings stay in the text, on lines
    of their own, outside every paragraph.
    """
    lines = body.split("\n")
    blank_separated = any(not line.strip() for line in lines)
    blocks: list[tuple[str | None, bool, list[str]]] = []  # (section, is heading, plain lines)
    section: str | None = None
    current: list[str] = []

    def close() -> None:
        nonlocal current
        if current:
            blocks.append((section, False, current))
        current = []

    for line in lines:
        heading = _heading(line)
        if heading is not None:
            close()
            section = heading
            blocks.append((section, True, [heading]))
            continue
        if not line.strip() or _THEMATIC_BREAK.match(line):
            close()
            continue
        if not blank_separated:
            close()
        plain = _plain_line(line)
        if plain:
            current.append(plain)
    close()

    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for block_section, is_heading, block_lines in blocks:
        text = "\n".join(block_lines)
        if not is_heading:
            paragraphs.append(Paragraph(block_section, offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), tuple(paragraphs)

"""`evbot corpus add | add-feed | list | remove`: grow and inspect corpus/."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from bot.errors import EvbotError
from bot.settings import Settings

INDEX_HINT = "Run `evbot index build` to index the changes."


class UnknownArticle(EvbotError):
    """`corpus remove` names an article corpus/ does not hold."""

    exit_code = 2


def register(commands: argparse._SubParsersAction, serve: argparse._SubParsersAction) -> None:
    from bot.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, MAX_REDIRECTS

    corpus = commands.add_parser("corpus", help="add, list and remove the articles in corpus/")
    sub = corpus.add_subparsers(title="corpus commands", metavar="COMMAND")

    def fetch_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--timeout",
            type=_positive(float),
            default=DEFAULT_TIMEOUT,
            help=f"seconds per URL, body included (default {DEFAULT_TIMEOUT:g})",
        )
        parser.add_argument(
            "--max-bytes",
            type=_positive(int),
            default=DEFAULT_MAX_BYTES,
            help=f"largest body fetched (default {DEFAULT_MAX_BYTES})",
        )
        parser.add_argument(
            "--max-redirects",
            type=int,
            default=MAX_REDIRECTS,
            help=f"redirects followed per URL (default {MAX_REDIRECTS})",
        )
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    add = sub.add_parser("add", help="fetch web pages or read files into corpus/ as Markdown")
    add.add_argument("sources", nargs="+", metavar="URL_OR_FILE", help="http(s) URL or file")
    fetch_options(add)
    add.set_defaults(run=cmd_add)

    feed = sub.add_parser("add-feed", help="add every new entry of an RSS or Atom feed")
    feed.add_argument("url", help="the feed's http(s) URL")
    feed.add_argument(
        "--since", type=_date, default=None, help="only entries published on or after YYYY-MM-DD"
    )
    feed.add_argument("--limit", type=_positive(int), default=None, help="at most N entries")
    fetch_options(feed)
    feed.set_defaults(run=cmd_add_feed)

    listing = sub.add_parser("list", help="articles: title, source, published, words, indexed?")
    listing.add_argument("--json", action="store_true", help="one JSON object per article, a list")
    listing.set_defaults(run=cmd_list)

    remove = sub.add_parser("remove", help="delete articles from corpus/ by doc id")
    remove.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="as shown by `corpus list`")
    remove.set_defaults(run=cmd_remove)


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.ingest.pipeline import add_sources

    summary = add_sources(
        args.sources,
        settings.corpus_dir,
        _options(args),
        progress=sys.stderr.isatty(),
        report=None if args.json else _print_outcome,
    )
    return _finish(summary, args.json)


def cmd_add_feed(args: argparse.Namespace, settings: Settings) -> int:
    from bot.ingest.pipeline import add_feed

    summary = add_feed(
        args.url,
        settings.corpus_dir,
        _options(args),
        since=args.since,
        limit=args.limit,
        progress=sys.stderr.isatty(),
        report=None if args.json else _print_outcome,
    )
    return _finish(summary, args.json)


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.corpus import load_corpus
    from bot.errors import IndexUnavailable
    from bot.index import read_manifest

    load = load_corpus(settings.corpus_dir)
    try:
        indexed: dict[str, Any] | None = read_manifest(settings.index_dir)[1].get("articles", {})
    except IndexUnavailable:
        indexed = None  # no index yet: every article is simply not indexed
    rows = []
    for article in load.articles:
        entry = (indexed or {}).get(article.doc_id)
        status = (
            "no"
            if entry is None
            else "yes"
            if entry.get("content_hash") == article.content_hash
            else "changed"
        )
        rows.append(
            {
                "doc_id": article.doc_id,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": article.published,
                "words": len(article.text.split()),
                "indexed": status,
            }
        )
    gone = sorted(set(indexed or {}) - {a.doc_id for a in load.articles})
    if args.json:
        print(
            json.dumps(
                {
                    "articles": rows,
                    "removed_but_indexed": gone,
                    "problems": [str(p) for p in load.problems],
                }
            )
        )
        return 0
    for row in rows:
        print(
            f"{row['doc_id']}\n    {row['title']}\n    source: {row['source'] or row['url'] or '-'}"
            f"  published: {row['published'] or '-'}  words: {row['words']}"
            f"  indexed: {row['indexed']}"
        )
    for doc_id in gone:
        print(f"{doc_id}\n    removed from corpus/, still in the index")
    for problem in load.problems:
        print(f"evbot: unreadable {problem}", file=sys.stderr)
    stale = sum(r["indexed"] != "yes" for r in rows) + len(gone)
    print(
        f"{len(rows)} article(s)"
        + (f"; {stale} not current in the index. {INDEX_HINT}" if stale else "")
    )
    return 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    from bot.corpus import article_files

    corpus_dir = settings.corpus_dir
    files = article_files(corpus_dir) if corpus_dir.is_dir() else []
    by_id = {p.relative_to(corpus_dir).with_suffix("").as_posix(): p for p in files}
    wanted = [_doc_id(name) for name in args.doc_ids]
    unknown = [name for name in wanted if name not in by_id]
    if unknown:  # all or nothing: a typo must not leave half the list removed
        raise UnknownArticle(
            f"no article {', '.join(unknown)} in {corpus_dir}/ (see: evbot corpus list)"
        )
    for doc_id in dict.fromkeys(wanted):
        by_id[doc_id].unlink()
        print(f"removed  {doc_id}  ({by_id[doc_id].name})")
    print(INDEX_HINT)
    return 0


def _doc_id(name: str) -> str:
    """Accept `x`, `x.md` or `corpus/x.md` for the doc id `x`."""
    name = name.strip().removeprefix("./")
    for suffix in (".md", ".markdown", ".txt", ".html", ".htm"):
        name = name.removesuffix(suffix)
    return name.removeprefix("corpus/")


def _options(args: argparse.Namespace) -> Any:
    from bot.ingest.pipeline import FetchOptions

    return FetchOptions(args.timeout, args.max_bytes, max(0, args.max_redirects))


def _print_outcome(outcome: Any) -> None:
    if sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.write(outcome.line(), file=sys.stdout)  # keeps the bar below the lines
    else:
        print(outcome.line(), flush=True)


def _finish(summary: Any, as_json: bool) -> int:
    if as_json:
        print(json.dumps(summary.to_dict()))
    else:
        for note in summary.notes:
            print(note)
        counts = summary.counts
        print(
            f"Added {counts['added']}, updated {counts['updated']}, skipped {counts['skipped']}, "
            f"failed {counts['failed']}."
        )
        for outcome in summary.outcomes:
            if outcome.action == "failed":
                print(f"  failed: {outcome.source}: {outcome.reason}")
        if counts["added"] or counts["updated"]:
            print(INDEX_HINT)
    return 1 if summary.failed else 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(kind: type) -> Any:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above 0: {text!r}")
        return value

    return parse

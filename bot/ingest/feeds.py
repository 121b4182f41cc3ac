"""RSS and Atom feeds -> the entries to fetch (link, title, date, author), newest first."""

from __future__ import annotations

import calendar
import datetime as dt
import io
from dataclasses import dataclass

from bot.ingest.fetch import Fetched


class FeedError(Exception):
    """The body is not a usable feed; the message is one short reason."""


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: dt.date | None
    author: str | None


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(fetched: Fetched) -> Feed:
    import feedparser  # imported here so `evbot --help` does not pay for it

    # A stream, never a string: feedparser would fetch or open a string that looks like a URL.
    parsed = feedparser.parse(
        io.BytesIO(fetched.body),
        response_headers={
            "content-location": fetched.url,  # the base that relative entry links resolve against
            "content-type": fetched.content_type or "application/xml",
        },
    )
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS or Atom feed")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or _alternate_link(item)
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = (
            dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC).date() if stamp else None
        )
        entries.append(FeedEntry(link, item.get("title"), published, item.get("author")))
    return Feed(parsed.feed.get("title"), entries)


def _alternate_link(item: dict) -> str | None:
    for link in item.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None

"""A small news site on 127.0.0.1 for the ingestion tests: articles, feeds, a PDF and bad URLs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CANONICAL = "https://evdaily.example/2026/11/rivian-amazon-vans"

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title} | EV Daily</title>
{canonical}
<meta property="og:site_name" content="EV Daily">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/cars">Cars</a> | <a href="/subscribe">Subscribe
now for unlimited access</a> | <a href="/login">Log in</a></nav></header>
<div class="ad" id="ad-top">ADVERTISEMENT: Buy cheap tyres today! Limited offer on all-season
tyres for every car.</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author} · {date}</p>
{body}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Ten best e-bikes of the year</a></li>
<li><a href="/y">The charging map nobody asked for</a></li></ul></aside>
<footer><p>© 2026 EV Daily. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>
"""

RIVIAN_BODY = """
<p>Rivian delivered its ten-thousandth electric delivery van to Amazon on Tuesday, the company
said, a milestone in a partnership that began with a 100,000-van order in 2019.</p>
<h2>Factory output</h2>
<p>The Normal, Illinois plant now builds the vans on a dedicated line that runs two shifts, and
managers expect the zinc-air battery pilot to start next spring.</p>
<p>Amazon says the vans have already driven more than 150 million miles on delivery routes across
the United States and Europe.</p>
<h2>Competition with Tesla</h2>
<p>Analysts note that Tesla has no commercial delivery van of its own, which leaves Rivian a clear
field in last-mile logistics for now.</p>
"""

RIVIAN_UPDATE = """
<p>Rivian delivered its twenty-thousandth electric delivery van to Amazon on Friday, the company
said, doubling the count it reported in November.</p>
<h2>Factory output</h2>
<p>The Normal, Illinois plant added a third shift in December to keep up with the order book, and
the zinc-air battery pilot has been moved forward to February.</p>
"""

ZOOX_BODY = """
<p>Zoox, the robotaxi company Amazon bought in 2020, opened its driverless ride service to the
public in Las Vegas, charging nothing for rides during the first months.</p>
<h2>Against Tesla's robotaxi</h2>
<p>The purpose-built Zoox vehicle has no steering wheel, while Tesla's Cybercab program relies on
cameras alone, a contrast that engineers on both sides argue about loudly.</p>
"""

SEMI_BODY = """
<p>Tesla said its Semi truck entered volume production in Nevada, with PepsiCo and a group of
freight carriers taking the first trucks off the new line.</p>
<h2>Range</h2>
<p>The company claims a range of 500 miles on a full charge with a full load, figures that fleet
operators are now testing on their own routes.</p>
"""

OLD_BODY = """
<p>An old story about battery swapping stations that nobody builds any more, published long before
the period the curator asked for, which the feed still lists at the bottom of its entries.</p>
"""

NAV_ONLY = """<!DOCTYPE html><html><head><title>Cars | EV Daily</title></head><body>
<nav><a href="/">Home</a> | <a href="/cars">Cars</a></nav><p>Subscribe.</p></body></html>"""


def page(title: str, body: str, *, author: str, date: str, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return PAGE.format(title=title, body=body, author=author, date=date, canonical=link).encode(
        "utf-8"
    )


def rss(base: str) -> bytes:
    items = [
        (
            "Zoox opens its robotaxi service in Las Vegas",
            "/ev/zoox",
            "Mon, 09 Nov 2026 08:00:00 GMT",
        ),
        ("Tesla Semi enters volume production", "/ev/semi", "Tue, 10 Nov 2026 08:00:00 GMT"),
        ("Battery swapping, revisited", "/ev/old", "Wed, 01 Jan 2025 08:00:00 GMT"),
    ]
    xml = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate>"
        f"<author>desk@evdaily.example (News Desk)</author></item>"
        for t, p, d in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>EV Daily</title><link>{base}/</link><description>EV news</description>"
        f"{xml}</channel></rss>"
    ).encode()


def atom() -> bytes:
    # Relative links on purpose: they resolve against the feed's own URL.
    return b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>EV Daily (Atom)</title><id>urn:evdaily</id><updated>2026-11-10T08:00:00Z</updated>
  <entry><title>Tesla Semi enters volume production</title><id>urn:semi</id>
    <link rel="alternate" href="../ev/semi"/><updated>2026-11-10T08:00:00Z</updated>
    <author><name>Lee Trucker</name></author></entry>
  <entry><title>Rivian ramps up Amazon van deliveries</title><id>urn:rivian</id>
    <link rel="alternate" href="../ev/rivian"/><updated>2026-11-04T08:00:00Z</updated></entry>
</feed>"""


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    delay: float = 0.0  # seconds before answering: the slow endpoint


@dataclass
class Site:
    base: str
    routes: dict[str, Response]
    requests: list[tuple[str, str]]  # (path, user agent) in arrival order
    release: threading.Event

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def start_site(routes_for: Callable[[str], dict[str, Response]]) -> tuple[Site, Callable[[], None]]:
    site = Site("", {}, [], threading.Event())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            response = site.routes.get(self.path, Response(404, b"<h1>Not found</h1>"))
            if response.delay:
                site.release.wait(response.delay)  # bounded, and ended early at teardown
            try:
                self.send_response(response.status)
                self.send_header("Content-Type", response.content_type)
                for key, value in response.headers.items():
                    self.send_header(key, value)
                if response.send_length:
                    self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first (timeout, size cap): that is the point

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.routes.update(routes_for(site.base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return site, stop


def make_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Battery supply report 2026")
    pdf.set_author("Grid Research Group")
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(
        0,
        8,
        "Panasonic will supply cylindrical cells to the new Amazon-backed carmaker from its Kansas "
        "plant, according to the supplier's filing. The first deliveries are planned for the "
        "third quarter, and volumes rise through the following year.",
    )
    pdf.add_page()
    pdf.multi_cell(
        0,
        8,
        "Tesla keeps most of its cell production in house at Giga Nevada and Giga Texas, which "
        "gives it a cost advantage over newcomers that buy cells from outside suppliers. Analysts "
        "put that advantage at roughly twelve percent per pack.",
    )
    return bytes(pdf.output())


def default_routes(base: str) -> dict[str, Response]:
    rivian = page(
        "Rivian ramps up Amazon van deliveries",
        RIVIAN_BODY,
        author="Dana Reporter",
        date="2026-11-04",
        canonical=CANONICAL,
    )
    huge = b"<html><body><article>" + b"<p>" + b"x" * 3_000_000 + b"</p></article></body></html>"
    return {
        "/ev/rivian": Response(body=rivian),
        "/ev/rivian?utm_source=newsletter": Response(body=rivian),
        # The same article syndicated elsewhere: no canonical link, same text.
        "/mirror/rivian": Response(
            body=page(
                "Rivian ramps up Amazon van deliveries",
                RIVIAN_BODY,
                author="Dana Reporter",
                date="2026-11-04",
            )
        ),
        "/ev/zoox": Response(
            body=page(
                "Zoox opens its robotaxi service in Las Vegas",
                ZOOX_BODY,
                author="Sam Driver",
                date="2026-11-09",
            )
        ),
        "/ev/semi": Response(
            body=page(
                "Tesla Semi enters volume production",
                SEMI_BODY,
                author="Lee Trucker",
                date="2026-11-10",
            )
        ),
        "/ev/old": Response(
            body=page("Battery swapping, revisited", OLD_BODY, author="X", date="2025-01-01")
        ),
        "/feeds/rss.xml": Response(body=rss(base), content_type="application/rss+xml"),
        "/feeds/atom.xml": Response(body=atom(), content_type="application/atom+xml"),
        "/r/1": Response(302, headers={"Location": "/r/2"}),
        "/r/2": Response(301, headers={"Location": f"{base}/r/3"}),
        "/r/3": Response(307, headers={"Location": "/ev/zoox"}),
        **{f"/loop/{n}": Response(302, headers={"Location": f"/loop/{n + 1}"}) for n in range(20)},
        "/to-file": Response(302, headers={"Location": "file:///etc/passwd"}),
        "/slow": Response(body=page("Slow", ZOOX_BODY, author="S", date="2026-11-01"), delay=4),
        "/huge": Response(body=huge),
        "/huge-stream": Response(body=huge, send_length=False),
        "/data.json": Response(body=b'{"cars": 3}', content_type="application/json"),
        "/photo.png": Response(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png"),
        "/cars": Response(body=NAV_ONLY.encode()),
        "/docs/battery-report.pdf": Response(body=make_pdf(), content_type="application/pdf"),
    }

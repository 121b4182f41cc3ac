"""The dashboard's HTTP side (aiohttp, the server type the Slack HTTP process already runs):
the page, its JSON endpoints, CSV downloads and the sign-in.

Every URL the page uses is relative, so the same app serves at `/` (`evbot dashboard`) and
mounted under a prefix (`/dashboard/` on Slack's HTTP process).
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
from aiohttp import web

from bot.dashboard import auth
from bot.dashboard.gaps import GapFinder
from bot.dashboard.queries import (
    CSV_ROWS,
    Dashboard,
    DateRange,
    LogUnreadable,
    PostgresReader,
    Reader,
    SQLiteReader,
)
from bot.errors import EvbotError
from bot.settings import Settings

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
STATIC = HERE / "static"
DEFAULT_DAYS = 30
WARM_DAYS = 90  # the days of charts read at start-up, before anyone asks
MAX_DAYS = 3660  # ten years of days on one chart is already more than a screen shows
# Text that a spreadsheet would run as a formula: CSV cells starting so get a leading quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # everything from the log and the corpus is untrusted text
    undefined=jinja2.StrictUndefined,
)

DASHBOARD_KEY = web.AppKey("dashboard", Dashboard)
GAPS_KEY = web.AppKey("gaps", GapFinder)
SETTINGS_KEY = web.AppKey("settings", Settings)


class BadRequest(Exception):
    pass


def reader_for(settings: Settings) -> Reader:
    """The query log this deployment writes: PostgreSQL when a database URL is set."""
    if settings.database_url is None:
        return SQLiteReader(settings.query_log_path)
    from bot.store import open_store

    return PostgresReader(open_store(settings, check=False))


def _parse_range(query: Any) -> DateRange:
    today = datetime.now(UTC).date()
    try:
        end = date.fromisoformat(query["to"]) if query.get("to") else today
        start = (
            date.fromisoformat(query["from"])
            if query.get("from")
            else end - timedelta(days=DEFAULT_DAYS - 1)
        )
    except ValueError:
        raise BadRequest("from and to must be dates like 2026-11-25") from None
    if start > end:
        raise BadRequest("the range starts after it ends")
    if (end - start).days >= MAX_DAYS:
        raise BadRequest(f"a range is at most {MAX_DAYS} days")
    return DateRange(start, end)


def _manifest(settings: Settings) -> dict[str, Any] | None:
    from bot.index import read_manifest

    try:
        return read_manifest(settings.index_dir)[1]
    except EvbotError:
        return None


def _web_url(url: Any) -> str | None:
    """Only http(s) links are links: a javascript: or data: URL from a document is not."""
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


# -- what each endpoint returns ---------------------------------------------------------------


def _hide_users(value: Any, show: bool) -> Any:
    if show:
        return value
    if isinstance(value, dict):
        return {k: _hide_users(v, show) for k, v in value.items() if k != "user"}
    if isinstance(value, list):
        return [_hide_users(v, show) for v in value]
    return value


def _gaps(board: Dashboard, finder: GapFinder, rng: DateRange) -> dict[str, Any]:
    rows = board.gap_questions(rng)
    return {"questions": len(rows), "groups": finder.groups(rows)}


def _freshness(board: Dashboard, settings: Settings) -> dict[str, Any]:
    data = board.freshness(_manifest(settings))
    for article in data["articles"]:
        article["url"] = _web_url(article["url"])
    return data


def _passages(board: Dashboard, settings: Settings, rng: DateRange) -> list[dict[str, Any]]:
    articles = (_manifest(settings) or {}).get("articles") or {}
    rows = board.passages_voted_down(rng)
    for row in rows:
        row["url"] = _web_url((articles.get(row["doc_id"]) or {}).get("url"))
    return rows


def _exchange(board: Dashboard, settings: Settings, answer_id: str) -> dict[str, Any] | None:
    row = board.exchange(answer_id)
    if row is None:
        return None
    articles = (_manifest(settings) or {}).get("articles") or {}
    for citation in row["citations"]:
        citation["url"] = _web_url((articles.get(citation.get("doc_id")) or {}).get("url"))
    return row


# -- CSV ----------------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def _table(rows: list[dict[str, Any]], keys: Sequence[str]) -> tuple[list[str], list[list[Any]]]:
    return list(keys), [[row.get(k) for k in keys] for row in rows]


EXCHANGE_KEYS = (
    "id",
    "asked_at",
    "source",
    "question",
    "outcome",
    "answer",
    "latency_ms",
    "helpful",
    "not_helpful",
)


def _csv_table(
    name: str, board: Dashboard, finder: GapFinder, settings: Settings, rng: DateRange
) -> tuple[list[str], list[list[Any]]]:
    users = ("user",) if settings.dashboard_show_users else ()
    if name == "daily":
        s = board.series(rng)
        header = ["day", "questions", *[f"questions_{p}" for p in s["platforms"]]]
        header += [f"{o}" for o in s["outcomes"]]
        header += ["helpful", "not_helpful", "latency_p50_ms", "latency_p95_ms", "handoffs"]
        rows = [
            [
                day,
                s["questions"][i],
                *[counts[i] for counts in s["platforms"].values()],
                *[counts[i] for counts in s["outcomes"].values()],
                s["helpful"][i],
                s["not_helpful"][i],
                s["latency_p50"][i],
                s["latency_p95"][i],
                s["handoffs"][i],
            ]
            for i, day in enumerate(s["days"])
        ]
        return header, rows
    if name == "exchanges":
        return _table(board.exchanges(rng, CSV_ROWS), EXCHANGE_KEYS + users)
    if name == "worst":
        return _table(board.worst(rng), EXCHANGE_KEYS + users)
    if name == "gaps":
        rows = []
        for number, group in enumerate(_gaps(board, finder, rng)["groups"], start=1):
            for q in group["questions"]:
                rows.append(
                    [number, group["asks"], q["question"], q["asks"], q["last_asked"], q["why"]]
                )
        return ["group", "group_asks", "question", "asks", "last_asked", "why"], rows
    if name == "passages":
        keys = ("passage_id", "doc_id", "title", "url", "quote", "helpful", "not_helpful")
        return _table(_passages(board, settings, rng), keys)
    if name == "handoffs":
        keys = ("id", "handed_off_at", "asks", "source", "question", "outcome", "answer")
        return _table(board.handoffs(rng), keys + users)
    if name == "articles":
        keys = ("doc_id", "title", "published", "url", "passages", "cited")
        return _table(_freshness(board, settings)["articles"], keys)
    raise web.HTTPNotFound(text=f"no table named {name!r}")


# -- the app ------------------------------------------------------------------------------------


def _signed_in(request: web.Request, token: str | None) -> bool:
    if token is None:  # no token: this machine only (the server also binds to loopback only)
        return auth.is_loopback(request.remote)
    return auth.token_matches(
        token, auth.bearer(request.headers.get("Authorization"))
    ) or auth.cookie_matches(token, request.cookies.get(auth.COOKIE))


def _login_page(status: int, message: str | None) -> web.Response:
    html = _templates.get_template("login.html").render(message=message)
    return web.Response(status=status, text=html, content_type="text/html")


def _problem(request: web.Request, status: int, message: str) -> web.Response:
    """A short, plain explanation: JSON for the page's scripts, a page for a person."""
    if "/api/" in request.path or "/csv/" in request.path:
        return web.json_response({"error": message}, status=status)
    html = _templates.get_template("problem.html").render(status=status, message=message)
    return web.Response(status=status, text=html, content_type="text/html")


def build_dashboard_app(
    settings: Settings,
    *,
    encode: Callable[[Sequence[str]], np.ndarray] | None = None,
    reader: Reader | None = None,
    warm: bool = True,
) -> web.Application:
    """The dashboard over the configured query log. `encode` embeds questions for the coverage
    gaps (default: the bot's own model). With `warm`, the slow first reads start at once in
    the background."""
    token = settings.dashboard_secret
    board = Dashboard(reader or reader_for(settings))
    if encode is None:

        def encode(texts: Sequence[str]) -> np.ndarray:
            from bot.embedding import get_embedder

            return get_embedder(settings.model, settings.batch_size).encode(texts)

    finder = GapFinder(encode)
    show_users = settings.dashboard_show_users

    @web.middleware
    async def guard(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        public = request.path.endswith(("/login", "/favicon.ico")) or "/static/" in request.path
        if not public and not _signed_in(request, token):
            if "/api/" in request.path or "/csv/" in request.path:
                return web.json_response(
                    {"error": "sign in: send Authorization: Bearer EVBOT_DASHBOARD_TOKEN"},
                    status=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            if token is None:
                return _problem(request, 403, "The dashboard is served to this machine only.")
            return _login_page(401, None)
        started = time.perf_counter()
        try:
            response = await handler(request)
        except web.HTTPException:
            raise
        except BadRequest as err:
            return _problem(request, 400, str(err))
        except (LogUnreadable, EvbotError) as err:
            log.error("dashboard: %s", err)
            return _problem(request, 503, f"The query log cannot be read: {err}")
        except Exception:
            log.exception("dashboard: %s failed", request.path)
            return _problem(request, 500, "Something went wrong; the server log says what.")
        # the time this server spent, for benchmarks/dashboard.py and a browser's network panel
        elapsed = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed:.1f}"
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    async def off_loop(fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, partial(fn, *args))

    async def page(request: web.Request) -> web.Response:
        if not request.path.endswith("/"):
            raise web.HTTPFound(request.path + "/")
        today = datetime.now(UTC).date()
        html = _templates.get_template("dashboard.html").render(
            today=today.isoformat(),
            start=(today - timedelta(days=DEFAULT_DAYS - 1)).isoformat(),
            show_users=show_users,
            signed_in_with_token=token is not None,
        )
        return web.Response(
            text=html,
            content_type="text/html",
            headers={
                # The page runs only its own scripts; data never becomes markup or a script.
                "Content-Security-Policy": "default-src 'self'; script-src 'self'; "
                "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
            },
        )

    async def favicon(request: web.Request) -> web.Response:
        return web.Response(status=204)  # browsers ask for one; none is needed

    async def login_form(request: web.Request) -> web.Response:
        return _login_page(200, None)

    async def login(request: web.Request) -> web.StreamResponse:
        if token is None:
            raise web.HTTPSeeOther("./")
        form = await request.post()
        offered = form.get("token")
        if not isinstance(offered, str) or not auth.token_matches(token, offered):
            log.warning("dashboard: wrong token from %s", request.remote)
            return _login_page(401, "That is not the dashboard token.")
        response = web.Response(status=303, headers={"Location": "./"})
        secure = request.secure or request.headers.get("X-Forwarded-Proto") == "https"
        response.set_cookie(
            auth.COOKIE,
            auth.session_value(token),
            httponly=True,
            samesite="Strict",
            secure=secure,
            path="/",
        )
        return response

    async def logout(request: web.Request) -> web.StreamResponse:
        response = web.Response(status=303, headers={"Location": "./"})
        response.del_cookie(auth.COOKIE, path="/")
        return response

    async def api(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        rng = _parse_range(request.query)
        if name == "series":
            data: Any = await off_loop(board.series, rng)
        elif name == "gaps":
            data = await off_loop(_gaps, board, finder, rng)
        elif name == "worst":
            data = await off_loop(board.worst, rng)
        elif name == "exchanges":
            data = await off_loop(board.exchanges, rng)
        elif name == "passages":
            data = await off_loop(_passages, board, settings, rng)
        elif name == "handoffs":
            data = await off_loop(board.handoffs, rng)
        elif name == "freshness":
            data = await off_loop(_freshness, board, settings)
        else:
            raise web.HTTPNotFound(text=f"no endpoint named {name!r}")
        return web.json_response(_hide_users(data, show_users))

    async def exchange(request: web.Request) -> web.Response:
        data = await off_loop(_exchange, board, settings, request.match_info["answer_id"])
        if data is None:
            return web.json_response({"error": "no such exchange"}, status=404)
        return web.json_response(_hide_users(data, show_users))

    async def csv_download(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        rng = _parse_range(request.query)
        header, rows = await off_loop(_csv_table, name, board, finder, settings, rng)
        filename = f"evbot-{name}-{rng.start.isoformat()}-{rng.end.isoformat()}.csv"
        return web.Response(
            text=_csv(header, rows),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    app = web.Application(middlewares=[guard])
    app[DASHBOARD_KEY] = board
    app[GAPS_KEY] = finder
    app[SETTINGS_KEY] = settings
    app.add_routes(
        [
            web.get("/", page),
            web.get("/login", login_form),
            web.get("/favicon.ico", favicon),
            web.post("/login", login),
            web.post("/logout", logout),
            web.get("/api/exchange/{answer_id}", exchange),
            web.get("/api/{name}", api),
            web.get("/csv/{name}.csv", csv_download),
            web.static("/static", STATIC),
        ]
    )

    def warm_up() -> None:
        """The slow first reads (every answer's citations, the days of the charts, embedding
        the gap questions), done before anyone asks rather than on the first page load."""
        try:
            board.cited_articles()
            board.series(DateRange.last(WARM_DAYS))
            _gaps(board, finder, DateRange.last(DEFAULT_DAYS))
        except Exception as err:  # a request says the same, with its page
            log.warning("dashboard: warming up: %s", err)

    async def prepare(_app: web.Application) -> None:
        try:
            await off_loop(board.reader.ensure_indexes)
        except (LogUnreadable, EvbotError) as err:  # the page says it too, on every request
            log.error("dashboard: %s", err)
        if warm:
            asyncio.get_running_loop().run_in_executor(None, warm_up)

    app.on_startup.append(prepare)
    return app


def mount(
    parent: web.Application,
    settings: Settings,
    prefix: str = "/dashboard",
    *,
    encode: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> bool:
    """Serve the dashboard under `prefix` of another app (Slack's HTTP process), only when a
    token is set: that server faces the internet. Whether it was mounted."""
    if settings.dashboard_secret is None:
        log.info("dashboard not served at %s: EVBOT_DASHBOARD_TOKEN is not set", prefix)
        return False

    async def to_slash(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(prefix + "/")

    parent.router.add_get(prefix, to_slash)
    parent.add_subapp(prefix, build_dashboard_app(settings, encode=encode))
    return True

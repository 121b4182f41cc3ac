"""The polite HTTP client: http(s) only, a timeout, a size cap, a clear user agent, few hops."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

USER_AGENT = "evbot-corpus/0.1 (ev-rivalry-bot; adds articles a user asked for)"
DEFAULT_TIMEOUT = 20.0  # seconds for the whole request, body included
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024

if TYPE_CHECKING:
    import urllib3


class FetchError(Exception):
    """A URL could not be fetched; the message is one short reason."""


@dataclass(frozen=True)
class Fetched:
    requested_url: str
    url: str  # after redirects
    content_type: str  # lower-case media type without parameters, "" when not sent
    charset: str | None
    body: bytes


def check_url(url: str) -> str:
    """The URL itself if it is an absolute http(s) URL with a host; FetchError otherwise."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise FetchError(f"only http(s) URLs are fetched, not {parts.scheme or 'a bare path'}:")
    if not parts.hostname:
        raise FetchError("URL has no host")
    return url


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """GET `url`, following at most `max_redirects` http(s) redirects, within `timeout` seconds."""
    import urllib3  # imported here so `evbot --help` does not pay for it

    check_url(url)
    deadline = time.monotonic() + timeout
    pool = _pool()
    current = url
    for _ in range(max_redirects + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"timed out after {timeout:g} s")
        try:
            response = pool.request(
                "GET",
                current,
                redirect=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=remaining, read=remaining),
            )
        except urllib3.exceptions.HTTPError as err:
            raise FetchError(connect_failure(err, current, timeout)) from None
        try:
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status} redirect without a Location")
                current = check_url(urljoin(current, location))
                continue
            if response.status != 200:
                reason = response.reason or ""
                raise FetchError(f"HTTP {response.status} {reason}".strip())
            body = _read_capped(response, max_bytes, deadline, timeout)
            media, charset = _content_type(response.headers.get("Content-Type", ""))
            return Fetched(url, current, media, charset, body)
        finally:
            response.release_conn()
    raise FetchError(f"more than {max_redirects} redirects")


def connect_failure(err: Exception, url: str, timeout: float) -> str:
    """Why a request got no response, in a few words: DNS, refused, timed out, or the reason.

    urllib3 2.x makes NameResolutionError a NewConnectionError, and NewConnectionError a
    ConnectTimeoutError, so `except TimeoutError` alone reports a refused connection as slow.
    """
    import urllib3

    host = urlsplit(url).hostname or url
    errors = urllib3.exceptions
    if isinstance(err, errors.NameResolutionError):
        return f"could not resolve host {host}"
    if isinstance(err, errors.NewConnectionError):
        cause = err.__cause__ or err.__context__
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {urlsplit(url).netloc}"
        if isinstance(cause, TimeoutError):  # socket.timeout is TimeoutError since 3.10
            return f"timed out after {timeout:g} s"
        if isinstance(cause, OSError) and cause.strerror:
            return f"cannot connect to {host}: {cause.strerror.lower()}"
        return f"cannot connect to {host}: {_short(err)}"
    if isinstance(err, errors.TimeoutError):
        return f"timed out after {timeout:g} s"
    return f"cannot connect: {_short(err)}"


@cache
def _pool() -> urllib3.PoolManager:
    """One pool per process, so a feed's articles on one site reuse their connections."""
    import urllib3

    # No proxies, no retries: one honest attempt per URL, redirects checked hop by hop.
    return urllib3.PoolManager(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        retries=False,
    )


def _read_capped(response: object, max_bytes: int, deadline: float, timeout: float) -> bytes:
    import urllib3

    declared = response.headers.get("Content-Length")  # type: ignore[attr-defined]
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"larger than the {_size(max_bytes)} cap ({_size(int(declared))})")
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read(_CHUNK):  # type: ignore[attr-defined]
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"larger than the {_size(max_bytes)} cap")
            # A server trickling bytes never trips the read timeout; the deadline catches it.
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {timeout:g} s")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except urllib3.exceptions.HTTPError as err:
        raise FetchError(f"connection broke: {_short(err)}") from None
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _short(err: Exception) -> str:
    text = str(err).split(": ")[-1] if ": " in str(err) else str(err)
    return text[:120] or type(err).__name__

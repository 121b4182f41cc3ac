"""Who may read the dashboard: the holder of EVBOT_DASHBOARD_TOKEN, or, with no token set, only
someone on this machine.

A browser signs in once and keeps a cookie holding an HMAC of the token (never the token
itself), so changing the token signs every browser out; a script sends `Authorization: Bearer`.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

COOKIE = "evbot_dashboard"
_SESSION_MESSAGE = b"evbot dashboard session v1"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def session_value(token: str) -> str:
    return hmac.new(token.encode(), _SESSION_MESSAGE, hashlib.sha256).hexdigest()


def token_matches(token: str, offered: str | None) -> bool:
    return offered is not None and hmac.compare_digest(token.encode(), offered.strip().encode())


def cookie_matches(token: str, cookie: str | None) -> bool:
    return cookie is not None and hmac.compare_digest(session_value(token), cookie)


def bearer(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header, else None."""
    scheme, _, value = (header or "").partition(" ")
    return value if scheme.lower() == "bearer" and value else None


def is_loopback(host: str | None) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address((host or "").split("%")[0]).is_loopback
    except ValueError:
        return False

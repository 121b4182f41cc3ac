"""Remembers which chat messages have been taken up, so a redelivered event is answered once.

Slack retries events (`X-Slack-Retry-Num`) and sends a channel mention twice (`app_mention` and
`message`); Discord replays gateway events after a resume. Each adapter keys its messages.
`SeenKeys` remembers them in this process; `SharedSeenKeys` claims them in the shared database,
so any number of workers take each event up once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict

from bot.store.base import Store, StoreError

log = logging.getLogger(__name__)


class SeenKeys:
    def __init__(self, ttl_seconds: float = 3600, max_keys: int = 50_000) -> None:
        self.ttl = ttl_seconds
        self.max_keys = max_keys
        self._seen: OrderedDict[object, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: object) -> bool:
        """True the first time `key` is offered (within the TTL), False on every repeat."""
        now = time.monotonic()
        with self._lock:
            while self._seen:  # oldest first: drop expired keys and any over the cap
                oldest, at = next(iter(self._seen.items()))
                if now - at < self.ttl and len(self._seen) < self.max_keys:
                    break
                del self._seen[oldest]
            if key in self._seen:
                return False
            self._seen[key] = now
            return True


class SharedSeenKeys:
    """`first_time` over the store's once-only claims, so a redelivered event, or its retry
    landing on another worker, is taken up by one process only.

    When the database cannot be reached it falls back to this process's memory, says so once in
    the log, and tries the database again every `retry_seconds` until it is back.
    """

    def __init__(
        self,
        store: Store,
        namespace: str,
        *,
        ttl_seconds: float = 3600,
        retry_seconds: float = 5.0,
    ) -> None:
        self.store = store
        self.namespace = namespace
        self.ttl = ttl_seconds
        self.retry_seconds = retry_seconds
        # Every key is remembered here too: during an outage, events already seen stay seen.
        self.local = SeenKeys(ttl_seconds)
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._next_try = 0.0

    @property
    def falling_back(self) -> bool:
        return self._down_since is not None

    def first_time(self, key: object) -> bool:
        name = f"{self.namespace}:{key}"
        now = time.monotonic()
        with self._lock:
            use_store = self._down_since is None or now >= self._next_try
        if use_store:
            try:
                claimed = self.store.claim(name, self.ttl)
            except StoreError as err:
                self._went_down(now, err)
            else:
                self._came_back()
                # Taken up here during an outage, so the database never heard of it: not again.
                first_here = self.local.first_time(name)
                return claimed and first_here
        return self.local.first_time(name)

    def _went_down(self, now: float, err: StoreError) -> None:
        with self._lock:
            self._next_try = now + self.retry_seconds
            if self._down_since is not None:
                return
            self._down_since = now
        log.warning(
            "de-duplicating chat events in this process only until the database is back: %s", err
        )

    def _came_back(self) -> None:
        with self._lock:
            if self._down_since is None:
                return
            down_for = time.monotonic() - self._down_since
            self._down_since = None
        log.warning(
            "the database is back after %.0f s: chat events are claimed there again", down_for
        )


def seen_keys_for(store: Store, namespace: str) -> SeenKeys | SharedSeenKeys:
    """What a chat adapter de-duplicates through: the store's claims when other processes share
    the store (PostgreSQL), else this process's memory, as on the embedded default."""
    return SharedSeenKeys(store, namespace) if store.shared else SeenKeys()

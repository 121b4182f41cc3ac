"""Remembers which chat messages have been taken up, so a redelivered event is answered once.

Slack retries events (`X-Slack-Retry-Num`) and sends a channel mention twice (`app_mention` and
`message`); Discord replays gateway events after a resume. Each adapter keys its messages.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


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

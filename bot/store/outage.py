"""The shared database being away, as one process sees it.

De-duplication's claims and the per-user cooldown each fall back to this process's memory while
the database cannot be reached: the outage is said once in the log when it starts and once when
it ends, and the database is tried again every `retry_seconds` meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time


class StoreOutage:
    def __init__(self, log: logging.Logger, doing: str, again: str, retry_seconds: float) -> None:
        self.log = log  # the caller's, so its log lines say who fell back
        self.doing = doing  # what is done in this process only meanwhile
        self.again = again  # what the database does again once it is back
        self.retry_seconds = retry_seconds
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._next_try = 0.0

    @property
    def down(self) -> bool:
        return self._down_since is not None

    def due(self, now: float | None = None) -> bool:
        """Up, or down long enough that the database is worth trying again."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return self._down_since is None or now >= self._next_try

    def went_down(self, err: Exception, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._next_try = now + self.retry_seconds
            if self._down_since is not None:
                return
            self._down_since = now
        # StoreError's text shows the database URL with its password masked.
        self.log.warning("%s until the database is back: %s", self.doing, err)

    def came_back(self) -> None:
        with self._lock:
            if self._down_since is None:
                return
            down_for = time.monotonic() - self._down_since
            self._down_since = None
        self.log.warning("the database is back after %.0f s: %s", down_for, self.again)

"""A per-user flood guard: at most N questions in a sliding window of S seconds."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Cooldown:
    def __init__(
        self, questions: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.questions = questions
        self.seconds = seconds
        self._clock = clock
        self._asked: dict[int, deque[float]] = {}

    def retry_after(self, user_id: int) -> float:
        """0 and the question counted if the user may ask now, else the seconds left to wait."""
        now = self._clock()
        times = self._asked.setdefault(user_id, deque())
        while times and now - times[0] >= self.seconds:
            times.popleft()
        if len(times) >= self.questions:
            return self.seconds - (now - times[0])
        times.append(now)
        if len(self._asked) > 10_000:  # forget idle users so memory stays bounded
            self._prune(now)
        return 0.0

    def _prune(self, now: float) -> None:
        idle = [u for u, t in self._asked.items() if not t or now - t[-1] >= self.seconds]
        for user in idle:
            del self._asked[user]


def polite_wait(seconds: float) -> str:
    return (
        f"You're asking faster than I can keep up with: please wait {max(1, round(seconds))} s "
        "and ask again."
    )

"""Remembers which chat messages have been taken up, so a redelivered event is answered once.

Slack retries events (`X-Slack-Retry-Num`) and sends a channel mention twice (`app_mention` and
`message`); Discord replays gateway events after a resume. Each adapter keys its messages.
`SeenKeys` remembers them in this process; `SharedSeenKeys` claims them in the shared database,
so any number of workers take each event up once.

Two kinds of claim. `first_time` is finished the moment it is made (Discord). `take` (Slack)
is held by this worker, under a lease it renews every few seconds, until `finish` says the
answer was posted: when the worker dies first (`kill -9`, a lost machine), the lease runs out
and a retry of the event, or any other worker's `orphans` sweep (the claim keeps the event),
takes it over and answers it. What that guarantees is written down in docs/deploying.md.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections import OrderedDict

from bot.store.base import CLAIM_NEW, CLAIM_TAKEN_OVER, Store, StoreError
from bot.store.outage import StoreOutage

__all__ = ["CLAIM_NEW", "CLAIM_TAKEN_OVER", "SeenKeys", "SharedSeenKeys", "seen_keys_for"]
LEASE_SECONDS = 10.0  # a claim's owner is presumed gone this long after its last renewal
RENEW_EVERY_SECONDS = 3.0  # so a lease survives two missed renewals

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

    def take(self, key: object, payload: str | None = None) -> str | None:
        """In one process, nothing outlives its owner: a held claim is a finished one."""
        return CLAIM_NEW if self.first_time(key) else None

    def finish(self, key: object) -> None:
        return

    def orphans(self) -> list[tuple[str, str]]:
        return []

    def close(self) -> None:
        return


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
        lease_seconds: float = LEASE_SECONDS,
        renew_every: float = RENEW_EVERY_SECONDS,
    ) -> None:
        self.store = store
        self.namespace = namespace
        self.ttl = ttl_seconds
        self.lease = lease_seconds
        self.renew_every = renew_every
        # Unique per process start: a restarted worker never mistakes a dead one's claims for
        # its own.
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._held: set[str] = set()  # this worker's unfinished claims: renewed while held
        self._renewer: threading.Thread | None = None
        self._stopped = threading.Event()
        # Every key is remembered here too: during an outage, events already seen stay seen.
        self.local = SeenKeys(ttl_seconds)
        self._lock = threading.Lock()
        self.outage = StoreOutage(
            log,
            "de-duplicating chat events in this process only",
            "chat events are claimed there again",
            retry_seconds,
        )

    @property
    def falling_back(self) -> bool:
        return self.outage.down

    def first_time(self, key: object) -> bool:
        name = f"{self.namespace}:{key}"
        now = time.monotonic()
        if self.outage.due(now):
            try:
                claimed = self.store.claim(name, self.ttl)
            except StoreError as err:
                self.outage.went_down(err, now)
            else:
                self.outage.came_back()
                # Taken up here during an outage, so the database never heard of it: not again.
                first_here = self.local.first_time(name)
                return claimed and first_here
        return self.local.first_time(name)

    def take(self, key: object, payload: str | None = None) -> str | None:
        """Claim `key` until `finish(key)`: CLAIM_NEW, CLAIM_TAKEN_OVER (a dead owner's; check
        whether it had posted before answering again), or None (finished, or held by a live
        owner, who will answer it). `payload` lets another worker answer it should this one
        die."""
        name = f"{self.namespace}:{key}"
        now = time.monotonic()
        if self.outage.due(now):
            try:
                taken = self.store.take_claim(
                    name,
                    self.owner,
                    lease_seconds=self.lease,
                    ttl_seconds=self.ttl,
                    payload=payload,
                )
            except StoreError as err:
                self.outage.went_down(err, now)
            else:
                self.outage.came_back()
                first_here = self.local.first_time(name)
                if taken == CLAIM_NEW and not first_here:
                    # Taken up here during an outage, so the database had not heard of it: the
                    # claim just made there is finished at once, never left for a sweep.
                    self._finish_in_store(name)
                    taken = None
                if taken is not None:
                    self._hold(name)
                return taken
        return CLAIM_NEW if self.local.first_time(name) else None

    def finish(self, key: object) -> None:
        """The answer to `key` is posted: nobody takes the claim over any more."""
        name = f"{self.namespace}:{key}"
        with self._lock:
            self._held.discard(name)
        self._finish_in_store(name)

    def _finish_in_store(self, name: str) -> None:
        try:
            self.store.finish_claim(name, self.owner)
        except StoreError as err:  # the lease runs out; a sweep then checks Slack first
            self.outage.went_down(err)

    def orphans(self, limit: int = 20) -> list[tuple[str, str]]:
        """Claims of this namespace that a dead worker left unanswered, now this worker's:
        (key without the namespace, payload) each."""
        now = time.monotonic()
        if not self.outage.due(now):
            return []
        prefix = f"{self.namespace}:"
        try:
            taken = self.store.take_orphans(prefix, self.owner, self.lease, limit)
        except StoreError as err:
            self.outage.went_down(err, now)
            return []
        self.outage.came_back()
        for name, _ in taken:
            self._hold(name)
        return [(name[len(prefix) :], payload) for name, payload in taken]

    def _hold(self, name: str) -> None:
        with self._lock:
            self._held.add(name)
            if self._renewer is None:
                self._renewer = threading.Thread(
                    target=self._renew_forever, name=f"evbot-{self.namespace}-leases", daemon=True
                )
                self._renewer.start()

    def close(self) -> None:
        """Stop renewing: what this worker still holds is left for the others to take over."""
        self._stopped.set()

    def _renew_forever(self) -> None:
        """Renew this worker's leases while it holds any: the heartbeat that says it lives."""
        failing = False
        while not self._stopped.wait(self.renew_every):
            with self._lock:
                holding = bool(self._held)
            if not holding:
                continue
            try:
                self.store.renew_claims(self.owner, self.lease)
            except StoreError as err:
                if not failing:  # once per outage, not every few seconds
                    log.warning("could not renew this worker's claims: %s", err)
                failing = True
            else:
                failing = False


def seen_keys_for(store: Store, namespace: str) -> SeenKeys | SharedSeenKeys:
    """What a chat adapter de-duplicates through: the store's claims when other processes share
    the store (PostgreSQL), else this process's memory, as on the embedded default."""
    return SharedSeenKeys(store, namespace) if store.shared else SeenKeys()

"""The index, published through the database to every worker.

Where a platform gives each process its own disk (wiped at each restart) and runs the release
phase in a throwaway process, an index built there reaches no worker. So with PostgreSQL
configured, `evbot index build` publishes the finished build (every file, with its checksum)
and moves the "current build" pointer in one transaction; each worker pulls the current build
into its local `index/` at start and, polling every few seconds, any newer one between
questions. A pulled build becomes current locally (the symlink swap that the answer layer's
hot reload already follows) only once every file is on disk and matches its checksum: a
truncated or corrupt one is refused, logged, and the previous build keeps serving.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import uuid
from pathlib import Path
from typing import Protocol

from bot.errors import IndexUnavailable
from bot.index import (
    MANIFEST,
    live_build,
    read_manifest,
    remove_old_builds,
    swap_current,
    verify_checksums,
)
from bot.store.base import StoreError

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0  # how soon a worker notices a newly published build


class PublishingStore(Protocol):
    closed: bool

    def publish_build(self, name: str, manifest: dict, files: list[tuple[str, str, bytes]]) -> None:
        """One transaction: the files and the current pointer."""

    def current_build(self) -> str | None:
        """The published current build."""

    def build_files(self, name: str) -> tuple[dict, list[tuple[str, str, int, bytes]]] | None:
        """A published build's manifest and files."""


def publish(store: PublishingStore, index_dir: Path) -> str | None:
    """Publish the live local build unless it is already the published one; its name if so."""
    build, manifest = read_manifest(index_dir)
    if store.current_build() == build.name:
        return None
    files = [
        (path.relative_to(build).as_posix(), hashlib.sha256(data).hexdigest(), data)
        for path in sorted(build.rglob("*"))
        if path.is_file()
        for data in [path.read_bytes()]
    ]
    store.publish_build(build.name, manifest, files)
    return build.name


def pull(store: PublishingStore, index_dir: Path, name: str | None = None) -> str | None:
    """Make the published current build (or `name`) the local current one; its name when that
    changed anything. IndexUnavailable, naming the file, for a build that is incomplete or
    fails a checksum: nothing local changes then."""
    name = name or store.current_build()
    if name is None or live_build(index_dir) == name:
        return None
    target = index_dir / name
    if not (target / MANIFEST).exists():
        published = store.build_files(name)
        if published is None:
            return None  # pruned meanwhile: a newer one is current; the next poll takes it
        _download(index_dir, name, *published)
    previous = live_build(index_dir)
    swap_current(index_dir, name)
    remove_old_builds(index_dir, keep={name, previous})
    return name


def _download(
    index_dir: Path, name: str, manifest: dict, files: list[tuple[str, str, int, bytes]]
) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    staging = index_dir / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        for path, digest, size, data in files:
            if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
                raise IndexUnavailable(
                    f"published build {name} refused: {path} is truncated or fails its checksum"
                )
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        missing = sorted((set(manifest.get("files", {})) | {MANIFEST}) - {p for p, *_ in files})
        if missing:
            raise IndexUnavailable(f"published build {name} refused: {missing[0]} is missing")
        verify_checksums(staging, manifest)  # the build's own checksums, as every load does
        try:
            staging.rename(index_dir / name)
        except OSError:
            if not (index_dir / name / MANIFEST).exists():
                raise  # not another worker on this machine having pulled it first
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class IndexFollower:
    """Keeps a worker's local index on the published current build, polling in a thread."""

    def __init__(
        self, store: PublishingStore, index_dir: Path, poll_seconds: float = POLL_SECONDS
    ) -> None:
        self.store = store
        self.index_dir = index_dir
        self.poll_seconds = poll_seconds
        self._refused: str | None = None
        self._unreachable = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sync(self) -> str | None:
        """One poll: the build it pulled and made current, if any. Never raises."""
        try:
            name = self.store.current_build()
            if name is None or name == self._refused:
                return None
            pulled = pull(self.store, self.index_dir, name)
        except StoreError as err:
            if not self._unreachable:
                self._unreachable = True
                log.warning("cannot check for a newly published index: %s", err)
            return None
        except IndexUnavailable as err:
            self._refused = name
            log.error("%s; still serving %s", err, live_build(self.index_dir) or "no index")
            return None
        except OSError as err:  # a full disk: the next poll tries again
            log.error("could not pull the published index into %s: %s", self.index_dir, err)
            return None
        self._unreachable = False
        if pulled:
            log.info("pulled published index build %s", pulled)
        return pulled

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="evbot-index", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            if getattr(self.store, "closed", False):
                return
            self.sync()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

"""The index, published through the database to every worker.

Where a platform gives each process its own disk (wiped at each restart) and runs the release
phase in a throwaway process, an index built there reaches no worker. So with PostgreSQL
configured, `evbot index build` publishes the finished build (every file streamed from disk in
chunks, with its SHA-256) and moves the "current build" pointer in one transaction; each worker
pulls the current build into its local `index/` at start and, polling every few seconds, any
newer one between questions. A pulled build becomes current locally (the symlink swap that the
answer layer's hot reload already follows) only once every file, streamed to disk a chunk at a
time, is whole and matches its checksum: a truncated or corrupt one is refused, logged, and the
previous build keeps serving. No file is ever held in memory whole (at scale one is 1.5 GB).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import shutil
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path, PurePosixPath
from typing import Protocol

from bot.errors import IndexUnavailable
from bot.index import (
    MANIFEST,
    VERIFIED,
    live_build,
    read_manifest,
    remove_old_builds,
    swap_current,
    verify_checksums,
)
from bot.store.base import StoreError

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0  # how soon a worker notices a newly published build
# Bytes per stored row of a published file. Rows of bytea rather than PostgreSQL large objects:
# psycopg 3 has no large-object API (psycopg/psycopg#73), large objects outlive the rows that
# name them unless unlinked by hand, and rows prune with their build by ON DELETE CASCADE. 8 MiB
# keeps a round trip's overhead small against its transfer and memory at a few chunks at most.
# Migration 8 ("published index in chunks") cuts builds published before it at the same size.
CHUNK_BYTES = 8 << 20


class OutgoingFile:
    """A file of the build being published, read from disk a chunk at a time; its SHA-256 and
    size are those of the bytes actually read, known once chunks() is exhausted."""

    def __init__(self, path: str, source: Path, chunk_bytes: int = CHUNK_BYTES) -> None:
        self.path = path
        self.source = source
        self.chunk_bytes = chunk_bytes
        self.size = 0
        self._hash = hashlib.sha256()

    def chunks(self) -> Iterator[bytes]:
        with self.source.open("rb") as stream:
            while data := stream.read(self.chunk_bytes):
                self._hash.update(data)
                self.size += len(data)
                yield data

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


# A published build as the store reads it back: its manifest, its files (path, sha256, size,
# number of chunks) and its chunks (path, n, data) in path then n order.
IncomingBuild = tuple[dict, list[tuple[str, str, int, int]], Iterator[tuple[str, int, bytes]]]


class PublishingStore(Protocol):
    closed: bool

    def publish_build(self, name: str, manifest: dict, files: Sequence[OutgoingFile]) -> None:
        """One transaction: the files, streamed in chunks, and the current pointer."""

    def current_build(self) -> str | None:
        """The published current build."""

    def read_build(self, name: str) -> AbstractContextManager[IncomingBuild | None]:
        """A published build, its chunks streamed; None if pruned."""


def publish(store: PublishingStore, index_dir: Path, chunk_bytes: int = CHUNK_BYTES) -> str | None:
    """Publish the live local build unless it is already the published one; its name if so."""
    build, manifest = read_manifest(index_dir)
    if store.current_build() == build.name:
        return None
    files = [
        OutgoingFile(path.relative_to(build).as_posix(), path, chunk_bytes)
        for path in sorted(build.rglob("*"))
        if path.is_file() and path.name != VERIFIED  # this machine's record, not the build's
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
        with store.read_build(name) as published:
            if published is None:
                return None  # pruned meanwhile: a newer one is current; the next poll takes it
            _download(index_dir, name, *published)
    previous = live_build(index_dir)
    swap_current(index_dir, name)
    remove_old_builds(index_dir, keep={name, previous})
    return name


def _download(
    index_dir: Path,
    name: str,
    manifest: dict,
    files: list[tuple[str, str, int, int]],
    chunks: Iterator[tuple[str, int, bytes]],
) -> None:
    """Write a published build into a staging folder a chunk at a time, hashing on the way, and
    rename it into place only once every file is whole and matches its SHA-256."""
    index_dir.mkdir(parents=True, exist_ok=True)
    staging = index_dir / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    expected = {path: (digest, size, count) for path, digest, size, count in files}
    try:
        written: set[str] = set()
        for path, rows in itertools.groupby(chunks, key=lambda chunk: chunk[0]):
            _write_file(name, staging, path, rows, expected.get(path))
            written.add(path)
        for path in sorted(expected.keys() - written):  # no chunk at all: whole only if empty
            _write_file(name, staging, path, iter(()), expected[path])
        missing = sorted((set(manifest.get("files", {})) | {MANIFEST}) - set(expected))
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


def _write_file(
    name: str,
    staging: Path,
    path: str,
    rows: Iterator[tuple[str, int, bytes]],
    expected: tuple[str, int, int] | None,
) -> None:
    """One file from its chunks, in order; IndexUnavailable naming it if any is missing or
    altered, or the whole is short or fails its SHA-256."""

    def refused(why: str) -> IndexUnavailable:
        return IndexUnavailable(f"published build {name} refused: {path} {why}")

    relative = PurePosixPath(path)
    if expected is None or relative.is_absolute() or ".." in relative.parts:
        raise refused("is not one of its files")
    digest, size, count = expected
    target = staging / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    hashed, length, next_n = hashlib.sha256(), 0, 0
    with target.open("wb") as out:
        for _, n, data in rows:
            if n != next_n:
                raise refused(f"is missing chunk {next_n} of {count}")
            hashed.update(data)
            out.write(data)
            length += len(data)
            next_n += 1
    if next_n != count:
        raise refused(f"has {next_n} of its {count} chunks")
    if length != size:
        raise refused(f"is truncated: {length} of {size} bytes")
    if hashed.hexdigest() != digest:
        raise refused("fails its checksum")


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

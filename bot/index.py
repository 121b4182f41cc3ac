"""Passages -> the index on disk, and back.

Layout of `index/`:
    current -> <build id>/      symlink to the live build, swapped atomically by `os.replace`
    <build id>/manifest.json    format, model, dimension, chunking, articles (with content hashes),
                                counts, build time, and the size of every other file
    <build id>/passages.json    passage metadata and text
    <build id>/vectors.faiss    one normalised vector per passage (inner product = cosine)
    <build id>/sentences.npy    one normalised vector per sentence, passages' sentences in order
    <build id>/lexical/         BM25 index
A build writes a new folder beside the live one and swaps the symlink only once every file is on
disk, so a crash or kill at any moment leaves the previous build serving.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bot.chunking import Passage, chunk_articles
from bot.corpus import CorpusProblem, load_corpus
from bot.embedding import Embedder
from bot.errors import BuildInProgress, CorpusError, IndexUnavailable
from bot.lexical import LexicalIndex
from bot.settings import Settings

FORMAT_VERSION = 1
CURRENT = "current"
MANIFEST = "manifest.json"
PASSAGES = "passages.json"
VECTORS = "vectors.faiss"
SENTENCES = "sentences.npy"
LEXICAL = "lexical"
REBUILD_HINT = "run: evbot index build"


@dataclass
class BuildReport:
    articles: int
    passages: int
    embedded: int
    sentences: int
    seconds: float
    path: str
    problems: list[CorpusProblem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "passages": self.passages,
            "embedded": self.embedded,
            "sentences": self.sentences,
            "seconds": round(self.seconds, 3),
            "path": self.path,
            "problems": [{"path": p.path, "reason": p.reason} for p in self.problems],
        }


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """An exclusive lock held by the kernel, so a killed build never leaves a stale lock."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".build.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildInProgress(f"another index build is running in {index_dir}") from None
        yield


def build_index(settings: Settings, embedder: Embedder, *, progress: bool = False) -> BuildReport:
    started = time.perf_counter()
    index_dir = settings.index_dir
    with build_lock(index_dir):
        _remove_unfinished_builds(index_dir)
        corpus = load_corpus(settings.corpus_dir)
        if not corpus.articles:
            why = "; ".join(map(str, corpus.problems)) or "no .md, .txt or .html files"
            raise CorpusError(f"no article to index in {settings.corpus_dir} ({why})")
        passages = chunk_articles(
            corpus.articles, embedder.count_tokens, settings.chunk_tokens, embedder.max_tokens
        )
        passage_vectors = embedder.encode([_dense_text(p) for p in passages], progress=progress)
        sentence_texts = [s for p in passages for s in p.sentence_texts()]
        sentence_vectors = embedder.encode(sentence_texts, progress=progress)

        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        staging = index_dir / f".{build_id}.tmp"
        staging.mkdir()
        _write_json(staging / PASSAGES, [_passage_record(p) for p in passages])
        _write_vectors(staging / VECTORS, passage_vectors)
        np.save(staging / SENTENCES, sentence_vectors)
        titles = {a.doc_id: a.title for a in corpus.articles}
        LexicalIndex.build([_lexical_text(p, titles) for p in passages]).save(staging / LEXICAL)
        manifest = {
            "format": FORMAT_VERSION,
            "model": settings.model,
            "dimension": int(passage_vectors.shape[1]),
            "chunking": {"target_tokens": settings.chunk_tokens, "max_tokens": embedder.max_tokens},
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "counts": {
                "articles": len(corpus.articles),
                "passages": len(passages),
                "sentences": len(sentence_texts),
            },
            "articles": {
                a.doc_id: {
                    **a.metadata(),
                    "content_hash": a.content_hash,
                    "passages": sum(p.doc_id == a.doc_id for p in passages),
                }
                for a in corpus.articles
            },
            "files": _file_sizes(staging),
        }
        _write_json(staging / MANIFEST, manifest)
        _fsync_tree(staging)
        final = index_dir / build_id
        staging.rename(final)
        previous = _live_build(index_dir)
        _swap_current(index_dir, build_id)
        _remove_old_builds(index_dir, keep={build_id, previous})
    return BuildReport(
        articles=len(corpus.articles),
        passages=len(passages),
        embedded=len(passages),
        sentences=len(sentence_texts),
        seconds=time.perf_counter() - started,
        path=str(final),
        problems=corpus.problems,
    )


def _dense_text(passage: Passage) -> str:
    """The section heading is embedded with the passage: it says what the passage is about."""
    return f"{passage.section}: {passage.text}" if passage.section else passage.text


def _lexical_text(passage: Passage, titles: dict[str, str]) -> str:
    """BM25 also sees the title and section, which name what a passage is about."""
    return " ".join(filter(None, [titles.get(passage.doc_id), passage.section, passage.text]))


def _passage_record(p: Passage) -> dict[str, Any]:
    return {
        "id": p.id,
        "doc_id": p.doc_id,
        "section": p.section,
        "start": p.start,
        "end": p.end,
        "text": p.text,
        "sentences": [list(s) for s in p.sentences],
    }


def _write_json(path: Path, data: Any) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)


def _write_vectors(path: Path, vectors: np.ndarray) -> None:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    faiss.write_index(index, str(path))


def _file_sizes(root: Path) -> dict[str, int]:
    return {
        p.relative_to(root).as_posix(): p.stat().st_size
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _fsync_tree(root: Path) -> None:
    for path in [*root.rglob("*"), root]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _live_build(index_dir: Path) -> str | None:
    link = index_dir / CURRENT
    return os.readlink(link) if link.is_symlink() else None


def _swap_current(index_dir: Path, build_id: str) -> None:
    tmp_link = index_dir / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
    os.symlink(build_id, tmp_link)
    os.replace(tmp_link, index_dir / CURRENT)  # atomic on POSIX: readers see old or new, never none


def _remove_unfinished_builds(index_dir: Path) -> None:
    """Staging folders and links left by a killed build (safe: we hold the build lock)."""
    for path in index_dir.glob(".*"):
        if path.name.endswith(".tmp") and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(f".{CURRENT}.") and path.is_symlink():
            path.unlink()


def _remove_old_builds(index_dir: Path, keep: set[str | None]) -> None:
    """Drop builds before the previous one; that one stays for processes still reading it."""
    for path in index_dir.iterdir():
        finished_build = path.is_dir() and not path.is_symlink() and (path / MANIFEST).exists()
        if finished_build and not path.name.startswith(".") and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Loading


def read_manifest(index_dir: Path) -> tuple[Path, dict[str, Any]]:
    """(build folder, manifest) of the live index, or IndexUnavailable saying what to run."""
    link = index_dir / CURRENT
    if not link.exists():
        raise IndexUnavailable(f"no index in {index_dir}; {REBUILD_HINT}")
    build = link.resolve()
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as err:
        raise IndexUnavailable(
            f"index in {index_dir} is corrupt ({MANIFEST}: {type(err).__name__}); {REBUILD_HINT}"
        ) from None
    return build, manifest


def check_manifest(index_dir: Path, manifest: dict[str, Any], model: str) -> None:
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexUnavailable(
            f"index in {index_dir} has format {manifest.get('format')!r}, this evbot reads "
            f"format {FORMAT_VERSION}; {REBUILD_HINT}"
        )
    if manifest.get("model") != model:
        raise IndexUnavailable(
            f"index in {index_dir} was built with model {manifest.get('model')!r} but EVBOT_MODEL "
            f"is {model!r}; {REBUILD_HINT}"
        )


@dataclass
class SearchIndex:
    """A loaded build: everything the retriever searches, in memory."""

    path: Path
    manifest: dict[str, Any]
    passages: list[Passage]
    dense: Any  # faiss.Index over passage vectors
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray
    sentence_offsets: np.ndarray  # row of each passage's first sentence in sentence_vectors
    lexical: LexicalIndex

    @property
    def build_id(self) -> str:
        return self.path.name

    def article(self, doc_id: str) -> dict[str, Any]:
        return self.manifest["articles"][doc_id]


def load_index(index_dir: Path, model: str) -> SearchIndex:
    build, manifest = read_manifest(index_dir)
    check_manifest(index_dir, manifest, model)
    try:
        _check_file_sizes(build, manifest)
        passages = [
            Passage(
                id=r["id"],
                doc_id=r["doc_id"],
                section=r["section"],
                start=r["start"],
                end=r["end"],
                text=r["text"],
                sentences=tuple((s, e) for s, e in r["sentences"]),
            )
            for r in json.loads((build / PASSAGES).read_text(encoding="utf-8"))
        ]
        import faiss

        dense = faiss.read_index(str(build / VECTORS))
        passage_vectors = dense.reconstruct_n(0, dense.ntotal)
        sentence_vectors = np.load(build / SENTENCES)
        lexical = LexicalIndex.load(build / LEXICAL)
        counts = np.array([len(p.sentences) for p in passages], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(passages) else counts
        if dense.ntotal != len(passages) or len(sentence_vectors) != int(counts.sum()):
            raise ValueError("vector counts do not match the passages")
    except Exception as err:  # any unreadable part means the same thing to the user: rebuild
        raise IndexUnavailable(
            f"index in {index_dir} is corrupt ({str(err).splitlines()[0][:120]}); {REBUILD_HINT}"
        ) from None
    return SearchIndex(
        path=build,
        manifest=manifest,
        passages=passages,
        dense=dense,
        passage_vectors=passage_vectors,
        sentence_vectors=sentence_vectors,
        sentence_offsets=offsets,
        lexical=lexical,
    )


def _check_file_sizes(build: Path, manifest: dict[str, Any]) -> None:
    for name, size in manifest.get("files", {}).items():
        path = build / name
        if not path.is_file():
            raise ValueError(f"{name} is missing")
        if path.stat().st_size != size:
            raise ValueError(f"{name} is truncated or changed")

"""Passages -> the index on disk, and back.

Layout of `index/`:
    current -> <build id>/      symlink to the live build, swapped atomically by `os.replace`
    <build id>/manifest.json    format, model, dimension, chunking, articles (with content hashes),
                                counts, search, build time, and the size and checksum of every
                                other file (checked at every load: 0.16 s of 4.1 s at 10^5
                                passages, benchmarks/index_checksums.py)
    <build id>/passages.jsonl   one JSON record per passage (metadata and text), and
    <build id>/passage_offsets.npy  where each record starts: read one passage, never all
    <build id>/vectors.npy      one normalised float32 vector per passage (inner product = cosine)
    <build id>/moments.npy      their mean vector and second-moment matrix (exact z-scores)
    <build id>/search.faiss     approximate (IVF) search index, from APPROXIMATE_FROM passages on
    <build id>/sentences.npy    one normalised float16 vector per sentence, passages' in order,
    <build id>/sentence_offsets.npy  and the row of each passage's first sentence
    <build id>/ranking_sentences.npy the same sentences' vectors for the ranking's sentence
                                evidence: the mean of the pooled vector and the sentence encoded
                                alone (float16; absent in builds made before it, or without it)
    <build id>/word_pieces.npy  each word piece's document frequency over the passages (int64,
                                one per vocabulary entry): late interaction's IDF, read instead
                                of tokenizing every passage at load (absent in builds before it)
    <build id>/lexical/         BM25 index
Arrays are memory-mapped at load, so a question reads the few rows it needs and memory grows
with what is asked, not with the corpus (docs/scale.md has the measured curve).
A build writes a new folder beside the live one and swaps the symlink only once every file is on
disk, so a crash or kill at any moment leaves the previous build serving.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import logging
import mmap
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args, overload

import numpy as np

from bot.chunking import Passage, chunk_articles
from bot.corpus import Article, CorpusProblem, load_corpus
from bot.embedding import Embedder, set_thread_pools
from bot.errors import BuildInProgress, CorpusError, IndexUnavailable
from bot.lexical import LexicalIndex
from bot.ranking import top_k, vector_moments
from bot.settings import Settings

# 2: sentence vectors pooled from the passage pass; BM25 with k1 = 0.9, b = 0.4.
# 3: passages are the articles' plain text, their Markdown read away (bot/corpus.py).
# 4: memory-mapped passages and vectors, float16 sentences, moments, FAISS search (IVF) at scale.
FORMAT_VERSION = 4
CURRENT = "current"
MANIFEST = "manifest.json"
PASSAGES = "passages.jsonl"
PASSAGE_OFFSETS = "passage_offsets.npy"
VECTORS = "vectors.npy"
MOMENTS = "moments.npy"
SEARCH = "search.faiss"
SENTENCES = "sentences.npy"
SENTENCE_OFFSETS = "sentence_offsets.npy"
RANKING_SENTENCES = "ranking_sentences.npy"
WORD_PIECES = "word_pieces.npy"
# Passages tokenized at once when counting word pieces: a batch's ids stay a few MB.
WORD_PIECE_BATCH = 1024
# Below this many passages FAISS searches exactly (a flat index, about 1 ms at 10^4 passages);
# from it on, an IVF index searches a few lists (docs/scale.md: latency and recall measured).
APPROXIMATE_FROM = 50_000
# Lists searched per question, of sqrt(passages) lists: at 10^5 passages 8 probes kept recall@10
# where 64 have it and took 3.6 ms against 25 ms (docs/scale.md).
IVF_PROBES = 8
LEXICAL = "lexical"
# The files that passed their checksums, by identity (inode, size, times): a load reads again only
# what changed since, so 4.75 GB at 10^6 passages are not read at every start (docs/scale.md).
VERIFIED = "verified.json"
# A file changed less than this before its identity was recorded is verified again (clock ticks).
VERIFIED_RACE_NS = 1_000_000_000
REBUILD_HINT = "run: evbot index build"
FULL_REBUILD_HINT = "run: evbot index build --full"
CHECKSUM_BLOCK = 8 * 1024 * 1024
# sentences.npy holds vectors pooled from the passage pass's token embeddings: the quote is
# chosen with them. The ranking's sentence evidence reads RANKING_SENTENCES, made the way the
# manifest's "ranking_sentences" says: "pooled+own", the mean of the pooled vector and the
# sentence encoded alone (one more encoder pass, over short texts), ranked the right passage
# higher than either while the pooled ones quote better (docs/quality-log.md); "none": no such file
# (builds before it, or made without the extra pass), so the ranking has no sentence evidence.
RankingSentences = Literal["pooled+own", "none"]
RANKING_SENTENCE_VECTORS: RankingSentences = "pooled+own"

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    articles: int
    passages: int
    embedded: int  # passages embedded by this build; the rest kept their vectors
    added: int
    changed: int
    removed: int
    unchanged: int
    seconds: float
    path: str
    up_to_date: bool = False  # nothing changed, so no new build was written
    problems: list[CorpusProblem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data


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


@dataclass
class _Vectors:
    """Passages with their passage and sentence vectors, in one order."""

    passages: list[Passage]
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray  # pooled: the quote's
    ranking_sentence_vectors: np.ndarray | None = None  # the ranking's; None: no such file


def build_index(
    settings: Settings,
    embedder: Embedder,
    *,
    full: bool = False,
    progress: bool = False,
    ranking_sentences: RankingSentences | None = None,
) -> BuildReport:
    """Bring index/ up to date with corpus/: only new and changed articles are embedded.

    `ranking_sentences` overrides the setting `EVBOT_RANKING_SENTENCES` (benchmarks, tests).
    """
    started = time.perf_counter()
    if ranking_sentences is None:
        ranking_sentences = settings.ranking_sentences
    index_dir = settings.index_dir
    with build_lock(index_dir):
        _remove_unfinished_builds(index_dir)
        corpus = load_corpus(settings.corpus_dir)
        if not corpus.articles:
            why = "; ".join(map(str, corpus.problems)) or "no .md, .txt or .html files"
            raise CorpusError(f"no article to index in {settings.corpus_dir} ({why})")
        old_hashes = _live_hashes(index_dir)
        diff = [a for a in corpus.articles if old_hashes.get(a.doc_id) != a.content_hash]
        added = sum(a.doc_id not in old_hashes for a in diff)
        current_ids = {a.doc_id for a in corpus.articles}
        removed = sum(doc_id not in current_ids for doc_id in old_hashes)
        old = None if full else _reusable_index(settings, ranking_sentences)
        fresh = diff if old is not None else corpus.articles

        def report(passages: int, embedded: int, path: Path, up_to_date: bool) -> BuildReport:
            return BuildReport(
                articles=len(corpus.articles),
                passages=passages,
                embedded=embedded,
                added=added,
                changed=len(diff) - added,
                removed=removed,
                unchanged=len(corpus.articles) - len(diff),
                seconds=time.perf_counter() - started,
                path=str(path),
                up_to_date=up_to_date,
                problems=corpus.problems,
            )

        if old is not None and not fresh and not removed:
            return report(len(old.passages), 0, old.path, up_to_date=True)

        new = _embed(fresh, settings, embedder, progress, ranking_sentences) if fresh else None
        vectors = _assemble(corpus.articles, {a.doc_id for a in fresh}, old, new)
        max_tokens = embedder.max_tokens if new else old.manifest["chunking"]["max_tokens"]
        word_pieces = _word_pieces(vectors.passages, {a.doc_id for a in fresh}, old, embedder)
        path = _write_build(
            index_dir, corpus.articles, vectors, settings, max_tokens, word_pieces=word_pieces
        )
    return report(len(vectors.passages), len(new.passages) if new else 0, path, False)


def _live_hashes(index_dir: Path) -> dict[str, str]:
    """Content hash of each article in the live index (empty when there is none to read)."""
    try:
        _, manifest = read_manifest(index_dir)
        return {d: a["content_hash"] for d, a in manifest["articles"].items()}
    except (IndexUnavailable, KeyError, TypeError, AttributeError):
        return {}


def _reusable_index(settings: Settings, ranking_sentences: RankingSentences) -> SearchIndex | None:
    """The live index, if its vectors can be reused: same format, model, chunking, sentences."""
    try:
        old = load_index(settings.index_dir, settings.model)
    except IndexUnavailable as err:
        if (settings.index_dir / CURRENT).exists():
            log.warning("rebuilding everything: %s", err)
        return None
    if old.manifest.get("chunking", {}).get("target_tokens") != settings.chunk_tokens:
        log.info("chunking changed: rebuilding everything")
        return None
    made = old.manifest.get("sentence_vectors", "pooled"), ranking_sentences_of(old.manifest)
    if made != ("pooled", ranking_sentences):
        log.info("sentence vectors made another way: rebuilding everything")
        return None
    return old


def _embed(
    articles: list[Article],
    settings: Settings,
    embedder: Embedder,
    progress: bool,
    ranking_sentences: RankingSentences,
) -> _Vectors:
    set_thread_pools(None)  # a build encodes with every core
    passages = chunk_articles(
        articles, embedder.count_tokens, settings.chunk_tokens, embedder.max_tokens
    )
    texts = [_dense_text(p) for p in passages]
    # Sentence spans relative to the embedded text, which may start with the section heading.
    spans = [
        [(s - p.start + len(t) - len(p.text), e - p.start + len(t) - len(p.text))
         for s, e in p.sentences]
        for p, t in zip(passages, texts, strict=True)
    ]  # fmt: skip
    passage_vectors, sentences = embedder.encode_with_spans(texts, spans, progress=progress)
    ranking = None
    if ranking_sentences == "pooled+own":
        # Each sentence read alone as well as in its passage, for the ranking only: the pooled
        # vector alone quotes better (it knows what "it" is), the mean ranks better.
        own = embedder.encode([s for p in passages for s in p.sentence_texts()], progress=progress)
        ranking = sentences + own
        ranking /= np.maximum(np.linalg.norm(ranking, axis=1, keepdims=True), 1e-12)
    # The questions' faster encoder is exported once per machine (~1 min on a busy machine):
    # here, while a build has the model loaded and the cores, not on someone's first question.
    embedder.prepare_query_encoder()
    return _Vectors(passages, passage_vectors, sentences, ranking)


def word_piece_counts(embedder: Embedder, passages: Iterable[Passage]) -> np.ndarray:
    """Each word piece's document frequency over `passages` (their embedded text, truncated at
    the model's window as the encoder reads it; [CLS] and [SEP] not counted): int64, one per
    entry of the model's vocabulary. The model is loaded only when there is a passage."""
    counts: np.ndarray | None = None
    texts = map(_dense_text, passages)
    while batch := list(itertools.islice(texts, WORD_PIECE_BATCH)):
        if counts is None:
            counts = np.zeros(embedder.vocabulary_size, np.int64)
        encoded = embedder.word_piece_ids(batch)
        # Each (passage, piece) once: a piece counts one passage however often it occurs in it.
        pairs = np.unique(
            np.concatenate(
                [row * len(counts) + np.asarray(ids, np.int64) for row, ids in enumerate(encoded)]
            )
        )
        counts += np.bincount(pairs % len(counts), minlength=len(counts))
    if counts is None:
        return np.zeros(embedder.vocabulary_size, np.int64)
    return counts


def _word_pieces(
    passages: Sequence[Passage], fresh: set[str], old: SearchIndex | None, embedder: Embedder
) -> np.ndarray:
    """The new build's word-piece document frequencies: the old build's, less its passages of
    changed and removed articles, plus the fresh passages (all counted when it has none)."""
    known = None if old is None else old.word_piece_counts
    if old is None or known is None:
        return word_piece_counts(embedder, passages)
    kept = {p.doc_id for p in passages} - fresh
    counts = known.copy()
    if not set(old.manifest["articles"]) <= kept:  # else only articles added: none to take away
        counts -= word_piece_counts(embedder, (p for p in old.passages if p.doc_id not in kept))
    if fresh:
        counts += word_piece_counts(embedder, (p for p in passages if p.doc_id in fresh))
    return counts


def _assemble(
    articles: list[Article], fresh: set[str], old: SearchIndex | None, new: _Vectors | None
) -> _Vectors:
    """Passages and vectors in corpus order: fresh ones from `new`, the rest reused from `old`."""
    sources = [s for s in (new, old) if s is not None]
    rows_by_doc = {id(s): _rows_by_doc(s) for s in sources}
    passage_rows: list[tuple[_Vectors | SearchIndex, list[int], list[int]]] = []
    for article in articles:
        source = new if article.doc_id in fresh else old
        assert source is not None
        passages, sentences = rows_by_doc[id(source)].get(article.doc_id, ([], []))
        passage_rows.append((source, passages, sentences))
    # Both sources have ranking vectors or neither: an index made the other way is not reused.
    ranking = None
    if all(s.ranking_sentence_vectors is not None for s in sources):
        ranking = np.concatenate(
            [source.ranking_sentence_vectors[rows] for source, _, rows in passage_rows]  # type: ignore[index]
        )
    return _Vectors(
        [source.passages[i] for source, rows, _ in passage_rows for i in rows],
        np.concatenate([source.passage_vectors[rows] for source, rows, _ in passage_rows]),
        np.concatenate([source.sentence_vectors[rows] for source, _, rows in passage_rows]),
        ranking,
    )


def _rows_by_doc(source: _Vectors | SearchIndex) -> dict[str, tuple[list[int], list[int]]]:
    """Each article's passage rows and sentence rows, found in one pass over the passages."""
    rows: dict[str, tuple[list[int], list[int]]] = {}
    sentence = 0
    for i, passage in enumerate(source.passages):
        passages, sentences = rows.setdefault(passage.doc_id, ([], []))
        passages.append(i)
        sentences.extend(range(sentence, sentence + len(passage.sentences)))
        sentence += len(passage.sentences)
    return rows


def _write_build(
    index_dir: Path,
    articles: list[Article],
    vectors: _Vectors,
    settings: Settings,
    max_tokens: int,
    *,
    word_pieces: np.ndarray | None = None,
) -> Path:
    """Write a complete build beside the live one, then swap it in with one atomic rename.

    `word_pieces`: `word_piece_counts` of the passages (None: no file, as in builds before it).
    """
    passages = vectors.passages
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    staging = index_dir / f".{build_id}.tmp"
    staging.mkdir()
    _write_passages(staging, passages)
    np.save(staging / VECTORS, np.asarray(vectors.passage_vectors, dtype=np.float32))
    mean_vector, second_moment = vector_moments(vectors.passage_vectors)
    np.save(staging / MOMENTS, np.vstack([mean_vector, second_moment]))
    search = _write_search(staging / SEARCH, vectors.passage_vectors)
    # float16: a sentence's cosine moves by ~1e-5, and the largest file halves.
    np.save(staging / SENTENCES, np.asarray(vectors.sentence_vectors, dtype=np.float16))
    ranking_sentences: RankingSentences = "none"
    if vectors.ranking_sentence_vectors is not None:
        ranking_sentences = RANKING_SENTENCE_VECTORS
        ranking = np.asarray(vectors.ranking_sentence_vectors, dtype=np.float16)
        if ranking.shape != vectors.sentence_vectors.shape:
            raise ValueError("the ranking's sentence vectors do not match the sentences")
        np.save(staging / RANKING_SENTENCES, ranking)
    counts = np.array([len(p.sentences) for p in passages], dtype=np.int64)
    np.save(staging / SENTENCE_OFFSETS, np.concatenate([[0], np.cumsum(counts)]))
    if word_pieces is not None:
        np.save(staging / WORD_PIECES, np.asarray(word_pieces, dtype=np.int64))
    titles = {a.doc_id: a.title for a in articles}
    LexicalIndex.build([_lexical_text(p, titles) for p in passages]).save(staging / LEXICAL)
    per_article = Counter(p.doc_id for p in passages)
    manifest = {
        "format": FORMAT_VERSION,
        "model": settings.model,
        "dimension": int(vectors.passage_vectors.shape[1]),
        "chunking": {"target_tokens": settings.chunk_tokens, "max_tokens": max_tokens},
        "sentence_vectors": "pooled",
        "ranking_sentences": ranking_sentences,
        "search": search,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": {
            "articles": len(articles),
            "passages": len(passages),
            "sentences": len(vectors.sentence_vectors),
        },
        "articles": {
            a.doc_id: {
                **a.metadata(),
                "content_hash": a.content_hash,
                "passages": per_article[a.doc_id],
            }
            for a in articles
        },
        "files": _file_sizes(staging),
        "checksums": file_checksums(staging),
    }
    _write_json(staging / MANIFEST, manifest)
    _remember_verified(staging, list(manifest["checksums"]))  # just read back to checksum them
    _fsync_tree(staging)
    final = index_dir / build_id
    staging.rename(final)
    previous = live_build(index_dir)
    swap_current(index_dir, build_id)
    remove_old_builds(index_dir, keep={build_id, previous})
    return final


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


def _write_passages(staging: Path, passages: Sequence[Passage]) -> None:
    """One JSON line per passage, and the byte offset of each line (one more: the end)."""
    offsets = np.zeros(len(passages) + 1, dtype=np.int64)
    with open(staging / PASSAGES, "wb") as handle:
        for i, passage in enumerate(passages):
            line = json.dumps(_passage_record(passage), ensure_ascii=False).encode() + b"\n"
            handle.write(line)
            offsets[i + 1] = offsets[i] + len(line)
    np.save(staging / PASSAGE_OFFSETS, offsets)


def _write_search(path: Path, vectors: np.ndarray) -> dict[str, Any]:
    """The approximate search index from APPROXIMATE_FROM passages on; what the manifest says.

    IVF with 8-bit codes: it builds in a minute at 10^6 passages on 2 cores (HNSW took far
    longer), and its scores only choose candidates, whose cosines are then read exactly from
    vectors.npy.
    """
    rows, dim = vectors.shape
    if rows < APPROXIMATE_FROM:
        return {"kind": "flat"}
    import faiss

    lists = round(np.sqrt(rows))
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFScalarQuantizer(
        quantizer, dim, lists, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
    )
    sample = np.random.default_rng(0).choice(rows, min(rows, 64 * lists), replace=False)
    index.train(np.ascontiguousarray(vectors[np.sort(sample)], dtype=np.float32))
    for start in range(0, rows, 65_536):
        index.add(np.ascontiguousarray(vectors[start : start + 65_536], dtype=np.float32))
    faiss.write_index(index, str(path))
    return {"kind": "ivf", "lists": lists, "probes": IVF_PROBES, "codes": "sq8"}


def _file_sizes(root: Path) -> dict[str, int]:
    return {
        p.relative_to(root).as_posix(): p.stat().st_size
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != VERIFIED
    }


def file_checksums(root: Path) -> dict[str, str]:
    """Each file under `root` but the manifest, by relative path -> "xxh3_128:<hex digest>".

    xxh3, not sha256: it guards against corruption, not tampering, and measured 5.2 GB/s
    against sha256's 1.1 GB/s here (benchmarks/index_checksums.py has the load-time figures).
    """
    return {
        p.relative_to(root).as_posix(): f"xxh3_128:{_xxh3_128(p)}"
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in (MANIFEST, VERIFIED)
    }


def _xxh3_128(path: Path) -> str:
    import xxhash

    digest = xxhash.xxh3_128()
    with open(path, "rb") as handle:
        while block := handle.read(CHECKSUM_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def verify_checksums(build: Path, manifest: dict[str, Any], *, remembered: bool = False) -> None:
    """IndexUnavailable naming the first file whose content is not what the build wrote.

    A manifest without checksums (built before they existed) is checked by file sizes only.
    Once every file has passed, their identities are written to VERIFIED; with `remembered`, a
    file whose identity is still the one recorded is not read again (see _file_identity).
    """
    known = _verified(build) if remembered else {}
    checksums = manifest.get("checksums", {})
    hashed = False
    for name, expected in checksums.items():
        if name in known and known[name] == _file_identity(build / name):
            continue
        hashed = True
        algorithm, _, digest = str(expected).partition(":")
        try:
            actual = _xxh3_128(build / name) if algorithm == "xxh3_128" else None
        except OSError as err:
            actual = None
            why = err.strerror or type(err).__name__
        else:
            why = "checksum mismatch"
        if actual != digest:
            raise IndexUnavailable(
                f"index file {build / name} is corrupt ({why}); {FULL_REBUILD_HINT}"
            )
    if checksums and hashed:
        _remember_verified(build, list(checksums))


def _file_identity(path: Path) -> list[int] | None:
    """Inode, size, and change and modification times: any write, copy or replacement of the
    file changes one of them (a file's ctime can only move forward, to the time of the change).
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def _verified(build: Path) -> dict[str, list[int]]:
    """The identities of the files that passed their checksums, trusted only when recorded
    more than VERIFIED_RACE_NS after the file last changed: a write in the same clock tick as
    the record could leave the time unchanged (git's "racily clean" index entries).
    """
    try:
        record = json.loads((build / VERIFIED).read_text(encoding="utf-8"))
        at = int(record["at_ns"])
        files = record["files"]
        return {
            name: identity
            for name, identity in files.items()
            if isinstance(identity, list)
            and len(identity) == 4
            and max(identity[2], identity[3]) < at - VERIFIED_RACE_NS
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _remember_verified(build: Path, names: list[str]) -> None:
    """Record that these files passed (best effort: a read-only index is verified each load)."""
    record = {"at_ns": time.time_ns(), "files": {n: _file_identity(build / n) for n in names}}
    tmp = build / f".{VERIFIED}.{uuid.uuid4().hex[:8]}"
    try:
        _write_json(tmp, record)
        os.replace(tmp, build / VERIFIED)
    except OSError as err:
        log.debug("could not record the verified checksums in %s: %s", build, err)
        with contextlib.suppress(OSError):
            tmp.unlink()


def _fsync_tree(root: Path) -> None:
    for path in [*root.rglob("*"), root]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def live_build(index_dir: Path) -> str | None:
    link = index_dir / CURRENT
    return os.readlink(link) if link.is_symlink() else None


def swap_current(index_dir: Path, build_id: str) -> None:
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


def remove_old_builds(index_dir: Path, keep: set[str | None]) -> None:
    """Drop builds before the previous one; that one stays for processes still reading it."""
    for path in index_dir.iterdir():
        finished_build = path.is_dir() and not path.is_symlink() and (path / MANIFEST).exists()
        if finished_build and not path.name.startswith(".") and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Loading


def read_manifest(index_dir: Path, build_id: str | None = None) -> tuple[Path, dict[str, Any]]:
    """(build folder, manifest) of the live index (or of `build_id`), or IndexUnavailable."""
    link = index_dir / (build_id or CURRENT)
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


class PassageTable(Sequence[Passage]):
    """The passages of a build, read from passages.jsonl one record at a time when asked for.

    The file is memory-mapped: a question parses the few passages it cites, and a million
    passages cost their page cache, not a million Python objects.
    """

    def __init__(self, path: Path, offsets: np.ndarray) -> None:
        self._offsets = offsets
        size = path.stat().st_size
        with open(path, "rb") as handle:
            self._data: mmap.mmap | bytes = (
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
            )
        if int(offsets[-1]) != size:
            raise ValueError(f"{PASSAGES} does not end where its offsets say")

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, row: int) -> Passage: ...
    @overload
    def __getitem__(self, row: slice) -> list[Passage]: ...
    def __getitem__(self, row: int | slice) -> Passage | list[Passage]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        row = int(row)
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(f"passage {row} of {len(self)}")
        record = json.loads(self._data[int(self._offsets[row]) : int(self._offsets[row + 1])])
        return _passage(record)

    def __iter__(self) -> Iterator[Passage]:
        offsets = self._offsets.tolist()
        for start, end in itertools.pairwise(offsets):
            yield _passage(json.loads(self._data[start:end]))


def _passage(record: dict[str, Any]) -> Passage:
    return Passage(
        id=record["id"],
        doc_id=record["doc_id"],
        section=record["section"],
        start=record["start"],
        end=record["end"],
        text=record["text"],
        sentences=tuple((s, e) for s, e in record["sentences"]),
    )


@dataclass
class SearchIndex:
    """A loaded build: what the retriever searches, memory-mapped where it is large."""

    path: Path
    manifest: dict[str, Any]
    passages: Sequence[Passage]
    passage_vectors: np.ndarray  # float32, memory-mapped
    sentence_vectors: np.ndarray  # float16, memory-mapped: pooled, the quote's
    sentence_offsets: np.ndarray  # row of each passage's first sentence in sentence_vectors
    # The ranking's sentence vectors (same rows, float16, memory-mapped); None in a build
    # without them (ranking_sentences "none", or made before they existed).
    ranking_sentence_vectors: np.ndarray | None
    lexical: LexicalIndex
    mean_vector: np.ndarray  # of the passage vectors (float64)
    second_moment: np.ndarray  # mean of v v^T over the passage vectors (float64)
    search: Any  # the FAISS index that finds a question's nearest passages
    # Each word piece's document frequency over the passages (`word_piece_counts`); None in a
    # build made before the file existed (late interaction then counts them itself).
    word_piece_counts: np.ndarray | None = None

    @property
    def build_id(self) -> str:
        return self.path.name

    def article(self, doc_id: str) -> dict[str, Any]:
        return self.manifest["articles"][doc_id]

    @cached_property
    def article_rows(self) -> dict[str, range]:
        """Each article's passage rows, worked out once per loaded build (O(articles)): a build
        writes an article's passages together, in the manifest's order of articles (`_assemble`)."""
        rows: dict[str, range] = {}
        start = 0
        for doc_id, article in self.manifest["articles"].items():
            count = int(article.get("passages", 0))
            rows[doc_id] = range(start, start + count)
            start += count
        return rows

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The sources' words (one per stem, lower case, stop words left out), read once per
        loaded build; empty for a build from before they were kept."""
        return frozenset(self.lexical.words or ())

    def nearest(self, query_vector: np.ndarray, k: int) -> np.ndarray:
        """Rows of (about, above APPROXIMATE_FROM) the `k` passages nearest the question."""
        if k <= 0 or len(self.passages) == 0:
            return np.zeros(0, dtype=np.int64)
        _, rows = self.search.search(query_vector.reshape(1, -1).astype(np.float32), k)
        return rows[0][rows[0] >= 0].astype(np.int64)


def load_index(index_dir: Path, model: str, build_id: str | None = None) -> SearchIndex:
    """The live build, or `build_id` exactly (a reader that already resolved `current`)."""
    build, manifest = read_manifest(index_dir, build_id)
    check_manifest(index_dir, manifest, model)
    try:
        _check_file_sizes(build, manifest)
    except ValueError as err:
        raise IndexUnavailable(f"index in {index_dir} is corrupt ({err}); {REBUILD_HINT}") from None
    verify_checksums(build, manifest, remembered=True)
    try:
        passages = PassageTable(build / PASSAGES, np.load(build / PASSAGE_OFFSETS))
        passage_vectors = np.load(build / VECTORS, mmap_mode="r")
        moments = np.load(build / MOMENTS)
        sentence_vectors = np.load(build / SENTENCES, mmap_mode="r")
        sentence_offsets = np.load(build / SENTENCE_OFFSETS, mmap_mode="r")
        ranking_sentence_vectors = None
        if ranking_sentences_of(manifest) != "none":
            ranking_sentence_vectors = np.load(build / RANKING_SENTENCES, mmap_mode="r")
        lexical = LexicalIndex.load(build / LEXICAL)
        if len(passage_vectors) != len(passages) or len(sentence_offsets) != len(passages) + 1:
            raise ValueError("vector counts do not match the passages")
        if len(sentence_vectors) != int(sentence_offsets[-1]):
            raise ValueError("sentence counts do not match the passages")
        if ranking_sentence_vectors is not None and (
            ranking_sentence_vectors.shape != sentence_vectors.shape
        ):
            raise ValueError("ranking sentence counts do not match the passages")
        search = _load_search(build, manifest, passage_vectors)
        word_pieces = _load_word_pieces(build, manifest, len(passages))
    except Exception as err:  # any unreadable part means the same thing to the user: rebuild
        raise IndexUnavailable(
            f"index in {index_dir} is corrupt ({str(err).splitlines()[0][:120]}); {REBUILD_HINT}"
        ) from None
    return SearchIndex(
        path=build,
        manifest=manifest,
        passages=passages,
        passage_vectors=passage_vectors,
        sentence_vectors=sentence_vectors,
        sentence_offsets=sentence_offsets[:-1],
        ranking_sentence_vectors=ranking_sentence_vectors,
        lexical=lexical,
        mean_vector=moments[0],
        second_moment=moments[1:],
        search=search,
        word_piece_counts=word_pieces,
    )


def _load_word_pieces(build: Path, manifest: dict[str, Any], passages: int) -> np.ndarray | None:
    """The build's word-piece document frequencies, when it lists them (240 KB: read whole)."""
    if WORD_PIECES not in manifest.get("files", {}):
        return None
    counts = np.load(build / WORD_PIECES)
    if counts.ndim != 1 or counts.dtype != np.int64 or len(counts) == 0:
        raise ValueError(f"{WORD_PIECES} is not one count per word piece")
    if counts.min() < 0 or counts.max() > passages:
        raise ValueError(f"{WORD_PIECES} does not match the passages")
    return counts


def ranking_sentences_of(manifest: dict[str, Any]) -> RankingSentences:
    """How the build's ranking sentence vectors were made ("none" in builds before them)."""
    made = manifest.get("ranking_sentences", "none")
    return made if made in get_args(RankingSentences) else "none"


def _load_search(build: Path, manifest: dict[str, Any], vectors: np.ndarray) -> Any:
    """The build's IVF index, or an exact search over its vectors (small builds)."""
    search = manifest.get("search", {})
    if search.get("kind") == "ivf":
        import faiss

        index = faiss.read_index(str(build / SEARCH))
        index.nprobe = int(search["probes"])
        return index
    return ExactSearch(vectors)


class ExactSearch:
    """FAISS's `search` over every vector, by one numpy product and a partial sort.

    Below APPROXIMATE_FROM: FAISS's flat index took 6.4 ms a question against 2.3 ms for this
    (10^4 passages, k = 200, one thread, loaded machine, docs/scale.md), and held a second copy
    of the vectors; this reads the memory-mapped ones. Same rows, ties in row order.
    """

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = np.asarray(vectors)  # an ndarray over the map: no memmap per-call work

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores = queries @ self.vectors.T
        rows = np.stack([top_k(row, k) for row in scores]) if len(scores) else scores
        return np.take_along_axis(scores, rows, axis=1), rows


def verify_index(index_dir: Path, model: str) -> dict[str, Any]:
    """The live build with every file read again against its checksum, then loaded; or
    IndexUnavailable. A load trusts its record of files already verified, and bit rot changes
    no file time, so only this reading notices it (`evbot index verify`)."""
    build, manifest = read_manifest(index_dir)
    check_manifest(index_dir, manifest, model)
    try:
        _check_file_sizes(build, manifest)
    except ValueError as err:
        raise IndexUnavailable(f"index in {index_dir} is corrupt ({err}); {REBUILD_HINT}") from None
    verify_checksums(build, manifest)
    index = load_index(index_dir, model, build.name)
    return {
        "path": str(build),
        "files": len(manifest.get("files", {})),
        "bytes": sum(manifest.get("files", {}).values()),
        "checksummed": len(manifest.get("checksums", {})),
        "passages": len(index.passages),
    }


def _check_file_sizes(build: Path, manifest: dict[str, Any]) -> None:
    for name, size in manifest.get("files", {}).items():
        path = build / name
        if not path.is_file():
            raise ValueError(f"{name} is missing")
        if path.stat().st_size != size:
            raise ValueError(f"{name} is truncated or changed")

"""Run an evaluation set through the bot's own pipeline (or the stock one-vector-per-document
setup) and collect what each query returned.

A benchmark corpus is written out as Markdown articles and indexed by `build_index`, so the loader,
chunker, embedder, lexical index and fusion are the ones the bot uses. The built index is cached
(keyed by the corpus hash and every setting that changes it), so a second run only asks queries.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from bot.embedding import Embedder
from bot.evaluation.datasets import BeirSet, Question
from bot.evaluation.metrics import contains_any, score_run
from bot.ranking import latency_percentiles, top_k
from bot.settings import Settings

T = TypeVar("T")
DEPTH = 100  # documents ranked per query: Recall@100 needs a hundred
# Queries are embedded in one batch (far cheaper); latency is timed on the first ones, each
# embedded alone as the bot does it.
LATENCY_SAMPLE = 100
# Passages ranked per query: passages of one document collapse into one ranked document, so a
# deeper list than the bot's is needed to rank a hundred documents.
EVAL_CANDIDATES = 300


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "evbot" / "eval"


@dataclass
class BeirResult:
    dataset: str
    split: str
    mode: str
    stock: bool
    queries: int
    metrics: dict[str, float]
    answer_span_hit: float | None
    latency_ms: dict[str, float | None]
    documents: int
    passages: int
    index_seconds: float
    cached: bool

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "dataset": self.dataset,
            "split": self.split,
            "mode": self.mode,
            "stock": self.stock,
            "queries": self.queries,
            **{k: round(v, 4) for k, v in self.metrics.items()},
        }
        if self.answer_span_hit is not None:
            data["answer_span_hit"] = round(self.answer_span_hit, 4)
        data.update(
            latency_ms=self.latency_ms,
            documents=self.documents,
            passages=self.passages,
            index_seconds=round(self.index_seconds, 2),
            cached=self.cached,
        )
        return data


@dataclass
class QuestionResult:
    dataset: str
    mode: str
    queries: int
    in_domain: int
    out_of_domain: int
    hit1: int
    hit3: int
    phrase_hit: int
    answered_in_domain: int
    refused_out_of_domain: int
    latency_ms: dict[str, float | None]
    misses: list[str] = field(default_factory=list)  # in-domain questions not right at rank 1

    def to_dict(self) -> dict[str, Any]:
        share = lambda n, d: round(n / d, 4) if d else None  # noqa: E731
        return {
            "dataset": self.dataset,
            "mode": self.mode,
            "queries": self.queries,
            "hit@1": share(self.hit1, self.in_domain),
            "hit@3": share(self.hit3, self.in_domain),
            "answer_phrase_hit": share(self.phrase_hit, self.in_domain),
            "refusal_accuracy": share(
                self.answered_in_domain + self.refused_out_of_domain, self.queries
            ),
            "counts": {
                "in_domain": self.in_domain,
                "out_of_domain": self.out_of_domain,
                "hit@1": self.hit1,
                "hit@3": self.hit3,
                "answer_phrase_hit": self.phrase_hit,
                "answered_in_domain": self.answered_in_domain,
                "refused_out_of_domain": self.refused_out_of_domain,
            },
            "latency_ms": self.latency_ms,
            "misses": self.misses,
        }


Progress = Callable[[Iterable[T], int, str], Iterator[T]]


def no_progress(items: Iterable[T], total: int, what: str) -> Iterator[T]:
    yield from items


def tqdm_progress(items: Iterable[T], total: int, what: str) -> Iterator[T]:
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=what, unit="q", leave=False, dynamic_ncols=True)


# ---------------------------------------------------------------------------------------------
# BEIR sets


def _cache_key(beir: BeirSet, settings: Settings, kind: str, titles: bool) -> str:
    from bot.index import FORMAT_VERSION

    parts = {
        "corpus": beir.fingerprint,
        "kind": kind,
        "titles": titles,
        "model": settings.model,
        "format": FORMAT_VERSION if kind == "pipeline" else None,  # stock vectors: no index
        "chunk_tokens": settings.chunk_tokens if kind == "pipeline" else None,
        # A cached build without the ranking's sentence vectors would rank without them.
        **({"ranking_sentences": settings.ranking_sentences} if kind == "pipeline" else {}),
        # Builds before the lexical index kept its terms' words had no BM25 query expansion.
        "lexical_words": kind == "pipeline",
    }
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    return f"{beir.name}-{kind}-{digest}"


def _doc_name(i: int) -> str:
    return f"d{i:07d}"


def _write_articles(beir: BeirSet, target: Path, titles: bool) -> None:
    """Each BEIR document as one Markdown article, its title in the front matter."""
    import yaml

    target.mkdir(parents=True)
    for i, doc in enumerate(beir.docs):
        title = doc.title if titles and doc.title.strip() else "-"  # "-": no title to match
        front = yaml.safe_dump({"title": title}, allow_unicode=True, width=10**6)
        (target / f"{_doc_name(i)}.md").write_text(f"---\n{front}---\n{doc.text}\n", "utf-8")


def pipeline_index(
    beir: BeirSet,
    settings: Settings,
    embedder: Embedder,
    cache_dir: Path,
    *,
    titles: bool,
    progress: bool,
) -> tuple[Path, bool, float]:
    """(index folder, whether it came from the cache, seconds spent building)."""
    from bot.index import CURRENT, build_index

    root = cache_dir / _cache_key(beir, settings, "pipeline", titles)
    index_dir = root / "index"
    if (index_dir / CURRENT).exists():
        return index_dir, True, 0.0
    started = time.perf_counter()
    corpus_dir = root / "corpus"
    shutil.rmtree(corpus_dir, ignore_errors=True)  # left by an interrupted run
    _write_articles(beir, corpus_dir, titles)
    build_settings = settings.model_copy(update={"corpus_dir": corpus_dir, "index_dir": index_dir})
    report = build_index(build_settings, embedder, full=True, progress=progress)
    if report.problems:
        shown = "; ".join(map(str, report.problems[:3]))
        raise RuntimeError(f"{len(report.problems)} benchmark documents failed to load: {shown}")
    shutil.rmtree(corpus_dir, ignore_errors=True)  # the index holds everything the run needs
    return index_dir, False, time.perf_counter() - started


def stock_vectors(
    beir: BeirSet, embedder: Embedder, cache_dir: Path, *, titles: bool, progress: bool
) -> tuple[np.ndarray, bool, float]:
    """One vector per document, title + " " + text, truncated by the model: the BEIR setup."""
    from bot.settings import load_settings

    settings = load_settings(model=embedder.model_name)
    path = cache_dir / _cache_key(beir, settings, "stock", titles) / "documents.npy"
    if path.is_file():
        return np.load(path), True, 0.0
    started = time.perf_counter()
    texts = [f"{d.title} {d.text}".strip() if titles else d.text for d in beir.docs]
    vectors = embedder.encode(texts, progress=progress)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp.npy")
    np.save(partial, vectors)
    partial.replace(path)  # a killed run never leaves a half-written cache file
    return vectors, False, time.perf_counter() - started


def run_beir(
    beir: BeirSet,
    settings: Settings,
    embedder: Embedder,
    *,
    mode: str,
    stock: bool,
    titles: bool,
    cache_dir: Path,
    progress: Progress = no_progress,
    build_progress: bool = False,
) -> BeirResult:
    if stock:
        vectors, cached, seconds = stock_vectors(
            beir, embedder, cache_dir, titles=titles, progress=build_progress
        )
        run, spans, latencies = _ask_stock(beir, embedder, vectors, progress)
        passages = len(beir.docs)
    else:
        index_dir, cached, seconds = pipeline_index(
            beir, settings, embedder, cache_dir, titles=titles, progress=build_progress
        )
        run, spans, latencies, passages = _ask_pipeline(
            beir, settings, embedder, index_dir, mode, progress
        )
    return BeirResult(
        dataset=beir.name,
        split=beir.split,
        mode=mode,
        stock=stock,
        queries=len(beir.queries),
        metrics=score_run(beir.qrels, run),
        answer_span_hit=float(np.mean(spans)) if spans else None,
        latency_ms=latency_percentiles(latencies),
        documents=len(beir.docs),
        passages=passages,
        index_seconds=seconds,
        cached=cached,
    )


def _ask_stock(
    beir: BeirSet, embedder: Embedder, vectors: np.ndarray, progress: Progress
) -> tuple[dict[str, list[str]], list[bool], list[float]]:
    ids = np.array([d.id for d in beir.docs], dtype=object)
    texts = list(beir.queries.values())
    scores = embedder.encode(texts) @ vectors.T  # queries x documents, one matrix product
    run = {qid: ids[top_k(scores[i], DEPTH)].tolist() for i, qid in enumerate(beir.queries)}
    latencies: list[float] = []
    for text in progress(texts[:LATENCY_SAMPLE], min(len(texts), LATENCY_SAMPLE), "latency"):
        started = time.perf_counter()
        one = vectors @ embedder.encode_query(text)
        top_k(one, DEPTH)  # the ranking step, timed with the embedding
        latencies.append((time.perf_counter() - started) * 1000)
    return run, [], latencies


def _ask_pipeline(
    beir: BeirSet,
    settings: Settings,
    embedder: Embedder,
    index_dir: Path,
    mode: str,
    progress: Progress,
) -> tuple[dict[str, list[str]], list[bool], list[float], int]:
    from bot.answer import compose_answer
    from bot.index import load_index
    from bot.retrieval import Retriever
    from bot.service import late_interaction_for
    from bot.source_terms import best_similarity

    index = load_index(index_dir, settings.model)
    retriever = Retriever(
        index,
        embedder,
        mode=mode,  # type: ignore[arg-type]
        candidates=EVAL_CANDIDATES,
        late_interaction=late_interaction_for(settings, len(index.passages)),
    )
    doc_of_passage = np.array([int(p.doc_id[1:]) for p in index.passages], dtype=np.int64)
    ids = np.array([d.id for d in beir.docs], dtype=object)
    articles = index.manifest["articles"]
    run: dict[str, list[str]] = {}
    spans: list[bool] = []
    latencies: list[float] = []
    vectors = embedder.encode(list(beir.queries.values()))
    asked = progress(enumerate(beir.queries.items()), len(beir.queries), f"pipeline {mode}")
    for n, (qid, text) in asked:
        # One question as the bot answers it: rank, pick passages, quote.
        started = time.perf_counter()
        vector = embedder.encode_query(text) if n < LATENCY_SAMPLE else vectors[n]
        ranking = retriever.answer_ranking(text, retriever.rank(text, vector))
        hits = retriever.hits(text, vector, ranking, settings.citations)
        answer = compose_answer(
            text,
            hits,
            articles,
            min_score=settings.min_score,
            best_similarity=best_similarity(retriever, vector),
            alone=True,  # asked with no conversation before, as `evbot ask` asks it
        )
        if n < LATENCY_SAMPLE:
            latencies.append((time.perf_counter() - started) * 1000)
        run[qid] = _documents(ranking.ids, doc_of_passage, ids)
        if qid in beir.answers:
            spans.append(not answer.refused and contains_any(answer.answer, beir.answers[qid]))
    return run, spans, latencies, len(index.passages)


def _documents(passages: np.ndarray, doc_of_passage: np.ndarray, ids: np.ndarray) -> list[str]:
    """Documents in the order of their best passage (a document scores its best passage)."""
    docs = doc_of_passage[passages]
    _, first = np.unique(docs, return_index=True)
    return ids[docs[np.sort(first)[:DEPTH]]].tolist()


# ---------------------------------------------------------------------------------------------
# The project's own question set


def run_questions(
    questions: list[Question],
    name: str,
    settings: Settings,
    embedder: Embedder,
    *,
    mode: str,
    progress: Progress = no_progress,
) -> QuestionResult:
    """Ask each question of the set against the live index, as `evbot ask` would."""
    from bot.answer import compose_answer
    from bot.index import load_index
    from bot.retrieval import Retriever
    from bot.service import late_interaction_for
    from bot.source_terms import best_similarity

    index = load_index(settings.index_dir, settings.model)
    retriever = Retriever(
        index,
        embedder,
        mode=mode,  # type: ignore[arg-type]
        late_interaction=late_interaction_for(settings, len(index.passages)),
    )
    articles = index.manifest["articles"]
    k = max(3, settings.citations)  # hit@3 needs three citations
    result = QuestionResult(name, mode, len(questions), 0, 0, 0, 0, 0, 0, 0, {})
    latencies: list[float] = []
    for q in progress(questions, len(questions), f"questions {mode}"):
        started = time.perf_counter()
        vector = embedder.encode_query(q.question)
        hits = retriever.search_vector(q.question, vector, k)
        answer = compose_answer(
            q.question,
            hits,
            articles,
            min_score=settings.min_score,
            best_similarity=best_similarity(retriever, vector),
            alone=True,  # asked with no conversation before, as `evbot ask` asks it
        )
        latencies.append((time.perf_counter() - started) * 1000)
        if q.refuse:
            result.out_of_domain += 1
            result.refused_out_of_domain += answer.refused
            continue
        result.in_domain += 1
        result.answered_in_domain += not answer.refused
        texts = [c.text for c in answer.citations]
        expect = q.expect or ""
        first = bool(texts) and expect in texts[0]
        result.hit1 += first
        result.hit3 += any(expect in t for t in texts[:3])
        result.phrase_hit += expect in answer.answer
        if not first:
            result.misses.append(q.question)
    result.latency_ms = latency_percentiles(latencies)
    return result

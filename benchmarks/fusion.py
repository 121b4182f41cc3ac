"""Fusion candidates: the evidence behind `Retriever.rank`'s z-score fusion.

    .venv/bin/python benchmarks/fusion.py [--sets xquad-en scifact-train shipped] [--bm25]
Scores every query against every passage once (cosine and BM25) on the pipeline indexes that
`evbot eval` caches in ~/.cache/evbot/eval (built on first use), and on the live index for the
shipped questions (tests/data/shipped-questions.jsonl), then ranks by each fusion candidate:
nDCG@10 on a BEIR set (a document scores its best passage, as in `evbot eval`), hit@1 / hit@3 on
the shipped questions. --bm25 re-indexes BM25 with other k1 / b under the chosen fusion.
Choose on SciFact train and the shipped questions (train data); XQuAD-en is a check.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.embedding import get_embedder  # noqa: E402
from bot.evaluation.datasets import load_beir, load_questions  # noqa: E402
from bot.evaluation.metrics import score_run  # noqa: E402
from bot.evaluation.runner import default_cache_dir, pipeline_index  # noqa: E402
from bot.index import SearchIndex, _lexical_text, load_index  # noqa: E402
from bot.lexical import terms  # noqa: E402
from bot.ranking import top_k, zscores  # noqa: E402
from bot.settings import load_settings  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
QUESTIONS = ROOT / "tests" / "data" / "shipped-questions.jsonl"
Fusion = Callable[[np.ndarray, np.ndarray], np.ndarray]  # (cosine, BM25), queries x passages


def _ranks(scores: np.ndarray) -> np.ndarray:
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    ranks[np.arange(len(scores))[:, None], order] = np.arange(1, scores.shape[1] + 1)
    return ranks


def _rrf(k: int, depth: int = 100) -> Fusion:
    def fuse(d: np.ndarray, b: np.ndarray) -> np.ndarray:
        rd, rb = _ranks(d), _ranks(b)
        return np.where(rd <= depth, 1 / (k + rd), 0) + np.where(
            (rb <= depth) & (b > 0), 1 / (k + rb), 0
        )

    return fuse


def _z(s: np.ndarray) -> np.ndarray:
    return zscores(s, axis=1)


def _minmax(s: np.ndarray) -> np.ndarray:
    low, high = s.min(axis=1, keepdims=True), s.max(axis=1, keepdims=True)
    return (s - low) / np.where(high > low, high - low, 1)


def _by_max(b: np.ndarray) -> np.ndarray:
    top = b.max(axis=1, keepdims=True)
    return b / np.where(top > 0, top, 1)


def _sum(norm_d: Callable, norm_b: Callable, w: float) -> Fusion:
    return lambda d, b: norm_d(d) + w * norm_b(b)


def _same(s: np.ndarray) -> np.ndarray:
    return s


CANDIDATES: list[tuple[str, Fusion]] = [
    ("dense alone", lambda d, b: d),
    ("BM25 alone", lambda d, b: np.where(b > 0, b, -1)),
    *[(f"RRF k={k}", _rrf(k)) for k in (60, 20, 10, 5)],
    *[(f"cos + {w} x BM25/max", _sum(_same, _by_max, w)) for w in (0.3, 0.4)],
    *[(f"minmax + {w} x minmax", _sum(_minmax, _minmax, w)) for w in (0.5, 0.7)],
    *[(f"z + {w} x z", _sum(_z, _z, w)) for w in (0.3, 0.5, 0.7, 1.0)],
]
CHOSEN = dict(CANDIDATES)["z + 0.5 x z"]
BM25_GRID = [(1.5, 0.75), (1.2, 0.75), (1.2, 0.5), (0.9, 0.4)]  # bm25s's default first


class Scored:
    """One set: cosine and BM25 of every query against every passage, and how to judge a run."""

    def __init__(self, name: str, index: SearchIndex, queries: list[str], d: np.ndarray) -> None:
        self.name, self.index, self.queries, self.d = name, index, queries, d
        self.b = self.bm25(None)

    def bm25(self, params: tuple[float, float] | None) -> np.ndarray:
        if params is None:
            lexical = self.index.lexical
            return np.stack([lexical.scores(q) for q in self.queries]).astype(np.float64)
        import bm25s

        titles = {d: a.get("title") for d, a in self.index.manifest["articles"].items()}
        bm25 = bm25s.BM25(k1=params[0], b=params[1])
        bm25.index(
            terms([_lexical_text(p, titles) for p in self.index.passages]), show_progress=False
        )
        rows = []
        for tokens in terms(self.queries):
            known = [t for t in tokens if t in bm25.vocab_dict]
            rows.append(bm25.get_scores(known) if known else np.zeros(len(self.index.passages)))
        return np.stack(rows).astype(np.float64)

    def judge(self, fused: np.ndarray) -> str:
        raise NotImplementedError


class Beir(Scored):
    def __init__(self, name: str, split: str | None) -> None:
        settings = load_settings()
        embedder = get_embedder(settings.model, settings.batch_size)
        self.beir = load_beir(SHARED / name, split)
        index_dir, _, _ = pipeline_index(
            self.beir, settings, embedder, default_cache_dir(), titles=True, progress=True
        )
        index = load_index(index_dir, settings.model)
        queries = list(self.beir.queries.values())
        super().__init__(name, index, queries, embedder.encode(queries) @ index.passage_vectors.T)
        self.doc_of = np.array([int(p.doc_id[1:]) for p in index.passages])
        self.ids = np.array([d.id for d in self.beir.docs], dtype=object)

    def judge(self, fused: np.ndarray) -> str:
        run = {}
        for row, qid in zip(fused, self.beir.queries, strict=True):
            best = np.full(len(self.ids), -np.inf)
            np.maximum.at(best, self.doc_of, row)  # a document scores its best passage
            run[qid] = self.ids[top_k(best, 100)].tolist()
        return f"nDCG@10 {score_run(self.beir.qrels, run)['ndcg@10']:.4f}"


class Shipped(Scored):
    def __init__(self) -> None:
        settings = load_settings()
        embedder = get_embedder(settings.model, settings.batch_size)
        asked = [q for q in load_questions(QUESTIONS) if not q.refuse]
        index = load_index(settings.index_dir, settings.model)
        queries = [q.question for q in asked]
        vectors = np.stack([embedder.encode_query(q) for q in queries])  # as `evbot ask` does
        super().__init__("shipped", index, queries, vectors @ index.passage_vectors.T)
        texts = [p.text for p in index.passages]
        self.right = np.array([[q.expect in t for t in texts] for q in asked])

    def judge(self, fused: np.ndarray) -> str:
        top = np.stack([top_k(row, 3) for row in fused])
        right = np.take_along_axis(self.right, top, axis=1)
        return f"hit@1 {right[:, 0].sum()}/{len(right)}  hit@3 {right.any(axis=1).sum()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="+", default=["xquad-en", "scifact-train", "shipped"])
    parser.add_argument("--bm25", action="store_true", help="also try other BM25 k1 / b")
    args = parser.parse_args()
    for name in args.sets:
        split = "train" if name.startswith("scifact") else None
        scored = Shipped() if name == "shipped" else Beir(name, split)
        d = scored.d.astype(np.float64)
        for label, fuse in CANDIDATES:
            print(f"{name:14s} {label:24s} {scored.judge(fuse(d, scored.b))}", flush=True)
        for k1, b in BM25_GRID if args.bm25 else []:
            fused = CHOSEN(d, scored.bm25((k1, b)))
            print(f"{name:14s} z + 0.5 x z, k1={k1} b={b:<4} {scored.judge(fused)}", flush=True)


if __name__ == "__main__":
    main()

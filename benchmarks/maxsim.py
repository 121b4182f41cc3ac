"""Late interaction (ColBERT-style MaxSim) from all-MiniLM-L6-v2's own token vectors, measured.

    .venv/bin/python benchmarks/maxsim.py [--variants NAME [NAME ...]] [--held-out] [--misses]
        [--sets NAME [NAME ...]]

Each question token is matched to its most similar token of a passage (cosines of the model's
normalised token embeddings, the ones the passage vector and the pooled sentence vectors are
means of), and a passage's MaxSim is the mean of those best matches over the question's tokens,
optionally IDF-weighted (word-piece document frequencies over the index) and without stopwords
and punctuation: it rewards a passage that matches every part of the question, where a pooled
vector rewards one that matches its gist. Measured as a ranking signal (alone, re-ranking the
fused top k, or added to the fused score as a z-score) and as evidence for the quoted sentence
(MaxSim over the sentence's tokens added to its score), over one index, every variant in turn
in one process (benchmarks/quality.py's sets and figures). `--variants` lists names from
`VARIANTS` ("off" is the bot); the held-out sets are measured only with `--held-out`, for the
variant chosen on the tuning sets; `--sets` measures only the sets named. The bot now has late
interaction of its own (bot/retrieval.py, EVBOT_LATE_INTERACTION, on): a variant here is added on
top of it; with EVBOT_LATE_INTERACTION=false, on top of the bot without it, as the sweeps in
docs/quality-log.md were measured. Prints figures; asserts nothing (docs/quality-log.md, "Late
interaction").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import SETS, measure, shipped_service  # noqa: E402

from bot.index import _dense_text  # noqa: E402
from bot.lexical import _stopwords  # noqa: E402
from bot.ranking import percentile, zscores  # noqa: E402
from bot.retrieval import Ranking, Retriever  # noqa: E402


def maxsim(
    query_tokens: np.ndarray,
    token_weights: np.ndarray,
    doc_tokens: np.ndarray,
    doc_lengths: np.ndarray,
) -> np.ndarray:
    """Each document's MaxSim: the weighted mean over query tokens of its best token cosine.

    `doc_tokens` holds every document's token vectors back to back (`doc_lengths` rows each);
    all vectors normalised. One product and one `np.maximum.reduceat`, as bm25s scores. A
    document with no tokens gets -inf.
    """
    lengths = np.asarray(doc_lengths, dtype=np.int64)
    out = np.full(len(lengths), -np.inf)
    filled = lengths > 0
    if not filled.any() or len(query_tokens) == 0:
        return out
    sims = np.asarray(query_tokens, np.float32) @ np.asarray(doc_tokens, np.float32).T
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[filled]
    best = np.maximum.reduceat(sims, starts, axis=1)  # query tokens x filled documents
    weights = np.asarray(token_weights, np.float64)
    out[filled] = weights @ best / weights.sum()
    return out


@dataclass(frozen=True)
class Variant:
    name: str
    how: Literal["off", "alone", "fuse"] = "off"
    weight: float = 0.0  # of the z-scored MaxSim added to the fused score ("fuse")
    depth: int = 1000  # the fused top this many are re-ranked (1000: every passage here)
    idf: bool = True
    stopwords: bool = True  # leave stopwords out of the question's tokens
    punctuation: bool = True  # leave punctuation out of the question's tokens
    sentence_weight: float = 0.0  # the sentence's MaxSim added to its quote score
    decisions: bool = True  # also in the searches that decide a follow-up (not only the answer's)


VARIANTS = {
    v.name: v
    for v in [
        Variant("off"),
        Variant("alone", "alone"),
        Variant("alone-plain", "alone", idf=False, stopwords=False, punctuation=False),
        Variant("rerank3", "alone", depth=3),
        Variant("rerank5", "alone", depth=5),
        Variant("fuse0.25", "fuse", 0.25),
        Variant("fuse0.5", "fuse", 0.5),
        Variant("fuse1", "fuse", 1.0),
        Variant("fuse0.5-noidf", "fuse", 0.5, idf=False),
        Variant("fuse0.5-nostop", "fuse", 0.5, stopwords=False),
        Variant("fuse0.5-plain", "fuse", 0.5, idf=False, stopwords=False, punctuation=False),
        Variant("fuse0.5-top10", "fuse", 0.5, depth=10),
        Variant("fuse0.5-answer", "fuse", 0.5, decisions=False),
        Variant("sent0.25", sentence_weight=0.25),
        Variant("sent0.5", sentence_weight=0.5),
    ]
}


def parse_variant(spec: str) -> Variant:
    """A name of `VARIANTS`, or "name:field=value,...": a variant of the fields given."""
    if ":" not in spec:
        return VARIANTS[spec]
    name, fields = spec.split(":", 1)
    values: dict[str, Any] = {}
    for field in fields.split(","):
        key, value = field.split("=")
        kind = type(getattr(VARIANTS["off"], key))
        values[key] = bool(int(value)) if kind is bool else kind(value)
    return replace(VARIANTS["off"], name=name, **values)


class TokenIndex:
    """Every passage's token vectors (from one encoder pass over its embedded text) and the
    word-piece document frequencies, for the shipped index."""

    def __init__(self, retriever: Retriever) -> None:
        model = retriever.embedder.model
        self.model = model
        passages = list(retriever.index.passages)
        texts = [_dense_text(p) for p in passages]
        started = time.perf_counter()
        encoded = self._encode(texts)
        self.encode_seconds = time.perf_counter() - started
        self.vectors: list[np.ndarray] = []  # per passage: its real tokens' vectors
        self.sentence_tokens: list[list[np.ndarray]] = []  # per passage, per sentence: rows
        vocabulary = model.tokenizer.vocab_size
        df = np.zeros(vocabulary, np.int64)
        for p, text, (ids, offsets, vectors) in zip(passages, texts, encoded, strict=True):
            real = offsets[:, 1] > offsets[:, 0]
            self.vectors.append(vectors[real])
            df[np.unique(ids[real])] += 1
            shift = len(text) - len(p.text) - p.start
            starts, ends = offsets[real].T
            self.sentence_tokens.append(
                [
                    np.flatnonzero((starts >= s + shift) & (ends <= e + shift))
                    for s, e in p.sentences
                ]
            )
        n = len(passages)
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5))
        self.lengths = np.array([len(v) for v in self.vectors])
        self.all_tokens = np.concatenate(self.vectors)
        self._queries: dict[tuple[str, bool, bool, bool], tuple[np.ndarray, np.ndarray]] = {}
        self.query_seconds: list[float] = []

    def _encode(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        outputs: Any = self.model.encode(texts, output_value=None, convert_to_numpy=False)
        tokenized = self.model.tokenizer(
            texts,
            truncation=True,
            max_length=self.model.max_seq_length,
            return_offsets_mapping=True,
        )
        found = []
        for output, ids, offsets in zip(
            outputs, tokenized["input_ids"], tokenized["offset_mapping"], strict=True
        ):
            vectors = output["token_embeddings"][: len(ids)].float().cpu().numpy()
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            found.append((np.asarray(ids), np.asarray(offsets, np.int64), vectors))
        return found

    def query(self, text: str, variant: Variant) -> tuple[np.ndarray, np.ndarray]:
        """The question's kept token vectors and their weights."""
        key = (text, variant.idf, variant.stopwords, variant.punctuation)
        if key in self._queries:
            return self._queries[key]
        started = time.perf_counter()
        ((ids, offsets, vectors),) = self._encode([text])
        self.query_seconds.append(time.perf_counter() - started)
        words = self.model.tokenizer(text, truncation=True).word_ids()
        real = offsets[:, 1] > offsets[:, 0]
        keep = real.copy()
        spans: dict[int, tuple[int, int]] = {}
        for i, word in enumerate(words):
            if word is not None and real[i]:
                start, end = spans.get(word, (offsets[i, 0], offsets[i, 1]))
                spans[word] = (min(start, offsets[i, 0]), max(end, offsets[i, 1]))
        stopwords = _stopwords()
        for i, word in enumerate(words):
            if word is None or not real[i]:
                continue
            whole = text[spans[word][0] : spans[word][1]].lower()
            if variant.punctuation and not any(c.isalnum() for c in whole):
                keep[i] = False
            if variant.stopwords and whole in stopwords:
                keep[i] = False
        if not keep.any():  # "by when?": every word a stopword; match them all rather than none
            keep = real
        weights = self.idf[ids[keep]] if variant.idf else np.ones(int(keep.sum()))
        found = (vectors[keep], weights)
        self._queries[key] = found
        return found

    def passage_scores(self, text: str, rows: np.ndarray, variant: Variant) -> np.ndarray:
        tokens, weights = self.query(text, variant)
        rows = np.asarray(rows, np.int64)
        if len(rows) == len(self.vectors) and np.array_equal(rows, np.arange(len(rows))):
            return maxsim(tokens, weights, self.all_tokens, self.lengths)
        chosen = [self.vectors[r] for r in rows]
        return maxsim(tokens, weights, np.concatenate(chosen), [len(c) for c in chosen])

    def sentence_scores(self, text: str, passage: int, variant: Variant) -> np.ndarray:
        tokens, weights = self.query(text, variant)
        rows = self.sentence_tokens[passage]
        vectors = self.vectors[passage]
        if not rows:
            return np.zeros(0)
        scores = maxsim(
            tokens, weights, np.concatenate([vectors[r] for r in rows]), [len(r) for r in rows]
        )
        return np.where(np.isfinite(scores), scores, 0.0)


class MaxSimRetriever:
    """Switches a retriever's ranking and sentence scores to a variant (scratch hooks)."""

    def __init__(self, retriever: Retriever, tokens: TokenIndex) -> None:
        self.retriever = retriever
        self.tokens = tokens
        self.variant = VARIANTS["off"]
        self.rank_seconds: list[float] = []
        self._rank = retriever.rank
        self._hits = retriever.hits
        self._sentence_scores = retriever._sentence_scores
        self._query = ""
        self._answering = False
        retriever.rank = self.rank  # type: ignore[method-assign]
        retriever.hits = self.hits  # type: ignore[method-assign]
        retriever._sentence_scores = self.sentence_scores  # type: ignore[method-assign]

    def rank(self, query: str, query_vector: np.ndarray) -> Ranking:
        ranking = self._rank(query, query_vector)
        variant = self.variant
        if variant.how == "off" or (not variant.decisions and not self._answering):
            return ranking
        started = time.perf_counter()
        depth = min(variant.depth, len(ranking.ids))
        top = ranking.ids[:depth]
        scores = self.tokens.passage_scores(query, top, variant)
        if variant.how == "alone":
            new = scores
        else:
            new = ranking.scores[:depth] + variant.weight * zscores(scores)
        order = np.argsort(-new, kind="stable")
        self.rank_seconds.append(time.perf_counter() - started)
        return replace(
            ranking,
            ids=np.concatenate([top[order], ranking.ids[depth:]]),
            scores=np.concatenate([new[order], ranking.scores[depth:]]),
            lexical=np.concatenate([ranking.lexical[:depth][order], ranking.lexical[depth:]]),
        )

    def hits(
        self, query: str, query_vector: np.ndarray, ranking: Ranking, k: int, **options: Any
    ) -> list:
        self._query = query
        return self._hits(query, query_vector, ranking, k, **options)

    def sentence_scores(
        self,
        passage: int,
        query_vector: np.ndarray,
        weights: dict[str, float],
        late: Sequence[float] | None = None,
    ) -> tuple[float, ...]:
        # `late`: the bot's own sentence MaxSim (Retriever._sentence_scores adds it); the
        # variant's is added on top of the bot's score as it is.
        scores = self._sentence_scores(passage, query_vector, weights, late)
        if not self.variant.sentence_weight:
            return scores
        extra = self.tokens.sentence_scores(self._query, passage, self.variant)
        return tuple(
            float(s + self.variant.sentence_weight * m) for s, m in zip(scores, extra, strict=True)
        )


def hook_answer_search(retriever: Retriever, hooks: MaxSimRetriever) -> None:
    """Mark the answer's own search (`Retriever.answer_search`, which `AnswerService.ask` and
    `search_vector` call) as answering; search_for's own rankings decide follow-ups."""
    answer_search = retriever.answer_search

    def answering(query: str, vector: np.ndarray, k: int, **options: Any) -> Any:
        hooks._answering = True
        try:
            return answer_search(query, vector, k, **options)
        finally:
            hooks._answering = False

    retriever.answer_search = answering  # type: ignore[method-assign]


def beir_variants(path: Path, variants: list[Variant]) -> None:
    """`evbot eval PATH` (the cached pipeline build) once per variant, in one process."""
    import bot.retrieval
    from bot.embedding import get_embedder
    from bot.evaluation import runner
    from bot.evaluation.datasets import load_beir
    from bot.settings import load_settings

    settings = load_settings()
    embedder = get_embedder(settings.model, settings.batch_size)
    beir = load_beir(path, None)
    plain = bot.retrieval.Retriever
    built: dict[str, TokenIndex] = {}
    current: list[Variant] = []

    def hooked(*args: Any, **kwargs: Any) -> Retriever:
        retriever = plain(*args, **kwargs)
        key = retriever.index.build_id
        if key not in built:
            built[key] = TokenIndex(retriever)
        hooks = MaxSimRetriever(retriever, built[key])
        hooks.variant = current[0]
        hooks._answering = True  # evbot eval ranks and quotes as the answer's search does
        return retriever

    bot.retrieval.Retriever = hooked  # type: ignore[misc,assignment]
    try:
        for variant in variants:
            current[:] = [variant]
            started = time.perf_counter()
            result = runner.run_beir(
                beir,
                settings,
                embedder,
                mode="hybrid",
                stock=False,
                titles=True,
                cache_dir=runner.default_cache_dir(),
            )
            m = result.metrics
            print(
                f"{variant.name}: nDCG@10 {m['ndcg@10']:.4f} MRR@10 {m['mrr@10']:.4f} "
                f"Recall@100 {m['recall@100']:.4f} answer span {result.answer_span_hit:.4f} "
                f"cached {result.cached} ({time.perf_counter() - started:.0f} s) {variant}",
                flush=True,
            )
    finally:
        bot.retrieval.Retriever = plain  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--variants",
        nargs="+",
        default=list(VARIANTS),
        help="names of VARIANTS, or a name and fields: 'x:how=fuse,weight=1,decisions=0'",
    )
    parser.add_argument("--held-out", action="store_true", help="the held-out sets too (once)")
    parser.add_argument("--misses", action="store_true", help="list the tuning sets' misses")
    parser.add_argument(
        "--sets", nargs="+", default=None, help="only these sets of SETS (default: every one)"
    )
    parser.add_argument(
        "--xquad", type=Path, default=None, help="a BEIR folder: evbot eval's pipeline instead"
    )
    args = parser.parse_args()
    if args.xquad is not None:
        beir_variants(args.xquad, [parse_variant(spec) for spec in args.variants])
        return
    with tempfile.TemporaryDirectory() as tmp:
        service = shipped_service(Path(tmp))
        retriever = service.retriever
        tokens = TokenIndex(retriever)
        print(
            f"token vectors: {len(tokens.all_tokens)} of {len(tokens.lengths)} passages, "
            f"{tokens.all_tokens.nbytes // 2} bytes as float16, encoded in "
            f"{tokens.encode_seconds:.1f} s"
        )
        hooks = MaxSimRetriever(retriever, tokens)
        hook_answer_search(retriever, hooks)
        for spec in args.variants:
            hooks.variant = variant = parse_variant(spec)
            hooks.rank_seconds.clear()
            print(f"=== {variant.name}: {variant}", flush=True)
            totals: list[float] = []
            for side, names in SETS.items():
                if side != "tuning" and not args.held_out:
                    continue
                print(f"== {side}")
                for set_name in names:
                    if args.sets is not None and set_name not in args.sets:
                        continue
                    started = time.perf_counter()
                    figures = measure(service, set_name, args.misses and side == "tuning")
                    totals.append(time.perf_counter() - started)
                    print(f"{set_name}: {json.dumps(figures)}", flush=True)
            p50 = percentile(hooks.rank_seconds, 50)
            print(
                f"maxsim re-rank p50 {1000 * (p50 or 0):.2f} ms over {len(hooks.rank_seconds)}"
                f" rankings; sets {sum(totals):.1f} s"
            )
        print(
            f"question token passes p50 {1000 * (percentile(tokens.query_seconds, 50) or 0):.1f} ms"
        )


if __name__ == "__main__":
    main()

"""The ranking arithmetic shared by retrieval, evaluation, the query log and the benchmarks.

z-scores (how score fusion puts two scorers on one scale), the k best of a score array (best
first, ties in index order) and percentiles, each defined once here. The z-scores of a few
candidates can also be had without scoring every passage: from the mean and variance of all the
scores, which for cosines follow from the passage vectors' first and second moments and for BM25
from its (sparse) non-zero scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import ArrayLike


def zscores(scores: ArrayLike, axis: int = -1) -> np.ndarray:
    """Scores shifted to mean 0 and scaled to standard deviation 1 along `axis`, as float64.

    Equal scores (a row with no spread, or a single score) give zeros, not NaN: no scorer has an
    opinion there, so it adds nothing to a fusion. An empty array gives an empty array.
    """
    values = np.asarray(scores, dtype=np.float64)
    if values.size == 0:
        return values.copy()
    mean = values.mean(axis=axis, keepdims=True)
    spread = values.std(axis=axis, keepdims=True)
    # Exactly equal scores: their std can be a rounding error above 0, so test the range instead.
    varies = np.ptp(values, axis=axis, keepdims=True) > 0
    return np.divide(values - mean, spread, out=np.zeros_like(values), where=varies & (spread > 0))


def zscores_from_moments(scores: ArrayLike, mean: float, variance: float) -> np.ndarray:
    """`scores` shifted by `mean` and scaled by sqrt(`variance`): the z-scores of some of a
    population's scores, given the moments of all of them; zeros when they do not vary.

    Relative threshold, not `> 0`: a variance computed from moments of equal scores is a
    rounding error, not a spread (brute force tests the range for the same reason).
    """
    values = np.asarray(scores, dtype=np.float64)
    if variance <= _NO_SPREAD * max(mean * mean, 1.0):
        return np.zeros_like(values)
    return (values - mean) / np.sqrt(variance)


# Below this share of the squared mean, a variance from moments is rounding, not spread.
_NO_SPREAD = 1e-12


def vector_moments(vectors: np.ndarray, block: int = 65_536) -> tuple[np.ndarray, np.ndarray]:
    """(mean vector mu, second-moment matrix Sigma = mean of v v^T) of the rows, in float64.

    In blocks, so a million float32 rows never exist at once in float64. For any query q the
    cosines q.v of all rows then have mean q.mu and variance q^T Sigma q - (q.mu)^2.
    """
    rows, dim = vectors.shape
    total = np.zeros(dim)
    second = np.zeros((dim, dim))
    for start in range(0, rows, block):
        part = np.asarray(vectors[start : start + block], dtype=np.float64)
        total += part.sum(axis=0)
        second += part.T @ part
    if rows == 0:
        return total, second
    return total / rows, second / rows


def cosine_moments(
    query: np.ndarray, mean_vector: np.ndarray, second_moment: np.ndarray
) -> tuple[float, float]:
    """(mean, variance) of the inner products of `query` with all rows the moments came from."""
    q = np.asarray(query, dtype=np.float64)
    mean = float(q @ mean_vector)
    return mean, max(float(q @ second_moment @ q) - mean * mean, 0.0)


def sparse_moments(nonzero: ArrayLike, population: int) -> tuple[float, float]:
    """(mean, variance) of `population` scores of which all but `nonzero` are 0 (BM25's)."""
    values = np.asarray(nonzero, dtype=np.float64)
    if population <= 0:
        return 0.0, 0.0
    mean = float(values.sum()) / population
    return mean, max(float(values @ values) / population - mean * mean, 0.0)


def segment_max(values: ArrayLike, lengths: ArrayLike) -> np.ndarray:
    """The largest of each run of `values`, the runs `lengths` long and back to back (float64).

    One `np.maximum.reduceat`, as in bm25s: the best sentence of each passage from all the
    passages' sentence scores in one array. The runs lie along the last axis, so a 2-D array
    gives each row's largest per run (each query token's best match in each sentence). An empty
    run gives -inf (it has no best).
    """
    data = np.asarray(values, dtype=np.float64)
    sizes = np.asarray(lengths, dtype=np.int64)
    if sizes.sum() != data.shape[-1] or np.any(sizes < 0):
        raise ValueError(f"run lengths sum to {sizes.sum()}, not to the {data.shape[-1]} values")
    out = np.full((*data.shape[:-1], len(sizes)), -np.inf)
    filled = sizes > 0
    if filled.any():
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])[filled]
        out[..., filled] = np.maximum.reduceat(data, starts, axis=-1)
    return out


def maxsim(
    query_tokens: ArrayLike,
    token_weights: ArrayLike,
    doc_tokens: ArrayLike,
    doc_lengths: ArrayLike,
) -> np.ndarray:
    """Each document's late-interaction score (ColBERT's MaxSim), as float64.

    Every query token is matched to its most similar token of the document (inner products of
    normalised token vectors), and the document scores the `token_weights`-weighted mean of
    those best matches: it rewards a document matching every part of the question. The
    documents' token vectors are back to back in `doc_tokens`, `doc_lengths` rows each: one
    product and one `segment_max`. A document with no tokens, or a
    query with none, gets -inf.
    """
    docs = np.asarray(doc_tokens, dtype=np.float32)
    query = np.asarray(query_tokens, dtype=np.float32)
    return similarity_maxsim(query @ docs.T, token_weights, doc_lengths)


def similarity_maxsim(
    similarity: ArrayLike, token_weights: ArrayLike, doc_lengths: ArrayLike
) -> np.ndarray:
    """`maxsim` from the query tokens' similarity with every document token (query tokens x
    document tokens, the documents back to back), when it was computed, or changed, first."""
    sizes = np.asarray(doc_lengths, dtype=np.int64)
    matrix = np.asarray(similarity)
    weights = np.asarray(token_weights, dtype=np.float64)
    if matrix.ndim != 2 or sizes.sum() != matrix.shape[1] or np.any(sizes < 0):
        raise ValueError(f"document lengths sum to {sizes.sum()}, not to the {matrix.shape} tokens")
    if len(weights) != matrix.shape[0]:
        raise ValueError(f"{len(weights)} weights for {matrix.shape[0]} query tokens")
    out = np.full(len(sizes), -np.inf)
    filled = sizes > 0
    if not filled.any() or matrix.shape[0] == 0 or weights.sum() <= 0:
        return out
    best = segment_max(matrix, sizes)[:, filled]  # query tokens x documents
    out[filled] = weights @ best / weights.sum()
    return out


def window_maxsim(best: ArrayLike, token_weights: ArrayLike, width: int) -> np.ndarray:
    """Each sentence's best MaxSim over a window of `width` consecutive sentences holding it.

    `best` is query tokens x sentences: each query token's best cosine within each sentence of
    one passage (-inf for a sentence with no tokens). A window's score is the `token_weights`-
    weighted mean of each query token's best match anywhere in the window, so a sentence gains
    when a neighbour matches the words it lacks (question words matched close together, not
    anywhere in the passage). Fewer sentences than `width`: one window of all. A sentence whose
    every window has nothing to match gets -inf, as `maxsim`.
    """
    per = np.asarray(best, dtype=np.float64)
    weights = np.asarray(token_weights, dtype=np.float64)
    if per.ndim != 2 or len(weights) != per.shape[0]:
        raise ValueError(f"{len(weights)} weights for a {per.shape} token-by-sentence array")
    if width < 1:
        raise ValueError(f"a window of {width} sentences")
    sentences = per.shape[1]
    if sentences == 0 or weights.sum() <= 0:
        return np.full(sentences, -np.inf)
    span = min(width, sentences)
    starts = sentences - span + 1
    # Each window's best match per query token: the running max over its `span` columns.
    windows = per[:, :starts].copy()
    for shift in range(1, span):
        np.maximum(windows, per[:, shift : shift + starts], out=windows)
    with np.errstate(invalid="ignore"):
        scores = weights @ windows / weights.sum()  # -inf where a token matched nothing
    scores = np.where(np.isnan(scores), -np.inf, scores)
    # A sentence's windows start from `span` - 1 before it to itself.
    out = np.full(sentences, -np.inf)
    for shift in range(span):
        np.maximum(out[shift : shift + starts], scores, out=out[shift : shift + starts])
    return out


def top_k(scores: ArrayLike, k: int) -> np.ndarray:
    """Indices of the `k` highest of 1-D `scores`, best first; equal scores keep index order.

    argpartition then a sort of the `k` chosen, so a query over n passages costs O(n + k log k)
    rather than a full sort. Ties are stable at the cut too: of equal scores straddling the k-th
    place, the earliest indices are kept. k > n gives all n; k <= 0 or no scores give none.
    """
    values = np.asarray(scores)
    if values.ndim != 1:
        raise ValueError(f"top_k takes a 1-D array of scores, not {values.ndim}-D")
    n = len(values)
    k = min(k, n)
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        kth = np.partition(values, n - k)[n - k]  # the k-th highest score
        above = np.flatnonzero(values > kth)
        at_cut = np.flatnonzero(values == kth)[: k - len(above)]
        chosen = np.concatenate([above, at_cut])
        chosen.sort()  # index order, so the stable sort below keeps ties earliest first
    else:
        chosen = np.arange(n)
    return chosen[np.argsort(-values[chosen], kind="stable")].astype(np.int64, copy=False)


def percentile(values: Sequence[float] | np.ndarray, pct: float) -> float | None:
    """The nearest-rank `pct` percentile (numpy's "inverted_cdf"); None when there are no values.

    Nearest rank, not interpolation: the figure is always a value that was measured (a latency
    some request really had), and p95 of 20 requests is the 19th slowest, no in-between.
    """
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return None
    return float(np.percentile(data, pct, method="inverted_cdf"))


def latency_percentiles(latencies_ms: Iterable[float]) -> dict[str, float | None]:
    """p50 and p95 of latencies in milliseconds, rounded to 0.01 ms (None when there are none)."""
    data = np.fromiter(latencies_ms, dtype=np.float64)
    summary: dict[str, float | None] = {}
    for name, pct in (("p50", 50), ("p95", 95)):
        value = percentile(data, pct)
        summary[name] = None if value is None else round(value, 2)
    return summary

"""Scores of a run: nDCG@10, Recall@100, MRR@10 from ir-measures (pytrec_eval underneath)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

# Names in the --json output -> ir-measures measure names.
MEASURES = {"ndcg@10": "nDCG@10", "recall@100": "R@100", "mrr@10": "RR@10"}


def score_run(
    qrels: Mapping[str, Mapping[str, int]], run: Mapping[str, Sequence[str]]
) -> dict[str, float]:
    """Mean of each measure over every judged query; a query with no results scores 0.

    `run` gives each query's documents best first. They are scored by rank, not by the
    retriever's score, so ties are never reordered by the metric library.
    """
    import ir_measures

    measures = [ir_measures.parse_measure(name) for name in MEASURES.values()]
    scored_run = {
        qid: {doc: float(len(docs) - rank) for rank, doc in enumerate(docs)}
        for qid, docs in run.items()
        if docs
    }
    per_query: dict[str, dict[str, float]] = {name: {} for name in MEASURES.values()}
    judged = {q: {d: int(r) for d, r in rels.items()} for q, rels in qrels.items()}
    for metric in ir_measures.iter_calc(measures, judged, scored_run):
        per_query[str(metric.measure)][metric.query_id] = float(metric.value)
    # pytrec_eval leaves out queries without results; they count as zero here.
    return {
        key: float(np.mean([per_query[name].get(q, 0.0) for q in qrels])) if qrels else 0.0
        for key, name in MEASURES.items()
    }


def contains_any(text: str, spans: Sequence[str]) -> bool:
    """Whether a gold answer span occurs in `text` (case and spacing ignored)."""
    haystack = " ".join(text.split()).casefold()
    return any(" ".join(span.split()).casefold() in haystack for span in spans if span.strip())

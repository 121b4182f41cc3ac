"""Evaluation results -> text for a person, or one JSON object for a script."""

from __future__ import annotations

import json

from bot.evaluation.runner import BeirResult, QuestionResult


def render_json(result: BeirResult | QuestionResult) -> str:
    return json.dumps(result.to_dict())


def render_text(result: BeirResult | QuestionResult) -> str:
    if isinstance(result, QuestionResult):
        return _questions_text(result)
    what = "stock dense (one vector per document)" if result.stock else f"pipeline {result.mode}"
    lines = [
        f"{result.dataset} ({result.split}): {result.queries} queries, "
        f"{result.documents} documents, {result.passages} vectors; {what}",
        f"  nDCG@10     {result.metrics['ndcg@10']:.4f}",
        f"  Recall@100  {result.metrics['recall@100']:.4f}",
        f"  MRR@10      {result.metrics['mrr@10']:.4f}",
    ]
    if result.answer_span_hit is not None:
        lines.append(f"  answer span in the quoted answer  {result.answer_span_hit:.4f}")
    lines.append(
        f"  latency per query  p50 {result.latency_ms['p50']} ms, p95 {result.latency_ms['p95']} ms"
    )
    built = "from the cache" if result.cached else f"built in {result.index_seconds:.1f} s"
    lines.append(f"  index {built}")
    return "\n".join(lines)


def _questions_text(result: QuestionResult) -> str:
    data = result.to_dict()
    counts = data["counts"]
    n = result.in_domain
    lines = [
        f"{result.dataset}: {result.queries} questions ({n} in domain, "
        f"{result.out_of_domain} to refuse); pipeline {result.mode}",
        f"  right passage first (hit@1)      {counts['hit@1']}/{n}",
        f"  right passage in top 3 (hit@3)   {counts['hit@3']}/{n}",
        f"  expected phrase in the answer    {counts['answer_phrase_hit']}/{n}",
        f"  refusal accuracy                 "
        f"{counts['answered_in_domain'] + counts['refused_out_of_domain']}/{result.queries} "
        f"({counts['refused_out_of_domain']}/{result.out_of_domain} refused, "
        f"{counts['answered_in_domain']}/{n} answered)",
        f"  latency per question  p50 {result.latency_ms['p50']} ms, "
        f"p95 {result.latency_ms['p95']} ms",
    ]
    if result.misses:
        lines.append("  not first:")
        lines.extend(f"    - {q}" for q in result.misses)
    return "\n".join(lines)

"""Retrieval benchmark: docs/retrieval-quality.md's table, one `evbot eval` run per row.

    .venv/bin/python benchmarks/retrieval.py [--sets xquad-en scifact-train] [--json]
Reads ../shared/benchmarks; built indexes are cached in ~/.cache/evbot/eval, so only the first
run embeds (SciFact: several minutes on 2 cores). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.embedding import get_embedder  # noqa: E402
from bot.evaluation.datasets import load_beir  # noqa: E402
from bot.evaluation.runner import default_cache_dir, run_beir  # noqa: E402
from bot.settings import load_settings  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
# (label, mode, stock, titles): MTEB's XQuAD task embeds paragraph text only, SciFact title + text.
ROWS = [
    ("stock dense", "dense", True, None),
    ("pipeline dense", "dense", False, True),
    ("pipeline bm25", "bm25", False, True),
    ("pipeline hybrid (the bot)", "hybrid", False, True),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="+", default=["xquad-en", "scifact-train"])
    parser.add_argument("--json", action="store_true", help="one JSON object a row")
    args = parser.parse_args()
    settings = load_settings()
    embedder = get_embedder(settings.model, settings.batch_size)
    print("| set | run | nDCG@10 | Recall@100 | MRR@10 | answer span | p50 ms |")
    print("|---|---|---|---|---|---|---|")
    for name in args.sets:
        beir = load_beir(SHARED / name)
        for label, mode, stock, titles in ROWS:
            use_titles = titles if titles is not None else name != "xquad-en"
            result = run_beir(
                beir, settings, embedder, mode=mode, stock=stock, titles=use_titles,
                cache_dir=default_cache_dir(), build_progress=True,
            )  # fmt: skip
            if args.json:
                print(json.dumps({"run": label, **result.to_dict()}), flush=True)
                continue
            m = result.metrics
            span = f"{result.answer_span_hit:.3f}" if result.answer_span_hit is not None else "–"
            print(
                f"| {name} | {label} | {m['ndcg@10']:.4f} | {m['recall@100']:.4f} | "
                f"{m['mrr@10']:.4f} | {span} | {result.latency_ms['p50']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()

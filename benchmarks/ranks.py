"""Where the right passage ranks, by each scorer, for the tuning sets' in-domain questions.

    .venv/bin/python benchmarks/ranks.py [--sets NAME ...] [--all] [--answer-late DEPTH:WEIGHT]

For each in-domain question of the tuning sets (never the held-out ones: docs/quality.md's
measuring rules), the expected passage's rank (1 = first) by the dense cosine, BM25, MaxSim over
every passage (late interaction), the fused score, the answer's re-ranking and the citations
(`--answer-late 10:0.5`: as session 11's bot re-ranked); then, per set, how many misses have the
right passage first / in the top 3 by each scorer. Prints only the misses (cited first is not the
expected passage; 9: not cited) unless `--all`. A diagnostic: it changes nothing in the bot.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.retrieval  # noqa: E402
from benchmarks.quality import SETS, rows, shipped_service  # noqa: E402
from bot.retrieval import LateInteraction  # noqa: E402

SCORERS = ("dense", "bm25", "maxsim", "fused", "reranked", "cited")


def rank_of(scores: np.ndarray, row: int) -> int:
    """1-based place of `row` in `scores` sorted best first (ties: earlier row first)."""
    order = np.argsort(-scores, kind="stable")
    return int(np.flatnonzero(order == row)[0]) + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=None, help="tuning sets (default: all)")
    parser.add_argument("--all", action="store_true", help="every question, not the misses only")
    parser.add_argument(
        "--answer-late", default=None, help="the answer's re-ranking DEPTH:WEIGHT (the bot: 20:6)"
    )
    args = parser.parse_args()
    if args.answer_late:
        depth, _, weight = args.answer_late.partition(":")
        bot.retrieval.ANSWER_LATE_DEPTH = int(depth)
        bot.retrieval.ANSWER_LATE_WEIGHT = float(weight)
    names = args.sets or [
        n for n in SETS["tuning"] if not n.startswith(("conversations", "offtopic"))
    ]
    with tempfile.TemporaryDirectory() as tmp:
        service = shipped_service(Path(tmp))
        retriever = service.retriever
        late = retriever.late or LateInteraction(retriever.index, service.embedder)
        passages = retriever.index.passages
        everyone = list(range(len(passages)))
        for name in names:
            first: Counter[str] = Counter()
            top3: Counter[str] = Counter()
            misses = 0
            for q in rows(name):
                if q.get("refuse"):
                    continue
                expected = [i for i, p in enumerate(passages) if q["expect"] in p.text]
                if not expected:
                    print(f"  (no passage holds {q['expect']!r})")
                    continue
                row = expected[0]
                question = q["question"]
                vector = service.embedder.encode_query(question)
                dense = retriever._cosines(np.asarray(everyone), vector)
                bm25 = retriever.index.lexical.scores(question)
                maxsim = late.passage_scores(question, everyone)
                ranking = retriever.rank(question, vector)
                fused = np.full(len(passages), -np.inf)
                fused[ranking.ids] = ranking.scores
                # The answer's own re-ranking, short-question weight included (answer_late_weight)
                reranked = retriever.answer_ranking(question, ranking)
                answer = service.ask(question)
                cited = [c.text for c in answer.citations]
                # 9: not cited (or refused)
                cited_rank = next((i + 1 for i, t in enumerate(cited) if q["expect"] in t), 9)
                places = {
                    "dense": rank_of(dense, row),
                    "bm25": rank_of(np.asarray(bm25, np.float64), row),
                    "maxsim": rank_of(maxsim, row),
                    "fused": rank_of(fused, row),
                    "reranked": int(np.flatnonzero(reranked.ids == row)[0]) + 1,
                    "cited": cited_rank,
                }
                missed = cited_rank != 1
                misses += missed
                if missed:
                    for scorer, place in places.items():
                        first[scorer] += place == 1
                        top3[scorer] += place <= 3
                if missed or args.all:
                    winner = int(reranked.ids[0])
                    shown = " ".join(f"{s}={places[s]}" for s in SCORERS)
                    print(f"  {shown} p{row}<-p{winner} {question}")
            print(
                f"{name}: misses {misses}; of them right first by "
                + ", ".join(f"{s} {first[s]}" for s in SCORERS)
                + "; in the top 3 by "
                + ", ".join(f"{s} {top3[s]}" for s in SCORERS)
            )


if __name__ == "__main__":
    main()

"""Would the query log's per-passage votes help the ranking, and can they be trusted? (issue 17)

    .venv/bin/python benchmarks/votes.py

No question set here carries real votes, so they are simulated from the sets' answers: askers
vote a quoted passage down when it is not the expected one and up when it is. A passage is
demoted for a new question (out of first place, to the end of the citations) when, among earlier
questions whose vectors are within `--near` cosine of it, at least `--askers` distinct askers
voted it down and more voted it down than up. Two figures per setting: the right passage first
with and without demotion, on the tuning set left one question out at a time (its own votes never
count) and on the held-out sets with the tuning set's votes; and the harm an organised few can
do: the right passages first that a given number of accounts, voting every right answer down,
takes away. Prints figures; asserts nothing; nothing here changes the bot (docs/quality-log.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.quality import shipped_service  # noqa: E402
from bot.service import AnswerService  # noqa: E402

DATA = ROOT / "tests" / "data"
TUNING = ["shipped-questions.jsonl", "tuning-extra.jsonl"]
HELD_OUT = ["shipped-questions-holdout.jsonl", "quality-holdout.jsonl", "quality-holdout-2.jsonl"]


def in_domain(names: list[str]) -> list[dict]:
    rows = [json.loads(line) for n in names for line in (DATA / n).read_text().splitlines() if line]
    return [q for q in rows if not q.get("refuse")]


def cited(service: AnswerService, question: str) -> tuple[np.ndarray, list[str], list[str]]:
    """The question's vector, and its first four passages (ids, texts) in the order cited."""
    query, vector = service.search_for(question)
    hits = service.retriever.search_vector(query, vector, 4)
    answer = service.ask(question, citations=4)
    order = [c.passage_id for c in answer.citations]
    texts = {h.passage.id: h.passage.text for h in hits}
    return vector, order, [texts.get(p, "") for p in order]


def first_right(q: dict, order: list[str], texts: list[str], demoted: set[str]) -> bool:
    kept = [t for p, t in zip(order, texts, strict=True) if p not in demoted]
    rest = [t for p, t in zip(order, texts, strict=True) if p in demoted]
    return bool(kept + rest) and q["expect"] in (kept + rest)[0]


def demoted_for(vector, votes, near: float, askers: int) -> set[str]:
    """Passages voted down by enough distinct askers of questions near this one."""
    down: dict[str, set[str]] = {}
    up: dict[str, set[str]] = {}
    for other, passage, user, helpful in votes:
        if float(other @ vector) >= near:
            (up if helpful else down).setdefault(passage, set()).add(user)
    return {
        p for p, users in down.items() if len(users) >= askers and len(users) > len(up.get(p, ()))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voters", type=int, default=3, help="honest askers voting per question")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        service = shipped_service(Path(tmp))
        tuning = [(q, *cited(service, q["question"])) for q in in_domain(TUNING)]
        held = [(q, *cited(service, q["question"])) for q in in_domain(HELD_OUT)]

    def honest_votes(i: int, q: dict, vector, order, texts) -> list:
        right = q["expect"] in texts[0]
        return [(vector, order[0], f"asker{i}-{v}", right) for v in range(args.voters)]

    votes_by_q = [honest_votes(i, *row) for i, row in enumerate(tuning)]
    all_votes = [v for vs in votes_by_q for v in vs]
    base_t = sum(first_right(q, o, t, set()) for q, _, o, t in tuning)
    base_h = sum(first_right(q, o, t, set()) for q, _, o, t in held)
    print(f"{args.voters} honest askers vote on each tuning answer; right passage first without"
          f" votes: tuning {base_t} / {len(tuning)}, held out {base_h} / {len(held)}")  # fmt: skip
    for near in (0.5, 0.6, 0.7, 0.8):
        for askers in (1, 2, 3):
            loo = sum(
                first_right(
                    q,
                    o,
                    t,
                    demoted_for(
                        v,
                        [x for j, vs in enumerate(votes_by_q) if j != i for x in vs],
                        near,
                        askers,
                    ),
                )
                for i, (q, v, o, t) in enumerate(tuning)
            )
            out = sum(
                first_right(q, o, t, demoted_for(v, all_votes, near, askers)) for q, v, o, t in held
            )
            # An organised few: `askers` accounts vote every right tuning answer down.
            attack = [
                (v, o[0], f"sock{s}", False)
                for q, v, o, t in tuning
                if q["expect"] in t[0]
                for s in range(askers)
            ]
            harmed = sum(
                first_right(q, o, t, set())
                and not first_right(
                    q,
                    o,
                    t,
                    demoted_for(
                        v,
                        [x for j, vs in enumerate(votes_by_q) if j != i for x in vs] + attack,
                        near,
                        askers,
                    ),
                )
                for i, (q, v, o, t) in enumerate(tuning)
            )
            print(
                f"near {near}, {askers} distinct askers: tuning (left out) {loo} / {len(tuning)},"
                f" held out {out} / {len(held)}; {askers} accounts voting right answers down"
                f" take {harmed} first places"
            )


if __name__ == "__main__":
    main()

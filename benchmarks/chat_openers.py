"""Questions opened with chat filler: each in-domain question asked alone, bare and with a thanks
or an acknowledgement before it (docs/quality-log.md, "Chat openers before a question (session
17)").

    .venv/bin/python benchmarks/chat_openers.py [--side tuning|held-out] [--variants V [V ...]]

Asks every in-domain question of the side's sets (`benchmarks/quality.py` SETS, small-talk sets
aside) as `evbot ask` does, bare and with each of `OPENERS` before it, and prints per variant and
opener: right passage first / in the top three, the expected words quoted, the outcomes, and how
many answers differ from the bare question's (first citation or outcome). Variants: `off` (only
a greeting taken off: `bot.small_talk.CHAT_OPENERS` off), `kept` (the opener taken off, its
connective kept: `OPENER_CONNECTIVES` off), `taken` (both taken off: the bot). The held-out side
prints counts only. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import SETS, rows, shipped_service

import bot.small_talk
from bot.answer import Answer

# What a chat user types before a question: a thanks, an acknowledgement, a filler.
OPENERS = ("thx! ", "ok so ", "cool. ", "lol ok but ")
VARIANTS = {"off": (False, False), "kept": (True, False), "taken": (True, True)}


def in_domain(side: str) -> list[dict]:
    names = (
        SETS["tuning"]
        if side == "tuning"
        else [n for k, v in SETS.items() if k != "tuning" for n in v]
    )
    return [q for name in names for q in rows(name) if "question" in q and not q.get("refuse")]


def figures(questions: list[dict], answers: list[Answer], bare: list[Answer]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for q, answer, alone in zip(questions, answers, bare, strict=True):
        texts = [c.text for c in answer.citations]
        counts["first"] += bool(texts) and q["expect"] in texts[0]
        counts["top 3"] += any(q["expect"] in t for t in texts[:3])
        counts["words"] += q.get("words", q["expect"]) in answer.answer
        counts[answer.outcome] += 1
        first = texts[:1] == [c.text for c in alone.citations[:1]]
        counts["differs"] += not first or answer.outcome != alone.outcome
    return {
        k: counts[k]
        for k in ("first", "top 3", "words", "answered", "partial", "refused", "differs")
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--side", choices=["tuning", "held-out"], default="tuning")
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    args = parser.parse_args()
    questions = in_domain(args.side)
    with tempfile.TemporaryDirectory() as tmp:
        service = shipped_service(Path(tmp))
        _ = service.retriever  # loaded: the small-talk check below reads the index's terms
        cache: dict[tuple[bool, str], Answer] = {}

        def ask(text: str) -> Answer:
            # The answer depends on the text only through the small-talk check and what is searched.
            key = (service.small_talk_of(text) is None, bot.small_talk.without_greeting(text))
            if key not in cache:
                cache[key] = service.ask(text)
            return cache[key]

        for variant in args.variants:
            bot.small_talk.CHAT_OPENERS, bot.small_talk.OPENER_CONNECTIVES = VARIANTS[variant]
            bare = [ask(q["question"]) for q in questions]
            print(
                f"{args.side} {variant} bare ({len(questions)}): {figures(questions, bare, bare)}"
            )
            for opener in OPENERS:
                answers = [ask(opener + q["question"]) for q in questions]
                print(f"{args.side} {variant} {opener!r}: {figures(questions, answers, bare)}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Questions opened or closed with chat filler: each in-domain question asked alone, bare and with
a thanks or an acknowledgement before it or after it (docs/quality-log.md, "Chat openers before a
question (session 17)", "Chat around a question (session 18)").

    .venv/bin/python benchmarks/chat_openers.py [--side tuning|held-out] [--variants V [V ...]]

Asks every in-domain question of the side's sets (`benchmarks/quality.py` SETS, small-talk sets
aside) as `evbot ask` does, bare, with each of `OPENERS` before it and each of `CLOSERS` after it
(a closer opening with "?" takes the place of the question's own), and prints per variant and
opener or closer: right passage first / in the top three, the expected words quoted, the
outcomes, and how many answers differ from the bare question's (first citation or outcome); a
closer opening with "?" is compared with the question ending in "?" (printed as '?').
Variants (`bot.small_talk` flags): `off` (only a greeting taken off: CHAT_OPENERS off), `kept`
(the opener taken off, its connective kept: OPENER_CONNECTIVES off), `openers` (session 17's
bot: openers and their connectives taken off, closers searched: CHAT_CLOSERS and
QUESTION_WORD_ANYWHERE off), `own-mark-off` (session 18's bot: a closer with its own "?" after the
question's is searched: CLOSER_OWN_MARK off), `session-21` (session 21's bot: only session 19's
how-are-you forms greet before a question, and a question announced is searched:
HOW_ARE_YOU_OPENERS and QUESTION_ANNOUNCED off), `session-22` (session 22's bot: a state said
back, a goodbye, chat spellings, "one more:" and a filler before a question searched:
STATE_OPENERS, GOODBYE_OPENERS, SPELLED_OPENERS, ANOTHER_ANNOUNCED and FILLER_OPENERS off),
`session-23` (session 23's bot: session 24's greetings, interjections and discourse words
before a question searched: CHAT_FORMS_24 and DISCOURSE_OPENERS off), `taken` (the bot: closers
taken off too, and a question word further on after a thanks makes a question). `--openers 24`
asks session 24's discourse openers only ("anyway, ", "actually ", …), each also before every
near-domain question of the side (not presented as answered: partial or refused). The held-out
side prints counts only.
Figures only; nothing is asserted.
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

# What a chat user types before a question: a thanks, an acknowledgement, a filler; three
# (session 18) in chat spellings and an emoji; a how-are-you and a laugh (session 19); a
# how-are-you in other words and a question announced (session 22); a state said back, a goodbye,
# a chat spelling, "one more:" and a filler (session 23).
OPENERS = (
    "thx! ", "ok so ", "cool. ", "lol ok but ", "thank u! ", "ty so much, ", "👍 ", "sup, ",
    "hey, how are you? ", "heh, ", "hey how's your evening going, ", "hope you're well! ",
    "quick question: ", "um, ", "not bad, ", "gotta run, but ", "u up? ", "cheers, one more: ",
    "btw, ", "wait, ", "tbh, ", "hello? ",
)  # fmt: skip
# Session 24: discourse words before a question, with a mark or before a question word.
OPENERS_24 = ("anyway, ", "actually ", "also, quick one: ", "lastly, ", "so like ")
# And after it (session 18): a thanks, a laugh, an emoji, a "please"; session 19: a thanks with
# its own "?" after the question's, and a laugh in other letters.
CLOSERS = (" thanks", "? thx!", " lol", " 🙏", " pls", "? thanks?", " heh")
# CHAT_OPENERS, OPENER_CONNECTIVES, CHAT_CLOSERS, QUESTION_WORD_ANYWHERE, CLOSER_OWN_MARK,
# HOW_ARE_YOU_OPENERS, QUESTION_ANNOUNCED; STATE_OPENERS, GOODBYE_OPENERS, SPELLED_OPENERS,
# ANOTHER_ANNOUNCED, FILLER_OPENERS (all five together); CHAT_FORMS_24, DISCOURSE_OPENERS (both).
VARIANTS = {
    "off": (False, False, False, False, False, False, False, False, False),
    "kept": (True, False, False, False, False, False, False, False, False),
    "openers": (True, True, False, False, False, False, False, False, False),
    "own-mark-off": (True, True, True, True, False, False, False, False, False),  # session 18's
    "session-21": (True, True, True, True, True, False, False, False, False),
    "session-22": (True, True, True, True, True, True, True, False, False),
    "session-23": (True, True, True, True, True, True, True, True, False),
    "taken": (True, True, True, True, True, True, True, True, True),
}


def closed(question: str, closer: str) -> str:
    """`question` with `closer` after it; a closer's own "?" takes the place of the question's."""
    return (question.rstrip("?") if closer.startswith("?") else question) + closer


def in_domain(side: str) -> list[dict]:
    names = (
        SETS["tuning"]
        if side == "tuning"
        else [n for k, v in SETS.items() if k != "tuning" for n in v]
    )
    return [q for name in names for q in rows(name) if "question" in q and not q.get("refuse")]


def near_domain(side: str) -> list[str]:
    """The side's near-domain questions (the sources do not answer them)."""
    names = (
        SETS["tuning"]
        if side == "tuning"
        else [n for k, v in SETS.items() if k != "tuning" for n in v]
    )
    return [
        q["question"]
        for name in names
        for q in rows(name)
        if q.get("refuse") and q.get("kind") == "near-domain"
    ]


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
    parser.add_argument("--openers", choices=["all", "24"], default="all")
    args = parser.parse_args()
    questions = in_domain(args.side)
    near = near_domain(args.side) if args.openers == "24" else []
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
            (
                bot.small_talk.CHAT_OPENERS,
                bot.small_talk.OPENER_CONNECTIVES,
                bot.small_talk.CHAT_CLOSERS,
                bot.small_talk.QUESTION_WORD_ANYWHERE,
                bot.small_talk.CLOSER_OWN_MARK,
                bot.small_talk.HOW_ARE_YOU_OPENERS,
                bot.small_talk.QUESTION_ANNOUNCED,
                openers_23,
                openers_24,
            ) = VARIANTS[variant]
            bot.small_talk.CHAT_FORMS_24 = bot.small_talk.DISCOURSE_OPENERS = openers_24
            bot.small_talk.STATE_OPENERS = bot.small_talk.GOODBYE_OPENERS = openers_23
            bot.small_talk.SPELLED_OPENERS = bot.small_talk.ANOTHER_ANNOUNCED = openers_23
            bot.small_talk.FILLER_OPENERS = openers_23
            bare = [ask(q["question"]) for q in questions]
            print(
                f"{args.side} {variant} bare ({len(questions)}): {figures(questions, bare, bare)}"
            )
            for opener in OPENERS if args.openers == "all" else OPENERS_24:
                answers = [ask(opener + q["question"]) for q in questions]
                print(f"{args.side} {variant} {opener!r}: {figures(questions, answers, bare)}")
            for opener in ("", *OPENERS_24) if near else ():
                kept = sum(ask(opener + q).outcome != "answered" for q in near)
                print(f"{args.side} {variant} near {opener!r}: not answered {kept} of {len(near)}")
            if args.openers == "24":
                sys.stdout.flush()
                continue
            # A "?" alone changes some answers (232 of 462 tuning questions have none): a closer
            # bringing its own is compared with the question ending in "?".
            marked = [ask(closed(q["question"], "?")) for q in questions]
            print(f"{args.side} {variant} '?': {figures(questions, marked, bare)}")
            for closer in CLOSERS:
                answers = [ask(closed(q["question"], closer)) for q in questions]
                alone = marked if closer.startswith("?") else bare
                print(f"{args.side} {variant} {closer!r}: {figures(questions, answers, alone)}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

"""The terminal front end: renders an `Answer` as text and runs the interactive chat loop."""

from __future__ import annotations

import json
import logging
import sys
import textwrap
import uuid
from itertools import groupby
from typing import TextIO

from bot.answer import Answer, day
from bot.chat.messages import SORRY
from bot.errors import EvbotError
from bot.service import TURN_REPLIES, AnswerService

log = logging.getLogger(__name__)
WIDTH = 88


def render_text(answer: Answer) -> str:
    if answer.refused or answer.reply:  # a refusal or a reply: its text alone, nothing quoted
        return answer.answer
    lines = [answer.partial_label] if answer.partial_label else []
    lines += [
        textwrap.fill(f"“{' '.join(q.text for q in group)}” [{n}]", WIDTH)
        for n, group in groupby(answer.quotes, key=lambda q: q.citation)
    ]
    lines.append("")
    built = f" as of {day(answer.index_built_at)}" if answer.index_built_at else ""
    lines.append(f"Sources{built}:")
    for c in answer.citations:
        where = f" — {c.section}" if c.section else ""
        when = f" (published {day(c.published)})" if c.published else ""
        lines.append(f"[{c.n}] {c.title}{where}{when}")
        if c.link or c.url:
            lines.append(f"    {c.link or c.url}")
        lines.append(textwrap.indent(textwrap.fill(f"“{c.text}”", WIDTH - 4), "    "))
    lines.append(f"(answer {answer.id}: `evbot feedback {answer.id} --helpful` to rate it)")
    return "\n".join(lines)


def render_json(answer: Answer) -> str:
    return json.dumps(answer.to_dict(), ensure_ascii=False)


def _report(error: str, question: str, *, as_json: bool, stdout: TextIO) -> None:
    """Why a question got no answer: a JSON line in place of its answer, else a line on stderr."""
    if as_json:
        print(json.dumps({"error": error, "question": question}), file=stdout, flush=True)
    else:
        print(f"evbot: {error}", file=sys.stderr, flush=True)


def chat(service: AnswerService, *, as_json: bool, stdin: TextIO, stdout: TextIO) -> int:
    """Answer one question a line until end of input; a bad question is reported, not fatal.

    The session's earlier questions go with each one, so a follow-up is understood in context.
    """
    history: list[str] = []
    conversation = uuid.uuid4().hex
    interactive = stdin.isatty() and not as_json
    if interactive:
        print("Ask about the EV rivalry (Ctrl-D or 'quit' to leave).", file=stdout)
    while True:
        if interactive:
            stdout.write("\nask> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            if interactive:  # Ctrl-D: the shell's prompt on a line of its own
                print(file=stdout)
            return 0
        question = line.strip()
        if interactive and question.lower() in {"quit", "exit"}:
            return 0
        if not question:
            continue
        try:
            answer = service.ask(question, history, source="terminal", conversation=conversation)
        except EvbotError as err:  # a bad question (empty, too long): said, and the next one
            _report(str(err), question, as_json=as_json, stdout=stdout)
            continue
        except Exception as err:  # a bug in one answer must not end the session, nor its history
            log.error(
                "answering %r failed: %r", question, err, exc_info=log.isEnabledFor(logging.INFO)
            )
            _report(SORRY, question, as_json=as_json, stdout=stdout)
            continue
        # small talk is no part of the conversation a follow-up reads; "start over" is
        if not answer.reply or answer.reply in TURN_REPLIES:
            history.append(answer.question)
        print(render_json(answer) if as_json else render_text(answer), file=stdout, flush=True)

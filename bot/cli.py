"""`evbot`: a thin command line over the answer layer and the index builder."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from bot.errors import EvbotError
from bot.settings import Settings, get_settings

log = logging.getLogger("bot")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="evbot: %(levelname)s %(name)s: %(message)s")
    logging.getLogger().handlers[0].setLevel(
        level
    )  # libraries that lower their own level stay quiet
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return int(args.run(args, get_settings()) or 0)
    except EvbotError as err:
        print(f"evbot: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("evbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evbot", description="Answers questions about the EV rivalry from cited sources."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer one question with quoted, cited passages")
    ask.add_argument("question", nargs="+", help="the question (quotes optional)")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.set_defaults(run=cmd_ask)

    chat = commands.add_parser("chat", help="ask questions one after another in the terminal")
    chat.add_argument("--json", action="store_true", help="one JSON answer a line")
    chat.set_defaults(run=cmd_chat)

    index = commands.add_parser("index", help="build or inspect the search index")
    index_commands = index.add_subparsers(title="index commands", metavar="COMMAND")
    build = index_commands.add_parser("build", help="rebuild index/ from the articles in corpus/")
    build.add_argument("--json", action="store_true", help="print the build report as JSON")
    build.set_defaults(run=cmd_index_build)
    info = index_commands.add_parser("info", help="what the live index holds")
    info.add_argument("--json", action="store_true", help="print the manifest summary as JSON")
    info.set_defaults(run=cmd_index_info)
    return parser


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answer import validate_question
    from bot.service import AnswerService
    from bot.terminal import render_json, render_text

    question = validate_question(" ".join(args.question))  # bad input fails before any loading
    answer = AnswerService(settings).ask(question)
    print(render_json(answer) if args.json else render_text(answer))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.service import AnswerService
    from bot.terminal import chat

    service = AnswerService(settings)
    service.retriever  # noqa: B018 -- fail on a missing index before the first prompt
    return chat(service, as_json=args.json, stdin=sys.stdin, stdout=sys.stdout)


def cmd_index_build(args: argparse.Namespace, settings: Settings) -> int:
    from bot.embedding import get_embedder
    from bot.index import build_index

    progress = sys.stderr.isatty() and not args.json
    report = build_index(
        settings, get_embedder(settings.model, settings.batch_size), progress=progress
    )
    for problem in report.problems:
        print(f"evbot: skipped {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(
            f"Indexed {report.articles} article(s): {report.passages} passages, "
            f"{report.embedded} embedded, in {report.seconds:.1f} s -> {settings.index_dir}"
        )
    return 0


def cmd_index_info(args: argparse.Namespace, settings: Settings) -> int:
    from bot.index import read_manifest

    build, manifest = read_manifest(settings.index_dir)
    counts = manifest.get("counts", {})
    info = {
        "path": str(build),
        "articles": counts.get("articles"),
        "passages": counts.get("passages"),
        "model": manifest.get("model"),
        "dimension": manifest.get("dimension"),
        "built_at": manifest.get("built_at"),
        "format": manifest.get("format"),
        "chunking": manifest.get("chunking"),
    }
    if args.json:
        print(json.dumps(info))
    else:
        for key, value in info.items():
            print(f"{key + ':':<11} {value}")
        for doc_id, article in manifest.get("articles", {}).items():
            print(f"  - {doc_id}: {article.get('title')} ({article.get('passages')} passages)")
    return 0

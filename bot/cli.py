"""`evbot`: a thin command line over the answer layer and the index builder."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.errors import ConfigError, EvbotError
from bot.settings import Settings, get_settings

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger("bot")

# Modules that add their own commands: each has `register(commands, serve)`, which adds
# top-level commands to `commands` and `evbot serve NAME` front ends to `serve`. They import
# their heavy libraries inside the command functions, so `evbot --help` stays fast.
COMMAND_MODULES: list[str] = [
    "bot.evaluation.commands",
    "bot.discord.commands",
    "bot.slack.commands",
    "bot.ingest.commands",
    "bot.dashboard.commands",
]


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

    run = commands.add_parser(
        "run", help="the main job: serve Slack/Discord if their tokens are set, else the terminal"
    )
    run.set_defaults(run=cmd_run, json=False)

    chat = commands.add_parser("chat", help="ask questions one after another in the terminal")
    chat.add_argument("--json", action="store_true", help="one JSON answer a line")
    chat.set_defaults(run=cmd_chat)

    feedback = commands.add_parser("feedback", help="say whether an answer helped")
    feedback.add_argument("answer_id", help="the id printed with the answer")
    vote = feedback.add_mutually_exclusive_group(required=True)
    vote.add_argument("--helpful", dest="helpful", action="store_true")
    vote.add_argument("--not-helpful", dest="helpful", action="store_false")
    feedback.add_argument("--user", default=None, help="who is voting (one vote per user)")
    feedback.set_defaults(run=cmd_feedback)

    stats = commands.add_parser(
        "stats", help="questions, refusals, feedback, latency, worst answers"
    )
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.set_defaults(run=cmd_stats)

    logs = commands.add_parser("logs", help="the latest questions and answers, newest first")
    logs.add_argument("-n", "--count", type=int, default=10, help="how many (default 10)")
    logs.add_argument("--source", help="only from this front end: terminal, cli, slack, discord")
    logs.add_argument("--conversation", help="only this conversation (a thread, a chat session)")
    logs.add_argument("--json", action="store_true", help="one JSON object per line")
    logs.set_defaults(run=cmd_logs)

    serve = commands.add_parser("serve", help="run a chat front end (Slack, Discord)")
    serve_commands = serve.add_subparsers(title="front ends", metavar="FRONT_END")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, serve_commands)

    index = commands.add_parser("index", help="build or inspect the search index")
    index_commands = index.add_subparsers(title="index commands", metavar="COMMAND")
    build = index_commands.add_parser("build", help="rebuild index/ from the articles in corpus/")
    build.add_argument("--json", action="store_true", help="print the build report as JSON")
    build.add_argument("--full", action="store_true", help="re-embed every article")
    build.set_defaults(run=cmd_index_build)
    info = index_commands.add_parser("info", help="what the live index holds")
    info.add_argument("--json", action="store_true", help="print the manifest summary as JSON")
    info.set_defaults(run=cmd_index_info)
    verify = index_commands.add_parser(
        "verify", help="read every index file again against its checksum, then load it"
    )
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.set_defaults(run=cmd_index_verify)
    _add_db_commands(commands)
    return parser


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answer import validate_question
    from bot.embedding import Embedder
    from bot.service import AnswerService
    from bot.terminal import render_json, render_text

    question = validate_question(" ".join(args.question))  # bad input fails before any loading
    # One question does not repay an ONNX session: a second copy of the weights and 1-2 s to open.
    embedder = Embedder(settings.model, settings.batch_size, onnx_queries=False)
    answer = AnswerService(settings, embedder=embedder).ask(question)
    print(render_json(answer) if args.json else render_text(answer))
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Serve every chat platform whose token is configured; with none, chat in the terminal."""
    configured = {
        "slack": settings.slack.secret("bot_token"),
        "discord": settings.discord.token and settings.discord.token.get_secret_value().strip(),
    }
    fronts = [name for name, token in configured.items() if token]
    if not fronts:
        return cmd_chat(args, settings)
    if len(fronts) == 1:
        serve_args = _parser().parse_args(["serve", fronts[0]])
        return int(serve_args.run(serve_args, settings) or 0)
    log.warning("serving %s, one process each", " and ".join(fronts))
    return _supervise([[sys.executable, "-m", "bot", "serve", f] for f in fronts])


def _supervise(commands: list[list[str]]) -> int:
    """Run the commands together; when one exits (or we get SIGTERM), stop the rest."""
    children = [subprocess.Popen(command) for command in commands]
    previous = signal.signal(signal.SIGTERM, lambda *_: _stop(children))
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        failed = [child.returncode for child in children if child.returncode not in (None, 0)]
    finally:
        _stop(children)
        signal.signal(signal.SIGTERM, previous)
    return failed[0] if failed else 0


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a front end that ignores SIGTERM is killed
            child.kill()
            child.wait()


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.service import AnswerService
    from bot.terminal import chat

    # Loading takes seconds; on stderr, so `chat --json` output stays one answer a line.
    print("Loading the index and model…", file=sys.stderr, flush=True)
    service = AnswerService(settings)
    service.warm_up()  # fail on a missing index before the first prompt, and load the model
    return chat(service, as_json=args.json, stdin=sys.stdin, stdout=sys.stdout)


def cmd_feedback(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store import open_store

    open_store(settings).record_feedback(args.answer_id, args.user, args.helpful)
    print(f"Recorded: answer {args.answer_id} was {'' if args.helpful else 'not '}helpful.")
    return 0


def cmd_logs(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store import open_store

    if args.count < 1:
        raise ConfigError("-n/--count must be at least 1")
    store = open_store(settings)
    rows = store.recent(args.count, source=args.source, conversation=args.conversation)
    store.close()  # not after a failure: closing waits out the pool's reconnect to a hung server
    if not rows and not args.json:  # JSON Lines: no exchanges is no lines
        where = [f"from {args.source}"] * bool(args.source)
        where += [f"in conversation {args.conversation}"] * bool(args.conversation)
        print(" ".join(["No exchanges", *where]) + ".")
    for row in rows:
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
            continue
        votes = f", {row['helpful']} up / {row['not_helpful']} down" if row["votes"] else ""
        print(f"{row['asked_at']}  {row['source']}  {row['id']}  {row['latency_ms']} ms{votes}")
        print(f"  Q: {row['question']}")
        print(f"  A: {'(refused) ' if row['refused'] else ''}{row['answer'][:300]}")
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store import open_store

    store = open_store(settings)
    stats = store.stats()
    store.close()  # not after a failure: closing waits out the pool's reconnect to a hung server
    if args.json:
        print(json.dumps(stats))
        return 0
    latency = stats["latency_ms"]
    ratio = stats["helpful_ratio"]
    print(
        f"questions:   {stats['questions']}  (refused {stats['refused']}, "
        f"{stats['refusal_rate']:.0%})"
    )
    print("outcomes:    " + ", ".join(f"{n} {name}" for name, n in stats["outcomes"].items()))
    print(
        f"feedback:    {stats['helpful']} helpful, {stats['not_helpful']} not helpful"
        + (f" ({ratio:.0%} helpful)" if ratio is not None else "")
    )
    print(f"latency:     p50 {latency['p50']} ms, p95 {latency['p95']} ms")
    if stats["worst"]:
        print("worst answered (refused or voted down):")
        for row in stats["worst"]:
            why = "refused" if row["refused"] else f"{row['not_helpful']} not helpful"
            print(f"  - {row['question']}  [{why}; {row['answer_id']}]")
    print(f'hand-offs:   {stats["handoffs"]} ("Ask a human")')
    for row in stats["handoff_questions"]:
        print(f"  - {row['question']}  [{row['source']}; {row['answer_id']}]")
    if stats["passages_voted_down"]:
        print("passages voted down (quoted in answers marked not helpful):")
        for row in stats["passages_voted_down"]:
            print(
                f"  - {row['title']} [{row['passage_id']}]: "
                f"{row['not_helpful']} down, {row['helpful']} up: “{row['quote'][:120]}”"
            )
    return 0


def cmd_index_build(args: argparse.Namespace, settings: Settings) -> int:
    from bot.embedding import get_embedder
    from bot.index import build_index

    progress = sys.stderr.isatty() and not args.json
    embedder = get_embedder(settings.model, settings.batch_size)
    store = _store_publishing_index(settings)
    report = build_index(settings, embedder, full=args.full, progress=progress)
    published = _publish_index(store, settings) if store else None
    for problem in report.problems:
        print(f"evbot: skipped {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps({**report.to_dict(), **({"published": published} if store else {})}))
    elif report.up_to_date:
        print(f"Index is up to date: {report.articles} article(s), {report.passages} passages.")
    else:
        print(
            f"Indexed {report.articles} article(s) in {report.seconds:.1f} s: "
            f"{report.added} added, {report.changed} changed, {report.removed} removed, "
            f"{report.unchanged} unchanged; {report.passages} passages, {report.embedded} embedded."
        )
    if published and not args.json:
        print(f"Published build {published} to {store.location}: every worker pulls it.")
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


def cmd_index_verify(args: argparse.Namespace, settings: Settings) -> int:
    from bot.index import verify_index

    result = verify_index(settings.index_dir, settings.model)  # IndexUnavailable: one line, 1
    if args.json:
        print(json.dumps(result))
    elif result["checksummed"]:
        print(
            f"Index OK: {result['checksummed']} of {result['files']} files "
            f"({result['bytes'] / 1e6:.1f} MB) match their checksums; "
            f"{result['passages']} passages load ({result['path']})."
        )
    else:
        print(
            f"Index loads: {result['passages']} passages, {result['files']} files of the sizes "
            f"written; built before checksums, so their content is not checked ({result['path']})."
        )
    return 0


# -- evbot db: the shared-state database's schema ---------------------------------------------


def _add_db_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="the query log's database: schema version and upgrades")
    db_commands = db.add_subparsers(title="database commands", metavar="COMMAND")
    upgrade = db_commands.add_parser(
        "upgrade", help="apply the pending schema migrations (safe to run again, or at once)"
    )
    upgrade.set_defaults(run=cmd_db_upgrade)
    status = db_commands.add_parser("status", help="which database, and its schema version")
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(run=cmd_db_status)


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store import open_store

    store = open_store(settings, check=False)
    try:
        applied = store.upgrade()
        status = store.schema_status()
    finally:
        store.close()
    if applied:
        print(
            f"Upgraded {status.location} to schema version {status.version}: {', '.join(applied)}."
        )
    else:
        print(f"{status.location} is up to date (schema version {status.version}).")
    return 0


def cmd_db_status(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store import open_store

    store = open_store(settings, check=False)
    try:
        status = store.schema_status()
    finally:
        store.close()
    if args.json:
        print(json.dumps(status.to_dict()))
        return 0
    print(f"database:  {status.backend} {status.location}")
    print(f"schema:    version {status.version} of {status.latest}")
    if status.pending:
        print(f"pending:   {', '.join(status.pending)}  (run `evbot db upgrade`)")
    return 0


def _store_publishing_index(settings: Settings) -> Store | None:
    """With PostgreSQL, the store the build is published to, the published build pulled first
    so that a fresh process's build embeds only new and changed articles."""
    from bot.errors import IndexUnavailable
    from bot.store import StoreError, open_store
    from bot.store.published import pull

    if settings.database_url is None:
        return None  # SQLite: the local index/ is the only index
    store = open_store(settings)
    try:
        pull(store, settings.index_dir)
    except IndexUnavailable as err:
        print(f"evbot: {err}; building from the local index", file=sys.stderr)
    except StoreError as err:  # left open: closing would wait out a reconnect to a hung server
        why = f"could not pull the published index, so nothing was built: {err}"
        raise type(err)(why) from None
    return store


def _publish_index(store: Store, settings: Settings) -> str | None:
    from bot.store import StoreError
    from bot.store.published import publish

    try:
        published = publish(store, settings.index_dir)
    except StoreError as err:  # the build itself is whole on disk: the next build publishes it
        raise type(err)(
            f"built {settings.index_dir} but could not publish it "
            f"(`evbot index build` again publishes it): {err}"
        ) from None
    store.close()  # not after a failure: closing waits out the pool's reconnect to a hung server
    return published

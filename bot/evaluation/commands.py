"""`evbot eval PATH`: measure retrieval on a BEIR folder or on the project's question set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.settings import Settings


def register(commands: Any, serve: Any) -> None:
    parser = commands.add_parser(
        "eval",
        help="measure retrieval quality on a BEIR folder or a questions .jsonl file",
        description=(
            "Index a BEIR-format folder (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv) with the "
            "bot's pipeline and print nDCG@10, Recall@100 and MRR@10; or ask a questions .jsonl "
            "file against the live index and print hit@1, hit@3 and refusal accuracy."
        ),
    )
    parser.add_argument("path", type=Path, help="a BEIR folder or a questions .jsonl file")
    parser.add_argument(
        "--split", default=None, help="qrels split (default: test, or the only one)"
    )
    parser.add_argument(
        "--mode",
        choices=["hybrid", "dense", "bm25"],
        default=None,
        help="which rankings to use (default: hybrid, as the bot does)",
    )
    parser.add_argument(
        "--stock",
        action="store_true",
        help="one vector per document (title + text, truncated), the standard BEIR dense setup",
    )
    parser.add_argument(
        "--no-title",
        dest="titles",
        action="store_false",
        help="leave documents' titles out (MTEB's XQuADRetrieval embeds paragraph text only)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N queries")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--cache-dir", type=Path, default=None, help="where built benchmark indexes are kept"
    )
    parser.set_defaults(run=cmd_eval)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.embedding import get_embedder
    from bot.evaluation import runner
    from bot.evaluation.datasets import (
        EvalDataError,
        is_beir_folder,
        load_beir,
        load_questions,
    )
    from bot.evaluation.report import render_json, render_text

    if args.limit is not None and args.limit < 1:
        raise EvalDataError("--limit must be at least 1")
    if args.stock and args.mode not in (None, "dense"):
        raise EvalDataError("--stock is dense retrieval: leave out --mode or use --mode dense")
    mode = args.mode or ("dense" if args.stock else "hybrid")
    interactive = sys.stderr.isatty() and not args.json
    progress = runner.tqdm_progress if interactive else runner.no_progress
    path: Path = args.path
    embedder = get_embedder(settings.model, settings.batch_size)
    if is_beir_folder(path):
        beir = load_beir(path, args.split).limited(args.limit)
        result: Any = runner.run_beir(
            beir,
            settings,
            embedder,
            mode=mode,
            stock=args.stock,
            titles=args.titles,
            cache_dir=args.cache_dir or runner.default_cache_dir(),
            progress=progress,
            build_progress=interactive,
        )
    elif path.suffix == ".jsonl" or path.is_file():
        if args.stock or args.split:
            raise EvalDataError("--stock and --split apply to BEIR folders, not a question file")
        questions = load_questions(path)[: args.limit]
        result = runner.run_questions(
            questions, path.name, settings, embedder, mode=mode, progress=progress
        )
    else:
        raise EvalDataError(f"{path} is neither a BEIR folder nor a questions .jsonl file")
    print(render_json(result) if args.json else render_text(result))
    return 0

"""Core benchmark: rebuild throughput, no-change rebuild, warm latency, cold start, peak RSS.

Prints figures; asserts nothing (speed is measured here, never in tests).
    .venv/bin/python benchmarks/core.py [--articles 300] [--rounds 1]
The rebuild corpus is the first N SciFact abstracts from ../shared/benchmarks (as articles) plus
the shipped article; without that folder, the shipped article is copied N times with edits.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = ROOT.parent / "shared" / "benchmarks" / "scifact-train" / "corpus.jsonl"
QUESTIONS = ROOT / "tests" / "data" / "shipped-questions.jsonl"


# `evbot ask` in a fresh process that reports its own peak RSS from VmHWM: Linux carries
# ru_maxrss across exec, so getrusage would count the forked copy of this big parent.
COLD_ASK = """
import re, sys
from pathlib import Path
from bot.cli import main
code = main(["ask", "Who is Amazon partnering with on batteries?"])
status = Path("/proc/self/status").read_text()
print(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1), file=sys.stderr)
sys.exit(code)
"""


def make_corpus(target: Path, articles: int) -> str:
    shutil.copytree(ROOT / "corpus", target)
    if SCIFACT.exists():
        with SCIFACT.open() as handle:
            for _, line in zip(range(articles), handle, strict=False):
                doc = json.loads(line)
                body = f"# {doc['title']}\n\n{doc['text']}\n"
                (target / f"scifact-{doc['_id']}.md").write_text(body)
        return f"{articles} SciFact abstracts + the shipped article"
    text = (ROOT / "corpus" / "bezos-vs-musk-ev-rivalry.md").read_text()
    for i in range(articles):
        (target / f"copy-{i}.md").write_text(text.replace("Tesla", f"Tesla-{i}"))
    return f"{articles} edited copies of the shipped article"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument(
        "--rounds", type=int, default=1,
        help="full rebuilds of each kind, interleaved (the fastest of each is shown)",
    )  # fmt: skip
    args = parser.parse_args()

    from bot.embedding import get_embedder
    from bot.index import _dense_text, build_index, load_index
    from bot.ranking import percentile
    from bot.service import AnswerService
    from bot.settings import load_settings

    rows: list[tuple[str, str, str]] = []
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        described = make_corpus(corpus, args.articles)
        settings = load_settings(corpus_dir=corpus, index_dir=Path(tmp) / "index")
        embedder = get_embedder(settings.model)
        embedder.encode(["load the model before timing"])
        embedder.query_encoder()  # the ONNX query model's one-time export is not a build's cost

        # The bot's build, and one without the ranking's sentence vectors (their encoder pass
        # over every sentence alone), interleaved so both see the same machine.
        build_seconds = without_seconds = float("inf")
        without = load_settings(corpus_dir=corpus, index_dir=Path(tmp) / "without")
        for _ in range(args.rounds):
            started = time.perf_counter()
            build_index(without, embedder, full=True, ranking_sentences="none")
            without_seconds = min(without_seconds, time.perf_counter() - started)
            started = time.perf_counter()
            report = build_index(settings, embedder, full=True)
            build_seconds = min(build_seconds, time.perf_counter() - started)
        index = load_index(settings.index_dir, settings.model)
        texts = [_dense_text(p) for p in index.passages]
        started = time.perf_counter()
        embedder.encode(texts)
        raw_seconds = time.perf_counter() - started
        build_rate = report.passages / build_seconds
        raw_rate = len(texts) / raw_seconds
        rows.append(("corpus", described, f"{report.passages} passages"))
        rows.append(("full rebuild", f"{build_rate:.1f} passages/s", f"{build_seconds:.1f} s"))
        rows.append(("raw model.encode, same passages", f"{raw_rate:.1f} passages/s",
                     f"{raw_seconds:.1f} s"))  # fmt: skip
        rows.append(("rebuild / raw encode", f"{build_rate / raw_rate:.2f}x", "target >= 0.9x"))
        without_rate = report.passages / without_seconds
        rows.append(("full rebuild, no ranking sentence vectors",
                     f"{without_rate:.1f} passages/s", f"{without_seconds:.1f} s"))  # fmt: skip
        alone = f"the bot's also encodes {len(index.sentence_vectors)} sentences alone"
        rows.append(("that rebuild / raw encode", f"{without_rate / raw_rate:.2f}x", alone))

        started = time.perf_counter()
        none = build_index(settings, embedder)
        rows.append(("no-change rebuild (in process)",
                     f"{(time.perf_counter() - started) * 1000:.0f} ms",
                     f"embedded {none.embedded}; target < 2 s"))  # fmt: skip
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "index", "build"], check=True, capture_output=True,
            env={"EVBOT_CORPUS_DIR": str(corpus), "EVBOT_INDEX_DIR": str(settings.index_dir),
                 "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        rows.append(("no-change `evbot index build`",
                     f"{time.perf_counter() - started:.2f} s", "target < 2 s"))  # fmt: skip

        shipped = load_settings(
            corpus_dir=ROOT / "corpus", index_dir=Path(tmp) / "shipped",
            db_path=Path(tmp) / "log.sqlite3",
        )  # fmt: skip
        build_index(shipped, embedder)
        service = AnswerService(shipped, embedder)
        service.warm_up()
        questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
        latencies = []
        for i in range(200):
            started = time.perf_counter()
            service.ask(questions[i % len(questions)])
            latencies.append((time.perf_counter() - started) * 1000)
        rows.append(("warm answer p50 (200 questions)",
                     f"{percentile(latencies, 50):.1f} ms", "target <= 25 ms"))  # fmt: skip
        rows.append(("warm answer p95", f"{percentile(latencies, 95):.1f} ms", "target <= 50 ms"))

        started = time.perf_counter()
        child = subprocess.run(
            [sys.executable, "-c", COLD_ASK], check=True, capture_output=True, text=True,
            env={"EVBOT_INDEX_DIR": str(shipped.index_dir), "EVBOT_DB_PATH": str(shipped.db_path),
                 "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        cold = time.perf_counter() - started
        child_rss = int(child.stderr.strip().splitlines()[-1]) / 1024
        rows.append(("cold start to first answer (`evbot ask`)", f"{cold:.2f} s",
                     "target <= 6 s"))  # fmt: skip
        rows.append(("peak RSS, `evbot ask`", f"{child_rss:.0f} MB", "target <= 600 MB"))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(("peak RSS, this process (full build + serving)", f"{rss:.0f} MB", ""))

    load = f"{load_start:.1f} / {os.getloadavg()[0]:.1f}"
    rows.append(("1-minute load average, start / end", load, ""))
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>22}  {note}")


if __name__ == "__main__":
    main()

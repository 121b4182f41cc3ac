"""The cost curve of the index: build, disk, memory, load and answer time at 10^3..10^6 passages.

    .venv/bin/python benchmarks/scale.py [--passages N] [--json] [--questions 100]
For each size, writes a build with the bot's own writer (bot/index.py: BM25, FAISS, manifest,
checksums) from synthetic passages: SciFact abstract text (so BM25 sees real words and real
questions match), a marker word per passage, two sentences each, and clustered synthetic unit
vectors in place of the encoder's (encoding 10^6 passages would take a day on 2 cores;
benchmarks/core.py measures the encoder's throughput). Then a fresh process loads the index
with `load_index` and answers SciFact's questions as `evbot eval` does: embed the question,
rank, pick passages, quote. Figures, per size:
    build_passages_per_s  passages written per second, vectors given (no encoding)
    disk_mb               the build folder on disk
    rss_mb                resident memory of the answering process after load (model included)
    load_s                `load_index` in that fresh process (checksums verified)
    answer_p50_ms/p95     one question: its embedding, the search, the quote
    answer_cpu_p50_ms/p95 the same answers' CPU time (all threads of the process)
    load_avg              the machine's 1-minute load average as the answers began and ended
    answer_st_*           with --compare: the same questions, each embedded by
                          sentence-transformers' `encode` as before the ONNX encoder, asked in
                          turn with the bot's own way in the same process
Prints figures; asserts nothing. The 10^6 size needs ~10 GB of memory while it builds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCIFACT = ROOT.parent / "shared" / "benchmarks" / "scifact-train"
QUESTIONS = ROOT / "tests" / "data" / "shipped-questions.jsonl"
SIZES = (1_000, 10_000, 100_000, 1_000_000)
DIMENSION = 384
PER_ARTICLE = 10
CLUSTERS = 1_000  # synthetic vectors gather around topics, as real embeddings do

# The answering process: load, then answer like `evbot eval`'s pipeline (bot/evaluation).
ANSWER = """
import json, re, sys, time
from pathlib import Path
index_dir, model, questions = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
compare = sys.argv[4] == "compare"

def rss_mb(field="VmRSS"):
    status = Path("/proc/self/status").read_text()
    return int(re.search(field + r":\\s+(\\d+) kB", status).group(1)) / 1024

from bot.answer import compose_answer
from bot.embedding import get_embedder
from bot.index import load_index
from bot.retrieval import Retriever
from bot.service import best_similarity
embedder = get_embedder(model)
embedder.encode_query("load the model before the index is timed")
before = rss_mb()
started = time.perf_counter()
index = load_index(index_dir, model)
load_s = time.perf_counter() - started
retriever = Retriever(index, embedder)
articles = index.manifest["articles"]
# "st": the question embedded by sentence-transformers' encode, as before the ONNX encoder.
ways = {"": embedder.encode_query, "st": lambda text: embedder.encode([text])[0]}
if not compare:
    del ways["st"]
timed = {way: ([], []) for way in ways}
for n, text in enumerate(questions):
    # Both ways question by question, in turn first: the shared machine's load hits both alike.
    for way in sorted(ways, reverse=n % 2 == 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        vector = ways[way](text)
        ranking = retriever.rank(text, vector)
        hits = retriever.hits(text, vector, ranking, 3)
        compose_answer(text, hits, articles, min_score=0.3,
                       best_similarity=best_similarity(retriever, vector))
        if n >= 5:  # the first few warm caches up
            timed[way][0].append((time.perf_counter() - started) * 1000)
            timed[way][1].append((time.process_time() - started_cpu) * 1000)
print(json.dumps({"load_s": load_s, "rss_mb": rss_mb(), "rss_index_mb": rss_mb() - before,
                  "rss_anon_mb": rss_mb("RssAnon"), "rss_file_mb": rss_mb("RssFile"),
                  "timed": timed}))
"""


def texts_and_questions(limit: int) -> tuple[list[str], list[str]]:
    """Abstract texts to cycle through as passages, and questions to ask."""
    if (SCIFACT / "corpus.jsonl").exists():
        with (SCIFACT / "corpus.jsonl").open() as handle:
            texts = [" ".join(json.loads(line)["text"].split()[:90]) for line in handle]
        with (SCIFACT / "queries.jsonl").open() as handle:
            questions = [json.loads(line)["text"] for line in handle]
    else:
        body = (ROOT / "corpus" / "bezos-vs-musk-ev-rivalry.md").read_text().split("\n\n")
        texts = [p for p in body if len(p.split()) > 20]
        questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    return texts, questions[:limit]


def synthetic(passages: int, texts: list[str]):  # -> (articles, bot.index._Vectors)
    from bot.chunking import Passage
    from bot.corpus import Article
    from bot.index import _Vectors

    rng = np.random.default_rng(0)
    made: list[Passage] = []
    for i in range(passages):
        text = f"{texts[i % len(texts)]} marker{i}"
        half = len(text) // 2
        doc = f"d{i // PER_ARTICLE}"
        spans = ((0, half), (half, len(text)))
        made.append(Passage(f"{doc}-{i}", doc, None, 0, len(text), text, spans))
    centres = rng.standard_normal((CLUSTERS, DIMENSION), dtype=np.float32)

    def unit(rows: int) -> np.ndarray:
        out = np.empty((rows, DIMENSION), dtype=np.float32)
        for start in range(0, rows, 100_000):  # in blocks: the temporaries stay small
            stop = min(rows, start + 100_000)
            block = centres[rng.integers(0, CLUSTERS, stop - start)]
            block += 0.8 * rng.standard_normal(block.shape, dtype=np.float32)
            out[start:stop] = block / np.linalg.norm(block, axis=1, keepdims=True)
        return out

    articles = [
        Article(f"d{a}", f"d{a}.md", f"Article {a}", "", (), f"{a:064x}")
        for a in range((passages + PER_ARTICLE - 1) // PER_ARTICLE)
    ]
    return articles, _Vectors(made, unit(passages), unit(2 * passages))


def measure(passages: int, questions: int, compare: bool = False) -> dict[str, float]:
    from bot.index import _write_build
    from bot.ranking import percentile
    from bot.settings import load_settings

    texts, asked = texts_and_questions(questions + 5)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(index_dir=Path(tmp) / "index")
        settings.index_dir.mkdir()
        articles, vectors = synthetic(passages, texts)
        started = time.perf_counter()
        build = _write_build(settings.index_dir, articles, vectors, settings, 254)
        build_s = time.perf_counter() - started
        del articles, vectors
        disk = sum(p.stat().st_size for p in build.rglob("*") if p.is_file())
        load_before = os.getloadavg()[0]
        child = subprocess.run(
            [sys.executable, "-c", ANSWER, str(settings.index_dir), settings.model,
             json.dumps(asked), "compare" if compare else "one"],
            check=True, capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
    served = json.loads(child.stdout.strip().splitlines()[-1])
    row: dict[str, float] = {
        "passages": passages,
        "build_passages_per_s": round(passages / build_s, 1),
        "disk_mb": round(disk / 1e6, 1),
        "rss_mb": round(served["rss_mb"], 1),
        "rss_index_mb": round(served["rss_index_mb"], 1),
        # Of the RSS: private memory, and pages of memory-mapped files (the page cache's, which
        # the kernel takes back under pressure; fault-around maps 64 KB around each row read).
        "rss_anon_mb": round(served["rss_anon_mb"], 1),
        "rss_file_mb": round(served["rss_file_mb"], 1),
        "load_s": round(served["load_s"], 3),
        # The machine's 1-minute load average as the answers began and ended (it is shared).
        "load_avg": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    for way, (latencies, cpu) in served["timed"].items():
        key = f"answer_{way}_" if way else "answer_"
        row[key + "p50_ms"] = round(percentile(latencies, 50) or 0.0, 2)
        row[key + "p95_ms"] = round(percentile(latencies, 95) or 0.0, 2)
        # CPU time of the answering process per answer (all its threads): what an answer costs
        # on an idle machine when it runs on one thread, whatever else loads the cores.
        row[key + "cpu_p50_ms"] = round(percentile(cpu, 50) or 0.0, 2)
        row[key + "cpu_p95_ms"] = round(percentile(cpu, 95) or 0.0, 2)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, help="one size instead of 10^3..10^6")
    parser.add_argument("--json", action="store_true", help="one JSON line per size")
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument(
        "--compare", action="store_true",
        help="also answer each question with it embedded by sentence-transformers' encode "
        "(before the ONNX encoder), in turn with the bot's own: answer_st_* keys",
    )  # fmt: skip
    args = parser.parse_args()
    sizes = [args.passages] if args.passages else SIZES
    if not args.json:
        print(f"{'passages':>10} {'build/s':>9} {'disk MB':>8} {'RSS MB':>8} {'index MB':>8} "
              f"{'load s':>7} {'p50 ms':>7} {'p95 ms':>7}")  # fmt: skip
    for size in sizes:
        row = measure(size, args.questions, args.compare)
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{row['passages']:>10} {row['build_passages_per_s']:>9.0f} "
                  f"{row['disk_mb']:>8.1f} {row['rss_mb']:>8.0f} {row['rss_index_mb']:>8.0f} "
                  f"{row['load_s']:>7.2f} {row['answer_p50_ms']:>7.1f} "
                  f"{row['answer_p95_ms']:>7.1f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()

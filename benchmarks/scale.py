"""The cost curve of the index: build, disk, memory, load and answer time at 10^3..10^6 passages.

    .venv/bin/python benchmarks/scale.py [--passages N] [--json] [--questions 100]
For each size, writes a build with the bot's own writer (bot/index.py: BM25, FAISS, manifest,
checksums) from synthetic passages: SciFact abstract text (so BM25 sees real words and real
questions match), a marker word per passage, two sentences each, and clustered synthetic unit
vectors in place of the encoder's (encoding 10^6 passages would take a day on 2 cores;
benchmarks/core.py measures the encoder's throughput). Then a fresh process loads the index
with `load_index` and answers SciFact's questions as `evbot eval` does: embed the question,
rank, pick passages, quote; with --late, late interaction (bot/retrieval.py) also re-ranks the
answer's top passages and scores its quote, whatever EVBOT_LATE_INTERACTION_MAX_PASSAGES says.
Figures, per size:
    build_passages_per_s  passages written per second, vectors given (no encoding)
    disk_mb               the build folder on disk
    rss_mb                resident memory of the answering process after load (model included)
    load_s                `load_index` in that fresh process (checksums verified)
    answer_p50_ms/p95     one question: its embedding, the search, the quote
    answer_cpu_p50_ms/p95 the same answers' CPU time (all threads of the process)
    load_avg              the machine's 1-minute load average as the answers began and ended
    answer_int8_*         with --compare: the same questions, each embedded by the int8 ONNX
                          model (bot/onnx_query.py, not the bot's default), asked in turn with
                          the bot's own way in the same process (not with --late)
    cold_*                with --cache cold or both: the same, after the build's files were
                          dropped from the page cache (posix_fadvise), as after a reboot; the
                          plain keys are then the warm run (every file read once beforehand)
    answer_embed/rank/late/hits_p50_ms  where an answer's time goes (the question's vector, the
                          ranking, the answer's re-ranking by late interaction, the chosen
                          passages with their sentence scores)
    word_pieces_s         with --late: counting the passages' word pieces for the build
    idf_s                 with --late: late interaction's IDF in the answering process (read
                          from the build's counts)
    late_encoded_mean     with --late: passages whose token vectors an answer encoded (cold)
Prints figures; asserts nothing. The 10^6 size needed ~10 GB of memory while it built, before the
ranking's sentence vectors added 1.5 GB (float16, 2 per passage); with
--keep DIR the build is written to DIR and reused by later runs of the same size.
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
compare, late = sys.argv[4] == "compare", sys.argv[5] == "late"

def rss_mb(field="VmRSS"):
    status = Path("/proc/self/status").read_text()
    return int(re.search(field + r":\\s+(\\d+) kB", status).group(1)) / 1024

from bot.answer import compose_answer
from bot.embedding import get_embedder
from bot.index import load_index
from bot.retrieval import Retriever
from bot.settings import load_settings
from bot.source_terms import best_similarity
min_score = load_settings().min_score  # EVBOT_MIN_SCORE, as evbot eval answers
embedder = get_embedder(model)
embedder.encode_query("load the model before the index is timed")
before = rss_mb()
started = time.perf_counter()
index = load_index(index_dir, model)
load_s = time.perf_counter() - started
retriever = Retriever(index, embedder, late_interaction=late)
idf_s = None
if late:
    started = time.perf_counter()
    retriever.late.idf()
    idf_s = time.perf_counter() - started
encoded = []  # passages each answer encoded for late interaction
encode_passages = embedder.passage_token_vectors
def counted(texts):
    encoded[-1] += len(texts)
    return encode_passages(texts)
embedder.passage_token_vectors = counted
articles = index.manifest["articles"]
ways = {"": embedder.encode_query}
if compare:  # "int8": the question embedded by the int8 ONNX model
    from bot.embedding import resolve_model
    from bot.onnx_query import onnx_query_encoder
    ways["int8"] = onnx_query_encoder(embedder.model, resolve_model(model)[0], embedder.encode,
                                      quantized=True)
timed = {way: ([], []) for way in ways}
steps = {"embed": [], "rank": [], "late": [], "hits": []}
for n, text in enumerate(questions):
    # Both ways question by question, in turn first: the shared machine's load hits both alike.
    for way in sorted(ways, reverse=n % 2 == 1):
        encoded.append(0)
        started, started_cpu = time.perf_counter(), time.process_time()
        vector = ways[way](text)
        embedded = time.perf_counter()
        ranking = retriever.rank(text, vector)
        ranked = time.perf_counter()
        ranking = retriever.answer_ranking(text, ranking)  # as evbot eval; as it is without late
        reranked = time.perf_counter()
        hits = retriever.hits(text, vector, ranking, 3)
        chosen = time.perf_counter()
        compose_answer(text, hits, articles, min_score=min_score,
                       best_similarity=best_similarity(retriever, vector), alone=True)
        if n >= 5:  # the first few warm caches up
            timed[way][0].append((time.perf_counter() - started) * 1000)
            timed[way][1].append((time.process_time() - started_cpu) * 1000)
            if not way:
                steps["embed"].append((embedded - started) * 1000)
                steps["rank"].append((ranked - embedded) * 1000)
                steps["late"].append((reranked - ranked) * 1000)
                steps["hits"].append((chosen - reranked) * 1000)
print(json.dumps({"load_s": load_s, "rss_mb": rss_mb(), "rss_index_mb": rss_mb() - before,
                  "rss_anon_mb": rss_mb("RssAnon"), "rss_file_mb": rss_mb("RssFile"),
                  "timed": timed, "steps": steps, "idf_s": idf_s,
                  "late_encoded": encoded[5 * len(ways):]}))
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

    def unit(rows: int, dtype: type = np.float32) -> np.ndarray:
        out = np.empty((rows, DIMENSION), dtype=dtype)
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
    # The ranking's sentence vectors as the index stores them (float16): 1.5 GB less to hold
    # at 10^6 passages than float32.
    ranking = unit(2 * passages, np.float16)
    return articles, _Vectors(made, unit(passages), unit(2 * passages), ranking)


def _build(index_dir: Path, passages: int, late: bool) -> tuple[Path, float | None, float | None]:
    """The build of `passages` passages in index_dir: reused when one is there (with its
    word-piece counts, if `late`), else written; the seconds it took and those of counting the
    word pieces (None when reused or not counted)."""
    from bot.embedding import get_embedder
    from bot.index import WORD_PIECES, _write_build, read_manifest, word_piece_counts
    from bot.settings import load_settings

    settings = load_settings(index_dir=index_dir)
    if (index_dir / "current").exists():
        build, manifest = read_manifest(index_dir)
        counted = WORD_PIECES in manifest["files"] or not late
        if manifest["counts"]["passages"] == passages and counted:
            return build, None, None
    index_dir.mkdir(parents=True, exist_ok=True)
    texts, _ = texts_and_questions(0)
    articles, vectors = synthetic(passages, texts)
    started = time.perf_counter()
    word_pieces = None
    if late:  # what `evbot index build` stores; without it, counted at the first question
        word_pieces = word_piece_counts(get_embedder(settings.model), vectors.passages)
    counting = time.perf_counter() - started
    build = _write_build(index_dir, articles, vectors, settings, 254, word_pieces=word_pieces)
    return build, time.perf_counter() - started - counting, counting if late else None


def _page_cache(build: Path, cache: str) -> None:
    """Cold: drop the build's files from the page cache (as after a reboot); warm: read each
    once, as a server that has been answering for a while finds them."""
    for path in sorted(p for p in build.rglob("*") if p.is_file()):
        with open(path, "rb") as handle:
            if cache == "cold":
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            else:
                while handle.read(16 << 20):
                    pass


def run_answering(args: list[str]) -> str:
    """ANSWER's output, run in a fresh process so that its load, memory and caches are its own
    (tests/test_benchmarks_run.py runs it in its own process instead, to save the model load)."""
    child = subprocess.run(
        [sys.executable, "-c", ANSWER, *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return child.stdout


def _answer(
    index_dir: Path, model: str, asked: list[str], compare: bool, late: bool, prefix: str
) -> dict:
    """Load and answer in a fresh process; its figures under keys starting with `prefix`."""
    from bot.ranking import percentile

    load_before = os.getloadavg()[0]
    stdout = run_answering(
        [str(index_dir), model, json.dumps(asked), "compare" if compare else "one",
         "late" if late else "plain"]
    )  # fmt: skip
    served = json.loads(stdout.strip().splitlines()[-1])
    row: dict = {
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
    for step, latencies in served["steps"].items():
        row[f"answer_{step}_p50_ms"] = round(percentile(latencies, 50) or 0.0, 2)
        row[f"answer_{step}_p95_ms"] = round(percentile(latencies, 95) or 0.0, 2)
    if late:
        row["idf_s"] = round(served["idf_s"], 3)
        row["late_encoded_mean"] = round(float(np.mean(served["late_encoded"])), 1)
    return {prefix + key: value for key, value in row.items()}


def measure(
    passages: int,
    questions: int,
    compare: bool = False,
    keep: Path | None = None,
    cache: str = "as-is",
    late: bool = False,
) -> dict[str, float]:
    from bot.settings import load_settings

    _, asked = texts_and_questions(questions + 5)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = (keep or Path(tmp)) / "index"
        build, build_s, word_pieces_s = _build(index_dir, passages, late)
        disk = sum(p.stat().st_size for p in build.rglob("*") if p.is_file())
        model = load_settings(index_dir=index_dir).model
        row: dict = {
            "passages": passages,
            "build_passages_per_s": round(passages / build_s, 1) if build_s else None,
            "disk_mb": round(disk / 1e6, 1),
            **({"word_pieces_s": round(word_pieces_s, 2)} if word_pieces_s is not None else {}),
        }
        if cache in ("cold", "both"):
            _page_cache(build, "cold")
            row.update(_answer(index_dir, model, asked, compare, late, "cold_"))
        if cache != "cold":
            if cache != "as-is":
                _page_cache(build, "warm")
            row.update(_answer(index_dir, model, asked, compare, late, ""))
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, help="one size instead of 10^3..10^6")
    parser.add_argument("--json", action="store_true", help="one JSON line per size")
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument(
        "--compare", action="store_true",
        help="also answer each question with it embedded by the int8 ONNX model, in turn "
        "with the bot's own (float32): answer_int8_* keys",
    )  # fmt: skip
    parser.add_argument(
        "--keep", type=Path, metavar="DIR",
        help="write the build under DIR and reuse it when DIR already holds one of the size",
    )  # fmt: skip
    parser.add_argument(
        "--cache", choices=("as-is", "cold", "warm", "both"), default="as-is",
        help="the build's files in the page cache before the answers: as the build left them, "
        "dropped (cold_* keys), read once, or cold then warm",
    )  # fmt: skip
    parser.add_argument(
        "--late", action="store_true",
        help="answer with late interaction (the build stores its word-piece counts): idf_s, "
        "late_encoded_mean and answer_late_* keys",
    )  # fmt: skip
    args = parser.parse_args()
    if args.compare and args.late:
        # Late interaction reads the question's tokens from the bot's own ONNX pass, which keeps
        # the last text: the int8 way's answer ran that pass, so the bot's way answering the same
        # question next embedded it for free (embed p50 0.06 ms against 9.4 ms, 1,000 passages).
        parser.error("--compare and --late share the question's pass between the two ways")
    sizes = [args.passages] if args.passages else SIZES
    if not args.json:
        print(f"{'passages':>10} {'build/s':>9} {'disk MB':>8} {'RSS MB':>8} {'index MB':>8} "
              f"{'load s':>7} {'p50 ms':>7} {'p95 ms':>7}")  # fmt: skip
    for size in sizes:
        row = measure(size, args.questions, args.compare, args.keep, args.cache, args.late)
        if args.json or "answer_p50_ms" not in row:
            print(json.dumps(row), flush=True)
        else:
            print(f"{row['passages']:>10} {row['build_passages_per_s'] or 0:>9.0f} "
                  f"{row['disk_mb']:>8.1f} {row['rss_mb']:>8.0f} {row['rss_index_mb']:>8.0f} "
                  f"{row['load_s']:>7.2f} {row['answer_p50_ms']:>7.1f} "
                  f"{row['answer_p95_ms']:>7.1f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()

"""The benchmark scripts still run against the bot's internals (smoke tests, no figures checked).

Each script of benchmarks/ is imported and its argument parser built; where its main path is
cheap it runs on a tiny input: the shipped index (26 passages), a handful of questions, a
synthetic index of a few hundred passages. A script that hooks or calls the bot's internals
(benchmarks/maxsim.py replaces `Retriever._sentence_scores`) then fails here when they change,
not the next time someone measures. Speed is never asserted. Not run here: the scripts that need
PostgreSQL, nginx or minutes (core, publish, retrieval, scaleout, store, quality): imported only.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from bot.embedding import Embedder
from bot.index import load_index
from bot.service import AnswerService
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py"))
QUESTION = "Who is Amazon partnering with on batteries?"


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"benchmarks.{name}")


def _run_main(module: ModuleType, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [module.__name__, *argv])
    module.main()


@pytest.fixture
def fresh_service(
    shipped_settings: Settings, embedder: Embedder, tmp_path: Path
) -> Callable[[Path], AnswerService]:
    """`quality.shipped_service`'s stand-in: the session's shipped index, a query log of its own
    (the benchmarks build the index again, which costs each of them seconds here)."""

    def make(_tmp: Path) -> AnswerService:
        settings = shipped_settings.model_copy(update={"db_path": tmp_path / "log.sqlite3"})
        return AnswerService(settings, embedder)

    return make


def test_every_script_is_found() -> None:
    assert {"maxsim", "quality", "ranks", "refusal", "scale"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_script_imports_and_builds_its_parser(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = _module(name)
    with pytest.raises(SystemExit) as exited:
        _run_main(module, ["--help"], monkeypatch)
    assert exited.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_maxsim_hooks_take_the_retrievers_arguments(
    fresh_service: Callable[[Path], AnswerService], tmp_path: Path
) -> None:
    """ "off" is the bot as it is; a sentence variant changes the sentence scores through
    `Retriever.hits`; an answer-only variant re-ranks the answer's own search."""
    maxsim = _module("maxsim")
    service = fresh_service(tmp_path)
    retriever = service.retriever
    vector = service.embedder.encode_query(QUESTION)
    plain = retriever.search_vector(QUESTION, vector, 3)
    hooks = maxsim.MaxSimRetriever(retriever, maxsim.TokenIndex(retriever))
    maxsim.hook_answer_search(retriever, hooks)

    off = retriever.search_vector(QUESTION, vector, 3)
    assert [h.sentence_scores for h in off] == [h.sentence_scores for h in plain]
    hooks.variant = maxsim.VARIANTS["sent0.5"]
    added = retriever.search_vector(QUESTION, vector, 3)
    assert [h.passage.id for h in added] == [h.passage.id for h in off]
    assert not np.allclose(added[0].sentence_scores, off[0].sentence_scores)

    hooks.variant = maxsim.VARIANTS["fuse0.5-answer"]
    assert service.ask(QUESTION).citations
    assert hooks.rank_seconds, "the answer's search never reached the variant's re-ranking"


def test_maxsim_runs_its_variants_on_one_set(
    fresh_service: Callable[[Path], AnswerService],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    maxsim = _module("maxsim")
    monkeypatch.setattr(maxsim, "shipped_service", fresh_service)
    argv = ["--variants", "fuse0.5-answer", "--sets", "tuning-extra.jsonl"]
    _run_main(maxsim, argv, monkeypatch)
    out = capsys.readouterr().out
    assert "=== fuse0.5-answer" in out
    assert out.count("tuning-extra.jsonl: {") == 1
    assert " over 0 rankings" not in out


def test_ranks_places_a_sets_questions(
    fresh_service: Callable[[Path], AnswerService],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ranks = _module("ranks")
    monkeypatch.setattr(ranks, "shipped_service", fresh_service)
    _run_main(ranks, ["--sets", "tuning-extra.jsonl", "--all"], monkeypatch)
    out = capsys.readouterr().out
    assert out.count(" cited=") == 3  # the set's three in-domain questions
    assert "tuning-extra.jsonl: misses" in out


def test_votes_simulates_on_small_sets(
    fresh_service: Callable[[Path], AnswerService],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    votes = _module("votes")
    monkeypatch.setattr(votes, "shipped_service", fresh_service)
    monkeypatch.setattr(votes, "TUNING", ["tuning-extra.jsonl"])
    monkeypatch.setattr(votes, "HELD_OUT", ["tuning-extra-3.jsonl"])
    _run_main(votes, [], monkeypatch)
    out = capsys.readouterr().out
    assert "/ 3, held out" in out and "near 0.8, 3 distinct askers" in out


def test_refusal_asks_and_reports(
    shipped_settings: Settings, embedder: Embedder, capsys: pytest.CaptureFixture[str]
) -> None:
    refusal = _module("refusal")
    index = load_index(shipped_settings.index_dir, shipped_settings.model)
    questions = refusal.question_set(refusal.SETS["shipped"])
    chosen = [next(q for q in questions if q[1] == kind) for kind in ("keyword", "off-topic")]
    asked = refusal.ask_all(index, embedder, chosen, True, shipped_settings)
    assert [a.kind for a in asked] == ["keyword", "off-topic"]
    assert {"cos", "quoted", "coverage", "tokens"} <= set(asked[0].signals)
    refusal.report("shipped", asked, refusal.candidates(True))
    assert "token support < 0.3" in capsys.readouterr().out


def test_fusion_on_the_shipped_questions(
    shipped_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EVBOT_INDEX_DIR", str(shipped_settings.index_dir))
    fusion = _module("fusion")
    _run_main(fusion, ["--sets", "shipped", "--bm25"], monkeypatch)
    out = capsys.readouterr().out
    assert "z + 0.5 x z" in out and "k1=0.9 b=0.4" in out


def test_index_checksums_on_a_small_build(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_main(_module("index_checksums"), ["--passages", "200"], monkeypatch)
    out = capsys.readouterr().out
    assert "every file hashed" in out and "checksums remembered" in out


def test_scale_builds_and_answers_with_late_interaction(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30 synthetic passages written by the bot's writer, then the answering script (a string
    the benchmark runs in a fresh process; here in this one, whose model is loaded already)."""
    scale = _module("scale")

    def in_this_process(args: list[str]) -> str:
        monkeypatch.setattr(sys, "argv", ["-c", *args])
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(scale.ANSWER, "scale.ANSWER", "exec"), {"__name__": "__main__"})
        finally:
            vars(embedder).pop("passage_token_vectors", None)  # the script counts its calls
        return out.getvalue()

    monkeypatch.setattr(scale, "run_answering", in_this_process)
    row = scale.measure(30, 1, late=True)
    assert row["passages"] == 30 and row["word_pieces_s"] >= 0
    assert {"answer_p50_ms", "answer_late_p50_ms", "answer_hits_p50_ms", "idf_s"} <= set(row)


def test_scale_refuses_compare_with_late(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as exited:
        _run_main(_module("scale"), ["--compare", "--late", "--passages", "10"], monkeypatch)
    assert exited.value.code == 2


def test_dashboard_serves_a_small_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--answers", "200", "--rounds", "1", "--backend", "sqlite"]
    _run_main(_module("dashboard"), argv, monkeypatch)
    out = capsys.readouterr().out
    assert "sqlite: seeded 200 answers" in out and "the page (HTML)" in out

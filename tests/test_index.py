"""The index on disk: atomic swaps, and clear errors for anything missing, corrupt or mismatched."""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from bot.embedding import Embedder
from bot.errors import BuildInProgress, IndexUnavailable
from bot.index import (
    CURRENT,
    MANIFEST,
    RANKING_SENTENCES,
    SENTENCES,
    VECTORS,
    VERIFIED,
    WORD_PIECES,
    build_index,
    build_lock,
    load_index,
    word_piece_counts,
)
from bot.ranking import segment_max
from bot.retrieval import Retriever
from bot.service import AnswerService
from bot.settings import Settings, load_settings

QUESTION = "Who is Amazon partnering with on batteries?"


@pytest.fixture
def index_copy(shipped_settings: Settings, tmp_path: Path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(shipped_settings.index_dir, target, symlinks=True)
    return target


@pytest.fixture
def mixed_copy(mixed_settings: Settings, tmp_path: Path) -> Path:
    target = tmp_path / "mixed-index"
    shutil.copytree(mixed_settings.index_dir, target, symlinks=True)
    return target


def live(index_dir: Path) -> Path:
    return (index_dir / CURRENT).resolve()


def test_truncated_vectors_are_reported_with_the_fix(evbot, index_copy: Path) -> None:
    vectors = live(index_copy) / VECTORS
    vectors.write_bytes(vectors.read_bytes()[:100])
    with pytest.raises(IndexUnavailable, match=r"corrupt.*evbot index build"):
        load_index(index_copy, "all-MiniLM-L6-v2")
    run = evbot("ask", QUESTION, index_dir=index_copy)
    assert run.code == 1
    assert "corrupt" in run.stderr and "evbot index build" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "damage",
    [
        "garbage-manifest",
        "missing-sentences",
        "missing-ranking-sentences",
        "missing-word-pieces",
        "same-size-garbage",
    ],
)
def test_other_damage_is_reported(
    index_copy: Path, damage: str, request: pytest.FixtureRequest
) -> None:
    if damage == "missing-ranking-sentences":  # only a build made with them lists the file
        index_copy = request.getfixturevalue("mixed_copy")
    build = live(index_copy)
    if damage == "garbage-manifest":
        (build / MANIFEST).write_text("{not json")
    elif damage == "missing-sentences":
        (build / SENTENCES).unlink()
    elif damage == "missing-ranking-sentences":
        (build / RANKING_SENTENCES).unlink()
    elif damage == "missing-word-pieces":
        (build / WORD_PIECES).unlink()
    else:
        size = (build / VECTORS).stat().st_size
        (build / VECTORS).write_bytes(b"\0" * size)
    with pytest.raises(IndexUnavailable, match="corrupt"):
        load_index(index_copy, "all-MiniLM-L6-v2")


def _flip_middle(path: Path) -> None:
    """Same size, same header, different numbers: what a bad disk or a stray write leaves."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0x5A for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", [VECTORS, SENTENCES, WORD_PIECES])
def test_same_size_corruption_is_caught_by_checksum(
    evbot, index_copy: Path, shipped_settings: Settings, name: str
) -> None:
    corrupt = live(index_copy) / name
    _flip_middle(corrupt)
    with pytest.raises(IndexUnavailable, match=rf"{name} is corrupt.*evbot index build --full"):
        load_index(index_copy, "all-MiniLM-L6-v2")
    run = evbot("ask", QUESTION, index_dir=index_copy)
    assert run.code == 1
    assert run.stderr.strip().splitlines() == [
        f"evbot: index file {corrupt} is corrupt (checksum mismatch); run: evbot index build --full"
    ]
    if name == VECTORS:  # the command named is the fix
        rebuilt = evbot(
            "index", "build", "--full", index_dir=index_copy,
            corpus_dir=shipped_settings.corpus_dir,
        )  # fmt: skip
        assert rebuilt.code == 0, rebuilt.stderr
        assert evbot("ask", QUESTION, index_dir=index_copy).code == 0


def test_verified_files_are_read_again_only_once_they_change(
    index_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.index as index_module

    monkeypatch.setattr(index_module, "VERIFIED_RACE_NS", 0)  # no clock tick to wait out
    real_hash, hashed = index_module._xxh3_128, []
    monkeypatch.setattr(index_module, "_xxh3_128", lambda p: hashed.append(p.name) or real_hash(p))
    build = live(index_copy)
    manifest = json.loads((build / MANIFEST).read_text())
    # The copy's record (copytree keeps mtimes) names other inodes: every file is read.
    load_index(index_copy, "all-MiniLM-L6-v2")
    assert len(hashed) == len(manifest["checksums"]) and (build / VERIFIED).is_file()
    hashed.clear()
    load_index(index_copy, "all-MiniLM-L6-v2")
    assert hashed == []  # 4.75 GB at 10^6 passages: not read at every start
    time.sleep(0.02)  # past the filesystem clock's tick, so the write below moves ctime
    stat = (build / VECTORS).stat()
    _flip_middle(build / VECTORS)
    os.utime(build / VECTORS, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # a write hiding its time
    with pytest.raises(IndexUnavailable, match=rf"{VECTORS} is corrupt \(checksum mismatch\)"):
        load_index(index_copy, "all-MiniLM-L6-v2")
    assert hashed == [VECTORS]


def test_an_index_from_before_checksums_still_loads_on_sizes(index_copy: Path) -> None:
    manifest_path = live(index_copy) / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    assert set(manifest["checksums"]) == set(manifest["files"])  # every file but the manifest
    del manifest["checksums"]
    manifest_path.write_text(json.dumps(manifest))
    assert len(load_index(index_copy, "all-MiniLM-L6-v2").passages) > 0
    (live(index_copy) / SENTENCES).write_bytes(b"short")
    with pytest.raises(IndexUnavailable, match=r"sentences\.npy is truncated"):
        load_index(index_copy, "all-MiniLM-L6-v2")


def test_index_built_with_another_model_or_format_says_so(evbot, index_copy: Path) -> None:
    manifest_path = live(index_copy) / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["model"] = "intfloat/e5-small-v2"
    manifest_path.write_text(json.dumps(manifest))
    run = evbot("ask", QUESTION, index_dir=index_copy)
    assert run.code == 1
    assert "e5-small-v2" in run.stderr and "all-MiniLM-L6-v2" in run.stderr
    assert "evbot index build" in run.stderr

    manifest["model"], manifest["format"] = "all-MiniLM-L6-v2", 99
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexUnavailable, match="format 99"):
        load_index(index_copy, "all-MiniLM-L6-v2")


def test_a_second_build_waits_for_none(tmp_path: Path) -> None:
    with build_lock(tmp_path), pytest.raises(BuildInProgress), build_lock(tmp_path):
        pass
    with build_lock(tmp_path):  # released: the lock is free again
        pass


# A build in a child process that dies at a chosen step, as a crash or `kill -9` would.
CRASHING_BUILD = textwrap.dedent(
    """
    import os, signal, sys
    import numpy as np
    import bot.index as index
    from bot.embedding import get_embedder
    from bot.settings import load_settings

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    where = sys.argv[1]
    if where == "mid-write":
        real_save = np.save
        def half_save(path, array):
            with open(path, "wb") as f:
                f.write(b"\\x93NUMPY partial")
                f.flush()
            die()
        index.np.save = half_save
    elif where == "before-swap":
        index.swap_current = die
    settings = load_settings()
    index.build_index(settings, get_embedder(settings.model))
    """
)


@pytest.mark.parametrize("where", ["mid-write", "before-swap", "sigkill-from-outside"])
def test_interrupted_build_leaves_the_old_index_serving(
    where: str, index_copy: Path, corpus_copy: Path, service: AnswerService, tmp_path: Path
) -> None:
    before = service.ask(QUESTION)
    live_before = live(index_copy)
    (corpus_copy / "new.md").write_text("# New\n\nLucid opened a factory in Saudi Arabia.\n")
    env = {
        **os.environ,
        "EVBOT_INDEX_DIR": str(index_copy),
        "EVBOT_CORPUS_DIR": str(corpus_copy),
    }
    if where == "sigkill-from-outside":
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "index", "build"], env=env, cwd=tmp_path
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if any(p.name.endswith(".tmp") for p in index_copy.iterdir()):
                break
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    else:
        proc = subprocess.run(
            [sys.executable, "-c", CRASHING_BUILD, where], env=env, cwd=tmp_path, timeout=120
        )
        assert proc.returncode == -signal.SIGKILL

    assert live(index_copy) == live_before
    settings = load_settings(index_dir=index_copy, corpus_dir=corpus_copy)
    after = AnswerService(settings, service.embedder).ask(QUESTION)
    assert after.answer == before.answer
    assert [c.text for c in after.citations] == [c.text for c in before.citations]

    # The next build is not blocked by the dead one and cleans up after it.
    rebuild = subprocess.run(
        [sys.executable, "-m", "bot", "index", "build", "--json"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert rebuild.returncode == 0, rebuild.stderr
    assert json.loads(rebuild.stdout)["articles"] == 2
    assert not [p for p in index_copy.iterdir() if p.name.endswith(".tmp")]
    fresh = AnswerService(settings, service.embedder).ask("Where did Lucid open a factory?")
    assert fresh.citations[0].doc_id == "new"


def test_old_builds_are_pruned_but_the_previous_one_is_kept(
    shipped_settings: Settings, service: AnswerService, tmp_path: Path
) -> None:
    from bot.index import build_index

    settings = load_settings(corpus_dir=shipped_settings.corpus_dir, index_dir=tmp_path / "ix")
    builds = [build_index(settings, service.embedder, full=True).path for _ in range(3)]
    remaining = sorted(p.name for p in settings.index_dir.iterdir() if not p.name.startswith("."))
    assert remaining == sorted([CURRENT, Path(builds[1]).name, Path(builds[2]).name])
    assert live(settings.index_dir).name == Path(builds[2]).name


def test_the_ranking_reads_the_mixed_sentence_vectors_and_the_quote_the_pooled(
    mixed_settings: Settings, embedder: Embedder
) -> None:
    index = AnswerService(mixed_settings, embedder).retriever.index
    pooled = np.asarray(index.sentence_vectors, np.float32)
    mixed = np.asarray(index.ranking_sentence_vectors, np.float32)
    assert mixed.shape == pooled.shape and not np.allclose(mixed, pooled, atol=0.05)
    # The mixed vector: the mean of the pooled one and the sentence encoded alone.
    alone = embedder.encode([s for p in index.passages for s in p.sentence_texts()][:8])
    mean = pooled[:8] + alone
    assert np.allclose(mixed[:8], mean / np.linalg.norm(mean, axis=1, keepdims=True), atol=2e-3)

    retriever = Retriever(index, embedder, term_overlap_weight=0.0)
    vector = embedder.encode_query("Which states will the battery factories be built in?")
    rows = np.arange(len(index.passages))
    cosine = np.asarray(index.passage_vectors, np.float32) @ vector
    lengths = np.diff(np.append(index.sentence_offsets, len(mixed)))
    evidence = retriever._best_sentence_cosines(rows, vector, cosine)
    assert np.allclose(evidence, segment_max(mixed @ vector, lengths), atol=1e-5)
    assert not np.allclose(evidence, segment_max(pooled @ vector, lengths), atol=1e-3)
    for hit in retriever.search("Which states will the battery factories be built in?"):
        row = next(i for i, p in enumerate(index.passages) if p.id == hit.passage.id)
        first = int(index.sentence_offsets[row])
        quoted = pooled[first : first + len(hit.passage.sentences)] @ vector
        assert np.allclose(hit.sentence_scores, quoted, atol=1e-5)


def test_an_index_from_before_the_ranking_sentence_vectors_ranks_as_before(
    mixed_copy: Path, mixed_settings: Settings, embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    build = live(mixed_copy)
    manifest = json.loads((build / MANIFEST).read_text())
    for listing in (manifest["files"], manifest["checksums"]):
        del listing[RANKING_SENTENCES]
    del manifest["ranking_sentences"]
    (build / MANIFEST).write_text(json.dumps(manifest))
    (build / RANKING_SENTENCES).unlink()
    old = load_index(mixed_copy, "all-MiniLM-L6-v2")
    assert old.ranking_sentence_vectors is None
    retriever = Retriever(old, embedder)
    assert retriever.sentence_weight
    # The settings ask for the file the build lacks: the bot says how to make it, and answers.
    asking = mixed_settings.model_copy(update={"index_dir": mixed_copy})
    assert AnswerService(asking, embedder).ask(QUESTION).citations
    assert "EVBOT_RANKING_SENTENCES" in caplog.text and "evbot index build" in caplog.text
    without_evidence = Retriever(old, embedder, sentence_weight=0.0)
    for question in [QUESTION, "Which states will the battery factories be built in?"]:
        vector = embedder.encode_query(question)
        assert np.array_equal(
            retriever.rank(question, vector).ids, without_evidence.rank(question, vector).ids
        )


def test_verify_reads_again_what_a_load_trusts(
    evbot, index_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.index as index_module

    ok = evbot("index", "verify", index_dir=index_copy)
    assert ok.code == 0, ok.stderr
    assert ok.stdout.startswith("Index OK: ") and "passages load" in ok.stdout
    build = live(index_copy)
    manifest = json.loads((build / MANIFEST).read_text())
    # Bit rot changes no file time, so a record of the files taken before it still matches.
    _flip_middle(build / VECTORS)
    record = {
        "at_ns": time.time_ns() + 10 * index_module.VERIFIED_RACE_NS,
        "files": {n: index_module._file_identity(build / n) for n in manifest["checksums"]},
    }
    (build / VERIFIED).write_text(json.dumps(record))
    load_index(index_copy, "all-MiniLM-L6-v2")  # trusted: what `verify` is for
    with pytest.raises(IndexUnavailable, match=rf"{VECTORS} is corrupt \(checksum mismatch\)"):
        index_module.verify_index(index_copy, "all-MiniLM-L6-v2")
    run = evbot("index", "verify", "--json", index_dir=index_copy)
    assert run.code == 1 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        f"evbot: index file {build / VECTORS} is corrupt (checksum mismatch); "
        "run: evbot index build --full"
    ]


def test_the_build_stores_the_word_piece_counts_late_interaction_reads(
    index_copy: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.retrieval as retrieval_module

    build = live(index_copy)
    manifest = json.loads((build / MANIFEST).read_text())
    assert manifest["checksums"][WORD_PIECES].startswith("xxh3_128:")  # checked like the rest
    index = load_index(index_copy, "all-MiniLM-L6-v2")
    counted = word_piece_counts(embedder, index.passages)
    assert index.word_piece_counts is not None
    assert np.array_equal(index.word_piece_counts, counted)
    assert counted.sum() > len(index.passages)  # many pieces a passage, each counted once
    assert counted.max() <= len(index.passages)

    def no_counting(*_: object) -> np.ndarray:
        raise AssertionError("a build with stored counts tokenized its passages")

    monkeypatch.setattr(retrieval_module, "word_piece_counts", no_counting)
    idf = Retriever(index, embedder, late_interaction=True).late.idf()
    n = len(index.passages)
    assert np.allclose(idf, np.log1p((n - counted + 0.5) / (counted + 0.5)))


def test_an_index_from_before_the_word_piece_counts_counts_them_and_says_so_once(
    index_copy: Path, embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    stored = load_index(index_copy, "all-MiniLM-L6-v2")
    build = live(index_copy)
    manifest = json.loads((build / MANIFEST).read_text())
    for listing in (manifest["files"], manifest["checksums"]):
        del listing[WORD_PIECES]
    (build / MANIFEST).write_text(json.dumps(manifest))
    (build / WORD_PIECES).unlink()
    old = load_index(index_copy, "all-MiniLM-L6-v2")
    assert old.word_piece_counts is None
    with caplog.at_level("WARNING", logger="bot.retrieval"):
        first = Retriever(old, embedder, late_interaction=True).late.idf()
        again = Retriever(old, embedder, late_interaction=True).late.idf()  # a reload
    assert np.array_equal(first, Retriever(stored, embedder, late_interaction=True).late.idf())
    assert np.array_equal(first, again)
    said = [r.getMessage() for r in caplog.records if "word-piece counts" in r.getMessage()]
    assert len(said) == 1 and "evbot index build --full" in said[0]


def test_a_rebuild_keeps_the_word_piece_counts_of_what_it_kept(
    corpus_copy: Path, tmp_path: Path, embedder: Embedder
) -> None:
    settings = load_settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    extra = "---\ntitle: Rivian\n---\nRivian builds electric delivery vans for Amazon.\n"
    (corpus_copy / "rivian.md").write_text(extra)
    build_index(settings, embedder)
    (corpus_copy / "rivian.md").write_text(extra.replace("vans", "vans and pickup trucks"))
    (corpus_copy / "lucid.md").write_text("---\ntitle: Lucid\n---\nLucid sells sedans.\n")
    steps = [lambda: None, lambda: (corpus_copy / "rivian.md").unlink()]
    for step in steps:  # changed and added, then removed: each build counts only those
        step()
        report = build_index(settings, embedder)
        assert not report.up_to_date and report.embedded < report.passages  # the rest kept
        index = load_index(settings.index_dir, settings.model)
        assert np.array_equal(index.word_piece_counts, word_piece_counts(embedder, index.passages))

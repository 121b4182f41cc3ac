"""A running `evbot chat` picks up a rebuilt index between questions, with no restart."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.embedding import Embedder
from bot.index import build_index
from bot.settings import load_settings


def test_chat_session_answers_from_a_rebuilt_index(
    corpus_copy: Path, tmp_path: Path, embedder: Embedder
) -> None:
    settings = load_settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    build_index(settings, embedder)
    env = {
        **os.environ,
        "EVBOT_CORPUS_DIR": str(corpus_copy),
        "EVBOT_INDEX_DIR": str(settings.index_dir),
    }
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--json"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert chat.stdin and chat.stdout
    try:
        chat.stdin.write("Who is Amazon partnering with on batteries?\n")
        chat.stdin.flush()
        first = json.loads(chat.stdout.readline())
        assert "Panasonic" in first["answer"]

        (corpus_copy / "lucid.md").write_text(
            "---\ntitle: Lucid in Saudi Arabia\nurl: https://example.com/lucid\n---\n\n"
            "Lucid Motors opened its first overseas factory in King Abdullah Economic City.\n"
        )
        report = build_index(settings, embedder)
        assert report.added == 1 and report.embedded == 1

        chat.stdin.write("Where did Lucid Motors open its overseas factory?\n")
        chat.stdin.flush()
        second = json.loads(chat.stdout.readline())
        assert second["citations"][0]["doc_id"] == "lucid"
        assert second["citations"][0]["url"] == "https://example.com/lucid"
        assert "King Abdullah Economic City" in second["answer"]
    finally:
        chat.stdin.close()
        assert chat.wait(timeout=60) == 0


def test_a_new_build_that_fails_to_load_is_retried_not_pinned(
    corpus_copy: Path, tmp_path: Path, embedder: Embedder
) -> None:
    from bot.index import CURRENT, VECTORS
    from bot.service import AnswerService

    settings = load_settings(
        corpus_dir=corpus_copy, index_dir=tmp_path / "index", db_path=tmp_path / "log.sqlite3"
    )
    build_index(settings, embedder)
    service = AnswerService(settings, embedder)
    question = "Where did Lucid Motors open its overseas factory?"
    assert all(c.doc_id != "lucid" for c in service.ask(question).citations)

    (corpus_copy / "lucid.md").write_text(
        "# Lucid\n\nLucid Motors opened its first overseas factory in "
        "King Abdullah Economic City.\n"
    )
    build_index(settings, embedder)
    vectors = (settings.index_dir / CURRENT).resolve() / VECTORS
    good = vectors.read_bytes()
    vectors.write_bytes(good[:50])  # the new build is damaged: keep serving the old one
    kept = service.ask(question)
    assert not any(c.doc_id == "lucid" for c in kept.citations)

    vectors.write_bytes(good)  # the same build becomes loadable: the next question uses it
    assert service.ask(question).citations[0].doc_id == "lucid"

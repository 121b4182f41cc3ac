"""An answer service over a small corpus written by a test: one build per fixture."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bot.embedding import Embedder
from bot.index import build_index
from bot.service import AnswerService
from bot.settings import load_settings


def service_over(root: Path, embedder: Embedder, articles: Mapping[str, str]) -> AnswerService:
    """A service answering from `articles` (file name -> Markdown), built and logged under
    `root`."""
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text)
    settings = load_settings(
        corpus_dir=corpus, index_dir=root / "index", db_path=root / "log.sqlite3"
    )
    build_index(settings, embedder)
    return AnswerService(settings, embedder)

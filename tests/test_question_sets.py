"""The question sets of benchmarks/quality.py point at passages the shipped corpus really has.

A set whose expected phrase no passage holds (or several do) scores a miss or a hit that says
nothing about the bot, and nobody reading figures only would notice; this checks the data alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.chunking import chunk_articles
from bot.corpus import load_corpus
from bot.embedding import Embedder
from bot.settings import load_settings

DATA = Path(__file__).parent / "data"
SETS = sorted(path.name for path in DATA.glob("*.jsonl"))


@pytest.fixture(scope="module")
def passages(embedder: Embedder) -> list[str]:
    settings = load_settings()
    articles = load_corpus(Path(__file__).parent.parent / "corpus").articles
    chunks = chunk_articles(
        articles, embedder.count_tokens, settings.chunk_tokens, embedder.max_tokens
    )
    return [p.text for p in chunks]


@pytest.mark.parametrize("name", SETS)
def test_each_expected_passage_is_one_passage_holding_the_words(
    passages: list[str], name: str
) -> None:
    rows = [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]
    assert rows
    for row in rows:
        if row.get("kind") == "small-talk":
            # A message to tell small talk from a question, not a question with a passage to quote.
            assert isinstance(row["message"], str) and row["message"].strip(), row
            assert isinstance(row["small_talk"], bool), row
            continue
        if "turns" in row:
            assert len(row["turns"]) == 2 and row["kind"] in {"follow-up", "topic-switch"}, row
            assert {"expect", "words"} <= row.keys(), row
        else:
            assert isinstance(row["question"], str) and row["question"].strip(), row
        if row.get("refuse"):
            assert "expect" not in row, row
            continue
        holding = [text for text in passages if row["expect"] in text]
        assert len(holding) == 1, (name, row["expect"], len(holding))
        assert row.get("words", row["expect"]) in holding[0], (name, row)

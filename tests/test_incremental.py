"""Incremental rebuilds: only new and changed articles are embedded; deleted ones leave."""

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.embedding import Embedder
from bot.index import SearchIndex, build_index, load_index
from bot.service import AnswerService
from bot.settings import Settings, load_settings

EXTRA = "# Rivian vans\n\nRivian delivered 10,000 electric delivery vans to Amazon this year.\n"


class CountingEmbedder:
    """The real embedder, recording every text it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.encoded: list[str] = []
        self.model_name = inner.model_name

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        self.encoded.extend(texts)
        return self.inner.encode(texts, progress=progress)

    def encode_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], **options: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        self.encoded.extend(texts)
        return self.inner.encode_with_spans(texts, spans, **options)

    def encode_query(self, text: str) -> np.ndarray:
        return self.inner.encode_query(text)

    def prepare_query_encoder(self) -> None:
        self.inner.prepare_query_encoder()

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def word_piece_ids(self, texts: Sequence[str]) -> list[list[int]]:
        return self.inner.word_piece_ids(texts)

    @property
    def vocabulary_size(self) -> int:
        return self.inner.vocabulary_size

    @property
    def max_tokens(self) -> int:
        return self.inner.max_tokens


@pytest.fixture
def setup(
    corpus_copy: Path, tmp_path: Path, embedder: Embedder
) -> tuple[Settings, CountingEmbedder]:
    (corpus_copy / "rivian-vans.md").write_text(EXTRA)
    # With the ranking's own sentence vectors (off by default), so their reuse is tested too.
    settings = load_settings(
        corpus_dir=corpus_copy, index_dir=tmp_path / "index", ranking_sentences="pooled+own"
    )
    counting = CountingEmbedder(embedder)
    first = build_index(settings, counting)
    assert first.added == 2 and first.embedded == first.passages
    counting.encoded.clear()
    return settings, counting


def test_no_change_embeds_nothing(setup: tuple[Settings, CountingEmbedder]) -> None:
    settings, counting = setup
    report = build_index(settings, counting)
    assert counting.encoded == []
    assert report.up_to_date and report.embedded == 0 and report.unchanged == 2


def test_changed_article_reembeds_only_its_passages(
    setup: tuple[Settings, CountingEmbedder],
) -> None:
    settings, counting = setup
    before = load_index(settings.index_dir, settings.model)
    (settings.corpus_dir / "rivian-vans.md").write_text(
        EXTRA + "\nThe vans are built in Normal, Illinois.\n"
    )
    report = build_index(settings, counting)
    assert (report.changed, report.unchanged, report.added, report.removed) == (1, 1, 0, 0)
    assert report.embedded == 1  # the new paragraph joins the one passage of that article
    assert counting.encoded and all(
        "Rivian" in text or "Normal, Illinois" in text for text in counting.encoded
    )
    after = load_index(settings.index_dir, settings.model)
    shipped = [i for i, p in enumerate(before.passages) if p.doc_id == "bezos-vs-musk-ev-rivalry"]
    shipped_after = [
        i for i, p in enumerate(after.passages) if p.doc_id == "bezos-vs-musk-ev-rivalry"
    ]
    assert np.array_equal(
        before.passage_vectors[shipped], after.passage_vectors[shipped_after]
    )  # reused, not recomputed
    assert np.array_equal(  # the ranking's sentence vectors too, in their new rows
        sentence_rows(before, shipped), sentence_rows(after, shipped_after)
    )
    answer = AnswerService(settings, counting.inner).ask("Where are the vans built?")
    assert "Normal, Illinois" in answer.answer


def sentence_rows(index: SearchIndex, passages: list[int]) -> np.ndarray:
    """The ranking sentence vectors of these passages, in order."""
    assert index.ranking_sentence_vectors is not None
    return np.concatenate(
        [
            index.ranking_sentence_vectors[
                int(index.sentence_offsets[i]) : int(index.sentence_offsets[i])
                + len(index.passages[i].sentences)
            ]
            for i in passages
        ]
    )


def test_deleted_article_leaves_search(setup: tuple[Settings, CountingEmbedder]) -> None:
    settings, counting = setup
    service = AnswerService(settings, counting.inner)
    assert service.ask("How many vans did Rivian deliver?").citations[0].doc_id == "rivian-vans"
    (settings.corpus_dir / "rivian-vans.md").unlink()
    report = build_index(settings, counting)
    assert (report.removed, report.embedded, report.articles) == (1, 0, 1)
    assert counting.encoded == []
    answer = service.ask("How many vans did Rivian deliver?")
    assert all(c.doc_id != "rivian-vans" for c in answer.citations)
    index = load_index(settings.index_dir, settings.model)
    assert {p.doc_id for p in index.passages} == {"bezos-vs-musk-ev-rivalry"}


def test_full_rebuild_embeds_everything(setup: tuple[Settings, CountingEmbedder]) -> None:
    settings, counting = setup
    report = build_index(settings, counting, full=True)
    assert report.embedded == report.passages and report.unchanged == 2


def test_ranking_sentence_vectors_made_another_way_rebuild_everything(
    setup: tuple[Settings, CountingEmbedder],
) -> None:
    settings, counting = setup
    before = load_index(settings.index_dir, settings.model)
    assert before.manifest["ranking_sentences"] == "pooled+own"
    report = build_index(settings, counting, ranking_sentences="none")
    assert report.embedded == report.passages  # not reused: they were made the other way
    without = load_index(settings.index_dir, settings.model)
    assert without.ranking_sentence_vectors is None
    assert without.manifest["ranking_sentences"] == "none"
    counting.encoded.clear()
    report = build_index(settings, counting)  # back to the setting: the file comes back
    assert report.embedded == report.passages
    after = load_index(settings.index_dir, settings.model)
    sentences = [s for p in after.passages for s in p.sentence_texts()]
    assert set(sentences) <= set(counting.encoded)  # each sentence encoded alone too
    assert np.allclose(before.passage_vectors, after.passage_vectors, atol=1e-5)
    pooled = np.asarray(after.sentence_vectors, np.float32)
    assert np.allclose(np.asarray(without.sentence_vectors, np.float32), pooled, atol=1e-2)
    mixed = np.asarray(after.ranking_sentence_vectors, np.float32)
    assert np.allclose(np.linalg.norm(mixed, axis=1), 1, atol=1e-2)
    assert not np.allclose(pooled, mixed, atol=1e-2)

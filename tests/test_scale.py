"""The search at scale: candidates from FAISS and BM25, with the fusion as exact as scoring all."""

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import bot.index as index_module
from bot.chunking import Passage
from bot.corpus import Article
from bot.errors import IndexUnavailable
from bot.index import CURRENT, MANIFEST, SEARCH, load_index
from bot.ranking import segment_max, top_k, zscores
from bot.retrieval import Retriever
from bot.settings import Settings, load_settings

WORDS = [f"term{i}" for i in range(300)]


def brute_force(retriever: Retriever, query: str, vector: np.ndarray) -> tuple[list, np.ndarray]:
    """Today's definition of the ranking: every passage scored, z-scored and fused."""
    fused = np.asarray(brute_force_all(retriever, query, vector)[1])
    order = top_k(fused, retriever.candidates)
    return order.tolist(), fused[order]


@pytest.mark.parametrize("sentence_weight", [0.0, 0.5])
def test_the_ranking_equals_scoring_every_passage(
    mixed_settings: Settings, questions: list[dict], embedder, sentence_weight: float
) -> None:
    index = load_index(mixed_settings.index_dir, mixed_settings.model)
    # No query expansion: the brute force below scores BM25 on the question's own words.
    retriever = Retriever(
        index,
        embedder,
        sentence_weight=sentence_weight,
        expansion_weight=0,
        expansion_known_weight=0,
    )
    for question in [q["question"] for q in questions[:40]]:
        vector = embedder.encode_query(question)
        ranking = retriever.rank(question, vector)
        ids, scores = brute_force(retriever, question, vector)
        assert ranking.ids.tolist()[:10] == ids[:10]
        assert np.allclose(ranking.scores[:10], scores[:10], atol=1e-5)
        assert retriever.best_similarity(vector) == pytest.approx(
            float((np.asarray(retriever.index.passage_vectors) @ vector).max()), abs=1e-6
        )


def synthetic_build(settings: Settings, passages: int) -> Path:
    """A build of `passages` random passages written by the bot's own writer."""
    rng = np.random.default_rng(0)
    made = []
    for i in range(passages):
        text = " ".join(rng.choice(WORDS, 30)) + "."
        doc = f"d{i // 10}"
        made.append(Passage(f"{doc}-{i}", doc, None, 0, len(text), text, ((0, len(text)),)))
    centres = rng.standard_normal((20, 16)).astype(np.float32)
    vectors = centres[rng.integers(0, 20, passages)] + rng.standard_normal((passages, 16)) * 0.5
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    # The ranking's sentence vectors differ from the quote's, as the encoder's do.
    ranking = vectors + rng.standard_normal(vectors.shape).astype(np.float32) * 0.5
    ranking /= np.linalg.norm(ranking, axis=1, keepdims=True)
    articles = [
        Article(f"d{a}", f"d{a}.md", f"Article {a}", "", (), f"{a:064x}")
        for a in range((passages + 9) // 10)
    ]
    built = index_module._Vectors(made, vectors, vectors.copy(), ranking)
    return index_module._write_build(settings.index_dir, articles, built, settings, 254)


class RandomEmbedder:
    """Questions only ever come as vectors here; no model is needed."""


def test_large_builds_search_approximately_and_fuse_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "APPROXIMATE_FROM", 1000)
    settings = load_settings(index_dir=tmp_path / "index")
    settings.index_dir.mkdir()
    build = synthetic_build(settings, 3000)
    manifest = json.loads((build / MANIFEST).read_text())
    assert manifest["search"]["kind"] == "ivf" and (build / SEARCH).is_file()
    index = load_index(settings.index_dir, settings.model)
    assert type(index.search).__name__.startswith("IndexIVF")
    # No query expansion: it reads the model's word vectors, and the brute force scores BM25 alone.
    retriever = Retriever(
        index,
        RandomEmbedder(),  # type: ignore[arg-type]
        candidates=50,
        sentence_weight=0.25,
        expansion_weight=0,
        expansion_known_weight=0,
    )
    rng = np.random.default_rng(1)
    found = 0
    for i in range(20):
        vector = np.asarray(index.passage_vectors[i * 100], dtype=np.float32)
        vector = vector + rng.standard_normal(16).astype(np.float32) * 0.1
        vector /= np.linalg.norm(vector)
        query = " ".join(rng.choice(WORDS, 3))
        ranking = retriever.rank(query, vector)
        exact_ids, _ = brute_force(retriever, query, vector)
        # Every candidate's fused score is exact, whichever candidates the search found.
        all_scores = dict(zip(*brute_force_all(retriever, query, vector), strict=True))
        for row, score in zip(ranking.ids.tolist(), ranking.scores.tolist(), strict=True):
            assert score == pytest.approx(all_scores[row], abs=1e-5)
        found += len(set(ranking.ids.tolist()[:10]) & set(exact_ids[:10]))
    assert found >= 0.9 * 200  # the approximate search finds the fused top 10 (recall@10)


def brute_force_all(retriever: Retriever, query: str, vector: np.ndarray):
    """Every passage's fused score: its cosine, mixed with its best sentence's (by the ranking
    sentence vectors) by `sentence_weight` and z-scored by the cosines' spread, plus BM25's
    weighted z-score."""
    index = retriever.index
    cosine = (np.asarray(index.passage_vectors) @ vector).astype(np.float64)
    sentences = np.asarray(index.ranking_sentence_vectors, dtype=np.float32) @ vector
    lengths = np.diff(np.append(index.sentence_offsets, len(index.sentence_vectors)))
    weight = retriever.sentence_weight
    dense = (1 - weight) * cosine + weight * segment_max(sentences, lengths)
    fused = (dense - cosine.mean()) / cosine.std()
    fused += retriever.lexical_weight * zscores(index.lexical.scores(query))
    return list(range(len(fused))), fused.tolist()


def test_passages_read_back_as_written(tmp_path: Path) -> None:
    settings = load_settings(index_dir=tmp_path / "index")
    settings.index_dir.mkdir()
    synthetic_build(settings, 25)
    index = load_index(settings.index_dir, settings.model)
    passages = list(index.passages)
    assert len(passages) == len(index.passages) == 25
    assert index.passages[-1] == passages[24] and index.passages[3:5] == passages[3:5]
    assert index.sentence_vectors.dtype == index.ranking_sentence_vectors.dtype == np.float16
    with pytest.raises(IndexError):
        index.passages[25]


def test_an_index_in_the_previous_format_asks_for_a_rebuild(
    evbot, shipped_settings: Settings, tmp_path: Path
) -> None:
    copy = tmp_path / "index"
    shutil.copytree(shipped_settings.index_dir, copy, symlinks=True)
    manifest_path = (copy / CURRENT).resolve() / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps({**manifest, "format": 3}))
    with pytest.raises(IndexUnavailable, match="format 3, this evbot reads format 4"):
        load_index(copy, shipped_settings.model)
    run = evbot("ask", "Who is Amazon partnering with on batteries?", index_dir=copy)
    assert run.code == 1 and run.stderr.strip().splitlines() == [
        f"evbot: index in {copy} has format 3, this evbot reads format 4; run: evbot index build"
    ]


@pytest.mark.parametrize(
    "query", ["common0 common1 common0", "rare3", "rare5 common2", "no such words", ""]
)
def test_bm25_from_the_postings_equals_scoring_every_passage(query: str) -> None:
    from bot.lexical import LexicalIndex

    rng = np.random.default_rng(0)
    common, rare = [f"common{i}" for i in range(5)], [f"rare{i}" for i in range(400)]
    texts = [" ".join([*rng.choice(common, 8), *rng.choice(rare, 2)]) for _ in range(500)]
    lexical = LexicalIndex.build(texts)
    every = lexical.scores(query)
    rows, scores = lexical.scored(query)
    assert rows.tolist() == np.flatnonzero(every).tolist()
    assert np.allclose(scores, every[rows], rtol=1e-5)
    # Counted from the postings' lengths alone, the same passages as scoring finds.
    assert lexical.passages_with(query) == len(rows)


def test_small_builds_search_every_vector_exactly(tmp_path: Path) -> None:
    settings = load_settings(index_dir=tmp_path / "index")
    settings.index_dir.mkdir()
    synthetic_build(settings, 300)
    index = load_index(settings.index_dir, settings.model)
    vectors = np.asarray(index.passage_vectors)
    for row in (0, 7, 299):
        query = vectors[row] + 0.3 * vectors[(row + 1) % 300]
        query /= np.linalg.norm(query)
        assert index.nearest(query, 20).tolist() == top_k(vectors @ query, 20).tolist()
    assert index.nearest(vectors[0], 1000).tolist() == top_k(vectors @ vectors[0], 300).tolist()


@pytest.mark.parametrize("stemmed", [True, False])
def test_terms_are_bm25s_tokens(stemmed: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    import bm25s

    import bot.lexical as lexical

    if not stemmed:
        monkeypatch.setattr(lexical, "_stemmer", lambda: None)
    texts = [
        "Who is Amazon partnering with on batteries?",
        "The running runners ran; it's Tesla's Gigafactory (2024) — über-fast chargers in Zürich!",
        "",
        "a I of the",
        "x2 3.5 kW co-operation e-mail naïve CAFÉ café",
    ]
    expected = bm25s.tokenize(
        texts, stopwords="en", stemmer=lexical._stemmer(), return_ids=False, show_progress=False
    )
    assert lexical.terms(texts) == expected

"""The embedder's one-pass passage and sentence vectors ("late chunking")."""

import numpy as np

from bot.embedding import Embedder

TEXTS = [
    "Amazon is in talks with Panasonic about batteries. Tesla opened a new factory in Texas.",
    "Blue Origin launched a rocket.",
]


def test_text_vectors_are_the_plain_encoding_and_spans_are_their_sentences(
    embedder: Embedder,
) -> None:
    first, second = TEXTS[0].split(". ")
    spans = [[(0, len(first) + 1), (len(first) + 2, len(TEXTS[0]))], [(0, len(TEXTS[1]))]]
    texts, sentences = embedder.encode_with_spans(TEXTS, spans)

    assert texts.shape == (2, embedder.dimension) and sentences.shape == (3, embedder.dimension)
    np.testing.assert_allclose(texts, embedder.encode(TEXTS), atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(sentences, axis=1), 1.0, atol=1e-5)
    # Each pooled sentence is closer to that sentence on its own than to its neighbour.
    alone = embedder.encode([first + ".", second])
    similarity = sentences[:2] @ alone.T
    assert similarity[0, 0] > similarity[0, 1] and similarity[1, 1] > similarity[1, 0]


def test_a_span_past_the_model_window_falls_back_to_its_text(embedder: Embedder) -> None:
    long_text = "word " * 600
    texts, sentences = embedder.encode_with_spans([long_text], [[(2900, 2990)]])
    np.testing.assert_allclose(sentences[0], texts[0], atol=1e-6)

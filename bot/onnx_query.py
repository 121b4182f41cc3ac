"""One question's vector by ONNX Runtime: the packaged weights, exported on this machine.

Embedding the question was most of an answer's time. ONNX Runtime runs the same weights in
about half the CPU time of sentence-transformers' `encode` on one thread (docs/scale.md), once
ONNX Runtime's BERT fusions (attention, GELU, layer norms) are applied. The export (torch.onnx,
then those fusions) takes 10-60 s with the load, so it happens once per machine (a build that
embeds, else the first question) and the file is kept in the user's cache, named by a hash of the
weights and the libraries' versions. A file is used only when its vectors match torch's within
TOLERANCE on PROBES at export, and on LOAD_PROBES at every load; anything else leaves the torch
path in place (bot/embedding.py), with a log line.
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
) -> Callable[[str], np.ndarray] | None:
    """An ONNX Runtime encoder of one text checked against `reference`, or None (use torch)."""
    path = exported(model, weights_dir, reference)
    if path is None:
        return None
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
) -> Path | None:
    """The export of these weights for this machine, made now if missing; None if there is none."""
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
    return path


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
    prepare = getattr(model, "preprocess", None) or model.tokenize  # the model's own tokenizing

    def encode_one(text: str) -> np.ndarray:
        features = prepare([text])
        feed = {name: features[name].numpy().astype(np.int64) for name in names}
        tokens = session.run(None, feed)[0][0]
        mask = features["attention_mask"][0].numpy().astype(np.float32)
        vector = (mask @ tokens) / max(float(mask.sum()), 1e-9)  # mean pooling, as the model's
        return (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)

    encode_one.onnx_path = path  # type: ignore[attr-defined]  # which file answers (tests, logs)
    return encode_one


class Mismatch(ValueError):
    """The ONNX model's vectors are not torch's."""


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

"""What verifying the index checksums costs at load, on a large synthetic index.

    .venv/bin/python benchmarks/index_checksums.py [--passages 100000]
Writes a build of N synthetic passages (random unit vectors, ~2.8 sentences and ~90 words each,
as the shipped article has) with the real writer, then times `load_index` with the checksum pass
(no verified.json: every file hashed, as at the first load of a copied build) and with the files'
identities remembered (verified.json trusted: none hashed, as at a restart), the checksum pass
alone, and the raw hashing speed of xxh3_128, sha256 and blake2b over the build's files.
The page cache is warm (the build was just written), as for a bot restarting on its own index.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.index as index_module  # noqa: E402
from bot.chunking import Passage  # noqa: E402
from bot.corpus import Article  # noqa: E402
from bot.settings import load_settings  # noqa: E402

DIMENSION = 384
PER_ARTICLE = 20


def synthetic(passages: int) -> tuple[list[Article], index_module._Vectors]:
    rng = np.random.default_rng(0)
    words = np.array([f"w{i}" for i in range(50_000)])
    made: list[Passage] = []
    sentence_count = 0
    for i in range(passages):
        sentences = int(rng.integers(2, 4))
        text = " ".join(words[rng.integers(0, len(words), 90)])
        step = len(text) // sentences
        spans = tuple((s * step, (s + 1) * step) for s in range(sentences))
        made.append(Passage(f"d{i // PER_ARTICLE}-{i}", f"d{i // PER_ARTICLE}", None, 0,
                            len(text), text, spans))  # fmt: skip
        sentence_count += sentences

    def unit(rows: int) -> np.ndarray:
        v = rng.standard_normal((rows, DIMENSION), dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    articles = [
        Article(f"d{a}", f"d{a}.md", f"Article {a}", "", (), f"{a:064x}")
        for a in range((passages + PER_ARTICLE - 1) // PER_ARTICLE)
    ]
    return articles, index_module._Vectors(made, unit(passages), unit(sentence_count))


def _hashlib_digest(path: Path, algorithm: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, algorithm).hexdigest()


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(index_dir=Path(tmp) / "index")
        settings.index_dir.mkdir()
        articles, vectors = synthetic(args.passages)
        started = time.perf_counter()
        build = index_module._write_build(settings.index_dir, articles, vectors, settings, 256)
        print(f"wrote {args.passages} passages in {time.perf_counter() - started:.1f} s")
        files = [p for p in sorted(build.rglob("*")) if p.is_file()]
        total = sum(p.stat().st_size for p in files)
        print(f"build: {total / 1e6:.0f} MB in {len(files)} files")
        for name, hash_file in [
            ("xxh3_128", index_module._xxh3_128),
            ("sha256", lambda p: _hashlib_digest(p, "sha256")),
            ("blake2b", lambda p: _hashlib_digest(p, "blake2b")),
        ]:
            seconds = min(timed(lambda h=hash_file: [h(p) for p in files]) for _ in range(3))
            print(f"hash all files, {name:8s} {seconds:6.2f} s  ({total / seconds / 1e9:.2f} GB/s)")
        manifest = index_module.read_manifest(settings.index_dir)[1]
        verify = min(
            timed(lambda: index_module.verify_checksums(build, manifest)) for _ in range(3)
        )
        record = build / index_module.VERIFIED

        def load(forget: bool) -> float:
            if forget:  # load_index reads every file again only without a record of them
                record.unlink(missing_ok=True)
            return timed(lambda: index_module.load_index(settings.index_dir, settings.model))

        hashed = min(load(True) for _ in range(3))
        # A record is trusted only once written VERIFIED_RACE_NS after the files last changed.
        time.sleep(index_module.VERIFIED_RACE_NS / 1e9)
        index_module.verify_checksums(build, manifest)  # writes the record, now trusted
        remembered = min(load(False) for _ in range(3))
        print(f"load_index, every file hashed    {hashed:6.2f} s, checksums alone {verify:.2f} s")
        print(f"load_index, checksums remembered {remembered:6.2f} s (verified.json trusted)")


if __name__ == "__main__":
    main()

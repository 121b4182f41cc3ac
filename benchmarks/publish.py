"""Publishing an index build through PostgreSQL and pulling it back: whole files vs chunks.

Prints figures; asserts nothing (speed is measured here, never in tests).
    .venv/bin/python benchmarks/publish.py [--mb 1200] [--file-mb 400]
Starts a throwaway PostgreSQL server on 127.0.0.1 (tests/pg_server.py, Debian's binaries, fsync
on as in production), writes a synthetic build of about --mb MB (random bytes as vectors are,
and JSON lines of text as passages are) and times, each in its own process so that its peak
resident memory is its own:
- "whole": the layout before schema migration 8, kept here to compare (one bytea per file,
  read and written whole in memory), on a database left at version 7;
- "chunks": bot.store.published as shipped, rows of CHUNK_BYTES streamed from and to disk.
Files stay under --file-mb so the whole-file path can run at all: a bytea holds at most 1 GB,
and read back in text form (hex, twice the size) a file over ~512 MB fails outright.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
MB = 1 << 20


def make_build(index_dir: Path, total_mb: int, file_mb: int) -> str:
    """A build folder as the indexer lays it out, made current; its name."""
    name = "build-synthetic"
    build = index_dir / name
    build.mkdir(parents=True)
    sizes: list[tuple[str, int]] = []
    left, n = total_mb, 0
    while left > 0:
        size = min(file_mb, left)
        sizes.append((f"vectors-{n}.f32" if n % 2 == 0 else f"passages-{n}.jsonl", size))
        left -= size
        n += 1
    line = json.dumps({"id": "x" * 12, "text": "Amazon and Rivian deliver electric vans. " * 8})
    for path, size in sizes:
        with (build / path).open("wb") as out:
            for _ in range(size):
                if path.endswith(".f32"):
                    out.write(os.urandom(MB))
                else:
                    block = ((line + "\n") * (MB // len(line) + 1)).encode()[:MB]
                    out.write(block)
    manifest = {"format": 4, "files": {path: size * MB for path, size in sizes}}
    (build / "manifest.json").write_text(json.dumps(manifest))
    (index_dir / "current").symlink_to(name)
    return name


def database_at_version(url: str, version: int) -> None:
    import psycopg

    from bot.store.migrations.postgres import MIGRATIONS

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())"
        )
        for number, migration in enumerate(MIGRATIONS[:version], start=1):
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (%s, %s)", (number, migration.name))


# -- the whole-file layout, as bot/store/postgres.py and published.py had it before chunks ----


def whole_publish(url: str, index_dir: Path) -> None:
    import psycopg
    from psycopg.types.json import Json

    from bot.index import read_manifest

    build, manifest = read_manifest(index_dir)
    files = [
        (path.relative_to(build).as_posix(), hashlib.sha256(data).hexdigest(), data)
        for path in sorted(build.rglob("*"))
        if path.is_file()
        for data in [path.read_bytes()]
    ]
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO index_builds (name, manifest, files, bytes) VALUES (%s, %s, %s, %s)",
            (build.name, Json(manifest), len(files), sum(len(d) for *_, d in files)),
        )
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO index_files (build, path, sha256, size, content) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(build.name, path, digest, len(data), data) for path, digest, data in files],
            )
        conn.execute("INSERT INTO index_current (build) VALUES (%s)", (build.name,))


def whole_pull(url: str, index_dir: Path) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        (name,) = conn.execute("SELECT build FROM index_current").fetchone()
        files = conn.execute(
            "SELECT path, sha256, size, content FROM index_files WHERE build = %s ORDER BY path",
            (name,),
        ).fetchall()
    files = [(path, digest, size, bytes(data)) for path, digest, size, data in files]
    for path, digest, size, data in files:
        assert len(data) == size and hashlib.sha256(data).hexdigest() == digest
        target = index_dir / name / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def chunks_publish(url: str, index_dir: Path) -> None:
    from bot.store.postgres import PostgresStore
    from bot.store.published import publish

    store = PostgresStore(url)
    try:
        assert publish(store, index_dir)
    finally:
        store.close()


def chunks_pull(url: str, index_dir: Path) -> None:
    from bot.store.postgres import PostgresStore
    from bot.store.published import pull

    store = PostgresStore(url)
    try:
        assert pull(store, index_dir)
    finally:
        store.close()


STEPS = {
    "whole publish": whole_publish,
    "whole pull": whole_pull,
    "chunks publish": chunks_publish,
    "chunks pull": chunks_pull,
}


def child(step: str, url: str, index_dir: Path) -> None:
    """One step in this process: seconds and peak RSS, with the imports' own RSS apart."""
    # both layouts' imports, before the baseline is read
    import psycopg  # noqa: F401

    import bot.index
    import bot.store.postgres
    import bot.store.published  # noqa: F401

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    try:
        STEPS[step](url, index_dir)
    except Exception as err:  # the whole-file layout's limits: reported, not a crash
        print(json.dumps({"error": f"{type(err).__name__}: {str(err).splitlines()[0]}"}))
        return
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "baseline_mb": baseline}))


def run_step(step: str, url: str, index_dir: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", step, url, str(index_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=1200, help="size of the synthetic build")
    parser.add_argument("--file-mb", type=int, default=400, help="largest file in it")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], Path(args.child[2]))
        return

    import psycopg
    from pg_server import start_server, stop_server

    from bot.store.migrations.postgres import MIGRATIONS
    from bot.store.postgres import PostgresStore
    from bot.store.published import CHUNK_BYTES

    server = start_server(fsync=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "release"
            make_build(source, args.mb, args.file_mb)
            size = sum(p.stat().st_size for p in source.rglob("*") if p.is_file())
            with psycopg.connect(server.url(), autocommit=True) as admin:
                admin.execute("CREATE DATABASE whole")
                admin.execute("CREATE DATABASE chunks")
            names = [migration.name for migration in MIGRATIONS]
            database_at_version(server.url("whole"), names.index("published index in chunks"))
            PostgresStore(server.url("chunks")).upgrade()
            print(
                f"build: {size / MB:.0f} MB in files of at most {args.file_mb} MB; "
                f"chunks of {CHUNK_BYTES / MB:.0f} MiB; PostgreSQL fsync on"
            )
            print(f"{'layout':<8} {'step':<8} {'MB/s':>7} {'seconds':>8} {'peak RSS MB':>12}")
            for layout in ("whole", "chunks"):
                for step in ("publish", "pull"):
                    target = source if step == "publish" else Path(tmp) / f"worker-{layout}"
                    result = run_step(f"{layout} {step}", server.url(layout), target)
                    if "error" in result:
                        said = [
                            line
                            for line in server.log().splitlines()
                            if "ERROR" in line or "FATAL" in line
                        ]
                        print(f"{layout:<8} {step:<8} failed: {result['error']}")
                        print(f"{'':<17} server: {said[-1] if said else '-'}")
                        if step == "publish":
                            break  # nothing to pull
                        continue
                    print(
                        f"{layout:<8} {step:<8} {size / MB / result['seconds']:>7.1f} "
                        f"{result['seconds']:>8.1f} {result['peak_mb']:>12.0f}"
                        f"  (imports alone {result['baseline_mb']:.0f} MB)"
                    )
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()

"""A throwaway PostgreSQL server on 127.0.0.1 for the tests and benchmarks: Debian's own binaries,
`initdb` into a temporary folder, `pg_ctl` to start and stop it.

initdb refuses to run as root, and the tests run as root here and on CI: then every server
command runs as the `postgres` system user (which Debian's `postgresql` package creates), in a
folder that user owns.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

USER = "evbot"


class PostgresMissing(RuntimeError):
    pass


def find_bin() -> Path:
    """The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin, else the PATH."""
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    raise PostgresMissing(
        "PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH): "
        "apt-get install -y postgresql"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bin: Path
    root: Path
    port: int
    password: str = field(default_factory=lambda: "pw-" + secrets.token_hex(8))
    fsync: bool = False  # tests need no durability; a benchmark keeps the default (on)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*as_postgres, *args], capture_output=True, text=True, timeout=120, cwd=self.root
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{args[0]} failed ({done.returncode}): {done.stderr or done.stdout}"
            )

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(self.password)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D", str(self.data),
            "-U", USER,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "-E", "UTF8",
            "--locale=C",
            "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
            "-w", "-t", "60", "-o", options, "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", "fast", "stop")

    def processes(self) -> list[int]:
        """The postmaster's pid and its children's (each session's backend, the checkpointer...)."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[1]) == postmaster:  # the parent's pid, after the state
                children.append(int(stat.parent.name))
        return [postmaster, *children]

    @contextmanager
    def frozen(self) -> Iterator[Callable[[], None]]:
        """A function that stops the whole server with SIGSTOP (a frozen host: its kernel still
        acknowledges every packet), once; the server is resumed on the way out, and the
        function does nothing after that."""
        stopped: list[int] = []
        live = [True]

        def freeze() -> None:
            if live[0] and not stopped:
                stopped.extend(self.processes())
                for pid in stopped:
                    # A session's backend may end between listing and stopping (the one before).
                    with suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGSTOP)

        try:
            yield freeze
        finally:
            live[0] = False
            for pid in stopped:
                with suppress(ProcessLookupError):  # a session that ended meanwhile
                    os.kill(pid, signal.SIGCONT)

    def log(self) -> str:
        path = self.root / "log"
        return path.read_text(errors="replace") if path.exists() else ""


def start_server(*, fsync: bool = False) -> PostgresServer:
    """A running server in a new temporary folder; `stop_server` removes it."""
    root = Path(tempfile.mkdtemp(prefix="evbot-pg-"))
    server = PostgresServer(find_bin(), root, free_port(), fsync=fsync)
    try:
        server.init()
        server.start()
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def stop_server(server: PostgresServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.root, ignore_errors=True)

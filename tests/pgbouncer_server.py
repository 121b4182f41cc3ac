"""A throwaway PgBouncer on 127.0.0.1 in TRANSACTION pooling mode, in front of the tests'
PostgreSQL server (tests/pg_server.py), as PaaS offerings put one in front of theirs.

Debian's `pgbouncer` binary, an ini and a userlist in a temporary folder, run in the foreground
as a subprocess. PgBouncer refuses to run as root: as root (the tests here and on CI) it runs as
the `postgres` system user, in a folder that user owns.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pg_server import USER, PostgresServer, free_port

# Fewer server connections than the store's pool holds (POOL_MAX, 5): client connections take
# turns on them, so one client's transactions land on different server connections, as they do
# behind a busy pooler.
SERVER_CONNECTIONS = 3


class PgBouncerMissing(RuntimeError):
    pass


@dataclass
class PgBouncer:
    root: Path
    port: int
    server: PostgresServer
    process: subprocess.Popen[bytes]

    def url(self, direct_url: str) -> str:
        """The same database as `direct_url` (a URL of `server`), through the pooler."""
        return direct_url.replace(f"@127.0.0.1:{self.server.port}/", f"@127.0.0.1:{self.port}/")

    def log(self) -> str:
        path = self.root / "log"
        return path.read_text(errors="replace") if path.exists() else ""


def start_pgbouncer(server: PostgresServer) -> PgBouncer:
    """PgBouncer, transaction pooling, listening on a free port of 127.0.0.1; `stop_pgbouncer`
    ends it and removes its folder."""
    binary = shutil.which("pgbouncer") or (
        "/usr/sbin/pgbouncer" if os.path.exists("/usr/sbin/pgbouncer") else None
    )
    if binary is None:
        raise PgBouncerMissing("PgBouncer is not installed: apt-get install -y pgbouncer")
    root = Path(tempfile.mkdtemp(prefix="evbot-pgbouncer-"))
    port = free_port()
    (root / "userlist.txt").write_text(f'"{USER}" "{server.password}"\n')
    (root / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"* = host=127.0.0.1 port={server.port}\n"
        "[pgbouncer]\n"
        "listen_addr = 127.0.0.1\n"
        f"listen_port = {port}\n"
        "unix_socket_dir =\n"
        "pool_mode = transaction\n"
        # The server asks for SCRAM; a plain-text password here lets PgBouncer answer it.
        "auth_type = scram-sha-256\n"
        f"auth_file = {root / 'userlist.txt'}\n"
        f"default_pool_size = {SERVER_CONNECTIONS}\n"
        "max_client_conn = 200\n"
        f"logfile = {root / 'log'}\n"
        f"pidfile = {root / 'pid'}\n"
    )
    as_postgres: dict[str, object] = {}
    if os.geteuid() == 0:
        for path in (root, *root.iterdir()):
            shutil.chown(path, "postgres", "postgres")
        as_postgres = {"user": "postgres", "group": "postgres", "extra_groups": []}
    with open(root / "stderr", "wb") as stderr:  # never a pipe: a full one would block it
        process = subprocess.Popen(
            [binary, "-q", str(root / "pgbouncer.ini")],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            **as_postgres,  # type: ignore[arg-type]
        )
    bouncer = PgBouncer(root, port, server, process)
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            said = (root / "stderr").read_text(errors="replace") + bouncer.log()
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"pgbouncer exited ({process.returncode}): {said}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return bouncer
        except OSError:
            if time.monotonic() > deadline:
                said = bouncer.log()
                stop_pgbouncer(bouncer)
                raise RuntimeError(f"pgbouncer did not listen within 30 s: {said}") from None
            time.sleep(0.05)


def stop_pgbouncer(bouncer: PgBouncer) -> None:
    try:
        bouncer.process.terminate()  # SIGTERM: PgBouncer shuts down at once
        try:
            bouncer.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            bouncer.process.kill()
            bouncer.process.wait(timeout=10)
    finally:
        shutil.rmtree(bouncer.root, ignore_errors=True)

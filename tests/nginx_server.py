"""A real nginx (Debian's `nginx-light`) in front of the Slack HTTP workers, run without root.

The `http` block's upstream and server are `slack_proxy_config`, the one docs/deploying.md shows;
around it only what a throwaway, unprivileged server needs: its pid, logs and temp files in its
own folder, in the foreground so the test owns the process.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

WAIT = 20.0  # seconds nginx gets to start answering


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def slack_proxy_config(workers: list[str], listen: str) -> str:
    """The upstream of `evbot serve slack --http` workers and the server in front of them."""
    servers = "\n".join(f"    server {w} max_fails=1 fail_timeout=10s;" for w in workers)
    return f"""\
upstream evbot_slack {{
{servers}
    keepalive 16;
}}

server {{
    listen {listen};
    client_max_body_size 1m;  # the workers refuse more (bot/slack/app.py)

    location = /slack/events {{
        proxy_pass http://evbot_slack;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        # A worker that cannot be reached gets the event sent on to the next one. Safe for a
        # POST here: a worker claims the event in the database before it acks.
        proxy_next_upstream error timeout non_idempotent;
        proxy_connect_timeout 2s;
        proxy_read_timeout 10s;  # Slack itself gives up, and retries, after 3 s
        add_header X-Evbot-Upstream $upstream_addr always;  # which worker took it
    }}

    location = /health {{
        proxy_pass http://evbot_slack;
    }}
}}
"""


class Nginx:
    def __init__(self, workers: list[str]) -> None:
        binary = find_nginx()
        if binary is None:
            raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx-light)")
        self.root = Path(tempfile.mkdtemp(prefix="evbot-nginx-"))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        temp = {name: self.root / name for name in ("body", "proxy", "fastcgi")}
        for folder in temp.values():
            folder.mkdir()
        # As root (CI), nginx's workers would switch to `nobody`, who cannot use these folders.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.root / "nginx.conf").write_text(
            f"""{user}worker_processes 1;
daemon off;
pid {self.root}/nginx.pid;
error_log {self.root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
{slack_proxy_config(workers, f"127.0.0.1:{self.port}")}
}}
"""
        )
        self.process = subprocess.Popen(
            [binary, "-p", str(self.root), "-e", str(self.root / "error.log"), "-c", "nginx.conf"],
            cwd=self.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait_listening()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_listening(self) -> None:
        deadline = time.monotonic() + WAIT
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read()}{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nginx never listened: {self.log()}") from None
                time.sleep(0.05)

    def log(self) -> str:
        path = self.root / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.process.wait(WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(WAIT)
        shutil.rmtree(self.root, ignore_errors=True)


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()

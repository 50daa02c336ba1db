"""`graphsvc serve` processes for the benchmarks, from this checkout or from an older commit.

`serving(target, code)` runs `python -m graphsvc serve` on a free loopback port with
PYTHONPATH=code (this checkout, or a git worktree of the baseline commit made by `worktree`)
until the block ends; `Http` is one keep-alive HTTP/1.1 connection to it.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.graphs import OUT, REPO, Target
from tests.neo4j_server import free_port, terminate

BASELINE = "f4d0f55"  # today's code: before the collaboration layer
ADMIN_TOKEN = "bench-admin-token"
IDLE_S = 4.0  # a keep-alive connection idle longer is replaced (uvicorn closes them after 5 s)
DIED: list[str] = []  # servers found dead at the end of a `serving` block


def worktree(commit: str) -> Path:
    """A git worktree of `commit` under bench/out/ (made once, then reused)."""
    path = OUT / f"baseline-{commit}"
    if not (path / "graphsvc").is_dir():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(path), commit], cwd=REPO, check=True
        )
    return path


class Http:
    """One keep-alive connection (replaced after IDLE_S idle, or an error); answers are
    (status, body)."""

    def __init__(self, port: int, timeout_s: float = 600.0) -> None:
        self.port = port
        self.timeout_s = timeout_s
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout_s)
        self.used = time.monotonic()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        """One request; sent again once on a new connection when the server had closed the
        idle one (uvicorn closes keep-alive connections idle for 5 s: the other server's cell
        or a slow write ran in between)."""
        try:
            return self._send(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            return self._send(method, path, body, headers)

    def _send(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str] | None
    ) -> tuple[int, bytes]:
        if time.monotonic() - self.used > IDLE_S:  # the server may be closing it: a new one
            self.conn.close()
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            response = self.conn.getresponse()
            answer = response.status, response.read()
            self.used = time.monotonic()
            return answer
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout_s)
            raise

    def get(self, path: str) -> tuple[int, bytes]:
        return self.request("GET", path)

    def get_json(self, path: str, *, admin: bool = False) -> Any:
        """The JSON of a 200 answer (else RuntimeError); `admin`: send the admin token."""
        headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"} if admin else None
        status, body = self.request("GET", path, headers=headers)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:300]!r}")
        return json.loads(body)

    def upload(self, path: str, fields: dict[str, str], file: Path) -> tuple[int, Any]:
        """POST multipart/form-data: `fields` and one `file`, with the admin token."""
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
            for k, v in fields.items()
        ]
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        body = b"".join([*parts, head, file.read_bytes(), f"\r\n--{boundary}--\r\n".encode()])
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Authorization": f"Bearer {ADMIN_TOKEN}",
        }
        status, answer = self.request("POST", path, body, headers)
        return status, json.loads(answer) if answer else None

    def close(self) -> None:
        self.conn.close()


@dataclass
class Server:
    """A running `graphsvc serve`: its port, its name in tables, a connection to it, its pid."""

    name: str
    port: int
    http: Http
    pid: int


def _wait_ready(proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 300
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"graphsvc serve did not start (see {log})")
        time.sleep(0.3)


@contextmanager
def serving(
    target: Target, name: str = "graphsvc", code: Path = REPO, workers: int = 1
) -> Iterator[Server]:
    """`python -m graphsvc serve` from `code` on a free loopback port, until the block ends.

    Admin routes are on (GRAPHSVC_ADMIN_TOKEN=ADMIN_TOKEN, for POST /v1/ingest); every query
    may take 600 s (GRAPHSVC_QUERY_TIMEOUT_S; today's 10 s default interrupts some on big
    graphs), so slow answers are timed instead of failing.
    """
    port = free_port()
    log_path = OUT / f"serve-{name}-{target.backend}.log"
    env = {
        **os.environ,
        "GRAPHSVC_QUERY_TIMEOUT_S": "600",
        "GRAPHSVC_ADMIN_TOKEN": ADMIN_TOKEN,
        **target.env,
        "PYTHONPATH": str(code),
    }
    cmd = [sys.executable, "-m", "graphsvc", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            cmd + (["--workers", str(workers)] if workers > 1 else []),
            cwd=code,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        client: Http | None = None
        try:
            _wait_ready(proc, port, log_path)
            client = Http(port)
            yield Server(name, port, client, proc.pid)
        finally:
            if client is not None:
                client.close()
            _stop(proc, f"{name} on {target.backend}")


def _stop(proc: subprocess.Popen[bytes], what: str) -> None:
    if proc.poll() is not None:
        print(f"  {what}: graphsvc serve had exited with code {proc.returncode}", file=sys.stderr)
        DIED.append(f"{what}: graphsvc serve exited with code {proc.returncode}")
    terminate(proc)

"""A Neo4j process for the tests and the benchmarks: scripts/neo4j-local on a free port.

    server = Neo4jServer(tmp / "db", password="graphsvc-test")   # the tests' session server
    server.start(); ...; server.stop(); server.start()           # stopped and started again
    with Neo4jServer(Path("bench/out/run/db"), "pw", throwaway=True) as server:  # benchmarks
        Neo4jBackend(uri=server.uri, user="neo4j", password=server.password, database="neo4j")

The log goes to `neo4j-stderr.log` beside the data folder. A `throwaway` server deletes its
data folder before it starts and after it stops. `peak_rss_bytes()` reads the server's
high-water mark (VmHWM) while it runs. Heap and page cache come from NEO4J_HEAP and
NEO4J_PAGECACHE, as for scripts/neo4j-local (defaults 512m and 256 MiB); the jars from
GRAPHSVC_NEO4J_HOME (default .cache/neo4j).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def terminate(proc: subprocess.Popen[Any], timeout_s: float = 60.0) -> None:
    """SIGTERM, then SIGKILL if the process has not ended after `timeout_s`."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Neo4jServer:
    """One Neo4j process on `data_dir`; can be stopped and started again; a context manager."""

    def __init__(self, data_dir: Path, password: str, *, throwaway: bool = False) -> None:
        self.data_dir = data_dir
        self.log_path = data_dir.parent / "neo4j-stderr.log"
        self.password = password
        self.throwaway = throwaway
        self.port = free_port()
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[str] | None = None

    def start(self, timeout_s: float = 180.0) -> None:
        if self.throwaway:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("a") as log:
            self.proc = subprocess.Popen(
                [
                    str(REPO / "scripts" / "neo4j-local"),
                    "start",
                    "--port",
                    str(self.port),
                    "--data",
                    str(self.data_dir),
                    "--password",
                    self.password,
                ],
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        deadline = time.monotonic() + timeout_s
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if line.startswith("NEO4J READY"):
                return
            if not line and self.proc.poll() is not None:
                break
        self.stop()
        raise RuntimeError(
            f"Neo4j did not start (see {self.log_path} and {self.data_dir / 'logs' / 'debug.log'})"
        )

    def peak_rss_bytes(self) -> int | None:
        """The server's peak resident memory so far (the script execs java: same pid)."""
        if self.proc is None:
            return None
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return None

    def stop(self) -> None:
        if self.proc is not None:
            terminate(self.proc)
            self.proc = None
        if self.throwaway:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> Neo4jServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

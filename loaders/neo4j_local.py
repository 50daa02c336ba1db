"""A Neo4j server, and neo4j-admin's offline importer, run from `scripts/neo4j-local` (Neo4j
Community jars from Maven Central; see that script) on a data folder."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "neo4j-local"


class Neo4jLocalError(Exception):
    """The script is missing, the server did not start, or the importer failed."""


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


def _script() -> str:
    if not SCRIPT.is_file():
        raise Neo4jLocalError(
            f"{SCRIPT} not found (the bulk load on Neo4j runs from the repository)"
        )
    return str(SCRIPT)


def run_import(data_dir: Path, options: list[str], log_path: Path) -> None:
    """`scripts/neo4j-local import --data DIR OPTIONS...` (the server on DIR stopped); its
    output goes to `log_path`."""
    with log_path.open("w") as log:
        done = subprocess.run(
            [_script(), "import", "--data", str(data_dir), *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if done.returncode != 0:
        tail = log_path.read_text(errors="replace").strip().splitlines()[-5:]
        raise Neo4jLocalError(
            f"neo4j-admin database import failed (see {log_path}): " + " | ".join(tail)
        )


class LocalNeo4j:
    """One Neo4j process on `data_dir` (free port); can be stopped and started again; a
    context manager. Its log goes to `neo4j-stderr.log` in the data folder."""

    def __init__(self, data_dir: Path, password: str) -> None:
        self.data_dir = data_dir
        self.log_path = data_dir / "neo4j-stderr.log"
        self.password = password
        self.port = free_port()
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[str] | None = None

    def start(self, timeout_s: float = 180.0) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("a") as log:
            self.proc = subprocess.Popen(
                [
                    _script(),
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
        raise Neo4jLocalError(
            f"Neo4j did not start on {self.data_dir} (is a server using it? see "
            f"{self.log_path} and {self.data_dir / 'logs' / 'debug.log'})"
        )

    def stop(self) -> None:
        if self.proc is not None:
            terminate(self.proc)
            self.proc = None

    def __enter__(self) -> LocalNeo4j:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

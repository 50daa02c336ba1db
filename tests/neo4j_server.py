"""A Neo4j process for the tests and the benchmarks: scripts/neo4j-local on a free port.

    server = Neo4jServer(tmp / "db", password="graphsvc-test")   # the tests' session server
    server.start(); ...; server.stop(); server.start()           # stopped and started again
    with Neo4jServer(Path("bench/out/run/db"), "pw", throwaway=True) as server:  # benchmarks
        backend = connect(server, timeout_s=600)    # its database, with the tests' queries

The log goes to `neo4j-stderr.log` beside the data folder. A `throwaway` server deletes its
data folder before it starts and after it stops. `peak_rss_bytes()` reads the server's
high-water mark (VmHWM) while it runs. Heap and page cache come from NEO4J_HEAP and
NEO4J_PAGECACHE, as for scripts/neo4j-local (defaults 512m and 256 MiB); the jars from
GRAPHSVC_NEO4J_HOME (default .cache/neo4j).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from graphsvc.db.neo4j_backend import Neo4jBackend
from loaders.neo4j_local import LocalNeo4j, free_port, terminate
from tests.helpers import TEST_QUERIES

__all__ = ["Neo4jServer", "connect", "free_port", "terminate"]


def connect(server: LocalNeo4j, **options: Any) -> Neo4jBackend:
    """A backend of its own on the server's database `neo4j`, with the tests' queries (exports
    and checks); `options` go to Neo4jBackend (its timeouts)."""
    return Neo4jBackend(
        uri=server.uri,
        user="neo4j",
        password=server.password,
        database="neo4j",
        extra_queries=TEST_QUERIES,
        **options,
    )


class Neo4jServer(LocalNeo4j):
    """The product's local server (`loaders.neo4j_local`), with its log beside the data
    folder, an optional throwaway data folder and the peak memory of the process."""

    def __init__(self, data_dir: Path, password: str, *, throwaway: bool = False) -> None:
        super().__init__(data_dir, password)
        self.log_path = data_dir.parent / "neo4j-stderr.log"
        self.throwaway = throwaway

    def start(self, timeout_s: float = 180.0) -> None:
        if self.throwaway:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        super().start(timeout_s)

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
        super().stop()
        if self.throwaway:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> Neo4jServer:
        self.start()
        return self

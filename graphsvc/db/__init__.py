"""The two graph backends behind one small interface, and how to open the configured one."""

from __future__ import annotations

from pathlib import Path

from graphsvc.db.base import (
    DatabaseUnavailable,
    GraphBackend,
    GraphError,
    Reader,
    Row,
    Tx,
    reads_together,
)
from graphsvc.settings import Engine, Settings

__all__ = [
    "DatabaseUnavailable",
    "GraphBackend",
    "GraphError",
    "Reader",
    "Row",
    "Tx",
    "open_backend",
    "reads_together",
]


def open_backend(
    settings: Settings, *, read_only: bool = False, extra_queries: tuple[Path, ...] = ()
) -> GraphBackend:
    """Open the backend the settings select (one per process), with its query catalog (and
    the queries of `extra_queries` folders: the tests' and benchmarks' exports)."""
    if settings.engine is Engine.NEO4J:
        from graphsvc.db.neo4j_backend import Neo4jBackend

        return Neo4jBackend(
            uri=settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            timeout_s=settings.graphsvc_query_timeout_s,
            write_timeout_s=settings.graphsvc_write_timeout_s,
            extra_queries=extra_queries,
        )
    from graphsvc.db.ladybug_backend import LadybugBackend

    return LadybugBackend(
        settings.embedded_path,
        read_only=read_only,
        timeout_s=settings.graphsvc_query_timeout_s,
        write_timeout_s=settings.graphsvc_write_timeout_s,
        buffer_pool_bytes=settings.graphsvc_embedded_buffer_pool_mb * 1024**2,
        extra_queries=extra_queries,
    )

"""Opening a Ladybug database folder, including after the process that wrote it was killed.

A process killed in the middle of a commit (SIGKILL, the OOM killer) can leave the
write-ahead log ending in an incomplete record. Ladybug then refuses to open the database
("Checksum verification failed, the WAL file is corrupted", or "Reading past the end of the
file"). The records before it are complete transactions: the log is kept aside as it was,
beside the database, and the database is opened again replaying the complete records (the
incomplete one is a transaction that never committed: tests/graph/test_torn_wal.py finds whole
batches only). Ingest resumes from what the graph holds.
"""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path

import ladybug

from graphsvc.db.base import DatabaseUnavailable, GraphError

log = logging.getLogger(__name__)

TORN_LOG_SIGNS = ("the wal file is corrupted", "reading past the end of the file")


def open_database(path: Path, *, read_only: bool, buffer_pool_bytes: int) -> ladybug.Database:
    """The database at `path`; a log ending in an incomplete record is kept aside and its
    complete records replayed (see the module's docstring)."""
    try:
        return _database(path, read_only, buffer_pool_bytes, strict=True)
    except RuntimeError as err:
        if not _torn_log(err, path):
            raise _explained(err, path) from err
        kept = _keep_log(path, read_only)
        log.warning(
            "the embedded database %s was stopped in the middle of a write: its write-ahead "
            "log ends in an incomplete record (%s); replaying the complete ones%s",
            path,
            err,
            f", the log as it was is kept at {kept}" if kept else "",
        )
    try:
        return _database(path, read_only, buffer_pool_bytes, strict=False)
    except RuntimeError as err:
        raise _explained(err, path) from err


def _database(
    path: Path, read_only: bool, buffer_pool_bytes: int, *, strict: bool
) -> ladybug.Database:
    return ladybug.Database(
        str(path),
        read_only=read_only,
        buffer_pool_size=buffer_pool_bytes,
        max_db_size=1 << 40,
        throw_on_wal_replay_failure=strict,
    )


def wal_path(path: Path) -> Path:
    """Ladybug's write-ahead log of the database at `path`."""
    return path.with_name(path.name + ".wal")


def _torn_log(err: RuntimeError, path: Path) -> bool:
    said = str(err).lower()
    return wal_path(path).exists() and any(sign in said for sign in TORN_LOG_SIGNS)


def _keep_log(path: Path, read_only: bool) -> Path | None:
    """A copy of the log before the replay removes it (a read-only open leaves it in place)."""
    if read_only:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = path.with_name(f"{path.name}.wal.incomplete-{stamp}")
    shutil.copy2(wal_path(path), kept)
    return kept


def _explained(err: RuntimeError, path: Path) -> GraphError:
    if "lock" in str(err).lower():
        return DatabaseUnavailable(
            f"the embedded database {path} is in use by another process "
            "(a running `graphsvc serve` or `graphsvc ingest`?); wait for it or stop "
            "it (while a server runs, ingest through its API)"
        )
    return GraphError(f"cannot open the embedded database {path}: {err}")

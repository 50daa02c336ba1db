"""The embedded default: LadybugDB in this process, one writer at a time, pooled connections."""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import ladybug

from graphsvc.catalog import Catalog
from graphsvc.db.base import (
    DatabaseUnavailable,
    GraphBackend,
    GraphError,
    Reader,
    Row,
    plain,
    run_backfills,
)
from graphsvc.db.ladybug_open import open_database
from graphsvc.db.watchdog import StatementWatchdog

T = TypeVar("T")
POOL_SIZE = 4
RENEW_WRITER_AFTER_S = 0.5
"""A write that ran this long gets a new connection afterwards. A Ladybug connection's prepared
statements keep their operators' memory from their last run (a job's large statements once
held the buffer pool); a shorter write keeps its connection and so its prepared statements,
about 2 ms each to prepare again, a third of a small batch's time (bench/RESULTS.md)."""


class LadybugBackend(GraphBackend):
    """A Ladybug database folder opened by this process; threads share it through a pool."""

    dialect = "ladybug"

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        timeout_s: float = 10.0,
        write_timeout_s: float = 600.0,
        buffer_pool_bytes: int = 1024**3,
        extra_queries: tuple[Path, ...] = (),
    ) -> None:
        self.catalog = Catalog(self.dialect, extra=extra_queries)
        self.path = path
        self.buffer_pool_bytes = buffer_pool_bytes
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = open_database(path, read_only=read_only, buffer_pool_bytes=buffer_pool_bytes)
        self.watchdog = StatementWatchdog(timeout_s)
        self._write_timeout_ms = int(write_timeout_s * 1000)
        self._long: set[ladybug.Connection] = set()  # under the engine's own (write) timeout
        self._pool: queue.Queue[ladybug.Connection] = queue.Queue()
        self._all: set[ladybug.Connection] = set()
        self._all_lock = threading.Lock()
        for _ in range(POOL_SIZE):
            self._pool.put(self._new_connection())
        self._write_lock = threading.Lock()
        self._writer: ladybug.Connection | None = None  # under _write_lock
        self._closed = False

    def _new_connection(self) -> ladybug.Connection:
        """A connection for short reads: each statement on its caller's thread, bounded by the
        watchdog (see graphsvc.db.watchdog; the request's reads ran on half the CPU)."""
        conn = ladybug.Connection(self._db)
        conn.set_max_threads_for_exec(1)
        with self._all_lock:
            self._all.add(conn)
        return conn

    @contextmanager
    def _connection(self, *, renew: bool = False) -> Iterator[ladybug.Connection]:
        """A pooled connection. `renew`: replace it by a new one afterwards, since a Ladybug
        connection keeps the memory of its last large query (four pooled connections after
        a job's look-ups held four times the pool that one of them needed)."""
        self._ensure_open()
        conn = self._pool.get()
        try:
            yield conn
        finally:
            if renew and not self._closed:
                self._forget(conn)
                conn = self._new_connection()
            self._pool.put(conn)

    def _run(self, conn: ladybug.Connection, name: str, params: dict[str, Any]) -> list[Row]:
        query = self.catalog[name]
        query.check_params(params)
        cap = None if query.cap is None else params[query.cap]
        if cap is not None and (not isinstance(cap, int) or cap < 0):
            raise GraphError(f"query {name}: ${query.cap} must be an integer >= 0, not {cap!r}")
        result = self._statement(conn, query.text, query.engine_params(params), f"query {name}")
        return _rows(result, cap)

    def read(self, name: str, **params: Any) -> list[Row]:
        with self._connection() as conn:
            return self._run(conn, name, params)

    def read_long(self, name: str, **params: Any) -> list[Row]:
        with self._long_running() as conn:
            return self._run(conn, name, params)

    def read_together(self, work: Callable[[Reader], T]) -> T:
        with self._connection() as conn:
            return self._in_transaction(conn, "BEGIN TRANSACTION READ ONLY", work)

    def write(self, work: Callable[[Any], T]) -> T:
        """`work` in one write transaction, on the writer's connection (RENEW_WRITER_AFTER_S)."""
        with self._write_lock:
            self._ensure_open()
            conn = self._writer = self._writer or self._long_connection()
            started = time.monotonic()
            renew = True
            try:
                result = self._in_transaction(conn, "BEGIN TRANSACTION", work)
                renew = time.monotonic() - started >= RENEW_WRITER_AFTER_S
                return result
            finally:
                if renew:
                    self._writer = None
                    self._forget(conn)

    def _ensure_open(self) -> None:
        """Refuse work once the backend is closed."""
        if self._closed:
            raise DatabaseUnavailable("the embedded database is closed")

    def _long_connection(self) -> ladybug.Connection:
        """A new connection for long statements (`_make_long`)."""
        return self._make_long(self._new_connection())

    def _make_long(self, conn: ladybug.Connection) -> ladybug.Connection:
        """`conn` with its statements (COMMIT too) under the write timeout, on every thread."""
        conn.set_max_threads_for_exec(0)  # the database's limit: a job's statements are large
        conn.set_query_timeout(self._write_timeout_ms)
        self._long.add(conn)
        return conn

    def _forget(self, conn: ladybug.Connection) -> None:
        """Close `conn` (unless the backend closed it already) and drop it from the sets."""
        self._long.discard(conn)
        with self._all_lock:
            self._all.discard(conn)
        if not self._closed:
            conn.close()

    @contextmanager
    def _long_running(self) -> Iterator[ladybug.Connection]:
        """A pooled connection whose statements (COMMIT too) run under the write timeout,
        replaced by a new one afterwards (a job's statements are the large ones), which
        forgets it (`_forget`)."""
        with self._connection(renew=True) as conn:
            yield self._make_long(conn)

    def _in_transaction(
        self, conn: ladybug.Connection, begin: str, work: Callable[[_LadybugTx], T]
    ) -> T:
        """`work` between `begin` and COMMIT on `conn`; rolled back if it raises."""
        self._execute(conn, begin)
        try:
            result = work(_LadybugTx(self, conn))
        except BaseException:
            with contextlib.suppress(RuntimeError):  # a failed statement may end it already
                conn.execute("ROLLBACK")
            raise
        self._execute(conn, "COMMIT")
        return result

    def _execute(self, conn: ladybug.Connection, statement: str) -> None:
        self._statement(conn, statement, {}, statement).close()

    def _statement(
        self, conn: ladybug.Connection, text: str, params: dict[str, Any], what: str
    ) -> ladybug.QueryResult:
        """One statement: on a job's connection under the engine's write timeout, else under
        the watchdog's read timeout."""
        if conn in self._long:
            try:
                result = conn.execute(text, params)
            except RuntimeError as err:
                raise GraphError(f"{what} failed on ladybug: {self._explained(err)}") from err
        else:
            with self.watchdog.watching(conn) as watch:
                try:
                    result = conn.execute(text, params)
                except RuntimeError as err:
                    late = watch.interrupted
                    raise GraphError(
                        f"{what} failed on ladybug: {self._explained(err, late)}"
                    ) from err
        assert not isinstance(result, list)
        return result

    def _explained(self, err: RuntimeError, late: bool = False) -> str:
        """The engine's message, with the read timeout when it stopped the statement, and what
        to do when the engine's memory for pages ran out."""
        if late:
            return f"{err} (the read timeout, {self.watchdog.timeout_s:g} s, has passed)"
        if "buffer pool is full" not in str(err):
            return str(err)
        mb = self.buffer_pool_bytes // 1024**2
        return (
            f"{err} (the embedded engine's memory for pages, {mb} MB, is too small for this "
            "graph: raise GRAPHSVC_EMBEDDED_BUFFER_POOL_MB, see README: Configuration)"
        )

    def apply_schema(self) -> list[str]:
        with self._write_lock, self._long_running() as conn:
            statements = self._run_statements(conn, self.catalog.schema_statements())
            return statements + run_backfills(
                self.catalog, lambda text: _rows(self._statement(conn, text, {}, "backfill"))
            )

    def drop_schema(self) -> list[str]:
        with self._write_lock, self._long_running() as conn:
            return self._run_statements(conn, self.catalog.drop_statements())

    def _run_statements(self, conn: ladybug.Connection, statements: list[str]) -> list[str]:
        """Schema statements, one after the other (the caller holds the write lock)."""
        for statement in statements:
            self._execute(conn, statement)
        return statements

    def ping(self) -> None:
        with self._connection() as conn:
            self._execute(conn, "RETURN 1")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.watchdog.close()
        with self._all_lock:
            connections = list(self._all)
        for conn in connections:
            conn.close()
        self._db.close()


def _rows(result: ladybug.QueryResult, cap: int | None = None) -> list[Row]:
    """A result's rows as plain dicts (the first `cap` of them when a cap is given), closed."""
    columns = result.get_column_names()
    kept = result if cap is None else islice(result, cap)  # the LIMIT the backend applies
    rows = [dict(zip(columns, map(plain, values), strict=True)) for values in kept]
    result.close()
    return rows


class _LadybugTx:
    """Runs stored queries on the connection that holds the open transaction (write or read)."""

    def __init__(self, backend: LadybugBackend, conn: ladybug.Connection) -> None:
        self._backend = backend
        self._conn = conn

    def run(self, name: str, **params: Any) -> list[Row]:
        return self._backend._run(self._conn, name, params)

    read = run

    def has_query(self, name: str) -> bool:
        return self._backend.has_query(name)

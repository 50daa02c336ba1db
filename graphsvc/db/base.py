"""The backend interface: named stored queries in, plain Python rows out."""

from __future__ import annotations

import datetime as dt
import functools
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from graphsvc.catalog import Catalog

Row = dict[str, Any]
T = TypeVar("T")
P = ParamSpec("P")


class GraphError(Exception):
    """A database operation failed for a reason the caller cannot fix by retrying."""


class DatabaseUnavailable(GraphError):
    """The database cannot be reached or is not ready; retrying later may work."""


class Tx(Protocol):
    """A write transaction: run stored queries by name; all or nothing."""

    def run(self, name: str, **params: Any) -> list[Row]: ...


class Reader(Protocol):
    """Runs stored read queries by name (a backend, or one read transaction of it)."""

    def read(self, name: str, **params: Any) -> list[Row]: ...

    def has_query(self, name: str) -> bool:
        """Whether this engine has a stored query of that name."""
        ...


class GraphBackend(ABC):
    """One open database. Reads and writes go through stored queries only."""

    dialect: str
    catalog: Catalog

    @abstractmethod
    def read(self, name: str, **params: Any) -> list[Row]:
        """Run a stored read query and return its rows as plain dicts."""

    def has_query(self, name: str) -> bool:
        return name in self.catalog

    @abstractmethod
    def read_long(self, name: str, **params: Any) -> list[Row]:
        """`read` for a job (an ingest, a layer rebuild): bounded by the write timeout, since a
        job's look-up over a large graph may take longer than a request should."""

    @abstractmethod
    def read_together(self, work: Callable[[Reader], T]) -> T:
        """Run `work`'s reads in one read transaction: one connection and one transaction
        instead of one per query. Retried as a whole on transient errors, so `work` must only
        read. (Ladybug gives the transaction one snapshot; Neo4j's isolation is read committed.)"""

    @abstractmethod
    def write(self, work: Callable[[Tx], T]) -> T:
        """Run `work` in one write transaction (retried as a whole on transient errors)."""

    @abstractmethod
    def apply_schema(self) -> list[str]:
        """Create constraints, indexes or tables that are missing; returns what ran."""

    def drop_schema(self) -> list[str]:
        """Drop the schema and everything in it where the dialect has statements for that (the
        embedded engine's tables); returns what ran (nothing by default)."""
        return []

    @abstractmethod
    def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers a query."""

    @abstractmethod
    def close(self) -> None:
        """Release the database (connections first)."""


def run_backfills(catalog: Catalog, run: Callable[[str], list[Row]]) -> list[str]:
    """Run each schema backfill whose check says it has work to do; `run` executes one statement
    and returns its rows. Returns the fills that ran."""
    ran = []
    for backfill in catalog.backfills():
        if any(row["needed"] for row in run(backfill.check)):
            run(backfill.fill)
            ran.append(backfill.fill)
    return ran


def reads_together(
    look_up: Callable[Concatenate[Reader, P], T],
) -> Callable[Concatenate[GraphBackend, P], T]:
    """Make a look-up that runs several reads take a backend and run them in one transaction."""

    @functools.wraps(look_up)
    def in_one_read(backend: GraphBackend, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return backend.read_together(lambda reader: look_up(reader, *args, **kwargs))

    return in_one_read


def plain(value: Any) -> Any:
    """Turn driver-specific values (Neo4j temporals) into plain Python ones."""
    if isinstance(value, str | int | float) or value is None:  # most values: nothing to do
        return value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    to_native = getattr(value, "to_native", None)
    if to_native is not None and not isinstance(value, dt.date):
        return to_native()
    return value

"""The production backend: Neo4j through the official driver, reads routed to readers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

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

T = TypeVar("T")
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, ConnectionError, OSError)


class Neo4jBackend(GraphBackend):
    """One driver for the process; `execute_query` for reads, managed transactions for writes."""

    dialect = "neo4j"

    def __init__(
        self,
        *,
        uri: str,
        user: str,
        password: str,
        database: str,
        timeout_s: float = 10.0,
        write_timeout_s: float = 600.0,
        extra_queries: tuple[Path, ...] = (),
    ) -> None:
        self.catalog = Catalog(self.dialect, extra=extra_queries)
        self.uri = uri
        self.database = database
        self.timeout_s = timeout_s
        self.write_timeout_s = write_timeout_s
        self._driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=min(timeout_s, 5.0),
            connection_acquisition_timeout=timeout_s,
            max_transaction_retry_time=timeout_s / 2,
            max_connection_pool_size=50,
            notifications_min_severity="OFF",
        )

    def _query(self, name: str, params: dict[str, Any], timeout_s: float) -> neo4j.Query:
        stored = self.catalog[name]
        stored.check_params(params)
        return neo4j.Query(stored.text, timeout=timeout_s)

    def read(self, name: str, **params: Any) -> list[Row]:
        return self._read(name, params, self.timeout_s)

    def read_long(self, name: str, **params: Any) -> list[Row]:
        return self._read(name, params, self.write_timeout_s)

    def _read(self, name: str, params: dict[str, Any], timeout_s: float) -> list[Row]:
        query = self._query(name, params, timeout_s)
        with _mapped_errors(f"query {name}"):
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.database, routing_=RoutingControl.READ
            )
        return [{k: plain(v) for k, v in record.items()} for record in records]

    def read_together(self, work: Callable[[Reader], T]) -> T:
        @neo4j.unit_of_work(timeout=self.timeout_s)
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(_Neo4jTx(self, tx))

        with (
            _mapped_errors("read"),
            self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session,
        ):
            return session.execute_read(unit)

    def write(self, work: Callable[[Any], T]) -> T:
        @neo4j.unit_of_work(timeout=self.write_timeout_s)
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(_Neo4jTx(self, tx))

        with _mapped_errors("write"), self._driver.session(database=self.database) as session:
            return session.execute_write(unit)

    def apply_schema(self) -> list[str]:
        statements = self.catalog.schema_statements()
        with _mapped_errors("schema statement"):
            for statement in statements:
                self._driver.execute_query(statement, database_=self.database)
            self._driver.execute_query("CALL db.awaitIndexes(300)", database_=self.database)
            return statements + run_backfills(self.catalog, self._rows_of)

    def _rows_of(self, statement: str) -> list[Row]:
        """One statement's rows, run as it is (no stored query: the schema's)."""
        records = self._driver.execute_query(statement, database_=self.database).records
        return [record.data() for record in records]

    def ping(self) -> None:
        try:
            self._driver.execute_query(
                "RETURN 1", database_=self.database, routing_=RoutingControl.READ
            )
        except (*_UNAVAILABLE, AuthError, DriverError, Neo4jError) as err:
            raise DatabaseUnavailable(f"Neo4j is unavailable: {err}") from err

    def close(self) -> None:
        self._driver.close()


@contextmanager
def _mapped_errors(what: str) -> Iterator[None]:
    """Driver errors as DatabaseUnavailable (retry later) or GraphError (a failed query)."""
    try:
        yield
    except _UNAVAILABLE as err:
        raise DatabaseUnavailable(f"Neo4j is unavailable: {err}") from err
    except AuthError as err:
        raise DatabaseUnavailable(f"Neo4j refused the credentials: {err}") from err
    except (Neo4jError, DriverError) as err:
        detail = "; ".join([str(err), *getattr(err, "__notes__", ())])
        raise GraphError(f"{what} failed on neo4j: {detail}") from err


class _Neo4jTx:
    """Runs stored queries in one managed transaction (a write, or a group of reads)."""

    def __init__(self, backend: Neo4jBackend, tx: neo4j.ManagedTransaction) -> None:
        self._backend = backend
        self._tx = tx

    def run(self, name: str, **params: Any) -> list[Row]:
        stored = self._backend.catalog[name]
        stored.check_params(params)
        try:
            result = self._tx.run(stored.text, params)
            return [{k: plain(v) for k, v in record.items()} for record in result]
        except Neo4jError as err:
            err.add_note(f"in stored query {name}")
            raise

    read = run

    def has_query(self, name: str) -> bool:
        return self._backend.has_query(name)

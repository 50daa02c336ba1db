"""The production backend: Neo4j through the official driver, reads routed to readers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graphsvc.catalog import Catalog
from graphsvc.db.base import DatabaseUnavailable, GraphBackend, GraphError, Row, plain

T = TypeVar("T")
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, ConnectionError, OSError)


class Neo4jBackend(GraphBackend):
    """One driver for the process; `execute_query` for reads, managed transactions for writes."""

    dialect = "neo4j"

    def __init__(
        self, *, uri: str, user: str, password: str, database: str, timeout_s: float = 10.0
    ) -> None:
        self.catalog = Catalog(self.dialect)
        self.uri = uri
        self.database = database
        self.timeout_s = timeout_s
        self._driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=min(timeout_s, 5.0),
            connection_acquisition_timeout=timeout_s,
            max_transaction_retry_time=timeout_s / 2,
            max_connection_pool_size=50,
            notifications_min_severity="OFF",
        )

    def _query(self, name: str, params: dict[str, Any]) -> neo4j.Query:
        stored = self.catalog[name]
        stored.check_params(params)
        return neo4j.Query(stored.text, timeout=self.timeout_s)

    def read(self, name: str, **params: Any) -> list[Row]:
        query = self._query(name, params)
        try:
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.database, routing_=RoutingControl.READ
            )
        except _UNAVAILABLE as err:
            raise DatabaseUnavailable(f"Neo4j is unavailable: {err}") from err
        except AuthError as err:
            raise DatabaseUnavailable(f"Neo4j refused the credentials: {err}") from err
        except (Neo4jError, DriverError) as err:
            raise GraphError(f"query {name} failed on neo4j: {err}") from err
        return [{k: plain(v) for k, v in record.items()} for record in records]

    def write(self, work: Callable[[Any], T]) -> T:
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(_Neo4jTx(self, tx))

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(unit)
        except _UNAVAILABLE as err:
            raise DatabaseUnavailable(f"Neo4j is unavailable: {err}") from err
        except (Neo4jError, DriverError) as err:
            raise GraphError(f"write failed on neo4j: {err}") from err

    def apply_schema(self) -> list[str]:
        statements = self.catalog.schema_statements()
        try:
            for statement in statements:
                self._driver.execute_query(statement, database_=self.database)
            self._driver.execute_query("CALL db.awaitIndexes(300)", database_=self.database)
        except _UNAVAILABLE as err:
            raise DatabaseUnavailable(f"Neo4j is unavailable: {err}") from err
        except (Neo4jError, DriverError) as err:
            raise GraphError(f"schema statement failed on neo4j: {err}") from err
        return statements

    def ping(self) -> None:
        try:
            self._driver.execute_query(
                "RETURN 1", database_=self.database, routing_=RoutingControl.READ
            )
        except (*_UNAVAILABLE, AuthError, DriverError, Neo4jError) as err:
            raise DatabaseUnavailable(f"Neo4j is unavailable: {err}") from err

    def close(self) -> None:
        self._driver.close()


class _Neo4jTx:
    def __init__(self, backend: Neo4jBackend, tx: neo4j.ManagedTransaction) -> None:
        self._backend = backend
        self._tx = tx

    def run(self, name: str, **params: Any) -> list[Row]:
        stored = self._backend.catalog[name]
        stored.check_params(params)
        result = self._tx.run(stored.text, params)
        return [{k: plain(v) for k, v in record.items()} for record in result]

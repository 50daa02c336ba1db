"""Bulk load on the embedded engine: each table `COPY FROM` an Arrow table, nodes first, in one
transaction (all or nothing)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from graphsvc.db import GraphBackend, Tx
from loaders.bulk_tables import COPY_QUERIES, NODES, RELATIONSHIPS, Row, Rows, Table

_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "long": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "string[]": pa.list_(pa.string()),
    "long[]": pa.list_(pa.int64()),
}


def arrow_table(table: Table, rows: Iterable[Row]) -> pa.Table:
    """The rows as an Arrow table with the schema's column order and types."""
    rows = list(rows)
    columns = list(table.columns)
    if table.ends[0]:
        columns = [("from", "string"), ("to", "string"), *columns]
    schema = pa.schema([(name, _TYPES[kind]) for name, kind in columns])
    return pa.table({name: [r[name] for r in rows] for name, _ in columns}, schema=schema)


def copy_tables(backend: GraphBackend, tables: Mapping[str, Rows]) -> None:
    """Load every non-empty table into the (empty) embedded graph."""

    def load(tx: Tx) -> None:
        for table in (*NODES, *RELATIONSHIPS):
            rows = tables[table.name]
            if rows:
                data: Any = arrow_table(table, rows)
                tx.run(COPY_QUERIES[table.name], rows=data)

    backend.write(load)

"""Bulk load on the embedded engine: each table `COPY FROM` an Arrow table, nodes first, in one
transaction (all or nothing)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from graphsvc.db import GraphBackend, Tx
from loaders.bulk_tables import NODES, RELATIONSHIPS, Row, Table

COPY_QUERIES = {
    "Researcher": "bulk_copy_researcher",
    "Work": "bulk_copy_work",
    "Topic": "bulk_copy_topic",
    "Institution": "bulk_copy_institution",
    "Team": "bulk_copy_team",
    "Stat": "bulk_copy_stat",
    "NameCount": "bulk_copy_namecount",
    "MergedId": "bulk_copy_mergedid",
    "IngestState": "bulk_copy_ingeststate",
    "AUTHORED": "bulk_copy_authored",
    "HAS_TOPIC": "bulk_copy_has_topic",
    "AFFILIATED_WITH": "bulk_copy_affiliated_with",
    "BY_TEAM": "bulk_copy_by_team",
    "COAUTHOR": "bulk_copy_coauthor",
    "WORKS_IN": "bulk_copy_works_in",
    "MEMBER_OF": "bulk_copy_member_of",
    "COOCCURS": "bulk_copy_cooccurs",
}
_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "long": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "string[]": pa.list_(pa.string()),
    "long[]": pa.list_(pa.int64()),
}


def arrow_table(table: Table, rows: list[Row]) -> pa.Table:
    """The rows as an Arrow table with the schema's column order and types."""
    columns = list(table.columns)
    if table.ends[0]:
        columns = [("from", "string"), ("to", "string"), *columns]
    schema = pa.schema([(name, _TYPES[kind]) for name, kind in columns])
    return pa.table({name: [r[name] for r in rows] for name, _ in columns}, schema=schema)


def copy_tables(backend: GraphBackend, tables: dict[str, list[Row]]) -> None:
    """Load every non-empty table into the (empty) embedded graph."""

    def load(tx: Tx) -> None:
        for table in (*NODES, *RELATIONSHIPS):
            rows = tables[table.name]
            if rows:
                data: Any = arrow_table(table, rows)
                tx.run(COPY_QUERIES[table.name], rows=data)

    backend.write(load)

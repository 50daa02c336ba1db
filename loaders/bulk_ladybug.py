"""Bulk load on the embedded engine: each table `COPY FROM` an Arrow table in a transaction of
its own (a whole-arXiv load in one transaction fills the engine's buffer pool with uncommitted
pages: at 2,700,000 works it failed, or crashed the process, with 4 GiB; one table at a time
loads it within the same 4 GiB, bench/RESULTS.md). The tables come from memory (`copy_table`)
or from the Parquet files a planning process wrote (`write_parquet_files`, then `copy_file`);
`loaders.bulk_load` loads them nodes first and says what a failure part way leaves."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from graphsvc.db import GraphBackend
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
    schema = arrow_schema(table)
    return pa.table({name: [r[name] for r in rows] for name in schema.names}, schema=schema)


def arrow_schema(table: Table) -> pa.Schema:
    columns = list(table.columns)
    if table.ends[0]:
        columns = [("from", "string"), ("to", "string"), *columns]
    return pa.schema([(name, _TYPES[kind]) for name, kind in columns])


def copy_table(backend: GraphBackend, table: Table, rows: Rows) -> None:
    """Load one table's rows (an empty table is skipped), in one transaction."""
    if rows:
        data: Any = arrow_table(table, rows)
        backend.write(lambda tx: tx.run(COPY_QUERIES[table.name], rows=data))


PARQUET_CHUNK = 100_000  # rows made into Python objects at a time


def write_parquet_files(
    tables: Mapping[str, Rows], folder: Path, *, each_table: Callable[[], None] = lambda: None
) -> list[str]:
    """Every table that has rows as `folder/NAME.parquet`, a chunk of rows at a time
    (`each_table` called before each); the names of the tables written, in load order."""
    written = []
    for table in (*NODES, *RELATIONSHIPS):
        each_table()
        rows = iter(tables[table.name])
        chunk = list(islice(rows, PARQUET_CHUNK))
        if not chunk:
            continue
        with pq.ParquetWriter(folder / f"{table.name}.parquet", arrow_schema(table)) as out:
            while chunk:
                out.write_table(arrow_table(table, chunk))
                chunk = list(islice(rows, PARQUET_CHUNK))
        written.append(table.name)
    return written


def copy_file(backend: GraphBackend, folder: Path, name: str) -> None:
    """Load the table `write_parquet_files` wrote as `folder/NAME.parquet`, in one transaction
    (one Arrow table in memory)."""
    data: Any = pq.read_table(folder / f"{name}.parquet")
    backend.write(lambda tx: tx.run(COPY_QUERIES[name], rows=data))

"""Bulk load on Neo4j: the tables as CSV files, neo4j-admin's offline importer into the data
folder of a stopped server, then the schema and what CSV cannot say, through a running server.

The importer writes database `neo4j` of the data folder (`scripts/neo4j-local start --data
DIR` serves it). CSV has no empty list (an empty array field is no property): the empty lists
of the graph (`AUTHORED.institutions`) are set afterwards by stored queries (`finish`).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from graphsvc.db import GraphBackend
from loaders.bulk import BulkRefused
from loaders.bulk_tables import NODES, RELATIONSHIPS, Row, Rows, Table
from loaders.neo4j_local import run_import

ARRAY_DELIMITER = "\x1f"  # unit separator: never in a name, title or id
FILL_WORKS = 5_000  # works per transaction of the empty lists' fill


def has_database(data_dir: Path) -> bool:
    """Whether the data folder holds a `neo4j` database (empty or not)."""
    return (data_dir / "data" / "databases" / "neo4j" / "neostore").exists()


def import_tables(tables: Mapping[str, Rows], data_dir: Path, *, overwrite: bool) -> None:
    """Write the CSV files and run the importer (the server on `data_dir` must be stopped).
    `overwrite`: replace an existing (empty) `neo4j` database."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="graphsvc-bulk-", dir=data_dir) as tmp:
        folder = Path(tmp)
        run_importer(data_dir, folder, write_csv_files(tables, folder), overwrite=overwrite)


def write_csv_files(
    tables: Mapping[str, Rows], folder: Path, *, each_table: Callable[[], None] = lambda: None
) -> list[str]:
    """Every table that has rows as a CSV file in `folder` (`each_table` called before each);
    the importer's `--nodes` and `--relationships` options that name them, and
    `--multiline-fields=true` only if a field holds a line break (neo4j-admin's manual: the
    option "can severely degrade the performance"; the 2,700,000-work import took as long
    without it here, bench/RESULTS.md). The graph's text is whitespace-collapsed when read."""
    files = []
    multiline = False
    for table in (*NODES, *RELATIONSHIPS):
        each_table()
        rows = tables[table.name]
        if not rows:
            continue
        path = folder / f"{table.name}.csv"
        multiline |= write_csv(table, rows, path)
        kind = "--nodes" if not table.ends[0] else "--relationships"
        files.append(f"{kind}={table.name}={path}")
    return [*files, "--multiline-fields=true"] if multiline else files


def run_importer(data_dir: Path, folder: Path, files: list[str], *, overwrite: bool) -> None:
    """neo4j-admin's importer on the CSV files `write_csv_files` left in `folder` (`files`:
    the options it returned)."""
    options = [
        f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
        f"--overwrite-destination={'true' if overwrite else 'false'}",
        f"--report-file={folder / 'import.report'}",
        *files,
    ]
    run_import(data_dir, options, data_dir / "bulk-import.log")


def write_csv(table: Table, rows: Iterable[Row], path: Path) -> bool:
    """One table as a CSV file with neo4j-admin's typed header; whether a field held a line
    break."""
    columns = list(table.columns)
    if table.ends[0]:
        header = [f":START_ID({table.ends[0]})", f":END_ID({table.ends[1]})"]
        names = ["from", "to"]
    else:
        header = [f"{table.key}:ID({table.name})"]
        names = [table.key]
        columns = [c for c in columns if c[0] != table.key]
    header += [f"{name}:{kind}" for name, kind in columns]
    names += [name for name, _ in columns]
    multiline = False
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            line = ",".join(_field(row[n]) for n in names)
            if "\n" in line or "\r" in line:  # only inside a quoted field
                multiline = True
            out.write(line + "\n")
    return multiline


def _field(value: Any) -> str:
    """A CSV field: nothing for null (no property), strings quoted (`""` is an empty string)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        if not value:
            return ""
        items = [str(v) for v in value]
        if any(ARRAY_DELIMITER in v for v in items):
            raise BulkRefused(f"a list value holds the array delimiter U+001F: {items!r:.200}")
        return _quoted(ARRAY_DELIMITER.join(items))
    return _quoted(str(value))


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def finish(backend: GraphBackend) -> None:
    """On the server now serving the imported database: the schema (constraints and indexes
    as `graphsvc schema apply` creates them), then the empty lists CSV could not hold."""
    backend.apply_schema()
    after: str | None = ""
    while after is not None:
        after = _fill_after(backend, after)


def _fill_after(backend: GraphBackend, after: str) -> str | None:
    """The empty lists of the next `FILL_WORKS` works after `after`; the last of them."""
    rows = backend.write(
        lambda tx: tx.run("bulk_fill_authored_institutions", after=after, limit=FILL_WORKS)
    )
    return rows[0]["last"] if rows else None

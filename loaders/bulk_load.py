"""`graphsvc ingest snapshot FILE --bulk`: check that the graph is empty, plan the whole load
in memory, then write it through the engine's bulk path (`COPY FROM` on the embedded engine;
on Neo4j, neo4j-admin's offline importer into a stopped server's data folder, or `UNWIND`
chunks into a running server whose folder is out of reach). Where the tables go through files
(the embedded engine's Parquet, the importer's CSV), a child process plans and writes them and
ends before the engine loads them, so the plan's memory is released first."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Protocol

from graphsvc.db import GraphBackend, GraphError
from graphsvc.db.neo4j_backend import Neo4jBackend
from loaders import bulk_ladybug, bulk_neo4j, collector
from loaders.bulk import BulkPlanner, BulkRefused
from loaders.bulk_tables import COPY_QUERIES, NODES, RELATIONSHIPS, GraphTables, Row, Rows
from loaders.lines import ReadLimits
from loaders.neo4j_local import LocalNeo4j
from loaders.progress import progress_reporter
from loaders.snapshot import read_snapshot
from loaders.source import SourceItem
from loaders.summary import IngestSummary
from loaders.writer import Progress

Stage = Callable[[str], None]  # told what a bulk load does next


def quiet(_: str) -> None:
    """The `Stage` that says nothing."""


NOT_EMPTY = "the graph is not empty: a bulk load writes an empty graph only (ingest without --bulk)"
ONLINE_CHUNK = 20_000  # rows per transaction of the online load


class PartialLoad(Exception):
    """A load written in several transactions (a running Neo4j's chunks, the embedded engine's
    tables) stopped after some of them: the graph holds part of it."""


class FilesNotWritten(Exception):
    """The load's files (Parquet or CSV) could not be written: a folder that cannot be made,
    a full disk; nothing was loaded."""


class PlanProcessDied(Exception):
    """The process planning a bulk load ended without an answer (killed, or out of memory);
    nothing was written."""


@dataclass(frozen=True)
class SnapshotPlan:
    """The plan of a snapshot file, as `plan` takes it, in a form a process can be sent."""

    file: Path
    source: str
    limit: int | None
    limits: ReadLimits
    batch_size: int
    team_min_authors: int
    name_rarity: bool
    max_skipped: int | None
    progress: bool = False

    def run(
        self, *, each_batch: Callable[[], None] = lambda: None
    ) -> tuple[Mapping[str, Rows], IngestSummary]:
        """`plan` of the file; `each_batch` is called after every batch."""
        with progress_reporter(enabled=self.progress) as report:

            def progress(summary: IngestSummary) -> None:
                report(summary)
                each_batch()

            return plan(
                read_snapshot(self.file, limit=self.limit, limits=self.limits),
                source=self.source,
                batch_size=self.batch_size,
                team_min_authors=self.team_min_authors,
                name_rarity=self.name_rarity,
                max_skipped=self.max_skipped,
                progress=progress,
            )


def plan(
    items: Iterable[SourceItem],
    *,
    source: str | None,
    batch_size: int,
    team_min_authors: int,
    name_rarity: bool,
    max_skipped: int | None,
    progress: Progress | None = None,
) -> tuple[Mapping[str, Rows], IngestSummary]:
    """Read the items once; the tables of the graph an incremental load would leave."""
    planner = BulkPlanner(
        batch_size=batch_size,
        team_min_authors=team_min_authors,
        name_rarity=name_rarity,
        max_skipped=max_skipped,
    )
    summary = planner.ingest(items, source=source, progress=progress)
    return GraphTables(planner.state, team_min_authors=team_min_authors), summary


def check_empty(backend: GraphBackend) -> None:
    """Raise `BulkRefused` unless the graph holds no node."""
    if backend.read("bulk_any_node"):
        raise BulkRefused(NOT_EMPTY)


def write_embedded(backend: GraphBackend, tables: Mapping[str, Rows]) -> None:
    """Into the empty embedded graph, from tables in memory: nodes first, a transaction per
    table (`bulk_ladybug`); a failure after the first table raises `PartialLoad`."""
    check_empty(backend)
    steps = [
        functools.partial(bulk_ladybug.copy_table, backend, table, tables[table.name])
        for table in (*NODES, *RELATIONSHIPS)
    ]
    _step_by_step(steps)


def copy_files(backend: GraphBackend, folder: Path, names: list[str]) -> None:
    """The Parquet files `bulk_ladybug.write_parquet_files` wrote (in load order) into the
    empty embedded graph, a transaction per table; a failure after the first raises
    `PartialLoad`."""
    _step_by_step([functools.partial(bulk_ladybug.copy_file, backend, folder, n) for n in names])


def _step_by_step(steps: Iterable[Callable[[], None]]) -> None:
    """Run the steps (a transaction each) in turn; a graph error after the first step has
    written raises `PartialLoad`, one before it is raised as it is (nothing written)."""
    done = 0
    try:
        for step in steps:
            step()
            done += 1
    except GraphError as err:
        if done:
            raise PartialLoad(
                f"{err}; the graph holds part of the load: `graphsvc reset --yes` empties it"
            ) from err
        raise


def load_embedded(
    job: SnapshotPlan, backend: GraphBackend, *, scratch: Path, stage: Stage = quiet
) -> IngestSummary:
    """Into the empty embedded graph: plan the file and write the tables as Parquet files
    (under `scratch`) in a child process, then copy them in here, after the plan's memory
    is released. `stage` is told when each step after the plan starts."""
    check_empty(backend)
    with _files_folder(scratch) as folder:
        summary, names = _in_child(bulk_ladybug.write_parquet_files, job, folder)
        stage(f"planned: {summary.line()}; copying the tables into the embedded graph")
        copy_files(backend, folder, names)
    return summary


def write_online(backend: GraphBackend, tables: Mapping[str, Rows]) -> None:
    """Into a running, empty Neo4j: the schema, then every table, nodes first, in
    transactions of `ONLINE_CHUNK` rows. Not one transaction (a whole snapshot does not fit
    one): a failure after the first chunk raises `PartialLoad`."""
    check_empty(backend)
    backend.apply_schema()
    _step_by_step(
        functools.partial(_write_chunk, backend, COPY_QUERIES[table.name], chunk)
        for table in (*NODES, *RELATIONSHIPS)
        for chunk in _chunks(tables[table.name])
    )


def _chunks(rows: Rows) -> Iterator[list[Row]]:
    """The rows `ONLINE_CHUNK` at a time."""
    remaining = iter(rows)
    while chunk := list(islice(remaining, ONLINE_CHUNK)):
        yield chunk


def _write_chunk(backend: GraphBackend, query: str, rows: list[Row]) -> None:
    backend.write(lambda tx: tx.run(query, rows=rows))


def neo4j_session(server: LocalNeo4j, user: str) -> Neo4jBackend:
    return Neo4jBackend(
        uri=server.uri, user=user, password=server.password, database="neo4j", timeout_s=600.0
    )


def check_neo4j_folder(data_dir: Path, *, user: str, password: str) -> bool:
    """Whether the (stopped) server's data folder holds a database, which must be empty (a
    server is started on it to look); raises `BulkRefused` when it is not empty."""
    if not bulk_neo4j.has_database(data_dir):
        return False
    with LocalNeo4j(data_dir, password) as server:
        backend = neo4j_session(server, user)
        try:
            check_empty(backend)
        finally:
            backend.close()
    return True


def write_neo4j(
    job: SnapshotPlan,
    data_dir: Path,
    *,
    user: str,
    password: str,
    overwrite: bool,
    stage: Stage = quiet,
) -> IngestSummary:
    """Plan the file and write the CSV files in a child process (`_in_child`), whose memory
    (gigabytes at whole-arXiv size) is back with the system before the importer runs
    and a server starts on the folder for the schema and the empty lists (stopped after).
    `stage` is told when each step after the plan starts."""
    with _files_folder(data_dir) as folder:
        summary, files = _in_child(bulk_neo4j.write_csv_files, job, folder)
        stage(f"planned: {summary.line()}; importing (log: {data_dir / 'bulk-import.log'})")
        bulk_neo4j.run_importer(data_dir, folder, files, overwrite=overwrite)
    stage(f"imported; creating the schema on a server started on {data_dir}")
    with LocalNeo4j(data_dir, password) as server:
        backend = neo4j_session(server, user)
        try:
            bulk_neo4j.finish(backend)
        finally:
            backend.close()
    return summary


@contextlib.contextmanager
def _files_folder(parent: Path) -> Iterator[Path]:
    """A new folder under `parent` (made if missing) for the load's files, removed after."""
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.TemporaryDirectory(prefix="graphsvc-bulk-", dir=parent)
    except OSError as err:
        raise FilesNotWritten(
            f"cannot make a folder for the load's files in {parent}: {err}"
        ) from None
    with tmp as name:
        yield Path(name)


class Write(Protocol):
    """Writes the tables as files, calling `each_table` before each; the files' names
    (`bulk_neo4j.write_csv_files`, `bulk_ladybug.write_parquet_files`)."""

    def __call__(
        self, tables: Mapping[str, Rows], folder: Path, *, each_table: Callable[[], None]
    ) -> list[str]: ...


def _in_child(write: Write, job: SnapshotPlan, folder: Path) -> tuple[IngestSummary, list[str]]:
    """`_plan_to_files` in a new process: the plan's memory ends with it, and it ends itself
    when this process has (`_exit_if_orphaned`)."""
    spawn = multiprocessing.get_context("spawn")  # no fork of a process with threads
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as child:
        try:
            return child.submit(_plan_to_files, job, folder, os.getpid(), write).result()
        except BrokenProcessPool as err:
            raise PlanProcessDied(
                "the planning process ended without an answer (killed or out of memory); "
                "nothing was written"
            ) from err


def _exit_if_orphaned(parent: int) -> None:
    """End this planning process if the command that started it has ended (killed: no one
    would read the plan, and it would hold gigabytes for the hour it has left)."""
    if os.getppid() != parent:
        os._exit(1)


@collector.paused()
def _plan_to_files(
    job: SnapshotPlan, folder: Path, parent: int, write: Write
) -> tuple[IngestSummary, list[str]]:
    """The plan, then `write(tables, folder)`; checks at every batch and table that the
    command (`parent`) is still there."""
    check = functools.partial(_exit_if_orphaned, parent)
    tables, summary = job.run(each_batch=check)
    try:
        return summary, write(tables, folder, each_table=check)
    except OSError as err:
        raise FilesNotWritten(f"cannot write the load's files in {folder}: {err}") from None

"""The bulk load of an empty graph (`ingest snapshot --bulk`) leaves exactly the graph an
incremental load of the same file leaves, on both engines; incremental ingest resumes on top of
it; a graph that is not empty is refused."""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from graphsvc.db import GraphBackend, GraphError
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.db.neo4j_backend import Neo4jBackend
from loaders import bulk_ladybug, bulk_load, bulk_neo4j
from loaders.bulk import BulkPlanner, BulkRefused
from loaders.bulk_tables import NODES, RELATIONSHIPS, Row
from loaders.lines import ReadLimits
from loaders.neo4j_local import LocalNeo4j
from loaders.snapshot import build_record, read_snapshot
from loaders.source import SourceItem
from loaders.writer import GraphWriter, SourceInterrupted
from tests.conftest import NEO4J_PASSWORD, _Neo4jContent
from tests.helpers import DEMO, REPO, TEST_QUERIES, graph_state
from tests.neo4j_server import connect
from tests.test_cli import graphsvc

HALF = 200  # lines loaded in bulk; the rest incrementally on top
BATCH = 50  # several batches: merges and name changes cross batch boundaries


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 of the demo's real lines (teams, real names and categories), 200 generated works
    (the simple profile: name variants that merge, affiliations), 15 more real lines."""
    from bench.corpus import generate

    path = tmp_path_factory.mktemp("bulk") / "snapshot.jsonl"
    real = (DEMO / "arxiv-metadata-sample-200.jsonl").read_text().splitlines()
    lines = [*real[:40], *(json.dumps(p) for p in generate(200, 11)), *real[40:55]]
    path.write_text("\n".join(lines) + "\n")
    return path


def _source(path: Path) -> str:
    return f"snapshot:{path.name}:{path.stat().st_size}"


def _incremental(
    backend: GraphBackend, path: Path, *, start: int = 0, limit: int | None = None
) -> None:
    items = read_snapshot(path, start=start, limit=limit)
    GraphWriter(backend, batch_size=BATCH).ingest(items, source=_source(path))


def _state(backend: GraphBackend, path: Path) -> dict[str, object]:
    state = graph_state(backend)
    state["position"] = backend.read("ingest_position", source=_source(path))
    state["version"] = backend.read("graph_version")
    return state


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[LadybugBackend]:
    graph = LadybugBackend(tmp_path / "ref.lbdb", timeout_s=60.0, extra_queries=TEST_QUERIES)
    graph.apply_schema()
    yield graph
    graph.close()


def test_bulk_equals_incremental_and_resumes_embedded(
    snapshot: Path, embedded: LadybugBackend, tmp_path: Path
) -> None:
    data = tmp_path / "bulk"
    done = graphsvc(
        "ingest", "snapshot", str(snapshot), "--bulk",
        f"--limit={HALF}", f"--batch-size={BATCH}", data=data,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith(f"ingested {HALF},")
    assert f"planned: ingested {HALF}," in done.stderr and "copying the tables" in done.stderr
    _incremental(embedded, snapshot, limit=HALF)
    expected = _state(embedded, snapshot)
    assert expected["export_merged_ids"], "the corpus has name variants that merge"

    bulk = LadybugBackend(data / "graph.lbdb", timeout_s=60.0, extra_queries=TEST_QUERIES)
    try:
        assert _state(bulk, snapshot) == expected
    finally:
        bulk.close()

    again = graphsvc(
        "ingest", "snapshot", str(snapshot), "--quiet", f"--batch-size={BATCH}", data=data
    )
    assert again.returncode == 0, again.stderr
    _incremental(embedded, snapshot, start=HALF)
    bulk = LadybugBackend(data / "graph.lbdb", timeout_s=60.0, extra_queries=TEST_QUERIES)
    try:
        assert _state(bulk, snapshot) == _state(embedded, snapshot)
    finally:
        bulk.close()


def test_bulk_refuses_a_graph_that_is_not_empty(snapshot: Path, tmp_path: Path) -> None:
    data = tmp_path / "d"
    demo = DEMO / "arxiv-metadata-sample-200.jsonl"
    assert (
        graphsvc("ingest", "snapshot", str(demo), "--quiet", "--limit=5", data=data).returncode == 0
    )
    graph = LadybugBackend(data / "graph.lbdb", extra_queries=TEST_QUERIES)
    before = graph_state(graph)
    graph.close()

    refused = graphsvc("ingest", "snapshot", str(snapshot), "--bulk", "--quiet", data=data)
    assert refused.returncode == 1
    assert refused.stderr.strip() == f"error: bulk load refused: {bulk_load.NOT_EMPTY}"
    graph = LadybugBackend(data / "graph.lbdb", extra_queries=TEST_QUERIES)
    try:
        assert graph_state(graph) == before
    finally:
        graph.close()


def test_bulk_equals_incremental_and_resumes_neo4j(
    snapshot: Path, neo4j_backend: Neo4jBackend, tmp_path: Path
) -> None:
    """Loaded online into the session's running server by the CLI, and imported offline by the
    CLI (`--neo4j-data`: plan in a child process, importer, schema) into a new data folder
    served by a second server; both equal the same lines loaded incrementally, and the
    imported folder, no longer empty, is refused."""
    data = tmp_path / "neo4j-bulk"
    neo4j_env = {"GRAPHSVC_BACKEND": "neo4j", "NEO4J_PASSWORD": NEO4J_PASSWORD}
    offline = graphsvc(
        "ingest", "snapshot", str(snapshot), "--bulk", f"--neo4j-data={data}",
        f"--limit={HALF}", f"--batch-size={BATCH}", data=tmp_path, **neo4j_env,
    )  # fmt: skip
    assert offline.returncode == 0, offline.stderr
    assert offline.stdout.strip().splitlines()[-1].startswith(f"ingested {HALF},")
    said = offline.stderr
    assert f"planned: ingested {HALF}," in said and "creating the schema" in said, said
    assert bulk_neo4j.has_database(data)
    assert not list(data.glob("graphsvc-bulk-*")), "the CSV files are removed"
    _Neo4jContent.key = None  # the session's graph is rewritten here
    neo4j_backend.write(lambda tx: tx.run("admin_delete_all"))
    online = graphsvc(
        "ingest", "snapshot", str(snapshot), "--bulk", "--quiet",
        f"--limit={HALF}", f"--batch-size={BATCH}", data=tmp_path,
        NEO4J_URI=neo4j_backend.uri, **neo4j_env,
    )  # fmt: skip
    assert online.returncode == 0, online.stderr
    loaded_online = _state(neo4j_backend, snapshot)
    neo4j_backend.write(lambda tx: tx.run("admin_delete_all"))
    _incremental(neo4j_backend, snapshot, limit=HALF)
    expected = _state(neo4j_backend, snapshot)
    assert loaded_online == expected

    with LocalNeo4j(data, NEO4J_PASSWORD) as server:
        bulk = connect(server, timeout_s=60.0)
        try:
            assert _state(bulk, snapshot) == expected
            indexes = {r["name"] for r in neo4j_backend.read("schema_indexes")}
            assert {r["name"] for r in bulk.read("schema_indexes")} == indexes
            with pytest.raises(BulkRefused):
                bulk_load.check_empty(bulk)

            _incremental(bulk, snapshot, start=HALF)
            _incremental(neo4j_backend, snapshot, start=HALF)
            assert _state(bulk, snapshot) == _state(neo4j_backend, snapshot)
        finally:
            bulk.close()

    refused = graphsvc(
        "ingest", "snapshot", str(snapshot), "--bulk", "--quiet", f"--neo4j-data={data}",
        data=tmp_path, **neo4j_env,
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.strip() == f"error: bulk load refused: {bulk_load.NOT_EMPTY}"


def test_bulk_refuses_a_newer_version_after_its_batch() -> None:
    """The incremental path would replace the work: a bulk plan stops instead."""
    line = json.loads((DEMO / "arxiv-metadata-sample-200.jsonl").read_text().splitlines()[0])
    newer = {**line, "versions": [*line["versions"], {"version": "v9", "created": None}]}
    items = [
        SourceItem(i, *build_record(obj, f"line {i}")) for i, obj in enumerate([line, newer], 1)
    ]
    planner = BulkPlanner(batch_size=1)
    with pytest.raises(SourceInterrupted) as stop:
        planner.ingest(items, source="x")
    assert isinstance(stop.value.cause, BulkRefused)
    same = BulkPlanner(batch_size=2).ingest(items, source="x")  # one batch: the newest wins
    assert (same.ingested, same.skipped_total) == (1, 1)


def test_offline_import_stopped_by_the_planning_process_writes_nothing(tmp_path: Path) -> None:
    """A plan stopped in its child process (more broken lines than
    GRAPHSVC_MAX_SKIPPED_ITEMS) is reported as the incremental path reports it; no database
    and no CSV file are left. No server is needed: the folder holds no database to look at."""
    path = tmp_path / "broken.jsonl"
    path.write_text("not json\n" * 5)
    data = tmp_path / "neo4j-bulk"
    stopped = graphsvc(
        "ingest", "snapshot", str(path), "--bulk", "--quiet", f"--neo4j-data={data}",
        data=tmp_path, GRAPHSVC_BACKEND="neo4j", GRAPHSVC_MAX_SKIPPED_ITEMS="2",
    )  # fmt: skip
    assert stopped.returncode == 1
    assert stopped.stderr.strip() == (
        "error: bulk load stopped, nothing written: "
        "skipped items exceed GRAPHSVC_MAX_SKIPPED_ITEMS (2)"
    )
    assert not bulk_neo4j.has_database(data)
    assert list(data.iterdir()) == []


def test_a_folder_for_the_files_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    """`--neo4j-data` naming a file: the command says it cannot make the files' folder there
    (not that it cannot read the snapshot), and plans nothing."""
    taken = tmp_path / "a-file"
    taken.write_text("not a folder\n")
    failed = graphsvc(
        "ingest", "snapshot", str(DEMO / "arxiv-metadata-sample-200.jsonl"), "--bulk", "--quiet",
        f"--neo4j-data={taken}", data=tmp_path, GRAPHSVC_BACKEND="neo4j",
    )  # fmt: skip
    assert failed.returncode == 1
    assert failed.stderr.startswith(
        f"error: bulk load failed: cannot make a folder for the load's files in {taken}: "
    )
    assert len(failed.stderr.strip().splitlines()) == 1
    assert taken.read_text() == "not a folder\n"


@pytest.mark.parametrize(
    "write", [bulk_neo4j.write_csv_files, bulk_ladybug.write_parquet_files], ids=["csv", "parquet"]
)
def test_files_the_planning_process_cannot_write_are_a_clear_error(
    tmp_path: Path, write: bulk_load.Write
) -> None:
    """The planning process's writer fails (here: its folder is gone): `FilesNotWritten` with
    the folder and the system's reason comes back from the child."""
    job = bulk_load.SnapshotPlan(
        file=DEMO / "arxiv-metadata-sample-200.jsonl", source="x", limit=20, limits=ReadLimits(),
        batch_size=BATCH, team_min_authors=100, name_rarity=True, max_skipped=None,
    )  # fmt: skip
    gone = tmp_path / "gone"
    with pytest.raises(bulk_load.FilesNotWritten) as failed:
        bulk_load._in_child(write, job, gone)
    assert str(failed.value).startswith(f"cannot write the load's files in {gone}: [Errno 2] ")


def test_parquet_files_in_chunks_load_as_tables_in_memory_do(
    snapshot: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded engine's file path (Parquet files written a few rows at a time, several
    row groups per table) copies the same graph as the plan's tables copied from memory."""
    tables, _ = bulk_load.plan(
        read_snapshot(snapshot, limit=HALF),
        source=_source(snapshot),
        batch_size=BATCH,
        team_min_authors=100,
        name_rarity=True,
        max_skipped=None,
    )
    monkeypatch.setattr(bulk_ladybug, "PARQUET_CHUNK", 7)
    names = bulk_ladybug.write_parquet_files(tables, tmp_path)
    authored = pq.ParquetFile(tmp_path / "AUTHORED.parquet")
    assert authored.metadata.num_rows == len(tables["AUTHORED"])
    assert authored.num_row_groups == -(-len(tables["AUTHORED"]) // 7)
    states = []
    for name in ("files", "memory"):
        graph = LadybugBackend(tmp_path / f"{name}.lbdb", extra_queries=TEST_QUERIES)
        try:
            graph.apply_schema()
            if name == "files":
                bulk_load.copy_files(graph, tmp_path, names)
            else:
                bulk_load.write_embedded(graph, tables)
            states.append(_state(graph, snapshot))
        finally:
            graph.close()
    assert states[0] == states[1] and states[0]["export_merged_ids"]


def test_an_embedded_copy_stopped_part_way_says_what_the_graph_holds(
    snapshot: Path, tmp_path: Path
) -> None:
    """Each table is copied in a transaction of its own: a table that fails after the first
    (here Work, whose file repeats a work) raises `PartialLoad` with what to do, and the graph
    keeps the tables before it; the first table failing writes nothing."""
    tables, _ = bulk_load.plan(
        read_snapshot(snapshot, limit=HALF), source=_source(snapshot), batch_size=BATCH,
        team_min_authors=100, name_rarity=True, max_skipped=None,
    )  # fmt: skip
    names = bulk_ladybug.write_parquet_files(tables, tmp_path)
    assert names[:2] == ["Researcher", "Work"]
    works = pq.read_table(tmp_path / "Work.parquet")
    pq.write_table(pa.concat_tables([works, works.slice(0, 1)]), tmp_path / "Work.parquet")
    graph = LadybugBackend(tmp_path / "g.lbdb", extra_queries=TEST_QUERIES)
    try:
        graph.apply_schema()
        with pytest.raises(bulk_load.PartialLoad, match=r"`graphsvc reset --yes` empties it"):
            bulk_load.copy_files(graph, tmp_path, names)
        counts = graph_state(graph)["counts"]
        assert counts["Researcher"] == len(tables["Researcher"]) and not counts.get("Work")
    finally:
        graph.close()
    empty = LadybugBackend(tmp_path / "e.lbdb", extra_queries=TEST_QUERIES)
    try:
        empty.apply_schema()
        with pytest.raises(GraphError) as first:
            bulk_load.copy_files(empty, tmp_path, ["Work", "Researcher"])
        assert not isinstance(first.value, bulk_load.PartialLoad)
        assert not empty.read("bulk_any_node")
    finally:
        empty.close()


def test_a_planning_process_killed_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    """The child planning a bulk load is killed (as the kernel's OOM killer would) while it
    waits to read its file (a named pipe nobody writes): the load says so and the graph stays
    empty."""
    fifo = tmp_path / "never.jsonl"
    os.mkfifo(fifo)
    job = bulk_load.SnapshotPlan(
        file=fifo, source="x", limit=None, limits=ReadLimits(), batch_size=BATCH,
        team_min_authors=100, name_rarity=True, max_skipped=None,
    )  # fmt: skip
    graph = LadybugBackend(tmp_path / "g.lbdb", extra_queries=TEST_QUERIES)
    try:
        graph.apply_schema()
        before = graph_state(graph)
        with ThreadPoolExecutor(1) as pool:
            loading = pool.submit(bulk_load.load_embedded, job, graph, scratch=tmp_path / "s")
            deadline = time.monotonic() + 60
            while not (children := multiprocessing.active_children()):
                assert time.monotonic() < deadline, "no planning process started"
                time.sleep(0.05)
            for child in children:
                assert child.pid is not None  # started
                os.kill(child.pid, signal.SIGKILL)
            with pytest.raises(bulk_load.PlanProcessDied, match="killed or out of memory"):
                loading.result(timeout=60)
        assert graph_state(graph) == before
        assert list((tmp_path / "s").iterdir()) == []
    finally:
        graph.close()


PLAN_IN_A_CHILD = """
import sys
from pathlib import Path
from graphsvc.db.ladybug_backend import LadybugBackend
from loaders import bulk_load
from loaders.lines import ReadLimits
file, graph, scratch = map(Path, sys.argv[1:])
job = bulk_load.SnapshotPlan(
    file=file, source="x", limit=None, limits=ReadLimits(), batch_size=2,
    team_min_authors=100, name_rarity=True, max_skipped=None,
)
backend = LadybugBackend(graph)
backend.apply_schema()
bulk_load.load_embedded(job, backend, scratch=scratch)
"""


def _ended(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # a zombie nobody reaped in this container


def _planning_child(parent: int) -> int | None:
    for children in Path(f"/proc/{parent}/task").glob("*/children"):
        for pid in children.read_text().split():
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return int(pid)
    return None


def test_a_planning_process_ends_itself_when_its_command_is_killed(tmp_path: Path) -> None:
    """SIGKILL to the command (not to its process group): its planning child ends at its next
    batch instead of planning on alone for the hour a whole snapshot takes. The file is a named
    pipe fed a MiB at a time (the reader's chunk) and held open here, so the child would wait
    for more, not finish, if it did not end itself."""
    from bench.corpus import generate

    data = "".join(json.dumps(p) + "\n" for p in generate(6_000, 5)).encode()
    assert len(data) > 4 << 20
    fifo = tmp_path / "slow.jsonl"
    os.mkfifo(fifo)
    pipe = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # never EOF, never a broken pipe
    written = 0
    child = None

    def feed(upto: int) -> None:
        nonlocal written
        deadline = time.monotonic() + 60
        while written < upto and not (child and _ended(child)):
            assert time.monotonic() < deadline, "the planning child stopped reading"
            try:
                written += os.write(pipe, data[written:upto])
            except BlockingIOError:
                time.sleep(0.01)

    args = [str(fifo), str(tmp_path / "g.lbdb"), str(tmp_path / "scratch")]
    command = subprocess.Popen([sys.executable, "-c", PLAN_IN_A_CHILD, *args], cwd=REPO)
    try:
        feed(3 << 19)  # the first MiB is read and planned; the child waits for a second
        child = _planning_child(command.pid)
        assert child is not None and not _ended(child)
        command.kill()
        command.wait(timeout=30)
        feed(len(data))
        assert _ended(child), "the planning child still runs without its command"
    finally:
        command.kill()
        os.close(pipe)


def test_csv_files_ask_the_importer_for_multiline_fields_only_when_a_field_breaks_a_line(
    tmp_path: Path,
) -> None:
    """The importer reads files in parallel unless told that fields span lines; a line break
    that does reach a field still loads (the option is given) and the quoting holds it."""
    names = ['Institut "Néel", CNRS', "Second\nline", "carriage\r\nreturn"]
    for multiline, kept in ((False, names[:1]), (True, names)):
        folder = tmp_path / str(multiline)
        folder.mkdir()
        tables: dict[str, list[Row]] = {t.name: [] for t in (*NODES, *RELATIONSHIPS)}
        tables["Institution"] = [{"id": f"i{n}", "name": name} for n, name in enumerate(kept)]
        options = bulk_neo4j.write_csv_files(tables, folder)
        assert options[0] == f"--nodes=Institution={folder / 'Institution.csv'}"
        assert ("--multiline-fields=true" in options) is multiline
        with (folder / "Institution.csv").open(newline="", encoding="utf-8") as rows:
            assert [row[1] for row in csv.reader(rows)][1:] == kept

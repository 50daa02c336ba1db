"""The embedded engine in a serving process: a job's statements leave worker threads to the
requests' reads (the engine runs every statement on one shared pool of workers)."""

from __future__ import annotations

from pathlib import Path

from graphsvc.db import open_backend
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.settings import load_settings
from tests.helpers import TEST_QUERIES


def _opened(tmp_path: Path, serving: bool, **settings: object) -> int | None:
    config = load_settings(graphsvc_backend="ladybug", graphsvc_data_dir=tmp_path, **settings)
    backend = open_backend(config, serving=serving)
    try:
        assert isinstance(backend, LadybugBackend)
        return backend.job_threads
    finally:
        backend.close()


def test_a_serving_process_gives_jobs_one_thread_by_default(tmp_path: Path) -> None:
    assert _opened(tmp_path, serving=True) == 1
    assert _opened(tmp_path, serving=True, graphsvc_embedded_job_threads=3) == 3
    assert _opened(tmp_path, serving=True, graphsvc_embedded_job_threads=0) is None  # all
    assert _opened(tmp_path, serving=False) is None  # the CLI: nothing else reads


def test_a_job_limited_to_one_thread_reads_and_writes_as_any(tmp_path: Path) -> None:
    limited = LadybugBackend(tmp_path / "g.lbdb", job_threads=1, extra_queries=TEST_QUERIES)
    try:
        limited.apply_schema()
        limited.write(lambda tx: tx.run("test_create_institution", id="i1"))
        rows = limited.read_long("test_group_range", n=200_000)  # a parallel plan, one worker
        assert len(rows) == 1000 and sum(len(r["xs"]) for r in rows) == 200_000
        assert limited.read("export_institutions") == [{"id": "i1", "name": "i1"}]
    finally:
        limited.close()

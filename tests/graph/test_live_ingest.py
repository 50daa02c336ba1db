"""The live arXiv path into the graph: real arxiv.Client, recorded answers at the transport."""

from __future__ import annotations

import pytest

from graphsvc.db import GraphBackend
from loaders.atom import read_atom_files
from loaders.writer import GraphWriter, SourceInterrupted
from tests.helpers import FIXTURES, graph_state
from tests.loaders.test_arxiv_api import rig

PAGES = [FIXTURES / "arxiv-api" / f"q_testing_s{s}_m10.xml" for s in (0, 10, 20, 30, 40, 50)]


def test_harvest_writes_what_the_recorded_feeds_hold(backend: GraphBackend) -> None:
    harvester = rig(page_size=10).harvester
    summary = GraphWriter(backend, batch_size=25).ingest(
        harvester.search("testing", max_results=60), source="arxiv:testing"
    )
    assert summary.ingested == 60
    live = graph_state(backend)
    backend.write(lambda tx: tx.run("admin_delete_all"))
    GraphWriter(backend, batch_size=25).ingest(read_atom_files(PAGES))
    assert graph_state(backend) == live


def test_harvest_stopped_by_arxiv_resumes_where_it_stopped(backend: GraphBackend) -> None:
    failing = rig({"q_testing_s30_m10.xml": [503] * 10}, page_size=10).harvester
    writer = GraphWriter(backend, batch_size=8)
    with pytest.raises(SourceInterrupted) as stopped:
        writer.ingest(failing.search("testing", max_results=60), source="arxiv:testing")
    assert "503" in str(stopped.value.cause) or "retr" in str(stopped.value.cause).lower()
    assert stopped.value.summary.ingested == 30
    done = writer.position("arxiv:testing")
    assert done == 29
    resumed = rig(page_size=10).harvester
    GraphWriter(backend).ingest(
        resumed.search("testing", max_results=60, start=done + 1), source="arxiv:testing"
    )
    after = graph_state(backend)
    backend.write(lambda tx: tx.run("admin_delete_all"))
    GraphWriter(backend).ingest(read_atom_files(PAGES))
    assert graph_state(backend) == after
    assert after["counts"]["Work"] == 60


def test_id_lookups_report_errors_and_unknown_ids(backend: GraphBackend) -> None:
    harvester = rig().harvester
    writer = GraphWriter(backend)
    summary = writer.ingest(harvester.lookup_ids(["0000.0000"]))
    assert summary.skipped["not-found"] == 1
    summary = writer.ingest(harvester.lookup_ids(["abc"]))
    assert summary.skipped["arxiv-error"] == 1
    summary = writer.ingest(harvester.lookup_ids(["astro-ph/0601001"]))
    assert summary.ingested == 1
    assert backend.read("export_affiliations"), "affiliations from <arxiv:affiliation> are kept"
    assert graph_state(backend)["counts"]["Work"] == 1

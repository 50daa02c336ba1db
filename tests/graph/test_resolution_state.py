"""Writers that keep their resolution state between batches, on both backends: whether the
state is a bounded cache or the whole graph read once (`resident`), and whatever other writers
did in between, every batch is resolved as a new writer would resolve it."""

from __future__ import annotations

from typing import Any

import pytest

from graphsvc.db import GraphBackend
from loaders.writer import GraphWriter
from tests import corpora
from tests.graph.test_layer import _admin, assert_layer_exact, run_steps
from tests.graph.test_writer import paper
from tests.helpers import graph_state


def _writer(backend: GraphBackend, *, resident: bool) -> GraphWriter:
    return GraphWriter(
        backend, batch_size=7, team_min_authors=corpora.TEAM_MIN_AUTHORS, resident=resident
    )


_NEW_WRITERS_GRAPHS: dict[tuple[str, int], dict[str, Any]] = {}


def _new_writers_graph(backend: GraphBackend, seed: int) -> dict[str, Any]:
    """The graph of `seed`'s steps with a new writer after every merge or split, made once per
    engine and seed (for the cache and the resident mode alike); `backend` is left empty."""
    key = (backend.dialect, seed)
    if key not in _NEW_WRITERS_GRAPHS:
        run_steps(backend, corpora.interleaved(seed))
        _NEW_WRITERS_GRAPHS[key] = graph_state(backend)
        backend.write(lambda tx: tx.run("admin_delete_all"))
    return _NEW_WRITERS_GRAPHS[key]


@pytest.mark.parametrize("resident", [False, True], ids=["cache", "resident"])
@pytest.mark.parametrize("seed", [6, 7])
def test_kept_writers_decide_as_new_writers_do(
    backend: GraphBackend, seed: int, resident: bool
) -> None:
    """Two writers kept through the whole run take turns with the ingest steps, merges and
    splits come in between; the graph equals the one new writers build step by step."""
    steps = corpora.interleaved(seed)
    expected = _new_writers_graph(backend, seed)

    writers = [_writer(backend, resident=resident), _writer(backend, resident=resident)]
    turn = 0
    for step in steps:
        if step.kind == "ingest":
            writers[turn % 2].ingest(step.items)
            turn += 1
        else:
            _admin(backend, step)
    assert turn > 5
    assert graph_state(backend) == expected
    assert_layer_exact(backend, corpora.TEAM_MIN_AUTHORS)


@pytest.mark.parametrize("resident", [False, True], ids=["cache", "resident"])
def test_a_write_between_batches_is_seen(backend: GraphBackend, resident: bool) -> None:
    """Another writer's namesake record, written between two batches of a run, is a candidate
    for the run's next batch (with the state of before, its co-author would go to a new
    record)."""
    run = [
        paper("2001.00001", ["Ann Lee", "Bo Chen"], ("cs.LG",)),
        paper("2001.00003", ["Ann Lee", "Cy Dunn"], ("math.AG",)),
    ]
    between = [paper("2001.00002", ["Ann Lee", "Ann Lee", "Cy Dunn"], ("math.AG",))]

    def other_writer_once(summary: object) -> None:
        if between:
            GraphWriter(backend).ingest([between.pop()])

    GraphWriter(backend, batch_size=1, resident=resident).ingest(run, progress=other_writer_once)
    interleaved = graph_state(backend)
    backend.write(lambda tx: tx.run("admin_delete_all"))
    for item in (run[0], paper("2001.00002", ["Ann Lee", "Ann Lee", "Cy Dunn"], ("math.AG",))):
        GraphWriter(backend).ingest([item])
    GraphWriter(backend).ingest([run[1]])
    assert interleaved == graph_state(backend)
    authors = {
        (a["work"], a["position"]): a["researcher"] for a in interleaved["export_authorships"]
    }
    # Cy Dunn's co-author Ann Lee is one of the two on the paper written in between.
    assert authors[("2001.00003", 0)] in {authors[("2001.00002", 0)], authors[("2001.00002", 1)]}

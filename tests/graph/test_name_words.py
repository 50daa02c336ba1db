"""The name-word index that search reads (graphsvc/store/name_words.py), on both backends: filled
for graphs made before it, and equal to the words of every researcher's names. The writes that
keep it (new records, name changes, merges, splits, deleted records) are checked after random
interleavings in tests/graph/test_layer.py."""

from __future__ import annotations

from graphsvc.db import GraphBackend
from graphsvc.services import researcher_search
from tests.conftest import load_demo
from tests.helpers import backfills_run, stored_name_words
from tests.oracles import researchers
from tests.oracles.facts import facts


def test_an_older_graph_gets_its_name_words_once(backend: GraphBackend) -> None:
    load_demo(backend)
    expected = researchers.name_words(backend.read("export_researchers"))
    assert stored_name_words(backend) == expected and len(expected) > 500
    backend.write(lambda tx: tx.run("test_drop_name_words"))
    assert researcher_search.search(backend, "Zhi-Qin John Xu", 20)["items"] == []
    assert backfills_run(backend) == ["name_words"]
    # Again: the check finds every researcher linked, so the fill (a scan) does not run.
    assert backfills_run(backend) == []
    assert stored_name_words(backend) == expected
    f = facts(backend)
    for q in ["Zhi-Qin John Xu", "xu", "zhi-qin", "hanxu", "ang", "frenkel", "nobody-here"]:
        found = researcher_search.search(backend, q, 500)["items"]
        assert found == researchers.search(f, q, limit=500), q

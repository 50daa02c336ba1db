"""Bundles (graphsvc.db.bundles): on Neo4j one stored query answers several stored reads in one
round trip, exactly as each read alone; the embedded engine has none and runs the reads. Checked
on the trust corpus (teams, claims in every state, follows) for the records the trust tests
pick: the most prolific, the author of the most team works, claimed and followed ones, a random
sample and an unknown id."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest

from graphsvc.catalog import CatalogError, load_dialect
from graphsvc.db import GraphBackend, Reader
from graphsvc.db.bundles import Read, prefetch
from graphsvc.services.graph import slice_more_reads, slice_reads
from graphsvc.services.researchers import collaborators_reads, profile_reads
from graphsvc.services.suggestions import evidence_reads
from tests.api.test_trust import subjects, trust_backend, trust_facts  # noqa: F401 (fixtures)
from tests.conftest import api_client
from tests.helpers import CountingBackend
from tests.oracles.facts import Facts, coauthor_graph

UNKNOWN = "nobody-of-this-name"


def bundled(rid: str, viewer: str, others: list[str]) -> list[tuple[str, list[Read]]]:
    """Every bundle the services use, with the reads it answers for `rid` (and suggestions'
    candidates `others`)."""
    return [
        ("researcher_profile_reads", profile_reads(rid, 2, viewer)),
        ("researcher_profile_reads", profile_reads(rid, 1, "")),
        ("collaborators_reads", collaborators_reads(rid, True, 20)),
        ("collaborators_reads", collaborators_reads(rid, False, 3)),
        ("slice_reads", slice_reads(rid, 200)),
        ("slice_reads", slice_reads(rid, 2)),
        ("slice_more_reads", slice_more_reads(rid, 200)),
        ("slice_more_reads", slice_more_reads(rid, 2)),
        ("suggest_evidence", evidence_reads(rid, others, 1_000)),
        ("suggest_evidence", evidence_reads(rid, others, 2)),
    ]


def two_hops(f: Facts, rid: str) -> list[str]:
    """Researchers two personal co-authorship hops from `rid` (suggestion candidates), and a
    few others; some researchers when `rid` has none."""
    g = coauthor_graph(f)
    near = {c for z in g[rid] for c in g[z]} - {rid} if rid in g else set()
    return sorted(near)[:20] + sorted(f.researchers)[:3]


def test_each_bundle_answers_as_its_reads_alone(
    trust_backend: GraphBackend,  # noqa: F811
    trust_facts: Facts,  # noqa: F811
) -> None:
    follower = sorted(trust_facts.follows, key=lambda f: (f["researcher"], f["account"]))[0]
    ids = list(dict.fromkeys([*subjects(trust_facts), follower["researcher"], UNKNOWN]))
    neo4j = trust_backend.dialect == "neo4j"
    compared = 0
    answered_rows: set[str] = set()  # the reads that gave rows at least once

    def compare(reader: Reader, bundle: str, reads: list[Read]) -> int:
        answered = prefetch(reader, bundle, reads)
        assert (answered is reader) is not neo4j
        for name, params in reads:
            rows = answered.read(name, **params)
            assert rows == reader.read(name, **params), (bundle, name)
            answered_rows.update([name] if rows else [])
        return len(reads)

    for rid in ids:
        viewer = follower["account"] if rid == follower["researcher"] else "acc-01"
        for bundle, reads in bundled(rid, viewer, two_hops(trust_facts, rid)):
            compared += trust_backend.read_together(partial(compare, bundle=bundle, reads=reads))
    assert compared == len(ids) * (9 + 9 + 3 + 3 + 3 + 3 + 4 + 4 + 3 + 3)
    every = {name for _, reads in bundled("", "", []) for name, _ in reads}
    assert every - answered_rows <= {"follow_state"}, every - answered_rows  # none are vacuous
    claimed = {c["researcher_id"] for c in trust_facts.claims}
    assert claimed & set(ids)


@pytest.mark.parametrize(
    ("url", "bundle", "reads"),
    [
        ("/v1/researchers/{rid}", "researcher_profile_reads", 9),
        ("/v1/researchers/{rid}/collaborators?limit=5", "collaborators_reads", 3),
        ("/v1/researchers/{rid}/graph?depth=1&limit=50", "slice_reads", 3),
        ("/v1/researchers/{rid}/graph?depth=1&limit=500", "slice_more_reads", 4),
        ("/v1/researchers/{rid}/suggestions", "suggest_evidence", 3),
    ],
)
def test_endpoints_read_through_their_bundle_on_neo4j(
    trust_backend: GraphBackend,  # noqa: F811
    trust_facts: Facts,  # noqa: F811
    url: str,
    bundle: str,
    reads: int,
) -> None:
    """On Neo4j the bundle answers every read it holds (none of them reaches the database on
    its own); on the embedded engine the same reads run one by one."""
    counted = CountingBackend(trust_backend)
    rid = subjects(trust_facts)[0]
    with api_client(counted) as client:
        assert client.get(url.format(rid=rid)).status_code == 200
    names = {name for name, _ in dict(bundled(rid, "", []))[bundle]}
    if trust_backend.dialect == "neo4j":
        assert counted.calls[bundle] == 1
        assert not names & set(counted.calls)
    else:
        assert counted.calls[bundle] == 0
        assert sum(counted.calls[n] for n in names) == reads


def test_a_bundle_may_exist_for_one_dialect_only(tmp_path: Path) -> None:
    (tmp_path / "one.cypher").write_text("// params: id\nRETURN $id AS one\n")
    (tmp_path / "bundles" / "neo4j").mkdir(parents=True)
    bundle = "// params: id\nRETURN COLLECT { RETURN {one: $id} } AS one\n"
    (tmp_path / "bundles" / "neo4j" / "both.cypher").write_text(bundle)
    assert set(load_dialect(tmp_path, "neo4j")) == {"one", "both"}
    assert set(load_dialect(tmp_path, "ladybug")) == {"one"}
    (tmp_path / "bundles" / "neo4j" / "one.cypher").write_text(bundle)
    with pytest.raises(CatalogError, match="bundles reuse the names of queries: one"):
        load_dialect(tmp_path, "neo4j")


def test_reads_giving_one_parameter_two_values_are_refused(backend: GraphBackend) -> None:
    reads: list[Read] = [("researcher_works_count", {"id": "a"}), ("researcher_teams", {"id": "b"})]
    reads.append(("collaborators_ranked", {"id": "a", "newman": False, "limit": 1}))

    def attempt(reader: Reader) -> Any:
        return prefetch(reader, "collaborators_reads", reads)

    if backend.dialect == "neo4j":
        with pytest.raises(CatalogError, match="researcher_teams gives id another value"):
            backend.read_together(attempt)
    else:
        assert backend.read_together(lambda reader: attempt(reader) is reader)

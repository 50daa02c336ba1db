"""Real arXiv's hard cases, on both backends: huge author lists, team names, new versions of
team papers. Each ingests correctly, keeps the layer exact, and stays linear in its authors."""

from __future__ import annotations

import random
import tracemalloc

from graphsvc.db import GraphBackend
from loaders.writer import GraphWriter
from tests.conftest import api_client
from tests.corpora import _rare_names, record
from tests.graph.test_layer import assert_layer_exact

TEAM = 100  # the default GRAPHSVC_TEAM_MIN_AUTHORS


def ingest(backend: GraphBackend, *items: object) -> None:
    GraphWriter(backend).ingest(items)  # type: ignore[arg-type]


def test_ten_thousand_authors_ingest_in_linear_memory(backend: GraphBackend) -> None:
    rng = random.Random(1)
    names = _rare_names(rng, 10_000)
    tracemalloc.start()
    try:
        ingest(backend, record("1501.00001", names, ["hep-ex"], 1, rng))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Quadratic bookkeeping (co-author sets per author) would be 10^8 entries: gigabytes.
    assert peak < 300 * 1024**2, f"peak Python memory {peak / 1024**2:.0f} MB"
    counts = {r["kind"]: r["n"] for r in backend.read("graph_counts")}
    assert counts["AUTHORED"] == 10_000 and counts["Researcher"] == 10_000
    assert backend.read("export_coauthors") == []  # a team work pairs nobody
    assert backend.read("export_works_team_flags")[0]["team_work"] is True
    assert_layer_exact(backend, TEAM)
    author = backend.read("export_researchers")[0]["id"]
    with api_client(backend) as client:  # the explorer and the API stay up
        for url in ("/", "/topics/hep-ex", f"/researchers/{author}", "/readyz", "/v1/topics"):
            assert client.get(url).status_code == 200, url
        body = client.get(f"/v1/researchers/{author}/graph").json()
        assert len(body["elements"]["nodes"]) < 10  # not 10,000 co-authors


def test_a_paper_signed_by_a_team_alone(backend: GraphBackend) -> None:
    rng = random.Random(2)
    ingest(backend, record("1501.00002", ["The CMS Collaboration"], ["hep-ex"], 1, rng))
    assert backend.read("export_researchers") == []
    teams = backend.read("export_teams")
    assert [(t["id"], t["works"], t["members"]) for t in teams] == [("cms-collaboration", 1, 0)]
    assert backend.read("export_works")[0]["authors_count"] == 0
    assert_layer_exact(backend, TEAM)


def test_one_team_spelled_five_ways(backend: GraphBackend) -> None:
    rng = random.Random(3)
    spellings = [
        "ATLAS Collaboration",
        "The ATLAS Collaboration",
        "ATLAS collaboration",
        "the ATLAS  Collaboration",
        "{ATLAS} Collaboration",
    ]
    people = _rare_names(rng, 5)
    ingest(
        backend,
        *(
            record(f"1601.0000{i}", [s, people[i]], ["hep-ex"], 1, rng)
            for i, s in enumerate(spellings)
        ),
        record(
            "1601.00009",
            ["LIGO Scientific Collaboration and Virgo Collaboration"],
            ["gr-qc"],
            1,
            rng,
        ),
    )
    teams = {t["id"]: t for t in backend.read("export_teams")}
    assert sorted(teams) == [
        "atlas-collaboration",
        "ligo-scientific-collaboration",
        "virgo-collaboration",
    ]
    atlas = teams["atlas-collaboration"]
    assert atlas["works"] == 5 and atlas["members"] == 5 and atlas["name"] == "ATLAS Collaboration"
    assert len(atlas["aliases"]) >= 1
    assert_layer_exact(backend, TEAM)


def test_a_new_version_changing_forty_of_three_thousand_authors(backend: GraphBackend) -> None:
    rng = random.Random(4)
    names = _rare_names(rng, 3_040)
    roster, newcomers = names[:3_000], names[3_000:]
    personal = [record("1701.00002", roster[:4], ["hep-ph"], 1, rng)]
    ingest(
        backend,
        record("1701.00001", ["ATLAS Collaboration", *roster], ["hep-ex"], 1, rng),
        *personal,
    )
    before = {r["kind"]: r["n"] for r in backend.read("graph_counts")}
    v2 = roster[:1_000] + newcomers + roster[1_040:]
    ingest(
        backend, record("1701.00001", ["ATLAS Collaboration", *v2], ["hep-ex", "hep-ph"], 2, rng)
    )
    counts = {r["kind"]: r["n"] for r in backend.read("graph_counts")}
    assert counts["AUTHORED"] == 3_000 + 4
    # The 40 who left had no other work: gone; the 40 who came are new. (Whether the personal
    # paper's four authors are the roster's first four is the name rarity's call.)
    assert counts["Researcher"] == before["Researcher"]
    stored = {r["name"] for r in backend.read("export_researchers")}
    assert set(newcomers) <= stored and not stored & set(roster[1_000:1_040])
    member_of = backend.read("export_member_of")
    assert len(member_of) == 3_000 and {m["works"] for m in member_of} == {1}
    assert_layer_exact(backend, TEAM)

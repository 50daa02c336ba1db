"""Merging researcher records over HTTP, and undoing it, on both backends.

Independent expectations: a merge through the API followed by the paper that links the two
records gives exactly the graph the writer's automatic merge gives; merge then split gives back
exactly the original graph (chains and name changes included); a split undoes an automatic merge.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from loaders.records import AuthorRecord, PaperRecord
from loaders.source import SourceItem
from loaders.writer import GraphWriter
from tests.api.test_admin_auth import AUTH, admin_client
from tests.helpers import graph_state

XU, XU2 = "zhi-qin-john-xu", "zhi-qin-john-xu-2"


def paper(
    arxiv_id: str,
    authors: list[str],
    cats: tuple[str, ...] = (),
    affs: dict[str, tuple[str, ...]] | None = None,
    year: int = 2020,
) -> SourceItem:
    record = PaperRecord(
        arxiv_id=arxiv_id,
        version=1,
        title=f"Paper {arxiv_id}",
        published=date(year, 1, 1),
        categories=cats,
        authors=tuple(AuthorRecord(name=a, affiliations=(affs or {}).get(a, ())) for a in authors),
    )
    return SourceItem(position=0, record=record)


# Two "Zhi-Qin John Xu" records without common evidence, then a paper linking them.
P1 = paper(
    "2001.00001", ["Zhi-Qin John Xu", "Yaoyu Zhang"], ("cs.LG",), {"Zhi-Qin John Xu": ("NYU",)}
)
P2 = paper(
    "2001.00002", ["Zhi-Qin John Xu", "Jiwei Zhang"], (), {"Zhi-Qin John Xu": ("SJTU",)}, 2018
)
P3 = paper("2001.00003", ["Zhi-Qin John Xu", "Jiwei Zhang", "Yaoyu Zhang"])
# Four records of Ann Lee (no shared co-author block or topic): different printed names.
LEES = [
    paper("2101.00001", ["Ann Lee", "Bo Chen"], ("cs.LG",), {"Ann Lee": ("MIT",)}, 2019),
    paper("2101.00002", ["A. Lee", "Cy Dunn"], ("math.AG",), {"A. Lee": ("MIT", "ETH")}, 2021),
    paper("2101.00003", ["Ann Beth Lee", "Di Eng"], ("q-bio.GN",), {"Ann Beth Lee": ("ETH",)}),
    paper("2101.00004", ["Ann Lee", "Ed Fox"], ("astro-ph.GA",)),
    paper("2101.00005", ["Bo Chen", "Ed Fox"], ("cs.LG", "astro-ph.GA")),
]


def ingest(backend: GraphBackend, *items: SourceItem) -> None:
    GraphWriter(backend).ingest(list(items))


def merged_ids(backend: GraphBackend) -> list[dict[str, Any]]:
    """The MergedId records with everything a split needs (not in graph_state's export)."""
    out = []
    for row in backend.read("export_merged_ids"):
        full = backend.read("admin_merged_id", id=row["id"])[0]
        out.append({**full, "works": sorted(full["works"] or [])})
    return out


@pytest.fixture
def client(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    with admin_client(backend, tmp_path) as c:
        yield c


def merge(client: TestClient, keep: str, other: str, action: str = "merge") -> Any:
    return client.post(f"/v1/researchers/{keep}/{action}", json={"other": other}, headers=AUTH)


def test_api_merge_equals_the_writers_automatic_merge(
    backend: GraphBackend, client: TestClient
) -> None:
    ingest(backend, P1, P2)
    assert {r["id"] for r in backend.read("export_researchers")} >= {XU, XU2}
    r = merge(client, XU, XU2)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "kept": XU,
        "other": XU2,
        "works_moved": ["2001.00002"],
        "name": "Zhi-Qin John Xu",
        "aliases": ["Zhi-Qin John Xu"],
    }
    ingest(backend, P3)
    by_api, api_ids = graph_state(backend), merged_ids(backend)

    backend.write(lambda tx: tx.run("admin_delete_all"))
    ingest(backend, P1, P2)
    ingest(backend, P3)  # links the two records: the writer merges them
    assert graph_state(backend) == by_api
    automatic = merged_ids(backend)
    assert api_ids == automatic
    assert automatic == [
        {
            "id": XU2,
            "into": XU,
            "works": ["2001.00002"],
            "name": "Zhi-Qin John Xu",
            "aliases": ["Zhi-Qin John Xu"],
            "into_aliases": ["Zhi-Qin John Xu"],
        }
    ]


def test_merge_moves_works_aliases_and_affiliations(
    backend: GraphBackend, client: TestClient
) -> None:
    ingest(backend, *LEES)
    version = backend.read("graph_version")[0]["version"]
    assert merge(client, "ann-lee", "a-lee").status_code == 200
    assert backend.read("graph_version")[0]["version"] == version + 1
    profile = client.get("/v1/researchers/ann-lee").json()
    assert profile["name"] == "Ann Lee"
    assert sorted(profile["aliases"]) == ["A. Lee", "Ann Lee"]
    works = client.get("/v1/researchers/ann-lee/works").json()
    assert sorted(w["arxiv_id"] for w in works["items"]) == ["2101.00001", "2101.00002"]
    affiliations = {
        a["researcher"]: a for a in backend.read("export_affiliations") if a["institution"] == "mit"
    }
    assert affiliations["ann-lee"]["works"] == 2
    assert (affiliations["ann-lee"]["first_year"], affiliations["ann-lee"]["last_year"]) == (
        2019,
        2021,
    )
    assert "a-lee" not in {r["id"] for r in backend.read("export_researchers")}
    hits = client.get("/v1/researchers", params={"q": "a. lee"}).json()["items"]
    assert [h["id"] for h in hits] == ["ann-lee"]
    # A more complete name becomes the display name.
    assert merge(client, "ann-lee", "ann-beth-lee").json()["name"] == "Ann Beth Lee"


def test_merge_then_split_restores_the_graph_exactly(
    backend: GraphBackend, client: TestClient
) -> None:
    ingest(backend, *LEES)
    steps = [
        ("a-lee", "ann-beth-lee"),  # "Ann Beth Lee" becomes the name of a-lee
        ("ann-lee", "ann-lee-2"),  # identical names
        ("ann-lee", "a-lee"),  # a chain: ann-beth-lee now redirects to ann-lee
    ]
    states = []
    for keep, other in steps:
        states.append((graph_state(backend), merged_ids(backend)))
        assert merge(client, keep, other).status_code == 200
    assert {m["id"]: m["into"] for m in merged_ids(backend)} == {
        "a-lee": "ann-lee",
        "ann-beth-lee": "ann-lee",
        "ann-lee-2": "ann-lee",
    }
    profile = client.get("/v1/researchers/ann-lee").json()
    assert profile["name"] == "Ann Beth Lee"
    assert sorted(profile["aliases"]) == ["A. Lee", "Ann Beth Lee", "Ann Lee"]
    moved = {"a-lee": ["2101.00002", "2101.00003"], "ann-lee-2": ["2101.00004"]}
    for (keep, other), state in zip(reversed(steps), reversed(states), strict=True):
        r = merge(client, keep, other, "split")
        assert r.status_code == 200, r.text
        assert r.json()["works_moved"] == moved.get(other, ["2101.00003"])
        assert (graph_state(backend), merged_ids(backend)) == state


def test_split_undoes_an_automatic_merge(backend: GraphBackend, client: TestClient) -> None:
    ingest(backend, P1, P2)
    before = {r["id"]: r for r in backend.read("export_researchers")}
    affiliations = [a for a in backend.read("export_affiliations") if a["researcher"] == XU2]
    ingest(backend, P3)
    assert XU2 not in {r["id"] for r in backend.read("export_researchers")}
    r = merge(client, XU, XU2, "split")
    assert r.status_code == 200, r.text
    assert r.json()["works_moved"] == ["2001.00002"]
    after = {r["id"]: r for r in backend.read("export_researchers")}
    assert after[XU2] == before[XU2]
    assert [a for a in backend.read("export_affiliations") if a["researcher"] == XU2] == (
        affiliations
    )
    authors = {(a["researcher"], a["work"]) for a in backend.read("export_authorships")}
    assert {(XU, "2001.00001"), (XU2, "2001.00002"), (XU, "2001.00003")} <= authors
    assert backend.read("export_merged_ids") == []
    assert client.get(f"/v1/researchers/{XU2}", follow_redirects=False).status_code == 200


def test_refused_merges_and_splits_change_nothing(
    backend: GraphBackend, client: TestClient
) -> None:
    ingest(backend, *LEES, paper("2201.00001", ["J. Smith", "John Smith"], ("cs.LG",)))
    ingest(backend, P1, P2)
    before = graph_state(backend)
    cases = [
        ("merge", "ann-lee", "ann-lee", 422),
        ("merge", "nobody", "ann-lee", 404),
        ("merge", "ann-lee", "nobody", 404),
        ("merge", "j-smith", "john-smith", 409),  # co-authors: two people
        ("split", "ann-lee", "a-lee", 404),  # never merged
        ("split", "ann-lee", "nobody", 404),
    ]
    for action, keep, other, status in cases:
        r = merge(client, keep, other, action)
        assert r.status_code == status, (action, keep, other, r.text)
        assert r.headers["content-type"] == "application/problem+json"
    assert merge(client, XU, XU2).status_code == 200
    merged = graph_state(backend)
    assert merge(client, "ann-lee", XU2, "split").status_code == 404  # merged elsewhere
    assert merge(client, XU, XU2).status_code == 404  # already merged
    bodies: list[Any] = [{}, {"other": ""}, {"other": 3}, {"other": "a", "x": 1}, [], "a"]
    for body in bodies:
        r = client.post(f"/v1/researchers/{XU}/merge", json=body, headers=AUTH)
        assert r.status_code == 422, body
    assert graph_state(backend) == merged
    assert merge(client, XU, XU2, "split").status_code == 200
    assert graph_state(backend) == before


def test_no_merge_while_an_ingest_runs(backend: GraphBackend, client: TestClient) -> None:
    ingest(backend, *LEES)
    before = graph_state(backend)
    lock = client.app.state.jobs.write_lock  # type: ignore[attr-defined]
    with lock:
        r = merge(client, "ann-lee", "a-lee")
    assert r.status_code == 409 and "ingest" in r.json()["detail"]
    assert graph_state(backend) == before


def test_merged_ids_answer_301_on_every_researcher_read(
    backend: GraphBackend, client: TestClient
) -> None:
    ingest(backend, *LEES)
    assert merge(client, "ann-lee", "a-lee").status_code == 200
    for suffix in ("", "/works?limit=5&offset=0", "/collaborators?weighting=newman", "/graph",
                   "/graph?format=graphml&depth=2"):  # fmt: skip
        r = client.get(f"/v1/researchers/a-lee{suffix}", follow_redirects=False)
        assert r.status_code == 301, suffix
        assert r.headers["location"] == f"/v1/researchers/ann-lee{suffix}"
        followed = client.get(f"/v1/researchers/a-lee{suffix}")
        assert followed.status_code == 200
        assert followed.content == client.get(f"/v1/researchers/ann-lee{suffix}").content
    # Unknown ids and other methods still answer 404; so do merged ids on write endpoints.
    assert client.get("/v1/researchers/a-lee-2", follow_redirects=False).status_code == 404
    assert merge(client, "a-lee", "ann-lee").status_code == 404
    r = client.get("/v1/researchers/a-lee/works?limit=0", follow_redirects=False)
    assert r.status_code == 422

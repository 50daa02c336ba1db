"""The work endpoint against the raw dump, on demo and corpus data and an old-style id."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from loaders.records import AuthorRecord, PaperRecord
from loaders.source import SourceItem
from loaders.writer import GraphWriter
from tests.api.test_topics import HOSTILE, is_problem
from tests.conftest import api_client, on_both, same_on_both
from tests.oracles.facts import Facts, facts


@pytest.fixture
def demo_works(demo_backend: GraphBackend) -> Iterator[TestClient]:
    with api_client(demo_backend) as client:
        yield client


@pytest.fixture
def corpus_works(corpus_backend: GraphBackend) -> Iterator[TestClient]:
    with api_client(corpus_backend) as client:
        yield client


def oracle_work(f: Facts, arxiv_id: str) -> dict[str, Any]:
    w = f.works[arxiv_id]
    categories = sorted(
        (
            {"id": h["topic"], "name": f.topics[h["topic"]]["name"], "is_primary": h["is_primary"]}
            for h in f.work_topics
            if h["work"] == arxiv_id
        ),
        key=lambda c: (not c["is_primary"], c["id"]),
    )
    authors = sorted(
        (a for a in f.authorships if a["work"] == arxiv_id),
        key=lambda a: (a["position"], a["researcher"]),
    )
    keys = ("arxiv_id", "version", "year", "doi", "journal_ref", "comment")

    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        **{k: w[k] for k in keys},
        "title": w["title"] or "",
        "abstract": w["abstract"] or "",
        "published": iso(w["published"]),
        "updated": iso(w["updated"]),
        "venue": w["journal_ref"] or "arXiv",
        "categories": categories,
        "teams": sorted(
            (
                {"id": x["team"], "name": f.teams[x["team"]]["name"]}
                for x in f.work_teams
                if x["work"] == arxiv_id
            ),
            key=lambda t: t["id"],
        ),
        "team_work": arxiv_id in f.team_works,
        "authors": [
            {
                "id": a["researcher"],
                "name": f.researchers[a["researcher"]]["name"],
                "position": a["position"],
                "institutions": [
                    {"id": i, "name": f.institutions[i]["name"]} for i in a["institutions"] or []
                ],
            }
            for a in authors
        ],
    }


def check_works(client: TestClient, f: Facts, ids: list[str]) -> None:
    for arxiv_id in ids:
        response = client.get(f"/v1/works/{arxiv_id}")
        assert response.status_code == 200, response.text
        assert response.json() == oracle_work(f, arxiv_id)


def test_every_demo_work(demo_works: TestClient, demo_backend: GraphBackend) -> None:
    f = facts(demo_backend)
    check_works(demo_works, f, sorted(f.works))
    assert any(f.works[w]["journal_ref"] for w in f.works)
    assert any(a["institutions"] for a in f.authorships)


def test_identical_json_across_backends(request: pytest.FixtureRequest) -> None:
    ids = sorted(facts(on_both(request, "demo")[1]).works)[::10]
    urls = [f"/v1/works/{w}" for w in ids] + ["/v1/works/nope"]
    same_on_both(request, "demo", urls)


@pytest.mark.parametrize(
    ("asked", "stored"),
    [
        ("2105.14573v2", "2105.14573"),
        ("2105.14573v1", "2105.14573"),
        ("arXiv:2105.14573", "2105.14573"),
        ("ARXIV:2105.14573v3", "2105.14573"),
        ("arxiv:cs/0503050", "cs/0503050"),
        ("cs/0503050v1", "cs/0503050"),
        ("cs.SE/0503050", "cs/0503050"),  # the old form with the subject class
        ("arXiv:cs.SE/0503050v2", "cs/0503050"),
    ],
)
def test_other_forms_of_an_arxiv_id_resolve(
    demo_works: TestClient, demo_backend: GraphBackend, asked: str, stored: str
) -> None:
    """A version, the arXiv: prefix (any case) or a subject class: the same work, API and page."""
    response = demo_works.get(f"/v1/works/{asked}")
    assert response.status_code == 200, response.text
    assert response.json() == oracle_work(facts(demo_backend), stored)
    page = demo_works.get(f"/works/{asked}")
    assert page.status_code == 200, page.text[:300]
    assert response.json()["title"] in page.text


@pytest.mark.parametrize(
    "asked", ["2105.14573v", "2105.14573v2x", "arXiv:", "arXiv:9999.99999v2", "xarXiv:2105.14573"]
)
def test_unknown_forms_still_404(demo_works: TestClient, asked: str) -> None:
    is_problem(demo_works.get(f"/v1/works/{asked}"), 404)
    assert demo_works.get(f"/works/{asked}").status_code == 404


def test_unknown_work_is_404(demo_works: TestClient) -> None:
    is_problem(demo_works.get("/v1/works/9999.99999"), 404)
    is_problem(demo_works.get("/v1/works/hep-th/0000000"), 404)
    is_problem(demo_works.get("/v1/works/" + "x" * 201), 422)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_work_ids_never_500(demo_works: TestClient, hostile: str) -> None:
    response = demo_works.get(f"/v1/works/{hostile}")
    assert response.status_code in (404, 422), response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_sample_of_corpus_works(corpus_works: TestClient, corpus_backend: GraphBackend) -> None:
    f = facts(corpus_backend)
    ids = sorted(f.works)
    check_works(corpus_works, f, random.Random(3).sample(ids, 60) + ids[:1] + ids[-1:])


def test_old_style_id_and_institutions(backend: GraphBackend) -> None:
    record = PaperRecord(
        arxiv_id="hep-th/9901001",
        version=2,
        title="An old-style paper",
        abstract="About strings.",
        published=date(1999, 1, 4),
        updated=date(1999, 3, 1),
        journal_ref="Nucl. Phys. B 550 (1999) 1",
        categories=("hep-th", "gr-qc"),
        authors=(
            AuthorRecord(name="Zoe Zed", affiliations=("CERN", "MIT")),
            AuthorRecord(name="Adam Alpha"),
        ),
    )
    GraphWriter(backend).ingest([SourceItem(1, record=record)])
    with api_client(backend) as client:
        response = client.get("/v1/works/hep-th/9901001")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body == oracle_work(facts(backend), "hep-th/9901001")
        assert body["venue"] == "Nucl. Phys. B 550 (1999) 1"
        assert [c["id"] for c in body["categories"]] == ["hep-th", "gr-qc"]
        assert body["categories"][0]["is_primary"] is True
        assert [a["name"] for a in body["authors"]] == ["Zoe Zed", "Adam Alpha"]
        assert [i["name"] for i in body["authors"][0]["institutions"]] == ["CERN", "MIT"]
        is_problem(client.get("/v1/works/hep-th/9901002"), 404)
        for asked in ("hep-th/9901001v2", "arXiv:hep-th/9901001", "arxiv:hep-th/9901001v1"):
            assert client.get(f"/v1/works/{asked}").json() == body, asked
        is_problem(client.get("/v1/works/hep-th/9901002v2"), 404)


def test_old_form_with_subject_class(backend: GraphBackend) -> None:
    """math.GT/0309136 is how the paper stored as math/0309136 was cited."""
    record = PaperRecord(
        arxiv_id="math/0309136",
        version=1,
        title="A knot paper",
        published=date(2003, 9, 8),
        categories=("math.GT",),
        authors=(AuthorRecord(name="Kay Knot"),),
    )
    GraphWriter(backend).ingest([SourceItem(1, record=record)])
    with api_client(backend) as client:
        for asked in (
            "math/0309136",
            "math.GT/0309136",
            "math.GT/0309136v1",
            "arXiv:math.GT/0309136",
        ):
            response = client.get(f"/v1/works/{asked}")
            assert response.status_code == 200, (asked, response.text)
            assert response.json()["arxiv_id"] == "math/0309136"
            assert client.get(f"/works/{asked}").status_code == 200
        is_problem(client.get("/v1/works/math.GT/0309137"), 404)

"""Suggested collaborators against networkx's link-prediction indices, on both backends."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.api.app import accounts_service
from graphsvc.db import GraphBackend, Reader
from graphsvc.services import suggestions as service
from graphsvc.settings import load_settings
from tests.api.test_merge import LEES, ingest, merge
from tests.api.test_researchers import get_ok, picks
from tests.api.test_teams import member
from tests.api.test_trust import add_accounts, add_claims, claim
from tests.conftest import api_client, load_corpus, on_both, same_on_both
from tests.helpers import CountingBackend, claim_half_the_researchers
from tests.oracles import suggestions as oracle
from tests.oracles.facts import Facts, coauthor_graph, facts

PROBLEM = "application/problem+json"


def url(rid: str, **params: Any) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/v1/researchers/{rid}/suggestions" + (f"?{query}" if query else "")


def check(client: TestClient, f: Facts, rid: str, **params: Any) -> list[dict[str, Any]]:
    """The answer equals the oracle's; nobody suggested is the researcher or a co-author."""
    body = get_ok(client, url(rid, **params))
    assert body["items"] == oracle.suggestions(f, rid, **params), (rid, params)
    assert body["researcher_id"] == rid
    assert service.HUB_MAX_COAUTHORS == oracle.HUB_MAX_COAUTHORS
    assert body["expansion_rows_max"] == service.EXPANSION_ROWS_MAX == oracle.EXPANSION_ROWS_MAX
    g = coauthor_graph(f)
    assert body["hub_max_coauthors"] == oracle.hub_bound(
        g, rid, oracle.HUB_MAX_COAUTHORS, oracle.EXPANSION_ROWS_MAX
    )
    written_with = set(g[rid]) | {rid}
    assert not written_with & {s["id"] for s in body["items"]}
    items: list[dict[str, Any]] = body["items"]
    return items


# --- the generated corpus -------------------------------------------------------------------


@pytest.fixture
def corpus_facts(corpus_backend: GraphBackend) -> Facts:
    return facts(corpus_backend)


def test_corpus_matches_networkx(corpus_client: TestClient, corpus_facts: Facts) -> None:
    """The most prolific and the median researcher, and a team member when the corpus has team
    works (3,000 works have none: test_teams_never_count_as_common_coauthors covers them)."""
    chosen = picks(corpus_facts)[:2]
    if corpus_facts.team_works:
        chosen.append(member(corpus_facts))
    for rid in chosen:
        check(corpus_client, corpus_facts, rid)
        check(corpus_client, corpus_facts, rid, limit=100)  # the median's may be empty
        check(corpus_client, corpus_facts, rid, limit=3, min_common=2)
    prolific = check(corpus_client, corpus_facts, chosen[0], limit=100)
    assert len(prolific) == 100 and prolific[0]["common_coauthors_count"] >= 2
    assert any(s["common_coauthors_count"] > 1 for s in prolific)
    assert any(s["shared_topics"] and s["recent_works"] for s in prolific)


def test_hub_bound_matches_the_oracle(corpus_backend: GraphBackend, corpus_facts: Facts) -> None:
    """With a bound that binds, the answer still equals the oracle applying the same bound."""
    rid = picks(corpus_facts)[0]
    g = coauthor_graph(corpus_facts)
    degrees = sorted(g.degree(z) for z in g[rid])
    assert degrees[-1] <= service.HUB_MAX_COAUTHORS  # the default never binds on this corpus
    hub_max = degrees[len(degrees) // 2]
    assert degrees[0] <= hub_max < degrees[-1]
    for limit in (5, 100):
        got = service.suggestions(corpus_backend, rid, limit=limit, min_common=1, hub_max=hub_max)
        assert got is not None
        expected = oracle.suggestions(corpus_facts, rid, limit=limit, hub_max=hub_max)
        assert got["items"] == expected
        assert got["items"] != oracle.suggestions(corpus_facts, rid, limit=limit)
        assert all(z["coauthors"] <= hub_max for s in expected for z in s["common_coauthors"])


def test_expansion_bound_matches_the_oracle(
    corpus_backend: GraphBackend, corpus_facts: Facts
) -> None:
    """With a row budget that binds, the hub bound is lowered to the oracle's, the answer equals
    the oracle's under it and differs from the unbounded one; a budget nothing fits suggests
    nobody."""
    rid = picks(corpus_facts)[0]
    g = coauthor_graph(corpus_facts)
    rows = sum(d for _, d in g.degree(g[rid]))
    rows_max = rows // 3
    bound = oracle.hub_bound(g, rid, service.HUB_MAX_COAUTHORS, rows_max)
    assert 0 < bound < max(d for _, d in g.degree(g[rid]))
    assert sum(d for _, d in g.degree(g[rid]) if d <= bound) <= rows_max
    for limit in (5, 100):
        got = service.suggestions(corpus_backend, rid, limit=limit, min_common=1, rows_max=rows_max)
        assert got is not None
        assert (got["hub_max_coauthors"], got["expansion_rows_max"]) == (bound, rows_max)
        expected = oracle.suggestions(corpus_facts, rid, limit=limit, rows_max=rows_max)
        assert got["items"] == expected
        assert expected != oracle.suggestions(corpus_facts, rid, limit=limit, rows_max=rows)
        assert all(z["coauthors"] <= bound for s in expected for z in s["common_coauthors"])
    nothing = service.suggestions(corpus_backend, rid, limit=10, min_common=1, rows_max=0)
    assert nothing is not None and nothing["hub_max_coauthors"] == 0 and nothing["items"] == []


portable = service.suggestions.__wrapped__  # type: ignore[attr-defined]  # takes a reader


def portable_apart(reader: Reader, rid: str, asked: dict[str, Any]) -> Any:
    """The portable path's answer, on a reader without the bundles."""
    return portable(ReadsApart(reader), rid, **asked)


class ReadsApart:
    """A reader without the bundles of one round trip: the service takes its portable path."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.reader.read(name, **params)

    def has_query(self, name: str) -> bool:
        return False


def test_one_query_ranking_equals_the_reads_apart(
    corpus_backend: GraphBackend, corpus_facts: Facts
) -> None:
    """On Neo4j one query computes the bound and the ranking (suggest_ranked_bounded); it must
    equal the portable reads (degrees, hub_bound in Python, suggest_ranked) on the same graph,
    with bounds that bind or not, open researchers first or not, and for an unknown id. On the
    embedded engine both paths are the portable one."""
    g = coauthor_graph(corpus_facts)
    chosen = [*picks(corpus_facts)[:3], *sorted(corpus_facts.researchers)[:5]]
    counted = CountingBackend(corpus_backend)
    compared = 0
    for rid in chosen:
        rows = sum(d for _, d in g.degree(g[rid])) if rid in g else 0
        for rows_max in (service.EXPANSION_ROWS_MAX, rows // 2, 0):
            for open_first in (False, True):
                asked: dict[str, Any] = {"limit": 20, "min_common": 1, "rows_max": rows_max}
                asked["open_first"] = open_first
                one = service.suggestions(counted, rid, **asked)
                apart = corpus_backend.read_together(partial(portable_apart, rid=rid, asked=asked))
                assert one == apart, (rid, asked)
                compared += bool(one and one["items"])
    assert compared >= 6
    one_query = corpus_backend.dialect == "neo4j"
    assert (counted.calls["suggest_ranked_bounded"] > 0) == one_query
    assert (counted.calls["suggest_ranked"] > 0) != one_query
    assert service.suggestions(corpus_backend, "nobody-of-this-name", limit=5, min_common=1) is None


@pytest.mark.parametrize(
    ("degrees", "hub_max", "rows_max", "bound"),
    [
        ([], 1000, 10, 1000),  # no co-authors: nothing to bound
        ([(3, 2), (1, 1)], 1000, 7, 1000),  # all fit (1 + 6 rows), in any order
        ([(1, 1), (3, 2)], 1000, 6, 1),  # the degree-3 pair does not fit: both left out
        ([(2, 1), (5, 1)], 1000, 1, 0),  # none fits
        ([(2, 1), (2000, 1)], 1000, 10, 1000),  # above hub_max: skipped, not counted
        ([(2, 1), (4, 1), (2000, 1)], 3, 5, 3),
    ],
)
def test_hub_bound(degrees: list[tuple[int, int]], hub_max: int, rows_max: int, bound: int) -> None:
    assert service.hub_bound(degrees, hub_max, rows_max) == bound


# --- the demo and the team corpus -----------------------------------------------------------


def test_demo_matches_networkx(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    f = facts(demo_backend)
    works = Counter(a["researcher"] for a in f.authorships)
    rids = ["zhi-qin-john-xu"] + [r for r, _ in works.most_common(5)]
    found = []
    for rid in rids:
        check(demo_client, f, rid)
        found += check(demo_client, f, rid, limit=100)
    assert found  # Zhi-Qin John Xu's co-authors all wrote together: none for him alone


def test_teams_never_count_as_common_coauthors(
    teams_client: TestClient, teams_backend: GraphBackend
) -> None:
    f = facts(teams_backend)
    personal = coauthor_graph(f)
    rid = member(f)
    items = check(teams_client, f, rid, limit=100)
    assert items
    for s in items:
        assert s["id"] not in personal[rid]
        for z in s["common_coauthors"]:
            assert personal.has_edge(rid, z["id"]) and personal.has_edge(s["id"], z["id"])
    # Sharing only team works is not writing together: such researchers can be suggested.
    everyone = coauthor_graph(f, all_works=True)
    assert any(everyone.has_edge(rid, s["id"]) for s in items)


@pytest.mark.parametrize("key", ["demo", "corpus-3000"])
def test_backends_give_identical_json(request: pytest.FixtureRequest, key: str) -> None:
    rids = picks(facts(on_both(request, key)[1]))
    urls = [url(r, limit=100) for r in rids] + [url(r, limit=5, min_common=2) for r in rids]
    same_on_both(request, key, [*urls, url("no-such-id")])


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=101", "limit=x", "min_common=0", "min_common=51", "min_common=-1"],
)
def test_out_of_range_is_422(demo_client: TestClient, query: str) -> None:
    for path in ("/v1/researchers/zhi-qin-john-xu/suggestions", "/v1/me/suggestions"):
        response = demo_client.get(f"{path}?{query}")
        if path.startswith("/v1/me"):
            assert response.status_code in (401, 422)  # nobody signed in
            continue
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith(PROBLEM)


def test_unknown_id_is_404(demo_client: TestClient) -> None:
    response = demo_client.get(url("no-such-researcher"))
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM)


def test_openapi_documents_the_endpoints(demo_client: TestClient) -> None:
    paths = get_ok(demo_client, "/openapi.json")["paths"]
    for path in ("/v1/researchers/{researcher_id}/suggestions", "/v1/me/suggestions"):
        operation = paths[path]["get"]
        assert operation["summary"] and "resource allocation" in operation["description"]
        assert {"200", "404", "422"} <= set(operation["responses"])


# --- merged ids and the signed-in account ---------------------------------------------------


@pytest.fixture
def lees(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    from tests.api.test_admin_auth import admin_client

    ingest(backend, *LEES)
    with admin_client(backend, tmp_path) as client:
        yield client


def test_merged_id_answers_301(lees: TestClient) -> None:
    assert merge(lees, "ann-lee", "a-lee").status_code == 200
    response = lees.get(url("a-lee", limit=5), follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == url("ann-lee", limit=5)
    assert lees.get(url("a-lee", limit=5)).json() == get_ok(lees, url("ann-lee", limit=5))


def test_my_suggestions(backend: GraphBackend, lees: TestClient) -> None:
    add_accounts(backend, {"owner": True, "claimant": True})
    add_claims(
        backend,
        [
            claim("c1", "owner", "bo-chen", "approved"),
            claim("c2", "claimant", "ed-fox", "pending"),
        ],
    )
    accounts = accounts_service(load_settings(), backend)
    tokens = {a: accounts.create_token(a, "test")[0] for a in ("owner", "claimant")}
    with api_client(backend) as client:
        mine = client.get("/v1/me/suggestions", headers=_bearer(tokens["owner"]))
        assert mine.status_code == 200, mine.text
        assert mine.json() == get_ok(client, url("bo-chen"))
        assert mine.json()["researcher_id"] == "bo-chen"
        assert mine.json()["items"] == oracle.suggestions(facts(backend), "bo-chen")
        assert mine.json()["items"]
        none = client.get("/v1/me/suggestions", headers=_bearer(tokens["claimant"]))
        assert none.status_code == 404
        assert none.headers["content-type"].startswith(PROBLEM)
        assert "owns no researcher record" in none.json()["detail"]
        assert client.get("/v1/me/suggestions").status_code == 401


def test_my_suggestions_put_open_researchers_first(backend: GraphBackend) -> None:
    """For the owner, researchers open to collaborate come first; the public ranking stays."""
    load_corpus(backend, n_works=400)
    f = facts(backend)
    rid = next(r for r in sorted(f.researchers) if len(oracle.suggestions(f, r)) > 1)
    public = [i["id"] for i in oracle.suggestions(f, rid)]
    last = public[-1]
    add_accounts(backend, {"owner": True, "other": True})
    add_claims(
        backend, [claim("c1", "owner", rid, "approved"), claim("c2", "other", last, "approved")]
    )
    backend.write(lambda tx: tx.run("test_open_claim", id="c2", open=True))
    token = accounts_service(load_settings(), backend).create_token("owner", "test")[0]
    with api_client(backend) as client:
        ranked = client.get("/v1/me/suggestions", headers=_bearer(token)).json()["items"]
        assert ranked[0]["id"] == last and ranked[0]["open_to_collaborate"] is True
        assert ranked == oracle.suggestions(facts(backend), rid, open_first=True)
        assert [i["id"] for i in get_ok(client, url(rid))["items"]] == public


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_open_first_with_many_claims_equals_the_oracle(backend: GraphBackend) -> None:
    """Claims on half the corpus's researchers, half of those approved, most of both kinds
    open: the open flags and the open-first order equal the oracle's, for the most prolific,
    the median and ten more researchers. (Matching claims by `researcher_id` in a subquery let
    closed researchers through on the embedded engine when candidates were many: see
    tests/api/test_researchers.py.)"""
    load_corpus(backend)
    claim_half_the_researchers(backend)
    f = facts(backend)
    chosen = picks(f)[:2] + random.Random(7).sample(sorted(f.researchers), 10)
    flagged = 0
    for rid in chosen:
        for open_first in (False, True):
            found = service.suggestions(backend, rid, limit=50, min_common=1, open_first=open_first)
            assert found is not None
            got = [(i["id"], i["open_to_collaborate"]) for i in found["items"]]
            expected = oracle.suggestions(f, rid, limit=50, open_first=open_first)
            assert got == [(i["id"], i["open_to_collaborate"]) for i in expected], rid
            flagged += sum(is_open for _, is_open in got)
    assert flagged > 20

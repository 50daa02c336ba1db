"""Researcher endpoints against an independent networkx oracle, on demo and corpus data."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.names import fold
from loaders.seed import CUT_OFF
from tests.conftest import api_client, load_corpus, on_both, same_on_both
from tests.helpers import claim_half_the_researchers, graph_state
from tests.oracles import researchers as oracles
from tests.oracles.facts import Facts, facts

PROBLEM = "application/problem+json"
_EPOCH = dt.date(1, 1, 1)
CLOSE_MIN_WORKS = 2  # the default setting
HOSTILE = [
    "'",
    '"',
    "`",
    "'); MATCH (n) DETACH DELETE n //",
    "}) DETACH DELETE n //",
    "` DETACH DELETE n //",
    "\\'\\\"",
    "%00",
    "\x00",
    "\u0301",
    "$q",
    "x" * 10_000,
]


# --- the oracle -----------------------------------------------------------------------------


def picks(f: Facts) -> list[str]:
    """The most prolific researcher, a median one, and a prolific one with several aliases."""
    works = Counter(a["researcher"] for a in f.authorships)
    by_works = sorted(works, key=lambda r: (works[r], r))
    aliased = [r for r in by_works if len(set(f.researchers[r]["aliases"])) > 1]
    chosen = [by_works[-1], by_works[len(by_works) // 2]]
    if aliased:
        chosen.append(aliased[-1])
    return chosen


def get_ok(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    return response.json()


def zhi_qin(client: TestClient) -> str:
    hits = get_ok(client, "/v1/researchers?q=Zhi-Qin John Xu")["items"]
    named = [h for h in hits if h["name"] == "Zhi-Qin John Xu"]
    assert named, hits
    return str(named[0]["id"])


# --- demo data ------------------------------------------------------------------------------


@pytest.fixture
def demo_facts(demo_backend: GraphBackend) -> Facts:
    return facts(demo_backend)


@pytest.mark.parametrize("weighting", ["count", "newman"])
@pytest.mark.parametrize("since", [None, 2007, 2021])
def test_demo_collaborators_match_oracle(
    demo_client: TestClient, demo_facts: Facts, weighting: str, since: int | None
) -> None:
    rid = zhi_qin(demo_client)
    url = f"/v1/researchers/{rid}/collaborators?weighting={weighting}&limit=500"
    if since is not None:
        url += f"&since={since}"
    body = get_ok(demo_client, url)
    expected = oracles.collaborators(demo_facts, rid, weighting, since, limit=500)
    assert body["items"] == expected
    assert body["weighting"] == weighting and body["since"] == since
    if since is None:
        assert len(expected) >= 5  # Zhi-Qin John Xu has several co-authors in the demo


def test_demo_collaborator_evidence_is_newest_first(demo_client: TestClient) -> None:
    """The seed papers have no publication date, only the year of their arXiv id: the five
    shared works shown are still the newest ones, in the API and on the researcher page."""
    newest_five = ["2201.03549", "2107.03673", "2105.14573", "2105.11675", "1912.03011"]
    body = get_ok(demo_client, "/v1/researchers/yaoyu-zhang/collaborators")
    xu = next(c for c in body["items"] if c["id"] == "zhi-qin-john-xu")
    assert xu["shared_works"] == 6 and xu["last_year"] == 2022
    assert xu["work_ids"] == newest_five
    page = demo_client.get("/researchers/yaoyu-zhang")
    assert page.status_code == 200
    shared = page.text.split('aria-label="Works shared with Zhi-Qin John Xu"', 1)[1]
    shared = shared.split("</ul>", 1)[0]
    shown = re.findall(r'href="(?:#work-|/works/)([^"]+)"', shared)
    assert shown == newest_five
    assert "and 1 more" in shared


def test_demo_collaborators_limit_and_busy_researchers(
    demo_client: TestClient, demo_facts: Facts
) -> None:
    works = Counter(a["researcher"] for a in demo_facts.authorships)
    for rid, _ in works.most_common(5):
        for weighting in ("count", "newman"):
            body = get_ok(
                demo_client, f"/v1/researchers/{rid}/collaborators?weighting={weighting}&limit=3"
            )
            assert body["items"] == oracles.collaborators(demo_facts, rid, weighting, limit=3)


def test_demo_profile_and_works(demo_client: TestClient, demo_facts: Facts) -> None:
    rid = zhi_qin(demo_client)
    affiliated = demo_facts.affiliations[0]["researcher"]
    for r in (rid, affiliated):
        assert get_ok(demo_client, f"/v1/researchers/{r}") == oracles.profile(demo_facts, r)
        body = get_ok(demo_client, f"/v1/researchers/{r}/works?limit=500")
        assert body["items"] == oracles.works(demo_facts, r)
        assert body["total"] == len(body["items"])
    profile = get_ok(demo_client, f"/v1/researchers/{rid}")
    assert profile["affiliation_status"] == "affiliation not imported"
    assert profile["works_count"] >= 5
    assert get_ok(demo_client, f"/v1/researchers/{affiliated}")["affiliation_status"] == "imported"


def test_demo_reference_researcher_works_have_abstracts(demo_client: TestClient) -> None:
    """The seed papers carry the abstracts seen on the reference profile page; none of the
    reference researcher's works shows "No abstract imported" any more."""
    works = get_ok(demo_client, "/v1/researchers/zhi-qin-john-xu/works?limit=500")["items"]
    assert len(works) == 9
    assert all(w["abstract"] for w in works), [w["arxiv_id"] for w in works if not w["abstract"]]
    cut = next(w for w in works if w["arxiv_id"] == "2105.14573")
    assert cut["abstract"].endswith("can be anticipated in the near" + CUT_OFF)
    page = demo_client.get("/researchers/zhi-qin-john-xu")
    assert page.status_code == 200
    assert "No abstract imported" not in page.text
    assert "cut off where it was seen" in page.text


def test_demo_works_paging(demo_client: TestClient, demo_facts: Facts) -> None:
    rid = zhi_qin(demo_client)
    expected = oracles.works(demo_facts, rid)
    pages = [
        get_ok(demo_client, f"/v1/researchers/{rid}/works?limit=3&offset={off}")
        for off in range(0, len(expected) + 3, 3)
    ]
    assert [w for p in pages for w in p["items"]] == expected
    assert all(p["total"] == len(expected) for p in pages)
    assert pages[-1]["items"] == []


def test_demo_search_accents_and_case(demo_client: TestClient, demo_facts: Facts) -> None:
    accented = next(r for r in demo_facts.researchers.values() if r["name"] == "Péter E. Frenkel")
    for q in ("Peter", "peter e. frenkel", "PÉTER", "péter e. FRENKEL", "frenkel"):
        body = get_ok(demo_client, f"/v1/researchers?q={q}&limit=500")
        assert accented["id"] in [h["id"] for h in body["items"]], q
        assert body["items"] == oracles.search(demo_facts, q, limit=500)
    exact = get_ok(demo_client, "/v1/researchers?q=Peter E. Frenkel")["items"]
    assert exact[0]["id"] == accented["id"]
    for q in ("Zhi-Qin John Xu", "xu", "a. a.", "ö", "lee"):
        assert get_ok(demo_client, f"/v1/researchers?q={q}")["items"] == oracles.search(
            demo_facts, q
        )


def test_demo_search_finds_names_by_their_words(demo_client: TestClient, demo_facts: Facts) -> None:
    """A middle name left out, words in another order: still found, after the closer matches."""
    for q in ("zhi-qin xu", "Xu Zhi-Qin", "xu john"):
        body = get_ok(demo_client, f"/v1/researchers?q={q}&limit=500")
        assert "zhi-qin-john-xu" in [h["id"] for h in body["items"]], q
        assert body["items"] == oracles.search(demo_facts, q, limit=500)
    assert get_ok(demo_client, "/v1/researchers?q=zhi-qin nobody")["items"] == []


def test_demo_search_ranks_whole_words_then_prefixes(demo_client: TestClient) -> None:
    """The family name Xu (a whole word) before names with a word starting with "xu", before
    names with "xu" inside a word; ties by works, then name."""
    items = get_ok(demo_client, "/v1/researchers?q=xu&limit=500")["items"]
    assert [h["name"] for h in items] == [
        "Zhi-Qin John Xu",  # 9 works
        "Chuang Xu",
        "Jiehui Xu",
        "Weiyu Xu",
        "Yifan Xu",
        "Bohan Xuan",
        "Xue-Qian Li",
        "Xueyuan Chen",
        "Hanxu Zhou",
    ]
    assert items[0]["works_count"] > items[1]["works_count"]
    # a hyphen separates words: "qin" is a whole word of "Zhi-Qin", not of "Weiqin"
    items = get_ok(demo_client, "/v1/researchers?q=qin")["items"]
    assert [h["name"] for h in items] == ["Zhi-Qin John Xu", "Weiqin Zou", "Yuqing Wang"]


# --- errors and hostile input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/v1/researchers/no-such-researcher",
        "/v1/researchers/no-such-researcher/works",
        "/v1/researchers/no-such-researcher/collaborators",
        "/v1/researchers/no-such-researcher/collaborators?weighting=newman&since=2000",
    ],
)
def test_unknown_researcher_is_404(demo_client: TestClient, url: str) -> None:
    response = demo_client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?q=",
        "?q=a&limit=0",
        "?q=a&limit=501",
        "?q=a&limit=x",
        "?q=" + "a" * 201,
        "/zhi-qin-john-xu/works?limit=0",
        "/zhi-qin-john-xu/works?limit=501",
        "/zhi-qin-john-xu/works?offset=-1",
        "/zhi-qin-john-xu/works?offset=100001",
        "/zhi-qin-john-xu/collaborators?limit=0",
        "/zhi-qin-john-xu/collaborators?limit=501",
        "/zhi-qin-john-xu/collaborators?since=1899",
        "/zhi-qin-john-xu/collaborators?since=2101",
        "/zhi-qin-john-xu/collaborators?weighting=pagerank",
        "/" + "x" * 501,
    ],
)
def test_out_of_range_is_422(demo_client: TestClient, query: str) -> None:
    response = demo_client.get("/v1/researchers" + query)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["errors"]


def test_hostile_input_never_500_and_graph_unchanged(
    demo_client: TestClient, demo_backend: GraphBackend, demo_facts: Facts
) -> None:
    before = graph_state(demo_backend)
    for text in HOSTILE:
        params = {"q": text, "limit": "5"}
        response = demo_client.get("/v1/researchers", params=params)
        assert response.status_code in (200, 422), (text, response.text)
        if response.status_code == 200:
            assert response.json()["items"] == oracles.search(demo_facts, text, limit=5)
        for suffix in ("", "/works", "/collaborators"):
            response = demo_client.get(f"/v1/researchers/{_quote(text)}{suffix}")
            assert response.status_code in (404, 422), (text, suffix, response.text)
            assert response.headers["content-type"].startswith(PROBLEM)
        for name in ("limit", "offset", "since", "weighting"):
            response = demo_client.get(
                "/v1/researchers/zhi-qin-john-xu/collaborators", params={name: text}
            )
            assert response.status_code in (200, 422), (name, text)
    assert graph_state(demo_backend) == before


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def test_openapi_documents_the_endpoints(demo_client: TestClient) -> None:
    paths = get_ok(demo_client, "/openapi.json")["paths"]
    for path in (
        "/v1/researchers",
        "/v1/researchers/{researcher_id}",
        "/v1/researchers/{researcher_id}/works",
        "/v1/researchers/{researcher_id}/collaborators",
    ):
        operation = paths[path]["get"]
        assert operation["summary"]
        assert "200" in operation["responses"] and "422" in operation["responses"]
    assert "404" in paths["/v1/researchers/{researcher_id}"]["get"]["responses"]


# --- generated corpus -----------------------------------------------------------------------


@pytest.fixture
def corpus_facts(corpus_backend: GraphBackend) -> Facts:
    return facts(corpus_backend)


def test_corpus_collaborators_match_oracle(corpus_client: TestClient, corpus_facts: Facts) -> None:
    for rid in picks(corpus_facts):
        years = sorted(
            corpus_facts.works[a["work"]]["year"]
            for a in corpus_facts.authorships
            if a["researcher"] == rid
        )
        for weighting in ("count", "newman"):
            for since in (None, years[len(years) // 2]):
                url = f"/v1/researchers/{rid}/collaborators?weighting={weighting}&limit=500"
                if since is not None:
                    url += f"&since={since}"
                expected = oracles.collaborators(corpus_facts, rid, weighting, since, limit=500)
                assert get_ok(corpus_client, url)["items"] == expected, (rid, weighting, since)
            top = get_ok(
                corpus_client, f"/v1/researchers/{rid}/collaborators?weighting={weighting}"
            )
            assert top["items"] == oracles.collaborators(corpus_facts, rid, weighting)


def test_corpus_profiles_and_works(corpus_client: TestClient, corpus_facts: Facts) -> None:
    chosen = picks(corpus_facts)
    assert get_ok(corpus_client, f"/v1/researchers/{chosen[0]}")["works_count"] >= 20
    for rid in chosen:
        assert get_ok(corpus_client, f"/v1/researchers/{rid}") == oracles.profile(corpus_facts, rid)
        body = get_ok(corpus_client, f"/v1/researchers/{rid}/works?limit=500")
        assert body["items"] == oracles.works(corpus_facts, rid)
        assert body["total"] == len(body["items"])


def test_corpus_search_aliases(corpus_client: TestClient, corpus_facts: Facts) -> None:
    aliased = next(
        r
        for r in corpus_facts.researchers.values()
        if any(fold(a) != fold(r["name"]) for a in r["aliases"])
    )
    alias = next(a for a in aliased["aliases"] if fold(a) != fold(aliased["name"]))
    body = get_ok(corpus_client, f"/v1/researchers?q={alias.upper()}&limit=500")
    assert aliased["id"] in [h["id"] for h in body["items"]]
    assert body["items"] == oracles.search(corpus_facts, alias, limit=500)
    for q in ("garcia", "García", "zoe", "a. k.", "min-jun", "ingrid"):
        for limit in (5, 500):
            body = get_ok(corpus_client, f"/v1/researchers?q={q}&limit={limit}")
            assert body["items"] == oracles.search(corpus_facts, q, limit=limit), q


# --- both backends, same answers ------------------------------------------------------------


def _urls(rids: list[str], queries: list[str]) -> Iterator[str]:
    for q in queries:
        yield f"/v1/researchers?q={q}&limit=50"
    for rid in rids:
        yield f"/v1/researchers/{rid}"
        yield f"/v1/researchers/{rid}/works?limit=500"
        yield f"/v1/researchers/{rid}/works?limit=2&offset=1"
        for weighting in ("count", "newman"):
            yield f"/v1/researchers/{rid}/collaborators?weighting={weighting}&limit=500"
            yield f"/v1/researchers/{rid}/collaborators?weighting={weighting}&since=2010"
    yield "/v1/researchers/no-such-id"


@pytest.mark.parametrize("key", ["demo", "corpus-3000"])
def test_backends_give_identical_json(request: pytest.FixtureRequest, key: str) -> None:
    ladybug = on_both(request, key)[1]
    rids = picks(facts(ladybug))
    if key == "demo":
        rids.append("zhi-qin-john-xu")
    same_on_both(request, key, list(_urls(rids, ["peter", "xu", "garcia", "a. k.", "lee"])))


def test_open_only_search_keeps_exactly_the_open_researchers(backend: GraphBackend) -> None:
    """Claims on half the corpus's researchers, half of those approved, most of both kinds
    open: `open=true` answers equal the oracle's. (The embedded engine's COUNT subquery that
    matched claims by `researcher_id` let closed researchers through on large candidate sets;
    the query walks each candidate's claims.)"""
    load_corpus(backend)
    claim_half_the_researchers(backend)
    f = facts(backend)
    assert len({c["researcher_id"] for c in f.claims if c["status"] == "approved"}) > 500
    with api_client(backend) as client:
        for q in ["li", "wang", "zhang", "a", "e", "an", "m.", "kim"]:
            got = get_ok(client, f"/v1/researchers?q={q}&open=true&limit=500")["items"]
            expected = oracles.search(f, q, limit=500, open_only=True)
            assert got == expected and expected, q

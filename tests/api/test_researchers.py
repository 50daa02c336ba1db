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
from tests.conftest import on_both, same_on_both
from tests.helpers import graph_state
from tests.oracle import Facts, coauthor_graph, facts

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


def _newest_first(works: list[dict]) -> list[dict]:
    """By the best date known, newest first: the year (of v1: from the publication date, else
    from the arXiv id; no year last), then the publication date (undated last within a year),
    then arXiv id descending."""
    ordered = sorted(works, key=lambda w: w["arxiv_id"], reverse=True)
    ordered.sort(key=lambda w: -(w["published"] or _EPOCH).toordinal())
    ordered.sort(key=lambda w: -(w["year"] or 0))
    return ordered


def oracle_teams(f: Facts, rid: str) -> list[dict]:
    """The researcher's teams: their works naming each, the team's members and works."""
    g = f.graph
    items = []
    for _, team, kind in g.out_edges(("Researcher", rid), keys=True):
        if kind != "MEMBER_OF":
            continue
        works = {x["work"] for x in f.work_teams if x["team"] == team[1]}
        mine = {a["work"] for a in f.authorships if a["researcher"] == rid} & works
        members = {a["researcher"] for a in f.authorships if a["work"] in works}
        items.append(
            {
                "id": team[1],
                "name": f.teams[team[1]]["name"],
                "shared_works": len(mine),
                "size": len(members),
                "works": len(works),
            }
        )
    return sorted(items, key=lambda t: (-t["shared_works"], t["id"]))


def oracle_collaborators(
    f: Facts,
    rid: str,
    weighting: str = "count",
    since: int | None = None,
    limit: int = 20,
    scope: str = "personal",
) -> list[dict]:
    g = coauthor_graph(f, all_works=scope == "all")
    topics_of: dict[str, set[str]] = {}
    for h in f.work_topics:
        topics_of.setdefault(h["work"], set()).add(h["topic"])
    items = []
    for c in g.neighbors(rid):
        works = [f.works[w] for w in g[rid][c]["works"]]
        if since is not None:
            works = [w for w in works if w["year"] is not None and w["year"] >= since]
        if not works:
            continue
        if weighting == "newman":
            score = sum(1 / (w["authors_count"] - 1) for w in works)
        else:
            score = float(len(works))
        years = [w["year"] for w in works if w["year"] is not None]
        freq = Counter(t for w in works for t in topics_of.get(w["arxiv_id"], ()))
        items.append(
            {
                "id": c,
                "name": f.researchers[c]["name"],
                "shared_works": len(works),
                "score": round(score, 6),
                "first_year": min(years) if years else None,
                "last_year": max(years) if years else None,
                "work_ids": [w["arxiv_id"] for w in _newest_first(works)][:5],
                "shared_topics": [
                    t for t, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
                ][:5],
            }
        )
    items.sort(key=lambda i: (-i["score"], i["name"], i["id"]))
    return items[:limit]


def oracle_profile(f: Facts, rid: str) -> dict[str, Any]:
    work_ids = {a["work"] for a in f.authorships if a["researcher"] == rid}
    years = [f.works[w]["year"] for w in work_ids if f.works[w]["year"] is not None]
    topic_works = Counter(h["topic"] for h in f.work_topics if h["work"] in work_ids)
    g = coauthor_graph(f)
    close = sum(1 for c in g.neighbors(rid) if len(g[rid][c]["works"]) >= CLOSE_MIN_WORKS)
    coauthors = sum(1 for _ in g.neighbors(rid))
    institutions = sorted(
        (
            {
                "id": x["institution"],
                "name": f.institutions[x["institution"]]["name"],
                "first_year": x["first_year"],
                "last_year": x["last_year"],
                "works": x["works"],
            }
            for x in f.affiliations
            if x["researcher"] == rid
        ),
        key=lambda i: (-i["works"], i["id"]),
    )
    top = sorted(topic_works.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    r = f.researchers[rid]
    return {
        "id": rid,
        "name": r["name"],
        "aliases": r["aliases"],
        "institutions": institutions,
        "affiliation_status": "imported" if institutions else "affiliation not imported",
        "works_count": len(work_ids),
        "team_works_count": len(work_ids & f.team_works),
        "topics_count": len(topic_works),
        "coauthors_count": coauthors,
        "close_collaborators_count": close,
        "close_collaborator_min_works": CLOSE_MIN_WORKS,
        "teams": oracle_teams(f, rid),
        "top_topics": [{"id": t, "name": f.topics[t]["name"], "works": n} for t, n in top],
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
    }


def oracle_works(f: Facts, rid: str) -> list[dict]:
    works = [f.works[w] for w in {a["work"] for a in f.authorships if a["researcher"] == rid}]
    works.sort(key=lambda w: w["arxiv_id"], reverse=True)
    works.sort(key=lambda w: (w["published"] is None, -(w["published"] or _EPOCH).toordinal()))
    out = []
    for w in works:
        topics = [h for h in f.work_topics if h["work"] == w["arxiv_id"]]
        out.append(
            {
                "arxiv_id": w["arxiv_id"],
                "year": w["year"],
                "published": w["published"].isoformat() if w["published"] else None,
                "title": w["title"],
                "abstract": w["abstract"] or "",
                "categories": [
                    h["topic"]
                    for h in sorted(topics, key=lambda h: (not h["is_primary"], h["topic"]))
                ],
                "venue": w["journal_ref"] or "arXiv",
                "authors": [
                    {"id": a, "name": f.researchers[a]["name"]}
                    for a in f.authors_of(w["arxiv_id"])[:100]
                ],
                "authors_count": len(f.authors_of(w["arxiv_id"])),
                "teams": sorted(
                    (
                        {"id": x["team"], "name": f.teams[x["team"]]["name"]}
                        for x in f.work_teams
                        if x["work"] == w["arxiv_id"]
                    ),
                    key=lambda t: t["id"],
                ),
            }
        )
    return out


def oracle_search(f: Facts, q: str, limit: int = 20) -> list[dict]:
    folded = fold(q)
    words = folded.split()
    if not words:
        return []
    works = Counter(a["researcher"] for a in f.authorships)
    hits = []
    for r in f.researchers.values():
        if not all(w in r["search_text"] for w in words):
            continue
        names = [fold(r["name"]), *(fold(a) for a in r["aliases"])]
        # the names as words: hyphens are spaces, and two spaces between names so that no
        # match spans two names; " zhi qin john xu  zhi-qin xu " -> words zhi, qin, john, xu
        spaced = " " + "  ".join(n.replace("-", " ") for n in names) + " "
        rank = (
            0  # a name or alias is the query
            if folded in names
            else 1  # every query word is a whole word of a name ("zhi-qin": the words "zhi qin")
            if all(f" {w.replace('-', ' ')} " in spaced for w in words)
            else 2  # the query starts a word of a name
            if f" {folded.replace('-', ' ')}" in spaced
            else 3  # the query is inside a name
            if folded in r["search_text"]
            else 4  # the words of the query are apart
        )
        hits.append((rank, -works[r["id"]], r["name"], r["id"]))
    hits.sort()
    return [
        {
            "id": i,
            "name": f.researchers[i]["name"],
            "aliases": f.researchers[i]["aliases"],
            "works_count": -w,
        }
        for _, w, _, i in hits[:limit]
    ]


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
    expected = oracle_collaborators(demo_facts, rid, weighting, since, limit=500)
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
            assert body["items"] == oracle_collaborators(demo_facts, rid, weighting, limit=3)


def test_demo_profile_and_works(demo_client: TestClient, demo_facts: Facts) -> None:
    rid = zhi_qin(demo_client)
    affiliated = demo_facts.affiliations[0]["researcher"]
    for r in (rid, affiliated):
        assert get_ok(demo_client, f"/v1/researchers/{r}") == oracle_profile(demo_facts, r)
        body = get_ok(demo_client, f"/v1/researchers/{r}/works?limit=500")
        assert body["items"] == oracle_works(demo_facts, r)
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
    expected = oracle_works(demo_facts, rid)
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
        assert body["items"] == oracle_search(demo_facts, q, limit=500)
    exact = get_ok(demo_client, "/v1/researchers?q=Peter E. Frenkel")["items"]
    assert exact[0]["id"] == accented["id"]
    for q in ("Zhi-Qin John Xu", "xu", "a. a.", "ö", "lee"):
        assert get_ok(demo_client, f"/v1/researchers?q={q}")["items"] == oracle_search(
            demo_facts, q
        )


def test_demo_search_finds_names_by_their_words(demo_client: TestClient, demo_facts: Facts) -> None:
    """A middle name left out, words in another order: still found, after the closer matches."""
    for q in ("zhi-qin xu", "Xu Zhi-Qin", "xu john"):
        body = get_ok(demo_client, f"/v1/researchers?q={q}&limit=500")
        assert "zhi-qin-john-xu" in [h["id"] for h in body["items"]], q
        assert body["items"] == oracle_search(demo_facts, q, limit=500)
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
            assert response.json()["items"] == oracle_search(demo_facts, text, limit=5)
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
                expected = oracle_collaborators(corpus_facts, rid, weighting, since, limit=500)
                assert get_ok(corpus_client, url)["items"] == expected, (rid, weighting, since)
            top = get_ok(
                corpus_client, f"/v1/researchers/{rid}/collaborators?weighting={weighting}"
            )
            assert top["items"] == oracle_collaborators(corpus_facts, rid, weighting)


def test_corpus_profiles_and_works(corpus_client: TestClient, corpus_facts: Facts) -> None:
    chosen = picks(corpus_facts)
    assert get_ok(corpus_client, f"/v1/researchers/{chosen[0]}")["works_count"] >= 20
    for rid in chosen:
        assert get_ok(corpus_client, f"/v1/researchers/{rid}") == oracle_profile(corpus_facts, rid)
        body = get_ok(corpus_client, f"/v1/researchers/{rid}/works?limit=500")
        assert body["items"] == oracle_works(corpus_facts, rid)
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
    assert body["items"] == oracle_search(corpus_facts, alias, limit=500)
    for q in ("garcia", "García", "zoe", "a. k.", "min-jun", "ingrid"):
        for limit in (5, 500):
            body = get_ok(corpus_client, f"/v1/researchers?q={q}&limit={limit}")
            assert body["items"] == oracle_search(corpus_facts, q, limit=limit), q


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

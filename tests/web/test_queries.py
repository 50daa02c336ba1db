"""The explorer's own look-ups (most connected researchers, title search) against the oracle, on
both backends (no browser)."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.names import fold
from graphsvc.services import researchers
from graphsvc.services import works as works_service
from tests.oracles.facts import coauthor_graph, facts


def check_top_researchers(backend: GraphBackend) -> None:
    f = facts(backend)
    g = coauthor_graph(f)
    works = Counter(a["researcher"] for a in f.authorships)
    expected = sorted(
        (r for r in f.researchers if g.degree(r) > 0),
        key=lambda r: (-g.degree(r), -works[r], f.researchers[r]["name"], r),
    )[:25]
    rows = researchers.most_connected(backend, 25)
    assert [r["id"] for r in rows] == expected
    assert [(r["coauthors"], r["works"]) for r in rows] == [
        (g.degree(r), works[r]) for r in expected
    ]


def check_work_search(backend: GraphBackend) -> None:
    f = facts(backend)
    words = Counter(w for x in f.works.values() for w in set(fold(x["title"] or "").split()))
    for q in [w for w, _ in words.most_common(3)] + ["zzzz-not-a-word"]:
        hits = [w for w, x in f.works.items() if q in fold(x["title"] or "")]
        hits.sort(reverse=True)  # then arXiv id descending
        hits.sort(key=lambda w: str(f.works[w]["published"] or ""), reverse=True)
        hits.sort(key=lambda w: f.works[w]["published"] is None)  # newest first, undated last
        rows = works_service.title_search(backend, q, 30)
        assert [r["arxiv_id"] for r in rows] == hits[:30], q


def test_top_researchers_demo(demo_backend: GraphBackend) -> None:
    check_top_researchers(demo_backend)


def test_top_researchers_corpus(corpus_backend: GraphBackend) -> None:
    check_top_researchers(corpus_backend)


def test_top_researchers_teams(teams_backend: GraphBackend) -> None:
    """Rosters of 100-180 make nobody most connected: personal co-authors count."""
    check_top_researchers(teams_backend)


def test_work_search_demo(demo_backend: GraphBackend) -> None:
    check_work_search(demo_backend)


def test_work_search_corpus(corpus_backend: GraphBackend) -> None:
    check_work_search(corpus_backend)


HOSTILE = [
    "x",
    "'",
    '"',
    "\\",
    "%",
    "_",
    "*",
    "$q",
    "}) MATCH (n) DETACH DELETE n //",
    "<script>alert(1)</script>",
    "\u00e9\u0301",
    "\u202e",
    "\x00",
    "a" * 2000,
]


def test_pages_never_answer_500(demo_client: TestClient) -> None:
    """Every page answers HTML with 200 or 404 for any input, and escapes what it echoes."""
    for text in HOSTILE:
        quoted = quote(text, safe="")
        for path, ok in (
            (f"/search?q={quoted}", 200),
            (f"/researchers/{quoted}", 404),
            (f"/topics/{quoted}", 404),
            (f"/works/{quoted}", 404),
        ):
            response = demo_client.get(path)
            assert response.status_code == ok, (path, response.text[:300])
            assert response.headers["content-type"].startswith("text/html")
            assert "<script>alert" not in response.text
    for path in ("/", "/search", "/static/explorer.js", "/static/explorer.css"):
        assert demo_client.get(path).status_code == 200

"""404s: one handler for the whole app; HTML for a browser on an unknown page, problem+json for
the API; merged researcher ids still answer 301; a favicon so that pages log no 404."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from graphsvc.api import problems
from graphsvc.api.problems import NotFound
from graphsvc.db import GraphBackend
from tests.api.test_admin_auth import admin_client
from tests.api.test_merge import LEES, ingest, merge

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PROBLEM = "application/problem+json"


def test_unknown_page_is_html_for_a_browser(demo_client: TestClient) -> None:
    for path in ("/nope", "/researchers", "/nope/deeper?x=1"):
        response = demo_client.get(path, headers=BROWSER)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert "<h1>Not found</h1>" in response.text
        assert 'id="site-search"' in response.text  # the explorer's page, with its search box
        assert '"status":404' not in response.text


def test_unknown_path_is_problem_json_otherwise(demo_client: TestClient) -> None:
    for path, headers in (
        ("/nope", {}),
        ("/nope", {"Accept": "application/json"}),
        ("/nope", {"Accept": "*/*"}),
        ("/v1/nope", BROWSER),  # the API speaks problem+json, to browsers too
        ("/v1/researchers/no-such-person", BROWSER),
    ):
        response = demo_client.get(path, headers=headers)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == PROBLEM, (path, headers)
        body = response.json()
        assert body["status"] == 404 and body["title"] == "Not Found"


def test_favicon(demo_client: TestClient) -> None:
    response = demo_client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/")
    assert response.content
    home = demo_client.get("/")
    assert 'rel="icon"' in home.text and "/favicon.ico" in home.text


def test_one_404_handler_for_the_whole_app(backend: GraphBackend, tmp_path: Path) -> None:
    """NotFound and unknown paths go through problems.py's handler (routes_admin used to
    register a second NotFound handler that silently replaced it), which also redirects a
    merged researcher id, for a browser too."""
    with admin_client(backend, tmp_path) as client:
        handlers = client.app.exception_handlers  # type: ignore[attr-defined]
        assert handlers[NotFound].__module__ == problems.__name__
        ingest(backend, *LEES)
        assert merge(client, "ann-lee", "a-lee").status_code == 200
        for headers in ({}, BROWSER):
            r = client.get("/v1/researchers/a-lee/works", headers=headers, follow_redirects=False)
            assert r.status_code == 301 and r.headers["location"] == "/v1/researchers/ann-lee/works"
        r = client.get("/v1/researchers/a-lee-2", headers=BROWSER, follow_redirects=False)
        assert r.status_code == 404 and r.headers["content-type"] == PROBLEM

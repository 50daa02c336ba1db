"""The OpenAPI UI (/docs) works offline: Swagger UI is served by the app, never from a CDN."""

from __future__ import annotations

import hashlib
from typing import Any

from graphsvc.web import STATIC_DIR
from tests.web.conftest import WebApp, screenshot

VENDOR = STATIC_DIR / "vendor"
METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}


def test_docs_render_every_operation_with_no_request_off_the_app(
    page: Any, web_app: WebApp
) -> None:
    # Offline for real: anything not for the app is refused (the `page` fixture also fails the
    # test if such a request is even attempted).
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(web_app.url)
            else route.abort("internetdisconnected")
        ),
    )
    response = page.goto("/docs")
    assert response is not None and response.status == 200
    spec = page.request.get(f"{web_app.url}/openapi.json").json()
    operations = sum(1 for item in spec["paths"].values() for method in item if method in METHODS)
    page.wait_for_selector(".opblock-summary")
    assert page.locator(".opblock").count() == operations
    assert page.locator(".info .title").inner_text().startswith("graphsvc")
    assert page.locator(".opblock-summary-path", has_text="/v1/researchers/{researcher_id}").count()
    screenshot(page, "docs")


def test_docs_page_names_only_local_assets(page: Any, web_app: WebApp) -> None:
    html = page.request.get(f"{web_app.url}/docs").text()
    assert "/static/vendor/swagger-ui" in html
    assert "http://" not in html.replace(web_app.url, "") and "https://" not in html
    assert page.request.get(f"{web_app.url}/redoc").status == 404  # ReDoc is not served


def test_vendored_files_match_their_checksums() -> None:
    listed = {}
    for line in (VENDOR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        listed[name] = digest
    shipped = {p.name for p in VENDOR.iterdir() if p.suffix in (".js", ".css")}
    assert shipped == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name

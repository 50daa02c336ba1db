"""Browser-test fixtures: the app under real uvicorn on the embedded backend with the demo data,
and Debian's chromium driven by Playwright (no browser download: the machine may be offline).

`scripts/browser-deps` installs chromium and the Playwright package. Screenshots go to
`test-artifacts/web/` (gitignored).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from graphsvc.api.app import create_app
from graphsvc.db import GraphBackend
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.db.neo4j_backend import Neo4jBackend
from graphsvc.settings import Settings, load_settings
from tests.conftest import REPO, connect_neo4j, forget_neo4j_content, load_demo, load_teams
from tests.helpers import TEST_QUERIES
from tests.neo4j_server import free_port

CHROMIUM = os.environ.get("GRAPHSVC_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts" / "web"


@dataclass
class WebApp:
    """The running explorer: its base URL, the graph it serves and the settings it uses."""

    url: str
    backend: GraphBackend
    settings: Settings


@contextmanager
def serving(
    backend: GraphBackend, load: Callable[[GraphBackend], None], **overrides: Any
) -> Iterator[WebApp]:
    """uvicorn serving the app on a free local port, on `backend` after `load` filled it;
    `overrides` are settings (links in mail point at the app's own URL)."""
    backend.apply_schema()
    load(backend)
    port = free_port()
    settings = load_settings(graphsvc_public_url=f"http://127.0.0.1:{port}", **overrides)
    config = uvicorn.Config(
        create_app(settings, backend=backend), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="web-app", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    try:
        yield WebApp(f"http://127.0.0.1:{port}", backend, settings)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        backend.close()


def on_neo4j(request: pytest.FixtureRequest) -> Neo4jBackend:
    """An emptied graph on the session's Neo4j through a connection of its own (`serving`
    closes it); the read-only fixtures that share the database reload after."""
    backend = connect_neo4j(request.getfixturevalue("neo4j_server"))
    backend.write(lambda tx: tx.run("admin_delete_all"))
    forget_neo4j_content()
    return backend


def _embedded(tmp_path_factory: pytest.TempPathFactory, name: str) -> LadybugBackend:
    return LadybugBackend(
        tmp_path_factory.mktemp(name) / "graph.lbdb", timeout_s=60.0, extra_queries=TEST_QUERIES
    )


@pytest.fixture(scope="session")
def web_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebApp]:
    """The app on an embedded graph holding the demo."""
    with serving(_embedded(tmp_path_factory, "web"), load_demo) as app:
        yield app


@pytest.fixture(scope="session")
def teams_web_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebApp]:
    """The app on an embedded graph holding the team corpus (ATLAS, CMS, LIGO rosters)."""
    with serving(_embedded(tmp_path_factory, "web-teams"), load_teams) as app:
        yield app


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright; fails with a hint if either is missing."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no browser at {CHROMIUM}: run scripts/browser-deps")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: run scripts/browser-deps")
    with sync_playwright() as p:
        handle = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield handle
        handle.close()


@contextmanager
def open_tab(browser: Any, app: WebApp, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A page in a new browser context; fails if the page asks for anything off the app or
    throws a JavaScript error."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=app.url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    foreign: list[str] = []
    errors: list[str] = []
    tab.on(
        "request",
        lambda req: None if req.url.startswith(app.url) else foreign.append(req.url),
    )
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield tab
    finally:
        context.close()
    assert not foreign, f"requests off the app (the explorer must work offline): {foreign}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def page(browser: Any, web_app: WebApp) -> Iterator[Any]:
    """A fresh browser page on the demo app."""
    with open_tab(browser, web_app) as tab:
        yield tab


def screenshot(tab: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under test-artifacts/web/ (not committed)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    return path

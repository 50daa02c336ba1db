"""The FastAPI application: one backend per process, opened at start-up, closed at shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import graphsvc
from graphsvc import web
from graphsvc.api import problems, routes_graph, routes_health, routes_researchers, routes_topics
from graphsvc.api.deps import AppState
from graphsvc.db import GraphBackend, open_backend
from graphsvc.settings import Settings, load_settings


def create_app(settings: Settings | None = None, backend: GraphBackend | None = None) -> FastAPI:
    """Build the app. A given `backend` is used as is and left open (tests share one)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        config = settings or load_settings()
        owned = backend is None
        handle = backend or open_backend(config)
        if owned:
            handle.apply_schema()
        app.state.graphsvc = AppState(settings=config, backend=handle)
        try:
            yield
        finally:
            if owned:
                handle.close()

    app = FastAPI(
        title="graphsvc",
        version=graphsvc.__version__,
        summary="A researcher knowledge graph built from arXiv, served through stored Cypher.",
        lifespan=lifespan,
    )
    problems.install(app)
    app.include_router(routes_health.router)
    app.include_router(routes_researchers.router)
    app.include_router(routes_graph.router)
    app.include_router(routes_topics.router)
    app.include_router(routes_topics.works_router)
    web.install(app)  # the explorer pages and /static
    return app

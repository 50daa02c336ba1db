"""The FastAPI application: one backend per process, opened at start-up, closed at shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import graphsvc
from graphsvc import web
from graphsvc.api import (
    problems,
    routes_admin,
    routes_graph,
    routes_health,
    routes_researchers,
    routes_topics,
)
from graphsvc.api.deps import AppState
from graphsvc.api.limits import BodyLimit
from graphsvc.db import GraphBackend, open_backend
from graphsvc.services.jobs import JobManager
from graphsvc.settings import Settings, load_settings


def create_app(settings: Settings | None = None, backend: GraphBackend | None = None) -> FastAPI:
    """Build the app. A given `backend` is used as is and left open (tests share one).

    Write endpoints (ingest, merge, split) exist only when admin tokens are configured.
    """
    config = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = backend is None
        handle = backend or open_backend(config)
        if owned:
            handle.apply_schema()
        app.state.graphsvc = AppState(settings=config, backend=handle)
        app.state.jobs = JobManager(handle, config.graphsvc_data_dir / "uploads")
        app.state.jobs.clean_stale_uploads()
        try:
            yield
        finally:
            app.state.jobs.shutdown()  # ingest jobs write through `handle`: stop them first
            if owned:
                handle.close()

    app = FastAPI(
        title="graphsvc",
        version=graphsvc.__version__,
        summary="A researcher knowledge graph built from arXiv, served through stored Cypher.",
        lifespan=lifespan,
    )
    problems.install(app, html_not_found=web.unknown_page)  # every 404, merged-id 301s
    app.include_router(routes_health.router)
    app.include_router(routes_researchers.router)
    app.include_router(routes_graph.router)
    app.include_router(routes_topics.router)
    app.include_router(routes_topics.works_router)
    if config.graphsvc_admin_tokens:
        app.include_router(routes_admin.router)
    app.add_middleware(
        BodyLimit,
        max_body=config.graphsvc_max_body_bytes,
        max_upload=config.graphsvc_max_upload_bytes,
        upload_paths=frozenset({routes_admin.INGEST_PATH}),
    )
    if config.graphsvc_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.graphsvc_cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    web.install(app)  # the explorer pages and /static
    return app

"""The FastAPI application: one backend per process, opened at start-up, closed at shutdown."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

import graphsvc
from graphsvc import web
from graphsvc.api import (
    problems,
    routes_admin,
    routes_auth,
    routes_claims,
    routes_claims_admin,
    routes_collaboration,
    routes_follows,
    routes_graph,
    routes_health,
    routes_invitations,
    routes_me,
    routes_paths,
    routes_researchers,
    routes_suggestions,
    routes_teams,
    routes_topics,
    routes_works,
)
from graphsvc.api.deps import AppState
from graphsvc.api.limits import BodyLimit
from graphsvc.clients.mail import mailer
from graphsvc.clients.orcid import OrcidClient
from graphsvc.db import GraphBackend, open_backend
from graphsvc.jobs import JobManager
from graphsvc.services.accounts import Accounts, Policy
from graphsvc.services.claims import Claims
from graphsvc.services.invitations import Invitations
from graphsvc.services.passwords import Passwords
from graphsvc.services.throttle import Throttle
from graphsvc.settings import Settings, load_settings


def create_app(settings: Settings | None = None, backend: GraphBackend | None = None) -> FastAPI:
    """Build the app. A given `backend` is used as is and left open (tests share one).

    Write endpoints (ingest, merge, split) exist only when admin tokens are configured.
    """
    config = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = config.graphsvc_request_threads
        owned = backend is None
        handle = backend or open_backend(config)
        if owned:
            handle.apply_schema()
        app.state.graphsvc = AppState(settings=config, backend=handle)
        app.state.jobs = JobManager(
            handle,
            config.graphsvc_data_dir / "uploads",
            team_min_authors=config.graphsvc_team_min_authors,
            name_rarity=config.graphsvc_identity_name_rarity,
            max_line_bytes=config.graphsvc_max_line_bytes,
            max_decompressed_bytes=config.graphsvc_max_decompressed_bytes,
            max_skipped=config.graphsvc_max_skipped_items,
        )
        app.state.jobs.clean_stale_uploads()
        app.state.accounts = accounts_service(config, handle)
        # Tests mount a replaying transport adapter on `app.state.orcid.session`.
        app.state.orcid = OrcidClient(base_url=config.graphsvc_orcid_api_url)
        app.state.claims = Claims(handle, app.state.orcid)
        app.state.invitations = Invitations(
            handle,
            app.state.accounts.mailer,
            config.graphsvc_public_url.rstrip("/"),
            per_day=config.graphsvc_invitations_per_day,
            cooldown_s=config.graphsvc_invitation_cooldown_s,
        )
        # What start-up made lives as long as the app: frozen out of the cyclic collector's
        # scans. Full collections over it took 70 to 90 ms every few hundred large answers (the
        # p99 of the heaviest slices; none in 1,200 since, bench/RESULTS.md). Unfrozen at
        # shutdown, when it may go.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            app.state.jobs.shutdown()  # ingest jobs write through `handle`: stop them first
            if owned:
                handle.close()

    app = FastAPI(
        title="graphsvc",
        version=graphsvc.__version__,
        summary="A researcher knowledge graph built from arXiv, served through stored Cypher.",
        lifespan=lifespan,
        docs_url=None,  # served below from the app's own copy of Swagger UI (no CDN)
        redoc_url=None,
    )
    problems.install(app, html_not_found=web.unknown_page)  # every 404, merged-id 301s
    app.include_router(routes_health.router)
    app.include_router(routes_researchers.router)
    app.include_router(routes_graph.router)
    app.include_router(routes_paths.router)
    app.include_router(routes_topics.router)
    app.include_router(routes_teams.router)
    app.include_router(routes_works.router)
    app.include_router(routes_auth.router)
    app.include_router(routes_me.router)
    app.include_router(routes_claims.router)
    app.include_router(routes_claims_admin.router)
    app.include_router(routes_follows.router)
    app.include_router(routes_collaboration.router)
    app.include_router(routes_invitations.router)
    app.include_router(routes_suggestions.router)
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
    install_docs(app)
    return app


def accounts_service(config: Settings, backend: GraphBackend) -> Accounts:
    """The account operations with the mailer, throttle and expiries the settings give."""
    smtp = config.graphsvc_smtp_url.get_secret_value() if config.graphsvc_smtp_url else None
    return Accounts(
        backend,
        mailer(smtp, config.graphsvc_mail_from),
        Throttle(backend, config.graphsvc_signin_per_account, config.graphsvc_signin_per_address),
        Policy(
            session_idle_s=config.graphsvc_session_idle_s,
            session_absolute_s=config.graphsvc_session_absolute_s,
            verify_ttl_s=config.graphsvc_verify_link_ttl_s,
            reset_ttl_s=config.graphsvc_reset_link_ttl_s,
            public_url=config.graphsvc_public_url.rstrip("/"),
        ),
        hasher=Passwords(config.graphsvc_password_memory_kib, config.graphsvc_password_time_cost),
    )


SWAGGER_UI = "/static/vendor/swagger-ui"
SWAGGER_UI_VERSION = "5.35.0"  # graphsvc/web/static/vendor/README.md


def install_docs(app: FastAPI) -> None:
    """The OpenAPI UI at /docs, with Swagger UI's files served by the app (works offline)."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} · API",
            swagger_js_url=f"{SWAGGER_UI}-bundle-{SWAGGER_UI_VERSION}.js",
            swagger_css_url=f"{SWAGGER_UI}-{SWAGGER_UI_VERSION}.css",
            swagger_favicon_url="/favicon.ico",
            swagger_ui_parameters={"validatorUrl": None},  # no badge from validator.swagger.io
        )

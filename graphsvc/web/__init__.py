"""The research-graph explorer: server-rendered HTML pages with a little JavaScript.

The pages are rendered from the same services as the `/v1` API; the graph drawings (Cytoscape.js,
vendored under `static/vendor/`) fetch their data from the `/v1` API. No build step, no CDN.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from graphsvc.web import routes_account, routes_invitations, routes_people, routes_review
from graphsvc.web.forms import FormRefused
from graphsvc.web.routes import STATIC_DIR, router, unknown_page

__all__ = ["STATIC_DIR", "install", "router", "unknown_page"]


def install(app: FastAPI) -> None:
    """Serve the explorer pages and their static files (`/static`) from `app`."""
    app.include_router(routes_account.router)
    app.include_router(routes_people.router)
    app.include_router(routes_review.router)
    app.include_router(routes_invitations.router)
    app.include_router(router)

    @app.exception_handler(FormRefused)
    async def _refused(request: Request, _: FormRefused) -> Response:
        return routes_account.message(
            request, "Form expired", "This form has expired: go back, reload and try again.", 403
        )

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

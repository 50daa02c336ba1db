"""Errors as RFC 9457 `application/problem+json`, never a bare 500."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from graphsvc.db import DatabaseUnavailable, GraphError
from graphsvc.services import merge as merge_service
from graphsvc.services.accounts import AccountError, Throttled
from graphsvc.services.claims import ClaimError
from graphsvc.services.collaboration import CollaborationError

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
RETRY_AFTER_S = 5
API_PREFIX = "/v1/"
RESEARCHERS = "/v1/researchers/"
THROTTLED_RETRY_S = 60


class Problem(BaseModel):
    """An error answer (RFC 9457)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[dict[str, Any]] | None = None


class NotFound(Exception):
    """The thing named in the path does not exist."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


T = TypeVar("T")


def found(value: T | None, missing: str) -> T:
    """`value`; a 404 saying `missing` when a service found nothing (None)."""
    if value is None:
        raise NotFound(missing)
    return value


def unknown_researcher(researcher_id: str) -> str:
    """The 404 detail for a researcher id the graph does not hold."""
    return f"no researcher with id {researcher_id!r}"


def problem(status: int, title: str, detail: str | None = None, **extra: Any) -> JSONResponse:
    body = Problem(title=title, status=status, detail=detail, **extra)
    headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 503 else None
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM, headers=headers
    )


def install(app: FastAPI, html_not_found: Callable[[Request], Response] | None = None) -> None:
    """Register the handlers that turn every failure into problem+json.

    All 404s (a `NotFound` from a route, an unknown path) go through one handler: a merged
    researcher id answers 301 to the kept one; an unknown page outside the API answers
    `html_not_found(request)` to a browser (`Accept: text/html`); anything else problem+json.
    """

    async def _not_found(request: Request, detail: str) -> Response:
        target = await _merged_redirect(request)
        if target is not None:
            return RedirectResponse(target, status_code=301)
        if html_not_found is not None and _wants_html(request):
            return html_not_found(request)
        return problem(404, "Not Found", detail)

    @app.exception_handler(NotFound)
    async def _unknown_id(request: Request, exc: NotFound) -> Response:
        return await _not_found(request, exc.what)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()
        ]
        return problem(422, "Unprocessable Content", "invalid request parameters", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:  # an unknown path (or static file)
            return await _not_found(request, str(exc.detail))
        response = problem(exc.status_code, _title(exc.status_code), str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(AccountError)
    async def _account(_: Request, exc: AccountError) -> JSONResponse:
        return problem(400, "Bad Request", str(exc))

    @app.exception_handler(ClaimError)
    async def _claim(_: Request, exc: ClaimError) -> JSONResponse:
        return problem(exc.status, _title(exc.status), exc.message)

    @app.exception_handler(CollaborationError)
    async def _collaboration(_: Request, exc: CollaborationError) -> JSONResponse:
        response = problem(exc.status, _title(exc.status), exc.message)
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        return response

    @app.exception_handler(Throttled)
    async def _throttled(_: Request, exc: Throttled) -> JSONResponse:
        response = problem(429, "Too Many Requests", "too many attempts: try again later")
        response.headers["Retry-After"] = str(THROTTLED_RETRY_S)
        return response

    @app.exception_handler(DatabaseUnavailable)
    async def _unavailable(_: Request, exc: DatabaseUnavailable) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return problem(503, "Service Unavailable", "the graph database is not reachable")

    @app.exception_handler(GraphError)
    async def _graph(_: Request, exc: GraphError) -> JSONResponse:
        log.error("graph query failed: %s", exc)
        return problem(503, "Service Unavailable", "the graph database could not answer")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return problem(500, "Internal Server Error", "unexpected error; it has been logged")


def _wants_html(request: Request) -> bool:
    """A browser asking for a page: HTML accepted, and a path outside the JSON API."""
    accept = request.headers.get("accept", "").lower()
    return "text/html" in accept and not request.url.path.startswith(API_PREFIX)


async def _merged_redirect(request: Request) -> str | None:
    """Where a read of a merged researcher id (`/v1/researchers/{id}...`) should go, if it is
    one. Runs only for a 404, so only for an id that no longer exists."""
    researcher_id = request.path_params.get("researcher_id")
    path: str = request.scope.get("path", "")
    if request.method not in ("GET", "HEAD") or not isinstance(researcher_id, str):
        return None
    if not path.startswith(RESEARCHERS + researcher_id):
        return None
    try:
        backend = request.app.state.graphsvc.backend
        into = await run_in_threadpool(merge_service.merged_into, backend, researcher_id)
    except Exception:  # a failed lookup must not turn a 404 into a 500
        log.warning("merged-id lookup failed for %r", researcher_id, exc_info=True)
        return None
    if into is None or into == researcher_id:
        return None
    rest = path[len(RESEARCHERS + researcher_id) :]
    location = request.scope.get("root_path", "") + RESEARCHERS + quote(into, safe="")
    location += quote(rest, safe="/")
    if request.url.query:
        location += "?" + request.url.query
    return location


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Not found", "content": {PROBLEM: {}}},
    422: {"model": Problem, "description": "Invalid parameters", "content": {PROBLEM: {}}},
    503: {"model": Problem, "description": "Database unavailable", "content": {PROBLEM: {}}},
    400: {"model": Problem, "description": "Not possible as asked", "content": {PROBLEM: {}}},
    401: {"model": Problem, "description": "Not signed in", "content": {PROBLEM: {}}},
    403: {"model": Problem, "description": "CSRF token missing or wrong", "content": {PROBLEM: {}}},
    409: {
        "model": Problem,
        "description": "Conflicts with the current state",
        "content": {PROBLEM: {}},
    },
    429: {"model": Problem, "description": "Too many attempts", "content": {PROBLEM: {}}},
}
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    code: PROBLEM_RESPONSES[code] for code in (422, 503)
}
"""The documented errors of a read endpoint: bad parameters, database unavailable."""
LOOKUP_ERRORS: dict[int | str, dict[str, Any]] = {
    code: PROBLEM_RESPONSES[code] for code in (404, 422, 503)
}
"""The documented errors of a read endpoint that looks something up by id."""
ACCOUNT_ERRORS: dict[int | str, dict[str, Any]] = {
    code: PROBLEM_RESPONSES[code] for code in (400, 401, 403, 404, 422, 429, 503)
}
"""The documented errors of an account endpoint."""

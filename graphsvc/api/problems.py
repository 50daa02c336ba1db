"""Errors as RFC 9457 `application/problem+json`, never a bare 500."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from graphsvc.db import DatabaseUnavailable, GraphError

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
RETRY_AFTER_S = 5


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


def problem(status: int, title: str, detail: str | None = None, **extra: Any) -> JSONResponse:
    body = Problem(title=title, status=status, detail=detail, **extra)
    headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 503 else None
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM, headers=headers
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into problem+json."""

    @app.exception_handler(NotFound)
    async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
        return problem(404, "Not Found", exc.what)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()
        ]
        return problem(422, "Unprocessable Content", "invalid request parameters", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = problem(exc.status_code, _title(exc.status_code), str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
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
}
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    code: PROBLEM_RESPONSES[code] for code in (422, 503)
}
"""The documented errors of a read endpoint: bad parameters, database unavailable."""
LOOKUP_ERRORS: dict[int | str, dict[str, Any]] = {
    code: PROBLEM_RESPONSES[code] for code in (404, 422, 503)
}
"""The documented errors of a read endpoint that looks something up by id."""

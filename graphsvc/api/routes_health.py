"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from graphsvc.api.deps import State
from graphsvc.api.problems import PROBLEM_RESPONSES

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    backend: str = Field(description='The configured backend: "ladybug" or "neo4j".')


@router.get("/healthz", response_model=Health, summary="The process is up")
def healthz(state: State) -> Health:
    """Names the configured backend (as `/readyz` does) without asking the database."""
    return Health(status="ok", backend=state.backend.dialect)


@router.get(
    "/readyz",
    response_model=Health,
    summary="The database answers",
    responses={503: PROBLEM_RESPONSES[503]},
)
async def readyz(state: State) -> Health:
    await run_in_threadpool(state.backend.ping)
    return Health(status="ready", backend=state.backend.dialect)

"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from graphsvc.api.deps import State
from graphsvc.api.problems import PROBLEM_RESPONSES

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    backend: str | None = None


@router.get("/healthz", response_model=Health, summary="The process is up")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    summary="The database answers",
    responses={503: PROBLEM_RESPONSES[503]},
)
async def readyz(state: State) -> Health:
    await run_in_threadpool(state.backend.ping)
    return Health(status="ready", backend=state.backend.dialect)

"""Routes: the shortest co-authorship path between two researchers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import Backend
from graphsvc.api.models_paths import CoauthorPath
from graphsvc.api.problems import LOOKUP_ERRORS, NotFound, unknown_researcher
from graphsvc.services import paths as service

router = APIRouter(prefix="/v1", tags=["paths"])


@router.get(
    "/paths",
    response_model=CoauthorPath,
    summary="The shortest co-authorship path between two researchers",
    responses=LOOKUP_ERRORS,
)
async def get_path(
    backend: Backend,
    start: Annotated[
        str, Query(alias="from", min_length=1, max_length=500, examples=["zhi-qin-john-xu"])
    ],
    end: Annotated[str, Query(alias="to", min_length=1, max_length=500, examples=["tao-luo"])],
    max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
) -> CoauthorPath:
    """Hops go through shared works. Of several shortest paths, the one with the
    lexicographically smallest sequence of researcher ids; each hop shows the newest shared
    work (then the smallest arXiv id). No path within `max_hops`: `found` false."""
    try:
        data = await run_in_threadpool(service.shortest_path, backend, start, end, max_hops)
    except service.UnknownResearcher as err:
        raise NotFound(unknown_researcher(err.researcher_id)) from err
    return CoauthorPath.model_validate(data)

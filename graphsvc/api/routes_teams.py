"""Routes: teams (collaborations named in author lists)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import Backend
from graphsvc.api.models_teams import Team
from graphsvc.api.problems import LOOKUP_ERRORS, found
from graphsvc.services import teams as service

router = APIRouter(prefix="/v1", tags=["teams"])


@router.get(
    "/teams/{team_id}",
    response_model=Team,
    summary="A team: its spellings, size, top members and newest works",
    responses=LOOKUP_ERRORS,
)
async def get_team(
    backend: Backend,
    team_id: Annotated[
        str,
        Path(min_length=1, max_length=300, examples=["babar-collaboration"]),
    ],
    limit: Annotated[int, Query(ge=1, le=500, description="Items per list.")] = 20,
) -> Team:
    """Teams come from author lists ("The ATLAS Collaboration"); their works' authors are its
    members."""
    data = found(
        await run_in_threadpool(service.team, backend, team_id, limit),
        f"no team with id {team_id!r}",
    )
    return Team.model_validate(data)

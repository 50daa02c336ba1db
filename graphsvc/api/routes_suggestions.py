"""Routes: suggested collaborators of a researcher, and of the signed-in account's record."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from graphsvc.api import sessions
from graphsvc.api.deps import Backend
from graphsvc.api.models_suggestions import RANKING, Suggestions
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import ACCOUNT_ERRORS, LOOKUP_ERRORS, NotFound, found, unknown_researcher
from graphsvc.services import suggestions as service

router = APIRouter(prefix="/v1", tags=["suggestions"])
Limit = Annotated[int, Query(ge=1, le=100, description="How many suggestions.")]
MinCommon = Annotated[
    int, Query(ge=1, le=50, description="Fewest common personal co-authors a suggestion has.")
]


@router.get(
    "/researchers/{researcher_id}/suggestions",
    response_model=Suggestions,
    summary="Suggested collaborators: researchers not written with yet, ranked",
    responses=LOOKUP_ERRORS,
    description=RANKING,
)
async def get_suggestions(
    backend: Backend, researcher_id: ResearcherId, limit: Limit = 10, min_common: MinCommon = 1
) -> Suggestions:
    data = found(
        await run_in_threadpool(
            lambda: service.suggestions(backend, researcher_id, limit=limit, min_common=min_common)
        ),
        unknown_researcher(researcher_id),
    )
    return Suggestions.model_validate(data)


@router.get(
    "/me/suggestions",
    response_model=Suggestions,
    summary="Suggested collaborators for the researcher record I own",
    responses=ACCOUNT_ERRORS,
    description="The same ranking for the record of the account's approved claim, researchers "
    "open to collaborate first. " + RANKING,
)
async def my_suggestions(
    backend: Backend, account: sessions.SignedIn, limit: Limit = 10, min_common: MinCommon = 1
) -> Suggestions:
    def owned_suggestions() -> dict[str, Any] | None:
        researcher_id = service.owned_record(backend, account["id"])
        if researcher_id is None:
            return None
        return service.suggestions(
            backend, researcher_id, limit=limit, min_common=min_common, open_first=True
        )

    data = await run_in_threadpool(owned_suggestions)
    if data is None:
        raise NotFound(
            "your account owns no researcher record: claim yours, and once the claim is "
            "approved its suggestions are here"
        )
    return Suggestions.model_validate(data)

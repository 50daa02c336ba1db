"""Routes: researcher search, profile, works and collaborators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool

from graphsvc.api import sessions
from graphsvc.api.deps import Backend, State
from graphsvc.api.models_researchers import (
    Collaborators,
    ResearcherProfile,
    ResearcherSearch,
    ResearcherWorks,
    Scope,
    TrustSnapshot,
    Weighting,
)
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import LOOKUP_ERRORS, READ_ERRORS, NotFound, found, unknown_researcher
from graphsvc.services import researcher_search, researcher_trust
from graphsvc.services import researchers as service

router = APIRouter(prefix="/v1", tags=["researchers"])


@router.get(
    "/researchers",
    response_model=ResearcherSearch,
    summary="Search researchers by name or alias (accent- and case-insensitive)",
    responses=READ_ERRORS,
)
async def search_researchers(
    backend: Backend,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Part of a name (may be empty with open=true).",
            examples=["xu"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    open: Annotated[
        bool, Query(description="Only researchers open to collaborate (README: invitations).")
    ] = False,
) -> ResearcherSearch:
    """Every word of the query must appear in the researcher's names or aliases (accent- and
    case-insensitive). Ranked in five tiers:

    1. exact: a name or alias is the query;
    2. whole words: every word of the query is a word of a name or alias (words are separated
       by spaces and hyphens: `xu` finds "Zhi-Qin John Xu", `qin` finds "Zhi-Qin");
    3. word prefix: the query starts a word of a name or alias (`xu` finds "Bohan Xuan");
    4. inside: the query is inside a name or alias (`xu` finds "Hanxu Zhou");
    5. apart: the query's words appear apart (`zhi-qin xu` finds "Zhi-Qin John Xu").

    Ties by number of works (descending), then name, then id. With `open=true`, only
    researchers open to collaborate; an empty `q` then lists them all, most works first."""
    if not q and not open:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", "q"),
                    "msg": "a query is required (or open=true)",
                    "type": "missing",
                }
            ]
        )
    data = await run_in_threadpool(researcher_search.search, backend, q, limit, open)
    return ResearcherSearch.model_validate(data)


@router.get(
    "/researchers/{researcher_id}",
    response_model=ResearcherProfile,
    summary="A researcher's profile",
    responses=LOOKUP_ERRORS,
)
async def get_researcher(
    state: State, researcher_id: ResearcherId, account: sessions.Viewer
) -> ResearcherProfile:
    """Names, institutions, counts, close collaborators and main topics, with the trust score
    and tier, the verification level (details and formula: `/trust`) and the followers (with
    whether the signed-in account follows)."""
    min_works = state.settings.graphsvc_close_collaborator_min_works
    viewer_id = account["id"] if account else ""
    data = found(
        await run_in_threadpool(
            service.profile, state.backend, researcher_id, min_works, viewer_id
        ),
        unknown_researcher(researcher_id),
    )
    return ResearcherProfile.model_validate(data)


@router.get(
    "/researchers/{researcher_id}/trust",
    response_model=TrustSnapshot,
    summary="A researcher's trust score and verification level",
    responses=LOOKUP_ERRORS,
)
async def get_researcher_trust(state: State, researcher_id: ResearcherId) -> TrustSnapshot:
    """Trust 0-100 from what the graph holds, as the sum of saturating components (each
    non-decreasing in its signal): works (18 points), years active from the first to the last
    year of the works (8), personal co-authors (8), close collaborators sharing at least
    `GRAPHSVC_CLOSE_COLLABORATOR_MIN_WORKS` personal works (10), topics (6), each
    `max * min(1, ln(1 + n) / ln(1 + cap))` with caps 1000, 50, 1000, 100 and 50; the
    verification level (L1 0, L2 10, L3 20); an approved claim (10); followers (20, cap 1000).
    Rounded half up. Tiers: 0-19 New, 20-39 Emerging, 40-59 Established, 60-79 Trusted,
    80-100 Highly trusted.

    Verification: L1 an author record resolved from arXiv, not confirmed; L2 an approved claim
    links it to an account with a verified email; L3 the claim's ORCID iD was checked and its
    public record lists at least one of the record's arXiv works."""
    min_works = state.settings.graphsvc_close_collaborator_min_works
    data = found(
        await run_in_threadpool(researcher_trust.snapshot, state.backend, researcher_id, min_works),
        unknown_researcher(researcher_id),
    )
    return TrustSnapshot.model_validate(data)


@router.get(
    "/researchers/{researcher_id}/works",
    response_model=ResearcherWorks,
    summary="A researcher's works, newest first",
    responses=LOOKUP_ERRORS,
)
async def get_researcher_works(
    backend: Backend,
    researcher_id: ResearcherId,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> ResearcherWorks:
    """Ordered by publication date (undated last), then arXiv id descending."""
    data = found(
        await run_in_threadpool(service.works, backend, researcher_id, limit, offset),
        unknown_researcher(researcher_id),
    )
    return ResearcherWorks.model_validate(data)


@router.get(
    "/researchers/{researcher_id}/collaborators",
    response_model=Collaborators,
    summary="A researcher's co-authors, ranked",
    responses=LOOKUP_ERRORS,
)
async def get_collaborators(
    backend: Backend,
    researcher_id: ResearcherId,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    weighting: Annotated[
        Weighting,
        Query(description="count: shared works; newman: each shared work adds 1/(n-1)."),
    ] = "count",
    since: Annotated[
        int | None, Query(ge=1900, le=2100, description="Only shared works of this year or later.")
    ] = None,
    scope: Annotated[
        Scope,
        Query(
            description="personal: works that are not team works (the teams are listed apart); "
            "all: every work, exact per-person counts over team rosters too."
        ),
    ] = "personal",
) -> Collaborators:
    """Ranked by score (descending), then name and id. A team work (a team named on it, or
    more authors than `GRAPHSVC_TEAM_MIN_AUTHORS`) makes nobody a personal co-author: its
    teams appear once each in `teams`."""
    data = await run_in_threadpool(
        lambda: service.collaborators(
            backend, researcher_id, limit=limit, weighting=weighting, since=since, scope=scope
        )
    )
    if data is None:
        raise NotFound(unknown_researcher(researcher_id))
    return Collaborators.model_validate(data)

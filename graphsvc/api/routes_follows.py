"""Routes: follow researchers, my following list, my feed (JSON, and Atom at a private URL)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from graphsvc.api import sessions
from graphsvc.api.deps import Backend, State
from graphsvc.api.models_follows import Feed, FeedUrl, Following, FollowState
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import ACCOUNT_ERRORS, LOOKUP_ERRORS, NotFound, found, unknown_researcher
from graphsvc.services import follows as service

router = APIRouter(prefix="/v1", tags=["follows"])
ATOM_TYPE = "application/atom+xml; charset=utf-8"
FeedToken = Annotated[str, Path(min_length=1, max_length=200, description="The feed's token.")]


@router.get(
    "/researchers/{researcher_id}/followers",
    response_model=FollowState,
    responses=LOOKUP_ERRORS,
    summary="How many follow a researcher, and whether I do",
)
def followers(
    backend: Backend, researcher_id: ResearcherId, account: sessions.Viewer
) -> FollowState:
    target = service.live_id(backend, researcher_id)
    if target is None:
        raise NotFound(unknown_researcher(researcher_id))
    return FollowState.model_validate(
        service.follower_state(backend, target, account["id"] if account else None)
    )


@router.put(
    "/researchers/{researcher_id}/follow",
    response_model=FollowState,
    responses=ACCOUNT_ERRORS,
    summary="Follow a researcher",
)
def follow(
    backend: Backend, researcher_id: ResearcherId, account: sessions.SignedIn
) -> FollowState:
    """Idempotent. A merged id follows the record it was merged into."""
    return _follow(backend, researcher_id, account["id"], True)


@router.delete(
    "/researchers/{researcher_id}/follow",
    response_model=FollowState,
    responses=ACCOUNT_ERRORS,
    summary="Stop following a researcher",
)
def unfollow(
    backend: Backend, researcher_id: ResearcherId, account: sessions.SignedIn
) -> FollowState:
    return _follow(backend, researcher_id, account["id"], False)


def _follow(backend: Backend, researcher_id: str, account_id: str, on: bool) -> FollowState:
    data = found(
        service.follow(backend, account_id, researcher_id, on), unknown_researcher(researcher_id)
    )
    return FollowState.model_validate(data)


@router.get(
    "/me/following",
    response_model=Following,
    responses=ACCOUNT_ERRORS,
    summary="The researchers I follow",
)
def following(backend: Backend, account: sessions.SignedIn) -> Following:
    return Following.model_validate(service.following(backend, account["id"]))


@router.get(
    "/me/feed",
    response_model=Feed,
    responses=ACCOUNT_ERRORS,
    summary="Works of the researchers I follow, newest first",
)
def feed(
    backend: Backend,
    account: sessions.SignedIn,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Feed:
    return Feed.model_validate(service.feed(backend, account["id"], offset, limit))


@router.post(
    "/me/feed-url",
    status_code=201,
    response_model=FeedUrl,
    responses=ACCOUNT_ERRORS,
    summary="A new private Atom feed URL (the previous one stops working)",
)
def new_feed_url(state: State, account: sessions.SignedIn) -> FeedUrl:
    url = service.new_feed_url(state.backend, account["id"], _public(state))
    return FeedUrl(url=url)


@router.delete(
    "/me/feed-url", status_code=204, responses=ACCOUNT_ERRORS, summary="Revoke my private feed URL"
)
def revoke_feed_url(backend: Backend, account: sessions.SignedIn) -> Response:
    service.revoke_feed_url(backend, account["id"])
    return Response(status_code=204)


@router.get(
    "/feeds/{token}",
    response_class=Response,
    responses=LOOKUP_ERRORS,
    summary="A private Atom feed (the URL from POST /v1/me/feed-url)",
)
def atom_feed(state: State, token: FeedToken) -> Response:
    body = service.atom_feed(state.backend, token, _public(state))
    if body is None:
        raise NotFound("no such feed (it may have been revoked)")
    return Response(body, media_type=ATOM_TYPE, headers={"Cache-Control": "private, max-age=300"})


def _public(state: State) -> str:
    return state.settings.graphsvc_public_url.rstrip("/")

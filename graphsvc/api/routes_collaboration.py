"""Routes: open to collaborate (`/v1/me/collaboration`) and a topic's open researchers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graphsvc.api import sessions
from graphsvc.api.deps import Backend
from graphsvc.api.models_invitations import (
    CollaborationRequest,
    MyCollaboration,
    OpenResearchers,
)
from graphsvc.api.problems import ACCOUNT_ERRORS, LOOKUP_ERRORS, NotFound
from graphsvc.api.routes_topics import TopicId
from graphsvc.services import collaboration as service
from graphsvc.services import topics

router = APIRouter(prefix="/v1", tags=["collaboration"])


@router.get(
    "/me/collaboration",
    response_model=MyCollaboration,
    responses=ACCOUNT_ERRORS,
    summary="Whether my researcher record is open to collaborate",
)
def my_collaboration(backend: Backend, account: sessions.SignedIn) -> MyCollaboration:
    """400 when the account owns no record (no approved claim)."""
    return MyCollaboration.model_validate(service.mine(backend, account["id"]))


@router.put(
    "/me/collaboration",
    response_model=MyCollaboration,
    responses=ACCOUNT_ERRORS,
    summary="Open or close my researcher record to collaboration",
)
def set_collaboration(
    backend: Backend, account: sessions.SignedIn, body: CollaborationRequest
) -> MyCollaboration:
    """Only the owner of a claimed record (approved claim); a note of at most 500 characters
    and at most 10 topics (topic ids the graph holds). Shown on the profile while open."""
    data = service.set_mine(backend, account["id"], body.open, body.note, body.topics)
    return MyCollaboration.model_validate(data)


@router.get(
    "/topics/{topic_id}/open-researchers",
    response_model=OpenResearchers,
    responses=LOOKUP_ERRORS,
    summary="Researchers open to collaborate in a topic",
)
def open_researchers(
    backend: Backend, topic_id: TopicId, limit: Annotated[int, Query(ge=1, le=100)] = 20
) -> OpenResearchers:
    """Owners open to collaborate who chose the topic or have works in it: those who chose it
    first, then by their works in it (descending), then name and id."""
    if topics.profile(backend, topic_id) is None:
        raise NotFound(f"no topic with id {topic_id!r}")
    items = service.in_topic(backend, topic_id, limit)
    return OpenResearchers.model_validate({"topic_id": topic_id, "items": items})

"""Routes: invitations to collaborate and their threads (README: Open to collaborate and
invitations).

Only the two parties reach an invitation: any other account's invitation id answers 404,
exactly like an unknown one.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from graphsvc.api import sessions
from graphsvc.api.models_invitations import InvitationList, InvitationRequest, ReplyRequest, Thread
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import (
    ACCOUNT_ERRORS,
    PROBLEM_RESPONSES,
    NotFound,
    found,
    unknown_researcher,
)
from graphsvc.services.invitations import Draft, Invitations

router = APIRouter(prefix="/v1", tags=["invitations"])
InvitationId = Annotated[str, Path(min_length=1, max_length=100, description="An invitation's id.")]
UNKNOWN = "you have no invitation with that id"
CONFLICT_ERRORS = {**ACCOUNT_ERRORS, 409: PROBLEM_RESPONSES[409]}


def invitations_of(request: Request) -> Invitations:
    service: Invitations = request.app.state.invitations
    return service


def _thread(data: dict | None) -> Thread:
    if data is None:
        raise NotFound(UNKNOWN)
    return Thread.model_validate(data)


@router.post(
    "/researchers/{researcher_id}/invitations",
    status_code=201,
    response_model=Thread,
    responses=ACCOUNT_ERRORS,
    summary="Invite a researcher to collaborate",
)
def invite(
    request: Request,
    account: sessions.SignedIn,
    researcher_id: ResearcherId,
    body: InvitationRequest,
) -> Thread:
    """From the owner of a claimed record to the owner of another that is open to collaborate;
    the recipient is told by mail. Refused (400) when I own no record, the researcher has not
    claimed theirs or is not open, it is my own, or the researcher is not accepting invitations
    from me (after a decline, and also after a block: the two read the same). 429 with
    Retry-After past `GRAPHSVC_INVITATIONS_PER_DAY` in 24 hours or within
    `GRAPHSVC_INVITATION_COOLDOWN_S` of my last invitation to the same account."""
    draft = Draft(subject=body.subject, message=body.message, works=body.works, topics=body.topics)
    data = found(
        invitations_of(request).send(account, researcher_id, draft),
        unknown_researcher(researcher_id),
    )
    return Thread.model_validate(data)


@router.get(
    "/me/invitations",
    response_model=InvitationList,
    responses=ACCOUNT_ERRORS,
    summary="My received (inbox) or sent invitations",
)
def my_invitations(
    request: Request,
    account: sessions.SignedIn,
    box: Literal["inbox", "sent"] = "inbox",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> InvitationList:
    """Newest first. A blocked invitation reads "declined" in the sender's list."""
    items = invitations_of(request).box(account["id"], box == "inbox", limit)
    return InvitationList.model_validate({"box": box, "items": items})


@router.get(
    "/me/invitations/{invitation_id}",
    response_model=Thread,
    responses=ACCOUNT_ERRORS,
    summary="An invitation and its replies",
)
def invitation_thread(
    request: Request, account: sessions.SignedIn, invitation_id: InvitationId
) -> Thread:
    """Both parties' contact emails are shown once accepted."""
    return _thread(invitations_of(request).thread(account["id"], invitation_id))


@router.post(
    "/me/invitations/{invitation_id}/accept",
    response_model=Thread,
    responses=CONFLICT_ERRORS,
    summary="Accept an invitation: it becomes a conversation",
)
def accept(request: Request, account: sessions.SignedIn, invitation_id: InvitationId) -> Thread:
    return _thread(invitations_of(request).accept(account["id"], invitation_id))


@router.post(
    "/me/invitations/{invitation_id}/decline",
    response_model=Thread,
    responses=CONFLICT_ERRORS,
    summary="Decline an invitation (or end an accepted conversation)",
)
def decline(request: Request, account: sessions.SignedIn, invitation_id: InvitationId) -> Thread:
    """The sender cannot invite me again."""
    return _thread(invitations_of(request).decline(account["id"], invitation_id))


@router.post(
    "/me/invitations/{invitation_id}/block",
    response_model=Thread,
    responses=ACCOUNT_ERRORS,
    summary="Block the sender",
)
def block(request: Request, account: sessions.SignedIn, invitation_id: InvitationId) -> Thread:
    """Their invitations to me read "blocked" (to them: "declined"), they cannot invite me
    again, and no thread between us takes replies."""
    return _thread(invitations_of(request).block(account["id"], invitation_id))


@router.post(
    "/me/invitations/{invitation_id}/replies",
    status_code=201,
    response_model=Thread,
    responses=ACCOUNT_ERRORS,
    summary="Reply in an accepted invitation's thread",
)
def reply(
    request: Request, account: sessions.SignedIn, invitation_id: InvitationId, body: ReplyRequest
) -> Thread:
    """Plain text (at most 5,000 characters), stored as given; the other party is told by
    mail."""
    return _thread(invitations_of(request).reply(account["id"], invitation_id, body.text))

"""Direct collaboration pages: inviting a researcher (from their page), my inbox and sent
invitations, and one invitation's thread (accept, decline, block, reply). Only the two parties
see a thread; anyone else gets the not-found page, as for an unknown id."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from graphsvc.api import sessions
from graphsvc.api.deps import State
from graphsvc.services.collaboration import CollaborationError
from graphsvc.services.invitations import Draft, Invitations, Limited
from graphsvc.web.forms import checked_form, form_session, keep, see_other
from graphsvc.web.routes import not_found, page, researcher_profile

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
ANSWERS = ("accept", "decline", "block")


def invitations_of(request: Request) -> Invitations:
    service: Invitations = request.app.state.invitations
    return service


def _signed_in(request: Request) -> dict[str, Any] | None:
    session = sessions.session_of(request)
    return session.account if session else None


def _thread_url(invitation_id: str) -> str:
    return "/account/invitations/" + quote(invitation_id, safe="")


@router.get("/researchers/{researcher_id}/invite")
def invite_page(request: Request, state: State, researcher_id: str) -> Response:
    back = "/researchers/" + quote(researcher_id, safe="")
    if _signed_in(request) is None:
        return see_other(f"/signin?next={back}/invite")
    return _invite_form(request, state, researcher_id)


@router.post("/researchers/{researcher_id}/invite")
async def invite(request: Request, state: State, researcher_id: str) -> Response:
    fields = await checked_form(request)
    account = await run_in_threadpool(_signed_in, request)
    if account is None:
        return see_other("/signin")
    draft = Draft(
        subject=fields.get("subject", "")[:150],
        message=fields.get("message", "")[:5000],
        works=[],
        topics=[],
    )
    try:
        sent = await run_in_threadpool(invitations_of(request).send, account, researcher_id, draft)
    except CollaborationError as err:
        status = 429 if isinstance(err, Limited) else 400
        return await run_in_threadpool(
            _invite_form, request, state, researcher_id, str(err), status, draft
        )
    if sent is None:
        return not_found(request, "researcher with id", researcher_id)
    return see_other(_thread_url(sent["id"]))


def _invite_form(
    request: Request,
    state: State,
    researcher_id: str,
    error: str = "",
    status_code: int = 200,
    draft: Draft | None = None,
) -> Response:
    profile = researcher_profile(state, researcher_id)
    if profile is None:
        return not_found(request, "researcher with id", researcher_id)
    form = form_session(request)
    response = page(
        request,
        "invite.html",
        status_code=status_code,
        title=f"Invite {profile['name']}",
        profile=profile,
        csrf=form.session.csrf,
        error=error,
        subject=draft.subject if draft else "",
        message=draft.message if draft else "",
    )
    return keep(request, response, form)


@router.get("/account/invitations")
def inbox(request: Request) -> Response:
    account = _signed_in(request)
    if account is None:
        return see_other("/signin?next=/account/invitations")
    service = invitations_of(request)
    return page(
        request,
        "inbox.html",
        title="Invitations",
        inbox=service.box(account["id"], True, 100),
        sent=service.box(account["id"], False, 100),
    )


@router.get("/account/invitations/{invitation_id}")
def thread(request: Request, invitation_id: str, error: str = "") -> Response:
    account = _signed_in(request)
    if account is None:
        return see_other(f"/signin?next={_thread_url(invitation_id)}")
    found = invitations_of(request).thread(account["id"], invitation_id[:100])
    if found is None:
        return not_found(request, "invitation with id", invitation_id)
    return page(request, "thread.html", title=found["subject"], thread=found, error=error)


@router.post("/account/invitations/{invitation_id}/{action}")
async def act(request: Request, invitation_id: str, action: str) -> Response:
    fields = await checked_form(request)
    account = await run_in_threadpool(_signed_in, request)
    if account is None:
        return see_other("/signin")
    service = invitations_of(request)
    try:
        if action in ANSWERS:
            done = await run_in_threadpool(
                getattr(service, action), account["id"], invitation_id[:100]
            )
        elif action == "reply":
            done = await run_in_threadpool(
                service.reply, account["id"], invitation_id[:100], fields.get("text", "")[:5000]
            )
        else:
            done = None
    except CollaborationError as err:
        shown = await run_in_threadpool(service.thread, account["id"], invitation_id[:100])
        if shown is None:
            return not_found(request, "invitation with id", invitation_id)
        status = 429 if isinstance(err, Limited) else 400
        return page(
            request,
            "thread.html",
            status_code=status,
            title=shown["subject"],
            thread=shown,
            error=str(err),
        )
    if done is None:
        return not_found(request, "invitation with id", invitation_id)
    return see_other(_thread_url(invitation_id))

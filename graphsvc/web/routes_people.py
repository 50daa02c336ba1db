"""The researcher page's actions for signed-in people: follow and unfollow, and claim the
record (a form with the evidence); the claim goes to the administrators' review queue."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from graphsvc.api import sessions
from graphsvc.api.deps import Backend, State
from graphsvc.services import follows as follow_service
from graphsvc.services import researchers as researcher_service
from graphsvc.services.claims import ClaimError, Claims, Evidence
from graphsvc.web.forms import checked_form, form_session, keep, see_other
from graphsvc.web.routes import WORKS_SHOWN, not_found, page, researcher_profile

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def researcher_url(researcher_id: str) -> str:
    return "/researchers/" + quote(researcher_id, safe="")


@router.post("/researchers/{researcher_id}/follow")
async def follow(request: Request, backend: Backend, researcher_id: str) -> Response:
    fields = await checked_form(request)
    session = await sessions.current_session(request)
    if session is None or session.account is None:
        return see_other(f"/signin?next={researcher_url(researcher_id)}")
    done = await run_in_threadpool(
        follow_service.follow,
        backend,
        session.account["id"],
        researcher_id,
        fields.get("follow") != "0",
    )
    if done is None:
        return not_found(request, "researcher with id", researcher_id)
    return see_other(researcher_url(done["researcher"]))


@router.get("/researchers/{researcher_id}/claim")
def claim_page(request: Request, state: State, researcher_id: str) -> Response:
    """The claim form: the record's works to tick, an ORCID iD, a homepage, a note."""
    session = sessions.session_of(request)
    if session is None or session.account is None:
        return see_other(f"/signin?next={researcher_url(researcher_id)}/claim")
    return _claim_form(request, state, researcher_id, session.account)


@router.post("/researchers/{researcher_id}/claim")
async def claim(request: Request, state: State, researcher_id: str) -> Response:
    form = await request.form()
    fields = await checked_form(request)
    session = await sessions.current_session(request)
    if session is None or session.account is None:
        return see_other(f"/signin?next={researcher_url(researcher_id)}/claim")
    evidence = Evidence(
        works=[w for w in form.getlist("works") if isinstance(w, str)],
        orcid=fields.get("orcid", "").strip() or None,
        homepage=fields.get("homepage", "").strip() or None,
        note=fields.get("note", "")[:2000],
    )
    claims: Claims = request.app.state.claims
    try:
        row = await run_in_threadpool(claims.submit, session.account, researcher_id, evidence)
    except ClaimError as err:
        return await run_in_threadpool(
            _claim_form, request, state, researcher_id, session.account, err.message, 400
        )
    if row is None:
        return not_found(request, "researcher with id", researcher_id)
    return see_other(researcher_url(row["researcher_id"]))


def _claim_form(
    request: Request,
    state: State,
    researcher_id: str,
    account: dict[str, Any],
    error: str = "",
    status_code: int = 200,
) -> Response:
    profile = researcher_profile(state, researcher_id)
    if profile is None:
        return not_found(request, "researcher with id", researcher_id)
    works = researcher_service.works(state.backend, researcher_id, WORKS_SHOWN, 0)
    form = form_session(request)
    response = page(
        request,
        "claim.html",
        status_code=status_code,
        title=f"Claim {profile['name']}",
        profile=profile,
        works=(works or {"items": []})["items"],
        account=account,
        csrf=form.session.csrf,
        error=error,
    )
    return keep(request, response, form)

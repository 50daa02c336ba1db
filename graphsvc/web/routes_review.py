"""The administrators' claim review page: pending claims with their evidence, the ORCID check
and competing claims, each with approve and reject buttons. Only for a signed-in account with
`is_admin` (others get the not-found page: the page does not exist for them)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from graphsvc.api import sessions
from graphsvc.services.claims import ClaimError, Claims
from graphsvc.web.forms import checked_form, see_other
from graphsvc.web.routes import not_found, page

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _is_admin(request: Request) -> bool | None:
    """True for an administrator, False for another account, None when signed out."""
    session = sessions.session_of(request)
    if session is None or session.account is None:
        return None
    return bool(session.account["is_admin"])


@router.get("/admin/claims")
def review_page(request: Request, error: str = "") -> Response:
    admin = _is_admin(request)
    if admin is None:
        return see_other("/signin?next=/admin/claims")
    if not admin:
        return not_found(request, "page at", request.url.path)
    claims: Claims = request.app.state.claims
    return page(
        request,
        "review.html",
        title="Claims to review",
        claims=claims.queue("pending"),
        error=error[:200],
    )


@router.post("/admin/claims/{claim_id}/{decision}")
async def review(request: Request, claim_id: str, decision: str) -> Response:
    fields = await checked_form(request)
    if not await run_in_threadpool(_is_admin, request) or decision not in ("approve", "reject"):
        return not_found(request, "page at", request.url.path)
    claims: Claims = request.app.state.claims
    act = claims.approve if decision == "approve" else claims.reject
    try:
        done = await run_in_threadpool(act, claim_id, fields.get("note", "")[:2000])
    except ClaimError as err:
        return page(
            request,
            "review.html",
            status_code=err.status,
            title="Claims to review",
            claims=claims.queue("pending"),
            error=err.message,
        )
    if done is None:
        return not_found(request, "claim with id", claim_id)
    return see_other("/admin/claims")

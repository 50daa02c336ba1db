"""Routes: claiming a researcher record, and my claims (`/v1/me/claims`).

Only the signed-in account's own claims are reachable: another account's claim id answers 404,
exactly like an unknown one.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from graphsvc.api import sessions
from graphsvc.api.models_claims import Claim, ClaimRequest, Claims
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import ACCOUNT_ERRORS, found, unknown_researcher
from graphsvc.services.claims import Claims as ClaimService
from graphsvc.services.claims import Evidence

router = APIRouter(prefix="/v1", tags=["claims"])
ClaimId = Annotated[str, Path(min_length=1, max_length=100, description="A claim's id.")]


def claims_of(request: Request) -> ClaimService:
    service: ClaimService = request.app.state.claims
    return service


def claim_model(row: dict[str, Any]) -> dict[str, Any]:
    """A stored claim as the API shows it: empty optional fields as null."""
    out = dict(row)
    for key in ("orcid", "homepage", "orcid_check", "orcid_detail", "review_note"):
        out[key] = row.get(key) or None
    out["reviewed_at"] = row.get("reviewed_at") or None
    out["works"] = list(row.get("works") or [])
    out["note"] = row.get("note") or ""
    return out


@router.post(
    "/researchers/{researcher_id}/claims",
    status_code=201,
    response_model=Claim,
    responses=ACCOUNT_ERRORS,
    summary="Claim a researcher record as mine",
)
def claim_researcher(
    request: Request, account: sessions.SignedIn, researcher_id: ResearcherId, body: ClaimRequest
) -> Claim:
    """Needs a verified email. Name the record's works that are yours; an ORCID iD is checked
    against the record's works (`orcid_check`). An account holds one pending or approved claim
    at a time; teams cannot be claimed; a merged id's claim goes to the record it merged into.
    An administrator reviews the claim."""
    evidence = Evidence(works=body.works, orcid=body.orcid, homepage=body.homepage, note=body.note)
    row = found(
        claims_of(request).submit(account, researcher_id, evidence),
        unknown_researcher(researcher_id),
    )
    return Claim.model_validate(claim_model(row))


@router.get("/me/claims", response_model=Claims, responses=ACCOUNT_ERRORS, summary="My claims")
def my_claims(request: Request, account: sessions.SignedIn) -> Claims:
    """Newest first, whatever their status."""
    rows = claims_of(request).mine(account["id"])
    return Claims(items=[Claim.model_validate(claim_model(r)) for r in rows])


@router.delete(
    "/me/claims/{claim_id}",
    response_model=Claim,
    responses=ACCOUNT_ERRORS,
    summary="Release (or withdraw) my claim",
)
def release_claim(request: Request, account: sessions.SignedIn, claim_id: ClaimId) -> Claim:
    """A pending or approved claim becomes "released": the record has no owner any more."""
    service = claims_of(request)
    # The same answer for another account's claim and an unknown id.
    row = found(
        service.release(account["id"], claim_id),
        "you have no pending or approved claim with that id",
    )
    return Claim.model_validate(claim_model(row))

"""Routes: the claims review queue, for administrators (the admin bearer token, or a
signed-in account with `is_admin`; `graphsvc admin grant EMAIL`). Others: 401 or 403."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from graphsvc.api.auth import require_reviewer
from graphsvc.api.models_claims import ClaimForReview, ClaimQueue, Review, Status
from graphsvc.api.problems import ACCOUNT_ERRORS, PROBLEM, NotFound, Problem
from graphsvc.api.routes_claims import ClaimId, claim_model, claims_of

router = APIRouter(
    prefix="/v1/admin/claims", tags=["admin"], dependencies=[Depends(require_reviewer)]
)
ERRORS: dict[int | str, dict[str, Any]] = {
    **ACCOUNT_ERRORS,
    409: {
        "model": Problem,
        "description": "Not pending, or the record has an owner",
        "content": {PROBLEM: {}},
    },
}


def review_model(row: dict[str, Any]) -> ClaimForReview:
    return ClaimForReview.model_validate(
        {
            **claim_model(row),
            "account": {"display_name": row.get("display_name"), "email": row.get("email")},
            "works_count": row.get("works_count") or 0,
            "competing": row.get("competing", []),
        }
    )


@router.get("", response_model=ClaimQueue, responses=ERRORS, summary="Claims to review")
def claim_queue(request: Request, status: Annotated[Status, Query()] = "pending") -> ClaimQueue:
    """Oldest first, with the claimant's name and email, the record's name and works count,
    the evidence, the ORCID check, and the other live claims on the same record."""
    return ClaimQueue(items=[review_model(r) for r in claims_of(request).queue(status)])


@router.post(
    "/{claim_id}/approve",
    response_model=ClaimForReview,
    responses=ERRORS,
    summary="Approve a claim: its account owns the record",
)
def approve_claim(
    request: Request, claim_id: ClaimId, body: Review | None = None
) -> ClaimForReview:
    """Refused (409) while another claim on the record is approved: a record has one owner."""
    return _reviewed(request, claim_id, approve=True, note=body.note if body else "")


@router.post(
    "/{claim_id}/reject", response_model=ClaimForReview, responses=ERRORS, summary="Reject a claim"
)
def reject_claim(request: Request, claim_id: ClaimId, body: Review | None = None) -> ClaimForReview:
    return _reviewed(request, claim_id, approve=False, note=body.note if body else "")


def _reviewed(request: Request, claim_id: str, approve: bool, note: str) -> ClaimForReview:
    service = claims_of(request)
    row = service.approve(claim_id, note) if approve else service.reject(claim_id, note)
    if row is None:
        raise NotFound("no claim with that id")
    return review_model({**row, "competing": service.competing(row)})

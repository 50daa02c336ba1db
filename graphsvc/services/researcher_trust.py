"""A researcher's trust snapshot and verification level, read from the graph as plain data.

The signals come from three stored reads: the record's counts and years (`researcher_profile`),
its close collaborators (`collaborators_close_count`) and its followers and claims
(`researcher_trust_claims`); the profile, which makes the first two anyway, passes its rows to
`signals_of`, so the works and co-authorships are walked once. The level and the score are
computed by the pure functions of `graphsvc.services.trust`.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from graphsvc.db import Reader
from graphsvc.services.trust import (
    LEVEL_LABELS,
    ClaimState,
    TrustSignals,
    trust_snapshot,
    verification_level,
    years_active,
)

Data = dict[str, Any]


def signals(db: Reader, researcher_id: str, close_min_works: int) -> TrustSignals | None:
    """The record's trust signals, or None if the researcher is unknown."""
    found = db.read("researcher_profile", id=researcher_id)
    claims = db.read("researcher_trust_claims", id=researcher_id)
    if not found or not claims:
        return None
    close = db.read("collaborators_close_count", id=researcher_id, min_works=close_min_works)
    return signals_of(found[0], close[0]["n"] if close else 0, claims)


def signals_of(record: Data, close_collaborators: int, claims: list[Data]) -> TrustSignals:
    """The signals from a `researcher_profile` row, the close-collaborator count and the
    `researcher_trust_claims` rows (at least one)."""
    level = verification_level(
        ClaimState(r["claim_status"], r["orcid_check"], bool(r["account_verified"]))
        for r in claims
        if r["claim_id"] is not None
    )
    return TrustSignals(
        works=record["works_count"] or 0,
        years_active=years_active(record["first_year"], record["last_year"]),
        collaborators=record["coauthors_count"] or 0,
        close_collaborators=close_collaborators,
        topics=record["topics_count"] or 0,
        verification_level=level,
        claimed=level > 1,
        followers=claims[0]["followers"] or 0,
    )


def verification(level: int) -> Data:
    """A level with its label: `{"level": "L1", "label": ...}`."""
    return {"level": f"L{level}", "label": LEVEL_LABELS[level]}


def snapshot(db: Reader, researcher_id: str, close_min_works: int) -> Data | None:
    """The full snapshot (score, tier, verification, components), or None if unknown."""
    found = signals(db, researcher_id, close_min_works)
    if found is None:
        return None
    shot = trust_snapshot(found)
    return {
        "researcher_id": researcher_id,
        "score": shot.score,
        "tier": shot.tier,
        "verification": verification(found.verification_level),
        "components": [{**asdict(c), "points": round(c.points, 2)} for c in shot.components],
    }


def summary(found: TrustSignals) -> Data:
    """What the profile shows: `{"trust": {score, tier}, "verification": {level, label}}`."""
    shot = trust_snapshot(found)
    return {
        "trust": {"score": shot.score, "tier": shot.tier},
        "verification": verification(found.verification_level),
    }

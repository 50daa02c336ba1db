"""A researcher's trust snapshot and verification level, read from the graph as plain data.

The signals come from one stored query (`researcher_trust_signals`); the level and the score
are computed by the pure functions of `graphsvc.services.trust`.
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
    rows = db.read("researcher_trust_signals", id=researcher_id, min_works=close_min_works)
    if not rows:
        return None
    row = rows[0]
    level = verification_level(
        ClaimState(r["claim_status"], r["orcid_check"], bool(r["account_verified"]))
        for r in rows
        if r["claim_id"] is not None
    )
    return TrustSignals(
        works=row["works"] or 0,
        years_active=years_active(row["first_year"], row["last_year"]),
        collaborators=row["collaborators"] or 0,
        close_collaborators=row["close_collaborators"] or 0,
        topics=row["topics"] or 0,
        verification_level=level,
        claimed=level > 1,
        followers=row["followers"] or 0,
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


def summary(db: Reader, researcher_id: str, close_min_works: int) -> Data | None:
    """What the profile shows: `{"trust": {score, tier}, "verification": {level, label}}`."""
    found = signals(db, researcher_id, close_min_works)
    if found is None:
        return None
    shot = trust_snapshot(found)
    return {
        "trust": {"score": shot.score, "tier": shot.tier},
        "verification": verification(found.verification_level),
    }

"""Verification levels and the trust snapshot: pure functions of signals the graph holds.

The score (0-100) is the sum of eight components, each a saturating, monotone non-decreasing
function of one signal, rounded half up to an integer (README: Verification and trust):

| component | signal | points |
|---|---|---|
| works | works | 18 * g(n, 1000) |
| years_active | last year - first year + 1 (0 undated) | 8 * g(n, 50) |
| collaborators | distinct personal co-authors | 8 * g(n, 1000) |
| close_collaborators | personal co-authors with >= min shared works | 10 * g(n, 100) |
| topics | topics of the works | 6 * g(n, 50) |
| verification | level 1, 2 or 3 | 0, 10, 20 |
| claim | claimed (1) or not (0) | 0, 10 |
| followers | accounts following the record | 20 * g(n, 1000) |

with g(n, cap) = min(1, ln(1 + n) / ln(1 + cap)).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

L1, L2, L3 = 1, 2, 3
LEVEL_LABELS = {
    L1: "Resolved from arXiv, not confirmed",
    L2: "Claimed by an account with a verified email",
    L3: "Claimed, ORCID record lists its works",
}
# Lowest score of each tier, highest first.
TIERS = ((80, "Highly trusted"), (60, "Trusted"), (40, "Established"), (20, "Emerging"), (0, "New"))
# (name, maximum points, signal at which the points saturate) of the log-scaled components.
LOG_COMPONENTS = (
    ("works", 18.0, 1000),
    ("years_active", 8.0, 50),
    ("collaborators", 8.0, 1000),
    ("close_collaborators", 10.0, 100),
    ("topics", 6.0, 50),
)
VERIFICATION_POINTS = {L1: 0.0, L2: 10.0, L3: 20.0}
CLAIM_POINTS = 10.0
FOLLOWERS = ("followers", 20.0, 1000)


@dataclass(frozen=True)
class ClaimState:
    """What the level needs of one claim: its status, its ORCID check, and whether its account
    exists with a verified email (False when the account was deleted)."""

    status: str | None
    orcid_check: str | None
    account_verified: bool


@dataclass(frozen=True)
class TrustSignals:
    """The signals of one researcher record."""

    works: int
    years_active: int
    collaborators: int
    close_collaborators: int
    topics: int
    verification_level: int
    claimed: bool
    followers: int


@dataclass(frozen=True)
class Component:
    """One part of the score: the signal's value, the points it earns and the most it can."""

    name: str
    signal: int
    points: float
    max_points: float


@dataclass(frozen=True)
class TrustSnapshot:
    """The score, its tier and the components that sum to it (before rounding)."""

    score: int
    tier: str
    components: list[Component]


def claim_level(claim: ClaimState) -> int:
    """L3 for an approved claim with a verified ORCID check, L2 for another approved claim,
    L1 otherwise; an approved claim counts only while its account has a verified email."""
    if claim.status != "approved" or not claim.account_verified:
        return L1
    return L3 if claim.orcid_check == "verified" else L2


def verification_level(claims: Iterable[ClaimState]) -> int:
    """The record's level: the best of its claims' levels (L1 with none)."""
    return max((claim_level(c) for c in claims), default=L1)


def years_active(first_year: int | None, last_year: int | None) -> int:
    """Years from the first to the last year of the works, both counted; 0 when undated."""
    if first_year is None or last_year is None:
        return 0
    return last_year - first_year + 1


def saturating(value: int, cap: int) -> float:
    """ln(1 + value) / ln(1 + cap), 0 for value <= 0 and 1 from `cap` on."""
    if value <= 0:
        return 0.0
    return min(1.0, math.log1p(value) / math.log1p(cap))


def tier(score: int) -> str:
    """The named tier of a score."""
    return next(name for low, name in TIERS if score >= low)


def trust_snapshot(signals: TrustSignals) -> TrustSnapshot:
    """The score of `signals` with its tier and components."""
    components = [_logged(signals, name, most, cap) for name, most, cap in LOG_COMPONENTS]
    level = signals.verification_level
    components.append(
        Component("verification", level, VERIFICATION_POINTS[level], VERIFICATION_POINTS[L3])
    )
    claimed = int(signals.claimed)
    components.append(Component("claim", claimed, CLAIM_POINTS * claimed, CLAIM_POINTS))
    components.append(_logged(signals, *FOLLOWERS))
    total = sum(c.points for c in components)
    score = max(0, min(100, math.floor(total + 0.5)))
    return TrustSnapshot(score=score, tier=tier(score), components=components)


def _logged(signals: TrustSignals, name: str, most: float, cap: int) -> Component:
    value: int = getattr(signals, name)
    return Component(name, value, most * saturating(value, cap), most)

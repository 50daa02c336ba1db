"""The trust snapshot recomputed from the raw facts, with the formula as README.md states it
(re-implemented here: graphsvc.services.trust is never called)."""

from __future__ import annotations

import math
from typing import Any

from tests.oracles.facts import Facts, coauthor_graph

CLOSE_MIN_WORKS = 2  # the default setting
# README "Verification and trust": (component, points at saturation, signal that saturates).
LOGGED = {
    "works": (18, 1000),
    "years_active": (8, 50),
    "collaborators": (8, 1000),
    "close_collaborators": (10, 100),
    "topics": (6, 50),
    "followers": (20, 1000),
}
ORDER = [
    "works",
    "years_active",
    "collaborators",
    "close_collaborators",
    "topics",
    "verification",
    "claim",
    "followers",
]
LEVEL_POINTS = {1: 0, 2: 10, 3: 20}
CLAIM_POINTS = 10
LABELS = {
    1: "Resolved from arXiv, not confirmed",
    2: "Claimed by an account with a verified email",
    3: "Claimed, ORCID record lists its works",
}


def level(f: Facts, rid: str) -> int:
    """L3/L2 for an approved claim on the record whose account still exists with a verified
    email (L3 when its ORCID check is "verified"), else L1."""
    best = 1
    for c in f.claims:
        account = f.accounts.get(c["account_id"])
        if c["researcher_id"] != rid or c["status"] != "approved" or account is None:
            continue
        if account["email_verified"] is True:
            best = max(best, 3 if c["orcid_check"] == "verified" else 2)
    return best


def signals(f: Facts, rid: str, close_min_works: int = CLOSE_MIN_WORKS) -> dict[str, int]:
    """Every signal from the dumps: authorships, works, topics, the co-author graph, follows."""
    mine = {a["work"] for a in f.authorships if a["researcher"] == rid}
    years = sorted(f.works[w]["year"] for w in mine if f.works[w]["year"] is not None)
    g = coauthor_graph(f)
    shared = [len(g[rid][c]["works"]) for c in g.neighbors(rid)]
    lvl = level(f, rid)
    return {
        "works": len(mine),
        "years_active": years[-1] - years[0] + 1 if years else 0,
        "collaborators": len(shared),
        "close_collaborators": sum(1 for n in shared if n >= close_min_works),
        "topics": len({h["topic"] for h in f.work_topics if h["work"] in mine}),
        "verification": lvl,
        "claim": 1 if lvl >= 2 else 0,
        "followers": sum(1 for x in f.follows if x["researcher"] == rid),
    }


def points(name: str, value: int) -> float:
    """A component's points for its signal, as documented."""
    if name == "verification":
        return float(LEVEL_POINTS[value])
    if name == "claim":
        return float(CLAIM_POINTS * value)
    most, cap = LOGGED[name]
    if value >= cap:
        return float(most)
    return most * math.log(1 + value) / math.log(1 + cap)


def score(sig: dict[str, int]) -> tuple[int, float]:
    """The rounded score (half up) and the exact sum."""
    total = sum(points(n, sig[n]) for n in ORDER)
    return math.floor(total + 0.5), total


def tier(value: int) -> str:
    for low, name in ((0, "New"), (20, "Emerging"), (40, "Established"), (60, "Trusted")):
        if value < low + 20:
            return name
    return "Highly trusted"


def snapshot(f: Facts, rid: str) -> dict[str, Any]:
    """What `/v1/researchers/{rid}/trust` must answer (points rounded to 2 decimals)."""
    sig = signals(f, rid)
    value, _ = score(sig)
    maxima = {
        n: points(n, 10**9 if n in LOGGED else (3 if n == "verification" else 1)) for n in ORDER
    }
    return {
        "researcher_id": rid,
        "score": value,
        "tier": tier(value),
        "verification": {"level": f"L{sig['verification']}", "label": LABELS[sig["verification"]]},
        "components": [
            {
                "name": n,
                "signal": sig[n],
                "points": round(points(n, sig[n]), 2),
                "max_points": maxima[n],
            }
            for n in ORDER
        ],
    }


def profile_part(f: Facts, rid: str) -> dict[str, Any]:
    """The profile's `trust` and `verification`."""
    snap = snapshot(f, rid)
    return {
        "trust": {"score": snap["score"], "tier": snap["tier"]},
        "verification": snap["verification"],
    }

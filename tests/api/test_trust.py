"""The trust snapshot and verification levels, on both backends.

Independent expectations: every signal recomputed from the dumps with networkx and the score
from the README's formula re-implemented in tests/oracles/trust.py (on a generated corpus with
team works, follows and claims in every state); monotonicity and bounds of the product's pure
function; the demo's reference researcher; unknown and merged ids; the level of each claim state.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.services.trust import (
    ClaimState,
    TrustSignals,
    trust_snapshot,
    verification_level,
)
from loaders.writer import GraphWriter
from tests.api.test_admin_auth import admin_client
from tests.api.test_merge import LEES, ingest, merge, paper
from tests.api.test_researchers import get_ok, zhi_qin
from tests.conftest import BACKENDS, api_client, load_corpus, prepared
from tests.corpora import team_corpus
from tests.oracles import trust as oracle
from tests.oracles.facts import Facts, facts

PROBLEM = "application/problem+json"
N_ACCOUNTS = 60


# --- a corpus with teams, follows and claims --------------------------------------------------


def add_accounts(backend: GraphBackend, verified: dict[str, bool]) -> None:
    rows = [
        {"id": a, "email": f"{a}@example.org", "email_verified": v} for a, v in verified.items()
    ]
    backend.write(lambda tx: tx.run("test_create_accounts", rows=rows))


def add_claims(backend: GraphBackend, rows: list[dict[str, Any]]) -> None:
    backend.write(lambda tx: tx.run("test_create_claims", rows=rows))


def claim(cid: str, account: str, researcher: str, status: str, orcid: str | None = None) -> dict:
    return {
        "id": cid,
        "account_id": account,
        "researcher_id": researcher,
        "status": status,
        "orcid_check": orcid,
    }


def add_social(backend: GraphBackend, seed: int = 5) -> None:
    """Accounts (two thirds with a verified email), follows (the most prolific researcher by
    everyone, others at random) and claims in every state, one account deleted afterwards."""
    rng = random.Random(seed)
    works = Counter(a["researcher"] for a in backend.read("export_authorships"))
    ranked = sorted(works, key=lambda r: (-works[r], r))
    accounts = {f"acc-{i:02d}": i % 3 != 0 for i in range(N_ACCOUNTS)}
    add_accounts(backend, accounts)
    follows = {(a, ranked[0]) for a in accounts}
    for a in accounts:
        follows.update((a, r) for r in rng.sample(ranked[:300], rng.randrange(0, 25)))
    rows = [{"account": a, "researcher": r} for a, r in sorted(follows)]
    backend.write(lambda tx: tx.run("test_create_follows", rows=rows))
    team_member = _team_member(backend)
    picked = [r for r in ranked[1:40] if r != team_member]
    states = [
        ("approved", "verified"),
        ("approved", None),
        ("approved", "not_found"),
        ("pending", None),
        ("rejected", "verified"),
        ("released", "verified"),
    ]
    claims = [
        claim("c-000", "acc-01", ranked[0], "approved", "verified"),
        claim("c-001", "acc-02", team_member, "approved", None),
        claim("c-002", "acc-04", picked[0], "released", "verified"),  # then a new owner:
        claim("c-003", "acc-05", picked[0], "approved", None),
        claim("c-004", "acc-03", picked[1], "approved", "verified"),  # unverified email
        claim("c-005", "acc-07", picked[2], "approved", "verified"),  # account deleted below
    ]
    for i, r in enumerate(picked[3:30]):
        status, orcid = states[i % len(states)]
        account = f"acc-{rng.randrange(N_ACCOUNTS):02d}"
        claims.append(claim(f"c-{100 + i:03d}", account, r, status, orcid))
    add_claims(backend, claims)
    backend.write(lambda tx: tx.run("test_delete_account", id="acc-07"))


def _team_member(backend: GraphBackend) -> str:
    """The author of the most team works (ties by id)."""
    team_works = {x["work"] for x in backend.read("export_work_teams")}
    counts = Counter(
        a["researcher"] for a in backend.read("export_authorships") if a["work"] in team_works
    )
    return min(counts, key=lambda r: (-counts[r], r))


def load_trust_corpus(backend: GraphBackend) -> None:
    load_corpus(backend, n_works=1_500)
    GraphWriter(backend, batch_size=200).ingest(team_corpus())
    add_social(backend)


@pytest.fixture(params=BACKENDS)
def trust_backend(request: pytest.FixtureRequest) -> GraphBackend:
    return prepared(request, "corpus-trust", load_trust_corpus)


@pytest.fixture
def trust_facts(trust_backend: GraphBackend) -> Facts:
    return facts(trust_backend)


@pytest.fixture
def trust_client(trust_backend: GraphBackend) -> Iterator[TestClient]:
    with api_client(trust_backend) as client:
        yield client


def subjects(f: Facts) -> list[str]:
    """The most prolific researcher, the author of the most team works, every claimed or
    followed-most record, and a random sample."""
    works = Counter(a["researcher"] for a in f.authorships)
    ranked = sorted(works, key=lambda r: (-works[r], r))
    team = Counter(a["researcher"] for a in f.authorships if a["work"] in f.team_works)
    followed = Counter(x["researcher"] for x in f.follows)
    chosen = [ranked[0], min(team, key=lambda r: (-team[r], r)), ranked[len(ranked) // 2]]
    chosen += sorted({c["researcher_id"] for c in f.claims} & set(f.researchers))
    chosen += [r for r, _ in followed.most_common(10)]
    chosen += random.Random(3).sample(sorted(f.researchers), 25)
    return list(dict.fromkeys(chosen))


def test_trust_matches_the_oracle(trust_client: TestClient, trust_facts: Facts) -> None:
    levels: Counter[str] = Counter()
    tiers: Counter[str] = Counter()
    chosen = subjects(trust_facts)
    for rid in chosen:
        got = get_ok(trust_client, f"/v1/researchers/{rid}/trust")
        want = oracle.snapshot(trust_facts, rid)
        got_points = [c.pop("points") for c in got["components"]]
        want_points = [c.pop("points") for c in want["components"]]
        assert got == want, rid
        assert got_points == pytest.approx(want_points, abs=0.011), rid
        profile = get_ok(trust_client, f"/v1/researchers/{rid}")
        assert {
            k: profile[k] for k in ("trust", "verification", "followers")
        } == oracle.profile_part(trust_facts, rid)
        levels[got["verification"]["level"]] += 1
        tiers[got["tier"]] += 1
    # The sample covers what it must: every level, a team member, followers, several tiers.
    assert set(levels) == {"L1", "L2", "L3"}, levels
    assert len(tiers) >= 2, tiers
    team = {a["researcher"] for a in trust_facts.authorships if a["work"] in trust_facts.team_works}
    assert team & set(chosen)
    assert oracle.signals(trust_facts, chosen[0])["followers"] >= N_ACCOUNTS - 1
    assert len(chosen) >= 40


# --- the formula: monotone, saturating, bounded -----------------------------------------------

SIGNAL_NAMES = [f.name for f in fields(TrustSignals)]


def random_signals(rng: random.Random) -> TrustSignals:
    def count() -> int:
        return rng.choice([0, 1, 2, rng.randrange(200), rng.randrange(5_000), 10**6])

    level = rng.choice([1, 2, 3])
    return TrustSignals(
        works=count(),
        years_active=rng.randrange(80),
        collaborators=count(),
        close_collaborators=count(),
        topics=rng.randrange(200),
        verification_level=level,
        claimed=rng.random() < 0.5,
        followers=count(),
    )


def raised(s: TrustSignals, name: str, rng: random.Random) -> TrustSignals:
    value = getattr(s, name)
    if name == "verification_level":
        return replace(s, verification_level=min(3, value + 1))
    if name == "claimed":
        return replace(s, claimed=True)
    return replace(s, **{name: value + rng.choice([1, 2, 10, 1_000])})


def test_each_signal_raised_alone_never_lowers_a_component_or_the_score() -> None:
    rng = random.Random(17)
    for _ in range(3_000):
        base = random_signals(rng)
        before = trust_snapshot(base)
        for name in SIGNAL_NAMES:
            after = trust_snapshot(raised(base, name, rng))
            assert after.score >= before.score, (base, name)
            for b, a in zip(before.components, after.components, strict=True):
                assert a.points >= b.points, (base, name, b, a)


def test_bounds_sum_and_the_documented_formula() -> None:
    rng = random.Random(23)
    top = TrustSignals(10**9, 10**9, 10**9, 10**9, 10**9, 3, True, 10**9)
    assert trust_snapshot(top).score == 100
    assert sum(c.max_points for c in trust_snapshot(top).components) == 100
    assert trust_snapshot(TrustSignals(0, 0, 0, 0, 0, 1, False, 0)).score == 0
    for _ in range(3_000):
        s = random_signals(rng)
        snap = trust_snapshot(s)
        assert 0 <= snap.score <= 100
        for c in snap.components:
            assert 0 <= c.points <= c.max_points
        total = sum(c.points for c in snap.components)
        assert abs(snap.score - total) <= 0.5 + 1e-9
        sig = {
            **{n: getattr(s, n) for n in oracle.LOGGED},
            "verification": s.verification_level,
            "claim": int(s.claimed),
        }
        assert snap.score == oracle.score(sig)[0], s
        assert snap.tier == oracle.tier(snap.score)
        assert [c.name for c in snap.components] == oracle.ORDER


# --- the demo's reference researcher ------------------------------------------------------------


def test_demo_reference_researcher(demo_client: TestClient) -> None:
    rid = zhi_qin(demo_client)
    snap = get_ok(demo_client, f"/v1/researchers/{rid}/trust")
    assert (snap["score"], snap["tier"]) == (21, "Emerging")
    assert snap["verification"]["level"] == "L1"
    assert {c["name"]: c["signal"] for c in snap["components"]} == {
        "works": 9,
        "years_active": 8,  # 2019-2026
        "collaborators": 17,
        "close_collaborators": 6,
        "topics": 6,
        "verification": 1,
        "claim": 0,
        "followers": 0,
    }
    profile = get_ok(demo_client, f"/v1/researchers/{rid}")
    assert profile["trust"] == {"score": 21, "tier": "Emerging"}
    assert profile["verification"]["level"] == "L1"
    page = demo_client.get(f"/researchers/{rid}", headers={"Accept": "text/html"}).text
    card = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Trust 21 · Emerging" in card and "Verification L1" in card
    assert page.count('data-component="') == len(snap["components"])


# --- unknown and merged ids, claim states ------------------------------------------------------


@pytest.fixture
def client(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    with admin_client(backend, tmp_path) as c:
        yield c


def test_unknown_id_is_404_and_a_merged_id_redirects_like_the_profile(
    backend: GraphBackend, client: TestClient
) -> None:
    ingest(backend, *LEES)
    r = client.get("/v1/researchers/nobody-at-all/trust")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
    assert r.json()["status"] == 404
    add_accounts(backend, {"acc-a": True, "acc-b": True})
    add_claims(backend, [claim("c-a", "acc-a", "ann-lee", "approved", "verified")])
    add_claims(backend, [claim("c-b", "acc-b", "a-lee", "pending", None)])
    assert merge(client, "ann-lee", "a-lee").status_code == 200  # (two owners would be a 409)
    for suffix in ("", "/trust"):
        r = client.get(f"/v1/researchers/a-lee{suffix}", follow_redirects=False)
        assert r.status_code == 301
        assert r.headers["location"] == f"/v1/researchers/ann-lee{suffix}"
        assert client.get(f"/v1/researchers/a-lee{suffix}").json() == get_ok(
            client, f"/v1/researchers/ann-lee{suffix}"
        )
    # The kept record keeps its own claim (L3); the merged record's claim moves to it, and a
    # split leaves it there (README: Claims).
    assert get_ok(client, "/v1/researchers/ann-lee/trust")["verification"]["level"] == "L3"
    assert merge(client, "ann-lee", "a-lee", "split").status_code == 200
    assert get_ok(client, "/v1/researchers/ann-lee/trust")["verification"]["level"] == "L3"
    assert get_ok(client, "/v1/researchers/a-lee/trust")["verification"]["level"] == "L1"


# The claims on the record as (account, status, orcid_check), and the expected level.
CLAIM_STATES: list[tuple[list[tuple[str, str, str | None]], str]] = [
    ([], "L1"),
    ([("ok", "pending", None)], "L1"),
    ([("ok", "rejected", "verified")], "L1"),
    ([("ok", "approved", None)], "L2"),
    ([("ok", "approved", "not_found")], "L2"),
    ([("ok", "approved", "verified")], "L3"),
    ([("ok", "released", "verified")], "L1"),
    ([("unverified", "approved", "verified")], "L1"),
    ([("gone", "approved", "verified")], "L1"),
    ([("ok", "released", "verified"), ("ok2", "approved", None)], "L2"),
]
AUTHORS = [
    "Ann Lee", "Bo Chen", "Cy Dunn", "Di Eng", "Ed Fox",
    "Flo Gray", "Gus Hill", "Hal Ito", "Ivy Jones", "Jo Kay",
]  # fmt: skip


def test_verification_level_of_each_claim_state(backend: GraphBackend, client: TestClient) -> None:
    ingest(backend, paper("2201.00001", AUTHORS, ("cs.LG",)))
    ids = sorted(r["id"] for r in backend.read("export_researchers"))
    assert len(ids) == len(CLAIM_STATES)
    add_accounts(backend, {"ok": True, "ok2": True, "unverified": False, "gone": True})
    rows = [
        claim(f"c-{i}-{j}", account, rid, status, orcid)
        for i, (rid, (claims, _)) in enumerate(zip(ids, CLAIM_STATES, strict=True))
        for j, (account, status, orcid) in enumerate(claims)
    ]
    add_claims(backend, rows)
    backend.write(lambda tx: tx.run("test_delete_account", id="gone"))
    f = facts(backend)
    for rid, (claims, level) in zip(ids, CLAIM_STATES, strict=True):
        snap = get_ok(client, f"/v1/researchers/{rid}/trust")
        assert snap["verification"]["level"] == level, claims
        assert get_ok(client, f"/v1/researchers/{rid}")["verification"]["level"] == level
        assert oracle.level(f, rid) == int(level[1])
        states = [ClaimState(s, o, a in ("ok", "ok2")) for a, s, o in claims]
        assert verification_level(states) == int(level[1])
        claimed = {c["name"]: c["signal"] for c in snap["components"]}["claim"]
        assert claimed == (level != "L1")

"""Teams in every answer: collaborations of 100-180 people named in author lists (or listing
more than 100 authors) on both backends, against the networkx oracle of each endpoint."""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from loaders.teams import is_team_name
from tests.api.test_graph import check as check_slice
from tests.api.test_researchers import get_ok
from tests.api.test_topics import check_neighborhood
from tests.conftest import on_both, same_on_both
from tests.oracles import researchers as oracles
from tests.oracles.facts import Facts, facts
from tests.oracles.teams import team as oracle_team
from tests.oracles.topics import TopicOracle


@pytest.fixture
def teams_facts(teams_backend: GraphBackend) -> Facts:
    return facts(teams_backend)


def member(f: Facts) -> str:
    """The researcher with the most team works (then most works, then id)."""
    every = Counter(a["researcher"] for a in f.authorships)
    team = Counter(a["researcher"] for a in f.authorships if a["work"] in f.team_works)
    return min(team, key=lambda r: (-team[r], -every[r], r))


def loner(f: Facts) -> str:
    """A researcher with personal works only."""
    team = {a["researcher"] for a in f.authorships if a["work"] in f.team_works}
    works = Counter(a["researcher"] for a in f.authorships if a["researcher"] not in team)
    return min(works, key=lambda r: (-works[r], r))


def test_team_names_never_become_researchers(teams_facts: Facts) -> None:
    assert not [r for r in teams_facts.researchers.values() if is_team_name(r["name"])]
    assert sorted(teams_facts.teams) == [
        "atlas-collaboration",
        "cms-collaboration",
        "ligo-scientific-collaboration",
        "virgo-collaboration",
    ]
    atlas = teams_facts.teams["atlas-collaboration"]
    assert set(atlas["aliases"]) >= {"ATLAS Collaboration"}
    # works listing the team only, and works listing more than 100 members without a name
    people = Counter(a["work"] for a in teams_facts.authorships)
    named = {x["work"] for x in teams_facts.work_teams}
    assert any(people[w] == 0 for w in named)
    assert any(w not in named and people[w] > 100 for w in teams_facts.team_works)


def test_profiles_list_each_team_once(teams_client: TestClient, teams_facts: Facts) -> None:
    for rid in (member(teams_facts), loner(teams_facts)):
        body = get_ok(teams_client, f"/v1/researchers/{rid}")
        assert body == oracles.profile(teams_facts, rid)
    body = get_ok(teams_client, f"/v1/researchers/{member(teams_facts)}")
    assert body["teams"] and body["team_works_count"] > 0
    assert body["coauthors_count"] < 100  # a roster of 180 is not 180 co-authors


@pytest.mark.parametrize("weighting", ["count", "newman"])
@pytest.mark.parametrize("since", [None, 2015])
@pytest.mark.parametrize("scope", ["personal", "all"])
def test_collaborators_personal_and_exact(
    teams_client: TestClient, teams_facts: Facts, weighting: str, since: int | None, scope: str
) -> None:
    rid = member(teams_facts)
    url = f"/v1/researchers/{rid}/collaborators?weighting={weighting}&limit=500&scope={scope}"
    if since is not None:
        url += f"&since={since}"
    body = get_ok(teams_client, url)
    assert body["items"] == oracles.collaborators(
        teams_facts, rid, weighting, since, limit=500, scope=scope
    )
    assert body["teams"] == oracles.teams(teams_facts, rid)
    assert body["scope"] == scope
    if scope == "all" and since is None:
        assert len(body["items"]) > 100  # every roster member, counted exactly


@pytest.mark.parametrize("depth", [1, 2])
def test_slice_draws_a_team_as_one_node(
    teams_client: TestClient, teams_backend: GraphBackend, depth: int
) -> None:
    rid = member(facts(teams_backend))
    full = check_slice(teams_client, teams_backend, "teams", rid, depth, 500)
    types = Counter(t for _, t in full["nodes"])
    assert types["Team"] >= 1 and types["Researcher"] < 100
    for limit in (1, 2, 5, 40, full["size"]):
        check_slice(teams_client, teams_backend, "teams", rid, depth, min(limit, 500))


def test_neighborhoods_rank_people_by_personal_works(
    teams_client: TestClient, teams_facts: Facts
) -> None:
    o = TopicOracle(teams_facts)
    for topic in ("hep-ex", "gr-qc", "cs.LG"):
        check_neighborhood(teams_client, o, topic, limit=20)
        check_neighborhood(teams_client, o, topic, limit=500)


def test_team_pages(teams_client: TestClient, teams_facts: Facts) -> None:
    for team in teams_facts.teams:
        for limit in (3, 500):
            body = get_ok(teams_client, f"/v1/teams/{team}?limit={limit}")
            assert body == oracle_team(teams_facts, team, limit)
        page = teams_client.get(f"/teams/{team}")
        assert page.status_code == 200 and teams_facts.teams[team]["name"] in page.text
    assert teams_client.get("/v1/teams/no-such-team").status_code == 404
    assert teams_client.get("/teams/no-such-team").status_code == 404


def test_team_member_pages_render(teams_client: TestClient, teams_facts: Facts) -> None:
    rid = member(teams_facts)
    page = teams_client.get(f"/researchers/{rid}")
    assert page.status_code == 200
    assert 'id="teams"' in page.text and "ATLAS Collaboration" in page.text
    assert "more</span>" in page.text  # a roster is cut in the works list, with the rest counted


def test_identical_json_across_backends(request: pytest.FixtureRequest) -> None:
    f = facts(on_both(request, "teams")[1])
    rid = member(f)
    same_on_both(
        request,
        "teams",
        [
            f"/v1/researchers/{rid}",
            f"/v1/researchers/{rid}/collaborators?scope=all&limit=500",
            f"/v1/researchers/{rid}/collaborators?weighting=newman",
            f"/v1/researchers/{rid}/graph?depth=2&limit=500",
            f"/v1/researchers/{rid}/works?limit=50",
            "/v1/teams/atlas-collaboration",
            "/v1/topics/hep-ex/neighborhood",
        ],
    )

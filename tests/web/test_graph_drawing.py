"""The research graph as drawn (Debian chromium via Playwright): the same graph draws the same
way, the labels of the researcher and their first ring never overlap, the drawing is readable on
a phone and on a desktop, a capped slice still shows how its nodes relate, and team nodes draw as
stars linked to their members.

The drawing is read from `window.graphsvcCy` (Cytoscape.js) once `#graph` is
`data-state="ready"`; expected numbers come from the raw graph dump (`tests.oracles.facts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from tests.oracles.facts import Facts, coauthor_graph, facts
from tests.web.conftest import WebApp, open_tab, screenshot
from tests.web.test_pages import (
    node_on_screen,
    reference_id,
    slice_size,
    topics_of,
    wait_graph,
    works_of,
)

PHONE = (390, 844)
DESKTOP = (1280, 900)
MIN_NODE_PX = 16  # the smallest node, as rendered
MIN_FONT_PX = 10  # the smallest label font, as rendered

POSITIONS = """() => Object.fromEntries(window.graphsvcCy.nodes().map(
    n => [n.id(), [n.position('x'), n.position('y')]]))"""

# The researcher and their first ring: co-authors, their own works, topics, teams,
# institutions (everything but the second ring: co-authors' co-authors and the works linking
# them). Each node's label box, in model coordinates; nodes without a label are left out.
FIRST_RING_LABELS = """() => {
  const cy = window.graphsvcCy;
  const centre = cy.$('.center');
  const ring = cy.nodes().filter(n => {
    const type = n.data('type');
    const depth = (n.data('properties') || {}).depth;
    if (type === 'Researcher') return depth === 0 || depth === 1;
    if (type === 'Work') return n.edgesWith(centre).filter('[type = "AUTHORED"]').length > 0;
    return true;
  });
  const boxes = [];
  ring.forEach(n => {
    const b = n.boundingBox({includeLabels: true, includeNodes: false, includeOverlays: false});
    if (n.style('label') && b.w > 0 && b.h > 0) boxes.push([n.id(), b.x1, b.y1, b.x2, b.y2]);
  });
  return {ring: ring.length, boxes: boxes};
}"""

VIEW = """() => {
  const cy = window.graphsvcCy;
  const box = document.getElementById('graph');
  const label = cy.$('.center').renderedBoundingBox(
    {includeLabels: true, includeNodes: false, includeOverlays: false});
  const labelled = cy.nodes().filter(n => n.style('label'));
  return {
    zoom: cy.zoom(),
    smallest: Math.min(...cy.nodes().map(n => n.renderedWidth())),
    font: Math.min(...labelled.map(n => parseFloat(n.style('font-size')) * cy.zoom())),
    label: [label.x1, label.y1, label.x2, label.y2],
    width: box.clientWidth,
    height: box.clientHeight,
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""

# How the drawn nodes relate to the centre: the nodes the centre reaches through drawn edges,
# and for each other node the types and line styles of its edges with the centre.
LINKS = """() => {
  const cy = window.graphsvcCy;
  const centre = cy.$('.center');
  const links = {};
  cy.nodes().not(centre).forEach(n => {
    links[n.id()] = n.edgesWith(centre).map(e => [e.data('type'), e.style('line-style')]);
  });
  return {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    reached: centre.component().nodes().length,
    links: links,
    shared: cy.nodes('[type = "Researcher"]').not(centre).filter(
      r => r.neighborhood('node[type = "Work"]').edgesWith(centre).length > 0).map(r => r.id()),
  };
}"""


@pytest.fixture(scope="module")
def demo(web_app: WebApp) -> Facts:
    return facts(web_app.backend)


@pytest.fixture(scope="module")
def teams_demo(teams_web_app: WebApp) -> Facts:
    return facts(teams_web_app.backend)


@pytest.fixture
def teams_page(browser: Any, teams_web_app: WebApp) -> Iterator[Any]:
    with open_tab(browser, teams_web_app) as tab:
        yield tab


def team_member(f: Facts) -> str:
    """A member with a topic of team works only (what the drawing test needs), of the most
    teams, then with the most personal co-authors, then by id."""
    teams: dict[str, set[str]] = {}
    for x in f.work_teams:
        for rid in f.authors_of(x["work"]):
            teams.setdefault(rid, set()).add(x["team"])
    g = coauthor_graph(f)
    return min(teams, key=lambda r: (not team_only_topics(f, r), -len(teams[r]), -g.degree(r), r))


def team_only_topics(f: Facts, rid: str) -> set[str]:
    """Topics of a researcher's team works that none of their personal works has."""
    works = works_of(f, rid)
    return topics_of(f, works) - topics_of(f, {w for w in works if f.personal(w)})


def overlaps(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    """Pairs of boxes [id, x1, y1, x2, y2] that intersect (touching edges do not count)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
                found.append((a[0], b[0]))
    return found


def assert_same_drawing(a: dict[str, list[float]], b: dict[str, list[float]]) -> None:
    assert a.keys() == b.keys()
    moved = {
        n: (a[n], b[n]) for n in a if abs(a[n][0] - b[n][0]) > 0.5 or abs(a[n][1] - b[n][1]) > 0.5
    }
    assert not moved, f"{len(moved)} of {len(a)} nodes moved: {sorted(moved.items())[:5]}"


def redraw(tab: Any) -> None:
    """Press Redraw and wait for the new drawing."""
    tab.evaluate("document.getElementById('graph').dataset.state = 'stale'")
    tab.click("#graph-controls button[type=submit]")
    wait_graph(tab)


@pytest.mark.parametrize("depth", [1, 2])
def test_the_same_graph_draws_the_same_way(
    browser: Any, web_app: WebApp, demo: Facts, depth: int
) -> None:
    """On a reload, after Redraw, in a new browser context and at another width."""
    rid = reference_id(demo)
    url = f"/researchers/{quote(rid)}?depth={depth}"
    with open_tab(browser, web_app, *DESKTOP) as tab:
        tab.goto(url)
        assert wait_graph(tab) == min(200, slice_size(demo, rid, depth))
        first = tab.evaluate(POSITIONS)
        tab.reload()
        wait_graph(tab)
        assert_same_drawing(first, tab.evaluate(POSITIONS))
        redraw(tab)
        assert_same_drawing(first, tab.evaluate(POSITIONS))
    with open_tab(browser, web_app, *PHONE) as tab:
        tab.goto(url)
        wait_graph(tab)
        assert_same_drawing(first, tab.evaluate(POSITIONS))


@pytest.mark.parametrize(("depth", "limit"), [(1, 200), (2, 200), (1, 5), (1, 20), (2, 30)])
def test_labels_of_the_researcher_and_first_ring_do_not_overlap(
    page: Any, demo: Facts, depth: int, limit: int
) -> None:
    rid = reference_id(demo)
    page.goto(f"/researchers/{quote(rid)}?depth={depth}&limit={limit}")
    assert wait_graph(page) == min(limit, slice_size(demo, rid, depth))
    found = page.evaluate(FIRST_RING_LABELS)
    assert len(found["boxes"]) >= 5  # the centre and the co-authors at least
    assert overlaps(found["boxes"]) == []


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("depth", [1, 2])
def test_the_graph_is_readable_on_a_phone_and_a_desktop(
    browser: Any, web_app: WebApp, demo: Facts, size: tuple[int, int], depth: int
) -> None:
    """Nodes of 16 px and labels of 10 px at least, the centre's label in view, and the page
    does not scroll sideways; the drawing can still be zoomed out to see it all."""
    rid = reference_id(demo)
    with open_tab(browser, web_app, *size) as tab:
        tab.goto(f"/researchers/{quote(rid)}?depth={depth}")
        wait_graph(tab)
        view = tab.evaluate(VIEW)
        assert view["smallest"] >= MIN_NODE_PX, view
        assert view["font"] >= MIN_FONT_PX, view
        x1, y1, x2, y2 = view["label"]
        assert 0 <= x1 < x2 <= view["width"] and 0 <= y1 < y2 <= view["height"], view
        assert not view["overflow"]
        tab.locator("#graph").scroll_into_view_if_needed()
        screenshot(tab, f"graph-depth{depth}-{size[0]}", full_page=False)
        # minus zooms out below the readable default (to see it all)
        tab.focus("#graph")
        tab.keyboard.press("-")
        assert tab.evaluate("window.graphsvcCy.zoom()") < view["zoom"]
        tab.keyboard.press("0")  # back to the readable default
        assert abs(tab.evaluate("window.graphsvcCy.zoom()") - view["zoom"]) < 1e-6


@pytest.mark.parametrize("limit", [5, 12, 20, 30])
def test_a_capped_slice_still_links_every_node_to_the_researcher(
    page: Any, demo: Facts, limit: int
) -> None:
    """The API keeps only edges whose two ends are kept, so at a small cap co-authors have no
    work to link them to the researcher: the drawing links them with a dashed co-author line."""
    rid = reference_id(demo)
    page.goto(f"/researchers/{quote(rid)}?limit={limit}")
    assert wait_graph(page) == limit
    drawn = page.evaluate(LINKS)
    assert drawn["edges"] >= drawn["nodes"] - 1
    assert drawn["reached"] == drawn["nodes"]  # every node is connected to the researcher
    g = coauthor_graph(demo)
    shared = set(drawn["shared"])
    for node, links in drawn["links"].items():
        kind, _, plain = node.partition(":")
        if kind != "researcher":
            continue
        assert plain in g[rid]  # a depth-1 slice holds co-authors only
        if node in shared:  # linked through a drawn work: no extra line
            assert links == []
        else:
            assert links == [["CO_AUTHOR", "dashed"]]
    if limit == 5:
        assert drawn["edges"] == 4 and not shared
        assert "dashed" in page.locator("#graph-status").inner_text()
        screenshot(page, "graph-cap5", full_page=False)


def test_team_nodes_draw_as_stars_linked_to_the_member(teams_page: Any, teams_demo: Facts) -> None:
    rid = team_member(teams_demo)
    works = works_of(teams_demo, rid)
    teams = {x["team"] for x in teams_demo.work_teams if x["work"] in works}
    teams_page.set_viewport_size({"width": 1280, "height": 1300})  # the graph in view, unscrolled
    teams_page.goto(f"/researchers/{quote(rid)}")
    wait_graph(teams_page)
    drawn = teams_page.evaluate(
        """() => {
          const cy = window.graphsvcCy;
          const centre = cy.$('.center');
          return cy.nodes('[type = "Team"]').map(n => ({
            id: n.id(), label: n.style('label'), shape: n.style('shape'),
            color: n.style('background-color'),
            member: n.edgesWith(centre).filter('[type = "MEMBER_OF"]').length,
          }));
        }"""
    )
    assert {t["id"] for t in drawn} == {f"team:{t}" for t in teams}
    for t in drawn:
        name = teams_demo.teams[t["id"].removeprefix("team:")]["name"]
        assert t["label"] == name
        assert (t["shape"], t["color"], t["member"]) == ("star", "rgb(163,25,91)", 1)
    # a topic of team works only (team works are not drawn one by one) hangs off the researcher
    # by a dashed line; a topic of a drawn personal work needs none
    linked = teams_page.evaluate(LINKS)
    assert linked["reached"] == linked["nodes"]
    topics = topics_of(teams_demo, works)
    only_team = team_only_topics(teams_demo, rid)
    assert only_team, "the member has no topic of team works only"
    for topic in topics:
        expected = [["TOPIC_OF", "dashed"]] if topic in only_team else []
        assert linked["links"][f"topic:{topic}"] == expected
    assert overlaps(teams_page.evaluate(FIRST_RING_LABELS)["boxes"]) == []
    screenshot(teams_page, "graph-teams", full_page=False)

    # a team node opens the team's page
    team = min(t["id"] for t in drawn)
    spot = node_on_screen(teams_page, team)
    teams_page.mouse.move(spot["x"], spot["y"])
    teams_page.wait_for_selector("#graph-tip:not([hidden])")
    assert "members" in teams_page.locator("#graph-tip").inner_text()
    teams_page.mouse.click(spot["x"], spot["y"])
    plain = team.removeprefix("team:")
    teams_page.wait_for_url(re.compile(re.escape(f"/teams/{quote(plain)}") + "$"))
    assert teams_page.locator("h1").inner_text() == teams_demo.teams[plain]["name"]

"""The explorer in a real browser (Debian chromium via Playwright) against the demo data.

Expected numbers come from the raw graph dump (`tests.oracle.facts`), never from the API.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import quote

import pytest

from graphsvc.names import fold
from tests.oracles.facts import Facts, coauthor_graph, facts
from tests.web.conftest import WebApp, screenshot

REFERENCE = "Zhi-Qin John Xu"
GRAPH_CAP = 200  # the page's default node cap
NEIGHBORS_SHOWN = 20


@pytest.fixture(scope="module")
def demo(web_app: WebApp) -> Facts:
    return facts(web_app.backend)


def reference_id(f: Facts) -> str:
    """The reference researcher (the one of that name with the most works)."""
    works = Counter(a["researcher"] for a in f.authorships)
    ids = [rid for rid, r in f.researchers.items() if r["name"] == REFERENCE]
    assert ids, f"{REFERENCE} is not in the demo data"
    return max(ids, key=lambda rid: (works[rid], rid))


def works_of(f: Facts, rid: str) -> set[str]:
    return {a["work"] for a in f.authorships if a["researcher"] == rid}


def topics_of(f: Facts, works: set[str]) -> set[str]:
    return {h["topic"] for h in f.work_topics if h["work"] in works}


def slice_size(f: Facts, rid: str, depth: int) -> int:
    """Nodes of the full (uncapped) ego network: the researcher, co-authors, works, their
    topics, the institutions of the researcher and co-authors; depth 2 adds the co-authors'
    co-authors and the works linking them to the co-authors."""
    g = coauthor_graph(f)
    ring1 = set(g.neighbors(rid))
    works = works_of(f, rid)
    people = {rid} | ring1
    institutions = {x["institution"] for x in f.affiliations if x["researcher"] in people}
    size = 1 + len(ring1) + len(works) + len(topics_of(f, works)) + len(institutions)
    if depth == 2:
        ring2 = {b for a in ring1 for b in g.neighbors(a)} - people
        linking = {w for a in ring1 for b in g.neighbors(a) if b in ring2 for w in g[a][b]["works"]}
        size += len(ring2) + len(linking - works)
    return size


def wait_graph(tab: Any) -> int:
    tab.wait_for_selector('#graph[data-state="ready"]')
    return int(tab.evaluate("window.graphsvcCy.nodes().length"))


def node_on_screen(tab: Any, node_id: str) -> dict[str, float]:
    """Scroll the drawn node to the middle of the window and return where it is in the window.

    Cytoscape caches where its container is: `resize()` makes it read that again after the
    scroll, or a hover lands on the wrong spot of the drawing."""
    spot: dict[str, float] = tab.evaluate(
        """(id) => {
          const cy = window.graphsvcCy;
          const p = cy.getElementById(id).renderedPosition();
          let box = document.getElementById('graph').getBoundingClientRect();
          window.scrollBy(0, box.top + p.y - window.innerHeight / 2);
          cy.resize();
          box = document.getElementById('graph').getBoundingClientRect();
          return {x: box.left + p.x, y: box.top + p.y};
        }""",
        node_id,
    )
    return spot


def test_researcher_page_counts_lists_and_graph(page: Any, web_app: WebApp, demo: Facts) -> None:
    rid = reference_id(demo)
    works = works_of(demo, rid)
    min_works = web_app.settings.graphsvc_close_collaborator_min_works
    g = coauthor_graph(demo)
    close = {c for c in g.neighbors(rid) if len(g[rid][c]["works"]) >= min_works}

    response = page.goto(f"/researchers/{quote(rid)}")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == REFERENCE
    assert page.locator("#count-works").inner_text() == str(len(works))
    assert page.locator("#count-topics").inner_text() == str(len(topics_of(demo, works)))
    assert page.locator("#count-close").inner_text() == str(len(close))
    has_affiliation = any(x["researcher"] == rid for x in demo.affiliations)
    if not has_affiliation:
        assert "affiliation not imported" in page.locator("#institutions").inner_text().lower()

    # the lists carry what the graph shows
    shown = page.locator("#close-collaborators a.collaborator")
    hrefs = shown.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {h.removeprefix("/researchers/") for h in hrefs} == close
    assert page.locator("#works > li").count() == len(works)
    assert page.locator("#topic-chips a.chip").count() == min(10, len(topics_of(demo, works)))
    with_abstract = [w for w in works if demo.works[w]["abstract"]]
    assert page.locator("#works details.abstract").count() == len(with_abstract)

    nodes = wait_graph(page)
    assert nodes == min(GRAPH_CAP, slice_size(demo, rid, 1))
    assert page.evaluate("window.graphsvcCy.$('.center').length") == 1
    screenshot(page, "researcher")
    page.set_viewport_size({"width": 1280, "height": 1100})
    screenshot(page, "researcher-top", full_page=False)  # docs/researcher-page.png is this


def test_abstracts_expand(page: Any, demo: Facts) -> None:
    work = min(w for w, x in demo.works.items() if x["abstract"])
    author = demo.authors_of(work)[0]
    page.goto(f"/researchers/{quote(author)}")
    item = page.locator(f'#works li[id="work-{work}"]')
    text = item.locator("details.abstract p")
    assert not text.is_visible()
    item.locator("details.abstract summary").click()
    assert text.is_visible()
    assert item.locator(f'a[href="https://arxiv.org/abs/{work}"]').count() == 1


def test_graph_controls_depth_and_cap(page: Any, demo: Facts) -> None:
    rid = reference_id(demo)
    page.goto(f"/researchers/{quote(rid)}")
    wait_graph(page)

    page.select_option("#graph-depth", "2")  # redraws on change
    page.wait_for_function("new URL(location.href).searchParams.get('depth') === '2'")
    nodes = wait_graph(page)
    assert nodes == min(GRAPH_CAP, slice_size(demo, rid, 2))

    page.fill("#graph-limit", "7")
    page.click("#graph-controls button[type=submit]")
    page.wait_for_function("window.graphsvcCy.nodes().length === 7")
    assert wait_graph(page) == 7
    assert "cap left some nodes out" in page.locator("#graph-status").inner_text()
    screenshot(page, "researcher-depth2-cap7")


def test_clicking_a_collaborator_opens_their_page(page: Any, demo: Facts) -> None:
    rid = reference_id(demo)
    page.goto(f"/researchers/{quote(rid)}")
    first = page.locator("#close-collaborators a.collaborator").first
    name = first.inner_text()
    target = first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert page.locator("h1").inner_text() == name
    cid = target.removeprefix("/researchers/")
    assert page.locator("#count-works").inner_text() == str(len(works_of(demo, cid)))
    screenshot(page, "collaborator")


def test_clicking_a_researcher_node_opens_their_page(page: Any, demo: Facts) -> None:
    rid = reference_id(demo)
    page.goto(f"/researchers/{quote(rid)}")
    wait_graph(page)
    # a co-author node with no other node within 24px, so the click cannot hit another one,
    # inside the drawing
    lone = page.evaluate(
        """() => {
          const cy = window.graphsvcCy;
          const all = cy.nodes().map(n => [n.id(), n.renderedPosition()]);
          const box = document.getElementById('graph').getBoundingClientRect();
          for (const n of cy.nodes('[type = "Researcher"]').not('.center')) {
            const p = n.renderedPosition();
            const alone = all.every(([id, q]) => id === n.id() ||
              Math.hypot(p.x - q.x, p.y - q.y) > 24);
            const inside = p.x > 10 && p.y > 10 && p.x < box.width - 10 &&
              p.y < box.height - 10;
            if (alone && inside) return n.id();
          }
          return null;
        }"""
    )
    assert lone is not None, "no co-author node stands alone"
    spot = node_on_screen(page, lone)
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_selector("#graph-tip:not([hidden])")
    page.mouse.click(spot["x"], spot["y"])
    target = lone.removeprefix("researcher:")
    page.wait_for_url(re.compile(re.escape(f"/researchers/{quote(target)}") + "$"))
    assert page.locator("h1").inner_text() == demo.researchers[target]["name"]


def test_search_finds_a_researcher_by_an_accent_free_spelling(page: Any, demo: Facts) -> None:
    accented = sorted(
        (r for r in demo.researchers.values() if fold(r["name"]) != r["name"].lower()),
        key=lambda r: r["id"],
    )
    assert accented, "the demo data has no accented name"
    person = accented[0]
    plain = fold(person["name"])
    assert plain.isascii()

    page.goto("/")
    page.fill("#site-search", plain)
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    link = page.locator(f'#researcher-results a[href="/researchers/{quote(person["id"])}"]')
    assert link.inner_text() == person["name"]
    screenshot(page, "search")
    link.click()
    page.wait_for_url(re.compile(re.escape(f"/researchers/{quote(person['id'])}") + "$"))


def test_search_finds_works_by_title(page: Any, demo: Facts) -> None:
    work = demo.works[sorted(demo.works)[0]]
    words = [w for w in fold(work["title"]).split() if len(w) > 6]
    assert words
    page.goto(f"/search?q={quote(words[0].upper())}")
    expected = {w for w, x in demo.works.items() if words[0] in fold(x["title"] or "")}
    hrefs = page.locator("#work-results a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert {h.removeprefix("/works/") for h in hrefs} == expected


def test_topic_page_shows_its_neighbors(page: Any, demo: Facts) -> None:
    rid = reference_id(demo)
    counts = Counter(h["topic"] for h in demo.work_topics if h["work"] in works_of(demo, rid))
    topic = min(counts, key=lambda t: (-counts[t], t))
    topic_works = {h["work"] for h in demo.work_topics if h["topic"] == topic}
    together = Counter(
        h["topic"] for h in demo.work_topics if h["work"] in topic_works and h["topic"] != topic
    )
    expected = sorted(together, key=lambda t: (-together[t], t))[:NEIGHBORS_SHOWN]
    assert expected

    response = page.goto(f"/topics/{quote(topic)}")
    assert response is not None and response.status == 200
    assert page.locator("#count-works").inner_text() == str(len(topic_works))
    hrefs = page.locator("#neighbors a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert [h.removeprefix("/topics/") for h in hrefs] == [quote(t) for t in expected]
    assert wait_graph(page) == 1 + len(expected)
    assert page.locator("#cluster-topics li").count() >= 1
    assert page.locator("#top-researchers li").count() >= 1
    screenshot(page, "topic")

    page.locator("#neighbors a").first.click()
    page.wait_for_url(re.compile(re.escape(f"/topics/{quote(expected[0])}") + "$"))


def test_home_page_lists_topics_and_researchers(page: Any, demo: Facts) -> None:
    page.goto("/")
    sizes = Counter(h["topic"] for h in demo.work_topics)
    largest = sorted(sizes, key=lambda t: (-sizes[t], t))[:20]
    hrefs = page.locator("#largest-topics a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert [h.removeprefix("/topics/") for h in hrefs] == [quote(t) for t in largest]
    g = coauthor_graph(demo)
    top = max(g.degree(r) for r in demo.researchers)
    first = page.locator("#connected-researchers a").first.get_attribute("href")
    assert g.degree(first.removeprefix("/researchers/")) == top
    screenshot(page, "home")


def test_unknown_ids_render_a_404_page(page: Any) -> None:
    for path in ("/researchers/no-such-person", "/topics/no.such", "/works/0000.00000"):
        response = page.goto(path)
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "Not found"
        assert page.locator("#site-search").is_visible()


def test_unknown_path_renders_the_not_found_page_and_nothing_404s(page: Any) -> None:
    """A browser on an unknown path sees the explorer's page, not JSON; a page asks for
    nothing that is missing (the favicon included)."""
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    response = page.goto("/nope")
    assert response is not None and response.status == 404
    assert response.headers["content-type"].startswith("text/html")
    assert page.locator("h1").inner_text() == "Not found"
    assert "/nope" in page.locator("main").inner_text()
    assert page.locator("#site-search").is_visible()
    missing.clear()
    page.goto("/")
    icon = page.evaluate(
        "fetch(document.querySelector('link[rel=icon]').href).then(r => [r.status, "
        "r.headers.get('content-type')])"
    )
    assert icon == [200, "image/svg+xml"]
    assert missing == []


def test_keyboard_and_narrow_window(page: Any, demo: Facts) -> None:
    rid = reference_id(demo)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"/researchers/{quote(rid)}")
    wait_graph(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.focus("#graph")
    before = page.evaluate("window.graphsvcCy.zoom()")
    page.keyboard.press("+")
    assert page.evaluate("window.graphsvcCy.zoom()") > before
    screenshot(page, "researcher-narrow")

"""The explorer's HTML pages: home, search, researcher, topic and work.

Pages are rendered on the server from the same services as the `/v1` API, so every fact is in
the HTML (the lists are the text alternative of the graphs); the graph drawings load their data
from the `/v1` API in the browser. An unknown id renders a 404 page, never a 500.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from graphsvc.api import sessions
from graphsvc.api.deps import Backend, State
from graphsvc.names import fold_once
from graphsvc.services import collaboration, researcher_search, researcher_trust
from graphsvc.services import researchers as researcher_service
from graphsvc.services import teams as team_service
from graphsvc.services import topics as topic_service
from graphsvc.services import works as work_service

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
TEMPLATES.env.filters["timestamp"] = lambda t: dt.datetime.fromtimestamp(t, dt.UTC).strftime(
    "%Y-%m-%d %H:%M UTC"
)

MAX_ID = 500  # longer ids cannot exist (the API rejects them too)
MAX_QUERY = 200
HOME_ITEMS = 20
SEARCH_ITEMS = 50
WORKS_SHOWN = 500
COLLABORATORS_SHOWN = 500
NEIGHBORHOOD_ITEMS = 20
GRAPH_DEPTH = 1
GRAPH_LIMIT = 200  # the API's default node cap
CLUSTER_MIN_WORKS = 1

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render `template` with the search box prefilled from `?q=` and the signed-in viewer
    (with the CSRF token of the header's sign-out button)."""
    context.setdefault("q", "")
    session = sessions.session_of(request)
    context["viewer"] = session.account if session else None
    context["viewer_csrf"] = session.csrf if session else ""
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def not_found(request: Request, kind: str, key: str) -> HTMLResponse:
    shown = key if len(key) <= 80 else key[:80] + "…"
    what = f"No {kind} “{shown}”."
    return page(request, "not_found.html", status_code=404, title="Not found", what=what)


def unknown_page(request: Request) -> HTMLResponse:
    """The not-found page for a path no route serves (the app's 404 handler calls it)."""
    return not_found(request, "page at", request.url.path)


@router.get("/favicon.ico", response_class=FileResponse)
def favicon() -> FileResponse:
    """The site icon (SVG), where browsers look for it by default."""
    return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")


@router.get("/")
def home(request: Request, backend: Backend) -> HTMLResponse:
    """The largest topics and the most connected researchers."""
    topics = topic_service.largest(backend, HOME_ITEMS)
    researchers = researcher_service.most_connected(backend, HOME_ITEMS)
    return page(request, "home.html", title="Explorer", topics=topics, researchers=researchers)


@router.get("/search")
def search(request: Request, backend: Backend, q: str = "", open: str = "") -> HTMLResponse:
    """Researchers by name or alias and works by title, both accent- and case-insensitive;
    `open=1`: only researchers open to collaborate (all of them with no query)."""
    q = q.strip()[:MAX_QUERY]
    folded = fold_once(q)
    open_only = open == "1"
    researchers: list[dict[str, Any]] = []
    works: list[dict[str, Any]] = []
    if folded or open_only:
        researchers = researcher_search.search(backend, q, SEARCH_ITEMS, open_only)["items"]
    if folded and not open_only:
        works = work_service.title_search(backend, q, SEARCH_ITEMS)
    return page(
        request,
        "search.html",
        title=f"Search: {q}" if q else "Search",
        q=q,
        searched=bool(folded) or open_only,
        open_only=open_only,
        researchers=researchers,
        works=works,
        limit=SEARCH_ITEMS,
    )


def researcher_profile(
    state: State, researcher_id: str, viewer_id: str = ""
) -> dict[str, Any] | None:
    """The profile a page shows; None for an unknown id (or one too long to exist)."""
    if len(researcher_id) > MAX_ID:
        return None
    min_works = state.settings.graphsvc_close_collaborator_min_works
    return researcher_service.profile(state.backend, researcher_id, min_works, viewer_id)


@router.get("/researchers/{researcher_id:path}")
def researcher(request: Request, state: State, researcher_id: str) -> HTMLResponse:
    """Profile, topic chips, close collaborators, works and the research graph."""
    backend = state.backend
    min_works = state.settings.graphsvc_close_collaborator_min_works
    session = sessions.session_of(request)
    viewer_id = session.account["id"] if session and session.account else ""
    profile = researcher_profile(state, researcher_id, viewer_id)
    if profile is None:
        return not_found(request, "researcher with id", researcher_id)
    works = researcher_service.works(backend, researcher_id, WORKS_SHOWN, 0) or {
        "total": 0,
        "items": [],
    }
    ranked = researcher_service.collaborators(
        backend, researcher_id, limit=COLLABORATORS_SHOWN, weighting="count", since=None
    )
    newman = researcher_service.collaborators(
        backend, researcher_id, limit=COLLABORATORS_SHOWN, weighting="newman", since=None
    )
    newman_score = {c["id"]: c["score"] for c in (newman or {"items": []})["items"]}
    collaborators = [
        {**c, "newman": newman_score.get(c["id"])} for c in (ranked or {"items": []})["items"]
    ]
    titles = {w["arxiv_id"]: w["title"] for w in works["items"]}
    trust = researcher_trust.snapshot(backend, researcher_id, min_works)
    invite = collaboration.invite_option(backend, viewer_id or None, profile["id"], profile)
    return page(
        request,
        "researcher.html",
        title=profile["name"],
        profile=profile,
        trust=trust,
        invite=invite,
        works=works,
        shown_work_ids=set(titles),
        titles=titles,
        close=[c for c in collaborators if c["shared_works"] >= min_works],
        others=[c for c in collaborators if c["shared_works"] < min_works],
        min_works=min_works,
        graph_depth=GRAPH_DEPTH,
        graph_limit=GRAPH_LIMIT,
    )


@router.get("/topics/{topic_id:path}")
def topic(request: Request, state: State, topic_id: str) -> HTMLResponse:
    """A topic's neighborhood (co-occurring topics, top researchers, recent works), its cluster."""
    hood = (
        topic_service.neighborhood(state.backend, topic_id, NEIGHBORHOOD_ITEMS, state.cache)
        if len(topic_id) <= MAX_ID
        else None
    )
    if hood is None:
        return not_found(request, "topic with id", topic_id)
    clusters = topic_service.clusters(state.backend, CLUSTER_MIN_WORKS, state.cache)
    open_here = collaboration.in_topic(state.backend, topic_id, NEIGHBORHOOD_ITEMS)
    cluster = next(
        (c for c in clusters["clusters"] if any(t["id"] == topic_id for t in c["topics"])), None
    )
    return page(
        request,
        "topic.html",
        title=hood["topic"]["name"],
        hood=hood,
        cluster=cluster,
        open_here=open_here,
        clusters_count=len(clusters["clusters"]),
        limit=NEIGHBORHOOD_ITEMS,
    )


@router.get("/teams/{team_id:path}")
def team(request: Request, backend: Backend, team_id: str) -> HTMLResponse:
    """A team: its spellings, size, top members and newest works."""
    data = (
        team_service.team(backend, team_id, NEIGHBORHOOD_ITEMS) if len(team_id) <= MAX_ID else None
    )
    if data is None:
        return not_found(request, "team with id", team_id)
    return page(request, "team.html", title=data["name"], team=data)


@router.get("/works/{arxiv_id:path}")
def work(request: Request, backend: Backend, arxiv_id: str) -> HTMLResponse:
    """A work: authors, categories, abstract and its arXiv link."""
    data = work_service.work(backend, arxiv_id) if len(arxiv_id) <= MAX_ID else None
    if data is None:
        return not_found(request, "work with arXiv id", arxiv_id)
    return page(request, "work.html", title=data["title"] or data["arxiv_id"], work=data)

"""Routes: a researcher's graph slice (JSON for Cytoscape.js or GraphML) and co-author paths."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from graphsvc.api.deps import Backend
from graphsvc.api.models_graph import CoauthorPath, GraphSlice
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import LOOKUP_ERRORS, NotFound
from graphsvc.services import graph as graph_service
from graphsvc.services import paths as path_service

router = APIRouter(prefix="/v1", tags=["graph"])


@router.get(
    "/researchers/{researcher_id}/graph",
    response_model=GraphSlice,
    summary="A researcher's ego network, capped (Cytoscape.js JSON or GraphML)",
    responses={
        200: {"content": {graph_service.GRAPHML: {"schema": {"type": "string"}}}},
        **LOOKUP_ERRORS,
    },
)
def get_graph(
    backend: Backend,
    researcher_id: ResearcherId,
    depth: Annotated[
        int, Query(ge=1, le=2, description="1: works, co-authors...; 2: also their co-authors.")
    ] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many nodes.")] = 200,
    fmt: Annotated[Literal["json", "graphml"], Query(alias="format")] = "json",
) -> GraphSlice | Response:
    """The researcher, their works, the works' topics, their co-authors and the institutions of
    them all; with depth 2 also the co-authors' co-authors and the works linking them. Nodes are
    kept in a fixed priority order (researcher, co-authors by shared works, works newest first,
    topics, institutions, then second-ring researchers by linking works), edges are the stored
    relationships between kept nodes."""
    data = graph_service.ego_network(backend, researcher_id, depth, limit)
    if data is None:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    if fmt == "graphml":
        return Response(graph_service.to_graphml(data), media_type=graph_service.GRAPHML)
    return GraphSlice.model_validate(data)


@router.get(
    "/paths",
    response_model=CoauthorPath,
    summary="The shortest co-authorship path between two researchers",
    responses=LOOKUP_ERRORS,
)
def get_path(
    backend: Backend,
    start: Annotated[
        str, Query(alias="from", min_length=1, max_length=500, examples=["zhi-qin-john-xu"])
    ],
    end: Annotated[str, Query(alias="to", min_length=1, max_length=500, examples=["tao-luo"])],
    max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
) -> CoauthorPath:
    """Hops go through shared works. Of several shortest paths, the one with the
    lexicographically smallest sequence of researcher ids; each hop shows the newest shared
    work (then the smallest arXiv id). No path within `max_hops`: `found` false."""
    try:
        data = path_service.shortest_path(backend, start, end, max_hops)
    except path_service.UnknownResearcher as err:
        raise NotFound(f"no researcher with id {err.researcher_id!r}") from err
    return CoauthorPath.model_validate(data)

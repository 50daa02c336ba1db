"""Routes: a researcher's graph slice (JSON for Cytoscape.js or GraphML)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import Backend
from graphsvc.api.models_graph import GraphSlice
from graphsvc.api.params import ResearcherId
from graphsvc.api.problems import LOOKUP_ERRORS, NotFound, unknown_researcher
from graphsvc.services import graph as graph_service

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
async def get_graph(
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
    data = await run_in_threadpool(graph_service.ego_network, backend, researcher_id, depth, limit)
    if data is None:
        raise NotFound(unknown_researcher(researcher_id))
    if fmt == "graphml":
        return Response(graph_service.to_graphml(data), media_type=graph_service.GRAPHML)
    return GraphSlice.model_validate(data)

"""Routes: topics (largest, neighborhood, clusters)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import Backend, State
from graphsvc.api.models_topics import Topic, TopicClusters, TopicNeighborhood, TopicSize
from graphsvc.api.problems import LOOKUP_ERRORS, READ_ERRORS, NotFound
from graphsvc.services import topics as service

router = APIRouter(prefix="/v1", tags=["topics"])

TopicId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        description="The topic (arXiv category) id.",
        examples=["cs.LG"],
    ),
]


def _unknown(topic_id: str) -> NotFound:
    return NotFound(f"no topic with id {topic_id!r}")


@router.get(
    "/topics",
    response_model=list[TopicSize],
    summary="The largest topics",
    responses=READ_ERRORS,
)
async def list_topics(
    backend: Backend, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> list[TopicSize]:
    """Topics with at least one work, by number of works (descending), then id."""
    largest = await run_in_threadpool(service.largest, backend, limit)
    return [TopicSize.model_validate(t) for t in largest]


# Declared before /topics/{topic_id} so that "clusters" is not taken for a topic id.
@router.get(
    "/topics/clusters",
    response_model=TopicClusters,
    summary="Clusters of topics that share works (Louvain)",
    responses=READ_ERRORS,
)
async def topic_clusters(
    state: State,
    min_works: Annotated[
        int, Query(ge=1, le=100_000, description="Leave out topics with fewer works.")
    ] = 1,
) -> TopicClusters:
    """Louvain communities (seed 42) of the topic co-occurrence graph, whose edge weights are
    the numbers of works two topics share. Cached until the graph changes."""
    data = await run_in_threadpool(service.clusters, state.backend, min_works, state.cache)
    return TopicClusters.model_validate(data)


@router.get(
    "/topics/{topic_id}",
    response_model=Topic,
    summary="A topic with its number of works",
    responses=LOOKUP_ERRORS,
)
async def get_topic(backend: Backend, topic_id: TopicId) -> Topic:
    """The topic's name, archive, group and number of works."""
    data = await run_in_threadpool(service.profile, backend, topic_id)
    if data is None:
        raise _unknown(topic_id)
    return Topic.model_validate(data)


@router.get(
    "/topics/{topic_id}/neighborhood",
    response_model=TopicNeighborhood,
    summary="A topic's co-occurring topics, top researchers and recent works",
    responses=LOOKUP_ERRORS,
)
async def topic_neighborhood(
    state: State,
    topic_id: TopicId,
    limit: Annotated[int, Query(ge=1, le=500, description="Items per list.")] = 20,
) -> TopicNeighborhood:
    """Co-occurring topics by shared works with their lift, the researchers with the most
    works in the topic, and its newest works; each list holds at most `limit` items."""
    data = await run_in_threadpool(
        service.neighborhood, state.backend, topic_id, limit, state.cache
    )
    if data is None:
        raise _unknown(topic_id)
    return TopicNeighborhood.model_validate(data)

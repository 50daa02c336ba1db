"""Response models of the topic, cluster and work endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field


class TopicSize(BaseModel):
    """A topic with its number of works."""

    id: str
    name: str
    archive: str
    group_name: str
    works: int


class Topic(BaseModel):
    """An arXiv category with its archive and group, and its number of works."""

    id: str
    name: str
    archive: str
    archive_name: str
    group_id: str
    group_name: str
    works: int


class CooccurringTopic(BaseModel):
    """A topic sharing works with the topic asked about."""

    id: str
    name: str
    works_together: int = Field(description="Works having both topics.")
    lift: float = Field(
        description="works_together * N / (works(topic) * works(this)), N = works with a "
        "topic; above 1 when the two co-occur more than by chance. Rounded to 6 decimals."
    )


class TopicResearcher(BaseModel):
    """A researcher with the number of their works in the topic."""

    id: str
    name: str
    works: int


class RecentWork(BaseModel):
    """A work of the topic."""

    arxiv_id: str
    title: str | None
    year: int | None


class TopicNeighborhood(BaseModel):
    """A topic, the topics it co-occurs with, its most productive researchers, recent works."""

    topic: Topic
    total_works: int = Field(description="N: the number of works with at least one topic.")
    cooccurring: list[CooccurringTopic] = Field(
        description="By works together (descending), then id."
    )
    researchers: list[TopicResearcher] = Field(
        description="By works in the topic (descending), then name, then id."
    )
    recent_works: list[RecentWork] = Field(
        description="Newest first (undated last), then arXiv id descending."
    )


class ClusterTopic(BaseModel):
    """A topic in a cluster."""

    id: str
    name: str
    works: int


class Cluster(BaseModel):
    """One community of topics."""

    id: int = Field(description="0 for the largest cluster; ties by smallest topic id.")
    topics: list[ClusterTopic] = Field(description="By works (descending), then id.")


class TopicClusters(BaseModel):
    """Louvain communities of the weighted topic co-occurrence graph.

    A graph with topics but no edges (no two kept topics share a work) has one cluster per
    topic and modularity 0.0; a graph without topics has no clusters and modularity 0.0.
    """

    min_works: int
    clusters: list[Cluster] = Field(
        description="By size (descending), then smallest topic id. When no two kept topics "
        "share a work, each topic is its own cluster."
    )
    modularity: float = Field(
        description="Modularity of the partition, rounded to 6 decimals; 0.0 when the graph "
        "has no edges (no topics, or no two sharing a work)."
    )
    graph_version: int = Field(description="The graph version the answer was computed on.")

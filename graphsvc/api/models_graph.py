"""Response models of the graph-slice and path endpoints."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

NodeType = Literal["Researcher", "Work", "Topic", "Institution", "Team"]
EdgeType = Literal["AUTHORED", "HAS_TOPIC", "AFFILIATED_WITH", "MEMBER_OF"]
Scalar = int | str | None


class NodeData(BaseModel):
    """A node: `id` is unique across types ("researcher:<id>", "work:<arxiv_id>", ...)."""

    id: str
    type: NodeType
    label: str = Field(description="Name or title.")
    properties: dict[str, Scalar] = Field(
        description="Researcher: depth (0, 1, 2); Work: year, published; Topic: works "
        "(the researcher's works in it); Team: works (the researcher's works naming it), size "
        "(its members); Institution: none."
    )


class EdgeData(BaseModel):
    """A stored relationship between two nodes of the slice."""

    id: str
    source: str
    target: str
    type: EdgeType


class Node(BaseModel):
    data: NodeData


class Edge(BaseModel):
    data: EdgeData


class Elements(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class GraphSlice(BaseModel):
    """A capped ego network in the shape Cytoscape.js takes (`cy.add(body.elements)`)."""

    elements: Elements
    truncated: bool = Field(description="Whether nodes were left out to respect `limit`.")
    center: str = Field(description="The node id of the researcher asked for.")

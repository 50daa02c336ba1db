"""Response models of the co-authorship path endpoint."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PathResearcher(BaseModel):
    id: str
    name: str


class PathWork(BaseModel):
    arxiv_id: str
    title: str | None
    year: int | None


class PathLink(BaseModel):
    """One hop: two consecutive researchers and a work they share."""

    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from")
    to: str
    work: PathWork


class CoauthorPath(BaseModel):
    """A shortest co-authorship path; `hops` is null and the lists empty when none was found."""

    found: bool
    hops: int | None
    researchers: list[PathResearcher]
    links: list[PathLink]

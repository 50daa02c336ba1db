"""Response models of the work endpoint."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class Category(BaseModel):
    """An arXiv category of a work."""

    id: str
    name: str
    is_primary: bool


class InstitutionRef(BaseModel):
    """An institution an author gave for a work."""

    id: str
    name: str


class WorkAuthor(BaseModel):
    """An author of a work, at its position in the author list (0 = first)."""

    id: str
    name: str
    position: int
    institutions: list[InstitutionRef]


class WorkTeam(BaseModel):
    """A team named on a work."""

    id: str
    name: str


class Work(BaseModel):
    """An arXiv work with its categories and authors in order."""

    arxiv_id: str
    version: int | None
    title: str
    abstract: str
    published: dt.date | None
    updated: dt.date | None
    year: int | None
    doi: str | None
    journal_ref: str | None
    comment: str | None
    venue: str = Field(description='The journal reference, or "arXiv".')
    categories: list[Category] = Field(description="The primary category first, then by id.")
    teams: list[WorkTeam] = Field(description="The teams the work names, by id.")
    team_work: bool = Field(
        description="Whether it names a team or has more authors than GRAPHSVC_TEAM_MIN_AUTHORS "
        "(then it makes nobody a personal co-author)."
    )
    authors: list[WorkAuthor]

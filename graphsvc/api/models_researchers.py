"""Response models of the researcher endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

AffiliationStatus = Literal["imported", "affiliation not imported"]
Weighting = Literal["count", "newman"]


class ResearcherHit(BaseModel):
    """One researcher matching a name search."""

    id: str
    name: str
    aliases: list[str]
    works_count: int


class ResearcherSearch(BaseModel):
    """Search hits: exact name or alias matches first, then whole-word matches, then word
    prefixes, then the query inside a name, then its words apart; ties by works, name, id."""

    q: str = Field(description="The query as given.")
    folded: str = Field(description="The accent- and case-folded query that was matched.")
    items: list[ResearcherHit]


class InstitutionStint(BaseModel):
    """An institution a researcher's works name, with the years and number of those works."""

    id: str
    name: str
    first_year: int | None
    last_year: int | None
    works: int


class TopicCount(BaseModel):
    """A topic with the number of the researcher's works in it."""

    id: str
    name: str
    works: int


class ResearcherProfile(BaseModel):
    """A researcher with summary counts."""

    id: str
    name: str
    aliases: list[str]
    institutions: list[InstitutionStint]
    affiliation_status: AffiliationStatus = Field(
        description='"affiliation not imported" when no institution is known for the researcher.'
    )
    works_count: int
    topics_count: int
    close_collaborators_count: int = Field(
        description="Co-authors sharing at least `close_collaborator_min_works` works."
    )
    close_collaborator_min_works: int
    top_topics: list[TopicCount] = Field(description="Up to 10, most works first, then by id.")
    first_year: int | None
    last_year: int | None


class Person(BaseModel):
    """A researcher, by id and name."""

    id: str
    name: str


class ResearcherWork(BaseModel):
    """One work of a researcher."""

    arxiv_id: str
    year: int | None
    published: dt.date | None
    title: str
    abstract: str
    categories: list[str] = Field(description="The primary category first, then alphabetical.")
    venue: str = Field(description='The journal reference, or "arXiv".')
    authors: list[Person] = Field(description="Every author in author order.")


class ResearcherWorks(BaseModel):
    """One page of a researcher's works, newest first (undated last), then arXiv id descending."""

    researcher_id: str
    total: int
    limit: int
    offset: int
    items: list[ResearcherWork]


class Collaborator(BaseModel):
    """A co-author with what the two share."""

    id: str
    name: str
    shared_works: int
    score: float = Field(
        description="shared_works (count) or the sum of 1/(n-1) over shared works with n "
        "authors (newman), rounded to 6 decimals."
    )
    first_year: int | None = Field(description="Earliest year among the shared works.")
    last_year: int | None = Field(description="Latest year among the shared works.")
    work_ids: list[str] = Field(
        description="Up to 5 shared works, newest first by the best date known: the year of v1 "
        "(from the publication date, else from the arXiv id; no year last), then the "
        "publication date (undated last within a year), then arXiv id descending."
    )
    shared_topics: list[str] = Field(
        description="Up to 5 topics of the shared works, most frequent first, then by id."
    )


class Collaborators(BaseModel):
    """A researcher's co-authors, best score first, ties by name then id."""

    researcher_id: str
    weighting: Weighting
    since: int | None
    items: list[Collaborator]

"""Response models of the researcher endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

AffiliationStatus = Literal["imported", "affiliation not imported"]
Weighting = Literal["count", "newman"]
Scope = Literal["personal", "all"]
Level = Literal["L1", "L2", "L3"]
Tier = Literal["New", "Emerging", "Established", "Trusted", "Highly trusted"]
TRUST_FORMULA = (
    "The sum of eight components, rounded half up to an integer in 0-100: works (18 points), "
    "years active (8), personal co-authors (8), close collaborators (10), topics (6), each "
    "max * min(1, ln(1 + n) / ln(1 + cap)) with caps 1000, 50, 1000, 100 and 50; verification "
    "(L1 0, L2 10, L3 20); claim (an approved claim: 10); followers (20, cap 1000). Tiers: "
    "0-19 New, 20-39 Emerging, 40-59 Established, 60-79 Trusted, 80-100 Highly trusted."
)
LEVELS = (
    "L1: an author record resolved from arXiv, not confirmed (unclaimed, or a claim pending); "
    "L2: an approved claim links it to an account with a verified email; L3: also, the "
    "claim's ORCID record lists at least one of the record's arXiv works."
)


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


class TeamMembership(BaseModel):
    """A team (a collaboration named on works) the researcher's works name."""

    id: str
    name: str
    shared_works: int = Field(description="The researcher's works that name this team.")
    size: int = Field(description="Researchers on the team's works (its members).")
    works: int = Field(description="Works naming the team.")


class ClaimState(BaseModel):
    """Whether an account owns the record (README: Claims). Never an email."""

    state: Literal["unclaimed", "pending", "claimed"] = Field(
        description='"pending": a claim awaits review; "claimed": an approved claim.'
    )
    owner: str | None = Field(description="The owner's display name when claimed.")


class CollaborationState(BaseModel):
    """Whether the record's owner is open to collaborate (README: Open to collaborate and
    invitations); closed or unowned: open false, no note, no topics."""

    open: bool
    note: str
    topics: list[str] = Field(description="Topic (arXiv category) ids.")


class TrustSummary(BaseModel):
    """The trust score and its tier."""

    score: int = Field(ge=0, le=100, description=TRUST_FORMULA)
    tier: Tier


class Verification(BaseModel):
    """How far the record is confirmed to be its author's."""

    level: Level = Field(description=LEVELS)
    label: str


class FollowerCount(BaseModel):
    count: int = Field(description="Accounts following this researcher.")
    following: bool = Field(description="Whether the signed-in account does (false if none).")


class ResearcherProfile(BaseModel):
    """A researcher with summary counts. Team works (a team named, or more authors than
    `GRAPHSVC_TEAM_MIN_AUTHORS`) count in `works_count` and the topics; co-authors and close
    collaborators count personal works only; the teams are listed once each."""

    id: str
    name: str
    aliases: list[str]
    institutions: list[InstitutionStint]
    affiliation_status: AffiliationStatus = Field(
        description='"affiliation not imported" when no institution is known for the researcher.'
    )
    works_count: int
    team_works_count: int = Field(description="How many of the works are team works.")
    topics_count: int
    coauthors_count: int = Field(description="Co-authors on personal (non-team) works.")
    close_collaborators_count: int = Field(
        description="Personal co-authors sharing at least `close_collaborator_min_works` "
        "personal works."
    )
    close_collaborator_min_works: int
    teams: list[TeamMembership] = Field(description="Most shared works first, then by id.")
    top_topics: list[TopicCount] = Field(description="Up to 10, most works first, then by id.")
    first_year: int | None
    last_year: int | None
    claim: ClaimState
    collaboration: CollaborationState
    trust: TrustSummary = Field(description="The trust snapshot's score (see `/trust`).")
    verification: Verification
    followers: FollowerCount


class TrustComponent(BaseModel):
    """One part of the trust score."""

    name: str = Field(
        description="works, years_active, collaborators, close_collaborators, topics, "
        "verification, claim or followers."
    )
    signal: int = Field(
        description="The signal's value (the level as 1-3 for verification, 0/1 for claim)."
    )
    points: float = Field(description="Points earned, rounded to 2 decimals.")
    max_points: float


class TrustSnapshot(BaseModel):
    """A researcher's trust score with its tier, verification level and components."""

    researcher_id: str
    score: int = Field(ge=0, le=100, description=TRUST_FORMULA)
    tier: Tier
    verification: Verification
    components: list[TrustComponent] = Field(
        description="In a fixed order; their points sum to the score before rounding."
    )


class Person(BaseModel):
    """A researcher, by id and name."""

    id: str
    name: str


class TeamRef(BaseModel):
    """A team, by id and name."""

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
    authors: list[Person] = Field(
        description="The authors in author order: every one, or the first 100 of a longer list."
    )
    authors_count: int = Field(description="How many people the work lists.")
    teams: list[TeamRef] = Field(description="The teams the work names, by id.")


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
    """A researcher's co-authors, best score first, ties by name then id. With scope
    "personal" (the default) team works are left out and the researcher's teams are listed
    once each in `teams`; with scope "all" every work counts."""

    researcher_id: str
    weighting: Weighting
    since: int | None
    scope: Scope
    items: list[Collaborator]
    teams: list[TeamMembership]

"""Response models of the suggested-collaborators endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field

RANKING = (
    "Candidates: researchers two personal co-authorship hops away who are neither personal "
    "co-authors already nor the researcher (sharing only team works does not count as having "
    "written together). Ranked by resource allocation, then the number of common co-authors, "
    "then topic overlap (all descending, rounded to 6 decimals), then name and id. Common "
    "co-authors with more than `hub_max_coauthors` personal co-authors are not counted: 1,000, "
    "lowered for a researcher whose co-authors would expand to more than `expansion_rows_max` "
    "two-hop rows, to the largest degree d whose co-authors with at most d co-authors fit. "
    "Researchers without a common co-author are not suggested."
)


class CommonCoauthor(BaseModel):
    """A personal co-author of both researchers."""

    id: str
    name: str
    coauthors: int = Field(description="Their personal co-authors (deg in the scores).")


class SharedTopic(BaseModel):
    """A topic both researchers have works in."""

    id: str
    name: str


class RecentWork(BaseModel):
    """One of the candidate's works."""

    arxiv_id: str
    title: str
    year: int | None


class Suggestion(BaseModel):
    """A researcher to write with, the component scores and the evidence."""

    id: str
    name: str
    resource_allocation: float = Field(
        description="Sum over common co-authors z of 1/deg(z), deg(z) = z's personal "
        "co-authors; rounded to 6 decimals. The ranking's first key."
    )
    adamic_adar: float = Field(
        description="Sum over common co-authors z of 1/ln(deg(z)); rounded to 6 decimals."
    )
    common_coauthors_count: int = Field(description="Common personal co-authors (hubs skipped).")
    topic_overlap: float = Field(
        description="Jaccard index of the two topic sets: shared / (topics of one + topics of "
        "the other - shared); rounded to 6 decimals."
    )
    shared_topics_count: int
    open_to_collaborate: bool = Field(
        description="The record is claimed and its owner is open to collaborate."
    )
    common_coauthors: list[CommonCoauthor] = Field(
        description="Up to 5 common co-authors, fewest personal co-authors first (the largest "
        "share of the score), then name and id."
    )
    shared_topics: list[SharedTopic] = Field(
        description="Up to 5 shared topics, most works of the two together first, then id."
    )
    recent_works: list[RecentWork] = Field(
        description="The candidate's 3 newest works: by year, publication date, arXiv id."
    )


class Suggestions(BaseModel):
    """Suggested collaborators, best first."""

    researcher_id: str
    min_common: int = Field(description="Fewest common co-authors a suggestion has.")
    hub_max_coauthors: int = Field(
        description="Common co-authors with more personal co-authors than this are not counted "
        "(1,000, or lower for this researcher to keep within `expansion_rows_max`)."
    )
    expansion_rows_max: int = Field(
        description="Most two-hop co-authorship rows a ranking reads (the bound's budget)."
    )
    items: list[Suggestion]

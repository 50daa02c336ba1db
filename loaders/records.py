"""The one normalized record every source yields: a paper with its authors in order."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

MAX_TITLE_CHARS = 2_000
MAX_ABSTRACT_CHARS = 20_000
MAX_AUTHORS = 10_000


class AuthorRecord(BaseModel):
    """One author of a paper, as printed, with the affiliations given for this paper."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    affiliations: tuple[str, ...] = ()


class PaperRecord(BaseModel):
    """One arXiv paper, normalized: id without version, dates as dates, primary category first."""

    model_config = ConfigDict(frozen=True)

    arxiv_id: str = Field(min_length=1, description="arXiv id without version, e.g. 2105.14573")
    version: int = Field(ge=1, description="latest version number known to the source")
    title: str = Field(min_length=1, max_length=MAX_TITLE_CHARS)
    abstract: str = Field(default="", max_length=MAX_ABSTRACT_CHARS)
    published: date | None = None
    updated: date | None = None
    doi: str | None = None
    journal_ref: str | None = None
    comment: str | None = None
    categories: tuple[str, ...] = Field(
        default=(), description="arXiv categories, the primary one first when it is known"
    )
    primary_known: bool = Field(
        default=True, description="False when the source did not say which category is primary"
    )
    authors: tuple[AuthorRecord, ...] = Field(default=(), max_length=MAX_AUTHORS)
    authors_ordered: bool = Field(
        default=True, description="False when the source lists authors in an unknown order"
    )

    @property
    def year(self) -> int | None:
        """Year of first publication."""
        return self.published.year if self.published else None

    @property
    def primary_category(self) -> str | None:
        """The primary category, when known."""
        return self.categories[0] if self.categories and self.primary_known else None

"""The one normalized record every source yields: a paper with its authors in order."""

from __future__ import annotations

import re
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
        """Year of first publication (from the arXiv id when the source gave no date)."""
        return self.published.year if self.published else year_from_arxiv_id(self.arxiv_id)

    @property
    def primary_category(self) -> str | None:
        """The primary category, when known."""
        return self.categories[0] if self.categories and self.primary_known else None


_NEW_STYLE_ID = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_OLD_STYLE_ID = re.compile(r"^[a-z-]+(?:\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}$")


def year_from_arxiv_id(arxiv_id: str) -> int | None:
    """The submission year an arXiv id encodes: 2105.11675 -> 2021, hep-th/9901001 -> 1999."""
    match = _NEW_STYLE_ID.match(arxiv_id) or _OLD_STYLE_ID.match(arxiv_id)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    yy = int(match.group(1))
    return 1900 + yy if match.re is _OLD_STYLE_ID and yy >= 91 else 2000 + yy

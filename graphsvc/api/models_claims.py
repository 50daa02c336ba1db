"""Request and response bodies of the claim endpoints (README: Claims)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator

MAX_NOTE = 2000
Status = Literal["pending", "approved", "rejected", "released"]


def _encodable(text: str | None) -> str | None:
    """Refuse lone surrogates: no database can store them."""
    if text is not None:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode text") from None
    return text


class ClaimRequest(BaseModel):
    """The evidence of a claim: the record's works that are yours (arXiv ids), and optionally
    an ORCID iD (checked against the record's works), a homepage and a note to the reviewer."""

    works: list[str] = Field(
        min_length=1, max_length=100, examples=[["2001.00001"]], description="arXiv ids."
    )
    orcid: str | None = Field(default=None, max_length=100, examples=["0000-0002-1825-0097"])
    homepage: str | None = Field(default=None, max_length=500, examples=["https://example.org"])
    note: str = Field(default="", max_length=MAX_NOTE)

    @field_validator("works")
    @classmethod
    def _short_ids(cls, works: list[str]) -> list[str]:
        for work in works:
            if len(work) > 100:
                raise ValueError("an arXiv id has at most 100 characters")
            _encodable(work)
        return works

    @field_validator("orcid", "homepage", "note")
    @classmethod
    def _text(cls, text: str | None) -> str | None:
        return _encodable(text)


class Review(BaseModel):
    """An optional note with an approval or rejection (the claimant sees it)."""

    note: str = Field(default="", max_length=MAX_NOTE)

    @field_validator("note")
    @classmethod
    def _text(cls, text: str) -> str | None:
        return _encodable(text)


class Claim(BaseModel):
    """A claim as its account sees it. Times are seconds since the epoch."""

    id: str
    researcher_id: str = Field(description="The record claimed (the kept one after a merge).")
    researcher_name: str | None
    status: Status
    works: list[str]
    orcid: str | None
    homepage: str | None
    note: str
    orcid_check: (
        Literal["verified", "no_match", "not_found", "invalid", "could_not_verify"] | None
    ) = Field(description="The ORCID check at claim time; null without an ORCID iD.")
    orcid_detail: str | None
    created_at: int
    reviewed_at: int | None
    review_note: str | None


class Claims(BaseModel):
    items: list[Claim]


class ClaimAccount(BaseModel):
    """The claimant, for reviewers only."""

    display_name: str | None
    email: str | None


class CompetingClaim(BaseModel):
    """Another pending or approved claim on the same record."""

    id: str
    status: Status
    display_name: str | None
    created_at: int


class ClaimForReview(Claim):
    account: ClaimAccount
    works_count: int = Field(description="The record's works.")
    competing: list[CompetingClaim] = Field(
        description="Other pending or approved claims on the record: look before approving."
    )


class ClaimQueue(BaseModel):
    items: list[ClaimForReview] = Field(description="Oldest first (at most 500).")

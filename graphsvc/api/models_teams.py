"""Response models of the team endpoint."""

from __future__ import annotations

from pydantic import BaseModel, Field


class TeamMember(BaseModel):
    """A researcher on a team's works."""

    id: str
    name: str
    works: int = Field(description="Their works naming the team.")


class TeamWork(BaseModel):
    """A work naming the team."""

    arxiv_id: str
    title: str | None
    year: int | None
    authors_count: int


class Team(BaseModel):
    """A collaboration named in author lists ("ATLAS Collaboration"): never a researcher."""

    id: str
    name: str
    aliases: list[str] = Field(description="The spellings seen in author lists.")
    works: int = Field(description="Works naming the team.")
    members: int = Field(description="Researchers listed on those works.")
    top_members: list[TeamMember] = Field(description="Most works first, then name and id.")
    recent_works: list[TeamWork] = Field(description="Newest first (undated last).")

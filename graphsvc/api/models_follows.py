"""Answers of the follow endpoints."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class FollowState(BaseModel):
    researcher: str = Field(description="The followed record's id (a merged id's kept record).")
    followers: int
    following: bool = Field(description="Whether the signed-in account follows (false if none).")


class Followed(BaseModel):
    id: str
    name: str
    works_count: int
    since: int = Field(description="When the follow began (seconds since the epoch).")


class Following(BaseModel):
    items: list[Followed]


class FeedPerson(BaseModel):
    id: str
    name: str


class FeedItem(BaseModel):
    arxiv_id: str
    title: str | None
    published: dt.date | None
    year: int | None
    researchers: list[FeedPerson] = Field(description="Who among those you follow wrote it.")


class Feed(BaseModel):
    offset: int
    limit: int
    items: list[FeedItem]


class FeedUrl(BaseModel):
    url: str = Field(description="A private Atom feed URL: anyone holding it can read the feed.")

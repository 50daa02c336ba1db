"""Request and response bodies of "open to collaborate" and invitations (README: Open to
collaborate and invitations). Texts are plain text, stored and returned as given: pages escape
them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator

from graphsvc.api.models_claims import _encodable
from graphsvc.services.collaboration import MAX_NOTE, MAX_TOPICS
from graphsvc.services.invitations import MAX_WORKS

MAX_SUBJECT = 150
MAX_MESSAGE = 5000
MAX_REPLY = 5000
Status = Literal["pending", "accepted", "declined", "blocked"]
Role = Literal["sender", "recipient"]


def _ids(items: list[str]) -> list[str]:
    for item in items:
        if len(item) > 100:
            raise ValueError("an id has at most 100 characters")
        _encodable(item)
    return items


def _text(text: str) -> str:
    """Not blank, valid Unicode, no NUL (which not every engine stores)."""
    if not text.strip():
        raise ValueError("must not be blank")
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    _encodable(text)
    return text


class Collaboration(BaseModel):
    """Whether the record's owner is open to collaborate (closed: note and topics empty)."""

    open: bool
    note: str = Field(description="A short note from the owner.")
    topics: list[str] = Field(description="Topic (arXiv category) ids they want to work on.")


class CollaborationRequest(BaseModel):
    """Open or close my record to collaboration, with a short note and topics (ids of topics
    in the graph: the record's own or any arXiv category the graph holds)."""

    open: bool
    note: str = Field(default="", max_length=MAX_NOTE)
    topics: list[str] = Field(default_factory=list, max_length=MAX_TOPICS, examples=[["cs.LG"]])

    @field_validator("note")
    @classmethod
    def _note(cls, note: str) -> str:
        if "\x00" in note:
            raise ValueError("must not contain NUL characters")
        return _encodable(note) or ""

    @field_validator("topics")
    @classmethod
    def _topics(cls, topics: list[str]) -> list[str]:
        return _ids(topics)


class MyCollaboration(Collaboration):
    """My record's state as stored (the note and topics are kept while closed)."""

    researcher_id: str = Field(description="The record I own.")
    updated_at: int | None = Field(description="Seconds since the epoch; null if never set.")


class OpenResearcher(BaseModel):
    """A researcher open to collaborate in a topic."""

    id: str
    name: str
    works: int = Field(description="Their works in the topic.")
    chose_topic: bool = Field(description="Whether the topic is one of their chosen topics.")
    collaboration: Collaboration


class OpenResearchers(BaseModel):
    topic_id: str
    items: list[OpenResearcher] = Field(
        description="Those who chose the topic first, then by works in it, name and id."
    )


class InvitationRequest(BaseModel):
    """An invitation to collaborate: a subject, a message, and optionally works (arXiv ids in
    the graph) and topics (topic ids) it is about."""

    subject: str = Field(min_length=1, max_length=MAX_SUBJECT)
    message: str = Field(min_length=1, max_length=MAX_MESSAGE)
    works: list[str] = Field(default_factory=list, max_length=MAX_WORKS)
    topics: list[str] = Field(default_factory=list, max_length=MAX_TOPICS)

    @field_validator("subject", "message")
    @classmethod
    def _plain(cls, text: str) -> str:
        return _text(text)

    @field_validator("works", "topics")
    @classmethod
    def _list(cls, items: list[str]) -> list[str]:
        return _ids(items)


class ReplyRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_REPLY)

    @field_validator("text")
    @classmethod
    def _plain(cls, text: str) -> str:
        return _text(text)


class Party(BaseModel):
    """One side of an invitation: the account's display name and its record."""

    name: str | None
    researcher_id: str
    researcher_name: str | None
    email: str | None = Field(
        default=None, description="The contact email, shown to both parties once accepted."
    )


class InvitationSummary(BaseModel):
    """An invitation in my inbox or sent box. A blocked invitation reads "declined" to its
    sender."""

    id: str
    role: Role = Field(description="Whether I sent or received it.")
    status: Status
    subject: str
    created_at: int
    answered_at: int | None
    other: Party = Field(description="The other party (no email in lists).")


class InvitationList(BaseModel):
    box: Literal["inbox", "sent"]
    items: list[InvitationSummary] = Field(description="Newest first (at most `limit`).")


class Reply(BaseModel):
    id: str
    author: Role
    text: str
    created_at: int


class Thread(BaseModel):
    """An invitation and its replies, as one of its two parties sees it."""

    id: str
    role: Role
    status: Status
    subject: str
    message: str
    works: list[str]
    topics: list[str]
    created_at: int
    answered_at: int | None
    sender: Party
    recipient: Party
    can_reply: bool = Field(description="Accepted, and no block between the two.")
    replies: list[Reply] = Field(description="Oldest first.")

"""Request and response models of the write endpoints (ingest jobs, merge, split)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_ARXIV_RESULTS = 100_000


class IngestArxiv(BaseModel):
    """Harvest the live arXiv API (JSON body of `POST /v1/ingest`)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["arxiv"]
    query: str = Field(
        min_length=1, max_length=1000, description="arXiv query, e.g. 'au:\"Xu, Zhi-Qin\"'."
    )
    max_results: int = Field(default=100, ge=1, le=MAX_ARXIV_RESULTS)


class IngestProgress(BaseModel):
    """Counts so far (updated after each written batch)."""

    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    position: int = 0


class IngestJob(BaseModel):
    """An ingest job: queued, running, cancelling, then done, failed or cancelled."""

    id: str
    kind: Literal["atom", "snapshot", "arxiv"]
    source: str = Field(description="What is ingested: the uploaded file's name or the query.")
    status: Literal["queued", "running", "cancelling", "done", "failed", "cancelled"] = Field(
        description="`cancelling`: asked to stop, it stops at its next item."
    )
    created: dt.datetime
    started: dt.datetime | None = None
    finished: dt.datetime | None = None
    progress: IngestProgress
    summary: dict[str, Any] | None = Field(
        default=None,
        description="The writer's final summary: what was written (also when a job failed or "
        "was cancelled midway).",
    )
    error: str | None = None


class MergeRequest(BaseModel):
    """The other researcher record of a merge or split."""

    model_config = ConfigDict(extra="forbid")

    other: str = Field(min_length=1, max_length=500, examples=["zhi-qin-john-xu-2"])


class MergeResult(BaseModel):
    """What a merge or split did."""

    kept: str
    other: str
    works_moved: list[str] = Field(description="The works whose authorship moved.")
    name: str = Field(description="Merge: the kept record's name; split: the restored one's.")
    aliases: list[str]

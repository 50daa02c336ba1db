"""What every source yields: a paper record or a counted skip, each with a resume position."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.records import PaperRecord


@dataclass(frozen=True)
class Skip:
    """An input item that was not ingested, with a short reason and where it was."""

    reason: str
    where: str
    detail: str = ""


@dataclass(frozen=True)
class SourceItem:
    """One item from a source. `position` is what a resumed run passes back to skip what is done."""

    position: int
    record: PaperRecord | None = None
    skip: Skip | None = None

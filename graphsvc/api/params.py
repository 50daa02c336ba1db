"""Path parameters shared by several route modules."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

ResearcherId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=500,
        description="The researcher's id.",
        examples=["zhi-qin-john-xu"],
    ),
]

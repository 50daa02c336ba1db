"""Routes: works."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import Backend
from graphsvc.api.models_works import Work
from graphsvc.api.problems import LOOKUP_ERRORS, found
from graphsvc.services import works as service

router = APIRouter(prefix="/v1", tags=["works"])


@router.get(
    "/works/{arxiv_id:path}",
    response_model=Work,
    summary="A work with its categories and authors",
    responses=LOOKUP_ERRORS,
)
async def get_work(
    backend: Backend,
    arxiv_id: Annotated[
        str,
        Path(
            min_length=1,
            max_length=200,
            description='The arXiv id ("2105.14573", "hep-th/9901001"); a version '
            '("2105.14573v2"), the "arXiv:" prefix (any case) and an old-style subject class '
            '("math.GT/0309136" for "math/0309136") are accepted.',
            examples=["0704.0001"],
        ),
    ],
) -> Work:
    """Metadata, categories (primary first) and authors in order with their institutions.
    The answer's `arxiv_id` is the stored id, without version or prefix."""
    data = found(
        await run_in_threadpool(service.work, backend, arxiv_id),
        f"no work with arXiv id {arxiv_id!r}",
    )
    return Work.model_validate(data)

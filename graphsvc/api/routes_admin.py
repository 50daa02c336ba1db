"""Routes that change the graph (behind an admin bearer token).

`router` is only included when admin tokens are configured (see `graphsvc.api.app`); its
dependency `require_admin` also refuses every request when none is. A merged id's 301 is
answered by the app's one 404 handler (`graphsvc.api.problems`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from graphsvc.api.auth import require_admin
from graphsvc.api.deps import Backend, State
from graphsvc.api.models_admin import IngestArxiv, IngestJob, MergeRequest, MergeResult
from graphsvc.api.problems import PROBLEM, PROBLEM_RESPONSES, Problem, found
from graphsvc.db import GraphBackend
from graphsvc.jobs import JobFinished, JobManager, JobsBusy, UploadTooLarge
from graphsvc.services import merge as merge_service

INGEST_PATH = "/v1/ingest"
UPLOAD_KINDS = ("atom", "snapshot")


def _problem(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description, "content": {PROBLEM: {}}}


ERRORS: dict[int | str, dict[str, Any]] = {
    401: _problem("No bearer token"),
    403: _problem("Wrong token"),
    404: PROBLEM_RESPONSES[404],
    413: _problem("Request body too large"),
    422: PROBLEM_RESPONSES[422],
    503: PROBLEM_RESPONSES[503],
}
MERGE_ERRORS = {**ERRORS, 409: _problem("The records co-authored a work, or an ingest is running")}
ResearcherId = Annotated[
    str, Path(min_length=1, max_length=500, description="The researcher's id (the one kept).")
]


async def get_jobs(request: Request) -> JobManager:
    """The ingest job manager (async: no I/O, no worker thread)."""
    jobs: JobManager = request.app.state.jobs
    return jobs


Jobs = Annotated[JobManager, Depends(get_jobs)]
router = APIRouter(prefix="/v1", tags=["admin"], dependencies=[Depends(require_admin)])


def _invalid(field: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", field), "msg": message, "type": "value_error"}])


@router.post(
    "/ingest",
    status_code=202,
    response_model=IngestJob,
    summary="Start an ingest: an uploaded Atom feed or snapshot file, or an arXiv query",
    responses={
        **ERRORS,
        409: _problem("Too many ingest jobs waiting"),
        415: _problem("Neither multipart/form-data nor application/json"),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["kind", "file"],
                        "properties": {
                            "kind": {"type": "string", "enum": list(UPLOAD_KINDS)},
                            "file": {"type": "string", "format": "binary"},
                        },
                    }
                },
                "application/json": {"schema": IngestArxiv.model_json_schema()},
            },
        }
    },
)
async def start_ingest(request: Request, response: Response, state: State, jobs: Jobs) -> IngestJob:
    """Jobs run one at a time inside the serving process (the embedded engine allows one
    writer); later ones queue. Poll `Location` (`GET /v1/ingest/{job}`) for progress."""
    content_type = request.headers.get("content-type", "").lower()
    try:
        if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            job = await _submit_upload(request, state, jobs)
        elif content_type.startswith("application/json"):
            body = await request.body()
            try:
                arxiv = IngestArxiv.model_validate_json(body)
            except ValidationError as err:
                raise RequestValidationError(
                    [{**e, "loc": ("body", *e["loc"])} for e in err.errors()]
                ) from None
            job = jobs.submit_arxiv(arxiv.query, arxiv.max_results)
        else:
            raise HTTPException(415, "send multipart/form-data (kind, file) or application/json")
    except JobsBusy as err:
        raise HTTPException(409, str(err)) from None
    response.headers["Location"] = f"{INGEST_PATH}/{job.id}"
    return IngestJob.model_validate(job.as_dict())


async def _submit_upload(request: Request, state: State, jobs: JobManager) -> Any:
    limit = state.settings.graphsvc_max_upload_bytes
    form = await request.form(max_files=1, max_fields=4)
    try:
        kind, upload = form.get("kind"), form.get("file")
        if not isinstance(kind, str) or kind not in UPLOAD_KINDS:
            raise _invalid("kind", f"must be one of {', '.join(UPLOAD_KINDS)}")
        if not isinstance(upload, UploadFile):
            raise _invalid("file", "a file is required")
        try:
            path = await run_in_threadpool(jobs.save_upload, upload.file, limit)
        except UploadTooLarge as err:
            raise HTTPException(413, str(err)) from None
        filename = (upload.filename or "upload")[:200]
        return jobs.submit_file(kind, path, filename)  # type: ignore[arg-type]
    finally:
        await form.close()


@router.get(
    "/ingest/{job_id}",
    response_model=IngestJob,
    summary="An ingest job's status, progress and final summary",
    responses=ERRORS,
)
def get_ingest(jobs: Jobs, job_id: Annotated[str, Path(min_length=1, max_length=100)]) -> IngestJob:
    """Jobs are kept in memory: the last 100 finished ones, and not across restarts."""
    data = found(jobs.get(job_id), f"no ingest job with id {job_id!r}")
    return IngestJob.model_validate(data)


@router.delete(
    "/ingest/{job_id}",
    response_model=IngestJob,
    summary="Cancel an ingest job",
    responses={
        **ERRORS,
        202: {"model": IngestJob, "description": "A running job was asked to stop (`cancelling`)"},
        409: _problem("The job has already ended (done or failed)"),
    },
)
def cancel_ingest(
    jobs: Jobs, response: Response, job_id: Annotated[str, Path(min_length=1, max_length=100)]
) -> IngestJob:
    """A queued job is cancelled at once and never runs (200, `cancelled`). A running job
    stops at its next item (202, `cancelling`): what it read so far is written as one last
    batch, one transaction, and it ends `cancelled` with the summary of what was written (poll
    `GET`). Cancelling a cancelled or cancelling job answers it again; a job that ended done or
    failed answers 409."""
    try:
        data = jobs.cancel(job_id)
    except JobFinished as err:
        raise HTTPException(409, str(err)) from None
    data = found(data, f"no ingest job with id {job_id!r}")
    if data["status"] == "cancelling":
        response.status_code = 202
    return IngestJob.model_validate(data)


def _run_merge(
    jobs: JobManager,
    action: Callable[[GraphBackend, str, str], merge_service.MergeResult],
    backend: GraphBackend,
    keep: str,
    other: str,
) -> MergeResult:
    try:
        with jobs.exclusive():
            result = action(backend, keep, other)
    except JobsBusy as err:
        raise HTTPException(409, str(err)) from None
    except merge_service.MergeError as err:
        if err.status == 422:
            raise _invalid("other", err.message) from None
        raise HTTPException(err.status, err.message) from None
    return MergeResult.model_validate(result.as_dict())


@router.post(
    "/researchers/{researcher_id}/merge",
    response_model=MergeResult,
    summary="Merge another researcher record into this one",
    responses=MERGE_ERRORS,
)
def merge_researchers(
    backend: Backend, jobs: Jobs, researcher_id: ResearcherId, body: MergeRequest
) -> MergeResult:
    """The other record's authorships, aliases and affiliations move here; its id then
    answers 301 to this one. Refused (409) if the two co-authored a work."""
    return _run_merge(jobs, merge_service.merge, backend, researcher_id, body.other)


@router.post(
    "/researchers/{researcher_id}/split",
    response_model=MergeResult,
    summary="Undo the merge of another researcher record into this one",
    responses=MERGE_ERRORS,
)
def split_researchers(
    backend: Backend, jobs: Jobs, researcher_id: ResearcherId, body: MergeRequest
) -> MergeResult:
    """Recreates the merged record with its name and aliases and gives it back the works it
    brought; this record's names and both records' affiliations are recomputed."""
    return _run_merge(jobs, merge_service.split, backend, researcher_id, body.other)

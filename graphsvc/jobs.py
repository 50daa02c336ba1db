"""Ingest jobs run inside the serving process, one at a time, by one background thread.

The embedded engine allows one writing process, so the API never starts a second one: jobs queue
(FIFO, at most `MAX_PENDING` waiting) and a single worker thread runs each with its own
`GraphWriter` on the app's backend. Job state lives in memory (the last `KEEP_FINISHED` finished
jobs are kept). Merges and splits take the same write lock, so they never run during an ingest
(whose identity resolver caches researchers). A queued job can be cancelled (it never runs), a
running one stops at its next item: what it read so far is written as one last batch (one
transaction), and the job ends `cancelled` with the summary of what was written.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from graphsvc.db import GraphBackend
from loaders.arxiv_api import Harvester
from loaders.lines import DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_LINE_BYTES, ReadLimits
from loaders.source import SourceItem
from loaders.summary import IngestSummary
from loaders.writer import DEFAULT_TEAM_MIN_AUTHORS, GraphWriter, SourceInterrupted

log = logging.getLogger(__name__)
MAX_PENDING = 8
KEEP_FINISHED = 100
BATCH_SIZE = 500
CHUNK = 1 << 20
Kind = Literal["atom", "snapshot", "arxiv"]
Status = Literal["queued", "running", "cancelling", "done", "failed", "cancelled"]
FINISHED = frozenset({"done", "failed", "cancelled"})
Sleep = Callable[[float], None]


class JobsBusy(Exception):
    """Too many jobs are waiting, or a write is running that a merge must not interleave with."""


class UploadTooLarge(Exception):
    """An uploaded file is over the configured limit."""


class JobFinished(Exception):
    """The job already ended on its own (done or failed): there is nothing to cancel."""


class _Stopped(Exception):
    """The server is shutting down."""


class _Cancelled(Exception):
    """An administrator cancelled the job."""


@dataclass
class Job:
    """One ingest job; what `GET /v1/ingest/{id}` reports."""

    id: str
    kind: Kind
    source: str
    status: Status = "queued"
    created: datetime = field(default_factory=lambda: datetime.now(UTC))
    started: datetime | None = None
    finished: datetime | None = None
    progress: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] | None = None
    error: str | None = None
    path: Path | None = None
    query: str | None = None
    max_results: int | None = None
    cancel: threading.Event = field(default_factory=threading.Event, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source,
            "status": self.status,
            "created": self.created,
            "started": self.started,
            "finished": self.finished,
            "progress": dict(self.progress),
            "summary": self.summary,
            "error": self.error,
        }


def _progress(summary: IngestSummary) -> dict[str, Any]:
    return {
        "ingested": summary.ingested,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "skipped": summary.skipped_total,
        "position": summary.position,
    }


def default_harvester(
    sleep: Sleep = time.sleep, clock: Callable[[], float] = time.monotonic
) -> Harvester:
    """The live arXiv API, paced as the CLI does; `sleep` waits between requests."""
    return Harvester(page_size=100, delay_seconds=3.0, sleep=sleep, clock=clock)


class JobManager:
    """The queue, the worker thread and the state of recent jobs."""

    def __init__(
        self,
        backend: GraphBackend,
        upload_dir: Path,
        *,
        harvester_factory: Callable[[Sleep], Harvester] = default_harvester,
        team_min_authors: int = DEFAULT_TEAM_MIN_AUTHORS,
        name_rarity: bool = True,
        max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
        max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
        max_skipped: int | None = None,
    ) -> None:
        self.backend = backend
        self.team_min_authors = team_min_authors
        self.name_rarity = name_rarity
        self.read_limits = ReadLimits(max_line_bytes, max_decompressed_bytes)
        self.max_skipped = max_skipped
        self.upload_dir = upload_dir
        self.harvester_factory = harvester_factory
        self.write_lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- submitting -------------------------------------------------------------------------

    def save_upload(self, stream: BinaryIO, limit: int) -> Path:
        """Copy an uploaded file under the upload folder; raise UploadTooLarge beyond `limit`."""
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        path = self.upload_dir / f"ingest-{uuid.uuid4().hex}.upload"
        size = 0
        try:
            with path.open("wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise UploadTooLarge(f"the file is larger than {limit} bytes")
                    out.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path

    def submit_file(self, kind: Literal["atom", "snapshot"], path: Path, filename: str) -> Job:
        """Queue the ingest of a saved upload (deleted when the job ends)."""
        try:
            return self._submit(Job(_new_id(), kind, f"upload:{filename}", path=path))
        except JobsBusy:
            path.unlink(missing_ok=True)
            raise

    def submit_arxiv(self, query: str, max_results: int) -> Job:
        """Queue a harvest of the live arXiv API (resumable per query, as the CLI does)."""
        source = f"arxiv:{query}:{max_results}"
        return self._submit(Job(_new_id(), "arxiv", source, query=query, max_results=max_results))

    def _submit(self, job: Job) -> Job:
        with self._lock:
            if self._stop.is_set():
                raise JobsBusy("the server is shutting down")
            waiting = sum(1 for j in self._jobs.values() if j.status == "queued")
            if waiting >= MAX_PENDING:
                raise JobsBusy(f"{waiting} ingest jobs are already waiting; try again later")
            self._jobs[job.id] = job
            self._forget_old()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._work, name="graphsvc-ingest", daemon=True
                )
                self._thread.start()
        self._queue.put(job)
        return job

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.status in FINISHED]
        finished.sort(key=lambda j: j.created)
        for job in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[job.id]

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return job.as_dict() if job else None

    def cancel(self, job_id: str) -> dict[str, Any] | None:
        """Cancel a job: a queued one at once (`cancelled`), a running one at its next item
        (`cancelling` until then). None for an unknown id; JobFinished for a job that ended
        done or failed; a job already cancelled (or cancelling) is returned as it is."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            if job.status in ("done", "failed"):
                raise JobFinished(f"ingest job {job_id} has already ended: {job.status}")
            if job.status == "queued":
                job.status, job.finished = "cancelled", datetime.now(UTC)
                job.summary = IngestSummary().as_dict()
            elif job.status == "running":
                job.status = "cancelling"
                job.cancel.set()
            upload = job.path if job.status == "cancelled" else None
            answer = job.as_dict()
        if upload is not None:
            upload.unlink(missing_ok=True)
        return answer

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock for a merge or split; JobsBusy while an ingest runs."""
        if not self.write_lock.acquire(blocking=False):
            raise JobsBusy("an ingest job is running; try again when it has finished")
        try:
            yield
        finally:
            self.write_lock.release()

    # --- running ----------------------------------------------------------------------------

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            with self.write_lock:
                if self._stop.is_set():
                    self._finish(job, "failed", error="the server shut down before the job started")
                elif self._start(job):
                    self._run(job)

    def _start(self, job: Job) -> bool:
        """Mark a queued job running; False when it was cancelled while it waited."""
        with self._lock:
            if job.status != "queued":
                return False
            job.status, job.started = "running", datetime.now(UTC)
            return True

    def _run(self, job: Job) -> None:
        writer = GraphWriter(
            self.backend,
            batch_size=BATCH_SIZE,
            team_min_authors=self.team_min_authors,
            name_rarity=self.name_rarity,
            max_skipped=self.max_skipped,
        )

        def progress(summary: IngestSummary) -> None:
            job.progress = _progress(summary)

        try:
            items, source = self._items(job, writer)
            summary = writer.ingest(self._stoppable(items, job), source=source, progress=progress)
        except SourceInterrupted as stop:
            job.progress = _progress(stop.summary)
            if isinstance(stop.cause, _Cancelled):
                self._finish(job, "cancelled", summary=stop.summary.as_dict())
                return
            cause = "the server shut down" if isinstance(stop.cause, _Stopped) else stop.cause
            self._finish(
                job, "failed", summary=stop.summary.as_dict(), error=f"ingest stopped: {cause}"
            )
        except Exception as err:
            log.exception("ingest job %s failed", job.id)
            self._finish(job, "failed", error=f"ingest failed: {type(err).__name__}: {err}")
        else:
            job.progress = _progress(summary)
            self._finish(job, "done", summary=summary.as_dict())

    def _items(self, job: Job, writer: GraphWriter) -> tuple[Iterable[SourceItem], str | None]:
        from loaders.atom import read_atom_files
        from loaders.snapshot import read_snapshot

        if job.kind == "atom":
            assert job.path is not None
            return read_atom_files([job.path]), None
        if job.kind == "snapshot":
            assert job.path is not None
            return read_snapshot(job.path, limits=self.read_limits), None
        assert job.query is not None
        done = writer.position(job.source)
        start = 0 if done is None else done + 1
        harvester = self.harvester_factory(lambda seconds: self._sleep(job, seconds))
        return harvester.search(job.query, max_results=job.max_results, start=start), job.source

    def _stoppable(self, items: Iterable[SourceItem], job: Job) -> Iterator[SourceItem]:
        for item in items:
            self._check(job)
            yield item

    def _check(self, job: Job) -> None:
        if self._stop.is_set():
            raise _Stopped("the server is shutting down")
        if job.cancel.is_set():
            raise _Cancelled("cancelled")

    def _sleep(self, job: Job, seconds: float) -> None:
        """A harvest's wait (pacing, backoff) that a cancellation or a shutdown cuts short."""
        job.cancel.wait(seconds)
        self._check(job)

    def _finish(
        self,
        job: Job,
        status: Status,
        *,
        summary: dict[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        if job.path is not None:
            job.path.unlink(missing_ok=True)
        with self._lock:
            if job.status in FINISHED:  # cancelled while it waited
                return
            job.status, job.finished = status, datetime.now(UTC)
            job.summary, job.error = summary, error

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Stop after the current batch; queued jobs end `failed`; wait for the worker."""
        self._stop.set()
        with self._lock:
            for known in self._jobs.values():
                known.cancel.set()  # wakes a harvest that waits; `_check` sees the shutdown
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout_s)
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                self._finish(job, "failed", error="the server shut down before the job started")

    def clean_stale_uploads(self) -> None:
        """Remove uploads a previous process left behind (its jobs are gone)."""
        if self.upload_dir.is_dir():
            for stale in self.upload_dir.glob("ingest-*.upload"):
                stale.unlink(missing_ok=True)


def _new_id() -> str:
    return uuid.uuid4().hex


__all__ = ["Job", "JobFinished", "JobManager", "JobsBusy", "UploadTooLarge"]

"""Writes beside the timed requests of bench/api.py: an ingest of new papers, and version bumps.

The new papers (`new_papers_file`, cached under bench/out/): the new versions of about 2% of
the corpus's papers (`bench.corpus.updates`, revised team author lists among them) interleaved
with papers beyond the corpus (those of the larger corpus of works+extra papers, same seed,
whose ids the corpus does not have).

- `Neo4jIngest`: a separate `python -m graphsvc ingest snapshot FILE` process on the same
  database; how far it got is its saved resume position (`ingest_position`), read here.
  A graph reused with --neo4j-uri keeps what it wrote: the next run resumes the same file.
- `LadybugIngest`: the serving process ingests (POST /v1/ingest, the whole file as one job;
  the embedded engine allows one process); its progress from GET /v1/ingest/{job}.

Misses of the neighborhood cache (the service caches answers per graph version): before each
timed request a write bumps the version. `Neo4jBump`: the statement every ingest batch ends
with (`ingest_bump_version`) from this process. `LadybugBump`: POST /v1/ingest of one paper,
a new version of a single-author paper that is otherwise the same, waiting for the job to end.
`BatchWait`: with the ingest running in the server, jobs queue behind it; wait for its next
batch instead (each batch bumps the version), and bump with one paper once it has ended.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from bench.corpus import generate, updates
from bench.graphs import OUT, REPO, Target
from bench.servers import Http, Server
from bench.subjects import Dumps
from bench.timing import StopTiming
from tests.neo4j_server import terminate

BATCH_SIZE = 500  # the CLI's batches beside the requests; the server's jobs use 500 too
UPDATE_FRACTION = 0.02


# --- the new papers -------------------------------------------------------------------------


def _ids(corpus: Path) -> set[str]:
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        return {json.loads(line)["id"] for line in lines}


def _beyond(corpus: Path, n_works: int, seed: int, extra: int) -> Iterator[dict[str, Any]]:
    known = _ids(corpus)
    for paper in generate(n_works + extra, seed, profile="arxiv"):
        if paper["id"] not in known:
            yield paper


def _dump(paper: dict[str, Any]) -> str:
    return json.dumps(paper, separators=(",", ":")) + "\n"


def new_papers_file(corpus: Path, n_works: int, seed: int, extra: int) -> Path:
    """The cached file of new papers for an arxiv corpus of `n_works` (see the module doc)."""
    path = OUT / f"new-papers-arxiv-{n_works}-seed{seed}-plus{extra}.jsonl.gz"
    if path.exists():
        return path
    t0 = time.perf_counter()
    revised = [_dump(p) for p, _ in updates(n_works, seed, "arxiv", UPDATE_FRACTION)]
    n_revised = len(revised)
    tmp = path.with_name(f"tmp-{path.name}")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as out:
        count = 0
        for paper in _beyond(corpus, n_works, seed, extra):
            out.write(_dump(paper))
            count += 1
    every = max(1, count // max(1, len(revised)))  # one revision after every `every` new papers
    with (
        gzip.open(tmp, "rt", encoding="utf-8") as beyond,
        gzip.open(path, "wt", encoding="utf-8", compresslevel=3) as out,
    ):
        for i, line in enumerate(beyond):
            out.write(line)
            if (i + 1) % every == 0 and revised:
                out.write(revised.pop(0))
        out.writelines(revised)
    tmp.unlink()
    print(
        f"  wrote {path.name}: {count:,} papers beyond the corpus, {n_revised:,} new versions "
        f"({time.perf_counter() - t0:.0f} s)",
        file=sys.stderr,
    )
    return path


def lines_in(path: Path) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return sum(1 for _ in lines)


# --- the ingest beside ----------------------------------------------------------------------


@dataclass
class Window:
    """What the ingest did during a timing window."""

    papers: int  # papers committed (lines of the file, as its resume position counts)
    seconds: float  # the window's length
    ran_s: float  # how long the ingest ran within it (less when it ended first)
    started: bool  # it committed a first batch before the window opened
    failure: str | None = None  # how the ingest failed, when it did

    @property
    def rate(self) -> float:
        return self.papers / self.ran_s if self.ran_s > 0 else 0.0

    def describe(self) -> str:
        failed = f"; the ingest FAILED: {self.failure}" if self.failure else ""
        if not self.started:
            return "the ingest wrote nothing (nothing left to write, or it failed)" + failed
        ended = "" if self.ran_s >= self.seconds - 1 else f", ended {self.ran_s:.0f} s into it"
        return (
            f"{self.papers:,} papers committed in the {self.seconds:.0f} s timing window "
            f"({self.rate:,.1f} papers/s{ended}){failed}"
        )


class Neo4jIngest:
    """`python -m graphsvc ingest snapshot FILE` in its own process, on the same database."""

    def __init__(self, target: Target, file: Path, reader: Any) -> None:
        self.target = target
        self.file = file
        self.reader = reader  # an open backend of this graph, to read the position
        self.source = f"snapshot:{file.name}:{file.stat().st_size}"
        self.log = OUT / "ingest-beside-neo4j.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.opened: tuple[float, int] | None = None
        self.ended: float | None = None

    def position(self) -> int:
        rows = self.reader.read("ingest_position", source=self.source)
        return int(rows[0]["position"] or 0) if rows else 0

    def start(self, first_batch_s: float = 900.0) -> None:
        """Start the process; return once its first batch is committed (or it ended)."""
        before = self.position()
        cmd = [sys.executable, "-m", "graphsvc", "ingest", "snapshot", str(self.file), "--quiet"]
        env = {**os.environ, "GRAPHSVC_QUERY_TIMEOUT_S": "600", **self.target.env}
        with self.log.open("w") as log:
            proc = self.proc = subprocess.Popen(
                [*cmd, "--batch-size", str(BATCH_SIZE)],
                cwd=REPO,
                env={**env, "PYTHONPATH": str(REPO)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        threading.Thread(target=self._watch, args=(proc,), daemon=True).start()
        deadline = time.monotonic() + first_batch_s
        while self.position() == before and self.ended is None and time.monotonic() < deadline:
            time.sleep(0.5)
        if self.position() > before:
            self.opened = (time.monotonic(), self.position())

    def _watch(self, proc: subprocess.Popen[bytes]) -> None:
        proc.wait()
        self.ended = time.monotonic()

    def close(self) -> Window:
        """Stop the process (an uncommitted batch is rolled back) and report the window."""
        end = time.monotonic()
        window = _window(self.opened, self.position(), end, self.ended)
        code = self.proc.poll() if self.proc is not None else None
        if code:  # it ended on its own with an error (not stopped by us)
            window.failure = f"exit code {code} (see {self.log})"
        if self.proc is not None:
            terminate(self.proc)
        return window


def _window(
    opened: tuple[float, int] | None, position: int, end: float, ended: float | None
) -> Window:
    if opened is None:
        return Window(0, 0.0, 0.0, False)
    ran = (min(ended, end) if ended is not None else end) - opened[0]
    return Window(position - opened[1], end - opened[0], max(0.0, ran), True)


class LadybugIngest:
    """The serving process ingests the file: one POST /v1/ingest job."""

    def __init__(self, server: Server, file: Path) -> None:
        self.server = server
        self.file = file
        self.job = ""
        self.opened: tuple[float, int] | None = None
        self.ended: float | None = None
        self.last: dict[str, Any] = {}  # the job's last status seen

    def status(self, http: Http | None = None) -> dict[str, Any]:
        data: dict[str, Any] = (http or self.server.http).get_json(
            f"/v1/ingest/{self.job}", admin=True
        )
        return data

    def position(self) -> int:
        """Lines read so far; once the job ended, as its last status said (the server forgets
        finished jobs beyond its last 100, and every fallback bump is a job)."""
        if self.ended is not None and self.last:
            return int(self.last["progress"].get("position") or 0)
        return int(self.status()["progress"].get("position") or 0)

    def running(self) -> bool:
        return self.ended is None

    def start(self, first_batch_s: float = 900.0) -> None:
        """POST the file; return once the job's first batch is committed (or it ended)."""
        status, job = self.server.http.upload("/v1/ingest", {"kind": "snapshot"}, self.file)
        if status != 202:
            raise RuntimeError(f"POST /v1/ingest: {status} {job}")
        self.job = job["id"]
        threading.Thread(target=self._watch, daemon=True).start()
        deadline = time.monotonic() + first_batch_s
        while self.position() == 0 and self.ended is None and time.monotonic() < deadline:
            time.sleep(0.5)
        if self.position() > 0:
            self.opened = (time.monotonic(), self.position())

    def _watch(self) -> None:
        """Poll the job (on a connection of its own) until it ends; note when."""
        http = Http(self.server.port)
        try:
            while (last := self.status(http))["status"] in ("queued", "running"):
                time.sleep(0.5)
            self.last = last
        except Exception as err:  # the server stopped: the window is closed by then
            print(f"  ingest job watch: {err}", file=sys.stderr)
        finally:
            http.close()
        self.ended = time.monotonic()

    def close(self) -> Window:
        """Report the window (and the job's error, if it failed); the job goes on until the
        server stops."""
        window = _window(self.opened, self.position(), time.monotonic(), self.ended)
        if self.last.get("status") == "failed":
            window.failure = str(self.last.get("error"))
        return window


# --- version bumps for cache misses ---------------------------------------------------------


class Neo4jBump:
    """The version bump every ingest batch ends with, written from this process."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def __call__(self) -> None:
        self.writer.write(lambda tx: tx.run("ingest_bump_version"))


class BatchWait:
    """Wait for the server's running ingest to commit its next batch (a new graph version);
    once the ingest has ended, bump the version with `fallback` instead."""

    def __init__(
        self, ingest: LadybugIngest, fallback: Callable[[], None], timeout_s: float = 300.0
    ) -> None:
        self.ingest = ingest
        self.fallback = fallback
        self.timeout_s = timeout_s

    def __call__(self) -> None:
        if not self.ingest.running():
            self.fallback()
            return
        seen = self.ingest.position()
        deadline = time.monotonic() + self.timeout_s
        while self.ingest.position() == seen:
            if not self.ingest.running():
                self.fallback()
                return
            if time.monotonic() > deadline:
                raise StopTiming
            time.sleep(0.02)


@dataclass(frozen=True)
class BumpPaper:
    """A single-author paper that can be ingested again as a new, otherwise equal version."""

    work: dict[str, Any]
    author: str
    categories: list[str]

    def snapshot(self, version: int) -> dict[str, Any]:
        w = self.work
        published = w["published"] or dt.date(w["year"] or 2000, 1, 1)
        when = format_datetime(
            dt.datetime.combine(published, dt.time(), tzinfo=dt.UTC), usegmt=True
        )
        return {
            "id": w["arxiv_id"],
            "title": w["title"] or w["arxiv_id"],
            "abstract": w["abstract"] or "",
            "authors": self.author,
            "categories": " ".join(self.categories),
            "versions": [{"version": f"v{i}", "created": when} for i in range(1, version + 1)],
            "doi": w["doi"],
            "journal-ref": w["journal_ref"],
            "comments": w["comment"],
        }


def new_bump_paper() -> BumpPaper:
    """A paper no graph holds (one new author, a small topic), for a graph without dumps: its
    first bump adds it, later ones add versions."""
    work = {
        "arxiv_id": "9912.99999",
        "version": 1,
        "title": "A paper re-ingested to time cache misses",
        "abstract": "",
        "published": dt.date(1999, 12, 31),
        "year": 1999,
        "doi": None,
        "journal_ref": None,
        "comment": None,
    }
    return BumpPaper(work, "Bench Cachemiss Bumper", ["math.HO"])


def bump_paper(d: Dumps, avoid: set[str]) -> BumpPaper:
    """A personal single-author work whose author has no affiliation and whose topics and
    author are not in `avoid` (the subjects), the newest such (then the largest id)."""
    authors: dict[str, list[str]] = {}
    for a in d.rows["export_authorships"]:
        authors.setdefault(a["work"], []).append(a["researcher"])
    topics: dict[str, list[str]] = {}
    for h in d.rows["export_work_topics"]:
        topics.setdefault(h["work"], []).append(h["topic"])
    affiliated = {x["researcher"] for x in d.rows["export_affiliations"]} | avoid
    fit = [
        w
        for w, people in authors.items()
        if len(people) == 1
        and people[0] not in affiliated
        and topics.get(w)
        and not set(topics[w]) & avoid
        and w not in d.team_works
    ]
    if not fit:
        raise RuntimeError("no single-author paper to re-ingest for the cache-miss timing")
    works = {w["arxiv_id"]: w for w in d.rows["export_works"]}
    work = max(fit, key=lambda w: (works[w]["published"] or dt.date.min, w))
    name = next(r["name"] for r in d.rows["export_researchers"] if r["id"] == authors[work][0])
    primary = works[work]["primary_category"]
    categories = sorted(topics[work], key=lambda t: (t != primary, t))  # primary first
    return BumpPaper(works[work], name, categories)


class LadybugBump:
    """POST /v1/ingest of the bump paper's next version; wait for the job to finish."""

    def __init__(self, http: Http, paper: BumpPaper, file: Path) -> None:
        self.http = http
        self.paper = paper
        self.version = int(paper.work["version"] or 1)
        self.file = file

    def __call__(self) -> None:
        self.version += 1
        self.file.write_text(json.dumps(self.paper.snapshot(self.version)) + "\n")
        status, job = self.http.upload("/v1/ingest", {"kind": "snapshot"}, self.file)
        if status != 202:
            raise RuntimeError(f"POST /v1/ingest: {status} {job}")
        deadline = time.monotonic() + 300
        while True:
            data = self.http.get_json(f"/v1/ingest/{job['id']}", admin=True)
            if data["status"] == "done":
                return
            if data["status"] == "failed" or time.monotonic() > deadline:
                raise RuntimeError(f"bump ingest {data['status']}: {data.get('error')}")
            time.sleep(0.01)

"""Query latency over HTTP: graphsvc and today's code (the baseline) serving the same graph.

    python -m bench.api --works 100000 --backends neo4j,ladybug --wait-idle 120
    python -m bench.api --backends neo4j --neo4j-uri bolt://127.0.0.1:17687 --works 1000000
    python -m bench.api --backends ladybug --ladybug-dir bench/out/graph-ladybug-arxiv-100000-seed7
    python -m bench.api --works 100000 --with-ingest          # an ingest writes meanwhile

For each backend: the graph's facts are dumped (`export_*`) and the subjects picked from them
(bench/subjects.py: the median researcher, the most prolific individual, a member of the
largest team; the largest and the median topic); the oracle (tests/oracles) gives each
answer. Then `python -m graphsvc serve` from this checkout and from a git worktree of
--baseline (bench/out/baseline-COMMIT) serve the graph: on Neo4j side by side on one
database, each cell timed on graphsvc then on the baseline; on Ladybug (one process per
folder) one after the other, each on a fresh copy of the folder. graphsvc's first answer of
each cell must equal the oracle's (column `same`; a difference is dumped to
bench/out/api-diff-*.json); the baseline's need only be status 200 (no teams: its answers
differ by design).

Endpoints: the profile, collaborators (limit 20), graph slice (depth 1, limit 200) and suggested
collaborators (limit 10) of each
researcher; the neighborhood (limit 20) of each topic, cached (the same request again) and as
a miss (`neighborhood miss`: a write bumps the graph version before each timed request;
bench/ingest_beside.py). Each cell: --warmup untimed requests, then up to --requests timed
ones over one keep-alive connection, sequential (a cell stops after --budget seconds once 30
are timed). `--with-ingest`: an ingest of new papers runs during the timing (a separate
process on Neo4j; the serving process itself, POST /v1/ingest, on Ladybug).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.api_report import Row, Run, report, table, write_json
from bench.graphs import (
    OUT,
    REPO,
    Target,
    add_graph_args,
    backend_names,
    corpus_path,
    neo4j_defaults,
    prepare,
    wait_idle,
)
from bench.ingest_beside import (
    BatchWait,
    BumpPaper,
    LadybugBump,
    LadybugIngest,
    Neo4jBump,
    Neo4jIngest,
    Window,
    bump_paper,
    new_papers_file,
)
from bench.servers import BASELINE, Server, serving, worktree
from bench.subjects import Cell, Dumps, Subject, cells, oracle, pick
from bench.timing import Samples, pct, timed

# --- the oracle side ------------------------------------------------------------------------


@dataclass
class Plan:
    """What one backend's run asks, learnt from the graph before any server starts."""

    cells: list[Cell]
    subjects: list[Subject]
    graph: str  # sizes, for the notes
    bump: BumpPaper | None  # Ladybug: the paper re-ingested for cache misses
    new_papers: Path | None = None  # --with-ingest: the file ingested during the timing


def plan(target: Target) -> Plan:
    """Dump the facts, pick the subjects, compute the oracle's answers; close the graph."""
    t0 = time.perf_counter()
    backend = target.open(read_only=target.backend == "ladybug")
    try:
        dumps = Dumps(backend)
    finally:
        backend.close()
    subjects = pick(dumps)
    todo = cells(oracle(dumps, subjects), subjects)
    avoid = {s.id for s in subjects}
    bump = bump_paper(dumps, avoid) if target.backend == "ladybug" else None
    graph = f"{dumps.size()} (dumps, subjects and oracle in {time.perf_counter() - t0:.0f} s)"
    del dumps
    gc.collect()  # the dumps of a big graph take gigabytes; the embedded lock goes with them
    return Plan(todo, subjects, graph, bump)


# --- one server's cells ---------------------------------------------------------------------


def check(server: Server, row: Row) -> None:
    """graphsvc: its JSON must equal the oracle's; the baseline: status 200."""
    status, body = server.http.get(row.cell.path)
    if server.name == "baseline":
        if status != 200:
            row.samples.setdefault("baseline", Samples()).fail(f"status {status}")
        return
    if status != 200:
        row.same = f"status {status}"
        return
    answer = json.loads(body)
    row.same = "yes" if row.cell.same(answer) else "NO"
    if row.same == "NO":
        c = row.cell
        dump = OUT / f"api-diff-{row.backend}-{c.endpoint.name}-{c.subject.label}.json"
        dump.write_text(json.dumps({"graphsvc": c.endpoint.view(answer), "oracle": c.expected}))


def time_cell(server: Server, row: Row, args: argparse.Namespace, bump: Callable[[], None]) -> None:
    path = row.cell.path
    samples = timed(
        lambda: server.http.get(path)[0],
        args.warmup,
        args.requests,
        args.budget,
        before_each=bump if row.cell.endpoint.miss else None,
    )
    earlier = row.samples.get(server.name)  # a failed check
    if earlier is not None:
        samples.errors += earlier.errors
        samples.first_error = samples.first_error or earlier.first_error
    row.samples[server.name] = samples
    print(f"    {server.name} {row.cell.endpoint.name} {row.cell.subject}: "
          f"p50 {pct(samples.times, 50):.1f} ms, p99 {pct(samples.times, 99):.1f} ms "
          f"({len(samples.times)} timed)", file=sys.stderr, flush=True)  # fmt: skip


# --- the two backends -----------------------------------------------------------------------


def _sides(args: argparse.Namespace) -> list[tuple[str, Path]]:
    sides = [("graphsvc", REPO)]
    if not args.no_baseline:
        sides.append(("baseline", worktree(args.baseline)))
    return sides


def _ingest_file(args: argparse.Namespace) -> Path:
    corpus = corpus_path(args.works, args.seed, args.profile)
    return new_papers_file(corpus, args.works, args.seed, args.ingest_extra)


def run_neo4j(target: Target, p: Plan, args: argparse.Namespace) -> Run:
    """Both servers side by side on the one database; each cell on graphsvc, then baseline."""
    rows = [Row(c, "neo4j") for c in p.cells]
    notes: list[str] = []
    writer = target.open()
    try:
        with ExitStack() as stack:
            servers = [stack.enter_context(serving(target, n, code)) for n, code in _sides(args)]
            for server in servers:
                for row in rows:
                    check(server, row)
            notes.append(f"load average before timing {wait_idle(args.wait_idle):.1f}")
            ingest = Neo4jIngest(target, p.new_papers, writer) if p.new_papers else None
            if ingest is not None:
                ingest.start()
            try:
                for row in rows:
                    for server in servers:
                        time_cell(server, row, args, Neo4jBump(writer))
            finally:
                if ingest is not None:
                    notes.append(f"ingest beside (both servers): {ingest.close().describe()}")
    finally:
        writer.close()
    notes.append(f"load average after {os.getloadavg()[0]:.1f}")
    return Run(rows, notes)


@contextmanager
def _copy(target: Target, side: str) -> Iterator[Target]:
    """A fresh copy of the Ladybug folder for one server, deleted afterwards."""
    folder = OUT / f"api-ladybug-{side}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(target.data_dir, folder)
    try:
        yield target.with_data_dir(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _ladybug_side(
    target: Target, side: str, code: Path, rows: list[Row], p: Plan, args: argparse.Namespace
) -> str:
    """One server on its own copy: check, then time every cell; a note on the load/ingest."""
    assert p.bump is not None
    with _copy(target, side) as copy, serving(copy, side, code) as server:
        for row in rows:
            check(server, row)
        load = wait_idle(args.wait_idle)
        ingest = LadybugIngest(server, p.new_papers) if p.new_papers else None
        bump: Callable[[], None] = LadybugBump(
            server.http, p.bump, OUT / f"bump-{server.name}.jsonl"
        )
        if ingest is not None:
            ingest.start()
            bump = BatchWait(ingest, bump)  # jobs queue behind the ingest: its next batch
        window: Window | None = None
        try:
            for row in rows:
                time_cell(server, row, args, bump)
        finally:
            if ingest is not None:
                window = ingest.close()
    note = f"{side}: load average {load:.1f} before timing, {os.getloadavg()[0]:.1f} after"
    return note + (f"; ingest in the server: {window.describe()}" if window else "")


def run_ladybug(target: Target, p: Plan, args: argparse.Namespace) -> Run:
    """One server after the other (one process per folder), each on a copy of the graph."""
    rows = [Row(c, "ladybug") for c in p.cells]
    notes = [_ladybug_side(target, side, code, rows, p, args) for side, code in _sides(args)]
    return Run(rows, notes)


# --- main -----------------------------------------------------------------------------------


def run_backend(name: str, args: argparse.Namespace) -> Run:
    print(f"[{name}] preparing the graph ...", file=sys.stderr, flush=True)
    target = prepare(name, args)
    try:
        p = plan(target)
        if args.with_ingest:
            p.new_papers = _ingest_file(args)
        subjects = "; ".join(s.describe() for s in p.subjects)
        print(f"[{name}] {p.graph}; {subjects}", file=sys.stderr, flush=True)
        run = run_neo4j(target, p, args) if name == "neo4j" else run_ladybug(target, p, args)
    finally:
        target.close()
    run.notes[:0] = [f"graph {p.graph}", f"subjects: {subjects}"]
    return run


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    add_graph_args(parser)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per cell")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first")
    parser.add_argument(
        "--budget", type=float, default=60.0, metavar="S",
        help="stop timing a cell after S seconds (once 30 requests are timed)",
    )  # fmt: skip
    parser.add_argument("--baseline", default=BASELINE, help="the commit of today's code")
    parser.add_argument("--no-baseline", action="store_true", help="time graphsvc only")
    parser.add_argument(
        "--with-ingest", action="store_true", help="ingest new papers while timing (arxiv)"
    )
    parser.add_argument(
        "--ingest-extra", type=int, metavar="N",
        help="papers beyond the corpus: from a corpus of works+N (default works/10)",
    )  # fmt: skip
    parser.add_argument("--json", dest="json_out", help="also write the samples here")
    args = parser.parse_args(argv)
    args.names = backend_names(parser, args)
    if args.with_ingest and args.profile != "arxiv":
        parser.error("--with-ingest needs --profile arxiv (new versions come from its model)")
    if args.ingest_extra is None:
        args.ingest_extra = max(1_000, args.works // 10)
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    neo4j_defaults()
    signal.signal(signal.SIGTERM, lambda s, f: (_ for _ in ()).throw(SystemExit(128 + s)))
    OUT.mkdir(parents=True, exist_ok=True)
    runs: dict[str, Run] = {}
    for name in args.names:
        runs[name] = run_backend(name, args)
        print(table(runs[name].rows), file=sys.stderr, flush=True)
        if args.json_out:
            write_json(args.json_out, [r for run in runs.values() for r in run.rows])
    report(args, runs)


if __name__ == "__main__":
    main()

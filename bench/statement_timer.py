"""The child of bench/statements.py: `python bench/statement_timer.py CODE REPORT CLI_ARGS...`.

Runs as a script, not a module of this checkout, so that the graphsvc it imports is the one
under CODE (a baseline commit's worktree or this checkout): CODE goes first on the path before
anything of graphsvc is imported. Every stored query the CLI runs is timed (a transaction's
statements and the reads outside one); the totals by query go to REPORT as JSON, with the time
of the write transactions' commits apart (`commit_s`: Neo4j's commit message, Ladybug's COMMIT).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any


def run(code: str, report: str, cli: list[str]) -> None:
    """Run the CLI of `code` (first on the path, before anything of graphsvc is imported) with
    every stored query timed; write the totals to `report`."""
    if sys.path[0] != code:
        sys.path.insert(0, code)
    from graphsvc import cli as graphsvc_cli
    from graphsvc.db import ladybug_backend, neo4j_backend

    seconds: defaultdict[str, float] = defaultdict(float)
    calls, rows = Counter[str](), Counter[str]()

    def timer(method: Callable[..., list[Any]], at: int) -> Callable[..., list[Any]]:
        """`method` timed; its query's name is the argument at position `at` after self."""

        def timed(self: Any, *args: Any, **kwargs: Any) -> list[Any]:
            t0 = time.perf_counter()
            out = method(self, *args, **kwargs)
            name = args[at]
            seconds[name] += time.perf_counter() - t0
            calls[name] += 1
            rows[name] += len(out)
            return out

        return timed

    tx = neo4j_backend._Neo4jTx
    tx.run = tx.read = timer(tx.run, 0)  # type: ignore[method-assign]
    neo4j = neo4j_backend.Neo4jBackend
    neo4j._read = timer(neo4j._read, 0)  # type: ignore[method-assign]
    lb = ladybug_backend.LadybugBackend
    lb._run = timer(lb._run, 1)  # type: ignore[method-assign]
    commits = _commit_timer(lb)
    sys.argv = ["graphsvc", *cli]
    try:
        graphsvc_cli.main()
    except SystemExit as done:
        if done.code not in (None, 0):
            raise
    summary = {"seconds": seconds, "calls": calls, "rows": rows}
    summary |= {"cpu_s": _cpu_seconds(), "sum_s": sum(seconds.values())}
    summary |= commits
    Path(report).write_text(json.dumps(summary))


def _commit_timer(ladybug_backend: Any) -> dict[str, float]:
    """Time every commit of a write transaction, on either engine; returns the totals
    (`commit_s`, `commits`), added to as they happen."""
    from neo4j._sync.work.transaction import TransactionBase  # the driver's commit message

    totals = {"commit_s": 0.0, "commits": 0.0}

    def timed(method: Callable[..., Any], is_commit: Callable[..., bool]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            out = method(*args, **kwargs)
            if is_commit(*args):
                totals["commit_s"] += time.perf_counter() - t0
                totals["commits"] += 1
            return out

        return wrapper

    TransactionBase._commit = timed(  # type: ignore[method-assign]
        TransactionBase._commit, lambda *_: True
    )
    ladybug_backend._execute = timed(
        ladybug_backend._execute, lambda _self, _conn, statement: statement == "COMMIT"
    )
    return totals


def _cpu_seconds() -> float:
    """CPU seconds of this process and its children (the CLI prepares batches in one)."""
    usage = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


if __name__ == "__main__":
    sys.path[0] = sys.argv[1]  # not this script's folder: bench/ holds names such as search.py
    run(sys.argv[1], sys.argv[2], sys.argv[3:])

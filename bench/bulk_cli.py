"""The bulk load as a user runs it: `graphsvc ingest snapshot FILE --bulk`, one command.

    python -m bench.bulk_cli --works 2700000 --backend ladybug
    NEO4J_HEAP=3g NEO4J_PAGECACHE=6144 python -m bench.bulk_cli --works 2700000 --backend neo4j

Runs the CLI of this checkout on the cached arxiv corpus of `--works` works into a new graph
under bench/out/bulk-cli-{works}/ (the embedded engine's folder, or a Neo4j data folder with
`--neo4j-data`), and watches it from outside: each stage line the CLI prints after its plan (the
plan's end, the import or copy, the schema) timed as it arrives, and once a second the peak
resident memory (VmHWM) of every process of its tree, by role: the CLI, the planning child, the
importer's JVM, the schema's Neo4j server. Prints a Markdown table of the phases (wall seconds)
and of each role's peak, the CLI's CPU seconds (its own and its children's, from wait4), the
size on disk and the CLI's summary line. bench/bulk_whole.py times the same steps from inside
one process that keeps its plan throughout; this is the command's own memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.bombs import memory_kib
from bench.graphs import OUT, PASSWORD, REPO, corpus_path, machine, neo4j_defaults

ROLES = (
    ("importer", ("org.neo4j.cli.AdminTool",)),  # scripts/neo4j-local import
    ("server", ("Launcher.java",)),  # scripts/neo4j-local start
    ("plan child", ("multiprocessing.spawn", "spawn_main")),
)


def role(pid: int, cli: int) -> str | None:
    """What a process of the CLI's tree is (None: a helper not worth naming)."""
    if pid == cli:
        return "CLI"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None
    return next((name for name, marks in ROLES if any(m in cmd for m in marks)), None)


def tree(pid: int) -> list[int]:
    """The process and its descendants (from /proc/PID/task/*/children)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return found


def peak_kib(pid: int) -> int:
    try:
        return memory_kib(pid).get("VmHWM", 0)
    except OSError:  # the process ended
        return 0


class Watcher(threading.Thread):
    """Once a second: the peak memory of each role in the CLI's process tree."""

    def __init__(self, cli: int) -> None:
        super().__init__(daemon=True)
        self.cli = cli
        self.peaks: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(1.0):
            for pid in tree(self.cli):
                name = role(pid, self.cli)
                if name:
                    self.peaks[name] = max(self.peaks.get(name, 0), peak_kib(pid))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backend", choices=("ladybug", "neo4j"), default="ladybug")
    args = parser.parse_args()
    neo4j_defaults()
    corpus = corpus_path(args.works, args.seed)
    folder = OUT / f"bulk-cli-{args.works}" / args.backend
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = {**os.environ, "GRAPHSVC_BACKEND": args.backend, "GRAPHSVC_DATA_DIR": str(folder)}
    command = [sys.executable, "-m", "graphsvc", "ingest", "snapshot", str(corpus), "--bulk"]
    if args.backend == "neo4j":
        env["NEO4J_PASSWORD"] = PASSWORD
        command.append(f"--neo4j-data={folder / 'neo4j'}")
    heap, cache = os.environ.get("NEO4J_HEAP"), os.environ.get("NEO4J_PAGECACHE", "default")
    print(machine(), f"\n\n{' '.join(command[1:])} (NEO4J_HEAP={heap}, NEO4J_PAGECACHE={cache})\n")
    started = time.monotonic()
    cli = subprocess.Popen(command, env=env, cwd=REPO, stderr=subprocess.PIPE, text=True)
    watcher = Watcher(cli.pid)
    watcher.start()
    stages: list[tuple[float, str]] = []
    assert cli.stderr is not None
    for line in cli.stderr:
        if line.strip() and not line.startswith("\x1b"):
            stages.append((time.monotonic() - started, line.strip()))
            print(f"  {stages[-1][0]:8.0f} s  {line.strip()}", flush=True)
    _, status, usage = os.wait4(cli.pid, 0)
    cli.returncode = os.waitstatus_to_exitcode(status)
    watcher.done.set()
    wall = time.monotonic() - started
    print("\n| the phase that ends with the line | at s | wall s |\n|---|---:|---:|")
    last = 0.0
    for at, what in [*stages, (wall, f"exit code {cli.returncode}")]:
        print(f"| {what[:90]} | {at:,.0f} | {at - last:,.0f} |")
        last = at
    print("\n| process | peak RSS (VmHWM) |\n|---|---:|")
    for name, kib in watcher.peaks.items():
        print(f"| {name} | {kib / 1024:,.0f} MB |")
    cpu = usage.ru_utime + usage.ru_stime
    size = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True).stdout
    print(
        f"\nCPU (CLI and its children): {cpu:,.0f} s; on disk: {size.split()[0]};"
        f" wall {wall:,.0f} s"
    )


if __name__ == "__main__":
    main()

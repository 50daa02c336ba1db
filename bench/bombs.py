"""Hostile uploads: the serving process's peak memory while gzip bombs are ingested.

    python -m bench.bombs                     # 1 GiB bombs, and 9 GiB of zeros (over the cap)
    python -m bench.bombs --mib 256 --over-mib 0

Each bomb (made once under bench/out/, a MiB at a time into the compressor) is uploaded to a
fresh `graphsvc serve` on an empty embedded graph (POST /v1/ingest, kind snapshot, default
settings); the table gives how the job ended, its wall time from the upload to its end, the
server's CPU time meanwhile (what a shared machine's load does not inflate), and its resident
memory before the upload and at its peak (VmRSS and VmHWM of /proc/PID/status).
Bombs: zeros (one line with no break), line breaks (one run of blank lines), "x\\n" (lines that
are not JSON, stopped by GRAPHSVC_MAX_SKIPPED_ITEMS), zeros past the decompressed-size cap, and
the widest line: one line just under the line cap whose JSON makes the most Python objects.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.graphs import OUT, Target, machine
from bench.servers import Server, serving
from loaders.lines import DEFAULT_MAX_LINE_BYTES
from tests.helpers import gzip_bomb

POLL_S = 0.2


def bomb(name: str, pattern: bytes, mib: int) -> Path:
    """bench/out/bomb-NAME-MIBmib.jsonl.gz, made on first use."""
    path = OUT / f"bomb-{name}-{mib}mib.jsonl.gz"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        gzip_bomb(path.with_suffix(".tmp"), pattern, mib).rename(path)
        print(f"made {path.name} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def widest_line() -> Path:
    """One line just under the 4 MiB line cap that parses into the most Python objects found
    (a record whose `versions` are 1.4 million empty objects), gzipped."""
    path = OUT / "bomb-widest-line.jsonl.gz"
    if not path.exists():
        head, tail = b'{"id":"0704.0001","title":"t","authors":"A. Lee","versions":[', b"{}]}"
        count = (DEFAULT_MAX_LINE_BYTES - len(head) - len(tail)) // 3
        path.write_bytes(gzip.compress(head + b"{}," * count + tail + b"\n"))
    return path


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of a process, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(server: Server, path: Path, timeout_s: float) -> tuple[str, float, float, int, int]:
    """Upload, wait for the job's end: (its end, seconds, CPU seconds of the server, RSS before
    and peak RSS in KiB)."""
    before = memory_kib(server.pid)["VmRSS"]
    cpu = cpu_seconds(server.pid)
    t0 = time.monotonic()
    status, job = server.http.upload("/v1/ingest", {"kind": "snapshot"}, path)
    location = f"/v1/ingest/{job['id']}" if status == 202 else None
    while location and time.monotonic() - t0 < timeout_s:
        job = server.http.get_json(location, admin=True)
        if job["status"] in ("done", "failed", "cancelled"):
            break
        time.sleep(POLL_S)
    seconds, cpu = time.monotonic() - t0, cpu_seconds(server.pid) - cpu
    peak = memory_kib(server.pid)["VmHWM"]
    if location is None:
        return f"HTTP {status}: {job}", seconds, cpu, before, peak
    skipped = json.dumps((job.get("summary") or {}).get("skipped", {}), separators=(", ", ": "))
    return f"{job['status']}: {job['error'] or skipped}", seconds, cpu, before, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=1024, help="size of each bomb, decompressed")
    parser.add_argument(
        "--over-mib", type=int, default=9216, help="zeros past the 8 GiB cap (0: none)"
    )
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per job")
    args = parser.parse_args()
    bombs = [
        ("zeros", bomb("zeros", b"\x00", args.mib), args.mib),
        ("line breaks", bomb("newlines", b"\n", args.mib), args.mib),
        ('"x\\n" lines', bomb("xlines", b"x\n", args.mib), args.mib),
    ]
    if args.over_mib:
        bombs.append(("zeros over the cap", bomb("zeros", b"\x00", args.over_mib), args.over_mib))
    bombs.append(("the widest line", widest_line(), DEFAULT_MAX_LINE_BYTES >> 20))
    print(machine())
    print(f"load average before: {os.getloadavg()[0]:.1f}\n")
    print("| bomb | decompressed | gzip | job | seconds | CPU s | RSS before | peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for label, path, mib in bombs:
        with tempfile.TemporaryDirectory(dir=OUT) as data:
            target = Target("ladybug", {"GRAPHSVC_BACKEND": "ladybug", "GRAPHSVC_DATA_DIR": data})
            with serving(target, name=f"bombs-{path.stem}") as server:
                end, seconds, cpu, before, peak = run(server, path, args.timeout)
        print(
            f"| {label} | {mib:,.0f} MiB | {path.stat().st_size / 1024:,.0f} KiB | {end} | "
            f"{seconds:.1f} | {cpu:.1f} | {before / 1024:,.0f} MiB | {peak / 1024:,.0f} MiB |",
            flush=True,
        )
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""The table and notes of bench/api.py."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from bench.graphs import machine
from bench.servers import DIED
from bench.subjects import Cell
from bench.timing import Samples, pct

P99_TARGET_MS = 50.0


@dataclass
class Row:
    """One (endpoint, subject): each side's samples, graphsvc's answer check."""

    cell: Cell
    backend: str
    same: str = "?"  # graphsvc's answer == the oracle's: yes / NO / status
    samples: dict[str, Samples] = field(default_factory=dict)


@dataclass
class Run:
    """One backend's rows and notes."""

    rows: list[Row]
    notes: list[str]


def _ms(samples: Samples | None, p: float) -> str:
    return "-" if samples is None or not samples.times else f"{pct(samples.times, p):.1f}"


def _ratio(row: Row, p: float) -> str:
    g, b = row.samples.get("graphsvc"), row.samples.get("baseline")
    if not g or not b or not g.times or not b.times:
        return "-"
    ratio = pct(b.times, p) / pct(g.times, p)
    return f"{ratio:.1f}x" if ratio >= 0.1 else f"{ratio:.2g}x"  # 0.05x, not 0.0x


def _target(row: Row) -> str:
    g = row.samples.get("graphsvc")
    if g is None or not g.times:
        return "-"
    return "yes" if pct(g.times, 99) < P99_TARGET_MS and not g.errors else "NO"


COLUMNS = [
    ("backend", "<"),
    ("endpoint", "<"),
    ("subject", "<"),
    ("graphsvc p50", ">"),
    ("p99", ">"),
    ("baseline p50", ">"),
    ("p99", ">"),
    ("ratio p50", ">"),
    ("p99", ">"),
    (f"p99 < {P99_TARGET_MS:g}", "<"),
    ("n", ">"),
    ("same", "<"),
    ("errors", ">"),
]


def _cells_of(row: Row) -> list[str]:
    g, b = row.samples.get("graphsvc"), row.samples.get("baseline")
    count = f"{len(g.times) if g else 0}/{len(b.times) if b else '-'}"
    errors = f"{g.errors if g else 0}/{b.errors if b else '-'}"
    return [
        row.backend,
        row.cell.endpoint.name,
        str(row.cell.subject),
        _ms(g, 50),
        _ms(g, 99),
        _ms(b, 50),
        _ms(b, 99),
        _ratio(row, 50),
        _ratio(row, 99),
        _target(row),
        count,
        row.same,
        errors,
    ]


def table(rows: list[Row]) -> str:
    values = [_cells_of(r) for r in rows]
    widths = [max([len(c), *(len(v[i]) for v in values)]) for i, (c, _) in enumerate(COLUMNS)]

    def line(cells: list[str]) -> str:
        aligned = zip(cells, widths, COLUMNS, strict=True)
        return "| " + " | ".join(f"{v:{a}{w}}" for v, w, (_, a) in aligned) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line([c for c, _ in COLUMNS]), rule, *(line(v) for v in values)])


def errors_seen(rows: list[Row]) -> list[str]:
    out = []
    for r in rows:
        for side, s in r.samples.items():
            if s.first_error:
                out.append(
                    f"{r.backend} {side} {r.cell.endpoint.name} {r.cell.subject}: {s.first_error}"
                )
    return out


def write_json(path: str, rows: list[Row]) -> None:
    data = [
        {
            "backend": r.backend,
            "endpoint": r.cell.endpoint.name,
            "subject": str(r.cell.subject),
            "id": r.cell.subject.id,
            "same": r.same,
            **{side: s.times for side, s in r.samples.items()},
        }
        for r in rows
    ]
    Path(path).write_text(json.dumps(data))


def report(args: argparse.Namespace, runs: dict[str, Run]) -> None:
    rows = [r for run in runs.values() for r in run.rows]
    print()
    print(f"Machine: {machine()}")
    print(
        f"Up to {args.requests} timed requests after {args.warmup} warm-up ones per cell and "
        f"server (fewer when a cell took over {args.budget:g} s: n = graphsvc/baseline); "
        f"milliseconds; ratio = baseline / graphsvc. Baseline: {args.baseline} (git worktree). "
        f"Both servers: GRAPHSVC_QUERY_TIMEOUT_S=600."
        + (" An ingest of new papers ran during the timing." if args.with_ingest else "")
    )
    for name, run in runs.items():
        for note in run.notes:
            print(f"{name}: {note}")
    print()
    print(table(rows))
    slow = [r for r in rows if _target(r) == "NO"]
    print(
        f"\nTarget: graphsvc p99 < {P99_TARGET_MS:g} ms for every (endpoint, subject): "
        + ("met." if not slow and rows else f"missed in {len(slow)} of {len(rows)} cells.")
    )
    for line in errors_seen(rows) + DIED:
        print(f"NOTE: {line}")

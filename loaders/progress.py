"""A rich progress line with papers per second for long ingests."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.live import Live
from rich.text import Text

from loaders.summary import IngestSummary


@contextmanager
def progress_reporter(*, enabled: bool = True) -> Iterator[Callable[[IngestSummary], None]]:
    """Yields a callback for each written batch; shows a live line when enabled on a terminal."""
    if not enabled:
        yield lambda _summary: None
        return
    console = Console(file=sys.stderr)
    started = time.monotonic()

    def line(summary: IngestSummary) -> Text:
        done = summary.ingested + summary.updated + summary.unchanged + summary.skipped_total
        rate = done / max(time.monotonic() - started, 1e-6)
        return Text(f"{summary.line()} | item {summary.position} | {rate:,.0f} papers/s")

    with Live(Text("starting..."), console=console, transient=True, refresh_per_second=4) as live:
        yield lambda summary: live.update(line(summary))

"""What an ingest run did: counts, skip reasons and warnings, and its one-line summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from loaders.source import Skip

MAX_EXAMPLES = 5


@dataclass
class IngestSummary:
    """Counts of one run. `skipped` and `warnings` map a reason to how often it happened."""

    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    position: int = 0

    def skip(self, skip: Skip) -> None:
        self.skipped[skip.reason] += 1
        self._example(skip.reason, f"{skip.where}: {skip.detail}" if skip.detail else skip.where)

    def warn(self, reason: str, where: str) -> None:
        self.warnings[reason] += 1
        self._example(reason, where)

    def _example(self, reason: str, text: str) -> None:
        seen = self.examples.setdefault(reason, [])
        if len(seen) < MAX_EXAMPLES:
            seen.append(text)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def line(self) -> str:
        """`ingested N, updated M, skipped K (reason: n, ...)`, plus unchanged and warnings."""
        text = f"ingested {self.ingested}, updated {self.updated}, skipped {self.skipped_total}"
        if self.skipped:
            text += " (" + ", ".join(f"{r}: {n}" for r, n in sorted(self.skipped.items())) + ")"
        if self.unchanged:
            text += f"; {self.unchanged} already up to date"
        if self.warnings:
            text += "; warnings: " + ", ".join(
                f"{r}: {n}" for r, n in sorted(self.warnings.items())
            )
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "ingested": self.ingested,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "warnings": dict(self.warnings),
            "examples": self.examples,
            "position": self.position,
        }

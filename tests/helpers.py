"""Helpers shared by the tests."""

from __future__ import annotations

import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from graphsvc.db import GraphBackend, Reader, Row, Tx

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
TEST_QUERIES = (REPO / "tests" / "cypher",)  # exports and test-only queries, not the product's
DEMO = REPO / "loaders" / "data" / "demo"
LAYER_EXPORTS = (
    "export_coauthors",
    "export_works_in",
    "export_member_of",
    "export_cooccurs",
    "export_researcher_counts",
    "export_topic_stats",
    "export_stats",
)
EXPORTS = (
    "export_researchers",
    "export_works",
    "export_topics",
    "export_institutions",
    "export_authorships",
    "export_work_topics",
    "export_affiliations",
    "export_merged_ids",
    "export_teams",
    "export_work_teams",
    "export_works_team_flags",
    "export_name_counts",
    "export_name_words",
    *LAYER_EXPORTS,
)


def graph_state(backend: GraphBackend) -> dict[str, Any]:
    """The whole graph as plain, ordered data: counts and every node and relationship."""
    state: dict[str, Any] = {
        "counts": {r["kind"]: r["n"] for r in backend.read("graph_counts")},
    }
    for name in EXPORTS:
        state[name] = backend.read(name)
    # Newman weights are float sums: another order of the same terms may differ in the last bit.
    state["export_coauthors"] = [
        {**e, "newman": round(e["newman"], 9)} for e in state["export_coauthors"]
    ]
    return state


def stored_name_words(backend: GraphBackend) -> list[dict[str, Any]]:
    """The name-word index (export_name_words) in Python's order (a word without researchers
    has `researcher` None, first among its word's rows)."""
    rows = backend.read("export_name_words")
    return sorted(rows, key=lambda r: (r["word"], r["researcher"] or ""))


def claim_half_the_researchers(backend: GraphBackend) -> None:
    """Claims on every other researcher (no accounts behind them), every other claim approved,
    two in three of them, pending or approved, open to collaborate."""
    ids = [r["id"] for r in backend.read("export_researchers")]
    claims = [
        {
            "id": f"claim-{i}",
            "account_id": f"account-{i}",
            "researcher_id": rid,
            "status": "approved" if i % 2 else "pending",
            "orcid_check": None,
        }
        for i, rid in enumerate(ids[::2])
    ]
    backend.write(lambda tx: tx.run("test_create_claims", rows=claims))
    opened = [c["id"] for i, c in enumerate(claims) if i % 3]
    backend.write(lambda tx: [tx.run("test_open_claim", id=c, open=True) for c in opened])


def stored_work_row(arxiv_id: str) -> dict[str, Any]:
    """A row of `ingest_update_works` (a new version of that work) with placeholder values."""
    texts = ["title", "title_folded", "abstract", "doi", "journal_ref", "comment"]
    return dict.fromkeys(texts, "x") | {
        "arxiv_id": arxiv_id,
        "version": 9,
        "published": "2020-01-01",
        "updated": "2020-01-01",
        "year": 2020,
        "primary_category": "cs.LG",
        "authors_count": 2,
        "authors_ordered": True,
        "team_work": False,
    }


def backfills_run(backend: GraphBackend) -> list[str]:
    """Apply the schema; the names of the backfills (`cypher/schema/backfill/`) that ran."""
    names = {b.fill: b.name for b in backend.catalog.backfills()}
    return sorted(names[s] for s in backend.apply_schema() if s in names)


def gzip_bomb(path: Path, pattern: bytes, mib: int, *, head: bytes = b"") -> Path:
    """A gzip file of `head` then `mib` MiB of `pattern` repeated, compressed as it is made
    (1 GiB of one byte repeated is about 1 MB of gzip)."""
    chunk = (pattern * ((1 << 20) // len(pattern) + 1))[: 1 << 20]
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip header and trailer
    with path.open("wb") as out:
        out.write(packer.compress(head))
        for _ in range(mib):
            out.write(packer.compress(chunk))
        out.write(packer.flush())
    return path


class CountingBackend(GraphBackend):
    """A real backend whose stored-query runs are counted by name (to test caches); the
    queries named in `slow` take that many seconds longer (so concurrent callers overlap)."""

    def __init__(self, inner: GraphBackend, slow: dict[str, float] | None = None) -> None:
        self.inner = inner
        self.slow = slow or {}
        self.dialect = inner.dialect
        self.catalog = inner.catalog
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def _count(self, name: str) -> None:
        with self._lock:
            self.calls[name] += 1
        time.sleep(self.slow.get(name, 0.0))

    def read(self, name: str, **params: Any) -> list[Row]:
        self._count(name)
        return self.inner.read(name, **params)

    def read_long(self, name: str, **params: Any) -> list[Row]:
        self._count(name)
        return self.inner.read_long(name, **params)

    def read_together(self, work: Callable[[Reader], T]) -> T:
        outer = self

        class Counted:
            def __init__(self, reader: Reader) -> None:
                self.reader = reader

            def read(self, name: str, **params: Any) -> list[Row]:
                outer._count(name)
                return self.reader.read(name, **params)

            def has_query(self, name: str) -> bool:
                return self.reader.has_query(name)

        return self.inner.read_together(lambda reader: work(Counted(reader)))

    def write(self, work: Callable[[Tx], T]) -> T:
        return self.inner.write(work)

    def apply_schema(self) -> list[str]:
        return self.inner.apply_schema()

    def ping(self) -> None:
        self.inner.ping()

    def close(self) -> None:
        """The inner backend belongs to the test fixture."""

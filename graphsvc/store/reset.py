"""Emptying the whole graph: the embedded engine drops its tables; Neo4j deletes in bounded
transactions, relationships first, then nodes.

One `DETACH DELETE` of everything holds the whole delete in one transaction: on a
1,000,000-work Neo4j graph (23 million relationships) it fails after a minute with
`dbms.memory.transaction.total.max threshold reached`. In batches every transaction deletes at
most `batch` relationships, or nodes once none are left, so memory stays bounded whatever the
graph holds; a failure leaves part of the graph deleted, and running it again finishes the job.
The embedded engine's batches slow down as its graph grows (about 12 s a batch at 2,700,000
works, 0.8 s at 100,000), so it drops its tables instead (`cypher/schema/ladybug_drop.cypher`)
and creates them again, empty.
"""

from __future__ import annotations

from collections.abc import Callable

from graphsvc.db import GraphBackend

BATCH = 50_000  # relationships or nodes per transaction


def delete_all(
    backend: GraphBackend,
    batch: int = BATCH,
    progress: Callable[[str, int], None] | None = None,
    *,
    drop: bool = True,
) -> tuple[int, int]:
    """Delete every relationship and node; returns how many (relationships, nodes). `drop`:
    drop the schema where the engine can (else batches). `progress(kind, total)` is called
    after each batch."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    if drop and backend.catalog.drop_statements():
        counted = {r["kind"]: int(r["n"]) for r in backend.read_long("admin_count_all")}
        backend.drop_schema()
        backend.apply_schema()
        return counted["relationships"], counted["nodes"]
    totals = []
    steps = (("relationships", "admin_delete_relationships"), ("nodes", "admin_delete_nodes"))
    for kind, query in steps:
        total = 0
        while True:
            deleted = _delete_batch(backend, query, batch)
            total += deleted
            if progress is not None:
                progress(kind, total)
            if deleted < batch:
                break
        totals.append(total)
    return totals[0], totals[1]


def _delete_batch(backend: GraphBackend, query: str, batch: int) -> int:
    rows = backend.write(lambda tx: tx.run(query, limit=batch))
    return int(rows[0]["deleted"])

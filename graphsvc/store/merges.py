"""Merging researcher records: the one place for its statements (automatic merges in ingest,
and the admin merge and split).

A merge records the redirect (with the works that move and what undoing it needs), moves the
authorships, claims and follows, points older redirects at the kept record, recomputes both
records' layer, and deletes the merged record (and its name words that no record has). The
`MergedId` node keeps the moved works, the merged record's name and aliases, and the kept
record's aliases before the merge. Whether two records may merge given their claims is the
callers' decision (`graphsvc.services.merge`, `loaders.identity`).
"""

from __future__ import annotations

from typing import Any

from graphsvc.db import Tx
from graphsvc.store import claims, invitations, layer, name_words
from graphsvc.store.facts import LayerDelta

MergeRow = dict[str, Any]  # {"old_id", "new_id", "into_aliases"}


def move_records(tx: Tx, rows: list[MergeRow]) -> None:
    """Record each redirect and move the merged records' authorships, claims (with their "open to
    collaborate" state), follows and invitations to the kept ones."""
    if rows:
        tx.run("ingest_merge_record_redirects", rows=rows)  # first: it records the works
        tx.run("ingest_merge_authorships", rows=rows)
        tx.run("ingest_merge_forward_redirects", rows=rows)
        claims.move_on_merge(tx, rows)
        invitations.move_on_merge(tx, rows)


def delete_records(tx: Tx, rows: list[MergeRow]) -> None:
    """Delete the merged records (their works have moved, their layer is recomputed) and the
    words of their names that no record has any more."""
    if rows:
        gone = tx.run("ingest_merge_delete_researchers", rows=rows)
        name_words.prune(tx, (w for r in gone for w in r["words"]))


def merge(tx: Tx, rows: list[MergeRow], delta: LayerDelta | None = None) -> None:
    """Merge records, with the layer: `delta` (if any) must skip the records named in `rows`."""
    move_records(tx, rows)
    redone = {r["old_id"] for r in rows} | {r["new_id"] for r in rows}
    layer.update(tx, delta or LayerDelta(), recompute=redone)
    delete_records(tx, rows)


def recompute_layer(tx: Tx, ids: set[str]) -> None:
    """Recompute the layer of researchers whose works moved (a split)."""
    layer.update(tx, LayerDelta(), recompute=ids)

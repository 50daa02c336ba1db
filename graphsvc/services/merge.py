"""Merging two researcher records into one, and undoing it.

A merge runs the writer's own merge (`graphsvc.store.merges`: record the redirect with the works
that move, move the authorships, claims and follows, forward older redirects, recompute both
records' layer, delete the merged record), then refreshes the kept record's names, the name
counts and affiliations, all in one write transaction. The `MergedId` node keeps what a split
needs: the moved works, the merged record's name and aliases, and the kept record's aliases
before the merge. Two records owned by different accounts (approved claims) are never merged; a
split leaves claims and follows on the kept record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphsvc.db import GraphBackend, Tx
from graphsvc.names import completeness
from graphsvc.store import affiliations, claims, merges, name_words
from graphsvc.store.researchers import name_count_changes, researcher_row, write_name_counts


class MergeError(Exception):
    """A merge or split that cannot be done; `status` is the HTTP status to answer."""

    status = 422

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownId(MergeError):
    status = 404


class MergeConflict(MergeError):
    status = 409


@dataclass(frozen=True)
class MergeResult:
    """What a merge or split did."""

    kept: str
    other: str
    works_moved: list[str]
    name: str
    aliases: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "other": self.other,
            "works_moved": self.works_moved,
            "name": self.name,
            "aliases": self.aliases,
        }


def merged_into(backend: GraphBackend, researcher_id: str) -> str | None:
    """Where a merged researcher id went; None when it was never merged."""
    rows = backend.read("admin_merged_id", id=researcher_id)
    return str(rows[0]["into"]) if rows and rows[0]["into"] else None


def merge(backend: GraphBackend, keep: str, other: str) -> MergeResult:
    """Merge researcher `other` into `keep` in one transaction."""
    if keep == other:
        raise MergeError("a researcher cannot be merged into itself")
    return backend.write(lambda tx: _merge(tx, keep, other))


def split(backend: GraphBackend, keep: str, other: str) -> MergeResult:
    """Undo the merge of `other` into `keep` in one transaction."""
    return backend.write(lambda tx: _split(tx, keep, other))


@dataclass
class _Record:
    """A researcher record's names, as a merge or split changes them."""

    id: str
    name: str
    aliases: set[str]
    block_peer: bool = False

    def add_variant(self, name: str) -> None:
        self.aliases.add(name)
        if completeness(name) > completeness(self.name):
            self.name = name

    def row(self) -> dict[str, Any]:
        return researcher_row(self.id, self.name, self.aliases, block_peer=self.block_peer)


def _researchers(tx: Tx, *ids: str) -> dict[str, _Record]:
    rows = tx.run("admin_researchers", ids=list(ids))
    return {
        r["id"]: _Record(r["id"], r["name"], set(r["aliases"] or []), bool(r["block_peer"]))
        for r in rows
    }


def _merge(tx: Tx, keep: str, other: str) -> MergeResult:
    found = _researchers(tx, keep, other)
    for rid in (keep, other):
        if rid not in found:
            raise UnknownId(f"no researcher with id {rid!r}")
    shared = [r["work"] for r in tx.run("admin_shared_works", keep=keep, other=other)]
    if shared:
        raise MergeConflict(
            f"{keep!r} and {other!r} co-authored {', '.join(shared[:5])}: they are two people"
        )
    owners = claims.owners(tx, [keep, other])
    if len(set(owners.values())) > 1:
        raise MergeConflict(
            f"{keep!r} and {other!r} are claimed by two different accounts: they are two people "
            "(reject or release one of the claims first)"
        )
    kept, merged = found[keep], found[other]
    before = kept.name
    works = [r["work"] for r in tx.run("admin_works_of", id=other)]
    merges.merge(tx, [{"old_id": other, "new_id": keep, "into_aliases": sorted(kept.aliases)}])
    for alias in sorted(merged.aliases | {merged.name}):
        kept.add_variant(alias)
    kept.block_peer = kept.block_peer or merged.block_peer
    tx.run("ingest_update_researchers", rows=[kept.row()])
    name_words.link(tx, [kept.row()], created=())
    write_name_counts(tx, name_count_changes([merged.name, before], [kept.name]))
    affiliations.refresh(tx, [keep])
    tx.run("ingest_bump_version")
    tx.run("ingest_bump_identity")  # an ingest resolving against the old records starts again
    return MergeResult(keep, other, works, kept.name, sorted(kept.aliases))


def _split(tx: Tx, keep: str, other: str) -> MergeResult:
    rows = tx.run("admin_merged_id", id=other)
    if not rows or rows[0]["into"] != keep:
        raise UnknownId(f"{other!r} is not a researcher id merged into {keep!r}")
    record = rows[0]
    found = _researchers(tx, keep, other)
    if keep not in found:
        raise UnknownId(f"no researcher with id {keep!r}")
    if other in found:
        raise MergeConflict(f"a researcher with id {other!r} exists again")
    kept = found[keep]
    before = kept.name
    current = {r["work"] for r in tx.run("admin_works_of", id=keep)}
    works = sorted(set(record["works"] or []) & current)
    aliases = set(record["aliases"] or []) | ({record["name"]} if record["name"] else set())
    name = record["name"] or max(aliases, key=completeness, default=other)
    restored = _Record(other, name, aliases or {name}, kept.block_peer)
    tx.run("ingest_create_researchers", rows=[restored.row()])
    name_words.link(tx, [restored.row()], created={other})
    if works:
        tx.run("admin_move_authorships", works=works, source=keep, target=other)
    # Older merges that reached `keep` through `other` (all their works just moved) go back too.
    moved = set(works)
    back = [
        r["id"]
        for r in tx.run("admin_merged_into", id=keep)
        if r["id"] != other and r["works"] and set(r["works"]) <= moved
    ]
    if back:
        tx.run("admin_redirect_ids", ids=back, into=other)
    tx.run("admin_delete_merged_id", id=other)
    known_before = record["into_aliases"]
    contributed = aliases - set(known_before or [])
    remaining = kept.aliases - contributed or {kept.name}
    kept = _Record(keep, max(remaining, key=completeness), remaining, kept.block_peer)
    tx.run("ingest_update_researchers", rows=[kept.row()])
    name_words.link(tx, [kept.row()], created=())
    merges.recompute_layer(tx, {keep, other})
    write_name_counts(tx, name_count_changes([before], [kept.name, restored.name]))
    affiliations.refresh(tx, sorted({keep, other}))
    tx.run("ingest_bump_version")
    tx.run("ingest_bump_identity")  # an ingest resolving against the old records starts again
    return MergeResult(keep, other, works, restored.name, sorted(restored.aliases))

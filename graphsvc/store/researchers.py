"""A researcher record as stored: display name, aliases, the keys derived from them, and how
name changes move the name counts that identity resolution reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from graphsvc.db import Tx
from graphsvc.names import block_key, fold, name_count_keys, name_key
from graphsvc.store.layer import run_rows


def researcher_row(
    rid: str, name: str, aliases: Iterable[str], *, block_peer: bool = False
) -> dict[str, Any]:
    """The stored properties of a researcher."""
    names = sorted(set(aliases))
    return {
        "id": rid,
        "name": name,
        "name_key": name_key(name),
        "block_key": block_key(name),
        "search_text": search_text(name, names),
        "aliases": names,
        "block_peer": block_peer,
    }


def search_text(name: str, aliases: Iterable[str]) -> str:
    """The folded name and aliases that search reads, joined with ' | '."""
    return " | ".join(fold(a) for a in [name, *sorted(set(aliases))])


def name_count_changes(removed: Iterable[str | None], added: Iterable[str | None]) -> Counter[str]:
    """How the name counts move when these display names leave and arrive."""
    changes: Counter[str] = Counter()
    for names, sign in ((removed, -1), (added, 1)):
        for name in names:
            if name:
                for key in name_count_keys(name):
                    changes[key] += sign
    return changes


def write_name_counts(tx: Tx, changes: Counter[str]) -> None:
    """Add these changes to the stored name counts (keys not stored yet start at zero)."""
    rows = [{"key": k, "n": n} for k, n in sorted(changes.items()) if n]
    run_rows(tx, "ingest_create_name_counts", rows)
    run_rows(tx, "ingest_add_name_counts", rows)

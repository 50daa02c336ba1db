"""Stored reads answered together: where an engine has a bundle query for them, several stored
reads cost one round trip instead of one each.

A bundle is a stored query of one dialect (`cypher/bundles/neo4j/NAME.cypher`; on Neo4j every
query in a transaction is a Bolt round trip, on the embedded engine a call costs no more than
the work) that returns one row with a column per stored read it answers, named after the read
and holding that read's rows as maps, in the read's order. Its parameters are the union of the
reads'. `prefetch` runs it and returns a reader that answers those reads (same name, same
parameters) from its row and passes any other read on, so the code that reads does not change;
on an engine without the bundle it returns the reader unchanged.

A bundle may also fuse reads whose later parameters come from earlier answers (computed in
Python between them on other engines): the service then asks `reader.has_query(bundle)` and
takes its portable path otherwise, and a test holds the two paths equal on the engine that has
it (`suggest_ranked_bounded`: the suggestions' bound and ranking).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from graphsvc.catalog import CatalogError
from graphsvc.db.base import Reader, Row

Read = tuple[str, dict[str, Any]]


def prefetch(reader: Reader, bundle: str, reads: Sequence[Read]) -> Reader:
    """`reader`, with `reads` answered by the stored query `bundle` where the engine has one."""
    if not reader.has_query(bundle):
        return reader
    params: dict[str, Any] = {}
    for name, given in reads:
        for key, value in given.items():
            if params.setdefault(key, value) != value:
                raise CatalogError(f"bundle {bundle}: {name} gives {key} another value")
    rows = reader.read(bundle, **params)
    if len(rows) != 1:
        raise CatalogError(f"bundle {bundle} returned {len(rows)} rows, not 1")
    answers = {}
    for name, given in reads:
        if name not in rows[0]:
            raise CatalogError(f"bundle {bundle} has no column {name}")
        answers[_key(name, given)] = rows[0][name]
    return _Answered(reader, answers)


class _Answered:
    """A reader whose bundled reads are answered already."""

    def __init__(self, reader: Reader, answers: dict[str, list[Row]]) -> None:
        self._reader = reader
        self._answers = answers

    def read(self, name: str, **params: Any) -> list[Row]:
        rows = self._answers.get(_key(name, params))
        if rows is None:
            return self._reader.read(name, **params)
        return [dict(row) for row in rows]

    def has_query(self, name: str) -> bool:
        return self._reader.has_query(name)


def _key(name: str, params: dict[str, Any]) -> str:
    return json.dumps([name, params], sort_keys=True, default=str)

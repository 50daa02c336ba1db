"""The name-word index: each researcher linked to the words of its folded name and aliases,
`(:Researcher)-[:HAS_WORD]->(:NameWord)`.

Search reads the words that contain the query's longest word and walks to their researchers,
instead of reading every researcher's search text (the embedded engine has no text index:
1.3 to 1.5 s a search at 2,700,000 works; bench/RESULTS.md). A query word has no space, so it
is inside a name exactly when it is inside one of the name's words: the index finds every
match. Every write of a researcher's names goes through `link`; every delete of a researcher
returns its words to `prune`, so a word without researchers is not kept.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from graphsvc.db import Tx
from graphsvc.store.layer import CHUNK, run_counted, run_rows

SEPARATOR = "|"  # between the names in `search_text` (" | "): not a word


def words_of(search_text: str) -> list[str]:
    """The words of a researcher's folded names (its `search_text`), sorted."""
    return sorted(set(search_text.split()) - {SEPARATOR})


def link(tx: Tx, rows: Iterable[dict[str, Any]], *, created: Collection[str]) -> None:
    """Link researchers just written (rows of `researcher_row`) to their words. Records in
    `created` have no links yet; the others lose theirs first, and their words left without a
    researcher are deleted."""
    rows = list(rows)
    stored = sorted(r["id"] for r in rows if r["id"] not in created)
    old = [r["word"] for r in tx.run("ingest_detach_name_words", ids=stored)] if stored else []
    links = [{"id": r["id"], "word": w} for r in rows for w in words_of(r["search_text"])]
    words = sorted({x["word"] for x in links})
    run_rows(tx, "ingest_create_name_words", [{"word": w} for w in words])
    run_counted(tx, "ingest_link_name_words", links, "created", "name words found no researcher")
    prune(tx, set(old) - set(words))  # the words linked again keep a researcher


def prune(tx: Tx, words: Iterable[str]) -> None:
    """Delete the words among `words` that no researcher has any more."""
    unique = sorted(set(words))
    for start in range(0, len(unique), CHUNK):
        tx.run("ingest_prune_name_words", words=unique[start : start + CHUNK])

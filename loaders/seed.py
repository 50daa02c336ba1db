"""The hand-collected seed list (``papers-seen.json``): only the facts that were actually seen."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graphsvc.names import clean_name
from loaders.records import AuthorRecord, PaperRecord
from loaders.source import Skip, SourceItem

_PLAIN_CATEGORY = re.compile(r"[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?")
CUT_OFF = " […] (abstract cut off where it was seen; the full text is on arXiv)"
"""Appended to an abstract that ends mid-sentence where it was seen, so it is not taken as whole."""
# A whole abstract ends a sentence: . ! ? possibly followed by closing quotes, brackets or `$`.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]}$]*$")


def read_seed(path: Path | str) -> Iterator[SourceItem]:
    """One SourceItem per list entry; ``position`` is the 1-based index in the list.

    ``authors`` (list) is an ordered author list, ``authors_unordered`` gives
    ``authors_ordered=False``; ``authors: null`` or only ``authors_partial`` yields
    Skip("authors-not-seen") since authors are never invented. ``primary_category`` counts only
    when it is a plain code (a note in parentheses means unconfirmed -> ``primary_known=False``).
    ``abstract_seen`` (the abstract as the reference profile page shows it) becomes the abstract;
    one that stops mid-sentence there ends with ``CUT_OFF``. No dates are known (the year comes
    from the arXiv id; ``year_shown_on_profile`` is not used, see the demo README); version is 1.
    """
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        entries = json.load(fh)
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a JSON list, got {type(entries).__name__}")
    for index, entry in enumerate(entries, start=1):
        where = f"{path.name}#{index}"
        record, skip = _build(entry, where)
        yield SourceItem(index, record, skip)


def _build(entry: Any, where: str) -> tuple[PaperRecord | None, Skip | None]:
    if not isinstance(entry, dict):
        return None, Skip("not-an-object", where, type(entry).__name__)
    for name in ("arxiv_id", "title"):
        if not entry.get(name):
            return None, Skip(f"missing-field:{name}", where)
    arxiv_id = entry["arxiv_id"]
    ordered = isinstance(entry.get("authors"), list)
    names = entry.get("authors") if ordered else entry.get("authors_unordered")
    if not isinstance(names, list):
        return None, Skip("authors-not-seen", where, f"id={arxiv_id}")
    authors = tuple(AuthorRecord(name=n) for n in map(_clean, names) if n)
    if not authors:
        return None, Skip("no-authors", where, f"id={arxiv_id}")
    seen = [c for c in entry.get("categories_seen") or [] if isinstance(c, str) and c]
    primary = entry.get("primary_category")
    primary_known = isinstance(primary, str) and bool(_PLAIN_CATEGORY.fullmatch(primary))
    categories = [primary, *seen] if isinstance(primary, str) and primary_known else seen
    comment = entry.get("comment")
    try:
        record = PaperRecord(
            arxiv_id=arxiv_id,
            version=1,
            title=" ".join(str(entry["title"]).split()),
            categories=tuple(dict.fromkeys(categories)),
            primary_known=primary_known,
            abstract=_abstract(entry.get("abstract_seen")),
            comment=comment if isinstance(comment, str) and comment.strip() else None,
            authors=authors,
            authors_ordered=ordered,
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "record"
        return None, Skip(f"invalid:{field}", where, f"id={arxiv_id}: {err['msg']}"[:300])
    return record, None


def _abstract(seen: Any) -> str:
    """The abstract as seen, whitespace collapsed; marked with CUT_OFF if it stops mid-sentence."""
    text = " ".join(seen.split()) if isinstance(seen, str) else ""
    if text and not _SENTENCE_END.search(text):
        text += CUT_OFF
    return text


def _clean(name: Any) -> str:
    return clean_name(name) if isinstance(name, str) else ""

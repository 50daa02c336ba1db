"""The arXiv metadata snapshot (JSON lines, optionally gzipped) as a stream of SourceItems."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, cast

from pydantic import ValidationError

from graphsvc.names import clean_name, from_parts
from loaders.records import MAX_ABSTRACT_CHARS, AuthorRecord, PaperRecord
from loaders.source import Skip, SourceItem

_WS = re.compile(r"\s+")
_VERSION_SUFFIX = re.compile(r"v\d+$")
_AND = re.compile(r"\s+and\s+|,\s*and\s+|,|;")


def read_snapshot(path: Path, *, start: int = 0, limit: int | None = None) -> Iterator[SourceItem]:
    """Stream the snapshot in constant memory: one SourceItem per non-blank line.

    ``position`` is the 1-based line number; ``start`` lines are skipped without parsing and
    at most ``limit`` lines after them are read (blank lines count but yield nothing).
    Gzip is detected by magic bytes. Skip reasons: "bad-json", "not-an-object",
    "missing-field:<id|title|authors>", "no-authors", "invalid:<field>" (pydantic).
    Abstracts over ``MAX_ABSTRACT_CHARS`` are truncated (ending in "…"), not skipped.
    """
    path = Path(path)
    with _open(path) as fh:
        stop = None if limit is None else start + max(limit, 0)
        for lineno, raw in enumerate(islice(fh, start, stop), start=start + 1):
            if not raw.strip():
                continue
            yield SourceItem(lineno, *_parse_line(raw, f"{path.name}:{lineno}"))


def _open(path: Path) -> BinaryIO:
    with path.open("rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":  # gzip by content, whatever the suffix
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def _parse_line(raw: bytes, where: str) -> tuple[PaperRecord | None, Skip | None]:
    try:
        obj = json.loads(raw)
    except ValueError as exc:
        return None, Skip("bad-json", where, str(exc)[:200])
    if not isinstance(obj, dict):
        return None, Skip("not-an-object", where, type(obj).__name__)
    for name in ("id", "title", "authors"):
        if obj.get(name) is None:
            return None, Skip(f"missing-field:{name}", where, f"id={obj.get('id')}")
    return build_record(obj, where)


def build_record(obj: dict[str, Any], where: str) -> tuple[PaperRecord | None, Skip | None]:
    """A PaperRecord from one snapshot object, or a Skip ("no-authors" / "invalid:<field>")."""
    arxiv_id = obj["id"]
    if isinstance(arxiv_id, str):
        arxiv_id = _VERSION_SUFFIX.sub("", arxiv_id.strip())
    authors = _authors_parsed(obj.get("authors_parsed")) or _authors_string(obj["authors"])
    if not authors:
        return None, Skip("no-authors", where, f"id={arxiv_id}")
    versions = [v for v in obj.get("versions") or [] if isinstance(v, dict)]
    created = [_rfc_date(v.get("created")) for v in versions]
    v1 = [d for v, d in zip(versions, created, strict=True) if v.get("version") == "v1"]
    published = v1[0] if v1 else (created[0] if created else None)
    updated = _iso_date(obj.get("update_date")) or next((d for d in reversed(created) if d), None)
    try:
        record = PaperRecord(
            arxiv_id=arxiv_id,
            version=max(len(versions), 1),
            title=_collapse(obj["title"]),
            abstract=_truncate(_collapse(obj.get("abstract")) or ""),
            published=published,
            updated=updated,
            doi=_collapse(obj.get("doi")) or None,
            journal_ref=_collapse(obj.get("journal-ref")) or None,
            comment=_collapse(obj.get("comments")) or None,
            categories=_categories(obj.get("categories")),
            authors=tuple(authors),
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "record"
        detail = f"id={arxiv_id}: {err['msg']} ({exc.error_count()} error(s))"
        return None, Skip(f"invalid:{field}", where, detail[:300])
    return record, None


def _collapse(value: Any) -> Any:
    """Whitespace-collapsed string; non-strings pass through for pydantic to judge."""
    return _WS.sub(" ", value).strip() if isinstance(value, str) else value


def _truncate(text: Any) -> Any:
    if isinstance(text, str) and len(text) > MAX_ABSTRACT_CHARS:
        return text[: MAX_ABSTRACT_CHARS - 1] + "…"
    return text


def _categories(value: Any) -> tuple[str, ...]:
    codes = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(dict.fromkeys(c for c in codes if isinstance(c, str) and c))


def _authors_parsed(value: Any) -> list[AuthorRecord]:
    out: list[AuthorRecord] = []
    if not isinstance(value, list):
        return out
    for entry in value:
        if not isinstance(entry, list) or not entry:
            continue
        parts = [p if isinstance(p, str) else "" for p in entry[:3]] + ["", ""]
        name = from_parts(parts[0], parts[1], parts[2])
        if not name:
            continue
        aff = clean_name(entry[3]) if len(entry) > 3 and isinstance(entry[3], str) else ""
        out.append(AuthorRecord(name=name, affiliations=(aff,) if aff else ()))
    return out


def _authors_string(value: Any) -> list[AuthorRecord]:
    """Fallback: split "A, B and C" after dropping parenthesized affiliation notes."""
    if not isinstance(value, str):
        return []
    text, depth = [], 0
    for ch in value:
        depth += ch == "("
        if depth == 0:
            text.append(ch)
        depth -= ch == ")" and depth > 0
    names = (clean_name(n) for n in _AND.split(" ".join("".join(text).split())))
    return [AuthorRecord(name=n) for n in names if n]


def _rfc_date(value: Any) -> date | None:
    try:
        return parsedate_to_datetime(value).date() if isinstance(value, str) else None
    except (TypeError, ValueError, IndexError):
        return None


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None

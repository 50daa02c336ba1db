"""The arXiv metadata snapshot (JSON lines, optionally gzipped) as a stream of SourceItems."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graphsvc.names import clean_name, collapse_spaces, from_parts
from loaders.lines import BlankRun, Overlong, ReadLimits, read_lines
from loaders.records import MAX_ABSTRACT_CHARS, MAX_AUTHORS, AuthorRecord, PaperRecord
from loaders.source import Skip, SourceItem

logger = logging.getLogger(__name__)
_VERSION_SUFFIX = re.compile(r"v\d+$")
_AND = re.compile(r"\s+and\s+|,\s*and\s+|,|;")
_PARENS = re.compile(r"[()]")


def read_snapshot(
    path: Path,
    *,
    start: int = 0,
    limit: int | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[SourceItem]:
    """Stream the snapshot in bounded memory: one SourceItem per non-blank line.

    ``position`` is the 1-based line number; ``start`` lines are skipped without parsing and
    at most ``limit`` lines after them are read (blank lines count but yield nothing).
    Gzip is detected by magic bytes; ``limits`` caps line length and decompressed size
    (`loaders.lines`: past the size cap `DecompressedTooLarge` is raised). Skip reasons:
    "line-too-long", "blank-lines" (a run longer than the line cap), "bad-json",
    "not-an-object", "missing-field:<id|title|authors>", "no-authors", "invalid:<field>"
    (pydantic). Abstracts over ``MAX_ABSTRACT_CHARS`` are truncated (ending in "…").
    """
    path = Path(path)
    limits = limits or ReadLimits()
    stop = None if limit is None else start + max(limit, 0)
    if stop == start:
        return
    for lineno, line in read_lines(path, limits, stop=stop):
        if lineno <= start:
            continue
        where = f"{path.name}:{lineno}"
        if isinstance(line, Overlong):
            detail = (
                f"{line.size:,} bytes, over GRAPHSVC_MAX_LINE_BYTES ({limits.max_line_bytes:,})"
            )
            logger.warning("%s: line skipped: %s", where, detail)
            yield SourceItem(lineno, skip=Skip("line-too-long", where, detail))
        elif isinstance(line, BlankRun):
            detail = f"{line.lines:,} blank lines in a row ({line.size:,} bytes) end here"
            logger.warning("%s: %s", where, detail)
            yield SourceItem(lineno, skip=Skip("blank-lines", where, detail))
        else:
            yield SourceItem(lineno, *_parse_line(line, where))


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
    return collapse_spaces(value) if isinstance(value, str) else value


def _truncate(text: Any) -> Any:
    if isinstance(text, str) and len(text) > MAX_ABSTRACT_CHARS:
        return text[: MAX_ABSTRACT_CHARS - 1] + "…"
    return text


def _categories(value: Any) -> tuple[str, ...]:
    codes = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(dict.fromkeys(c for c in codes if isinstance(c, str) and c))


def _authors_parsed(value: Any) -> list[AuthorRecord]:
    """The names of `authors_parsed`; at most one more than a record may hold (then the record
    is refused), so a long list costs no more than that."""
    out: list[AuthorRecord] = []
    if not isinstance(value, list):
        return out
    for entry in value:
        if len(out) > MAX_AUTHORS:
            break
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
    """Fallback: split "A, B and C" after dropping parenthesized affiliation notes; at most
    one name more than a record may hold is read."""
    if not isinstance(value, str):
        return []
    text = collapse_spaces(_outside_parentheses(value))
    names = filter(None, (clean_name(n) for n in _split_names(text)))
    return [AuthorRecord(name=n) for n in islice(names, MAX_AUTHORS + 1)]


def _outside_parentheses(text: str) -> str:
    """The text without its parenthesized parts (nested ones too; a stray ")" stays)."""
    kept: list[str] = []
    depth = start = 0
    for paren in _PARENS.finditer(text):
        if paren.group() == "(":
            if depth == 0:
                kept.append(text[start : paren.start()])
            depth += 1
        elif depth > 0:
            depth -= 1
            start = paren.end()
    if depth == 0:
        kept.append(text[start:])
    return "".join(kept)


def _split_names(text: str) -> Iterator[str]:
    """The parts between separators ("," ";" "and"), one at a time."""
    start = 0
    for separator in _AND.finditer(text):
        yield text[start : separator.start()]
        start = separator.end()
    yield text[start:]


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

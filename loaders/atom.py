"""arXiv API Atom feeds -> SourceItems (records or counted skips), shared by files and the live API.

Entries are built with the `arxiv` package's own parser (`arxiv._feed`), so a saved response and a
live one become the same records. This module never raises on bad content: a feed that is not
well-formed Atom becomes a single ``Skip("malformed-feed")`` item.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import arxiv
from arxiv import _feed
from lxml import etree
from pydantic import ValidationError

from loaders.records import AuthorRecord, PaperRecord
from loaders.source import Skip, SourceItem

logger = logging.getLogger(__name__)

_ATOM = "{http://www.w3.org/2005/Atom}"
_ABS_MARKER = "arxiv.org/abs/"
_ERROR_MARKER = "arxiv.org/api/errors"
_VERSIONED_ID = re.compile(r"^(?P<id>.+?)(?:v(?P<version>\d+))?$")
_ARXIV_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})$")
_DETAIL_CHARS = 300


@dataclass
class FeedPage:
    """One parsed feed: items in entry order (position = 1-based entry index) plus the header."""

    items: list[SourceItem] = field(default_factory=list)
    total_results: int = 0
    start_index: int = 0
    malformed: bool = False

    @property
    def errors(self) -> list[Skip]:
        """The skips among the items (arXiv error entries, invalid entries, a malformed feed)."""
        return [item.skip for item in self.items if item.skip is not None]

    @property
    def records(self) -> list[PaperRecord]:
        """The paper records among the items."""
        return [item.record for item in self.items if item.record is not None]

    @property
    def empty(self) -> bool:
        """True for a well-formed feed without entries (e.g. an id lookup that found nothing)."""
        return not self.malformed and not self.items


def collapse(text: str | None) -> str:
    """NFC-normalize, collapse runs of whitespace to one space, and strip."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _optional(text: str | None) -> str | None:
    return collapse(text) or None


def _short(text: str) -> str:
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


def split_versioned_id(entry_id: str) -> tuple[str, int] | None:
    """`http://arxiv.org/abs/astro-ph/0601001v2` -> ("astro-ph/0601001", 2); None if not an id."""
    if _ABS_MARKER not in entry_id:
        return None
    short = entry_id.split(_ABS_MARKER)[-1].strip().strip("/")
    match = _VERSIONED_ID.match(short)
    if match is None or not _ARXIV_ID.match(match["id"]):
        return None
    return match["id"], int(match["version"] or 1)


def _dedup(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def result_to_item(result: arxiv.Result, position: int, where: str) -> SourceItem:
    """Convert one `arxiv.Result` to a PaperRecord item, or a Skip item saying why not."""
    ids = split_versioned_id(result.entry_id)
    if ids is None:
        skip = Skip("invalid:arxiv_id", where, detail=_short(str(result.entry_id)))
        return SourceItem(position, skip=skip)
    arxiv_id, version = ids
    authors = [
        AuthorRecord(
            name=name,
            affiliations=_dedup(collapse(a) for a in author.affiliation),
        )
        for author in result.authors
        if (name := collapse(author.name))
    ]
    if not authors:
        return SourceItem(position, skip=Skip("no-authors", where, detail=arxiv_id))
    primary = collapse(result.primary_category)
    categories = _dedup([primary, *(collapse(c) for c in result.categories)])
    try:
        record = PaperRecord(
            arxiv_id=arxiv_id,
            version=version,
            title=collapse(result.title),
            abstract=collapse(result.summary),
            published=result.published.date() if result.published else None,
            updated=result.updated.date() if result.updated else None,
            doi=_optional(result.doi),
            journal_ref=_optional(result.journal_ref),
            comment=_optional(result.comment),
            categories=categories,
            primary_known=bool(primary),
            authors=tuple(authors),
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = error["loc"][0] if error["loc"] else "record"
        skip = Skip(f"invalid:{loc}", where, detail=_short(f"{arxiv_id}: {error['msg']}"))
        return SourceItem(position, skip=skip)
    return SourceItem(position, record=record)


def _entry_text(entry: Any, tag: str) -> str:
    found = entry.find(f"{_ATOM}{tag}")
    return collapse(found.text if found is not None else None)


def _entry_item(entry: Any, position: int, where: str) -> SourceItem:
    entry_where = f"{where}#{position}"
    entry_id = _entry_text(entry, "id")
    if _ERROR_MARKER in entry_id:
        detail = _entry_text(entry, "summary") or _entry_text(entry, "title") or entry_id
        return SourceItem(position, skip=Skip("arxiv-error", entry_where, detail=_short(detail)))
    try:
        result = _feed._build_result(entry)
    except (ValueError, TypeError) as exc:  # e.g. an unparseable <published> date
        detail = _short(f"{entry_id or 'entry without id'}: {exc}")
        return SourceItem(position, skip=Skip("malformed-entry", entry_where, detail=detail))
    if result is None:  # arxiv drops entries without id/published/updated
        detail = _short(f"{entry_id or 'entry without id'}: missing id, published or updated")
        return SourceItem(position, skip=Skip("malformed-entry", entry_where, detail=detail))
    return result_to_item(result, position, entry_where)


def _header_int(root: Any, path: str) -> int:
    found = root.find(path, _feed._NS)
    try:
        return int(found.text.strip()) if found is not None and found.text else 0
    except ValueError:
        return 0


def _malformed(where: str, detail: str) -> FeedPage:
    skip = Skip("malformed-feed", where, detail=_short(detail))
    return FeedPage(items=[SourceItem(0, skip=skip)], malformed=True)


def _keep_entity_references(root: Any, where: str) -> None:
    """Replace each unresolved entity reference (`&xxe;`) by its literal text.

    Left in the tree, a reference splits an element's text, and the `arxiv` parser reads only
    the part before it ("XXE title &xxe; end" became "XXE title").
    """
    for ref in list(root.iter(etree.Entity)):
        literal = (ref.text or "") + (ref.tail or "")
        parent = ref.getparent()
        if parent is None:
            continue
        previous = ref.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + literal
        else:
            previous.tail = (previous.tail or "") + literal
        parent.remove(ref)
        logger.warning("%s: entity reference %s kept as text, not resolved", where, ref.text)


def parse_feed(content: bytes, where: str) -> FeedPage:
    """Parse an arXiv API Atom response body; never raises on bad content.

    Not well-formed XML, or a root other than an Atom <feed> (an HTML error page), gives a page
    with one ``Skip("malformed-feed")`` item at position 0 and ``malformed=True``.
    """
    # Strict parse first: arxiv's own parser uses recover=True and would accept truncated input.
    # Entities other than the predefined ones are never resolved (no external file or URL is
    # read); comments and processing instructions are dropped so that text stays one piece.
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(bytes(content), parser=parser)
    except etree.XMLSyntaxError as exc:
        return _malformed(where, f"not well-formed XML: {exc}")
    _keep_entity_references(root, where)
    if root is None or root.tag != f"{_ATOM}feed":
        tag = getattr(root, "tag", None)
        return _malformed(where, f"not an Atom feed (root element {tag!r})")
    items = [
        _entry_item(entry, index, where)
        for index, entry in enumerate(root.iterfind(f"{_ATOM}entry"), start=1)
    ]
    return FeedPage(
        items=items,
        total_results=_header_int(root, "opensearch:totalResults"),
        start_index=_header_int(root, "opensearch:startIndex"),
    )


def read_atom_files(paths: Iterable[Path]) -> Iterator[SourceItem]:
    """Yield the items of each saved feed file; positions run 1, 2, ... across all files.

    A file that cannot be read gives ``Skip("unreadable-file")``, a feed without entries
    ``Skip("empty-feed")``; each of these also takes one position.
    """
    position = 0
    for path in paths:
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            position += 1
            skip = Skip("unreadable-file", str(path), detail=_short(str(exc)))
            yield SourceItem(position, skip=skip)
            continue
        page = parse_feed(content, str(path))
        if page.empty:
            position += 1
            yield SourceItem(position, skip=Skip("empty-feed", str(path)))
        for item in page.items:
            position += 1
            yield SourceItem(position, record=item.record, skip=item.skip)

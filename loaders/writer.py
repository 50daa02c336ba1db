"""One writer turns batches of paper records into the graph, on either backend.

Each batch is one write transaction: works, authorships, topics, affiliations and the source's
resume position commit together or not at all. Re-ingesting a paper at the same or an older
version changes nothing; a newer version replaces its title, abstract, authors and categories.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from graphsvc.db import GraphBackend, Tx
from loaders.identity import Researcher, Resolver, slug
from loaders.names import block_key, clean_name, fold, name_key
from loaders.records import PaperRecord
from loaders.source import Skip, SourceItem
from loaders.summary import IngestSummary
from loaders.taxonomy import Taxonomy

log = logging.getLogger(__name__)
DEFAULT_BATCH = 5_000
Progress = Callable[[IngestSummary], None]


class SourceInterrupted(Exception):
    """Ingest stopped early; `summary` counts what was written before, `cause` says why."""

    def __init__(self, summary: IngestSummary, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.summary = summary
        self.cause = cause


@dataclass(frozen=True)
class _Paper:
    record: PaperRecord
    names: list[str]
    topics: list[str]
    institutions: list[list[str]]
    replaces: bool


class GraphWriter:
    """Writes SourceItems to a backend in batches; keeps the identity resolver's state."""

    def __init__(
        self,
        backend: GraphBackend,
        *,
        taxonomy: Taxonomy | None = None,
        batch_size: int = DEFAULT_BATCH,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.backend = backend
        self.taxonomy = taxonomy or Taxonomy.load()
        self.batch_size = batch_size
        self._resolver: Resolver | None = None

    def position(self, source: str) -> int | None:
        """The position of the last written item of `source`; None when never ingested."""
        rows = self.backend.read("ingest_position", source=source)
        return int(rows[0]["position"]) if rows else None

    def ingest(
        self,
        items: Iterable[SourceItem],
        *,
        source: str | None = None,
        progress: Progress | None = None,
    ) -> IngestSummary:
        """Write every record of `items`; count skips. `source` names the resume position."""
        summary = IngestSummary()
        batch: list[SourceItem] = []
        try:
            for item in items:
                batch.append(item)
                if len(batch) >= self.batch_size:
                    self._flush(batch, summary, source, progress)
        except SourceInterrupted:
            raise
        except Exception as err:
            # The source failed (e.g. arXiv gave up): keep what it delivered, then report.
            self._flush(batch, summary, source, progress)
            raise SourceInterrupted(summary, err) from err
        self._flush(batch, summary, source, progress)
        return summary

    def _flush(
        self,
        batch: list[SourceItem],
        summary: IngestSummary,
        source: str | None,
        progress: Progress | None,
    ) -> None:
        if not batch:
            return
        try:
            self._write_batch(batch, summary, source)
        except Exception as err:
            raise SourceInterrupted(summary, err) from err
        batch.clear()
        if progress:
            progress(summary)

    def _resolver_state(self) -> Resolver:
        if self._resolver is None:
            taken = [r["id"] for r in self.backend.read("ingest_all_researcher_ids")]
            self._resolver = Resolver(taken)
        return self._resolver

    def _write_batch(
        self, batch: list[SourceItem], summary: IngestSummary, source: str | None
    ) -> None:
        records = self._unique_records(batch, summary)
        stored = {
            r["arxiv_id"]: r["version"]
            for r in self.backend.read("ingest_work_versions", ids=[r.arxiv_id for r in records])
        }
        papers = []
        for record in records:
            known = stored.get(record.arxiv_id)
            if known is not None and record.version <= known:
                summary.unchanged += 1
                continue
            papers.append(self._prepare(record, replaces=known is not None, summary=summary))
        summary.position = batch[-1].position
        if not papers and source is None:
            return
        resolver = self._resolver_state()
        try:
            self._load_blocks(resolver, papers)
            authors = [resolver.resolve(p.names, set(p.topics)) for p in papers]
            old_blocks = self.backend.write(
                lambda tx: self._write(tx, papers, authors, resolver, source, summary)
            )
        except BaseException:
            self._resolver = None  # its state may be ahead of the graph: reload on next use
            raise
        finally:
            resolver.end_batch()
        # Replaced author lists change what the graph says of those blocks: reload them.
        resolver.evict(old_blocks | {block_key(n) for p in papers if p.replaces for n in p.names})
        summary.ingested += sum(1 for p in papers if not p.replaces)
        summary.updated += sum(1 for p in papers if p.replaces)

    def _unique_records(self, batch: list[SourceItem], summary: IngestSummary) -> list[PaperRecord]:
        """Records of the batch, one per arXiv id (the newest version wins); skips counted."""
        newest: dict[str, PaperRecord] = {}
        for item in batch:
            if item.skip is not None:
                summary.skip(item.skip)
                continue
            if item.record is None:
                continue
            record = item.record
            previous = newest.get(record.arxiv_id)
            if previous is not None:
                summary.skip(Skip("duplicate-in-batch", f"item {item.position}", record.arxiv_id))
                if previous.version >= record.version:
                    continue
            newest[record.arxiv_id] = record
        return list(newest.values())

    def _prepare(self, record: PaperRecord, *, replaces: bool, summary: IngestSummary) -> _Paper:
        topics: list[str] = []
        for code in record.categories:
            topic = self.taxonomy.resolve(code)
            if topic is None:
                summary.warn("unknown-category", f"{record.arxiv_id}: {code}")
            elif topic.id not in topics:
                topics.append(topic.id)
        names, institutions = [], []
        for author in record.authors:
            name = clean_name(author.name)
            if not name:
                summary.warn("unreadable-author-name", f"{record.arxiv_id}: {author.name!r}")
                continue
            names.append(name)
            institutions.append(_institution_names(author.affiliations))
        return _Paper(record, names, topics, institutions, replaces)

    def _load_blocks(self, resolver: Resolver, papers: list[_Paper]) -> None:
        missing = resolver.missing_blocks(block_key(n) for p in papers for n in p.names)
        if not missing:
            return
        rows = self.backend.read("ingest_researchers_in_blocks", blocks=sorted(missing))
        evidence = {
            r["id"]: r
            for r in self.backend.read("ingest_researcher_evidence", ids=[r["id"] for r in rows])
        }
        resolver.add_loaded(
            missing,
            (
                Researcher(
                    id=r["id"],
                    name=r["name"],
                    aliases=set(r["aliases"] or []),
                    coauthor_blocks=set(evidence.get(r["id"], {}).get("coauthor_blocks") or []),
                    topics=set(evidence.get(r["id"], {}).get("topics") or []),
                )
                for r in rows
            ),
        )

    def _write(
        self,
        tx: Tx,
        papers: list[_Paper],
        authors: list[list[Researcher]],
        resolver: Resolver,
        source: str | None,
        summary: IngestSummary,
    ) -> set[str]:
        """The batch in one transaction; returns the block keys of the replaced authors."""
        replaced = [p.record.arxiv_id for p in papers if p.replaces]
        old: list[dict[str, Any]] = []
        if replaced:
            old = tx.run("ingest_authors_of_works", ids=replaced)
            tx.run("ingest_detach_authors", ids=replaced)
            tx.run("ingest_detach_topics", ids=replaced)
        old_authors = [r["id"] for r in old]
        _rows(tx, "ingest_upsert_topics", self._topic_rows(papers))
        _rows(tx, "ingest_create_works", [_work_row(p) for p in papers if not p.replaces])
        _rows(tx, "ingest_upsert_works", [_work_row(p) for p in papers if p.replaces])
        researchers = resolver.touched.values()
        new, known = resolver.created, [r for r in researchers if r.id not in resolver.created]
        _rows(
            tx,
            "ingest_create_researchers",
            [_researcher_row(r) for r in researchers if r.id in new],
        )
        _rows(tx, "ingest_upsert_researchers", [_researcher_row(r) for r in known])
        authorships, institutions = _authorship_rows(papers, authors)
        _rows(tx, "ingest_upsert_institutions", institutions)
        _rows(tx, "ingest_create_authorships", authorships)
        _rows(tx, "ingest_create_work_topics", _work_topic_rows(papers))
        merges = resolver.merge_rows()
        if merges:
            _rows(tx, "ingest_merge_record_redirects", merges)  # first: it records the works
            _rows(tx, "ingest_merge_authorships", merges)
            _rows(tx, "ingest_merge_forward_redirects", merges)
            _rows(tx, "ingest_merge_delete_researchers", merges)
        # Affiliations: recomputed from all their authorships for the authors of replaced works
        # (old and new) and researchers others merged into; for everyone else, this batch's new
        # works are added to what is stored (nothing else of theirs changed).
        replaced_set = set(replaced)
        recompute = {
            resolver.final_id(i)
            for i in (
                set(old_authors)
                | {m["new_id"] for m in merges}
                | {a["researcher"] for a in authorships if a["work"] in replaced_set}
            )
        } - set(resolver.merges)
        refresh_affiliations(tx, recompute)
        years = {p.record.arxiv_id: p.record.year for p in papers}
        added = [
            {**a, "researcher": final, "year": years[a["work"]]}
            for a in authorships
            if a["institutions"] and a["work"] not in replaced_set
            for final in [resolver.final_id(a["researcher"])]
            if final not in recompute
        ]
        _rows(tx, "ingest_add_affiliations", _affiliation_rows(added))
        orphans = sorted(set(old_authors) - set(resolver.merges))
        if orphans:
            tx.run("ingest_delete_orphans", ids=orphans)
        if source is not None:
            tx.run("ingest_save_position", source=source, position=summary.position)
        tx.run("ingest_bump_version")
        return {r["block_key"] for r in old}

    def _topic_rows(self, papers: list[_Paper]) -> list[dict[str, Any]]:
        codes = sorted({t for p in papers for t in p.topics})
        rows = []
        for code in codes:
            topic = self.taxonomy.resolve(code)
            assert topic is not None
            rows.append(
                {
                    "id": topic.id,
                    "name": topic.name,
                    "archive": topic.archive,
                    "archive_name": topic.archive_name,
                    "group_id": topic.group,
                    "group_name": topic.group_name,
                }
            )
        return rows


def _rows(tx: Tx, name: str, rows: list[dict[str, Any]]) -> None:
    """Run an `UNWIND $rows` query, skipping empty batches (Ladybug cannot type an empty list)."""
    if rows:
        tx.run(name, rows=rows)


def _institution_names(affiliations: Iterable[str]) -> list[str]:
    names: list[str] = []
    for raw in affiliations:
        name = re.sub(r"\s+", " ", raw).strip().strip(",;.").strip()
        if name and name not in names:
            names.append(name)
    return names


def institution_id(name: str) -> str:
    """Institutions are identified by their folded name (transliterated, see `slug`)."""
    return slug(name, fallback="institution")


def _work_row(p: _Paper) -> dict[str, Any]:
    r = p.record
    return {
        "arxiv_id": r.arxiv_id,
        "version": r.version,
        "title": r.title,
        "title_folded": fold(r.title),
        "abstract": r.abstract,
        "published": r.published.isoformat() if r.published else None,
        "updated": r.updated.isoformat() if r.updated else None,
        "year": r.year,
        "doi": r.doi,
        "journal_ref": r.journal_ref,
        "comment": r.comment,
        "primary_category": p.topics[0] if p.topics and r.primary_known else None,
        "authors_count": len(p.names),
        "authors_ordered": r.authors_ordered,
    }


def _researcher_row(r: Researcher) -> dict[str, Any]:
    aliases = sorted(r.aliases)
    return {
        "id": r.id,
        "name": r.name,
        "name_key": name_key(r.name),
        "block_key": block_key(r.name),
        "search_text": " | ".join(fold(a) for a in [r.name, *aliases]),
        "aliases": aliases,
    }


def _authorship_rows(
    papers: list[_Paper], authors: list[list[Researcher]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    authorships: list[dict[str, Any]] = []
    institutions: dict[str, dict[str, Any]] = {}
    for paper, researchers in zip(papers, authors, strict=True):
        for position, (researcher, names) in enumerate(
            zip(researchers, paper.institutions, strict=True)
        ):
            ids = []
            for name in names:
                iid = institution_id(name)
                institutions.setdefault(iid, {"id": iid, "name": name})
                if iid not in ids:
                    ids.append(iid)
            authorships.append(
                {
                    "researcher": researcher.id,
                    "work": paper.record.arxiv_id,
                    "position": position,
                    "institutions": ids,
                }
            )
    return authorships, [institutions[k] for k in sorted(institutions)]


def _work_topic_rows(papers: list[_Paper]) -> list[dict[str, Any]]:
    return [
        {
            "work": p.record.arxiv_id,
            "topic": topic,
            "is_primary": i == 0 and p.record.primary_known,
        }
        for p in papers
        for i, topic in enumerate(p.topics)
    ]


def researcher_row(r: Researcher) -> dict[str, Any]:
    """A researcher's stored properties: name, aliases and the keys derived from them."""
    return _researcher_row(r)


def refresh_affiliations(tx: Tx, researchers: Iterable[str]) -> None:
    """Recompute the AFFILIATED_WITH relationships of these researchers from their authorships."""
    ids = sorted(set(researchers))
    if ids:
        facts = tx.run("ingest_affiliation_facts", ids=ids)
        tx.run("ingest_clear_affiliations", ids=ids)
        _rows(tx, "ingest_create_affiliations", _affiliation_rows(facts))


def _affiliation_rows(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Aggregate (researcher, institution) over works: first and last year, work count."""
    years: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    for fact in facts:
        for iid in fact["institutions"] or []:
            years[(fact["researcher"], iid)].append(fact["year"])
    rows = []
    for (researcher, iid), ys in sorted(years.items()):
        known = [y for y in ys if y is not None]
        rows.append(
            {
                "researcher": researcher,
                "institution": iid,
                "first_year": min(known) if known else None,
                "last_year": max(known) if known else None,
                "works": len(ys),
            }
        )
    return rows

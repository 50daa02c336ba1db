"""One writer turns batches of paper records into the graph, on either backend.

Each batch is one write transaction: works, authorships, topics, teams, affiliations, the
collaboration layer and the source's resume position commit together or not at all.
Re-ingesting a paper at the same or an older version changes nothing; a newer version replaces
its title, abstract, authors, teams and categories. A batch ends at `batch_size` papers or at
`MAX_BATCH_AUTHORS` authorships, whichever comes first, so memory stays bounded whatever one
paper holds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from graphsvc.db import GraphBackend, Tx
from graphsvc.names import block_key, collapse_spaces, fold_once, slug
from graphsvc.store import affiliations, layer, merges, name_words, params
from graphsvc.store.facts import LayerDelta, WorkFacts
from graphsvc.store.layer import run_counted, run_rows
from graphsvc.store.researchers import name_count_changes, researcher_row, write_name_counts
from loaders.identity import Researcher, Resolver
from loaders.records import PaperRecord
from loaders.source import Skip, SourceItem
from loaders.summary import IngestSummary
from loaders.taxonomy import Taxonomy
from loaders.teams import TeamName, split_entry, team_names

log = logging.getLogger(__name__)
DEFAULT_BATCH = 5_000
MAX_BATCH_AUTHORS = 50_000
DEFAULT_TEAM_MIN_AUTHORS = 100
STATE_ATTEMPTS = 3  # a batch is resolved again this often when other writes come first
STATE_PAGE = 10_000  # researchers per read when the whole resolution state is loaded
Progress = Callable[[IngestSummary], None]


class TooManySkipped(Exception):
    """More items were skipped than a run allows (a file that is not what it claims to be)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"skipped items exceed GRAPHSVC_MAX_SKIPPED_ITEMS ({limit:,})")
        self.limit = limit

    def __reduce__(self) -> tuple[type[TooManySkipped], tuple[int]]:
        return (TooManySkipped, (self.limit,))  # sent back by a bulk plan process


class StateChanged(Exception):
    """Another write reached the graph after the state a batch was resolved against."""


class SourceInterrupted(Exception):
    """Ingest stopped early; `summary` counts what was written before, `cause` says why."""

    def __init__(self, summary: IngestSummary, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.summary = summary
        self.cause = cause

    def __reduce__(self) -> tuple[type[SourceInterrupted], tuple[IngestSummary, BaseException]]:
        return (SourceInterrupted, (self.summary, self.cause))  # sent back by a bulk plan process


@dataclass(frozen=True)
class _Paper:
    record: PaperRecord
    names: list[str]
    topics: list[str]
    institutions: list[list[str]]
    teams: list[TeamName]
    team_work: bool
    replaces: bool


class PaperBatcher:
    """Reads SourceItems in batches, prepares their papers and resolves their authors; what a
    batch's papers become is the subclass's (`GraphWriter`: a write transaction; the bulk load:
    tables in memory). The hooks `_stored_versions`, `_new_resolver`, `_load_state` and
    `_commit` answer from the graph or from memory.

    A work is a team work when it names a team or has more than `team_min_authors` authors.
    With `max_skipped`, a run stops (`TooManySkipped`) after the batch that skips more.
    """

    def __init__(
        self,
        *,
        taxonomy: Taxonomy | None = None,
        batch_size: int = DEFAULT_BATCH,
        team_min_authors: int = DEFAULT_TEAM_MIN_AUTHORS,
        name_rarity: bool = True,
        max_skipped: int | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.taxonomy = taxonomy or Taxonomy.load()
        self.batch_size = batch_size
        self.team_min_authors = team_min_authors
        self.name_rarity = name_rarity
        self.max_skipped = max_skipped
        self._resolver: Resolver | None = None

    def _before_run(self) -> None:
        """Called once before the first batch."""

    def _stored_versions(self, ids: list[str]) -> dict[str, int]:
        """The stored version of each of these works that is stored."""
        raise NotImplementedError

    def _new_resolver(self) -> Resolver:
        raise NotImplementedError

    def _load_state(self, resolver: Resolver, papers: list[_Paper]) -> None:
        """Give the resolver what it needs to know of the batch's blocks and names."""
        raise NotImplementedError

    def _commit(
        self,
        papers: list[_Paper],
        authors: list[list[Researcher]],
        resolver: Resolver,
        source: str | None,
        summary: IngestSummary,
    ) -> dict[str, str]:
        """Store the batch; returns the researchers whose resolution evidence its replaced
        versions changed (id -> block key)."""
        raise NotImplementedError

    def _reload(self, resolver: Resolver, stale: dict[str, str]) -> None:
        """Read these researchers (id -> block key) again into a complete resolver."""
        raise NotImplementedError

    def ingest(
        self,
        items: Iterable[SourceItem],
        *,
        source: str | None = None,
        progress: Progress | None = None,
    ) -> IngestSummary:
        """Write every record of `items`; count skips. `source` names the resume position."""
        summary = IngestSummary()
        self._before_run()
        batch: list[SourceItem] = []
        authors = 0
        try:
            for item in items:
                batch.append(item)
                authors += len(item.record.authors) if item.record else 0
                if len(batch) >= self.batch_size or authors >= MAX_BATCH_AUTHORS:
                    self._flush(batch, summary, source, progress)
                    authors = 0
                    self._check_skipped(summary)
            self._flush(batch, summary, source, progress)
            self._check_skipped(summary)
        except SourceInterrupted:
            raise
        except Exception as err:
            # The source failed (e.g. arXiv gave up) or skipped too much: keep what it
            # delivered, then report.
            self._flush(batch, summary, source, progress)
            raise SourceInterrupted(summary, err) from err
        return summary

    def _check_skipped(self, summary: IngestSummary) -> None:
        if self.max_skipped is not None and summary.skipped_total > self.max_skipped:
            raise TooManySkipped(self.max_skipped)

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
            self._resolver = self._new_resolver()
        return self._resolver

    def _write_batch(
        self, batch: list[SourceItem], summary: IngestSummary, source: str | None
    ) -> None:
        records = self._unique_records(batch, summary)
        ids = [r.arxiv_id for r in records]  # a batch of skips reads nothing
        stored = self._stored_versions(ids) if ids else {}
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
        for attempt in range(1, STATE_ATTEMPTS + 1):
            resolver = self._resolver_state()
            try:
                self._load_state(resolver, papers)
                authors = [
                    resolver.resolve(p.names, set(p.topics), {t.id for t in p.teams}, p.team_work)
                    for p in papers
                ]
                stale = self._commit(papers, authors, resolver, source, summary)
                break
            except StateChanged:
                self._resolver = None  # resolved against an outdated graph: read it again
                if attempt == STATE_ATTEMPTS:
                    raise
                log.info("another write came first; resolving the batch again (%d)", attempt)
            except BaseException:
                self._resolver = None  # its state may be ahead of the graph: reload on next use
                raise
            finally:
                resolver.end_batch()
        summary.ingested += sum(1 for p in papers if not p.replaces)
        summary.updated += sum(1 for p in papers if p.replaces)
        # Replaced versions change what the graph says of some of their authors.
        if not resolver.complete:
            resolver.evict(set(stale.values()))
            return
        try:
            self._reload(resolver, stale)
        except BaseException:
            self._resolver = None  # half replaced: read it all again on next use
            raise

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
        names: list[str] = []
        institutions: list[list[str]] = []
        teams: dict[str, TeamName] = {}
        for author in record.authors:
            named_teams, people = split_entry(author.name)
            for team in named_teams:
                teams.setdefault(team.key, team)
            if not people and not named_teams:
                summary.warn("unreadable-author-name", f"{record.arxiv_id}: {author.name!r}")
            places = []
            for affiliation in author.affiliations:
                beside = team_names(affiliation)  # "for the ATLAS Collaboration"
                for team in beside:
                    teams.setdefault(team.key, team)
                if not beside:
                    places.append(affiliation)
            for person in people:
                names.append(person)
                institutions.append(_institution_names(places))
        team_work = bool(teams) or len(names) > self.team_min_authors
        return _Paper(
            record, names, topics, institutions, list(teams.values()), team_work, replaces
        )

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


class GraphWriter(PaperBatcher):
    """Writes SourceItems to a backend in batches, each batch one write transaction; keeps the
    identity resolver's state between batches (reloaded from the graph when needed).

    By default a batch reads the name blocks it needs that are not cached (a bounded cache).
    `resident=True` reads the whole graph's resolution state once, at the first batch, and
    keeps all of it: a long run into a large graph then reads again, by id, only the authors
    whose evidence the versions it replaces changed. Either way a batch is resolved again when
    another write reached the graph after the state it was resolved against (an ingest, a merge
    or a split: `ingest_bump_identity`; `StateChanged`, at most `STATE_ATTEMPTS` times)."""

    def __init__(self, backend: GraphBackend, *, resident: bool = False, **options: Any) -> None:
        super().__init__(**options)
        self.backend = backend
        self.resident = resident
        self._version: int | None = None  # the identity version the resolver's state is of
        self.state_reads: list[tuple[int, float]] = []  # resident: (researchers, seconds) each

    def position(self, source: str) -> int | None:
        """The position of the last written item of `source`; None when never ingested."""
        rows = self.backend.read_long("ingest_position", source=source)
        return int(rows[0]["position"]) if rows else None

    def _before_run(self) -> None:
        layer.ensure_current(self.backend, team_min_authors=self.team_min_authors)

    def _stored_versions(self, ids: list[str]) -> dict[str, int]:
        rows = self.backend.read_long("ingest_work_versions", ids=ids)
        return {r["arxiv_id"]: r["version"] for r in rows}

    def _new_resolver(self) -> Resolver:
        rows = self.backend.read_long("identity_version")
        self._version = int(rows[0]["version"] or 0) if rows else 0
        if not self.resident:
            return Resolver(name_rarity=self.name_rarity)
        resolver = Resolver(
            name_rarity=self.name_rarity, max_cached=None, all_ids_known=True, complete=True
        )
        self._load_everything(resolver)
        return resolver

    def _load_everything(self, resolver: Resolver) -> None:
        """Every researcher with their evidence, every name count and every reserved id."""
        started = time.perf_counter()
        ids = sorted(self.backend.read_long("layer_all_researcher_ids")[0]["ids"])
        resolver.add_loaded((), self._researchers(ids))
        resolver.add_checked((), (r["id"] for r in self.backend.read_long("ingest_all_merged_ids")))
        resolver.names.load((), self.backend.read_long("ingest_all_name_counts")[0]["counts"])
        self.state_reads.append((len(ids), time.perf_counter() - started))

    def _researchers(self, ids: list[str]) -> Iterator[Researcher]:
        """These researchers as the graph holds them, with their evidence (in pages)."""
        for start in range(0, len(ids), STATE_PAGE):
            page = ids[start : start + STATE_PAGE]
            rows = self.backend.read_long("ingest_researcher_state", ids=page)
            yield from (_researcher(row) for row in rows[0]["researchers"])

    def _reload(self, resolver: Resolver, stale: dict[str, str]) -> None:
        resolver.replace(stale, self._researchers(sorted(stale)))

    def _commit(
        self,
        papers: list[_Paper],
        authors: list[list[Researcher]],
        resolver: Resolver,
        source: str | None,
        summary: IngestSummary,
    ) -> dict[str, str]:
        stale = self.backend.write(
            lambda tx: self._write(tx, papers, authors, resolver, source, summary)
        )
        assert self._version is not None
        self._version += 1  # this batch's bump
        return stale

    def _load_state(self, resolver: Resolver, papers: list[_Paper]) -> None:
        """Read what resolution needs of the graph: the researchers of the batch's blocks, with
        their evidence, the name counts of the batch's names, and which records accounts own."""
        resolver.owners = {
            r["researcher_id"]: r["account_id"] for r in self.backend.read_long("claim_owners")
        }
        all_names = [n for p in papers for n in p.names]
        missing = resolver.missing_blocks(block_key(n) for n in all_names)  # see `complete`
        if missing:
            rows = self.backend.read_long("ingest_researchers_in_blocks", blocks=sorted(missing))
            resolver.add_loaded(missing, self._researchers(sorted(rows[0]["ids"])))
        while ids := resolver.ids_to_check(all_names):
            taken = self.backend.read_long("ingest_ids_taken", ids=ids)
            resolver.add_checked(ids, (r["id"] for r in taken))
        keys = resolver.names.missing(all_names)
        if keys and resolver.complete:
            resolver.names.load(keys, [])  # every count was read: these are names not seen yet
        elif keys:
            counts = self.backend.read_long("ingest_name_counts", keys=sorted(keys))
            resolver.names.load(keys, counts[0]["counts"])

    def _write(
        self,
        tx: Tx,
        papers: list[_Paper],
        authors: list[list[Researcher]],
        resolver: Resolver,
        source: str | None,
        summary: IngestSummary,
    ) -> dict[str, str]:
        """The batch in one transaction; returns the old or new authors of replaced versions
        whose resolution evidence changed (id -> block key; see `_evidence_changed`)."""
        previous = int(tx.run("ingest_bump_identity")[0]["previous"])
        if previous != self._version:
            raise StateChanged(f"identity version {previous}, resolved against {self._version}")
        replaced = [p.record.arxiv_id for p in papers if p.replaces]
        old: list[dict[str, Any]] = []
        old_facts: list[WorkFacts] = []
        if replaced:
            old_facts = layer.work_facts(tx, replaced)
            old = tx.run("ingest_authors_of_works", ids=replaced)[0]["authors"]
            tx.run("ingest_detach_authors", ids=replaced)
            tx.run("ingest_detach_topics", ids=replaced)
            tx.run("ingest_detach_teams", ids=replaced)
        run_rows(tx, "ingest_upsert_topics", self._topic_rows(papers))
        _upsert_teams(tx, papers)
        run_rows(tx, "ingest_create_works", [_work_row(p) for p in papers if not p.replaces])
        run_counted(
            tx,
            "ingest_update_works",
            [_work_row(p) for p in papers if p.replaces],
            "updated",
            "works to replace are not stored",
        )
        changed = resolver.changed()
        rows = [researcher_row(r.id, r.name, r.aliases, block_peer=r.block_peer) for r in changed]
        run_rows(tx, "ingest_create_researchers", [r for r in rows if r["id"] in resolver.created])
        run_counted(
            tx,
            "ingest_update_researchers",
            [r for r in rows if r["id"] not in resolver.created],
            "updated",
            "researchers to update are not stored",
        )
        name_words.link(tx, rows, created=resolver.created)
        authorships, institutions = _authorship_rows(papers, authors)
        run_rows(tx, "ingest_upsert_institutions", institutions)
        run_counted(
            tx,
            "ingest_create_authorships",
            authorships,
            "created",
            "authorships found no researcher or work",
        )
        run_rows(tx, "ingest_create_work_topics", _work_topic_rows(papers))
        run_rows(tx, "ingest_create_work_teams", _work_team_rows(papers))
        # Merges move authorships first; the layer then adds the batch's works (by final ids),
        # subtracts the replaced versions, and recomputes the records merges touched.
        merge_rows = resolver.merge_rows()
        merges.move_records(tx, merge_rows)
        redone = frozenset({m["old_id"] for m in merge_rows} | {m["new_id"] for m in merge_rows})
        new_facts = [
            _facts(p, [resolver.final_id(r.id) for r in rs])
            for p, rs in zip(papers, authors, strict=True)
        ]
        delta = LayerDelta()
        delta.add_all(old_facts, -1, skip=redone)
        delta.add_all(new_facts, skip=redone)
        layer.update(tx, delta, recompute=redone, fresh=resolver.created - redone)
        merges.delete_records(tx, merge_rows)
        # Affiliations: recomputed from all their authorships for researchers others merged into
        # and authors whose replaced authorships named institutions (a count or year range may
        # shrink); for everyone else, this batch's authorships are added to what is stored (a
        # replaced authorship that named none counted nowhere).
        recompute = {
            resolver.final_id(i)
            for i in (
                {r["id"] for r in old if r["institutions"]} | {m["new_id"] for m in merge_rows}
            )
        } - set(resolver.merges)
        affiliations.refresh(tx, recompute)
        years = {p.record.arxiv_id: p.record.year for p in papers}
        affiliations.add(
            tx,
            [
                {**a, "researcher": final, "year": years[a["work"]]}
                for a in authorships
                if a["institutions"]
                for final in [resolver.final_id(a["researcher"])]
                if final not in recompute
            ],
        )
        orphans = [r for r in old if r["id"] not in resolver.merges]
        if orphans:
            gone = tx.run("ingest_delete_orphans", ids=sorted(r["id"] for r in orphans))
            name_words.prune(tx, (w for r in gone for w in r["words"]))
            resolver.names.apply(name_count_changes([r["name"] for r in gone], []))
            resolver.free_ids(r["id"] for r in gone)
        write_name_counts(tx, resolver.names.pending)
        layer.mark_current(tx, team_min_authors=self.team_min_authors)
        if source is not None:
            tx.run("ingest_save_position", source=source, position=summary.position)
        tx.run("ingest_bump_version")
        replaced_set = set(replaced)
        evidence = _evidence_changed(
            old_facts, [f for f in new_facts if f.arxiv_id in replaced_set]
        )
        stale = {r["id"]: r["block_key"] for r in old if r["id"] in evidence}
        for paper, chosen in zip(papers, authors, strict=True):
            if paper.replaces:  # the new authors, under the block of the name printed
                for name, researcher in zip(paper.names, chosen, strict=True):
                    final = resolver.final_id(researcher.id)
                    if final in evidence:
                        stale.setdefault(final, block_key(name))
        return stale


def _researcher(row: dict[str, Any]) -> Researcher:
    return Researcher(
        id=row["id"],
        name=row["name"],
        aliases=set(row["aliases"] or []),
        coauthor_blocks=set(row["coauthor_blocks"] or []),
        topics=set(row["topics"] or []),
        teams=set(row["teams"] or []),
        block_peer=bool(row["block_peer"]),
    )


def _upsert_teams(tx: Tx, papers: list[_Paper]) -> None:
    """Create the batch's teams, or add the spellings seen to their aliases."""
    seen: dict[str, tuple[str, set[str]]] = {}
    for p in papers:
        for team in p.teams:
            name, aliases = seen.setdefault(team.id, (team.name, set()))
            aliases.add(team.name)
    if not seen:
        return
    stored = {r["id"]: r for r in tx.run("ingest_teams", ids=sorted(seen))}
    rows = []
    for tid, (name, aliases) in sorted(seen.items()):
        known = stored.get(tid)
        if known is not None:
            merged = set(known["aliases"] or []) | aliases
            if merged == set(known["aliases"] or []):
                continue
            aliases, name = merged, known["name"]
        rows.append({"id": tid, "name": name, "aliases": sorted(aliases)})
    run_rows(tx, "ingest_upsert_teams", rows)


def _evidence_changed(old: list[WorkFacts], new: list[WorkFacts]) -> set[str]:
    """The researchers whose resolution evidence (co-author blocks, topics, teams) new versions
    of works may change: everyone on either version when the topics, teams or team flag
    changed, or the authors of a personal work; otherwise (the same authors, or a team work's
    roster) only those who joined or left. The others' evidence loses what it gains again."""
    before = {f.arxiv_id: f for f in old}
    changed: set[str] = set()
    for after in new:
        was = before.get(after.arxiv_id)
        if was is None:
            continue
        joined_or_left = set(was.authors) ^ set(after.authors)
        same_links = (was.topics, was.teams, was.team_work) == (
            after.topics,
            after.teams,
            after.team_work,
        )
        if same_links and (after.team_work or not joined_or_left):
            changed |= joined_or_left
        else:
            changed |= set(was.authors) | set(after.authors)
    return changed


def _facts(paper: _Paper, author_ids: list[str]) -> WorkFacts:
    r = paper.record
    return WorkFacts(
        arxiv_id=r.arxiv_id,
        authors=tuple(sorted(set(author_ids))),
        topics=tuple(sorted(set(paper.topics))),
        teams=tuple(sorted({t.id for t in paper.teams})),
        team_work=paper.team_work,
        published=r.published,
    )


def _institution_names(affiliations: Iterable[str]) -> list[str]:
    names: list[str] = []
    for raw in affiliations:
        name = collapse_spaces(raw).strip(",;.").strip()
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
        "title_folded": fold_once(r.title),
        "abstract": r.abstract,
        "published": r.published.isoformat() if r.published else None,
        "updated": r.updated.isoformat() if r.updated else None,
        "year": params.year(r.year),
        "doi": r.doi,
        "journal_ref": r.journal_ref,
        "comment": r.comment,
        "primary_category": p.topics[0] if p.topics and r.primary_known else None,
        "authors_count": len(p.names),
        "authors_ordered": r.authors_ordered,
        "team_work": p.team_work,
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


def _work_team_rows(papers: list[_Paper]) -> list[dict[str, Any]]:
    return [{"work": p.record.arxiv_id, "team": t.id} for p in papers for t in p.teams]

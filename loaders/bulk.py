"""Bulk load of an empty graph: the incremental writer's batches, planned before any is written.

`BulkPlanner` reads a source exactly as `GraphWriter` does (same batches, duplicates, skips and
author resolution, through the shared `PaperBatcher`), but where `GraphWriter` writes each batch
in a transaction, the planner keeps what the batch would have written. Resolution asks the graph
only about blocks and names it has not met yet; in a graph that starts empty, the answer for
those is "nobody", and everything met since is the resolver's own state, kept whole
(`max_cached=None`). So each author is resolved as the incremental path resolves it on the same
file, and `loaders.bulk_tables.GraphTables` is the graph that path leaves.

What resolution needs (researchers, names, merges, each work's facts for the collaboration
layer) stays in memory; the rows of works and of their authorships, topics and teams, the bulk
of a snapshot, are spilled to a temporary file batch by batch (`Spilled`).

A bulk load writes new works only: a work met again at a newer version after its batch (which
the incremental path would replace) stops the plan (`BulkRefused`) before anything is written.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from graphsvc.names import block_key
from graphsvc.store.facts import WorkFacts
from loaders.identity import Researcher, Resolver
from loaders.summary import IngestSummary
from loaders.writer import (
    PaperBatcher,
    _authorship_rows,
    _facts,
    _Paper,
    _work_row,
    _work_team_rows,
    _work_topic_rows,
)


class BulkRefused(Exception):
    """The graph or the source is not one a bulk load can write (nothing was written)."""


class Spilled:
    """Rows kept on disk (an anonymous temporary file, gone when closed or collected) as they
    are added, batch by batch, and read back in the same order as often as needed."""

    def __init__(self) -> None:
        # Open for as long as the plan lives; closed when it is collected.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="graphsvc-bulk-")  # noqa: SIM115
        self.count = 0

    def extend(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._file.seek(0, 2)
            pickle.dump(rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._file.seek(0)
        while True:
            try:
                batch = pickle.load(self._file)
            except EOFError:
                return
            position = self._file.tell()
            yield from batch
            self._file.seek(position)

    def __len__(self) -> int:
        return self.count


@dataclass
class BulkState:
    """What the incremental writer would have stored after the batches seen so far."""

    versions: dict[str, int] = field(default_factory=dict)
    works: Spilled = field(default_factory=Spilled)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    teams: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    institutions: dict[str, str] = field(default_factory=dict)
    researchers: dict[str, Researcher] = field(default_factory=dict)
    authorships: Spilled = field(default_factory=Spilled)
    work_topics: Spilled = field(default_factory=Spilled)
    work_teams: Spilled = field(default_factory=Spilled)
    works_of: dict[str, list[str]] = field(default_factory=dict)
    merged: dict[str, dict[str, Any]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    name_counts: Counter[str] = field(default_factory=Counter)
    name_keys: set[str] = field(default_factory=set)
    facts: list[WorkFacts] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    commits: int = 0
    with_topic_written: bool = False

    def final_id(self, researcher_id: str) -> str:
        """Where every merge so far took a researcher id."""
        while researcher_id in self.redirects:
            researcher_id = self.redirects[researcher_id]
        return researcher_id


class BulkPlanner(PaperBatcher):
    """Plans a bulk load: `ingest(items, source=...)` as for `GraphWriter`, then `state`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.state = BulkState()

    def _stored_versions(self, ids: list[str]) -> dict[str, int]:
        versions = self.state.versions
        return {i: versions[i] for i in ids if i in versions}

    def _new_resolver(self) -> Resolver:
        return Resolver(name_rarity=self.name_rarity, max_cached=None, all_ids_known=True)

    def _load_state(self, resolver: Resolver, papers: list[_Paper]) -> None:
        """The graph holds nobody of the blocks and names the resolver has not met, and no
        account owns a record."""
        resolver.owners = {}
        names = [n for p in papers for n in p.names]
        resolver.add_loaded(resolver.missing_blocks(block_key(n) for n in names), [])
        resolver.names.load(resolver.names.missing(names), [])

    def _commit(
        self,
        papers: list[_Paper],
        authors: list[list[Researcher]],
        resolver: Resolver,
        source: str | None,
        summary: IngestSummary,
    ) -> dict[str, str]:
        """What `GraphWriter._write` stores, in memory (new works only)."""
        replaced = [p.record.arxiv_id for p in papers if p.replaces]
        if replaced:
            raise BulkRefused(
                f"arXiv id {replaced[0]} appears again at a newer version after its batch: "
                "a bulk load writes each work once; load this file incrementally"
            )
        st = self.state
        for topic in self._topic_rows(papers):
            st.topics[topic["id"]] = topic
        _add_teams(st, papers)
        for p in papers:
            st.versions[p.record.arxiv_id] = p.record.version
        st.works.extend([_work_row(p) for p in papers])
        for r in resolver.changed():
            st.researchers[r.id] = r
        authorships, institutions = _authorship_rows(papers, authors)
        for inst in institutions:
            st.institutions[inst["id"]] = inst["name"]
        st.authorships.extend(authorships)
        for a in authorships:
            st.works_of.setdefault(a["researcher"], []).append(a["work"])
        st.work_topics.extend(_work_topic_rows(papers))
        st.work_teams.extend(_work_team_rows(papers))
        _merge(st, resolver)
        st.facts.extend(
            _facts(p, [resolver.final_id(r.id) for r in rs])
            for p, rs in zip(papers, authors, strict=True)
        )
        for key, n in resolver.names.pending.items():
            if n:
                st.name_counts[key] += n
                st.name_keys.add(key)
        if any(p.topics for p in papers):
            st.with_topic_written = True
        if source is not None:
            st.positions[source] = summary.position
        st.commits += 1
        return {}


def _add_teams(st: BulkState, papers: list[_Paper]) -> None:
    """A team keeps the name it was created with and gathers every spelling seen."""
    for p in papers:
        for team in p.teams:
            _, aliases = st.teams.setdefault(team.id, (team.name, set()))
            aliases.add(team.name)


def _merge(st: BulkState, resolver: Resolver) -> None:
    """Record the batch's merges as `MergedId` rows (the works of the merged record, its names,
    the kept record's aliases before), then move the merged records' works."""
    rows = resolver.merge_rows()
    for row in rows:
        old = st.researchers[row["old_id"]]
        st.merged[row["old_id"]] = {
            "id": row["old_id"],
            "into": row["new_id"],
            "works": sorted(st.works_of.get(row["old_id"], [])),
            "name": old.name,
            "aliases": sorted(old.aliases),
            "into_aliases": row["into_aliases"],
        }
    for row in rows:
        st.works_of.setdefault(row["new_id"], []).extend(st.works_of.pop(row["old_id"], []))
        st.redirects[row["old_id"]] = row["new_id"]
        del st.researchers[row["old_id"]]

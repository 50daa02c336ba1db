"""The collaboration layer: aggregates of the raw graph, stored in it and kept exact.

Stored beside the raw facts (`AUTHORED`, `HAS_TOPIC`, `BY_TEAM`) and updated in the write
transaction that changes them:

- `(:Researcher)-[:COAUTHOR {works, newman}]->(:Researcher)`: personal co-authorship, one
  relationship per pair (from the smaller id), summed over the pair's works that are not team
  works (Newman's weight adds 1/(n-1) per work with n authors);
- `(:Researcher)-[:WORKS_IN {works, personal}]->(:Topic)`: a researcher's works in a topic, all
  of them and the personal (non-team) ones;
- `(:Researcher)-[:MEMBER_OF {works}]->(:Team)`: a researcher's works naming a team;
- researcher counts `works_count`, `topics_count`, `coauthors_count`;
- topic statistics: `Topic.works`, `(:Topic)-[:COOCCURS {works}]->(:Topic)` (smaller id first),
  the number of works with a topic (`Stat {id: 'works_with_topic'}`), and each topic's lists
  of top researchers (by personal works) and recent works (`toplists`);
- team counts `Team.works`, `Team.members`.

New works add their contribution, replaced versions subtract the old one; researchers whose
works moved (merges, splits) are recomputed from their works. `rebuild` recomputes everything.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from graphsvc.db import GraphBackend, Tx
from graphsvc.store import toplists
from graphsvc.store.facts import LayerDelta, WorkFacts

log = logging.getLogger(__name__)
CHUNK = 20_000  # rows per statement: keeps each statement's memory small on both engines
WORKS_WITH_TOPIC = "works_with_topic"
LAYER_VERSION_STAT = "layer_version"
TEAM_MIN_AUTHORS_STAT = "team_min_authors"
LAYER_VERSION = 1
_EPSILON = 1e-12


class RowsLost(Exception):
    """A write did not find every record its rows name (an authorship its researcher and work,
    an update its record, a name word its researcher): a defect in the writer's state, stopped
    before the transaction commits."""


def run_rows(tx: Tx, name: str, rows: Sequence[dict[str, Any]], **params: Any) -> None:
    """Run an `UNWIND $rows` query in chunks; nothing for no rows (Ladybug cannot type [])."""
    for start in range(0, len(rows), CHUNK):
        tx.run(name, rows=list(rows[start : start + CHUNK]), **params)


def run_counted(tx: Tx, query: str, rows: Sequence[dict[str, Any]], count: str, lost: str) -> None:
    """`run_rows`, for a query that returns in `count` how many rows it wrote; raises `RowsLost`
    (saying `lost`) unless that adds up to one per row."""
    done = 0
    for start in range(0, len(rows), CHUNK):
        result = tx.run(query, rows=list(rows[start : start + CHUNK]))
        done += int(result[0][count]) if result else 0
    if done != len(rows):
        raise RowsLost(f"{len(rows) - done:,} of {len(rows):,} {lost}")


def update(
    tx: Tx, delta: LayerDelta, *, recompute: Iterable[str] = (), fresh: Iterable[str] = ()
) -> None:
    """Apply `delta` and recompute the researchers in `recompute` (whose works moved: the delta
    must skip them), then refresh the counts and lists that depend on what changed.
    `fresh`: researchers created in this transaction (their relationships are created, not
    merged)."""
    _write_sums(tx, delta, frozenset(fresh))
    touched = delta.touched_researchers()
    topic_changes: dict[str, set[str]] = defaultdict(set)
    for researcher, topic in delta.works_in_changed():
        topic_changes[topic].add(researcher)
    teams = {team for (_, team), n in delta.member_of.items() if n}
    redone = sorted(set(recompute))
    if redone:
        old = _recompute(tx, redone)
        touched |= old.neighbours | set(redone)
        teams |= old.teams
        for topic, ids in old.topics.items():
            topic_changes[topic] |= ids
    _recount(tx, touched, teams)
    toplists.refresh(tx, topic_changes, delta.topic_entries, delta.topic_exits)


def _write_sums(tx: Tx, d: LayerDelta, fresh: frozenset[str] = frozenset()) -> None:
    run_rows(tx, "layer_add_works_count", _counts(d.works_count, "id"))
    _split_rows(
        tx,
        ("layer_create_works_in", "layer_add_works_in"),
        [
            {
                "researcher": r,
                "topic": t,
                "works": d.works_in[(r, t)],
                "personal": d.personal_in[(r, t)],
            }
            for r, t in sorted(d.works_in_changed())
        ],
        lambda row: row["researcher"] in fresh,
    )
    _split_rows(
        tx,
        ("layer_create_member_of", "layer_add_member_of"),
        [
            {"researcher": r, "team": t, "works": n}
            for (r, t), n in sorted(d.member_of.items())
            if n
        ],
        lambda row: row["researcher"] in fresh,
    )
    _split_rows(
        tx,
        ("layer_create_coauthor", "layer_add_coauthor"),
        [
            {"a": a, "b": b, "works": d.coauthor[(a, b)], "newman": d.newman[(a, b)]}
            for (a, b) in sorted(set(d.coauthor) | set(d.newman))
            if d.coauthor[(a, b)] or abs(d.newman[(a, b)]) > _EPSILON
        ],
        lambda row: row["a"] in fresh or row["b"] in fresh,
    )
    run_rows(tx, "layer_add_topic_works", _counts(d.topic_works, "id"))
    run_rows(
        tx,
        "layer_add_cooccurs",
        [{"a": a, "b": b, "works": n} for (a, b), n in sorted(d.cooccurs.items()) if n],
    )
    run_rows(tx, "layer_add_team_works", _counts(d.team_works, "id"))
    if d.with_topic:
        tx.run("layer_add_stat", id=WORKS_WITH_TOPIC, n=d.with_topic)
    # Sums that went down may have reached zero: those relationships go.
    run_rows(tx, "layer_prune_works_in", _keys(d.works_in, "researcher", "topic"))
    run_rows(tx, "layer_prune_member_of", _keys(d.member_of, "researcher", "team"))
    run_rows(tx, "layer_prune_coauthor", _keys(d.coauthor, "a", "b"))
    run_rows(tx, "layer_prune_cooccurs", _keys(d.cooccurs, "a", "b"))


def _split_rows(
    tx: Tx,
    queries: tuple[str, str],
    rows: list[dict[str, Any]],
    new: Callable[[dict[str, Any]], bool],
) -> None:
    """Create the relationships of researchers new in this transaction (first query); add to
    the others (second query)."""
    create, add = queries
    run_rows(tx, create, [r for r in rows if new(r)])
    run_rows(tx, add, [r for r in rows if not new(r)])


def _counts(counter: dict[str, int], key: str) -> list[dict[str, Any]]:
    return [{key: k, "n": n} for k, n in sorted(counter.items()) if n]


def _keys(counter: dict[tuple[str, str], int], a: str, b: str) -> list[dict[str, Any]]:
    return [{a: x, b: y} for (x, y), n in sorted(counter.items()) if n < 0]


class _Before:
    """What recomputed researchers had before: their topics, co-authors and teams."""

    def __init__(self) -> None:
        self.topics: dict[str, set[str]] = defaultdict(set)
        self.neighbours: set[str] = set()
        self.teams: set[str] = set()


def _recompute(tx: Tx, ids: list[str]) -> _Before:
    """Drop and rebuild the layer edges and counts of these researchers from their works."""
    before = _Before()
    for row in tx.run("layer_researcher_links", ids=ids):
        kind, other = row["kind"], row["other"]
        if kind == "topic":
            before.topics[other].add(row["id"])
        elif kind == "team":
            before.teams.add(other)
        else:
            before.neighbours.add(other)
    for name in (
        "layer_clear_works_in",
        "layer_clear_member_of",
        "layer_clear_coauthor_from",
        "layer_clear_coauthor_to",
    ):
        tx.run(name, ids=ids)
    redo = set(ids)
    delta = LayerDelta()
    works = tx.run("layer_researcher_works", ids=ids)
    coauthors: dict[str, list[str]] = defaultdict(list)
    for row in tx.run("layer_personal_coauthors", ids=ids):
        coauthors[row["work"]].append(row["coauthor"])
    counted_pairs: set[tuple[str, str, str]] = set()
    for row in works:
        rid, wid = row["id"], row["work"]
        delta.works_count[rid] += 1
        personal = 0 if row["team_work"] else 1
        for topic in row["topics"] or []:
            delta.works_in[(rid, topic)] += 1
            delta.personal_in[(rid, topic)] += personal
        for team in row["teams"] or []:
            delta.member_of[(rid, team)] += 1
        if personal:
            weight = 1.0 / (row["authors"] - 1) if row["authors"] > 1 else 1.0
            for other in coauthors[wid]:
                if other == rid:
                    continue
                a, b = (rid, other) if rid < other else (other, rid)
                if (a, b, wid) in counted_pairs:  # both ends recomputed: count the work once
                    continue
                counted_pairs.add((a, b, wid))
                delta.coauthor[(a, b)] += 1
                delta.newman[(a, b)] += weight
                if other not in redo:
                    before.neighbours.add(other)
    for rid in ids:
        delta.works_count.setdefault(rid, 0)
    run_rows(
        tx,
        "layer_set_works_count",
        [{"id": r, "n": n} for r, n in sorted(delta.works_count.items())],
    )
    delta.works_count.clear()
    for (rid, topic), n in delta.works_in.items():
        if n:
            before.topics[topic].add(rid)
    before.teams |= {team for (_, team) in delta.member_of}
    _write_sums(tx, delta)
    return before


def _recount(tx: Tx, researchers: set[str], teams: set[str]) -> None:
    run_rows(tx, "layer_recount_researchers", [{"id": r} for r in sorted(researchers)])
    run_rows(tx, "layer_recount_teams", [{"id": t} for t in sorted(teams)])


def work_facts(tx: Tx, ids: Sequence[str]) -> list[WorkFacts]:
    """The layer facts of these works as the graph holds them now."""
    facts = []
    for start in range(0, len(ids), CHUNK):
        for row in tx.run("layer_work_facts", ids=list(ids[start : start + CHUNK])):
            facts.append(_facts(row))
    return facts


def _facts(row: dict[str, Any]) -> WorkFacts:
    published = row["published"]
    return WorkFacts(
        arxiv_id=row["arxiv_id"],
        authors=tuple(sorted(set(row["authors"] or []))),
        topics=tuple(sorted(set(row["topics"] or []))),
        teams=tuple(sorted(set(row["teams"] or []))),
        team_work=bool(row["team_work"]),
        published=published if isinstance(published, dt.date) else None,
    )


def ensure_current(backend: GraphBackend, *, team_min_authors: int) -> None:
    """Rebuild the layer if the graph holds works the layer does not describe: written before
    the layer existed, or with another team threshold. (Writers mark it with `mark_current`.)"""
    version = backend.read_long("layer_stat", id=LAYER_VERSION_STAT)
    threshold = backend.read_long("layer_stat", id=TEAM_MIN_AUTHORS_STAT)
    if is_current(version) and threshold and threshold[0]["n"] == team_min_authors:
        return
    if backend.read_long("layer_any_work"):
        log.warning("building the collaboration layer of the whole graph (once)")
        rebuild(backend, team_min_authors=team_min_authors)


def mark_current(tx: Tx, *, team_min_authors: int) -> None:
    """Record that the layer is built by this code with this team threshold."""
    tx.run("layer_set_stat", id=TEAM_MIN_AUTHORS_STAT, n=team_min_authors)
    tx.run("layer_set_stat", id=LAYER_VERSION_STAT, n=LAYER_VERSION)


def rebuild(backend: GraphBackend, *, team_min_authors: int, batch: int = 2_000) -> int:
    """Recompute the whole layer from the raw graph; returns the number of works read.

    Runs in several transactions: the layer is first marked stale and cleared, then rebuilt
    from the works in batches, then marked current, so a crash midway leaves it stale and the
    next `ensure_current` starts over.
    """
    backend.write(lambda tx: tx.run("layer_delete_stat", id=LAYER_VERSION_STAT))
    for name in (
        "layer_clear_some_coauthor",
        "layer_clear_some_works_in",
        "layer_clear_some_member_of",
        "layer_clear_some_cooccurs",
    ):
        while _clear_some(backend, name):
            pass
    researchers = sorted(backend.read_long("layer_all_researcher_ids")[0]["ids"])
    for chunk in _chunks(researchers, 50_000):
        _write_ids(backend, "layer_reset_researchers", chunk)
    backend.write(_reset_topics_and_teams)
    works = [r["id"] for r in backend.read_long("layer_all_work_ids")]
    for chunk in _chunks(works, batch):
        backend.write(
            functools.partial(_rebuild_works, ids=chunk, team_min_authors=team_min_authors)
        )
    for chunk in _chunks(researchers, 20_000):
        _write_ids(backend, "layer_recount_researchers", chunk)
    _write_ids(
        backend, "layer_recount_teams", [r["id"] for r in backend.read_long("layer_all_team_ids")]
    )
    backend.write(toplists.recompute_all)
    backend.write(functools.partial(mark_current, team_min_authors=team_min_authors))
    return len(works)


def _clear_some(backend: GraphBackend, name: str) -> int:
    rows = backend.write(lambda tx: tx.run(name, limit=50_000))
    return int(rows[0]["n"]) if rows else 0


def _write_ids(backend: GraphBackend, name: str, ids: list[str]) -> None:
    rows = [{"id": i} for i in ids]
    backend.write(lambda tx: run_rows(tx, name, rows))


def _reset_topics_and_teams(tx: Tx) -> None:
    tx.run("layer_reset_topics")
    tx.run("layer_reset_teams")
    tx.run("layer_set_stat", id=WORKS_WITH_TOPIC, n=0)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rebuild_works(tx: Tx, *, ids: list[str], team_min_authors: int) -> None:
    tx.run("layer_mark_team_works", ids=ids, min_authors=team_min_authors)
    delta = LayerDelta()
    delta.add_all(work_facts(tx, ids))
    _write_sums(tx, delta)


def is_current(rows: list[dict[str, Any]]) -> bool:
    """Whether the `layer_version` stat rows say the layer is built by this code."""
    return bool(rows) and rows[0]["n"] == LAYER_VERSION

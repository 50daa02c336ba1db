"""Each topic's short lists: its top researchers (by personal works) and its newest works.

A neighborhood read must not scan a topic of 100,000 works, so each topic keeps the first
`SIZE` entries of both orders, updated with the batch that changes them:

- `Topic.top_ids` / `Topic.top_counts`: researchers by personal works in the topic
  (descending), then id; only researchers with at least one personal work there;
- `Topic.recent_ids`: works newest first (undated last), then arXiv id descending, with
  `Topic.recent_days` their publication days (`date.toordinal()`, 0 when undated): a merge
  reads the old list's dates there instead of from its works (up to 200 for each list a batch
  changes; on Neo4j the largest statement of a batch, 565 to 630 ms at 100,000 works:
  bench/RESULTS.md). A list stored without its days (a graph made before them) has its dates
  read from its works.

Updating from the old list plus the entries whose key changed is exact whenever at least
`SIZE` of those candidates are at least as good as the old list's last entry (everyone else
is unchanged and was behind it); otherwise the topic's list is recomputed by a scan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, TypeVar

from graphsvc.db import Tx

SIZE = 200
K = TypeVar("K")


def researcher_key(personal: int, rid: str) -> tuple[int, str]:
    """Order of a topic's top researchers: most personal works first, then id."""
    return (-personal, rid)


def recent_day(published: dt.date | None) -> int:
    """A recent list's stored day of a work: its publication date's ordinal, 0 when undated."""
    return published.toordinal() if isinstance(published, dt.date) else 0


def recent_key(published: dt.date | None, arxiv_id: str) -> tuple[bool, int, tuple[int, ...]]:
    """Order of a topic's recent works: newest first, undated last, then arXiv id descending
    (the second item is minus the stored day)."""
    return (published is None, -recent_day(published), (*(-ord(c) for c in arxiv_id), 1))


def _stored_dates(row: dict[str, Any]) -> dict[str, dt.date | None] | None:
    """A topic's recent works with their dates as stored beside them; None when the days are
    not stored (a list written before them)."""
    ids, days = list(row["recent_ids"] or []), list(row.get("recent_days") or [])
    if len(days) != len(ids):
        return None
    return {w: dt.date.fromordinal(d) if d else None for w, d in zip(ids, days, strict=True)}


def merged_list(
    old: list[str], old_last: K | None, candidates: Mapping[str, K | None]
) -> list[str] | None:
    """The new first `SIZE` entries from the old list and the candidates (entry -> new key,
    None when it left the list's population); None when only a scan can tell."""
    ranked = sorted(
        ((key, entry) for entry, key in candidates.items() if key is not None),
        key=lambda kv: kv[0],  # type: ignore[arg-type,return-value]
    )
    kept = [entry for _, entry in ranked[:SIZE]]
    if len(old) < SIZE:
        return kept  # the old list held every entry: nothing outside it
    if len(ranked) >= SIZE and old_last is not None and ranked[SIZE - 1][0] <= old_last:  # type: ignore[operator]
        return kept
    return None


def refresh(
    tx: Tx,
    researchers: Mapping[str, set[str]],
    entered: Mapping[str, set[str]],
    left: Mapping[str, set[str]],
) -> None:
    """Update the lists of topics whose researchers' counts or works changed: the candidates
    of every topic are read in one query per order (a batch touches most of the ~150 arXiv
    categories; a top list's unchanged entries keep their stored counts, so only the
    researchers in `researchers` are read), then a topic whose list cannot be merged is
    scanned on its own."""
    topics = sorted(t for t in set(researchers) | set(entered) | set(left) if t)
    if not topics:
        return
    lists = {row["id"]: row for row in tx.run("toplist_read", ids=topics)}
    top_changed = {t: sorted(researchers[t]) for t in topics if t in lists and researchers.get(t)}
    recent_changed = {
        t: entered.get(t, set()) | left.get(t, set())
        for t in topics
        if t in lists and (entered.get(t) or left.get(t))
    }
    mergeable = {
        t: changed for t, changed in recent_changed.items() if _recent_mergeable(lists[t], changed)
    }
    personal = _by_topic(tx, "toplist_personal_counts", top_changed, "researcher", "personal")
    published = _by_topic(
        tx,
        "toplist_topic_works",
        {t: sorted(c) for t, c in mergeable.items()},
        "arxiv_id",
        "published",
    )
    dates: dict[str, dt.date | None] = {}
    undated: set[str] = set()  # the works of lists stored without their days
    for t, changed in mergeable.items():
        stored = _stored_dates(lists[t])
        if stored is None:
            undated.update(w for w in lists[t]["recent_ids"] or [] if w not in changed)
        else:
            dates.update((w, d) for w, d in stored.items() if w not in changed)
    if undated:
        works = tx.run("toplist_work_dates", ids=sorted(undated))
        dates.update((r["arxiv_id"], r["published"]) for r in works)
    top_rows = [_top(tx, t, lists[t], ids, personal.get(t, {})) for t, ids in top_changed.items()]
    recent_rows = [
        _recent(tx, t, lists[t], mergeable.get(t), published.get(t, {}), dates)
        for t in recent_changed
    ]
    # A list left as it was is not written again: the embedded engine logs every list it is
    # given in full (about a quarter of a batch's log, most of it unchanged lists).
    top_rows = [
        r for r in top_rows if _differs(r, lists[r["id"]], ids="top_ids", counts="top_counts")
    ]
    recent_rows = [
        r for r in recent_rows if _differs(r, lists[r["id"]], ids="recent_ids", days="recent_days")
    ]
    _write(tx, "toplist_set_top", "toplist_clear_top", top_rows)
    _write(tx, "toplist_set_recent", "toplist_clear_recent", recent_rows)


def _differs(row: dict[str, Any], stored: dict[str, Any], **columns: str) -> bool:
    """Whether a new list row (`ids`, maybe `counts` or `days`) differs from the stored columns
    named (a column not stored yet differs from any list)."""
    return any(list(row[key]) != list(stored.get(column) or []) for key, column in columns.items())


def _by_topic(
    tx: Tx, query: str, ids_by_topic: Mapping[str, list[str]], key: str, value: str
) -> dict[str, dict[str, Any]]:
    """Run `query` over every (topic, id) pair; topic -> {row[key]: row[value]}."""
    pairs = [{"topic": t, "id": i} for t, ids in ids_by_topic.items() for i in ids]
    grouped: dict[str, dict[str, Any]] = {}
    for row in tx.run(query, rows=pairs)[0]["rows"] if pairs else []:
        grouped.setdefault(row["topic"], {})[row[key]] = row[value]
    return grouped


def _write(tx: Tx, store: str, clear: str, rows: list[dict[str, Any]]) -> None:
    """Store the lists; empty ones are cleared instead (see graphsvc.store.params)."""
    full = [r for r in rows if r["ids"]]
    empty = [{"id": r["id"]} for r in rows if not r["ids"]]
    if full:
        tx.run(store, rows=full)
    if empty:
        tx.run(clear, rows=empty)


def _top(
    tx: Tx, topic: str, row: dict[str, Any], changed: list[str], now: Mapping[str, int]
) -> dict[str, Any]:
    """`changed`: the researchers whose personal works in the topic changed; `now`: their new
    counts (absent when none). The old list's other entries keep their stored counts."""
    old = list(row["top_ids"] or [])
    counts = list(row["top_counts"] or [])
    current = dict(zip(old, counts, strict=True)) | {rid: now.get(rid, 0) for rid in changed}
    candidates = {rid: researcher_key(n, rid) if n else None for rid, n in current.items()}
    old_last = researcher_key(counts[-1], old[-1]) if old and counts else None
    kept = merged_list(old, old_last, candidates)
    if kept is None:
        scanned = tx.run("toplist_scan_top", topic=topic, limit=SIZE)
        return _top_row(topic, [(r["researcher"], r["personal"]) for r in scanned])
    return _top_row(topic, [(rid, current[rid]) for rid in kept])


def _top_row(topic: str, entries: list[tuple[str, int]]) -> dict[str, Any]:
    return {"id": topic, "ids": [e[0] for e in entries], "counts": [e[1] for e in entries]}


def _recent_mergeable(row: dict[str, Any], changed: set[str]) -> bool:
    """Unless the old list's last work changed (its key may have moved), a merge can tell."""
    old = row["recent_ids"] or []
    return not old or old[-1] not in changed


def _recent(
    tx: Tx,
    topic: str,
    row: dict[str, Any],
    changed: set[str] | None,
    now: Mapping[str, dt.date | None],
    dates: Mapping[str, dt.date | None],
) -> dict[str, Any]:
    """`changed`: the works that entered or left the topic or were replaced (None when only a
    scan can tell); `now`: those of them in the topic, with their dates; `dates`: the dates of
    the old list's other works (unchanged, so still in the topic)."""
    old = list(row["recent_ids"] or [])
    if changed is not None:
        now = {w: dates[w] for w in old if w not in changed} | dict(now)
        ids = set(old) | changed
        candidates = {w: recent_key(now[w], w) if w in now else None for w in ids}
        old_last = recent_key(now[old[-1]], old[-1]) if old else None
        kept = merged_list(old, old_last, candidates)
        if kept is not None:
            return _recent_row(topic, [(w, now[w]) for w in kept])
    return _scan_recent(tx, topic)


def _scan_recent(tx: Tx, topic: str) -> dict[str, Any]:
    scanned = tx.run("toplist_scan_recent", topic=topic, limit=SIZE)
    return _recent_row(topic, [(r["arxiv_id"], r["published"]) for r in scanned])


def _recent_row(topic: str, entries: list[tuple[str, dt.date | None]]) -> dict[str, Any]:
    return {
        "id": topic,
        "ids": [w for w, _ in entries],
        "days": [recent_day(d) for _, d in entries],
    }


def recompute_all(tx: Tx) -> None:
    """Recompute every topic's lists by scanning (the layer rebuild)."""
    for row in tx.run("toplist_all_topics"):
        topic = row["id"]
        top = tx.run("toplist_scan_top", topic=topic, limit=SIZE)
        top_row = _top_row(topic, [(r["researcher"], r["personal"]) for r in top])
        _write(tx, "toplist_set_top", "toplist_clear_top", [top_row])
        _write(tx, "toplist_set_recent", "toplist_clear_recent", [_scan_recent(tx, topic)])

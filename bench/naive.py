"""The baseline: a snapshot loader written the way the driver tutorials do.

One write transaction per paper; inside it one MERGE statement per node and per relationship,
each its own `tx.run` (Neo4j) or `conn.execute` (Ladybug). A researcher is "the same" when the
printed name is the same (no identity resolution); affiliations are counted with MERGE ... ON
MATCH SET. The graphsvc schema (uniqueness constraints / primary keys) is applied beforehand so
every MERGE is an index lookup, as in graphsvc: the comparison is about the loading pattern.

The Cypher is inline ON PURPOSE: this is a benchmark baseline, not product code, so it does not
go through the stored-query catalog (cypher/*.cypher) that graphsvc itself must use.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import islice
from pathlib import Path
from typing import Any

from loaders.identity import slug
from loaders.taxonomy import Taxonomy

# --- Inline Cypher of the baseline (deliberately not stored queries; see module docstring). ---
# Valid on both Neo4j and Ladybug: two MATCH clauses, no comma patterns, CASE instead of
# least/greatest, date() from an ISO string.
MERGE_WORK = """
MERGE (w:Work {arxiv_id: $arxiv_id})
SET w.version = $version, w.title = $title, w.title_folded = $title_folded,
    w.abstract = $abstract, w.published = date($published), w.updated = date($updated),
    w.year = $year, w.doi = $doi, w.journal_ref = $journal_ref, w.comment = $comment,
    w.primary_category = $primary_category, w.authors_count = $authors_count,
    w.authors_ordered = true
"""
MERGE_RESEARCHER = """
MERGE (r:Researcher {id: $id})
ON CREATE SET r.name = $name, r.name_key = $id, r.block_key = $block_key,
              r.search_text = $search_text, r.aliases = [$name]
"""
MERGE_AUTHORED = """
MATCH (r:Researcher {id: $researcher})
MATCH (w:Work {arxiv_id: $work})
MERGE (r)-[a:AUTHORED]->(w)
SET a.position = $position, a.institutions = $institutions
"""
MERGE_INSTITUTION = """
MERGE (i:Institution {id: $id})
ON CREATE SET i.name = $name
"""
MERGE_AFFILIATED = """
MATCH (r:Researcher {id: $researcher})
MATCH (i:Institution {id: $institution})
MERGE (r)-[x:AFFILIATED_WITH]->(i)
ON CREATE SET x.first_year = $year, x.last_year = $year, x.works = 1
ON MATCH SET x.works = x.works + 1,
    x.first_year = CASE WHEN $year < x.first_year THEN $year ELSE x.first_year END,
    x.last_year = CASE WHEN $year > x.last_year THEN $year ELSE x.last_year END
"""
MERGE_TOPIC = """
MERGE (t:Topic {id: $id})
ON CREATE SET t.name = $name, t.archive = $archive, t.archive_name = $archive_name,
              t.group_id = $group_id, t.group_name = $group_name
"""
MERGE_HAS_TOPIC = """
MATCH (w:Work {arxiv_id: $work})
MATCH (t:Topic {id: $topic})
MERGE (w)-[h:HAS_TOPIC]->(t)
SET h.is_primary = $is_primary
"""


@dataclass
class NaivePaper:
    work: dict[str, Any]
    authors: list[dict[str, Any]]  # researcher params + institutions
    topics: list[dict[str, Any]]


def read_papers(path: Path, limit: int | None, taxonomy: Taxonomy) -> Iterator[NaivePaper]:
    """The snapshot's JSON lines (gzipped or not), parsed the simple way (json.loads,
    authors_parsed)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        for raw in islice(fh, limit):
            if raw.strip():
                yield _paper(json.loads(raw), taxonomy)


def _paper(obj: dict[str, Any], taxonomy: Taxonomy) -> NaivePaper:
    created = [parsedate_to_datetime(v["created"]).date() for v in obj.get("versions") or []]
    published = created[0] if created else None
    updated = date.fromisoformat(obj["update_date"]) if obj.get("update_date") else published
    topics = []
    for i, code in enumerate(str(obj.get("categories") or "").split()):
        topic = taxonomy.resolve(code)
        if topic is not None:
            topics.append(
                {
                    "id": topic.id,
                    "name": topic.name,
                    "archive": topic.archive,
                    "archive_name": topic.archive_name,
                    "group_id": topic.group,
                    "group_name": topic.group_name,
                    "is_primary": i == 0,
                }
            )
    authors = []
    for family, given, suffix, *affiliations in obj.get("authors_parsed") or []:
        name = " ".join(p for p in (given, family, suffix) if p)
        rid = slug(name)
        authors.append(
            {
                "id": rid,
                "name": name,
                "block_key": slug(f"{family} {given[:1]}"),
                "search_text": name.lower(),
                "institutions": [{"id": slug(a), "name": a} for a in affiliations if a],
            }
        )
    arxiv_id = str(obj["id"])
    work = {
        "arxiv_id": arxiv_id,
        "version": len(created) or 1,
        "title": obj["title"],
        "title_folded": str(obj["title"]).lower(),
        "abstract": obj.get("abstract"),
        "published": published.isoformat() if published else None,
        "updated": updated.isoformat() if updated else None,
        "year": published.year if published else None,
        "doi": obj.get("doi"),
        "journal_ref": obj.get("journal-ref"),
        "comment": obj.get("comments"),
        "primary_category": topics[0]["id"] if topics else None,
        "authors_count": len(authors),
    }
    return NaivePaper(work, authors, topics)


def _statements(p: NaivePaper) -> Iterator[tuple[str, dict[str, Any]]]:
    """The MERGE statements of one paper, in the order a tutorial would write them."""
    w = p.work
    yield MERGE_WORK, w
    for position, a in enumerate(p.authors):
        yield (
            MERGE_RESEARCHER,
            {k: a[k] for k in ("id", "name", "block_key", "search_text")},
        )
        yield (
            MERGE_AUTHORED,
            {
                "researcher": a["id"],
                "work": w["arxiv_id"],
                "position": position,
                "institutions": [i["id"] for i in a["institutions"]],
            },
        )
        for inst in a["institutions"]:
            yield MERGE_INSTITUTION, inst
            yield (
                MERGE_AFFILIATED,
                {"researcher": a["id"], "institution": inst["id"], "year": w["year"]},
            )
    for t in p.topics:
        yield MERGE_TOPIC, {k: v for k, v in t.items() if k != "is_primary"}
        yield (
            MERGE_HAS_TOPIC,
            {"work": w["arxiv_id"], "topic": t["id"], "is_primary": t["is_primary"]},
        )


def load_neo4j(path: Path, limit: int | None, *, uri: str, password: str) -> int:
    """Tutorial loader on Neo4j: `session.execute_write` per paper, `tx.run` per MERGE."""
    from neo4j import GraphDatabase, ManagedTransaction

    taxonomy = Taxonomy.load()

    def add_paper(tx: ManagedTransaction, paper: NaivePaper) -> None:
        for query, params in _statements(paper):
            tx.run(query, params).consume()

    count = 0
    with (
        GraphDatabase.driver(uri, auth=("neo4j", password)) as driver,
        driver.session(database="neo4j") as session,
    ):
        for paper in read_papers(path, limit, taxonomy):
            session.execute_write(add_paper, paper)
            count += 1
    return count


def load_ladybug(path: Path, limit: int | None, *, db_path: Path) -> int:
    """The same on Ladybug: BEGIN TRANSACTION / MERGE statements / COMMIT per paper."""
    import ladybug

    taxonomy = Taxonomy.load()
    db = ladybug.Database(str(db_path), buffer_pool_size=512 * 1024**2)  # as LadybugBackend
    conn = ladybug.Connection(db)
    count = 0
    try:
        for paper in read_papers(path, limit, taxonomy):
            conn.execute("BEGIN TRANSACTION")
            try:
                for query, params in _statements(paper):
                    conn.execute(query, params)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            count += 1
    finally:
        conn.close()
        db.close()
    return count

"""The writer on both backends: real inputs, idempotence, versions, atomic batches, resume."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from functools import partial
from typing import Any

import pytest

from graphsvc.db import GraphBackend
from graphsvc.services.merge import merge
from graphsvc.store.layer import RowsLost, run_counted
from graphsvc.store.researchers import researcher_row
from loaders.atom import read_atom_files
from loaders.records import AuthorRecord, PaperRecord
from loaders.seed import read_seed
from loaders.snapshot import read_snapshot
from loaders.source import SourceItem
from loaders.writer import GraphWriter
from tests.helpers import DEMO, FIXTURES, TEST_QUERIES, graph_state, stored_work_row
from tests.oracles.affiliations import expected_affiliations

SNAPSHOT = DEMO / "arxiv-metadata-sample-200.jsonl"


def paper(
    arxiv_id: str, authors: list[str], cats: tuple[str, ...] = ("cs.LG",), **kw: Any
) -> SourceItem:
    record = PaperRecord(
        arxiv_id=arxiv_id,
        version=kw.pop("version", 1),
        title=kw.pop("title", f"Paper {arxiv_id}"),
        published=kw.pop("published", date(2020, 1, 1)),
        categories=cats,
        authors=tuple(
            AuthorRecord(name=a, affiliations=tuple(kw.get("affs", {}).get(a, ()))) for a in authors
        ),
    )
    return SourceItem(position=0, record=record)


def test_snapshot_ingest_counts(backend: GraphBackend) -> None:
    summary = GraphWriter(backend, batch_size=64).ingest(read_snapshot(SNAPSHOT), source="s")
    assert summary.ingested == 200
    assert summary.skipped_total == 0
    counts = graph_state(backend)["counts"]
    assert counts["Work"] == 200
    entries = [
        a.name for item in read_snapshot(SNAPSHOT) if item.record for a in item.record.authors
    ]
    # One entry names a team ("The BABAR Collaboration", 0704.0020): a Team, not a researcher.
    assert counts["AUTHORED"] == len(entries) - 1
    assert backend.read("export_teams")[0]["name"] == "BABAR Collaboration"
    assert backend.read("export_work_teams") == [
        {"work": "0704.0020", "team": "babar-collaboration"}
    ]


def test_ingest_twice_is_identical(backend: GraphBackend) -> None:
    writer = GraphWriter(backend, batch_size=50)
    writer.ingest(read_snapshot(SNAPSHOT))
    writer.ingest(read_seed(DEMO / "papers-seen.json"))
    writer.ingest(read_atom_files(sorted((FIXTURES / "arxiv-api").glob("*.xml"))))
    first = graph_state(backend)
    again = GraphWriter(backend, batch_size=7)
    summary = again.ingest(read_snapshot(SNAPSHOT))
    again.ingest(read_seed(DEMO / "papers-seen.json"))
    again.ingest(read_atom_files(sorted((FIXTURES / "arxiv-api").glob("*.xml"))))
    assert summary.ingested == 0 and summary.unchanged == 200
    assert graph_state(backend) == first


def test_backends_write_the_same_graph(neo4j_backend: GraphBackend, tmp_path: Any) -> None:
    from graphsvc.db.ladybug_backend import LadybugBackend

    neo4j_backend.write(lambda tx: tx.run("admin_delete_all"))
    embedded = LadybugBackend(tmp_path / "g.lbdb", extra_queries=TEST_QUERIES)
    embedded.apply_schema()
    try:
        for b in (neo4j_backend, embedded):
            writer = GraphWriter(b, batch_size=64)
            writer.ingest(read_snapshot(SNAPSHOT))
            writer.ingest(read_seed(DEMO / "papers-seen.json"))
            writer.ingest(read_atom_files(sorted((FIXTURES / "arxiv-api").glob("*.xml"))))
        assert graph_state(neo4j_backend) == graph_state(embedded)
    finally:
        embedded.close()


def test_embedded_writes_run_under_the_write_timeout(tmp_path: Any) -> None:
    """The read timeout bounds reads only: a batch (COMMIT included) has its own limit. On
    Neo4j the driver sets each transaction's timeout the same way (write_timeout_s)."""
    from graphsvc.db.base import GraphError
    from graphsvc.db.ladybug_backend import LadybugBackend

    embedded = LadybugBackend(
        tmp_path / "g.lbdb", timeout_s=0.001, write_timeout_s=600, extra_queries=TEST_QUERIES
    )
    try:
        embedded.apply_schema()
        GraphWriter(embedded).ingest(read_snapshot(SNAPSHOT))
        assert embedded.write(lambda tx: tx.run("export_works"))
        with pytest.raises(GraphError, match="Interrupted"):
            embedded.read("test_slow_read")  # ~1.5 s unbounded, so the interrupt always comes
    finally:
        embedded.close()


def test_embedded_out_of_page_memory_names_the_setting(tmp_path: Any) -> None:
    from graphsvc.db.base import GraphError
    from graphsvc.db.ladybug_backend import LadybugBackend

    embedded = LadybugBackend(
        tmp_path / "g.lbdb", buffer_pool_bytes=32 * 1024**2, extra_queries=TEST_QUERIES
    )
    try:
        with pytest.raises(GraphError) as caught:
            embedded.read_long("test_group_range", n=20_000_000)
        assert "buffer pool is full" in str(caught.value)
        assert "32 MB" in str(caught.value)
        assert "GRAPHSVC_EMBEDDED_BUFFER_POOL_MB" in str(caught.value)
    finally:
        embedded.close()


def test_embedded_jobs_do_not_leave_memory_on_pooled_connections(tmp_path: Any) -> None:
    """A Ladybug connection keeps the memory of its last large query: a job's look-ups, run
    on each pooled connection in turn, once filled four times what one of them needs."""
    from graphsvc.db.ladybug_backend import POOL_SIZE, LadybugBackend

    embedded = LadybugBackend(
        tmp_path / "g.lbdb", buffer_pool_bytes=64 * 1024**2, extra_queries=TEST_QUERIES
    )
    try:
        for _ in range(POOL_SIZE + 1):  # fits once in 64 MB, not twice: each pooled one, again
            assert len(embedded.read_long("test_group_range", n=2_000_000)) == 1000
    finally:
        embedded.close()


def researcher_of(backend: GraphBackend, work: str, position: int) -> dict[str, Any]:
    rows = [a for a in backend.read("export_authorships") if a["work"] == work]
    rid = next(a["researcher"] for a in rows if a["position"] == position)
    return next(r for r in backend.read("export_researchers") if r["id"] == rid)


def test_name_variants_merge_on_shared_coauthor(backend: GraphBackend) -> None:
    writer = GraphWriter(backend)
    writer.ingest(
        [
            paper("2001.00001", ["Zhi-Qin John Xu", "Yaoyu Zhang"], ("cs.LG",)),
            paper("2001.00002", ["Zhi-Qin Xu", "Yaoyu Zhang"], ("math.NA",)),
            paper("2001.00003", ["Z.-Q. J. Xu", "Tao Luo"], ("cs.LG",)),
        ]
    )
    first = researcher_of(backend, "2001.00001", 0)
    assert researcher_of(backend, "2001.00002", 0)["id"] == first["id"]
    merged = researcher_of(backend, "2001.00003", 0)
    assert merged["id"] == first["id"]
    assert merged["name"] == "Zhi-Qin John Xu"
    assert merged["aliases"] == sorted(["Z.-Q. J. Xu", "Zhi-Qin John Xu", "Zhi-Qin Xu"])
    assert graph_state(backend)["counts"]["Researcher"] == 3


def test_same_name_without_evidence_stays_apart(backend: GraphBackend) -> None:
    writer = GraphWriter(backend)
    writer.ingest(
        [
            paper("2001.00001", ["Wei Wang", "Anna Schmidt", "Lena Okafor"], ("astro-ph.GA",)),
            paper("2001.00002", ["Wei Wang", "Kofi Mensah"], ("cs.CL",)),
            # initials only: two co-authors in common are evidence (one would not be)
            paper("2001.00003", ["W. Wang", "Anna Schmidt", "Lena Okafor"], ("astro-ph.CO",)),
        ]
    )
    astro = researcher_of(backend, "2001.00001", 0)
    nlp = researcher_of(backend, "2001.00002", 0)
    assert astro["id"] != nlp["id"]
    assert {astro["id"], nlp["id"]} == {"wei-wang", "wei-wang-2"}
    assert researcher_of(backend, "2001.00003", 0)["id"] == astro["id"]


def test_new_records_take_ids_no_one_has_or_had(backend: GraphBackend) -> None:
    """Each run asks the graph about the ids its new records could take (not every id there
    is): ids taken in an earlier run, and merged records' ids, are never given again."""
    topics = [
        "astro-ph.GA",
        "cs.CL",
        "math.AG",
        "q-bio.NC",
        "hep-th",
        "econ.TH",
        "nucl-ex",
        "cs.DB",
        "math.PR",
        "q-fin.ST",
        "physics.optics",
        "stat.ME",
        "gr-qc",
        "cs.RO",
        "math.NT",
    ]

    def strangers(first: int, n: int) -> list[SourceItem]:
        # people named Wei Wang with no topic or co-author in common: one record each
        return [
            paper(f"2001.{i:05d}", ["Wei Wang", f"Co Author{i}"], (topics[i],))
            for i in range(first, first + n)
        ]

    GraphWriter(backend).ingest(strangers(0, 12))
    ids = sorted(researcher_of(backend, f"2001.{i:05d}", 0)["id"] for i in range(12))
    assert ids == sorted(["wei-wang"] + [f"wei-wang-{n}" for n in range(2, 13)])
    merge(backend, keep="wei-wang-11", other="wei-wang-12")
    GraphWriter(backend).ingest(strangers(12, 2))  # a new run: two more in one batch
    GraphWriter(backend).ingest(strangers(14, 1))
    later = [researcher_of(backend, f"2001.{i:05d}", 0)["id"] for i in (12, 13, 14)]
    assert later == ["wei-wang-13", "wei-wang-14", "wei-wang-15"]


def test_incompatible_given_names_never_merge(backend: GraphBackend) -> None:
    GraphWriter(backend).ingest(
        [
            paper("2001.00001", ["Zhi-Qin Xu", "Tao Luo"]),
            paper("2001.00002", ["Zhi-Wei Xu", "Tao Luo"]),
        ]
    )
    assert graph_state(backend)["counts"]["Researcher"] == 3


def test_two_compatible_names_on_one_paper_are_two_people(backend: GraphBackend) -> None:
    GraphWriter(backend).ingest(
        [
            paper("2001.00001", ["J. Smith", "Anna Lee"]),
            paper("2001.00002", ["J. Smith", "John Smith", "Anna Lee"]),
        ]
    )
    ids = {a["researcher"] for a in backend.read("export_authorships") if a["work"] == "2001.00002"}
    assert len(ids) == 3


def test_newer_version_replaces_authors_topics_and_text(backend: GraphBackend) -> None:
    writer = GraphWriter(backend)
    writer.ingest([paper("2001.00001", ["Ann Lee", "Bo Chen"], ("cs.LG",), title="Old")])
    summary = writer.ingest(
        [paper("2001.00001", ["Ann Lee", "Cy Dunn"], ("math.NA",), title="New", version=2)]
    )
    assert (summary.ingested, summary.updated) == (0, 1)
    state = graph_state(backend)
    (work,) = state["export_works"]
    assert (work["title"], work["version"]) == ("New", 2)
    assert [r["name"] for r in state["export_researchers"]] == ["Ann Lee", "Cy Dunn"]
    assert [t["topic"] for t in state["export_work_topics"]] == ["math.NA"]
    older = writer.ingest([paper("2001.00001", ["X Y"], ("cs.LG",), title="Stale", version=1)])
    assert older.unchanged == 1
    assert graph_state(backend) == state


def test_duplicates_in_one_batch_keep_the_newest(backend: GraphBackend) -> None:
    summary = GraphWriter(backend).ingest(
        [
            paper("2001.00001", ["Ann Lee"], title="v1"),
            paper("2001.00001", ["Ann Lee"], title="v3", version=3),
            paper("2001.00001", ["Ann Lee"], title="v2", version=2),
        ]
    )
    assert summary.skipped["duplicate-in-batch"] == 2
    assert summary.ingested == 1
    assert [w["title"] for w in backend.read("export_works")] == ["v3"]


def test_unknown_category_is_reported_and_the_paper_kept(backend: GraphBackend) -> None:
    summary = GraphWriter(backend).ingest([paper("2001.00001", ["Ann Lee"], ("cs.LG", "xx.YY"))])
    assert summary.warnings["unknown-category"] == 1
    assert [t["topic"] for t in backend.read("export_work_topics")] == ["cs.LG"]


def test_affiliations_aggregate_years_and_counts(backend: GraphBackend) -> None:
    affs = {"Ann Lee": ("ETH Zurich",)}
    GraphWriter(backend).ingest(
        [
            paper("1901.00001", ["Ann Lee", "Bo Chen"], published=date(2019, 1, 1), affs=affs),
            paper("2201.00002", ["Ann Lee", "Bo Chen"], published=date(2022, 1, 1), affs=affs),
            paper("2101.00003", ["Ann Lee", "Bo Chen"], published=date(2021, 1, 1)),
        ]
    )
    (aff,) = backend.read("export_affiliations")
    assert aff == {
        "researcher": "ann-lee",
        "institution": "eth-zurich",
        "first_year": 2019,
        "last_year": 2022,
        "works": 2,
    }


def test_non_latin_names_get_distinct_readable_ids(backend: GraphBackend) -> None:
    """Names without Latin letters no longer all become `researcher` (people) or one
    institution: ids are transliterated, distinct, URL-safe and the same on a second run."""
    affs = {
        "张伟": ("清华大学",),
        "Иван Петров": ("Московский университет",),
        "محمد علي": ("جامعة القاهرة",),
    }
    items = [paper("2101.00001", list(affs), affs=affs), paper("2101.00002", ["王芳"])]
    GraphWriter(backend).ingest(items)
    researchers = {r["name"]: r["id"] for r in backend.read("export_researchers")}
    institutions = {i["name"]: i["id"] for i in backend.read("export_institutions")}
    assert sorted(researchers) == sorted([*affs, "王芳"])
    assert sorted(institutions) == sorted(n for names in affs.values() for n in names)
    ids = [*researchers.values(), *institutions.values()]
    assert len(set(ids)) == len(ids), ids
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids), ids
    assert researchers["张伟"].startswith("zhang-wei-")
    assert institutions["清华大学"].startswith("qing-hua-da-xue-")
    before = graph_state(backend)
    GraphWriter(backend).ingest(items)
    assert graph_state(backend) == before


def test_affiliations_added_batch_by_batch_equal_a_recompute(
    backend: GraphBackend, tmp_path: Any
) -> None:
    """Batches add their works to stored affiliations; replaced works and merges recompute.
    Either way the result is what all authorships say, on a corpus with name variants (merges
    across batches) and new versions that drop an author and change affiliations."""
    from bench.corpus import write_corpus

    corpus = write_corpus(tmp_path / "c.jsonl", 900, seed=5)
    GraphWriter(backend, batch_size=40).ingest(read_snapshot(corpus))
    stored = backend.read("export_affiliations")
    assert stored == expected_affiliations(backend)
    assert len(stored) > 100 and any(a["works"] > 1 for a in stored)
    assert backend.read("export_merged_ids"), "the corpus has name variants that merge"

    revised = tmp_path / "v2.jsonl"
    with corpus.open() as lines, revised.open("w") as out:
        for line in itertools.islice(lines, 0, 900, 7):
            obj = json.loads(line)
            obj["versions"].append({"version": "v2", "created": "Mon, 1 Jan 2024 00:00:00 GMT"})
            people = obj["authors_parsed"]
            if len(people) > 1:
                people.pop()
            people[0] = [*people[0][:3], "Institute of Revisions"]
            out.write(json.dumps(obj) + "\n")
    summary = GraphWriter(backend, batch_size=40).ingest(read_snapshot(revised))
    assert summary.updated == 129
    assert backend.read("export_affiliations") == expected_affiliations(backend)


class FailingWriter(GraphWriter):
    """Fails inside the transaction after every statement of the batch has run."""

    def _write(self, tx: Any, *args: Any) -> dict[str, str]:
        super()._write(tx, *args)
        raise RuntimeError("injected failure at commit time")


def test_a_failed_batch_writes_nothing(backend: GraphBackend) -> None:
    GraphWriter(backend).ingest([paper("2001.00001", ["Ann Lee", "Bo Chen"])])
    before = graph_state(backend)
    with pytest.raises(Exception, match="injected failure"):
        FailingWriter(backend).ingest(
            [paper("2001.00002", ["Ann Lee", "Bo Chen"]), paper("2001.00003", ["Cy Dunn"])],
            source="s",
        )
    assert graph_state(backend) == before
    assert GraphWriter(backend).position("s") is None
    GraphWriter(backend).ingest([paper("2001.00002", ["Ann Lee", "Bo Chen"])])
    assert graph_state(backend)["counts"]["Work"] == 2


def test_rows_without_their_record_stop_the_batch(backend: GraphBackend) -> None:
    """An authorship whose researcher is not in the graph, an update of a work or researcher or
    a name word's link to a researcher that is not stored (a writer state gone wrong), is an
    error that rolls the batch back, not a silently missing credit or update."""
    GraphWriter(backend).ingest([paper("2001.00001", ["Ann Lee", "Bo Chen"])])
    before = graph_state(backend)
    credits = [
        {"researcher": rid, "work": "2001.00001", "position": 5 + n, "institutions": ["x"]}
        for n, rid in enumerate(["ann-lee", "no-such-researcher"])
    ]
    people = [researcher_row(rid, "Ann Lee", ["Ann Lee"]) for rid in ("ann-lee", "nobody")]
    works = [stored_work_row(arxiv_id) for arxiv_id in ("2001.00001", "2001.99999")]
    words = [{"id": rid, "word": "ann"} for rid in ("ann-lee", "nobody")]
    cases: list[tuple[str, list[dict[str, Any]], str, str]] = [
        ("ingest_create_authorships", credits, "created", "authorships found no researcher"),
        ("ingest_update_researchers", people, "updated", "researchers to update are not"),
        ("ingest_update_works", works, "updated", "works to replace are not"),
        ("ingest_link_name_words", words, "created", "name words found no researcher"),
    ]
    for query, rows, count, lost in cases:
        with pytest.raises(RowsLost, match=f"1 of 2 {lost}"):
            backend.write(partial(run_counted, query=query, rows=rows, count=count, lost=lost))
        assert graph_state(backend) == before


def test_positions_are_saved_with_each_batch(backend: GraphBackend) -> None:
    writer = GraphWriter(backend, batch_size=30)
    writer.ingest(read_snapshot(SNAPSHOT, limit=75), source="snap")
    assert writer.position("snap") == 75
    rest = GraphWriter(backend, batch_size=30)
    rest.ingest(read_snapshot(SNAPSHOT, start=75), source="snap")
    resumed = graph_state(backend)
    assert rest.position("snap") == 200
    assert resumed["counts"]["Work"] == 200


def test_resume_equals_clean_run_on_generated_corpus(backend: GraphBackend, tmp_path: Any) -> None:
    from bench.corpus import write_corpus

    corpus = write_corpus(tmp_path / "c.jsonl", 1200, seed=3)
    GraphWriter(backend, batch_size=100).ingest(read_snapshot(corpus), source="c")
    clean = graph_state(backend)
    backend.write(lambda tx: tx.run("admin_delete_all"))
    for start, stop in itertools.pairwise([0, 250, 700, 1200]):
        GraphWriter(backend, batch_size=100).ingest(
            read_snapshot(corpus, start=start, limit=stop - start), source="c"
        )
    assert graph_state(backend) == clean


def test_later_evidence_merges_two_records_of_one_person(backend: GraphBackend) -> None:
    """Two "Zhi-Qin John Xu" records without common evidence become one once a paper links them."""
    writer = GraphWriter(backend)
    writer.ingest(
        [
            paper("2001.00001", ["Zhi-Qin John Xu", "Yaoyu Zhang"], ("cs.LG",)),
            paper("2001.00002", ["Zhi-Qin John Xu", "Jiwei Zhang"], ()),
        ]
    )
    assert graph_state(backend)["counts"]["Researcher"] == 4
    writer.ingest([paper("2001.00003", ["Zhi-Qin John Xu", "Jiwei Zhang", "Yaoyu Zhang"], ())])
    state = graph_state(backend)
    assert state["counts"]["Researcher"] == 3
    xu = [a for a in state["export_authorships"] if a["position"] == 0]
    assert {a["researcher"] for a in xu} == {"zhi-qin-john-xu"}
    assert state["export_merged_ids"] == [
        {
            "id": "zhi-qin-john-xu-2",
            "into": "zhi-qin-john-xu",
            "works": ["2001.00002"],
            "name": "Zhi-Qin John Xu",
            "aliases": ["Zhi-Qin John Xu"],
            "into_aliases": ["Zhi-Qin John Xu"],
        }
    ]
    fresh = GraphWriter(backend)
    fresh.ingest([paper("2001.00004", ["Zhi-Qin John Xu", "Tao Luo"], ("math.NA",))])
    ids = {r["id"] for r in backend.read("export_researchers")}
    assert "zhi-qin-john-xu-2" not in ids, "a merged id is never reused"


def test_coauthors_of_the_same_block_are_never_merged(backend: GraphBackend) -> None:
    GraphWriter(backend).ingest(
        [
            paper("2001.00001", ["J. Smith", "John Smith"], ("cs.LG",)),
            paper("2001.00002", ["J. Smith", "Anna Lee"], ("cs.LG",)),
        ]
    )
    ids = {a["researcher"] for a in backend.read("export_authorships")}
    assert len(ids) == 3

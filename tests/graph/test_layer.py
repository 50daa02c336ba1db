"""The collaboration layer on both backends: always equal to a recompute from the raw facts."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from graphsvc.db import GraphBackend
from graphsvc.services import merge as merge_service
from graphsvc.store import layer, toplists
from loaders.writer import GraphWriter
from tests import corpora
from tests.conftest import api_client
from tests.helpers import TEST_QUERIES, graph_state, stored_name_words
from tests.oracles import layer as oracle
from tests.oracles import researchers
from tests.oracles.affiliations import expected_affiliations
from tests.oracles.facts import facts
from tests.oracles.slices import expected_slice
from tests.oracles.topics import TopicOracle


def assert_layer_exact(backend: GraphBackend, team_min_authors: int) -> None:
    expected = oracle.layer(backend, team_min_authors)
    stored = oracle.stored_layer(backend)
    for part in expected:
        assert stored[part] == expected[part], part
    assert backend.read("export_affiliations") == expected_affiliations(backend)
    assert stored_name_words(backend) == researchers.name_words(backend.read("export_researchers"))
    counts = {(r["researcher"], r["topic"]): r["personal"] for r in backend.read("export_works_in")}
    for topic in backend.read("export_topic_stats"):
        assert list(topic["top_counts"] or []) == [
            counts[(r, topic["id"])] for r in topic["top_ids"] or []
        ]


def test_demo_layer_equals_a_recompute(demo_backend: GraphBackend) -> None:
    assert_layer_exact(demo_backend, 100)


def run_steps(backend: GraphBackend, steps: list[corpora.Step]) -> dict[str, int]:
    """Apply the steps; count what each kind did (merges may be refused: two co-authors)."""
    writer = GraphWriter(backend, batch_size=7, team_min_authors=corpora.TEAM_MIN_AUTHORS)
    done = {"ingest": 0, "merge": 0, "split": 0, "refused": 0}
    for step in steps:
        if step.kind == "ingest":
            writer.ingest(step.items)
        else:
            if not _admin(backend, step):
                done["refused"] += 1
                continue
            writer = GraphWriter(backend, batch_size=7, team_min_authors=corpora.TEAM_MIN_AUTHORS)
        done[step.kind] += 1
    return done


def _admin(backend: GraphBackend, step: corpora.Step) -> bool:
    ids = [r["id"] for r in backend.read("export_researchers")]
    try:
        if step.kind == "merge":
            keep, other = (corpora.pick(ids, at) for at in step.picks)
            if keep is None or other is None or keep == other:
                return False
            merge_service.merge(backend, keep, other)
        else:
            merged = backend.read("export_merged_ids")
            chosen: dict[str, Any] | None = corpora.pick(merged, step.picks[0])
            if chosen is None:
                return False
            merge_service.split(backend, chosen["into"], chosen["id"])
    except merge_service.MergeError:
        return False
    return True


@pytest.mark.parametrize("seed", [1, 2, 3, 7])
def test_interleaved_ingest_versions_merges_and_splits_keep_the_layer_exact(
    backend: GraphBackend, seed: int
) -> None:
    done = run_steps(backend, corpora.interleaved(seed))
    assert done["ingest"] > 5 and done["merge"] > 0
    assert_layer_exact(backend, corpora.TEAM_MIN_AUTHORS)
    flags = backend.read("export_works_team_flags")
    assert any(w["team_work"] for w in flags) and not all(w["team_work"] for w in flags)
    assert_answers_match_the_oracle(backend)


@pytest.mark.parametrize("seed", [1, 7])
def test_short_topic_lists_stay_exact_through_merges_and_scans(
    backend: GraphBackend, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With lists of 4 entries most topics hold more researchers and works than their lists:
    updates merge the old list with what changed, or scan when only a scan can tell; either
    way each list equals the first 4 of a recompute."""
    monkeypatch.setattr(toplists, "SIZE", 4)
    monkeypatch.setattr(oracle, "TOPLIST_SIZE", 4)
    run_steps(backend, corpora.interleaved(seed))
    assert_layer_exact(backend, corpora.TEAM_MIN_AUTHORS)
    topics = backend.read("export_topic_stats")
    assert sum(len(t["top_ids"] or []) == 4 for t in topics) >= 4


def test_recent_lists_stored_without_their_days_merge_from_the_works(
    backend: GraphBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A graph made before the recent lists kept their days: a merge reads the old list's dates
    from its works, and the list is written again with its days; a list no batch touched
    keeps none until then (`graphsvc layer rebuild` writes them all)."""
    monkeypatch.setattr(toplists, "SIZE", 4)
    monkeypatch.setattr(oracle, "TOPLIST_SIZE", 4)
    steps = corpora.interleaved(7)
    run_steps(backend, steps[: len(steps) // 2])
    backend.write(lambda tx: tx.run("test_clear_recent_days"))
    run_steps(backend, steps[len(steps) // 2 :])
    expected = oracle.layer(backend, corpora.TEAM_MIN_AUTHORS)
    stored = oracle.stored_layer(backend)
    assert stored["recent_ids"] == expected["recent_ids"]
    days = stored["recent_days"]
    assert all(days[t] in ([], expected["recent_days"][t]) for t in days)
    assert sum(days[t] == expected["recent_days"][t] != [] for t in days) >= 4


def assert_answers_match_the_oracle(backend: GraphBackend) -> None:
    """Every read the layer serves, for the busiest, a team member and a median researcher and
    for every topic, equals the networkx oracle of the same graph."""
    f = facts(backend, corpora.TEAM_MIN_AUTHORS)
    works = Counter(a["researcher"] for a in f.authorships)
    team = Counter(a["researcher"] for a in f.authorships if a["work"] in f.team_works)
    ranked = sorted(works, key=lambda r: (-works[r], r))
    chosen = {ranked[0], ranked[len(ranked) // 2], min(team, key=lambda r: (-team[r], r))}
    topics = TopicOracle(f)
    with api_client(backend) as client:
        for rid in sorted(chosen):
            assert client.get(f"/v1/researchers/{rid}").json() == researchers.profile(f, rid)
            for weighting in ("count", "newman"):
                url = f"/v1/researchers/{rid}/collaborators?limit=500&weighting={weighting}"
                assert client.get(url).json()["items"] == researchers.collaborators(
                    f, rid, weighting, limit=500
                )
            body = client.get(f"/v1/researchers/{rid}/graph?limit=500").json()
            want = expected_slice(f, rid, 1, 500)
            assert [(n["data"]["id"], n["data"]["type"]) for n in body["elements"]["nodes"]] == (
                want["nodes"]
            )
        for topic in topics.works_of:
            hood = client.get(f"/v1/topics/{topic}/neighborhood?limit=5").json()
            assert hood["cooccurring"] == topics.cooccurring(topic, 5)
            assert hood["researchers"] == topics.researchers(topic, 5)
            assert hood["recent_works"] == topics.recent(topic, 5)


def test_both_backends_decide_the_same(neo4j_backend: GraphBackend, tmp_path: Any) -> None:
    from graphsvc.db.ladybug_backend import LadybugBackend

    neo4j_backend.write(lambda tx: tx.run("admin_delete_all"))
    embedded = LadybugBackend(tmp_path / "g.lbdb", extra_queries=TEST_QUERIES)
    embedded.apply_schema()
    try:
        steps = corpora.interleaved(4)
        for b in (neo4j_backend, embedded):
            run_steps(b, steps)
        assert graph_state(neo4j_backend) == graph_state(embedded)
    finally:
        embedded.close()


def test_rebuild_equals_the_maintained_layer(backend: GraphBackend) -> None:
    run_steps(backend, corpora.interleaved(5))
    maintained = graph_state(backend)
    layer.rebuild(backend, team_min_authors=corpora.TEAM_MIN_AUTHORS)
    assert graph_state(backend) == maintained


def test_a_new_team_threshold_rebuilds_the_layer_at_the_next_ingest(
    backend: GraphBackend,
) -> None:
    steps = corpora.interleaved(6, n_papers=60)
    for step in steps:
        if step.kind == "ingest":
            GraphWriter(backend, batch_size=7, team_min_authors=100).ingest(step.items)
    assert_layer_exact(backend, 100)
    before = {w["arxiv_id"] for w in backend.read("export_works_team_flags") if w["team_work"]}
    GraphWriter(backend, team_min_authors=corpora.TEAM_MIN_AUTHORS).ingest([])
    after = {w["arxiv_id"] for w in backend.read("export_works_team_flags") if w["team_work"]}
    assert before < after  # large unnamed works are team works under the lower threshold
    assert_layer_exact(backend, corpora.TEAM_MIN_AUTHORS)

"""The embedded engine's plans of the stored queries that take lists of ids: each id is looked
up, no table is scanned.

Ladybug 0.22 plans `n.id IN $ids` as a scan of the whole table, and a MATCH of a relationship
after `UNWIND $ids AS x MATCH (n {id: x})` as a hash join with every relationship of the type:
both grow with the graph (a slice's edges 12 ms instead of 2.4 at 100,000 works, a batch's
`ingest_ids_taken` 9.9 s instead of 0.04: bench/RESULTS.md). Their `cypher/ladybug/` versions
look each id up and walk on with OPTIONAL MATCH. PROFILE shows each operator's output: on the
3,000-work corpus a scan outputs a whole table (3,000 works or more), a look-up a few rows.
Write queries are profiled in a transaction that is rolled back. A MERGE by a row's key is a
hash join with the whole table too: the writer updates with MATCH the records it read as stored,
and creates name counts where a look-up finds none. Not here, since the cost model
picks their plans by size: `layer_clear_member_of`, `slice_memberships`, `works_teams`,
`layer_researcher_links` and `layer_researcher_works` (each scans this corpus's 3,000 works or
3,762 MEMBER_OF relationships, and looks up at 100,000 works: 3 to 440 rows out of each scan,
PROFILE on the 100,000-work benchmark graph) and `suggest_common_coauthors`, whose shared
version walks from the researcher here and scans at 2,700,000 works (1,007,392 researchers and
5,442,477 COAUTHOR relationships out of the scans for the most prolific one)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import ladybug
import pytest

from graphsvc.catalog import Catalog, Query, cypher_dir
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.services.researcher_search import LAST_RANK, search_params
from graphsvc.store import invitations
from graphsvc.store.researchers import researcher_row
from loaders.writer import GraphWriter
from tests.api.test_merge import LEES
from tests.conftest import TEST_QUERIES, load_corpus, prepared
from tests.helpers import stored_work_row

Sample = dict[str, Any]
_OPERATOR = re.compile(r"│\s*(SCAN_NODE_TABLE|SCAN_REL_TABLE)\[\d+\]")
_OUTPUT = re.compile(r"NumOutputTuples: (\d+)")

READS: dict[str, Callable[[Sample], dict[str, Any]]] = {
    "slice_work_edges": lambda s: {"ids": s["works"]},
    "slice_own_work_edges": lambda s: {"id": s["id"], "ids": s["works"]},
    "slice_affiliations": lambda s: {"ids": [s["id"]]},
    "slice_affiliation_edges": lambda s: {"ids": [s["id"], *s["coauthors"]], "institutions": []},
    "slice_linking_works": lambda s: {"ids": s["coauthors"], "exclude": [s["id"]]},
    "collaborators_shared_works": lambda s: {"id": s["id"], "ids": s["coauthors"], "since": 0},
    "collaborators_shared_personal_works": lambda s: {
        "id": s["id"],
        "ids": s["coauthors"],
        "since": 0,
    },
    "researcher_works_topics": lambda s: {"ids": s["works"]},
    "researcher_works_authors": lambda s: {"ids": s["works"], "max_position": 10},
    "suggest_candidate_works": lambda s: {"ids": s["coauthors"]},
    "suggest_shared_topics": lambda s: {"id": s["id"], "ids": s["coauthors"]},
    "path_coauthors": lambda s: {"ids": [s["id"]]},
    "ingest_ids_taken": lambda s: {"ids": [s["id"], "no-such-researcher"]},
    "ingest_authors_of_works": lambda s: {"ids": s["works"]},
    "ingest_affiliation_facts": lambda s: {"ids": [s["id"]]},
    "layer_personal_coauthors": lambda s: {"ids": [s["id"]]},
    "toplist_personal_counts": lambda s: {"rows": [{"id": s["id"], "topic": s["topics"][0]}]},
    "toplist_topic_works": lambda s: {
        "rows": [{"id": w, "topic": s["topics"][0]} for w in s["works"]]
    },
}
WRITES: dict[str, Callable[[Sample], dict[str, Any]]] = {
    "ingest_detach_topics": lambda s: {"ids": s["works"]},
    "ingest_clear_affiliations": lambda s: {"ids": [s["id"]]},
    "layer_clear_works_in": lambda s: {"ids": [s["id"]]},
    "ingest_merge_authorships": lambda s: {
        "rows": [{"old_id": s["id"], "new_id": s["coauthors"][0]}]
    },
    "ingest_detach_authors": lambda s: {"ids": s["works"]},
    "layer_clear_coauthor_from": lambda s: {"ids": [s["id"]]},
    "layer_clear_coauthor_to": lambda s: {"ids": [s["id"]]},
    "layer_prune_coauthor": lambda s: {"rows": [{"a": s["id"], "b": s["coauthors"][0]}]},
    "layer_prune_works_in": lambda s: {"rows": [{"researcher": s["id"], "topic": s["topics"][0]}]},
    "ingest_update_researchers": lambda s: {"rows": [researcher_row(s["id"], "Ann Lee", [])]},
    "ingest_update_works": lambda s: {"rows": [stored_work_row(w) for w in s["works"]]},
    "ingest_detach_name_words": lambda s: {"ids": [s["id"]]},
    "ingest_create_name_words": lambda s: {"rows": [{"word": w} for w in _words(s)]},
    "ingest_link_name_words": lambda s: {"rows": [{"id": s["id"], "word": w} for w in _words(s)]},
    "ingest_prune_name_words": lambda s: {"words": _words(s)},
    "ingest_merge_delete_researchers": lambda s: {"rows": [{"old_id": s["id"]}]},
}


def _words(sample: Sample) -> list[str]:
    """A word of the sample researcher's name (its id's first part) and one nobody has."""
    return [sample["id"].split("-")[0], "no-such-word"]


@pytest.fixture
def graph(request: pytest.FixtureRequest) -> LadybugBackend:
    backend = prepared(request, "corpus-3000", load_corpus, dialect="ladybug")
    assert isinstance(backend, LadybugBackend)
    return backend


def scanned(
    graph: LadybugBackend, query: Query, params: dict[str, Any], *, write: bool
) -> list[int]:
    """The rows each scan operator of the query's plan output (PROFILE runs it)."""
    query.check_params(params)
    conn = ladybug.Connection(graph._db)  # a second connection to the backend's database
    try:
        if write:
            conn.execute("BEGIN TRANSACTION")
        result = conn.execute("PROFILE " + query.text, params)
        assert not isinstance(result, list)
        row = result.get_next()
        assert isinstance(row, list)
        plan = str(row[0])
        if write:
            conn.execute("ROLLBACK")
    finally:
        conn.close()
    return scan_outputs(plan)


def scan_outputs(plan: str) -> list[int]:
    """The output of each scan operator of a PROFILE plan: read down the operator's own box
    (boxes stand side by side, so the lines below an operator hold its neighbours' too)."""
    lines = plan.splitlines()
    outputs = []
    for i, line in enumerate(lines):
        for operator in _OPERATOR.finditer(line):
            left, right = operator.start(), line.find("│", operator.end())
            cells = (below[left:right] for below in lines[i + 1 :])
            found = next(m for cell in cells if (m := _OUTPUT.search(cell)))
            outputs.append(int(found.group(1)))
    return outputs


def works_in(graph: LadybugBackend) -> int:
    return next(int(r["n"]) for r in graph.read("graph_counts") if r["kind"] == "Work")


@pytest.mark.parametrize(
    ("name", "write"), [*((n, False) for n in READS), *((n, True) for n in WRITES)]
)
def test_lists_of_ids_are_looked_up(graph: LadybugBackend, name: str, write: bool) -> None:
    sample = graph.read("test_lookup_sample")[0]
    params = (WRITES if write else READS)[name](sample)
    outputs = scanned(graph, graph.catalog[name], params, write=write)
    assert max(outputs, default=0) < works_in(graph) / 5, (name, outputs)


@pytest.mark.parametrize("name", ["ingest_create_name_counts", "ingest_add_name_counts"])
def test_name_counts_are_written_without_a_scan(graph: LadybugBackend, name: str) -> None:
    """The name counts are few on this corpus (one per family and given name), so the check
    above could not see a scan of them: none at all here. A MERGE by `row.key` scanned them
    (and compared each row's key with every stored one: 312 ms a batch at 100,000 works)."""
    params = {"rows": [{"key": "all", "n": 1}, {"key": "f|no-such-family-name", "n": 1}]}
    assert scanned(graph, graph.catalog[name], params, write=True) == []


def test_the_shared_query_scans(graph: LadybugBackend) -> None:
    """The check sees a scan: the shared `slice_work_edges` (`arxiv_id IN $ids`) scans."""
    sample = graph.read("test_lookup_sample")[0]
    shared = Catalog("neo4j")["slice_work_edges"]  # Neo4j runs the shared version
    assert shared.path.parent == cypher_dir()
    outputs = scanned(graph, shared, READS["slice_work_edges"](sample), write=False)
    assert max(outputs) >= works_in(graph)


def test_search_looks_its_words_up(graph: LadybugBackend) -> None:
    """`researcher_search` looks each candidate word up and walks to its researchers. One scan
    is left: the check of open claims (a COUNT subquery, planned whether `open_only` or not)
    scans the researchers' ids, 0.15 ms for 123,589 at 100,000 works (PROFILE); the walk from
    each researcher's claims cost more than it saves (bench/RESULTS.md)."""
    sample = graph.read("test_lookup_sample")[0]
    word = _words(sample)[0]
    params = {
        **search_params(word, 20, open_only=False),
        "candidates": _words(sample),
        "max_rank": LAST_RANK,
    }
    outputs = sorted(scanned(graph, graph.catalog["researcher_search"], params, write=False))
    researchers = next(int(r["n"]) for r in graph.read("graph_counts") if r["kind"] == "Researcher")
    assert outputs[-1] == researchers and outputs[-2] < works_in(graph) / 5, outputs


# A record's or an account's claims and an account's invitations and a thread's replies, read
# from that node (the engine would scan them all for an id property).
LINKED_READS: dict[str, dict[str, Any]] = {
    "researcher_trust_claims": {"id": "ann-lee"},
    "claims_live_on": {"id": "ann-lee"},
    "collab_on": {"id": "ann-lee"},
    "claim_get": {"id": "claim-0"},
    "claims_of_account": {"account_id": "account-0"},
    "claims_live_of_account": {"account_id": "account-0"},
    "collab_of_account": {"account_id": "account-0"},
    "invitations_inbox": {"account_id": "account-1", "limit": 20},
    "invitations_sent": {"account_id": "account-0", "limit": 20},
    "invitations_sent_since": {"sender_id": "account-0", "since": 0},
    "invitations_pair": {"sender_id": "account-0", "recipient_id": "account-1"},
    "invitation_replies": {"invitation_id": "invitation-0", "limit": 20},
    "blocks_get": {"ids": ["account-1:account-0", "account-0:account-1"]},
}


@pytest.mark.parametrize("name", LINKED_READS)
def test_claims_and_invitations_are_read_from_their_node(tmp_path: Any, name: str) -> None:
    """Five claims on each of 8 records, 40 accounts each holding one and inviting the next,
    a reply to each invitation, a block of each: a read of one record's or one account's
    claims, of one account's invitations, of one thread or of two blocks scans none of the 40.
    (On these 8 records the cost model may scan the records instead of walking to one:
    `claims_of_account`; at 100,000 works it walks.)"""
    graph = LadybugBackend(tmp_path / "graph.lbdb", extra_queries=TEST_QUERIES)
    try:
        graph.apply_schema()
        GraphWriter(graph).ingest(list(LEES))
        ids = [r["id"] for r in graph.read("export_researchers")]
        n = 5 * len(ids)
        accounts = [
            {"id": f"account-{i}", "email": f"account-{i}@example.org", "email_verified": True}
            for i in range(n)
        ]
        claims = [
            {
                "id": f"claim-{i}",
                "account_id": f"account-{i}",
                "researcher_id": ids[i % len(ids)],
                "status": "approved",
                "orcid_check": "",
            }
            for i in range(n)
        ]
        graph.write(lambda tx: tx.run("test_create_accounts", rows=accounts))
        graph.write(lambda tx: tx.run("test_create_claims", rows=claims))
        graph.write(lambda tx: invite_each_next(tx, n))
        outputs = scanned(graph, graph.catalog[name], LINKED_READS[name], write=False)
        assert n == 40, ids
        assert len(graph.read("export_invitation_replies")) == n
        assert len(graph.read("export_invitation_blocks")) == n
        assert max(outputs, default=0) <= len(ids), (name, outputs)
    finally:
        graph.close()


def invite_each_next(tx: Any, n: int) -> None:
    """An invitation from each of `n` test accounts to the next (the last to the first), which
    the next one blocks."""
    for i in range(n):
        invite(tx, i, (i + 1) % n)
        invitations.block(tx, f"account-{(i + 1) % n}", f"account-{i}", now=i)


def invite(tx: Any, sender: int, recipient: int) -> None:
    """An invitation from one test account to another, with a reply."""
    tx.run(
        "invitation_create",
        id=f"invitation-{sender}",
        sender_id=f"account-{sender}",
        recipient_id=f"account-{recipient}",
        sender_researcher="",
        recipient_researcher="",
        subject="s",
        message="m",
        works=[],
        topics=[],
        now=sender,
    )
    tx.run(
        "invitation_reply_create",
        id=f"reply-{sender}",
        invitation_id=f"invitation-{sender}",
        account_id=f"account-{recipient}",
        text="t",
        now=sender,
    )

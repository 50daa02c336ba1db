"""A claim is linked to its researcher record (`CLAIMS`) and its account (`HOLDS`), on both
backends: a record left without works by a newer version stays while a claim is on it (its id
could otherwise go to a new person, and the claim with it), and the schema links the claims of
graphs stored before the links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from loaders.records import AuthorRecord
from loaders.source import SourceItem
from tests.accounts.claims import claim, claims_client, h, ingest, person, profile_claim
from tests.accounts.test_claims_merge import ANN, mine, owned
from tests.api.test_merge import LEES, paper
from tests.helpers import backfills_run
from tests.mailbox import Mailbox
from tests.oracles.facts import linked_claims

CARA = paper("2102.00001", ["Cara Diaz", "Dan Roe"], ("cs.LG",))
FINN = paper("2102.00002", ["Finn Ode", "Dan Roe"], ("cs.LG",))
GUS = paper("2102.00003", ["Gus Lee", "Dan Roe"], ("cs.LG",))


@pytest.fixture
def client(backend: GraphBackend, mailbox: Mailbox, tmp_path: Path) -> Iterator[TestClient]:
    with claims_client(backend, mailbox, tmp_path) as (c, _):
        yield c


def revised(item: SourceItem, authors: list[str]) -> SourceItem:
    """The paper's next version, with another author list."""
    assert item.record is not None
    record = item.record.model_copy(
        update={
            "version": item.record.version + 1,
            "authors": tuple(AuthorRecord(name=a) for a in authors),
        }
    )
    return SourceItem(position=0, record=record)


def test_a_claimed_record_left_without_works_stays_with_its_claims(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, [CARA, FINN, GUS])
    cara, finn = person(client, mailbox, "Cara Diaz"), person(client, mailbox, "Finn Ode")
    owns = owned(client, cara, "cara-diaz", "2102.00001")
    given_up = claim(client, finn, "finn-ode", ["2102.00002"]).json()
    assert client.delete(f"/v1/me/claims/{given_up['id']}", headers=h(finn)).status_code == 200
    # Newer versions drop Cara Diaz, Finn Ode and Gus Lee: none has another work.
    ingest(backend, [revised(p, ["Dan Roe"]) for p in (CARA, FINN, GUS)])
    kept = client.get("/v1/researchers/cara-diaz")
    assert kept.status_code == 200, kept.text
    assert kept.json()["works_count"] == 0
    assert kept.json()["claim"] == {"state": "claimed", "owner": "Cara Diaz"}
    assert mine(client, cara) == [("cara-diaz", "approved")]
    # A released claim keeps its record too; an unclaimed record is deleted (its id is free).
    assert client.get("/v1/researchers/finn-ode").json()["works_count"] == 0
    assert mine(client, finn) == [("finn-ode", "released")]
    assert client.get("/v1/researchers/gus-lee").status_code == 404
    links = {c["id"]: c["linked_to"] for c in linked_claims(backend)}
    assert links == {owns["id"]: "cara-diaz", given_up["id"]: "finn-ode"}


def test_the_schema_links_the_claims_of_a_graph_stored_before_the_links(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, LEES)
    ada = person(client, mailbox, "Ada Lee")
    owned(client, ada, ANN, "2101.00001")
    backend.write(lambda tx: tx.run("test_unlink_claims"))
    assert [(c["linked_to"], c["held_by"]) for c in backend.read("export_claims")] == [(None, None)]
    assert mine(client, ada) == []  # reads walk links
    assert profile_claim(client, ANN) == {"state": "unclaimed", "owner": None}  # reads walk links
    assert backfills_run(backend) == ["claim_accounts", "claim_records"]
    # Again: each check finds every claim linked, so no fill runs (they scan every claim).
    assert backfills_run(backend) == []
    assert [c["linked_to"] for c in linked_claims(backend)] == [ANN]
    assert profile_claim(client, ANN) == {"state": "claimed", "owner": "Ada Lee"}
    assert mine(client, ada) == [(ANN, "approved")]

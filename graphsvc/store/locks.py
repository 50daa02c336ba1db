"""Locks for read-then-write decisions (one owner per record, one record per account, an
account's invitation limits): taken first in the deciding transaction, held until it ends, so
concurrent decisions about the same record or account run one after the other. Neo4j locks the
node; the embedded engine runs one write transaction at a time already. Take a record's lock
before an account's (one order everywhere: no deadlock between two deciders)."""

from __future__ import annotations

from graphsvc.db import Tx


def researcher(tx: Tx, researcher_id: str) -> None:
    tx.run("lock_researcher", researcher_id=researcher_id)


def account(tx: Tx, account_id: str) -> None:
    tx.run("lock_account", account_id=account_id)

"""Reads grouped in one transaction (`read_together`) on both backends, and the answer cache."""

from __future__ import annotations

import pytest

from graphsvc.db import GraphBackend, Reader, reads_together
from graphsvc.services.answers import VersionedAnswers

QUERIES = ("export_researchers", "export_works", "export_authorships", "graph_version")  # ordered


def test_reads_together_answer_like_single_reads(demo_backend: GraphBackend) -> None:
    alone = {name: demo_backend.read(name) for name in QUERIES}
    together = demo_backend.read_together(lambda db: {name: db.read(name) for name in QUERIES})
    assert together == alone
    assert alone["export_works"], "the demo graph has works"


def test_reads_together_decorator_hands_a_reader(demo_backend: GraphBackend) -> None:
    @reads_together
    def works_and_count(db: Reader, limit: int) -> tuple[list[str], int]:
        assert not isinstance(db, GraphBackend)  # the transaction, not the backend
        works = [w["arxiv_id"] for w in db.read("export_works")]
        return works[:limit], len(works)

    first, n = works_and_count(demo_backend, 3)
    assert n == len(demo_backend.read("export_works")) and len(first) == 3


def test_a_failing_reader_leaves_the_backend_usable(demo_backend: GraphBackend) -> None:
    """An exception inside the group ends its transaction and returns the connection: many
    failures in a row (more than the embedded engine's 4 pooled connections) change nothing."""

    def fail(db: Reader) -> None:
        db.read("graph_counts")
        raise LookupError("the caller gave up")

    for _ in range(10):
        with pytest.raises(LookupError):
            demo_backend.read_together(fail)
    assert demo_backend.read_together(lambda db: db.read("graph_counts"))


def test_versioned_answers_expire_with_the_graph_version() -> None:
    answers = VersionedAnswers(size=2)
    answers.put(3, "a", 1)
    assert answers.get(3, "a") == 1
    assert answers.get(4, "a") is None  # a newer graph: stale
    answers.put(4, "b", 2)
    assert answers.get(3, "a") is None and answers.get(4, "b") == 2
    answers.put(3, "c", 3)  # computed on an older graph: not kept
    assert answers.get(4, "c") is None and answers.get(3, "c") is None


def test_versioned_answers_drop_the_least_recently_used() -> None:
    answers = VersionedAnswers(size=2)
    answers.put(1, "a", 1)
    answers.put(1, "b", 2)
    assert answers.get(1, "a") == 1  # "b" is now the least recently used
    answers.put(1, "c", 3)
    assert answers.get(1, "b") is None
    assert (answers.get(1, "a"), answers.get(1, "c")) == (1, 3)

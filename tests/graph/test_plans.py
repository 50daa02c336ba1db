"""Neo4j's plans of the stored queries (EXPLAIN on the session's server: nothing runs).

Suggestions collect a researcher's co-authors into one list, `coauthors`, and then aggregate
over those co-authors. An aggregation that groups by that list as well (Neo4j did so for a
COLLECT subquery that read it) charges the whole list to every group: 1.3 GB for a record of
18,839 co-authors at 2,700,000 works, and the transaction memory limit (a 503) for 21,574
(bench/RESULTS.md). No data is needed to see it: the grouping keys are in the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest

from graphsvc.catalog import Catalog
from tests.conftest import NEO4J_PASSWORD
from tests.neo4j_server import Neo4jServer

# The stored queries that collect a researcher's co-authors as `coauthors`.
COAUTHOR_LISTS = ("suggest_ranked", "suggest_ranked_bounded")
_CALL = re.compile(r"^\w+\(")


def operators(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("children", []):
        yield from operators(child)


def top_level_items(details: str) -> list[str]:
    """A plan operator's details split at the commas outside brackets."""
    items, depth, item = [], 0, ""
    for ch in details:
        depth += (ch in "([{") - (ch in ")]}")
        if ch == "," and depth == 0:
            items.append(item.strip())
            item = ""
        else:
            item += ch
    return [*items, item.strip()]


def grouping_keys(details: str) -> list[str]:
    """The grouping keys of an aggregation's details ("a, b AS c, count(*) AS n" -> a, b)."""
    return [item.split(" AS ")[0] for item in top_level_items(details) if not _CALL.match(item)]


def aggregations(server: Neo4jServer, name: str) -> list[str]:
    """The details of every aggregation in Neo4j's plan of a stored query."""
    query = Catalog("neo4j")[name]
    driver = neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", NEO4J_PASSWORD))
    try:
        with driver.session(database="neo4j") as session:
            explain = "EXPLAIN " + query.text  # a stored query's text, prefixed: nothing runs
            plan = session.run(explain, {p: None for p in query.params}).consume().plan
    finally:
        driver.close()
    assert plan is not None
    return [
        op["args"].get("Details", "")
        for op in operators(plan)
        if "Aggregation" in op["operatorType"]
    ]


def test_grouping_keys() -> None:
    details = "z.coauthors_count AS degree, coauthors, count(*) AS n"
    assert grouping_keys(details) == ["z.coauthors_count", "coauthors"]
    assert grouping_keys("collect([degree, n]) AS groups") == []


@pytest.mark.parametrize("name", COAUTHOR_LISTS)
def test_no_aggregation_groups_by_the_co_author_list(neo4j_server: Neo4jServer, name: str) -> None:
    details = aggregations(neo4j_server, name)
    assert any("coauthors_count" in d or "count(*)" in d for d in details)  # a real plan
    offending = [d for d in details if "coauthors" in grouping_keys(d)]
    assert offending == [], offending

"""Researcher search, this checkout's service against another commit's stored query, on one graph.

    python -m bench.search --graph bench/out/lb100k --baseline 32469d4
    python -m bench.search --neo4j bolt://127.0.0.1:17711 --password graphsvc-test \
        --baseline 32469d4

Both run on the same graph, one after the other for each query (best of `--repeat`), on one
connection: on the embedded engine limited to one thread, as a request's statements are. The
baseline is its commit's `researcher_search` alone; graphsvc is this checkout's search service
(`researcher_search.ranked`: the name words, then the tiers it needs), its stored queries read
from this checkout.

The queries: a fixed list of common, rare and partial names, then `--names` researchers' names
drawn at random (seed 7), each as the full name, the family name, its first two and three
letters and the name reversed. Prints how many answers were equal and a table of times. The
graph must hold what both read (for the name-word index: `graphsvc schema apply` of this
checkout fills it; on Neo4j the baseline's text index on `search_text` must be created again
after that apply, which drops it).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphsvc.catalog import Catalog
from graphsvc.names import fold_once
from graphsvc.services.researcher_search import ranked, search_params

FIXED = ["wang", "li", "zhaoqiang", "wei wang", "zhi-qin xu", "garcia", "hanxu", "kim", "smith"]
FIXED += ["ab", "j.", "ma", "zh"]
Row = dict[str, Any]
Run = Callable[[str, dict[str, Any]], list[Row]]


LIMIT = 20


def baseline_params(q: str, declared: set[str]) -> dict[str, Any]:
    """The baseline query's parameters (those its `// params:` line declares), as its service
    made them: this checkout's, and the query's longest word as `longest`."""
    known = search_params(fold_once(q), LIMIT, open_only=False)
    known["longest"] = known["words"][0]
    return {k: known[k] for k in declared}


class Reader:
    """This checkout's stored queries, run on the benchmark's connection."""

    def __init__(self, run: Run, catalog: Catalog) -> None:
        self.run, self.catalog = run, catalog

    def read(self, name: str, **params: Any) -> list[Row]:
        return self.run(self.catalog[name].text, params)

    def has_query(self, name: str) -> bool:
        return name in self.catalog.names()


def baseline_query(dialect: str, commit: str) -> tuple[str, set[str]]:
    """`researcher_search` at `commit` (the dialect's version, else the shared one) without its
    comment lines, and its declared parameters."""
    for path in (f"cypher/{dialect}/researcher_search.cypher", "cypher/researcher_search.cypher"):
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], capture_output=True, text=True)
        if shown.returncode == 0:
            break
    shown.check_returncode()
    raw = shown.stdout
    declared = next(ln for ln in raw.splitlines() if ln.startswith("// params:"))
    params = {p.strip() for p in declared.removeprefix("// params:").split(",")}
    text = "\n".join(ln for ln in raw.splitlines() if not ln.startswith("//")).strip()
    return text, params


def ladybug_runner(folder: Path) -> tuple[Run, list[str]]:
    import ladybug

    conn = ladybug.Connection(ladybug.Database(str(folder / "graph.lbdb"), read_only=True))
    conn.set_max_threads_for_exec(1)

    def run(text: str, p: dict[str, Any]) -> list[Row]:
        result = conn.execute(text, p)
        assert not isinstance(result, list)
        columns = result.get_column_names()
        return [dict(zip(columns, r, strict=True)) for r in result.get_all()]

    return run, [r["name"] for r in run("MATCH (r:Researcher) RETURN r.name AS name", {})]


def neo4j_runner(uri: str, password: str) -> tuple[Run, list[str]]:
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(uri, auth=("neo4j", password), notifications_min_severity="OFF")
    session = driver.session()

    def run(text: str, p: dict[str, Any]) -> list[Row]:
        return [r.data() for r in session.run(text, p)]

    return run, [r["name"] for r in run("MATCH (r:Researcher) RETURN r.name AS name", {})]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--graph", type=Path, help="an embedded graph's folder")
    where.add_argument("--neo4j", help="a Neo4j server's Bolt URI")
    parser.add_argument("--password", default="")
    parser.add_argument("--baseline", required=True, help="the commit of today's query")
    parser.add_argument("--names", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    dialect = "ladybug" if args.graph else "neo4j"
    run, names = (
        ladybug_runner(args.graph) if args.graph else neo4j_runner(args.neo4j, args.password)
    )
    catalog = Catalog(dialect)
    baseline, declared = baseline_query(dialect, args.baseline)
    reader = Reader(run, catalog)
    versions: dict[str, Callable[[str], list[Row]]] = {
        "baseline": lambda q: run(baseline, baseline_params(q, declared)),
        "graphsvc": lambda q: ranked(reader, fold_once(q), LIMIT, open_only=False),
    }
    queries = list(FIXED)
    for name in random.Random(7).sample(names, min(args.names, len(names))):
        parts = name.split()
        queries += [name, parts[-1], parts[-1][:2], parts[-1][:3], " ".join(reversed(parts))]
    times: dict[str, list[float]] = {k: [] for k in versions}
    equal = 0
    for q in queries:
        answers = []
        for label, search in versions.items():
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                rows = search(q)
                best = min(best, time.perf_counter() - start)
            times[label].append(best * 1000)
            answers.append(rows)
        equal += answers[0] == answers[1]
    print(f"{dialect}: {len(queries)} queries, answers equal in {equal}")
    print("| code | sum s | p50 ms | p90 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for label, xs in times.items():
        print(
            f"| {label} | {sum(xs) / 1000:.2f} | {percentile(xs, 0.5):.1f} | "
            f"{percentile(xs, 0.9):.1f} | {max(xs):.1f} |"
        )
    print("\n| query | baseline ms | graphsvc ms |\n|---|---:|---:|")
    for i, q in enumerate(FIXED):
        print(f"| `{q}` | {times['baseline'][i]:.1f} | {times['graphsvc'][i]:.1f} |")


if __name__ == "__main__":
    main()

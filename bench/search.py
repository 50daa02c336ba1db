"""Researcher search, this checkout's stored query against another commit's, on one graph.

    python -m bench.search --graph bench/out/lb100k --baseline 32469d4
    python -m bench.search --neo4j bolt://127.0.0.1:17711 --password graphsvc-test \
        --baseline 32469d4

Both texts run on the same graph, one after the other for each query (best of `--repeat`), on
one connection: on the embedded engine limited to one thread, as a request's statements are.
The queries: a fixed list of common, rare and partial names, then `--names` researchers' names
drawn at random (seed 7), each as the full name, the family name, its first three letters and
the name reversed. Prints whether both answers were equal for each query and a table of times.
The graph must hold what both texts read (for the name-word index: `graphsvc schema apply` of
this checkout fills it; on Neo4j the baseline's text index on `search_text` must be created again
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
from graphsvc.services.researchers import search_params

FIXED = ["wang", "li", "zhaoqiang", "wei wang", "zhi-qin xu", "garcia", "hanxu", "kim", "smith"]
FIXED += ["ab", "j."]
Run = Callable[[str, dict[str, Any]], list[list[Any]]]


def params(q: str, limit: int = 20) -> dict[str, Any]:
    """The stored query's parameters, as the search service makes them."""
    return search_params(fold_once(q), limit, open_only=False)


def query_text(path: str, commit: str | None) -> str:
    """The query without its comment lines, from this checkout or from `commit`."""
    if commit:
        raw = subprocess.run(
            ["git", "show", f"{commit}:{path}"], check=True, capture_output=True, text=True
        ).stdout
    else:
        raw = Path(path).read_text(encoding="utf-8")
    return "\n".join(ln for ln in raw.splitlines() if not ln.startswith("//")).strip()


def ladybug_runner(folder: Path) -> tuple[Run, list[str]]:
    import ladybug

    conn = ladybug.Connection(ladybug.Database(str(folder / "graph.lbdb"), read_only=True))
    conn.set_max_threads_for_exec(1)

    def run(text: str, p: dict[str, Any]) -> list[list[Any]]:
        result = conn.execute(text, p)
        assert not isinstance(result, list)
        return [list(r) for r in result.get_all()]

    return run, [r[0] for r in run("MATCH (r:Researcher) RETURN r.name", {})]


def neo4j_runner(uri: str, password: str) -> tuple[Run, list[str]]:
    from neo4j import GraphDatabase

    session = GraphDatabase.driver(uri, auth=("neo4j", password)).session()

    def run(text: str, p: dict[str, Any]) -> list[list[Any]]:
        return [list(r.values()) for r in session.run(text, p)]

    return run, [r[0] for r in run("MATCH (r:Researcher) RETURN r.name", {})]


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
    mine = Catalog(dialect)["researcher_search"].path.relative_to(Path.cwd())
    texts = {
        "baseline": query_text(str(mine), args.baseline),
        "graphsvc": query_text(str(mine), None),
    }
    queries = list(FIXED)
    for name in random.Random(7).sample(names, min(args.names, len(names))):
        parts = name.split()
        queries += [name, parts[-1], parts[-1][:3], " ".join(reversed(parts))]
    times: dict[str, list[float]] = {k: [] for k in texts}
    equal = 0
    for q in queries:
        answers = []
        for label, text in texts.items():
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                rows = run(text, params(q))
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

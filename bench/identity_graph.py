"""Identity scored on a loaded graph, in bounded memory: for whole-arXiv sizes.

    NEO4J_PASSWORD=... python -m bench.identity_graph --works 2700000   # the Neo4j of the settings
    python -m bench.identity_graph --works 2700000 --ladybug bench/out/bulk-cli-2700000/ladybug

bench.identity holds every mention of the plan and of the truth in dicts (about 18 GB for the
2,700,000-work plan alone). This scores a graph already loaded from the cached arxiv corpus of
`--works` works (the bulk load's, e.g. `bench.bulk_cli`) instead: the truth's mentions (work,
position, person) are written to one file, every authorship of the graph (work, position,
researcher) streamed to another, both sorted with sort(1) and joined with join(1), and the
scores computed from the (researcher, person) counts (`bench.identity_metrics.score_joint`).
Files go under bench/out/ (the truth's is kept for the next run). Prints the table of
bench.identity (one row, the rule of this code) and the seconds of each step.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import neo4j

from bench.corpus import generate_with_truth
from bench.graphs import OUT
from bench.identity import AUTHORSHIPS, table
from bench.identity_metrics import Scores, score_joint
from graphsvc.settings import load_settings

SORT_ENV = {**os.environ, "LC_ALL": "C"}  # sort(1) and join(1) must collate alike


def _key(work: str, position: int) -> str:
    return f"{work}#{position:05d}"


def _sorted(unsorted: Path, out: Path) -> None:
    subprocess.run(
        ["sort", "-t", "\t", "-k1,1", "-S", "2G", "-o", str(out), str(unsorted)],
        env=SORT_ENV,
        check=True,
    )
    unsorted.unlink()


def truth_file(n_works: int, seed: int) -> Path:
    """The corpus's mentions, one `work#position<TAB>person` line each, sorted (cached).
    Team entries are no mention (this code makes no researcher of them)."""
    path = OUT / f"truth-mentions-arxiv-{n_works}-seed{seed}.tsv"
    if path.exists():
        return path
    raw = path.with_name(f"tmp-{path.name}")
    with raw.open("w") as out:
        for paper, truth in generate_with_truth(n_works, seed, profile="arxiv"):
            people = [p for p in truth["people"] if p is not None]
            out.writelines(f"{_key(paper['id'], i)}\t{p}\n" for i, p in enumerate(people))
    _sorted(raw, path)
    return path


def graph_file(path: Path, ladybug_dir: Path | None) -> Path:
    """Every authorship of the graph, `work#position<TAB>researcher`, sorted: the embedded
    graph in `ladybug_dir`, else the Neo4j the settings name."""
    raw = path.with_name(f"tmp-{path.name}")
    with raw.open("w") as out:
        rows = _ladybug_rows(ladybug_dir) if ladybug_dir else _neo4j_rows()
        out.writelines(
            f"{_key(work, position)}\t{researcher}\n" for work, position, researcher in rows
        )
    _sorted(raw, path)
    return path


def _ladybug_rows(folder: Path) -> Iterator[tuple[str, int, str]]:
    import ladybug

    db = ladybug.Database(str(folder / "graph.lbdb"), buffer_pool_size=4 << 30, read_only=True)
    conn = ladybug.Connection(db)
    try:
        result = conn.execute(AUTHORSHIPS)
        assert isinstance(result, ladybug.QueryResult)
        while result.has_next():
            work, position, researcher = result.get_next()
            yield str(work), int(position), str(researcher)
    finally:
        conn.close()
        db.close()


def _neo4j_rows() -> Iterator[tuple[str, int, str]]:
    settings = load_settings()
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with (
        neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver,
        driver.session(database=settings.neo4j_database) as session,
    ):
        for r in session.run(AUTHORSHIPS):
            yield r["work"], r["position"], r["researcher"]


def joint_counts(truth: Path, graph: Path) -> Counter[tuple[str, str]]:
    """(researcher, person) -> mentions, over the mentions both files name."""
    joint: Counter[tuple[str, str]] = Counter()
    with subprocess.Popen(
        ["join", "-t", "\t", str(truth), str(graph)],
        env=SORT_ENV,
        stdout=subprocess.PIPE,
        text=True,
    ) as joined:
        assert joined.stdout is not None
        for line in joined.stdout:
            _, person, researcher = line.rstrip("\n").split("\t")
            joint[(researcher, person)] += 1
    if joined.returncode:
        raise RuntimeError(f"join exited with {joined.returncode}")
    return joint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ladybug", type=Path, metavar="DIR", help="an embedded graph's folder")
    args = parser.parse_args()
    steps: list[tuple[str, float]] = []
    started = time.monotonic()
    truth = truth_file(args.works, args.seed)
    steps.append(("truth file", time.monotonic() - started))
    graph = graph_file(OUT / f"graph-mentions-{args.works}-seed{args.seed}.tsv", args.ladybug)
    steps.append(("graph's authorships", time.monotonic() - started - sum(s for _, s in steps)))
    scores: Scores = score_joint(joint_counts(truth, graph))
    steps.append(("join and scores", time.monotonic() - started - sum(s for _, s in steps)))
    print(table(iter([("rarity (graph)", scores, sum(s for _, s in steps))]), "scoring"))
    print("\n" + "; ".join(f"{name} {s:,.0f} s" for name, s in steps), file=sys.stderr)


if __name__ == "__main__":
    main()

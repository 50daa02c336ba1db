"""Identity resolution against the realistic corpus's ground truth: pairwise and B-cubed scores.

    python -m bench.identity --works 100000 [--seed 7] [--rules today,evidence,rarity]

Each rule ingests the same `arxiv`-profile corpus into a fresh embedded graph, then every
authorship (work, position) is compared with the person the corpus says it is:

- `today`: the resolver of the code before the collaboration layer (commit BASELINE, run from a
  git worktree under bench/out/): co-author or topic evidence, team names taken for people;
- `evidence`: this code without name rarity (co-authors on personal works, teams, topics);
- `rarity`: this code as shipped (the same, plus the evidence a rare full name carries).

Prints one table (scores in bench.identity_metrics) and the mentions and people counted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bench.corpus import generate_with_truth
from bench.graphs import OUT, REPO, corpus_path
from bench.identity_metrics import Scores, score
from bench.servers import BASELINE, worktree

RULES = ("today", "evidence", "rarity")
# Every authorship of a graph written by either version (inline Cypher: a benchmark's reader).
DUMP = """
import json, sys
import ladybug
db = ladybug.Database(sys.argv[1], read_only=True)
conn = ladybug.Connection(db)
query = "MATCH (r:Researcher)-[a:AUTHORED]->(w:Work) RETURN w.arxiv_id, a.position, r.id"
result = conn.execute(query)
with open(sys.argv[2], "w") as out:
    while result.has_next():
        out.write(json.dumps(result.get_next()) + "\\n")
conn.close()
db.close()
"""


def truth_mentions(
    n_works: int, seed: int, *, teams_are_people: bool
) -> dict[tuple[str, int], str]:
    """(work, position) -> person. Positions count team entries too when `teams_are_people`
    (the old resolver made each a researcher); this code leaves them out."""
    mentions: dict[tuple[str, int], str] = {}
    for paper, truth in generate_with_truth(n_works, seed, profile="arxiv"):
        arxiv_id = paper["id"]
        position = 0
        for person in truth["people"]:
            if person is None:
                position += int(teams_are_people)
                continue
            mentions[(arxiv_id, position)] = person
            position += 1
    return mentions


def _ingest(code: Path, corpus: Path, graph: Path, env_extra: dict[str, str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(code), "GRAPHSVC_DATA_DIR": str(graph), **env_extra}
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "graphsvc", "ingest", "snapshot", str(corpus), "--quiet"],
        cwd=code,
        env=env,
        check=True,
    )
    return time.monotonic() - started


def _predicted(code: Path, graph: Path) -> dict[tuple[str, int], str]:
    dump = graph / "authorships.jsonl"
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run(
        [sys.executable, "-c", DUMP, str(graph / "graph.lbdb"), str(dump)],
        cwd=code,
        env=env,
        check=True,
    )
    with dump.open() as rows:
        return {(w, int(p)): r for w, p, r in map(json.loads, rows)}


def run_rule(
    rule: str, corpus: Path, n_works: int, seed: int, *, reuse: bool = False
) -> tuple[Scores, float]:
    """Ingest with the rule's code (or, with `reuse`, score a graph a previous run left)."""
    graph = OUT / f"identity-{rule}-{n_works}-seed{seed}"
    code = worktree(BASELINE) if rule == "today" else REPO
    if reuse and (graph / "graph.lbdb").exists():
        return score(_predicted(code, graph), _truth(rule, n_works, seed)), float("nan")
    shutil.rmtree(graph, ignore_errors=True)
    # Today's code needs a long query timeout on this corpus (its default 10 s interrupts it).
    env = {"GRAPHSVC_QUERY_TIMEOUT_S": "600"}
    if rule == "evidence":
        env["GRAPHSVC_IDENTITY_NAME_RARITY"] = "false"
    seconds = _ingest(code, corpus, graph, env)
    return score(_predicted(code, graph), _truth(rule, n_works, seed)), seconds


def _truth(rule: str, n_works: int, seed: int) -> dict[tuple[str, int], str]:
    return truth_mentions(n_works, seed, teams_are_people=rule == "today")


def table(rows: Iterator[tuple[str, Scores, float]]) -> str:
    head = (
        "| rule | mentions | people | records | pairwise P | R | F1 | B-cubed P | R | F1 | "
        "ingest s |\n|---|---|---|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    for rule, s, seconds in rows:
        lines.append(
            f"| {rule} | {s.mentions:,} | {s.people:,} | {s.clusters:,} | "
            f"{s.pairwise_precision:.4f} | {s.pairwise_recall:.4f} | {s.pairwise_f1:.4f} | "
            f"{s.bcubed_precision:.4f} | {s.bcubed_recall:.4f} | {s.bcubed_f1:.4f} | "
            f"{seconds:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rules", default=",".join(RULES))
    parser.add_argument(
        "--reuse", action="store_true", help="Score the graphs a previous run left (no ingest)."
    )
    args = parser.parse_args()
    rules = [r for r in args.rules.split(",") if r]
    unknown = sorted(set(rules) - set(RULES))
    if unknown:
        parser.error(f"unknown rules {unknown}; choose from {', '.join(RULES)}")
    corpus = corpus_path(args.works, args.seed, "arxiv")  # the cached one bench.api reads
    results: list[tuple[str, Scores, float]] = []
    for rule in rules:
        s, seconds = run_rule(rule, corpus, args.works, args.seed, reuse=args.reuse)
        results.append((rule, s, seconds))
        print(table(iter(results[-1:])), file=sys.stderr, flush=True)
    print(table(iter(results)))


if __name__ == "__main__":
    main()

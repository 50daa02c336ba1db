"""Identity resolution against the realistic corpus's ground truth: pairwise and B-cubed scores.

    python -m bench.identity --works 100000 [--seed 7] [--rules today,evidence,rarity]
    python -m bench.identity --works 1000000 --plan --lines 400000 --rules evidence,rarity

Each rule ingests the same `arxiv`-profile corpus into a fresh embedded graph, then every
authorship (work, position) is compared with the person the corpus says it is:

- `today`: the resolver of the code before the collaboration layer (commit BASELINE, run from a
  git worktree under bench/out/): co-author or topic evidence, team names taken for people;
- `evidence`: this code without name statistics (co-authors on personal works, teams, topics);
- `rarity`: this code as shipped (the same, plus the evidence a rare full name carries, and no
  topic evidence for a common one).

With `--plan` the rules of this code are scored through the bulk load's plan instead, without a
database: the same decisions as an incremental ingest of the file (tests/graph/test_bulk.py
compares the two), in minutes rather than hours; `--lines` scores the file's first works only.

Prints one table (scores in bench.identity_metrics) and the mentions and people counted.
"""

from __future__ import annotations

import argparse
import itertools
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
from loaders.bulk import BulkPlanner
from loaders.collector import paused
from loaders.snapshot import read_snapshot

RULES = ("today", "evidence", "rarity")
NAME_RARITY = {"evidence": False, "rarity": True}  # the rules of this code
# Every authorship of a graph written by either version (inline Cypher: a benchmark's reader;
# bench.identity_graph reads it too).
AUTHORSHIPS = (
    "MATCH (r:Researcher)-[a:AUTHORED]->(w:Work) "
    "RETURN w.arxiv_id AS work, a.position AS position, r.id AS researcher"
)
DUMP = """
import json, sys
import ladybug
db = ladybug.Database(sys.argv[1], read_only=True)
conn = ladybug.Connection(db)
result = conn.execute(sys.argv[3])
with open(sys.argv[2], "w") as out:
    while result.has_next():
        out.write(json.dumps(result.get_next()) + "\\n")
conn.close()
db.close()
"""


def truth_mentions(
    n_works: int, seed: int, *, teams_are_people: bool, limit: int | None = None
) -> dict[tuple[str, int], str]:
    """(work, position) -> person, for the first `limit` works. Positions count team entries
    too when `teams_are_people` (the old resolver made each a researcher); this code leaves them
    out."""
    mentions: dict[tuple[str, int], str] = {}
    corpus = generate_with_truth(n_works, seed, profile="arxiv")
    for paper, truth in itertools.islice(corpus, limit):
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
        [sys.executable, "-c", DUMP, str(graph / "graph.lbdb"), str(dump), AUTHORSHIPS],
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
    if rule != "today":
        env["GRAPHSVC_IDENTITY_NAME_RARITY"] = str(NAME_RARITY[rule]).lower()
    seconds = _ingest(code, corpus, graph, env)
    return score(_predicted(code, graph), _truth(rule, n_works, seed)), seconds


def plan_rule(
    rule: str, corpus: Path, n_works: int, seed: int, lines: int | None
) -> tuple[Scores, float]:
    """The rule's decisions as the bulk plan makes them, on the first `lines` works."""
    started = time.monotonic()
    with paused():
        planner = BulkPlanner(name_rarity=NAME_RARITY[rule])
        planner.ingest(read_snapshot(corpus, limit=lines), source=None)
    seconds = time.monotonic() - started
    st = planner.state
    predicted = {
        (a["work"], int(a["position"])): st.final_id(a["researcher"]) for a in st.authorships
    }
    truth = truth_mentions(n_works, seed, teams_are_people=False, limit=lines)
    return score(predicted, truth), seconds


def _truth(rule: str, n_works: int, seed: int) -> dict[tuple[str, int], str]:
    return truth_mentions(n_works, seed, teams_are_people=rule == "today")


def table(rows: Iterator[tuple[str, Scores, float]], seconds_of: str = "ingest") -> str:
    head = (
        "| rule | mentions | people | records | pairwise P | R | F1 | B-cubed P | R | F1 | "
        f"{seconds_of} s |\n|---|---|---|---|---|---|---|---|---|---|---|"
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
    parser.add_argument("--plan", action="store_true", help="Score the bulk plan (no database).")
    parser.add_argument("--lines", type=int, help="With --plan: only the first N works.")
    args = parser.parse_args()
    rules = [r for r in args.rules.split(",") if r]
    allowed = tuple(NAME_RARITY) if args.plan else RULES
    unknown = sorted(set(rules) - set(allowed))
    if unknown:
        parser.error(f"unknown rules {unknown}; choose from {', '.join(allowed)}")
    corpus = corpus_path(args.works, args.seed, "arxiv")  # the cached one bench.api reads
    results: list[tuple[str, Scores, float]] = []
    for rule in rules:
        if args.plan:
            s, seconds = plan_rule(rule, corpus, args.works, args.seed, args.lines)
        else:
            s, seconds = run_rule(rule, corpus, args.works, args.seed, reuse=args.reuse)
        results.append((rule, s, seconds))
        print(
            table(iter(results[-1:]), "plan" if args.plan else "ingest"),
            file=sys.stderr,
            flush=True,
        )
    print(table(iter(results), "plan" if args.plan else "ingest"))


if __name__ == "__main__":
    main()

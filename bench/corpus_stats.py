"""Distribution figures of a generated `arxiv`-profile corpus (checks it against README).

python -m bench.corpus_stats --works 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.corpus import generate_with_truth
from graphsvc.names import fold

Truth = dict[str, Any]


def percentile(sorted_values: list[int], q: float) -> int:
    """The q-quantile (0..1) of an ascending list."""
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def listing(truth: Truth) -> str:
    """How a team paper lists its team: "name", "name+members" or "members"."""
    named, members = bool(truth["teams"]), any(p is not None for p in truth["people"])
    return "name+members" if named and members else "name" if named else "members"


def is_team_paper(paper: dict[str, Any], truth: Truth) -> bool:
    """A collaboration's paper (not proceedings by a few members "for the X Collaboration")."""
    return bool(truth["collab"]) and (None in truth["people"] or len(paper["authors_parsed"]) > 3)


def stats(pairs: Iterable[tuple[dict[str, Any], Truth]]) -> dict[str, Any]:
    """Counts over the corpus: authors, teams, productivity, names, categories, versions."""
    sizes: list[int] = []
    team_papers: dict[str, Counter[str]] = defaultdict(Counter)
    works: Counter[str] = Counter()
    printed: dict[str, set[str]] = defaultdict(set)
    full: dict[str, set[str]] = defaultdict(set)  # names printed without initials
    home: dict[str, Counter[str]] = defaultdict(Counter)
    n_cats: Counter[int] = Counter()
    n_versions: Counter[int] = Counter()
    years: Counter[int] = Counter()
    primaries: Counter[str] = Counter()
    affiliated = 0
    for paper, truth in pairs:
        parsed = paper["authors_parsed"]
        sizes.append(len(parsed))
        cats = paper["categories"].split()
        n_cats[len(cats)] += 1
        primaries[cats[0]] += 1
        n_versions[len(paper["versions"])] += 1
        years[int(paper["versions"][0]["created"].split()[3])] += 1
        affiliated += any(len(e) > 3 for e in parsed)
        if is_team_paper(paper, truth):
            for team in truth["collab"]:
                team_papers[team][listing(truth)] += 1
            continue  # personal works only below
        for entry, pid in zip(parsed, truth["people"], strict=True):
            if pid is None:
                continue
            works[pid] += 1
            printed[fold(f"{entry[1]} {entry[0]}")].add(pid)
            if "." not in entry[1]:
                full[fold(f"{entry[1]} {entry[0]}")].add(pid)
            home[pid][cats[0].split(".")[0]] += 1
    sizes.sort()
    prolific = [pid for pid, n in works.items() if n >= 5]
    stable = sum(max(home[p].values()) / sum(home[p].values()) for p in prolific) / max(
        1, len(prolific)
    )
    return {
        "papers": len(sizes),
        "authors_per_paper": {f"p{q}": percentile(sizes, q / 100) for q in (10, 25, 50, 75, 90, 99)}
        | {"p99.9": percentile(sizes, 0.999), "max": sizes[-1]},
        "share_1_to_6_authors": round(sum(1 for s in sizes if s <= 6) / len(sizes), 3),
        "share_single_author": round(sum(1 for s in sizes if s == 1) / len(sizes), 3),
        "share_over_100_authors": round(sum(1 for s in sizes if s > 100) / len(sizes), 4),
        "team_papers": {t: dict(c) for t, c in sorted(team_papers.items())},
        "people_with_personal_works": len(works),
        "top_personal_works": works.most_common(5),
        "people_with_1_work_share": round(sum(1 for n in works.values() if n == 1) / len(works), 3),
        "people_with_10plus_works": sum(1 for n in works.values() if n >= 10),
        "home_archive_share_of_5plus": round(stable, 3),
        "most_shared_printed_names": _most_shared(printed),
        "most_shared_full_names": _most_shared(full),
        "full_names_of_one_person_share": round(
            sum(len(v) == 1 for v in full.values()) / max(1, len(full)), 3
        ),
        "categories_per_paper": dict(sorted(n_cats.items())),
        "top_primaries": primaries.most_common(8),
        "versions": dict(sorted(n_versions.items())),
        "multi_version_share": round(1 - n_versions[1] / len(sizes), 3),
        "affiliated_share": round(affiliated / len(sizes), 3),
        "papers_by_5_years": {
            y: sum(n for yy, n in years.items() if y <= yy < y + 5) for y in range(1990, 2026, 5)
        },
    }


def read_pairs(corpus: Path, truth: Path) -> Iterator[tuple[dict[str, Any], Truth]]:
    """(paper, truth) pairs from files written by `bench.corpus --truth`."""
    with gzip.open(corpus, "rt") as papers, gzip.open(truth, "rt") as truths:
        for paper, line in zip(papers, truths, strict=True):
            yield json.loads(paper), json.loads(line)


def _most_shared(people_by_name: dict[str, set[str]]) -> list[tuple[int, str]]:
    return sorted(((len(v), k) for k, v in people_by_name.items()), reverse=True)[:8]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, help="generate this many works")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="or read a written corpus (.jsonl.gz)")
    parser.add_argument("--truth", type=Path, help="and its truth (.truth.jsonl.gz)")
    args = parser.parse_args()
    if (args.works is None) == (args.corpus is None) or (args.corpus and not args.truth):
        parser.error("give --works, or --corpus with --truth")
    t0 = time.perf_counter()
    pairs = (
        read_pairs(args.corpus, args.truth)
        if args.corpus
        else generate_with_truth(args.works, args.seed)
    )
    result = stats(pairs)
    for key, value in result.items():
        print(f"{key}: {value}")
    print(f"seconds: {time.perf_counter() - t0:.1f}")


if __name__ == "__main__":
    main()

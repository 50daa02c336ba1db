"""A generated arXiv-like corpus in the metadata snapshot's JSON-lines format (fixed seed).

Realistic shape: Zipf-distributed productivity, 1 to 12 authors per paper, 150 categories with
1 to 3 per paper, research groups that keep co-authoring, some researchers printing their name
with initials, affiliations on part of the authorships. Used by the oracle tests and by bench/.

    python -m bench.corpus --works 100000 --out bench/out/corpus-100k.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from loaders.taxonomy import Taxonomy

GIVEN = [
    "Wei",
    "Yaoyu",
    "Zhi-Qin",
    "Tao",
    "Anna",
    "Maria",
    "José",
    "Jürgen",
    "Péter",
    "Søren",
    "Olga",
    "Hiroshi",
    "Priya",
    "Ahmed",
    "Lucía",
    "François",
    "Chen",
    "Min-Jun",
    "Elena",
    "Kofi",
    "Ingrid",
    "Raj",
    "Mei",
    "Ivan",
    "Fatima",
    "Lars",
    "Noor",
    "Pablo",
    "Yuki",
    "Zoë",
]
MIDDLE = ["", "", "", "John", "A.", "Maria", "K.", "Lee"]
FAMILY = [
    "Xu",
    "Zhang",
    "Luo",
    "Müller",
    "García",
    "Nagy",
    "Kovács",
    "Smith",
    "Ivanova",
    "Tanaka",
    "Patel",
    "Hassan",
    "Fernández",
    "Dubois",
    "Kim",
    "Rossi",
    "Andersen",
    "Okafor",
    "Novák",
    "Šrámek",
    "Wang",
    "Li",
    "Chen",
    "Nakamura",
    "Brown",
    "Lindqvist",
    "Haddad",
    "Silva",
    "Kowalski",
    "O'Brien",
    "van der Berg",
    "Dupont",
    "Schmidt",
    "Yilmaz",
    "Nguyen",
    "Mendes",
    "Costa",
]
INSTITUTIONS = [
    "Shanghai Jiao Tong University",
    "ETH Zurich",
    "University of Tokyo",
    "MIT",
    "CNRS",
    "Max Planck Institute for Physics",
    "University of Cambridge",
    "IIT Bombay",
    "CERN",
    "Universidad de Buenos Aires",
    "University of Nairobi",
    "KTH Royal Institute of Technology",
]


def _people(rng: random.Random, count: int) -> list[dict[str, str]]:
    people, seen = [], set()
    while len(people) < count:
        given, middle, family = rng.choice(GIVEN), rng.choice(MIDDLE), rng.choice(FAMILY)
        full = " ".join(p for p in (given, middle, family) if p)
        suffix = len(seen) if full in seen else ""
        if suffix:
            family = f"{family}{'abcdefghij'[len(people) % 10]}{suffix}"
        seen.add(f"{given} {middle} {family}")
        people.append({"given": f"{given} {middle}".strip(), "family": family})
    return people


def generate(n_works: int, seed: int = 7, n_categories: int = 150) -> Iterator[dict[str, Any]]:
    """Yield `n_works` snapshot-format papers, deterministically for a seed."""
    rng = random.Random(seed)
    codes = [t.id for t in Taxonomy.load().all_topics() if t.active][:n_categories]
    n_people = max(20, n_works // 2)
    people = _people(rng, n_people)
    weights = [1.0 / (rank + 10) ** 1.1 for rank in range(n_people)]  # Zipf-like productivity
    cum_weights = list(itertools.accumulate(weights))  # same draws as weights=, linear time

    def productive() -> int:
        return rng.choices(range(n_people), cum_weights=cum_weights)[0]

    home = {i: rng.sample(codes, rng.randint(1, 3)) for i in range(n_people)}
    group = {i: rng.randrange(max(1, n_people // 8)) for i in range(n_people)}
    members: dict[int, list[int]] = {}
    for person, g in group.items():
        members.setdefault(g, []).append(person)
    affiliation = {i: rng.choice(INSTITUTIONS) for i in range(n_people) if rng.random() < 0.4}
    for k in range(n_works):
        lead = productive()
        size = min(12, max(1, int(rng.lognormvariate(1.0, 0.6))))
        team = [lead]
        pool = members[group[lead]]
        while len(team) < size:
            pick = rng.choice(pool) if rng.random() < 0.7 else productive()
            if pick not in team:
                team.append(pick)
            elif len(pool) <= len(team):
                pool = list(range(n_people))
        rng.shuffle(team)
        cats = list(dict.fromkeys(home[lead] + [rng.choice(codes)]))[: rng.randint(1, 3)]
        year = 2000 + rng.randrange(26)
        parsed = []
        for p in team:
            person = people[p]
            given = person["given"]
            if rng.random() < 0.1:  # printed with initials now and then
                given = " ".join(part[0] + "." for part in given.split())
            parsed.append(
                [person["family"], given, "", *([affiliation[p]] if p in affiliation else [])]
            )
        yield {
            "id": f"{year % 100:02d}{1 + k % 12:02d}.{k:05d}",
            "authors": ", ".join(f"{a[1]} {a[0]}" for a in parsed),
            "authors_parsed": parsed,
            "title": f"On {rng.choice(['learning', 'spectra', 'bounds', 'dynamics', 'graphs'])} "
            f"of {rng.choice(['neural', 'quantum', 'random', 'sparse', 'stellar'])} systems {k}",
            "abstract": "We study " + " ".join(rng.choice(GIVEN).lower() for _ in range(40)) + ".",
            "categories": " ".join(cats),
            "versions": [{"version": "v1", "created": f"Mon, 1 Jan {year} 00:00:00 GMT"}],
            "update_date": f"{year}-06-01",
            "doi": None,
            "journal-ref": None,
            "comments": None,
        }


def write_corpus(path: Path, n_works: int, seed: int = 7) -> Path:
    """Write the corpus as JSON lines (gzip when the name ends in .gz)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        for paper in generate(n_works, seed):
            out.write(json.dumps(paper, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write_corpus(args.out, args.works, args.seed)


if __name__ == "__main__":
    main()

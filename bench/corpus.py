"""A generated arXiv-like corpus in the metadata snapshot's JSON-lines format (fixed seed).

Two profiles:

* ``simple`` (the functions' default, used by the oracle tests): Zipf-distributed
  productivity, 1 to 12 authors per paper, 150 categories with 1 to 3 per paper, research
  groups that keep co-authoring, some researchers printing their name with initials,
  affiliations on part of the authorships. Its output for a given (n_works, seed) never changes.
* ``arxiv``: the shape of the real arXiv (bench/corpus_arxiv.py, figures in bench/README.md):
  heavy-tailed authors per paper, big collaborations with changing rosters, common names shared
  by many people, careers, cross-listing, versions; with the truth (who is who) alongside, and
  a stream of new versions (``updates``) for continuous-ingest tests. The command line's
  default, as for every benchmark.

    python -m bench.corpus --works 100000 --out X.jsonl.gz --truth X.truth.jsonl.gz
    python -m bench.corpus --works 100000 --profile simple --out bench/out/corpus-100k.jsonl
    python -m bench.corpus --works 100000 --updates 0.02 --out U.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

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
    people: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(people) < count:
        given, middle, family = rng.choice(GIVEN), rng.choice(MIDDLE), rng.choice(FAMILY)
        full = " ".join(p for p in (given, middle, family) if p)
        suffix = len(seen) if full in seen else ""
        if suffix:
            family = f"{family}{'abcdefghij'[len(people) % 10]}{suffix}"
        seen.add(f"{given} {middle} {family}")
        people.append({"given": f"{given} {middle}".strip(), "family": family})
    return people


PROFILES = ("simple", "arxiv")
Truth = dict[str, Any]


def generate(
    n_works: int, seed: int = 7, n_categories: int = 150, profile: str = "simple"
) -> Iterator[dict[str, Any]]:
    """Yield `n_works` snapshot-format papers, deterministically for a seed.

    `n_categories` applies to the simple profile only (the arxiv profile uses all categories).
    """
    if _profile(profile) == "arxiv":
        from bench.corpus_arxiv import generate_with_truth as arxiv

        return (paper for paper, _ in arxiv(n_works, seed))
    return _generate_simple(n_works, seed, n_categories)


def generate_with_truth(
    n_works: int, seed: int = 7, profile: str = "arxiv"
) -> Iterator[tuple[dict[str, Any], Truth]]:
    """Yield (paper, truth) pairs; truth = {"id", "people", "teams", "collab"}.

    "people" has one person id ("p123") per authors_parsed entry, None for a team name;
    "teams" the team ids named on the paper ("atlas"); "collab" the teams whose roster wrote
    it (also when only the members are listed). Only the arxiv profile has a truth.
    """
    _arxiv_only(profile)
    from bench.corpus_arxiv import generate_with_truth as arxiv

    return (_public(paper, truth) for paper, truth in arxiv(n_works, seed))


def updates(
    n_works: int, seed: int = 7, profile: str = "arxiv", fraction: float = 0.02
) -> Iterator[tuple[dict[str, Any], Truth]]:
    """New versions of about `fraction` of the papers of `generate(n_works, seed, profile)`.

    Same ids, one more version dated after the corpus ends; some change 1-3 authors, some
    their categories, some only metadata; revised team author lists change ~40 members.
    The truth also has "version" and "change" ("authors", "categories", "metadata", "roster").
    """
    _arxiv_only(profile)
    from bench.arxiv_updates import revisions

    return (_public(paper, truth) for paper, truth in revisions(n_works, seed, fraction))


def _public(paper: dict[str, Any], truth: Truth) -> tuple[dict[str, Any], Truth]:
    truth["people"] = [None if p is None else f"p{p}" for p in truth["people"]]
    return paper, truth


def _profile(profile: str) -> str:
    if profile not in PROFILES:
        raise ValueError(f"unknown corpus profile {profile!r} (known: {', '.join(PROFILES)})")
    return profile


def _arxiv_only(profile: str) -> None:
    if _profile(profile) != "arxiv":
        raise ValueError("only the arxiv profile has a truth and updates")


def _generate_simple(n_works: int, seed: int, n_categories: int) -> Iterator[dict[str, Any]]:
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
    for member, g in group.items():
        members.setdefault(g, []).append(member)
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


def write_corpus(
    path: Path,
    n_works: int,
    seed: int = 7,
    profile: str = "simple",
    truth_path: Path | None = None,
) -> Path:
    """Write the corpus as JSON lines (gzip when the name ends in .gz), the truth beside it.

    The arxiv profile is written as the snapshot is (compact JSON, non-ASCII escaped).
    """
    if truth_path is None and _profile(profile) == "simple":
        lines: Iterable[tuple[dict[str, Any], Truth | None]] = (
            (paper, None) for paper in generate(n_works, seed)
        )
    else:
        lines = generate_with_truth(n_works, seed, profile)
    return _write(path, lines, profile, truth_path)


def write_updates(
    path: Path,
    n_works: int,
    seed: int = 7,
    fraction: float = 0.02,
    truth_path: Path | None = None,
) -> Path:
    """Write `updates(n_works, seed, "arxiv", fraction)` like `write_corpus`."""
    return _write(path, updates(n_works, seed, "arxiv", fraction), "arxiv", truth_path)


def _write(
    path: Path,
    lines: Iterable[tuple[dict[str, Any], Truth | None]],
    profile: str,
    truth_path: Path | None,
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    snapshot = profile == "arxiv"
    with _open_out(path) as out, _open_out(truth_path) as truth_out:
        assert out is not None
        for paper, truth in lines:
            if snapshot:
                out.write(json.dumps(paper, separators=(",", ":")) + "\n")
            else:
                out.write(json.dumps(paper, ensure_ascii=False) + "\n")
            if truth_out is not None and truth is not None:
                truth_out.write(json.dumps(truth, separators=(",", ":")) + "\n")
    return path


class _open_out:
    """A text file for writing, gzipped (level 3: fast; no timestamp) when the name ends in .gz."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.file: TextIO | None = None

    def __enter__(self) -> TextIO | None:
        if self.path is None:
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.suffix == ".gz":
            raw = gzip.GzipFile(self.path, "wb", compresslevel=3, mtime=0)
            self.file = io.TextIOWrapper(raw, encoding="utf-8")
        else:
            self.file = self.path.open("w", encoding="utf-8")
        return self.file

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--works", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", choices=PROFILES, default="arxiv")  # the realistic one
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--truth", type=Path, help="also write the truth (arxiv profile)")
    parser.add_argument(
        "--updates", type=float, metavar="FRACTION",
        help="write new versions of this share of the papers instead (arxiv profile)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.updates is not None:
        write_updates(args.out, args.works, args.seed, args.updates, args.truth)
    else:
        write_corpus(args.out, args.works, args.seed, args.profile, args.truth)


if __name__ == "__main__":
    main()

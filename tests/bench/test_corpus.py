"""The generated corpus: the simple profile never changes; the arxiv profile has arXiv's shape."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import generate, generate_with_truth, updates, write_corpus
from bench.corpus_stats import is_team_paper, listing
from graphsvc.names import fold
from loaders.snapshot import build_record, read_snapshot
from loaders.taxonomy import Taxonomy

N, SEED = 5_000, 3  # at least 3,000 works: every collaboration has team papers
Pair = tuple[dict[str, Any], dict[str, Any]]
SIMPLE_300_SEED7_SHA256 = "513512e258a841293fffe807283d5461f1009a11d14fb46a5649e725f171928f"


@pytest.fixture(scope="module")
def corpus() -> list[Pair]:
    return list(generate_with_truth(N, SEED))


def digest(lines: Any) -> str:
    h = hashlib.sha256()
    for obj in lines:
        h.update((json.dumps(obj, ensure_ascii=False) + "\n").encode())
    return h.hexdigest()


def personal(corpus: list[Pair]) -> list[Pair]:
    return [(p, t) for p, t in corpus if not is_team_paper(p, t)]


# --- the simple profile ----------------------------------------------------------------------


def test_simple_profile_output_is_unchanged() -> None:
    assert digest(generate(300, 7)) == SIMPLE_300_SEED7_SHA256
    assert digest(generate(300, 7, profile="simple")) == SIMPLE_300_SEED7_SHA256


def test_unknown_profile_and_simple_truth_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown corpus profile"):
        list(generate(10, profile="nope"))
    with pytest.raises(ValueError, match="only the arxiv profile"):
        list(generate_with_truth(10, profile="simple"))


# --- the arxiv profile: format and truth -----------------------------------------------------


def test_arxiv_profile_is_deterministic(corpus: list[Pair]) -> None:
    assert digest(generate_with_truth(N, SEED)) == digest(corpus)
    small = digest(generate(300, SEED, profile="arxiv"))
    assert small == digest(p for p, _ in generate_with_truth(300, SEED))
    assert small != digest(generate(300, SEED + 1, profile="arxiv"))


def test_every_line_is_a_snapshot_record(corpus: list[Pair]) -> None:
    assert len(corpus) == N
    assert len({p["id"] for p, _ in corpus}) == N
    for paper, _ in corpus:
        assert list(paper)[:3] == ["id", "submitter", "authors"]
        record, skip = build_record(json.loads(json.dumps(paper)), paper["id"])
        assert skip is None and record is not None, skip
        assert len(record.authors) == len(paper["authors_parsed"])
        assert record.version == len(paper["versions"])
        assert record.year is not None and 1991 <= record.year <= 2025


def test_truth_aligns_with_authors_parsed(corpus: list[Pair]) -> None:
    families: dict[str, Counter[str]] = defaultdict(Counter)
    for paper, truth in corpus:
        assert truth["id"] == paper["id"]
        assert len(truth["people"]) == len(paper["authors_parsed"])
        assert set(truth["teams"]) <= set(truth["collab"])
        for entry, pid in zip(paper["authors_parsed"], truth["people"], strict=True):
            if pid is None:  # a team name, as arXiv's parser stores it
                assert "ollaboration" in " ".join(entry) and truth["teams"]
            else:
                assert re.fullmatch(r"p\d+", pid)
                families[pid][fold(entry[0])] += 1
    # A person keeps one family name (bar Spanish double names and Chinese name order).
    steady = [max(c.values()) / sum(c.values()) for c in families.values() if sum(c.values()) > 4]
    assert sum(steady) / len(steady) > 0.95


# --- the arxiv profile: shape ----------------------------------------------------------------


def test_authors_per_paper_is_heavy_tailed(corpus: list[Pair]) -> None:
    sizes = sorted(len(p["authors_parsed"]) for p, _ in corpus)
    assert 0.85 <= sum(s <= 6 for s in sizes) / N <= 0.97
    assert 0.08 <= sum(s == 1 for s in sizes) / N <= 0.35
    assert sum(s > 100 for s in sizes) >= 10  # collaborations and large ordinary teams
    assert sizes[-1] >= 5_000  # the ATLAS+CMS Higgs-mass paper


def test_collaborations_list_in_three_ways_and_spell_their_names(corpus: list[Pair]) -> None:
    modes: dict[str, set[str]] = defaultdict(set)
    names: set[tuple[str, ...]] = set()
    for paper, truth in corpus:
        if is_team_paper(paper, truth):
            for team in truth["collab"]:
                modes[team].add(listing(truth))
            names.update(
                tuple(e)
                for e, p in zip(paper["authors_parsed"], truth["people"], strict=True)
                if p is None
            )
    assert len(modes) == 12
    assert set().union(*modes.values()) == {"name", "name+members", "members"}
    kinds = {
        "The" if e[0].startswith("The ") else "the" if e[0].startswith("the ") else
        "split" if e[0] == "Collaboration" else "lower" if "collaboration" in e[0] else "plain"
        for e in names
    }  # fmt: skip
    assert len(kinds) >= 4, names
    higgs = [t for p, t in corpus if t["teams"] == ["atlas", "cms"]]
    assert len(higgs) == 1 and sum(p is not None for p in higgs[0]["people"]) == 5_154
    assert any(t["collab"] == ["ligo", "virgo"] for _, t in corpus)


def test_rosters_change_slowly(corpus: list[Pair]) -> None:
    lists: dict[str, dict[int, set[str]]] = defaultdict(dict)
    for paper, truth in corpus:
        if len(truth["collab"]) == 1 and len(truth["people"]) > 100:
            year = int(paper["versions"][0]["created"].split()[3])
            lists[truth["collab"][0]][year] = set(filter(None, truth["people"]))
    compared = 0
    for by_year in lists.values():
        for a, b in pairwise(sorted(by_year)):
            overlap = len(by_year[a] & by_year[b]) / len(by_year[a])
            assert max(0.0, 0.95 - 0.15 * (b - a)) < overlap < 1.0, (a, b, overlap)
            compared += 1
    assert compared >= 3


def test_common_names_are_shared_and_most_names_rare(corpus: list[Pair]) -> None:
    people: dict[str, set[str]] = defaultdict(set)
    for paper, truth in personal(corpus):
        for entry, pid in zip(paper["authors_parsed"], truth["people"], strict=True):
            if pid and "." not in entry[1]:
                people[fold(f"{entry[1]} {entry[0]}")].add(pid)
    shared = sorted((len(v) for v in people.values()), reverse=True)
    assert shared[0] >= 4  # "Wei Zhang", "José García", ...
    assert sum(n == 1 for n in shared) / len(shared) > 0.8


def test_prolific_people_keep_their_topics(corpus: list[Pair]) -> None:
    works: Counter[str] = Counter()
    topics: dict[str, Counter[str]] = defaultdict(Counter)
    for paper, truth in personal(corpus):
        archive = paper["categories"].split()[0].split(".")[0]
        for pid in filter(None, truth["people"]):
            works[pid] += 1
            topics[pid][archive] += 1
    prolific = [pid for pid, n in works.items() if n >= 5]
    assert len(prolific) >= 100
    assert works.most_common(1)[0][1] >= 30
    stable = sum(max(topics[p].values()) / works[p] for p in prolific) / len(prolific)
    assert stable > 0.8
    assert 0.3 < sum(n == 1 for n in works.values()) / len(works) < 0.7


def test_categories_per_paper(corpus: list[Pair]) -> None:
    taxonomy = Taxonomy.load()
    counts: Counter[int] = Counter()
    for paper, _ in corpus:
        codes = paper["categories"].split()
        counts[len(codes)] += 1
        assert 1 <= len(codes) <= 4 and len(set(codes)) == len(codes)
        assert all(taxonomy.resolve(code) is not None for code in codes), codes
    assert 0.3 < 1 - counts[1] / N < 0.6
    pairs = Counter(tuple(p["categories"].split()[:2]) for p, _ in corpus if " " in p["categories"])
    assert pairs[("cs.IT", "math.IT")] + pairs[("hep-ph", "hep-ex")] + pairs[("cs.LG", "stat.ML")]


def test_versions_and_years(corpus: list[Pair]) -> None:
    multi = [p for p, _ in corpus if len(p["versions"]) > 1]
    assert 0.25 < len(multi) / N < 0.45
    for paper in multi:
        assert [v["version"] for v in paper["versions"]] == [
            f"v{i}" for i in range(1, len(paper["versions"]) + 1)
        ]
    years = Counter(int(p["versions"][0]["created"].split()[3]) for p, _ in corpus)
    assert years[2023] > years[2013] > years[2003] > years[1993] > 0


# --- updates and files -----------------------------------------------------------------------


def test_updates_are_later_versions_of_existing_papers(corpus: list[Pair]) -> None:
    base = {p["id"]: (p, t) for p, t in corpus}
    changes: Counter[str] = Counter()
    roster_changes = 0
    stream = list(updates(N, SEED, fraction=0.04))
    assert 0.03 * N < len(stream) < 0.06 * N
    for paper, truth in stream:
        old, old_truth = base[paper["id"]]
        assert len(paper["versions"]) == len(old["versions"]) + 1 == truth["version"]
        assert paper["update_date"] > old["update_date"]
        assert len(truth["people"]) == len(paper["authors_parsed"])
        assert build_record(json.loads(json.dumps(paper)), "u")[1] is None
        changes[truth["change"]] += 1
        before, after = set(filter(None, old_truth["people"])), set(filter(None, truth["people"]))
        if truth["change"] == "authors":
            assert 1 <= len(before ^ after) <= 3
        elif truth["change"] == "roster":
            roster_changes = max(roster_changes, len(before ^ after))
        elif truth["change"] == "categories":
            assert paper["categories"] != old["categories"]
        else:
            assert before == after
    assert set(changes) == {"authors", "categories", "metadata", "roster"}
    assert roster_changes >= 30


def test_write_corpus_with_truth(tmp_path: Path) -> None:
    out, truth = tmp_path / "c.jsonl.gz", tmp_path / "c.truth.jsonl.gz"
    write_corpus(out, 400, seed=SEED, profile="arxiv", truth_path=truth)
    first = out.read_bytes()
    write_corpus(out, 400, seed=SEED, profile="arxiv", truth_path=truth)
    assert out.read_bytes() == first  # no timestamp in the gzip header
    items = list(read_snapshot(out))
    assert len(items) == 400 and all(item.skip is None for item in items)
    with gzip.open(truth, "rt") as fh:
        truths = [json.loads(line) for line in fh]
    assert [t["id"] for t in truths] == [item.record.arxiv_id for item in items if item.record]
    line = gzip.decompress(first).split(b"\n", 1)[0]
    assert line.startswith(b'{"id":"') and line.isascii()  # compact and escaped, as arXiv's

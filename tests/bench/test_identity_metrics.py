"""The identity scores against hand-computed values."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import identity_graph
from bench.identity_metrics import score, score_joint


def test_perfect_resolution_scores_one() -> None:
    truth = {1: "a", 2: "a", 3: "b"}
    s = score({1: "x", 2: "x", 3: "y"}, truth)
    assert (s.pairwise_f1, s.bcubed_f1) == (1.0, 1.0)
    assert (s.mentions, s.people, s.clusters) == (3, 2, 2)


def test_a_split_costs_recall_and_a_merge_costs_precision() -> None:
    truth = {1: "a", 2: "a", 3: "a", 4: "b"}
    split = score({1: "x", 2: "x", 3: "y", 4: "z"}, truth)
    # pairs: truly together 3 (1-2, 1-3, 2-3); predicted together 1 (1-2), correct
    assert split.pairwise_precision == 1.0
    assert split.pairwise_recall == pytest.approx(1 / 3)
    # B-cubed recall: mentions 1, 2 see 2 of 3; mention 3 sees 1 of 3; mention 4 sees 1 of 1
    assert split.bcubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert split.bcubed_precision == 1.0
    merged = score({1: "x", 2: "x", 3: "x", 4: "x"}, truth)
    assert merged.pairwise_recall == 1.0
    assert merged.pairwise_precision == pytest.approx(3 / 6)
    assert merged.bcubed_precision == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)


def test_only_mentions_in_both_count() -> None:
    s = score({1: "x", 2: "x", 9: "q"}, {1: "a", 2: "a", 3: "a"})
    assert s.mentions == 2 and s.pairwise_f1 == 1.0


def test_scores_from_sorted_and_joined_files_equal_the_scores_of_dicts(tmp_path: Path) -> None:
    """bench.identity_graph's way (files sorted with sort(1), joined with join(1)) counts the
    same mentions as the dicts: positions past 9, ids that sort apart as text, mentions that
    only one side names."""
    truth = {("2101.00001", p): f"person-{p % 4}" for p in range(12)}
    truth[("math/0101001", 0)] = "person-9"
    truth[("2101.00002", 3)] = "person-1"
    predicted = {m: f"r-{m[1] % 3}" for m in truth if m != ("2101.00002", 3)}
    predicted[("9912.99999", 0)] = "r-0"  # not in the truth: not counted
    files = []
    for name, mentions in (("truth", truth), ("graph", predicted)):
        raw = tmp_path / f"raw-{name}.tsv"
        lines = [f"{identity_graph._key(w, p)}\t{who}\n" for (w, p), who in mentions.items()]
        raw.write_text("".join(reversed(lines)))
        files.append(tmp_path / f"{name}.tsv")
        identity_graph._sorted(raw, files[-1])
    joined = score_joint(identity_graph.joint_counts(*files))
    assert joined == score(predicted, truth)
    assert joined.mentions == 13

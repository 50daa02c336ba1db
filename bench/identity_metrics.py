"""Clustering scores of author-name resolution against a ground truth of who is who.

A *mention* is one author slot of one paper; resolution assigns each mention a researcher id,
the truth a person id. Both are clusterings of the same mentions:

- pairwise precision, recall and F1: over pairs of mentions, a pair is predicted together when
  both have the same researcher, truly together when both are the same person;
- B-cubed (Bagga and Baldwin 1998; the measure S2AND and other author-disambiguation work
  report): per mention, precision = |its cluster ∩ its person| / |its cluster| and recall =
  |its cluster ∩ its person| / |its person|, averaged over mentions.

Both come from the contingency table of (cluster, person) counts, linear in the mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

M = TypeVar("M", bound=Hashable)  # a mention
C = TypeVar("C", bound=Hashable)  # a cluster (a researcher record)
P = TypeVar("P", bound=Hashable)  # a person of the truth


@dataclass(frozen=True)
class Scores:
    """Pairwise and B-cubed precision, recall and F1, and the sizes they came from."""

    mentions: int
    people: int
    clusters: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score(predicted: Mapping[M, C], truth: Mapping[M, P]) -> Scores:
    """Scores of `predicted` (mention -> cluster) against `truth` (mention -> person), over the
    mentions both name."""
    return score_joint(Counter((predicted[m], truth[m]) for m in truth if m in predicted))


def score_joint(joint: Mapping[tuple[C, P], int]) -> Scores:
    """Scores from the contingency table: how many mentions each (cluster, person) shares."""
    cluster_size: Counter[C] = Counter()
    person_size: Counter[P] = Counter()
    for (cluster, person), k in joint.items():
        cluster_size[cluster] += k
        person_size[person] += k
    together = sum(_pairs(n) for n in joint.values())
    said = sum(_pairs(n) for n in cluster_size.values())
    true = sum(_pairs(n) for n in person_size.values())
    pp = together / said if said else 1.0
    pr = together / true if true else 1.0
    n = sum(joint.values())
    bp = sum(k * k / cluster_size[c] for (c, _), k in joint.items()) / n if n else 1.0
    br = sum(k * k / person_size[p] for (_, p), k in joint.items()) / n if n else 1.0
    return Scores(
        mentions=n,
        people=len(person_size),
        clusters=len(cluster_size),
        pairwise_precision=pp,
        pairwise_recall=pr,
        pairwise_f1=_f1(pp, pr),
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=_f1(bp, br),
    )

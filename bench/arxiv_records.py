"""The records of the `arxiv` profile: groups, how a paper was made, how authors are printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.arxiv_names import TO_LATEX

Paper = dict[str, Any]
Truth = dict[str, Any]

LATEX_SHARE = 0.8  # author strings with accents written in LaTeX (all 8 in the sample)
AND_SHARE = 0.5  # "A, B and C" rather than "A, B, C"


@dataclass(slots=True)
class Group:
    """A research group: investigator, members with their leaving years, home categories."""

    gid: int
    cats: tuple[str, ...]
    inst: int
    rate: float
    pi: int
    end: int
    size: int
    updated: int
    members: list[int] = field(default_factory=list)
    leaves: list[int] = field(default_factory=list)
    sisters: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Context:
    """How a paper was made, for bench/arxiv_updates.py to revise it consistently."""

    kind: str  # "paper", "team" or "talk"
    year: int
    cats: list[str]
    group: Group | None = None
    texts: list[str] = field(default_factory=list)  # printed people, in order
    affils: list[str] | None = None
    use_and: bool = False
    latex: bool = False
    labels: list[str] = field(default_factory=list)  # team names before the members
    end_label: str | None = None  # team name after the members
    et_al: bool = False
    teams: list[str] = field(default_factory=list)  # teams whose roster wrote the paper


def join_people(texts: list[str], affils: list[str] | None, use_and: bool) -> str:
    """ "A, B (X) and C (Y)": an affiliation after the last of a run of authors sharing it."""
    parts = []
    for i, text in enumerate(texts):
        aff = affils[i] if affils else None
        after = affils[i + 1] if affils and i + 1 < len(texts) else None
        parts.append(f"{text} ({aff})" if aff and aff != after else text)
    if use_and and len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return ", ".join(parts)


def join_team(labels: list[str], texts: list[str], end_label: str | None, et_al: bool) -> str:
    """ "ATLAS Collaboration: G. Aad, ...", "The BABAR Collaboration, B. Aubert, et al", ..."""
    body = ", ".join(texts) + (", et al" if et_al else "")
    head = ", ".join(labels)
    text = f"{head}{', ' if et_al else ': '}{body}" if head and texts else head or body
    return f"{text}, and {end_label}" if end_label else text


def latex(text: str, on: bool) -> str:
    """The authors string with accents as LaTeX escapes (as most submitters typed them)."""
    return text.translate(TO_LATEX) if on and not text.isascii() else text

"""arXiv categories for the `arxiv` profile: sizes over the years, cross-lists, listed codes."""

from __future__ import annotations

import math
import random
from bisect import bisect
from itertools import accumulate

from bench.arxiv_data import (
    AFFINITY,
    ALIASES,
    ARCHIVE_SHARES,
    CATEGORY_COUNT_WEIGHTS,
    CATEGORY_START,
    CATEGORY_WEIGHTS,
    DEFAULT_CATEGORY_WEIGHT,
    EARLY_START,
    OPEN_YEAR,
    RETIRED,
    SAME_ARCHIVE_SHARE,
    SPLIT_LATE,
)
from bench.arxiv_rand import pick as pick_one
from loaders.taxonomy import Taxonomy

_COUNT_CUM = list(accumulate(CATEGORY_COUNT_WEIGHTS))


def archive_of(code: str) -> str:
    """The archive of a category code ("cs.LG" -> "cs", "hep-th" -> "hep-th")."""
    return code.split(".", 1)[0]


class Categories:
    """Active categories with their opening years, sizes per year and cross-list partners."""

    def __init__(self) -> None:
        self.codes = [t.id for t in Taxonomy.load().all_topics() if t.active]
        self.start = {code: self._start_year(code) for code in self.codes}
        self._primaries: dict[int, tuple[list[str], list[float]]] = {}
        self._partners = {c: (list(p), list(accumulate(p.values()))) for c, p in AFFINITY.items()}
        self._siblings: dict[str, tuple[list[str], list[float]]] = {}
        for code in self.codes:
            archive = archive_of(code)
            near = [c for c in self.codes if archive_of(c) == archive and c != code]
            sizes = [CATEGORY_WEIGHTS.get(c, DEFAULT_CATEGORY_WEIGHT) + 0.2 for c in near]
            self._siblings[code] = (near, list(accumulate(sizes)))

    @staticmethod
    def _start_year(code: str) -> int:
        if code in EARLY_START:
            return EARLY_START[code]
        archive = archive_of(code)
        first = max(ARCHIVE_SHARES[archive][0], OPEN_YEAR.get(archive, 0))
        return max(first, CATEGORY_START.get(code, 0))

    def available(self, code: str, year: int) -> bool:
        """Whether papers could be listed in this category in that year."""
        return self.start.get(code, 9999) <= year

    def primaries(self, year: int) -> tuple[list[str], list[float]]:
        """Categories open in `year` and their cumulative weights as a primary category."""
        if year not in self._primaries:
            self._primaries[year] = self._weights(year)
        return self._primaries[year]

    def _weights(self, year: int) -> tuple[list[str], list[float]]:
        codes: list[str] = []
        weights: list[float] = []
        for archive, (first, share_a, share_b) in ARCHIVE_SHARES.items():
            if year < first:
                continue
            members = [
                c for c in self.codes if archive_of(c) == archive and self.available(c, year)
            ]
            sizes = [CATEGORY_WEIGHTS.get(c, DEFAULT_CATEGORY_WEIGHT) for c in members]
            if not sum(sizes):
                continue
            share = _log_interp(max(first, 1995), share_a, 2024, share_b, year)
            codes += members
            weights += [share * s / sum(sizes) for s in sizes]
        return codes, list(accumulate(weights))

    def draw_primary(self, rng: random.Random, year: int) -> str:
        """A primary category, by the archive sizes of that year."""
        codes, cum = self.primaries(year)
        return codes[min(bisect(cum, rng.random() * cum[-1]), len(codes) - 1)]

    def cross_list(self, rng: random.Random, primary: str, year: int) -> str | None:
        """A category to cross-list a paper with this primary in (None if none fits)."""
        partners = self._partners.get(primary)
        if partners and rng.random() >= SAME_ARCHIVE_SHARE:
            names, cum = partners
            pick = names[min(bisect(cum, rng.random() * cum[-1]), len(names) - 1)]
        else:
            near, cum = self._siblings.get(primary) or ([], [])
            pick = near[min(bisect(cum, rng.random() * cum[-1]), len(near) - 1)] if near else ""
        return pick if pick and self.available(pick, year) else None

    def for_paper(self, rng: random.Random, home: tuple[str, ...], year: int) -> list[str]:
        """1 to 4 categories, primary first, drawn around a group's home categories."""
        primary = home[0] if len(home) == 1 or rng.random() < 0.9 else pick_one(rng, home[1:])
        wanted = 1 + min(bisect(_COUNT_CUM, rng.random() * _COUNT_CUM[-1]), 3)
        cats = [primary]
        for _ in range(2 * wanted):
            if len(cats) >= wanted:
                break
            pick = pick_one(rng, home) if len(home) > 1 and rng.random() < 0.5 else None
            pick = pick or self.cross_list(rng, primary, year)
            if pick and pick not in cats and self.available(pick, year):
                cats.append(pick)
        return with_aliases(cats, year, self)

    def listed(self, cats: list[str], year: int) -> str:
        """The categories field as arXiv listed them that year (retired codes, bare archives)."""
        return " ".join(dict.fromkeys(listed_code(c, year) for c in cats))


def with_aliases(cats: list[str], year: int, categories: Categories) -> list[str]:
    """Add the other code of every alias pair present (arXiv lists both), at most 4 codes."""
    out: list[str] = []
    for code in cats:
        if code not in out:
            out.append(code)
        alias = ALIASES.get(code)
        if alias and alias not in out and categories.available(alias, year):
            out.append(alias)
    if len(out) > 4:
        out = out[:4]
        if ALIASES.get(out[3]) not in (None, *out):
            out.pop()
    return out


def listed_code(code: str, year: int) -> str:
    """The code a category was listed under in a year ("math.AG" in 1995 -> "alg-geom")."""
    retired = RETIRED.get(code)
    if retired and year <= retired[1]:
        return retired[0]
    archive = archive_of(code)
    if "." in code and year <= SPLIT_LATE.get(archive, 0):
        return archive
    return code


def _log_interp(x0: int, y0: float, x1: int, y1: float, x: int) -> float:
    t = min(max((x - x0) / (x1 - x0), 0.0), 1.0)
    return math.exp(math.log(y0) + (math.log(y1) - math.log(y0)) * t)

"""Paper metadata of the `arxiv` profile: ids, version dates, titles, abstracts, references."""

from __future__ import annotations

import calendar
import random
from bisect import bisect
from datetime import datetime, timedelta
from itertools import accumulate

from bench.arxiv_data import (
    ADJECTIVES,
    DEPARTMENTS,
    DOI_PREFIX,
    FIELD_WORDS,
    INSTITUTIONS,
    JOURNALS,
    LAST_MONTH,
    LICENSES,
    VERBS,
    VERSION_WEIGHTS,
)
from bench.arxiv_rand import below, between, pick

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
END = datetime(LAST_MONTH[0] + LAST_MONTH[1] // 12, LAST_MONTH[1] % 12 + 1, 1)
_VERSION_CUM = list(accumulate(VERSION_WEIGHTS))
_SENTENCES = (
    "We {v} {a} {n} in the presence of {m}.",
    "Our results show that {n} exhibit {a} behaviour, in agreement with recent work on {m}.",
    "This provides a {a} framework for {n}.",
    "In particular, we {v} the {a} regime of {n} and discuss implications for {m}.",
    "Numerical experiments on {n} confirm the {a} scaling predicted by the theory.",
    "We also {v} an explicit bound for {n} that is {a} up to constants.",
    "The approach relies on a {a} decomposition of {m}.",
    "Applications to {n} and {m} are discussed.",
    "Compared with previous approaches to {n}, our method is {a} and considerably simpler.",
    "As a by-product we {v} {a} estimates for {m}.",
)
_TITLES = (
    "{A} {n} and {m}",
    "On the {a} structure of {n}",
    "{A} methods for {n}",
    "{N}: a {a} approach",
    "Towards {a} {n} in {m}",
    "{A} bounds for {n}",
    "A note on {n} and {m}",
    "Learning {n} with {a} {m}",
)


def rfc_date(t: datetime) -> str:
    """The snapshot's version date format: "Mon, 2 Apr 2007 19:18:42 GMT"."""
    return (
        f"{WEEKDAYS[t.weekday()]}, {t.day} {MONTHS[t.month - 1]} {t.year} "
        f"{t.hour:02d}:{t.minute:02d}:{t.second:02d} GMT"
    )


def version_dates(rng: random.Random, year: int, month: int) -> list[datetime]:
    """v1 in the paper's month, later versions days to months after (none past the end)."""
    days = calendar.monthrange(year, month)[1]
    t = datetime(year, month, between(rng, 1, days), below(rng, 24), below(rng, 60), below(rng, 60))
    dates = [t]
    for _ in range(bisect(_VERSION_CUM, rng.random() * _VERSION_CUM[-1])):
        t += timedelta(days=rng.lognormvariate(3.0, 1.3), seconds=below(rng, 86_400))
        if t >= END:
            break
        dates.append(t)
    return dates


def versions_field(dates: list[datetime]) -> list[dict[str, str]]:
    """The snapshot's "versions" list for these dates."""
    return [{"version": f"v{i}", "created": rfc_date(t)} for i, t in enumerate(dates, 1)]


def arxiv_id(year: int, month: int, seq: int, archive: str, archive_seq: int) -> str:
    """An old-style id before April 2007 ("hep-th/9901001"), a new-style one after."""
    yy = year % 100
    if (year, month) < (2007, 4):
        return f"{archive}/{yy:02d}{month:02d}{archive_seq:03d}"
    return f"{yy:02d}{month:02d}.{seq:0{4 if year < 2015 else 5}d}"


def affiliation(inst: int, archive: str, u: float) -> str:
    """How one paper prints an institution: full name, short name, or with a department."""
    name, short, _ = INSTITUTIONS[inst]
    if u < 0.15 and short:
        return short
    if u > 0.85:
        return f"Department of {DEPARTMENTS.get(archive, 'Physics')}, {name}"
    return name


class Text:
    """Titles, abstracts and references from word pools (built once from a seeded rng)."""

    def __init__(self, rng: random.Random) -> None:
        self.pools = {field: [self._sentence(rng, field) for _ in range(300)]
                      for field in FIELD_WORDS}  # fmt: skip

    @staticmethod
    def _fill(rng: random.Random, template: str, field: str) -> str:
        words = FIELD_WORDS[field]
        a, n, m = pick(rng, ADJECTIVES), pick(rng, words), pick(rng, words)
        return template.format(
            v=pick(rng, VERBS), a=a, A=a.capitalize(), n=n, N=n[:1].upper() + n[1:], m=m
        )

    def _sentence(self, rng: random.Random, field: str) -> str:
        return self._fill(rng, pick(rng, _SENTENCES), field)

    def title(self, rng: random.Random, field: str) -> str:
        """A paper title in the vocabulary of a field."""
        return self._fill(rng, pick(rng, _TITLES), field)

    def abstract(self, rng: random.Random, field: str) -> str:
        """Four to ten sentences, with the snapshot's leading spaces and final newline."""
        return "  " + " ".join(rng.choices(self.pools[field], k=between(rng, 4, 10))) + "\n"


def references(
    rng: random.Random, field: str, year: int, published: float
) -> tuple[str | None, str | None, str | None]:
    """(comments, journal-ref, doi): page counts on most papers, a journal on some."""
    comments = None
    if rng.random() < 0.7:
        comments = f"{between(rng, 4, 60)} pages, {below(rng, 16)} figures"
    if rng.random() >= published:
        return comments, None, None
    journal = pick(rng, JOURNALS[field])
    volume, page = between(rng, 1, 120), between(rng, 1, 9999)
    journal_ref = f"{journal} {volume} ({min(year + 1, END.year)}) {page}"
    doi = f"{DOI_PREFIX[field]}/{journal.replace(' ', '').replace('.', '')}.{volume}.{page:06d}"
    return comments, journal_ref, doi if rng.random() < 0.8 else None


def license_for(rng: random.Random, year: int) -> str | None:
    """No license before 2004 (as in the snapshot), mostly arXiv's own afterwards."""
    if year < 2004:
        return None
    return LICENSES[0] if rng.random() < 0.75 else pick(rng, LICENSES[1:])

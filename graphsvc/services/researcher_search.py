"""Researcher search: the researchers whose folded names and aliases contain every word of a
query, ranked.

Ranks: (0) a name or alias is the query; (1) every word of the query is a whole word of a name
or alias (words are separated by spaces and hyphens); (2) the query starts a word of a name or
alias; (3) the query is inside a name or alias; (4) the query's words are apart. Ties: more
works first, then name, then id.

Candidates come from the name-word index (graphsvc/store/name_words.py): the words that contain
the query's longest word. A short common word is inside hundreds of thousands of names at
arXiv's size ("li", "ma": about a second to rank them all). But a researcher of rank 0 or 1 has
a word that *is* the longest word (with hyphens as spaces), and one of rank 2 a word that starts
with it. So the researchers are ranked in tiers of words (`tiers`): those of whole-word matches
for ranks 0 to 1, then of word starts for ranks 0 to 2, then of every word for all ranks. Every
researcher left out of a tier ranks after everyone in it, so a tier that fills the page is the
answer (bench/RESULTS.md: "Researcher search in tiers").
"""

from __future__ import annotations

from typing import Any

from graphsvc.db import Reader, reads_together
from graphsvc.names import fold_once
from graphsvc.store import collaboration as collaboration_store
from graphsvc.store import name_words

SEPARATOR = " | "  # joins the folded name and aliases in Researcher.search_text
LAST_RANK = 4

Data = dict[str, Any]


@reads_together
def search(db: Reader, q: str, limit: int, open_only: bool = False) -> Data:
    """Researchers whose folded names and aliases contain every word of the folded query, ranked
    (module docstring); `open_only`: only those open to collaborate (with an empty query: all of
    them, most works first, then name and id)."""
    folded = fold_once(q)
    rows: list[Data] = []
    if folded.split():
        rows = ranked(db, folded, limit, open_only)
    elif open_only:
        rows = collaboration_store.open_list(db, limit)
    items = [
        {
            "id": r["id"],
            "name": r["name"],
            "aliases": list(r["aliases"] or []),
            "works_count": r["works_count"],
        }
        for r in rows
    ]
    return {"q": q, "folded": folded, "items": items}


def ranked(db: Reader, folded: str, limit: int, open_only: bool) -> list[Data]:
    """The first `limit` researchers for a folded query with at least one word, tier by tier."""
    params = search_params(folded, limit, open_only)
    longest = params["words"][0]
    found = db.read("researcher_search_words", part=longest)[0]["words"]
    rows: list[Data] = []
    for words, max_rank in tiers(found, longest):
        rows = db.read("researcher_search", **params, candidates=words, max_rank=max_rank)
        if len(rows) >= limit:
            break
    return rows


def tiers(words: list[str], longest: str) -> list[tuple[list[str], int]]:
    """The name words to rank, each list with the last rank its researchers can be given
    exactly: the words that hold `longest` as a whole word (ranks 0 and 1), those with a word
    that starts with it (0 to 2), then all `words` (every rank). `words` are the name words
    containing `longest`. A tier with no words, or with the same words as the next one, is left
    out. A hyphenated `longest` ranks all words at once (a researcher of rank 1 may hold its
    parts as separate words), and so does the separator of the names (not a word)."""
    everything = sorted(words)
    steps: list[tuple[list[str], int]] = []
    if "-" not in longest and longest != name_words.SEPARATOR:
        for probe, max_rank in ((" " + longest + " ", 1), (" " + longest, 2)):
            steps.append(([w for w in everything if probe in _spaced(w)], max_rank))
    steps.append((everything, LAST_RANK))
    return [
        (tier, max_rank)
        for i, (tier, max_rank) in enumerate(steps)
        if tier and (i + 1 == len(steps) or tier != steps[i + 1][0])
    ]


def _spaced(word: str) -> str:
    """A word as the ranks read it: hyphens as spaces, a space on either side."""
    return " " + word.replace("-", " ") + " "


def search_params(folded: str, limit: int, open_only: bool) -> Data:
    """The parameters of `researcher_search` for a folded query with at least one word, but a
    tier's candidate words and last rank. `words` are the query's words, longest first."""
    words = sorted(set(folded.split()), key=lambda w: (-len(w), w))
    return {
        "q": folded,
        "q_bar": SEPARATOR + folded,
        "q_end": folded + SEPARATOR,
        "q_mid": SEPARATOR + folded + SEPARATOR,
        "whole_words": [_spaced(w) for w in words],
        "word_start": " " + folded.replace("-", " "),
        "words": words,
        "open_only": open_only,
        "limit": limit,
    }

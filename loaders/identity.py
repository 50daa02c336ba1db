"""Author-name resolution: which researcher each printed author name on a paper is.

arXiv has no author ids, so identity is a decision, made the same way on every run:
- candidates share a block key (folded family name + first initial) and have compatible given
  names (equal, or differing only by middle names or initials: "Zhi-Qin John Xu", "Zhi-Qin Xu",
  "Z.-Q. J. Xu");
- a candidate is only chosen on evidence: a co-author of this paper resembles one of the
  candidate's co-authors (same block key) or the paper shares a topic with the candidate's works.
  Two people who print the same name but share neither are kept apart;
- among candidates with evidence the most co-author overlap wins, then an exact name-key match,
  then topic overlap, then the smallest id;
- when a paper gives evidence for several researchers whose names are compatible with each other
  (e.g. it shares a co-author with each), they are one person: the others merge into the winner
  (works, aliases and evidence move; the old id is recorded in `merges`). Researchers who ever
  co-authored with someone of their own block are never merged (they may be that co-author).
The state is exactly what the graph holds (names, aliases, co-author block keys, topics), so a run
resumed after a crash decides as a clean run does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii

from loaders.names import (
    ParsedName,
    block_key,
    completeness,
    fold,
    given_compatible,
    name_key,
    parse_name,
)

_SYLLABLE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # anyascii capitalizes each CJK syllable


@dataclass
class Researcher:
    """What resolution knows of one researcher."""

    id: str
    name: str
    aliases: set[str]
    coauthor_blocks: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)

    @property
    def parsed(self) -> ParsedName:
        return parse_name(self.name)  # memoized in loaders.names

    def add_variant(self, name: str) -> None:
        self.aliases.add(name)
        if completeness(name) > completeness(self.name):
            self.name = name


def slug(text: str, fallback: str = "researcher") -> str:
    """A readable URL-safe id fragment: folded, lower-case, runs of other characters as '-'.

    Letters that folding leaves outside ASCII (Chinese, Cyrillic, Arabic, ...) are
    transliterated (`anyascii`: 清华大学 -> qing-hua-da-xue) and, since transliteration can
    make two names alike (张伟, 章伟), a short hash of the folded name is appended: distinct
    and the same on every run. Latin names keep the ids they always had. `fallback` stands in
    for a name that leaves no letter or digit at all.
    """
    folded = fold(text)
    base = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not any(ch.isalnum() and not ch.isascii() for ch in folded):
        return base or fallback  # punctuation such as ’ stays a separator, as it always was
    # NFC joins what folding took apart (Hangul syllables); "ZhangWei" -> "Zhang-Wei"
    spelled = _SYLLABLE.sub("-", anyascii(unicodedata.normalize("NFC", folded)))
    base = re.sub(r"[^a-z0-9]+", "-", spelled.lower()).strip("-") or fallback
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}"


class Resolver:
    """Assigns researcher ids to the authors of papers, one paper at a time, in input order."""

    def __init__(self, taken_ids: Iterable[str] = ()) -> None:
        self._blocks: dict[str, list[Researcher]] = {}
        self._taken: set[str] = set(taken_ids)
        self.touched: dict[str, Researcher] = {}
        self.created: set[str] = set()
        self.merges: dict[str, str] = {}
        self._aliases_before: dict[str, list[str]] = {}

    def missing_blocks(self, blocks: Iterable[str]) -> set[str]:
        return {b for b in blocks if b not in self._blocks}

    def add_loaded(self, blocks: Iterable[str], researchers: Iterable[Researcher]) -> None:
        """Install researchers read from the graph for these blocks (all of each block)."""
        for b in blocks:
            self._blocks.setdefault(b, [])
        for r in researchers:
            self._blocks.setdefault(block_key(r.name), []).append(r)
            self._taken.add(r.id)
        for members in self._blocks.values():
            members.sort(key=lambda r: r.id)

    def evict(self, blocks: Iterable[str]) -> None:
        """Forget blocks whose graph state changed behind our back (replaced author lists)."""
        for b in blocks:
            self._blocks.pop(b, None)

    def resolve(self, names: list[str], topics: set[str]) -> list[Researcher]:
        """The researcher for each author name of one paper, creating new ones as needed."""
        blocks = [block_key(n) for n in names]
        chosen: list[Researcher] = []
        for i, name in enumerate(names):
            others = {b for j, b in enumerate(blocks) if j != i}
            used = {r.id for r in chosen}
            ranked = self._evidenced(name, others, topics, used)
            if ranked:
                match = ranked[0]
                for other in ranked[1:]:
                    self._merge_if_same_person(other, into=match, block=blocks[i])
            else:
                match = self._create(name, blocks[i])
            match.add_variant(name)
            chosen.append(match)
        for i, researcher in enumerate(chosen):
            researcher.coauthor_blocks.update(b for j, b in enumerate(blocks) if j != i)
            researcher.topics.update(topics)
            self.touched[researcher.id] = researcher
        return chosen

    def _evidenced(
        self, name: str, coauthors: set[str], topics: set[str], used: set[str]
    ) -> list[Researcher]:
        """Compatible candidates with evidence, best first."""
        parsed = parse_name(name)
        key = name_key(parsed)
        scored = []
        for cand in self._blocks.get(block_key(parsed), []):
            if cand.id in used or not given_compatible(parsed, cand.parsed):
                continue
            shared_coauthors = len(cand.coauthor_blocks & coauthors)
            shared_topics = len(cand.topics & topics)
            if not shared_coauthors and not shared_topics:
                continue
            exact = int(any(name_key(a) == key for a in cand.aliases))
            scored.append(((-shared_coauthors, -exact, -shared_topics, cand.id), cand))
        return [cand for _, cand in sorted(scored, key=lambda pair: pair[0])]

    def _merge_if_same_person(self, other: Researcher, *, into: Researcher, block: str) -> None:
        if not given_compatible(other.parsed, into.parsed):
            return
        if block in other.coauthor_blocks or block in into.coauthor_blocks:
            return
        self._aliases_before[other.id] = sorted(into.aliases)
        for alias in other.aliases:
            into.add_variant(alias)
        into.coauthor_blocks |= other.coauthor_blocks
        into.topics |= other.topics
        self._blocks[block] = [r for r in self._blocks.get(block, []) if r.id != other.id]
        self.merges[other.id] = into.id
        self.touched[into.id] = into

    def end_batch(self) -> None:
        """Forget what the last batch touched, created and merged."""
        self.touched.clear()
        self.created.clear()
        self.merges.clear()
        self._aliases_before.clear()

    def final_id(self, researcher_id: str) -> str:
        """Where this batch's merges took a researcher id (itself when not merged)."""
        while researcher_id in self.merges:
            researcher_id = self.merges[researcher_id]
        return researcher_id

    def merge_rows(self) -> list[dict[str, Any]]:
        """This batch's merges, chains followed to the final researcher, with the aliases the
        researcher merged into had before (what undoing the merge restores)."""
        return [
            {"old_id": old, "new_id": self.final_id(old), "into_aliases": self._aliases_before[old]}
            for old in self.merges
        ]

    def _create(self, name: str, block: str) -> Researcher:
        base = slug(name)
        rid, n = base, 1
        while rid in self._taken:
            n += 1
            rid = f"{base}-{n}"
        self._taken.add(rid)
        self.created.add(rid)
        researcher = Researcher(id=rid, name=name, aliases=set())
        members = self._blocks.setdefault(block, [])
        members.append(researcher)
        members.sort(key=lambda r: r.id)
        return researcher

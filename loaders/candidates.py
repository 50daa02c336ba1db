"""The researchers of one block key, and the few of them a name's evidence can point at.

A block (folded family name and first initial) of a common name holds thousands of researchers
at whole-arXiv size ("wang|j"), and every author name printed in it used to be compared with
each of them: most of the bulk plan's time (bench/RESULTS.md). A block of `INDEXED_FROM` or more
researchers keeps an inverted index of what can be evidence for them (personal co-authors'
block keys, teams, topics, exact names), so a search reads only the researchers that share one
of those with the paper: a superset of the ones with evidence, which the resolver then tests
one by one exactly as it tests a small block's whole list. The index is kept in step by routing
every change of those sets through `Block` (`grow`, `add_alias`, `add`, `remove`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Set
from typing import TYPE_CHECKING

from graphsvc.names import name_key

if TYPE_CHECKING:
    from loaders.identity import Researcher

# Below this many researchers a block is read whole. 48 kept most of the plan's gain for the
# least memory of 4, 16 and 48 (bench/RESULTS.md).
INDEXED_FROM = 48

# Key -> the id of the one member that has it, or the ids of several (most keys of the
# co-author index belong to one member: a set each would cost 216 bytes).
_Index = dict[str, str | set[str]]


class Block:
    """The researchers of one block key (`members`, by id), indexed once it is large."""

    __slots__ = ("_coauthors", "_keys", "_teams", "_topics", "indexed_from", "members")

    def __init__(self, indexed_from: int = INDEXED_FROM) -> None:
        self.members: dict[str, Researcher] = {}
        self.indexed_from = indexed_from
        self._coauthors: _Index | None = None  # the other indexes exist when this one does
        self._teams: _Index = {}
        self._topics: _Index = {}
        self._keys: _Index = {}

    def __len__(self) -> int:
        return len(self.members)

    @property
    def indexed(self) -> bool:
        return self._coauthors is not None

    def add(self, researcher: Researcher) -> None:
        self.members[researcher.id] = researcher
        if self._coauthors is not None:
            self._index(researcher)
        elif len(self.members) >= self.indexed_from:
            self._coauthors = {}
            for member in self.members.values():
                self._index(member)

    def remove(self, researcher: Researcher) -> bool:
        """Drop a member (and its index entries); False when it was not one."""
        if self.members.pop(researcher.id, None) is None:
            return False
        if self._coauthors is None:
            return True
        for index, keys in self._entries(researcher):
            for key in keys:
                _drop(index, key, researcher.id)
        return True

    def grow(
        self,
        researcher: Researcher,
        *,
        coauthors: Set[str],
        topics: Set[str],
        teams: Set[str],
    ) -> None:
        """Add co-author blocks, topics and teams to a member (and to the index)."""
        if self._coauthors is None:  # no index: nothing to tell apart
            researcher.coauthor_blocks |= coauthors
            researcher.topics |= topics
            researcher.teams |= teams
            return
        rid = researcher.id
        for index, held, added in (
            (self._coauthors, researcher.coauthor_blocks, coauthors),
            (self._topics, researcher.topics, topics),
            (self._teams, researcher.teams, teams),
        ):
            new = added - held
            held |= new
            _put(index, new, rid)

    def add_alias(self, researcher: Researcher, name: str) -> None:
        """Add a printed variant to a member's names (and its exact name to the index)."""
        if name in researcher.aliases:
            return
        researcher.add_variant(name)
        if self._coauthors is not None:
            _put(self._keys, (name_key(name),), researcher.id)

    def candidates(
        self,
        coauthors: Collection[str],
        teams: Collection[str],
        topics: Collection[str],
        key: str | None,
    ) -> Iterable[Researcher]:
        """Members that share a co-author block, a team or a topic (pass none when topics are
        no evidence) with the paper, or carry the exact name `key` (None when the name is no
        evidence): all members while the block is small."""
        if self._coauthors is None:
            return self.members.values()
        ids: set[str] = set()
        for index, wanted in (
            (self._coauthors, coauthors),
            (self._teams, teams),
            (self._topics, topics),
            (self._keys, () if key is None else (key,)),
        ):
            for value in wanted:
                found = index.get(value)
                if found is None:
                    continue
                if isinstance(found, str):
                    ids.add(found)
                else:
                    ids |= found
        members = self.members
        return [members[rid] for rid in ids]

    def _index(self, researcher: Researcher) -> None:
        for index, keys in self._entries(researcher):
            _put(index, keys, researcher.id)

    def _entries(self, researcher: Researcher) -> list[tuple[_Index, Iterable[str]]]:
        assert self._coauthors is not None
        return [
            (self._coauthors, researcher.coauthor_blocks),
            (self._teams, researcher.teams),
            (self._topics, researcher.topics),
            (self._keys, researcher.alias_keys()),
        ]


def _put(index: _Index, keys: Iterable[str], rid: str) -> None:
    for key in keys:
        ids = index.get(key)
        if ids is None:
            index[key] = rid
        elif isinstance(ids, str):
            if ids != rid:
                index[key] = {ids, rid}
        else:
            ids.add(rid)


def _drop(index: _Index, key: str, rid: str) -> None:
    ids = index.get(key)
    if ids is None:
        return
    if isinstance(ids, str):
        if ids == rid:
            del index[key]
        return
    ids.discard(rid)
    if len(ids) == 1:
        index[key] = next(iter(ids))

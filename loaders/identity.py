"""Author-name resolution: which researcher each printed author name on a paper is.

arXiv has no author ids, so identity is a decision, made the same way on every run:
- candidates share a block key (folded family name + first initial) and have compatible given
  names (equal, or differing only by middle names or initials: "Zhi-Qin John Xu", "Zhi-Qin Xu",
  "Z.-Q. J. Xu");
- a candidate is only chosen on evidence: a co-author of this personal work resembles one of
  the candidate's personal co-authors (same block key; two of them for a name printed with
  initials only, "J. Garcia", which every Juan, Jorge and José Garcia may print, and two where
  the one in common is a crowded block, `CROWDED_BLOCK` researchers or more: a "J. Wang" beside
  a name is no sign of which of its people signed), a team named
  on this paper is one of the candidate's, the paper shares a topic with the candidate's works
  (unless the graph expects `COMMON_EXPECTED` or more researchers to carry the name: a topic
  then tells none of them apart; nor, on a paper that names teams, for a member of other teams
  only, or for a name printed with initials only, for a candidate of no team whose display name
  spells a given name out: a roster's "G. Rossi" is neither another experiment's "G. Rossi" nor
  "Giuseppe Rossi" because all of them write hep-ex), or the name itself is rare enough to
  tell (`NameStats`): the same full given and family name, and few researchers in the graph
  could carry it;
- among candidates with evidence the most co-author overlap wins, then shared teams, then an
  exact name-key match, then topic overlap, then the smallest id;
- when a paper links several researchers who carry the very name it prints (the same full name
  among each one's variants) by a co-author block or a team of this paper, they are one person:
  the others merge into the winner (works, aliases and evidence move; the old id is recorded in
  `merges`). A topic, or a name only compatible ("W. Wang" and "Wei J. Wang"), links no one: on
  the realistic corpus such merges cost more precision than they gained recall
  (bench/RESULTS.md); the paper goes to the winner and the others stay. Researchers
  who ever shared a work with someone of a block of their names are never merged (they may be
  that person), nor are records whose names an admin merged though they are not variants of one
  name, nor two records owned by different accounts (approved claims, `owners`).

Team works (a team named, or many authors) neither give nor take co-author evidence: a roster
of 3,000 says nothing personal (its thousands of blocks would match someone of almost every
common name: on the realistic corpus, 42 % of the names they matched went to the wrong person,
bench/RESULTS.md), and pairing it would be quadratic. Their authors are told apart by the team,
topics and the name's rarity. Every step here is linear in the authors of a paper, apart from
the co-author blocks of a personal work's authors.
The state is exactly what the graph holds (names, aliases, personal co-authors' block keys,
topics, teams, name counts), so a run resumed after a crash decides as a clean run does, and a
resolver that keeps it between batches (a bounded cache, or `complete`: all of it) decides as a
new one reading the graph would.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphsvc.names import (
    ParsedName,
    block_key,
    completeness,
    given_compatible,
    initials_only,
    name_count_keys,
    name_key,
    parse_name,
    slug,
)
from loaders.candidates import INDEXED_FROM, Block

MAX_CACHED = 300_000  # researchers kept in memory between batches (reloaded from the graph)
# Name rarity: a full name is rare when the expected number of researchers carrying it,
# families x given names / researchers, is below RARE_EXPECTED; a matching middle name or
# initial divides that by MIDDLE_FACTOR. Below MIN_RESEARCHERS the graph cannot tell.
# 0.01 scored best of 0.2, 0.05, 0.01, 0.002 and 0.0005 on the realistic corpus (bench/RESULTS.md:
# chosen at 100,000 works, confirmed at 400,000).
RARE_EXPECTED = 0.01
MIDDLE_FACTOR = 10.0
# A topic is no evidence for a name carried, as expected, by COMMON_EXPECTED researchers or more;
# a name printed with initials only needs INITIALS_COAUTHOR_BLOCKS co-author blocks in common.
# Chosen on the realistic corpus at 100,000 and 400,000 works (bench/RESULTS.md): together they
# raise pairwise and B-cubed F1 at both sizes; 0.5 of 1, 0.5 and 0.25: the best B-cubed F1 at
# 400,000 (tied with 1), with more pairwise F1.
COMMON_EXPECTED = 0.5
INITIALS_COAUTHOR_BLOCKS = 2
# A co-author block of CROWDED_BLOCK researchers or more ("wang|j") is shared by chance: alone
# it is no evidence, beside a second shared block it is. Of 200, 50, 20, 8 and 1, 8 gave the
# best B-cubed F1 at 100,000 and 400,000 works, and more pairwise F1 than today's rule at
# 100,000, 400,000 and 1,000,000 (bench/RESULTS.md).
CROWDED_BLOCK = 8
MIN_RESEARCHERS = 2_000


@dataclass
class Researcher:
    """What resolution knows of one researcher."""

    id: str
    name: str
    aliases: set[str]
    coauthor_blocks: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    teams: set[str] = field(default_factory=set)
    block_peer: bool = False  # shared a work with someone of a block of their names
    # The name keys and block keys of `aliases`, computed when first asked; `add_variant`
    # clears them.
    _alias_keys: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _alias_blocks: frozenset[str] | None = field(default=None, repr=False, compare=False)
    # The parsed display name, kept here: a graph has more names than the memo of
    # `parse_name` holds, and every candidate of a block is compared by it.
    _parsed: ParsedName | None = field(default=None, repr=False, compare=False)

    @property
    def parsed(self) -> ParsedName:
        if self._parsed is None:
            self._parsed = parse_name(self.name)
        return self._parsed

    def add_variant(self, name: str) -> None:
        if name in self.aliases:
            return
        self.aliases.add(name)
        self._alias_keys = self._alias_blocks = None
        if completeness(name) > completeness(self.name):
            self.name = name
            self._parsed = None

    def has_alias_key(self, key: str) -> bool:
        """Whether one of the aliases has this name key (exactly this full name)."""
        return key in self.alias_keys()

    def alias_keys(self) -> frozenset[str]:
        """The name keys of the aliases."""
        if self._alias_keys is None:
            self._alias_keys = frozenset(name_key(a) for a in self.aliases)
        return self._alias_keys

    def alias_blocks(self) -> frozenset[str]:
        """The block keys of the aliases (more than one only where an admin merged names)."""
        if self._alias_blocks is None:
            self._alias_blocks = frozenset(block_key(a) for a in self.aliases)
        return self._alias_blocks

    def one_name(self) -> bool:
        """Whether every variant is compatible with the display name (an admin may have merged
        records of different names: such a record is never merged automatically)."""
        return all(given_compatible(parse_name(a), self.parsed) for a in self.aliases)

    def row_state(self) -> tuple[str, frozenset[str], bool]:
        """What the graph stores of this researcher's names (to write only what changed)."""
        return (self.name, frozenset(self.aliases), self.block_peer)


class NameStats:
    """How many researchers carry each family name and first given name (and in all), as the
    graph holds them, plus this batch's changes (`pending`, written with the batch)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.pending: Counter[str] = Counter()

    def missing(self, names: Iterable[str]) -> set[str]:
        keys = {k for n in names for k in name_count_keys(n)}
        return {k for k in keys if k not in self.counts}

    def load(self, keys: Iterable[str], rows: Iterable[dict[str, Any]]) -> None:
        for key in keys:
            self.counts.setdefault(key, 0)
        for row in rows:
            self.counts[row["key"]] = int(row["n"] or 0)

    def change(self, name: str | None, sign: int) -> None:
        """A display name arrives (1) or leaves (-1)."""
        if name:
            self.apply(Counter({key: sign for key in name_count_keys(name)}))

    def apply(self, changes: Counter[str]) -> None:
        """Count changes: kept for the batch's write, and applied to the keys read already
        (the others are read from the graph when needed, after this batch commits)."""
        for key, n in changes.items():
            self.pending[key] += n
            if key in self.counts:
                self.counts[key] += n

    def expected(self, parsed: ParsedName) -> float | None:
        """Expected researchers with this full name; None when the name or graph can't tell."""
        keys = name_count_keys(parsed)
        if len(keys) < 3 or self.counts.get(keys[0], 0) < MIN_RESEARCHERS:
            return None
        total, family, given = (self.counts.get(k, 0) for k in keys)
        return family * given / total


class Resolver:
    """Assigns researcher ids to the authors of papers, one paper at a time, in input order."""

    def __init__(
        self,
        *,
        name_rarity: bool = True,
        max_cached: int | None = MAX_CACHED,
        all_ids_known: bool = False,
        complete: bool = False,
        indexed_from: int = INDEXED_FROM,
    ) -> None:
        """`max_cached`: researchers kept between batches (None: all of them, when the
        resolver's state is the whole graph, as in a bulk load). `all_ids_known`: every id in
        the graph is known here (made by this resolver in a bulk load of an empty graph, or all
        read at the start), so no new id needs checking against the graph (`ids_to_check`).
        `complete`: every block of the graph is held here (with `max_cached=None`), so a block
        not held is empty; researchers the graph changes behind it come back by `replace`, not
        by evicting their blocks. `indexed_from`: the size from which a block
        keeps an index of evidence (`loaders.candidates`)."""
        if complete and max_cached is not None:
            raise ValueError("a complete resolver keeps every block: max_cached must be None")
        self.max_cached = max_cached
        self.complete = complete
        self.indexed_from = indexed_from
        self.all_ids_known = all_ids_known
        self._blocks: OrderedDict[str, Block] = OrderedDict()
        self._cached = 0
        self._taken: set[str] = set()  # ids the graph or this run has given to someone
        self._checked: set[str] = set()  # ids the graph was asked about
        self.name_rarity = name_rarity
        self.names = NameStats()
        self.touched: dict[str, Researcher] = {}
        self.created: set[str] = set()
        self.merges: dict[str, str] = {}
        self._aliases_before: dict[str, list[str]] = {}
        self._stored: dict[str, tuple[str, frozenset[str], bool]] = {}
        self.owners: dict[str, str] = {}  # researcher id -> owning account (set per batch)

    def missing_blocks(self, blocks: Iterable[str]) -> set[str]:
        """Of these blocks, those to read from the graph (`add_loaded`) before resolving."""
        missing = set()
        for b in blocks:
            if b in self._blocks:
                self._blocks.move_to_end(b)
            elif self.complete:
                self._block(b)  # the graph has no one in it
            else:
                missing.add(b)
        return missing

    def add_loaded(self, blocks: Iterable[str], researchers: Iterable[Researcher]) -> None:
        """Install researchers read from the graph for these blocks (all of each block)."""
        for b in blocks:
            self._block(b)
        for r in researchers:
            self._block(block_key(r.name)).add(r)
            self._taken.add(r.id)
            self._stored[r.id] = r.row_state()
            self._cached += 1

    def _block(self, key: str) -> Block:
        block = self._blocks.get(key)
        if block is None:
            block = self._blocks[key] = Block(self.indexed_from)
        return block

    def ids_to_check(self, names: Iterable[str]) -> list[str]:
        """Ids the graph must be asked about before these names are resolved: for each slug of
        the names, enough of its ids in creation order (`base`, `base-2`, ...) known to be free
        for a new record per name. Where some must be asked, at least as many as are known
        already (a slug with many records is asked about in doubling rounds). Call again,
        giving `add_checked` the answers, until nothing is left."""
        if self.all_ids_known:
            return []
        ask: list[str] = []
        for base, need in Counter(slug(n) for n in names).items():
            free = known = 0
            asked: list[str] = []
            want, n = 0, 1
            while free < need or len(asked) < want:
                rid = new_id(base, n)
                n += 1
                if rid in self._taken:
                    known += 1
                elif rid in self._checked:
                    known += 1
                    free += 1
                else:
                    want = want or max(need - free, known)
                    asked.append(rid)
                    free += 1  # unless the graph says otherwise
            ask += asked
        return ask

    def add_checked(self, asked: Iterable[str], taken: Iterable[str]) -> None:
        """The graph's answer to `ids_to_check`: of the ids asked about, those taken."""
        self._checked.update(asked)
        self._taken.update(taken)

    def free_ids(self, ids: Iterable[str]) -> None:
        """Records deleted from the graph (left without works): their ids are free again, as
        the graph tells a new writer."""
        for rid in ids:
            self._taken.discard(rid)
            self._checked.discard(rid)
            self._stored.pop(rid, None)

    def evict(self, blocks: Iterable[str]) -> None:
        """Forget blocks whose graph state changed behind our back (replaced author lists)."""
        assert not self.complete, "a complete resolver replaces researchers instead"
        for b in blocks:
            self._cached -= len(self._blocks.pop(b, ()))

    def replace(self, stale: Mapping[str, str], fresh: Iterable[Researcher]) -> None:
        """Researchers whose graph state changed behind the resolver (authors whose evidence
        replaced versions changed; `stale`: id -> block key): those held are dropped, and
        `fresh`, the ones the graph still has, read again, take their place."""
        for rid, key in stale.items():
            block = self._blocks.get(key)
            held = block.members.get(rid) if block is not None else None
            if block is not None and held is not None and block.remove(held):
                self._cached -= 1
            self._stored.pop(rid, None)
        self.add_loaded((), fresh)

    def resolve(
        self, names: list[str], topics: set[str], teams: set[str], team_work: bool
    ) -> list[Researcher]:
        """The researcher for each author name of one paper, creating new ones as needed."""
        blocks = [block_key(n) for n in names]
        counts = Counter(blocks)
        crowded = self.crowded(counts)
        chosen: list[Researcher] = []
        used: set[str] = set()
        for name, own in zip(names, blocks, strict=True):
            others = _coauthor_evidence(counts, own, team_work)
            ranked = self._evidenced(name, own, others, topics, teams, used, crowded)
            if ranked:
                match = ranked[0]
                key = name_key(name)
                if _linked(match, key, others, teams):  # merges only add to it: stays linked
                    for other in ranked[1:]:
                        if _linked(other, key, others, teams):
                            self._merge_if_same_person(other, into=match, block=own)
            else:
                match = self._create(name, own)
            self._add_variant(self._blocks[own], match, name)
            chosen.append(match)
            used.add(match.id)
        present = set(counts)
        # Two records on one paper with a block among their names (a namesake, or a name an
        # admin merged into one of them) are two people: never merged later.
        peers = Counter(b for researcher in chosen for b in researcher.alias_blocks())
        for researcher, own in zip(chosen, blocks, strict=True):
            if any(peers[b] > 1 for b in researcher.alias_blocks()):
                researcher.block_peer = True
            # Personal co-authors only: at most the team threshold of them.
            coauthors = set() if team_work else present if counts[own] > 1 else present - {own}
            self._blocks[own].grow(researcher, coauthors=coauthors, topics=topics, teams=teams)
            self.touched[researcher.id] = researcher
        return chosen

    def crowded(self, blocks: Iterable[str]) -> set[str]:
        """Of these blocks (a paper's, all held here), those holding `CROWDED_BLOCK` researchers
        or more before the paper is resolved."""
        return {b for b in blocks if len(self._blocks.get(b, ())) >= CROWDED_BLOCK}

    def _add_variant(self, block: Block, researcher: Researcher, name: str) -> None:
        before = researcher.name
        block.add_alias(researcher, name)
        if researcher.name != before:
            self.names.change(before, -1)
            self.names.change(researcher.name, 1)

    def _evidenced(
        self,
        name: str,
        own: str,
        others: set[str],
        topics: set[str],
        teams: set[str],
        used: set[str],
        crowded: set[str],
    ) -> list[Researcher]:
        """Compatible candidates with evidence, best first (`others`: the paper's co-author
        blocks that count, `_coauthor_evidence`; `crowded`: those of them that are evidence
        only beside a second, `crowded`).

        A block of a common name holds many records, most without evidence: a large block
        offers only the members that share something with the paper (`Block.candidates`),
        evidence is tested first (set tests that allocate nothing), compatibility of the names
        next (once per distinct display name), the scores last."""
        block = self._blocks.get(own)
        if block is None:
            return []
        parsed = parse_name(name)
        key = name_key(parsed)
        initials = initials_only(parsed)
        blocks_needed = INITIALS_COAUTHOR_BLOCKS if initials else 1
        topics_tell = bool(topics) and self._topics_tell(parsed)
        rare = self.name_rarity and self._rare(parsed)
        compatible: dict[str, bool] = {}
        scored = []
        for cand in block.candidates(
            others, teams, topics if topics_tell else (), key if rare else None
        ):
            if cand.id in used:
                continue
            team_in_common = not cand.teams.isdisjoint(teams)
            if not (
                _shares(cand.coauthor_blocks, others, blocks_needed, crowded)
                or team_in_common
                or (
                    topics_tell
                    and not cand.topics.isdisjoint(topics)
                    and not _roster_topic_refused(cand, teams, team_in_common, initials)
                )
                or (rare and cand.has_alias_key(key))
            ):
                continue
            ok = compatible.get(cand.name)
            if ok is None:
                ok = compatible[cand.name] = given_compatible(parsed, cand.parsed)
            if not ok:
                continue
            score = (
                -len(cand.coauthor_blocks & others),
                -len(cand.teams & teams),
                -int(cand.has_alias_key(key)),
                -len(cand.topics & topics),
                cand.id,
            )
            scored.append((score, cand))
        return [cand for _, cand in sorted(scored, key=lambda pair: pair[0])]

    def _rare(self, parsed: ParsedName) -> bool:
        expected = self._expected(parsed)
        return expected is not None and expected < RARE_EXPECTED

    def _topics_tell(self, parsed: ParsedName) -> bool:
        """Whether a topic in common is evidence for this name (not for a common one)."""
        if not self.name_rarity:
            return True
        expected = self._expected(parsed)
        return expected is None or expected < COMMON_EXPECTED

    def _expected(self, parsed: ParsedName) -> float | None:
        """Expected researchers with this full name (None when the graph can't tell)."""
        expected = self.names.expected(parsed)
        if expected is not None and len(parsed.given) > 1:  # a middle name or initial too
            expected /= MIDDLE_FACTOR
        return expected

    def _merge_if_same_person(self, other: Researcher, *, into: Researcher, block: str) -> None:
        if not given_compatible(other.parsed, into.parsed):
            return
        if other.block_peer or into.block_peer or not (other.one_name() and into.one_name()):
            return
        if block in other.coauthor_blocks or block in into.coauthor_blocks:
            return
        owner, into_owner = self.owners.get(other.id), self.owners.get(into.id)
        if owner and into_owner and owner != into_owner:
            return  # two accounts own them: two people
        if owner:
            self.owners[into.id] = owner
        self._aliases_before[other.id] = sorted(into.aliases)
        self.names.change(other.name, -1)
        members = self._blocks[block]
        for alias in other.aliases:
            self._add_variant(members, into, alias)
        members.grow(into, coauthors=other.coauthor_blocks, topics=other.topics, teams=other.teams)
        if members.remove(other):
            self._cached -= 1
        self.merges[other.id] = into.id
        self.touched[into.id] = into

    def changed(self) -> list[Researcher]:
        """Researchers touched by this batch whose stored names or flags changed (or are new)."""
        return [r for r in self.touched.values() if self._stored.get(r.id) != r.row_state()]

    def end_batch(self) -> None:
        """Forget what the last batch touched, created and merged; keep the cache bounded."""
        for r in self.touched.values():
            self._stored[r.id] = r.row_state()
        for old in self.merges:
            self._stored.pop(old, None)
        self.touched.clear()
        self.created.clear()
        self.merges.clear()
        self._aliases_before.clear()
        self.names.pending.clear()
        if self.max_cached is None:
            return
        while self._cached > self.max_cached and self._blocks:
            _, block = self._blocks.popitem(last=False)
            self._cached -= len(block)
            for rid in block.members:
                self._stored.pop(rid, None)
        if len(self.names.counts) > 4 * self.max_cached:
            self.names.counts.clear()

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
        base, n = slug(name), 1
        while (rid := new_id(base, n)) in self._taken:
            n += 1
        if not (self.all_ids_known or rid in self._checked):
            raise AssertionError(f"id {rid!r} was not checked against the graph")
        self._taken.add(rid)
        self.created.add(rid)
        researcher = Researcher(id=rid, name=name, aliases=set())
        self.names.change(name, 1)
        self._block(block).add(researcher)
        self._cached += 1
        return researcher


def new_id(base: str, n: int) -> str:
    """The n-th id a new record whose name slugs to `base` may take: `base`, `base-2`, ..."""
    return base if n == 1 else f"{base}-{n}"


def _linked(researcher: Researcher, key: str, coauthors: set[str], teams: set[str]) -> bool:
    """What a merge needs of a researcher: this exact name (`key`) among its variants, and a
    co-author block that counts (`_coauthor_evidence`) or a team in common with the paper."""
    return researcher.has_alias_key(key) and not (
        researcher.coauthor_blocks.isdisjoint(coauthors) and researcher.teams.isdisjoint(teams)
    )


def _roster_topic_refused(
    researcher: Researcher, teams: set[str], team_in_common: bool, initials: bool
) -> bool:
    """Whether, on a paper that names `teams`, a topic in common is no evidence for this
    researcher: a member of other teams only (an LHCb roster's "A. Rossi" is not the ATLAS "A.
    Rossi" because both write hep-ex), or, for a name printed with `initials` only, a researcher
    of no team whose display name spells a given name out (nor "Angelo Rossi"). On the
    realistic corpus at 1,000,000 works: pairwise F1 0.818 -> 0.879, B-cubed F1 0.886 -> 0.892
    (bench/RESULTS.md, "Identity: a roster's names and other people's topics")."""
    if not teams or team_in_common:
        return False
    return bool(researcher.teams) or (initials and not initials_only(researcher.parsed))


def _shares(blocks: set[str], others: set[str], needed: int, crowded: set[str]) -> bool:
    """Whether `blocks` holds at least `needed` of `others`, two where the one held is
    `crowded` (set tests first: most hold none)."""
    if blocks.isdisjoint(others):
        return False
    if needed == 1 and not crowded:
        return True
    shared = blocks & others
    return len(shared) >= max(needed, 2) or (needed == 1 and not shared <= crowded)


def _coauthor_evidence(paper_blocks: Counter[str], own: str, team_work: bool) -> set[str]:
    """The blocks of a paper that are co-author evidence for a name of block `own`: none on a
    team work; else the other authors' blocks, and `own` too only when a namesake signed."""
    if team_work:
        return set()
    return paper_blocks.keys() - {own} if paper_blocks[own] < 2 else set(paper_blocks)

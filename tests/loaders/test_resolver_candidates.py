"""The resolver's rules in memory: its candidate scan against the plain statement of the
rule, name rarity, and when records merge.

`Resolver._evidenced` looks for evidence before it compares names and compares each distinct
display name once; what it returns must be what the rule says, candidate by candidate:
compatible given names, evidence (on a personal work, a co-author block other than the name's
own unless a namesake signed, two for a name of initials only or where the one shared is a
block of `CROWDED_BLOCK` researchers or more; a team; a topic, unless the name is common, or
the paper names teams and the candidate belongs only to others or (for a name of initials) to no
team and spells a given name out; or an exact and rare name), ranked by co-author blocks, teams,
exact name, topics, then id.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from graphsvc.names import (
    ParsedName,
    block_key,
    given_compatible,
    initials_only,
    name_key,
    parse_name,
)
from loaders.candidates import Block
from loaders.identity import CROWDED_BLOCK, Researcher, Resolver, _coauthor_evidence

NAMES = [
    "Wei Wang", "W. Wang", "Wei J. Wang", "Wei-Jun Wang", "Wen Wang", "W. J. Wang",
    "Wei Wang Jr.", "Maria Garcia", "M. Garcia", "Maria L. Garcia", "Marta Garcia",
]  # fmt: skip
BLOCKS = [*sorted({block_key(n) for n in NAMES}), "li|j", "xu|z", "smith|a"]
TOPICS = ["hep-ph", "hep-th", "cs.LG", "math.AP", "astro-ph.GA"]
TEAMS = ["atlas", "cms", "ligo"]


class RarityByName(Resolver):
    """A resolver whose name rarity and commonness are fixed properties of the name (no name
    counts needed)."""

    def _rare(self, parsed: ParsedName) -> bool:
        return len(parsed.given) % 2 == 1

    def _topics_tell(self, parsed: ParsedName) -> bool:
        return parsed.family != "Wang"


def plain_rule(
    resolver: Resolver, name: str, paper: Counter[str], team_work: bool, topics: set[str],
    teams: set[str], used: set[str],
) -> list[str]:  # fmt: skip
    parsed, own = parse_name(name), block_key(name)
    scored = []
    for cand in resolver._blocks[own].members.values() if own in resolver._blocks else []:
        if cand.id in used or not given_compatible(parsed, parse_name(cand.name)):
            continue
        shared = set() if team_work else {b for b in paper if b in cand.coauthor_blocks}
        if paper[own] < 2:
            shared.discard(own)
        exact = name_key(name) in {name_key(a) for a in cand.aliases}
        n_teams, n_topics = len(cand.teams & teams), len(cand.topics & topics)
        crowded = {b for b in shared if len(resolver._blocks[b].members) >= CROWDED_BLOCK}
        uncrowded_one = not initials_only(parsed) and len(shared - crowded) >= 1
        by_coauthors = len(shared) >= 2 or uncrowded_one
        roster_refused = (
            bool(teams)
            and not n_teams
            and (
                bool(cand.teams)
                or (initials_only(parsed) and not initials_only(parse_name(cand.name)))
            )
        )
        by_topics = n_topics > 0 and resolver._topics_tell(parsed) and not roster_refused
        if by_coauthors or n_teams or by_topics or (exact and resolver._rare(parsed)):
            scored.append(((-len(shared), -n_teams, -int(exact), -n_topics, cand.id), cand.id))
    return [rid for _, rid in sorted(scored)]


@pytest.mark.parametrize("indexed_from", [1, 8, 10_000])
def test_candidate_scan_returns_what_the_plain_rule_says(indexed_from: int) -> None:
    """Whole blocks read (10,000), every block indexed (1), and both (8)."""
    rng = random.Random(11)
    checked = nonempty = crowded_seen = rival_seen = 0
    for _ in range(40):
        resolver = RarityByName(all_ids_known=True, indexed_from=indexed_from)
        people = []
        for i in range(rng.randint(5, 40)):
            name = rng.choice(NAMES)
            person = Researcher(
                id=f"r{i:03d}",
                name=name,
                aliases={name, *rng.sample(NAMES, rng.randint(0, 2))},
                coauthor_blocks=set(rng.sample(BLOCKS, rng.randint(0, 3))),
                topics=set(rng.sample(TOPICS, rng.randint(0, 2))),
                teams=set(rng.sample(TEAMS, rng.randint(0, 1))),
            )
            people.append(person)
        resolver.add_loaded(BLOCKS, people)
        for _ in range(60):
            names = rng.sample(NAMES, rng.randint(1, 4)) + rng.sample(["J. Li", "Zhi Xu"], 1)
            paper = Counter(block_key(n) for n in names)
            topics = set(rng.sample(TOPICS, rng.randint(0, 2)))
            teams = set(rng.sample(TEAMS, rng.randint(0, 1)))
            used = {p.id for p in rng.sample(people, rng.randint(0, 2))}
            team_work = rng.random() < 0.2
            crowded = resolver.crowded(paper)  # once per paper, as `resolve` does
            for name in names:
                own = block_key(name)
                others = _coauthor_evidence(paper, own, team_work)
                crowded_seen += bool(crowded & others)
                rival_seen += any(
                    p.teams and p.teams.isdisjoint(teams) and p.topics & topics
                    for p in resolver._blocks[own].members.values()
                ) and bool(teams)
                got = [
                    r.id
                    for r in resolver._evidenced(name, own, others, topics, teams, used, crowded)
                ]
                assert got == plain_rule(resolver, name, paper, team_work, topics, teams, used)
                checked += 1
                nonempty += bool(got)
    assert checked > 5_000 and 0.2 * checked < nonempty < 0.95 * checked
    assert 0.1 * checked < crowded_seen < 0.9 * checked
    assert 0.05 * checked < rival_seen  # another team's member with a topic of the paper


def rebuilt(block: Block) -> Block:
    """The block its members would make from scratch, indexed."""
    fresh = Block(indexed_from=1)
    for member in block.members.values():
        fresh.add(member)
    return fresh


def index_of(block: Block) -> tuple[object, ...]:
    return (block._coauthors, block._teams, block._topics, block._keys)


def test_indexed_blocks_resolve_as_whole_blocks_do() -> None:
    """Papers resolved (records created, grown, merged) by a resolver that indexes every block
    and by one that reads whole blocks: the same choices and merges, and after every paper each
    index equal to one rebuilt from the block's members."""
    rng = random.Random(5)
    pool = [*NAMES, "Ann Lee", "A. Lee", "Bo Chen", "B. Chen", "Cy Diaz", "Eve Fox"]
    merges = 0
    for _ in range(30):
        indexed = Resolver(all_ids_known=True, indexed_from=1)
        whole = Resolver(all_ids_known=True, indexed_from=10_000)
        for resolver in (indexed, whole):
            resolver.names.load(["all"], [{"key": "all", "n": 0}])
            resolver.add_loaded({block_key(n) for n in pool}, [])
        for _ in range(80):
            names = rng.sample(pool, rng.randint(1, 5))
            topics = set(rng.sample(TOPICS, rng.randint(0, 2)))
            teams = set(rng.sample(TEAMS, rng.randint(0, 1)))
            team_work = rng.random() < 0.15
            got = [r.id for r in indexed.resolve(names, topics, teams, team_work)]
            assert got == [r.id for r in whole.resolve(names, topics, teams, team_work)]
            assert indexed.merges == whole.merges
            merges += len(indexed.merges)
            for block in indexed._blocks.values():
                assert block.indexed or not block.members
                assert index_of(block) == index_of(rebuilt(block))
            indexed.end_batch()
            whole.end_batch()
    assert merges > 10


def resolver_with_counts(counts: dict[str, int]) -> Resolver:
    """A resolver whose graph holds these name counts and nobody of the names' blocks."""
    resolver = Resolver(all_ids_known=True)
    resolver.names.load(counts, [{"key": k, "n": n} for k, n in counts.items()])
    return resolver


def test_a_rare_full_name_is_its_own_evidence_and_a_common_one_is_not() -> None:
    """Expected people with a name: family count x first-given count / researchers; rare below
    RARE_EXPECTED (a matching middle name or initial divides it by MIDDLE_FACTOR)."""
    counts = {"all": 100_000, "f|xu": 400, "g|zhiqin": 2, "f|wang": 3_000, "g|wei": 2_500}
    resolver = resolver_with_counts(counts)
    assert resolver.names.expected(parse_name("Zhi-Qin Xu")) == 400 * 2 / 100_000
    assert resolver._rare(parse_name("Zhi-Qin Xu"))  # 0.008
    assert resolver._rare(parse_name("Zhi-Qin John Xu"))  # 0.0008
    assert not resolver._rare(parse_name("Wei Wang"))  # 75 people expected
    assert not resolver._rare(parse_name("Wei J. Wang"))  # 7.5
    assert not resolver_with_counts({**counts, "g|zhiqin": 3})._rare(parse_name("Zhi-Qin Xu"))
    few = resolver_with_counts({**counts, "all": 1_999})
    assert few.names.expected(parse_name("Zhi-Qin Xu")) is None  # too few to tell
    assert not few._rare(parse_name("Zhi-Qin Xu"))


def test_two_papers_of_a_rare_name_join_and_of_a_common_name_stay_apart() -> None:
    """No co-author, team or topic in common: a rare name tells (unless name rarity is off), a
    common one does not."""
    counts = {"all": 100_000, "f|xu": 400, "g|zhiqin": 2, "f|wang": 3_000, "g|wei": 2_500}
    papers = [
        (["Zhi-Qin John Xu", "Ann Lee"], {"cs.LG"}),
        (["Zhi-Qin John Xu", "Bo Chen"], {"math.AP"}),
        (["Wei Wang", "Cy Diaz"], {"cs.LG"}),
        (["Wei Wang", "Eve Fox"], {"math.AP"}),
    ]
    for rarity, xu_records in ((True, 1), (False, 2)):
        resolver = Resolver(all_ids_known=True, name_rarity=rarity)
        resolver.names.load(counts, [{"key": k, "n": n} for k, n in counts.items()])
        resolver.add_loaded({block_key(n) for names, _ in papers for n in names}, [])
        first = [resolver.resolve(names, topics, set(), False)[0] for names, topics in papers]
        assert len({r.id for r in first[:2]}) == xu_records
        assert len({r.id for r in first[2:]}) == 2


def test_a_topic_tells_apart_the_people_of_an_uncommon_name_but_not_of_a_common_one() -> None:
    """With `COMMON_EXPECTED` or more researchers expected to carry a name, a topic in common
    is no evidence; below that it is (and where the graph can't tell, or name statistics are
    off)."""
    counts = {"all": 100_000, "f|xu": 400, "g|zhiqin": 60, "f|wang": 3_000, "g|wei": 2_500}
    resolver = resolver_with_counts(counts)
    assert resolver._topics_tell(parse_name("Zhi-Qin Xu"))  # 0.24 expected: not rare either
    assert not resolver._topics_tell(parse_name("Wei Wang"))  # 75
    assert not resolver._topics_tell(parse_name("Wei J. Wang"))  # 7.5
    assert resolver._topics_tell(parse_name("W. Wang"))  # initials: the graph can't tell
    assert resolver_with_counts({**counts, "all": 1_999})._topics_tell(parse_name("Wei Wang"))
    resolver.name_rarity = False  # name statistics off: no name is rare or common
    assert resolver._topics_tell(parse_name("Wei Wang"))
    for name, records in (("Zhi-Qin Xu", 1), ("Wei Wang", 2)):
        resolver = resolver_with_counts(counts)
        resolver.add_loaded([block_key(name), block_key("Ann Lee"), block_key("Bo Chen")], [])
        first = resolver.resolve([name, "Ann Lee"], {"cs.LG"}, set(), False)[0]
        second = resolver.resolve([name, "Bo Chen"], {"cs.LG"}, set(), False)[0]
        assert len({first.id, second.id}) == records, name


def test_a_name_of_initials_needs_two_co_author_blocks_in_common() -> None:
    """A "J. Garcia" beside one co-author of a record's is no evidence (every J. Garcia of that
    co-author's block could print it); beside two it is. A spelled-out name needs one."""
    for name, coauthors, records in (
        ("J. Garcia", ["Ann Lee"], 2),
        ("J. Garcia", ["Ann Lee", "Bo Chen"], 1),
        ("Juan Garcia", ["Ann Lee"], 1),
    ):
        resolver = Resolver(all_ids_known=True, name_rarity=False)
        resolver.add_loaded({block_key(n) for n in [name, "Ann Lee", "Bo Chen", "Cy Diaz"]}, [])
        first = resolver.resolve([name, "Ann Lee", "Bo Chen"], set(), set(), False)[0]
        second = resolver.resolve([name, *coauthors, "Cy Diaz"], set(), set(), False)[0]
        assert len({first.id, second.id}) == records, (name, coauthors)


def test_records_merge_only_when_a_paper_links_two_that_print_its_name() -> None:
    """A topic in common links no one; a co-author links two records of the printed name; a
    name only compatible with a record's ("W. Wang", "Wei J. Wang") is not merged into it."""
    resolver = Resolver(all_ids_known=True)
    papers = [
        (["Zhi-Qin John Xu", "Ann Lee"], {"cs.LG"}),
        (["Zhi-Qin John Xu", "Bo Chen"], {"math.AP"}),
        (["Zhi-Qin John Xu", "Cy Diaz"], {"cs.LG", "math.AP"}),  # topics: both
        (["Wei J. Wang", "Eve Fox"], set()),
        (["W. Wang", "Gil Ho"], set()),
        (["W. Wang", "Eve Fox", "Gil Ho"], set()),  # co-authors of both, one prints "W. Wang"
        (["Zhi-Qin John Xu", "Ann Lee", "Bo Chen"], set()),  # co-authors of both Xu records
    ]
    resolver.add_loaded({block_key(n) for names, _ in papers for n in names}, [])
    merged = []
    for names, topics in papers:
        resolver.resolve(names, topics, set(), False)
        merged.append(dict(resolver.merges))
    assert merged[2] == merged[5] == {}
    assert merged[6] == {"zhi-qin-john-xu-2": "zhi-qin-john-xu"}


def test_a_team_works_roster_is_no_co_author_evidence() -> None:
    """On a team work the other authors' blocks link no one (a roster of thousands would match
    someone of almost every common name); a team in common does."""
    roster = ["Wei Wang", "Ann Lee", "Bo Chen", "Cy Diaz", "Eve Fox"]
    resolver = Resolver(all_ids_known=True, name_rarity=False)
    resolver.add_loaded({block_key(n) for n in roster}, [])
    personal = resolver.resolve(["Wei Wang", "Ann Lee"], set(), set(), False)[0]
    assert resolver.resolve(["Wei Wang", "Ann Lee"], set(), set(), False)[0] is personal
    unnamed = resolver.resolve(roster, set(), set(), True)[0]  # many authors, no team named
    named = resolver.resolve(roster, set(), {"atlas"}, True)[0]
    assert len({personal.id, unnamed.id, named.id}) == 3
    assert resolver.resolve(roster, set(), {"atlas"}, True)[0] is named


def test_a_topic_does_not_join_a_roster_name_to_another_teams_member() -> None:
    """A "G. Rossi" of an LHCb roster is not the ATLAS "G. Rossi" for writing hep-ex too, nor
    "Giuseppe Rossi" (no team); a "G. Rossi" of no team is joined by the topic, a member of the
    team named by the team, and a name printed in full by a topic as on a personal work."""
    roster = ["G. Rossi", "Ann Lee", "Bo Chen"]
    personal = Researcher(id="g-rossi-0", name="G. Rossi", aliases={"G. Rossi"})
    personal.topics.add("astro-ph.HE")
    spelled = Researcher(id="giuseppe-rossi", name="Giuseppe Rossi", aliases={"Giuseppe Rossi"})
    spelled.topics.add("gr-qc")
    resolver = Resolver(all_ids_known=True, name_rarity=False)
    resolver.add_loaded({block_key(n) for n in roster}, [personal, spelled])
    atlas = resolver.resolve(roster, {"hep-ex"}, {"atlas"}, True)[0]
    lhcb = resolver.resolve(roster, {"hep-ex"}, {"lhcb"}, True)[0]
    assert lhcb is not atlas
    assert resolver.resolve(roster, {"hep-ex"}, {"atlas"}, True)[0] is atlas
    assert resolver.resolve(roster, {"hep-ex"}, {"lhcb"}, True)[0] is lhcb
    assert resolver.resolve(roster, {"astro-ph.HE"}, {"fermi-lat"}, True)[0] is personal
    ligo = resolver.resolve(roster, {"gr-qc"}, {"ligo"}, True)[0]
    assert ligo is not spelled and ligo.id.startswith("g-rossi")
    in_full = ["Giuseppe Rossi", "Ann Lee", "Bo Chen"]
    assert resolver.resolve(in_full, {"gr-qc"}, {"virgo"}, True)[0] is spelled


def test_records_on_one_paper_under_a_name_an_admin_merged_are_never_merged() -> None:
    """A record an admin gave a second name ("Olga Wang" and "Lars Smith") signs a paper beside
    a new "Lars Smith": two people, whatever names they printed (a later split leaves that paper
    with the first record, and no later paper may merge the two)."""
    resolver = Resolver(all_ids_known=True, name_rarity=False)
    admin_merged = Researcher(
        id="olga-wang", name="Olga Wang", aliases={"Olga Wang", "Lars Smith"}, topics={"hep-ex"}
    )
    resolver.add_loaded([block_key("Olga Wang"), block_key("Lars Smith")], [admin_merged])
    lars, olga = resolver.resolve(["Lars Smith", "Olga Wang"], {"hep-ex"}, set(), True)
    assert olga is admin_merged and lars.id == "lars-smith"
    assert lars.block_peer and olga.block_peer

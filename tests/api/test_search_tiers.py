"""Researcher search in tiers of name words (graphsvc/services/researcher_search.py): the
tiers, and their answers against the oracle's full ranking on both backends, for every page size
from one researcher up."""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.names import fold
from graphsvc.services.researcher_search import LAST_RANK, ranked, search_params, tiers
from tests.helpers import CountingBackend
from tests.oracles import researchers as oracles
from tests.oracles.facts import Facts, facts

LIMITS = (1, 2, 5, 20)


def test_tiers_rank_whole_words_then_word_starts_then_all() -> None:
    words = ["ali", "li", "lin", "xiao-li", "li-na"]
    assert tiers(words, "li") == [
        (["li", "li-na", "xiao-li"], 1),
        (["li", "li-na", "lin", "xiao-li"], 2),
        (["ali", "li", "li-na", "lin", "xiao-li"], LAST_RANK),
    ]
    assert tiers(["hanxu", "xuan"], "xu") == [(["xuan"], 2), (["hanxu", "xuan"], LAST_RANK)]
    assert tiers(["hanxu"], "xu") == [(["hanxu"], LAST_RANK)]
    assert tiers(["garcia", "garcia-lopez"], "garcia") == [(["garcia", "garcia-lopez"], LAST_RANK)]
    assert tiers([], "zhaoqiang") == []


def test_a_hyphenated_word_or_the_separator_ranks_all_at_once() -> None:
    """A researcher named "Zhi-Qinx", also known as "Zhi Qin", is found by "zhi-qin" and ranks
    1 (the alias holds its words), yet no name word of theirs has "zhi-qin" as a part: no tier
    of words could hold every such researcher."""
    assert tiers(["zhi-qin", "zhi-qinx"], "zhi-qin") == [(["zhi-qin", "zhi-qinx"], LAST_RANK)]
    assert tiers(["a|b"], "|") == [(["a|b"], LAST_RANK)]


@pytest.fixture
def corpus_facts(corpus_backend: GraphBackend) -> Facts:
    return facts(corpus_backend)


def queries(f: Facts, n: int = 30) -> list[str]:
    """For `n` researchers drawn at random: the family name, its first one and two letters,
    the first initial with its dot, the full name and the name reversed."""
    out = ["li", "wang", "a.", "m", "an", "zhang wei", "garcia-", "-", "|"]
    for r in random.Random(7).sample(sorted(f.researchers.values(), key=lambda r: r["id"]), n):
        parts = fold(r["name"]).split()
        out += [parts[-1], parts[-1][:1], parts[-1][:2], parts[0][:1] + ".", " ".join(parts)]
        out.append(" ".join(reversed(parts)))
    return out


def test_tiers_answer_as_the_full_ranking(
    corpus_backend: GraphBackend, corpus_facts: Facts
) -> None:
    stopped_early = ran_all = 0
    for q in queries(corpus_facts, 15):
        if not fold(q).split():
            continue
        for limit in LIMITS:
            reader = CountingBackend(corpus_backend)
            rows = ranked(reader, fold(q), limit, open_only=False)
            got = [{k: r[k] for k in ("id", "name", "works_count")} for r in rows]
            expected = [
                {k: r[k] for k in ("id", "name", "works_count")}
                for r in oracles.search(corpus_facts, q, limit=limit)
            ]
            assert got == expected, (q, limit)
            longest = search_params(fold(q), limit, open_only=False)["words"][0]
            found = corpus_backend.read("researcher_search_words", part=longest)[0]["words"]
            steps = len(tiers(found, longest))
            ranked_in = reader.calls["researcher_search"]
            stopped_early += ranked_in < steps
            ran_all += steps > 1 and ranked_in == steps
    # both ways out of the tiers were taken, many times (172 and 36 of the 396 searches)
    assert stopped_early > 100 and ran_all > 20, (stopped_early, ran_all)


def test_search_pages_equal_the_oracle(corpus_client: TestClient, corpus_facts: Facts) -> None:
    for q in queries(corpus_facts, 10):
        for limit in LIMITS:
            response = corpus_client.get("/v1/researchers", params={"q": q, "limit": limit})
            assert response.status_code == 200, (q, response.text)
            assert response.json()["items"] == oracles.search(corpus_facts, q, limit=limit), q

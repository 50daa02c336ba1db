"""The hand-collected seed list: only confirmed facts become records."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from loaders.records import PaperRecord
from loaders.seed import CUT_OFF, read_seed
from loaders.source import SourceItem

SEED = Path(__file__).parents[2] / "loaders" / "data" / "demo" / "papers-seen.json"


@pytest.fixture(scope="module")
def items() -> list[SourceItem]:
    return list(read_seed(SEED))


def by_id(items: list[SourceItem]) -> dict[str, PaperRecord]:
    return {i.record.arxiv_id: i.record for i in items if i.record}


def test_counts(items: list[SourceItem]) -> None:
    assert len(items) == 11
    assert [i.position for i in items] == list(range(1, 12))
    assert Counter(i.skip.reason for i in items if i.skip) == {"authors-not-seen": 2}
    skipped = {i.position: i.skip.detail for i in items if i.skip}
    assert skipped == {2: "id=2201.02025", 10: "id=2007.14581"}  # null / partial authors


def test_full_record(items: list[SourceItem]) -> None:
    r = by_id(items)["2605.01199"]
    assert [a.name for a in r.authors] == [
        "Zheng-An Chen",
        "Pengxiao Lin",
        "Zhi-Qin John Xu",
        "Tao Luo",
    ]
    assert r.authors_ordered and r.primary_known
    assert r.primary_category == "cs.LG" and r.categories == ("cs.LG",)
    assert r.comment == "ICML 2026 spotlight"
    assert (r.version, r.published, r.updated) == (1, None, None)
    assert r.abstract.startswith("Transformer-based models have achieved remarkable success")


def test_primary_first_and_weinan_e(items: list[SourceItem]) -> None:
    r = by_id(items)["2201.03549"]
    assert r.categories == ("physics.chem-ph",)
    assert "Weinan E" in [a.name for a in r.authors]
    assert by_id(items)["1905.07777"].categories == ("cs.LG", "cs.AI", "stat.ML")


def test_unordered_authors(items: list[SourceItem]) -> None:
    r = by_id(items)["2101.00747"]
    assert not r.authors_ordered
    assert [a.name for a in r.authors] == ["Yuheng Ma", "Zhi-Qin John Xu", "Jiwei Zhang"]
    assert r.categories == () and not r.primary_known and r.primary_category is None


def test_unconfirmed_primary(items: list[SourceItem]) -> None:
    r = by_id(items)["2107.03673"]
    assert not r.primary_known
    assert r.primary_category is None
    assert r.categories == ("math.NA", "cs.LG", "cs.NA")
    assert r.authors_ordered


def test_no_comment_is_none(items: list[SourceItem]) -> None:
    assert by_id(items)["2105.14573"].comment is None


def test_abstracts_as_seen_and_the_cut_off_one_marked(items: list[SourceItem]) -> None:
    """Each record carries the abstract seen on the reference profile page; the one cut off
    there (2105.14573 ends "... can be anticipated in the near") says so."""
    seen = {e["arxiv_id"]: e["abstract_seen"] for e in json.loads(SEED.read_text("utf-8"))}
    records = by_id(items)
    assert len(records) == 9
    for arxiv_id, record in records.items():
        text = " ".join(seen[arxiv_id].split())
        if arxiv_id == "2105.14573":
            assert text.endswith("can be anticipated in the near")
            assert record.abstract == text + CUT_OFF
        else:
            assert record.abstract == text, arxiv_id
    assert "$10^5$" in seen["2201.02025"]  # skipped (authors not seen), abstract or not


def test_abstract_variants(tmp_path: Path) -> None:
    base: dict[str, Any] = {"title": "T", "arxiv_id": "2101.00001", "authors": ["A. B"]}
    abstracts: list[Any] = [
        None,
        42,
        "   ",
        "Ends  with\n a stop.",
        "Ends with a question?",
        "Ends with a formula $x^2$.",
        "Quoted ending (see above).",
        "Ends in the middle of a",
        "Ends on a formula $x^2$",
    ]
    entries = [{**base, "abstract_seen": a} if a is not None else base for a in abstracts]
    path = tmp_path / "seen.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    got = [i.record.abstract if i.record else None for i in read_seed(path)]
    assert got == [
        "",
        "",
        "",
        "Ends with a stop.",
        "Ends with a question?",
        "Ends with a formula $x^2$.",
        "Quoted ending (see above).",
        "Ends in the middle of a" + CUT_OFF,
        "Ends on a formula $x^2$" + CUT_OFF,
    ]


def test_bad_entries(tmp_path: Path) -> None:
    base: dict[str, Any] = {"title": "T", "arxiv_id": "2101.00001", "authors": ["A. B"]}
    entries: list[Any] = [
        base,
        "not an object",
        {k: v for k, v in base.items() if k != "arxiv_id"},
        {**base, "authors": []},
        {"title": "T", "arxiv_id": "2101.00002", "authors_partial": ["A. B", "..."]},
        {**base, "title": "x" * 5000},
        {**base, "primary_category": "cs.LG", "categories_seen": ["stat.ML", "cs.LG"]},
    ]
    path = tmp_path / "seen.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    items = list(read_seed(path))
    assert [i.skip.reason if i.skip else None for i in items] == [
        None,
        "not-an-object",
        "missing-field:arxiv_id",
        "no-authors",
        "authors-not-seen",
        "invalid:title",
        None,
    ]
    last = items[-1].record
    assert last is not None and last.categories == ("cs.LG", "stat.ML") and last.primary_known


def test_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "seen.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a JSON list"):
        list(read_seed(path))

"""The JSON-lines snapshot reader, on the real 200-line sample and on broken input."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from loaders.lines import ReadLimits
from loaders.records import MAX_ABSTRACT_CHARS, MAX_AUTHORS, AuthorRecord
from loaders.snapshot import read_snapshot
from loaders.source import Skip, SourceItem

SAMPLE = Path(__file__).parents[2] / "loaders" / "data" / "demo" / "arxiv-metadata-sample-200.jsonl"


@pytest.fixture(scope="module")
def sample() -> list[SourceItem]:
    return list(read_snapshot(SAMPLE))


@pytest.fixture(scope="module")
def first_obj() -> dict[str, Any]:
    with SAMPLE.open(encoding="utf-8") as fh:
        obj: dict[str, Any] = json.loads(fh.readline())
    return obj


def write_lines(tmp_path: Path, lines: list[str], name: str = "s.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def reasons(items: list[SourceItem]) -> list[str | None]:
    return [i.skip.reason if i.skip else None for i in items]


def test_sample_parses_completely(sample: list[SourceItem]) -> None:
    assert len(sample) == 200
    assert Counter(i.skip.reason for i in sample if i.skip) == Counter()
    assert [i.position for i in sample] == list(range(1, 201))
    assert all(i.record is not None and i.skip is None for i in sample)


def test_sample_first_record(sample: list[SourceItem]) -> None:
    r = sample[0].record
    assert r is not None
    assert r.arxiv_id == "0704.0001"
    assert r.title == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert r.abstract.startswith("A fully differential calculation in perturbative quantum")
    assert "\n" not in r.abstract and r.abstract == r.abstract.strip()
    assert r.published == date(2007, 4, 2)
    assert r.updated == date(2008, 11, 26)
    assert r.version == 2
    assert r.doi == "10.1103/PhysRevD.76.013009"
    assert r.journal_ref == "Phys.Rev.D76:013009,2007"
    assert r.comment == "37 pages, 15 figures; published version"
    assert r.categories == ("hep-ph",)
    assert [a.name for a in r.authors] == [
        "C. Balázs",
        "E. L. Berger",
        "P. M. Nadolsky",
        "C.-P. Yuan",
    ]


def test_sample_names_and_affiliations(sample: list[SourceItem]) -> None:
    by_line = {i.position: i.record for i in sample}
    names = {p: [a.name for a in r.authors] for p, r in by_line.items() if r}
    assert names[62] == ["Rastislav Šrámek", "Broňa Brejová", "Tomáš Vinař"]
    assert names[49][-1] == "Mikkel Øbro"
    assert "Neal J. Evans II" in names[9]
    assert names[20][0] == "The BABAR Collaboration"
    assert "Floris van der Tak" in names[155]
    r163 = by_line[163]
    assert r163 is not None
    assert r163.authors[1] == AuthorRecord(
        name="Franz Gähler",
        affiliations=("Institut für Theoretische und Angewandte Physik, Universität Stuttgart",),
    )
    assert all(a.name for r in by_line.values() if r for a in r.authors)


def test_sample_categories_primary_first(sample: list[SourceItem]) -> None:
    multi = [i.record for i in sample if i.record and len(i.record.categories) > 1]
    assert multi
    for r in multi:
        assert len(set(r.categories)) == len(r.categories)


def test_bad_lines(tmp_path: Path, first_obj: dict[str, Any]) -> None:
    good = json.dumps(first_obj)
    no_id = {k: v for k, v in first_obj.items() if k != "id"}
    no_title = {k: v for k, v in first_obj.items() if k != "title"}
    empty_authors = {**first_obj, "authors": "", "authors_parsed": []}
    big_title = {**first_obj, "title": "x" * 1_000_000}
    path = write_lines(
        tmp_path,
        [
            good,
            good[: len(good) // 2],  # truncated
            "this is not json",
            json.dumps([first_obj]),
            "",
            json.dumps(no_id),
            json.dumps(no_title),
            json.dumps(empty_authors),
            json.dumps(big_title),
            "   ",
            good,
        ],
    )
    items = list(read_snapshot(path))
    assert [i.position for i in items] == [1, 2, 3, 4, 6, 7, 8, 9, 11]
    assert reasons(items) == [
        None,
        "bad-json",
        "bad-json",
        "not-an-object",
        "missing-field:id",
        "missing-field:title",
        "no-authors",
        "invalid:title",
        None,
    ]
    big = items[7].skip
    assert big is not None
    assert big.where == "s.jsonl:9"
    assert "0704.0001" in big.detail and len(big.detail) <= 300


def test_invalid_utf8_is_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "bin.jsonl"
    path.write_bytes(b'{"id": "\xff\xfe"}\n')
    assert reasons(list(read_snapshot(path))) == ["bad-json"]


def test_authors_string_fallback(tmp_path: Path) -> None:
    with SAMPLE.open(encoding="utf-8") as fh:
        lines = fh.readlines()
    obj = json.loads(lines[176])  # line 177: "(1)" affiliation notes and an Oxford comma
    del obj["authors_parsed"]
    path = write_lines(tmp_path, [json.dumps(obj)])
    [item] = read_snapshot(path)
    assert item.record is not None
    names = [a.name for a in item.record.authors]
    assert names[:3] == ["A. Greilich", "M. Wiemann", "F. G. G. Hernandez"]
    assert names[-1] == "M. Bayer"
    assert len(names) == 10
    assert not any("(" in n or "Universit" in n for n in names)


def test_latex_in_authors_string_fallback(tmp_path: Path, first_obj: dict[str, Any]) -> None:
    obj = {**first_obj, "authors": r"Rastislav \v{S}r\'amek and Mikkel {\O}bro"}
    del obj["authors_parsed"]
    [item] = read_snapshot(write_lines(tmp_path, [json.dumps(obj)]))
    assert item.record is not None
    assert [a.name for a in item.record.authors] == ["Rastislav Šrámek", "Mikkel Øbro"]


def test_long_abstract_is_truncated(tmp_path: Path, first_obj: dict[str, Any]) -> None:
    obj = {**first_obj, "abstract": "word " * MAX_ABSTRACT_CHARS}
    [item] = read_snapshot(write_lines(tmp_path, [json.dumps(obj)]))
    assert item.record is not None
    assert len(item.record.abstract) == MAX_ABSTRACT_CHARS
    assert item.record.abstract.endswith("…")


def test_field_normalisation(tmp_path: Path, first_obj: dict[str, Any]) -> None:
    obj = {
        **first_obj,
        "id": "hep-th/9901001v2",
        "categories": "math.AG hep-th math.AG",
        "doi": None,
        "journal-ref": "",
        "update_date": None,
        "versions": [
            {"version": "v1", "created": "Fri, 1 Jan 1999 00:00:01 GMT"},
            {"version": "v2", "created": "Tue, 2 Mar 1999 10:00:00 GMT"},
        ],
    }
    [item] = read_snapshot(write_lines(tmp_path, [json.dumps(obj)]))
    r = item.record
    assert r is not None
    assert r.arxiv_id == "hep-th/9901001"
    assert r.categories == ("math.AG", "hep-th")
    assert r.doi is None and r.journal_ref is None
    assert (r.published, r.updated, r.version) == (date(1999, 1, 1), date(1999, 3, 2), 2)


def test_gzip_input(tmp_path: Path) -> None:
    gz = tmp_path / "sample.jsonl.gz"
    gz.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    items = list(read_snapshot(gz))
    assert len(items) == 200
    assert items[0].record is not None and items[0].record.arxiv_id == "0704.0001"
    # Detected by content, not by name.
    renamed = tmp_path / "sample.jsonl"
    gz.rename(renamed)
    assert len(list(read_snapshot(renamed, limit=5))) == 5


def test_start_and_limit(sample: list[SourceItem]) -> None:
    assert [i.position for i in read_snapshot(SAMPLE, limit=3)] == [1, 2, 3]
    assert [i.position for i in read_snapshot(SAMPLE, start=195)] == [196, 197, 198, 199, 200]
    window = list(read_snapshot(SAMPLE, start=10, limit=5))
    assert [i.position for i in window] == [11, 12, 13, 14, 15]
    assert window == sample[10:15]
    assert list(read_snapshot(SAMPLE, start=200)) == []
    assert list(read_snapshot(SAMPLE, limit=0)) == []


def test_resume_from_position(tmp_path: Path, first_obj: dict[str, Any]) -> None:
    good = json.dumps(first_obj)
    path = write_lines(tmp_path, [good, "", "{broken", good])
    first = list(read_snapshot(path, limit=2))
    assert [i.position for i in first] == [1]  # the blank line is read but yields nothing
    rest = list(read_snapshot(path, start=2))
    assert [(i.position, i.skip.reason if i.skip else None) for i in rest] == [
        (3, "bad-json"),
        (4, None),
    ]


def test_a_long_line_and_a_long_run_of_blank_lines_are_counted_skips(
    tmp_path: Path, first_obj: dict[str, Any]
) -> None:
    good = json.dumps(first_obj)
    path = write_lines(tmp_path, [good, "x" * 5000, *[""] * 5000, good, "   "])
    items = list(read_snapshot(path, limits=ReadLimits(max_line_bytes=4096)))
    assert [(i.position, i.skip.reason if i.skip else None) for i in items] == [
        (1, None),
        (2, "line-too-long"),
        (5002, "blank-lines"),
        (5003, None),
    ]
    assert items[1].skip == Skip(
        "line-too-long", "s.jsonl:2", "5,000 bytes, over GRAPHSVC_MAX_LINE_BYTES (4,096)"
    )
    assert items[2].skip is not None
    assert items[2].skip.detail == "5,000 blank lines in a row (5,000 bytes) end here"
    small = ReadLimits(max_line_bytes=4096)
    assert [i.position for i in read_snapshot(path, start=2, limits=small)] == [5002, 5003]
    cut = read_snapshot(path, start=2, limit=5000, limits=small)  # the run may go on after it
    assert list(cut) == []


def test_too_many_authors_are_refused_after_one_more_than_allowed(
    tmp_path: Path, first_obj: dict[str, Any]
) -> None:
    parsed = {**first_obj, "authors_parsed": [["Lee", "A.", ""]] * 3 * MAX_AUTHORS}
    listed = {**first_obj, "authors": ", ".join(["A. Lee (MIT)"] * 3 * MAX_AUTHORS)}
    del listed["authors_parsed"]
    items = list(read_snapshot(write_lines(tmp_path, [json.dumps(parsed), json.dumps(listed)])))
    assert reasons(items) == ["invalid:authors", "invalid:authors"]
    for item in items:  # read up to one more name than a record may hold, not all 30,000
        assert item.skip is not None and f"not {MAX_AUTHORS + 1}" in item.skip.detail

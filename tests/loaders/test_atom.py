"""Tests for loaders.atom: recorded arXiv API responses and broken inputs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from loaders.atom import FeedPage, parse_feed, read_atom_files, split_versioned_id

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "arxiv-api"
ALL_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.xml"))

# name -> (entries, records, total_results, start_index)
EXPECTED = {
    "id_0000.0000_s0_m100.xml": (0, 0, 0, 0),
    "id_0808.05394_s0_m100.xml": (0, 0, 0, 0),
    "id_1605.08386_s0_m100.xml": (1, 1, 1, 0),
    "id_1707.08567_s0_m100.xml": (1, 1, 1, 0),
    "id_2104.12255v1_s0_m100.xml": (1, 1, 1, 0),
    "id_abc_s0_m100.xml": (1, 0, 1, 0),
    "id_astro-ph_0601001_s0_m100.xml": (1, 1, 1, 0),
    "id_quant-ph_0201082v1_s0_m100.xml": (1, 1, 1, 0),
    "q_testing_s0_m10.xml": (10, 10, 214881, 0),
    "q_testing_s0_m15.xml": (15, 15, 214881, 0),
    "q_testing_s10_m10.xml": (10, 10, 214881, 10),
    "q_testing_s20_m10.xml": (10, 10, 214881, 20),
    "q_testing_s30_m10.xml": (10, 10, 214881, 30),
    "q_testing_s40_m10.xml": (10, 10, 214881, 40),
    "q_testing_s50_m10.xml": (10, 10, 214881, 50),
    "q_testing_s5_m10.xml": (10, 10, 214881, 5),
    "q_testing_s5_m15.xml": (15, 15, 214881, 5),
    "q_testing_s9_m15.xml": (15, 15, 214881, 9),
}


def page(name: str) -> FeedPage:
    return parse_feed((FIXTURES / name).read_bytes(), name)


def single_entry_feed(**replace: str) -> bytes:
    """The 1605.08386 answer with regex replacements applied (pattern -> replacement)."""
    text = (FIXTURES / "id_1605.08386_s0_m100.xml").read_text("utf-8")
    for pattern, replacement in replace.items():
        text, count = re.subn(pattern, replacement.replace("\\", r"\\"), text, flags=re.S)
        assert count, pattern
    return text.encode("utf-8")


def test_fixture_table_is_complete() -> None:
    assert sorted(EXPECTED) == ALL_FIXTURES


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_fixture_parses_with_exact_counts(name: str) -> None:
    entries, records, total, start = EXPECTED[name]
    result = page(name)
    assert not result.malformed
    assert len(result.items) == entries
    assert len(result.records) == records
    assert (result.total_results, result.start_index) == (total, start)
    assert [item.position for item in result.items] == list(range(1, entries + 1))
    assert result.empty == (entries == 0)
    for record in result.records:
        assert record.authors and record.title and record.version >= 1
        assert record.categories and record.primary_known


def test_query_pages_have_distinct_versionless_ids() -> None:
    ids = [r.arxiv_id for r in page("q_testing_s0_m10.xml").records]
    assert ids[:3] == ["2202.12139", "2405.13786", "2005.14124"]
    assert len(set(ids)) == 10
    versions = [r.version for r in page("q_testing_s0_m10.xml").records]
    assert versions[:5] == [1, 1, 2, 3, 3]


def test_record_fields() -> None:
    (record,) = page("id_1605.08386_s0_m100.xml").records
    assert record.arxiv_id == "1605.08386"
    assert record.version == 1
    assert record.title == "Heat-bath random walks with Markov bases"
    assert record.published == date(2016, 5, 26)
    assert record.updated == date(2016, 5, 26)
    assert record.categories == ("math.CO", "math.ST")
    assert record.primary_category == "math.CO"
    assert len(record.authors) == 2
    assert "\n" not in record.abstract and record.abstract == record.abstract.strip()


def test_old_style_and_versioned_ids() -> None:
    (quant,) = page("id_quant-ph_0201082v1_s0_m100.xml").records
    assert (quant.arxiv_id, quant.version) == ("quant-ph/0201082", 1)
    assert quant.categories == ("quant-ph", "cs.PL")
    (numeric_title,) = page("id_2104.12255v1_s0_m100.xml").records
    assert (numeric_title.arxiv_id, numeric_title.title) == ("2104.12255", "0")
    assert split_versioned_id("http://arxiv.org/abs/math.GT/0309136v12") == ("math.GT/0309136", 12)
    assert split_versioned_id("http://arxiv.org/abs/2401.00001") == ("2401.00001", 1)
    assert split_versioned_id("https://arxiv.org/api/errors#x") is None


def test_affiliations_and_author_order() -> None:
    (record,) = page("id_astro-ph_0601001_s0_m100.xml").records
    assert [(a.name, a.affiliations) for a in record.authors] == [
        ("Andrew Gould", ("Ohio State",)),
        ("Susan Dorsher", ("Ohio State",)),
        ("B. Scott Gaudi", ("CfA",)),
        ("Andrzej Udalski", ("Warsaw University Observatory",)),
    ]
    assert record.journal_ref == "ActaAstron.56:1-50,2006"
    (big,) = page("id_1707.08567_s0_m100.xml").records
    assert len(big.authors) == 34
    assert big.authors[0].name == "Kees A. Schouhamer Immink"


def test_error_entry_is_a_skip() -> None:
    result = page("id_abc_s0_m100.xml")
    assert result.records == [] and not result.empty
    (skip,) = result.errors
    assert skip.reason == "arxiv-error"
    assert skip.detail == "incorrect id format for abc"
    assert skip.where.startswith("id_abc_s0_m100.xml")


@pytest.mark.parametrize("name", ["id_0000.0000_s0_m100.xml", "id_0808.05394_s0_m100.xml"])
def test_empty_answers(name: str) -> None:
    result = page(name)
    assert result.empty and result.items == [] and result.errors == []


def test_whitespace_and_nfc() -> None:
    content = single_entry_feed(
        **{
            r"<title>Heat-bath[^<]*</title>": "<title>  Heat-bath\n    random\twalks </title>",
            r"<name>[^<]*</name>": "<name> Jose\u0301  Garci\u0301a </name>",
            r"<category term=\"math.ST\"": '<category term="math.CO"/><category term="math.ST"',
        }
    )
    (record,) = parse_feed(content, "t").records
    assert record.title == "Heat-bath random walks"
    assert record.authors[0].name == "José García"
    assert record.categories == ("math.CO", "math.ST")


def test_entity_references_keep_the_text_and_are_never_resolved(tmp_path: Path) -> None:
    """An entity reference used to cut the text short ("XXE title &xxe; end" became "XXE
    title"); it is kept literally, and an external entity is never read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doctype = (
        "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE feed [\n"
        f'  <!ENTITY xxe SYSTEM "file://{secret}">\n'
        '  <!ENTITY inner "internal text">\n]>\n'
    )
    content = single_entry_feed(
        **{
            r"<\?xml[^>]*\?>\n": doctype,
            r"<title>Heat-bath[^<]*</title>": "<title>XXE title &xxe; end</title>",
            r"<summary>Graphs on": "<summary>Before &inner; after. Graphs on",
        }
    )
    (item,) = parse_feed(content, "xxe.xml").items
    assert item.record is not None, item.skip
    assert item.record.title == "XXE title &xxe; end"
    assert item.record.abstract.startswith("Before &inner; after. Graphs on lattice points")
    assert "TOP-SECRET" not in item.record.model_dump_json()


def test_comments_inside_text_do_not_cut_it() -> None:
    content = single_entry_feed(
        **{r"<title>Heat-bath[^<]*</title>": "<title>Heat-bath <!-- x --> random walks</title>"}
    )
    (record,) = parse_feed(content, "t").records
    assert record.title == "Heat-bath random walks"


def test_huge_title_is_skipped() -> None:
    content = single_entry_feed(
        **{r"<title>Heat-bath[^<]*</title>": f"<title>{'x' * 1_000_000}</title>"}
    )
    (item,) = parse_feed(content, "huge.xml").items
    assert item.record is None and item.skip is not None
    assert item.skip.reason == "invalid:title"
    assert "1605.08386" in item.skip.detail and len(item.skip.detail) <= 300


def test_no_authors_is_skipped() -> None:
    content = single_entry_feed(**{r"<author>.*</author>": ""})
    (item,) = parse_feed(content, "t").items
    assert item.skip is not None and item.skip.reason == "no-authors"


def test_entry_without_published_is_counted() -> None:
    content = single_entry_feed(**{r"<published>[^<]*</published>": ""})
    (item,) = parse_feed(content, "t").items
    assert item.skip is not None and item.skip.reason == "malformed-entry"


def test_bad_date_is_counted() -> None:
    content = single_entry_feed(**{r"<published>[^<]*</published>": "<published>soon</published>"})
    (item,) = parse_feed(content, "t").items
    assert item.skip is not None and item.skip.reason == "malformed-entry"


GOOD = (FIXTURES / "q_testing_s0_m10.xml").read_bytes()
BROKEN = {
    "truncated": GOOD[: len(GOOD) // 2],
    "html": b"<!DOCTYPE html>\n<html><head><title>503</title></head><body>busy</body></html>",
    "xhtml": b"<html><body><p>Service Unavailable</p></body></html>",
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "other-xml": b"<?xml version='1.0'?><rss><channel/></rss>",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_malformed_feed_is_one_skip(kind: str, tmp_path: Path) -> None:
    result = parse_feed(BROKEN[kind], kind)
    assert result.malformed and not result.empty
    (item,) = result.items
    assert item.record is None and item.skip is not None
    assert item.skip.reason == "malformed-feed" and item.skip.where == kind and item.skip.detail
    path = tmp_path / f"{kind}.xml"
    path.write_bytes(BROKEN[kind])
    (from_file,) = read_atom_files([path])
    assert from_file.skip is not None and from_file.skip.reason == "malformed-feed"


def test_read_atom_files_positions_and_problems(tmp_path: Path) -> None:
    paths = [
        FIXTURES / "q_testing_s0_m10.xml",
        tmp_path / "missing.xml",
        FIXTURES / "id_0000.0000_s0_m100.xml",
        tmp_path,  # a directory
        FIXTURES / "id_abc_s0_m100.xml",
        FIXTURES / "id_astro-ph_0601001_s0_m100.xml",
    ]
    items = list(read_atom_files(paths))
    assert [item.position for item in items] == list(range(1, 16))
    reasons = [item.skip.reason if item.skip else "record" for item in items]
    assert reasons == ["record"] * 10 + [
        "unreadable-file",
        "empty-feed",
        "unreadable-file",
        "arxiv-error",
        "record",
    ]
    assert items[10].skip is not None and items[10].skip.where == str(tmp_path / "missing.xml")

"""The bulk plan's rows on disk (`loaders.bulk.Spilled`): read back whole, in order, as often as
asked, also while another pass is under way or after more rows were added."""

from __future__ import annotations

from loaders.bulk import Spilled


def test_rows_come_back_in_order_each_time_and_interleaved() -> None:
    spilled = Spilled()
    batches = [[{"i": i, "text": "é" * i} for i in range(start, start + 3)] for start in (0, 3, 6)]
    for batch in batches:
        spilled.extend(batch)
    spilled.extend([])
    expected = [row for batch in batches for row in batch]
    assert len(spilled) == 9
    assert list(spilled) == expected
    assert list(spilled) == expected
    first, second = iter(spilled), iter(spilled)
    pairs = [(next(first), next(second)) for _ in range(4)]
    assert pairs == [(row, row) for row in expected[:4]]
    assert list(first) == expected[4:]  # the other pass moved the file; this one is unmoved
    assert list(second) == expected[4:]
    spilled.extend([{"i": 9, "text": ""}])
    assert [row["i"] for row in spilled] == list(range(10))


def test_an_empty_spill_reads_as_nothing() -> None:
    assert list(Spilled()) == []
    assert len(Spilled()) == 0

"""The record model's derived fields."""

from __future__ import annotations

import pytest

from loaders.records import year_from_arxiv_id


@pytest.mark.parametrize(
    ("arxiv_id", "year"),
    [
        ("2105.11675", 2021),
        ("0704.0001", 2007),
        ("1912.03011", 2019),
        ("hep-th/9901001", 1999),
        ("astro-ph/0601001", 2006),
        ("math.AG/0309136", 2003),
        ("abc", None),
        ("2113.00001", None),
        ("", None),
    ],
)
def test_year_from_arxiv_id(arxiv_id: str, year: int | None) -> None:
    assert year_from_arxiv_id(arxiv_id) == year

"""Parameter values that both engines type the same way.

Ladybug types a parameter column that is null in every row of an `UNWIND $rows` as STRING, and
a list that is empty in every row as STRING[]; writing such a column to an INT64 property then
fails. So an unknown year travels as `NO_YEAR` and the stored query turns it back into null,
and empty lists are cleared by a query of their own instead of being sent.
"""

from __future__ import annotations

NO_YEAR = -1


def year(value: int | None) -> int:
    """A year as a parameter: `NO_YEAR` for an unknown one (stored as null)."""
    return NO_YEAR if value is None else value

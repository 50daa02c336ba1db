"""The errors a bulk plan can stop with come back from its child process (`loaders.bulk_load`
plans in one where the tables go through files) as they were raised: same type, message and
fields."""

from __future__ import annotations

import pickle

import pytest

from loaders.bulk import BulkRefused
from loaders.lines import DecompressedTooLarge
from loaders.summary import IngestSummary
from loaders.writer import SourceInterrupted, TooManySkipped


@pytest.mark.parametrize(
    "cause",
    [
        TooManySkipped(1_000),
        DecompressedTooLarge(8 << 30),
        BulkRefused("a newer version"),
        OSError(5, "EIO"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_stop_survives_pickling(cause: BaseException) -> None:
    summary = IngestSummary(ingested=3, position=7)
    summary.skipped["invalid-json"] = 2
    back = pickle.loads(pickle.dumps(SourceInterrupted(summary, cause)))
    assert type(back) is SourceInterrupted and str(back) == str(cause)
    assert type(back.cause) is type(cause) and str(back.cause) == str(cause)
    assert back.summary == summary
    assert getattr(back.cause, "limit", None) == getattr(cause, "limit", None)

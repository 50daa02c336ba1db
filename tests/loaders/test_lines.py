"""Bounded line reading: the same lines as a plain split, whatever the chunking; caps; bombs.

Independent expectation: `reference` splits the whole input in memory with `bytes.split` and
applies the documented rules line by line; the reader must agree on every input, however the
chunks fall, gzipped or not. The bombs are generated here, streamed into the compressor.
"""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import lines
from loaders.lines import BlankRun, DecompressedTooLarge, Line, Overlong, ReadLimits, read_lines
from tests.helpers import gzip_bomb

MiB = 1 << 20
BIG = 1 << 40  # a decompressed-size cap that is never reached


def reference(data: bytes, cap: int, stop: int | None = None) -> list[Line]:
    """The documented rules over the whole input split in memory."""
    found: list[Line] = []
    parts = data.split(b"\n")
    if parts[-1] == b"":
        parts.pop()  # a final line break ends the last line; it starts none
    run_lines = run_size = number = 0
    for number, line in enumerate(parts[:stop], start=1):
        if not line.strip():
            run_lines, run_size = run_lines + 1, run_size + len(line) + 1
            continue
        if run_size > cap:
            found.append((number - 1, BlankRun(run_lines, run_size)))
        run_lines = run_size = 0
        found.append((number, line if len(line) <= cap else Overlong(len(line))))
    if run_size > cap and (stop is None or number < stop):  # a run cut by `stop` is not told
        found.append((number, BlankRun(run_lines, run_size)))
    return found


PIECES = st.sampled_from([b"\n", b" ", b"\t", b"\r", b"x", b"{}", b"\x00", "é".encode()])
DATA = st.lists(st.tuples(PIECES, st.integers(1, 20)), max_size=40).map(
    lambda runs: b"".join(piece * n for piece, n in runs)
)


@settings(max_examples=300, deadline=None)
@given(
    data=DATA,
    cap=st.sampled_from([1, 2, 3, 8, 1000]),
    chunk=st.sampled_from([1, 2, 3, 5, 16, MiB]),
    stop=st.none() | st.integers(1, 12),
    packed=st.booleans(),
)
def test_lines_agree_with_a_plain_split(
    tmp_path_factory: pytest.TempPathFactory,
    data: bytes,
    cap: int,
    chunk: int,
    stop: int | None,
    packed: bool,
) -> None:
    path = tmp_path_factory.mktemp("lines") / "input"
    path.write_bytes(gzip.compress(data) if packed else data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lines, "CHUNK", chunk)
        got = list(read_lines(path, ReadLimits(cap, BIG), stop=stop))
    assert got == reference(data, cap, stop)


def test_numbers_count_blank_lines_and_a_last_line_without_a_break(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"a": 1}\n\n  \n\t{"b": 2}\r\nlast')
    assert list(read_lines(path, ReadLimits())) == [
        (1, b'{"a": 1}'),
        (4, b'\t{"b": 2}\r'),
        (5, b"last"),
    ]


def test_the_decompressed_size_cap_stops_after_what_fits(tmp_path: Path) -> None:
    packed = tmp_path / "s.jsonl.gz"
    packed.write_bytes(gzip.compress(b"first\n" + b"x" * 3 * MiB + b"\nafter\n"))
    got: list[Line] = []
    with pytest.raises(DecompressedTooLarge) as err:
        got.extend(read_lines(packed, ReadLimits(MiB, 2 * MiB)))
    assert got == [(1, b"first")]
    assert str(err.value) == (
        "decompressed size exceeds GRAPHSVC_MAX_DECOMPRESSED_BYTES (2,097,152 bytes)"
    )
    plain = tmp_path / "s.jsonl"  # the cap counts decompressed bytes only
    plain.write_bytes(gzip.decompress(packed.read_bytes()))
    assert list(read_lines(plain, ReadLimits(MiB, 2 * MiB)))[-1] == (3, b"after")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [(b"\x00", Overlong(64 * MiB)), (b"\n", BlankRun(64 * MiB, 64 * MiB))],
    ids=["zeros", "newlines"],
)
def test_a_bomb_is_read_in_bounded_memory(
    tmp_path: Path, pattern: bytes, expected: Overlong | BlankRun
) -> None:
    bomb = gzip_bomb(tmp_path / "bomb.gz", pattern, 64)
    assert bomb.stat().st_size < 100_000
    limits = ReadLimits(max_line_bytes=MiB, max_decompressed_bytes=BIG)
    tracemalloc.start()
    try:
        got = list(read_lines(bomb, limits))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    number = 1 if pattern == b"\x00" else 64 * MiB
    assert got == [(number, expected)]
    assert peak < 2 * limits.max_line_bytes + 4 * lines.CHUNK, f"peak {peak:,} bytes"

"""The lines of a file, gzipped or not, read in bounded memory and time whatever it holds.

Gzip is recognised by its magic bytes and decompressed as a stream, `CHUNK` bytes at a time.
A line longer than `max_line_bytes` is read past without being kept (`Overlong`); blank lines
(only whitespace) are counted a chunk at a time, never one by one, and a run of them longer
than `max_line_bytes` is reported (`BlankRun`); more than `max_decompressed_bytes` of
decompressed input raises `DecompressedTooLarge`. Memory: a few chunks and twice the line cap.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

CHUNK = 1 << 20
DEFAULT_MAX_LINE_BYTES = 4 * 1024**2
DEFAULT_MAX_DECOMPRESSED_BYTES = 8 * 1024**3
_BLANK = b" \t\n\r\x0b\x0c"  # what bytes.strip() removes
_CONTENT_MASK = bytes(0 if byte in _BLANK else 1 for byte in range(256))
_CONTENT = b"\x01"


@dataclass(frozen=True)
class ReadLimits:
    """The caps of a read: bytes per line, and decompressed bytes per gzipped file."""

    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES

    def __post_init__(self) -> None:
        if self.max_line_bytes < 1 or self.max_decompressed_bytes < 1:
            raise ValueError(f"read limits must be positive: {self}")


class DecompressedTooLarge(Exception):
    """A gzipped file decompresses to more than the cap; what was read before stands."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"decompressed size exceeds GRAPHSVC_MAX_DECOMPRESSED_BYTES ({limit:,} bytes)"
        )
        self.limit = limit

    def __reduce__(self) -> tuple[type[DecompressedTooLarge], tuple[int]]:
        return (DecompressedTooLarge, (self.limit,))  # sent back by a bulk plan process


@dataclass(frozen=True)
class Overlong:
    """A line longer than the cap, skipped unread; `size` its length in bytes."""

    size: int


@dataclass(frozen=True)
class BlankRun:
    """A run of blank lines longer than the line cap: `lines` lines, `size` bytes."""

    lines: int
    size: int


Line = tuple[int, bytes | Overlong | BlankRun]


def read_lines(path: Path, limits: ReadLimits, *, stop: int | None = None) -> Iterator[Line]:
    """(line number, content) of every non-blank line of `path` up to line `stop`.

    Numbers are 1-based and count blank lines; the content has no line break. A long run of
    blank lines gives one `BlankRun` numbered by its last line.
    """
    scanner = _Scanner(limits.max_line_bytes, stop)
    packed = _is_gzip(path)
    total = 0
    with _open(path, packed) as fh:
        while not scanner.done and (chunk := fh.read(CHUNK)):
            total += len(chunk)
            if packed and total > limits.max_decompressed_bytes:
                raise DecompressedTooLarge(limits.max_decompressed_bytes)
            yield from scanner.feed(chunk)
        yield from scanner.finish()


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as probe:
        return probe.read(2) == b"\x1f\x8b"  # by content, whatever the suffix


def _open(path: Path, packed: bool) -> BinaryIO:
    return cast(BinaryIO, gzip.open(path, "rb")) if packed else path.open("rb")


class _Scanner:
    """Cuts chunks into lines; between chunks it holds the current line (up to the cap)."""

    def __init__(self, max_line: int, stop: int | None) -> None:
        self.max_line = max_line
        self.stop = stop
        self.number = 0  # lines ended so far
        self.part = bytearray()  # the current line, while within the cap
        self.size = 0  # the current line's length so far, also past the cap
        self.content = False  # the current line has a byte that is not blank
        self.blank_lines = 0  # the current run of blank lines
        self.blank_size = 0
        self.done = False  # line `stop` was reached

    def feed(self, chunk: bytes) -> Iterator[Line]:
        mask = chunk.translate(_CONTENT_MASK)  # one pass in C: 1 where a byte is content
        view = memoryview(chunk)
        i, n = 0, len(chunk)
        while i < n and not self.done:
            if not self.size:  # at a line's start: the blank lines up to the next content
                first = mask.find(_CONTENT, i)
                last_break = chunk.rfind(b"\n", i, n if first < 0 else first)
                if last_break >= 0:
                    self._blank(chunk.count(b"\n", i, last_break + 1), last_break + 1 - i)
                    i = last_break + 1
                    if i == n or self.done:
                        break
            end = chunk.find(b"\n", i)
            if end < 0:
                end = n
            self.content = self.content or mask.find(_CONTENT, i, end) >= 0
            if not self.size and end < n:  # a whole line inside the chunk
                if self.content:
                    text = chunk[i:end] if end - i <= self.max_line else None
                    yield from self._line(text, end - i)
                else:
                    self._blank(1, end - i + 1)
                i = end + 1
                continue
            if self.size + end - i <= self.max_line:
                self.part += view[i:end]
            elif self.part:
                self.part = bytearray()  # over the cap: keep counting, stop keeping
            self.size += end - i
            if end == n:
                break
            i = end + 1
            yield from self._end_line()

    def finish(self) -> Iterator[Line]:
        """The last line when the input does not end with a line break, and the last run
        (unless line `stop` cut it)."""
        if self.size and not self.done:
            yield from self._end_line()
        if not self.done:
            yield from self._end_run()

    def _end_line(self) -> Iterator[Line]:
        size, content = self.size, self.content
        text = bytes(self.part) if content and size <= self.max_line else None
        self.part, self.size = bytearray(), 0  # the line is held once, by `text`
        if content:
            yield from self._line(text, size)
        else:
            self._blank(1, size + 1)

    def _line(self, text: bytes | None, size: int) -> Iterator[Line]:
        self.content = False
        yield from self._end_run()
        self.number += 1
        self.done = self.stop is not None and self.number >= self.stop
        yield self.number, Overlong(size) if text is None else text

    def _blank(self, lines: int, size: int) -> None:
        self.content = False
        if self.stop is not None:
            lines = min(lines, self.stop - self.number)
        self.number += lines
        self.blank_lines += lines
        self.blank_size += size
        self.done = self.stop is not None and self.number >= self.stop

    def _end_run(self) -> Iterator[Line]:
        lines, size = self.blank_lines, self.blank_size
        self.blank_lines = self.blank_size = 0
        if size > self.max_line:
            yield self.number, BlankRun(lines, size)

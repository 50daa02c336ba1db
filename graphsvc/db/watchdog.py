"""A deadline for statements, kept by one thread that interrupts those that outlive it.

The embedded engine has a timeout of its own, but a connection that has one hands each
statement to a worker thread and waits for it (about 0.15 ms a statement, and a statement
cannot then run on its caller's thread): a request's ten short reads cost twice the CPU.
Here a statement runs on its caller's thread, and this watchdog calls the connection's
`interrupt()` from its deadline on, at every tick, until the statement returns.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

TICK_S = 0.05  # how often deadlines are checked: a statement stops within timeout + TICK_S


class Interruptible(Protocol):
    """A connection whose running statement can be stopped from another thread."""

    def interrupt(self) -> None: ...


class Watch:
    """One watched statement: whether the watchdog interrupted it."""

    def __init__(self, deadline: float, conn: Interruptible) -> None:
        self.deadline = deadline
        self.conn = conn
        self.interrupted = False


class StatementWatchdog:
    """Interrupts a watched statement `timeout_s` after it started (at most TICK_S later, or
    the engine's own delay in noticing: it checks between batches of rows)."""

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self._running: set[Watch] = set()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    @contextmanager
    def watching(self, conn: Interruptible) -> Iterator[Watch]:
        """Run the block's statement under the deadline. Once the block has left, no
        interrupt for it can come (the watchdog interrupts under the same lock)."""
        watch = Watch(time.monotonic() + self.timeout_s, conn)
        with self._cond:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(
                    target=self._watch, name="graphsvc-statement-watchdog", daemon=True
                )
                self._thread.start()
            self._running.add(watch)
        try:
            yield watch
        finally:
            with self._cond:
                self._running.discard(watch)

    def _watch(self) -> None:
        """Interrupt each overdue statement at every tick until it has returned: the engine
        clears an interrupt that comes while the statement is still being compiled."""
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                for watch in self._running:
                    if watch.deadline <= now:
                        watch.interrupted = True
                        watch.conn.interrupt()
                self._cond.wait(TICK_S)

    def alive(self) -> bool:
        """Whether the watchdog's thread runs (it starts with the first watched statement)."""
        return self._thread is not None and self._thread.is_alive()

    def close(self) -> None:
        """Stop the thread (statements still watched are left to finish)."""
        with self._cond:
            self._closed = True
            self._cond.notify()
            thread = self._thread
        if thread is not None:
            thread.join()

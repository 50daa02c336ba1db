"""Attempt times per throttle key, kept in the graph (`Attempts` nodes) so that every serving
process over one graph counts the same attempts and a restart forgets none."""

from __future__ import annotations

from collections.abc import Mapping

from graphsvc.db import GraphBackend, Tx


def spend(backend: GraphBackend, windows: Mapping[str, tuple[int, int]], now: int) -> bool:
    """One attempt on each key, `windows` giving its (attempts, seconds) moving window: the
    attempt counts on every key whose window has room; True when all of them had room. One
    write transaction: each key is locked before its times are read."""

    def unit(tx: Tx) -> bool:
        rows = tx.run("throttle_take", keys=sorted(windows), now=now)
        allowed = True
        stored = []
        for row in rows:
            amount, seconds = windows[row["key"]]
            times = [int(t) for t in row["times"] or [] if int(t) > now - seconds]
            if len(times) < amount:
                times.append(now)
            else:
                allowed = False
            stored.append({"key": row["key"], "times": times})
        tx.run("throttle_put", rows=stored)
        return allowed

    return backend.write(unit)


def clear(backend: GraphBackend, key: str) -> None:
    backend.write(lambda tx: tx.run("throttle_clear", key=key))


def drop_stale(backend: GraphBackend, before: int) -> None:
    backend.write(lambda tx: tx.run("throttle_drop_stale", before=before))

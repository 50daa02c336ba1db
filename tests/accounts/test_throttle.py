"""The attempt limits are counted in the graph: several serving processes over one graph
(`graphsvc serve --workers N`, several hosts on one Neo4j) share them, the window moves, and
neither an email nor an address is stored."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from graphsvc.db import GraphBackend
from graphsvc.services.throttle import DROP_STALE_EVERY_S, Throttle


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_two_processes_share_one_account_count(backend: GraphBackend) -> None:
    first = Throttle(backend, "3/15minutes", "100/15minutes")
    second = Throttle(backend, "3/15minutes", "100/15minutes")  # another worker, same graph
    spent = [t.allow("sign-in", "ada@example.org", f"10.0.0.{i}") for i, t in
             enumerate([first, second, first])]  # fmt: skip
    assert spent == [True, True, True]
    assert not second.allow("sign-in", "ada@example.org", "10.0.0.9")
    assert not first.allow("sign-in", "ada@example.org", "10.0.0.9")
    assert second.allow("sign-in", "bob@example.org", "10.0.0.9")  # another account
    assert second.allow("reset", "ada@example.org", "10.0.0.9")  # another action


def test_concurrent_attempts_count_one_after_another(backend: GraphBackend) -> None:
    throttles = [Throttle(backend, "5/15minutes", "1000/15minutes") for _ in range(2)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(
            pool.map(
                lambda i: throttles[i % 2].allow("sign-in", "ada@example.org", f"a{i}"),
                range(20),
            )
        )
    assert answers.count(True) == 5
    # the account's key holds the 5 attempts allowed; each address's key its one attempt
    sizes = sorted(len(r["times"]) for r in backend.read("export_attempts"))
    assert sizes == [1] * 20 + [5]


def test_the_window_moves_and_a_refusal_does_not_extend_it(backend: GraphBackend) -> None:
    clock = Clock()
    throttle = Throttle(backend, "2/60seconds", "100/60seconds", clock=clock)
    assert throttle.allow("sign-in", "ada@example.org", "a")
    clock.now += 30
    assert throttle.allow("sign-in", "ada@example.org", "a")
    clock.now += 10
    assert not throttle.allow("sign-in", "ada@example.org", "a")  # refused: not counted
    clock.now += 21  # 61 s after the first attempt: one attempt is left in the window
    assert throttle.allow("sign-in", "ada@example.org", "a")
    assert not throttle.allow("sign-in", "ada@example.org", "a")
    clock.now += 31  # past the second attempt too
    assert throttle.allow("sign-in", "ada@example.org", "a")


def test_clear_forgets_the_account_not_the_address(backend: GraphBackend) -> None:
    throttle = Throttle(backend, "2/15minutes", "3/15minutes")
    assert throttle.allow("sign-in", "ada@example.org", "a")
    assert throttle.allow("sign-in", "ada@example.org", "a")
    assert not throttle.allow("sign-in", "ada@example.org", "a")
    throttle.clear("sign-in", "ada@example.org")
    assert not throttle.allow("sign-in", "ada@example.org", "a")  # the address spent its 3
    assert throttle.allow("sign-in", "ada@example.org", "b")


def test_keys_are_digests_and_stale_keys_are_dropped(backend: GraphBackend) -> None:
    clock = Clock()
    throttle = Throttle(backend, "5/15minutes", "30/15minutes", clock=clock)
    throttle.allow("sign-in", "ada@example.org", "192.0.2.7")
    rows = backend.read("export_attempts")
    assert len(rows) == 2
    for row in rows:
        assert len(row["key"]) == 64 and "ada" not in row["key"] and "192" not in row["key"]
        assert row["times"] == [int(clock.now)] and row["seen_at"] == int(clock.now)
    clock.now += 15 * 60 + DROP_STALE_EVERY_S  # both windows are over
    throttle.allow("sign-up", "bob@example.org", "198.51.100.1")
    assert len(backend.read("export_attempts")) == 2  # only the new attempt's keys
    assert all(r["seen_at"] == int(clock.now) for r in backend.read("export_attempts"))

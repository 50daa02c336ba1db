"""Tests for loaders.arxiv_api: the real arxiv.Client + requests stack, answered by fixtures.

A transport adapter mounted on the client's session maps each request's query (search_query or
id_list, start, max_results) to a recorded response in tests/fixtures/arxiv-api, and can script
failures per fixture name. Sleeps go to a fake clock, so delays are asserted, not waited for.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import arxiv
import pytest
import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from graphsvc.clients.http import parse_retry_after
from loaders.arxiv_api import (
    DEFAULT_USER_AGENT,
    Backoff,
    Harvester,
    HarvestError,
    author_query,
    category_window_query,
)
from loaders.atom import parse_feed
from tests.neo4j_server import free_port

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "arxiv-api"
EMPTY_FEED = (FIXTURES / "id_0000.0000_s0_m100.xml").read_bytes()
# An action is a status code, (status, headers), a body served with 200, or an exception.
Action = int | tuple[int, dict[str, str]] | bytes | Exception


def fixture_name(url: str) -> str:
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    if query.get("id_list"):
        key = "id_" + query["id_list"].replace("/", "_")
    else:
        key = "q_" + query["search_query"]
    return f"{key}_s{query['start']}_m{query['max_results']}.xml"


def make_response(
    request: requests.PreparedRequest, status: int, body: bytes, headers: Mapping[str, str]
) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body
    response.headers = CaseInsensitiveDict(headers)
    response.url = request.url or ""
    response.request = request
    response.encoding = "utf-8"
    return response


@dataclass
class FixtureAdapter(BaseAdapter):
    """Serves recorded answers; `script[name]` actions are used up, in order, before the file."""

    script: dict[str, list[Action]] = field(default_factory=dict)
    sent: list[requests.PreparedRequest] = field(default_factory=list)
    timeouts: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.sent.append(request)
        self.timeouts.append(kwargs.get("timeout"))
        name = fixture_name(request.url or "")
        actions = self.script.get(name)
        if actions:
            action = actions.pop(0)
            if isinstance(action, Exception):
                raise action
            if isinstance(action, bytes):
                return make_response(request, 200, action, {})
            status, headers = action if isinstance(action, tuple) else (action, {})
            body = (FIXTURES / name).read_bytes() if status == 400 else b"busy"
            return make_response(request, status, body, headers)
        path = FIXTURES / name
        if not path.exists():
            return make_response(request, 404, b"no such fixture", {})
        return make_response(
            request, 200, path.read_bytes(), {"Content-Type": "application/atom+xml"}
        )

    def close(self) -> None:
        pass

    @property
    def names(self) -> list[str]:
        return [fixture_name(r.url or "") for r in self.sent]


class FakeTime:
    """A clock that only moves when slept on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@dataclass
class Rig:
    harvester: Harvester
    adapter: FixtureAdapter
    time: FakeTime


def rig(script: dict[str, list[Action]] | None = None, **options: Any) -> Rig:
    fake = FakeTime()
    options.setdefault("delay_seconds", 0)
    options.setdefault("backoff", Backoff(base=1, factor=2, cap=5, max_retries=4, jitter=0))
    harvester = Harvester(sleep=fake.sleep, clock=fake.clock, **options)
    adapter = FixtureAdapter(script=script or {})
    harvester.session.mount("https://", adapter)
    harvester.session.mount("http://", adapter)
    return Rig(harvester, adapter, fake)


def fixture_ids(*names: str) -> list[str]:
    return [r.arxiv_id for n in names for r in parse_feed((FIXTURES / n).read_bytes(), n).records]


def ids(items: list[Any]) -> list[str]:
    return [item.record.arxiv_id for item in items]


PAGES = [f"q_testing_s{s}_m10.xml" for s in range(0, 60, 10)]


def test_multi_page_harvest() -> None:
    r = rig(page_size=10)
    items = list(r.harvester.search("testing", max_results=60))
    assert r.adapter.names == PAGES
    assert [i.position for i in items] == list(range(60))
    assert ids(items) == fixture_ids(*PAGES)
    assert r.harvester.next_offset == 60
    assert r.time.sleeps == []


def test_max_results_cuts_the_last_page() -> None:
    r = rig(page_size=10)
    items = list(r.harvester.search("testing", max_results=25))
    assert r.adapter.names == PAGES[:3]
    assert [i.position for i in items] == list(range(25))


def test_request_goes_through_the_arxiv_client_url() -> None:
    r = rig(page_size=10)
    list(r.harvester.search("testing", max_results=5))
    (request,) = r.adapter.sent
    parts = urlsplit(request.url or "")
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "export.arxiv.org", "/api/query")
    query = parse_qs(parts.query)
    assert query["sortBy"] == ["submittedDate"] and query["sortOrder"] == ["ascending"]


@pytest.mark.parametrize(
    ("page_size", "start", "max_results", "expected"),
    [
        (10, 10, 60, PAGES[1:]),
        (10, 5, 15, ["q_testing_s5_m10.xml"]),
        (15, 5, 20, ["q_testing_s5_m15.xml"]),
        (15, 9, 24, ["q_testing_s9_m15.xml"]),
    ],
)
def test_resume_from_offset(
    page_size: int, start: int, max_results: int, expected: list[str]
) -> None:
    r = rig(page_size=page_size)
    items = list(r.harvester.search("testing", max_results=max_results, start=start))
    assert r.adapter.names == expected
    assert [i.position for i in items] == list(range(start, max_results))
    assert ids(items) == fixture_ids(*expected)


def test_end_of_recorded_pages_empty_page_exhausts_budget() -> None:
    """totalResults is 214881, so harvesting continues past the six recorded pages."""
    r = rig({"q_testing_s60_m10.xml": [EMPTY_FEED] * 5}, page_size=10)
    got: list[Any] = []
    with pytest.raises(HarvestError) as caught:
        got.extend(r.harvester.search("testing"))
    assert len(got) == 60
    assert caught.value.resume_offset == 60 == r.harvester.next_offset
    assert caught.value.attempts == 5
    assert "empty page" in str(caught.value) and "resume from offset 60" in str(caught.value)
    assert r.time.sleeps == [1, 2, 4, 5]


def test_unknown_page_is_not_retried() -> None:
    r = rig(page_size=10)
    with pytest.raises(HarvestError) as caught:
        list(r.harvester.search("testing"))
    assert caught.value.reason == "HTTP 404" and caught.value.resume_offset == 60
    assert r.adapter.names == [*PAGES, "q_testing_s60_m10.xml"]
    assert r.time.sleeps == []


def test_backoff_retry_after_and_transient_errors() -> None:
    timeout = requests.exceptions.ReadTimeout("read timed out")
    script: dict[str, list[Action]] = {
        "q_testing_s10_m10.xml": [(429, {"Retry-After": "7"}), 503, 500, timeout],
        "q_testing_s20_m10.xml": [502, requests.exceptions.ConnectionError("reset"), 504],
    }
    r = rig(script, page_size=10)
    items = list(r.harvester.search("testing", max_results=30))
    assert [i.position for i in items] == list(range(30))
    assert r.time.sleeps == [7, 2, 4, 5, 1, 2, 4]
    assert r.adapter.names == [PAGES[0], *[PAGES[1]] * 5, *[PAGES[2]] * 4]


def test_an_unreachable_arxiv_fails_within_a_small_budget() -> None:
    """The default policy, the real transport, a refused connection: 3 tries, about 15 s."""
    fake = FakeTime()
    harvester = Harvester(sleep=fake.sleep, clock=fake.clock)
    harvester.client.query_url_format = f"http://127.0.0.1:{free_port()}/api/query?{{}}"
    with pytest.raises(HarvestError) as caught:
        list(harvester.search("testing", max_results=10))
    assert caught.value.reason.startswith("arXiv unreachable: ConnectionError: ")
    assert caught.value.attempts == 3 and caught.value.resume_offset == 0
    first, second = fake.sleeps  # 5 s and 10 s, plus up to a quarter of jitter
    assert 5 <= first <= 6.25 and 10 <= second <= 12.5


def test_connect_timeouts_count_as_unreachable_and_broken_connections_do_not() -> None:
    timeout = requests.exceptions.ConnectTimeout("connect timed out")
    r = rig({PAGES[0]: [timeout] * 3}, page_size=10)
    with pytest.raises(HarvestError) as caught:
        list(r.harvester.search("testing", max_results=10))
    assert caught.value.reason.startswith("arXiv unreachable: ConnectTimeout")
    assert caught.value.attempts == 3 and r.time.sleeps == [1, 2]
    reset = requests.exceptions.ConnectionError("Connection aborted: reset by peer")
    r = rig({PAGES[0]: [reset] * 4}, page_size=10)
    assert len(list(r.harvester.search("testing", max_results=10))) == 10
    assert r.time.sleeps == [1, 2, 4, 5]


def test_retry_after_below_backoff_does_not_shorten_it() -> None:
    r = rig({PAGES[0]: [503, (503, {"Retry-After": "1"})]}, page_size=10)
    list(r.harvester.search("testing", max_results=10))
    assert r.time.sleeps == [1, 2]


def test_empty_and_malformed_pages_are_retried() -> None:
    html = b"<html><body>Bad gateway</body></html>"
    script: dict[str, list[Action]] = {PAGES[1]: [EMPTY_FEED, html, PAGES[1].encode()[:3]]}
    r = rig(script, page_size=10)
    items = list(r.harvester.search("testing", max_results=20))
    assert ids(items) == fixture_ids(*PAGES[:2])
    assert r.time.sleeps == [1, 2, 4]


def test_retry_budget_error_carries_resume_offset_then_resume_works() -> None:
    r = rig({PAGES[2]: [503] * 3}, page_size=10, backoff=Backoff(base=1, max_retries=2, jitter=0))
    got: list[Any] = []
    with pytest.raises(HarvestError) as caught:
        got.extend(r.harvester.search("testing", max_results=40))
    error = caught.value
    assert (error.resume_offset, error.attempts, error.reason) == (20, 3, "HTTP 503")
    assert isinstance(error.__cause__, Exception)
    assert [i.position for i in got] == list(range(20))
    assert r.time.sleeps == [1, 2]
    resumed = list(r.harvester.search("testing", max_results=40, start=error.resume_offset))
    assert [i.position for i in resumed] == list(range(20, 40))
    assert ids(got + resumed) == fixture_ids(*PAGES[:4])


def test_pacing_user_agent_and_timeout() -> None:
    r = rig(page_size=10, delay_seconds=3.0, user_agent="graphsvc-test/1 (mailto:t@example.org)")
    list(r.harvester.search("testing", max_results=30))
    assert r.time.sleeps == [3.0, 3.0]
    assert {req.headers["User-Agent"] for req in r.adapter.sent} == {
        "graphsvc-test/1 (mailto:t@example.org)"
    }
    assert r.adapter.timeouts == [(10.0, 30.0)] * 3  # (connect, read)


def test_pacing_counts_time_already_spent() -> None:
    r = rig(page_size=10, delay_seconds=3.0)
    stream = r.harvester.search("testing", max_results=20)
    next(stream)
    r.time.now += 2.0  # the consumer took 2 s
    list(stream)
    assert r.time.sleeps == [pytest.approx(1.0)]


def test_default_user_agent() -> None:
    r = rig()
    list(r.harvester.lookup_ids(["1605.08386"]))
    assert r.adapter.sent[0].headers["User-Agent"] == DEFAULT_USER_AGENT
    assert (
        DEFAULT_USER_AGENT.startswith("graphsvc/0.1 (+https://") and "mailto:" in DEFAULT_USER_AGENT
    )


@pytest.mark.parametrize("size", [0, -1, 2001])
def test_page_size_validation(size: int) -> None:
    with pytest.raises(ValueError, match="page_size"):
        Harvester(page_size=size)


def test_page_size_limits_accepted() -> None:
    assert Harvester(page_size=2000).client.page_size == 2000
    assert Harvester(page_size=1).page_size == 1


def test_bad_settings_rejected() -> None:
    with pytest.raises(ValueError):
        Harvester(delay_seconds=-1)
    with pytest.raises(ValueError):
        Backoff(max_retries=-1)
    with pytest.raises(ValueError):
        list(Harvester().search("x", start=-1))


@pytest.mark.parametrize(
    ("wanted", "arxiv_id", "version"),
    [
        ("1605.08386", "1605.08386", 1),
        ("2104.12255v1", "2104.12255", 1),
        ("quant-ph/0201082v1", "quant-ph/0201082", 1),
        ("1707.08567", "1707.08567", 1),
    ],
)
def test_lookup_ids(wanted: str, arxiv_id: str, version: int) -> None:
    r = rig()
    (item,) = list(r.harvester.lookup_ids([wanted]))
    assert item.position == 0 and item.record is not None
    assert (item.record.arxiv_id, item.record.version) == (arxiv_id, version)
    assert r.adapter.names == [fixture_name(r.adapter.sent[0].url or "")]
    assert len(r.adapter.sent) == 1


def test_lookup_affiliations() -> None:
    r = rig()
    (item,) = list(r.harvester.lookup_ids(["astro-ph/0601001"]))
    assert item.record is not None
    assert [a.affiliations for a in item.record.authors] == [
        ("Ohio State",),
        ("Ohio State",),
        ("CfA",),
        ("Warsaw University Observatory",),
    ]


@pytest.mark.parametrize("wanted", ["0000.0000", "0808.05394"])
def test_lookup_unknown_id_is_reported(wanted: str) -> None:
    r = rig()
    (item,) = list(r.harvester.lookup_ids([wanted]))
    assert item.record is None and item.skip is not None
    assert (item.skip.reason, item.skip.where) == ("not-found", wanted)
    assert item.skip.detail == f"no results for {wanted}"
    assert r.time.sleeps == [] and len(r.adapter.sent) == 1


def test_lookup_malformed_id_is_arxiv_error() -> None:
    r = rig()
    (item,) = list(r.harvester.lookup_ids(["abc"]))
    assert item.skip is not None and item.skip.reason == "arxiv-error"
    assert item.skip.detail == "incorrect id format for abc"


def test_error_answer_with_http_400_is_reported_not_raised() -> None:
    r = rig({"id_abc_s0_m100.xml": [400]})
    (item,) = list(r.harvester.lookup_ids(["abc"]))
    assert item.skip is not None and item.skip.reason == "arxiv-error"
    assert r.time.sleeps == []


def test_lookup_needs_ids() -> None:
    with pytest.raises(ValueError):
        list(Harvester().lookup_ids([]))


def test_backoff_jitter_stays_in_range() -> None:
    backoff = Backoff(base=2, factor=3, cap=100, jitter=0.5)
    rng = random.Random(7)
    for retry, plain in enumerate([2, 6, 18, 54, 100]):
        delay = backoff.delay(retry, rng)
        assert plain <= delay <= min(100, plain * 1.5)


def test_parse_retry_after() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None


def test_query_helpers() -> None:
    assert author_query(' Adrian  "Del Maestro" ') == 'au:"Adrian Del Maestro"'
    assert (
        category_window_query("cs.LG", date(2024, 1, 1), date(2024, 2, 1))
        == "cat:cs.LG AND submittedDate:[202401010000 TO 202402010000]"
    )
    start = datetime(2024, 1, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    assert category_window_query("hep-th", start, date(2024, 1, 2)) == (
        "cat:hep-th AND submittedDate:[202401011030 TO 202401020000]"
    )
    with pytest.raises(ValueError):
        category_window_query("cs.LG OR x", date(2024, 1, 1), date(2024, 2, 1))
    with pytest.raises(ValueError):
        category_window_query("cs.LG", date(2024, 2, 1), date(2024, 1, 1))
    with pytest.raises(ValueError):
        author_query('""')


def test_category_window_search_url() -> None:
    r = rig({}, page_size=50)
    query = category_window_query("cs.LG", date(2024, 1, 1), date(2024, 2, 1))
    with pytest.raises(HarvestError):
        list(r.harvester.search(query, max_results=10))
    (request,) = r.adapter.sent
    assert parse_qs(urlsplit(request.url or "").query)["search_query"] == [query]
    assert isinstance(r.harvester.client, arxiv.Client)

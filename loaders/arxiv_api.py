"""Live arXiv API source: the real `arxiv.Client`/`arxiv.Search`, driven one page at a time.

`arxiv.Client.results` retries at once, without backoff, and ignores Retry-After, so `Harvester`
builds the page URLs with the client, fetches each page once per try through the client's
`requests.Session`, parses it with `loaders.atom.parse_feed`, and adds pacing between requests,
exponential backoff with jitter, a descriptive User-Agent and resumable offsets. A connection
that cannot be made (refused, unresolvable, timed out) has its own small retry budget, so an
unreachable arXiv fails within seconds ("arXiv unreachable: ...") instead of minutes.

Positions are absolute, 0-based result offsets: ``harvest(search, start=n)`` starts at result n.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import arxiv
import requests
from urllib3.exceptions import NewConnectionError

from graphsvc.clients.http import parse_retry_after
from loaders.atom import FeedPage, parse_feed
from loaders.source import Skip, SourceItem

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "graphsvc/0.1 (+https://github.com/graphsvc; mailto:graphsvc@example.org)"
MAX_PAGE_SIZE = 2000
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
_CATEGORY = re.compile(r"^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$")
_VERSION_SUFFIX = re.compile(r"v\d+$")


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff: retry n (0-based) waits min(cap, base * factor**n) plus jitter."""

    base: float = 5.0
    factor: float = 2.0
    cap: float = 300.0
    max_retries: int = 5
    jitter: float = 0.25  # up to this fraction of the delay is added at random
    unreachable_retries: int = 2  # of those, how many after a connection that cannot be made

    def __post_init__(self) -> None:
        if self.base < 0 or self.factor < 1 or self.cap < 0 or self.jitter < 0:
            raise ValueError(f"invalid backoff settings: {self}")
        if self.max_retries < 0 or self.unreachable_retries < 0:
            raise ValueError("max_retries and unreachable_retries must be >= 0")

    def delay(self, retry: int, rng: random.Random) -> float:
        """Seconds to wait before retry number `retry` (0 for the first retry)."""
        delay = min(self.cap, self.base * self.factor**retry)
        return min(self.cap, delay + rng.uniform(0, self.jitter * delay))


class HarvestError(Exception):
    """A page could not be fetched within the retry budget; resume from `resume_offset`."""

    def __init__(self, message: str, *, resume_offset: int, url: str, attempts: int) -> None:
        super().__init__(
            f"{message} (after {attempts} attempt(s); resume from offset {resume_offset}; {url})"
        )
        self.reason = message
        self.resume_offset = resume_offset
        self.url = url
        self.attempts = attempts


class _RetryableError(Exception):
    """One failed try that may succeed later; `unreachable`: no connection could be made."""

    def __init__(
        self, reason: str, retry_after: float | None = None, *, unreachable: bool = False
    ) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.unreachable = unreachable


def _cannot_connect(exc: requests.ConnectionError) -> bool:
    """A refused, unresolvable or timed-out connection, not one that broke after it was made."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    cause = exc.args[0] if exc.args else None
    return isinstance(getattr(cause, "reason", None), NewConnectionError)


def author_query(name: str) -> str:
    """An author search, e.g. ``au:"Adrian Del Maestro"``."""
    cleaned = " ".join(name.replace('"', " ").split())
    if not cleaned:
        raise ValueError("empty author name")
    return f'au:"{cleaned}"'


def _stamp(moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC)
        return moment.strftime("%Y%m%d%H%M")
    return moment.strftime("%Y%m%d") + "0000"


def category_window_query(category: str, start: date | datetime, end: date | datetime) -> str:
    """``cat:cs.LG AND submittedDate:[202401010000 TO 202402010000]`` (times in UTC)."""
    if not _CATEGORY.match(category):
        raise ValueError(f"not an arXiv category: {category!r}")
    first, last = _stamp(start), _stamp(end)
    if first >= last:
        raise ValueError(f"empty date window: {first} >= {last}")
    return f"cat:{category} AND submittedDate:[{first} TO {last}]"


class Harvester:
    """Paced, retrying, resumable access to the arXiv API through `arxiv.Client`."""

    def __init__(
        self,
        *,
        page_size: int = 100,
        delay_seconds: float = 3.0,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        user_agent: str = DEFAULT_USER_AGENT,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {page_size}")
        if delay_seconds < 0 or timeout <= 0 or connect_timeout <= 0:
            raise ValueError("delay_seconds must be >= 0 and the timeouts > 0")
        self.page_size = page_size
        self.delay_seconds = delay_seconds
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.user_agent = user_agent
        self.backoff = backoff or Backoff()
        self.client = arxiv.Client(page_size=page_size, delay_seconds=0, num_retries=0)
        self.next_offset = 0  # first offset not yet yielded by the current/last harvest
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self._last_request: float | None = None

    @property
    def session(self) -> requests.Session:
        """The client's requests session (mount adapters here in tests)."""
        session: requests.Session = self.client._session
        return session

    def search(
        self,
        query: str,
        *,
        max_results: int | None = None,
        start: int = 0,
        sort_by: arxiv.SortCriterion = arxiv.SortCriterion.SubmittedDate,
        sort_order: arxiv.SortOrder = arxiv.SortOrder.Ascending,
    ) -> Iterator[SourceItem]:
        """Harvest a query (``au:``, ``cat:``, ...); the default order is stable for resuming."""
        search = arxiv.Search(
            query=query, max_results=max_results, sort_by=sort_by, sort_order=sort_order
        )
        return self.harvest(search, start=start)

    def lookup_ids(self, ids: Sequence[str]) -> Iterator[SourceItem]:
        """Look up ids; each id with no answer gives ``Skip("not-found", id)`` at the end.

        When arXiv answers with an error entry (e.g. a malformed id) that ``arxiv-error`` skip
        is reported instead and no not-found skips are added.
        """
        if not ids:
            raise ValueError("no ids to look up")
        found: set[str] = set()
        arxiv_error = False
        position = -1
        for item in self.harvest(arxiv.Search(id_list=list(ids), max_results=None)):
            position = item.position
            if item.record is not None:
                found.add(item.record.arxiv_id)
            elif item.skip is not None and item.skip.reason == "arxiv-error":
                arxiv_error = True
            yield item
        if arxiv_error:
            return
        for wanted in ids:
            if _VERSION_SUFFIX.sub("", wanted.strip()) not in found:
                position += 1
                yield SourceItem(
                    position, skip=Skip("not-found", wanted, detail=f"no results for {wanted}")
                )

    def harvest(self, search: arxiv.Search, start: int = 0) -> Iterator[SourceItem]:
        """Yield items from absolute offset `start` up to `search.max_results` (None: all).

        Each page is fetched completely before its items are yielded. Raises `HarvestError`
        (with `resume_offset`) when a page still fails after the retry budget.
        """
        if start < 0:
            raise ValueError("start must be >= 0")
        limit = search.max_results
        offset = self.next_offset = start
        first = True
        while limit is None or offset < limit:
            url = self.client._format_url(search, offset, self.page_size)
            page = self._fetch(url, offset, first_page=first)
            first = False
            if not page.items:
                logger.info("No results at offset %d: %s", offset, url)
                return
            for item in page.items:
                position = offset + item.position - 1
                if limit is not None and position >= limit:
                    return
                self.next_offset = position + 1
                yield SourceItem(position, record=item.record, skip=item.skip)
            offset += len(page.items)
            if offset >= page.total_results:
                return

    def _fetch(self, url: str, offset: int, *, first_page: bool) -> FeedPage:
        """One page, retried with backoff on transient failures (a connection that cannot be
        made: at most `unreachable_retries` times)."""
        attempts = self.backoff.max_retries + 1
        unreachable = 0
        for attempt in range(attempts):
            try:
                return self._fetch_once(url, offset, first_page=first_page)
            except _RetryableError as exc:
                unreachable += exc.unreachable
                if attempt + 1 == attempts or unreachable > self.backoff.unreachable_retries:
                    raise HarvestError(
                        str(exc), resume_offset=offset, url=url, attempts=attempt + 1
                    ) from exc
                wait = self.backoff.delay(attempt, self._rng)
                if exc.retry_after is not None:
                    wait = max(wait, exc.retry_after)
                logger.warning("%s; retry %d in %.1f s: %s", exc, attempt + 1, wait, url)
                self._sleep(wait)
        raise AssertionError("unreachable")

    def _fetch_once(self, url: str, offset: int, *, first_page: bool) -> FeedPage:
        self._pace()
        try:
            response = self.session.get(
                url,
                headers={"User-Agent": self.user_agent},
                timeout=(self.connect_timeout, self.timeout),
            )
        except requests.ConnectionError as exc:
            if _cannot_connect(exc):
                message = f"arXiv unreachable: {type(exc).__name__}: {exc}"
                raise _RetryableError(message, unreachable=True) from exc
            raise _RetryableError(f"{type(exc).__name__}: {exc}") from exc
        except requests.Timeout as exc:
            raise _RetryableError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            self._last_request = self._clock()
        status = response.status_code
        if status in RETRYABLE_STATUS:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            raise _RetryableError(f"HTTP {status}", retry_after=retry_after)
        page = parse_feed(response.content, url)
        if status != requests.codes.ok:
            if any(skip.reason == "arxiv-error" for skip in page.errors):
                return page  # arXiv's error-as-entry answer, e.g. with HTTP 400
            raise HarvestError(f"HTTP {status}", resume_offset=offset, url=url, attempts=1)
        if page.malformed:
            raise _RetryableError(f"malformed feed: {page.errors[0].detail}")
        if not page.items and not (first_page and offset >= page.total_results):
            raise _RetryableError(f"unexpectedly empty page (total_results={page.total_results})")
        return page

    def _pace(self) -> None:
        """Keep at least `delay_seconds` between the end of one request and the next."""
        if self._last_request is None:
            return
        wait = self.delay_seconds - (self._clock() - self._last_request)
        if wait > 0:
            self._sleep(wait)

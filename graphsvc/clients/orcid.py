"""ORCID public API client: does an ORCID record list any of a researcher's arXiv works?

`OrcidClient.works_arxiv_ids` reads ``GET {base_url}/{orcid}/works`` as 3.0-schema XML through a
`requests.Session` (streamed, capped at `max_bytes`, parsed with defusedxml), retrying network
errors, 429 and 5xx with backoff and Retry-After, and raises an `OrcidError` subclass per failure
kind. `OrcidClient.check` turns that into an `OrcidResult` and never raises for network, HTTP or
parse problems: those give `OrcidCheck.UNVERIFIED`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from xml.etree.ElementTree import Element, ParseError

import requests
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from requests.exceptions import ChunkedEncodingError

from graphsvc.clients.http import parse_retry_after
from graphsvc.names import normalise_arxiv_id

logger = logging.getLogger(__name__)

USER_AGENT = "graphsvc/0.1 (+https://github.com/graphsvc; mailto:graphsvc@example.org)"
ACCEPT = "application/vnd.orcid+xml"
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
NS = {
    "activities": "http://www.orcid.org/ns/activities",
    "common": "http://www.orcid.org/ns/common",
    "work": "http://www.orcid.org/ns/work",
}
_ORCID = re.compile(r"(?i:(?:https?://)?(?:www\.)?orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])")


def normalise_orcid(text: str) -> str | None:
    """``0000-0002-1825-0097`` from an iD or orcid.org URL; None if malformed or wrongly checked."""
    found = _ORCID.fullmatch(text.strip())
    if found is None:
        return None
    orcid = found.group(1).upper()
    return orcid if orcid[-1] == _check_digit(orcid) else None


def _check_digit(orcid: str) -> str:
    """The ISO 7064 11,2 check digit of the first 15 digits."""
    total = 0
    for digit in orcid[:-1].replace("-", ""):
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


class OrcidCheck(StrEnum):
    """The outcome of a check, as stored with a claim."""

    VERIFIED = "verified"  # the record lists at least one of the given arXiv ids
    NO_MATCH = "no_match"  # the record was read and lists none of them
    NOT_FOUND = "not_found"  # ORCID answers 404 for the iD
    INVALID = "invalid"  # malformed iD or wrong check digit; no request made
    UNVERIFIED = "could_not_verify"  # network, HTTP or answer problem


@dataclass(frozen=True)
class OrcidResult:
    """What `OrcidClient.check` found for one iD."""

    orcid: str
    check: OrcidCheck
    detail: str  # a short sentence for people
    matched: tuple[str, ...] = ()  # arXiv ids on both sides, without version, sorted


class OrcidError(Exception):
    """Reading an ORCID record failed; the message says why."""


class InvalidOrcidError(OrcidError):
    """Not an ORCID iD (malformed or wrong check digit)."""


class OrcidNotFoundError(OrcidError):
    """ORCID has no record for the iD (HTTP 404)."""


class OrcidUnavailableError(OrcidError):
    """Network error, timeout, or an HTTP error status (transient ones after the retries)."""


class OrcidAnswerError(OrcidError):
    """The answer is malformed, not a works list, or larger than `max_bytes`."""


class _RetryableError(OrcidUnavailableError):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class OrcidClient:
    """The ORCID public API (read-only, no token), one record's works at a time."""

    def __init__(
        self,
        base_url: str = "https://pub.orcid.org/v3.0",
        session: requests.Session | None = None,
        timeout_s: float = 10.0,
        retries: int = 2,
        backoff_s: float = 1.0,
        max_bytes: int = 5 * 1024**2,
        *,
        max_wait_s: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Retry n (0-based) waits ``backoff_s * 2**n``, or longer if Retry-After asks; a wait
        beyond `max_wait_s` is not made and the read fails instead."""
        if timeout_s <= 0 or retries < 0 or backoff_s < 0 or max_bytes <= 0 or max_wait_s < 0:
            raise ValueError("invalid ORCID client settings")
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_bytes = max_bytes
        self.max_wait_s = max_wait_s
        self._sleep = sleep

    def check(self, orcid: str, arxiv_ids: Iterable[str]) -> OrcidResult:
        """Does the ORCID record for `orcid` list at least one of `arxiv_ids`?"""
        if isinstance(arxiv_ids, str):
            raise TypeError("arxiv_ids must be a collection of ids, not one string")
        canonical = normalise_orcid(orcid)
        if canonical is None:
            detail = (
                "the ORCID iD's check digit is wrong (a typing error?)"
                if _ORCID.fullmatch(orcid.strip())
                else "this is not an ORCID iD (like 0000-0002-1825-0097)"
            )
            return OrcidResult(orcid.strip(), OrcidCheck.INVALID, detail)
        wanted = {i for i in map(normalise_arxiv_id, arxiv_ids) if i}
        try:
            listed = self.works_arxiv_ids(canonical)
        except OrcidNotFoundError:
            return OrcidResult(canonical, OrcidCheck.NOT_FOUND, "ORCID has no record for this iD")
        except OrcidError as exc:
            logger.warning("ORCID check for %s could not verify: %s", canonical, exc)
            return OrcidResult(
                canonical, OrcidCheck.UNVERIFIED, f"could not read the ORCID record: {exc}"
            )
        matched = tuple(sorted(wanted & listed))
        if not matched:
            return OrcidResult(
                canonical,
                OrcidCheck.NO_MATCH,
                "the ORCID record lists none of this researcher's arXiv works",
            )
        return OrcidResult(
            canonical,
            OrcidCheck.VERIFIED,
            f"the ORCID record lists {len(matched)} of this researcher's arXiv works",
            matched,
        )

    def works_arxiv_ids(self, orcid: str) -> set[str]:
        """The arXiv ids (without version) of the works on the ORCID record."""
        canonical = normalise_orcid(orcid)
        if canonical is None:
            raise InvalidOrcidError(f"not a valid ORCID iD: {orcid!r}")
        root = self._read(f"{self.base_url}/{canonical}/works")
        if root.tag != f"{{{NS['activities']}}}works":
            raise OrcidAnswerError(f"not a works list: <{root.tag}>")
        ids = set()
        for ext in root.iterfind(
            "activities:group/work:work-summary/common:external-ids/common:external-id", NS
        ):
            kind = ext.findtext("common:external-id-type", "", NS).strip().lower()
            arxiv_id = normalise_arxiv_id(ext.findtext("common:external-id-value", "", NS))
            if kind == "arxiv" and arxiv_id:
                ids.add(arxiv_id)
        return ids

    def _read(self, url: str) -> Element:
        """The parsed XML answer, with retries on transient failures."""
        for attempt in range(self.retries + 1):
            try:
                body = self._get(url)
                break
            except _RetryableError as exc:
                wait = self.backoff_s * 2**attempt
                if exc.retry_after is not None:
                    wait = max(wait, exc.retry_after)
                if attempt == self.retries or wait > self.max_wait_s:
                    raise OrcidUnavailableError(f"{exc} after {attempt + 1} attempt(s)") from exc
                logger.info("ORCID %s; retry %d in %.1f s: %s", exc, attempt + 1, wait, url)
                self._sleep(wait)
        try:
            return fromstring(body)
        except (ParseError, DefusedXmlException) as exc:
            raise OrcidAnswerError(f"unreadable XML ({type(exc).__name__}: {exc})") from exc

    def _get(self, url: str) -> bytes:
        """One request; the body, read up to `max_bytes`."""
        headers = {"Accept": ACCEPT, "User-Agent": USER_AGENT}
        try:
            with self.session.get(
                url, headers=headers, timeout=self.timeout_s, stream=True
            ) as response:
                status = response.status_code
                if status in RETRYABLE_STATUS:
                    retry_after = None
                    if status in (429, 503):
                        retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    raise _RetryableError(f"HTTP {status}", retry_after)
                if status == 404:
                    raise OrcidNotFoundError(f"no ORCID record at {url}")
                if status != requests.codes.ok:
                    raise OrcidUnavailableError(f"HTTP {status}")
                return self._body(response)
        except (requests.ConnectionError, requests.Timeout, ChunkedEncodingError) as exc:
            raise _RetryableError(type(exc).__name__) from exc
        except requests.RequestException as exc:
            raise OrcidUnavailableError(f"{type(exc).__name__}: {exc}") from exc

    def _body(self, response: requests.Response) -> bytes:
        """The body, refused once it (or its declared length) passes `max_bytes`."""
        too_big = f"answer larger than {self.max_bytes} bytes"
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise OrcidAnswerError(too_big)
        body = bytearray()
        for chunk in response.iter_content(chunk_size=64 * 1024):
            body += chunk
            if len(body) > self.max_bytes:
                raise OrcidAnswerError(too_big)
        return bytes(body)

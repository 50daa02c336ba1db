"""Tests for graphsvc.clients.orcid: the real OrcidClient + requests stack, answered by fixtures.

A transport adapter mounted on the client's session serves `GET /v3.0/{orcid}/works` from the
recorded answers in tests/fixtures/orcid-api (see its README), streaming each body through a reader
that counts the bytes taken, and can script failures per iD. Sleeps go to a list, so waits are
asserted, not waited for.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from graphsvc.clients.http import parse_retry_after
from graphsvc.clients.orcid import (
    USER_AGENT,
    InvalidOrcidError,
    OrcidAnswerError,
    OrcidCheck,
    OrcidClient,
    OrcidNotFoundError,
    OrcidResult,
    OrcidUnavailableError,
    normalise_orcid,
)
from graphsvc.names import normalise_arxiv_id

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "orcid-api"
DEMO = "8888-8888-8888-8880"  # the samples' own iD (its check digit is valid)
NO_ARXIV = "0000-0002-1825-0097"
ONE_WORK = "0000-0001-5109-3700"
MISSING = "0000-0002-1694-233X"
RECORDS = {DEMO: "works-demo.xml", NO_ARXIV: "works-3.0.xml", ONE_WORK: "work-full-3.0.xml"}
DEMO_BODY = (FIXTURES / "works-demo.xml").read_bytes()
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<activities:works xmlns:activities="http://www.orcid.org/ns/activities">&lol9;</activities:works>
"""
# An action is a status code, (status, headers), a body served with 200, or an exception.
Action = int | tuple[int, dict[str, str]] | bytes | Exception


class Body(io.BytesIO):
    """A streamed body that counts the bytes the client took."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.taken = 0

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


def make_response(
    request: requests.PreparedRequest, status: int, body: bytes, headers: Mapping[str, str]
) -> tuple[requests.Response, Body]:
    response = requests.Response()
    response.status_code = status
    response.raw = raw = Body(body)
    response.headers = CaseInsensitiveDict(headers)
    response.url = request.url or ""
    response.request = request
    return response, raw


def orcid_of(url: str) -> str:
    version, orcid, works = urlsplit(url).path.strip("/").split("/")
    assert (version, works) == ("v3.0", "works"), url
    return orcid


@dataclass
class ReplayAdapter(BaseAdapter):
    """Serves recorded answers; `script[orcid]` actions are used up, in order, before the file."""

    script: dict[str, list[Action]] = field(default_factory=dict)
    sent: list[requests.PreparedRequest] = field(default_factory=list)
    options: list[dict[str, Any]] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.sent.append(request)
        self.options.append(kwargs)
        orcid = orcid_of(request.url or "")
        status, body, headers = 200, b"", {"Content-Type": "application/vnd.orcid+xml"}
        actions = self.script.get(orcid)
        if actions:
            action = actions.pop(0)
            if isinstance(action, Exception):
                raise action
            if isinstance(action, bytes):
                body = action
            else:
                status, headers = action if isinstance(action, tuple) else (action, {})
                body = b"busy"
        elif orcid in RECORDS:
            body = (FIXTURES / RECORDS[orcid]).read_bytes()
        else:
            status, body = 404, b"no such record"
        response, raw = make_response(request, status, body, headers)
        self.bodies.append(raw)
        return response

    def close(self) -> None:
        pass


@dataclass
class Rig:
    client: OrcidClient
    adapter: ReplayAdapter
    sleeps: list[float]


def rig(script: dict[str, list[Action]] | None = None, **options: Any) -> Rig:
    sleeps: list[float] = []
    client = OrcidClient(sleep=sleeps.append, **options)
    adapter = ReplayAdapter(script=script or {})
    client.session.mount("https://", adapter)
    client.session.mount("http://", adapter)
    return Rig(client, adapter, sleeps)


@pytest.mark.parametrize(
    "wanted",
    [
        "0704.0001",
        "0704.0001v2",
        "0704.0001v1",
        "arXiv:0704.0001",
        "https://arxiv.org/abs/0704.0001",
    ],
)
def test_verified_with_and_without_version_and_prefix(wanted: str) -> None:
    r = rig()
    result = r.client.check(DEMO, ["0704.0002", wanted])
    assert result == OrcidResult(
        DEMO,
        OrcidCheck.VERIFIED,
        "the ORCID record lists 1 of this researcher's arXiv works",
        ("0704.0001",),
    )
    assert len(r.adapter.sent) == 1 and r.sleeps == []


def test_verified_two_works_old_and_new_style_request_shape() -> None:
    r = rig()
    result = r.client.check(f" https://orcid.org/{DEMO} ", ["hep-th/9901001v3", "0704.0001"])
    assert (result.orcid, result.check, result.matched) == (
        DEMO,
        OrcidCheck.VERIFIED,
        ("0704.0001", "hep-th/9901001"),
    )
    assert result.detail == "the ORCID record lists 2 of this researcher's arXiv works"
    assert str(result.check) == "verified"
    (request,) = r.adapter.sent
    assert (request.method, request.url) == ("GET", f"https://pub.orcid.org/v3.0/{DEMO}/works")
    assert request.headers["Accept"] == "application/vnd.orcid+xml"
    assert request.headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("graphsvc/")
    assert r.adapter.options[0]["timeout"] == 10.0 and r.adapter.options[0]["stream"] is True


def test_works_arxiv_ids() -> None:
    r = rig(base_url="https://orcid.test/v3.0/")
    assert r.client.works_arxiv_ids(DEMO) == {"0704.0001", "hep-th/9901001"}
    assert r.client.works_arxiv_ids(NO_ARXIV) == set()  # its arXiv value "123456" is no arXiv id
    assert [req.url for req in r.adapter.sent] == [
        f"https://orcid.test/v3.0/{DEMO}/works",
        f"https://orcid.test/v3.0/{NO_ARXIV}/works",
    ]


@pytest.mark.parametrize(
    ("orcid", "wanted"),
    [(DEMO, ["0704.0002", "hep-th/9901002"]), (NO_ARXIV, ["0704.0001"]), (DEMO, [])],
)
def test_no_match(orcid: str, wanted: list[str]) -> None:
    r = rig()
    assert r.client.check(orcid, wanted) == OrcidResult(
        orcid, OrcidCheck.NO_MATCH, "the ORCID record lists none of this researcher's arXiv works"
    )
    assert len(r.adapter.sent) == 1


def test_404_is_not_found() -> None:
    r = rig()
    result = r.client.check(MISSING.lower(), ["0704.0001"])
    assert result == OrcidResult(MISSING, OrcidCheck.NOT_FOUND, "ORCID has no record for this iD")
    with pytest.raises(OrcidNotFoundError):
        r.client.works_arxiv_ids(MISSING)
    assert len(r.adapter.sent) == 2 and r.sleeps == []


@pytest.mark.parametrize(
    "orcid",
    [
        "",
        "not an orcid",
        "0000-0002-1825-009",
        "0000000218250097",
        "0000-0002-1825-0097-1",
        "https://example.org/0000-0002-1825-0097",
        "0000-0002-1825-009Y",
    ],
)
def test_malformed_orcid_is_invalid_without_a_request(orcid: str) -> None:
    r = rig()
    result = r.client.check(orcid, ["0704.0001"])
    assert result == OrcidResult(
        orcid.strip(), OrcidCheck.INVALID, "this is not an ORCID iD (like 0000-0002-1825-0097)"
    )
    with pytest.raises(InvalidOrcidError):
        r.client.works_arxiv_ids(orcid)
    assert r.adapter.sent == []


@pytest.mark.parametrize(
    "orcid", ["0000-0002-1825-0098", "8888-8888-8888-888X", "0000-0002-1694-2330"]
)
def test_wrong_check_digit_is_invalid_without_a_request(orcid: str) -> None:
    r = rig()
    result = r.client.check(orcid, ["0704.0001"])
    assert (result.orcid, result.check, result.matched) == (orcid, OrcidCheck.INVALID, ())
    assert result.detail == "the ORCID iD's check digit is wrong (a typing error?)"
    assert r.adapter.sent == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("http://www.ORCID.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("  0000-0002-1694-233x\n", "0000-0002-1694-233X"),
        ("0000-0002-1825-0098", None),
        ("0000-0002-1694-2337", None),
        ("orcid.org/", None),
    ],
)
def test_normalise_orcid(text: str, expected: str | None) -> None:
    assert normalise_orcid(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("arXiv:1204.1234v2", "1204.1234"),
        ("1204.1234", "1204.1234"),
        ("2101.00001v11", "2101.00001"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("ARXIV:hep-th/9901001v1", "hep-th/9901001"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("http://arxiv.org/abs/0704.0001v2", "0704.0001"),
        ("123456", None),
        ("10.1103/PhysRevD.76.013009", None),
    ],
)
def test_normalise_arxiv_id(text: str, expected: str | None) -> None:
    assert normalise_arxiv_id(text) == expected


def test_429_then_200_honours_retry_after() -> None:
    r = rig({DEMO: [(429, {"Retry-After": "7"})]})
    result = r.client.check(DEMO, ["0704.0001"])
    assert (result.check, result.matched) == (OrcidCheck.VERIFIED, ("0704.0001",))
    assert len(r.adapter.sent) == 2
    assert r.sleeps == [7.0]


def test_retry_after_shorter_than_backoff_does_not_shorten_it() -> None:
    r = rig({DEMO: [503, (503, {"Retry-After": "0"})]})
    assert r.client.check(DEMO, ["0704.0001"]).check is OrcidCheck.VERIFIED
    assert r.sleeps == [1.0, 2.0]


def test_retry_after_beyond_max_wait_gives_up_at_once() -> None:
    r = rig({DEMO: [(429, {"Retry-After": "3600"})]})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result.check is OrcidCheck.UNVERIFIED
    assert result.detail == "could not read the ORCID record: HTTP 429 after 1 attempt(s)"
    assert len(r.adapter.sent) == 1 and r.sleeps == []


def test_503_every_time_is_could_not_verify(caplog: pytest.LogCaptureFixture) -> None:
    r = rig({DEMO: [(503, {"Retry-After": "2"})] * 6})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result == OrcidResult(
        DEMO,
        OrcidCheck.UNVERIFIED,
        "could not read the ORCID record: HTTP 503 after 3 attempt(s)",
    )
    assert str(result.check) == "could_not_verify"
    assert len(r.adapter.sent) == 3 and r.sleeps == [2.0, 2.0]
    assert f"ORCID check for {DEMO} could not verify: HTTP 503 after 3 attempt(s)" in caplog.text
    with pytest.raises(OrcidUnavailableError, match="HTTP 503"):
        r.client.works_arxiv_ids(DEMO)


def test_5xx_backoff_without_retry_after() -> None:
    r = rig({DEMO: [500, 502, 504]}, retries=3, backoff_s=0.5)
    assert r.client.check(DEMO, ["0704.0001"]).check is OrcidCheck.VERIFIED
    assert r.sleeps == [0.5, 1.0, 2.0] and len(r.adapter.sent) == 4


@pytest.mark.parametrize(
    ("error", "name"),
    [
        (requests.exceptions.ConnectionError("Name or service not known"), "ConnectionError"),
        (requests.exceptions.ReadTimeout("read timed out"), "ReadTimeout"),
        (requests.exceptions.ConnectTimeout("connect timed out"), "ConnectTimeout"),
    ],
)
def test_network_errors_are_could_not_verify(error: Exception, name: str) -> None:
    r = rig({DEMO: [error] * 3})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result == OrcidResult(
        DEMO, OrcidCheck.UNVERIFIED, f"could not read the ORCID record: {name} after 3 attempt(s)"
    )
    assert len(r.adapter.sent) == 3 and r.sleeps == [1.0, 2.0]


def test_one_connection_error_then_answer() -> None:
    r = rig({DEMO: [requests.exceptions.ConnectionError("reset")]}, retries=1, backoff_s=0)
    assert r.client.check(DEMO, ["0704.0001"]).check is OrcidCheck.VERIFIED
    assert r.sleeps == [0]


@pytest.mark.parametrize("status", [400, 403, 409, 410])
def test_other_http_errors_are_not_retried(status: int) -> None:
    r = rig({DEMO: [status]})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result.check is OrcidCheck.UNVERIFIED
    assert result.detail == f"could not read the ORCID record: HTTP {status}"
    assert len(r.adapter.sent) == 1 and r.sleeps == []


def test_malformed_xml_is_could_not_verify() -> None:
    r = rig({DEMO: [DEMO_BODY[: len(DEMO_BODY) // 2]]})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result.check is OrcidCheck.UNVERIFIED and result.matched == ()
    assert result.detail.startswith("could not read the ORCID record: unreadable XML (ParseError:")
    assert len(r.adapter.sent) == 1
    with pytest.raises(OrcidAnswerError):
        rig({DEMO: [b'{"group": []}']}).client.works_arxiv_ids(DEMO)


def test_a_single_work_is_not_a_works_list() -> None:
    r = rig()
    result = r.client.check(ONE_WORK, ["0704.0001"])
    assert result.check is OrcidCheck.UNVERIFIED
    assert result.detail == (
        "could not read the ORCID record: not a works list: <{http://www.orcid.org/ns/work}work>"
    )


def test_oversized_body_stops_reading_and_is_could_not_verify() -> None:
    padding = b"<!--" + b"x" * 1024**2 + b"-->"
    r = rig({DEMO: [DEMO_BODY + padding]}, max_bytes=100_000)
    result = r.client.check(DEMO, ["0704.0001"])
    assert result == OrcidResult(
        DEMO,
        OrcidCheck.UNVERIFIED,
        "could not read the ORCID record: answer larger than 100000 bytes",
    )
    (body,) = r.adapter.bodies
    assert 100_000 < body.taken <= 100_000 + 64 * 1024 < len(DEMO_BODY + padding)


def test_declared_oversized_body_is_not_read() -> None:
    big = str(5 * 1024**2 + 1)
    r = rig({DEMO: [(200, {"Content-Length": big})]})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result.check is OrcidCheck.UNVERIFIED
    assert result.detail.endswith(f"answer larger than {5 * 1024**2} bytes")
    assert r.adapter.bodies[0].taken == 0


def test_body_of_exactly_max_bytes_is_read() -> None:
    r = rig(max_bytes=len(DEMO_BODY))
    assert r.client.check(DEMO, ["0704.0001"]).check is OrcidCheck.VERIFIED
    assert r.adapter.bodies[0].taken == len(DEMO_BODY)


def test_entity_expansion_is_refused() -> None:
    r = rig({DEMO: [BILLION_LAUGHS]})
    result = r.client.check(DEMO, ["0704.0001"])
    assert result.check is OrcidCheck.UNVERIFIED
    assert result.detail.startswith(
        "could not read the ORCID record: unreadable XML (EntitiesForbidden:"
    )
    assert len(r.adapter.sent) == 1


def test_parse_retry_after() -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after("120") == 120.0
    assert 28 <= (parse_retry_after(soon) or 0) <= 30
    assert parse_retry_after(None) is None
    assert parse_retry_after("later") is None


def test_bad_settings_rejected() -> None:
    bad: list[dict[str, Any]] = [
        {"timeout_s": 0},
        {"retries": -1},
        {"backoff_s": -1},
        {"max_bytes": 0},
        {"max_wait_s": -1},
    ]
    for options in bad:
        with pytest.raises(ValueError):
            OrcidClient(**options)
    with pytest.raises(TypeError):
        OrcidClient().check(DEMO, "0704.0001")

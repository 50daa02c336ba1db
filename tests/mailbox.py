"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests."""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from typing import Any

from aiosmtpd.controller import Controller

LINK = re.compile(r"token=([A-Za-z0-9_\-]+)")


@dataclass(frozen=True)
class Received:
    to: str
    subject: str
    body: str

    def token(self) -> str:
        """The token of the link in the message."""
        found = LINK.search(self.body)
        assert found, f"no link in {self.body!r}"
        return found.group(1)


class _Collect:
    def __init__(self, box: list[Received]) -> None:
        self.box = box

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(("plain",))
        text = body.get_content() if body is not None else ""
        for to in envelope.rcpt_tos:
            self.box.append(Received(to=to, subject=str(message["Subject"]), body=text))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Mailbox:
    """Start with `start()`; `url` goes into GRAPHSVC_SMTP_URL."""

    def __init__(self) -> None:
        self.messages: list[Received] = []
        self._controller = Controller(
            _Collect(self.messages), hostname="127.0.0.1", port=_free_port()
        )

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self._controller.port}"

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if m.to.lower() == address.lower()]

    def last(self, address: str, subject: str, timeout_s: float = 10.0) -> Received:
        """The newest message to `address` whose subject contains `subject` (waits for it)."""
        deadline = time.monotonic() + timeout_s
        while True:
            found = [m for m in self.to(address) if subject in m.subject]
            if found:
                return found[-1]
            assert time.monotonic() < deadline, f"no mail {subject!r} to {address}"
            time.sleep(0.05)

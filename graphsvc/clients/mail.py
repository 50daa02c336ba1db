"""Outgoing mail: over SMTP when `GRAPHSVC_SMTP_URL` is set, else written to the log.

`smtp://user:password@host:587` sends with STARTTLS when the server offers it (required when a
password is given), `smtps://host:465` uses TLS from the start; a loopback server with neither
(the tests' aiosmtpd) is used as is.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import unquote, urlsplit

log = logging.getLogger(__name__)
TIMEOUT_S = 20.0


class MailError(Exception):
    """A message could not be handed to the mail server."""


@dataclass(frozen=True)
class Mail:
    """One plain-text message."""

    to: str
    subject: str
    body: str


class Mailer(Protocol):
    def send(self, mail: Mail) -> None: ...


class LogMailer:
    """Development: the message (with its link) goes to the log, nothing is sent."""

    def send(self, mail: Mail) -> None:
        log.warning(
            "mail not sent (GRAPHSVC_SMTP_URL unset) to %s: %s\n%s",
            mail.to,
            mail.subject,
            mail.body,
        )


class SmtpMailer:
    """Sends each message in its own SMTP session."""

    def __init__(self, url: str, sender: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("GRAPHSVC_SMTP_URL must look like smtp://user:password@host:port")
        self._tls = parts.scheme == "smtps"
        self._host = parts.hostname
        self._port = parts.port or (465 if self._tls else 25)
        self._user = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        self._sender = sender

    def send(self, mail: Mail) -> None:
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message.set_content(mail.body)
        context = ssl.create_default_context()
        try:
            if self._tls:
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    self._host, self._port, timeout=TIMEOUT_S, context=context
                )
            else:
                client = smtplib.SMTP(self._host, self._port, timeout=TIMEOUT_S)
            with client:
                if not self._tls and client.has_extn("starttls"):
                    client.starttls(context=context)
                elif not self._tls and self._password:
                    raise MailError("the SMTP server offers no STARTTLS: not sending a password")
                if self._user and self._password:
                    client.login(self._user, self._password)
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as err:
            raise MailError(
                f"could not send mail through {self._host}:{self._port}: {err}"
            ) from err


def mailer(smtp_url: str | None, sender: str) -> Mailer:
    """The mailer the settings ask for."""
    return SmtpMailer(smtp_url, sender) if smtp_url else LogMailer()

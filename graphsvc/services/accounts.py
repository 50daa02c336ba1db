"""Accounts: sign-up with email verification, sign-in and sign-out with server-side sessions,
password reset, personal access tokens, account deletion (README: Accounts).

No answer tells whether an email is registered: sign-up and reset say the same thing either way
(the owner of a registered address is told by mail instead), and a failed sign-in says only that
the email or password is wrong, after the same argon2 work.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from email_validator import EmailNotValidError, validate_email

from graphsvc.clients.mail import Mail, Mailer, MailError
from graphsvc.db import GraphBackend, Row
from graphsvc.services import account_tokens, passwords
from graphsvc.services.throttle import Throttle
from graphsvc.store import accounts as store

log = logging.getLogger(__name__)
TOUCH_EVERY_S = 60  # a session's last use is written at most this often
TOKEN_PREFIX = "gsp_"  # personal access tokens: recognisable in logs and by secret scanners
FEED_PREFIX = "gsf_"
MAX_NAME = 100
TOKEN_TTL_S = 365 * 86_400


class AccountError(Exception):
    """A request that cannot be done as given; the message is for the person."""


class Throttled(Exception):
    """Too many attempts from this account or address; try again later."""


@dataclass(frozen=True)
class Policy:
    """Expiries and the public address links in mail point at."""

    session_idle_s: int
    session_absolute_s: int
    verify_ttl_s: int
    reset_ttl_s: int
    public_url: str


@dataclass(frozen=True)
class Session:
    """A live browser session: anonymous (account None) or signed in."""

    secret: str
    key: str
    csrf: str
    account: Row | None


def email_key(email: str) -> str | None:
    """The normalised, lower-case form of an email address, or None when it is not one."""
    try:
        checked = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError:
        return None
    return checked.normalized.lower()


def display_name_problem(name: str) -> str | None:
    if not name.strip():
        return "a display name is required"
    if len(name) > MAX_NAME:
        return f"the display name may have at most {MAX_NAME} characters"
    return None


class Accounts:
    """The account operations over one backend, mailer and throttle."""

    def __init__(
        self,
        backend: GraphBackend,
        mailer: Mailer,
        throttle: Throttle,
        policy: Policy,
        clock: Callable[[], float] = time.time,
        hasher: passwords.Passwords | None = None,
    ) -> None:
        self.passwords = hasher or passwords.Passwords()
        self.backend = backend
        self.mailer = mailer
        self.throttle = throttle
        self.policy = policy
        self.clock = clock

    def now(self) -> int:
        return int(self.clock())

    # sign-up and verification

    def sign_up(self, email: str, display_name: str, password: str, address: str) -> None:
        """Create an unverified account and mail its verification link. A taken email gets a
        mail to its owner instead; the caller cannot tell which happened."""
        key = email_key(email)
        if key is None:
            raise AccountError("that is not an email address")
        problem = display_name_problem(display_name) or passwords.password_problem(
            password, email, display_name
        )
        if problem:
            raise AccountError(problem)
        if not self.throttle.allow("sign-up", key, address):
            raise Throttled()
        account_id = account_tokens.new_public_id()
        created = store.create_account(
            self.backend,
            id=account_id,
            email=email.strip(),
            email_key=key,
            display_name=display_name.strip(),
            password_hash=self.passwords.hash(password),
            now=self.now(),
        )
        if created:
            self._send_verify_link(account_id, email.strip())
        else:
            self._mail(
                email.strip(),
                "graphsvc: someone tried to sign up with your email",
                "Someone (maybe you) tried to create a graphsvc account with this address, "
                "which already has one. If it was you, sign in, or reset your password at\n"
                f"{self.policy.public_url}/reset\n",
            )

    def resend_verification(self, account: Row) -> None:
        if not account["email_verified"]:
            self._send_verify_link(account["id"], account["email"])

    def _send_verify_link(self, account_id: str, email: str) -> None:
        link = self._new_link(account_id, store.VERIFY_LINK, self.policy.verify_ttl_s)
        self._mail(
            email,
            "graphsvc: confirm your email",
            "Confirm the email of your graphsvc account by opening\n"
            f"{self.policy.public_url}/verify?token={link}\n"
            "If you did not sign up, ignore this message.\n",
        )

    def verify_email(self, link: str) -> bool:
        """Use a verification link; False when it is unknown, used or expired."""
        found = self._live_secret(link, store.VERIFY_LINK)
        if found is None:
            return False
        store.set_verified(self.backend, found["account_id"], account_tokens.digest(link))
        return True

    # sessions

    def anonymous_session(self) -> Session:
        """A session with no account yet: it carries the CSRF token of the sign-in forms."""
        return self._new_session(None, "")

    def session(self, secret: str) -> Session | None:
        """The live session behind a cookie value, or None (unknown, expired, account gone)."""
        key = account_tokens.digest(secret)
        row = store.session(self.backend, key)
        if row is None:
            return None
        now = self.now()
        idle = now - row["seen_at"] > self.policy.session_idle_s
        old = now - row["created_at"] > self.policy.session_absolute_s
        signed_in = bool(row["account_id"])
        if idle or old or (signed_in and row["account"] is None):
            store.end_session(self.backend, key)
            return None
        if now - row["seen_at"] >= TOUCH_EVERY_S:
            store.touch_session(self.backend, key, now)
        account = _account_of(row) if signed_in else None
        return Session(secret=secret, key=key, csrf=row["csrf"], account=account)

    def sign_in(self, email: str, password: str, address: str, old: Session | None) -> Session:
        """A new signed-in session (the old one ends: the id rotates). Raises Throttled, or
        AccountError with one message for an unknown email and a wrong password alike."""
        key = email_key(email) or email.strip().lower()
        if not self.throttle.allow("sign-in", key, address):
            raise Throttled()
        account = store.by_email(self.backend, key)
        if not self.passwords.verify(account["password_hash"] if account else None, password):
            raise AccountError("the email or the password is wrong")
        assert account is not None
        self.throttle.clear("sign-in", key)
        if self.passwords.needs_rehash(account["password_hash"]):
            store.set_password(
                self.backend,
                account["id"],
                self.passwords.hash(password),
                account["password_changed_at"],
                sign_out=False,
            )
        self._drop_expired_sessions()
        return self._new_session(old, account["id"], account)

    def sign_out(self, session: Session) -> None:
        store.end_session(self.backend, session.key)

    def _new_session(
        self, old: Session | None, account_id: str | None, account: Row | None = None
    ) -> Session:
        secret = account_tokens.new_secret()
        key = account_tokens.digest(secret)
        csrf = secrets.token_urlsafe(32)
        store.rotate_session(
            self.backend, old.key if old else None, key, account_id or "", csrf, self.now()
        )
        public = _account_of(account) if account else None
        return Session(secret=secret, key=key, csrf=csrf, account=public)

    def _drop_expired_sessions(self) -> None:
        now = self.now()
        store.drop_expired_sessions(
            self.backend,
            idle_before=now - self.policy.session_idle_s,
            created_before=now - self.policy.session_absolute_s,
        )

    # passwords

    def request_reset(self, email: str, address: str) -> None:
        """Mail a reset link if the email has an account; the same answer either way."""
        key = email_key(email) or email.strip().lower()
        if not self.throttle.allow("reset", key, address):
            raise Throttled()
        account = store.by_email(self.backend, key)
        if account is None:
            return
        link = self._new_link(account["id"], store.RESET_LINK, self.policy.reset_ttl_s)
        self._mail(
            account["email"],
            "graphsvc: reset your password",
            "Choose a new password for your graphsvc account at\n"
            f"{self.policy.public_url}/reset/confirm?token={link}\n"
            f"The link works once, within {self.policy.reset_ttl_s // 60} minutes. If you did "
            "not ask for it, ignore this message: your password is unchanged.\n",
        )

    def reset_password(self, link: str, password: str) -> None:
        """Set a new password from a reset link; every session of the account ends."""
        found = self._live_secret(link, store.RESET_LINK)
        if found is None:
            raise AccountError("the reset link is not valid any more: ask for a new one")
        problem = passwords.password_problem(password, found["email"], found["display_name"])
        if problem:
            raise AccountError(problem)
        if not store.use_secret(self.backend, account_tokens.digest(link)):
            raise AccountError("the reset link is not valid any more: ask for a new one")
        store.set_password(
            self.backend,
            found["account_id"],
            self.passwords.hash(password),
            self.now(),
            sign_out=True,
        )

    def change_password(self, account_id: str, current: str, new: str, address: str) -> Session:
        """Change the password: every session ends and a new one starts."""
        account = store.by_id(self.backend, account_id)
        if account is None:
            raise AccountError("sign in first")
        if not self.throttle.allow("sign-in", account["email_key"], address):
            raise Throttled()
        if not self.passwords.verify(account["password_hash"], current):
            raise AccountError("the current password is wrong")
        problem = passwords.password_problem(new, account["email"], account["display_name"])
        if problem:
            raise AccountError(problem)
        store.set_password(
            self.backend, account["id"], self.passwords.hash(new), self.now(), sign_out=True
        )
        return self._new_session(None, account["id"], account)

    def delete_account(self, account_id: str, password: str, address: str) -> None:
        """Delete the account (its sessions, tokens, follows, claims, invitations, blocks); the
        password confirms."""
        account = store.by_id(self.backend, account_id)
        if account is None:
            raise AccountError("no such account")
        if not self.throttle.allow("sign-in", account["email_key"], address):
            raise Throttled()
        if not self.passwords.verify(account["password_hash"], password):
            raise AccountError("the password is wrong")
        store.delete_account(self.backend, account_id)

    # personal access tokens

    def create_token(self, account_id: str, name: str) -> tuple[str, Row]:
        """A new token (its value is shown once) and its listing."""
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise AccountError(f"a token needs a name of 1 to {MAX_NAME} characters")
        value = account_tokens.new_secret(TOKEN_PREFIX)
        public_id = account_tokens.new_public_id()
        now = self.now()
        store.create_secret(
            self.backend,
            account_tokens.digest(value),
            public_id,
            account_id,
            store.ACCESS_TOKEN,
            name,
            now,
            now + TOKEN_TTL_S,
        )
        listing = {
            "public_id": public_id,
            "name": name,
            "created_at": now,
            "expires_at": now + TOKEN_TTL_S,
            "last_used_at": 0,
        }
        return value, listing

    def tokens(self, account_id: str) -> list[Row]:
        return store.list_secrets(self.backend, account_id, store.ACCESS_TOKEN)

    def revoke_token(self, account_id: str, public_id: str) -> bool:
        return store.revoke_secret(self.backend, account_id, store.ACCESS_TOKEN, public_id)

    def account_for_token(self, value: str) -> Row | None:
        """The account a personal access token belongs to, or None."""
        if not value.startswith(TOKEN_PREFIX):
            return None
        found = self._live_secret(value, store.ACCESS_TOKEN)
        if found is None:
            return None
        if self.now() - found["last_used_at"] >= TOUCH_EVERY_S:
            store.touch_secret(self.backend, account_tokens.digest(value), self.now())
        return {
            "id": found["account_id"],
            "email": found["email"],
            "display_name": found["display_name"],
            "email_verified": found["email_verified"],
            "is_admin": found["is_admin"],
        }

    # helpers

    def _new_link(self, account_id: str, kind: str, ttl_s: int) -> str:
        value = account_tokens.new_secret()
        now = self.now()
        store.create_secret(
            self.backend,
            account_tokens.digest(value),
            account_tokens.new_public_id(),
            account_id,
            kind,
            kind,
            now,
            now + ttl_s,
            replace=True,
        )
        return value

    def _live_secret(self, value: str, kind: str) -> Row | None:
        if not value or len(value) > 200:
            return None
        found = store.secret(self.backend, account_tokens.digest(value))
        if found is None or found["kind"] != kind or found["expires_at"] < self.now():
            return None
        return found

    def _mail(self, to: str, subject: str, body: str) -> None:
        try:
            self.mailer.send(Mail(to=to, subject=subject, body=body))
        except MailError:
            log.exception("mail to an account could not be sent")


def _account_of(row: Row) -> dict[str, Any]:
    """The public part of an account row (no hash), whichever query it came from."""
    return {
        "id": row.get("account") or row["id"],
        "email": row["email"],
        "display_name": row["display_name"],
        "email_verified": bool(row["email_verified"]),
        "is_admin": bool(row["is_admin"]),
    }

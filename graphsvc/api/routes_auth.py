"""Routes: sign-up, email verification, sign-in, sign-out and password reset (`/v1/auth`).

Sign-up and reset answer 202 with the same words whether or not the email is registered; a
failed sign-in says only that the email or the password is wrong. Attempts are throttled per
account and per client address (429 with Retry-After).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from graphsvc.api import sessions
from graphsvc.api.models_accounts import (
    Accepted,
    EmailOnly,
    LinkToken,
    NewPassword,
    SessionStarted,
    SignIn,
    SignUp,
)
from graphsvc.api.problems import ACCOUNT_ERRORS

router = APIRouter(prefix="/v1/auth", tags=["accounts"])
SIGN_UP_SENT = "if the address can be used, a confirmation link is on its way to it"
RESET_SENT = "if the address has an account, a reset link is on its way to it"


@router.post(
    "/signup",
    status_code=202,
    response_model=Accepted,
    responses=ACCOUNT_ERRORS,
    summary="Create an account (a confirmation link is mailed)",
)
async def sign_up(request: Request, body: SignUp) -> Accepted:
    """Passwords: 12 to 256 characters, not the email or the name (hashed with argon2id)."""
    accounts = sessions.accounts_of(request)
    await run_in_threadpool(
        accounts.sign_up,
        body.email,
        body.display_name,
        body.password,
        sessions.client_address(request),
    )
    return Accepted(detail=SIGN_UP_SENT)


@router.post(
    "/verify",
    response_model=Accepted,
    responses=ACCOUNT_ERRORS,
    summary="Confirm an email with the mailed link's token",
)
async def verify(request: Request, body: LinkToken) -> Accepted:
    if not await run_in_threadpool(sessions.accounts_of(request).verify_email, body.token):
        raise HTTPException(400, "the link is not valid any more: sign in to get a new one")
    return Accepted(detail="your email is confirmed")


@router.post(
    "/signin",
    response_model=SessionStarted,
    responses=ACCOUNT_ERRORS,
    summary="Sign in: sets the session cookie",
)
async def sign_in(request: Request, response: Response, body: SignIn) -> SessionStarted:
    """The session cookie is new at every sign-in; the previous session ends."""
    accounts = sessions.accounts_of(request)
    old = await sessions.current_session(request)
    session = await run_in_threadpool(
        accounts.sign_in, body.email, body.password, sessions.client_address(request), old
    )
    sessions.set_cookie(request, response, session)
    assert session.account is not None
    return SessionStarted(display_name=session.account["display_name"], csrf_token=session.csrf)


@router.post("/signout", status_code=204, responses=ACCOUNT_ERRORS, summary="Sign out")
async def sign_out(request: Request, _: sessions.SignedIn) -> Response:
    """Ends the session (needs the X-CSRF-Token header)."""
    response = Response(status_code=204)
    session = await sessions.current_session(request)
    if session is not None:
        await run_in_threadpool(sessions.accounts_of(request).sign_out, session)
    sessions.clear_cookie(response)
    return response


@router.post(
    "/reset",
    status_code=202,
    response_model=Accepted,
    responses=ACCOUNT_ERRORS,
    summary="Ask for a password-reset link",
)
async def request_reset(request: Request, body: EmailOnly) -> Accepted:
    await run_in_threadpool(
        sessions.accounts_of(request).request_reset, body.email, sessions.client_address(request)
    )
    return Accepted(detail=RESET_SENT)


@router.post(
    "/reset/confirm",
    response_model=Accepted,
    responses=ACCOUNT_ERRORS,
    summary="Set a new password with the mailed link's token",
)
async def reset_password(request: Request, body: NewPassword) -> Accepted:
    """Every session of the account ends; sign in again."""
    await run_in_threadpool(sessions.accounts_of(request).reset_password, body.token, body.password)
    return Accepted(detail="your password is changed: sign in with it")

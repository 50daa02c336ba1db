"""Who is asking: a browser's session cookie or a personal access token, and CSRF checks.

The cookie holds a random session secret (the graph keeps only its digest): HttpOnly,
SameSite=Lax, Secure when the request came over TLS, renewed at sign-in (the id rotates). A
request authenticated by the cookie that changes anything must carry the session's CSRF token,
in the `X-CSRF-Token` header (API) or the `csrf_token` form field (pages). A request with a
personal access token (`Authorization: Bearer gsp_...`) needs no CSRF token: browsers never send
it on their own.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from graphsvc.services import account_tokens
from graphsvc.services.accounts import TOKEN_PREFIX, Accounts, Session

COOKIE = "graphsvc_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def accounts_of(request: Request) -> Accounts:
    accounts: Accounts = request.app.state.accounts
    return accounts


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def session_of(request: Request) -> Session | None:
    """The request's live session (looked up once per request), or None. Blocking."""
    if hasattr(request.state, "session"):
        cached: Session | None = request.state.session
        return cached
    secret = _secret(request)
    found = accounts_of(request).session(secret) if secret else None
    request.state.session = found
    return found


async def current_session(request: Request) -> Session | None:
    """`session_of` from async code: a worker thread looks the session up only when there is
    one to look up (most requests, anonymous, carry no cookie and need no database)."""
    if hasattr(request.state, "session") or not _secret(request):
        return session_of(request)  # nothing that blocks
    return await run_in_threadpool(session_of, request)


def _secret(request: Request) -> str:
    """The session secret the request's cookie holds ('' for none or an oversized one)."""
    secret = request.cookies.get(COOKIE, "")
    return secret if len(secret) <= 200 else ""


def set_cookie(request: Request, response: Response, session: Session) -> None:
    """Hand the browser its (new) session cookie."""
    accounts = accounts_of(request)
    response.set_cookie(
        COOKIE,
        session.secret,
        max_age=accounts.policy.session_absolute_s,
        path="/",
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="lax",
    )


def clear_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")


def check_csrf(session: Session, given: str | None) -> None:
    """403 unless `given` is the session's CSRF token."""
    if not given or not account_tokens.same(given, session.csrf):
        raise HTTPException(403, "the CSRF token is missing or wrong: reload the page")


async def viewer(request: Request) -> dict[str, Any] | None:
    """The signed-in account (public fields), from a bearer token or the session; None when
    anonymous. A cookie-authenticated unsafe request must carry the CSRF header."""
    authorization = request.headers.get("authorization", "")
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.startswith(TOKEN_PREFIX):
        account = await run_in_threadpool(accounts_of(request).account_for_token, value.strip())
        if account is None:
            raise HTTPException(
                401, "the access token is not valid", headers={"WWW-Authenticate": "Bearer"}
            )
        return account
    session = await current_session(request)
    if session is None or session.account is None:
        return None
    if request.method in UNSAFE and request.url.path.startswith("/v1/"):
        check_csrf(session, request.headers.get(CSRF_HEADER))
    return session.account


async def require_viewer(
    account: Annotated[dict[str, Any] | None, Depends(viewer)],
) -> dict[str, Any]:
    """401 unless someone is signed in."""
    if account is None:
        raise HTTPException(
            401,
            "sign in, or send a personal access token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return account


Viewer = Annotated[dict[str, Any] | None, Depends(viewer)]
SignedIn = Annotated[dict[str, Any], Depends(require_viewer)]

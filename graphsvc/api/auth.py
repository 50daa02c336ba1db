"""Bearer-token access to the write endpoints, and administrators' access to reviews.

Tokens come from settings (`GRAPHSVC_ADMIN_TOKEN`, comma-separated for rotation) and are compared
in constant time with every configured token. No header (or not a Bearer one): 401; a wrong token:
403; no token configured: 404, as if the endpoint did not exist (it is then not even routed).
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from graphsvc.api import sessions
from graphsvc.api.deps import State

bearer = HTTPBearer(auto_error=False, description="An admin token (GRAPHSVC_ADMIN_TOKEN).")


def token_matches(given: str, tokens: list[str]) -> bool:
    """True when `given` equals one of `tokens`; the time taken does not depend on which."""
    given_bytes = given.encode("utf-8", "surrogateescape")
    found = False
    for token in tokens:
        found |= hmac.compare_digest(given_bytes, token.encode("utf-8", "surrogateescape"))
    return found


def require_admin(
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let the request through only with a configured bearer token."""
    tokens = [t.get_secret_value() for t in state.settings.graphsvc_admin_tokens]
    if not tokens:
        raise HTTPException(404, "Not Found")
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )
    if not token_matches(credentials.credentials, tokens):
        raise HTTPException(403, "the token is not valid for this endpoint")


async def require_reviewer(
    request: Request,
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> dict[str, Any] | None:
    """An administrator: the admin bearer token (returns None), or a signed-in account with
    `is_admin` (returns it; cookies need the CSRF header on changes). Anonymous: 401; a wrong
    token or an account that is not an administrator: 403."""
    given = credentials.credentials if credentials else ""
    if given and not given.startswith(sessions.TOKEN_PREFIX):
        tokens = [t.get_secret_value() for t in state.settings.graphsvc_admin_tokens]
        if tokens and token_matches(given, tokens):
            return None
        raise HTTPException(403, "the token is not valid for this endpoint")
    account = await sessions.viewer(request)
    if account is None:
        raise HTTPException(
            401,
            "sign in as an administrator, or send an admin token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not account["is_admin"]:
        raise HTTPException(403, "administrators only")
    return account

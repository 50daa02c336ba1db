"""Bearer-token access to the write endpoints.

Tokens come from settings (`GRAPHSVC_ADMIN_TOKEN`, comma-separated for rotation) and are compared
in constant time with every configured token. No header (or not a Bearer one): 401; a wrong token:
403; no token configured: 404, as if the endpoint did not exist (it is then not even routed).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

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

"""Routes: the signed-in account (`/v1/me`): details, password, deletion, access tokens.

Only the signed-in account's own things are reachable: a token id of another account answers
404, exactly like an unknown one.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.concurrency import run_in_threadpool

from graphsvc.api import sessions
from graphsvc.api.models_accounts import (
    Accepted,
    Me,
    PasswordChange,
    PasswordConfirm,
    SessionStarted,
    TokenCreated,
    TokenInfo,
    TokenName,
    Tokens,
)
from graphsvc.api.problems import ACCOUNT_ERRORS, NotFound

router = APIRouter(prefix="/v1/me", tags=["accounts"])
TokenId = Annotated[str, Path(min_length=1, max_length=100, description="A token's id.")]


@router.get("", response_model=Me, responses=ACCOUNT_ERRORS, summary="My account")
def me(account: sessions.SignedIn) -> Me:
    return Me.model_validate(account)


@router.post(
    "/verification",
    status_code=202,
    response_model=Accepted,
    responses=ACCOUNT_ERRORS,
    summary="Mail a new confirmation link",
)
async def resend_verification(request: Request, account: sessions.SignedIn) -> Accepted:
    await run_in_threadpool(
        sessions.accounts_of(request).resend_verification,
        {
            "id": account["id"],
            "email": account["email"],
            "email_verified": account["email_verified"],
        },
    )
    return Accepted(detail="if your email is not confirmed yet, a new link is on its way")


@router.post(
    "/password",
    response_model=SessionStarted,
    responses=ACCOUNT_ERRORS,
    summary="Change my password (every other session ends)",
)
async def change_password(
    request: Request, response: Response, account: sessions.SignedIn, body: PasswordChange
) -> SessionStarted:
    new = await run_in_threadpool(
        sessions.accounts_of(request).change_password,
        account["id"],
        body.current_password,
        body.new_password,
        sessions.client_address(request),
    )
    sessions.set_cookie(request, response, new)
    return SessionStarted(display_name=account["display_name"], csrf_token=new.csrf)


@router.delete("", status_code=204, responses=ACCOUNT_ERRORS, summary="Delete my account")
async def delete_me(
    request: Request, account: sessions.SignedIn, body: PasswordConfirm
) -> Response:
    """Removes the account, its sessions, tokens, follows, claims, invitations and blocks;
    researcher records stay."""
    await run_in_threadpool(
        sessions.accounts_of(request).delete_account,
        account["id"],
        body.password,
        sessions.client_address(request),
    )
    response = Response(status_code=204)
    sessions.clear_cookie(response)
    return response


@router.get(
    "/tokens",
    response_model=Tokens,
    responses=ACCOUNT_ERRORS,
    summary="My personal access tokens (never their values)",
)
def list_tokens(request: Request, account: sessions.SignedIn) -> Tokens:
    rows = sessions.accounts_of(request).tokens(account["id"])
    return Tokens(tokens=[TokenInfo(id=r["public_id"], **_times(r), name=r["name"]) for r in rows])


@router.post(
    "/tokens",
    status_code=201,
    response_model=TokenCreated,
    responses=ACCOUNT_ERRORS,
    summary="Create a personal access token",
)
def create_token(request: Request, account: sessions.SignedIn, body: TokenName) -> TokenCreated:
    """Send it as `Authorization: Bearer <token>`. Valid for a year, or until revoked."""
    value, row = sessions.accounts_of(request).create_token(account["id"], body.name)
    return TokenCreated(id=row["public_id"], name=row["name"], token=value, **_times(row))


@router.delete(
    "/tokens/{token_id}",
    status_code=204,
    responses=ACCOUNT_ERRORS,
    summary="Revoke one of my tokens",
)
def revoke_token(request: Request, account: sessions.SignedIn, token_id: TokenId) -> Response:
    if not sessions.accounts_of(request).revoke_token(account["id"], token_id):
        raise NotFound(f"you have no token with id {token_id!r}")
    return Response(status_code=204)


def _times(row: dict[str, int]) -> dict[str, int]:
    return {k: row[k] for k in ("created_at", "expires_at", "last_used_at")}

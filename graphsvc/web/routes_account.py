"""The account pages: sign up, confirm, sign in and out, reset, and my account (tokens,
following, feed URL, password, deletion). Forms post with the session's CSRF token; each
successful post redirects (303)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from graphsvc.api import sessions
from graphsvc.api.deps import State
from graphsvc.services import collaboration, suggestions
from graphsvc.services import follows as follow_service
from graphsvc.services.accounts import AccountError, Throttled
from graphsvc.services.collaboration import CollaborationError
from graphsvc.web.forms import checked_form, form_session, keep, see_other
from graphsvc.web.routes import page

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
TOO_MANY = "Too many attempts: wait a few minutes and try again."
SUGGESTED = 10


def form_page(
    request: Request, template: str, title: str, status_code: int = 200, **context: Any
) -> Response:
    """A page with a form, rendered with the (maybe new) session's CSRF token."""
    form = form_session(request)
    response = page(
        request,
        template,
        status_code=status_code,
        title=title,
        csrf=form.session.csrf,
        **context,
    )
    return keep(request, response, form)


def message(request: Request, title: str, text: str, status_code: int = 200) -> Response:
    return form_page(request, "message.html", title, status_code, text=text)


@router.get("/signup")
def sign_up_page(request: Request) -> Response:
    return form_page(request, "signup.html", "Sign up", email="", display_name="")


@router.post("/signup")
async def sign_up(request: Request) -> Response:
    fields = await checked_form(request)
    email, name = fields.get("email", ""), fields.get("display_name", "")
    try:
        await run_in_threadpool(
            sessions.accounts_of(request).sign_up,
            email,
            name,
            fields.get("password", ""),
            sessions.client_address(request),
        )
    except AccountError as err:
        return form_page(
            request, "signup.html", "Sign up", 400, error=str(err), email=email, display_name=name
        )
    except Throttled:
        return form_page(
            request, "signup.html", "Sign up", 429, error=TOO_MANY, email=email, display_name=name
        )
    return message(
        request,
        "Check your mail",
        "If the address can be used, a confirmation link is on its way to it.",
    )


@router.get("/verify")
async def verify(request: Request, token: str = "") -> Response:
    done = await run_in_threadpool(sessions.accounts_of(request).verify_email, token)
    if not done:
        return message(
            request,
            "Link not valid",
            "This link is used or expired. Sign in to get a new one.",
            400,
        )
    return message(request, "Email confirmed", "Your email is confirmed.")


@router.get("/signin")
def sign_in_page(request: Request, next: str = "/account") -> Response:
    return form_page(request, "signin.html", "Sign in", email="", next=_local(next))


@router.post("/signin")
async def sign_in(request: Request) -> Response:
    fields = await checked_form(request)
    email, target = fields.get("email", ""), _local(fields.get("next", "/account"))
    accounts = sessions.accounts_of(request)
    old = await sessions.current_session(request)
    try:
        session = await run_in_threadpool(
            accounts.sign_in,
            email,
            fields.get("password", ""),
            sessions.client_address(request),
            old,
        )
    except AccountError as err:
        return form_page(
            request, "signin.html", "Sign in", 400, error=str(err), email=email, next=target
        )
    except Throttled:
        return form_page(
            request, "signin.html", "Sign in", 429, error=TOO_MANY, email=email, next=target
        )
    response = see_other(target)
    sessions.set_cookie(request, response, session)
    return response


@router.post("/signout")
async def sign_out(request: Request) -> Response:
    await checked_form(request)
    session = await sessions.current_session(request)
    if session is not None:
        await run_in_threadpool(sessions.accounts_of(request).sign_out, session)
    response = see_other("/")
    sessions.clear_cookie(response)
    return response


@router.get("/reset")
def reset_page(request: Request) -> Response:
    return form_page(request, "reset.html", "Reset your password", email="")


@router.post("/reset")
async def reset(request: Request) -> Response:
    fields = await checked_form(request)
    try:
        await run_in_threadpool(
            sessions.accounts_of(request).request_reset,
            fields.get("email", ""),
            sessions.client_address(request),
        )
    except Throttled:
        return form_page(
            request,
            "reset.html",
            "Reset your password",
            429,
            error=TOO_MANY,
            email=fields.get("email", ""),
        )
    return message(
        request,
        "Check your mail",
        "If the address has an account, a reset link is on its way to it.",
    )


@router.get("/reset/confirm")
def reset_confirm_page(request: Request, token: str = "") -> Response:
    return form_page(request, "reset_confirm.html", "Choose a new password", token=token[:200])


@router.post("/reset/confirm")
async def reset_confirm(request: Request) -> Response:
    fields = await checked_form(request)
    token = fields.get("token", "")
    try:
        await run_in_threadpool(
            sessions.accounts_of(request).reset_password, token, fields.get("password", "")
        )
    except AccountError as err:
        return form_page(
            request,
            "reset_confirm.html",
            "Choose a new password",
            400,
            error=str(err),
            token=token[:200],
        )
    return message(request, "Password changed", "Your password is changed: sign in with it.")


@router.get("/account")
def account_page(request: Request, state: State, created: str = "") -> Response:
    session = sessions.session_of(request)
    if session is None or session.account is None:
        return see_other("/signin?next=/account")
    account = session.account
    accounts = sessions.accounts_of(request)
    collab = _collaboration(state, account["id"])
    return form_page(
        request,
        "account.html",
        "My account",
        account=account,
        tokens=accounts.tokens(account["id"]),
        following=follow_service.following(state.backend, account["id"])["items"],
        feed=follow_service.feed(state.backend, account["id"], 0, 20)["items"],
        claims=request.app.state.claims.mine(account["id"]),
        collab=collab,
        suggested=_suggested(state, collab),
        created=created,
    )


@router.post("/account/{action}")
async def account_action(request: Request, state: State, action: str) -> Response:
    """The account page's buttons: resend, token, revoke, release, collaboration, feed-url,
    password, delete."""
    fields = await checked_form(request)
    session = await sessions.current_session(request)
    if session is None or session.account is None:
        return see_other("/signin?next=/account")
    account, accounts = session.account, sessions.accounts_of(request)
    address = sessions.client_address(request)
    try:
        if action == "resend":
            await run_in_threadpool(accounts.resend_verification, account)
        elif action == "token":
            value, _ = await run_in_threadpool(
                accounts.create_token, account["id"], fields.get("name", "")
            )
            return _account_with(request, state, created=value)
        elif action == "revoke":
            await run_in_threadpool(
                accounts.revoke_token, account["id"], fields.get("token_id", "")
            )
        elif action == "release":
            await run_in_threadpool(
                request.app.state.claims.release, account["id"], fields.get("claim_id", "")
            )
        elif action == "collaboration":
            topics = fields.get("topics", "").replace(",", " ").split()
            await run_in_threadpool(
                collaboration.set_mine,
                state.backend,
                account["id"],
                fields.get("open") == "1",
                fields.get("note", "")[:500],
                topics,
            )
        elif action == "feed-url":
            url = await run_in_threadpool(
                follow_service.new_feed_url, state.backend, account["id"], _public(state)
            )
            return _account_with(request, state, created=url)
        elif action == "password":
            new = await run_in_threadpool(
                accounts.change_password,
                account["id"],
                fields.get("current_password", ""),
                fields.get("new_password", ""),
                address,
            )
            renewed = see_other("/account")
            sessions.set_cookie(request, renewed, new)
            return renewed
        elif action == "delete":
            await run_in_threadpool(
                accounts.delete_account, account["id"], fields.get("password", ""), address
            )
            response = message(request, "Account deleted", "Your account is deleted.")
            sessions.clear_cookie(response)
            return response
        else:
            return message(request, "Not found", "No such action.", 404)
    except (AccountError, CollaborationError) as err:
        return message(request, "Not done", str(err), 400)
    except Throttled:
        return message(request, "Not done", TOO_MANY, 429)
    return see_other("/account")


def _account_with(request: Request, state: State, created: str) -> Response:
    """The account page showing a value that is shown only once (a token, a feed URL)."""
    return account_page(request, state, created=created)


def _collaboration(state: State, account_id: str) -> dict[str, Any] | None:
    """The open-to-collaborate state of the record the account owns, or None."""
    try:
        return collaboration.mine(state.backend, account_id)
    except CollaborationError:
        return None


def _suggested(state: State, collab: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Suggested collaborators of the record the account owns (open ones first), if any."""
    if collab is None:
        return []
    found = suggestions.suggestions(
        state.backend, collab["researcher_id"], limit=SUGGESTED, min_common=1, open_first=True
    )
    return found["items"] if found else []


def _public(state: State) -> str:
    return state.settings.graphsvc_public_url.rstrip("/")


def _local(target: str) -> str:
    """Only same-site paths are followed after sign-in (no open redirect)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/account"

"""What every form page needs: the viewer's session (an anonymous one is started for the
sign-in forms, so they carry a CSRF token too), the CSRF check of a posted form, and the
redirect after a successful post."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from graphsvc.api import sessions
from graphsvc.services import account_tokens
from graphsvc.services.accounts import Session


class FormRefused(Exception):
    """A posted form without the session's CSRF token (the page answers 403)."""


@dataclass
class FormSession:
    """The session a form page renders with; `fresh` when its cookie must be set."""

    session: Session
    fresh: bool


def form_session(request: Request) -> FormSession:
    """The current session, or a new anonymous one."""
    found = sessions.session_of(request)
    if found is not None:
        return FormSession(found, False)
    started = sessions.accounts_of(request).anonymous_session()
    request.state.session = started
    return FormSession(started, True)


def keep(request: Request, response: Response, form: FormSession) -> Response:
    """Set the cookie of a session started for this page."""
    if form.fresh:
        sessions.set_cookie(request, response, form.session)
    return response


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form's fields, after checking its CSRF token against the session (403)."""
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    session = await sessions.current_session(request)
    given = fields.get(sessions.CSRF_FIELD, "")
    if session is None or not given or not account_tokens.same(given, session.csrf):
        raise FormRefused()
    return fields


def see_other(url: str) -> RedirectResponse:
    """Redirect after a successful post (303: the browser follows with GET)."""
    return RedirectResponse(url, status_code=303)

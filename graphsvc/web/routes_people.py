"""The researcher page's actions for signed-in people: follow and unfollow."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from graphsvc.api import sessions
from graphsvc.api.deps import Backend
from graphsvc.services import follows as follow_service
from graphsvc.web.forms import checked_form, see_other
from graphsvc.web.routes import not_found

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.post("/researchers/{researcher_id}/follow")
async def follow(request: Request, backend: Backend, researcher_id: str) -> Response:
    fields = await checked_form(request)
    session = await sessions.current_session(request)
    back = "/researchers/" + quote(researcher_id, safe="")
    if session is None or session.account is None:
        return see_other(f"/signin?next={back}")
    done = await run_in_threadpool(
        follow_service.follow,
        backend,
        session.account["id"],
        researcher_id,
        fields.get("follow") != "0",
    )
    if done is None:
        return not_found(request, "researcher with id", researcher_id)
    return see_other("/researchers/" + quote(done["researcher"], safe=""))

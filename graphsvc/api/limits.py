"""Request size limits: a body over the limit is refused with 413 before it is all read.

Uploads (multipart bodies to the upload paths) get `max_upload` bytes, every other body
`max_body`. A declared Content-Length over the limit is refused at once; a body sent without one
(chunked) is counted as it arrives.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphsvc.api.problems import problem


class BodyTooLarge(HTTPException):
    """The request body is over its limit (answered 413 as problem+json)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


class BodyLimit:
    """ASGI middleware enforcing the body and upload size limits."""

    def __init__(
        self, app: ASGIApp, *, max_body: int, max_upload: int, upload_paths: frozenset[str]
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload
        self.upload_paths = upload_paths

    def limit_for(self, scope: Scope) -> int:
        headers = dict(scope.get("headers") or [])
        content_type = headers.get(b"content-type", b"").decode("latin-1").lower()
        if scope.get("path") in self.upload_paths and content_type.startswith("multipart/"):
            return self.max_upload
        return self.max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            await _refuse(limit, scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


async def _refuse(limit: int, scope: Scope, receive: Receive, send: Send) -> None:
    response = problem(413, "Content Too Large", f"the request body is larger than {limit} bytes")
    response.headers["Connection"] = "close"
    await response(scope, receive, send)

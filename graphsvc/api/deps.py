"""Per-process state the routes depend on: the one backend handle and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request

from graphsvc.db import GraphBackend
from graphsvc.settings import Settings


@dataclass
class AppState:
    """Opened at start-up, closed at shutdown; shared by every request."""

    settings: Settings
    backend: GraphBackend
    cache: dict[str, Any] = field(default_factory=dict)


async def get_state(request: Request) -> AppState:
    """The app's state (async: FastAPI runs a plain function dependency in a worker thread, a
    hand-off per request that a look-up without I/O does not need)."""
    state: AppState = request.app.state.graphsvc
    return state


async def get_backend(request: Request) -> GraphBackend:
    """The backend handle (async for the same reason)."""
    state: AppState = request.app.state.graphsvc
    return state.backend


State = Annotated[AppState, Depends(get_state)]
Backend = Annotated[GraphBackend, Depends(get_backend)]

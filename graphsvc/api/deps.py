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


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.graphsvc
    return state


def get_backend(request: Request) -> GraphBackend:
    return get_state(request).backend


State = Annotated[AppState, Depends(get_state)]
Backend = Annotated[GraphBackend, Depends(get_backend)]

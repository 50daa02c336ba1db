"""Settings from the environment and `.env`, validated once at start-up."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Backend(StrEnum):
    """The graph database behind the service."""

    EMBEDDED = "embedded"
    NEO4J = "neo4j"


class SettingsError(Exception):
    """Settings that cannot be used, with a message naming each bad variable."""


class Settings(BaseSettings):
    """Every knob of graphsvc. Environment variables win over `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    graphsvc_backend: Backend = Backend.EMBEDDED
    graphsvc_data_dir: Path = Path("data")
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    graphsvc_query_timeout_s: float = Field(default=10.0, gt=0, le=600)
    graphsvc_close_collaborator_min_works: int = Field(default=2, ge=1, le=1000)

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, uri: str) -> str:
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
        if not uri.startswith(schemes):
            raise ValueError(f"must start with one of {', '.join(schemes)}")
        return uri

    @property
    def backend(self) -> Backend:
        return self.graphsvc_backend

    @property
    def embedded_path(self) -> Path:
        """Where the embedded engine keeps its database."""
        return self.graphsvc_data_dir / "graph.lbdb"


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning validation errors into one readable `SettingsError`."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        problems = []
        for e in err.errors():
            name = ".".join(str(p) for p in e["loc"]).upper()
            problems.append(f"{name}: {e['msg']} (got {e.get('input')!r})")
        raise SettingsError("invalid settings: " + "; ".join(problems)) from None

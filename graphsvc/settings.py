"""Settings from the environment and `.env`, validated once at start-up."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MIN_TOKEN_CHARS = 16


class Engine(StrEnum):
    """The graph database behind the service: the embedded Ladybug engine or Neo4j."""

    LADYBUG = "ladybug"
    NEO4J = "neo4j"


class SettingsError(Exception):
    """Settings that cannot be used, with a message naming each bad variable."""


class Settings(BaseSettings):
    """Every knob of graphsvc. Environment variables win over `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # "ladybug" (the embedded default; "embedded" is accepted too) or "neo4j".
    graphsvc_backend: Engine = Engine.LADYBUG
    graphsvc_data_dir: Path = Path("data")
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    graphsvc_query_timeout_s: float = Field(default=10.0, gt=0, le=600)
    # A write transaction (an ingest batch, a layer chunk, a schema statement): its own limit,
    # as a batch into a large graph may take longer than any read should.
    graphsvc_write_timeout_s: float = Field(default=600.0, gt=0, le=86_400)
    # Threads that run the API's (synchronous) request handlers, per server process: fewer
    # than anyio's 40 keep the Python threads from queueing for the GIL (bench/RESULTS.md).
    graphsvc_request_threads: int = Field(default=16, ge=1, le=1000)
    graphsvc_close_collaborator_min_works: int = Field(default=2, ge=1, le=1000)
    # A work naming a team, or with more authors than this, is a team work (README: Teams).
    graphsvc_team_min_authors: int = Field(default=100, ge=2, le=100_000)
    # Identity: let a rare full name join a record without other evidence (README: Identity).
    graphsvc_identity_name_rarity: bool = True
    # The embedded engine's memory for pages (README: Configuration gives what a graph needs).
    graphsvc_embedded_buffer_pool_mb: int = Field(default=4096, ge=64, le=1 << 20)
    # Bearer tokens for the write endpoints, comma-separated in GRAPHSVC_ADMIN_TOKEN (several
    # for rotation). None configured: the write endpoints do not exist (404).
    graphsvc_admin_tokens: Annotated[tuple[SecretStr, ...], NoDecode] = Field(
        default=(),
        validation_alias=AliasChoices("graphsvc_admin_token", "graphsvc_admin_tokens"),
    )
    # Origins allowed by CORS, comma-separated in GRAPHSVC_CORS_ORIGINS; none by default.
    graphsvc_cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    graphsvc_max_upload_bytes: int = Field(default=200 * 1024**2, ge=1024, le=1 << 40)
    graphsvc_max_body_bytes: int = Field(default=1024**2, ge=1024, le=1 << 30)
    # Ingest input, uploads and CLI files alike (README: Hostile input): bytes per snapshot
    # line, decompressed bytes per gzipped file, skipped items per run.
    graphsvc_max_line_bytes: int = Field(default=4 * 1024**2, ge=1024, le=1 << 30)
    graphsvc_max_decompressed_bytes: int = Field(default=8 * 1024**3, ge=1024, le=1 << 50)
    graphsvc_max_skipped_items: int = Field(default=100_000, ge=0, le=1 << 50)

    # Accounts (README: Accounts). Links in mail point at GRAPHSVC_PUBLIC_URL.
    graphsvc_public_url: str = "http://127.0.0.1:8000"
    # smtp://[user:password@]host[:port] (STARTTLS when offered), or smtps:// for TLS from the
    # start. None: mail is logged instead of sent (development).
    graphsvc_smtp_url: SecretStr | None = None
    graphsvc_mail_from: str = "graphsvc <no-reply@localhost>"
    # Sessions end after this long unused, and after this long whatever (OWASP ASVS 3.3).
    graphsvc_session_idle_s: int = Field(default=30 * 60, ge=60, le=30 * 86_400)
    graphsvc_session_absolute_s: int = Field(default=12 * 3600, ge=300, le=365 * 86_400)
    # Sign-in and password-reset attempts allowed per account and per client address.
    graphsvc_signin_per_account: str = "5/15minutes"
    graphsvc_signin_per_address: str = "30/15minutes"
    # argon2id's cost (RFC 9106 low-memory profile by default); lower only for tests.
    graphsvc_password_memory_kib: int = Field(default=64 * 1024, ge=1024, le=4 * 1024 * 1024)
    graphsvc_password_time_cost: int = Field(default=3, ge=1, le=20)
    graphsvc_verify_link_ttl_s: int = Field(default=48 * 3600, ge=60, le=30 * 86_400)
    graphsvc_reset_link_ttl_s: int = Field(default=3600, ge=60, le=7 * 86_400)
    # Claims (README: Claims): the ORCID public API that checks a claimant's ORCID iD.
    graphsvc_orcid_api_url: str = "https://pub.orcid.org/v3.0"
    # Invitations (README: Open to collaborate and invitations): per sender in any 24 hours,
    # and the wait between two invitations from one account to another.
    graphsvc_invitations_per_day: int = Field(default=10, ge=1, le=10_000)
    graphsvc_invitation_cooldown_s: int = Field(default=7 * 86_400, ge=0, le=365 * 86_400)

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, uri: str) -> str:
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
        if not uri.startswith(schemes):
            raise ValueError(f"must start with one of {', '.join(schemes)}")
        return uri

    @field_validator("graphsvc_orcid_api_url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        if not url.startswith(("https://", "http://")):
            raise ValueError("must start with https:// or http://")
        return url

    @field_validator("graphsvc_admin_tokens", mode="before")
    @classmethod
    def _split_tokens(cls, value: object) -> object:
        tokens = _split(value)
        if isinstance(tokens, list | tuple):
            for token in tokens:
                text = token.get_secret_value() if isinstance(token, SecretStr) else str(token)
                if len(text) < MIN_TOKEN_CHARS:
                    raise ValueError(f"each token needs at least {MIN_TOKEN_CHARS} characters")
        return tokens

    @field_validator("graphsvc_cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        return _split(value)

    @field_validator("graphsvc_backend", mode="before")
    @classmethod
    def _embedded_is_ladybug(cls, value: object) -> object:
        return Engine.LADYBUG if isinstance(value, str) and value == "embedded" else value

    @property
    def engine(self) -> Engine:
        return self.graphsvc_backend

    @property
    def embedded_path(self) -> Path:
        """Where the embedded engine keeps its database."""
        return self.graphsvc_data_dir / "graph.lbdb"


def _split(value: object) -> object:
    """A comma-separated string as a list of its non-empty items; other values as they are."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning validation errors into one readable `SettingsError`."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        problems = []
        for e in err.errors():
            name = ".".join(str(p) for p in e["loc"]).upper()
            got = "a secret" if "TOKEN" in name else repr(e.get("input"))
            problems.append(f"{name}: {e['msg']} (got {got})")
        raise SettingsError("invalid settings: " + "; ".join(problems)) from None

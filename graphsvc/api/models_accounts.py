"""Request and answer bodies of the account endpoints (never a password hash or a secret
other than a token's value at creation)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from graphsvc.services.passwords import MAX_LENGTH


class SignUp(BaseModel):
    email: str = Field(min_length=3, max_length=320, examples=["ada@example.org"])
    display_name: str = Field(min_length=1, max_length=100, examples=["Ada Lovelace"])
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class SignIn(BaseModel):
    email: str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class EmailOnly(BaseModel):
    email: str = Field(min_length=1, max_length=320)


class LinkToken(BaseModel):
    token: str = Field(min_length=1, max_length=200)


class NewPassword(BaseModel):
    token: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: str = Field(min_length=1, max_length=MAX_LENGTH)


class PasswordConfirm(BaseModel):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class Accepted(BaseModel):
    """The same answer whether or not an email is registered."""

    detail: str


class SessionStarted(BaseModel):
    """A signed-in session: the cookie is set; send `csrf_token` as X-CSRF-Token with changes."""

    display_name: str
    csrf_token: str


class Me(BaseModel):
    display_name: str
    email: str
    email_verified: bool
    is_admin: bool


class TokenName(BaseModel):
    name: str = Field(min_length=1, max_length=100, examples=["my laptop"])


class TokenInfo(BaseModel):
    id: str = Field(description="Names the token (to revoke it); not the token.")
    name: str
    created_at: int
    expires_at: int
    last_used_at: int = Field(description="Seconds since the epoch; 0 if never used.")


class TokenCreated(TokenInfo):
    token: str = Field(description="The token itself: shown this once, stored only hashed.")


class Tokens(BaseModel):
    tokens: list[TokenInfo]

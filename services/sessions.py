"""Sign-in sessions of local accounts that outlive one browser tab: open, resume, renew, revoke.

A *session* is opened when a local account signs in: a random token (``secrets.token_urlsafe(32)``,
256 bits) goes to the browser in a cookie, and only its SHA-256 is stored (``data.sessions``). A
reload or a new tab sends the cookie back, and :func:`resume` signs the person in again if the
session is unrevoked, not past its absolute expiry (:data:`SESSION_LIFETIME` after sign-in), not
idle (opened or last renewed within the idle timeout) and its account is still active.

While the person works, :func:`renew` opens a successor (a new token, the same absolute expiry)
once half the idle timeout has passed, so the cookie stays fresh without writing a row per page
run; an older token then dies by the idle rule. Signing out, a password reset and a deactivation
revoke every session of the account (``services.accounts``), so a copied cookie dies with them.
Opening and renewing write no audit row of their own: the sign-in is audited, and so are the
sign-out, the reset and the deactivation that revoke.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine

from data import audit
from data import sessions as storage
from services import accounts
from services.accounts import User

COOKIE_NAME = "cockpit_session"
SESSION_LIFETIME = dt.timedelta(hours=8)
TOKEN_BYTES = 32


@dataclass(frozen=True)
class Session:
    """An open session: its row, the user, and the token (held in memory and the cookie only)."""

    id: int
    token: str
    user: User
    created_at: dt.datetime
    expires_at: dt.datetime

    def due_for_renewal(self, now: dt.datetime, timeout: dt.timedelta | None = None) -> bool:
        """Whether half the idle timeout has passed since this session was opened."""
        return now - self.created_at > (timeout or accounts.idle_timeout()) / 2


def token_hash(token: str) -> str:
    """The SHA-256 of ``token`` in hex: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(
    engine: Engine,
    user: User,
    now: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
) -> Session | None:
    """Open a session for a local account just signed in (``None`` for a user without a row,
    such as one whose role came from an OIDC claim: OIDC keeps its own session)."""
    if user.id is None:
        return None
    now = now or audit.utc_now()
    expires_at = expires_at or now + SESSION_LIFETIME
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with engine.begin() as conn:
        session_id = storage.insert_session(conn, token_hash(token), user.id, now, expires_at)
    return Session(session_id, token, user, now, expires_at)


def resume(
    engine: Engine,
    token: object,
    now: dt.datetime | None = None,
    timeout: dt.timedelta | None = None,
) -> Session | None:
    """The session whose token the browser sent, if it may still sign the person in, else ``None``.

    Refused: a token that is not text or of the wrong length, unknown (tampered) or revoked, past
    its absolute expiry, idle longer than the idle timeout, or of an account no longer active.
    """
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    now = now or audit.utc_now()
    with engine.connect() as conn:
        row = storage.find(conn, token_sha256=token_hash(token))
    if (
        row is None
        or not _usable(row, now)
        or now - row["created_at"] > (timeout or accounts.idle_timeout())
    ):
        return None
    user = accounts.user_by_id(engine, row["user_id"])
    if user is None:
        return None
    return Session(row["id"], token, user, row["created_at"], row["expires_at"])


def still_open(engine: Engine, session: Session, now: dt.datetime | None = None) -> bool:
    """Whether ``session`` is unrevoked and before its absolute expiry (checked on every run)."""
    with engine.connect() as conn:
        row = storage.find(conn, session_id=session.id)
    return row is not None and _usable(row, now or audit.utc_now())


def renew(engine: Engine, session: Session, now: dt.datetime | None = None) -> Session:
    """A successor of ``session``: a new token, the same user and absolute expiry."""
    renewed = open_session(engine, session.user, now, expires_at=session.expires_at)
    assert renewed is not None  # noqa: S101 - a session always has a user row
    return renewed


def _usable(row, now: dt.datetime) -> bool:  # type: ignore[no-untyped-def]
    return row["revoked_at"] is None and now < row["expires_at"]

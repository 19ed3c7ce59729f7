"""Tokens of agencies' reporting systems: an admin issues one to an agency (shown once, kept as a
SHA-256 digest, with an expiry) and may revoke it; the API turns a presented token into the
agency's principal. Issuing and revoking are audited.

A token is 43 random URL-safe characters after ``ck_`` (256 bits), so a plain SHA-256 digest is
enough to keep it (a password needs a slow hash because people choose guessable ones; a random
token of this length cannot be guessed from its digest).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from data import api_tokens as store
from data import audit, repository
from domain.errors import InputError
from domain.principal import Principal
from domain.vocabulary import Action, Role
from services.permissions import require

PREFIX = "ck_"
MAX_DAYS = 730


@dataclass(frozen=True)
class AgencySystem:
    """An agency's reporting system, as the services see it: a data officer of that agency, who
    may submit and confirm only its indicators. ``review_first`` keeps its submissions staged for
    a person's confirmation."""

    token_id: int
    agency_code: str
    review_first: bool
    role: str = Role.DATA_OFFICER

    @property
    def username(self) -> str:
        """The name the audit log records: the token and its agency."""
        return f"api:{self.agency_code}:{self.token_id}"


def digest(token: str) -> str:
    """The SHA-256 digest a token is kept as."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(
    engine: Engine,
    user: Principal,
    agency_code: str,
    name: str,
    days: int,
    review_first: bool,
) -> tuple[int, str]:
    """A new token for ``agency_code``, valid ``days`` days: its id and the token itself, which is
    shown this once and never stored."""
    require(user, Action.API_TOKEN_MANAGE)
    label = (name or "").strip()
    if not label:
        raise InputError("error.token_name_required", "a token needs a name")
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise InputError(
            "error.token_days", f"a token lasts 1 to {MAX_DAYS} days", days=str(days), most=MAX_DAYS
        )
    if agency_code not in set(repository.agencies(engine)["code"]):
        raise InputError(
            "error.unknown_agency", f"there is no agency {agency_code}", agency=agency_code
        )
    token = PREFIX + secrets.token_urlsafe(32)
    now = audit.utc_now()
    row = {
        "agency_code": agency_code,
        "name": label[:120],
        "token_sha256": digest(token),
        "review_first": bool(review_first),
        "created_at": now,
        "created_by": user.username,
        "expires_at": now + dt.timedelta(days=days),
    }
    with engine.begin() as conn:
        token_id = store.insert_token(conn, row)
        shown = {k: v for k, v in row.items() if k != "token_sha256"}
        audit.record(conn, user, Action.API_TOKEN_ISSUE, "api_token", token_id, after=shown)
    return token_id, token


def revoke(engine: Engine, user: Principal, token_id: int) -> bool:
    """Revoke the token ``token_id`` at once; False if it was already revoked."""
    require(user, Action.API_TOKEN_MANAGE)
    with engine.begin() as conn:
        before = store.get(conn, token_id)
        if before is None:
            raise InputError(
                "error.unknown_token", f"there is no token {token_id}", id=str(token_id)
            )
        if before["revoked_at"] is not None:
            return False
        now = audit.utc_now()
        store.revoke(conn, token_id, now, user.username)
        audit.record(
            conn,
            user,
            Action.API_TOKEN_REVOKE,
            "api_token",
            token_id,
            before={"revoked_at": None},
            after={"revoked_at": now, "revoked_by": user.username},
        )
    return True


def authenticate(
    engine: Engine, presented: str | None, now: dt.datetime | None = None
) -> AgencySystem | None:
    """The agency system a presented token stands for, or None for a wrong, revoked or expired
    token (the caller says no more than that)."""
    if not presented or not presented.startswith(PREFIX) or len(presented) > 100:
        return None
    wanted = digest(presented)
    row = store.by_digest(engine, wanted)
    if row is None or not hmac.compare_digest(row["token_sha256"], wanted):
        return None
    moment = now or audit.utc_now()
    if row["revoked_at"] is not None or row["expires_at"] <= moment:
        return None
    return AgencySystem(int(row["id"]), row["agency_code"], bool(row["review_first"]))


def tokens(engine: Engine, user: Principal) -> pd.DataFrame:
    """Every token, newest first, without its digest (admins only)."""
    require(user, Action.API_TOKEN_MANAGE)
    return store.listing(engine)

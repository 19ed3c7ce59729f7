"""Storage of sign-in sessions: insert one, find one by its token's hash, revoke, nothing else.

A *session* row says that whoever holds the token whose SHA-256 is ``token_sha256`` is signed in
as ``user_id`` until ``expires_at``, unless ``revoked_at`` is set. The token itself is never stored.
The database refuses every change but setting ``revoked_at`` once (migration 0005).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, RowMapping, insert, select, update

from data import tables as t


def insert_session(
    conn: Connection,
    token_sha256: str,
    user_id: int,
    created_at: dt.datetime,
    expires_at: dt.datetime,
) -> int:
    """Add a session on ``conn`` (the caller's transaction); returns its id."""
    return conn.execute(
        insert(t.user_sessions).values(
            token_sha256=token_sha256,
            user_id=user_id,
            created_at=created_at,
            expires_at=expires_at,
        )
    ).inserted_primary_key[0]


def find(
    conn: Connection, *, token_sha256: str | None = None, session_id: int | None = None
) -> RowMapping | None:
    """The session with this token hash or id, revoked or not, or ``None``."""
    c = t.user_sessions.c
    condition = c.token_sha256 == token_sha256 if token_sha256 is not None else c.id == session_id
    return conn.execute(select(t.user_sessions).where(condition)).mappings().first()


def revoke_user_sessions(conn: Connection, user_id: int, at: dt.datetime) -> int:
    """Revoke every open session of ``user_id``; returns how many were open."""
    c = t.user_sessions.c
    return conn.execute(
        update(t.user_sessions)
        .where(c.user_id == user_id, c.revoked_at.is_(None))
        .values(revoked_at=at)
    ).rowcount

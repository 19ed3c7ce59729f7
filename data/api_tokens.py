"""Storage of the API's tokens: insert, find by digest, revoke, list. No token is ever stored,
only its SHA-256 digest."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.engine import RowMapping

from data import tables as t


def insert_token(conn: Connection, row: dict[str, Any]) -> int:
    """Add a token's row; its id."""
    return int(conn.execute(insert(t.api_tokens).values(**row)).inserted_primary_key[0])


def by_digest(engine: Engine, digest: str) -> RowMapping | None:
    """The token whose digest is ``digest``, or None."""
    with engine.connect() as conn:
        return (
            conn.execute(select(t.api_tokens).where(t.api_tokens.c.token_sha256 == digest))
            .mappings()
            .first()
        )


def get(conn: Connection, token_id: int) -> RowMapping | None:
    """The token ``token_id``, or None."""
    return (
        conn.execute(select(t.api_tokens).where(t.api_tokens.c.id == token_id)).mappings().first()
    )


def revoke(conn: Connection, token_id: int, when: dt.datetime, by: str) -> None:
    """Mark the token revoked (kept for the record)."""
    conn.execute(
        update(t.api_tokens)
        .where(t.api_tokens.c.id == token_id, t.api_tokens.c.revoked_at.is_(None))
        .values(revoked_at=when, revoked_by=by)
    )


def listing(engine: Engine) -> pd.DataFrame:
    """Every token, newest first, without its digest."""
    c = t.api_tokens.c
    query = select(
        c.id,
        c.agency_code,
        c.name,
        c.review_first,
        c.created_at,
        c.created_by,
        c.expires_at,
        c.revoked_at,
        c.revoked_by,
    ).order_by(c.id.desc())
    with engine.connect() as conn:
        return pd.DataFrame(
            conn.execute(query).mappings().all(), columns=list(query.selected_columns.keys())
        )

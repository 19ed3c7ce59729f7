"""The audit trail: who did what, when, and what it looked like before and after.

An *audit row* is one event: ``at`` (UTC), ``actor`` (a user name, ``"system"`` for the command
line, or ``"(unknown)"`` for a sign-in with a user name that does not exist), ``action`` (one of
:data:`AUDITED_ACTIONS`), the target it touched, and the target's state ``before`` and ``after`` as
JSON. The service that makes a change calls :func:`record` on the same connection, so the change
and its audit row commit or fail together.

The trail is append-only: this module can add a row and read rows, and nothing else; the database
refuses UPDATE and DELETE on the table as well (migration 0002). Values under a key that names a
password, secret or token are replaced by ``"[redacted]"`` before they are stored.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, insert, or_, select

from data import tables as t
from domain.errors import InputError
from domain.principal import Principal
from domain.vocabulary import ACTION_GROUPS, AUDITED_ACTIONS

SYSTEM_ACTOR = "system"
UNKNOWN_ACTOR = "(unknown)"

COLUMNS = [
    "id",
    "at",
    "actor",
    "action",
    "target_type",
    "target_id",
    "before_json",
    "after_json",
    "detail",
]

REDACTED = "[redacted]"
SECRET_WORDS = ("password", "secret", "token")


def utc_now() -> dt.datetime:
    """The current time in UTC, without a time zone (how the database stores every time)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def record(
    conn: Connection,
    actor: str | Principal,
    action: str,
    target_type: str | None = None,
    target_id: object = None,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    detail: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one audit row on ``conn``, inside the caller's transaction.

    Parameters
    ----------
    actor:
        The user (anything with a ``username``) or a name such as :data:`SYSTEM_ACTOR`.
    action:
        One of :data:`AUDITED_ACTIONS`; another is a programming error (``ValueError``).
    before, after:
        The target's state, serialised to JSON (dates as ISO text, keys sorted, secrets redacted).
    """
    if action not in AUDITED_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; known: {', '.join(AUDITED_ACTIONS)}")
    name = actor if isinstance(actor, str) else actor.username
    conn.execute(
        insert(t.audit_log).values(
            at=at or utc_now(),
            actor=name,
            action=str(action),
            target_type=target_type,
            target_id=None if target_id is None else str(target_id),
            before_json=to_json(before),
            after_json=to_json(after),
            detail=detail,
        )
    )


def query(
    engine: Engine,
    actor: str | None = None,
    action: str | None = None,
    since: dt.date | dt.datetime | None = None,
    until: dt.date | dt.datetime | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The audit rows that match, newest first (``services.audit.read`` checks who may ask).

    Parameters
    ----------
    actor:
        Only rows by this user name (case does not matter).
    action:
        Only this action, or a family by its prefix (``"sign_in"``, ``"user"``): see
        :data:`ACTION_GROUPS`. An unknown one is an ``InputError``.
    since, until:
        Only rows at or after ``since`` and at or before ``until``; a date (not a datetime) covers
        its whole day, so ``until=date(2025, 1, 31)`` includes the 31st.
    limit:
        At most this many rows (the newest).
    """
    c = t.audit_log.c
    statement = select(*(c[name] for name in COLUMNS)).order_by(c.at.desc(), c.id.desc())
    if actor:
        statement = statement.where(c.actor == actor.strip().lower())
    if action:
        if action in AUDITED_ACTIONS:
            statement = statement.where(c.action == action)
        elif action in ACTION_GROUPS:
            statement = statement.where(or_(c.action == action, c.action.like(f"{action}.%")))
        else:
            raise InputError(
                "error.unknown_audit_action",
                f"{action} is not an audited action; known: {', '.join(AUDITED_ACTIONS)}",
                action=action,
            )
    if since is not None:
        statement = statement.where(c.at >= _start_of(since))
    if until is not None:
        statement = statement.where(c.at < _end_of(until))
    if limit is not None:
        statement = statement.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=COLUMNS)


def to_json(value: Mapping[str, Any] | None) -> str | None:
    """``value`` as JSON text for the trail: secrets redacted, dates as ISO text, keys sorted."""
    if value is None:
        return None
    return json.dumps(_clean(value), ensure_ascii=False, sort_keys=True, allow_nan=False)


def _clean(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {
            str(key): REDACTED if _is_secret(str(key)) else _clean(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_clean(item) for item in items]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "item") and callable(value.item):  # a numpy scalar
        return _clean(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _is_secret(key: str) -> bool:
    lowered = key.lower()
    return any(word in lowered for word in SECRET_WORDS)


def _start_of(moment: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment
    return dt.datetime.combine(moment, dt.time())


def _end_of(moment: dt.date | dt.datetime) -> dt.datetime:
    """The first instant after ``moment`` (after the whole day, for a date)."""
    if isinstance(moment, dt.datetime):
        return moment + dt.timedelta(microseconds=1)
    return dt.datetime.combine(moment + dt.timedelta(days=1), dt.time())

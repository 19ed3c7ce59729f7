"""The database engine for entry points that may not reach storage themselves (the API): the
configured database (``COCKPIT_DATABASE_URL``, the SQLite file of ``make run`` by default)."""

from __future__ import annotations

from sqlalchemy import Engine

from data.engine import make_engine

__all__ = ["Engine", "engine"]


def engine(url: str | None = None) -> Engine:
    """An engine on ``url`` or the configured database."""
    return make_engine(url)

"""Where the database is and how to connect to it.

SQLite in ``var/cockpit.db`` is the embedded default; any SQLAlchemy URL can be given through the
``COCKPIT_DATABASE_URL`` environment variable (for example a PostgreSQL server).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from domain.errors import InputError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "cockpit.db"


def database_url() -> str:
    """Return the configured database URL, defaulting to the embedded SQLite file."""
    url = os.environ.get("COCKPIT_DATABASE_URL", "").strip()
    return url or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def make_engine(url: str | None = None) -> Engine:
    """Create an engine for ``url`` (or the configured one), ready for concurrent readers.

    SQLite gets write-ahead logging and enforced foreign keys, and its folder is created; other
    databases get a pool that checks connections before use.
    """
    url = url or database_url()
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    refuse_nul_characters(engine)
    return engine


def refuse_nul_characters(engine: Engine) -> None:
    """Make ``engine`` refuse, before the database sees it, text holding a NUL character.

    PostgreSQL cannot store one and answers with a DataError whose message carried the SQL to the
    screen; SQLite stores it silently. Both now refuse it alike with an :class:`InputError`.
    """
    event.listen(engine, "before_cursor_execute", _check_parameters)


def _strings(parameters: Any) -> Iterable[str]:
    """Every text among a statement's parameters (a mapping, a sequence, or a list of either)."""
    if isinstance(parameters, str):
        yield parameters
    elif isinstance(parameters, dict):
        for value in parameters.values():
            yield from _strings(value)
    elif isinstance(parameters, list | tuple):
        for value in parameters:
            yield from _strings(value)


def _check_parameters(_conn, _cursor, _statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
    if any("\x00" in text for text in _strings(parameters)):
        raise InputError(
            "error.nul_character", "the text holds a NUL character (\\x00), which is not text"
        )


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()

"""Shared fixtures: migrated databases on SQLite always, and on PostgreSQL when configured.

``COCKPIT_TEST_POSTGRES_URL`` points at a real server (``.ci/run`` starts one); each test session
gets its own schema there so parallel workers do not collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import URL, Engine, create_engine, event, text
from streamlit import config as streamlit_config

from data.engine import make_engine, refuse_nul_characters
from data.migrate import upgrade

# Page tests must see every exception, not the short notice ui.unexpected shows users instead.
os.environ.setdefault("COCKPIT_RAISE_UNEXPECTED", "1")
# and their messages in full, which the served app redacts (.streamlit/config.toml).
streamlit_config.set_option("client.showErrorDetails", "full")

POSTGRES_URL = os.environ.get("COCKPIT_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgres"]


def _postgres_engine() -> tuple[Engine, str]:
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return schema_engine(POSTGRES_URL, schema), schema


def schema_engine(url: str | URL, schema: str) -> Engine:
    """An engine on ``url`` whose connections work in ``schema`` (and refuse NUL characters)."""
    engine = create_engine(url, pool_pre_ping=True)
    refuse_nul_characters(engine)

    @event.listens_for(engine, "connect")
    def _search_path(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute(f'SET search_path TO "{schema}"')
        cursor.close()
        dbapi_connection.commit()

    return engine


def _drop_schema(schema: str) -> None:
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def migrated_engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    """A freshly migrated, empty database on each backend."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'cockpit.db'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    if not POSTGRES_URL:
        pytest.skip("COCKPIT_TEST_POSTGRES_URL is not set; .ci/run sets it")
    engine, schema = _postgres_engine()
    upgrade(engine)
    yield engine
    engine.dispose()
    _drop_schema(schema)

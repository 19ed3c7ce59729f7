"""Alembic environment: migrations run on the connection that ``data.migrate`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from data.engine import database_url
from data.tables import metadata

connection = context.config.attributes.get("connection")


def _run(conn) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    with create_engine(database_url()).connect() as conn:
        _run(conn)

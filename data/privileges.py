"""The least privilege the app's own database role needs on PostgreSQL.

Migrations and the seed run as the *owner* of the tables (``make db``, ``python -m jobs.setup``);
the app's server connects as another role that may only read and add rows, and change the few
tables whose rows are meant to change (accounts, sessions, the catalogue, plan targets). It may
not update or delete an observation, an audit row or a published forecast, truncate anything,
create or drop a table, or touch a trigger: PostgreSQL lets only a table's owner drop or disable
its triggers, so the triggers that refuse changes to history hold even against the app's role.
SQLite has no roles; there the triggers alone hold, and the file's permissions guard it.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

APPEND_ONLY_TABLES = frozenset(
    {"observations", "audit_log", "forecast_runs", "forecast_values", "seed_batches"}
)
"""Rows here are history: the app's role may read and add them, never change them."""

READ_ONLY_TABLES = frozenset({"alembic_version"})
"""Only migrations change these."""


def _quoted(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"{name!r} is not a plain SQL name (letters, digits and '_')")
    return f'"{name}"'


def app_role_grants(schema: str, role: str, tables: list[str]) -> list[str]:
    """The GRANT statements that give ``role`` what the app needs on ``tables`` of ``schema``.

    Every table: SELECT; every table but the read-only ones: INSERT; tables that are neither
    append-only nor read-only: UPDATE too. No DELETE or TRUNCATE anywhere, no CREATE on the schema.
    """
    s, r = _quoted(schema), _quoted(role)
    statements = [f"GRANT USAGE ON SCHEMA {s} TO {r}"]
    for table in sorted(tables):
        verbs = ["SELECT"]
        if table not in READ_ONLY_TABLES:
            verbs.append("INSERT")
        if table not in READ_ONLY_TABLES | APPEND_ONLY_TABLES:
            verbs.append("UPDATE")
        statements.append(f"GRANT {', '.join(verbs)} ON {s}.{_quoted(table)} TO {r}")
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}")
    return statements


def grant_app_role(engine: Engine, role: str) -> list[str]:
    """Grant ``role`` the app's privileges on every table of the engine's current schema, as the
    owner; returns the statements run. PostgreSQL only."""
    if engine.dialect.name != "postgresql":
        raise ValueError("database roles exist on PostgreSQL only; SQLite has none")
    with engine.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        tables = inspect(conn).get_table_names(schema=schema)
        statements = app_role_grants(schema, role, tables)
        for statement in statements:
            conn.execute(text(statement))
    return statements

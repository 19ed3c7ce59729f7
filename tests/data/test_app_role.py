"""On PostgreSQL the app's own role reads and adds rows but cannot rewrite history: no UPDATE,
DELETE or TRUNCATE of observations, no dropping or disabling a trigger, no new tables.

The schema is migrated as the owner (the test's superuser) and the grants of
``data.privileges`` given to the role ``.ci/run`` creates (``COCKPIT_TEST_APP_ROLE``); then the
same statements are sent as that role. Each refusal is PostgreSQL's own permission check, not the
triggers: the role never gets far enough for a trigger to fire.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from data.migrate import upgrade
from data.privileges import APPEND_ONLY_TABLES, app_role_grants, grant_app_role
from tests.conftest import POSTGRES_URL, _drop_schema, _postgres_engine, schema_engine

APP_ROLE = os.environ.get("COCKPIT_TEST_APP_ROLE", "")


def test_the_grants_give_history_tables_no_update_and_nothing_any_delete() -> None:
    statements = app_role_grants(
        "public", "cockpit_app", ["observations", "users", "alembic_version"]
    )
    assert statements == [
        'GRANT USAGE ON SCHEMA "public" TO "cockpit_app"',
        'GRANT SELECT ON "public"."alembic_version" TO "cockpit_app"',
        'GRANT SELECT, INSERT ON "public"."observations" TO "cockpit_app"',
        'GRANT SELECT, INSERT, UPDATE ON "public"."users" TO "cockpit_app"',
        'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO "cockpit_app"',
    ]
    assert not any("DELETE" in s or "TRUNCATE" in s for s in statements)
    with pytest.raises(ValueError):
        app_role_grants("public", 'x"; DROP TABLE users; --', ["users"])


@pytest.fixture
def as_app_role() -> Iterator[tuple[Engine, Engine]]:
    """(owner's engine, app role's engine) on a freshly migrated schema of its own."""
    if not (POSTGRES_URL and APP_ROLE):
        pytest.skip("COCKPIT_TEST_POSTGRES_URL and COCKPIT_TEST_APP_ROLE are set by .ci/run")
    owner, schema = _postgres_engine()
    upgrade(owner)
    grant_app_role(owner, APP_ROLE)
    app = schema_engine(make_url(POSTGRES_URL).set(username=APP_ROLE), schema)

    yield owner, app
    app.dispose()
    owner.dispose()
    _drop_schema(schema)


def _refused(engine: Engine, statement: str) -> str:
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(statement))
    return str(caught.value.orig)


def test_the_app_role_adds_and_reads_rows(as_app_role) -> None:  # type: ignore[no-untyped-def]
    _, app = as_app_role
    with app.begin() as conn:
        conn.execute(text("INSERT INTO fields (code, name_vi, name_en) VALUES (99, 'Thử', 'Test')"))
        assert (
            conn.execute(text("SELECT name_en FROM fields WHERE code = 99")).scalar_one() == "Test"
        )
        conn.execute(text("UPDATE fields SET name_en = 'Tested' WHERE code = 99"))
        assert conn.execute(text("SELECT count(*) FROM observations")).scalar_one() == 0


@pytest.mark.parametrize(
    ("statement", "refusal"),
    [
        ("UPDATE observations SET value = 0", "permission denied"),
        ("DELETE FROM observations", "permission denied"),
        ("TRUNCATE observations", "permission denied"),
        ("UPDATE audit_log SET detail = 'x'", "permission denied"),
        ("DELETE FROM users", "permission denied"),
        ("DROP TRIGGER observations_no_change ON observations", "must be owner"),
        ("ALTER TABLE observations DISABLE TRIGGER observations_no_change", "must be owner"),
        ("DROP TABLE observations", "must be owner"),
        ("CREATE TABLE shadow (id integer)", "permission denied"),
    ],
)
def test_the_app_role_cannot_rewrite_history(as_app_role, statement: str, refusal: str) -> None:  # type: ignore[no-untyped-def]
    owner, app = as_app_role
    assert refusal in _refused(app, statement)
    with owner.connect() as conn:
        triggers = conn.execute(
            text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'observations_no_%'")
        ).scalar_one()
    assert triggers >= 2


def test_every_history_table_exists_in_the_schema(as_app_role) -> None:  # type: ignore[no-untyped-def]
    owner, _ = as_app_role
    with owner.connect() as conn:
        tables = set(
            conn.execute(
                text(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = current_schema()"
                )
            ).scalars()
        )
    assert tables >= APPEND_ONLY_TABLES

"""Observations become append-only in the database itself, as the audit log and forecasts are.

Revision ID: 0004
Revises: 0003

A revision of a figure is a new row with a later vintage, and "as known on date X" is a query, so
an overwritten or deleted observation would silently change what the Cockpit said on a past date.
On SQLite and PostgreSQL a trigger now refuses every UPDATE and DELETE of ``observations`` (and
TRUNCATE on PostgreSQL); INSERT is untouched. A later migration that rebuilds the table on SQLite
(a batch ``ALTER``) drops its triggers with it and must create them again.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

APPEND_ONLY = "observations are append-only"
VERBS = ("UPDATE", "DELETE")

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER observations_no_{verb.lower()} BEFORE {verb} ON observations
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"""
    for verb in VERBS
]

POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION observations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$""",
    """CREATE TRIGGER observations_no_change BEFORE UPDATE OR DELETE ON observations
    FOR EACH ROW EXECUTE FUNCTION observations_append_only()""",
    """CREATE TRIGGER observations_no_truncate BEFORE TRUNCATE ON observations
    FOR EACH STATEMENT EXECUTE FUNCTION observations_append_only()""",
]

SQLITE_DROPS = [f"DROP TRIGGER observations_no_{verb.lower()}" for verb in VERBS]

POSTGRES_DROPS = [
    "DROP TRIGGER observations_no_truncate ON observations",
    "DROP TRIGGER observations_no_change ON observations",
    "DROP FUNCTION observations_append_only()",
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DROPS, "postgresql": POSTGRES_DROPS})

"""Forecasts: published and batch runs, their values, and the analysts' saved configurations.

Revision ID: 0003
Revises: 0002

The three tables are append-only in the database itself, as the audit log is: on SQLite and
PostgreSQL a trigger refuses every UPDATE and DELETE (and TRUNCATE on PostgreSQL), so a published
forecast stays what was published. A partial unique index lets the monthly batch store one run per
indicator, transformation and month, while analysts may publish several a month.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("forecast_runs", "forecast_values", "forecast_configs")
APPEND_ONLY = "forecasts are append-only"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table}
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"""
    for table in TABLES
    for verb in ("UPDATE", "DELETE")
]

POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION forecasts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$""",
    *(
        statement
        for table in TABLES
        for statement in (
            f"""CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION forecasts_append_only()""",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION forecasts_append_only()""",
        )
    ),
]


def upgrade() -> None:
    op.create_table(
        "forecast_runs",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("indicator_code", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("target_transform", sa.String(40), nullable=False),
        sa.Column("frequency", sa.String(1), nullable=False),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("model", sa.String(300), nullable=False),
        sa.Column("params_json", sa.Text, nullable=False),
        sa.Column("horizon", sa.Integer, nullable=False),
        sa.Column("levels", sa.String(40), nullable=False),
        sa.Column("origin_period", sa.String(10), nullable=False),
        sa.Column("data_version", sa.String(100), nullable=False),
        sa.Column("data_vintage", sa.Date),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("forecast_month", sa.String(7), nullable=False),
        sa.Column("backtest_json", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_forecast_runs"),
        sa.ForeignKeyConstraint(
            ["indicator_code"],
            ["indicators.code"],
            name="fk_forecast_runs_indicator_code_indicators",
        ),
        sa.CheckConstraint("kind IN ('published', 'batch')", name="ck_forecast_runs_kind"),
    )
    op.create_index(
        "ix_forecast_runs_lookup", "forecast_runs", ["indicator_code", "target_transform", "kind"]
    )
    op.create_index(
        "uq_forecast_runs_batch_month",
        "forecast_runs",
        ["indicator_code", "kind", "target_transform", "forecast_month"],
        unique=True,
        sqlite_where=sa.text("kind = 'batch'"),
        postgresql_where=sa.text("kind = 'batch'"),
    )
    op.create_table(
        "forecast_values",
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("quantity", sa.String(5), nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint(
            "run_id", "period_start", "quantity", "level", name="pk_forecast_values"
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["forecast_runs.id"], name="fk_forecast_values_run_id_forecast_runs"
        ),
    )
    op.create_table(
        "forecast_configs",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("indicator_code", sa.String(120), nullable=False),
        sa.Column("target_transform", sa.String(40), nullable=False),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("params_json", sa.Text, nullable=False),
        sa.Column("saved_by", sa.String(120), nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_forecast_configs"),
        sa.ForeignKeyConstraint(
            ["indicator_code"],
            ["indicators.code"],
            name="fk_forecast_configs_indicator_code_indicators",
        ),
    )
    op.create_index(
        "ix_forecast_configs_indicator",
        "forecast_configs",
        ["indicator_code", "target_transform"],
    )

    dialect = op.get_bind().dialect.name
    triggers = {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS}.get(dialect, [])
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    for table in ("forecast_configs", "forecast_values", "forecast_runs"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION forecasts_append_only()")

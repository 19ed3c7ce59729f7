"""Forecast runs of a geography: the batch forecasts provinces' series as well as the country's.

Revision ID: 0010
Revises: 0009

``forecast_runs.geography_code`` says whose observations a run forecast, as
``observations.geography_code`` does: ``VN`` for the country (every run stored before this
revision), ``P63-xx`` for a province of the GSO workbook's by-province series. The monthly batch's
one run per indicator, transformation and month becomes one per indicator, transformation, month
and geography: the partial unique index is made again with the geography in it.

The column has no foreign key: SQLite adds a column with a ``REFERENCES`` clause only if its default
is NULL, and rebuilding the append-only table that ``forecast_values`` refers to is refused; the
service that stores a run checks the geography instead, as it checks the indicator.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH_ONLY = sa.text("kind = 'batch'")


def upgrade() -> None:
    # A plain ADD COLUMN: neither backend rewrites the rows, so the append-only triggers stay quiet.
    op.add_column(
        "forecast_runs",
        sa.Column("geography_code", sa.String(20), nullable=False, server_default="VN"),
    )
    op.drop_index("uq_forecast_runs_batch_month", table_name="forecast_runs")
    op.create_index(
        "uq_forecast_runs_batch_key",
        "forecast_runs",
        ["indicator_code", "kind", "target_transform", "forecast_month", "geography_code"],
        unique=True,
        sqlite_where=BATCH_ONLY,
        postgresql_where=BATCH_ONLY,
    )


def downgrade() -> None:
    # Refused (a unique violation) once the batch has stored a province's run beside the country's.
    op.drop_index("uq_forecast_runs_batch_key", table_name="forecast_runs")
    op.create_index(
        "uq_forecast_runs_batch_month",
        "forecast_runs",
        ["indicator_code", "kind", "target_transform", "forecast_month"],
        unique=True,
        sqlite_where=BATCH_ONLY,
        postgresql_where=BATCH_ONLY,
    )
    op.drop_column("forecast_runs", "geography_code")

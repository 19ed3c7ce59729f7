"""The spine: catalogue, agencies, geographies, append-only observations, plan targets.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "fields",
        sa.Column("code", sa.Integer, primary_key=True),
        sa.Column("name_vi", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_fields"),
    )
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name_vi", sa.String(300), nullable=False),
        sa.Column("name_en", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("valid_from", sa.Date),
        sa.Column("valid_to", sa.Date),
        sa.Column("successor_code", sa.String(40)),
        sa.PrimaryKeyConstraint("code", name="pk_agencies"),
        sa.ForeignKeyConstraint(
            ["successor_code"], ["agencies.code"], name="fk_agencies_successor_code_agencies"
        ),
    )
    op.create_table(
        "geographies",
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name_vi", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("scheme", sa.String(20), nullable=False),
        sa.Column("division_type", sa.String(60)),
        sa.Column("region_vi", sa.String(100)),
        sa.Column("valid_from", sa.Date),
        sa.Column("valid_to", sa.Date),
        sa.PrimaryKeyConstraint("code", name="pk_geographies"),
    )
    op.create_table(
        "geography_mapping",
        sa.Column("old_code", sa.String(20), nullable=False),
        sa.Column("new_code", sa.String(20), nullable=False),
        sa.Column("evidence", sa.Text),
        sa.PrimaryKeyConstraint("old_code", "new_code", name="pk_geography_mapping"),
        sa.ForeignKeyConstraint(
            ["old_code"], ["geographies.code"], name="fk_geography_mapping_old_code_geographies"
        ),
        sa.ForeignKeyConstraint(
            ["new_code"], ["geographies.code"], name="fk_geography_mapping_new_code_geographies"
        ),
    )
    op.create_table(
        "indicators",
        sa.Column("code", sa.String(120), nullable=False),
        sa.Column("name_vi", sa.String(400), nullable=False),
        sa.Column("name_en", sa.String(400), nullable=False),
        sa.Column("unit", sa.String(120), nullable=False),
        sa.Column("frequency", sa.String(1), nullable=False),
        sa.Column("field_code", sa.Integer, nullable=False),
        sa.Column("agency_code", sa.String(40)),
        sa.Column("definition", sa.Text),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("legal_basis", sa.Text),
        sa.Column("regime", sa.String(20), nullable=False),
        sa.Column("dataset", sa.String(120), nullable=False),
        sa.Column("higher_is_better", sa.Boolean),
        sa.PrimaryKeyConstraint("code", name="pk_indicators"),
        sa.ForeignKeyConstraint(
            ["field_code"], ["fields.code"], name="fk_indicators_field_code_fields"
        ),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name="fk_indicators_agency_code_agencies"
        ),
    )
    op.create_table(
        "observations",
        sa.Column("id", BigId, nullable=False, autoincrement=True),
        sa.Column("indicator_code", sa.String(120), nullable=False),
        sa.Column("geography_code", sa.String(20), nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("vintage", sa.Date, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_observations"),
        sa.ForeignKeyConstraint(
            ["indicator_code"],
            ["indicators.code"],
            name="fk_observations_indicator_code_indicators",
        ),
        sa.ForeignKeyConstraint(
            ["geography_code"],
            ["geographies.code"],
            name="fk_observations_geography_code_geographies",
        ),
        sa.UniqueConstraint(
            "indicator_code",
            "geography_code",
            "period_start",
            "period_end",
            "vintage",
            "status",
            name="uq_observations_key",
        ),
    )
    op.create_table(
        "plan_targets",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("plan_year", sa.Integer, nullable=False),
        sa.Column("indicator_code", sa.String(120)),
        sa.Column("name_vi", sa.String(400), nullable=False),
        sa.Column("name_en", sa.String(400), nullable=False),
        sa.Column("unit", sa.String(60), nullable=False),
        sa.Column("target_text", sa.String(200)),
        sa.Column("target_low", sa.Float),
        sa.Column("target_high", sa.Float),
        sa.Column("operator", sa.String(8)),
        sa.Column("approximate", sa.Boolean),
        sa.Column("actual_text", sa.String(60)),
        sa.Column("resolution", sa.String(120)),
        sa.Column("resolution_confirmed", sa.Boolean, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plan_targets"),
        sa.ForeignKeyConstraint(
            ["indicator_code"],
            ["indicators.code"],
            name="fk_plan_targets_indicator_code_indicators",
        ),
        sa.UniqueConstraint("plan_year", "name_vi", name="uq_plan_targets_plan_year_name_vi"),
    )
    op.create_table(
        "seed_batches",
        sa.Column("dataset", sa.String(120), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime, nullable=False),
        sa.Column("rows_added", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("dataset", "sha256", name="pk_seed_batches"),
    )


def downgrade() -> None:
    for table in (
        "seed_batches",
        "plan_targets",
        "observations",
        "indicators",
        "geography_mapping",
        "geographies",
        "agencies",
        "fields",
    ):
        op.drop_table(table)

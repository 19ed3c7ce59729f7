"""Monthly intake: staged submissions and their checked rows, and agencies' obligations.

Revision ID: 0008
Revises: 0007

A submission (an agency's filled template, or GSO's monthly workbook) is staged with every row and
its checks, then confirmed or rejected; an obligation says which agency owes which series, for
which geography, at which frequency and under which regime.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("agency_code", sa.String(40), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("file_bytes", sa.Integer, nullable=False),
        sa.Column("report_period", sa.String(10)),
        sa.Column("vintage", sa.Date, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("decided_by", sa.String(120)),
        sa.Column("note", sa.Text),
        sa.Column("rows_written", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_submissions"),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name="fk_submissions_agency_code_agencies"
        ),
        sa.CheckConstraint(
            "state IN ('staged', 'confirmed', 'rejected')", name="ck_submissions_state"
        ),
        sa.UniqueConstraint(
            "kind", "agency_code", "file_sha256", name="uq_submissions_kind_agency_code_file_sha256"
        ),
    )
    op.create_index("ix_submissions_agency_code", "submissions", ["agency_code"])
    op.create_table(
        "submission_rows",
        sa.Column("id", BigId, nullable=False, autoincrement=True),
        sa.Column("submission_id", sa.Integer, nullable=False),
        sa.Column("row_number", sa.Integer, nullable=False),
        sa.Column("indicator_code", sa.String(120)),
        sa.Column("geography_code", sa.String(20)),
        sa.Column("period", sa.String(10)),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.String(120)),
        sa.Column("status", sa.String(12)),
        sa.Column("source", sa.Text),
        sa.Column("sheet", sa.String(120)),
        sa.Column("cell", sa.String(20)),
        sa.Column("raw", sa.Text),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("messages", sa.Text, nullable=False),
        sa.Column("observation_id", BigId),
        sa.PrimaryKeyConstraint("id", name="pk_submission_rows"),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name="fk_submission_rows_submission_id_submissions",
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observations.id"],
            name="fk_submission_rows_observation_id_observations",
        ),
    )
    op.create_index("ix_submission_rows_submission_id", "submission_rows", ["submission_id"])
    op.create_table(
        "obligations",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("agency_code", sa.String(40), nullable=False),
        sa.Column("indicator_code", sa.String(120), nullable=False),
        sa.Column("geography_code", sa.String(20), nullable=False),
        sa.Column("frequency", sa.String(1), nullable=False),
        sa.Column("regime", sa.String(20), nullable=False),
        sa.Column("valid_from", sa.Date),
        sa.Column("valid_to", sa.Date),
        sa.Column("assigned_by", sa.String(120), nullable=False),
        sa.Column("assigned_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_obligations"),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name="fk_obligations_agency_code_agencies"
        ),
        sa.ForeignKeyConstraint(
            ["indicator_code"], ["indicators.code"], name="fk_obligations_indicator_code_indicators"
        ),
        sa.ForeignKeyConstraint(
            ["geography_code"],
            ["geographies.code"],
            name="fk_obligations_geography_code_geographies",
        ),
    )
    op.create_index("ix_obligations_agency_code", "obligations", ["agency_code"])
    op.create_index("ix_obligations_indicator_code", "obligations", ["indicator_code"])


def downgrade() -> None:
    op.drop_table("obligations")
    op.drop_table("submission_rows")
    op.drop_table("submissions")

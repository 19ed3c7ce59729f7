"""Indicator kinds, the evidence for agencies' dated facts, and each indicator's agency over time.

Revision ID: 0006
Revises: 0005

``indicators.kind`` says what an indicator's numbers are (``domain.vocabulary.IndicatorKind``), so
that Explore offers only the aggregations and transformations that make sense for it.
``agencies.evidence`` tags an agency's validity and successor as confirmed, secondary or
unconfirmed, with a note of the source. ``indicator_agencies`` keeps who was responsible for an
indicator and when; ``indicators.agency_code`` stays the current one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.add_column(sa.Column("kind", sa.String(12)))
    with op.batch_alter_table("agencies") as batch:
        batch.add_column(sa.Column("evidence", sa.String(12)))
        batch.add_column(sa.Column("evidence_note", sa.Text))
    op.create_table(
        "indicator_agencies",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("indicator_code", sa.String(120), nullable=False),
        sa.Column("agency_code", sa.String(40), nullable=False),
        sa.Column("valid_from", sa.Date),
        sa.Column("valid_to", sa.Date),
        sa.PrimaryKeyConstraint("id", name="pk_indicator_agencies"),
        sa.ForeignKeyConstraint(
            ["indicator_code"],
            ["indicators.code"],
            name="fk_indicator_agencies_indicator_code_indicators",
        ),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name="fk_indicator_agencies_agency_code_agencies"
        ),
    )
    op.create_index(
        "ix_indicator_agencies_indicator_code", "indicator_agencies", ["indicator_code"]
    )


def downgrade() -> None:
    op.drop_index("ix_indicator_agencies_indicator_code", table_name="indicator_agencies")
    op.drop_table("indicator_agencies")
    # A plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch would copy and drop the whole table,
    # which SQLite refuses while other tables' rows refer to it.
    op.drop_column("agencies", "evidence_note")
    op.drop_column("agencies", "evidence")
    op.drop_column("indicators", "kind")

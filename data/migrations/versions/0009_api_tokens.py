"""Tokens of agencies' reporting systems for the HTTP API.

Revision ID: 0009
Revises: 0008

A token belongs to one agency; only its SHA-256 digest is kept (the token itself is shown once,
when an admin issues it). It expires, and an admin may revoke it before; ``review_first`` says
whether the agency's submissions wait for a person's confirmation or are written at once.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("agency_code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("review_first", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
        sa.Column("revoked_by", sa.String(120)),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name="fk_api_tokens_agency_code_agencies"
        ),
        sa.UniqueConstraint("token_sha256", name="uq_api_tokens_token_sha256"),
    )
    op.create_index("ix_api_tokens_agency_code", "api_tokens", ["agency_code"])


def downgrade() -> None:
    op.drop_table("api_tokens")

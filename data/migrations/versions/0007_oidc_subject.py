"""Bind an account to its identity provider's subject, so an unverified e-mail never signs in.

Revision ID: 0007
Revises: 0006

``users.oidc_subject`` holds ``<issuer> <sub>`` of the provider's token, bound at the first sign-in
whose e-mail the provider verified. A later token is matched by that subject; its e-mail counts only
if the provider says, with a boolean ``true``, that it verified it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("oidc_subject", sa.String(600)))
        batch.create_unique_constraint("uq_users_oidc_subject", ["oidc_subject"])


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_oidc_subject", type_="unique")
        batch.drop_column("oidc_subject")

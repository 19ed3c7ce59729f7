"""Sign-in sessions that survive a reload: the hash of each session's token, its user and expiry.

Revision ID: 0005
Revises: 0004

A row is inserted when a local account signs in (or a session is renewed) and revoked when the
person signs out, the password is reset or the account is deactivated. The database refuses every
other change: an UPDATE is allowed only to set ``revoked_at`` once (leaving every other column as it
was), DELETE is refused (and TRUNCATE on PostgreSQL), so a revoked session cannot come back.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

REVOKE_ONLY = "user_sessions rows are only inserted and revoked"
NOT_A_REVOCATION = """OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
    OR NEW.id <> OLD.id OR NEW.token_sha256 <> OLD.token_sha256 OR NEW.user_id <> OLD.user_id
    OR NEW.created_at <> OLD.created_at OR NEW.expires_at <> OLD.expires_at"""

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER user_sessions_revoke_only BEFORE UPDATE ON user_sessions
    WHEN {NOT_A_REVOCATION}
    BEGIN SELECT RAISE(ABORT, '{REVOKE_ONLY}'); END""",
    f"""CREATE TRIGGER user_sessions_no_delete BEFORE DELETE ON user_sessions
    BEGIN SELECT RAISE(ABORT, '{REVOKE_ONLY}'); END""",
]

POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION user_sessions_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NOT ({NOT_A_REVOCATION}) THEN RETURN NEW; END IF;
      RAISE EXCEPTION '{REVOKE_ONLY}';
    END $$""",
    """CREATE TRIGGER user_sessions_no_change BEFORE UPDATE OR DELETE ON user_sessions
    FOR EACH ROW EXECUTE FUNCTION user_sessions_revoke_only()""",
    """CREATE TRIGGER user_sessions_no_truncate BEFORE TRUNCATE ON user_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION user_sessions_revoke_only()""",
]

POSTGRES_DROPS = ["DROP FUNCTION user_sessions_revoke_only() CASCADE"]


def upgrade() -> None:
    op.create_table(
        "user_sessions",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_user_sessions"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_user_sessions_user_id_users"),
        sa.UniqueConstraint("token_sha256", name="uq_user_sessions_token_sha256"),
    )
    op.create_index("ix_user_sessions_user_id", "user_sessions", ["user_id"])
    for statement in {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS}.get(
        op.get_bind().dialect.name, []
    ):
        op.execute(statement)


def downgrade() -> None:
    for statement in {"postgresql": POSTGRES_DROPS}.get(op.get_bind().dialect.name, []):
        op.execute(statement)
    op.drop_index("ix_user_sessions_user_id", table_name="user_sessions")
    op.drop_table("user_sessions")

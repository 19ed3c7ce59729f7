"""The Cockpit's database schema, as SQLAlchemy Core tables.

The schema follows the National Statistical Indicator System's metadata (code, name, unit,
periodicity, source, responsible agency) and Decision 293/QĐ-TTg's nine fields. Observations are
append-only: a revision is a new row with a later ``vintage`` (the date the value became known), so
"latest" and "as known on date X" are queries and nothing is ever overwritten. Periods are stored as
start and end dates, because a Decree 09 reporting month (15th to 14th) is not a calendar month.

Migrations in ``data/migrations/versions/`` create exactly these tables; a test compares the two.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only auto-increments INTEGER PRIMARY KEY, so big ids are plain integers there.
BigId = BigInteger().with_variant(Integer(), "sqlite")

fields = Table(
    "fields",
    metadata,
    Column("code", Integer, primary_key=True),
    Column("name_vi", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
)

agencies = Table(
    "agencies",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name_vi", String(300), nullable=False),
    Column("name_en", String(300), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("successor_code", String(40), ForeignKey("agencies.code")),
)

geographies = Table(
    "geographies",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("name_vi", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("scheme", String(20), nullable=False),
    Column("division_type", String(60)),
    Column("region_vi", String(100)),
    Column("valid_from", Date),
    Column("valid_to", Date),
)

geography_mapping = Table(
    "geography_mapping",
    metadata,
    Column("old_code", String(20), ForeignKey("geographies.code"), primary_key=True),
    Column("new_code", String(20), ForeignKey("geographies.code"), primary_key=True),
    Column("evidence", Text),
)

indicators = Table(
    "indicators",
    metadata,
    Column("code", String(120), primary_key=True),
    Column("name_vi", String(400), nullable=False),
    Column("name_en", String(400), nullable=False),
    Column("unit", String(120), nullable=False),
    Column("frequency", String(1), nullable=False),
    Column("field_code", Integer, ForeignKey("fields.code"), nullable=False),
    Column("agency_code", String(40), ForeignKey("agencies.code")),
    Column("definition", Text),
    Column("source", Text, nullable=False),
    Column("legal_basis", Text),
    Column("regime", String(20), nullable=False, default="statistical"),
    Column("dataset", String(120), nullable=False),
    Column("higher_is_better", Boolean),
)

observations = Table(
    "observations",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("indicator_code", String(120), ForeignKey("indicators.code"), nullable=False),
    Column("geography_code", String(20), ForeignKey("geographies.code"), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("value", Float, nullable=False),
    Column("status", String(12), nullable=False),
    Column("vintage", Date, nullable=False),
    Column("source", Text, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", String(120), nullable=False),
    UniqueConstraint(
        "indicator_code",
        "geography_code",
        "period_start",
        "period_end",
        "vintage",
        "status",
        name="uq_observations_key",
    ),
)

plan_targets = Table(
    "plan_targets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_year", Integer, nullable=False),
    Column("indicator_code", String(120), ForeignKey("indicators.code")),
    Column("name_vi", String(400), nullable=False),
    Column("name_en", String(400), nullable=False),
    Column("unit", String(60), nullable=False),
    Column("target_text", String(200)),
    Column("target_low", Float),
    Column("target_high", Float),
    Column("operator", String(8)),
    Column("approximate", Boolean),
    Column("actual_text", String(60)),
    Column("resolution", String(120)),
    Column("resolution_confirmed", Boolean, nullable=False),
    Column("source", Text, nullable=False),
    UniqueConstraint("plan_year", "name_vi"),
)

seed_batches = Table(
    "seed_batches",
    metadata,
    Column("dataset", String(120), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("loaded_at", DateTime, nullable=False),
    Column("rows_added", Integer, nullable=False),
)

# Accounts (issue 3). A local account has an argon2id ``password_hash``; an OIDC account has none
# and is matched by ``email``. ``failed_attempts`` and ``locked_until`` drive the sign-in lockout.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(60), nullable=False),
    Column("email", String(254)),
    Column("display_name", String(200)),
    Column("password_hash", String(255)),
    Column("role", String(20), nullable=False),
    Column("agency_code", String(40), ForeignKey("agencies.code")),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
    Column("last_failed_at", DateTime),
    UniqueConstraint("username"),
    UniqueConstraint("email"),
)

# The audit trail: who (``actor``), when (``at``, UTC), what (``action`` on a target), with the
# state before and after as JSON. Append-only: the migration adds triggers that refuse UPDATE and
# DELETE, and ``data.audit`` has no function that changes a row.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("actor", String(120), nullable=False, index=True),
    Column("action", String(40), nullable=False, index=True),
    Column("target_type", String(40)),
    Column("target_id", String(200)),
    Column("before_json", Text),
    Column("after_json", Text),
    Column("detail", Text),
)

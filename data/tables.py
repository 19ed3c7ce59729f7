"""The Cockpit's database schema, as SQLAlchemy Core tables.

The schema follows the National Statistical Indicator System's metadata (code, name, unit,
periodicity, source, responsible agency) and Decision 293/QĐ-TTg's nine fields. Observations are
append-only: a revision is a new row with a later ``vintage`` (the date the value became known), so
"latest" and "as known on date X" are queries and nothing is ever overwritten. Periods are stored as
start and end dates, because a Decree 09 reporting month (15th to 14th) is not a calendar month.

The database itself holds the append-only tables to it: on SQLite and PostgreSQL, triggers refuse
every UPDATE and DELETE (and TRUNCATE on PostgreSQL) of ``observations`` (migration 0004), of
``audit_log`` (0002) and of the forecast tables (0003).

Migrations in ``data/migrations/versions/`` create exactly these tables; a test compares the two.
The triggers are not table metadata, so that comparison leaves them out; tests of their own
(``tests/data/test_observations_append_only.py``, ``tests/services/test_audit.py``,
``tests/services/test_forecasts.py``) try the refused statements.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
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
    Column("evidence", String(12)),
    Column("evidence_note", Text),
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
    Column("kind", String(12)),
)

# Who was responsible for an indicator, and when: the current agency is the row with no valid_to.
indicator_agencies = Table(
    "indicator_agencies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_code", String(120), ForeignKey("indicators.code"), nullable=False),
    Column("agency_code", String(40), ForeignKey("agencies.code"), nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Index("ix_indicator_agencies_indicator_code", "indicator_code"),
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
    Column("oidc_subject", String(600)),
    UniqueConstraint("username"),
    UniqueConstraint("email"),
    UniqueConstraint("oidc_subject"),
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

# Forecasts (issue 4). A *run* is one forecast of one indicator, in one target transformation
# ("level", "yoy_pct" ...), made either by an analyst who publishes it (``kind`` "published") or by
# the monthly batch (``kind`` "batch", author "system"). It keeps what it rests on: the model and
# its parameters, the backtest that judged it, the data version and the latest vintage of the
# series it saw, and the last actual period (``origin_period``). Runs, their values and the saved
# configurations are append-only (the migration adds triggers that refuse UPDATE and DELETE): a
# second publication is a new run, and a track record can always be rebuilt.
#
# The batch writes one run per indicator, transformation, ``forecast_month`` and geography (the
# country, ``VN``, or a province for the by-province series: a partial unique index, so running it
# again for the same month adds nothing); published runs may be several a month.
FORECAST_KINDS = ("published", "batch")

forecast_runs = Table(
    "forecast_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_code", String(120), ForeignKey("indicators.code"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("target_transform", String(40), nullable=False),
    Column("frequency", String(1), nullable=False),
    Column("method", String(40), nullable=False),
    Column("model", String(300), nullable=False),
    Column("params_json", Text, nullable=False),
    Column("horizon", Integer, nullable=False),
    Column("levels", String(40), nullable=False),
    Column("origin_period", String(10), nullable=False),
    Column("data_version", String(100), nullable=False),
    Column("data_vintage", Date),
    Column("author", String(120), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("forecast_month", String(7), nullable=False),
    Column("backtest_json", Text),
    # Whose observations the run forecast: VN (the country) or a province (migration 0010).
    Column("geography_code", String(20), nullable=False, server_default="VN"),
    CheckConstraint("kind IN ('published', 'batch')", name="ck_forecast_runs_kind"),
    Index("ix_forecast_runs_lookup", "indicator_code", "target_transform", "kind"),
    Index(
        "uq_forecast_runs_batch_key",
        "indicator_code",
        "kind",
        "target_transform",
        "forecast_month",
        "geography_code",
        unique=True,
        sqlite_where=text("kind = 'batch'"),
        postgresql_where=text("kind = 'batch'"),
    ),
)

# One row per forecast period and quantity: the point forecast (``level`` 0, since a primary-key
# column cannot be NULL on PostgreSQL) and the lower and upper bound of each interval level.
forecast_values = Table(
    "forecast_values",
    metadata,
    Column("run_id", Integer, ForeignKey("forecast_runs.id"), primary_key=True),
    Column("period_start", Date, primary_key=True),
    Column("quantity", String(5), primary_key=True),
    Column("level", Integer, primary_key=True),
    Column("period_end", Date, nullable=False),
    Column("value", Float, nullable=False),
)

# An analyst's saved choice of method and parameters for an indicator and transformation, which
# the monthly batch uses. Append-only versions: the latest one saved wins.
forecast_configs = Table(
    "forecast_configs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_code", String(120), ForeignKey("indicators.code"), nullable=False),
    Column("target_transform", String(40), nullable=False),
    Column("method", String(40), nullable=False),
    Column("params_json", Text, nullable=False),
    Column("saved_by", String(120), nullable=False),
    Column("saved_at", DateTime, nullable=False),
    Index("ix_forecast_configs_indicator", "indicator_code", "target_transform"),
)

# Sign-in sessions of local accounts (issue 10), so a reload or a new tab stays signed in. The
# browser holds a random token in a cookie; only its SHA-256 is stored here. A session is valid
# until ``expires_at`` (absolute) and while it is not revoked; rows are inserted and revoked, never
# otherwise changed or deleted (migration 0005 has the database refuse anything else).
user_sessions = Table(
    "user_sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_sha256", String(64), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    UniqueConstraint("token_sha256"),
    Index("ix_user_sessions_user_id", "user_id"),
)

# Monthly intake (issue 10). A submission is one file (an agency's filled template or GSO's
# monthly workbook): checked row by row and staged, then confirmed (its valid rows written to
# ``observations`` in one transaction) or rejected. The same file again (same SHA-256, kind and
# agency) is the same submission, so nothing is staged or written twice.
submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("agency_code", String(40), ForeignKey("agencies.code"), nullable=False),
    Column("file_name", String(300), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("file_bytes", Integer, nullable=False),
    Column("report_period", String(10)),
    Column("vintage", Date, nullable=False),
    Column("state", String(12), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(120), nullable=False),
    Column("decided_at", DateTime),
    Column("decided_by", String(120)),
    Column("note", Text),
    Column("rows_written", Integer),
    CheckConstraint("state IN ('staged', 'confirmed', 'rejected')", name="ck_submissions_state"),
    UniqueConstraint("kind", "agency_code", "file_sha256"),
    Index("ix_submissions_agency_code", "agency_code"),
)

# The rows of a submission as read and checked; ``messages`` is a JSON list of translation keys
# with their parameters, shown in the reader's language. ``observation_id`` is set for the rows a
# confirmation wrote.
submission_rows = Table(
    "submission_rows",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("row_number", Integer, nullable=False),
    Column("indicator_code", String(120)),
    Column("geography_code", String(20)),
    Column("period", String(10)),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("value", Float),
    Column("unit", String(120)),
    Column("status", String(12)),
    Column("source", Text),
    Column("sheet", String(120)),
    Column("cell", String(20)),
    Column("raw", Text),
    Column("outcome", String(12), nullable=False),
    Column("messages", Text, nullable=False),
    Column("observation_id", BigId, ForeignKey("observations.id")),
    Index("ix_submission_rows_submission_id", "submission_id"),
)

# Who owes which series, for which geography and frequency, under which regime (issue 10):
# seeded from the catalogue's responsible agencies and the by-province series, edited by an admin.
# ``valid_to`` ends an obligation (a merged province, a reassigned indicator); rows are kept.
obligations = Table(
    "obligations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("agency_code", String(40), ForeignKey("agencies.code"), nullable=False),
    Column("indicator_code", String(120), ForeignKey("indicators.code"), nullable=False),
    Column("geography_code", String(20), ForeignKey("geographies.code"), nullable=False),
    Column("frequency", String(1), nullable=False),
    Column("regime", String(20), nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("assigned_by", String(120), nullable=False),
    Column("assigned_at", DateTime, nullable=False),
    Index("ix_obligations_agency_code", "agency_code"),
    Index("ix_obligations_indicator_code", "indicator_code"),
)

# Tokens of agencies' reporting systems (the HTTP API): the digest only, never the token.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("agency_code", String(40), ForeignKey("agencies.code"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("review_first", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(120), nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    Column("revoked_by", String(120)),
    Index("ix_api_tokens_agency_code", "agency_code"),
)

"""Storage only: the database engine, tables, Alembic migrations, readers, append-only writers,
and ``data/seed/`` with the shipped real data and its provenance. It imports no service."""

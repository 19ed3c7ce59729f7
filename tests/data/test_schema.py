"""The migrations build exactly the schema that ``data/tables.py`` describes, on every backend."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from data import tables as t
from data.seed_load import load_reference
from data.tables import metadata
from tests.factories import indicator_row, observation_row


def test_migrated_database_matches_the_table_definitions(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    with migrated_engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_observations_cannot_hold_two_rows_with_the_same_key(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    load_reference(migrated_engine)
    with migrated_engine.begin() as conn:
        conn.execute(insert(t.indicators), indicator_row("X", None, unit="u"))
    january = pd.Period("2025-01", "M")
    row = observation_row("X", january, 1.0, dt.date(2025, 1, 29), status="estimate")
    with migrated_engine.begin() as conn:
        conn.execute(insert(t.observations), row)
    with pytest.raises(IntegrityError), migrated_engine.begin() as conn:
        conn.execute(insert(t.observations), {**row, "value": 2.0})

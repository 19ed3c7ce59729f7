"""Observations are append-only in the database: UPDATE, DELETE and TRUNCATE are refused.

A revision is a new row with a later vintage, so nothing the Cockpit once showed may be rewritten;
the trigger of migration 0004 holds that even against a query that bypasses the data layer.
"""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from data import tables as t
from data.migrate import alembic_config, upgrade
from data.seed_load import load_all

SEED = ["sbv_interest_rates.csv.gz"]
REFUSED = "observations are append-only"


def _observations(engine: Engine) -> list[tuple]:
    """Every observation, in the order it was stored."""
    query = select(t.observations).order_by(t.observations.c.id)
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def _seeded(engine: Engine) -> list[tuple]:
    """Load a small seed file twice (the second load adds nothing) and return its rows."""
    first = load_all(engine, SEED)
    second = load_all(engine, SEED)
    assert first.observations_added > 0
    assert second.files_skipped == len(SEED) and second.observations_added == 0
    return _observations(engine)


def _change_attempts(engine: Engine) -> list:  # type: ignore[type-arg]
    """Statements that would rewrite history: update or delete one row or all, truncate."""
    o = t.observations.c
    with engine.connect() as conn:
        some_id = conn.execute(select(func.min(o.id))).scalar_one()
    attempts = [
        update(t.observations).values(value=0.0),
        update(t.observations).where(o.id == some_id).values(status="official"),
        delete(t.observations).where(o.id == some_id),
        delete(t.observations),
    ]
    if engine.dialect.name == "postgresql":
        attempts.append(text("TRUNCATE observations CASCADE"))
    return attempts


def test_the_database_refuses_to_change_or_delete_an_observation(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    before = _seeded(migrated_engine)
    for statement in _change_attempts(migrated_engine):
        with pytest.raises(DBAPIError, match=REFUSED), migrated_engine.begin() as conn:
            conn.execute(statement)
    assert _observations(migrated_engine) == before


def test_a_revision_still_goes_in_as_a_new_row(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    before = _seeded(migrated_engine)
    latest = dict(zip(t.observations.c.keys(), before[-1], strict=True))
    revision = {
        **{k: v for k, v in latest.items() if k != "id"},
        "value": latest["value"] + 0.25,
        "status": "revised",
        "vintage": latest["vintage"] + dt.timedelta(days=30),
        "recorded_at": dt.datetime(2026, 1, 5, 9, 0),
        "recorded_by": "test",
    }
    with migrated_engine.begin() as conn:
        conn.execute(insert(t.observations), revision)
    after = _observations(migrated_engine)
    assert after[: len(before)] == before
    assert len(after) == len(before) + 1 and after[-1][1:] == tuple(revision.values())


def test_the_downgrade_lifts_the_refusal_and_the_upgrade_restores_it(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    _seeded(migrated_engine)
    config = alembic_config()
    with migrated_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with migrated_engine.begin() as conn:
        changed = conn.execute(update(t.observations).values(recorded_by="downgraded")).rowcount
    assert changed == len(_observations(migrated_engine))
    upgrade(migrated_engine)
    with pytest.raises(DBAPIError, match=REFUSED), migrated_engine.begin() as conn:
        conn.execute(delete(t.observations))
    assert {row[-1] for row in _observations(migrated_engine)} == {"downgraded"}

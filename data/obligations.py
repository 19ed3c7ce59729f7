"""Reporting obligations in the database: who owes which series, and what has been supplied.

Seeded from the catalogue: each indicator's responsible agency owes its national series at the
indicator's frequency under the indicator's regime. Nothing is deleted; an obligation ends by its
``valid_to``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, func, insert, select

from data import tables as t
from domain.vocabulary import NATIONAL_GEOGRAPHY

SEEDER = "seed"


def seed_from_catalogue(engine: Engine) -> int:
    """Add an obligation for every indicator with a responsible agency that has none yet; the
    number added. Idempotent."""
    i, o = t.indicators.c, t.obligations.c
    with engine.begin() as conn:
        owed = set(conn.execute(select(o.indicator_code, o.geography_code)).tuples())
        rows = [
            {
                "agency_code": row.agency_code,
                "indicator_code": row.code,
                "geography_code": NATIONAL_GEOGRAPHY,
                "frequency": row.frequency,
                "regime": row.regime,
                "assigned_by": SEEDER,
                "assigned_at": dt.datetime(2025, 1, 1),
            }
            for row in conn.execute(select(i.code, i.agency_code, i.frequency, i.regime))
            if row.agency_code is not None and (row.code, NATIONAL_GEOGRAPHY) not in owed
        ]
        if rows:
            conn.execute(insert(t.obligations), rows)
    return len(rows)


def current(engine: Engine, on: dt.date) -> pd.DataFrame:
    """The obligations in force on ``on`` with each indicator's names and unit."""
    o, i = t.obligations.c, t.indicators.c
    query = (
        select(
            o.agency_code,
            o.indicator_code,
            o.geography_code,
            o.frequency,
            o.regime,
            i.name_vi,
            i.name_en,
        )
        .join(t.indicators, i.code == o.indicator_code)
        .where((o.valid_from.is_(None)) | (o.valid_from <= on))
        .where((o.valid_to.is_(None)) | (o.valid_to >= on))
        .order_by(o.agency_code, o.indicator_code)
    )
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).mappings().all())


def supplied(engine: Engine, since: dt.date) -> pd.DataFrame:
    """Per indicator, geography and period starting on or after ``since``: the first and last
    day a value became known, and how many vintages there are."""
    o = t.observations.c
    query = (
        select(
            o.indicator_code,
            o.geography_code,
            o.period_start,
            func.min(o.vintage).label("first_vintage"),
            func.max(o.vintage).label("last_vintage"),
            func.count(func.distinct(o.vintage)).label("vintages"),
        )
        .where(o.period_start >= since)
        .group_by(o.indicator_code, o.geography_code, o.period_start)
    )
    with engine.connect() as conn:
        return pd.DataFrame(
            conn.execute(query).mappings().all(),
            columns=[
                "indicator_code",
                "geography_code",
                "period_start",
                "first_vintage",
                "last_vintage",
                "vintages",
            ],
        )


def of_agency(engine: Engine, agency_code: str) -> pd.DataFrame:
    """Every obligation of ``agency_code``, in force or ended, newest assignment first."""
    o = t.obligations.c
    query = (
        select(t.obligations)
        .where(o.agency_code == agency_code)
        .order_by(o.indicator_code, o.geography_code, o.id)
    )
    with engine.connect() as conn:
        found = conn.execute(query).mappings().all()
    return pd.DataFrame(found, columns=[c.name for c in t.obligations.columns])

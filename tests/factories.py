"""Test data for a database of a test's own: the catalogue its series need (a field, agencies,
geographies, indicators) and their observations.

A row here is a dict of column values, as ``insert(table)`` takes it. A name defaults to the code:
the tests check what the Cockpit does with a catalogue, not its wording. :func:`seed_catalogue`
writes a small catalogue in one transaction, each table before the tables that refer to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import Engine, insert

from data import tables as t
from domain.vocabulary import NATIONAL_GEOGRAPHY

Row = dict[str, Any]
"""One row of a table, by column name."""


def field_row(code: int = 1, name_vi: str = "Tăng trưởng", name_en: str = "Growth") -> Row:
    """A field, the group of indicators a screen shows together (growth by default)."""
    return {"code": code, "name_vi": name_vi, "name_en": name_en}


def agency_row(code: str, name_vi: str, kind: str, name_en: str | None = None) -> Row:
    """An agency of ``kind`` (statistics, ministry, province); its English name is its code unless
    given."""
    return {"code": code, "name_vi": name_vi, "name_en": name_en or code, "kind": kind}


def geography_row(
    code: str, scheme: str, name_vi: str | None = None, name_en: str | None = None
) -> Row:
    """A geography of ``scheme`` (national, prov63, prov34), named by its code unless given."""
    return {"code": code, "name_vi": name_vi or code, "name_en": name_en or code, "scheme": scheme}


GROWTH = field_row()
GSO = agency_row("GSO", "Cục Thống kê", "statistics")
MOF = agency_row("MOF", "Bộ Tài chính", "ministry")
COUNTRY = geography_row(NATIONAL_GEOGRAPHY, "national", "Việt Nam", "Viet Nam")


def indicator_row(
    code: str,
    agency_code: str | None = "GSO",
    *,
    name: str | None = None,
    unit: str = "%",
    frequency: str = "M",
    field_code: int = 1,
) -> Row:
    """A statistical indicator of ``agency_code`` (none for an indicator no agency supplies).

    Parameters
    ----------
    code
        The indicator's code, also its name in both languages unless ``name`` is given.
    agency_code
        The agency that supplies it; ``None`` for an orphan.
    name
        Its name in both languages.
    unit, frequency, field_code
        Its unit, ``M``/``Q``/``Y``, and the code of its field (which must exist).
    """
    return {
        "code": code,
        "name_vi": name or code,
        "name_en": name or code,
        "unit": unit,
        "frequency": frequency,
        "field_code": field_code,
        "agency_code": agency_code,
        "source": "test",
        "regime": "statistical",
        "dataset": "test",
    }


def seed_catalogue(
    engine: Engine,
    indicators: Iterable[Row],
    *,
    agencies: Iterable[Row] = (GSO,),
    geographies: Iterable[Row] = (COUNTRY,),
    fields: Iterable[Row] = (GROWTH,),
) -> Engine:
    """Write a catalogue into the migrated database of ``engine`` and return the engine.

    By default the catalogue has the growth field, the statistics office and the country, so a
    test names only its ``indicators`` (see :func:`indicator_row`).
    """
    with engine.begin() as conn:
        for table, rows in (
            (t.fields, fields),
            (t.agencies, agencies),
            (t.geographies, geographies),
            (t.indicators, indicators),
        ):
            if listed := list(rows):
                conn.execute(insert(table), listed)
    return engine


def observation_row(
    code: str,
    period: pd.Period,
    value: float,
    vintage: dt.date,
    *,
    status: str = "official",
    geography: str = NATIONAL_GEOGRAPHY,
    source: str = "test",
    recorded_at: dt.datetime | None = None,
) -> Row:
    """The value of ``code`` for ``period``, known from ``vintage`` on.

    Parameters
    ----------
    code, geography
        The series: an indicator of the catalogue and a geography (the country by default).
    period
        The period the value is of; the row holds its first and last day.
    value, status, source
        What was published, how final it is, and where it came from.
    vintage
        The day the value became known.
    recorded_at
        When it was written; the start of ``vintage`` unless given.
    """
    return {
        "indicator_code": code,
        "geography_code": geography,
        "period_start": period.start_time.date(),
        "period_end": period.end_time.date(),
        "value": float(value),
        "status": status,
        "vintage": vintage,
        "source": source,
        "recorded_at": recorded_at or dt.datetime.combine(vintage, dt.time()),
        "recorded_by": "test",
    }


def series_rows(
    code: str,
    values: pd.Series,
    vintage: dt.date,
    *,
    geography: str = NATIONAL_GEOGRAPHY,
    recorded_at: dt.datetime | None = None,
) -> list[Row]:
    """Official rows of a series of ``values`` by period, all known from ``vintage`` on (see
    :func:`observation_row`)."""
    return [
        observation_row(code, period, value, vintage, geography=geography, recorded_at=recorded_at)
        for period, value in values.items()
    ]

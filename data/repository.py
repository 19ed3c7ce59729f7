"""Read the catalogue, observations and plan targets, as pandas objects for the layers above.

Observations are append-only, so "the value of a period" is a choice among vintages: by default the
newest one known; with ``as_of`` the newest one known on that date (what a meeting saw then). When
two rows share a vintage, a restated figure wins over an official one, which wins over a
preliminary one, which wins over an estimate.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, and_, case, func, select

from data import tables as t
from data.catalogue_rules import definition_of
from domain.vocabulary import NATIONAL_GEOGRAPHY, Action, Status

STATUS_ORDER = case(
    {status.value: status.rank for status in Status},
    value=t.observations.c.status,
    else_=0,
)


def catalogue(engine: Engine) -> pd.DataFrame:
    """Every indicator with its field, agency and coverage (first and last period, last vintage)."""
    o = t.observations.c
    coverage = (
        select(
            o.indicator_code,
            func.min(o.period_start).label("first_period"),
            func.max(o.period_start).label("last_period"),
            func.max(o.vintage).label("last_vintage"),
            func.count().label("n_observations"),
        )
        .where(o.geography_code == NATIONAL_GEOGRAPHY)
        .group_by(o.indicator_code)
        .subquery()
    )
    i, f, a = t.indicators.c, t.fields.c, t.agencies.c
    query = (
        select(
            i.code,
            i.name_vi,
            i.name_en,
            i.unit,
            i.frequency,
            i.kind,
            i.field_code,
            f.name_vi.label("field_vi"),
            f.name_en.label("field_en"),
            i.agency_code,
            a.name_vi.label("agency_vi"),
            a.name_en.label("agency_en"),
            a.evidence.label("agency_evidence"),
            i.source,
            i.definition,
            i.dataset,
            i.higher_is_better,
            coverage.c.first_period,
            coverage.c.last_period,
            coverage.c.last_vintage,
            coverage.c.n_observations,
        )
        .join(t.fields, i.field_code == f.code)
        .outerjoin(t.agencies, i.agency_code == a.code)
        .outerjoin(coverage, coverage.c.indicator_code == i.code)
        .order_by(i.code)
    )
    with engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).mappings().all())
    return _with_definitions(frame)


def _with_definitions(frame: pd.DataFrame) -> pd.DataFrame:
    """Add each indicator's definition in both languages and where it comes from: the one an
    admin wrote in the catalogue, else what the shipped data's provenance says of its family."""
    found = []
    for code, written in zip(frame.get("code", []), frame.get("definition", []), strict=True):
        if isinstance(written, str) and written.strip():
            found.append((written, written, "catalogue"))
        else:
            found.append(definition_of(code) or (None, None, None))
    for position, column in enumerate(["definition_vi", "definition_en", "definition_basis"]):
        frame[column] = [entry[position] for entry in found]
    return frame


def fields(engine: Engine) -> pd.DataFrame:
    """The nine fields of Decision 293/QĐ-TTg."""
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(select(t.fields).order_by(t.fields.c.code)).mappings())


def observations(
    engine: Engine,
    codes: list[str],
    geography: str = NATIONAL_GEOGRAPHY,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """One row per indicator and period: the value known last (on ``as_of``, if given).

    Columns: ``indicator_code, period_start, period_end, value, status, vintage, source``.
    """
    frame = observations_by_geography(engine, codes, [geography], as_of)
    return frame.drop(columns="geography_code")


def observations_by_geography(
    engine: Engine,
    codes: list[str],
    geographies: list[str],
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """One row per indicator, geography and period of ``codes`` in ``geographies``: the value
    known last (on ``as_of``, if given).

    Columns: ``indicator_code, geography_code, period_start, period_end, value, status, vintage,
    source``.
    """
    o = t.observations.c
    conditions = [o.indicator_code.in_(codes), o.geography_code.in_(geographies)]
    if as_of is not None:
        conditions.append(o.vintage <= as_of)
    ranked = (
        select(
            o.indicator_code,
            o.geography_code,
            o.period_start,
            o.period_end,
            o.value,
            o.status,
            o.vintage,
            o.source,
            func.row_number()
            .over(
                partition_by=(o.indicator_code, o.geography_code, o.period_start, o.period_end),
                order_by=(o.vintage.desc(), STATUS_ORDER.desc(), o.id.desc()),
            )
            .label("rank"),
        )
        .where(and_(*conditions))
        .subquery()
    )
    query = (
        select(ranked)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.indicator_code, ranked.c.geography_code, ranked.c.period_start)
    )
    with engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).mappings().all())
    if frame.empty:
        return pd.DataFrame(
            columns=[
                "indicator_code",
                "geography_code",
                "period_start",
                "period_end",
                "value",
                "status",
                "vintage",
            ]
        )
    return frame.drop(columns="rank")


def province_series(engine: Engine) -> pd.DataFrame:
    """Every series kept for a province rather than the country (the by-province series of GSO's
    workbook): one row per indicator and province.

    Columns: ``indicator_code, geography_code, frequency, n_observations`` (rows, as the
    catalogue's ``n_observations`` counts the country's).
    """
    o, i = t.observations.c, t.indicators.c
    query = (
        select(
            o.indicator_code,
            o.geography_code,
            i.frequency,
            func.count().label("n_observations"),
        )
        .join(t.indicators, i.code == o.indicator_code)
        .where(o.geography_code != NATIONAL_GEOGRAPHY)
        .group_by(o.indicator_code, o.geography_code, i.frequency)
        .order_by(o.indicator_code, o.geography_code)
    )
    columns = ["indicator_code", "geography_code", "frequency", "n_observations"]
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).all(), columns=columns)


def vintages(engine: Engine, code: str, geography: str = NATIONAL_GEOGRAPHY) -> pd.DataFrame:
    """Every row ever recorded for ``code``: each period's estimate, restatements and revisions."""
    o = t.observations.c
    query = (
        select(o.period_start, o.period_end, o.value, o.status, o.vintage, o.source, o.recorded_by)
        .where(o.indicator_code == code, o.geography_code == geography)
        .order_by(o.period_start, o.vintage, STATUS_ORDER)
    )
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).mappings().all())


def plan_targets(engine: Engine, year: int | None = None) -> pd.DataFrame:
    """Plan targets of the annual socio-economic plans, with the series that measures each."""
    query = select(t.plan_targets).order_by(t.plan_targets.c.plan_year, t.plan_targets.c.id)
    if year is not None:
        query = query.where(t.plan_targets.c.plan_year == year)
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).mappings().all())


def data_version(engine: Engine) -> str:
    """A token that changes whenever observations, targets, catalogue entries or obligations
    change.

    Part of every cache key. Catalogue and target edits update rows in place, so counts alone
    would not see them; their audit rows do.
    """
    edits = t.audit_log.c.action.in_(
        (Action.CATALOGUE_CHANGE, Action.TARGET_CHANGE, Action.OBLIGATION_CHANGE)
    )
    with engine.connect() as conn:
        obs = conn.execute(select(func.count(), func.max(t.observations.c.id))).one()
        targets = conn.execute(select(func.count()).select_from(t.plan_targets)).scalar_one()
        edited = conn.execute(select(func.max(t.audit_log.c.id)).where(edits)).scalar_one()
    return f"{obs[0]}-{obs[1]}-{targets}-{edited}"


def supply_status(engine: Engine, agency_code: str | None = None) -> pd.DataFrame:
    """Per indicator of ``agency_code`` (all agencies if None): what was last supplied, and by whom.

    Columns: ``code, name_vi, name_en, frequency, agency_code, last_period, last_vintage,
    last_recorded_at, last_recorded_by, n_observations``.
    """
    o, i = t.observations.c, t.indicators.c
    latest = (
        select(
            o.indicator_code,
            o.period_start,
            o.vintage,
            o.recorded_at,
            o.recorded_by,
            func.row_number()
            .over(partition_by=o.indicator_code, order_by=(o.recorded_at.desc(), o.id.desc()))
            .label("rank"),
        )
        .where(o.geography_code == NATIONAL_GEOGRAPHY)
        .subquery()
    )
    coverage = (
        select(
            o.indicator_code,
            func.max(o.period_start).label("last_period"),
            func.max(o.vintage).label("last_vintage"),
            func.count().label("n_observations"),
        )
        .where(o.geography_code == NATIONAL_GEOGRAPHY)
        .group_by(o.indicator_code)
        .subquery()
    )
    query = (
        select(
            i.code,
            i.name_vi,
            i.name_en,
            i.frequency,
            i.agency_code,
            coverage.c.last_period,
            coverage.c.last_vintage,
            latest.c.recorded_at.label("last_recorded_at"),
            latest.c.recorded_by.label("last_recorded_by"),
            coverage.c.n_observations,
        )
        .outerjoin(coverage, coverage.c.indicator_code == i.code)
        .outerjoin(latest, and_(latest.c.indicator_code == i.code, latest.c.rank == 1))
        .order_by(i.code)
    )
    if agency_code is not None:
        query = query.where(i.agency_code == agency_code)
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).mappings().all())


def indicator_agency_history(engine: Engine, code: str) -> pd.DataFrame:
    """Who was responsible for indicator ``code`` and when, oldest first (empty: always the
    current agency)."""
    h = t.indicator_agencies.c
    query = (
        select(h.agency_code, h.valid_from, h.valid_to)
        .where(h.indicator_code == code)
        .order_by(h.valid_from.is_not(None), h.valid_from, h.id)
    )
    with engine.connect() as conn:
        return pd.DataFrame(
            conn.execute(query).mappings().all(), columns=["agency_code", "valid_from", "valid_to"]
        )


def agencies(engine: Engine) -> pd.DataFrame:
    """Every agency (ministries, the statistics office, provinces), by code."""
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(select(t.agencies).order_by(t.agencies.c.code)).mappings())

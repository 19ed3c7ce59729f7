"""Forecasts in the database: append runs and configurations, and read them back.

A *published* forecast is an analyst's (``forecast.publish``), with an audit row written in the same
transaction; a *batch* forecast is the monthly job's (author ``system``), one per indicator,
transformation, month and geography (``VN``, the country, or a province whose own series it
forecast; published forecasts are the country's). Each is a run of ``data.tables.forecast_runs``
with its values in ``forecast_values``; nothing is ever changed or deleted (the database refuses
it), so a second publication is a new run and the latest one is what leaders see. A
*configuration* is the method and settings an analyst saved for an indicator and transformation;
the batch uses the latest.

Values come back *wide*, one row per period: ``period`` (a ``pd.Period``), ``point`` and
``lower_<level>``/``upper_<level>`` for each interval level.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, Select, and_, exists, func, insert, select

from data import audit
from data import tables as t
from domain.errors import InputError
from domain.vocabulary import NATIONAL_GEOGRAPHY, Frequency
from forecasting.result import ForecastResult

PUBLISHED, BATCH = t.FORECAST_KINDS
POINT_LEVEL = 0  # the level stored with the point forecast (a key column cannot be NULL)
NATIONAL = NATIONAL_GEOGRAPHY  # the country's series, and every published forecast, are of it

RUN_COLUMNS = [
    "id",
    "indicator_code",
    "kind",
    "target_transform",
    "frequency",
    "method",
    "model",
    "horizon",
    "levels",
    "origin_period",
    "data_version",
    "data_vintage",
    "author",
    "created_at",
    "forecast_month",
    "geography_code",
]


@dataclass(frozen=True)
class StoredForecast:
    """A forecast run read back: what it is, what it rests on, and its values (wide)."""

    run_id: int
    indicator_code: str
    kind: str
    target_transform: str
    frequency: str
    method: str
    model: str
    params: dict[str, Any]
    horizon: int
    levels: tuple[int, ...]
    origin_period: str
    data_version: str
    data_vintage: dt.date | None
    author: str
    author_label: str
    created_at: dt.datetime
    forecast_month: str
    backtest: pd.DataFrame
    values: pd.DataFrame
    geography_code: str = NATIONAL


# --- writing -------------------------------------------------------------------------------------


def batch_stored(
    engine: Engine,
    code: str,
    target_transform: str,
    forecast_month: str,
    geography: str = NATIONAL,
) -> bool:
    """Whether the batch already stored ``code`` of ``geography`` in ``target_transform`` for
    ``forecast_month``."""
    with engine.connect() as conn:
        return batch_stored_on(conn, code, target_transform, forecast_month, geography)


def batch_keys(engine: Engine, forecast_month: str) -> set[tuple[str, str, str]]:
    """What the batch stored for ``forecast_month``: ``(indicator, transformation, geography)``."""
    r = t.forecast_runs.c
    query = select(r.indicator_code, r.target_transform, r.geography_code).where(
        r.kind == BATCH, r.forecast_month == forecast_month
    )
    with engine.connect() as conn:
        return {(code, transform, geography) for code, transform, geography in conn.execute(query)}


def check_indicator(conn: Connection, indicator_code: str) -> None:
    """Refuse with ``InputError`` unless the catalogue has ``indicator_code``."""
    if not conn.execute(select(exists().where(t.indicators.c.code == indicator_code))).scalar():
        raise InputError(
            "error.unknown_indicator_code",
            f"there is no indicator with code {indicator_code}",
            code=indicator_code,
        )


def batch_stored_on(
    conn: Connection, code: str, target_transform: str, month: str, geography: str = NATIONAL
) -> bool:
    """:func:`batch_stored`, on an open connection (inside the transaction that would store)."""
    r = t.forecast_runs.c
    return bool(
        conn.execute(
            select(
                exists().where(
                    r.indicator_code == code,
                    r.kind == BATCH,
                    r.target_transform == target_transform,
                    r.forecast_month == month,
                    r.geography_code == geography,
                )
            )
        ).scalar()
    )


def insert_run(conn: Connection, row: dict[str, Any], result: ForecastResult) -> int:
    """Append the run ``row`` and the values of ``result`` on ``conn``; the new run's id."""
    run_id = conn.execute(insert(t.forecast_runs).values(**row)).inserted_primary_key[0]
    values = [
        {
            "run_id": run_id,
            "period_start": period.start_time.date(),
            "period_end": period.end_time.date(),
            "quantity": quantity,
            "level": level,
            "value": float(value),
        }
        for quantity, level, series in _quantities(result)
        for period, value in series.items()
    ]
    conn.execute(insert(t.forecast_values), values)
    return run_id


def _quantities(result: ForecastResult) -> Iterator[tuple[str, int, pd.Series]]:
    yield "point", POINT_LEVEL, result.point
    for level in result.levels:
        yield "lower", level, result.lower[level]
        yield "upper", level, result.upper[level]


def to_json(value: Mapping[str, Any]) -> str:
    return audit.to_json(value) or "{}"


# --- reading -------------------------------------------------------------------------------------


def version(engine: Engine) -> str:
    """A token that changes whenever a run or a configuration is stored; part of cache keys."""
    with engine.connect() as conn:
        runs = conn.execute(select(func.count(), func.max(t.forecast_runs.c.id))).one()
        configs = conn.execute(select(func.max(t.forecast_configs.c.id))).scalar()
    return f"{runs[0]}-{runs[1]}-{configs}"


def _runs_query() -> Select:
    r, u = t.forecast_runs.c, t.users.c
    return select(
        *(r[name] for name in RUN_COLUMNS),
        r.params_json,
        r.backtest_json,
        func.coalesce(u.display_name, r.author).label("author_label"),
    ).outerjoin(t.users, u.username == r.author)


def published_runs(
    engine: Engine, code: str, kind: str = PUBLISHED, geography: str = NATIONAL
) -> pd.DataFrame:
    """Every run of ``code`` of ``kind`` (published by default) for ``geography`` (the country by
    default), newest first.

    Columns: those of ``forecast_runs`` but the JSON ones, plus ``author_label`` (the author's
    display name, else the user name).
    """
    r = t.forecast_runs.c
    query = (
        _runs_query()
        .where(r.indicator_code == code, r.kind == kind, r.geography_code == geography)
        .order_by(r.created_at.desc(), r.id.desc())
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    columns = [*RUN_COLUMNS, "author_label"]
    return pd.DataFrame([{c: row[c] for c in columns} for row in rows], columns=columns)


def latest_published(
    engine: Engine,
    code: str,
    target_transform: str,
    kind: str = PUBLISHED,
    geography: str = NATIONAL,
) -> StoredForecast | None:
    """The newest run of ``code`` in ``target_transform`` (published by default) for
    ``geography`` (the country by default), or None."""
    r = t.forecast_runs.c
    query = (
        _runs_query()
        .where(
            r.indicator_code == code,
            r.target_transform == target_transform,
            r.kind == kind,
            r.geography_code == geography,
        )
        .order_by(r.created_at.desc(), r.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
        if row is None:
            return None
        values = _values(conn, [row["id"]], {row["id"]: row["frequency"]})
    return StoredForecast(
        run_id=row["id"],
        indicator_code=row["indicator_code"],
        kind=row["kind"],
        target_transform=row["target_transform"],
        frequency=row["frequency"],
        method=row["method"],
        model=row["model"],
        params=json.loads(row["params_json"]),
        horizon=row["horizon"],
        levels=tuple(int(level) for level in row["levels"].split(",") if level),
        origin_period=row["origin_period"],
        data_version=row["data_version"],
        data_vintage=row["data_vintage"],
        author=row["author"],
        author_label=row["author_label"],
        created_at=row["created_at"],
        forecast_month=row["forecast_month"],
        backtest=pd.DataFrame(json.loads(row["backtest_json"] or "{}").get("scores", [])),
        values=values.drop(columns="run_id"),
        geography_code=row["geography_code"],
    )


def run_values(engine: Engine, run_ids: list[int]) -> pd.DataFrame:
    """The values of the runs ``run_ids``, wide: ``run_id, period, point, lower_80 ...``."""
    r = t.forecast_runs.c
    with engine.connect() as conn:
        frequencies = dict(conn.execute(select(r.id, r.frequency).where(r.id.in_(run_ids))).all())
        return _values(conn, run_ids, frequencies)


def _values(conn: Connection, run_ids: list[int], frequencies: dict[int, str]) -> pd.DataFrame:
    v = t.forecast_values.c
    rows = conn.execute(
        select(v.run_id, v.period_start, v.quantity, v.level, v.value)
        .where(v.run_id.in_(run_ids))
        .order_by(v.run_id, v.period_start)
    ).all()
    long = pd.DataFrame(rows, columns=["run_id", "period_start", "quantity", "level", "value"])
    if long.empty:
        return pd.DataFrame(columns=["run_id", "period", "point"])
    long["column"] = [
        "point" if quantity == "point" else f"{quantity}_{level}"
        for quantity, level in zip(long["quantity"], long["level"], strict=True)
    ]
    wide = long.pivot_table(
        index=["run_id", "period_start"], columns="column", values="value", sort=True
    ).reset_index()
    wide.columns.name = None
    wide.insert(
        1,
        "period",
        [
            pd.Period(start, Frequency.parse(frequencies[run_id]).pandas)
            for run_id, start in zip(wide["run_id"], wide["period_start"], strict=True)
        ],
    )
    bounds = sorted(
        (c for c in wide.columns if c.startswith(("lower_", "upper_"))),
        key=lambda c: (int(c.split("_")[1]), c),
    )
    return wide[["run_id", "period", "point", *bounds]]


def latest_configs(engine: Engine) -> pd.DataFrame:
    """The configuration in force for each indicator and transformation (the latest saved).

    Columns: ``id, indicator_code, target_transform, method, settings`` (a dict), ``saved_by``,
    ``saved_at``.
    """
    c = t.forecast_configs.c
    newest = (
        select(func.max(c.id).label("id")).group_by(c.indicator_code, c.target_transform).subquery()
    )
    query = (
        select(t.forecast_configs)
        .join(newest, newest.c.id == c.id)
        .order_by(c.indicator_code, c.target_transform)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    columns = ["id", "indicator_code", "target_transform", "method", "settings"]
    columns += ["saved_by", "saved_at"]
    return pd.DataFrame(
        [{**row, "settings": json.loads(row["params_json"])} for row in rows], columns=columns
    )


def config_for(engine: Engine, code: str, target_transform: str) -> dict[str, Any] | None:
    """The configuration in force for ``code`` in ``target_transform``, or None."""
    c = t.forecast_configs.c
    query = (
        select(t.forecast_configs)
        .where(and_(c.indicator_code == code, c.target_transform == target_transform))
        .order_by(c.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        return None
    return {**row, "settings": json.loads(row["params_json"])}

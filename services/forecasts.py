"""Forecast actions: an analyst publishes a forecast or saves a configuration; the monthly batch
stores its forecasts; anyone who may see forecasts reads their track record.

A *published* forecast is an analyst's (``forecast.publish``), with an audit row written in the same
transaction; a *batch* forecast is the monthly job's (author ``system``), one per indicator,
transformation, month and geography (the country, or a province for its own series). Nothing is
ever changed or deleted (the database refuses it), so a second publication is a new run and the
latest one is what leaders see. Storage is ``data.forecasts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, insert
from sqlalchemy.exc import IntegrityError

from analytics.forecast_request import TARGET_TRANSFORMS
from analytics.forecast_tracking import forecast_errors
from analytics.observations import series
from analytics.transforms import transform_pipeline
from data import audit, repository
from data import forecasts as store
from data import tables as t
from data.observations import check_geography
from domain.errors import InputError
from domain.periods import parse_period, period_label
from domain.principal import Principal
from domain.vocabulary import Action
from forecasting.result import ForecastResult
from services.permissions import require


def publish(
    engine: Engine,
    user: Principal,
    indicator_code: str,
    result: ForecastResult,
    target_transform: str,
    frequency: str,
    data_version: str,
    data_vintage: dt.date | None,
    settings: Mapping[str, Any] | None = None,
) -> int:
    """Publish ``result`` as the forecast of ``indicator_code`` in ``target_transform``.

    Parameters
    ----------
    user:
        An analyst (``forecast.publish``); anyone else is refused with ``PermissionDenied``.
    result:
        The forecast, as ``forecasting.forecast`` returned it.
    frequency:
        The indicator's frequency (``M``, ``Q``, ``A``), which the forecast periods are in.
    data_version, data_vintage:
        ``repository.data_version`` when the forecast was made, and the latest vintage of the
        observations it used.
    settings:
        The analyst's settings behind ``result`` (see ``analytics.forecast_request``), kept with the
        fitted parameters.

    Returns
    -------
    int
        The id of the new run. An audit row ``forecast.publish`` records it in the same transaction.
    """
    require(user, Action.FORECAST_PUBLISH)
    now = audit.utc_now()
    with engine.begin() as conn:
        row = _run_row(
            conn,
            indicator_code,
            result,
            target_transform,
            frequency,
            data_version,
            data_vintage,
            settings,
            kind=store.PUBLISHED,
            author=user.username,
            created_at=now,
            forecast_month=f"{now:%Y-%m}",
            geography_code=store.NATIONAL,
        )
        run_id = store.insert_run(conn, row, result)
        summary = {k: v for k, v in row.items() if k not in ("params_json", "backtest_json")}
        summary["point"] = {period_label(p): v for p, v in result.point.items()}
        audit.record(
            conn,
            user,
            Action.FORECAST_PUBLISH,
            "forecast_run",
            run_id,
            after=summary,
            detail=row["model"],
        )
    return run_id


def store_batch(
    engine: Engine,
    indicator_code: str,
    result: ForecastResult,
    target_transform: str,
    frequency: str,
    data_version: str,
    data_vintage: dt.date | None,
    forecast_month: str,
    settings: Mapping[str, Any] | None = None,
    geography: str = store.NATIONAL,
) -> int | None:
    """Store the monthly batch's forecast for ``forecast_month`` (``YYYY-MM``), author ``system``.

    ``geography`` is whose observations ``result`` forecast: the country (``VN``) by default, or a
    province (``P63-xx``) for its own series.

    Returns the new run's id, or ``None`` when the batch already stored this indicator,
    transformation and geography for that month (a second run of the batch adds nothing; the
    database's unique index holds it so against a batch running at the same time).
    """
    try:
        with engine.begin() as conn:
            if store.batch_stored_on(
                conn, indicator_code, target_transform, forecast_month, geography
            ):
                return None
            check_geography(conn, geography)
            row = _run_row(
                conn,
                indicator_code,
                result,
                target_transform,
                frequency,
                data_version,
                data_vintage,
                settings,
                kind=store.BATCH,
                author=audit.SYSTEM_ACTOR,
                created_at=audit.utc_now(),
                forecast_month=forecast_month,
                geography_code=geography,
            )
            return store.insert_run(conn, row, result)
    except IntegrityError:
        return None  # a batch running at the same time stored it first


def save_config(
    engine: Engine,
    user: Principal,
    indicator_code: str,
    target_transform: str,
    method: str,
    settings: Mapping[str, Any],
) -> int:
    """Save ``method`` and ``settings`` as the batch's configuration for the indicator.

    Whoever may publish forecasts (an analyst) may save one; a new version is appended and the
    latest wins. Returns the configuration's id.
    """
    # The model registry loads statsmodels; only this action needs it, not the pages that read.
    from forecasting import MODELS

    require(user, Action.FORECAST_PUBLISH)
    _check_transform(target_transform)
    if method != "auto" and method not in MODELS:
        raise InputError(
            "forecast.unknown_method",
            f"unknown forecasting method {method!r}",
            method=repr(method),
            methods=", ".join(MODELS),
        )
    with engine.begin() as conn:
        store.check_indicator(conn, indicator_code)
        return conn.execute(
            insert(t.forecast_configs).values(
                indicator_code=indicator_code,
                target_transform=target_transform,
                method=method,
                params_json=store.to_json(dict(settings)),
                saved_by=user.username,
                saved_at=audit.utc_now(),
            )
        ).inserted_primary_key[0]


def track_record(engine: Engine, code: str, kind: str = store.PUBLISHED) -> pd.DataFrame:
    """Every published forecast period of ``code`` whose outcome is known, with its error.

    The outcomes are the latest-known observations, in each run's own transformation. Columns:
    ``target_transform`` and those of ``analytics.forecast_tracking.forecast_errors``.
    """
    runs = store.published_runs(engine, code, kind).rename(columns={"id": "run_id"})
    if runs.empty:
        return pd.DataFrame(columns=["target_transform"])
    values = store.run_values(engine, list(runs["run_id"]))
    observations = repository.observations(engine, [code])
    parts = []
    for transform, group in runs.groupby("target_transform", sort=True):
        raw = series(observations, code, group["frequency"].iloc[0])
        actuals, _ = transform_pipeline(raw, transform=transform, series_name=code)
        detail = forecast_errors(
            group[["run_id", "origin_period", "created_at", "author_label", "model"]].rename(
                columns={"author_label": "author"}
            ),
            values[values["run_id"].isin(group["run_id"])],
            actuals,
        )
        parts.append(detail.assign(target_transform=transform))
    return pd.concat(parts, ignore_index=True)


def _check_transform(target_transform: str) -> None:
    if target_transform not in TARGET_TRANSFORMS:
        known = ", ".join(TARGET_TRANSFORMS)
        raise InputError(
            "error.transform_unknown",
            f"transformation {target_transform} is not one of {known}",
            transform=target_transform,
            known=known,
        )


def _run_row(
    conn: Connection,
    indicator_code: str,
    result: ForecastResult,
    target_transform: str,
    frequency: str,
    data_version: str,
    data_vintage: dt.date | None,
    settings: Mapping[str, Any] | None,
    **identity: Any,
) -> dict[str, Any]:
    _check_transform(target_transform)
    store.check_indicator(conn, indicator_code)
    return {
        "indicator_code": indicator_code,
        "target_transform": target_transform,
        "frequency": frequency,
        "method": result.method,
        "model": result.model,
        "params_json": store.to_json({"settings": dict(settings or {}), "fitted": result.params}),
        "horizon": len(result.point),
        "levels": ",".join(str(level) for level in result.levels),
        "origin_period": period_label(result.point.index[0] - 1),
        "data_version": data_version,
        "data_vintage": data_vintage,
        "backtest_json": store.to_json({"scores": result.backtest.to_dict(orient="records")}),
        **identity,
    }


def stored_as_of(
    engine: Engine, code: str, made_by: dt.date | None, origin_by: pd.Period | None = None
) -> Iterator[tuple[str, pd.DataFrame, dt.date]]:
    """The forecasts of ``code``'s level a meeting could have used: the newest published run
    made by ``made_by`` (from data ending by ``origin_by``, if given), then the monthly batch's
    newest such run. Each as ``(kind, values, day made)``; ``values`` are wide (``period, point,
    lower_<level>, upper_<level>``). The caller takes the first that serves it."""
    for kind in (store.PUBLISHED, store.BATCH):
        runs = store.published_runs(engine, code, kind)
        if runs.empty:
            continue
        runs = runs[runs["target_transform"] == "level"]
        if made_by is not None:
            runs = runs[pd.to_datetime(runs["created_at"]).dt.date <= made_by]
        if origin_by is not None:
            origins = zip(runs["origin_period"], runs["frequency"], strict=True)
            runs = runs[[parse_period(p, f) <= origin_by for p, f in origins]]
        if runs.empty:
            continue
        run = runs.iloc[0]
        values = store.run_values(engine, [int(run["id"])]).drop(columns="run_id")
        yield kind, values, pd.Timestamp(run["created_at"]).date()

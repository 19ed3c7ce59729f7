"""Forecasts in the database: publishing (analysts only, audited, never changed), the monthly batch
(once per month and geography), saved configurations (latest wins), and the track record read
back."""

from __future__ import annotations

import datetime as dt
import functools
import json

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from data import forecasts
from data import tables as t
from domain.headlines import HEADLINE_CODES, HEADLINES
from forecasting import forecast
from jobs import forecast_batch
from services import audit as audit_service
from services import forecasts as forecast_service
from services.permissions import PermissionDenied
from tests.factories import geography_row, series_rows

CODE = "CPI_TEST"
VINTAGE = dt.date(2025, 1, 10)
FIRST_MONTH = pd.Period("2021-01", "M")
MONTHS = 48


def cpi_series() -> pd.Series:
    """Four years of a monthly series with a trend and a season (2021-01 to 2024-12)."""
    steps = np.arange(MONTHS)
    values = 3 + 0.02 * steps + 0.4 * np.sin(2 * np.pi * steps / 12)
    return pd.Series(values, index=pd.period_range(FIRST_MONTH, periods=MONTHS), name=CODE)


def store_observations(engine, series: pd.Series, vintage: dt.date = VINTAGE) -> None:  # type: ignore[no-untyped-def]
    rows = series_rows(CODE, series, vintage, recorded_at=dt.datetime(2025, 1, 10))
    with engine.begin() as conn:
        conn.execute(insert(t.observations), rows)


@pytest.fixture
def naive_forecast() -> object:
    return forecast(cpi_series(), 6, "naive")


def publish(engine, user, result) -> int:  # type: ignore[no-untyped-def]
    return forecast_service.publish(
        engine,
        user,
        CODE,
        result,
        "level",
        "M",
        "48-48-0",
        VINTAGE,
        settings={"method": "naive"},
    )


def count(engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.mark.parametrize("role", ["leader", "data_officer", "admin"])
def test_only_an_analyst_may_publish(people, catalogue_engine, naive_forecast, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied) as refused:
        publish(catalogue_engine, people[role], naive_forecast)
    assert refused.value.key == "error.forbidden"
    assert count(catalogue_engine, t.forecast_runs) == 0


def test_publishing_stores_the_run_its_values_and_an_audit_row(
    people, catalogue_engine, naive_forecast
) -> None:  # type: ignore[no-untyped-def]
    engine, analyst = catalogue_engine, people["analyst"]
    before = count(engine, t.audit_log)
    run_id = publish(engine, analyst, naive_forecast)

    stored = forecasts.latest_published(engine, CODE, "level")
    assert stored is not None and stored.run_id == run_id
    assert (stored.kind, stored.author, stored.method) == ("published", "analyst", "naive")
    assert (stored.origin_period, stored.horizon, stored.levels) == ("2024-12", 6, (80, 95))
    assert (stored.data_version, stored.data_vintage) == ("48-48-0", VINTAGE)
    assert stored.forecast_month == f"{stored.created_at:%Y-%m}"
    assert stored.params["settings"] == {"method": "naive"}
    assert set(stored.backtest.columns) >= {"model", "mase", "coverage_80", "chosen"}
    values = stored.values
    assert list(values.columns) == [
        "period",
        "point",
        "lower_80",
        "upper_80",
        "lower_95",
        "upper_95",
    ]
    assert [str(p) for p in values["period"]] == [
        "2025-01",
        "2025-02",
        "2025-03",
        "2025-04",
        "2025-05",
        "2025-06",
    ]
    assert values["point"].tolist() == pytest.approx(naive_forecast.point.tolist())
    assert values["upper_95"].tolist() == pytest.approx(naive_forecast.upper[95].tolist())

    assert count(engine, t.audit_log) == before + 1
    row = audit_service.query(engine, people["admin"], action="forecast.publish").iloc[0]
    assert (row.actor, row.target_type, row.target_id) == ("analyst", "forecast_run", str(run_id))
    after = json.loads(row.after_json)
    assert after["indicator_code"] == CODE and after["model"] == naive_forecast.model
    assert after["point"]["2025-01"] == pytest.approx(float(naive_forecast.point.iloc[0]))


def test_a_second_publication_is_a_new_run_and_the_first_is_kept(
    people, catalogue_engine, naive_forecast
) -> None:  # type: ignore[no-untyped-def]
    engine, analyst = catalogue_engine, people["analyst"]
    first = publish(engine, analyst, naive_forecast)
    drift = forecast(cpi_series(), 6, "drift")
    second = publish(engine, analyst, drift)
    assert second != first
    runs = forecasts.published_runs(engine, CODE)
    assert list(runs["id"]) == [second, first]
    assert list(runs["model"]) == [drift.model, naive_forecast.model]
    latest = forecasts.latest_published(engine, CODE, "level")
    assert latest is not None and latest.run_id == second
    earlier = forecasts.run_values(engine, [first])
    assert earlier["point"].tolist() == pytest.approx(naive_forecast.point.tolist())


def test_the_database_refuses_to_change_or_delete_a_forecast(
    people, catalogue_engine, naive_forecast
) -> None:  # type: ignore[no-untyped-def]
    publish(catalogue_engine, people["analyst"], naive_forecast)
    forecast_service.save_config(catalogue_engine, people["analyst"], CODE, "level", "ets", {})
    attempts = [
        update(t.forecast_runs).values(model="edited"),
        delete(t.forecast_runs),
        update(t.forecast_values).values(value=0.0),
        delete(t.forecast_values),
        update(t.forecast_configs).values(method="theta"),
        delete(t.forecast_configs),
    ]
    for statement in attempts:
        with (
            pytest.raises(DBAPIError, match="forecasts are append-only"),
            catalogue_engine.begin() as conn,
        ):
            conn.execute(statement)
    assert count(catalogue_engine, t.forecast_values) == 6 * 5


def test_publishing_checks_the_indicator_and_the_transformation(
    people, catalogue_engine, naive_forecast
) -> None:  # type: ignore[no-untyped-def]
    analyst = people["analyst"]
    with pytest.raises(ValueError) as unknown:
        forecast_service.publish(
            catalogue_engine, analyst, "NOPE", naive_forecast, "level", "M", "v", None
        )
    assert unknown.value.key == "error.unknown_indicator_code"
    with pytest.raises(ValueError) as transform:
        forecast_service.publish(
            catalogue_engine, analyst, CODE, naive_forecast, "cubic", "M", "v", None
        )
    assert transform.value.key == "error.transform_unknown"
    assert count(catalogue_engine, t.forecast_runs) == 0
    assert count(catalogue_engine, t.audit_log) == len(people)


def test_the_batch_stores_once_per_month_and_runs_again_without_duplicates(
    catalogue_engine,
) -> None:  # type: ignore[no-untyped-def]
    store_observations(catalogue_engine, cpi_series())
    lines: list[str] = []
    month = pd.Period("2025-01", "M")
    first = forecast_batch.run(catalogue_engine, month, codes=(CODE,), say=lines.append)
    assert len(first.stored) == 1 and first.failed == 0
    assert any(line.startswith(f"[1/1] {CODE} (level): ") and line.endswith(" s") for line in lines)

    again = forecast_batch.run(catalogue_engine, month, codes=(CODE,), say=lines.append)
    assert (again.stored, again.already_stored) == ([], 1)
    assert count(catalogue_engine, t.forecast_runs) == 1

    stored = forecasts.latest_published(catalogue_engine, CODE, "level", kind="batch")
    assert stored is not None
    assert (stored.author, stored.forecast_month, stored.horizon) == ("system", "2025-01", 12)
    assert stored.origin_period == "2024-12"
    assert forecasts.latest_published(catalogue_engine, CODE, "level") is None, "not published"

    next_month = forecast_batch.run(catalogue_engine, month + 1, codes=(CODE,), say=lines.append)
    assert len(next_month.stored) == 1
    assert count(catalogue_engine, t.forecast_runs) == 2


def test_the_batch_sees_the_data_known_at_the_end_of_its_month(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    series = cpi_series()
    store_observations(catalogue_engine, series.iloc[:-1], vintage=dt.date(2024, 12, 5))
    store_observations(catalogue_engine, series.iloc[-1:], vintage=dt.date(2025, 1, 6))
    forecast_batch.run(
        catalogue_engine, pd.Period("2024-12", "M"), codes=(CODE,), say=lambda line: None
    )
    stored = forecasts.latest_published(catalogue_engine, CODE, "level", kind="batch")
    assert stored is not None
    assert (stored.origin_period, stored.data_vintage) == ("2024-11", dt.date(2024, 12, 5))


def test_the_batch_uses_the_latest_saved_configuration(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    store_observations(catalogue_engine, cpi_series())
    analyst = people["analyst"]
    forecast_service.save_config(catalogue_engine, analyst, CODE, "level", "ets", {"trend": "add"})
    forecast_service.save_config(catalogue_engine, analyst, CODE, "level", "naive", {})
    forecast_service.save_config(
        catalogue_engine, analyst, CODE, "yoy_pct", "drift", {"window": 24}
    )
    configs = forecasts.latest_configs(catalogue_engine)
    assert list(zip(configs["target_transform"], configs["method"], strict=True)) == [
        ("level", "naive"),
        ("yoy_pct", "drift"),
    ]
    assert forecasts.config_for(catalogue_engine, CODE, "yoy_pct")["settings"] == {"window": 24}

    outcome = forecast_batch.run(
        catalogue_engine, pd.Period("2025-01", "M"), codes=(), say=lambda line: None
    )
    assert len(outcome.stored) == 2
    level = forecasts.latest_published(catalogue_engine, CODE, "level", kind="batch")
    growth = forecasts.latest_published(catalogue_engine, CODE, "yoy_pct", kind="batch")
    assert level is not None and level.method == "naive"
    assert growth is not None and growth.method == "drift"
    assert growth.params["settings"] == {"method": "drift", "window": 24}


def test_only_an_analyst_saves_a_configuration_of_a_known_method(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        forecast_service.save_config(catalogue_engine, people["leader"], CODE, "level", "ets", {})
    with pytest.raises(ValueError) as unknown:
        forecast_service.save_config(
            catalogue_engine, people["analyst"], CODE, "level", "prophet", {}
        )
    assert unknown.value.key == "forecast.unknown_method"


def test_the_track_record_sets_published_forecasts_against_outcomes(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    series = cpi_series()
    history, outcomes = series.iloc[:-3], series.iloc[-3:]
    store_observations(catalogue_engine, history)
    result = forecast(history, 6, "naive")
    publish(catalogue_engine, people["analyst"], result)
    assert forecast_service.track_record(catalogue_engine, CODE).empty, "no outcome known yet"

    store_observations(catalogue_engine, outcomes, vintage=dt.date(2025, 2, 1))
    record = forecast_service.track_record(catalogue_engine, CODE)
    assert list(record["horizon"]) == [1, 2, 3]
    assert list(record["target_transform"]) == ["level"] * 3
    last = float(history.iloc[-1])
    assert record["error"].tolist() == pytest.approx([v - last for v in outcomes])


def test_the_batch_default_is_the_overview_headlines() -> None:
    assert set(HEADLINE_CODES) == {headline.code for headline in HEADLINES}


def test_the_batch_stores_a_province_beside_the_country_and_each_only_once(
    catalogue_engine, naive_forecast
) -> None:  # type: ignore[no-untyped-def]
    engine = catalogue_engine
    with engine.begin() as conn:
        conn.execute(insert(t.geographies), [geography_row("P63-01", "prov63", "Hà Nội", "Ha Noi")])
    store = functools.partial(
        forecast_service.store_batch,
        engine,
        CODE,
        naive_forecast,
        "level",
        "M",
        "48-48-0",
        VINTAGE,
        "2025-01",
    )
    country, province = store(), store(geography="P63-01")
    assert country is not None and province is not None and country != province
    assert (store(), store(geography="P63-01")) == (None, None)
    assert forecasts.batch_keys(engine, "2025-01") == {
        (CODE, "level", "VN"),
        (CODE, "level", "P63-01"),
    }
    stored = forecasts.latest_published(engine, CODE, "level", kind="batch")
    assert stored is not None and (stored.run_id, stored.geography_code) == (country, "VN")
    theirs = forecasts.latest_published(engine, CODE, "level", kind="batch", geography="P63-01")
    assert theirs is not None and theirs.run_id == province
    with pytest.raises(ValueError) as unknown:
        store(geography="P99-99")
    assert unknown.value.key == "error.unknown_geography"

    row = {
        "indicator_code": CODE,
        "kind": "batch",
        "target_transform": "level",
        "frequency": "M",
        "method": "naive",
        "model": "Naive",
        "params_json": "{}",
        "horizon": 6,
        "levels": "80,95",
        "origin_period": "2024-12",
        "data_version": "48-48-0",
        "author": "system",
        "created_at": dt.datetime(2025, 1, 31),
        "forecast_month": "2025-01",
        "geography_code": "P63-01",
    }
    with pytest.raises(IntegrityError), engine.begin() as conn:  # past the service's check
        forecasts.insert_run(conn, row, naive_forecast)
    assert count(engine, t.forecast_runs) == 2

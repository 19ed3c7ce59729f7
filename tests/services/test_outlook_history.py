"""The outlook's history uses only what was known on each day: a later revision of a past month
changes the days after it was published and none before (a test that would catch a leak)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, insert

from analytics.outlook import OUTLOOK_SOURCES, outlook
from analytics.targets import parse_target
from data import tables as t
from services.outlook import meeting_days, outlook_history
from tests.factories import field_row, indicator_row, observation_row, seed_catalogue

CPI = OUTLOOK_SOURCES["Average CPI growth"]
sqlite_only = pytest.mark.parametrize("migrated_engine", ["sqlite"], indirect=True)


def _row(period: pd.Period, value: float, vintage: dt.date, status: str) -> dict:
    return observation_row(
        CPI.code, period, value, vintage, status=status, recorded_at=dt.datetime(2025, 1, 1)
    )


def _database(engine: Engine) -> pd.Series:
    """Ten years of a CPI-like monthly series, each month known five days after it ends."""
    months = pd.period_range("2014-01", "2024-05", freq="M")
    rng = np.random.default_rng(5)
    values = 3 + np.cumsum(rng.normal(0, 0.3, len(months))) * 0.2
    prices = field_row(1, "Giá", "Prices")
    cpi = indicator_row(CPI.code, name="CPI", unit="percent change")
    seed_catalogue(engine, [cpi], fields=[prices])
    with engine.begin() as conn:
        conn.execute(
            insert(t.plan_targets),
            [
                {
                    "plan_year": 2024,
                    "indicator_code": CPI.code,
                    "name_vi": "Tốc độ tăng CPI bình quân",
                    "name_en": "Average CPI growth",
                    "unit": "%",
                    "target_text": "Khoảng 3",
                    "resolution_confirmed": True,
                    "source": "test",
                }
            ],
        )
        conn.execute(
            insert(t.observations),
            [
                _row(p, float(v), p.end_time.date() + dt.timedelta(days=5), "official")
                for p, v in zip(months, values, strict=True)
            ],
        )
    return pd.Series(values, index=months)


@sqlite_only
def test_each_day_sees_only_what_was_known_then(migrated_engine: Engine) -> None:
    series = _database(migrated_engine)
    days = [dt.date(2024, 4, 30), dt.date(2024, 6, 30)]
    before = outlook_history(migrated_engine, 2024, days)
    # On 30 April the months through March were known (each five days after it ended).
    known = series[series.index <= pd.Period("2024-03", "M")]
    expected = outlook(CPI, known, parse_target("Khoảng 3"), 2024, False)
    assert before["probability"].iloc[0] == pytest.approx(expected.probability)
    with migrated_engine.begin() as conn:  # February restated far away, published mid-June
        conn.execute(
            insert(t.observations),
            [_row(pd.Period("2024-02", "M"), 9.0, dt.date(2024, 6, 15), "revised")],
        )
    after = outlook_history(migrated_engine, 2024, days)
    assert after["probability"].iloc[0] == pytest.approx(before["probability"].iloc[0])
    assert after["median"].iloc[0] == pytest.approx(before["median"].iloc[0])
    assert after["median"].iloc[1] > before["median"].iloc[1] + 0.3, "June sees the revision"


def test_the_meeting_days_are_the_month_ends_passed() -> None:
    assert meeting_days(2026, dt.date(2026, 3, 5)) == [dt.date(2026, 1, 31), dt.date(2026, 2, 28)]
    assert meeting_days(2027, dt.date(2026, 12, 5)) == [dt.date(2026, 12, 5)]

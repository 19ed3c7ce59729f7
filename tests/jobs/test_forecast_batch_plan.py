"""The batch's plan with ``--all``: every province series with enough observations (the same rule
as the country's indicators), in levels with ``auto``, beside the country's jobs."""

from __future__ import annotations

import pandas as pd
import pytest

from domain.errors import InputError
from jobs.forecast_batch import plan
from jobs.forecast_work import Job, forecast_job, too_short


def test_all_adds_each_province_series_with_enough_observations() -> None:
    catalogue = pd.DataFrame(
        {
            "code": ["SBI_M.TOTAL", "GDP_Q", "SHORT_M"],
            "frequency": ["M", "Q", "M"],
            "n_observations": [250, 16, 35],
        }
    )
    provinces = pd.DataFrame(
        {
            "indicator_code": ["SBI_M.TOTAL", "SBI_M.TOTAL", "SBI_M.TOTAL", "NOT_IN_CATALOGUE"],
            "geography_code": ["P63-01", "P63-02", "P63-79", "P63-01"],
            "frequency": ["M", "M", "M", "M"],
            "n_observations": [36, 35, 120, 200],
        }
    )
    configs = pd.DataFrame(
        {
            "indicator_code": ["SBI_M.TOTAL"],
            "target_transform": ["yoy_pct"],
            "method": ["ets"],
            "settings": [{"trend": "add"}],
        }
    )
    jobs = plan(configs, catalogue, ["GDP_Q"], everything=True, provinces=provinces)
    assert jobs == [
        Job("GDP_Q"),
        Job("SBI_M.TOTAL", geography="P63-01"),
        Job("SBI_M.TOTAL", geography="P63-79"),
        Job("SBI_M.TOTAL", "yoy_pct", "ets", {"trend": "add"}),
    ]
    assert [job.label for job in jobs] == [
        "GDP_Q (level)",
        "SBI_M.TOTAL P63-01 (level)",
        "SBI_M.TOTAL P63-79 (level)",
        "SBI_M.TOTAL (yoy_pct)",
    ]
    without_all = plan(configs, catalogue, ["GDP_Q"], everything=False, provinces=provinces)
    assert [job.key for job in without_all] == [
        ("GDP_Q", "level", "VN"),
        ("SBI_M.TOTAL", "yoy_pct", "VN"),
    ]


def _monthly(values: list[float]) -> pd.Series:
    return pd.Series(values, index=pd.period_range("2020-01", periods=len(values), freq="M"))


def test_a_series_too_short_is_screened_out_before_it_travels_as_forecast_job_would() -> None:
    job = Job("SBI_M.TOTAL")
    short = _monthly([float(v) for v in range(35)])
    gap = _monthly([float("nan")] * 40)
    long = _monthly([float(v % 7) for v in range(40)])
    for observed, periods in ((short, 35), (gap, 0)):
        screened, computed = too_short(job, observed, 36), forecast_job(job, observed, "M", 36)
        assert screened is not None and screened.result is None
        assert (screened.periods, computed.periods, computed.result) == (periods, periods, None)
    assert too_short(job, long, 36) is None
    assert too_short(job, short, 0) is None, "without --all every series is forecast"
    assert forecast_job(job, long, "M", 36).result is not None


def test_a_series_the_transformation_refuses_is_left_to_forecast_job_to_report() -> None:
    job = Job("SBI_M.TOTAL", target_transform="log")
    negative = _monthly([-1.0] * 40)
    assert too_short(job, negative, 36) is None
    with pytest.raises(InputError):
        forecast_job(job, negative, "M", 36)

"""The batch's plan with ``--all``: every province series with enough observations (the same rule
as the country's indicators), in levels with ``auto``, beside the country's jobs."""

from __future__ import annotations

import pandas as pd

from jobs.forecast_batch import plan
from jobs.forecast_work import Job


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

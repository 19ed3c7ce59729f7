"""The outlook of a plan target from the real CPI series and from a quarterly series of known
growth: the same odds as an independent assembly of the paths, the growth found, and a reason
instead of a number where there is no basis for one."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.outlook import OUTLOOK_SOURCES, outlook
from analytics.target_odds import acceptance, probability
from analytics.targets import parse_target
from forecasting.simulation import simulate_paths

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "vn"
CPI = OUTLOOK_SOURCES["Average CPI growth"]


def _cpi() -> pd.Series:
    with gzip.open(SEED / "gso_monthly_report_series.csv.gz", "rt", encoding="utf-8") as handle:
        frame = pd.read_csv(handle)
    rows = frame[frame["indicator_code"] == CPI.code]
    return pd.Series(rows["value"].to_numpy(), index=pd.PeriodIndex(rows["period"], freq="M"))


def test_cpi_2025_odds_equal_an_independent_assembly_of_the_paths() -> None:
    series = _cpi()
    target = parse_target("Khoảng 4,5")  # the 2025 plan; CPI: a ceiling at 5
    found = outlook(CPI, series, target, 2025, higher_is_better=False, repetitions=1000)
    assert (found.known, found.periods, str(found.last_known)) == (2, 12, "2025-02")
    paths = simulate_paths(series.sort_index(), 10, 1000, trend=False)  # a rate: no trend
    year = np.hstack([np.tile(series.loc["2025-01":"2025-02"].to_numpy(), (1000, 1)), paths])
    expected = probability(year.mean(axis=1), acceptance(target, False))
    assert found.probability == pytest.approx(expected)
    assert (
        found.range95[0] <= found.range80[0] <= found.median <= found.range80[1] <= found.range95[1]
    )
    assert found.light in ("green", "amber", "red")


def test_growth_of_a_series_growing_six_percent_a_year_is_found() -> None:
    quarters = pd.period_range("2021Q1", "2024Q4", freq="Q")
    seasonal = np.tile([0.9, 1.0, 1.05, 1.15], 4)
    rng = np.random.default_rng(3)
    levels = 1000 * 1.06 ** (np.arange(16) / 4) * seasonal * (1 + rng.normal(0, 0.002, 16))
    series = pd.Series(levels, index=quarters)
    source = OUTLOOK_SOURCES["GDP growth rate"]
    found = outlook(source, series, parse_target("Khoảng 6,5-7"), 2025, True, repetitions=1000)
    assert found.known == 0 and found.median == pytest.approx(6.0, abs=0.8)


@pytest.mark.parametrize(
    ("year", "reason"), [(2027, "outlook.too_far"), (2024, "outlook.year_known")]
)
def test_no_number_without_a_basis(year: int, reason: str) -> None:
    found = outlook(CPI, _cpi(), parse_target("Khoảng 4,5"), year, False, repetitions=100)
    assert found.reason == reason and np.isnan(found.probability) and found.light == "none"

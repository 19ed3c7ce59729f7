"""Residual diagnostics against statsmodels called directly and against a hand computation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.diagnostic import acorr_ljungbox

from analytics.calibration import interval_calibration
from analytics.diagnostics import (
    autocorrelations,
    ljung_box,
    ljung_box_lags,
    one_step_errors,
)


@pytest.fixture
def residuals() -> pd.Series:
    values = np.random.default_rng(7).normal(size=60)
    return pd.Series(values, index=pd.period_range("2020-01", periods=60, freq="M"))


def test_ljung_box_is_statsmodels_acorr_ljungbox(residuals: pd.Series) -> None:
    expected = acorr_ljungbox(residuals.to_numpy(), lags=[12])
    test = ljung_box(residuals, 12)
    assert test.statistic == pytest.approx(float(expected["lb_stat"].iloc[0]))
    assert test.p_value == pytest.approx(float(expected["lb_pvalue"].iloc[0]))
    assert (test.lags, test.n) == (12, 60)


def test_ljung_box_statistic_by_hand_and_a_small_p_value_for_a_pattern() -> None:
    # An alternating series: autocorrelation -1 at odd lags, +1 at even ones.
    values = pd.Series([1.0, -1.0] * 20)
    n = len(values)
    centred = values - values.mean()
    rho = [
        float((centred[k:].to_numpy() * centred[:-k].to_numpy()).sum() / (centred**2).sum())
        for k in (1, 2)
    ]
    by_hand = n * (n + 2) * sum(r**2 / (n - k) for k, r in zip((1, 2), rho, strict=True))
    test = ljung_box(values, 2)
    assert test.statistic == pytest.approx(by_hand)
    assert test.p_value < 1e-6


def test_autocorrelations_have_white_noise_bounds(residuals: pd.Series) -> None:
    table = autocorrelations(residuals, 5)
    assert list(table["lag"]) == [1, 2, 3, 4, 5]
    centred = residuals.to_numpy() - residuals.mean()
    lag1 = (centred[1:] * centred[:-1]).sum() / (centred**2).sum()
    assert table["acf"].iloc[0] == pytest.approx(lag1)
    assert table["bound"].iloc[0] == pytest.approx(1.96 / math.sqrt(60))


def test_ljung_box_lags_follow_the_textbook_rule() -> None:
    assert ljung_box_lags(36, 12) == 7  # 2 x 12 = 24, capped at 36 / 5
    assert ljung_box_lags(200, 12) == 24
    assert ljung_box_lags(200, 1) == 10
    assert ljung_box_lags(3, 4) == 1


def test_one_step_errors_combine_members_as_the_combination_forecasts() -> None:
    periods = pd.PeriodIndex(["2025-01", "2025-02", "2025-01", "2025-02"], freq="M")
    table = pd.DataFrame(
        {
            "model": ["a", "a", "b", "b"],
            "period": periods,
            "step": [1, 1, 1, 1],
            "actual": [10.0, 12.0, 10.0, 12.0],
            "forecast": [9.0, 13.0, 11.0, 12.0],
        }
    )
    single = one_step_errors(table[table["model"] == "a"])
    assert single.tolist() == [1.0, -1.0]
    combined = one_step_errors(table, "mean")
    assert combined.tolist() == [0.0, -0.5]  # forecasts 10.0 and 12.5
    assert str(combined.index[0]) == "2025-01"


def test_one_step_errors_weigh_members_by_position_even_of_the_same_method() -> None:
    """Two ETS members (as auto's seasonal pool has) told apart by their ``member`` index."""
    periods = pd.PeriodIndex(["2025-01", "2025-02"] * 3, freq="M")
    table = pd.DataFrame(
        {
            "model": ["ets", "ets", "ets", "ets", "naive", "naive"],
            "member": [0, 0, 1, 1, 2, 2],
            "period": periods,
            "step": [1] * 6,
            "actual": [10.0, 12.0] * 3,
            "forecast": [9.0, 13.0, 11.0, 12.0, 10.0, 10.0],
        }
    )
    weighted = one_step_errors(table, "weighted", (0.5, 0.3, 0.2))
    # January: 0.5 x 9 + 0.3 x 11 + 0.2 x 10 = 9.8; February: 6.5 + 3.6 + 2.0 = 12.1.
    assert weighted.tolist() == pytest.approx([0.2, -0.1])
    with pytest.raises(ValueError, match="weights"):
        one_step_errors(table, "weighted")
    with pytest.raises(ValueError, match="weights"):
        one_step_errors(table.drop(columns="member"), "weighted", (0.5, 0.3, 0.2))


def test_interval_calibration_allows_for_a_short_backtest() -> None:
    assert interval_calibration(80, 0.75, 36) == "consistent"  # within 2 x 6.7 points
    assert interval_calibration(80, 0.50, 36) == "too_narrow"
    assert interval_calibration(80, 1.00, 200) == "too_wide"
    assert interval_calibration(95, 0.9, 0) == "unknown"
    assert interval_calibration(95, float("nan"), 10) == "unknown"

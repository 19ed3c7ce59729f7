"""Track record: each published forecast against the outcome, errors by horizon (hand-computed)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.forecast_tracking import errors_by_horizon, forecast_errors


def months(*labels: str) -> list[pd.Period]:
    return [pd.Period(label, "M") for label in labels]


@pytest.fixture
def two_runs() -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """Run 1 made with data to 2025-01 forecasts Feb-Apr; run 2 (data to 2025-02) Mar-Apr."""
    runs = pd.DataFrame(
        {"run_id": [1, 2], "origin_period": ["2025-01", "2025-02"], "author": ["an", "binh"]}
    )
    values = pd.DataFrame(
        {
            "run_id": [1, 1, 1, 2, 2],
            "period": months("2025-02", "2025-03", "2025-04", "2025-03", "2025-04"),
            "point": [3.0, 3.2, 3.4, 2.8, 2.9],
            "lower_80": [2.5, 2.6, 2.7, 2.5, 2.4],
            "upper_80": [3.5, 3.8, 4.1, 3.1, 3.4],
        }
    )
    # Outcomes are known for February and March only.
    actuals = pd.Series(
        [2.9, 3.6, 3.0], index=pd.PeriodIndex(months("2025-01", "2025-02", "2025-03"))
    )
    return runs, values, actuals


def test_each_forecast_period_with_an_outcome_gets_its_horizon_and_error(two_runs) -> None:  # type: ignore[no-untyped-def]
    detail = forecast_errors(*two_runs)
    assert list(zip(detail["run_id"], detail["period"].astype(str), strict=True)) == [
        (1, "2025-02"),
        (1, "2025-03"),
        (2, "2025-03"),
    ]
    assert list(detail["horizon"]) == [1, 2, 1]
    # error = outcome - forecast: 3.6 - 3.0, 3.0 - 3.2, 3.0 - 2.8
    assert detail["error"].tolist() == pytest.approx([0.6, -0.2, 0.2])
    # 3.6 is above run 1's upper 80 % bound 3.5; 3.0 lies inside [2.6, 3.8] and [2.5, 3.1].
    assert detail["inside_80"].tolist() == [False, True, True]
    assert list(detail["author"]) == ["an", "an", "binh"]


def test_errors_by_horizon_give_bias_mae_rmse_and_coverage(two_runs) -> None:  # type: ignore[no-untyped-def]
    summary = errors_by_horizon(forecast_errors(*two_runs)).set_index("horizon")
    # Horizon 1: errors 0.6 and 0.2; horizon 2: -0.2.
    assert summary.loc[1, "n"] == 2
    assert summary.loc[1, "mean_error"] == pytest.approx(0.4)
    assert summary.loc[1, "mae"] == pytest.approx(0.4)
    assert summary.loc[1, "rmse"] == pytest.approx(math.sqrt((0.36 + 0.04) / 2))
    assert summary.loc[1, "coverage_80"] == pytest.approx(0.5)
    assert summary.loc[2, "mean_error"] == pytest.approx(-0.2)
    assert summary.loc[2, "mae"] == pytest.approx(0.2)
    assert summary.loc[2, "coverage_80"] == pytest.approx(1.0)


def test_no_outcome_yet_gives_an_empty_record(two_runs) -> None:  # type: ignore[no-untyped-def]
    runs, values, _ = two_runs
    early = pd.Series([1.0], index=pd.PeriodIndex(months("2024-12")))
    detail = forecast_errors(runs, values, early)
    assert detail.empty
    assert "inside_80" in detail.columns
    assert errors_by_horizon(detail).empty


def test_quarterly_horizons_count_quarters() -> None:
    runs = pd.DataFrame({"run_id": [7], "origin_period": ["2024-Q3"]})
    values = pd.DataFrame(
        {
            "run_id": [7, 7],
            "period": [pd.Period("2024Q4", "Q"), pd.Period("2025Q1", "Q")],
            "point": [7.0, 6.5],
        }
    )
    actuals = pd.Series([7.55, 6.93], index=pd.PeriodIndex(["2024Q4", "2025Q1"], freq="Q"))
    detail = forecast_errors(runs, values, actuals)
    assert list(detail["horizon"]) == [1, 2]
    assert detail["error"].tolist() == pytest.approx([0.55, 0.43])

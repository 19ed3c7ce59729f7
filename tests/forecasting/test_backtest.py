"""Backtest metrics against hand computations, interval coverage on simulated data, auto."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from forecasting import ForecastError, forecast
from forecasting.backtest import rolling_forecasts
from forecasting.fitting import check_request, fit_model
from forecasting.metrics import coverage, mase_scale, rmse, smape
from forecasting.result import Member
from tests.forecasting.conftest import monthly, yearly


def test_smape_by_hand() -> None:
    assert smape(np.array([100.0, 200.0]), np.array([110.0, 180.0])) == pytest.approx(
        (200 * 10 / 210 + 200 * 20 / 380) / 2
    )


def test_mase_scale_is_the_in_sample_seasonal_naive_error() -> None:
    insample = np.array([1.0, 2, 3, 5, 2, 3, 4, 6])
    assert mase_scale(insample, 4) == pytest.approx(np.mean(np.abs(insample[4:] - insample[:4])))
    assert mase_scale(insample[:3], 4) == pytest.approx(1.0), "naive when shorter than a cycle"


def test_rmse_and_coverage() -> None:
    assert rmse(np.array([1.0, 3.0]), np.array([2.0, 1.0])) == pytest.approx(np.sqrt(2.5))
    assert coverage(np.array([1.0, 5.0, 3.0]), np.zeros(3), np.full(3, 4.0)) == pytest.approx(2 / 3)


def test_backtest_scores_match_its_forecasts(trending_yearly: pd.Series) -> None:
    result = forecast(trending_yearly, 3, "drift", backtest_origins=4, backtest_step=2)
    rows = result.backtest_forecasts
    assert rows["origin"].nunique() == 4
    assert sorted(rows["origin"].unique().astype(str)) == ["2010", "2012", "2014", "2016"]
    assert result.backtest.loc[0, "smape"] == pytest.approx(smape(rows["actual"], rows["forecast"]))
    actual = trending_yearly.loc[pd.Period("2011", "Y") : pd.Period("2013", "Y")].to_numpy()
    first = rows[rows["origin"] == pd.Period("2010", "Y")]
    np.testing.assert_allclose(first["actual"], actual)


def test_backtest_never_sees_the_future(trending_yearly: pd.Series) -> None:
    changed = trending_yearly.copy()
    changed.iloc[-3:] = 1000.0
    before = forecast(trending_yearly, 3, "drift", backtest_origins=1).backtest_forecasts
    after = forecast(changed, 3, "drift", backtest_origins=1).backtest_forecasts
    np.testing.assert_allclose(before["forecast"], after["forecast"])


def test_naive_interval_coverage_on_random_walk() -> None:
    y = yearly(np.cumsum(np.random.default_rng(5).normal(0, 1, 400)), "RW", start="1600")
    result = forecast(y, 1, "naive", backtest_origins=300, backtest_horizon=1)
    row = result.backtest.iloc[0]
    assert row["coverage_80"] == pytest.approx(0.80, abs=0.06)
    assert row["coverage_95"] == pytest.approx(0.95, abs=0.04)


def test_ets_interval_coverage_on_local_level() -> None:
    rng = np.random.default_rng(6)
    level = 100 + np.cumsum(rng.normal(0, 1, 260))
    y = monthly(level + rng.normal(0, 2, 260), "LEVEL", start="1990-01")
    result = forecast(
        y,
        1,
        "ets",
        error="add",
        trend="none",
        seasonal="none",
        backtest_origins=150,
        backtest_horizon=1,
    )
    row = result.backtest.iloc[0]
    assert row["coverage_80"] == pytest.approx(0.80, abs=0.08)
    assert row["coverage_95"] == pytest.approx(0.95, abs=0.05)


def test_auto_picks_seasonal_naive_for_a_fixed_season() -> None:
    rng = np.random.default_rng(7)
    season = np.tile([10.0, 30, 20, 50, 40, 60, 80, 70, 40, 30, 20, 15], 6)
    y = monthly(season + rng.normal(0, 0.5, 72), "SEASON")
    result = forecast(y, 12, candidates=["naive", "drift", "seasonal_naive"], backtest_origins=3)
    assert result.backtest.set_index("model").loc["seasonal_naive", "chosen"]
    assert result.model == "Seasonal naive"


def test_auto_picks_drift_for_a_trend() -> None:
    y = yearly(20 + 5 * np.arange(40) + np.random.default_rng(8).normal(0, 1, 40), "TREND")
    result = forecast(y, 5, candidates=["naive", "drift"], backtest_origins=3)
    assert result.model == "Drift"


def test_auto_defaults_to_the_median_of_its_pool(seasonal_series: pd.Series) -> None:
    result = forecast(seasonal_series, 12, backtest_origins=2)
    scores = result.backtest.set_index("model")
    chosen = scores.index[scores["chosen"]].item()
    assert chosen.startswith("median(optimized_theta + ets (deseasonalised)")
    assert result.model.startswith("Median of Optimised Theta DOTM (deseasonalised)")
    assert {"coverage_80", "coverage_95", "smape", "rmse"} <= set(result.backtest.columns)


def test_auto_chooses_the_better_pool_for_non_seasonal_data(trending_yearly: pd.Series) -> None:
    result = forecast(trending_yearly, 5, backtest_origins=3)
    pools = result.backtest[result.backtest["model"].str.startswith("median(")]
    assert len(pools) == 2
    assert pools.loc[pools["chosen"], "mase"].item() == pytest.approx(pools["mase"].min())


def test_ets_finds_no_trend_in_a_local_level() -> None:
    rng = np.random.default_rng(9)
    y = yearly(50 + np.cumsum(rng.normal(0, 1, 80)) * 0.3 + rng.normal(0, 1, 80), "LEVEL", "1900")
    result = forecast(y, 3, "ets", error="add", backtest_origins=1)
    assert result.params["trend"] == "none"


def test_auto_records_candidates_that_fail() -> None:
    y = monthly(np.random.default_rng(10).normal(10, 1, 30), "SHORT")
    result = forecast(y, 6, candidates=["naive", "stl_ets"], backtest_origins=1)
    failed = result.backtest.set_index("model").loc["stl_ets"]
    assert "needs at least 25" in failed["error"]
    assert result.model == "Naive"


def test_forecasting_imports_neither_streamlit_nor_data() -> None:
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2] / "forecasting"
    for path in root.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"^\s*(import|from)\s+(streamlit|data)\b", text, re.M), path


def test_auto_carries_the_members_and_combiner_of_the_model_it_chose(
    seasonal_series: pd.Series,
) -> None:
    result = forecast(seasonal_series, 12, backtest_origins=2)
    assert result.combiner == "median"
    assert [m.method for m in result.members] == ["optimized_theta", "ets", "ets", "seasonal_naive"]
    assert result.members[1].params == {"deseasonalize": "auto"}
    alone = [
        forecast(seasonal_series, 12, m.method, backtest_origins=1, **m.params).point
        for m in result.members
    ]
    np.testing.assert_allclose(result.point, np.median(np.vstack(alone), axis=0))


def test_a_single_winner_is_one_member_without_a_combiner() -> None:
    y = yearly(20 + 5 * np.arange(40) + np.random.default_rng(8).normal(0, 1, 40), "TREND")
    result = forecast(y, 5, candidates=["naive", ("drift", {})], backtest_origins=3)
    assert result.members == (Member("drift", {}),)
    assert result.combiner is None


def test_a_chosen_method_is_its_own_member_without_the_common_parameters(
    trending_yearly: pd.Series,
) -> None:
    result = forecast(trending_yearly, 3, "ets", error="add", window=20, backtest_origins=1)
    assert result.members == (Member("ets", {"error": "add"}),)
    assert result.combiner is None


def _falls_below_zero() -> pd.Series:
    """Positive for 24 years, with a dip below zero in its last five."""
    values = 10 + np.sin(np.arange(30) / 3.0) + np.random.default_rng(3).normal(0, 0.3, 30)
    values[26] = -2.0
    return pd.Series(values, index=pd.period_range("1990", periods=30, freq="Y"), name="dip")


def test_a_carried_multiplicative_form_is_fitted_anew_where_a_value_falls_below_zero() -> None:
    y = _falls_below_zero()
    params = check_request(y.iloc[:24], "ets", 1, {"error": "mul", "trend": "none"}, 2)
    carried = fit_model(y.iloc[:24], "ets", 1, params)
    assert carried.model.form.multiplicative
    with pytest.raises(ForecastError) as raised:
        carried.update(y.iloc[:28])
    assert raised.value.key == "forecast.not_positive"
    # Without the analyst's "mul", the search at the first origin picks a multiplicative form
    # on this series; it is carried to the origin before the dip, and fitted anew (only
    # additive forms are left) at the origin after it.
    searched = check_request(y, "ets", 1, {}, 2)
    first = fit_model(y.iloc[:24], "ets", 1, searched)
    assert first.model.form.multiplicative
    rows = rolling_forecasts(y, "ets", 1, searched, (80,), [24, 26, 28], 2, refit=False)

    def at(position: int) -> np.ndarray:
        return rows[rows["origin"] == y.index[position - 1]]["forecast"].to_numpy()

    np.testing.assert_allclose(at(26), first.update(y.iloc[:26]).predict(2, (80,)).mean)
    anew = fit_model(y.iloc[:28], "ets", 1, searched)
    assert not anew.model.form.multiplicative
    np.testing.assert_allclose(at(28), anew.predict(2, (80,)).mean)


def test_auto_forecasts_a_real_series_that_turned_negative_after_its_first_origin() -> None:
    """Health and social work's GDP growth (GSO, y/y %) fell to -18 % in 2022Q3-Q4; until then
    a multiplicative form could be picked at the first backtest origin (the batch found it)."""
    seed = Path(__file__).resolve().parents[2] / "data/seed/vn/gso_quarterly_gdp_by_sector.csv.gz"
    rows = pd.read_csv(seed)
    rows = rows[rows["indicator_code"] == "GDP_Q_YOY.Y_TE_VA_HOAT_DONG_TRO_GIUP_XA_HOI"]
    y = pd.Series(
        rows["value"].to_numpy(), index=pd.PeriodIndex(rows["period"], freq="Q"), name="y_te"
    )
    assert (y.loc[: pd.Period("2021Q4", "Q")] > 0).all() and y.min() < -18
    result = forecast(y, 8, "auto")
    assert result.point.notna().all()
    assert result.backtest["error"].isna().all(), "no member failed"

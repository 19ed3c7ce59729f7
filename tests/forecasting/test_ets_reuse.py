"""ETS estimates kept for reuse, and results without standard errors: nothing else changes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from forecasting import ForecastError, forecast
from forecasting.models import ets
from forecasting.models.ets import EtsForm, fit_form

DAMPED = EtsForm("add", "add", True, "none")


@pytest.fixture(autouse=True)
def _empty_memo() -> None:
    ets._memo.clear()


def test_a_form_fitted_again_on_the_same_window_is_the_kept_estimate(
    trending_yearly: pd.Series,
) -> None:
    first = fit_form(trending_yearly, 1, DAMPED)
    assert fit_form(trending_yearly.copy(), 1, DAMPED) is first
    assert fit_form(trending_yearly.iloc[:-1], 1, DAMPED) is not first
    assert fit_form(trending_yearly.rename("OTHER"), 1, DAMPED) is not first
    shifted = trending_yearly.set_axis(trending_yearly.index + 1)
    assert fit_form(shifted, 1, DAMPED) is not first
    assert fit_form(trending_yearly, 1, EtsForm("add", "add", False, "none")) is not first


def test_only_the_newest_estimates_are_kept(
    trending_yearly: pd.Series, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ets, "MEMO_SIZE", 2)
    windows = [trending_yearly.iloc[:n] for n in (20, 21, 22)]
    fits = [fit_form(w, 1, DAMPED) for w in windows]
    assert len(ets._memo) == 2
    assert fit_form(windows[2], 1, DAMPED) is fits[2]
    assert fit_form(windows[0], 1, DAMPED) is not fits[0]


def test_a_failure_is_not_kept(trending_yearly: pd.Series, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = ets._fit_form

    def failing_once(*args: object) -> ets.EtsFit:
        calls.append(args)
        if len(calls) == 1:
            raise ForecastError("forecast.numerical_failure", "failed once")
        return real(*args)

    monkeypatch.setattr(ets, "_fit_form", failing_once)
    with pytest.raises(ForecastError):
        fit_form(trending_yearly, 1, DAMPED)
    fit_form(trending_yearly, 1, DAMPED)
    fit_form(trending_yearly, 1, DAMPED)
    assert len(calls) == 2


def test_estimates_and_forecasts_are_statsmodels_own_without_standard_errors(
    seasonal_series: pd.Series,
) -> None:
    ours = fit_form(seasonal_series, 12, EtsForm("mul", "add", True, "mul"), "heuristic")
    direct = ETSModel(
        seasonal_series,
        error="mul",
        trend="add",
        damped_trend=True,
        seasonal="mul",
        seasonal_periods=12,
        initialization_method="heuristic",
    ).fit(disp=False)
    np.testing.assert_array_equal(ours.results.params, direct.params)
    assert ours.results.llf == direct.llf
    assert ours.results.aicc == direct.aicc
    rng = {"simulate_repetitions": 200, "start": 96, "end": 107}
    mine = ours.results.get_prediction(**rng, rng=np.random.default_rng(3)).summary_frame()
    theirs = direct.get_prediction(**rng, rng=np.random.default_rng(3)).summary_frame()
    pd.testing.assert_frame_equal(mine, theirs)
    assert np.isfinite(direct.bse).any()  # statsmodels computes them (NaN at a bound)
    assert np.isnan(ours.results.bse).all()


@pytest.mark.parametrize("fixture", ["seasonal_series", "trending_yearly"])
def test_auto_forecasts_the_same_with_and_without_reuse(
    fixture: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    y = request.getfixturevalue(fixture)
    kept = forecast(y, 6, "auto", levels=(80, 95))
    monkeypatch.setattr(ets, "MEMO_SIZE", 0)
    ets._memo.clear()
    fresh = forecast(y, 6, "auto", levels=(80, 95))
    assert kept.model == fresh.model and kept.params == fresh.params
    pd.testing.assert_series_equal(kept.point, fresh.point)
    for level in (80, 95):
        pd.testing.assert_series_equal(kept.lower[level], fresh.lower[level])
        pd.testing.assert_series_equal(kept.upper[level], fresh.upper[level])
    pd.testing.assert_frame_equal(kept.backtest, fresh.backtest)
    pd.testing.assert_frame_equal(kept.backtest_forecasts, fresh.backtest_forecasts)

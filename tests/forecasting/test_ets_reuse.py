"""Faster ETS: kept estimates, no standard errors, a lean gradient; nothing else changes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize._numdiff import approx_derivative
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from forecasting import ForecastError, forecast
from forecasting.models import ets
from forecasting.models.ets import EtsForm, fit_form
from forecasting.models.ets_estimation import estimate, forward_steps

DAMPED = EtsForm("add", "add", True, "none")


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
    ets.forget_estimates()
    fresh = forecast(y, 6, "auto", levels=(80, 95))
    assert kept.model == fresh.model and kept.params == fresh.params
    pd.testing.assert_series_equal(kept.point, fresh.point)
    for level in (80, 95):
        pd.testing.assert_series_equal(kept.lower[level], fresh.lower[level])
        pd.testing.assert_series_equal(kept.upper[level], fresh.upper[level])
    pd.testing.assert_frame_equal(kept.backtest, fresh.backtest)
    pd.testing.assert_frame_equal(kept.backtest_forecasts, fresh.backtest_forecasts)


@pytest.mark.parametrize(
    ("error", "trend", "damped", "seasonal", "initialization"),
    [
        ("add", None, False, None, "estimated"),
        ("mul", "add", True, None, "estimated"),
        ("add", "add", False, "add", "heuristic"),
        ("mul", "add", True, "mul", "estimated"),  # 17 parameters, some at a bound
    ],
)
def test_estimation_is_etsmodel_fit_bit_for_bit(
    seasonal_series: pd.Series,
    error: str,
    trend: str | None,
    damped: bool,
    seasonal: str | None,
    initialization: str,
) -> None:
    def model() -> ETSModel:
        return ETSModel(
            seasonal_series,
            error=error,
            trend=trend,
            damped_trend=damped,
            seasonal=seasonal,
            seasonal_periods=12 if seasonal else None,
            initialization_method=initialization,
        )

    ours, theirs = estimate(model()), model().fit(disp=False)
    np.testing.assert_array_equal(ours.params, theirs.params)
    assert ours.llf == theirs.llf
    np.testing.assert_array_equal(ours.forecast(12), theirs.forecast(12))


def test_the_difference_steps_are_scipys() -> None:
    lower = np.array([0.0, 0.0, -np.inf, 0.8, 1e-4, -np.inf])
    upper = np.array([1.0, 1.0, np.inf, 0.98, 1e-4 + 5e-9, np.inf])
    x = np.array([0.5, 1.0, -3.0, 0.98 - 5e-9, 1e-4, 1e20])
    visited: list[np.ndarray] = []

    def recording(point: np.ndarray) -> float:
        visited.append(point.copy())
        return 0.0

    approx_derivative(recording, x, method="2-point", abs_step=1e-8, bounds=(lower, upper), f0=0.0)
    steps = forward_steps(x, lower, upper)
    for i, point in enumerate(visited):
        assert point[i] == x[i] + steps[i]
    assert steps[1] < 0 and steps[4] == pytest.approx(5e-9) and steps[5] > 1

"""Each registered model against the same statsmodels call made directly, or a formula."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.forecasting.stl import STLForecast
from statsmodels.tsa.forecasting.theta import ThetaModel
from statsmodels.tsa.holtwinters import SimpleExpSmoothing
from statsmodels.tsa.seasonal import seasonal_decompose
from statsmodels.tsa.statespace.sarimax import SARIMAX

from forecasting import MODELS, ForecastError, forecast
from forecasting.exog import future_index, outlier_dummies
from forecasting.fitting import check_request, fit_model
from forecasting.models.optimized_theta import trend_lines
from forecasting.seasonality import is_seasonal, seasonal_adjustment
from tests.forecasting.conftest import monthly, yearly

#: These tests compare each model's own bands with statsmodels', so they ask for them.
FAST = {"backtest_origins": 1, "intervals": "model"}


def test_registry_holds_every_family() -> None:
    assert set(MODELS) == {
        "ets",
        "arima",
        "theta",
        "optimized_theta",
        "stl_ets",
        "stl_arima",
        "naive",
        "seasonal_naive",
        "drift",
        "combination",
    }


def test_ets_fixed_form_matches_etsmodel(seasonal_series: pd.Series) -> None:
    result = forecast(
        seasonal_series, 12, "ets", error="add", trend="add", damped=True, seasonal="add", **FAST
    )
    direct = ETSModel(
        seasonal_series,
        error="add",
        trend="add",
        damped_trend=True,
        seasonal="add",
        seasonal_periods=12,
        initialization_method="heuristic",
    ).fit(disp=False)
    frame = direct.get_prediction(start=96, end=107).summary_frame(alpha=0.05)
    assert result.model == "ETS(A,Ad,A)"
    np.testing.assert_allclose(result.point, frame["mean"], rtol=1e-6)
    np.testing.assert_allclose(result.lower[95], frame["pi_lower"], rtol=1e-6)
    np.testing.assert_allclose(result.upper[95], frame["pi_upper"], rtol=1e-6)


def test_ets_search_keeps_smallest_aicc(trending_yearly: pd.Series) -> None:
    result = forecast(trending_yearly, 5, "ets", error="add", **FAST)
    aiccs = {
        (trend, damped): ETSModel(trending_yearly, error="add", trend=trend, damped_trend=damped)
        .fit(disp=False)
        .aicc
        for trend, damped in [(None, False), ("add", False), ("add", True)]
    }
    best = min(aiccs, key=aiccs.get)
    assert result.params["aicc"] == pytest.approx(aiccs[best], rel=1e-6)


def test_arima_fixed_order_matches_sarimax(seasonal_series: pd.Series) -> None:
    result = forecast(
        seasonal_series,
        6,
        "arima",
        order=(1, 0, 0),
        seasonal_order=(0, 1, 1),
        constant=True,
        **FAST,
    )
    direct = SARIMAX(seasonal_series, order=(1, 0, 0), seasonal_order=(0, 1, 1, 12), trend="c").fit(
        disp=False
    )
    expected = direct.get_forecast(6)
    np.testing.assert_allclose(result.point, expected.predicted_mean, rtol=1e-6)
    np.testing.assert_allclose(result.lower[80], expected.conf_int(alpha=0.2).iloc[:, 0], rtol=1e-6)
    assert result.model == "ARIMA(1,0,0)(0,1,1)[12] with drift"


def test_arima_with_exog_dummies_matches_sarimax() -> None:
    rng = np.random.default_rng(3)
    y = monthly(10 + rng.normal(0, 1, 48), "VISITORS")
    y.iloc[27] += 15
    exog = outlier_dummies(future_index(y.index, 4), ["2012-04"])
    result = forecast(
        y, 4, "arima", order=(1, 0, 0), seasonal=False, constant=True, exog=exog, **FAST
    )
    direct = SARIMAX(y, exog=exog.iloc[:48], order=(1, 0, 0), trend="c").fit(disp=False)
    np.testing.assert_allclose(
        result.point, direct.get_forecast(4, exog=exog.iloc[48:]).predicted_mean, rtol=1e-6
    )
    assert result.params["exog"] == ["outlier_2012-04"]


def test_arima_search_finds_differencing_of_a_random_walk() -> None:
    y = yearly(np.cumsum(np.random.default_rng(4).normal(0, 1, 60)) + 50, "RW")
    result = forecast(y, 3, "arima", **FAST)
    assert result.params["order"][1] == 1


def test_theta_matches_thetamodel(seasonal_series: pd.Series) -> None:
    result = forecast(seasonal_series, 12, "theta", **FAST)
    direct = ThetaModel(seasonal_series, period=12).fit()
    intervals = direct.prediction_intervals(12, alpha=0.05)
    assert result.model == "Theta (deseasonalised)"
    np.testing.assert_allclose(result.point, direct.forecast(12), rtol=1e-9)
    np.testing.assert_allclose(result.lower[95], intervals["lower"], rtol=1e-9)


def test_stl_ets_matches_stlforecast(seasonal_series: pd.Series) -> None:
    result = forecast(
        seasonal_series, 12, "stl_ets", error="add", trend="add", damped=False, **FAST
    )
    direct = STLForecast(
        seasonal_series,
        ETSModel,
        model_kwargs={"error": "add", "trend": "add", "damped_trend": False},
        period=12,
    ).fit(fit_kwargs={"disp": False})
    prediction = direct.get_prediction(start=96, end=107)
    np.testing.assert_allclose(result.point, prediction.predicted_mean, rtol=1e-6)
    np.testing.assert_allclose(
        result.upper[95], np.asarray(prediction.conf_int(alpha=0.05))[:, 1], rtol=1e-6
    )


def test_stl_arima_matches_stlforecast(seasonal_series: pd.Series) -> None:
    result = forecast(seasonal_series, 6, "stl_arima", order=(1, 1, 0), constant=True, **FAST)
    direct = STLForecast(
        seasonal_series, SARIMAX, model_kwargs={"order": (1, 1, 0), "trend": "c"}, period=12
    ).fit(fit_kwargs={"disp": False})
    np.testing.assert_allclose(result.point, direct.forecast(6), rtol=1e-6)


def test_naive_and_its_interval() -> None:
    values = np.array([3.0, 5.0, 4.0, 6.0, 7.0])
    result = forecast(yearly(values), 2, "naive", levels=(95,), **FAST)
    sigma = np.sqrt(np.mean(np.diff(values) ** 2))
    np.testing.assert_allclose(result.point, [7.0, 7.0])
    z = norm.ppf(0.975)
    np.testing.assert_allclose(result.upper[95], 7 + z * sigma * np.sqrt([1, 2]))


def test_seasonal_naive_repeats_last_cycle(seasonal_series: pd.Series) -> None:
    result = forecast(seasonal_series, 15, "seasonal_naive", **FAST)
    last_year = seasonal_series.to_numpy()[-12:]
    np.testing.assert_allclose(result.point, np.r_[last_year, last_year[:3]])


def test_drift_extends_first_to_last_line() -> None:
    values = np.array([1.0, 4.0, 3.0, 8.0, 9.0])
    result = forecast(yearly(values), 3, "drift", **FAST)
    np.testing.assert_allclose(result.point, 9 + 2 * np.arange(1, 4))


def test_combination_is_mean_of_members(trending_yearly: pd.Series) -> None:
    combined = forecast(trending_yearly, 4, "combination", methods=["naive", "drift"], **FAST)
    naive = forecast(trending_yearly, 4, "naive", **FAST)
    drift = forecast(trending_yearly, 4, "drift", **FAST)
    np.testing.assert_allclose(combined.point, (naive.point + drift.point) / 2)
    np.testing.assert_allclose(combined.lower[80], (naive.lower[80] + drift.lower[80]) / 2)


def test_boxcox_log_maps_back(seasonal_series: pd.Series) -> None:
    result = forecast(seasonal_series, 3, "naive", boxcox=0, **FAST)
    assert result.point.iloc[0] == pytest.approx(seasonal_series.iloc[-1])
    assert result.params["boxcox"] == 0


def test_window_fits_last_periods_only(trending_yearly: pd.Series) -> None:
    result = forecast(trending_yearly, 2, "drift", window=10, **FAST)
    last = trending_yearly.to_numpy()[-10:]
    slope = (last[-1] - last[0]) / 9
    np.testing.assert_allclose(result.point, last[-1] + slope * np.arange(1, 3))
    assert result.params["window"] == 10


def test_datetime_index_with_frequency_is_accepted() -> None:
    index = pd.date_range("2015-01-31", periods=30, freq="ME")
    y = pd.Series(np.arange(30.0) + 1, index=index, name="M2")
    result = forecast(y, 2, "drift", **FAST)
    assert list(result.point.index.astype(str)) == ["2017-07", "2017-08"]


def test_exog_builders() -> None:
    index = pd.period_range("2020-01", periods=14, freq="M")
    outliers = outlier_dummies(index, ["2020-04", ("2020-06", "2020-08")])
    assert outliers["outlier_2020-04"].sum() == 1
    assert outliers["outlier_2020-06_2020-08"].sum() == 3


def test_static_theta_two_is_hyndman_billah_theta(trending_yearly: pd.Series) -> None:
    """Theta = 2 on the whole-series line is SES plus half the OLS slope (Hyndman & Billah)."""
    result = forecast(
        trending_yearly, 5, "optimized_theta", theta=2, dynamic=False, alpha=0.4, **FAST
    )
    estimates = result.params["estimates"]
    values = trending_yearly.to_numpy()
    n = len(values)
    slope, intercept = np.polyfit(np.arange(1, n + 1), values, 1)
    # Fiorucci et al.'s initial level is Hyndman & Billah's less (1 - 1/theta)(A + B).
    ses = SimpleExpSmoothing(
        values,
        initialization_method="known",
        initial_level=estimates["level0"] + 0.5 * (intercept + slope),
    ).fit(smoothing_level=0.4, optimized=False)
    steps = np.arange(1, 6)
    expected = ses.forecast(5) + 0.5 * slope * (steps - 1 + (1 - 0.6**n) / 0.4)
    assert estimates["theta"] == pytest.approx(2.0)
    np.testing.assert_allclose(result.point, expected, rtol=1e-9)


def test_optimized_theta_fixed_at_two_is_close_to_thetamodel(trending_yearly: pd.Series) -> None:
    result = forecast(trending_yearly, 5, "optimized_theta", theta=2, dynamic=False, **FAST)
    direct = ThetaModel(trending_yearly, deseasonalize=False).fit()
    np.testing.assert_allclose(result.point, direct.forecast(5), rtol=0.02)


def test_dynamic_trend_lines_are_least_squares_on_each_prefix() -> None:
    values = np.random.default_rng(11).normal(10, 2, 12).cumsum()
    intercepts, slopes = trend_lines(values, dynamic=True)
    for t in range(2, 13):
        slope, intercept = np.polyfit(np.arange(1, t + 1), values[:t], 1)
        assert slopes[t - 1] == pytest.approx(slope)
        assert intercepts[t - 1] == pytest.approx(intercept)
    assert (intercepts[0], slopes[0]) == (values[0], 0.0)


def test_optimized_theta_estimates_theta_above_two_for_a_strong_trend() -> None:
    rng = np.random.default_rng(12)
    y = yearly(100 + 8 * np.arange(40) + rng.normal(0, 2, 40), "TREND")
    result = forecast(y, 4, "optimized_theta", **FAST)
    assert result.model == "Optimised Theta DOTM"
    assert result.params["estimates"]["theta"] > 2
    assert result.point.iloc[-1] == pytest.approx(100 + 8 * 43, rel=0.03)


def test_optimized_theta_rejects_alpha_out_of_range(trending_yearly: pd.Series) -> None:
    with pytest.raises(
        ForecastError,
        match=r"'alpha' of method 'optimized_theta' must be a "
        r"number from 0.1 to 0.99, got 1.5",
    ):
        forecast(trending_yearly, 3, "optimized_theta", alpha=1.5)


def test_seasonality_test_and_classical_indices(seasonal_series: pd.Series) -> None:
    values = seasonal_series.to_numpy()
    assert is_seasonal(values, 12)
    assert not is_seasonal(np.random.default_rng(13).normal(50, 1, 96), 12)
    adjustment = seasonal_adjustment(values, 12)
    expected = seasonal_decompose(values, model="mul", period=12).seasonal[:12]
    assert adjustment.kind == "multiplicative"
    np.testing.assert_allclose(adjustment.indices, expected)


def test_deseasonalised_ets_is_etsmodel_on_adjusted_series(seasonal_series: pd.Series) -> None:
    result = forecast(
        seasonal_series,
        12,
        "ets",
        deseasonalize=True,
        error="add",
        trend="add",
        damped=False,
        **FAST,
    )
    season = seasonal_decompose(seasonal_series.to_numpy(), model="mul", period=12).seasonal
    adjusted = seasonal_series / season
    direct = ETSModel(adjusted, error="add", trend="add").fit(disp=False).forecast(12)
    np.testing.assert_allclose(result.point, direct.to_numpy() * season[:12], rtol=1e-6)
    assert result.model == "ETS(A,A,N) (deseasonalised)"


def test_a_prepared_fit_predicts_like_any_model_with_the_regressors_of_its_table() -> None:
    """One ``predict(horizon, levels, exog=None)`` shape: the fit of a request takes the rows of
    its regressor table that follow the last period it saw, also after an update."""
    rng = np.random.default_rng(3)
    y = monthly(10 + rng.normal(0, 1, 48), "VISITORS")
    exog = outlier_dummies(future_index(y.index, 4), ["2012-04", "2013-02"])
    params = {"order": (1, 0, 0), "seasonal": False, "exog": exog}
    prepared = fit_model(y, "arima", 12, check_request(y, "arima", 12, params, 4))
    direct = prepared.model.predict(4, (80,), exog.iloc[48:])
    np.testing.assert_allclose(prepared.predict(4, (80,)).mean, direct.mean)

    shorter = prepared.update(y.iloc[:40])
    assert shorter.end == y.index[39]
    expected = shorter.model.predict(4, (80,), exog.iloc[40:44])
    np.testing.assert_allclose(shorter.predict(4, (80,)).upper[80], expected.upper[80])


def test_ets_seasonal_auto_searches_state_space_seasons_only_when_the_test_finds_a_cycle(
    seasonal_series: pd.Series,
) -> None:
    assert is_seasonal(seasonal_series.to_numpy(), 12)
    seasonal = forecast(seasonal_series, 12, "ets", seasonal="auto", trend="add", **FAST)
    assert seasonal.params["seasonal"] in ("add", "mul")
    # the same AICc search over the seasonal forms (with and without damping), made by hand
    aicc = {
        (e, s, d): ETSModel(
            seasonal_series,
            error=e,
            trend="add",
            damped_trend=d,
            seasonal=s,
            seasonal_periods=12,
            initialization_method="heuristic",
        )
        .fit(disp=False)
        .aicc
        for e, s in (("add", "add"), ("mul", "add"), ("mul", "mul"))
        for d in (False, True)
    }
    error, season, damped = min(aicc, key=aicc.get)
    assert seasonal.params["seasonal"] == season and seasonal.params["error"] == error
    assert seasonal.params["damped"] == damped
    flat = monthly(100 + np.random.default_rng(4).normal(0, 1, 96), "FLAT")
    assert not is_seasonal(flat.to_numpy(), 12)
    assert forecast(flat, 12, "ets", seasonal="auto", **FAST).params["seasonal"] == "none"
    with pytest.raises(ForecastError, match="deseasonalize"):
        forecast(seasonal_series, 12, "ets", seasonal="auto", deseasonalize=True, **FAST)

"""Each registered model against the same statsmodels call made directly, or a formula."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.forecasting.stl import STLForecast
from statsmodels.tsa.forecasting.theta import ThetaModel
from statsmodels.tsa.statespace.sarimax import SARIMAX

from forecasting import MODELS, forecast
from forecasting.exog import future_index, outlier_dummies, seasonal_dummies, tet_dummies
from tests.forecasting.conftest import monthly, yearly

FAST = {"backtest_origins": 1}


def test_registry_holds_every_family() -> None:
    assert set(MODELS) == {
        "ets",
        "arima",
        "theta",
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


def test_to_frame_is_long(trending_yearly: pd.Series) -> None:
    frame = forecast(trending_yearly, 3, "naive", **FAST).to_frame()
    assert list(frame.columns) == ["series", "period", "quantity", "level", "value", "model"]
    assert len(frame) == 3 * 5
    assert set(frame["quantity"]) == {"point", "lower", "upper"}
    assert frame.loc[frame["quantity"] == "point", "level"].isna().all()


def test_exog_builders() -> None:
    index = pd.period_range("2020-01", periods=14, freq="M")
    outliers = outlier_dummies(index, ["2020-04", ("2020-06", "2020-08")])
    assert outliers["outlier_2020-04"].sum() == 1
    assert outliers["outlier_2020-06_2020-08"].sum() == 3
    assert seasonal_dummies(index).shape == (14, 11)
    tet = tet_dummies(index, ["2020-01-25", "2021-02-12"])
    assert list(tet.index[tet["tet"] == 1].astype(str)) == ["2020-01", "2021-02"]

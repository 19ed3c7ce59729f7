"""Every rule a forecast request can break, and the exact words of its error."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forecasting import ForecastError, forecast
from forecasting.exog import outlier_dummies
from tests.forecasting.conftest import monthly, yearly


def _error(y: object, *args: object, **kwargs: object) -> ForecastError:
    with pytest.raises(ForecastError) as caught:
        forecast(y, *args, **kwargs)
    return caught.value


def test_too_short_names_series_and_minimum() -> None:
    error = _error(yearly(np.array([1.0, 2.0, 3.0]), "CPI_YOY"), 2, "ets")
    assert str(error) == "series 'CPI_YOY' has 3 observations; method 'ets' needs at least 4"
    assert error.key == "forecast.too_short"
    assert error.params["minimum"] == 4


def test_gaps_list_the_missing_periods() -> None:
    y = monthly(np.arange(1.0, 25.0), "IIP")
    y = y.drop([pd.Period("2010-03", "M"), pd.Period("2010-04", "M")])
    error = _error(y, 3, "naive")
    assert str(error) == (
        "series 'IIP' has gaps: 2 period(s) missing (2010-03, 2010-04); a forecast needs every "
        "period between the first and the last"
    )
    assert error.key == "forecast.gaps"


def test_missing_values_are_named_by_period() -> None:
    y = monthly(np.r_[np.arange(1.0, 10.0), np.nan, np.arange(11.0, 20.0)], "RETAIL")
    error = _error(y, 3, "naive")
    assert str(error) == (
        "series 'RETAIL' has missing values at 2010-10; a forecast needs a value for every period"
    )


def test_constant_series_is_refused() -> None:
    error = _error(monthly(np.full(36, 5.0), "RATE"), 3, "ets")
    assert str(error) == (
        "series 'RATE' is constant (every value is 5); there is no variation to estimate a "
        "model from"
    )
    assert error.key == "forecast.constant"


def test_constant_series_is_refused_by_auto() -> None:
    assert _error(monthly(np.full(36, 5.0), "RATE"), 3).key == "forecast.constant"


def test_multiplicative_needs_positive_values() -> None:
    y = monthly(np.r_[np.arange(1.0, 30.0), [-2.0]], "TRADE_BALANCE")
    error = _error(y, 3, "ets", error="mul")
    assert str(error) == (
        "series 'TRADE_BALANCE' has a non-positive value (-2 at 2012-06); a multiplicative ETS "
        "error needs every value above zero"
    )
    assert error.key == "forecast.not_positive"


def test_boxcox_needs_positive_values() -> None:
    y = monthly(np.r_[np.arange(1.0, 30.0), [0.0]], "TRADE_BALANCE")
    error = _error(y, 3, "theta", boxcox=0)
    assert "a Box-Cox transformation needs every value above zero" in str(error)


def test_unknown_parameter_lists_accepted_ones() -> None:
    error = _error(yearly(np.arange(1.0, 20.0), "GDP"), 3, "theta", alpha=0.3)
    assert str(error) == (
        "unknown parameter 'alpha' for method 'theta'; it accepts: boxcox, decomposition, "
        "deseasonalize, theta, use_mle, window"
    )
    assert error.key == "forecast.unknown_parameter"


def test_exog_is_unknown_to_methods_without_regressors() -> None:
    y = yearly(np.arange(1.0, 20.0), "GDP")
    error = _error(y, 3, "ets", exog=pd.DataFrame(index=y.index))
    assert error.key == "forecast.unknown_parameter"
    assert "'exog'" in str(error)


def test_unknown_parameter_for_auto() -> None:
    error = _error(yearly(np.arange(1.0, 20.0), "GDP"), 3, "auto", trend="add")
    assert str(error).startswith("unknown parameter 'trend' for method 'auto'")


def test_unknown_method() -> None:
    error = _error(yearly(np.arange(1.0, 20.0), "GDP"), 3, "prophet")
    assert str(error).startswith("unknown forecasting method 'prophet'; choose one of: auto, ")
    assert error.key == "forecast.unknown_method"


def test_index_without_frequency() -> None:
    y = pd.Series(np.arange(10.0), index=pd.RangeIndex(10), name="GDP")
    error = _error(y, 3, "naive")
    assert str(error) == (
        "series 'GDP' is indexed by RangeIndex: give it a PeriodIndex or a DatetimeIndex with a "
        "freq (monthly, quarterly, yearly)"
    )
    assert error.key == "forecast.no_frequency"


def test_dates_without_frequency() -> None:
    dates = pd.DatetimeIndex(["2020-01-31", "2020-02-29", "2020-04-30", "2020-07-31"])
    error = _error(pd.Series([1.0, 2, 3, 4], index=dates, name="GDP"), 3, "naive")
    assert error.key == "forecast.no_frequency"


def test_unnamed_series_is_called_the_series() -> None:
    error = _error(yearly(np.array([1.0, 2.0]), name=None), 2, "ets")
    assert str(error).startswith("the series has 2 observations")


@pytest.mark.parametrize("horizon", [0, -1, 2.5, True])
def test_bad_horizon(horizon: object) -> None:
    error = _error(yearly(np.arange(1.0, 20.0)), horizon, "naive")
    assert str(error) == (
        f"the horizon must be a positive whole number of periods, got {horizon!r}"
    )


@pytest.mark.parametrize("level", [0, 100, 120, 80.5])
def test_bad_level(level: object) -> None:
    error = _error(yearly(np.arange(1.0, 20.0)), 3, "naive", levels=(level,))
    assert str(error) == (
        f"prediction interval level {level!r} must be a whole percentage between 1 and 99, "
        "like 80 or 95"
    )


def test_bad_choice_names_parameter_and_options() -> None:
    error = _error(yearly(np.arange(1.0, 20.0)), 3, "ets", trend="linear")
    assert str(error) == (
        "parameter 'trend' of method 'ets' must be one of 'none', 'add', 'mul', got 'linear'"
    )
    assert error.key == "forecast.bad_parameter"


def test_damped_without_trend() -> None:
    error = _error(yearly(np.arange(1.0, 20.0)), 3, "ets", trend="none", damped=True)
    assert str(error) == "parameter 'damped' of method 'ets' needs a trend; trend is 'none'"


def test_seasonal_model_on_yearly_data() -> None:
    error = _error(yearly(np.arange(1.0, 20.0), "GDP"), 3, "ets", seasonal="add")
    assert str(error) == (
        "series 'GDP' has no seasonal cycle at its frequency (Y-DEC); a seasonal model needs "
        "monthly or quarterly data"
    )
    assert error.key == "forecast.no_season"


def test_stl_needs_two_cycles() -> None:
    error = _error(monthly(np.arange(1.0, 21.0), "IIP"), 3, "stl_ets")
    assert str(error) == (
        "series 'IIP' has 20 observations; method 'stl_ets' needs at least 25 "
        "(two full seasonal cycles)"
    )


def test_bad_arima_order() -> None:
    error = _error(yearly(np.arange(1.0, 30.0)), 3, "arima", order=(1, 3, 0))
    assert str(error) == (
        "parameter 'order' of method 'arima' must be 3 non-negative whole numbers at most "
        "(5, 2, 5), got (1, 3, 0)"
    )


def test_bad_window() -> None:
    error = _error(yearly(np.arange(1.0, 30.0)), 3, "naive", window=2)
    assert str(error) == (
        "parameter 'window' of method 'naive' must be a whole number of at least 4, got 2"
    )


def test_bad_boxcox_value() -> None:
    error = _error(yearly(np.arange(1.0, 30.0)), 3, "naive", boxcox=5)
    assert str(error) == "parameter 'boxcox' must be 'auto' or a number between -1 and 2, got 5"


def test_bad_backtest_origins() -> None:
    error = _error(yearly(np.arange(1.0, 30.0)), 3, "naive", backtest_origins=0)
    assert str(error) == (
        "parameter 'backtest_origins' of method 'naive' must be a whole number of at least 1, got 0"
    )


def test_exog_must_cover_the_horizon() -> None:
    y = monthly(np.random.default_rng(0).normal(10, 1, 40), "CPI")
    exog = outlier_dummies(y.index, ["2011-04"])
    error = _error(y, 3, "arima", exog=exog, order=(1, 0, 0))
    assert str(error) == (
        "regressors (exog) for series 'CPI' have no rows for 2013-05 to 2013-07; they must be "
        "known over the history and the whole horizon"
    )
    assert error.key == "forecast.bad_exog"


def test_unknown_combination_member() -> None:
    error = _error(yearly(np.arange(1.0, 30.0)), 3, "combination", methods=["naive", "lstm"])
    assert error.key == "forecast.unknown_method"


def test_select_by_must_be_a_metric() -> None:
    error = _error(yearly(np.arange(1.0, 30.0)), 3, select_by="r2")
    assert str(error) == (
        "parameter 'select_by' of method 'auto' must be one of 'mase', 'smape', 'rmse', got 'r2'"
    )


def test_not_a_series() -> None:
    with pytest.raises(ForecastError, match="a forecast needs a pandas Series with a time index"):
        forecast([1, 2, 3], 2)


def test_error_is_a_value_error_with_translation_key() -> None:
    error = _error(yearly(np.array([1.0, 2.0]), "GDP"), 2, "ets")
    assert isinstance(error, ValueError)
    assert error.params["series"] == "GDP"


@pytest.mark.parametrize("period", ["2020-13", "", None])
def test_an_outlier_that_is_not_a_period_is_refused(period: object) -> None:
    index = pd.period_range("2020-01", periods=12, freq="M")
    with pytest.raises(ForecastError, match="is not a period of frequency M") as caught:
        outlier_dummies(index, [period])
    assert caught.value.key == "forecast.bad_period"

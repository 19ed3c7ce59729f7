"""STL decomposition, then ETS or ARIMA on the seasonally adjusted series (``STLForecast``).

STL (Cleveland et al. 1990) splits the series into trend, season and remainder with loess; the
adjusted series (trend + remainder) is forecast by a non-seasonal model, and the season by its last
cycle (seasonal naive). The non-seasonal model's form or order is chosen on the adjusted series
(ETS by AICc, ARIMA by the stepwise search) and then fitted inside statsmodels' ``STLForecast``.
Multiplicative seasonality is handled by forecasting the logarithm (``boxcox=0``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.forecasting.stl import STLForecast
from statsmodels.tsa.seasonal import STL
from statsmodels.tsa.statespace.sarimax import SARIMAX

from forecasting.errors import ForecastError, series_label
from forecasting.intervals import interval_prediction
from forecasting.models import arima, ets
from forecasting.numerical import numerical_failures
from forecasting.registry import ModelSpec, Prediction, register
from forecasting.validation import check_choice, check_length, check_not_constant


@dataclass(frozen=True)
class StlFit:
    """A fitted STL + model: the inner model's class and arguments, and the results."""

    method: str
    inner_label: str
    model_kwargs: dict[str, Any]
    options: dict[str, Any]
    season_length: int
    results: Any

    @property
    def label(self) -> str:
        return f"STL + {self.inner_label}"

    @property
    def params(self) -> dict[str, Any]:
        return {**self.options, "model": self.inner_label, "model_kwargs": self.model_kwargs}

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Inner model forecast plus the last seasonal cycle; normal intervals on its variance."""
        n = len(self.results.result.observed)
        kwargs: dict[str, Any] = {}
        if self.method == "stl_ets":
            kwargs = {"simulate_repetitions": ets.SIMULATIONS, "rng": np.random.default_rng(0)}
        with numerical_failures(self.method):
            prediction = self.results.get_prediction(start=n, end=n + horizon - 1, **kwargs)
            return interval_prediction(prediction.predicted_mean, prediction.conf_int, levels)

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> StlFit:
        """Decompose ``y`` again and re-estimate the same inner form (both take milliseconds)."""
        return _stl_forecast(
            self.method, y, self.season_length, self.inner_label, self.model_kwargs, self.options
        )


def _stl_forecast(
    method: str,
    y: pd.Series,
    season_length: int,
    inner_label: str,
    model_kwargs: dict[str, Any],
    options: dict[str, Any],
) -> StlFit:
    model_class = ETSModel if method == "stl_ets" else SARIMAX
    with warnings.catch_warnings(), numerical_failures(method, y.name):
        warnings.simplefilter("ignore")
        results = STLForecast(
            y,
            model_class,
            model_kwargs=model_kwargs,
            period=season_length,
            seasonal=options["seasonal_window"],
            robust=options["robust"],
        ).fit(fit_kwargs={"disp": False})
    return StlFit(method, inner_label, model_kwargs, options, season_length, results)


def adjusted(y: pd.Series, season_length: int, options: Mapping[str, Any]) -> pd.Series:
    """The seasonally adjusted series (observed minus the STL seasonal component)."""
    decomposition = STL(
        y, period=season_length, seasonal=options["seasonal_window"], robust=options["robust"]
    ).fit()
    return y - decomposition.seasonal


def _ets_inner(adjusted_y: pd.Series, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    chosen = ets.fit(adjusted_y, 1, seasonal="none", **_inner(params, ("error", "trend", "damped")))
    form = chosen.form
    return form.label, {
        "error": form.error,
        "trend": None if form.trend == "none" else form.trend,
        "damped_trend": form.damped,
        "initialization_method": chosen.initialization,
    }


def _arima_inner(adjusted_y: pd.Series, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    chosen = arima.fit(adjusted_y, 1, **_inner(params, ("order", "constant")))
    spec = chosen.spec
    return spec.label, {"order": spec.order, "trend": "c" if spec.constant else None}


def _inner(params: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: params[name] for name in names if params.get(name) is not None}


_INNER: dict[str, Callable[[pd.Series, Mapping[str, Any]], tuple[str, dict[str, Any]]]] = {
    "stl_ets": _ets_inner,
    "stl_arima": _arima_inner,
}


def _fitter(method: str) -> Callable[..., StlFit]:
    def fit(
        y: pd.Series, season_length: int, exog: pd.DataFrame | None = None, **params: Any
    ) -> StlFit:
        """Decompose, choose the inner model on the adjusted series, fit it in STLForecast."""
        options = {
            "robust": bool(params.get("robust", False)),
            "seasonal_window": int(params.get("seasonal_window", 7)),
        }
        with numerical_failures(method, y.name):
            seasonally_adjusted = adjusted(y, season_length, options)
        inner_label, model_kwargs = _INNER[method](seasonally_adjusted, params)
        return _stl_forecast(method, y, season_length, inner_label, model_kwargs, options)

    return fit


def _checker(method: str, inner_check: Callable[..., None], inner_names: tuple[str, ...]):
    def check(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> None:
        if season_length == 1:
            raise ForecastError(
                "forecast.no_season",
                f"{series_label(y.name)} has no seasonal cycle at its frequency "
                f"({y.index.freqstr}); STL needs monthly or quarterly data",
                series=y.name,
                frequency=y.index.freqstr,
            )
        check_length(y, 2 * season_length + 1, method, "two full seasonal cycles")
        check_not_constant(y)
        check_choice(method, "robust", params.get("robust", False), (True, False))
        window = params.get("seasonal_window", 7)
        if isinstance(window, bool) or not isinstance(window, int) or window < 7 or window % 2 == 0:
            raise ForecastError(
                "forecast.bad_parameter",
                f"parameter 'seasonal_window' of method '{method}' must be an odd whole number "
                f"of at least 7, got {window!r}",
                parameter="seasonal_window",
                method=method,
                value=repr(window),
            )
        inner_check(y, 1, _inner(params, inner_names))

    return check


for _method, _inner_check, _names, _description in [
    (
        "stl_ets",
        ets.check,
        ("error", "trend", "damped"),
        "STL decomposition + ETS on the adjusted series",
    ),
    (
        "stl_arima",
        arima.check,
        ("order", "constant"),
        "STL decomposition + ARIMA on the adjusted series",
    ),
]:
    register(
        ModelSpec(
            name=_method,
            description=_description,
            fit=_fitter(_method),
            parameters=frozenset({"robust", "seasonal_window", *_names}),
            check=_checker(_method, _inner_check, _names),
        )
    )

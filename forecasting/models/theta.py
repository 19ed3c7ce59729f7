"""The Theta method (Assimakopoulos & Nikolopoulos 2000), winner of the M3 competition.

statsmodels' ``ThetaModel`` implements the Hyndman & Billah (2003) form: simple exponential
smoothing plus half the slope of a linear trend (theta = 2). Seasonal series are first tested for
seasonality (the 90 % autocorrelation test of the original method) and, when seasonal,
deseasonalised by classical decomposition (multiplicative for positive series), as in M3.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from statsmodels.tsa.forecasting.theta import ThetaModel

from forecasting.errors import ForecastError
from forecasting.intervals import interval_prediction
from forecasting.numerical import numerical_failures
from forecasting.registry import ModelSpec, Prediction, register
from forecasting.validation import check_choice, check_length, check_not_constant, check_positive

DESEASONALIZE = ("auto", True, False)
DECOMPOSITIONS = ("auto", "additive", "multiplicative")


@dataclass(frozen=True)
class ThetaFit:
    """A fitted Theta model, the options it was fitted with and the statsmodels results."""

    options: dict[str, Any]
    season_length: int
    results: Any

    @property
    def label(self) -> str:
        seasonal = " (deseasonalised)" if self.results.model.deseasonalize else ""
        return f"Theta{seasonal}"

    @property
    def params(self) -> dict[str, Any]:
        return {
            **self.options,
            "deseasonalized": bool(self.results.model.deseasonalize),
            "estimates": {k: float(v) for k, v in self.results.params.items()},
        }

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Point forecast for the chosen theta and the intervals of the IMA(1,1) form."""
        theta = self.options["theta"]

        def bounds(alpha: float) -> pd.DataFrame:
            intervals = self.results.prediction_intervals(horizon, theta=theta, alpha=alpha)
            return intervals[["lower", "upper"]]

        with numerical_failures("theta"):
            mean = self.results.forecast(horizon, theta=theta)
            return interval_prediction(mean, bounds, levels)

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> ThetaFit:
        """Theta estimates in milliseconds, so following new data re-estimates it."""
        return fit(y, self.season_length, **self.options)


def theta_model(y: pd.Series, season_length: int, options: Mapping[str, Any]) -> ThetaModel:
    """The statsmodels ``ThetaModel`` for ``y`` with the module's options."""
    deseasonalize = options.get("deseasonalize", "auto")
    return ThetaModel(
        y,
        period=season_length,
        deseasonalize=deseasonalize is not False and season_length > 1,
        use_test=deseasonalize == "auto",
        method=options.get("decomposition", "auto"),
    )


def fit(
    y: pd.Series, season_length: int, exog: pd.DataFrame | None = None, **params: Any
) -> ThetaFit:
    """Fit the Theta method.

    Parameters
    ----------
    **params:
        ``theta`` (weight of the trend line, default 2), ``deseasonalize`` ("auto" tests for
        seasonality, True or False force it), ``decomposition`` ("auto", "additive",
        "multiplicative"), ``use_mle`` (estimate by exact likelihood instead of SES + OLS).
    """
    options = {
        "theta": float(params.get("theta", 2.0)),
        "deseasonalize": params.get("deseasonalize", "auto"),
        "decomposition": params.get("decomposition", "auto"),
        "use_mle": bool(params.get("use_mle", False)),
    }
    with warnings.catch_warnings(), numerical_failures("theta", y.name):
        warnings.simplefilter("ignore")
        results = theta_model(y, season_length, options).fit(use_mle=options["use_mle"])
    return ThetaFit(options, season_length, results)


def check(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> None:
    """Rules of Theta: theta >= 1, known options, enough data, positivity for 'multiplicative'."""
    theta = params.get("theta", 2.0)
    if isinstance(theta, bool) or not isinstance(theta, int | float) or theta < 1:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter 'theta' of method 'theta' must be a number of at least 1, got {theta!r}",
            parameter="theta",
            method="theta",
            value=repr(theta),
        )
    check_choice("theta", "deseasonalize", params.get("deseasonalize", "auto"), DESEASONALIZE)
    check_choice("theta", "decomposition", params.get("decomposition", "auto"), DECOMPOSITIONS)
    check_choice("theta", "use_mle", params.get("use_mle", False), (True, False))
    check_length(y, 4, "theta")
    check_not_constant(y)
    if params.get("deseasonalize") is True and season_length > 1:
        check_length(y, 2 * season_length, "theta", "two full seasonal cycles to deseasonalise")
    if params.get("decomposition") == "multiplicative":
        check_positive(y, "a multiplicative seasonal decomposition")


register(
    ModelSpec(
        name="theta",
        description="Theta method (M3 winner), deseasonalised when seasonal",
        fit=fit,
        parameters=frozenset({"theta", "deseasonalize", "decomposition", "use_mle"}),
        check=check,
    )
)

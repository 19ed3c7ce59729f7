"""Fitting one method on one series, with the parameters every method shares.

Besides its own parameters, any method takes ``boxcox`` (a Box-Cox lambda, or "auto"), ``window``
(fit on the last N periods only) and, where the method supports regressors, ``exog`` (a DataFrame on
the series' periods and the forecast horizon). This module checks a request once and fits it; the
backtest and the final forecast both go through :func:`fit_model`, so they fit the same thing.
What it returns is a :class:`~forecasting.registry.FittedModel` like any model's fit, which knows
its window and takes the regressors of the periods it forecasts from its own table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from forecasting.errors import ForecastError, series_label
from forecasting.registry import FittedModel, Prediction, get_spec
from forecasting.transforms import TransformedFit, check_boxcox, choose_lambda, transform
from forecasting.validation import check_parameters, check_whole

COMMON_PARAMETERS = frozenset({"boxcox", "window", "exog"})


def split_parameters(method: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Raise for a parameter neither ``method`` nor the common ones accept; return the params."""
    spec = get_spec(method)
    accepted = spec.parameters | COMMON_PARAMETERS
    if not spec.accepts_exog:
        accepted = accepted - {"exog"}
    check_parameters(method, params, accepted)
    return dict(params)


def check_exog(y: pd.Series, exog: object, horizon: int) -> pd.DataFrame:
    """Return ``exog`` as floats covering ``y``'s periods and ``horizon`` more, or raise."""
    label = series_label(y.name)
    if not isinstance(exog, pd.DataFrame):
        raise ForecastError(
            "forecast.bad_exog",
            f"regressors (exog) for {label} must be a DataFrame indexed by period, got "
            f"{type(exog).__name__}",
            series=y.name,
        )
    index = exog.index
    if isinstance(index, pd.DatetimeIndex):
        index = index.to_period(y.index.freq)
    if not isinstance(index, pd.PeriodIndex) or index.freq != y.index.freq:
        raise ForecastError(
            "forecast.bad_exog",
            f"regressors (exog) for {label} must be indexed by periods of the same frequency "
            f"({y.index.freqstr})",
            series=y.name,
        )
    exog = exog.set_axis(index)
    needed = y.index.append(pd.period_range(y.index[-1] + 1, periods=horizon, freq=y.index.freq))
    missing = needed.difference(exog.index)
    if len(missing):
        raise ForecastError(
            "forecast.bad_exog",
            f"regressors (exog) for {label} have no rows for {missing[0]} to {missing[-1]}; "
            "they must be known over the history and the whole horizon",
            series=y.name,
            start=str(missing[0]),
            end=str(missing[-1]),
        )
    values = exog.loc[needed].astype(float)
    if values.isna().to_numpy().any():
        raise ForecastError(
            "forecast.bad_exog",
            f"regressors (exog) for {label} have missing values",
            series=y.name,
        )
    return values


def check_request(
    y: pd.Series, method: str, season_length: int, params: Mapping[str, Any], horizon: int
) -> dict[str, Any]:
    """Check a method and its parameters against ``y``; return the params with ``exog`` aligned."""
    params = split_parameters(method, params)
    spec = get_spec(method)
    if "window" in params:
        window = check_whole(method, "window", params["window"], 4)
        y = y.iloc[-window:]
    check_boxcox(y, params.get("boxcox"))
    if "exog" in params:
        params["exog"] = check_exog(y, params["exog"], horizon)
    model_params = {k: v for k, v in params.items() if k not in COMMON_PARAMETERS}
    spec.check(y, season_length, model_params)
    return params


@dataclass(frozen=True)
class PreparedFit:
    """A fitted model with the window and the regressors it needs to predict and to update.

    ``end`` is the last period the model saw; the regressor table ``exog`` (if any) covers the
    history and the forecast horizon, so :meth:`predict` and :meth:`update` take their rows from it.
    """

    model: FittedModel
    end: pd.Period
    window: int | None
    exog: pd.DataFrame | None

    @property
    def label(self) -> str:
        return self.model.label

    @property
    def params(self) -> dict[str, Any]:
        extra = {"window": self.window} if self.window else {}
        if self.exog is not None:
            extra["exog"] = list(self.exog.columns)
        return {**self.model.params, **extra}

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Forecast the ``horizon`` periods after :attr:`end`, with intervals at ``levels``.

        ``exog`` gives the regressors of those periods; by default they are the table's rows.
        """
        if exog is None and self.exog is not None:
            future = pd.period_range(self.end + 1, periods=horizon, freq=self.end.freq)
            exog = self.exog.loc[future]
        return self.model.predict(horizon, levels, exog)

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> PreparedFit:
        """The same parameters applied to ``y`` (same window; regressors from the table unless
        ``exog`` gives those of ``y``'s periods)."""
        y = y.iloc[-self.window :] if self.window else y
        history = _history(self.exog, y) if exog is None else exog
        return PreparedFit(self.model.update(y, history), y.index[-1], self.window, self.exog)


def _history(exog: pd.DataFrame | None, y: pd.Series) -> pd.DataFrame | None:
    return None if exog is None else exog.loc[y.index]


def fit_model(
    y: pd.Series, method: str, season_length: int, params: Mapping[str, Any]
) -> PreparedFit:
    """Fit ``method`` on ``y`` with checked ``params`` (see :func:`check_request`)."""
    spec = get_spec(method)
    window = params.get("window")
    exog = params.get("exog")
    if window:
        y = y.iloc[-window:]
    model_params = {k: v for k, v in params.items() if k not in COMMON_PARAMETERS}
    lam = params.get("boxcox")
    if lam is None:
        model = spec.fit(y, season_length, _history(exog, y), **model_params)
    else:
        lam = choose_lambda(y, lam)
        inner = spec.fit(transform(y, lam), season_length, _history(exog, y), **model_params)
        model = TransformedFit(inner, lam)
    return PreparedFit(model, y.index[-1], window, exog)

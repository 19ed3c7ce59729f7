"""Rolling-origin evaluation: how a method would have done on the series' own history.

At each *origin* the method sees only the data up to that period, forecasts the next ``horizon``
periods, and the forecasts are scored against what happened (Tashman 2000). Origins are the last
``origins`` positions that leave a full horizon of actuals, ``step`` periods apart. With
``refit=True`` the whole method, model choice included, is run again at every origin; with
``refit=False`` it is fitted at the first origin and its parameters are carried, unchanged, through
the later ones (cheaper, and still honest: no origin uses data after it); at an origin whose data
the carried model cannot run on (a multiplicative form over a value <= 0 that came later), the
method is fitted anew there.

The forecasts table is long, one row per (model, origin, period), so combinations can be scored
from their members' rows without refitting anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from forecasting import metrics
from forecasting.errors import ForecastError, series_label
from forecasting.fitting import check_request, fit_model


@dataclass(frozen=True)
class BacktestSettings:
    """How to backtest: number of origins, their spacing, the horizon and whether to refit.

    ``horizon=None`` uses the forecast horizon, capped at half the series so that the first
    origin keeps at least half of the history to fit on.
    """

    origins: int = 3
    step: int = 1
    horizon: int | None = None
    refit: bool = False

    def horizon_for(self, n: int, forecast_horizon: int) -> int:
        """Backtest horizon for a series of ``n`` observations."""
        return max(1, self.horizon or min(forecast_horizon, n // 2))

    def positions(self, n: int, horizon: int) -> list[int]:
        """Training lengths at each origin, earliest first (at least two observations)."""
        last = n - horizon
        return sorted(p for p in (last - i * self.step for i in range(self.origins)) if p >= 2)


def rolling_forecasts(
    y: pd.Series,
    method: str,
    season_length: int,
    params: Mapping[str, Any],
    levels: tuple[int, ...],
    positions: Sequence[int],
    horizon: int,
    refit: bool,
    name: str | None = None,
) -> pd.DataFrame:
    """Forecast from each origin and return the long table of forecasts beside the actuals.

    ``params`` must have passed :func:`~forecasting.fitting.check_request` on ``y``; origins
    whose training part breaks one of the method's rules raise ``ForecastError``.
    """
    rows = []
    fitted = None
    for position in positions:
        train = y.iloc[:position]
        if fitted is not None and not refit:
            try:
                fitted = fitted.update(train)
            except ForecastError:  # the frozen form cannot run on this window: estimate anew
                fitted = None
        if fitted is None or refit:
            check_request(train, method, season_length, _without_exog(params), horizon)
            fitted = fit_model(train, method, season_length, params)
        prediction = fitted.predict(horizon, levels)
        actual = y.iloc[position : position + horizon]
        block = {
            "model": name or method,
            "origin": train.index[-1],
            "period": actual.index,
            "step": np.arange(1, horizon + 1),
            "actual": actual.to_numpy(),
            "forecast": prediction.mean,
            "scale": metrics.mase_scale(train.to_numpy(), season_length),
        }
        for level in levels:
            block[f"lower_{level}"] = prediction.lower[level]
            block[f"upper_{level}"] = prediction.upper[level]
        rows.append(pd.DataFrame(block))
    return pd.concat(rows, ignore_index=True)


def _without_exog(params: Mapping[str, Any]) -> dict[str, Any]:
    # exog is already aligned over the whole series; the slice check would only repeat it.
    return {k: v for k, v in params.items() if k != "exog"}


def score(forecasts: pd.DataFrame, levels: Sequence[int]) -> pd.DataFrame:
    """One row per model: sMAPE, MASE, RMSE, coverage per level, number of origins and horizon."""
    rows = []
    for model, group in forecasts.groupby("model", sort=False):
        actual, forecast = group["actual"].to_numpy(), group["forecast"].to_numpy()
        scale = group["scale"].to_numpy()
        scaled = np.divide(
            np.abs(actual - forecast), scale, out=np.full(len(group), np.nan), where=scale > 0
        )
        row = {
            "model": model,
            "smape": metrics.smape(actual, forecast),
            "mase": float(np.nanmean(scaled)) if np.isfinite(scaled).any() else float("nan"),
            "rmse": metrics.rmse(actual, forecast),
        }
        for level in levels:
            row[f"coverage_{level}"] = metrics.coverage(
                actual, group[f"lower_{level}"], group[f"upper_{level}"]
            )
        row["origins"] = group["origin"].nunique()
        row["horizon"] = int(group["step"].max())
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Backtest:
    """Backtest of one or more models: the long forecasts table and the scores per model."""

    forecasts: pd.DataFrame
    scores: pd.DataFrame


def too_short(y: pd.Series, method: str, horizon: int, settings: BacktestSettings) -> ForecastError:
    """The error for a series with no origin that leaves a full backtest horizon."""
    return ForecastError(
        "forecast.backtest_too_short",
        f"{series_label(y.name)} has {len(y)} observations: too few to backtest method "
        f"'{method}' over {horizon} periods from {settings.origins} origin(s)",
        series=y.name,
        n=len(y),
        method=method,
        horizon=horizon,
    )


def backtest(
    y: pd.Series,
    method: str,
    season_length: int,
    params: Mapping[str, Any],
    levels: tuple[int, ...],
    forecast_horizon: int,
    settings: BacktestSettings,
) -> Backtest:
    """Backtest one method; origins whose training data the method cannot use are dropped.

    Raises
    ------
    ForecastError
        When no origin is usable: ``forecast.backtest_too_short`` or the method's own rule.
    """
    horizon = settings.horizon_for(len(y), forecast_horizon)
    positions = settings.positions(len(y), horizon)
    usable, first_error = [], None
    for position in positions:
        try:
            check_request(y.iloc[:position], method, season_length, _without_exog(params), horizon)
            usable.append(position)
        except ForecastError as error:
            first_error = first_error or error
    if not usable:
        raise first_error or too_short(y, method, horizon, settings)
    forecasts = rolling_forecasts(
        y, method, season_length, params, levels, usable, horizon, settings.refit
    )
    return Backtest(forecasts, score(forecasts, levels))

"""Residual diagnostics of a forecasting model, and whether its intervals are honest.

A model that has captured the pattern of a series leaves *residuals* (here: one-step-ahead forecast
errors, each made with data up to the period before) that look like noise: no autocorrelation
left. The autocorrelation function (:func:`autocorrelations`) shows it lag by lag, with the
approximate 95 % bounds ``±1.96/√n`` of white noise; the Ljung–Box test (:func:`ljung_box`) sums it
up in one p-value over the first lags (a small p-value: pattern left in the residuals).

Whether the intervals are honest is :mod:`analytics.calibration`, which needs no statsmodels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

WHITE_NOISE_Z = 1.96
NONSEASONAL_LAGS = 10
COMBINERS = ("mean", "median", "weighted")


def one_step_errors(
    backtest_forecasts: pd.DataFrame,
    how: str = "mean",
    weights: Sequence[float] | None = None,
) -> pd.Series:
    """The one-step-ahead errors (actual − forecast) in a table of backtest forecasts.

    The table is ``ForecastResult.backtest_forecasts`` (or several concatenated): one row per
    model, origin and period, with ``step``, ``actual`` and ``forecast``. When it holds several
    models, their forecasts of a period are combined by ``how`` (``"mean"``, ``"median"``, or
    ``"weighted"``: the mean with ``weights``, one per member in the order of the table's
    ``member`` column, 0, 1, ...), as a combination of them would forecast. The result is indexed
    by period, oldest first.
    """
    if how not in COMBINERS:
        raise ValueError(f"how must be one of {COMBINERS}, got {how!r}")
    steps = backtest_forecasts[backtest_forecasts["step"] == 1]
    if how == "weighted":
        if weights is None or "member" not in steps:
            raise ValueError("a weighted combination needs its weights and a member column")
        weight = steps["member"].map(dict(enumerate(weights)))
        steps = steps.assign(forecast=steps["forecast"] * weight, weight=weight)
        by_period = steps.groupby("period", sort=True).agg(
            actual=("actual", "first"), forecast=("forecast", "sum"), weight=("weight", "sum")
        )
        by_period["forecast"] = by_period["forecast"] / by_period["weight"]
    else:
        by_period = steps.groupby("period", sort=True).agg(
            actual=("actual", "first"), forecast=("forecast", how)
        )
    errors = by_period["actual"].to_numpy(dtype=float) - by_period["forecast"].to_numpy(dtype=float)
    return pd.Series(errors, index=pd.PeriodIndex(by_period.index), name="error")


def ljung_box_lags(n: int, season_length: int) -> int:
    """Lags the Ljung–Box test looks at: 10, or two seasonal cycles, but at most ``n``/5
    (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §5.4)."""
    wanted = 2 * season_length if season_length > 1 else NONSEASONAL_LAGS
    return max(1, min(wanted, n // 5))


def autocorrelations(residuals: pd.Series, lags: int) -> pd.DataFrame:
    """The autocorrelation of ``residuals`` at lags 1 to ``lags``, and white noise's 95 % bound.

    Columns: ``lag``, ``acf``, ``bound`` (``1.96/√n``, the same for every lag).
    """
    from statsmodels.tsa.stattools import acf  # statsmodels loads on first use (cold start)

    values = residuals.dropna().to_numpy(dtype=float)
    lags = max(1, min(lags, len(values) - 1))
    correlations = acf(values, nlags=lags, fft=False)[1:]
    return pd.DataFrame(
        {
            "lag": np.arange(1, lags + 1),
            "acf": correlations,
            "bound": WHITE_NOISE_Z / math.sqrt(len(values)),
        }
    )


@dataclass(frozen=True)
class LjungBox:
    """The Ljung–Box portmanteau test over the first ``lags`` autocorrelations."""

    statistic: float
    p_value: float
    lags: int
    n: int


def ljung_box(residuals: pd.Series, lags: int, fitted_parameters: int = 0) -> LjungBox:
    """Test whether ``residuals`` are white noise, by statsmodels' ``acorr_ljungbox``.

    ``fitted_parameters`` reduces the test's degrees of freedom (``model_df``); for
    out-of-sample forecast errors it stays 0.
    """
    from statsmodels.stats.diagnostic import acorr_ljungbox  # loads on first use (cold start)

    values = residuals.dropna().to_numpy(dtype=float)
    lags = max(1, min(lags, len(values) - 1))
    table = acorr_ljungbox(values, lags=[lags], model_df=fitted_parameters)
    return LjungBox(
        statistic=float(table["lb_stat"].iloc[0]),
        p_value=float(table["lb_pvalue"].iloc[0]),
        lags=lags,
        n=len(values),
    )

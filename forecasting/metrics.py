"""Accuracy of forecasts against what happened: sMAPE, MASE, RMSE and interval coverage.

* sMAPE, as scored in the M3 competition: the mean of ``200 |y - f| / (|y| + |f|)``, in percent.
* MASE (Hyndman & Koehler 2006): mean absolute error divided by the in-sample mean absolute error
  of the seasonal naive forecast (the naive one for non-seasonal data), so 1 means "as good as the
  seasonal naive on the history".
* coverage: the share of actual values that fell inside the interval (should be near its level).
"""

from __future__ import annotations

import numpy as np


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    """Symmetric mean absolute percentage error, in percent (0 to 200)."""
    actual, forecast = np.asarray(actual, float), np.asarray(forecast, float)
    denominator = np.abs(actual) + np.abs(forecast)
    ratio = np.divide(
        2 * np.abs(actual - forecast),
        denominator,
        out=np.zeros_like(denominator),
        where=denominator > 0,
    )
    return float(100 * np.mean(ratio))


def mase_scale(insample: np.ndarray, season_length: int = 1) -> float:
    """Mean absolute error of the in-sample seasonal naive forecast: MASE's denominator."""
    insample = np.asarray(insample, float)
    m = season_length if len(insample) > season_length else 1
    return float(np.mean(np.abs(insample[m:] - insample[:-m])))


def rmse(actual: np.ndarray, forecast: np.ndarray) -> float:
    """Root mean squared error, in the units of the series."""
    error = np.asarray(actual, float) - np.asarray(forecast, float)
    return float(np.sqrt(np.mean(error**2)))


def coverage(actual: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> float:
    """Share (0 to 1) of actual values within ``[lower, upper]``."""
    actual = np.asarray(actual, float)
    inside = (actual >= np.asarray(lower, float)) & (actual <= np.asarray(upper, float))
    return float(np.mean(inside))

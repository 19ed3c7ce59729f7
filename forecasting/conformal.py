"""Prediction intervals with a coverage argument: split-conformal bands from the rolling-origin
errors a backtest already computes, and the mean scaled interval score (MSIS) that M4 scored
intervals with.

For each step ahead ``h``, the absolute errors of the backtest's forecasts ``h`` steps ahead are
the calibration set. If the next error is exchangeable with them, the band ``point ± q`` with
``q`` the ``⌈(n + 1)·L⌉``-th smallest of the ``n`` errors covers the outcome with probability at
least ``L`` (Vovk et al.; Lei et al., 2018), whatever the model. With too few errors for a level
(``⌈(n + 1)·L⌉ > n``) no finite band has that guarantee: the radius is infinite, and the caller
keeps the model's own band and says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd


def conformal_radius(errors: np.ndarray, level: int) -> float:
    """The half-width of a ``level`` % split-conformal band from absolute ``errors`` (NaNs are
    left out); infinite when there are too few errors for the level."""
    known = np.sort(np.abs(np.asarray(errors, dtype=float)[~np.isnan(errors)]))
    rank = math.ceil((len(known) + 1) * level / 100)
    return float(known[rank - 1]) if 1 <= rank <= len(known) else math.inf


def conformal_radii(
    forecasts: pd.DataFrame, levels: Sequence[int], horizon: int
) -> dict[int, np.ndarray]:
    """Per level, the radius for each step 1..``horizon`` from a backtest's long table of
    forecasts (columns ``step``, ``actual``, ``forecast``, as ``rolling_forecasts`` gives)."""
    errors = (forecasts["actual"] - forecasts["forecast"]).abs()
    by_step = {
        int(step): errors[forecasts["step"] == step].to_numpy() for step in range(1, horizon + 1)
    }
    return {
        level: np.array([conformal_radius(by_step[h], level) for h in range(1, horizon + 1)])
        for level in levels
    }


def conformal_bands(
    point: np.ndarray, radii: dict[int, np.ndarray]
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """The lower and upper bands of each level around ``point`` (one value per step)."""
    point = np.asarray(point, dtype=float)
    return {level: (point - radius, point + radius) for level, radius in radii.items()}


def msis(
    actual: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    insample: np.ndarray,
    season_length: int,
    level: int,
) -> float:
    """The mean scaled interval score of one forecast (M4's definition): the band's width plus
    2/α times each miss, averaged over the horizon and divided by the in-sample mean absolute
    seasonal difference. Lower is better; NaN when the scale is zero or undefined."""
    actual, lower, upper = (np.asarray(a, dtype=float) for a in (actual, lower, upper))
    history = np.asarray(insample, dtype=float)
    m = season_length if len(history) > season_length else 1
    scale = float(np.mean(np.abs(history[m:] - history[:-m]))) if len(history) > m else math.nan
    if not scale or math.isnan(scale):
        return math.nan
    alpha = 1 - level / 100
    penalty = (2 / alpha) * (
        (lower - actual) * (actual < lower) + (actual - upper) * (actual > upper)
    )
    return float(np.mean((upper - lower) + penalty) / scale)

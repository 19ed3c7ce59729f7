"""Prediction intervals with a coverage argument: split-conformal bands from the rolling-origin
errors a backtest already computes, and the mean scaled interval score (MSIS) that M4 scored
intervals with.

For each step ahead ``h``, the absolute errors of the backtest's forecasts ``h`` steps ahead are
the calibration set. If the next error is exchangeable with them, the band ``point ± q`` with
``q`` the ``⌈(n + 1)·L⌉``-th smallest of the ``n`` errors covers the outcome with probability at
least ``L`` (Vovk et al.; Lei et al., 2018), whatever the model. With too few errors for a level
(``⌈(n + 1)·L⌉ > n``) no finite band has that guarantee: the radius is infinite, and the caller
keeps the model's own band and says so.

One series' backtest errors come from its last few periods, and the errors of the forecast that
follows are larger more often than not (M3's test periods show it). So :data:`SERIES_FACTORS`
widens the calibrated bands by a factor learned, the same split-conformal way, across the series
of M3's design half: for a series exchangeable with those, the widened band holds its level.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import norm


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


def interval_scores(
    actual: np.ndarray, lower: np.ndarray, upper: np.ndarray, level: int
) -> np.ndarray:
    """Each point's interval score (Gneiting & Raftery 2007, as M4 used it): the band's width
    plus 2/α times the distance by which the outcome missed it; unscaled."""
    actual, lower, upper = (np.asarray(a, dtype=float) for a in (actual, lower, upper))
    alpha = 1 - level / 100
    miss = (lower - actual) * (actual < lower) + (actual - upper) * (actual > upper)
    return (upper - lower) + (2 / alpha) * miss


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
    history = np.asarray(insample, dtype=float)
    m = season_length if len(history) > season_length else 1
    scale = float(np.mean(np.abs(history[m:] - history[:-m]))) if len(history) > m else math.nan
    if not scale or math.isnan(scale):
        return math.nan
    return float(np.mean(interval_scores(actual, lower, upper, level)) / scale)


@dataclass(frozen=True)
class Calibrated:
    """Bands after calibration: bounds per level, the levels made conformal (the others keep
    the model's own band, having too few backtest errors for a guarantee), and the number of
    backtest errors they rest on."""

    lower: dict[int, np.ndarray]
    upper: dict[int, np.ndarray]
    conformal_levels: tuple[int, ...]
    n_errors: int


def _sides(forecast: np.ndarray, lower: np.ndarray, upper: np.ndarray, z: float):
    """The model's own spread below and above its point, in units of its standard error."""
    return (forecast - lower) / z, (upper - forecast) / z


def normalized_errors(rows: pd.DataFrame, scale_level: int) -> np.ndarray:
    """Each backtest error divided by the model's own spread on its side of the forecast at that
    origin and step (the half-width of its ``scale_level`` % band over the normal quantile), so
    errors of different steps, whose spreads differ, can be pooled. Rows without a usable spread
    are left out."""
    z = float(norm.ppf(0.5 + scale_level / 200))
    forecast, actual = rows["forecast"].to_numpy(float), rows["actual"].to_numpy(float)
    below, above = _sides(
        forecast,
        rows[f"lower_{scale_level}"].to_numpy(float),
        rows[f"upper_{scale_level}"].to_numpy(float),
        z,
    )
    spread = np.where(actual < forecast, below, above)
    error = np.abs(actual - forecast)
    usable = np.isfinite(error) & np.isfinite(spread) & (spread > 0)
    return error[usable] / spread[usable]


#: Cross-series factors, by season length and level: how much the bands :func:`calibrate` makes
#: from one series' backtest must be widened so that they hold their level on the *test periods*
#: of M3's design half (odd series numbers) of that season length: the conformal quantile, over
#: every forecast point of those series, of the error's ratio to the band's half-width on its
#: side. Computed by ``python -m bench.design --intervals`` (``bench/results/
#: interval_factors.json``, which a test holds these to); other season lengths get none.
SERIES_FACTORS: dict[int, dict[int, float]] = {
    1: {80: 1.1695, 95: 1.5474},
    4: {80: 1.102, 95: 1.6975},
    12: {80: 1.159, 95: 1.2718},
}


def widen(
    point: np.ndarray,
    lower: Mapping[int, np.ndarray],
    upper: Mapping[int, np.ndarray],
    factors: Mapping[int, float],
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """The bands of each level with a factor, scaled about ``point`` on each side."""
    point = np.asarray(point, dtype=float)
    new_lower, new_upper = {}, {}
    for level in lower:
        factor = factors.get(level, 1.0)
        new_lower[level] = point - factor * (point - np.asarray(lower[level], float))
        new_upper[level] = point + factor * (np.asarray(upper[level], float) - point)
    return new_lower, new_upper


def calibrate(
    point: np.ndarray,
    lower: Mapping[int, np.ndarray],
    upper: Mapping[int, np.ndarray],
    rows: pd.DataFrame,
) -> Calibrated:
    """Conformal bands around ``point`` from the backtest ``rows`` of the same model.

    The errors of every origin and step, each divided by the model's own spread there
    (:func:`normalized_errors`), are the calibration set; the ``level`` % band is ``point``
    minus and plus the conformal quantile of those ratios times the model's spread below and
    above at each forecast step. If the future ratio is exchangeable with the backtest's (the
    model's band has the right shape across steps, whatever its width), the band covers with
    probability at least ``level`` %. Levels with too few errors keep the model's band, widened
    where it is narrower than the widest calibrated band scaled to the level by the normal
    quantiles, so that the bands stay nested.
    """
    levels = sorted(lower)
    scale_level = levels[0]
    ratios = normalized_errors(rows, scale_level)
    z = float(norm.ppf(0.5 + scale_level / 200))
    point = np.asarray(point, dtype=float)
    below, above = _sides(
        point, np.asarray(lower[scale_level], float), np.asarray(upper[scale_level], float), z
    )
    new_lower, new_upper, conformal = {}, {}, []
    for level in levels:
        radius = conformal_radius(ratios, level)
        if math.isfinite(radius) and np.isfinite(below).all() and np.isfinite(above).all():
            new_lower[level], new_upper[level] = point - radius * below, point + radius * above
            conformal.append(level)
        else:
            new_lower[level] = np.asarray(lower[level], float)
            new_upper[level] = np.asarray(upper[level], float)
            if conformal:  # never narrower than the widest calibrated band, scaled to this level
                inner = conformal[-1]
                scale = float(norm.ppf(0.5 + level / 200) / norm.ppf(0.5 + inner / 200))
                new_lower[level] = np.minimum(
                    new_lower[level], point - scale * (point - new_lower[inner])
                )
                new_upper[level] = np.maximum(
                    new_upper[level], point + scale * (new_upper[inner] - point)
                )
    return Calibrated(new_lower, new_upper, tuple(conformal), len(ratios))

"""Prediction intervals with a coverage argument: split-conformal bands from the rolling-origin
errors a backtest already computes, blended with the model's own and widened across series, and
the mean scaled interval score (MSIS) that M4 scored intervals with.

For each step ahead ``h``, the absolute errors of the backtest's forecasts ``h`` steps ahead are
the calibration set. If the next error is exchangeable with them, the band ``point ± q`` with
``q`` the ``⌈(n + 1)·L⌉``-th smallest of the ``n`` errors covers the outcome with probability at
least ``L`` (Vovk et al.; Lei et al., 2018), whatever the model. With too few errors for a level
(``⌈(n + 1)·L⌉ > n``) no finite band has that guarantee: the radius is infinite, and the caller
keeps the model's own band and says so.

One series' backtest gives only 18 to 54 errors, so a band scaled by their quantile inherits
their scatter, which the interval score punishes; and the errors of the forecast that follows are
larger more often than not (M3's test periods show it). So the default band (:func:`blend`) is
halfway, on a log scale, between the series-calibrated band and the model's own, widened by a
factor learned the split-conformal way across the series of M3's design half
(:data:`SERIES_FACTORS`, by season length and class of history length): for a series
exchangeable with those, the band holds its level. ``bench/results/interval_design.md`` compares
this with the other schemes tried, by a rule written before each run.
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


#: Series with at least this many observations are "long" (:func:`length_class`): the model's
#: own bands leave out the uncertainty of the estimated parameters, larger on short series, so
#: the widening they need depends on the history's length.
LONG_FROM = 50

#: Cross-series factors, by season length, class of history length and level: how much the
#: blended bands (:func:`blend`) must be widened so that they hold their level on the *test
#: periods* of M3's design half (odd series numbers): the conformal quantile, over every forecast
#: point of those series, of the error's ratio to the band's half-width on its side. Learned by
#: ``python -m bench.interval_design`` (scheme (h) of ``bench/results/interval_design.json``,
#: which a test holds these to). The design half has fewer than 50 points of monthly series
#: shorter than :data:`LONG_FROM`, too few to learn from; they take the factor of their season
#: length learned without classes (scheme (f)). Other season lengths get no factor.
SERIES_FACTORS: dict[int, dict[str, dict[int, float]]] = {
    1: {"short": {80: 1.2462, 95: 1.6447}, "long": {80: 1.0681, 95: 1.2328}},
    4: {"short": {80: 1.1292, 95: 1.502}, "long": {80: 1.0477, 95: 1.1159}},
    12: {"short": {80: 1.1012, 95: 1.162}, "long": {80: 1.1017, 95: 1.1627}},
}


def length_class(n_observations: int) -> str:
    """The class of a history's length: "short" (fewer than :data:`LONG_FROM` observations) or
    "long"."""
    return "long" if n_observations >= LONG_FROM else "short"


def series_factors(
    season_length: int, n_observations: int, levels: Sequence[int]
) -> dict[int, float]:
    """The cross-series factor of each of ``levels`` that has one, for a series of this season
    length and length; empty for a season length without factors."""
    by_level = SERIES_FACTORS.get(season_length, {}).get(length_class(n_observations), {})
    return {level: by_level[level] for level in levels if level in by_level}


def blend(
    point: np.ndarray,
    calibrated: tuple[Mapping[int, np.ndarray], Mapping[int, np.ndarray]],
    own: tuple[Mapping[int, np.ndarray], Mapping[int, np.ndarray]],
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Bands halfway between the ``calibrated`` (lower, upper) bands and the model's ``own``
    on a log scale: each side's half-width the geometric mean of the two. Where the model's own
    half-width is not a finite number, the calibrated one is kept. Both are nested by level, so
    the blend is too."""
    point = np.asarray(point, dtype=float)
    new_lower, new_upper = {}, {}
    for level in calibrated[0]:
        for sign, side, target in ((-1, 0, new_lower), (1, 1, new_upper)):
            mine = sign * (np.asarray(calibrated[side][level], float) - point)
            theirs = sign * (np.asarray(own[side][level], float) - point)
            with np.errstate(invalid="ignore"):
                mixed = np.sqrt(np.clip(mine, 0, None) * np.clip(theirs, 0, None))
            target[level] = point + sign * np.where(np.isfinite(theirs), mixed, mine)
    return new_lower, new_upper


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

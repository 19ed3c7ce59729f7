"""Where a plan target is heading: from what is known of the plan year and simulated paths of the
rest, the year's outcome computed the way the target is defined, the probability of meeting it,
and its 80 % and 95 % ranges (``analytics.target_odds``).

Which series measures a target, and how the year's outcome is computed from it
(:data:`OUTLOOK_SOURCES`):

- average CPI growth: the mean of the twelve months' y/y rates of the headline CPI (GSO's annual
  average is the ratio of the year's average indices, which weights each month by its index a
  year earlier; the indices move little within a year, so the two agree to about a hundredth of a
  point);
- GDP growth: growth of the year's four quarters of GDP at constant prices on the previous
  year's four, from quarters since 2021 (earlier levels in the seed are on another scale).

Rates are simulated without a trend; levels on their logarithms with an undamped trend, so
steady growth carries on. Targets without such a series, and years too far beyond the data
(more than :data:`MAX_HORIZON` periods to simulate) or with too little history, get a reason
instead of a number: never a made-up figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analytics.target_odds import acceptance, light, outcome_range, probability, year_outcomes
from analytics.targets import Target
from forecasting.simulation import simulate_paths

MAX_HORIZON = 24
MIN_HISTORY = 12
REPETITIONS = 2000


@dataclass(frozen=True)
class OutlookSource:
    """The series that measures a target, its frequency, how the year's outcome is computed, and
    the first period of the series to use."""

    code: str
    frequency: str
    how: str
    since: str | None = None


OUTLOOK_SOURCES = {
    "Average CPI growth": OutlookSource("CPI_YOY.CHI_SO_GIA_TIEU_DUNG", "M", "mean"),
    "GDP growth rate": OutlookSource("GDP_Q_REAL.TONG_SO", "Q", "growth", since="2021Q1"),
}


@dataclass(frozen=True)
class Outlook:
    """One target's outlook: the probability and ranges, or the reason there are none."""

    year: int
    known: int
    periods: int
    last_known: pd.Period | None
    probability: float = math.nan
    median: float = math.nan
    range80: tuple[float, float] = (math.nan, math.nan)
    range95: tuple[float, float] = (math.nan, math.nan)
    light: str = "none"
    reason: str | None = None
    latest: float = math.nan
    year_to_date: float = math.nan
    latest_status: str | None = None
    forecast_outcome: float = math.nan
    forecast_kind: str | None = None


def outlook(
    source: OutlookSource,
    series: pd.Series,
    target: Target,
    year: int,
    higher_is_better: bool | None,
    repetitions: int = REPETITIONS,
) -> Outlook:
    """The outlook of ``target`` for ``year`` from ``series`` (the values known, on a
    ``PeriodIndex`` of the source's frequency)."""
    per_year = 12 if source.frequency == "M" else 4
    data = series.dropna().sort_index()
    if source.since is not None:
        data = data[data.index >= pd.Period(source.since, source.frequency)]
    first = pd.Period(year=year - (1 if source.how == "growth" else 0), month=1, freq="M")
    first = first.asfreq(source.frequency, how="start")
    last = pd.Period(year=year, month=12, freq="M").asfreq(source.frequency, how="end")
    known_in_year = data[(data.index.year == year)]
    base = Outlook(
        year,
        len(known_in_year),
        per_year,
        data.index[-1] if len(data) else None,
        latest=latest_figure(source, data),
        year_to_date=year_to_date(source, data, year),
    )
    if len(data) < MIN_HISTORY:
        return _with(base, reason="outlook.too_short")
    if data.index[-1] >= last:
        return _with(base, reason="outlook.year_known")
    horizon = (last - data.index[-1]).n
    if horizon > MAX_HORIZON:
        return _with(base, reason="outlook.too_far")
    growth = source.how == "growth"
    paths = simulate_paths(data, horizon, repetitions, trend=growth, log=growth, damped=not growth)
    future = pd.period_range(data.index[-1] + 1, last, freq=source.frequency)
    needed = pd.period_range(first, last, freq=source.frequency)
    columns = [
        np.full(repetitions, data[p]) if p in data.index else paths[:, future.get_loc(p)]
        for p in needed
    ]
    values = np.column_stack(columns)
    if growth:
        outcomes = 100.0 * (values[:, per_year:].sum(axis=1) / values[:, :per_year].sum(axis=1) - 1)
    else:
        outcomes = year_outcomes(source.how, np.empty(0), values, per_year)
    p = probability(outcomes, acceptance(target, higher_is_better))
    return _with(
        base,
        probability=p,
        median=float(np.median(outcomes)),
        range80=outcome_range(outcomes, 80),
        range95=outcome_range(outcomes, 95),
        light=light(p),
    )


def latest_figure(source: OutlookSource, data: pd.Series) -> float:
    """The latest figure as the target reads it: the rate itself (CPI), or a level's growth on
    the same period a year earlier (GDP), in %; NaN if there is none."""
    data = data.dropna()
    if data.empty:
        return math.nan
    if source.how != "growth":
        return float(data.iloc[-1])
    before = data.get(data.index[-1] - (12 if source.frequency == "M" else 4))
    return math.nan if before is None else 100.0 * (float(data.iloc[-1]) / float(before) - 1)


def year_to_date(source: OutlookSource, data: pd.Series, year: int) -> float:
    """The year's figure so far, computed the way the target is: the mean of the months known
    (average CPI), or the growth of the quarters known on the same quarters a year earlier (GDP);
    NaN before the year's first figure."""
    data = data.dropna()
    known = data[data.index.year == year]
    if known.empty:
        return math.nan
    if source.how != "growth":
        return float(known.mean())
    per_year = 12 if source.frequency == "M" else 4
    earlier = [data.get(p - per_year) for p in known.index]
    if any(value is None for value in earlier):
        return math.nan
    return 100.0 * (float(known.sum()) / float(sum(earlier)) - 1)


def forecast_outcome(
    source: OutlookSource, series: pd.Series, points: pd.Series, year: int
) -> float:
    """The year's outcome implied by a stored forecast: the periods known, then the forecast's
    point values for the rest, computed the way the target is. NaN unless the forecast starts
    right after the last period known and reaches the year's end."""
    per_year = 12 if source.frequency == "M" else 4
    data = series.dropna().sort_index()
    if data.empty or points.empty:
        return math.nan
    last = pd.Period(year=year, month=12, freq="M").asfreq(source.frequency, how="end")
    ahead = points[points.index > data.index[-1]]
    needed = pd.period_range(data.index[-1] + 1, last, freq=source.frequency)
    if len(needed) == 0 or any(p not in ahead.index for p in needed):
        return math.nan
    path = pd.concat([data, ahead.loc[list(needed)]])
    this_year = path[path.index.year == year]
    if len(this_year) != per_year:
        return math.nan
    if source.how == "growth":
        before = [path.get(p - per_year) for p in this_year.index]
        if any(value is None for value in before):
            return math.nan
        return 100.0 * (float(this_year.sum()) / float(sum(before)) - 1)
    values = this_year.to_numpy(dtype=float)
    return float(year_outcomes(source.how, values, np.empty((1, 0)), per_year)[0])


def _with(base: Outlook, **changes: object) -> Outlook:
    return replace(base, **changes)  # type: ignore[arg-type]

"""Headline tiles: the latest value of a series, its change on a year earlier, and a sparkline.

A tile compares like with like: for a series that is already a growth rate (GDP growth, CPI
year-on-year) the change on a year earlier is a difference in percentage points; for a level
(exports, retail sales) it is a percentage change; for a balance that can change sign (the trade
balance) it is a difference in the series' unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.transforms import apply_transform
from domain.periods import PERIODS_PER_YEAR, frequency_of

COMPARISONS = {"rate": "yoy_change", "level": "yoy_pct", "balance": "yoy_change"}


@dataclass(frozen=True)
class TileSummary:
    """What a headline tile shows."""

    latest: float | None
    period: pd.Period | None
    year_on_year: float | None
    comparison: str
    sparkline: list[float]


def summarise(series: pd.Series, kind: str, spark_periods: int = 24) -> TileSummary:
    """Summarise ``series`` for a tile; ``kind`` is ``"rate"``, ``"level"`` or ``"balance"``."""
    comparison = COMPARISONS[kind]
    observed = series.dropna()
    if observed.empty:
        return TileSummary(None, None, None, comparison, [])
    period = observed.index[-1]
    change = None
    if len(observed) > _periods_per_year(observed):
        changes = apply_transform(observed, comparison)
        value = changes.get(period)
        change = None if value is None or pd.isna(value) else float(value)
    return TileSummary(
        latest=float(observed.iloc[-1]),
        period=period,
        year_on_year=change,
        comparison=comparison,
        sparkline=[float(v) for v in observed.iloc[-spark_periods:]],
    )


def _periods_per_year(series: pd.Series) -> int:
    return PERIODS_PER_YEAR[frequency_of(series.index)]

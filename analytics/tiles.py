"""Headline tiles: the latest value of a series, its change on a year earlier, and a sparkline.

A tile compares like with like: for a series that is already a growth rate (GDP growth, CPI
year-on-year) the change on a year earlier is a difference in percentage points; for a level
(exports, retail sales) it is a percentage change; for a balance that can change sign (the trade
balance) it is a difference in the series' unit.

Published rates come first. Where the source publishes the level's change on a year earlier for the
tile's month (GSO's "so với cùng kỳ năm trước"), the tile shows that rate, because GSO compares a
first estimate with the revised figure of a year before and the stored levels cannot reproduce it.
Only where no rate is published is the change computed from the levels, and the tile says which of
the two it shows (:attr:`TileSummary.change_source`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analytics.observations import series as series_of
from analytics.transforms import apply_transform
from domain.headlines import Headline
from domain.periods import PERIODS_PER_YEAR, frequency_of

COMPARISONS = {"rate": "yoy_change", "level": "yoy_pct", "balance": "yoy_change"}

PUBLISHED = "published"
COMPUTED = "computed"

# How a published rate on a year earlier, in its catalogue unit, becomes a % change.
RATE_AS_PERCENT_CHANGE: dict[str, Callable[[pd.Series], pd.Series]] = {
    "percent change": lambda values: values,
    "index (same period previous year = 100)": lambda values: values - 100.0,
}


@dataclass(frozen=True)
class TileSummary:
    """What a headline tile shows.

    ``change_source`` is :data:`PUBLISHED` when ``year_on_year`` is the source's own rate,
    :data:`COMPUTED` when the Cockpit computed it from the levels, and None when there is none.
    """

    latest: float | None
    period: pd.Period | None
    year_on_year: float | None
    comparison: str
    sparkline: list[float]
    change_source: str | None = None


def published_change(values: pd.Series, unit: str) -> pd.Series:
    """A published rate on a year earlier as a % change: an index with the same period of the
    previous year = 100 loses its 100 (109.4 is +9.4 %); a % change is kept as it is.

    Raises
    ------
    ValueError
        If ``unit`` is not a unit in which a rate on a year earlier is published.
    """
    if unit not in RATE_AS_PERCENT_CHANGE:
        known = ", ".join(RATE_AS_PERCENT_CHANGE)
        raise ValueError(f"a published rate in {unit!r} cannot be read as a % change ({known})")
    return RATE_AS_PERCENT_CHANGE[unit](values)


def summarise(
    series: pd.Series,
    kind: str,
    spark_periods: int = 24,
    published: pd.Series | None = None,
) -> TileSummary:
    """Summarise ``series`` for a tile; ``kind`` is ``"rate"``, ``"level"`` or ``"balance"``.

    ``published`` is the source's own % change on a year earlier (see :func:`published_change`):
    where it has the latest period, the tile's change is that rate, not a computed one.
    """
    comparison = COMPARISONS[kind]
    observed = series.dropna()
    if observed.empty:
        return TileSummary(None, None, None, comparison, [])
    period = observed.index[-1]
    change, source = _published_at(published, period), PUBLISHED
    if change is None:
        change, source = _computed_at(observed, comparison, period), COMPUTED
    return TileSummary(
        latest=float(observed.iloc[-1]),
        period=period,
        year_on_year=change,
        comparison=comparison,
        sparkline=[float(v) for v in observed.iloc[-spark_periods:]],
        change_source=None if change is None else source,
    )


def summarise_headline(
    headline: Headline, observations: pd.DataFrame, catalogue: pd.DataFrame
) -> TileSummary:
    """The tile of ``headline`` from an observations frame and the catalogue (indexed by code,
    with ``frequency`` and ``unit``), as the Overview shows it.

    A derived tile is the difference of its two sources over the periods both have, so that it
    never pairs one month's exports with another month's imports.
    """
    own = [
        series_of(observations, code, catalogue.loc[code, "frequency"]) for code in headline.sources
    ]
    values = own[0] if len(own) == 1 else own[0].sub(own[1]).dropna().rename(headline.code)
    published = None
    if headline.published_change and headline.published_change in catalogue.index:
        rate = catalogue.loc[headline.published_change]
        published = published_change(
            series_of(observations, headline.published_change, rate["frequency"]), rate["unit"]
        )
    return summarise(values, headline.kind, published=published)


def _published_at(published: pd.Series | None, period: pd.Period) -> float | None:
    if published is None:
        return None
    value = published.dropna().get(period)
    return None if value is None else float(value)


def _computed_at(observed: pd.Series, comparison: str, period: pd.Period) -> float | None:
    if len(observed) <= _periods_per_year(observed):
        return None
    value = apply_transform(observed, comparison).get(period)
    return None if value is None or pd.isna(value) else float(value)


def _periods_per_year(series: pd.Series) -> int:
    return PERIODS_PER_YEAR[frequency_of(series.index)]

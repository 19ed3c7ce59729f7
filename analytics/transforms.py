"""Transformations of an indicator series, FRED-style: aggregate to a lower frequency, transform.

A *series* is a ``pd.Series`` of floats on a sorted ``pd.PeriodIndex`` of months, quarters or
years. It may have gaps (periods that are absent, or present with NaN), and no function here ever
fills one: every comparison is made *by period label* (the previous month, the same quarter a year
earlier), so a gap gives NaN rather than a comparison with the wrong period.

Processing follows FRED's documented order: frequency aggregation first (:func:`aggregate`), then
the units transformation (:data:`TRANSFORMS`, applied by :func:`apply_transform`).
:func:`transform_pipeline` runs both and returns the :class:`Step` list a chart states under its
title, each step a translation key with its parameters, never text.

Percentages are in percent (``5.0`` means 5 %). A percentage change from a previous value of 0 is
NaN, not infinity.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.typing import SeriesGroupBy

from domain.errors import InputError
from domain.periods import (
    PERIODS_PER_YEAR,
    frequency_of,
    normalise_frequency,
    parse_period,
    period_label,
)


@dataclass(frozen=True)
class Step:
    """One operation applied to a series, for the chart to state in the user's language.

    Attributes
    ----------
    key:
        Translation key, ``"aggregate.<how>"`` or ``"transform.<name>"``.
    params:
        Values the translated text interpolates; periods are given as canonical labels.
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)


def _series_code(series: pd.Series) -> str:
    return "series" if series.name is None else str(series.name)


def _every_period(series: pd.Series, first: pd.Period) -> pd.PeriodIndex:
    """Every period from ``first`` to the last of ``series``, gaps included."""
    return pd.period_range(first, series.index[-1], freq=series.index.freq)


def _value_periods_earlier(series: pd.Series, periods: int) -> pd.Series:
    """The value ``periods`` periods earlier *by label*, aligned on ``series``' index."""
    earlier = series.reindex(series.index - periods)
    earlier.index = series.index
    return earlier


def _percent_change(current: pd.Series, previous: pd.Series) -> pd.Series:
    return (current / previous.where(previous != 0) - 1.0) * 100.0


def _year_to_date(series: pd.Series) -> pd.Series:
    """Cumulative sum from the first period of each calendar year; NaN once a period is missing."""
    if series.empty:
        return series.copy()
    first_of_year = series.index[0].asfreq("Y").asfreq(series.index.freq, how="start")
    complete = series.reindex(_every_period(series, first_of_year))
    year = complete.index.year
    broken = complete.isna().groupby(year).cummax()
    cumulative = complete.groupby(year).cumsum().mask(broken)
    return cumulative.reindex(series.index)


def _periods_per_year(series: pd.Series) -> int:
    return PERIODS_PER_YEAR[frequency_of(series.index)]


def _level(series: pd.Series) -> pd.Series:
    return series.copy()


def _change(series: pd.Series) -> pd.Series:
    return series - _value_periods_earlier(series, 1)


def _pct_change(series: pd.Series) -> pd.Series:
    return _percent_change(series, _value_periods_earlier(series, 1))


def _yoy_pct(series: pd.Series) -> pd.Series:
    return _percent_change(series, _value_periods_earlier(series, _periods_per_year(series)))


def _yoy_change(series: pd.Series) -> pd.Series:
    return series - _value_periods_earlier(series, _periods_per_year(series))


def _ytd_yoy_pct(series: pd.Series) -> pd.Series:
    cumulative = _year_to_date(series)
    return _percent_change(
        cumulative, _value_periods_earlier(cumulative, _periods_per_year(series))
    )


def _moving_average(series: pd.Series, *, window: int) -> pd.Series:
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise InputError(
            "error.window_invalid",
            f"moving-average window {window} is not a whole number of periods of at least 1",
            window=window,
        )
    if series.empty:
        return series.copy()
    complete = series.reindex(_every_period(series, series.index[0]))
    return complete.rolling(window, min_periods=window).mean().reindex(series.index)


def _rebase(series: pd.Series, *, base_period: pd.Period | str | None) -> pd.Series:
    code = _series_code(series)
    if base_period is None:
        raise InputError("error.series_empty", f"{code} has no observations", code=code)
    base = parse_period(str(base_period), frequency_of(series.index))
    base_value = series.get(base, np.nan)
    if pd.isna(base_value):
        raise InputError(
            "error.rebase_base_missing",
            f"{code} has no value at the base period {period_label(base)}; "
            "choose a period that has data",
            code=code,
            period=period_label(base),
        )
    if base_value == 0:
        raise InputError(
            "error.rebase_base_zero",
            f"{code} is 0 at the base period {period_label(base)}, so it cannot be an index base",
            code=code,
            period=period_label(base),
        )
    return series / base_value * 100.0


def _log(series: pd.Series) -> pd.Series:
    nonpositive = series[series <= 0]
    if not nonpositive.empty:
        code = _series_code(series)
        period, value = period_label(nonpositive.index[0]), float(nonpositive.iloc[0])
        raise InputError(
            "error.log_nonpositive",
            f"the logarithm of {code} needs values above 0, but it is {value:g} at {period}",
            code=code,
            value=value,
            period=period,
        )
    return np.log(series)


def _no_parameters(series: pd.Series) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Transform:
    """A registered transformation.

    Attributes
    ----------
    function:
        Pure function ``(series, **params) -> series`` on the same index.
    defaults:
        Gives the default of every parameter the function takes, from the series it will
        transform (the default base of ``rebase`` is the series' first observed period).
    compares_year_earlier:
        True if each value is compared with the same period a year earlier, so the series needs
        more than a year of data.
    """

    function: Callable[..., pd.Series]
    defaults: Callable[[pd.Series], dict[str, Any]] = _no_parameters
    compares_year_earlier: bool = False


TRANSFORMS: dict[str, Transform] = {
    "level": Transform(_level),
    "change": Transform(_change),
    "pct_change": Transform(_pct_change),
    "yoy_pct": Transform(_yoy_pct, compares_year_earlier=True),
    "yoy_change": Transform(_yoy_change, compares_year_earlier=True),
    "ytd": Transform(_year_to_date),
    "ytd_yoy_pct": Transform(_ytd_yoy_pct, compares_year_earlier=True),
    "moving_average": Transform(_moving_average, defaults=lambda series: {"window": 3}),
    "rebase": Transform(
        _rebase, defaults=lambda series: {"base_period": series.first_valid_index()}
    ),
    "log": Transform(_log),
}
"""Units transformations by name.

- ``level``: the values as published.
- ``change``: difference from the previous period.
- ``pct_change``: % change from the previous period.
- ``yoy_pct``: % change from the same period a year earlier (found by label, so a missing
  period a year earlier gives NaN).
- ``yoy_change``: difference from the same period a year earlier.
- ``ytd``: cumulative sum from January (or Q1) of each year; once a period of the year is
  missing, the rest of that year is NaN.
- ``ytd_yoy_pct``: the year-to-date sum as % change from the year-to-date sum to the same
  period a year earlier, as GSO reports "cộng dồn ... so với cùng kỳ năm trước".
- ``moving_average`` (``window``, default 3): trailing mean of the last ``window`` periods,
  NaN unless all of them are present.
- ``rebase`` (``base_period``, default the first observed period): index, base period = 100.
- ``log``: natural logarithm; every value must be above 0.
"""


def _transform_named(name: str) -> Transform:
    try:
        return TRANSFORMS[name]
    except KeyError:
        known = ", ".join(TRANSFORMS)
        raise InputError(
            "error.transform_unknown",
            f"transformation {name} is not one of {known}",
            transform=name,
            known=known,
        ) from None


def _resolve_parameters(
    transform: Transform, name: str, series: pd.Series, params: dict[str, Any]
) -> dict[str, Any]:
    defaults = transform.defaults(series)
    unknown = sorted(set(params) - set(defaults))
    if unknown:
        raise InputError(
            "error.transform_parameter_unknown",
            f"transformation {name} has no parameter {unknown[0]}",
            transform=name,
            parameter=unknown[0],
        )
    return {**defaults, **params}


def _display(value: Any) -> Any:
    return period_label(value) if isinstance(value, pd.Period) else value


def _apply(
    series: pd.Series, name: str, series_name: str | None, params: dict[str, Any]
) -> tuple[pd.Series, Step]:
    transform = _transform_named(name)
    named = series if series_name is None else series.rename(series_name)
    resolved = _resolve_parameters(transform, name, named, params)
    if transform.compares_year_earlier:
        observations = int(named.notna().sum())
        if observations <= _periods_per_year(named):
            code = _series_code(named)
            raise InputError(
                "error.transform_needs_year",
                "a change on the same period last year needs more than a year of data; "
                f"{code} has {observations} periods",
                code=code,
                n=observations,
            )
    result = transform.function(named, **resolved).rename(series.name)
    return result, describe_transform(name, **resolved)


def apply_transform(
    series: pd.Series, name: str, *, series_name: str | None = None, **params: Any
) -> pd.Series:
    """Apply the transformation ``name`` of :data:`TRANSFORMS` to ``series``.

    Parameters
    ----------
    series:
        Values on a ``PeriodIndex`` of months, quarters or years.
    name:
        A key of :data:`TRANSFORMS`.
    series_name:
        The indicator code that error messages name; defaults to ``series.name``.
    **params:
        Parameters of the transformation (``window``, ``base_period``).

    Returns
    -------
    pd.Series
        On the same index and with the same name as ``series``.

    Raises
    ------
    InputError
        ``error.transform_unknown``, ``error.transform_parameter_unknown``,
        ``error.transform_needs_year`` (year-on-year with a year or less of data), and the errors
        of each transformation (``error.window_invalid``, ``error.rebase_base_missing``,
        ``error.rebase_base_zero``, ``error.series_empty``, ``error.log_nonpositive``).
    """
    return _apply(series, name, series_name, params)[0]


def describe_transform(name: str, **params: Any) -> Step:
    """Say what ``apply_transform(series, name, **params)`` does, as a translation key.

    The key is ``"transform.<name>"``; periods in ``params`` become canonical labels.

    Raises
    ------
    InputError
        ``error.transform_unknown`` if ``name`` is not in :data:`TRANSFORMS`.
    """
    _transform_named(name)
    return Step(f"transform.{name}", {key: _display(value) for key, value in params.items()})


AGGREGATIONS: dict[str, Callable[[SeriesGroupBy], pd.Series]] = {
    "mean": SeriesGroupBy.mean,
    "sum": SeriesGroupBy.sum,
    "last": SeriesGroupBy.last,
}
"""Frequency aggregations by name: average, sum, and end of period."""


def aggregate(series: pd.Series, to_freq: str, how: str) -> pd.Series:
    """Aggregate ``series`` to the lower frequency ``to_freq`` (M to Q, M to Y, Q to Y).

    As in FRED, an incomplete period gives no aggregate rather than a misleading one: a target
    period is emitted only when every source period in it is present (a quarter needs its three
    months). Absent and NaN source values count as missing.

    Parameters
    ----------
    series:
        Values on a ``PeriodIndex`` of months, quarters or years.
    to_freq:
        ``"M"``, ``"Q"`` or ``"Y"`` (``"A"`` is read as ``"Y"``). The frequency of ``series``
        itself returns it unchanged.
    how:
        ``"mean"``, ``"sum"`` or ``"last"`` (the value of the period's last source period).

    Returns
    -------
    pd.Series
        On a ``PeriodIndex`` of ``to_freq``, with the name of ``series``.

    Raises
    ------
    InputError
        ``error.aggregation_unknown`` for another ``how``; ``error.frequency_unknown``;
        ``error.aggregate_up`` if ``to_freq`` is a higher frequency than the series'.
    """
    if how not in AGGREGATIONS:
        known = ", ".join(AGGREGATIONS)
        raise InputError(
            "error.aggregation_unknown",
            f"aggregation {how} is not one of {known}",
            how=how,
            known=known,
        )
    source_freq, target_freq = frequency_of(series.index), normalise_frequency(to_freq)
    if source_freq == target_freq:
        return series.copy()
    sources_per_target = PERIODS_PER_YEAR[source_freq] // PERIODS_PER_YEAR[target_freq]
    if sources_per_target == 0:
        raise InputError(
            "error.aggregate_up",
            f"cannot aggregate from frequency {source_freq} to the higher frequency "
            f"{target_freq}; aggregation only goes to a lower frequency",
            from_freq=source_freq,
            to_freq=target_freq,
        )
    observed = series.dropna()
    groups = observed.groupby(observed.index.asfreq(target_freq))
    complete = groups.size() == sources_per_target
    return AGGREGATIONS[how](groups)[complete].rename(series.name)


def transform_pipeline(
    series: pd.Series,
    *,
    freq: str | None = None,
    how: str = "mean",
    transform: str = "level",
    series_name: str | None = None,
    **params: Any,
) -> tuple[pd.Series, list[Step]]:
    """Aggregate, then transform (FRED's order of processing), and list what was applied.

    Parameters
    ----------
    series:
        Values on a ``PeriodIndex`` of months, quarters or years.
    freq:
        Frequency to aggregate to with ``how`` (see :func:`aggregate`); None keeps the series'.
    how:
        Aggregation method, ``"mean"``, ``"sum"`` or ``"last"``.
    transform:
        A key of :data:`TRANSFORMS`.
    series_name:
        The indicator code that error messages name; defaults to ``series.name``.
    **params:
        Parameters of the transformation.

    Returns
    -------
    tuple[pd.Series, list[Step]]
        The result, and the steps that changed the data: ``aggregate.<how>`` with ``from_freq``
        and ``to_freq`` when the frequency changed, then ``transform.<name>`` with its resolved
        parameters unless the transformation is ``level``.

    Raises
    ------
    InputError
        As :func:`aggregate` and :func:`apply_transform`.
    """
    steps: list[Step] = []
    aggregated = series
    source_freq = frequency_of(series.index)
    target_freq = source_freq if freq is None else normalise_frequency(freq)
    if target_freq != source_freq:
        aggregated = aggregate(series, target_freq, how)
        steps.append(Step(f"aggregate.{how}", {"from_freq": source_freq, "to_freq": target_freq}))
    result, step = _apply(aggregated, transform, series_name, params)
    if transform != "level":
        steps.append(step)
    return result, steps

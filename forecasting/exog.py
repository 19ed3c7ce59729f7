"""Builders of regressors (exogenous dummies) for models that take them, such as ARIMA.

A regressor table is a DataFrame on a ``PeriodIndex`` that covers the history *and* the forecast
horizon (a dummy is known in advance). The lab builds outlier dummies: 1 in one period (a pulse)
or over a span (a temporary shift, e.g. 2020-2021).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from forecasting.errors import ForecastError


def future_index(index: pd.PeriodIndex, horizon: int) -> pd.PeriodIndex:
    """``index`` followed by the ``horizon`` periods after it."""
    return index.append(pd.period_range(index[-1] + 1, periods=horizon, freq=index.freq))


def _period(value: object, index: pd.PeriodIndex) -> pd.Period:
    try:
        period = pd.Period(value, freq=index.freq)
    except ValueError:  # pandas' verdict on the value (DateParseError is one)
        period = pd.NaT
    if period is pd.NaT:  # also what pandas makes of "" and None
        raise ForecastError(
            "forecast.bad_period",
            f"{value!r} is not a period of frequency {index.freqstr}",
            value=repr(value),
        )
    return period


def outlier_dummies(
    index: pd.PeriodIndex, periods: Iterable[str | pd.Period | tuple[object, object]]
) -> pd.DataFrame:
    """One column per outlier: 1 at a period, or over ``(start, end)`` inclusive, else 0.

    Examples
    --------
    ``outlier_dummies(index, ["2020-04", ("2021-07", "2021-09")])`` gives columns
    ``outlier_2020-04`` and ``outlier_2021-07_2021-09``.
    """
    columns = {}
    for item in periods:
        if isinstance(item, tuple):
            start, end = (_period(p, index) for p in item)
            name = f"outlier_{start}_{end}"
        else:
            start = end = _period(item, index)
            name = f"outlier_{start}"
        columns[name] = ((index >= start) & (index <= end)).astype(float)
    return pd.DataFrame(columns, index=index)

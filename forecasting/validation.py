"""Checks on the series and the parameters of a forecast request, before any model is fitted.

A series to forecast is a ``pd.Series`` of numbers on a regular calendar: a ``PeriodIndex`` (or a
``DatetimeIndex`` that carries a frequency), no missing period and no missing value. The checks
return a clean copy (float values on a ``PeriodIndex``) and the season length that the frequency
implies, or raise :class:`~forecasting.errors.ForecastError` naming the series and the rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from forecasting.errors import ForecastError, series_label

#: Observations per year for the frequencies the Cockpit stores (the seasonal cycle length).
SEASON_LENGTHS: dict[str, int] = {"Y": 1, "A": 1, "Q": 4, "M": 12, "W": 52, "D": 7, "B": 5}


def season_length(index: pd.PeriodIndex) -> int:
    """Return the number of periods in one seasonal cycle for the index's frequency (1 if none)."""
    code = index.freqstr.split("-")[0].upper()
    for prefix, length in SEASON_LENGTHS.items():
        if code.startswith(prefix):
            return length
    return 1


def check_series(y: pd.Series) -> pd.Series:
    """Return ``y`` as floats on a ``PeriodIndex``; raise if it is not a regular, complete series.

    Raises
    ------
    ForecastError
        ``forecast.not_series`` / ``forecast.no_frequency`` / ``forecast.gaps`` /
        ``forecast.missing_values`` / ``forecast.not_numeric``.
    """
    if not isinstance(y, pd.Series):
        raise ForecastError(
            "forecast.not_series",
            f"a forecast needs a pandas Series with a time index, got {type(y).__name__}",
            kind=type(y).__name__,
        )
    label = series_label(y.name)
    index = y.index
    if isinstance(index, pd.DatetimeIndex):
        freq = index.freq or (pd.infer_freq(index) if len(index) >= 3 else None)
        if freq is None:
            raise ForecastError(
                "forecast.no_frequency",
                f"{label} has dates without a frequency: give it a PeriodIndex or a "
                "DatetimeIndex with a freq (monthly, quarterly, yearly)",
                series=y.name,
            )
        index = index.to_period(freq)
    elif not isinstance(index, pd.PeriodIndex):
        raise ForecastError(
            "forecast.no_frequency",
            f"{label} is indexed by {type(index).__name__}: give it a PeriodIndex or a "
            "DatetimeIndex with a freq (monthly, quarterly, yearly)",
            series=y.name,
        )
    if not pd.api.types.is_numeric_dtype(y.dtype):
        raise ForecastError(
            "forecast.not_numeric",
            f"{label} holds {y.dtype} values; a forecast needs numbers",
            series=y.name,
        )
    if index.has_duplicates or not index.is_monotonic_increasing:
        raise ForecastError(
            "forecast.unordered",
            f"{label} has repeated or unordered periods; sort it and keep one value per period",
            series=y.name,
        )
    if len(index) > 1:
        full = pd.period_range(index[0], index[-1], freq=index.freq)
        missing = full.difference(index)
        if len(missing):
            shown = ", ".join(str(p) for p in missing[:5]) + (" ..." if len(missing) > 5 else "")
            raise ForecastError(
                "forecast.gaps",
                f"{label} has gaps: {len(missing)} period(s) missing ({shown}); a forecast "
                "needs every period between the first and the last",
                series=y.name,
                missing=shown,
                count=len(missing),
            )
    values = y.to_numpy(dtype=float)
    if np.isnan(values).any():
        missing = [str(p) for p in index[np.isnan(values)][:5]]
        raise ForecastError(
            "forecast.missing_values",
            f"{label} has missing values at {', '.join(missing)}; a forecast needs a value "
            "for every period",
            series=y.name,
            missing=", ".join(missing),
        )
    if np.isinf(values).any():
        raise ForecastError(
            "forecast.not_numeric",
            f"{label} has infinite values; a forecast needs finite numbers",
            series=y.name,
        )
    return pd.Series(values, index=index, name=y.name)


def check_length(y: pd.Series, minimum: int, method: str, why: str = "") -> None:
    """Raise ``forecast.too_short`` unless ``y`` has at least ``minimum`` observations."""
    if len(y) < minimum:
        reason = f" ({why})" if why else ""
        raise ForecastError(
            "forecast.too_short",
            f"{series_label(y.name)} has {len(y)} observations; method '{method}' needs at "
            f"least {minimum}{reason}",
            series=y.name,
            n=len(y),
            minimum=minimum,
            method=method,
        )


def check_not_constant(y: pd.Series) -> None:
    """Raise ``forecast.constant`` if every value of ``y`` is the same: nothing to estimate."""
    values = y.to_numpy()
    if len(values) and np.ptp(values) == 0:
        raise ForecastError(
            "forecast.constant",
            f"{series_label(y.name)} is constant (every value is {values[0]:g}); there is no "
            "variation to estimate a model from",
            series=y.name,
            value=float(values[0]),
        )


def check_positive(y: pd.Series, what: str) -> None:
    """Raise ``forecast.not_positive`` if ``y`` has a value <= 0, which ``what`` cannot handle."""
    values = y.to_numpy()
    if len(values) and values.min() <= 0:
        where = y.index[int(np.argmin(values))]
        raise ForecastError(
            "forecast.not_positive",
            f"{series_label(y.name)} has a non-positive value ({values.min():g} at {where}); "
            f"{what} needs every value above zero",
            series=y.name,
            value=float(values.min()),
            period=str(where),
            what=what,
        )


def check_horizon(horizon: object) -> int:
    """Return the horizon as an int, or raise ``forecast.bad_horizon`` if not a positive integer."""
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise ForecastError(
            "forecast.bad_horizon",
            f"the horizon must be a positive whole number of periods, got {horizon!r}",
            horizon=repr(horizon),
        )
    return int(horizon)


def check_levels(levels: Iterable[object]) -> tuple[int, ...]:
    """Return the interval levels as sorted ints, or raise ``forecast.bad_level``."""
    checked = []
    for level in levels:
        if (
            isinstance(level, bool)
            or not isinstance(level, int | float | np.integer | np.floating)
            or not 0 < level < 100
            or float(level) != int(level)
        ):
            raise ForecastError(
                "forecast.bad_level",
                f"prediction interval level {level!r} must be a whole percentage between 1 "
                "and 99, like 80 or 95",
                level=repr(level),
            )
        checked.append(int(level))
    return tuple(sorted(set(checked)))


def check_parameters(method: str, params: Mapping[str, Any], accepted: Iterable[str]) -> None:
    """Raise ``forecast.unknown_parameter`` for a parameter the method does not take."""
    allowed = sorted(accepted)
    for name in params:
        if name not in allowed:
            raise ForecastError(
                "forecast.unknown_parameter",
                f"unknown parameter '{name}' for method '{method}'; it accepts: "
                f"{', '.join(allowed) if allowed else 'no parameters'}",
                parameter=name,
                method=method,
                accepted=", ".join(allowed),
            )


def check_choice(method: str, name: str, value: object, choices: Iterable[object]) -> None:
    """Raise ``forecast.bad_parameter`` unless ``value`` is one of ``choices``."""
    options = list(choices)
    if value not in options:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter '{name}' of method '{method}' must be one of "
            f"{', '.join(repr(o) for o in options)}, got {value!r}",
            parameter=name,
            method=method,
            value=repr(value),
        )


def check_whole(method: str, name: str, value: object, minimum: int) -> int:
    """Return ``value`` as an int, or raise ``forecast.bad_parameter`` unless it is >= minimum."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter '{name}' of method '{method}' must be a whole number of at least "
            f"{minimum}, got {value!r}",
            parameter=name,
            method=method,
            value=repr(value),
        )
    return int(value)

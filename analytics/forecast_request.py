"""A forecast request in the Cockpit's terms: which series to forecast, and the analyst's settings.

The *target* of a forecast is an indicator in one transformation (``level``, ``yoy_pct`` ...), as
:func:`analytics.transforms.transform_pipeline` computes it. A forecast needs every period between
its first and last value, so the target is cut to its last unbroken stretch
(:func:`unbroken_tail`): an old gap in the published record does not stop a forecast of today.

The analyst's *settings* are plain JSON-friendly values, so that they can be saved and reused by the
monthly batch: the method's own parameters (``trend``, ``order`` ...), ``boxcox``, ``window`` and
``outliers`` (periods or ``[start, end]`` spans that get a dummy regressor).
:func:`forecast_arguments` turns them into the keyword arguments of ``forecasting.forecast``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from analytics.transforms import transform_pipeline
from domain.errors import InputError
from domain.periods import parse_period, period_label
from domain.vocabulary import Frequency
from domain.whole_numbers import plain_whole
from forecasting.exog import future_index, outlier_dummies

TARGET_TRANSFORMS: tuple[str, ...] = ("level", "yoy_pct", "pct_change", "yoy_change", "change")
"""The transformations a forecast can be made (and published) in."""

DEFAULT_HORIZONS: dict[Frequency, int] = {
    Frequency.MONTH: 12,
    Frequency.QUARTER: 8,
    Frequency.YEAR: 3,
}
"""Periods ahead a forecast covers unless the analyst says otherwise, by frequency."""

SPAN_SEPARATOR = re.compile(r"\s*(?:\.\.|–|—)\s*")
Outlier = str | tuple[str, str]


def unbroken_tail(series: pd.Series) -> pd.Series:
    """The values of ``series`` after its last gap (a missing period or a missing value).

    ``series`` is on a sorted ``PeriodIndex``; the result has a value for every period from its
    first to its last.
    """
    observed = series.dropna()
    if observed.empty:
        return observed
    every = pd.period_range(observed.index[0], observed.index[-1], freq=observed.index.freq)
    missing = every.difference(observed.index)
    if len(missing):
        observed = observed[observed.index > missing[-1]]
    return observed


def prepare_target(raw: pd.Series, target_transform: str, code: str) -> pd.Series:
    """The series to forecast: ``raw`` in ``target_transform``, cut to its last unbroken stretch.

    Raises
    ------
    InputError
        The transformation's errors (``error.transform_needs_year`` ...), and
        ``error.series_empty`` if nothing is left to forecast.
    """
    values, _ = transform_pipeline(raw, transform=target_transform, series_name=code)
    target = unbroken_tail(values).astype(float).rename(code)
    if target.empty:
        raise InputError("error.series_empty", f"{code} has no observations", code=code)
    return target


def parse_outliers(text: str, freq: str | None = None) -> list[Outlier]:
    """Read outlier periods as typed: ``"2020-02..2021-12, 2008-05"`` (spans with ``..`` or ``–``).

    Returns canonical labels: a period, or a ``(start, end)`` pair for a span.

    Raises
    ------
    InputError
        The period parser's errors for a label that is not a period (of ``freq``, if given), and
        ``lab.error.outlier_reversed`` for a span that ends before it starts.
    """
    outliers: list[Outlier] = []
    for item in filter(None, (part.strip() for part in re.split(r"[,;\n]", text or ""))):
        ends = SPAN_SEPARATOR.split(item)
        if len(ends) == 1:
            outliers.append(period_label(parse_period(ends[0], freq)))
            continue
        if len(ends) != 2:
            raise InputError(
                "lab.error.outlier_unreadable",
                f"{item} is not a period or a span like 2020-02..2021-12",
                text=item,
            )
        start, end = (parse_period(end, freq) for end in ends)
        if start.freq != end.freq or end < start:
            raise InputError(
                "lab.error.outlier_reversed",
                f"the span {item} ends before it starts",
                start=period_label(start),
                end=period_label(end),
            )
        outliers.append((period_label(start), period_label(end)))
    return outliers


def format_outliers(outliers: Sequence[Outlier | Sequence[str]]) -> str:
    """Write outliers the way :func:`parse_outliers` reads them."""
    return ", ".join(
        item if isinstance(item, str) else f"{item[0]}..{item[1]}" for item in outliers
    )


def parse_order(text: str, name: str) -> list[int] | None:
    """Read an ARIMA order as typed, ``"1,1,0"`` (or ``"1 1 0"``); empty means "search for it".

    Raises
    ------
    InputError
        ``lab.error.order_unreadable`` unless it is three whole numbers of at least 0.
    """
    parts = [part for part in re.split(r"[\s,;()]+", text or "") if part]
    if not parts:
        return None
    order = [plain_whole(part) for part in parts]
    if len(order) != 3 or None in order:
        raise InputError(
            "lab.error.order_unreadable",
            f"{name} {text} is not three whole numbers like 1,1,0",
            name=name,
            text=text,
        )
    return [number for number in order if number is not None]


def forecast_arguments(
    settings: Mapping[str, Any], index: pd.PeriodIndex, horizon: int
) -> dict[str, Any]:
    """The keyword arguments of ``forecasting.forecast`` that ``settings`` stand for.

    Unset settings (``None``) are left out, so the method searches over them; ``outliers`` become
    ``exog``, one dummy column per period or span, over ``index`` and ``horizon`` more periods.
    """
    arguments = {
        name: value
        for name, value in settings.items()
        if name != "outliers" and value is not None and value != []
    }
    outliers = [o if isinstance(o, str) else tuple(o) for o in settings.get("outliers") or []]
    if outliers:
        arguments["exog"] = outlier_dummies(future_index(index, horizon), outliers)
    return arguments

"""A real-time forecast record: forecasts made from the data *as known on each date*, scored
against what was published later.

A *vintaged table* holds every release ever recorded of an indicator's periods, as
``data.repository.vintages`` returns them (with ``indicator_code`` when it holds several
indicators): ``period_start``, ``value``, ``status`` and ``vintage``, the day the release became
known. The series *as known on a day* takes, for each period, its release with the latest vintage on
or before that day, a stronger status winning a tie (``domain.vocabulary.Status.rank``): what
``data.repository.observations(as_of=...)`` selects in the database.

An *origin* is a period of the series' own frequency from a start on: the forecast is made on the
origin's last day from the series as known then, as the monthly batch (``jobs.forecast_batch``)
forecasts a month from the data known at its end, and cut to its last unbroken stretch
(:func:`analytics.forecast_request.unbroken_tail`) as every forecast of the Cockpit is. An origin
is left out, and kept in the origins table with its reason, when the origin period's own value was
not known by that day (:data:`NOT_RELEASED`: for GSO's monthly report, the month's first estimate
carries no release date in the data) or when the unbroken stretch is shorter than ``min_length``
(:data:`TOO_SHORT`). Nothing is filled.

The forecasts of the ``horizon`` periods after each origin are scored against two outcomes: the
period's *first release* (its earliest vintage in the table) and its *latest* one. The MASE divides
each absolute error by the mean absolute error of the seasonal naive forecast inside the series as
known at that origin (M4's scaling), so each origin is scaled by what was known then. A method that
gives prediction bands (:class:`Bands`) is also scored on them: the share of outcomes inside each
band (its empirical coverage) and the mean scaled interval score (MSIS, M4's: the band's width plus
2/α times each miss, over the same scale).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analytics.forecast_request import unbroken_tail
from analytics.vintages import revision_history
from domain.vocabulary import Frequency, Status
from forecasting.conformal import interval_scores

RECORD_HORIZONS: dict[Frequency, int] = {Frequency.MONTH: 3, Frequency.QUARTER: 2}
"""Periods ahead a real-time record scores, by frequency: the next quarter of months, the next
half-year of quarters (the periods a meeting decides on; further out, few origins are left)."""

OUTCOMES: tuple[str, ...] = ("first", "latest")
REAL_TIME = "real_time"
NOT_RELEASED = "not_released"
TOO_SHORT = "too_short"

ORIGIN_COLUMNS = [
    "origin",
    "as_of",
    "status",
    "released_on",
    "release_status",
    "history_start",
    "length",
]
RECORD_COLUMNS = [
    "origin",
    "period",
    "horizon",
    "method",
    "forecast",
    "outcome_first",
    "outcome_latest",
    "scale",
    *(f"{side}_{level}" for level in (80, 95) for side in ("lower", "upper")),
]
SUMMARY_COLUMNS = [
    "method",
    "horizon",
    "outcome",
    "n",
    "candidates",
    "share",
    "bias",
    "mae",
    "rmse",
    "mase",
    *(f"{score}_{level}" for level in (80, 95) for score in ("coverage", "msis")),
]
BAND_LEVELS: tuple[int, ...] = (80, 95)
"""The prediction band levels (percent) a record keeps and scores, as the Cockpit draws them."""


@dataclass(frozen=True)
class Bands:
    """A forecaster's point forecasts with its prediction bands, bounds per level in percent."""

    mean: np.ndarray
    lower: Mapping[int, np.ndarray]
    upper: Mapping[int, np.ndarray]


Forecaster = Callable[[pd.Series, int], Sequence[float] | np.ndarray | pd.Series | Bands]
"""A forecasting method: the series as known at an origin and a horizon in, that many point
forecasts of the periods after the series' last one out (NaN where the method could not), with
its prediction bands at :data:`BAND_LEVELS` when it gives :class:`Bands`."""

_RANK = {status.value: status.rank for status in Status}


def releases(rows: pd.DataFrame, code: str | None = None) -> pd.DataFrame:
    """The releases of one indicator in the order they were made: by period, vintage, status.

    Parameters
    ----------
    rows:
        A vintaged table (``period_start``, ``value``, ``status``, ``vintage``; ``indicator_code``
        when it holds several indicators).
    code:
        The indicator to keep, when ``rows`` has an ``indicator_code`` column.
    """
    if code is not None and "indicator_code" in rows:
        rows = rows[rows["indicator_code"] == code]
    ordered = pd.DataFrame(
        {
            "period_start": pd.to_datetime(rows["period_start"]),
            "value": rows["value"].astype(float),
            "status": rows["status"].astype(str),
            "vintage": pd.to_datetime(rows["vintage"]),
            "rank": rows["status"].map(_RANK).fillna(-1),
        }
    )
    ordered = ordered.sort_values(["period_start", "vintage", "rank"], kind="stable")
    return ordered.drop(columns="rank").reset_index(drop=True)


def _periods(starts: pd.Series, frequency: Frequency) -> pd.PeriodIndex:
    return pd.PeriodIndex(pd.to_datetime(starts), freq=frequency.pandas)


def as_known(ordered: pd.DataFrame, as_of: dt.date, frequency: Frequency) -> pd.DataFrame:
    """Each period's release as known on ``as_of``: ``value``, ``status`` and ``vintage`` on a
    ``PeriodIndex``; periods with no release by then are absent.

    ``ordered`` is :func:`releases`' table, so the last row of a period is its newest release.
    """
    known = ordered[ordered["vintage"] <= pd.Timestamp(as_of)]
    latest = known.groupby("period_start", sort=True).tail(1)
    return latest.set_index(_periods(latest["period_start"], frequency))[
        ["value", "status", "vintage"]
    ]


def first_and_latest(ordered: pd.DataFrame, frequency: Frequency) -> pd.DataFrame:
    """Each period's first release and latest release (``first``, ``latest``, ``first_vintage``)
    on a ``PeriodIndex``, from :func:`releases`' table."""
    history = revision_history(ordered)
    return pd.DataFrame(
        {
            "first": history["first_value"].astype(float).to_numpy(),
            "latest": history["latest_value"].astype(float).to_numpy(),
            "first_vintage": pd.to_datetime(history["first_vintage"]).to_numpy(),
        },
        index=_periods(history["period_start"], frequency),
    )


def series_at(ordered: pd.DataFrame, origin: pd.Period, frequency: Frequency) -> pd.Series:
    """The series as known on the last day of ``origin``, up to ``origin``, cut to its last
    unbroken stretch: what a forecast made at that origin starts from."""
    known = as_known(ordered, origin.end_time.date(), frequency)["value"]
    return unbroken_tail(known[known.index <= origin]).astype(float)


def seasonal_naive_scale(values: pd.Series | np.ndarray, season_length: int) -> float:
    """The mean absolute error of the seasonal naive forecast inside ``values`` (the naive one
    when ``season_length`` is 1): the MASE's denominator; NaN when there are too few values."""
    array = np.asarray(values, dtype=float)
    if len(array) <= season_length:
        return float("nan")
    return float(np.mean(np.abs(array[season_length:] - array[:-season_length])))


def origin_table(
    ordered: pd.DataFrame, frequency: Frequency, start: pd.Period, min_length: int
) -> pd.DataFrame:
    """Every candidate origin from ``start`` to the period before the last one released, and
    whether a real-time forecast could be made at it (:data:`ORIGIN_COLUMNS`).

    ``status`` is :data:`REAL_TIME`, :data:`NOT_RELEASED` (the origin's own value was not known on
    its last day) or :data:`TOO_SHORT` (the unbroken history known then is shorter than
    ``min_length``); ``released_on`` is the first vintage of the origin's value in the table (NaT
    if it has none), ``release_status`` the status of the value known at the origin.
    """
    outcomes = first_and_latest(ordered, frequency)
    if outcomes.empty:
        return pd.DataFrame(columns=ORIGIN_COLUMNS)
    candidates = pd.period_range(start, outcomes.index.max() - 1, freq=frequency.pandas)
    rows: list[dict[str, Any]] = []
    for origin in candidates:
        as_of = origin.end_time.date()
        known = as_known(ordered, as_of, frequency)
        released_on = outcomes.loc[origin, "first_vintage"] if origin in outcomes.index else pd.NaT
        row = {
            "origin": origin,
            "as_of": as_of,
            "status": NOT_RELEASED,
            "released_on": released_on,
            "release_status": None,
            "history_start": None,
            "length": 0,
        }
        if origin in known.index:
            history = series_at(ordered, origin, frequency)
            row.update(
                status=REAL_TIME if len(history) >= min_length else TOO_SHORT,
                release_status=known.loc[origin, "status"],
                history_start=history.index[0],
                length=len(history),
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=ORIGIN_COLUMNS)


def record(
    ordered: pd.DataFrame,
    origins: pd.DataFrame,
    frequency: Frequency,
    forecasters: Mapping[str, Forecaster],
    horizon: int | None = None,
    name: str | None = None,
) -> pd.DataFrame:
    """Forecast from every real-time origin with every method; the long table
    :data:`RECORD_COLUMNS`, one row per origin, method and period ahead.

    Parameters
    ----------
    ordered:
        :func:`releases`' table of the indicator.
    origins:
        :func:`origin_table` of the same table; only its :data:`REAL_TIME` origins are forecast.
    forecasters:
        Method name -> :data:`Forecaster`.
    horizon:
        Periods ahead; :data:`RECORD_HORIZONS` of ``frequency`` by default.
    name:
        The series' name as the forecasters see it (an indicator code).

    Raises
    ------
    ValueError
        When a forecaster returns a number of forecasts other than ``horizon``.
    """
    horizon = horizon or RECORD_HORIZONS[frequency]
    outcomes = first_and_latest(ordered, frequency)
    season = frequency.periods_per_year
    rows: list[dict[str, Any]] = []
    for origin in origins.loc[origins["status"] == REAL_TIME, "origin"]:
        history = series_at(ordered, origin, frequency).rename(name)
        scale = seasonal_naive_scale(history, season)
        periods = pd.period_range(origin + 1, periods=horizon, freq=frequency.pandas)
        for method, forecaster in forecasters.items():
            given = forecaster(history, horizon)
            values = np.asarray(given.mean if isinstance(given, Bands) else given, dtype=float)
            if values.shape != (horizon,):
                raise ValueError(
                    f"{method} gave {values.size} forecasts at origin {origin}, not {horizon}"
                )
            bounds = _bounds(given, horizon)
            for step, (period, value) in enumerate(zip(periods, values, strict=True), start=1):
                known = period in outcomes.index
                rows.append(
                    {
                        "origin": origin,
                        "period": period,
                        "horizon": step,
                        "method": method,
                        "forecast": float(value),
                        "outcome_first": outcomes.loc[period, "first"] if known else np.nan,
                        "outcome_latest": outcomes.loc[period, "latest"] if known else np.nan,
                        "scale": scale,
                        **{column: bound[step - 1] for column, bound in bounds.items()},
                    }
                )
    return pd.DataFrame(rows, columns=RECORD_COLUMNS)


def _bounds(given: object, horizon: int) -> dict[str, np.ndarray]:
    """The record's band columns of one forecast: NaN for a method without bands."""
    bounds = {}
    for level in BAND_LEVELS:
        for side in ("lower", "upper"):
            found = getattr(given, side, {}).get(level) if isinstance(given, Bands) else None
            bounds[f"{side}_{level}"] = (
                np.full(horizon, np.nan) if found is None else np.asarray(found, dtype=float)
            )
    return bounds


def band_scores(part: pd.DataFrame, outcome: str) -> dict[str, float]:
    """Coverage and MSIS of each band level over the rows of ``part`` that have that band:
    the share of outcomes inside [lower, upper], and the mean of (width + 2/α × the miss) over
    each row's ``scale``. NaN where no row has the band."""
    scores = {}
    actual = part[outcome].to_numpy(float)
    for level in BAND_LEVELS:
        lower, upper = (part[f"{side}_{level}"].to_numpy(float) for side in ("lower", "upper"))
        has = ~(np.isnan(lower) | np.isnan(upper))
        if not has.any():
            scores[f"coverage_{level}"] = scores[f"msis_{level}"] = np.nan
            continue
        y, lo, hi, scale = actual[has], lower[has], upper[has], part["scale"].to_numpy(float)[has]
        scores[f"coverage_{level}"] = float(np.mean((y >= lo) & (y <= hi)))
        scores[f"msis_{level}"] = float(np.mean(interval_scores(y, lo, hi, level) / scale))
    return scores


def summarise(
    forecasts: pd.DataFrame, origins: pd.DataFrame, released: pd.PeriodIndex, common: bool = True
) -> pd.DataFrame:
    """Scores per method, horizon and outcome (:data:`SUMMARY_COLUMNS`).

    ``bias`` is the mean of outcome − forecast (positive: forecasts too low), ``mae`` and ``rmse``
    the mean absolute and root mean squared errors, ``mase`` the mean of each absolute error over
    its origin's ``scale``; ``coverage_*`` and ``msis_*`` score the bands (:func:`band_scores`).
    ``n`` counts the origins scored, ``candidates`` the origins of
    ``origins`` (of any status) whose period that far ahead is in ``released``, and ``share`` is
    ``n / candidates``. With ``common`` an origin is scored only where every method forecast it,
    so that the methods are compared on the same origins.
    """
    rows: list[dict[str, Any]] = []
    if forecasts.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    methods = list(dict.fromkeys(forecasts["method"]))
    for outcome in OUTCOMES:
        column = f"outcome_{outcome}"
        scored = forecasts[forecasts["forecast"].notna() & forecasts[column].notna()]
        if common:
            counts = scored.groupby(["origin", "horizon"])["method"].transform("nunique")
            scored = scored[counts == len(methods)]
        for step in sorted(forecasts["horizon"].unique()):
            candidates = int(sum((origin + int(step)) in released for origin in origins["origin"]))
            for method in methods:
                part = scored[(scored["method"] == method) & (scored["horizon"] == step)]
                errors = (part[column] - part["forecast"]).to_numpy(float)
                n = len(errors)
                rows.append(
                    {
                        "method": method,
                        "horizon": int(step),
                        "outcome": outcome,
                        "n": n,
                        "candidates": candidates,
                        "share": n / candidates if candidates else np.nan,
                        "bias": float(np.mean(errors)) if n else np.nan,
                        "mae": float(np.mean(np.abs(errors))) if n else np.nan,
                        "rmse": float(np.sqrt(np.mean(errors**2))) if n else np.nan,
                        "mase": float(np.mean(np.abs(errors) / part["scale"].to_numpy(float)))
                        if n
                        else np.nan,
                        **band_scores(part, column),
                    }
                )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def naive(history: pd.Series, horizon: int) -> np.ndarray:
    """The naive forecast: the last value known, for every period ahead."""
    return np.full(horizon, float(history.iloc[-1]))


def seasonal_naive(history: pd.Series, horizon: int) -> np.ndarray:
    """The seasonal naive forecast: each period ahead gets the value of the same period a year
    before (the last ``season`` values repeated); NaN when less than a year is known."""
    season = _season_length(history.index)
    values = history.to_numpy(float)
    if len(values) < season:
        return np.full(horizon, np.nan)
    last_year = values[-season:]
    return np.array([last_year[step % season] for step in range(horizon)])


def _season_length(index: pd.PeriodIndex) -> int:
    return Frequency.parse(index.freqstr[0]).periods_per_year


# --- the shipped record, as the lab shows it -----------------------------------------------------


@dataclass(frozen=True)
class SeriesRecord:
    """One indicator's real-time record as a results file holds it, for a chart and its caption.

    ``scores`` has ``method``, ``horizon``, ``n``, ``mae`` and ``mase`` against ``outcome``;
    ``origins`` counts the real-time origins, ``candidates`` every origin from ``first_origin`` on,
    ``vintages`` says which releases the data had (``"first_only"`` or ``"first_and_restated"``);
    ``frequency`` is the series' (a quarterly record's caption speaks of quarters);
    ``coverage`` is, per band level, the share of ``auto``'s forecasts whose outcome fell inside
    its band, over every horizon (empty when the file scored no band of ``auto``).
    """

    code: str
    scores: pd.DataFrame
    outcome: str
    origins: int
    candidates: int
    first_origin: str
    last_origin: str
    vintages: str
    frequency: Frequency = Frequency.MONTH
    coverage: Mapping[int, float] = field(default_factory=dict)

    @property
    def caption_key(self) -> str:
        """The translation key of the record's caption: its releases, and quarters or months."""
        quarterly = self.frequency == Frequency.QUARTER
        return f"lab.track.realtime.caption.{self.vintages}" + (".quarter" if quarterly else "")


def series_record(
    report: Mapping[str, Any], code: str, outcome: str = "latest"
) -> SeriesRecord | None:
    """The record of ``code`` in a results file's content (``bench/results/realtime.json``), or
    None when the file has none for it (the indicator was not recorded, or had no real-time
    origin)."""
    entry = (report.get("series") or {}).get(code)
    if not entry or not entry.get("recorded"):
        return None
    scores = pd.DataFrame(entry["scores"])
    scores = scores[scores["outcome"] == outcome]
    origins = entry["origins"]
    auto = scores[(scores["method"] == "auto") & (scores["n"] > 0)]
    coverage = {
        level: float(np.average(auto[f"coverage_{level}"], weights=auto["n"]))
        for level in BAND_LEVELS
        if f"coverage_{level}" in auto and len(auto) and auto[f"coverage_{level}"].notna().all()
    }
    return SeriesRecord(
        code=code,
        scores=scores[["method", "horizon", "n", "mae", "mase"]].reset_index(drop=True),
        outcome=outcome,
        origins=int(origins["real_time"]),
        candidates=int(origins["candidates"]),
        first_origin=str(origins["first_real_time"]),
        last_origin=str(origins["last_real_time"]),
        vintages=str(entry["vintages"]),
        frequency=Frequency.parse(entry.get("frequency", Frequency.MONTH.value)),
        coverage=coverage,
    )

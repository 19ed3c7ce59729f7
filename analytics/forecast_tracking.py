"""A track record: past forecasts set against what happened, and their errors by horizon.

A forecast made with data up to its *origin* (the last actual period it saw) says something about
each of the following periods; the *horizon* of a forecast period is how many periods after the
origin it lies (1 for the next month). Once the outcome of a period is published, the forecast has
an *error* (outcome − forecast: positive when the forecast was too low) and the outcome is inside
its 80 % or 95 % interval or not. :func:`errors_by_horizon` sums the errors up per horizon: the
bias (mean error), the mean absolute error, the root mean squared error, and the share of outcomes
inside each interval. Pure pandas; the data layer supplies the runs, their values and the actuals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from domain.periods import parse_period

DETAIL_COLUMNS = [
    "run_id",
    "created_at",
    "author",
    "model",
    "origin_period",
    "period",
    "horizon",
    "forecast",
    "actual",
    "error",
]


def forecast_errors(runs: pd.DataFrame, values: pd.DataFrame, actuals: pd.Series) -> pd.DataFrame:
    """Every forecast period whose outcome is known, with its horizon and error.

    Parameters
    ----------
    runs:
        One row per forecast: ``run_id``, ``origin_period`` (a period label), and any of
        ``created_at``, ``author``, ``model`` to carry along.
    values:
        Wide forecast values: ``run_id``, ``period`` (``pd.Period``), ``point`` and
        ``lower_<level>``/``upper_<level>`` columns.
    actuals:
        The outcomes, on a ``PeriodIndex`` of the runs' frequency, in the runs' transformation.

    Returns
    -------
    pd.DataFrame
        :data:`DETAIL_COLUMNS` plus ``inside_<level>`` for each interval level, one row per run
        and period with an outcome, ordered by run and period.
    """
    levels = sorted(int(c.split("_")[1]) for c in values.columns if c.startswith("lower_"))
    columns = DETAIL_COLUMNS + [f"inside_{level}" for level in levels]
    known = actuals.dropna()
    merged = values.merge(runs, on="run_id")
    merged = merged[merged["period"].isin(known.index)]
    if merged.empty:
        return pd.DataFrame(columns=columns)
    detail = merged.assign(
        forecast=merged["point"].astype(float),
        actual=[float(known[p]) for p in merged["period"]],
        horizon=[
            (period - parse_period(origin, period.freqstr[0])).n
            for period, origin in zip(merged["period"], merged["origin_period"], strict=True)
        ],
    )
    detail["error"] = detail["actual"] - detail["forecast"]
    for level in levels:
        inside = (detail["actual"] >= detail[f"lower_{level}"]) & (
            detail["actual"] <= detail[f"upper_{level}"]
        )
        detail[f"inside_{level}"] = inside.where(detail[f"lower_{level}"].notna())
    for column in ("created_at", "author", "model"):
        if column not in detail:
            detail[column] = None
    return detail[columns].sort_values(["run_id", "period"], ignore_index=True)


def errors_by_horizon(detail: pd.DataFrame) -> pd.DataFrame:
    """Per horizon: ``n``, ``mean_error`` (bias), ``mae``, ``rmse`` and ``coverage_<level>``.

    ``detail`` is the table of :func:`forecast_errors`; coverage is the share (0–1) of outcomes
    inside the interval, over the periods that have one.
    """
    inside_columns = [c for c in detail.columns if c.startswith("inside_")]
    columns = ["horizon", "n", "mean_error", "mae", "rmse"]
    columns += [c.replace("inside_", "coverage_") for c in inside_columns]
    if detail.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for horizon, group in detail.groupby("horizon", sort=True):
        errors = group["error"].to_numpy(dtype=float)
        row = {
            "horizon": int(horizon),
            "n": len(errors),
            "mean_error": float(errors.mean()),
            "mae": float(np.abs(errors).mean()),
            "rmse": float(np.sqrt((errors**2).mean())),
        }
        for column in inside_columns:
            flags = group[column].dropna().astype(float)
            row[column.replace("inside_", "coverage_")] = (
                float(flags.mean()) if len(flags) else float("nan")
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)

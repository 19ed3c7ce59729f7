"""Plausibility: whether a figure typed for an indicator is in line with its recent values, so a
slip of the separators or of a digit (25,95 for 25 950, 45 for 4,5) is caught before it is stored.

The rule is robust, so that one odd month among the recent values does not widen it, and it
asks a person to confirm; it never refuses, since real breaks happen (a policy-rate cut, a
collapse of arrivals). Take the :data:`RECENT_COUNT` observations of the indicator nearest in
time to the period being entered (the period itself left out, so a correction is compared with
its neighbours), and with at least :data:`MIN_COUNT` of them:

- the centre is their median ``m``;
- the spread is ``s = max(1.4826 × MAD, 5 % of |m|)``, where MAD is the median absolute deviation
  (1.4826 × MAD estimates a normal standard deviation). The floor keeps a flat series (a policy
  rate unchanged for a year, MAD = 0) from flagging every change: a rate of 4.5 accepts 2.25 to
  6.75 without asking;
- a value is plausible within ``m ± 10 s``. That is far outside anything a normal series does,
  and a value ten times or a thousand times too large or too small lands outside it: for an
  exchange rate of about 25 950, 259 500, 2 595 and 25.95 all ask for confirmation, 26 500 does
  not.

With fewer than :data:`MIN_COUNT` values there is nothing to compare with, and nothing is
asked. A series of zeros accepts only zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

RECENT_COUNT = 12
"""How many observations near the period the value is compared with."""
MIN_COUNT = 4
"""Fewer observations than this, and no value is questioned."""
TOLERANCE = 10.0
"""How many robust spreads from the median a value may lie before confirmation is asked."""
RELATIVE_FLOOR = 0.05
"""The spread is at least this share of the median's size."""
_MAD_TO_SD = 1.4826


@dataclass(frozen=True)
class PlausibleRange:
    """The values in line with an indicator's recent ones, and what the range was drawn from."""

    low: float
    high: float
    median: float
    count: int

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the range (ends included)."""
        return self.low <= value <= self.high


def plausible_range(values: Iterable[float]) -> PlausibleRange | None:
    """The range of plausible values given recent ``values``, or None if there are too few.

    Missing values are left out. See the module docstring for the rule.
    """
    known = np.asarray([v for v in values if pd.notna(v)], dtype=float)
    if len(known) < MIN_COUNT:
        return None
    median = float(np.median(known))
    mad = float(np.median(np.abs(known - median)))
    spread = max(_MAD_TO_SD * mad, RELATIVE_FLOOR * abs(median))
    return PlausibleRange(
        low=median - TOLERANCE * spread,
        high=median + TOLERANCE * spread,
        median=median,
        count=len(known),
    )


def nearest_values(
    observations: pd.DataFrame,
    period_start: dt.date,
    count: int = RECENT_COUNT,
    *,
    period_column: str = "period_start",
    value_column: str = "value",
) -> list[float]:
    """The values of the ``count`` observations whose periods start nearest to ``period_start``,
    the period itself left out; of two equally near, the earlier comes first.

    Parameters
    ----------
    observations:
        One row per period of one indicator (as ``data.repository.observations`` gives them).
    period_start:
        The first day of the period a value is being entered for.
    """
    starts = pd.to_datetime(observations[period_column])
    at = pd.Timestamp(period_start)
    others = observations.assign(_distance=(starts - at).abs(), _start=starts)
    others = others[others["_start"] != at]
    nearest = others.sort_values(["_distance", "_start"], kind="stable").head(count)
    return nearest[value_column].astype(float).tolist()

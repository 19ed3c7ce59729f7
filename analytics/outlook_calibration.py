"""How well the targets outlook's probabilities did: Brier scores of the probabilities a meeting
would have seen each month of past plan years, beside two simple rules.

- **Brier score**: the mean of ``(p - o)²`` over the probabilities ``p`` given, ``o`` being 1 if
  the year's published outcome met the target and 0 if not; 0 is perfect, lower is better.
- **A coin** (always 50 %) scores 0.25 whatever happens.
- **"The latest figure already meets it"**: probability 1 if the latest figure known that day
  meets the target (the month's y/y CPI rate against the CPI target; the latest quarter's y/y GDP
  growth against the growth target), else 0.

What a meeting knew is taken *pseudo-real-time*: the figures of a month or quarter count as known
from the end of the month after it ends (:data:`PUBLICATION_LAG_MONTHS`; GSO publishes a month's
figures within days of its end, so this errs on the late side). The database keeps the first
releases of the recent years only as one later snapshot, so the values are the latest ones; a
meeting day whose figures the database does not have yet is left out, never filled.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from analytics.targets import Acceptance

PUBLICATION_LAG_MONTHS = 1


def known_on(series: pd.Series, day: dt.date) -> pd.Series:
    """The values of ``series`` (on a ``PeriodIndex``) whose period ended at least
    :data:`PUBLICATION_LAG_MONTHS` whole months before the end of ``day``'s month."""
    last_month_known = pd.Period(day, "M") - PUBLICATION_LAG_MONTHS
    ends = pd.PeriodIndex([p.asfreq("M", how="end") for p in series.index], freq="M")
    return series[ends <= last_month_known]


def expected_last(freq: str, day: dt.date) -> pd.Period:
    """The newest period of ``freq`` that counts as known on ``day``."""
    month = pd.Period(day, "M") - PUBLICATION_LAG_MONTHS
    period = month.asfreq(freq, how="end")
    return period if period.asfreq("M", how="end") <= month else period - 1


def latest_meets(latest_growth: float, rule: Acceptance) -> float:
    """The rule "the latest figure already meets it": 1.0 or 0.0 (NaN if there is no figure)."""
    if latest_growth is None or math.isnan(latest_growth):
        return math.nan
    return float(bool(rule.meets(np.array([latest_growth]))[0]))


def brier(probabilities: np.ndarray, outcomes: np.ndarray) -> float:
    """The Brier score of ``probabilities`` for the 0/1 ``outcomes`` (NaN if there are none)."""
    p = np.asarray(probabilities, dtype=float)
    o = np.asarray(outcomes, dtype=float)
    if p.size == 0:
        return math.nan
    return float(np.mean((p - o) ** 2))


def scores(table: pd.DataFrame) -> dict[str, float]:
    """The three Brier scores of a calibration table (columns ``probability``, ``latest_meets``
    and ``met``), and how many probabilities they rest on."""
    met = table["met"].astype(float).to_numpy()
    return {
        "outlook": brier(table["probability"].to_numpy(), met),
        "coin": brier(np.full(len(table), 0.5), met),
        "latest_meets": brier(table["latest_meets"].to_numpy(), met),
        "count": float(len(table)),
    }

"""The odds of meeting a plan target: from simulated paths of the rest of the year, the year's
outcome computed the way the target is defined, and the share of paths that meet it.

A target's words become an acceptance interval by the rule :func:`analytics.targets.assess`
states (for "about X": a ceiling for a rate the Government wants low, such as CPI; a floor for
growth; a band of :data:`~analytics.targets.APPROXIMATE_TOLERANCE` otherwise). The year's outcome
is computed from the months or quarters already known and each path's remaining ones:

- ``"mean"``: the average over the year (average CPI growth from the months' y/y rates);
- ``"last"``: the year's last period (a year-to-date series, whose December is the year);
- ``"growth"``: growth of the year's sum of levels on last year's (annual GDP growth from
  quarterly GDP at constant prices), in %.

The probability is the share of paths whose outcome meets the target: no normal approximation
of a point forecast. The traffic light's thresholds are :data:`GREEN_AT` and :data:`RED_BELOW`.
"""

from __future__ import annotations

import math

import numpy as np

from analytics.targets import Acceptance, acceptance

__all__ = [
    "Acceptance",
    "acceptance",
    "light",
    "probability",
    "rule_text",
    "year_outcomes",
]

GREEN_AT = 0.8
"""From this probability on, the target is on track (green)."""
RED_BELOW = 0.5
"""Below this probability the target is more likely missed than met (red); between, amber."""


def year_outcomes(
    how: str,
    known: np.ndarray,
    paths: np.ndarray,
    periods_in_year: int,
    last_year: np.ndarray | None = None,
) -> np.ndarray:
    """The year's outcome on each path.

    Parameters
    ----------
    how:
        ``"mean"``, ``"last"`` or ``"growth"`` (see the module docstring).
    known:
        The values of the year's periods already known, in order.
    paths:
        One row per path, the values of the year's remaining periods
        (``periods_in_year - len(known)`` columns).
    last_year:
        For ``"growth"``: last year's levels, ``periods_in_year`` of them.
    """
    known = np.asarray(known, dtype=float)
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    missing = periods_in_year - len(known)
    if paths.shape[1] != missing:
        raise ValueError(f"paths hold {paths.shape[1]} periods; the year lacks {missing}")
    year = np.hstack([np.broadcast_to(known, (paths.shape[0], len(known))), paths])
    if how == "mean":
        return year.mean(axis=1)
    if how == "last":
        return year[:, -1]
    if how == "growth":
        if last_year is None or len(last_year) != periods_in_year:
            raise ValueError("growth needs last year's levels, one per period")
        return 100.0 * (year.sum(axis=1) / float(np.sum(last_year)) - 1.0)
    raise ValueError(f"unknown outcome {how!r}; use mean, last or growth")


def probability(outcomes: np.ndarray, rule: Acceptance) -> float:
    """The share of outcomes that meet the target."""
    outcomes = np.asarray(outcomes, dtype=float)
    return float(rule.meets(outcomes).mean()) if outcomes.size else math.nan


def light(p: float) -> str:
    """``"green"``, ``"amber"`` or ``"red"`` for a probability ``p`` (NaN: ``"none"``)."""
    if math.isnan(p):
        return "none"
    if p >= GREEN_AT:
        return "green"
    return "amber" if p >= RED_BELOW else "red"


def rule_text(rule: Acceptance, lang: str) -> str:
    """How an outcome is judged, written for ``lang``: "≤ 5,0", "≥ 6,0", "> 90", "6,0 – 6,5"."""
    from analytics.formatting import format_number

    low, high = format_number(rule.low, lang, 1), format_number(rule.high, lang, 1)
    if math.isinf(rule.low) and math.isinf(rule.high):
        return "–"
    if math.isinf(rule.low):
        return f"{'<' if rule.high_open else '≤'} {high}"
    if math.isinf(rule.high):
        return f"{'>' if rule.low_open else '≥'} {low}"
    return f"{low} – {high}"


def outcome_range(outcomes: np.ndarray, level: int) -> tuple[float, float]:
    """The central ``level`` % range of the outcomes (their quantiles)."""
    tail = (100 - level) / 200
    low, high = np.quantile(np.asarray(outcomes, dtype=float), [tail, 1 - tail])
    return float(low), float(high)

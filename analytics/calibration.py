"""Whether a model's forecast intervals are honest: calibration against the backtest.

An interval is *calibrated* when the share of outcomes inside it, over a backtest, is close to its
level. :func:`interval_calibration` judges that against the binomial spread a backtest of ``n``
outcomes has, so a short backtest is not read as evidence either way.
"""

from __future__ import annotations

import math


def interval_calibration(level: int, coverage: float, n: int) -> str:
    """Whether a backtest coverage of ``coverage`` (0–1) over ``n`` outcomes fits ``level`` %.

    Returns ``"consistent"`` when the coverage is within two binomial standard errors of the
    level, ``"too_narrow"`` when it is below (outcomes fell outside more often than promised),
    ``"too_wide"`` when it is above, and ``"unknown"`` without a backtest.
    """
    if n <= 0 or coverage is None or not math.isfinite(coverage):
        return "unknown"
    nominal = level / 100
    spread = 2 * math.sqrt(nominal * (1 - nominal) / n)
    if coverage < nominal - spread:
        return "too_narrow"
    if coverage > nominal + spread:
        return "too_wide"
    return "consistent"

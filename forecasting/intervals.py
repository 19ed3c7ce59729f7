"""Prediction intervals: from a forecast's standard error, or from statsmodels' interval tables.

Models that state the variance of their h-step error (the baselines, optimised Theta) turn it into
bounds under the usual normal approximation here, so every method uses the same quantile
arithmetic; models that let statsmodels compute the bounds read them, level by level, here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.stats import norm

from forecasting.registry import Prediction


def normal_prediction(
    mean: np.ndarray, standard_error: np.ndarray, levels: tuple[int, ...]
) -> Prediction:
    """Bounds ``mean ± z * standard_error`` with ``z`` the normal quantile of each level."""
    lower, upper = {}, {}
    for level in levels:
        z = norm.ppf(0.5 + level / 200)
        lower[level] = mean - z * standard_error
        upper[level] = mean + z * standard_error
    return Prediction(mean=mean, lower=lower, upper=upper)


def alpha_of(level: int) -> float:
    """The significance ``alpha`` statsmodels expects for a ``level`` % interval."""
    return 1 - level / 100


def interval_prediction(
    mean: Any, interval: Callable[..., Any], levels: tuple[int, ...]
) -> Prediction:
    """``mean`` and, per level, the bounds ``interval(alpha=...)`` gives as two columns.

    ``interval`` is a statsmodels method such as ``conf_int`` or ``pred_int`` of a prediction:
    it returns the lower bounds in its first column and the upper bounds in its second.
    """
    lower, upper = {}, {}
    for level in levels:
        bounds = np.asarray(interval(alpha=alpha_of(level)), dtype=float)
        lower[level], upper[level] = bounds[:, 0], bounds[:, 1]
    return Prediction(np.asarray(mean, dtype=float), lower, upper)

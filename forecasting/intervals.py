"""Prediction intervals from a forecast's standard error, under the usual normal approximation.

Models that state the variance of their h-step error (the baselines, Theta) turn it into bounds
here, so every method uses the same quantile arithmetic.
"""

from __future__ import annotations

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

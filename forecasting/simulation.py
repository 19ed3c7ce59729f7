"""Simulated future paths of a series, for the odds of a plan target: many equally likely
continuations drawn from an exponential-smoothing state-space model (statsmodels' ``ETSModel``),
so that what is computed from a path (a year's average, its last month) carries the model's
uncertainty as it compounds, which a normal approximation of each period's forecast would not.

The model: additive errors, an additive damped trend when the series has 10 or more periods,
and an additive seasonal component when it has two full years and the M4 test finds
seasonality (``forecasting.seasonality.is_seasonal``). Seeded, so the same data give the same
paths.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from forecasting.seasonality import is_seasonal
from forecasting.validation import season_length

SEED = 20_260_101


def simulate_paths(
    y: pd.Series,
    horizon: int,
    repetitions: int = 2000,
    seed: int = SEED,
    trend: bool | None = None,
    log: bool = False,
    damped: bool = True,
) -> np.ndarray:
    """``repetitions`` simulated paths of the next ``horizon`` periods of ``y`` (rows: paths).

    ``trend`` forces the damped trend on or off (a rate such as CPI's y/y change has none; by
    default a series of 10 or more periods gets one; ``damped=False`` keeps it undamped, for
    levels that grow steadily); with ``log`` the model runs on the
    logarithms of a positive series (levels that grow by a share, such as GDP) and the paths are
    turned back into levels."""
    values = y.astype(float).to_numpy()
    if log:
        values = np.log(values)
    if horizon <= 0:
        return np.empty((repetitions, 0))
    m = season_length(y.index) if isinstance(y.index, pd.PeriodIndex) else 1
    seasonal = m > 1 and len(values) >= 2 * m and is_seasonal(values, m)
    trend = len(values) >= 10 if trend is None else trend
    model = ETSModel(
        pd.Series(values),
        error="add",
        trend="add" if trend else None,
        damped_trend=trend and damped,
        seasonal="add" if seasonal else None,
        seasonal_periods=m if seasonal else None,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = model.fit(disp=False)
        paths = fitted.simulate(
            nsimulations=horizon,
            repetitions=repetitions,
            anchor="end",
            rng=np.random.default_rng(seed),
        )
    drawn = np.asarray(paths, dtype=float).reshape(horizon, repetitions).T
    return np.exp(drawn) if log else drawn

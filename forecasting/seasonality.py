"""Classical seasonal adjustment, as in the M3 competition, behind a seasonality test.

A series is *seasonal* when its autocorrelation at the seasonal lag is significant at 90 %
(one-sided, Bartlett's standard error), the test the M3 Theta entry used. A seasonal series is
divided by the indices of a classical multiplicative decomposition (moving averages, statsmodels'
``seasonal_decompose``), or has additive indices subtracted when it has a value <= 0 or an index
below 0.01. A non-seasonal model then forecasts the adjusted series, and the last cycle of indices
puts the season back on the forecasts and their bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import norm
from statsmodels.tsa.seasonal import seasonal_decompose
from statsmodels.tsa.stattools import acf

from forecasting.numerical import numerical_failures
from forecasting.registry import FittedModel, Prediction

SEASONALITY_CONFIDENCE = 0.90
DESEASONALIZE = ("auto", True, False)
DECOMPOSITIONS = ("auto", "additive", "multiplicative")


def is_seasonal(values: np.ndarray, season_length: int) -> bool:
    """The M3 test: is the autocorrelation at the seasonal lag significant at 90 % (one-sided)?

    Needs at least two full cycles; the standard error of the lag-``m`` autocorrelation is
    Bartlett's, ``sqrt((1 + 2 sum_{k<m} r_k^2) / n)``.
    """
    m = season_length
    if m < 2 or len(values) < 2 * m or np.ptp(values) == 0:
        return False
    with numerical_failures("deseasonalize"):
        r = acf(values, nlags=m, fft=False)[1:]
    standard_error = np.sqrt((1 + 2 * np.sum(r[:-1] ** 2)) / len(values))
    return bool(abs(r[-1]) / standard_error > norm.ppf(SEASONALITY_CONFIDENCE))


@dataclass(frozen=True)
class SeasonalAdjustment:
    """Seasonal indices of a classical decomposition, and whether they multiply or add."""

    kind: str  # "none", "multiplicative" or "additive"
    indices: np.ndarray  # one per position in the cycle, aligned with the series' first period

    def remove(self, values: np.ndarray) -> np.ndarray:
        """The seasonally adjusted values."""
        if self.kind == "none":
            return values
        season = np.resize(self.indices, len(values))
        return values / season if self.kind == "multiplicative" else values - season

    def restore(self, adjusted: np.ndarray, start: int) -> np.ndarray:
        """Put the season back on ``adjusted`` values that begin at position ``start``."""
        if self.kind == "none":
            return adjusted
        season = self.indices[(start + np.arange(len(adjusted))) % len(self.indices)]
        return adjusted * season if self.kind == "multiplicative" else adjusted + season


def seasonal_adjustment(
    values: np.ndarray, season_length: int, deseasonalize: object = "auto", decomposition="auto"
) -> SeasonalAdjustment:
    """Test for seasonality (unless forced) and take the classical decomposition's indices."""
    wanted = is_seasonal(values, season_length) if deseasonalize == "auto" else bool(deseasonalize)
    if not wanted or season_length < 2 or len(values) < 2 * season_length:
        return SeasonalAdjustment("none", np.ones(1))
    kind = "additive" if decomposition == "additive" else "multiplicative"
    if kind == "multiplicative" and values.min() <= 0:
        kind = "additive"
    season = _seasonal_component(values, kind, season_length)
    if kind == "multiplicative" and season.min() < 0.01 and decomposition != "multiplicative":
        kind = "additive"
        season = _seasonal_component(values, kind, season_length)
    return SeasonalAdjustment(kind, np.asarray(season[:season_length], dtype=float))


def _seasonal_component(values: np.ndarray, kind: str, season_length: int) -> np.ndarray:
    with numerical_failures("deseasonalize"):
        return seasonal_decompose(values, model=kind[:3], period=season_length).seasonal


@dataclass(frozen=True)
class AdjustedFit:
    """A non-seasonal model fitted to the seasonally adjusted series; answers with the season."""

    inner: FittedModel
    adjustment: SeasonalAdjustment
    start: int  # number of observations the model has seen

    @property
    def label(self) -> str:
        seasonal = " (deseasonalised)" if self.adjustment.kind != "none" else ""
        return f"{self.inner.label}{seasonal}"

    @property
    def params(self) -> dict[str, Any]:
        return {**self.inner.params, "deseasonalized": self.adjustment.kind}

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Forecast the adjusted series, then restore the season on the mean and the bounds."""
        inner = self.inner.predict(horizon, levels, exog)
        restore = self.adjustment.restore
        return Prediction(
            mean=restore(inner.mean, self.start),
            lower={lv: restore(b, self.start) for lv, b in inner.lower.items()},
            upper={lv: restore(b, self.start) for lv, b in inner.upper.items()},
        )

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> AdjustedFit:
        """The same indices and inner parameters, run over ``y``."""
        return AdjustedFit(
            self.inner.update(adjusted(y, self.adjustment), exog), self.adjustment, len(y)
        )


def adjusted(y: pd.Series, adjustment: SeasonalAdjustment) -> pd.Series:
    """``y`` seasonally adjusted, on its own index."""
    return pd.Series(adjustment.remove(y.to_numpy(dtype=float)), index=y.index, name=y.name)

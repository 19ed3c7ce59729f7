"""The Box-Cox transformation, applied around any model.

``boxcox=lam`` fits the model to ``(y**lam - 1) / lam`` (``log y`` when ``lam`` is 0) and maps the
forecasts back; ``"auto"`` picks ``lam`` by maximum likelihood, kept within [-1, 2]. Interval bounds
map back exactly (the transformation is monotone); the point forecast maps back to the median of
the forecast distribution, not its mean, which is the usual choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import boxcox as boxcox_transform
from scipy.special import inv_boxcox
from scipy.stats import boxcox_normmax

from forecasting.errors import ForecastError
from forecasting.numerical import numerical_failures
from forecasting.registry import FittedModel, Prediction
from forecasting.validation import check_positive

LAMBDA_BOUNDS = (-1.0, 2.0)


def check_boxcox(y: pd.Series, value: object) -> None:
    """Raise unless ``value`` is "auto" or a number in [-1, 2] and ``y`` is positive."""
    if value is None:
        return
    if value != "auto" and (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not LAMBDA_BOUNDS[0] <= value <= LAMBDA_BOUNDS[1]
    ):
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter 'boxcox' must be 'auto' or a number between -1 and 2, got {value!r}",
            parameter="boxcox",
            method="any",
            value=repr(value),
        )
    check_positive(y, "a Box-Cox transformation")


def choose_lambda(y: pd.Series, value: float | str) -> float:
    """The lambda to use: ``value`` itself, or the maximum-likelihood one for "auto"."""
    if value != "auto":
        return float(value)
    with numerical_failures("boxcox", y.name):
        estimate = boxcox_normmax(y.to_numpy(dtype=float), brack=(-0.5, 1.5), method="mle")
    return float(np.clip(estimate, *LAMBDA_BOUNDS))


def transform(y: pd.Series, lam: float) -> pd.Series:
    """``y`` on the Box-Cox scale ``lam``."""
    return pd.Series(boxcox_transform(y.to_numpy(dtype=float), lam), index=y.index, name=y.name)


def _back(values: np.ndarray, lam: float) -> np.ndarray:
    if lam < 0:
        values = np.minimum(values, -1 / lam - 1e-12)
    return inv_boxcox(values, lam)


@dataclass(frozen=True)
class TransformedFit:
    """A model fitted on the Box-Cox scale, answering on the original scale."""

    inner: FittedModel
    lam: float

    @property
    def label(self) -> str:
        return f"{self.inner.label}, Box-Cox λ={self.lam:.2f}"

    @property
    def params(self) -> dict[str, Any]:
        return {**self.inner.params, "boxcox": self.lam}

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Forecast on the transformed scale and map mean and bounds back."""
        inner = self.inner.predict(horizon, levels, exog)
        return Prediction(
            mean=_back(inner.mean, self.lam),
            lower={lv: _back(b, self.lam) for lv, b in inner.lower.items()},
            upper={lv: _back(b, self.lam) for lv, b in inner.upper.items()},
        )

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> TransformedFit:
        """Follow ``y`` (original scale) with the same lambda and inner parameters."""
        return TransformedFit(self.inner.update(transform(y, self.lam), exog), self.lam)

"""Benchmarks every other method must beat: naive, seasonal naive and drift.

Their forecasts and standard errors follow Hyndman & Athanasopoulos, *Forecasting: principles and
practice* (3rd ed., section 5.5), with the residual standard deviation taken as the root mean square
of the one-step residuals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from forecasting.intervals import normal_prediction
from forecasting.registry import ModelSpec, Prediction, register
from forecasting.validation import check_length


@dataclass(frozen=True)
class BaselineFit:
    """A fitted baseline: the rule's name, the data it saw and its residual standard deviation."""

    rule: str
    values: np.ndarray
    season_length: int
    label: str
    params: dict[str, Any] = field(default_factory=dict)

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Forecast with the rule and its textbook standard error."""
        mean, standard_error = _RULES[self.rule](self.values, self.season_length, horizon)
        return normal_prediction(mean, standard_error, levels)

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> BaselineFit:
        """Baselines have nothing to estimate beyond the data: apply the rule to ``y``."""
        return _fit(self.rule, y, self.season_length)


def _rms(residuals: np.ndarray) -> float:
    return float(np.sqrt(np.mean(residuals**2))) if len(residuals) else 0.0


def naive_rule(values: np.ndarray, season_length: int, horizon: int) -> tuple[np.ndarray, ...]:
    """Last value carried forward; standard error ``sigma * sqrt(h)``."""
    sigma = _rms(np.diff(values))
    steps = np.arange(1, horizon + 1)
    return np.full(horizon, values[-1]), sigma * np.sqrt(steps)


def seasonal_naive_rule(
    values: np.ndarray, season_length: int, horizon: int
) -> tuple[np.ndarray, ...]:
    """Value of the same season last cycle; standard error ``sigma * sqrt(k + 1)``."""
    m = season_length
    sigma = _rms(values[m:] - values[:-m])
    steps = np.arange(1, horizon + 1)
    cycles_back = (steps - 1) // m
    last_cycle = values[-m:]
    mean = last_cycle[(steps - 1) % m]
    return mean, sigma * np.sqrt(cycles_back + 1)


def drift_rule(values: np.ndarray, season_length: int, horizon: int) -> tuple[np.ndarray, ...]:
    """Straight line through the first and last values; se ``sigma * sqrt(h (1 + h / (T - 1)))``."""
    n = len(values)
    slope = (values[-1] - values[0]) / (n - 1)
    sigma = _rms(np.diff(values) - slope)
    steps = np.arange(1, horizon + 1)
    return values[-1] + slope * steps, sigma * np.sqrt(steps * (1 + steps / (n - 1)))


_RULES = {"naive": naive_rule, "seasonal_naive": seasonal_naive_rule, "drift": drift_rule}
_LABELS = {"naive": "Naive", "seasonal_naive": "Seasonal naive", "drift": "Drift"}


def _fit(rule: str, y: pd.Series, season_length: int) -> BaselineFit:
    m = season_length if rule == "seasonal_naive" else 1
    return BaselineFit(rule, y.to_numpy(dtype=float), m, _LABELS[rule])


def _checker(rule: str):
    def check(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> None:
        if rule == "seasonal_naive":
            check_length(y, 2 * season_length, rule, "two full seasonal cycles")
        else:
            check_length(y, 2, rule)

    return check


for _rule, _description in [
    ("naive", "Last observed value carried forward"),
    ("seasonal_naive", "Value of the same month or quarter one cycle earlier"),
    ("drift", "Line from the first to the last observation, extended"),
]:
    register(
        ModelSpec(
            name=_rule,
            description=_description,
            fit=lambda y, season_length, exog=None, _rule=_rule: _fit(_rule, y, season_length),
            check=_checker(_rule),
        )
    )

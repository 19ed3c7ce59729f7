"""Forecast combinations: the mean, median or weighted mean of several methods' forecasts.

Averaging forecasts of different families (ETS, ARIMA, Theta) is one of the most reliable findings
of the M competitions: the combination is rarely the best on one series and rarely bad. The bounds
of a combined interval are the mean (or median, or weighted mean) of the members' bounds; how well
that covers is measured, like every interval here, by the backtest.

The weighted mean is ``auto``'s: its weights come from the members' backtest
(:func:`forecasting.selection.inverse_mase_weights`), so the ``combination`` method, which has no
backtest to weigh by, offers the mean and the median only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from forecasting.errors import ForecastError
from forecasting.registry import FittedModel, ModelSpec, Prediction, get_spec, register

COMBINERS: dict[str, Callable[..., np.ndarray]] = {"mean": np.mean, "median": np.median}
#: How a fitted combination's label names its rule.
LABELS = {"mean": "Mean", "median": "Median", "weighted": "Weighted mean"}
DEFAULT_MEMBERS = ("ets", "arima", "theta")


def combine_predictions(
    predictions: Sequence[Prediction], how: str, weights: Sequence[float] | None = None
) -> Prediction:
    """Combine point forecasts and each level's bounds with ``how`` ("mean", "median", or
    "weighted" with one weight per prediction)."""

    def stack(arrays: Sequence[np.ndarray]) -> np.ndarray:
        if how == "weighted":
            return np.average(np.vstack(arrays), axis=0, weights=weights)
        return COMBINERS[how](np.vstack(arrays), axis=0)

    levels = predictions[0].lower.keys()
    return Prediction(
        mean=stack([p.mean for p in predictions]),
        lower={lv: stack([p.lower[lv] for p in predictions]) for lv in levels},
        upper={lv: stack([p.upper[lv] for p in predictions]) for lv in levels},
    )


@dataclass(frozen=True)
class CombinationFit:
    """Fitted members and the rule that combines them (with the members' weights, in their
    order, when ``how`` is "weighted")."""

    members: tuple[FittedModel, ...]
    how: str
    weights: tuple[float, ...] | None = None

    @property
    def label(self) -> str:
        return f"{LABELS[self.how]} of " + ", ".join(m.label for m in self.members)

    @property
    def params(self) -> dict[str, Any]:
        weights = {"weights": list(self.weights)} if self.weights is not None else {}
        return {
            "combine": self.how,
            **weights,
            "members": [{m.label: m.params} for m in self.members],
        }

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Each member forecasts; the forecasts and bounds are combined."""
        return combine_predictions(
            [m.predict(horizon, levels, exog) for m in self.members], self.how, self.weights
        )

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> CombinationFit:
        """Every member follows ``y`` with its own parameters (and keeps its weight)."""
        members = tuple(m.update(y, exog) for m in self.members)
        return CombinationFit(members, self.how, self.weights)


def fit(
    y: pd.Series, season_length: int, exog: pd.DataFrame | None = None, **params: Any
) -> CombinationFit:
    """Fit each member method with its defaults and combine them.

    Parameters
    ----------
    **params:
        ``methods`` (names of registered methods, default ets, arima, theta) and ``combine``
        ("mean" or "median").
    """
    methods = params.get("methods", DEFAULT_MEMBERS)
    members = tuple(get_spec(name).fit(y, season_length) for name in methods)
    return CombinationFit(members, params.get("combine", "mean"))


def check(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> None:
    """Rules: at least two known member methods, none of them a combination; mean or median."""
    methods = params.get("methods", DEFAULT_MEMBERS)
    if isinstance(methods, str) or len(methods) < 2:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter 'methods' of method 'combination' must list at least two methods, "
            f"got {methods!r}",
            parameter="methods",
            method="combination",
            value=repr(methods),
        )
    for name in methods:
        spec = get_spec(name)
        if name == "combination":
            raise ForecastError(
                "forecast.bad_parameter",
                "a combination cannot contain another combination",
                parameter="methods",
                method="combination",
                value=repr(methods),
            )
        spec.check(y, season_length, {})
    how = params.get("combine", "mean")
    if how not in COMBINERS:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter 'combine' of method 'combination' must be one of 'mean', 'median', "
            f"got {how!r}",
            parameter="combine",
            method="combination",
            value=repr(how),
        )


register(
    ModelSpec(
        name="combination",
        description="Mean or median of several methods' forecasts",
        fit=fit,
        parameters=frozenset({"methods", "combine"}),
        check=check,
    )
)

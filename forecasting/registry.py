"""The registry of forecasting methods: a name maps to a :class:`ModelSpec`.

A *method* is something an analyst picks by name ("ets", "arima", "theta" ...). Its spec says which
parameters it accepts, checks them against the series, and fits: ``spec.fit(y, season_length,
exog=None, **params)`` returns a :class:`FittedModel`, whose ``predict(horizon, levels, exog=None)``
gives a :class:`Prediction` (point forecast and interval bounds per level) and whose ``update(y,
exog=None)`` carries the same estimated parameters over to a longer series (what a backtest without
refitting needs). Every fitted thing has that one shape: a model, a model on the Box-Cox scale or
on seasonally adjusted data, a combination, and the fit of a whole request
(:class:`forecasting.fitting.PreparedFit`).
Fitting and forecasting raise :class:`ForecastError` when the data defeat the computation (the
library calls run inside :func:`forecasting.numerical.numerical_failures`).

Modules under ``forecasting/models`` register themselves with :func:`register`; nothing here
branches on a method's name, so a new method is one new module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from forecasting.errors import ForecastError


@dataclass(frozen=True)
class Prediction:
    """Forecasts for ``horizon`` periods: the point forecast and, per level, the interval bounds."""

    mean: np.ndarray
    lower: dict[int, np.ndarray]
    upper: dict[int, np.ndarray]


class FittedModel(Protocol):
    """A model estimated on one series, able to forecast it and to follow it as it grows."""

    #: Readable name of the fitted specification, e.g. ``"ETS(M,Ad,M)"``.
    label: str
    #: The chosen specification and its estimates, JSON-friendly.
    params: dict[str, Any]

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Forecast ``horizon`` periods past the end of the data, with intervals at ``levels``."""

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> FittedModel:
        """The same specification and parameters applied to ``y`` (which extends the data)."""


@dataclass(frozen=True)
class ModelSpec:
    """What the registry knows about one method.

    Attributes
    ----------
    name:
        The name an analyst uses, e.g. ``"ets"``.
    description:
        One line for menus and documentation.
    fit:
        ``fit(y, season_length, exog, **params) -> FittedModel``.
    parameters:
        Names of the parameters the method accepts (besides the common ones of ``forecast``).
    check:
        ``check(y, season_length, params)`` raises :class:`ForecastError` when the series or a
        parameter value breaks one of the method's rules; runs before any fitting.
    accepts_exog:
        Whether exogenous regressors can be passed.
    """

    name: str
    description: str
    fit: Callable[..., FittedModel]
    parameters: frozenset[str] = field(default_factory=frozenset)
    check: Callable[[pd.Series, int, Mapping[str, Any]], None] = lambda y, m, p: None
    accepts_exog: bool = False


MODELS: dict[str, ModelSpec] = {}


def register(spec: ModelSpec) -> ModelSpec:
    """Add ``spec`` to :data:`MODELS` under its name and return it."""
    MODELS[spec.name] = spec
    return spec


def get_spec(method: str) -> ModelSpec:
    """Return the spec registered as ``method``, or raise ``forecast.unknown_method``."""
    try:
        return MODELS[method]
    except (KeyError, TypeError):
        raise ForecastError(
            "forecast.unknown_method",
            f"unknown forecasting method {method!r}; choose one of: auto, {', '.join(MODELS)}",
            method=repr(method),
            methods=", ".join(MODELS),
        ) from None

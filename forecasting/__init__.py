"""Forecasting for the Cockpit: a registry of statistical models, honest backtests, one entry point.

Pure: statsmodels, pandas and numpy only; no Streamlit, no database. Pages, the forecast lab and
batch jobs all call :func:`forecast`.

The names below are loaded on first use (PEP 562), so that importing a light module of this
package, such as :mod:`forecasting.result` for a stored forecast, does not load statsmodels and
every model: only a caller that forecasts pays for that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forecasting.api import forecast
    from forecasting.backtest import Backtest, BacktestSettings
    from forecasting.errors import ForecastError
    from forecasting.registry import MODELS, ModelSpec, Prediction
    from forecasting.result import ForecastResult

_HOMES = {
    "forecast": "forecasting.api",
    "Backtest": "forecasting.backtest",
    "BacktestSettings": "forecasting.backtest",
    "ForecastError": "forecasting.errors",
    "MODELS": "forecasting.registry",
    "ModelSpec": "forecasting.registry",
    "Prediction": "forecasting.registry",
    "ForecastResult": "forecasting.result",
}

__all__ = [
    "MODELS",
    "Backtest",
    "BacktestSettings",
    "ForecastError",
    "ForecastResult",
    "ModelSpec",
    "Prediction",
    "forecast",
]


def __getattr__(name: str) -> Any:
    """Load ``name`` from its module, with every model registered first."""
    if name not in _HOMES:
        raise AttributeError(f"module 'forecasting' has no attribute {name!r}")
    importlib.import_module("forecasting.models")  # registers every method in MODELS
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value

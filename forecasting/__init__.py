"""Forecasting for the Cockpit: a registry of statistical models, honest backtests, one entry point.

Pure: statsmodels, pandas and numpy only; no Streamlit, no database. Pages, the forecast lab and
batch jobs all call :func:`forecast`.
"""

from forecasting import models as _models  # noqa: F401 - registers every method
from forecasting.api import forecast
from forecasting.backtest import Backtest, BacktestSettings
from forecasting.errors import ForecastError
from forecasting.registry import MODELS, ModelSpec, Prediction
from forecasting.result import ForecastResult

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

"""Simulated series whose generating process is known, short enough to keep the tests fast."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from forecasting.models import ets


def monthly(values: np.ndarray, name: str = "SIM", start: str = "2010-01") -> pd.Series:
    """``values`` on a monthly PeriodIndex."""
    index = pd.period_range(start, periods=len(values), freq="M")
    return pd.Series(values, index=index, name=name)


def yearly(values: np.ndarray, name: str = "SIM", start: str = "1990") -> pd.Series:
    """``values`` on a yearly PeriodIndex."""
    index = pd.period_range(start, periods=len(values), freq="Y")
    return pd.Series(values, index=index, name=name)


@pytest.fixture(autouse=True)
def _quiet() -> None:
    warnings.simplefilter("ignore")


@pytest.fixture(autouse=True)
def _no_kept_estimates() -> None:
    """Each test estimates its ETS forms itself (a test may make statsmodels fail on purpose)."""
    ets.forget_estimates()


@pytest.fixture
def seasonal_series() -> pd.Series:
    """Eight years of a positive monthly series: trend, strong season, little noise."""
    rng = np.random.default_rng(1)
    t = np.arange(96)
    values = 100 + 0.4 * t + 15 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 1.5, len(t))
    return monthly(values, "EXPORTS")


@pytest.fixture
def trending_yearly() -> pd.Series:
    """Thirty years with a steady upward drift and small noise."""
    rng = np.random.default_rng(2)
    return yearly(50 + 3.0 * np.arange(30) + rng.normal(0, 1.0, 30), "GDP")

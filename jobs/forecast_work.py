"""One series of the monthly forecast batch, as a worker computes it: pure, with no database.

A *job* is one forecast the batch makes: an indicator of a geography (the country, ``VN``, or a
province for the by-province series) in one transformation, with a method and its settings. A
worker gets a job with the series' observations as a plain pandas series (the batch's own process
read them from the database once) and returns what it computed: the forecast, or why the series
was skipped. Whatever goes wrong raises, and the batch reports it beside the series.

This module imports only ``analytics``, ``forecasting`` and ``domain``, so a Dask worker that runs
:func:`forecast_job` loads neither storage nor services, and never touches the database.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analytics.forecast_request import DEFAULT_HORIZONS, forecast_arguments, prepare_target
from domain.vocabulary import NATIONAL_GEOGRAPHY, Frequency
from forecasting import forecast
from forecasting.result import ForecastResult


@dataclass(frozen=True)
class Job:
    """One forecast to make: an indicator of a geography in a transformation, with a method and
    settings."""

    code: str
    target_transform: str = "level"
    method: str = "auto"
    settings: dict[str, Any] = field(default_factory=dict)
    geography: str = NATIONAL_GEOGRAPHY

    @property
    def key(self) -> tuple[str, str, str]:
        """What the batch stores once a month: ``(indicator, transformation, geography)``."""
        return (self.code, self.target_transform, self.geography)

    @property
    def label(self) -> str:
        """The job in a progress line: ``CPI (level)``, ``SBI_M.TOTAL P63-01 (level)``."""
        where = "" if self.geography == NATIONAL_GEOGRAPHY else f" {self.geography}"
        return f"{self.code}{where} ({self.target_transform})"


@dataclass(frozen=True)
class Computed:
    """What a worker made of a job: the forecast (None if the series was too short), the
    unbroken periods it had, and the seconds it took."""

    result: ForecastResult | None
    periods: int
    seconds: float


def too_short(job: Job, observed: pd.Series, minimum: int) -> Computed | None:
    """What :func:`forecast_job` makes of a series with fewer than ``minimum`` unbroken periods
    (none known at all, too): it is skipped; None for a series to forecast.

    Cheap, so the batch asks it before it sends a series to a worker and only forecasts travel.
    A series whose data the transformation refuses is left to :func:`forecast_job`, which says
    why.
    """
    clock = time.perf_counter()
    if not minimum:
        return None
    if observed.dropna().empty:
        return Computed(None, 0, time.perf_counter() - clock)
    try:
        target = prepare_target(observed, job.target_transform, job.code)
    except Exception:  # forecast_job raises it again, and the batch reports it beside the series
        return None
    if len(target) < minimum:
        return Computed(None, len(target), time.perf_counter() - clock)
    return None


def forecast_job(job: Job, observed: pd.Series, frequency: str, minimum: int) -> Computed:
    """Forecast ``job`` from ``observed`` (its values on a ``PeriodIndex`` of ``frequency``).

    With ``minimum`` above 0 a series with fewer unbroken periods (none known at all, too) is
    skipped rather than forecast. The horizon is the frequency's default.

    Raises
    ------
    InputError
        When the data, the settings or forecasting refuse the series (and anything unforeseen:
        the batch reports every error beside its series and goes on).
    """
    clock = time.perf_counter()
    skipped = too_short(job, observed, minimum)
    if skipped is not None:
        return skipped
    target = prepare_target(observed, job.target_transform, job.code)
    horizon = DEFAULT_HORIZONS[Frequency.parse(frequency)]
    with warnings.catch_warnings():  # statsmodels' optimiser notes; the progress line says enough
        warnings.simplefilter("ignore")
        result = forecast(
            target, horizon, job.method, **forecast_arguments(job.settings, target.index, horizon)
        )
    return Computed(result, len(target), time.perf_counter() - clock)

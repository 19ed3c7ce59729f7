"""A small database for the forecast batch: a few monthly series of the country and of two
provinces, one that cannot be forecast (it never changes), and a saved configuration that breaks
the forecast in an unforeseen way (a TypeError, not a refusal).

The series are made up (a trend, a season, a little noise from a fixed seed): what the tests check
is what the batch does with whatever it is given, not the figures.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, insert

from data import tables as t
from data.engine import make_engine
from data.migrate import upgrade
from services import accounts
from services import forecasts as forecast_service
from tests.factories import COUNTRY, geography_row, indicator_row, seed_catalogue, series_rows


@pytest.fixture(autouse=True, scope="module")
def plain_main() -> Iterator[None]:
    """A ``__main__`` without a file. Streamlit's AppTest, run earlier in the same test worker,
    leaves the app's script as ``__main__``, and the worker processes Dask spawns would run it
    again on start-up (``python -m jobs.forecast_batch`` has no such problem)."""
    saved = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    yield
    sys.modules["__main__"] = saved


MONTH = pd.Period("2025-01", "M")
"""The batch's month: every observation below was known by its end."""
VINTAGE = dt.date(2025, 1, 10)
FIRST = pd.Period("2021-01", "M")
MONTHS = 48
PROVINCES = ("P63-01", "P63-02")
CONSTANT = "FLAT_TEST"
BROKEN = "BROKEN_TEST"
SHAPES = {  # code: (level, trend per month, seasonal amplitude)
    "TREND_TEST": (100.0, 0.8, 0.0),
    "SEASON_TEST": (50.0, 0.1, 6.0),
    "SBI_TEST": (20.0, 0.3, 3.0),
    BROKEN: (10.0, 0.05, 1.0),
}
PROVINCE_SHAPES = {"P63-01": (5.0, 0.05, 1.5), "P63-02": (8.0, -0.02, 2.0)}


def made_up_series(level: float, trend: float, season: float, seed: int) -> pd.Series:
    """Four years of months: a trend, a yearly season and a little noise (fixed ``seed``)."""
    steps = np.arange(MONTHS)
    noise = np.random.default_rng(seed).normal(0, 0.05 * (1 + season), MONTHS)
    values = level + trend * steps + season * np.sin(2 * np.pi * steps / 12) + noise
    return pd.Series(values, index=pd.period_range(FIRST, periods=MONTHS))


def fill(engine: Engine) -> Engine:
    """Put the catalogue, the observations and the broken configuration into a migrated
    ``engine``; the same data every time."""
    provinces = [geography_row(code, "prov63") for code in PROVINCES]
    indicators = [indicator_row(code) for code in [*SHAPES, CONSTANT]]
    seed_catalogue(engine, indicators, geographies=[COUNTRY, *provinces])
    rows = [
        row
        for seed, (code, shape) in enumerate(SHAPES.items())
        for row in series_rows(code, made_up_series(*shape, seed=seed), VINTAGE)
    ]
    flat = pd.Series(4.0, index=pd.period_range(FIRST, periods=MONTHS))
    rows += series_rows(CONSTANT, flat, VINTAGE)
    rows += [
        row
        for seed, (province, shape) in enumerate(PROVINCE_SHAPES.items(), start=10)
        for row in series_rows(
            "SBI_TEST", made_up_series(*shape, seed=seed), VINTAGE, geography=province
        )
    ]
    with engine.begin() as conn:
        conn.execute(insert(t.observations), rows)
    analyst = accounts.create_user(
        engine, accounts.SYSTEM, "analyst", "Correct-Horse-42!-ana", "analyst"
    )
    # Saved through the service, which checks the method but not the outliers' shape: the
    # forecast then fails with a TypeError, the kind of error no one planned for.
    forecast_service.save_config(engine, analyst, BROKEN, "level", "auto", {"outliers": 5})
    return engine


EXPECTED_JOBS = {
    ("BROKEN_TEST", "level", "VN"),
    ("FLAT_TEST", "level", "VN"),
    ("SBI_TEST", "level", "P63-01"),
    ("SBI_TEST", "level", "P63-02"),
    ("SBI_TEST", "level", "VN"),
    ("SEASON_TEST", "level", "VN"),
    ("TREND_TEST", "level", "VN"),
}
"""Every series of the small database, as ``(indicator, transformation, geography)``."""
EXPECTED_STORED = EXPECTED_JOBS - {(CONSTANT, "level", "VN"), (BROKEN, "level", "VN")}


def small_database(url: str) -> Engine:
    """A migrated database at ``url`` with the small data."""
    engine = make_engine(url)
    upgrade(engine)
    return fill(engine)


@pytest.fixture(scope="module", autouse=True)
def light_argon2() -> Iterator[None]:
    """Hash the analyst's password with the test profile, not the production one (for the
    module-scoped databases too)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COCKPIT_ARGON2_PROFILE", "test")
        yield

"""The briefing's figures on a copy of the seeded database: only what was known on the day asked
(a revision published later is not in an earlier deck: a test that would catch a leak), only the
months up to the briefing's, forecasts made by that day, the role check, and ``make briefing``'s
job writing the same files twice."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, insert

from analytics.observations import series
from data import repository
from data import tables as t
from data.engine import make_engine
from domain.errors import PermissionDenied
from forecasting import forecast
from services import forecasts as forecast_service
from services.briefing import briefing_data
from tests.app.conftest import APP, user_for
from tests.factories import observation_row

CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
FEBRUARY = pd.Period("2025-02", "M")


def _copy(folder: Path) -> str:
    """A consistent copy of the seeded database (SQLite's backup, WAL included), as a URL."""
    copy = folder / "cockpit.db"
    source = sqlite3.connect(os.environ["COCKPIT_DATABASE_URL"].removeprefix("sqlite:///"))
    target = sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{copy}"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(_copy(tmp_path))
    yield engine
    engine.dispose()


def _cpi(engine: Engine, as_of: dt.date, period: pd.Period = FEBRUARY) -> pd.Series:
    data = briefing_data(engine, user_for("leader"), period, as_of)
    return next(item for item in data.indicators if item.code == CPI).values


def test_a_revision_published_later_is_not_in_an_earlier_briefing(engine: Engine) -> None:
    known = repository.observations(engine, [CPI])
    february = known[pd.to_datetime(known["period_start"]) == FEBRUARY.start_time].iloc[0]
    first_known = pd.Timestamp(february["vintage"]).date()
    with engine.begin() as conn:
        conn.execute(
            insert(t.observations),
            [
                observation_row(
                    CPI,
                    FEBRUARY,
                    float(february["value"]) + 1.0,
                    dt.date(2025, 4, 15),
                    source="test revision",
                )
            ],
        )
    before = _cpi(engine, dt.date(2025, 4, 14))
    after = _cpi(engine, dt.date(2025, 4, 15))
    assert first_known <= dt.date(2025, 4, 14)
    assert before[FEBRUARY] == pytest.approx(float(february["value"]))
    assert after[FEBRUARY] == pytest.approx(float(february["value"]) + 1.0)
    assert (before.drop(FEBRUARY) == after.drop(FEBRUARY)).all(), "other months unchanged"
    data = briefing_data(engine, user_for("leader"), FEBRUARY, dt.date(2025, 4, 14))
    assert data.vintage is not None and data.vintage <= dt.date(2025, 4, 14)
    assert briefing_data(engine, user_for("leader"), FEBRUARY, dt.date(2025, 4, 15)).vintage == (
        dt.date(2025, 4, 15)
    )


def test_a_briefing_stops_at_its_month(engine: Engine) -> None:
    january = _cpi(engine, dt.date.today(), pd.Period("2025-01", "M"))
    assert january.index[-1] == pd.Period("2025-01", "M")


def test_a_forecast_counts_from_the_day_it_was_made(engine: Engine) -> None:
    history = series(repository.observations(engine, [CPI]), CPI, "M").iloc[-60:]
    forecast_service.publish(
        engine, user_for("analyst"), CPI, forecast(history, 6, "naive"), "level", "M", "v", None
    )
    leader = user_for("leader")
    later = briefing_data(engine, leader, FEBRUARY, dt.date.today())
    cpi = next(item for item in later.indicators if item.code == CPI)
    assert cpi.forecast_kind == "published" and cpi.forecast_made == dt.date.today()
    assert len(cpi.forecast) == 6
    earlier = briefing_data(engine, leader, FEBRUARY, dt.date(2025, 3, 31))
    assert next(item for item in earlier.indicators if item.code == CPI).forecast is None


def test_a_data_officer_may_not_make_a_briefing(engine: Engine) -> None:
    with pytest.raises(PermissionDenied):
        briefing_data(engine, user_for("data_officer"), FEBRUARY, dt.date.today())


def _job(out: Path, *args: str) -> subprocess.CompletedProcess:
    out.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "jobs.briefing", "--out", str(out), *args],
        cwd=Path(APP).parent,
        env={**os.environ, "COCKPIT_DATABASE_URL": _copy(out)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_job_writes_the_same_deck_twice(tmp_path: Path) -> None:
    args = ("--period", "2025-02", "--lang", "vi", "--as-of", "2025-03-31")
    first, second = _job(tmp_path / "a", *args), _job(tmp_path / "b", *args)
    assert first.returncode == 0, first.stderr
    assert "13 slides" in first.stdout
    for suffix in (".pptx", ".pdf"):
        name = f"briefing-2025-02-vi{suffix}"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert second.returncode == 0


def test_the_job_refuses_a_month_it_cannot_read(tmp_path: Path) -> None:
    done = _job(tmp_path, "--period", "2025-2")
    assert done.returncode == 2
    assert "YYYY-MM" in done.stderr and "Traceback" not in done.stderr
    done = _job(tmp_path, "--period", "2025-02", "--as-of", "31/03/2025")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr


def test_the_calibration_uses_only_months_whose_figures_are_in_the_database(
    engine: Engine,
) -> None:
    from services.outlook import calibration

    table = calibration(engine, before=2026)
    assert set(table["year"]) <= {2021, 2022, 2023, 2024, 2025}
    assert table["probability"].between(0, 1).all()
    cpi_2025 = table[(table["year"] == 2025) & (table["name_en"] == "Average CPI growth")]
    # The seed's CPI ends in February 2025, known from the end of March: no later meeting.
    assert cpi_2025["day"].max() == dt.date(2025, 3, 31)
    gdp = table[table["name_en"] == "GDP growth rate"]
    # GDP levels start in 2021Q1: twelve quarters are known only from the end of January 2024.
    assert gdp["day"].min() == dt.date(2024, 1, 31)
    for _, row in table.iterrows():
        assert row["day"] == pd.Period(row["day"], "M").end_time.date()
        assert row["day"].year == row["year"]
    assert table["met"].all(), "every one of these targets was met (the published outcomes)"


def test_the_outlook_gives_the_year_a_published_forecast_implies(engine: Engine) -> None:
    from services.outlook import targets_outlook

    history = series(repository.observations(engine, [CPI]), CPI, "M").iloc[-60:]
    result = forecast(history, 10, "naive")  # March to December 2025
    forecast_service.publish(engine, user_for("analyst"), CPI, result, "level", "M", "v", None)
    rows = targets_outlook(engine, 2025)
    found = next(o for row, o, _ in rows if row["name_en"] == "Average CPI growth")
    known = history[history.index.year == 2025]
    expected = (known.sum() + result.point.sum()) / 12  # the naive path repeats February
    assert len(known) == 2
    assert found.forecast_outcome == pytest.approx(expected)
    assert found.forecast_kind == "published"
    before = targets_outlook(engine, 2025, as_of=dt.date(2025, 3, 31))
    earlier = next(o for row, o, _ in before if row["name_en"] == "Average CPI growth")
    assert np.isnan(earlier.forecast_outcome), "the forecast was made after that day"

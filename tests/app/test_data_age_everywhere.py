"""Every page that shows figures says the newest period it shows and how long ago that was.

The expected period is read straight from the database (the newest period stored for what the
page shows), not from the helper the pages call; the age is checked against Babel's wording for
the distance from that period's end to today.
"""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
from babel import dates
from sqlalchemy import func, select

from analytics.formatting import format_period
from data import tables as t
from data.engine import make_engine
from domain.vocabulary import Frequency

CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
GDP = "GDP_Q_YOY.TONG_SO"


def _newest(codes: list[str]) -> pd.Period:
    """The newest period stored for ``codes``, by the day it ends (straight from the table)."""
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    o, i = t.observations.c, t.indicators.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(o.indicator_code, func.max(o.period_end), i.frequency)
            .join(t.indicators, i.code == o.indicator_code)
            .where(o.indicator_code.in_(codes))
            .group_by(o.indicator_code, i.frequency)
        ).all()
    engine.dispose()
    periods = [pd.Period(end, Frequency.parse(freq).pandas) for _, end, freq in rows]
    return max(periods, key=lambda period: period.end_time)


def _age_line(at, period: pd.Period, lang: str = "vi") -> str:  # type: ignore[no-untyped-def]
    label = format_period(period, lang)
    lines = [c.value for c in at.caption if label in c.value and "—" in c.value]
    assert lines, f"no age line naming {label}: {[c.value for c in at.caption]}"
    elapsed = dt.date.today() - period.end_time.date()
    expected = dates.format_timedelta(
        -elapsed, granularity="day", threshold=2, add_direction=True, locale="vi_VN"
    )
    assert lines[0].endswith(expected)
    return lines[0]


def test_explore_says_the_newest_period_among_the_series_drawn(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=f"{GDP},{CPI}")
    assert not at.exception
    line = _age_line(at, _newest([GDP, CPI]))
    assert line.startswith(
        "Số liệu mới nhất trên trang: Tháng"
    )  # CPI's month is newer than GDP's quarter


def test_the_lab_says_the_age_of_its_series(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/forecast_lab.py", role="analyst")
    assert not at.exception
    code = at.selectbox[0].value
    _age_line(at, _newest([code]))


def test_supply_says_the_newest_period_of_the_agency(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/supply.py", role="data_officer")
    assert not at.exception
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    with engine.connect() as conn:
        codes = list(
            conn.execute(select(t.indicators.c.code).where(t.indicators.c.agency_code == "SBV"))
            .scalars()
            .all()
        )
    engine.dispose()
    _age_line(at, _newest(codes))


def test_the_gso_import_says_the_newest_period_of_gso_s_series(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/gso_import.py", role="analyst")
    assert not at.exception
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    with engine.connect() as conn:
        codes = list(
            conn.execute(select(t.indicators.c.code).where(t.indicators.c.agency_code == "GSO"))
            .scalars()
            .all()
        )
    engine.dispose()
    _age_line(at, _newest(codes))


def test_the_monitor_says_how_old_its_newest_data_is(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/monitor.py", role="leader")
    assert not at.exception
    assert any("Số liệu mới nhất" in c.value for c in at.caption)

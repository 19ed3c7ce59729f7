"""The calibration's pieces, by hand: what counts as known on a day, the Brier score, the rule
"the latest figure already meets it", and the outlook's latest and year-to-date figures and
judging rule as the page writes them."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from analytics.outlook import OUTLOOK_SOURCES, latest_figure, year_to_date
from analytics.outlook_calibration import brier, expected_last, known_on, latest_meets, scores
from analytics.target_odds import Acceptance, acceptance, rule_text
from analytics.targets import parse_target

CPI = OUTLOOK_SOURCES["Average CPI growth"]
GDP = OUTLOOK_SOURCES["GDP growth rate"]


def test_a_month_counts_as_known_from_the_end_of_the_next_month() -> None:
    months = pd.Series(range(6), index=pd.period_range("2024-01", "2024-06", freq="M"))
    assert list(known_on(months, dt.date(2024, 4, 30)).index.astype(str)) == [
        "2024-01",
        "2024-02",
        "2024-03",
    ]
    assert known_on(months, dt.date(2024, 4, 1)).index[-1] == pd.Period("2024-03", "M")
    assert expected_last("M", dt.date(2024, 4, 15)) == pd.Period("2024-03", "M")
    quarters = pd.Series(range(4), index=pd.period_range("2024Q1", "2024Q4", freq="Q"))
    assert known_on(quarters, dt.date(2024, 4, 30)).index[-1] == pd.Period("2024Q1", "Q")
    assert known_on(quarters, dt.date(2024, 4, 29)).index[-1] == pd.Period("2024Q1", "Q")
    assert len(known_on(quarters, dt.date(2024, 3, 31))) == 0
    assert expected_last("Q", dt.date(2024, 4, 30)) == pd.Period("2024Q1", "Q")
    assert expected_last("Q", dt.date(2024, 3, 31)) == pd.Period("2023Q4", "Q")


def test_the_brier_score_by_hand() -> None:
    # (0.9-1)² + (0.2-0)² + (0.5-1)² = 0.01 + 0.04 + 0.25 = 0.30, over 3
    assert brier(np.array([0.9, 0.2, 0.5]), np.array([1, 0, 1])) == pytest.approx(0.1)
    assert math.isnan(brier(np.array([]), np.array([])))
    table = pd.DataFrame(
        {"probability": [0.9, 0.2], "latest_meets": [1.0, 1.0], "met": [True, False]}
    )
    found = scores(table)
    assert found["outlook"] == pytest.approx((0.01 + 0.04) / 2)
    assert found["coin"] == pytest.approx(0.25)
    assert found["latest_meets"] == pytest.approx(0.5)
    assert found["count"] == 2


def test_the_latest_figure_rule_is_zero_or_one() -> None:
    ceiling = Acceptance(-math.inf, 5.0)
    assert latest_meets(4.2, ceiling) == 1.0
    assert latest_meets(5.3, ceiling) == 0.0
    assert math.isnan(latest_meets(math.nan, ceiling))


def test_latest_and_year_to_date_are_read_the_way_the_target_is() -> None:
    cpi = pd.Series([3.0, 4.0, 2.0, 5.0], index=pd.period_range("2024-11", "2025-02", freq="M"))
    assert latest_figure(CPI, cpi) == 5.0
    assert year_to_date(CPI, cpi, 2025) == pytest.approx(3.5)  # (2 + 5) / 2
    assert math.isnan(year_to_date(CPI, cpi, 2026))
    gdp = pd.Series(
        [100.0, 110.0, 120.0, 130.0, 105.0, 121.0],
        index=pd.period_range("2024Q1", "2025Q2", freq="Q"),
    )
    assert latest_figure(GDP, gdp) == pytest.approx(10.0)  # 121 / 110 - 1
    assert year_to_date(GDP, gdp, 2025) == pytest.approx(100 * (226 / 210 - 1))


def test_the_judging_rule_is_written_for_each_language() -> None:
    cpi = acceptance(parse_target("Khoảng 4,5"), False)
    assert rule_text(cpi, "vi") == "≤ 5,0"
    gdp = acceptance(parse_target("Phấn đấu từ 10 trở lên"), True)
    assert rule_text(gdp, "en") == "≥ 10.0"
    band = acceptance(parse_target("6-6,5"), None)
    assert rule_text(band, "vi") == "6,0 – 6,5"

"""Numbers, changes, periods and dates as a reader sees them."""

import datetime as dt

import pandas as pd
import pytest

from analytics.formatting import format_change, format_date, format_number, format_period
from domain.errors import InputError


@pytest.mark.parametrize(
    ("x", "decimals", "vi", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (-1234.56, 1, "-1.234,6", "-1,234.6"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (1234.5, 0, "1.235", "1,235"),
        (2.25, 1, "2,3", "2.3"),
        (2.675, 2, "2,68", "2.68"),
        (0.0, 1, "0,0", "0.0"),
        (-0.04, 1, "0,0", "0.0"),
        (12, 1, "12,0", "12.0"),
    ],
)
def test_format_number_uses_the_separators_of_the_language(x, decimals, vi, en):
    assert format_number(x, "vi", decimals) == vi
    assert format_number(x, "en", decimals) == en


@pytest.mark.parametrize("x", [None, float("nan"), float("inf"), pd.NA])
def test_missing_number_is_an_en_dash(x):
    assert format_number(x, "vi") == "–"
    assert format_change(x, "en") == "–"


@pytest.mark.parametrize(
    ("x", "vi", "en"),
    [(1.2, "+1,2", "+1.2"), (-0.3, "-0,3", "-0.3"), (0.0, "0,0", "0.0"), (0.04, "0,0", "0.0")],
)
def test_format_change_gives_positive_changes_a_plus_sign(x, vi, en):
    assert format_change(x, "vi") == vi
    assert format_change(x, "en") == en


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (pd.Period("2026-11", freq="M"), "Tháng 11/2026", "Nov 2026"),
        (pd.Period("2026-03", freq="M"), "Tháng 3/2026", "Mar 2026"),
        (pd.Period("2026Q3", freq="Q"), "Quý III/2026", "Q3 2026"),
        (pd.Period("2026Q4", freq="Q"), "Quý IV/2026", "Q4 2026"),
        (pd.Period("2026", freq="Y"), "Năm 2026", "2026"),
    ],
)
def test_format_period_names_months_and_quarters_in_the_language(period, vi, en):
    assert format_period(period, "vi") == vi
    assert format_period(period, "en") == en


@pytest.mark.parametrize(
    ("day", "vi", "en"),
    [
        (dt.date(2026, 11, 25), "25/11/2026", "25 Nov 2026"),
        (dt.date(2026, 3, 5), "05/03/2026", "5 Mar 2026"),
        (pd.Timestamp("2026-03-05 10:30"), "05/03/2026", "5 Mar 2026"),
    ],
)
def test_format_date_writes_day_month_year(day, vi, en):
    assert format_date(day, "vi") == vi
    assert format_date(day, "en") == en


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_number(1.0, "fr"),
        lambda: format_change(1.0, "fr"),
        lambda: format_period(pd.Period("2026-01", freq="M"), "fr"),
        lambda: format_date(dt.date(2026, 1, 1), "fr"),
    ],
)
def test_unknown_language_is_refused(call):
    with pytest.raises(InputError) as raised:
        call()
    assert str(raised.value) == "language fr is not one of vi, en"
    assert raised.value.key == "error.language_unknown"
    assert raised.value.params == {"lang": "fr"}

"""The newest period a page shows and how long ago it ended, on a fixed day of reading."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.data_age import format_age, newest_shown

READ_ON = dt.date(2026, 12, 1)


def month(label: str) -> pd.Period:
    return pd.Period(label, "M")


def test_the_newest_period_is_the_one_that_ends_last_whatever_its_frequency() -> None:
    shown = [pd.Period("2024Q4", "Q"), month("2025-02"), pd.Period("2024", "Y"), None]
    age = newest_shown(shown, READ_ON)
    assert age is not None
    assert age.period == month("2025-02")
    assert age.elapsed == dt.timedelta(days=641)


def test_february_2025_read_on_1_december_2026_is_21_months_old_in_both_languages() -> None:
    age = newest_shown([month("2025-02")], READ_ON)
    assert format_age(age, "vi") == "21 tháng trước"
    assert format_age(age, "en") == "21 months ago"


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        ("2026-11", "1 ngày trước", "1 day ago"),
        ("2026-09", "2 tháng trước", "2 months ago"),
        ("2023-06", "3 năm trước", "3 years ago"),
    ],
)
def test_an_age_is_written_in_whole_units(period: str, vi: str, en: str) -> None:
    age = newest_shown([month(period)], READ_ON)
    assert (format_age(age, "vi"), format_age(age, "en")) == (vi, en)


def test_a_period_not_yet_over_is_in_progress_and_has_no_age() -> None:
    age = newest_shown([month("2026-12")], READ_ON)
    assert age.in_progress
    with pytest.raises(ValueError, match="2026-12 has not ended yet"):
        format_age(age, "vi")


def test_no_period_shown_has_no_age() -> None:
    assert newest_shown([None], READ_ON) is None
    assert newest_shown([], READ_ON) is None

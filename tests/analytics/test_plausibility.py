"""Whether a typed figure is in line with the indicator's recent values."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.plausibility import PlausibleRange, nearest_values, plausible_range

EXCHANGE_RATE = [25400, 25450, 25500, 25600, 25700, 25800, 25900, 25950, 26000, 26100, 26200, 26300]
REFINANCING_RATE = [4.5] * 12
CPI_MONTH_ON_MONTH = [-0.5, 0.3, 0.1, 0.6, -0.2, 0.4, 0.0, 0.2, 0.5, -0.1, 0.3, 0.2]


@pytest.mark.parametrize(
    ("recent", "value"),
    [
        (EXCHANGE_RATE, 259_500),
        (EXCHANGE_RATE, 2_595),
        (EXCHANGE_RATE, 25.95),
        (EXCHANGE_RATE, 1_234.5),
        (REFINANCING_RATE, 45),
        (REFINANCING_RATE, 0.45),
        (CPI_MONTH_ON_MONTH, 30.0),
        (CPI_MONTH_ON_MONTH, -30.0),
    ],
)
def test_a_value_ten_or_a_thousand_times_off_asks_for_confirmation(recent, value):
    assert not plausible_range(recent).contains(value)


@pytest.mark.parametrize(
    ("recent", "value"),
    [
        (EXCHANGE_RATE, 26_500),
        (EXCHANGE_RATE, 24_000),
        (REFINANCING_RATE, 4.5),
        (REFINANCING_RATE, 4.0),
        (REFINANCING_RATE, 3.0),
        (CPI_MONTH_ON_MONTH, 1.5),
        (CPI_MONTH_ON_MONTH, -1.0),
    ],
)
def test_an_ordinary_move_is_not_questioned(recent, value):
    assert plausible_range(recent).contains(value)


def test_the_range_is_the_median_plus_or_minus_ten_robust_spreads():
    # median 4.5, MAD 0, so the spread is its floor 5 % of 4.5 = 0.225
    assert plausible_range(REFINANCING_RATE) == PlausibleRange(
        low=pytest.approx(2.25), high=pytest.approx(6.75), median=4.5, count=12
    )
    # median 3, MAD 1: spread 1.4826, range 3 ± 14.826
    spread = plausible_range([1, 2, 3, 4, 5])
    assert (spread.low, spread.high) == (pytest.approx(3 - 14.826), pytest.approx(3 + 14.826))


def test_one_outlier_among_the_recent_values_does_not_widen_the_range():
    with_outlier = [*EXCHANGE_RATE[:-1], 2_630_000]
    assert not plausible_range(with_outlier).contains(259_500)


def test_too_few_values_question_nothing_and_missing_ones_do_not_count():
    assert plausible_range([25950, 26000, 26100]) is None
    assert plausible_range([25950, 26000, 26100, float("nan")]) is None
    assert plausible_range([]) is None


def test_a_series_of_zeros_accepts_only_zero():
    zeros = plausible_range([0.0] * 6)
    assert zeros.contains(0.0) and not zeros.contains(0.1)


def test_the_values_compared_are_those_nearest_the_period_without_the_period_itself():
    months = pd.period_range("2020-01", "2025-12", freq="M")
    observations = pd.DataFrame(
        {"period_start": [m.start_time.date() for m in months], "value": range(len(months))}
    )
    # a new month after the last: the twelve latest
    assert nearest_values(observations, dt.date(2026, 1, 1)) == list(range(71, 59, -1))
    # a month in the middle, being corrected: its neighbours by days, the earlier first on a tie
    # (Dec and Feb are 31 days away, Mar 59 and Nov 61)
    middle = nearest_values(observations, dt.date(2023, 1, 1), 4)
    assert middle == [35, 37, 38, 34]
    assert nearest_values(observations.iloc[[34, 36, 38]], dt.date(2022, 12, 1), 2) == [34, 36]
    # back-filling before the first: the earliest
    assert nearest_values(observations, dt.date(2019, 12, 1), 3) == [0, 1, 2]
    assert nearest_values(observations.iloc[:0], dt.date(2019, 12, 1)) == []

"""Deadlines by regime, each worked out by hand from the rules and the 2025–2026 calendar."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.reporting_calendar import deadline, is_working_day, next_working_day, window
from domain.vocabulary import Regime


@pytest.mark.parametrize(
    ("period", "regime", "due"),
    [
        ("2024-12", Regime.STATISTICAL, dt.date(2024, 12, 29)),
        ("2025-02", Regime.STATISTICAL, dt.date(2025, 2, 28)),  # February: its last day
        ("2025-03", Regime.STATISTICAL, dt.date(2025, 4, 6)),
        ("2026-11", Regime.STATISTICAL, dt.date(2026, 12, 6)),
        ("2026-Q4", Regime.STATISTICAL, dt.date(2027, 1, 6)),
        ("2026-10", Regime.DECREE_09, dt.date(2026, 10, 26)),  # the 25th is a Sunday
        ("2026-11", Regime.DECREE_09, dt.date(2026, 11, 25)),  # a Wednesday
        ("2025-01", Regime.DECREE_09, dt.date(2025, 2, 3)),  # 25th Sat; Tết 27/1 to 1/2
        ("2026-01", Regime.DECREE_09, dt.date(2026, 1, 26)),  # the 25th is a Sunday
    ],
)
def test_the_deadline_of_a_period(period: str, regime: Regime, due: dt.date) -> None:
    freq = "Q" if "Q" in period else "M"
    assert deadline(pd.Period(period, freq), regime) == due


def test_tet_is_not_a_working_day() -> None:
    assert not is_working_day(dt.date(2026, 2, 17))  # Tết 2026
    assert next_working_day(dt.date(2026, 2, 14)) == dt.date(2026, 2, 23)  # Sat before Tết week
    assert is_working_day(dt.date(2026, 2, 23))


def test_the_windows_of_the_two_regimes() -> None:
    month = pd.Period("2026-03", "M")
    assert window(month, Regime.STATISTICAL) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert window(month, Regime.DECREE_09) == (dt.date(2026, 2, 15), dt.date(2026, 3, 14))
